// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmarks of the kthread creation path (kernel/kthread.c, fork.c,
 * exit.c): the cost of one kthread_create() + wake_up_process() +
 * kthread_stop() of a thread that returns at once, alone and with 10 to
 * 10000 other kthreads alive, and the memory one kthread takes.
 *
 * A full cycle goes creator -> kthreadd -> the new thread -> creator and
 * back through exit, so it counts several context switches, a stack (one
 * a CPU cached from the last cycle, zeroed: kernel/fork.c), a pid and the
 * slab objects of a task. On one
 * CPU the creator keeps running after wake_up_process() (a wakeup does not
 * preempt it), so its kthread_stop() comes first and kthread() exits with
 * -EINTR without calling threadfn, as Linux's would: the cycle is the
 * whole life of a thread less one empty function call.
 * The live-thread figures show what grows with the number of tasks: any
 * walk on that path of a list holding every task or every stack (as
 * mm/vmalloc.c's first-fit list of areas was, before its rbtrees).
 * Linux: kernel/kthread.c; tools/testing/selftests has nothing alike.
 */
#include <linux/bench.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <asm/thread_info.h>

#define CYCLE_SAMPLES	101
#define LIVE_SAMPLES	51	/* per thread count: each costs a full cycle */
#define MAX_SLEEPERS	10000	/* about 200 MiB: the bench boot has -m 512M */
#define MEM_THREADS	100

static u64 samples[CYCLE_SAMPLES];
static struct task_struct *sleepers[MAX_SLEEPERS];
static int nr_sleepers;

static int return_at_once(void *unused)
{
	return 0;
}

/*
 * Sleep until kthread_stop(). The state is set before the check, so a
 * kthread_stop() between the check and schedule() only makes schedule()
 * return at once (the wakeup protocol of set_current_state()).
 */
static int sleep_until_stopped(void *unused)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule_timeout(MAX_SCHEDULE_TIMEOUT);
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

/* One create + wake + stop; the thread may be gone before kthread_stop(). */
static int create_wake_stop(void)
{
	struct task_struct *k = kthread_create(return_at_once, NULL, "bench_kt");

	if (IS_ERR(k))
		return PTR_ERR(k);
	get_task_struct(k);
	wake_up_process(k);
	kthread_stop_put(k);
	return 0;
}

/* The median cost of @n create_wake_stop() cycles, or a negative errno. */
static long long time_cycles(int n)
{
	int err = 0;
	u64 cost;

	cost = bench_time(samples, n, {
		if (!err)
			err = create_wake_stop();
	});
	return err ?: (long long)cost;
}

/* Grow the sleeping crowd to @n threads. */
static int add_sleepers(int n)
{
	while (nr_sleepers < n) {
		struct task_struct *k = kthread_run(sleep_until_stopped, NULL,
						    "bench_sleep/%d", nr_sleepers);

		if (IS_ERR(k)) {
			pr_err("bench: only %d kthreads fit in memory (%lu pages free)\n",
			       nr_sleepers, nr_free_pages());
			return PTR_ERR(k);
		}
		sleepers[nr_sleepers++] = k;
	}
	return 0;
}

static void stop_sleepers(void)
{
	while (nr_sleepers)
		kthread_stop(sleepers[--nr_sleepers]);
}

static int bench_kthread_cycle(void)
{
	long long cost = time_cycles(CYCLE_SAMPLES);

	if (cost < 0)
		return cost;
	bench_report("kthread_create_wake_stop", cost, "cycles");
	return 0;
}

/*
 * The same cycle with 10, 100, 1000, 2000 and 10000 sleeping kthreads alive. The
 * crowd grows from one count to the next rather than being rebuilt, to
 * keep the run short; the figure depends only on how many are alive.
 */
static int bench_kthread_live(void)
{
	static const int counts[] = { 10, 100, 1000, 2000, 10000 };
	char name[32];
	int err = 0;

	for (int i = 0; i < (int)ARRAY_SIZE(counts) && !err; i++) {
		long long cost;

		err = add_sleepers(counts[i]);
		if (err)
			break;
		cost = time_cycles(LIVE_SAMPLES);
		if (cost < 0) {
			err = cost;
			break;
		}
		snprintf(name, sizeof(name), "kthread_create_%d_live", counts[i]);
		bench_report(name, cost, "cycles");
	}
	stop_sleepers();
	return err;
}

/*
 * What one kthread costs in memory. task_struct and the stack are known
 * sizes; struct kthread is private to kernel/kthread.c, so its figure is
 * the kmalloc size class that holds it (ksize() of a live one). The total
 * is measured: the drop in free pages while MEM_THREADS sleepers live,
 * per thread, which adds the slab objects (pid, signal, sighand, the
 * vmalloc bookkeeping) and the page tables mapping the stacks.
 */
static int bench_kthread_mem(void)
{
	unsigned long free_before, free_after, total;
	size_t kthread_size;
	int err;

	wait_for_dead_tasks(1000);
	/* Stacks cached by earlier runs are already off the free list: every sleeper's counts. */
	drain_cached_thread_stacks();
	free_before = nr_free_pages();
	err = add_sleepers(MEM_THREADS);
	free_after = nr_free_pages();
	kthread_size = nr_sleepers ? ksize(sleepers[0]->worker_private) : 0;
	stop_sleepers();
	if (err)
		return err;
	total = (free_before - free_after) * PAGE_SIZE / MEM_THREADS;
	bench_report("kthread_mem_task_struct", sizeof(struct task_struct), "bytes");
	/*
	 * The guard page below the stack is address space only: no frame backs
	 * it, so it is in the vmalloc figure and not in the memory ones.
	 */
	bench_report("kthread_mem_stack", THREAD_SIZE, "bytes");
	bench_report("kthread_vm_stack", THREAD_SIZE + PAGE_SIZE, "bytes");
	bench_report("kthread_mem_kthread", kthread_size, "bytes");
	bench_report("kthread_mem_total", total, "bytes");
	/* Issue 13's figure: what a kthread costs beyond its stack's pages. */
	bench_report("kthread_mem_beyond_stack", total > THREAD_SIZE ? total - THREAD_SIZE : 0,
		     "bytes");
	return 0;
}

/*
 * Memory first: the live-thread runs leave free slabs in the caches, and
 * the total should count the slab pages a growing crowd really takes.
 */
static int bench_kthread(void)
{
	return bench_kthread_mem() ?: bench_kthread_cycle() ?: bench_kthread_live();
}
DEFINE_BENCH(kthread, bench_kthread);

/*
 * bench=profile_kthread, for make profile (tools/kprofile.py): cycles
 * between profile_start() and profile_stop(), where the profiler turns
 * QEMU's execution log on and off. The last is timed as one sample of
 * kthread_create_wake_stop is, with the same time_cycles(), and its
 * figure printed: the profiler counts from that cycle's first rdtsc to
 * its second and checks its total against the figure.
 * It is given the history of make bench's samples: bench_kthread_mem()
 * first (100 threads made and stopped), then cycles, PROFILE_WARMUP of
 * them untimed before the timed one. Under -icount the first cycle after
 * bench_kthread_mem() costs about 100 instructions more than the next
 * (16970, then 16875 and 16874 in turn at f164c6f, release build, with
 * the timing). The untimed ones also take the timer tick that the
 * debugger's stop at profile_start() brings (QEMU's clock jumps to the
 * next timer when the CPU stops under -icount sleep=off), and in the
 * timed one the thread of the cycle before is still dying, as in every
 * sample of the bench.
 * Not run by bench=1: without the profiler it measures one sample of a
 * figure make bench already has.
 */
#define PROFILE_WARMUP	4

static int bench_profile_kthread(void)
{
	long long cost = bench_kthread_mem();	/* its BENCH lines are make bench's */

	profile_start();
	for (int i = 0; i < PROFILE_WARMUP && !cost; i++)
		cost = create_wake_stop();
	cost = cost ?: time_cycles(1);
	profile_stop();
	if (cost < 0)
		return cost;
	bench_report("kthread_profile_round", cost, "cycles");
	return 0;
}
DEFINE_BENCH_NAMED(profile_kthread, bench_profile_kthread);
