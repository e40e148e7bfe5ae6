// SPDX-License-Identifier: GPL-2.0
/*
 * The monotonic clock: nanoseconds since the machine was reset (the same
 * origin as the printk timestamps), read from the TSC through
 * sched_clock() (arch/x86/kernel/tsc.c). 0 until time_init() has
 * calibrated the TSC.
 *
 * The TSC itself only goes forward on one CPU, but a virtual machine can
 * show small steps back (a vCPU moved between host cores, a migration),
 * and later CPUs will not be perfectly in step with each other. So each
 * CPU remembers the last value it returned and never returns less: time
 * may stand still for a moment, it never runs backwards. Like Linux's
 * local_clock(), the guarantee is per CPU.
 * Locking: last_ns[cpu] is only touched by its own CPU with interrupts
 * off, so no lock is needed.
 * Linux: kernel/time/timekeeping.c (ktime_get_ns), which reads a
 * clocksource with a seqcount; Spindle's clocksource is the TSC alone.
 */
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched/clock.h>
#include <linux/timekeeping.h>
#include <asm/current.h>
#include <asm/percpu.h>

static u64 last_ns[NR_CPUS];

/**
 * ktime_get_ns - monotonic nanoseconds since boot
 *
 * Return: nanoseconds since reset, or 0 before the TSC is calibrated.
 *
 * Safe in any context, interrupts on or off. Two reads on the same CPU
 * never go backwards.
 * Linux: ktime_get_ns() in kernel/time/timekeeping.c
 */
u64 ktime_get_ns(void)
{
	unsigned long flags;
	u64 now, *last;

	/* Interrupts off: no tick may run between our read and our update. */
	local_irq_save(flags);
	last = &last_ns[smp_processor_id()];
	now = sched_clock();
	if (now < *last)
		now = *last;
	else
		*last = now;
	local_irq_restore(flags);
	return now;
}

/**
 * ktime_get_boot_ms - milliseconds since boot
 * Return: ktime_get_ns() / 10^6.
 * Linux: ktime_get_boottime_ns() / NSEC_PER_MSEC (Spindle never suspends,
 * so boot time and monotonic time are the same)
 */
u64 ktime_get_boot_ms(void)
{
	return ktime_get_ns() / NSEC_PER_MSEC;
}
