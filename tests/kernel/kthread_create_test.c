// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "kthread_create": what the creation path promises in the
 * corners the "kthread" suite does not reach. A new thread starts from a
 * clean context even when kthreadd's is not (policy, CPUs); a thread
 * parked before it was ever woken never runs threadfn; kthread_park()
 * wakes a sleeping thread itself; a per-CPU thread is bound again when
 * unparked; a creator with a signal pending that does not kill it still
 * gets its thread; the clone's own error (-EAGAIN when no pid is left)
 * reaches the creator; queued requests are served in the order they
 * were queued, including one queued while kthreadd is about to sleep;
 * the creator, preempting the new thread inside complete(), already
 * finds its result; the step log takes one CPU's record at a time.
 * Each case is the behaviour a planted bug broke while every other test
 * passed (issue 16).
 * Linux: kernel/kthread.c
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/pid.h>
#include <linux/sched/isolation.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include "test_util.h"

struct kc_state {
	int ran;		/* threadfn started */
	int timeouts;		/* its sleep ended by the timer, not a wakeup */
};

static int exit_at_once_fn(void *data)
{
	struct kc_state *st = data;

	WRITE_ONCE(st->ran, 1);
	return 0;
}

/* Mark that we run; park when asked; sleep (at most 1 s at a time) until stopped. */
static int park_when_asked_fn(void *data)
{
	struct kc_state *st = data;

	WRITE_ONCE(st->ran, 1);
	while (!kthread_should_stop()) {
		if (kthread_should_park()) {
			kthread_parkme();
			continue;
		}
		if (!schedule_timeout_interruptible(HZ))
			WRITE_ONCE(st->timeouts, st->timeouts + 1);
	}
	return 5;
}

/* kthread_park() from a helper thread, so that one that never returns does not hang us. */
struct park_call {
	struct task_struct *t;
	int ret;
	struct completion done;
};

static int park_call_fn(void *data)
{
	struct park_call *pc = data;

	pc->ret = kthread_park(pc->t);
	complete(&pc->done);
	sleep_until_stopped();
	return 0;
}

/* kthread_park(@t), failing the case if it has not returned within 1 s. */
static int park_within_1s(struct kunit *test, struct task_struct *t)
{
	struct park_call pc = { .t = t };
	struct task_struct *helper;

	init_completion(&pc.done);
	helper = kthread_run(park_call_fn, &pc, "kc_parker");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, helper);
	if (!wait_for_completion_timeout(&pc.done, HZ)) {
		KUNIT_FAIL(test, "kthread_park() still waiting after 1 s: nobody woke the thread");
		wake_up_process(t);	/* let it reach its kthread_parkme() */
		wait_for_completion(&pc.done);
	}
	kthread_stop(helper);
	return pc.ret;
}

/* kthreadd made SCHED_FIFO: its child, born FIFO, is SCHED_NORMAL by the time we get it. */
static void kthread_create_resets_policy(struct kunit *test)
{
	static const struct sched_param fifo = { .sched_priority = 10 }, normal = { 0 };
	struct kc_state st = {};
	struct task_struct *t;

	KUNIT_ASSERT_EQ(test, sched_setscheduler_nocheck(kthreadd_task, SCHED_FIFO, &fifo), 0);
	t = kthread_create(exit_at_once_fn, &st, "kc_policy");
	sched_setscheduler_nocheck(kthreadd_task, SCHED_NORMAL, &normal);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_EXPECT_EQ(test, t->policy, SCHED_NORMAL);
	KUNIT_EXPECT_EQ(test, t->rt_priority, 0);
	KUNIT_EXPECT_EQ(test, t->prio, t->static_prio);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), -EINTR);
}

