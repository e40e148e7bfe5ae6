// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmarks where CPUs meet (make bench boots bench=smp at -smp 4, under
 * -icount like the others; at -smp 1 this one has nothing to measure):
 *
 *  smp_create_same_cpu / smp_create_split   kthread_create() + wake +
 *      kthread_stop() of a thread that returns at once, with the creator
 *      (pid 1) and kthreadd on one CPU, then on two: every hand-off of
 *      the creation path then crosses CPUs (compare
 *      kthread_create_wake_stop of the -smp 1 boot);
 *  smp_switch_same_cpu / smp_wakeup_cross_cpu   half a completion
 *      ping-pong round trip: both threads on one CPU (a context switch),
 *      then on two (a wakeup that needs an IPI to the sleeping CPU and a
 *      switch there);
 *  smp_call_function_single   one synchronous smp_call_function_single()
 *      to another CPU: the IPI there and the answer back;
 *  smp_spin_lock_contended   one spin_lock() + spin_unlock() pair while a
 *      thread on another CPU takes and releases the same lock without a
 *      pause (compare spin_lock_unlock, uncontended);
 *  smp_create_N_creators   cycles of wall time per creation with N = 1, 2,
 *      4 creators, one per CPU, each creating as fast as it can: one
 *      kthreadd serves them all, so this shows how far it scales.
 * Figures are TSC cycles. Under -icount the vCPUs run one at a time, in
 * turn, so a cross-CPU figure includes waiting for the other vCPU's turn:
 * compare them with one another and between runs, not with hardware.
 * Linux: tools/perf/bench/sched-pipe.c (the ping-pong), kernel/scftorture.c
 */
#include <linux/atomic.h>
#include <linux/bench.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

#define CREATE_SAMPLES	51
#define PING_SAMPLES	201
#define PING_WARMUP	10
#define CALL_SAMPLES	201
#define LOCK_SAMPLES	1001
#define CREATES_EACH	32	/* per creator, for the throughput figures */
#define MAX_CREATORS	4

static u64 samples[LOCK_SAMPLES];

static int return_at_once(void *unused)
{
	return 0;
}

/* One creation round trip; the thread may be gone before kthread_stop(). */
static int create_wake_stop(void)
{
	struct task_struct *k = kthread_create(return_at_once, NULL, "bench_smp_kt");

	if (IS_ERR(k))
		return PTR_ERR(k);
	get_task_struct(k);
	wake_up_process(k);
	kthread_stop_put(k);
	return 0;
}

/* The creation round trip with pid 1 on @me and kthreadd on @kthreadd_cpu. */
static int bench_create(const char *name, int me, int kthreadd_cpu)
{
	struct cpumask saved;
	int err = 0;
	u64 cost;

	cpumask_copy(&saved, &kthreadd_task->cpus_mask);
	set_cpus_allowed_ptr(current, cpumask_of(me));
	set_cpus_allowed_ptr(kthreadd_task, cpumask_of(kthreadd_cpu));
	cost = bench_time(samples, CREATE_SAMPLES, {
		if (!err)
			err = create_wake_stop();
	});
	set_cpus_allowed_ptr(kthreadd_task, &saved);
	set_cpus_allowed_ptr(current, cpu_possible_mask);
	if (!err)
		bench_report(name, cost, "cycles");
	return err;
}

struct pingpong {
	struct completion ping, pong, finished;
	int rounds;
};

static int ponger(void *arg)
{
	struct pingpong *pp = arg;

	for (int i = 0; i < pp->rounds; i++) {
		wait_for_completion(&pp->ping);
		complete(&pp->pong);
	}
	complete(&pp->finished);
	return 0;
}

/* Half a ping-pong round trip, pid 1 pinging from @me to a ponger on @other. */
static int bench_pingpong(const char *name, int me, int other)
{
	struct pingpong pp = { .rounds = PING_WARMUP + PING_SAMPLES };
	struct task_struct *pong;

	init_completion(&pp.ping);
	init_completion(&pp.pong);
	init_completion(&pp.finished);
	set_cpus_allowed_ptr(current, cpumask_of(me));
	pong = kthread_create_on_cpu(ponger, &pp, other, "bench_pong/%u");
	if (IS_ERR(pong)) {
		set_cpus_allowed_ptr(current, cpu_possible_mask);
		return PTR_ERR(pong);
	}
	get_task_struct(pong);
	wake_up_process(pong);
	for (int i = 0; i < pp.rounds; i++) {
		u64 t0 = bench_clock();

		complete(&pp.ping);
		wait_for_completion(&pp.pong);
		if (i >= PING_WARMUP)
			samples[i - PING_WARMUP] = bench_clock() - t0;
	}
	wait_for_completion(&pp.finished);
	kthread_stop_put(pong);
	set_cpus_allowed_ptr(current, cpu_possible_mask);
	bench_report(name, bench_net(bench_median(samples, PING_SAMPLES)) / 2, "cycles");
	return 0;
}

