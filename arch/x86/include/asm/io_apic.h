/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The I/O APIC: takes the machine's interrupt lines (Global System
 * Interrupts, GSIs) and sends each, as a vector, to a CPU's local APIC.
 * The 16 legacy ISA IRQs sit on GSIs 0-15 unless the MADT's interrupt
 * source overrides move them (on PCs IRQ 0, the PIT, is on GSI 2).
 *
 * A handler for a routed line runs in hardirq context with interrupts
 * off and must end with apic_eoi() (<asm/apic.h>).
 * Linux: arch/x86/include/asm/io_apic.h
 */
#ifndef _ASM_X86_IO_APIC_H
#define _ASM_X86_IO_APIC_H

#include <linux/types.h>

#define IO_APIC_DEFAULT_PHYS_BASE	0xfec00000UL
#define MAX_IO_APICS			8
#define NR_IRQS_LEGACY			16

/* MADT/MPS interrupt flags (polarity bits 1:0, trigger bits 3:2). */
#define MP_IRQPOL_DEFAULT	0x0	/* as the bus says: ISA is active high */
#define MP_IRQPOL_ACTIVE_HIGH	0x1
#define MP_IRQPOL_ACTIVE_LOW	0x3
#define MP_IRQPOL_MASK		0x3
#define MP_IRQTRIG_DEFAULT	0x0	/* as the bus says: ISA is edge */
#define MP_IRQTRIG_EDGE		0x4
#define MP_IRQTRIG_LEVEL	0xc
#define MP_IRQTRIG_MASK		0xc

/* Redirection table entry bits (the low 32 of 64). */
#define IO_APIC_RTE_MASKED		(1U << 16)
#define IO_APIC_RTE_LEVEL		(1U << 15)
#define IO_APIC_RTE_ACTIVE_LOW		(1U << 13)
#define IO_APIC_RTE_VECTOR_MASK		0xffU

extern int nr_ioapics;

/* From the MADT (acpi.c), or the defaults when there is none. */
int mp_register_ioapic(int id, u32 address, u32 gsi_base);
void mp_override_legacy_irq(u8 bus_irq, u16 flags, u32 gsi);

/* Mask every pin of every registered I/O APIC (boot). */
void setup_IO_APIC(void);

int ioapic_route_isa_irq(unsigned int isa_irq, unsigned int vector);
void ioapic_mask_isa_irq(unsigned int isa_irq);

/* Inspection, for tests and the shell. */
int mp_find_ioapic(u32 gsi);
int mp_find_ioapic_pin(int apic, u32 gsi);
unsigned int ioapic_nr_pins(int apic);
u64 ioapic_read_entry(int apic, unsigned int pin);
bool ioapic_pin_routed(int apic, unsigned int pin);
u32 isa_irq_to_gsi(unsigned int isa_irq);

#endif /* _ASM_X86_IO_APIC_H */
