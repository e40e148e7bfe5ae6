// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/stat: CPU time in ticks (USER_HZ) for the machine and each
 * CPU, context switches, processes. Spindle splits time by who ran:
 * user processes count as "user", kthreads as "system", the rest of each
 * CPU's time as "idle"; a task's time goes to the CPU it is on now.
 * Linux: fs/proc/stat.c
 */
#include <linux/cpumask.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/timekeeping.h>
#include "internal.h"

#define NSEC_PER_TICK	(1000000000ULL / 100)

/**
 * show_stat - /proc/stat
 * @m: where to print
 * @unused: no task
 * Return: 0.
 * Linux: show_stat()
 */
int show_stat(struct seq_file *m, struct task_struct *unused)
{
	u64 user[NR_CPUS] = { 0 }, system[NR_CPUS] = { 0 }, up = ktime_get_ns();
	u64 all_user = 0, all_system = 0, all_idle = 0;
	unsigned long ctxt = 0;
	struct task_struct *p;
	int running = 0, blocked = 0, cpu;

	spin_lock_irq(&tasklist_lock);
	for_each_process(p) {
		unsigned int state = READ_ONCE(p->__state);

		if (p->flags & PF_KTHREAD)
			system[p->cpu] += p->se.sum_exec_runtime;
		else
			user[p->cpu] += p->se.sum_exec_runtime;
		ctxt += p->nvcsw + p->nivcsw;
		if (state == TASK_RUNNING)
			running++;
		else if ((state & TASK_UNINTERRUPTIBLE) && !(p->flags & PF_KTHREAD))
			blocked++;
	}
	spin_unlock_irq(&tasklist_lock);
	for_each_online_cpu(cpu) {
		u64 busy = user[cpu] + system[cpu];

		all_user += user[cpu];
		all_system += system[cpu];
		all_idle += busy < up ? up - busy : 0;
	}
	seq_printf(m, "cpu  %llu 0 %llu %llu 0 0 0 0 0 0\n", all_user / NSEC_PER_TICK,
		   all_system / NSEC_PER_TICK, all_idle / NSEC_PER_TICK);
	for_each_online_cpu(cpu) {
		u64 busy = user[cpu] + system[cpu];

		seq_printf(m, "cpu%d %llu 0 %llu %llu 0 0 0 0 0 0\n", cpu,
			   user[cpu] / NSEC_PER_TICK, system[cpu] / NSEC_PER_TICK,
			   (busy < up ? up - busy : 0) / NSEC_PER_TICK);
	}
	/* btime: when the machine booted, by the wall clock. */
	seq_printf(m, "intr 0\nctxt %lu\nbtime %llu\nprocesses %d\nprocs_running %d\n"
		   "procs_blocked %d\nsoftirq 0 0 0 0 0 0 0 0 0 0 0\n", ctxt,
		   (unsigned long long)((ktime_get_real_ns() - ktime_get_ns()) / NSEC_PER_SEC),
		   nr_threads, running, blocked);
	return 0;
}
