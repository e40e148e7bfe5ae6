/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Housekeeping CPUs: those that run the kernel's own background work
 * (unbound kthreads, timers, ...), as opposed to CPUs isolated for one
 * application with isolcpus= or nohz_full=.
 * Linux: include/linux/sched/isolation.h, kernel/sched/isolation.c
 */
#ifndef _LINUX_SCHED_ISOLATION_H
#define _LINUX_SCHED_ISOLATION_H

#include <linux/cpumask.h>

enum hk_type {
	HK_TYPE_TIMER,
	HK_TYPE_DOMAIN,
	HK_TYPE_KTHREAD,	/* where kthreadd and unbound kthreads run */
	HK_TYPE_MAX
};

/**
 * housekeeping_cpumask - the CPUs that do @type of kernel housekeeping
 * @type: which kind
 *
 * Spindle has no isolcpus= or nohz_full=, so no CPU is ever isolated:
 * every possible CPU does every kind, which is what Linux answers too
 * when neither parameter is given. Callers still ask, so that the place
 * where isolation would take effect is the place a student finds in Linux.
 * Return: the mask (cpu_possible_mask).
 * Linux: housekeeping_cpumask()
 */
static inline const struct cpumask *housekeeping_cpumask(enum hk_type type)
{
	(void)type;
	return cpu_possible_mask;
}

#endif /* _LINUX_SCHED_ISOLATION_H */
