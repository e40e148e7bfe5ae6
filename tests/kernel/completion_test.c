// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "completion": every entry point of kernel/sched/completion.c.
 *
 * @done counts complete() calls not yet consumed; each wait consumes one,
 * complete() wakes exactly one (exclusive, first-come) waiter, and
 * complete_all() saturates @done so that every wait passes until
 * reinit_completion(). The timed waits return 0 on timeout and otherwise
 * the jiffies left (at least 1); the interruptible ones end with
 * -ERESTARTSYS on any signal, the killable ones only on SIGKILL.
 *
 * Waiters are kthreads (the cases run in pid 1). A waiter counts as
 * asleep once it said it was about to wait and its state is the sleep
 * state of that wait; it then also sits on the completion's queue.
 * Kthreads ignore signals unless they allow_signal() them: the waiters
 * allow SIGUSR1 and SIGKILL.
 * Linux: kernel/sched/completion.c
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/timer.h>
#include "test_util.h"

/*
 * Entries on a wait queue, counted under its lock; -1 if the list does
 * not lead back to its head within 64 steps (a corrupt queue).
 */
static int wq_len(struct wait_queue_head *wq)
{
	struct list_head *pos = &wq->head;
	unsigned long flags;
	int n = 0;

	spin_lock_irqsave(&wq->lock, flags);
	while ((pos = pos->next) != &wq->head && n >= 0)
		n = n < 64 ? n + 1 : -1;
	spin_unlock_irqrestore(&wq->lock, flags);
	return n;
}

enum wait_kind {
	WAIT_PLAIN,
	WAIT_TIMEOUT,
	WAIT_INTERRUPTIBLE,
	WAIT_INTERRUPTIBLE_TIMEOUT,
	WAIT_KILLABLE,
	WAIT_KILLABLE_TIMEOUT,
};

/* The state each kind of wait sleeps in. */
static const unsigned int wait_state[] = {
	[WAIT_PLAIN] = TASK_UNINTERRUPTIBLE,
	[WAIT_TIMEOUT] = TASK_UNINTERRUPTIBLE,
	[WAIT_INTERRUPTIBLE] = TASK_INTERRUPTIBLE,
	[WAIT_INTERRUPTIBLE_TIMEOUT] = TASK_INTERRUPTIBLE,
	[WAIT_KILLABLE] = TASK_KILLABLE,
	[WAIT_KILLABLE_TIMEOUT] = TASK_KILLABLE,
};

/* Who returned from their wait, in order (shared by a case's waiters). */
struct return_log {
	int n;
	int id[8];
};

struct waiter {
	struct completion *c;
	enum wait_kind kind;
	unsigned long timeout;		/* for the _timeout kinds */
	int id;
	struct return_log *log;
	int about_to_wait;
	int returned;
	long ret;
	struct task_struct *task;
};

static int waiter_fn(void *data)
{
	struct waiter *w = data;
	long ret = 0;

	allow_signal(SIGUSR1);
	allow_signal(SIGKILL);
	WRITE_ONCE(w->about_to_wait, 1);
	switch (w->kind) {
	case WAIT_PLAIN:
		wait_for_completion(w->c);
		break;
	case WAIT_TIMEOUT:
		ret = wait_for_completion_timeout(w->c, w->timeout);
		break;
	case WAIT_INTERRUPTIBLE:
		ret = wait_for_completion_interruptible(w->c);
		break;
	case WAIT_INTERRUPTIBLE_TIMEOUT:
		ret = wait_for_completion_interruptible_timeout(w->c, w->timeout);
		break;
	case WAIT_KILLABLE:
		ret = wait_for_completion_killable(w->c);
		break;
	case WAIT_KILLABLE_TIMEOUT:
		ret = wait_for_completion_killable_timeout(w->c, w->timeout);
		break;
	}
	w->ret = ret;
	if (w->log)
		w->log->id[w->log->n++] = w->id;
	WRITE_ONCE(w->returned, 1);
	sleep_until_stopped();
	return 0;
}

static bool waiter_asleep(struct waiter *w)
{
	return READ_ONCE(w->about_to_wait) && task_state(w->task) == wait_state[w->kind];
}

