/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading the time: monotonic nanoseconds since boot, from the TSC.
 * Linux: include/linux/timekeeping.h
 */
#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/types.h>

/* Nanoseconds since reset; never smaller than the last value on this CPU. */
u64 ktime_get_ns(void);
/* The same in milliseconds. */
u64 ktime_get_boot_ms(void);

/* The wall clock (kernel/time/timekeeping.c): CLOCK_REALTIME, set from the RTC at boot. */
u64 ktime_get_real_ns(void);
u64 ktime_real_to_mono(u64 real_ns);
void do_settimeofday64(u64 real_ns);
s64 mktime64(unsigned int year, unsigned int mon, unsigned int day, unsigned int hour,
	     unsigned int min, unsigned int sec);
void timekeeping_init(void);
/* arch/x86/kernel/rtc.c: the CMOS clock's seconds since 1970, or 0. */
u64 mach_get_cmos_time(void);

#endif /* _LINUX_TIMEKEEPING_H */