/* kthreadd bound to CPU 0: its child, born bound, may run on every housekeeping CPU. */
static void kthread_create_resets_cpus(struct kunit *test)
{
	const struct cpumask *hk = housekeeping_cpumask(HK_TYPE_KTHREAD);
	struct kc_state st = {};
	struct task_struct *t;

	KUNIT_ASSERT_EQ(test, set_cpus_allowed_ptr(kthreadd_task, cpumask_of(0)), 0);
	t = kthread_create(exit_at_once_fn, &st, "kc_cpus");
	set_cpus_allowed_ptr(kthreadd_task, hk);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_EXPECT_TRUE(test, cpumask_equal(&t->cpus_mask, hk));
	KUNIT_EXPECT_EQ(test, t->nr_cpus_allowed, cpumask_weight(hk));
	KUNIT_EXPECT_FALSE(test, t->flags & PF_NO_SETAFFINITY);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), -EINTR);
}

/* Parked before it was ever woken: it parks in kthread(), threadfn not run. */
static void kthread_park_before_first_wakeup(struct kunit *test)
{
	struct kc_state st = {};
	struct task_struct *t = kthread_create(park_when_asked_fn, &st, "kc_park_new");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_EXPECT_EQ(test, park_within_1s(test, t), 0);
	KUNIT_EXPECT_EQ(test, task_state(t), TASK_PARKED);
	KUNIT_EXPECT_EQ(test, READ_ONCE(st.ran), 0);
	kthread_unpark(t);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(st.ran), 1000));
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 5);
}

/*
 * A thread asleep (for up to 1 s) is parked: kthread_park() wakes it, so
 * its sleep ends early, by the wakeup, not by its timer.
 */
static void kthread_park_wakes_a_sleeper(struct kunit *test)
{
	struct kc_state st = {};
	struct task_struct *t = kthread_run(park_when_asked_fn, &st, "kc_park_sleeper");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_ASSERT_TRUE(test, wait_until(READ_ONCE(st.ran) &&
					   task_state(t) == TASK_INTERRUPTIBLE, 1000));
	KUNIT_EXPECT_EQ(test, kthread_park(t), 0);
	KUNIT_EXPECT_EQ(test, task_state(t), TASK_PARKED);
	KUNIT_EXPECT_EQ(test, READ_ONCE(st.timeouts), 0);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 5);
}

/*
 * A per-CPU thread whose mask was widened while parked (as CPU hotplug
 * does when its CPU goes away) is bound to its CPU again by unpark.
 */
static void kthread_unpark_rebinds_per_cpu(struct kunit *test)
{
	struct kc_state st = {};
	struct task_struct *t = kthread_create_on_cpu(park_when_asked_fn, &st, 0, "kc_percpu/%u");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	kthread_set_per_cpu(t, 0);	/* as smpboot does */
	wake_up_process(t);
	KUNIT_ASSERT_TRUE(test, wait_until(READ_ONCE(st.ran), 1000));
	KUNIT_EXPECT_EQ(test, kthread_park(t), 0);
	do_set_cpus_allowed(t, cpu_all_mask);
	kthread_unpark(t);
	KUNIT_EXPECT_TRUE(test, cpumask_equal(&t->cpus_mask, cpumask_of(0)));
	KUNIT_EXPECT_EQ(test, t->nr_cpus_allowed, 1);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 5);
}

/*
 * A creator kthread, SCHED_FIFO: kthreadd (SCHED_NORMAL), woken by its
 * request, cannot run before it waits.
 */
struct kc_creator {
	struct completion done;
	struct task_struct *result;
	int signal;			/* sent to itself before creating (0: none) */
	bool pending_after;		/* the signal was still pending afterwards */
	struct kc_state st;
};

static int kc_creator_fn(void *data)
{
	struct kc_creator *c = data;

	if (c->signal) {
		allow_signal(c->signal);
		send_sig(c->signal, current, 1);
	}
	c->result = kthread_create(exit_at_once_fn, &c->st, "kc_created");
	c->pending_after = signal_pending(current);
	flush_signals(current);
	complete(&c->done);
	sleep_until_stopped();
	return 0;
}