/* Start @w and wait until it sleeps in its wait (false if it did not). */
static bool start_waiter(struct waiter *w)
{
	w->task = kthread_run(waiter_fn, w, "cmp_wait/%d", w->id);
	if (IS_ERR(w->task)) {
		w->task = NULL;
		return false;
	}
	return wait_until(waiter_asleep(w), 1000);
}

/* Release any waiter still stuck (a failed case), then stop them all. */
static void stop_waiters(struct completion *c, struct waiter *w, int n)
{
	complete_all(c);
	for (int i = 0; i < n; i++)
		if (w[i].task)
			kthread_stop(w[i].task);
}

struct timed_complete {
	struct timer_list timer;
	struct completion *c;
};

static void timed_complete_fn(struct timer_list *t)
{
	struct timed_complete *tc = from_timer(tc, t, timer);

	complete(tc->c);	/* in interrupt context, as drivers do */
}

/* ---- the cases ---- */

/* A complete() that comes first is banked: the wait does not sleep. */
static void completion_complete_before_wait(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(c);
	unsigned long nvcsw;

	complete(&c);
	KUNIT_EXPECT_EQ(test, c.done, 1);
	nvcsw = current->nvcsw;
	wait_for_completion(&c);
	KUNIT_EXPECT_EQ(test, current->nvcsw, nvcsw);	/* never slept */
	KUNIT_EXPECT_EQ(test, c.done, 0);		/* consumed */
	KUNIT_EXPECT_EQ(test, task_state(current), TASK_RUNNING);
}

/*
 * Three waiters queue in order; each complete() wakes exactly the first
 * one still waiting. The others are not even woken (they do not sleep a
 * second time: their nvcsw does not move).
 */
static void completion_complete_wakes_exactly_one(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(c);
	static struct return_log log;
	struct waiter w[3] = {};
	struct mem_snapshot base;
	unsigned long nvcsw[3];

	memset(&log, 0, sizeof(log));
	mem_snapshot_take(&base);
	for (int i = 0; i < 3; i++) {
		w[i] = (struct waiter){ .c = &c, .kind = WAIT_PLAIN, .id = i, .log = &log };
		if (!start_waiter(&w[i])) {
			KUNIT_FAIL(test, "waiter %d did not go to sleep", i);
			goto out;
		}
	}
	KUNIT_EXPECT_EQ(test, wq_len(&c.wait), 3);

	for (int i = 0; i < 3; i++)
		nvcsw[i] = READ_ONCE(w[i].task->nvcsw);
	complete(&c);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(log.n) >= 1, 1000));
	msleep(30);			/* time for a wrong second wakeup to show */
	KUNIT_EXPECT_EQ(test, READ_ONCE(log.n), 1);
	KUNIT_EXPECT_EQ(test, log.id[0], 0);		/* the first to wait */
	KUNIT_EXPECT_EQ(test, c.done, 0);
	for (int i = 1; i < 3; i++) {
		KUNIT_EXPECT_EQ(test, task_state(w[i].task), TASK_UNINTERRUPTIBLE);
		KUNIT_EXPECT_EQ(test, READ_ONCE(w[i].task->nvcsw), nvcsw[i]);
	}
	KUNIT_EXPECT_EQ(test, wq_len(&c.wait), 2);

	/*
	 * One at a time: two waiters woken together may run on two CPUs
	 * and log in either order; the order of the wakeups is the point.
	 */
	complete(&c);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(log.n) == 2, 1000));
	complete(&c);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(log.n) == 3, 1000));
	KUNIT_EXPECT_EQ(test, log.id[1], 1);
	KUNIT_EXPECT_EQ(test, log.id[2], 2);
	KUNIT_EXPECT_EQ(test, wq_len(&c.wait), 0);
	KUNIT_EXPECT_EQ(test, c.done, 0);
out:
	stop_waiters(&c, w, 3);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* complete_all() wakes everyone and keeps every later wait passing. */
