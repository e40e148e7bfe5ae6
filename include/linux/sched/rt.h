/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The real-time scheduling class, as the rest of the kernel sees it.
 * Linux: include/linux/sched/rt.h
 */
#ifndef _LINUX_SCHED_RT_H
#define _LINUX_SCHED_RT_H

#include <linux/jiffies.h>

/* A SCHED_RR task's time slice, in ticks: 100 ms, as Linux's default. */
#define RR_TIMESLICE	(100 * HZ / 1000)

#endif /* _LINUX_SCHED_RT_H */
