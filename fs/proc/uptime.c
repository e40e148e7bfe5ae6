// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/uptime: seconds since boot, and seconds the CPUs spent idle
 * (summed over CPUs, as Linux does).
 * Linux: fs/proc/uptime.c
 */
#include <linux/cpumask.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/timekeeping.h>
#include "internal.h"

/**
 * proc_idle_ns - time the online CPUs were idle, in ns
 *
 * Return: the sum over CPUs.
 *
 * Spindle does not account idle time itself: it is every CPU's time
 * since boot less what the live tasks ran (so a task that exited makes
 * the figure a little high).
 */
u64 proc_idle_ns(void)
{
	u64 all = ktime_get_ns() * num_online_cpus(), busy = 0;
	struct task_struct *p;

	spin_lock_irq(&tasklist_lock);
	for_each_process(p)
		busy += p->se.sum_exec_runtime;
	spin_unlock_irq(&tasklist_lock);
	return busy < all ? all - busy : 0;
}

/**
 * uptime_proc_show - /proc/uptime
 * @m: where to print
 * @unused: no task
 * Return: 0.
 * Linux: uptime_proc_show()
 */
int uptime_proc_show(struct seq_file *m, struct task_struct *unused)
{
	u64 up = ktime_get_ns(), idle = proc_idle_ns();

	seq_printf(m, "%llu.%02llu %llu.%02llu\n", up / 1000000000ULL,
		   up / 10000000ULL % 100, idle / 1000000000ULL, idle / 10000000ULL % 100);
	return 0;
}
