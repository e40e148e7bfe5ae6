/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Time sources: the TSC (fast, per-CPU cycle counter, our clock), the PIT
 * (a fixed 1.193182 MHz reference, used to measure the TSC and the APIC
 * timer), and the local APIC timer (the periodic tick).
 * Linux: arch/x86/include/asm/tsc.h, i8253.h, apic.h
 */
#ifndef _ASM_X86_TIME_H
#define _ASM_X86_TIME_H

#include <linux/types.h>

#define PIT_TICK_RATE	1193182UL

extern unsigned long tsc_khz;

/* Measure the TSC against the PIT; sets tsc_khz. */
void tsc_init(void);
/* Busy-wait about @ms milliseconds with PIT channel 2; returns TSC ticks seen. */
u64 pit_wait_ms(unsigned int ms);

/*
 * Interrupt controllers up, every source masked (arch/x86/kernel/time.c):
 * legacy PICs off, ACPI MADT parsed, local APIC on, I/O APICs masked.
 * Call before time_init(), with interrupts off.
 */
void init_IRQ(void);
/* Calibrate the TSC, then start the local APIC timer tick at HZ. */
void time_init(void);

#endif /* _ASM_X86_TIME_H */