static struct task_struct *kc_creator_start(struct kunit *test, struct kc_creator *c,
					    const char *name)
{
	static const struct sched_param fifo = { .sched_priority = 1 };
	struct task_struct *t;

	init_completion(&c->done);
	t = kthread_create(kc_creator_fn, c, "%s", name);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	sched_setscheduler_nocheck(t, SCHED_FIFO, &fifo);
	return t;
}

/* The creator's wait is killable, not interruptible: SIGUSR1 does not end it. */
static void kthread_create_with_signal_pending(struct kunit *test)
{
	struct kc_creator c = { .signal = SIGUSR1 };
	struct task_struct *creator = kc_creator_start(test, &c, "kc_signalled");

	wake_up_process(creator);
	wait_for_completion(&c.done);
	KUNIT_EXPECT_TRUE(test, c.pending_after);
	KUNIT_EXPECT_NOT_ERR_OR_NULL(test, c.result);
	if (!IS_ERR_OR_NULL(c.result)) {
		KUNIT_EXPECT_STREQ(test, c.result->comm, "kc_created");
		KUNIT_EXPECT_EQ(test, kthread_stop(c.result), -EINTR);
	}
	kthread_stop(creator);
}

#define CYCLE_PIDS	130	/* more than two words of the bitmap */

/*
 * Numbers are handed out in a cycle from the cursor: each new one above
 * the last (across bitmap words), and one just freed is not reused next.
 */
static void kthread_create_pids_cyclic(struct kunit *test)
{
	struct pid *pids[CYCLE_PIDS], *again;
	int rising = 0, first;

	for (int i = 0; i < CYCLE_PIDS; i++) {
		pids[i] = alloc_pid();
		KUNIT_ASSERT_FALSE(test, IS_ERR(pids[i]));
		/* Only a wrap at pid_max may go down. */
		rising += !i || pids[i]->nr > pids[i - 1]->nr || pids[i]->nr == RESERVED_PIDS;
	}
	KUNIT_EXPECT_EQ(test, rising, CYCLE_PIDS);
	/* Freed below the cursor, in its bitmap word: still not next. */
	first = pids[CYCLE_PIDS - 2]->nr;
	free_pid(pids[CYCLE_PIDS - 2]);
	pids[CYCLE_PIDS - 2] = NULL;
	again = alloc_pid();
	KUNIT_ASSERT_FALSE(test, IS_ERR(again));
	KUNIT_EXPECT_NE(test, again->nr, first);
	KUNIT_EXPECT_TRUE(test, again->nr > pids[CYCLE_PIDS - 1]->nr || again->nr < pids[0]->nr);
	free_pid(again);
	for (int i = 0; i < CYCLE_PIDS; i++)
		free_pid(pids[i]);
}

