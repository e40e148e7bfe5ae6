/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The periodic tick: what runs HZ times a second on every CPU's local
 * APIC timer interrupt (kernel/time/tick.c).
 * Linux: include/linux/tick.h, kernel/time/tick-internal.h
 */
#ifndef _LINUX_TICK_H
#define _LINUX_TICK_H

struct pt_regs;

/* The clock event handler: advance jiffies, then timer_tick(). */
void tick_handle_periodic(struct pt_regs *regs);
/* The per-tick work: expired timers, then the scheduler's accounting. */
void timer_tick(struct pt_regs *regs);

#endif /* _LINUX_TICK_H */
