/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Time values as user space passes them (x86-64 layouts), and the
 * clocks clock_gettime() knows.
 * Linux: include/uapi/linux/time.h, include/linux/time64.h
 */
#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H

#include <linux/types.h>

struct __kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

typedef long __kernel_old_time_t;

struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

#define CLOCK_REALTIME		0
#define CLOCK_MONOTONIC		1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID	3
#define CLOCK_MONOTONIC_RAW	4
#define CLOCK_BOOTTIME		7

#define TIMER_ABSTIME		0x01

int get_timespec64(u64 *ns, const struct __kernel_timespec __user *uts);
long hrtimer_nanosleep(u64 ns, struct __kernel_timespec __user *rmtp);

#endif /* _LINUX_TIME64_H */