static void nothing(void *info)
{
}

static int bench_call_function(int me, int other)
{
	u64 cost;

	set_cpus_allowed_ptr(current, cpumask_of(me));
	preempt_disable();
	cost = bench_time(samples, CALL_SAMPLES, smp_call_function_single(other, nothing, NULL, 1));
	preempt_enable();
	set_cpus_allowed_ptr(current, cpu_possible_mask);
	bench_report("smp_call_function_single", cost, "cycles");
	return 0;
}

static struct {
	spinlock_t lock;	/* the contended lock; guards nothing else */
	bool stop;
} contended = { .lock = __SPIN_LOCK_UNLOCKED(contended.lock) };

static int lock_hammer(void *unused)
{
	while (!READ_ONCE(contended.stop)) {
		spin_lock(&contended.lock);
		spin_unlock(&contended.lock);
	}
	return 0;
}

static int bench_spin_contended(int me, int other)
{
	struct task_struct *t;
	u64 cost;

	set_cpus_allowed_ptr(current, cpumask_of(me));
	WRITE_ONCE(contended.stop, false);
	t = kthread_create_on_cpu(lock_hammer, NULL, other, "bench_lock/%u");
	if (IS_ERR(t)) {
		set_cpus_allowed_ptr(current, cpu_possible_mask);
		return PTR_ERR(t);
	}
	get_task_struct(t);
	wake_up_process(t);
	cost = bench_time(samples, LOCK_SAMPLES, {
		spin_lock(&contended.lock);
		spin_unlock(&contended.lock);
	});
	WRITE_ONCE(contended.stop, true);
	kthread_stop_put(t);
	set_cpus_allowed_ptr(current, cpu_possible_mask);
	bench_report("smp_spin_lock_contended", cost, "cycles");
	return 0;
}

static struct {
	atomic_t running;	/* creators not yet done */
	atomic_t errors;
	struct completion all_done;
} creators;

static int creator_fn(void *unused)
{
	for (int i = 0; i < CREATES_EACH; i++)
		if (create_wake_stop())
			atomic_inc(&creators.errors);
	if (atomic_dec_and_test(&creators.running))
		complete(&creators.all_done);
	return 0;
}

/* @n creators, one per CPU, all at once: cycles of wall time per creation. */
static int bench_create_throughput(int n)
{
	struct task_struct *t[MAX_CREATORS];
	char name[40];
	u64 t0, elapsed;
	int cpu = 0;

	atomic_set(&creators.running, n);
	atomic_set(&creators.errors, 0);
	init_completion(&creators.all_done);
	for (int i = 0; i < n; i++) {
		cpu = cpumask_next(i ? cpu : -1, cpu_online_mask);
		t[i] = kthread_create_on_cpu(creator_fn, NULL, cpu, "bench_creator/%u");
		if (IS_ERR(t[i])) {
			int err = PTR_ERR(t[i]);

			while (i--)
				kthread_stop_put(t[i]);	/* never woken */
			return err;
		}
		get_task_struct(t[i]);
	}
	t0 = bench_clock();
	for (int i = 0; i < n; i++)
		wake_up_process(t[i]);
	wait_for_completion(&creators.all_done);
	elapsed = bench_clock() - t0;
	for (int i = 0; i < n; i++)
		kthread_stop_put(t[i]);
	if (atomic_read(&creators.errors))
		return -ENOMEM;
	snprintf(name, sizeof(name), "smp_create_%d_creators", n);
	bench_report(name, elapsed / (n * CREATES_EACH), "cycles");
	return 0;
}

static int bench_smp(void)
{
	int a, b, err;

	if (num_online_cpus() < 2) {
		pr_info("bench: smp: one CPU, nothing to measure (make bench runs it at -smp 4)\n");
		return 0;
	}
	a = cpumask_first(cpu_online_mask);
	b = cpumask_next(a, cpu_online_mask);
	err = bench_create("smp_create_same_cpu", a, a) ?:
	      bench_create("smp_create_split", a, b) ?:
	      bench_pingpong("smp_switch_same_cpu", a, a) ?:
	      bench_pingpong("smp_wakeup_cross_cpu", a, b) ?:
	      bench_call_function(a, b) ?:
	      bench_spin_contended(a, b);
	for (int n = 1; !err && n <= MAX_CREATORS && n <= (int)num_online_cpus(); n *= 2)
		err = bench_create_throughput(n);
	return err;
}
DEFINE_BENCH(smp, bench_smp);
