// SPDX-License-Identifier: GPL-2.0
/*
 * Sleeping system calls. Spindle has no high-resolution timers: a sleep
 * is rounded up to whole timer ticks (1/HZ s) and served by
 * schedule_timeout(); a signal that wakes the sleeper ends it with
 * -EINTR and the time left.
 * Linux: kernel/time/hrtimer.c (hrtimer_nanosleep, nanosleep),
 * kernel/time/posix-timers.c (clock_nanosleep)
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/timekeeping.h>

/**
 * hrtimer_nanosleep - sleep @ns nanoseconds, interruptibly
 * @ns: how long
 * @rmtp: where to store the time left if a signal cut the sleep, or NULL
 * Return: 0, -EINTR, or -EFAULT if @rmtp is bad.
 * Linux: hrtimer_nanosleep()
 */
long hrtimer_nanosleep(u64 ns, struct __kernel_timespec __user *rmtp)
{
	u64 end = ktime_get_ns() + ns;
	long left = (long)((ns + TICK_NSEC - 1) / TICK_NSEC) + 1;	/* at least @ns */
	struct __kernel_timespec rem;
	u64 now;

	while (left > 0) {
		left = schedule_timeout_interruptible(left);
		if (signal_pending(current))
			break;
	}
	now = ktime_get_ns();
	if (!signal_pending(current) || now >= end)
		return 0;
	if (rmtp) {
		rem.tv_sec = (end - now) / NSEC_PER_SEC;
		rem.tv_nsec = (end - now) % NSEC_PER_SEC;
		if (copy_to_user(rmtp, &rem, sizeof(rem)))
			return -EFAULT;
	}
	return -EINTR;
}

/**
 * get_timespec64 - read a user struct timespec as nanoseconds
 * @ns: where the value goes
 * @uts: the user's timespec
 * Return: 0, -EFAULT for a bad pointer, -EINVAL for a negative or
 * unnormalised value.
 * Linux: get_timespec64() in kernel/time/time.c (into a timespec64 there)
 */
int get_timespec64(u64 *ns, const struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec ts;

	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long long)NSEC_PER_SEC)
		return -EINVAL;
	*ns = (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	return 0;
}

SYSCALL_DEFINE2(nanosleep, struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	u64 ns;
	int ret = get_timespec64(&ns, rqtp);

	return ret ? ret : hrtimer_nanosleep(ns, rmtp);
}

SYSCALL_DEFINE4(clock_nanosleep, clockid_t, which_clock, int, flags,
		const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	u64 ns, now;
	int ret;

	if (which_clock != CLOCK_REALTIME && which_clock != CLOCK_MONOTONIC &&
	    which_clock != CLOCK_BOOTTIME)
		return -EINVAL;
	/* An absolute real time: as it is now (a clock set later does not move the wake-up). */
	now = which_clock == CLOCK_REALTIME ? ktime_get_real_ns() : ktime_get_ns();
	ret = get_timespec64(&ns, rqtp);
	if (ret)
		return ret;
	if (flags & TIMER_ABSTIME)
		return hrtimer_nanosleep(ns > now ? ns - now : 0, NULL);
	return hrtimer_nanosleep(ns, rmtp);
}

/*
 * clock_gettime(2). CLOCK_REALTIME is the wall clock (the RTC's time at
 * boot, then the TSC); the others count from boot.
 * Linux: SYSCALL_DEFINE2(clock_gettime) in kernel/time/posix-timers.c
 */
SYSCALL_DEFINE2(clock_gettime, clockid_t, which_clock, struct __kernel_timespec __user *, tp)
{
	struct __kernel_timespec ts;
	u64 ns;

	switch (which_clock) {
	case CLOCK_REALTIME:
		ns = ktime_get_real_ns();
		break;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_BOOTTIME:
	case CLOCK_PROCESS_CPUTIME_ID:	/* not accounted: wall time stands in */
	case CLOCK_THREAD_CPUTIME_ID:
		ns = ktime_get_ns();
		break;
	default:
		return -EINVAL;
	}
	ts.tv_sec = ns / NSEC_PER_SEC;
	ts.tv_nsec = ns % NSEC_PER_SEC;
	return copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

/*
 * clock_getres(2): every clock is read from the TSC, to the nanosecond
 * (Linux's hrtimer resolution, 1 ns, is what it says too).
 * Linux: SYSCALL_DEFINE2(clock_getres) in kernel/time/posix-timers.c
 */
SYSCALL_DEFINE2(clock_getres, clockid_t, which_clock, struct __kernel_timespec __user *, tp)
{
	struct __kernel_timespec ts = { .tv_sec = 0, .tv_nsec = 1 };

	switch (which_clock) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_BOOTTIME:
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		break;
	default:
		return -EINVAL;
	}
	return tp && copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

/* gettimeofday(2): the same clock, in microseconds; no timezone. */
SYSCALL_DEFINE2(gettimeofday, struct __kernel_old_timeval __user *, tv, void __user *, tz)
{
	struct __kernel_old_timeval t;
	u64 ns = ktime_get_real_ns();

	t.tv_sec = ns / NSEC_PER_SEC;
	t.tv_usec = (ns % NSEC_PER_SEC) / 1000;
	if (tv && copy_to_user(tv, &t, sizeof(t)))
		return -EFAULT;
	if (tz && clear_user(tz, 2 * sizeof(int)))
		return -EFAULT;
	return 0;
}

/* time(2): the same clock, in seconds. Linux: SYSCALL_DEFINE1(time) in kernel/time/time.c */
SYSCALL_DEFINE1(time, __kernel_old_time_t __user *, tloc)
{
	__kernel_old_time_t t = ktime_get_real_ns() / NSEC_PER_SEC;

	if (tloc && put_user(t, tloc))
		return -EFAULT;
	return t;
}

/*
 * clock_settime(2): only CLOCK_REALTIME can be set (the others say
 * -EINVAL, as Linux's); the monotonic clock does not move.
 * Linux: SYSCALL_DEFINE2(clock_settime) in kernel/time/posix-timers.c
 */
SYSCALL_DEFINE2(clock_settime, clockid_t, which_clock, const struct __kernel_timespec __user *, tp)
{
	u64 ns;
	int ret;

	if (which_clock != CLOCK_REALTIME)
		return -EINVAL;
	ret = get_timespec64(&ns, tp);
	if (ret)
		return ret;
	do_settimeofday64(ns);
	return 0;
}

/*
 * settimeofday(2): the wall clock in microseconds (date -s); @tv NULL
 * sets nothing. The timezone is not kept (Linux keeps it for FAT only).
 * Linux: SYSCALL_DEFINE2(settimeofday) in kernel/time/time.c
 */
SYSCALL_DEFINE2(settimeofday, struct __kernel_old_timeval __user *, tv, void __user *, tz)
{
	struct __kernel_old_timeval t;

	if (!tv)
		return 0;
	if (copy_from_user(&t, tv, sizeof(t)))
		return -EFAULT;
	if (t.tv_sec < 0 || t.tv_usec < 0 || t.tv_usec >= (long)USEC_PER_SEC)
		return -EINVAL;
	do_settimeofday64((u64)t.tv_sec * NSEC_PER_SEC + (u64)t.tv_usec * NSEC_PER_USEC);
	return 0;
}