static void completion_complete_all_saturates(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(c);
	static struct return_log log;
	struct waiter w[3] = {};
	struct mem_snapshot base;
	unsigned long nvcsw;

	memset(&log, 0, sizeof(log));
	mem_snapshot_take(&base);
	for (int i = 0; i < 3; i++) {
		w[i] = (struct waiter){ .c = &c, .kind = WAIT_PLAIN, .id = i, .log = &log };
		if (!start_waiter(&w[i])) {
			KUNIT_FAIL(test, "waiter %d did not go to sleep", i);
			goto out;
		}
	}
	complete_all(&c);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(log.n) == 3, 1000));
	KUNIT_EXPECT_EQ(test, wq_len(&c.wait), 0);
	KUNIT_EXPECT_EQ(test, c.done, UINT32_MAX);

	/* Saturated: waits pass at once and consume nothing. */
	nvcsw = current->nvcsw;
	wait_for_completion(&c);
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&c, 10), 10);
	KUNIT_EXPECT_EQ(test, current->nvcsw, nvcsw);
	for (int i = 0; i < 5; i++)
		KUNIT_EXPECT_TRUE(test, try_wait_for_completion(&c));
	KUNIT_EXPECT_TRUE(test, completion_done(&c));
	/* A complete() after complete_all() does not wrap the count. */
	complete(&c);
	KUNIT_EXPECT_EQ(test, c.done, UINT32_MAX);

	reinit_completion(&c);
	KUNIT_EXPECT_FALSE(test, completion_done(&c));
	KUNIT_EXPECT_FALSE(test, try_wait_for_completion(&c));
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&c, 1), 0);
out:
	stop_waiters(&c, w, 3);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* Each complete() is one token: three in, exactly three out. */
static void completion_counts_completes(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(c);

	for (int i = 0; i < 3; i++)
		complete(&c);
	KUNIT_EXPECT_EQ(test, c.done, 3);
	for (int i = 0; i < 3; i++) {
		KUNIT_EXPECT_TRUE(test, completion_done(&c));
		KUNIT_EXPECT_TRUE(test, try_wait_for_completion(&c));
	}
	KUNIT_EXPECT_FALSE(test, try_wait_for_completion(&c));
	KUNIT_EXPECT_EQ(test, c.done, 0);
}

/* completion_done() looks without consuming. */
static void completion_done_does_not_consume(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(c);

	KUNIT_EXPECT_FALSE(test, completion_done(&c));
	complete(&c);
	KUNIT_EXPECT_TRUE(test, completion_done(&c));
	KUNIT_EXPECT_TRUE(test, completion_done(&c));
	KUNIT_EXPECT_EQ(test, c.done, 1);
	KUNIT_EXPECT_TRUE(test, try_wait_for_completion(&c));
	KUNIT_EXPECT_FALSE(test, completion_done(&c));
}

/* Nobody completes: 0, after at least the timeout; the waiter is unqueued. */
static void completion_timeout_expires(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(c);
	unsigned long j0, ret;

	j0 = jiffies;
	ret = wait_for_completion_timeout(&c, 5);
	KUNIT_EXPECT_EQ(test, ret, 0);
	KUNIT_EXPECT_GE(test, jiffies - j0, 5);
	KUNIT_EXPECT_EQ(test, wq_len(&c.wait), 0);
	KUNIT_EXPECT_EQ(test, task_state(current), TASK_RUNNING);

	/* A zero timeout does not wait at all: 0 if not done, 1 if done. */
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&c, 0), 0);
	complete(&c);
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&c, 0), 1);
	/* Already done: the whole timeout is left. */
	complete(&c);
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&c, 7), 7);
}

/*
 * Completed (from a timer, in interrupt context) 2 ticks into a one
 * second wait: the return is what was left, between HZ - elapsed and HZ.
 */
