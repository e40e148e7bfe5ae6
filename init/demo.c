// SPDX-License-Identifier: GPL-2.0
/*
 * What pid 1 shows after boot: the creation path at work. It creates a
 * handful of kthreads with kthread_run() and a kthread worker, stops some
 * (printing what their threadfn returned), parks others, and prints the
 * task table. Boot with kthread_trace=1 to see every step of each
 * creation, or trace_event=all and look at the trace from the shell.
 * No Linux counterpart (Linux's init would exec a user program).
 */
#include <linux/delay.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/printer.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/start_kernel.h>
#include <linux/timer.h>

#define NR_DEMO_THREADS	4

/* A demo thread: count ticks until stopped, parking when asked. */
static int demo_threadfn(void *data)
{
	long n = (long)data;
	int loops = 0;

	while (!kthread_should_stop()) {
		if (kthread_should_park())
			kthread_parkme();
		loops++;
		schedule_timeout_interruptible(1);
	}
	return (int)n * 100 + (loops > 0);
}

static void demo_work_fn(struct kthread_work *work)
{
	pr_info("demo: work item ran in %s (pid %d)\n", current->comm, current->pid);
}

/**
 * boot_demo - create, park and stop kthreads, then list the tasks
 */
void boot_demo(void)
{
	struct task_struct *t[NR_DEMO_THREADS];
	struct kthread_worker *worker;
	struct kthread_work work;

	pr_info("demo: creating %d kthreads with kthread_run()\n", NR_DEMO_THREADS);
	for (long i = 0; i < NR_DEMO_THREADS; i++) {
		t[i] = kthread_run(demo_threadfn, (void *)i, "spindle_demo/%ld", i);
		if (IS_ERR(t[i])) {
			pr_err("demo: kthread_run failed: %ld\n", PTR_ERR(t[i]));
			t[i] = NULL;
		}
	}
	worker = kthread_run_worker(0, "spindle_worker");
	if (!IS_ERR(worker)) {
		kthread_init_work(&work, demo_work_fn);
		kthread_queue_work(worker, &work);
		kthread_flush_work(&work);
	}
	msleep(30);
	if (t[0]) {
		char name[TASK_COMM_LEN];
		int ret;

		get_task_comm(name, t[0]);	/* t[0] is freed once it has exited */
		ret = kthread_stop(t[0]);
		pr_info("demo: kthread_stop(%s) returned %d\n", name, ret);
	}
	if (t[1])
		pr_info("demo: kthread_park(%s) returned %d\n", t[1]->comm, kthread_park(t[1]));
	show_tasks(&printk_printer);
	/* Leave the parked one, the others and the worker running. */
}
