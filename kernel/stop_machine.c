// SPDX-License-Identifier: GPL-2.0
/*
 * The CPU stopper: for each CPU a kthread "migration/N", bound to it and
 * of the highest priority, that runs the functions queued for it.
 * stop_one_cpu() queues one and waits. While the stopper runs nothing
 * else runs on its CPU, so the function finds every other task of that
 * CPU off the CPU: set_cpus_allowed_ptr() uses this to move a task that
 * is running right now (migration_cpu_stop() in kernel/sched/core.c).
 *
 * Linux gives the stoppers a scheduling class of their own above RT;
 * Spindle makes them SCHED_FIFO at the top RT priority, which only
 * another priority-99 FIFO task could delay.
 * Locking: each stopper's lock guards its work list and `enabled`,
 * taken with interrupts off (stop_one_cpu() may come from anywhere).
 * Linux: kernel/stop_machine.c (stop_one_cpu, cpu_stopper_thread,
 * cpu_stop_init; Linux makes the threads with smpboot)
 */
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/stop_machine.h>

/* The caller's side of one request. Linux: struct cpu_stop_done */
struct cpu_stop_done {
	int ret;
	struct completion completion;
};

/* One request. Linux: struct cpu_stop_work */
struct cpu_stop_work {
	struct list_head list;
	cpu_stop_fn_t fn;
	void *arg;
	struct cpu_stop_done *done;
};

struct cpu_stopper {
	struct task_struct *thread;
	raw_spinlock_t lock;		/* guards enabled and works; interrupts off */
	bool enabled;			/* the thread runs and takes work */
	struct list_head works;
};

static struct cpu_stopper cpu_stopper[NR_CPUS];

/* Queue @work on @cpu's stopper and wake it. Return: false if it has none. */
static bool cpu_stop_queue_work(unsigned int cpu, struct cpu_stop_work *work)
{
	struct cpu_stopper *stopper = &cpu_stopper[cpu];
	unsigned long flags;
	bool enabled;

	raw_spin_lock_irqsave(&stopper->lock, flags);
	enabled = stopper->enabled;
	if (enabled) {
		list_add_tail(&work->list, &stopper->works);
		wake_up_process(stopper->thread);
	}
	raw_spin_unlock_irqrestore(&stopper->lock, flags);
	return enabled;
}

/**
 * stop_one_cpu - run @fn(@arg) on @cpu above every other task, and wait
 * @cpu: the CPU
 * @fn: the function; runs in @cpu's stopper thread (it may sleep, but
 *	everything else on that CPU waits meanwhile)
 * @arg: its argument
 *
 * Return: what @fn returned, or -ENOENT if @cpu has no stopper (offline,
 * or before cpu_stop_init()).
 * Linux: stop_one_cpu()
 */
int stop_one_cpu(unsigned int cpu, cpu_stop_fn_t fn, void *arg)
{
	struct cpu_stop_done done = { .ret = 0 };
	struct cpu_stop_work work = { .fn = fn, .arg = arg, .done = &done };

	if (cpu >= NR_CPUS)
		return -ENOENT;
	init_completion(&done.completion);
	if (!cpu_stop_queue_work(cpu, &work))
		return -ENOENT;
	wait_for_completion(&done.completion);
	return done.ret;
}

/* migration/N: run the queued works, one at a time. Linux: cpu_stopper_thread() */
static int cpu_stopper_thread(void *data)
{
	struct cpu_stopper *stopper = data;

	for (;;) {
		struct cpu_stop_work *work = NULL;
		unsigned long flags;

		set_current_state(TASK_INTERRUPTIBLE);
		raw_spin_lock_irqsave(&stopper->lock, flags);
		if (!list_empty(&stopper->works)) {
			work = list_first_entry(&stopper->works, struct cpu_stop_work, list);
			list_del_init(&work->list);
		}
		raw_spin_unlock_irqrestore(&stopper->lock, flags);
		if (!work) {
			schedule();
			continue;
		}
		__set_current_state(TASK_RUNNING);
		work->done->ret = work->fn(work->arg);
		complete(&work->done->completion);
	}
	return 0;
}

/**
 * cpu_stop_init - start a stopper thread on every online CPU
 *
 * Called once the CPUs are up (smp_init()). A CPU whose thread cannot be
 * made is reported and has no stopper: stop_one_cpu() returns -ENOENT.
 * With one CPU online there is nowhere to move a task to, and no thread
 * is made (Linux makes migration/0 anyway; here the boot's first kthread
 * creation stays the demo's, which docs/gdb.md steps through).
 * Linux: cpu_stop_init() (the threads come from smpboot there)
 */
void cpu_stop_init(void)
{
	struct sched_param param = { .sched_priority = MAX_RT_PRIO - 1 };
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		raw_spin_lock_init(&cpu_stopper[cpu].lock);
		INIT_LIST_HEAD(&cpu_stopper[cpu].works);
	}
	if (num_online_cpus() == 1)
		return;
	for_each_online_cpu(cpu) {
		struct cpu_stopper *stopper = &cpu_stopper[cpu];
		struct task_struct *t;

		t = kthread_create_on_cpu(cpu_stopper_thread, stopper, cpu, "migration/%u");
		if (IS_ERR(t)) {
			pr_err("stop_machine: no migration thread for CPU %u (%ld)\n", cpu, PTR_ERR(t));
			continue;
		}
		/* Ours to park and unpark with the CPU (smpboot's job in Linux). */
		kthread_set_per_cpu(t, cpu);
		sched_setscheduler_nocheck(t, SCHED_FIFO, &param);
		stopper->thread = t;
		stopper->enabled = true;
		wake_up_process(t);
	}
}
