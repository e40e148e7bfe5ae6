// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "kthread_stress": the creation path many times over. Two
 * thousand kthreads are created and stopped in batches that are all
 * alive at once, half of them woken (kthread_stop() returns what their
 * function returned) and half never woken (-EINTR); into every batch a
 * creation whose creator is killed while it waits is mixed (it gets
 * -EINTR, and kthreadd's orphaned thread cleans up after itself). In the
 * end every task, pid, stack and slab object must be gone again.
 * Linux: no counterpart; kthread creation is stressed there by the boot
 * itself and by the workqueue and rcutorture tests.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/sched/clock.h>
#include <linux/smp.h>
#include <linux/sched/signal.h>
#include "test_util.h"

/*
 * On more than one CPU every creation crosses CPUs several times (IPIs,
 * waits for a task to leave its CPU); under TCG each crossing costs the
 * host a thread wakeup, ~30 times the one-CPU cost on this 2-core build
 * machine. The SMP boot of make test runs a quarter of the creations so
 * that it stays within the time budget; the one-CPU boot runs them all.
 */
#define STRESS_TOTAL	2000
#define STRESS_TOTAL_SMP	500
#define STRESS_BATCH	50

struct stress_batch {
	struct task_struct *task[STRESS_BATCH];
	atomic_t started;		/* woken threads that are running */
	int woken;			/* how many of the batch were woken */
	struct completion all_started;
};

static int stress_fn(void *data)
{
	struct stress_batch *b = data;
	int ret = 0;

	if (atomic_inc_return(&b->started) == b->woken)
		complete(&b->all_started);
	/* Our index, for kthread_stop() to return. */
	for (int i = 0; i < STRESS_BATCH; i++)
		if (b->task[i] == current)
			ret = 1000 + i;
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return ret;
}

/* A creator that is killed before it asks (see kthread_test.c). */
struct killed_creator {
	struct completion done;
	struct task_struct *result;
};

static int never_run_fn(void *data)
{
	WARN(1, "kthread_stress: a killed creator's thread ran its function");
	return 0;
}

static int killed_creator_fn(void *data)
{
	static const struct sched_param fifo = { .sched_priority = 1 };
	struct killed_creator *kc = data;

	allow_signal(SIGKILL);
	/* FIFO: kthreadd cannot take our request before we give up on it. */
	sched_setscheduler_nocheck(current, SCHED_FIFO, &fifo);
	send_sig(SIGKILL, current, 1);
	kc->result = kthread_create(never_run_fn, NULL, "kt_stress_orphan");
	complete(&kc->done);
	while (!kthread_should_stop())
		schedule_timeout_uninterruptible(1);
	return 0;
}

/* One killed creation. Returns what kthread_create() gave the creator. */
static struct task_struct *create_with_killed_creator(struct kunit *test)
{
	struct killed_creator kc;
	struct task_struct *creator;

	init_completion(&kc.done);
	kc.result = NULL;
	creator = kthread_run(killed_creator_fn, &kc, "kt_stress_killer");
	if (IS_ERR(creator))
		return creator;
	wait_for_completion(&kc.done);
	KUNIT_EXPECT_EQ(test, kthread_stop(creator), 0);
	return kc.result;
}

static void kthread_stress_create_stop(struct kunit *test)
{
	static struct stress_batch batch;
	struct mem_snapshot base;
	int threads = nr_threads;
	int created = 0, killed = 0, kthreadd_won = 0, bad_kills = 0, bad_returns = 0;
	u64 start = local_clock();
	unsigned long ms;
	int total = num_online_cpus() > 1 ? STRESS_TOTAL_SMP : STRESS_TOTAL;

	mem_snapshot_take(&base);
	while (created < total) {
		struct stress_batch *b = &batch;
		struct task_struct *r;

		memset(b, 0, sizeof(*b));
		atomic_set(&b->started, 0);
		init_completion(&b->all_started);
		b->woken = STRESS_BATCH / 2;
		/* Create the whole batch; it is all alive at once. */
		for (int i = 0; i < STRESS_BATCH; i++) {
			b->task[i] = kthread_create(stress_fn, b, "kt_stress/%d", created + i);
			KUNIT_ASSERT_NOT_ERR_OR_NULL(test, b->task[i]);
			if (i == STRESS_BATCH / 2) {
				/* Mixed in: a creation whose creator is killed. */
				r = create_with_killed_creator(test);
				if (r == ERR_PTR(-EINTR))
					killed++;
				else if (!IS_ERR_OR_NULL(r) && num_online_cpus() > 1)
					kthreadd_won++;	/* on another CPU it may take the request first */
				else if (bad_kills++ < 3)
					KUNIT_FAIL(test, "killed creator got %px, expected ERR_PTR(-EINTR)", r);
				if (!IS_ERR_OR_NULL(r))
					kthread_stop(r);
			}
		}
		/* Wake every other one, and let them all get going. */
		for (int i = 0; i < STRESS_BATCH; i += 2)
			wake_up_process(b->task[i]);
		wait_for_completion(&b->all_started);
		/* Stop them all: the woken return their index, the others -EINTR. */
		for (int i = 0; i < STRESS_BATCH; i++) {
			int expected = i % 2 ? -EINTR : 1000 + i;
			int ret = kthread_stop(b->task[i]);

			if (ret != expected && bad_returns++ < 5)
				KUNIT_FAIL(test, "kthread_stop(kt_stress/%d) = %d, expected %d",
					   created + i, ret, expected);
		}
		created += STRESS_BATCH;
	}
	ms = (unsigned long)((local_clock() - start) / 1000000);
	kunit_info(test, "%d kthreads created and stopped, %d creators killed (%d beaten by kthreadd), in %lu ms",
		   created, killed + kthreadd_won, kthreadd_won, ms);
	KUNIT_EXPECT_EQ(test, bad_returns, 0);
	KUNIT_EXPECT_EQ(test, bad_kills, 0);
	KUNIT_EXPECT_GE(test, killed + kthreadd_won, total / STRESS_BATCH);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
	KUNIT_EXPECT_EQ(test, nr_threads, threads);
}

static struct kunit_case kthread_stress_cases[] = {
	KUNIT_CASE(kthread_stress_create_stop),
	{}
};

static struct kunit_suite kthread_stress_suite = {
	.name = "kthread_stress",
	.test_cases = kthread_stress_cases,
};
kunit_test_suite(kthread_stress_suite);
