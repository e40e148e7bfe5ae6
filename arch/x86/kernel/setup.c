// SPDX-License-Identifier: GPL-2.0
/*
 * setup_arch(): the machine-specific part of boot. Reads the boot
 * information, records RAM in memblock, and builds the kernel's page
 * tables; afterwards the generic code can set up its allocators.
 * Linux: arch/x86/kernel/setup.c
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/params.h>
#include <asm/acpi.h>
#include <asm/desc.h>
#include <asm/numa.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/qemu.h>
#include <asm/setup.h>
#include <asm/traps.h>

/*
 * Below this much usable RAM Spindle refuses to boot: the image, mem_map,
 * the log buffer, page tables and a few hundred threads' stacks need it.
 */
#define MIN_RAM_MB	16

static __noreturn void halt_forever(void)
{
	printk_flush();
	for (;;) {
		__asm__ __volatile__("cli");
		native_halt();
	}
}

/* Record RAM and carve out what is already in use. */
static void __init memblock_setup(void)
{
	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		struct e820_entry *e = &e820_table.entries[i];

		if (e->type == E820_TYPE_RAM)
			memblock_add(e->addr, e->size);
	}
	/* The first MiB: real-mode IVT, BIOS data, EBDA, ROMs. */
	memblock_reserve(0, LOAD_PHYSICAL_ADDR);
	memblock_reserve(__pa_symbol(_text), __pa_symbol(_end) - __pa_symbol(_text));
	/* The multiboot2 information holds the ACPI RSDP copy: keep it. */
	if (boot_info_end > boot_info_start)
		memblock_reserve(ALIGN_DOWN(boot_info_start, PAGE_SIZE),
				 PAGE_ALIGN(boot_info_end) - ALIGN_DOWN(boot_info_start, PAGE_SIZE));
	/* The initramfs stays until populate_rootfs() has unpacked it. Linux: reserve_initrd() */
	if (phys_initrd_size)
		memblock_reserve(ALIGN_DOWN(phys_initrd_start, PAGE_SIZE),
				 PAGE_ALIGN(phys_initrd_start + phys_initrd_size) -
				 ALIGN_DOWN(phys_initrd_start, PAGE_SIZE));
}

/**
 * setup_arch - architecture-specific boot: CPU tables, memory map, paging
 * @cmdline_p: set to the boot command line
 * Linux: setup_arch() in arch/x86/kernel/setup.c
 */
void __init setup_arch(char **cmdline_p)
{
	u64 ram;

	cpu_init();
	trap_init();	/* earlier than in Linux: faults in boot get reports */

	if (boot_parse_multiboot())
		halt_forever();
	pr_info("Boot loader: %s (multiboot%s)\n",
		boot_loader_name[0] ? boot_loader_name : "unknown",
		boot_protocol == 2 ? "2" : "");
	e820__update_table(&e820_table);
	pr_info("Memory map (from the boot loader):\n");
	e820__print_table(boot_protocol == 2 ? "multiboot2" : "multiboot");
	*cmdline_p = boot_command_line;
	/* acpi=off and numa=off must be known before the tables are read. */
	parse_early_param(boot_command_line);

	memblock_setup();
	ram = memblock_phys_mem_size();
	if (ram < (u64)MIN_RAM_MB << 20) {
		pr_emerg("Spindle needs at least %d MiB of RAM; this machine has %llu KiB usable.\n",
			 MIN_RAM_MB, (unsigned long long)(ram >> 10));
		pr_emerg("Boot QEMU with more memory (-m 17M is the least that boots), e.g. -m 32M. Halting.\n");
		/* Under QEMU, end it (status 35) rather than hang until Ctrl-A X. */
		printk_flush();
		qemu_exit(QEMU_EXIT_FAILURE);
	}
	/* Until paging_init(), only the first GiB is mapped (head.S). */
	memblock_set_current_limit(1UL << 30);
	paging_init();
	/* The NUMA topology, before any memory is handed out by node. */
	acpi_boot_table_init();
	initmem_init();
}