/* Every pid in use: kthreadd's clone fails with -EAGAIN, and the creator gets that. */
static void kthread_create_no_pid_left_eagain(struct kunit *test)
{
	/* pid_max just above RESERVED_PIDS: at most RESERVED_PIDS + 8 numbers left. */
	enum { HELD = RESERVED_PIDS + 8 };
	const int saved_pid_max = pid_max;
	static struct pid *held[HELD + 1];
	struct kc_state st = {};
	struct mem_snapshot base;
	struct pid *last = NULL;
	struct task_struct *t;
	int n = 0;

	mem_snapshot_take(&base);
	/* Take every number left below the new limit (numbers wrap to RESERVED_PIDS). */
	pid_max = RESERVED_PIDS + 8;
	while (n < (int)ARRAY_SIZE(held) && !IS_ERR(last = alloc_pid()))
		held[n++] = last;
	t = kthread_create(exit_at_once_fn, &st, "kc_no_pid");
	for (int i = 0; i < n; i++)
		free_pid(held[i]);
	pid_max = saved_pid_max;
	KUNIT_EXPECT_LE(test, n, HELD);
	KUNIT_EXPECT_PTR_EQ(test, last, ERR_PTR(-EAGAIN));
	KUNIT_EXPECT_PTR_EQ(test, t, ERR_PTR(-EAGAIN));
	if (!IS_ERR(t))
		kthread_stop(t);
	KUNIT_EXPECT_EQ(test, READ_ONCE(st.ran), 0);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/*
 * Several creators queue before kthreadd runs (they are SCHED_FIFO and we
 * wake them at a higher FIFO priority): kthreadd serves them in queueing
 * order, so the threads' pids rise in that order.
 */
static void kthread_create_queued_served_in_order(struct kunit *test)
{
	enum { N = 4 };
	static const struct sched_param above = { .sched_priority = 2 }, normal = { 0 };
	static struct kthread_step_log log;
	static struct kc_creator c[N];
	struct task_struct *creator[N];
	struct cpumask kthreadd_mask, our_mask;
	int queued = 0;

	/*
	 * On more CPUs kthreadd would serve the first request while the
	 * others are still being queued: creators and kthreadd share one
	 * CPU for this case (see test_util.h), which the priorities order.
	 * So do we, the waker: from another CPU our wakeups could come one
	 * by one, far apart (a vCPU stalled by the host), and kthreadd would
	 * serve the first creators before the last one was even woken. On
	 * TEST_CPU, above the creators, we wake all four before any runs.
	 */
	task_pin(current, &our_mask);
	kthreadd_pin(&kthreadd_mask);
	for (int i = 0; i < N; i++) {
		memset(&c[i], 0, sizeof(c[i]));
		creator[i] = kc_creator_start(test, &c[i], "kc_queue");
		kthread_bind(creator[i], TEST_CPU);
	}
	kthread_step_log_start(&log);
	sched_setscheduler_nocheck(current, SCHED_FIFO, &above);
	for (int i = 0; i < N; i++)
		wake_up_process(creator[i]);
	sched_setscheduler_nocheck(current, SCHED_NORMAL, &normal);
	for (int i = 0; i < N; i++)
		wait_for_completion(&c[i].done);
	kthread_step_log_stop();
	kthreadd_unpin(&kthreadd_mask);
	task_unpin(current, &our_mask);

	/* All queued before the first was served; their results in that order. */
	for (int i = 0, last = 0; i < log.n; i++) {
		int j;

		if (log.rec[i].step == KT_KTHREADD_DEQUEUE)
			KUNIT_EXPECT_EQ(test, queued, N);
		if (log.rec[i].step != KT_CREATE_QUEUED)
			continue;
		for (j = 0; j < N && creator[j]->pid != log.rec[i].pid; j++)
			;
		KUNIT_ASSERT_LT(test, j, N);
		queued++;
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, c[j].result);
		KUNIT_EXPECT_GT(test, c[j].result->pid, last);
		last = c[j].result->pid;
	}
	KUNIT_EXPECT_EQ(test, queued, N);
	for (int i = 0; i < N; i++) {
		if (!IS_ERR_OR_NULL(c[i].result))
			kthread_stop(c[i].result);
		kthread_stop(creator[i]);
	}
}

/*
 * In the new thread "kc_result", at the step right before complete(done):
 * undo kthread()'s preempt_disable() until its next step, so that the
 * FIFO creator, woken on our CPU inside complete(), runs at once, before
 * complete() even returns. Whatever kthread() does after complete() then
 * comes after the creator has read its result.
 */
static int result_child_slept;

static void let_the_creator_preempt(int step)
{
	if (strcmp(current->comm, "kc_result"))
		return;
	if (step == KT_KTHREAD_COMPLETE) {
		preempt_enable_no_resched();
	} else if (step == KT_KTHREAD_SLEEP) {
		preempt_disable();
		WRITE_ONCE(result_child_slept, 1);
	}
}

static int kc_result_creator_fn(void *data)
{
	struct kc_creator *c = data;

	c->result = kthread_create(exit_at_once_fn, &c->st, "kc_result");
	complete(&c->done);
	sleep_until_stopped();
	return 0;
}

