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

#endif /* _LINUX_TIMEKEEPING_H */
