// SPDX-License-Identifier: GPL-2.0
/*
 * The periodic tick. The local APIC timer interrupt (arch/x86/kernel/apic.c)
 * calls tick_handle_periodic() HZ times a second, in hardirq context with
 * interrupts off; it advances jiffies and runs the per-tick hooks: the
 * check for expired kernel timers (run_local_timers(), kernel/time/timer.c,
 * which raises the timer softirq), the scheduler's accounting
 * (scheduler_tick(), kernel/sched/core.c), which may ask for a reschedule,
 * and the lockup detector's per-CPU timer (watchdog_tick(), kernel/watchdog.c).
 * irq_exit() then runs the timer callbacks and carries out the reschedule.
 *
 * Every CPU's APIC timer ticks; only the boot CPU advances jiffies (Linux:
 * the "do_timer" CPU), and each CPU runs timer_tick() for itself: its own
 * timer base and its own run queue. jiffies_64 and last_jiffies_update need
 * no lock: one writer (the do_timer CPU, with interrupts off), and 64-bit
 * loads do not tear.
 *
 * jiffies count clock time, not interrupts: a virtual machine's timer
 * interrupts are lost while the host runs something else (QEMU drops the
 * periods it missed), and counting interrupts made 500 ms of TSC time as
 * few as 18 jiffies on a loaded host. So the do_timer CPU advances jiffies
 * by the ticks that passed on the TSC since the last update, as Linux's
 * tick_do_update_jiffies64() does for a tickless CPU.
 * Linux: kernel/time/tick-common.c (tick_handle_periodic, tick_periodic),
 * kernel/time/timer.c (update_process_times), timekeeping.c (do_timer)
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/nmi.h>
#include <linux/sched.h>
#include <linux/tick.h>
#include <linux/timekeeping.h>
#include <linux/timer.h>
#include <linux/sched/loadavg.h>
#include <asm/current.h>

/* Advance jiffies by @ticks. Linux: do_timer() in kernel/time/timekeeping.c */
static void do_timer(unsigned long ticks)
{
	WRITE_ONCE(jiffies_64, jiffies_64 + ticks);
	calc_global_load();
}

/* The clock time (ktime_get_ns()) that jiffies_64 last stood for. */
static u64 last_jiffies_update;

/*
 * Advance jiffies to the clock: by the whole ticks since the last update,
 * rounded to the nearest, so that an interrupt a hair early or late on its
 * boundary (the APIC timer and the TSC are calibrated apart) neither skips
 * nor doubles a jiffy, and an interrupt the host delivered late in a burst
 * adds none. Linux: tick_do_update_jiffies64() in kernel/time/tick-sched.c
 */
static void tick_do_update_jiffies64(u64 now)
{
	u64 ticks;

	if (!last_jiffies_update) {		/* the first tick */
		last_jiffies_update = now;
		do_timer(1);
		return;
	}
	if (now < last_jiffies_update)
		return;
	ticks = (now - last_jiffies_update + TICK_NSEC / 2) / TICK_NSEC;
	if (!ticks)
		return;
	last_jiffies_update += ticks * TICK_NSEC;
	do_timer(ticks);
}

/**
 * timer_tick - the per-tick work of this CPU
 * @regs: the interrupted context (unused until user/system time accounting)
 *
 * In Linux's order: the timer softirq is raised, the scheduler accounts
 * the tick; the callbacks run afterwards, at irq_exit().
 * Called with interrupts off, in hardirq context.
 * Linux: update_process_times() in kernel/time/timer.c
 */
void timer_tick(struct pt_regs *regs)
{
	run_local_timers();
	scheduler_tick();
	watchdog_tick(regs);
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
		tick_do_update_jiffies64(ktime_get_ns());
	timer_tick(regs);
}