static void completion_timeout_completed_in_time(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(c);
	struct timed_complete tc = { .c = &c };
	unsigned long j0, j1, ret;

	timer_setup(&tc.timer, timed_complete_fn, 0);
	j0 = jiffies;
	mod_timer(&tc.timer, j0 + 2);
	ret = wait_for_completion_timeout(&c, HZ);
	j1 = jiffies;
	del_timer_sync(&tc.timer);

	KUNIT_EXPECT_GT(test, ret, 0);
	KUNIT_EXPECT_LE(test, ret, HZ);
	KUNIT_EXPECT_GE(test, ret, HZ - (j1 - j0));
	KUNIT_EXPECT_GE(test, j1 - j0, 2);	/* it did wait for the timer */
	KUNIT_EXPECT_EQ(test, c.done, 0);
}

/* Any allowed signal ends an interruptible wait with -ERESTARTSYS. */
static void completion_interruptible_signal(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(c);
	struct waiter w = { .c = &c, .kind = WAIT_INTERRUPTIBLE };
	struct mem_snapshot base;

	mem_snapshot_take(&base);
	if (!start_waiter(&w)) {
		KUNIT_FAIL(test, "waiter did not go to sleep");
		goto out;
	}
	KUNIT_EXPECT_EQ(test, task_state(w.task), TASK_INTERRUPTIBLE);
	send_sig(SIGUSR1, w.task, 0);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(w.returned), 1000));
	KUNIT_EXPECT_EQ(test, w.ret, -ERESTARTSYS);
	KUNIT_EXPECT_EQ(test, wq_len(&c.wait), 0);
	KUNIT_EXPECT_EQ(test, c.done, 0);	/* nothing consumed or added */
out:
	stop_waiters(&c, &w, 1);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/*
 * A killable wait sleeps in TASK_KILLABLE: SIGUSR1 does not even wake it
 * (nor end it when something else does), SIGKILL ends it with -ERESTARTSYS.
 */
static void completion_killable_only_sigkill(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(c);
	struct waiter w = { .c = &c, .kind = WAIT_KILLABLE };
	struct mem_snapshot base;
	unsigned long nvcsw;

	mem_snapshot_take(&base);
	if (!start_waiter(&w)) {
		KUNIT_FAIL(test, "waiter did not go to sleep");
		goto out;
	}
	KUNIT_EXPECT_EQ(test, task_state(w.task), TASK_KILLABLE);
	nvcsw = READ_ONCE(w.task->nvcsw);
	send_sig(SIGUSR1, w.task, 0);
	msleep(30);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(w.returned));
	KUNIT_EXPECT_EQ(test, task_state(w.task), TASK_KILLABLE);
	KUNIT_EXPECT_EQ(test, READ_ONCE(w.task->nvcsw), nvcsw);	/* not woken */
	KUNIT_EXPECT_TRUE(test, signal_pending(w.task));
	/* Even woken by someone else, it sees SIGUSR1 is not fatal and sleeps on. */
	wake_up_process(w.task);
	msleep(30);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(w.returned));
	KUNIT_EXPECT_EQ(test, task_state(w.task), TASK_KILLABLE);

	send_sig(SIGKILL, w.task, 0);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(w.returned), 1000));
	KUNIT_EXPECT_EQ(test, w.ret, -ERESTARTSYS);
	KUNIT_EXPECT_EQ(test, wq_len(&c.wait), 0);
out:
	stop_waiters(&c, &w, 1);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* The three outcomes of the interruptible and killable timed waits. */
