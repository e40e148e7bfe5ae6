// SPDX-License-Identifier: GPL-2.0
/*
 * The load averages of /proc/loadavg and uptime. Every LOAD_FREQ ticks
 * the do_timer CPU counts the active tasks (runnable, or in an
 * uninterruptible sleep that is not a kthread's idle wait) and folds
 * the count into avenrun[]. Linux counts per CPU and folds the counts;
 * one count over the task list is the same number at this size.
 * Locking: avenrun[] has one writer (the tick, irqs off); readers take
 * each word as it is.
 * Linux: kernel/sched/loadavg.c
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/loadavg.h>
#include <linux/sched/task.h>

static unsigned long avenrun[3];
static unsigned long calc_load_update = INITIAL_JIFFIES + LOAD_FREQ;

/* Linux: calc_load() */
static unsigned long calc_load(unsigned long load, unsigned long exp, unsigned long active)
{
	unsigned long newload = load * exp + active * (FIXED_1 - exp);

	if (active >= load)
		newload += FIXED_1 - 1;
	return newload / FIXED_1;
}

/* Runnable tasks, and user tasks in an uninterruptible sleep. Linux: calc_load_fold_active() */
static unsigned long count_active(void)
{
	struct task_struct *p;
	unsigned long n = 0;

	/* From the tick: tasklist_lock is only ever taken with irqs off, so a trylock here. */
	if (!spin_trylock(&tasklist_lock))
		return ~0UL;
	for_each_process(p) {
		unsigned int state = READ_ONCE(p->__state);

		if (state == TASK_RUNNING || (state == TASK_UNINTERRUPTIBLE &&
					     !(p->flags & PF_KTHREAD)))
			n++;
	}
	spin_unlock(&tasklist_lock);
	return n;
}

/**
 * calc_global_load - fold the active tasks into the load averages
 *
 * Called by the do_timer CPU at each tick, interrupts off; does work
 * once per LOAD_FREQ.
 * Linux: calc_global_load()
 */
void calc_global_load(void)
{
	unsigned long active;

	if (time_before(jiffies, calc_load_update))
		return;
	active = count_active();
	if (active == ~0UL)
		return;		/* the list is busy: next tick */
	calc_load_update += LOAD_FREQ;
	active *= FIXED_1;
	WRITE_ONCE(avenrun[0], calc_load(avenrun[0], EXP_1, active));
	WRITE_ONCE(avenrun[1], calc_load(avenrun[1], EXP_5, active));
	WRITE_ONCE(avenrun[2], calc_load(avenrun[2], EXP_15, active));
}

/**
 * get_avenrun - the load averages, for printing
 * @loads: three words: 1, 5 and 15 minutes
 * @offset: added (FIXED_1/200 rounds to two decimals)
 * @shift: shift left by this
 * Linux: get_avenrun()
 */
void get_avenrun(unsigned long *loads, unsigned long offset, int shift)
{
	for (int i = 0; i < 3; i++)
		loads[i] = (READ_ONCE(avenrun[i]) + offset) << shift;
}
