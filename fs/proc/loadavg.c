// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/loadavg: the load averages (kernel/sched/loadavg.c), the tasks
 * runnable now over all tasks, and the last pid handed out.
 * Linux: fs/proc/loadavg.c
 */
#include <linux/kernel.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/loadavg.h>
#include <linux/sched/task.h>
#include "internal.h"

/**
 * loadavg_proc_show - /proc/loadavg
 * @m: where to print
 * @unused: no task
 * Return: 0.
 * Linux: loadavg_proc_show()
 */
int loadavg_proc_show(struct seq_file *m, struct task_struct *unused)
{
	unsigned long avnrun[3];
	struct task_struct *p;
	int running = 0, total = 0;
	pid_t last = 0;

	get_avenrun(avnrun, FIXED_1 / 200, 0);
	spin_lock_irq(&tasklist_lock);
	for_each_process(p) {
		total++;
		if (READ_ONCE(p->__state) == TASK_RUNNING)
			running++;
		if (p->pid > last)
			last = p->pid;
	}
	spin_unlock_irq(&tasklist_lock);
	seq_printf(m, "%lu.%02lu %lu.%02lu %lu.%02lu %d/%d %d\n",
		   LOAD_INT(avnrun[0]), LOAD_FRAC(avnrun[0]), LOAD_INT(avnrun[1]),
		   LOAD_FRAC(avnrun[1]), LOAD_INT(avnrun[2]), LOAD_FRAC(avnrun[2]),
		   running, total, last);
	return 0;
}