/*
 * kthread() hands the creator its task_struct in create->result before
 * complete(): on SMP (or preempted, as here) the woken creator reads it
 * at once. The creator, kthreadd and the new thread share TEST_CPU, and
 * the creator (FIFO) preempts the new thread inside complete(): it must
 * still get the new thread, not the request's initial NULL.
 */
static void kthread_create_result_set_before_complete(struct kunit *test)
{
	static const struct sched_param fifo = { .sched_priority = 1 };
	static struct kthread_step_log log;
	struct kc_creator c = {};
	struct cpumask kthreadd_mask;
	struct task_struct *creator;
	pid_t child = 0;

	init_completion(&c.done);
	creator = kthread_create(kc_result_creator_fn, &c, "kc_result_creator");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, creator);
	kthread_bind(creator, TEST_CPU);
	sched_setscheduler_nocheck(creator, SCHED_FIFO, &fifo);
	kthreadd_pin(&kthreadd_mask);	/* its child starts on TEST_CPU too */
	result_child_slept = 0;
	WRITE_ONCE(kthread_step_hook, let_the_creator_preempt);
	kthread_step_log_start(&log);
	wake_up_process(creator);
	wait_for_completion(&c.done);
	/* The hook's preempt_disable() at "sleep" must still come. */
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(result_child_slept), 1000));
	WRITE_ONCE(kthread_step_hook, NULL);
	kthread_step_log_stop();
	kthreadd_unpin(&kthreadd_mask);

	for (int i = 0; i < log.n; i++)
		if (log.rec[i].step == KT_KTHREAD_START)
			child = log.rec[i].pid;
	KUNIT_ASSERT_GT(test, child, 0);
	/* The creator did run before the new thread slept (the preemption worked)... */
	for (int i = 0, returned = 0; i < log.n; i++) {
		if (log.rec[i].step == KT_CREATE_RETURN && log.rec[i].pid == creator->pid)
			returned = 1;
		if (log.rec[i].step == KT_KTHREAD_SLEEP && log.rec[i].pid == child)
			KUNIT_EXPECT_TRUE(test, returned);
	}
	/* ... and got the new thread. */
	KUNIT_EXPECT_NOT_ERR_OR_NULL(test, c.result);
	if (!IS_ERR_OR_NULL(c.result)) {
		KUNIT_EXPECT_EQ(test, c.result->pid, child);
		KUNIT_EXPECT_STREQ(test, c.result->comm, "kc_result");
		KUNIT_EXPECT_EQ(test, kthread_stop(c.result), -EINTR);
	}
	kthread_stop(creator);
}

static struct task_struct *window_creator;

/* In kthreadd, list empty, about to sleep: a FIFO creator queues right now. */
static void queue_in_sleep_window(void)
{
	WRITE_ONCE(kthreadd_before_sleep_hook, NULL);	/* once */
	wake_up_process(window_creator);
	cond_resched();		/* it runs to its wait before we go on */
}

/*
 * A request queued after kthreadd found the list empty, before it set
 * TASK_INTERRUPTIBLE: its wakeup found kthreadd running, so only the
 * re-check after set_current_state() serves it.
 */
static void kthread_create_request_in_sleep_window(struct kunit *test)
{
	struct kc_creator c = {};
	struct kc_state st = {};
	struct task_struct *t;

	window_creator = kc_creator_start(test, &c, "kc_window");
	WRITE_ONCE(kthreadd_before_sleep_hook, queue_in_sleep_window);
	/* Any request makes kthreadd go round its loop once more. */
	t = kthread_create(exit_at_once_fn, &st, "kc_trigger");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	if (!wait_for_completion_timeout(&c.done, 2 * HZ)) {
		KUNIT_FAIL(test, "the request queued in kthreadd's sleep window was not served");
		wake_up_process(kthreadd_task);		/* so the creator gets it now */
		wait_for_completion(&c.done);
	}
	WRITE_ONCE(kthreadd_before_sleep_hook, NULL);
	KUNIT_EXPECT_NOT_ERR_OR_NULL(test, c.result);
	if (!IS_ERR_OR_NULL(c.result))
		kthread_stop(c.result);
	kthread_stop(t);
	kthread_stop(window_creator);
}