static void completion_timed_interruptible_and_killable(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(c);
	struct timed_complete tc = { .c = &c };
	struct waiter w[2] = {
		{ .c = &c, .kind = WAIT_INTERRUPTIBLE_TIMEOUT, .timeout = 10 * HZ, .id = 0 },
		{ .c = &c, .kind = WAIT_KILLABLE_TIMEOUT, .timeout = 10 * HZ, .id = 1 },
	};
	struct mem_snapshot base;
	unsigned long j0;
	long ret;

	/* pid 1 must have no signal pending, or its interruptible wait ends early. */
	KUNIT_ASSERT_FALSE(test, signal_pending(current));

	/* Timeout: 0. */
	j0 = jiffies;
	KUNIT_EXPECT_EQ(test, wait_for_completion_interruptible_timeout(&c, 3), 0);
	KUNIT_EXPECT_EQ(test, wait_for_completion_killable_timeout(&c, 3), 0);
	KUNIT_EXPECT_GE(test, jiffies - j0, 6);

	/* Completed in time: the jiffies left. */
	timer_setup(&tc.timer, timed_complete_fn, 0);
	mod_timer(&tc.timer, jiffies + 1);
	ret = wait_for_completion_interruptible_timeout(&c, HZ);
	KUNIT_EXPECT_GT(test, ret, 0);
	KUNIT_EXPECT_LE(test, ret, HZ);
	mod_timer(&tc.timer, jiffies + 1);
	ret = wait_for_completion_killable_timeout(&c, HZ);
	KUNIT_EXPECT_GT(test, ret, 0);
	KUNIT_EXPECT_LE(test, ret, HZ);
	del_timer_sync(&tc.timer);

	/* Signals: SIGUSR1 ends the interruptible one; only SIGKILL the killable one. */
	mem_snapshot_take(&base);
	for (int i = 0; i < 2; i++) {
		if (!start_waiter(&w[i])) {
			KUNIT_FAIL(test, "waiter %d did not go to sleep", i);
			goto out;
		}
	}
	send_sig(SIGUSR1, w[0].task, 0);
	send_sig(SIGUSR1, w[1].task, 0);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(w[0].returned), 1000));
	KUNIT_EXPECT_EQ(test, w[0].ret, -ERESTARTSYS);
	msleep(30);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(w[1].returned));
	KUNIT_EXPECT_EQ(test, task_state(w[1].task), TASK_KILLABLE);
	send_sig(SIGKILL, w[1].task, 0);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(w[1].returned), 1000));
	KUNIT_EXPECT_EQ(test, w[1].ret, -ERESTARTSYS);
out:
	stop_waiters(&c, w, 2);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/*
 * DECLARE_COMPLETION_ONSTACK() gives a ready-to-use completion in a
 * frame that may hold garbage (run at run time, not from a static
 * initialiser): fill the stack first, then use one with a real waiter.
 */
static noinline void completion_dirty_stack(void)
{
	volatile unsigned char junk[256];

	for (unsigned int i = 0; i < sizeof(junk); i++)
		junk[i] = 0xa5;
}

static noinline void completion_onstack_use(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(c);
	struct waiter w = { .c = &c, .kind = WAIT_PLAIN };

	KUNIT_EXPECT_EQ(test, c.done, 0);
	KUNIT_EXPECT_EQ(test, wq_len(&c.wait), 0);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&c.wait.lock));
	KUNIT_EXPECT_FALSE(test, completion_done(&c));
	if (!start_waiter(&w)) {
		KUNIT_FAIL(test, "waiter did not go to sleep");
	} else {
		complete(&c);
		KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(w.returned), 1000));
	}
	stop_waiters(&c, &w, 1);
}

static void completion_declare_onstack(struct kunit *test)
{
	static DECLARE_COMPLETION(file_scope_style);
	struct mem_snapshot base;

	/* The static form starts empty too. */
	KUNIT_EXPECT_FALSE(test, completion_done(&file_scope_style));
	KUNIT_EXPECT_EQ(test, wq_len(&file_scope_style.wait), 0);

	mem_snapshot_take(&base);
	completion_dirty_stack();
	completion_onstack_use(test);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

static struct kunit_case completion_cases[] = {
	KUNIT_CASE(completion_complete_before_wait),
	KUNIT_CASE(completion_complete_wakes_exactly_one),
	KUNIT_CASE(completion_complete_all_saturates),
	KUNIT_CASE(completion_counts_completes),
	KUNIT_CASE(completion_done_does_not_consume),
	KUNIT_CASE(completion_timeout_expires),
	KUNIT_CASE(completion_timeout_completed_in_time),
	KUNIT_CASE(completion_interruptible_signal),
	KUNIT_CASE(completion_killable_only_sigkill),
	KUNIT_CASE(completion_timed_interruptible_and_killable),
	KUNIT_CASE(completion_declare_onstack),
	{}
};

static struct kunit_suite completion_suite = {
	.name = "completion",
	.test_cases = completion_cases,
};
kunit_test_suite(completion_suite);
