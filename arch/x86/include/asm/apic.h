/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The local APIC: each CPU's own interrupt controller. It accepts the
 * interrupts the I/O APIC sends, has a timer (Spindle's tick), and must be
 * told when a handler is done (apic_eoi()). Spindle drives it in xAPIC
 * mode, through 4 KiB of memory-mapped registers, or in x2APIC mode
 * (MSRs) when the firmware left it there.
 * Linux: arch/x86/include/asm/apic.h, apicdef.h
 */
#ifndef _ASM_X86_APIC_H
#define _ASM_X86_APIC_H

#include <linux/types.h>

#define APIC_DEFAULT_PHYS_BASE	0xfee00000UL

/* Register offsets in the MMIO page (each 32 bits, 16-byte aligned). */
#define APIC_ID		0x020	/* bits 31:24: this CPU's APIC id */
#define APIC_LVR	0x030	/* version; bits 23:16: number of LVT entries - 1 */
#define APIC_TASKPRI	0x080	/* TPR: vectors of priority <= this are held back */
#define APIC_EOI	0x0b0
#define APIC_LDR	0x0d0
#define APIC_DFR	0x0e0
#define APIC_SPIV	0x0f0	/* spurious vector + software enable */
#define  APIC_SPIV_APIC_ENABLED	(1U << 8)
#define APIC_ISR	0x100	/* in service, 8 registers of 32 bits */
#define APIC_IRR	0x200	/* requested, 8 registers of 32 bits */
#define APIC_ESR	0x280	/* error status */
#define APIC_ICR	0x300	/* interrupt command, low word (sends on write) */
#define  APIC_ICR_BUSY		(1U << 12)	/* xAPIC: delivery still pending */
#define  APIC_INT_LEVELTRIG	(1U << 15)
#define  APIC_INT_ASSERT	(1U << 14)
#define  APIC_DM_FIXED		(0U << 8)
#define  APIC_DM_NMI		(4U << 8)
#define  APIC_DM_INIT		(5U << 8)
#define  APIC_DM_STARTUP	(6U << 8)
#define  APIC_DEST_ALLBUT	(3U << 18)	/* shorthand: every CPU but this one */
#define APIC_ICR2	0x310	/* xAPIC: destination in bits 31:24 */
#define APIC_LVTT	0x320	/* LVT: timer */
#define APIC_LVTTHMR	0x330	/* LVT: thermal sensor */
#define APIC_LVTPC	0x340	/* LVT: performance counters */
#define APIC_LVT0	0x350	/* LVT: LINT0 pin (the legacy PIC's output) */
#define APIC_LVT1	0x360	/* LVT: LINT1 pin (NMI) */
#define APIC_LVTERR	0x370	/* LVT: internal errors */
#define APIC_TMICT	0x380	/* timer initial count */
#define APIC_TMCCT	0x390	/* timer current count */
#define APIC_TDCR	0x3e0	/* timer divide configuration */

/* LVT entry bits. */
#define APIC_LVT_MASKED		(1U << 16)
#define APIC_LVT_TIMER_PERIODIC	(1U << 17)
#define APIC_LVT_LEVEL_TRIGGER	(1U << 15)
#define APIC_MODE_NMI		(4U << 8)
#define APIC_MODE_EXTINT	(7U << 8)
#define APIC_TDR_DIV_16		0x3

/*
 * The APIC error interrupt. Linux keeps this in irq_vectors.h (Spindle:
 * asm/traps.h, next to LOCAL_TIMER_VECTOR); it belongs there.
 */
#ifndef ERROR_APIC_VECTOR
#define ERROR_APIC_VECTOR	0xfe
#endif

/* Where the local APIC's registers are (physical), from the MADT. */
extern unsigned long mp_lapic_addr;
/* The boot CPU's APIC id: where device interrupts are sent. */
extern u32 boot_cpu_physical_apicid;
/* Timer counts (at divide-by-16) per jiffy, measured at boot. */
extern u32 lapic_timer_period;

u32 apic_read(u32 reg);
void apic_write(u32 reg, u32 val);
void apic_eoi(void);
u32 read_apic_id(void);
void apic_icr_write(u32 low, u32 apicid);
/* Set when the firmware left the boot CPU in x2APIC mode. */
extern bool x2apic_mode;

void register_lapic_address(unsigned long address);
void setup_local_APIC(void);
void apic_timer_init(void);
void lapic_timer_shutdown(void);
void setup_secondary_local_APIC(void);
void setup_secondary_APIC_clock(void);

#endif /* _ASM_X86_APIC_H */