/* A thread on another CPU that takes one creation step when told. */
struct step_taker {
	struct completion go;
	int done;
};

static int step_taker_fn(void *data)
{
	struct step_taker *st = data;

	wait_for_completion(&st->go);
	kthread_create_step(KT_CREATE_ON_NODE);
	WRITE_ONCE(st->done, 1);
	sleep_until_stopped();
	return 0;
}

/*
 * Steps come from every CPU at once, so the step log has a lock: a step
 * taken while another CPU is recording one waits. We hold the lock on
 * CPU 0, as a CPU halfway through its record would, while a thread on
 * another CPU takes a step: nothing may land in the log until we let go
 * (it spins on the lock), and then its record does. With interrupts
 * disabled only, it would write the slot we are writing.
 */
static void kthread_step_log_one_cpu_at_a_time(struct kunit *test)
{
	static struct kthread_step_log log;
	struct step_taker st = {};
	struct task_struct *t;
	struct cpumask saved;
	int n_before, n_while_held, done_while_held, contended = 0, ours = 0;
	unsigned long flags;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two CPUs: one records while the other holds the lock");
	init_completion(&st.go);
	task_pin(current, &saved);
	t = kthread_create(step_taker_fn, &st, "kc_step_taker");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	kthread_bind(t, cpumask_next(TEST_CPU, cpu_online_mask));
	wake_up_process(t);
	/* Its own "runs threadfn" step logged, it waits for our go. */
	KUNIT_EXPECT_TRUE(test, wait_until(task_state(t) == TASK_UNINTERRUPTIBLE, 1000));
	kthread_step_log_start(&log);

	raw_spin_lock_irqsave(&kthread_step_lock, flags);
	n_before = log.n;
	complete(&st.go);
	for (int us = 0; us < 2000000 && !READ_ONCE(st.done); us += 10) {
		if (raw_spin_is_contended(&kthread_step_lock)) {
			contended = 1;
			break;
		}
		udelay(10);
	}
	n_while_held = READ_ONCE(log.n);
	done_while_held = READ_ONCE(st.done);
	raw_spin_unlock_irqrestore(&kthread_step_lock, flags);

	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(st.done), 1000));
	kthread_step_log_stop();
	KUNIT_EXPECT_EQ(test, n_while_held, n_before);
	KUNIT_EXPECT_EQ(test, done_while_held, 0);
	KUNIT_EXPECT_TRUE(test, contended);
	/* Then it is there, once (other threads' steps may be there too). */
	for (int i = 0; i < log.n; i++)
		if (log.rec[i].pid == t->pid && log.rec[i].step == KT_CREATE_ON_NODE)
			ours++;
	KUNIT_EXPECT_EQ(test, ours, 1);
	kthread_stop(t);
	task_unpin(current, &saved);
}

static struct kunit_case kthread_create_cases[] = {
	KUNIT_CASE(kthread_create_resets_policy),
	KUNIT_CASE(kthread_create_resets_cpus),
	KUNIT_CASE(kthread_park_before_first_wakeup),
	KUNIT_CASE(kthread_park_wakes_a_sleeper),
	KUNIT_CASE(kthread_unpark_rebinds_per_cpu),
	KUNIT_CASE(kthread_create_with_signal_pending),
	KUNIT_CASE(kthread_create_no_pid_left_eagain),
	KUNIT_CASE(kthread_create_pids_cyclic),
	KUNIT_CASE(kthread_create_queued_served_in_order),
	KUNIT_CASE(kthread_create_request_in_sleep_window),
	KUNIT_CASE(kthread_create_result_set_before_complete),
	KUNIT_CASE(kthread_step_log_one_cpu_at_a_time),
	{}
};

static struct kunit_suite kthread_create_suite = {
	.name = "kthread_create",
	.test_cases = kthread_create_cases,
};
kunit_test_suite(kthread_create_suite);
