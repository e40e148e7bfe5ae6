/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the boot loader told us, copied out of its structures early (they
 * live in memory the page allocator will later hand out).
 * Linux: arch/x86/include/asm/setup.h, asm/e820/types.h
 */
#ifndef _ASM_X86_SETUP_H
#define _ASM_X86_SETUP_H

#include <linux/types.h>

#define COMMAND_LINE_SIZE	2048
#define E820_MAX_ENTRIES	128

enum e820_type {
	E820_TYPE_RAM = 1,
	E820_TYPE_RESERVED = 2,
	E820_TYPE_ACPI = 3,
	E820_TYPE_NVS = 4,
	E820_TYPE_UNUSABLE = 5,
};

struct e820_entry {
	u64 addr;
	u64 size;
	enum e820_type type;
};

struct e820_table {
	u32 nr_entries;
	struct e820_entry entries[E820_MAX_ENTRIES];
};

extern struct e820_table e820_table;

/* Which protocol started us: 1 (qemu -kernel) or 2 (GRUB). */
extern int boot_protocol;
extern char boot_command_line[COMMAND_LINE_SIZE];
extern char boot_loader_name[64];
extern phys_addr_t boot_acpi_rsdp;	/* 0 if the loader gave none */
extern u64 boot_tsc_at_entry;		/* TSC when x86_64_start_kernel ran */

/* The physical range the boot information occupied (kept until parsed). */
extern phys_addr_t boot_info_start, boot_info_end;
/* The initramfs the boot loader loaded (-initrd, GRUB module2), or size 0. */
extern phys_addr_t phys_initrd_start;
extern unsigned long phys_initrd_size;

int parse_multiboot(u32 magic, phys_addr_t info);
void e820__range_add(u64 start, u64 size, enum e820_type type);
void e820__update_table(struct e820_table *table);
void e820__print_table(const char *who);
u64 e820__end_of_ram(void);
bool e820__mapped_any(u64 start, u64 end, enum e820_type type);

void setup_arch(char **cmdline_p);
void x86_64_start_kernel(u32 magic, u32 info);
int boot_parse_multiboot(void);

/* Kernel image boundaries from linker.ld. */
extern char _text[], _etext[], _erodata[], _sdata[], _edata[];
extern char __bss_start[], __bss_stop[], _end[];
extern char init_stack[], init_stack_top[], init_stack_guard[];

#endif /* _ASM_X86_SETUP_H */
