// SPDX-License-Identifier: GPL-2.0
/*
 * The monotonic clock: nanoseconds since the machine was reset (the same
 * origin as the printk timestamps), read from the TSC through
 * sched_clock() (arch/x86/kernel/tsc.c). 0 until time_init() has
 * calibrated the TSC. The wall clock (CLOCK_REALTIME) is the monotonic
 * one plus an offset: the RTC's time at boot, moved by settimeofday().
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
#include <linux/init.h>
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

/*
 * CLOCK_REALTIME - CLOCK_MONOTONIC, in nanoseconds: the wall clock is the
 * monotonic one moved by this much. Set at boot from the RTC
 * (timekeeping_init()) and by settimeofday()/clock_settime(). One aligned
 * 64-bit word, read and written whole (READ_ONCE()/WRITE_ONCE()): no lock;
 * two setters racing leave one of their values, as two settings in a row
 * would. Linux: tk->offs_real
 */
static s64 offs_real;

/**
 * ktime_get_real_ns - the wall clock: nanoseconds since 1970 (UTC)
 * Return: ktime_get_ns() plus the real-time offset.
 * Linux: ktime_get_real_ns()
 */
u64 ktime_get_real_ns(void)
{
	return ktime_get_ns() + READ_ONCE(offs_real);
}

/**
 * ktime_real_to_mono - a CLOCK_REALTIME time as a CLOCK_MONOTONIC one
 * @real_ns: nanoseconds since 1970
 * Return: the ktime_get_ns() value the wall clock will show @real_ns at
 * (0 if that was before boot), for an absolute real-time deadline.
 * Linux: the inverse of ktime_mono_to_real()
 */
u64 ktime_real_to_mono(u64 real_ns)
{
	s64 mono = (s64)real_ns - READ_ONCE(offs_real);

	return mono > 0 ? mono : 0;
}

/**
 * do_settimeofday64 - set the wall clock
 * @real_ns: the time it is now, nanoseconds since 1970
 *
 * Only CLOCK_REALTIME moves; the monotonic clock and every timeout that
 * counts on it do not notice.
 * Linux: do_settimeofday64()
 */
void do_settimeofday64(u64 real_ns)
{
	WRITE_ONCE(offs_real, (s64)real_ns - (s64)ktime_get_ns());
}

/**
 * mktime64 - seconds since 1970 of a UTC date and time
 * @year: e.g. 2026
 * @mon: 1..12
 * @day: 1..31
 * @hour: 0..23
 * @min: 0..59
 * @sec: 0..60
 *
 * Days are counted in 400-year eras of the proleptic Gregorian calendar,
 * from a year that starts in March, so that February's leap day is the
 * last day of the year.
 * Return: the seconds.
 * Linux: mktime64() in kernel/time/time.c
 */
s64 mktime64(unsigned int year, unsigned int mon, unsigned int day, unsigned int hour,
	     unsigned int min, unsigned int sec)
{
	unsigned int y = mon <= 2 ? year - 1 : year;
	unsigned int era = y / 400, year_of_era = y % 400;
	unsigned int day_of_year = (153 * (mon > 2 ? mon - 3 : mon + 9) + 2) / 5 + day - 1;
	unsigned int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 +
				  day_of_year;
	s64 days = (s64)era * 146097 + day_of_era - 719468;	/* 719468: 0000-03-01 to 1970 */

	return ((days * 24 + hour) * 60 + min) * 60 + sec;
}

/**
 * timekeeping_init - start the wall clock at what the RTC says
 *
 * After time_init(): the monotonic clock is calibrated. An RTC that says
 * nonsense leaves the wall clock at 1970 plus the uptime.
 * Linux: timekeeping_init() / read_persistent_clock64()
 */
void __init timekeeping_init(void)
{
	u64 sec = mach_get_cmos_time();

	do_settimeofday64(sec * NSEC_PER_SEC);
	pr_info("clock: the RTC says %llu s since 1970 (CLOCK_REALTIME starts there)\n",
		(unsigned long long)sec);
}
