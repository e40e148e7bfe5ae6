/* SPDX-License-Identifier: GPL-2.0 */
/*
 * local_clock(): nanoseconds since the machine was reset, from the TSC,
 * monotonic. 0 until the TSC has been calibrated (time_init()).
 * Linux: include/linux/sched/clock.h
 */
#ifndef _LINUX_SCHED_CLOCK_H
#define _LINUX_SCHED_CLOCK_H

#include <linux/types.h>

u64 sched_clock(void);
#define local_clock() sched_clock()

#endif /* _LINUX_SCHED_CLOCK_H */
