// SPDX-License-Identifier: GPL-2.0
/*
 * The periodic tick. The local APIC timer interrupt (arch/x86/kernel/apic.c)
 * calls tick_handle_periodic() HZ times a second, in hardirq context with
 * interrupts off; it advances jiffies and runs the per-tick hooks: expired
 * kernel timers (run_local_timers(), kernel/time/timer.c) and the
 * scheduler's accounting (scheduler_tick(), kernel/sched/core.c), which
 * may ask for a reschedule that irq_exit() then carries out.
 *
 * Every CPU's APIC timer ticks; only the boot CPU advances jiffies (Linux:
 * the "do_timer" CPU), and each CPU runs timer_tick() for itself: its own
 * timer base and its own run queue. jiffies_64 needs no lock: one writer,
 * with interrupts off, and 64-bit loads do not tear.
 * Linux: kernel/time/tick-common.c (tick_handle_periodic, tick_periodic),
 * kernel/time/timer.c (update_process_times), timekeeping.c (do_timer)
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/tick.h>
#include <linux/timer.h>
#include <asm/current.h>

/* Advance jiffies by @ticks. Linux: do_timer() in kernel/time/timekeeping.c */
static void do_timer(unsigned long ticks)
{
	WRITE_ONCE(jiffies_64, jiffies_64 + ticks);
}

/**
 * timer_tick - the per-tick work of this CPU
 * @regs: the interrupted context (unused until user/system time accounting)
 *
 * Timers first, as Linux orders it: a timer callback that wakes a task
 * makes it runnable before the scheduler looks at who should run.
 * Called with interrupts off, in hardirq context.
 * Linux: update_process_times() in kernel/time/timer.c
 */
void timer_tick(struct pt_regs *regs)
{
	run_local_timers();
	scheduler_tick();
}

/**
 * tick_handle_periodic - the periodic clock event: one tick has passed
 * @regs: the interrupted context
 *
 * Called by the local APIC timer handler, which sends the EOI afterwards.
 * Linux: tick_handle_periodic() / tick_periodic() in kernel/time/tick-common.c
 */
void tick_handle_periodic(struct pt_regs *regs)
{
	if (smp_processor_id() == 0)
		do_timer(1);
	timer_tick(regs);
}
