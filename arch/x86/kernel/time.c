// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt controller and clock bring-up, in the order they depend on
 * each other:
 *
 *   init_IRQ():  8259 PICs remapped and masked (until then a PIT tick
 *                would arrive on vector 8, the double fault's), the MADT
 *                parsed, the local APIC enabled, every I/O APIC pin masked;
 *   time_init(): the TSC calibrated against the PIT (sched_clock() works),
 *                then the local APIC timer calibrated and started at HZ.
 *
 * Both run once on the boot CPU with interrupts off; start_kernel()
 * enables interrupts afterwards, and the first tick follows.
 * Linux: arch/x86/kernel/time.c (time_init), arch/x86/kernel/irqinit.c
 * (init_IRQ), arch/x86/kernel/apic/apic.c (apic_intr_mode_init)
 */
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/i8259.h>
#include <asm/io_apic.h>
#include <asm/time.h>

/**
 * init_IRQ - set up the interrupt controllers, all sources masked
 *
 * If the ACPI tables are missing or broken, acpi_boot_init() has warned
 * and we assume the PC defaults: local APIC at 0xfee00000, one I/O APIC
 * at 0xfec00000 with GSI base 0, ISA IRQ n on pin n, except the PIT's
 * IRQ 0, which is on pin 2. That one exception is the MultiProcessor
 * Specification's default configuration (pin 0 carries the 8259's
 * output), and every PC since, QEMU included, is wired that way.
 * Linux: init_IRQ() + apic_intr_mode_init() + setup_IO_APIC()
 */
void __init init_IRQ(void)
{
	BUG_ON(!irqs_disabled());
	init_8259A();
	if (acpi_boot_init()) {
		register_lapic_address(APIC_DEFAULT_PHYS_BASE);
		mp_register_ioapic(0, IO_APIC_DEFAULT_PHYS_BASE, 0);
		mp_override_legacy_irq(0, MP_IRQPOL_DEFAULT | MP_IRQTRIG_DEFAULT, 2);
	}
	if (!nr_ioapics)
		panic("IOAPIC: no usable I/O APIC; Spindle routes device interrupts through one");
	setup_local_APIC();
	setup_IO_APIC();
	/* The CPUs are known now: before anything takes cpu_possible_mask. */
	prefill_possible_map();
}

/**
 * time_init - calibrate the clocks and start the tick
 *
 * Needs init_IRQ() first. The tick starts counting at once but is only
 * delivered when the caller enables interrupts.
 * Linux: time_init() / x86_late_time_init()
 */
void __init time_init(void)
{
	tsc_init();
	apic_timer_init();
}
