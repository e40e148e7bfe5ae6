// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "signal": kernel/signal.c as kernel threads see it.
 *
 * Sending sets a pending bit and TIF_SIGPENDING, unless the target
 * ignores the signal: kthreads ignore every signal (they inherit that
 * from kthreadd) until they allow_signal() one, and kthreadd itself
 * cannot be killed. A signal wakes a TASK_INTERRUPTIBLE sleeper, SIGKILL
 * also a TASK_KILLABLE one, and nothing wakes TASK_UNINTERRUPTIBLE.
 * flush_signals() forgets what is pending. A signal whose default is
 * "ignore" is dropped when sent; kernel_dequeue_signal() takes one a
 * kthread allowed. kthread_stop() ends an interruptible wait with
 * TIF_NOTIFY_SIGNAL, no signal queued.
 *
 * The targets are kthreads; the cases run in pid 1 and never signal it.
 * Linux: kernel/signal.c
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include "test_util.h"

/*
 * A target: allows the signals in @allowed (a sigmask() set), sleeps once
 * in @state, notes that it woke, then (for flush_signals_clears) sleeps
 * interruptibly for @then_sleep jiffies and notes what was left.
 */
struct target {
	unsigned long allowed;
	unsigned int state;
	long then_sleep;
	int asleep;
	int woken;
	unsigned long pending_at_wake;
	long then_left;
	int done;
	struct task_struct *task;
};

static int target_fn(void *data)
{
	struct target *tg = data;

	for (int sig = 1; sig <= _NSIG; sig++)
		if (tg->allowed & sigmask(sig))
			allow_signal(sig);
	set_current_state(tg->state);
	WRITE_ONCE(tg->asleep, 1);
	schedule();
	__set_current_state(TASK_RUNNING);
	tg->pending_at_wake = READ_ONCE(current->pending.signal);
	WRITE_ONCE(tg->woken, 1);
	if (tg->then_sleep)
		tg->then_left = schedule_timeout_interruptible(tg->then_sleep);
	WRITE_ONCE(tg->done, 1);
	sleep_until_stopped();
	return 0;
}

/* Start @tg and wait until it sleeps in its state (false if it did not). */
static bool start_target(struct target *tg)
{
	tg->task = kthread_run(target_fn, tg, "sig_target");
	if (IS_ERR(tg->task)) {
		tg->task = NULL;
		return false;
	}
	return wait_until(READ_ONCE(tg->asleep) && task_state(tg->task) == tg->state, 1000);
}

static void stop_target(struct target *tg)
{
	if (!tg->task)
		return;
	wake_up_process(tg->task);	/* if it still sleeps its one sleep */
	kthread_stop(tg->task);
}

/* Sleeps nothing but kthread_stop() ends: a target for pending-bit checks. */
#define ASLEEP_UNINTERRUPTIBLY(mask) { .allowed = (mask), .state = TASK_UNINTERRUPTIBLE }

/*
 * Allowed signals become pending (SIGKILL being the only fatal one);
 * signals not allowed are dropped. signal_pending_state() then says
 * which sleeps they would end.
 */
static void signal_send_sets_pending(struct kunit *test)
{
	struct target tg = ASLEEP_UNINTERRUPTIBLY(sigmask(SIGUSR1) | sigmask(SIGKILL));
	struct mem_snapshot base;
	struct task_struct *t;

	mem_snapshot_take(&base);
	if (!start_target(&tg)) {
		KUNIT_FAIL(test, "target did not go to sleep");
		goto out;
	}
	t = tg.task;
	KUNIT_EXPECT_FALSE(test, signal_pending(t));

	/* Not allowed: ignored, nothing pending. */
	KUNIT_EXPECT_EQ(test, send_sig(SIGTERM, t, 0), 0);
	KUNIT_EXPECT_FALSE(test, signal_pending(t));
	KUNIT_EXPECT_EQ(test, t->pending.signal, 0);

	KUNIT_EXPECT_EQ(test, send_sig(SIGUSR1, t, 0), 0);
	KUNIT_EXPECT_TRUE(test, signal_pending(t));
	KUNIT_EXPECT_FALSE(test, fatal_signal_pending(t));
	KUNIT_EXPECT_EQ(test, t->pending.signal, sigmask(SIGUSR1));
	KUNIT_EXPECT_TRUE(test, signal_pending_state(TASK_INTERRUPTIBLE, t));
	KUNIT_EXPECT_FALSE(test, signal_pending_state(TASK_KILLABLE, t));
	KUNIT_EXPECT_FALSE(test, signal_pending_state(TASK_UNINTERRUPTIBLE, t));

	flush_signals(t);
	KUNIT_EXPECT_EQ(test, kill_pid(t->pid, SIGKILL), 0);
	KUNIT_EXPECT_TRUE(test, signal_pending(t));
	KUNIT_EXPECT_TRUE(test, fatal_signal_pending(t));
	KUNIT_EXPECT_EQ(test, t->pending.signal, sigmask(SIGKILL));
	KUNIT_EXPECT_TRUE(test, signal_pending_state(TASK_INTERRUPTIBLE, t));
	KUNIT_EXPECT_TRUE(test, signal_pending_state(TASK_KILLABLE, t));
	KUNIT_EXPECT_FALSE(test, signal_pending_state(TASK_UNINTERRUPTIBLE, t));

	/* Both at once: one bit each. */
	send_sig(SIGUSR1, t, 0);
	KUNIT_EXPECT_EQ(test, t->pending.signal, sigmask(SIGUSR1) | sigmask(SIGKILL));
	/* None of it woke an uninterruptible sleeper. */
	KUNIT_EXPECT_EQ(test, task_state(t), TASK_UNINTERRUPTIBLE);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(tg.woken));
out:
	stop_target(&tg);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* A pid nobody has: -ESRCH. A signal number out of range: -EINVAL. */
static void signal_kill_pid_errors(struct kunit *test)
{
	struct target tg = ASLEEP_UNINTERRUPTIBLY(sigmask(SIGUSR1));
	struct mem_snapshot base;
	pid_t gone;

	/* The pid of a thread that has exited and been reaped. */
	mem_snapshot_take(&base);
	KUNIT_ASSERT_TRUE(test, start_target(&tg));
	gone = tg.task->pid;
	stop_target(&tg);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);	/* its pid is free again */
	KUNIT_EXPECT_EQ(test, kill_pid(gone, SIGUSR1), -ESRCH);
	KUNIT_EXPECT_EQ(test, kill_pid(-1, SIGUSR1), -ESRCH);
	KUNIT_EXPECT_EQ(test, kill_pid(pid_max, SIGUSR1), -ESRCH);
	KUNIT_EXPECT_EQ(test, kill_pid(0, SIGUSR1), -ESRCH);	/* not the idle task */

	/* Bad numbers are refused before anything is sent. */
	tg = (struct target)ASLEEP_UNINTERRUPTIBLY(sigmask(SIGUSR1));
	mem_snapshot_take(&base);
	if (!start_target(&tg)) {
		KUNIT_FAIL(test, "target did not go to sleep");
		goto out;
	}
	KUNIT_EXPECT_EQ(test, kill_pid(tg.task->pid, _NSIG + 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, kill_pid(tg.task->pid, -1), -EINVAL);
	KUNIT_EXPECT_EQ(test, send_sig(_NSIG + 1, tg.task, 0), -EINVAL);
	/* Signal 0 asks only whether the task exists: 0, nothing sent. */
	KUNIT_EXPECT_EQ(test, send_sig(0, tg.task, 0), 0);
	KUNIT_EXPECT_EQ(test, kill_pid(tg.task->pid, 0), 0);
	KUNIT_EXPECT_FALSE(test, signal_pending(tg.task));
	KUNIT_EXPECT_EQ(test, tg.task->pending.signal, 0);
	KUNIT_EXPECT_EQ(test, allow_signal(0), -EINVAL);
	KUNIT_EXPECT_EQ(test, allow_signal(_NSIG + 1), -EINVAL);
	/* A good one on the same pid works. */
	KUNIT_EXPECT_EQ(test, kill_pid(tg.task->pid, SIGUSR1), 0);
	KUNIT_EXPECT_TRUE(test, signal_pending(tg.task));
out:
	stop_target(&tg);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

static int exit_at_once_fn(void *data)
{
	return 0;
}

/* kthreadd ignores everything, SIGKILL included, and carries on creating. */
static void signal_kthreadd_ignores_sigkill(struct kunit *test)
{
	struct mem_snapshot base;
	struct task_struct *t;

	KUNIT_ASSERT_EQ(test, kthreadd_task->pid, 2);
	mem_snapshot_take(&base);
	KUNIT_EXPECT_EQ(test, kill_pid(2, SIGKILL), 0);	/* accepted, dropped */
	KUNIT_EXPECT_EQ(test, kill_pid(2, SIGUSR1), 0);
	KUNIT_EXPECT_FALSE(test, signal_pending(kthreadd_task));
	KUNIT_EXPECT_FALSE(test, fatal_signal_pending(kthreadd_task));
	KUNIT_EXPECT_EQ(test, kthreadd_task->pending.signal, 0);
	KUNIT_EXPECT_EQ(test, kthreadd_task->exit_state, 0);
	KUNIT_EXPECT_FALSE(test, kthreadd_task->flags & PF_EXITING);

	/* Still at work: a new kthread still comes from it. */
	t = kthread_create(exit_at_once_fn, NULL, "sig_after_kill");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_EXPECT_PTR_EQ(test, t->real_parent, kthreadd_task);
	/* A new kthread inherits kthreadd's "ignore everything". */
	KUNIT_EXPECT_EQ(test, send_sig(SIGKILL, t, 0), 0);
	KUNIT_EXPECT_FALSE(test, signal_pending(t));
	kthread_stop(t);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* Any allowed signal ends an interruptible sleep, SIGKILL included. */
static void signal_wakes_interruptible_sleeper(struct kunit *test)
{
	static const int sigs[] = { SIGUSR1, SIGTERM, SIGHUP, SIGKILL };
	struct mem_snapshot base;

	mem_snapshot_take(&base);
	for (unsigned int i = 0; i < ARRAY_SIZE(sigs); i++) {
		struct target tg = { .allowed = sigmask(sigs[i]), .state = TASK_INTERRUPTIBLE };

		if (!start_target(&tg)) {
			KUNIT_FAIL(test, "target for signal %d did not go to sleep", sigs[i]);
			stop_target(&tg);
			continue;
		}
		send_sig(sigs[i], tg.task, 0);
		KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(tg.woken), 1000));
		KUNIT_EXPECT_EQ(test, tg.pending_at_wake, sigmask(sigs[i]));
		stop_target(&tg);
	}
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* An interruptible sleeper is not woken by a signal it does not allow. */
static void signal_ignored_does_not_wake(struct kunit *test)
{
	struct target tg = { .allowed = sigmask(SIGUSR1), .state = TASK_INTERRUPTIBLE };
	struct mem_snapshot base;

	mem_snapshot_take(&base);
	if (!start_target(&tg)) {
		KUNIT_FAIL(test, "target did not go to sleep");
		goto out;
	}
	send_sig(SIGTERM, tg.task, 0);
	send_sig(SIGKILL, tg.task, 0);
	msleep(30);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(tg.woken));
	KUNIT_EXPECT_EQ(test, task_state(tg.task), TASK_INTERRUPTIBLE);
	KUNIT_EXPECT_FALSE(test, signal_pending(tg.task));

	send_sig(SIGUSR1, tg.task, 0);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(tg.woken), 1000));
out:
	stop_target(&tg);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* Nothing wakes TASK_UNINTERRUPTIBLE; only SIGKILL wakes TASK_KILLABLE. */
static void signal_uninterruptible_and_killable(struct kunit *test)
{
	const unsigned long all = sigmask(SIGUSR1) | sigmask(SIGKILL);
	struct target un = { .allowed = all, .state = TASK_UNINTERRUPTIBLE };
	struct target kl = { .allowed = all, .state = TASK_KILLABLE };
	struct mem_snapshot base;
	unsigned long nvcsw;

	mem_snapshot_take(&base);
	if (!start_target(&un) || !start_target(&kl)) {
		KUNIT_FAIL(test, "targets did not go to sleep");
		goto out;
	}
	nvcsw = READ_ONCE(un.task->nvcsw);
	send_sig(SIGUSR1, un.task, 0);
	send_sig(SIGKILL, un.task, 0);
	send_sig(SIGUSR1, kl.task, 0);
	msleep(30);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(un.woken));
	KUNIT_EXPECT_EQ(test, task_state(un.task), TASK_UNINTERRUPTIBLE);
	KUNIT_EXPECT_EQ(test, READ_ONCE(un.task->nvcsw), nvcsw);
	KUNIT_EXPECT_TRUE(test, fatal_signal_pending(un.task));	/* pending, just not waking */
	KUNIT_EXPECT_FALSE(test, READ_ONCE(kl.woken));
	KUNIT_EXPECT_EQ(test, task_state(kl.task), TASK_KILLABLE);

	send_sig(SIGKILL, kl.task, 0);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(kl.woken), 1000));
	KUNIT_EXPECT_FALSE(test, READ_ONCE(un.woken));
	/* Only an explicit wakeup ends the uninterruptible sleep. */
	wake_up_process(un.task);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(un.woken), 1000));
out:
	stop_target(&un);
	stop_target(&kl);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/*
 * flush_signals() clears the pending set and TIF_SIGPENDING: an
 * interruptible sleep taken afterwards lasts its full time (with the
 * signal still pending it would end at once).
 */
static void signal_flush_signals_clears(struct kunit *test)
{
	struct target tg = { .allowed = sigmask(SIGUSR1), .state = TASK_UNINTERRUPTIBLE,
			     .then_sleep = 5 };
	struct mem_snapshot base;

	mem_snapshot_take(&base);
	if (!start_target(&tg)) {
		KUNIT_FAIL(test, "target did not go to sleep");
		goto out;
	}
	send_sig(SIGUSR1, tg.task, 0);
	KUNIT_EXPECT_TRUE(test, signal_pending(tg.task));
	flush_signals(tg.task);
	KUNIT_EXPECT_FALSE(test, signal_pending(tg.task));
	KUNIT_EXPECT_EQ(test, tg.task->pending.signal, 0);

	wake_up_process(tg.task);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(tg.done), 1000));
	KUNIT_EXPECT_EQ(test, tg.pending_at_wake, 0);
	KUNIT_EXPECT_EQ(test, tg.then_left, 0);		/* slept it all */
out:
	stop_target(&tg);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/*
 * An ignored signal is dropped when sent, kthreads included: SIGCHLD's
 * default is "ignore", so a kthread that allow_signal()s it (SIG_DFL)
 * still gets nothing pending, and no TIF_SIGPENDING left set for ever.
 * Linux: sig_handler_ignored()
 */
static void signal_default_ignore_dropped(struct kunit *test)
{
	struct target tg = ASLEEP_UNINTERRUPTIBLY(sigmask(SIGCHLD) | sigmask(SIGUSR1));
	struct mem_snapshot base;

	mem_snapshot_take(&base);
	if (!start_target(&tg)) {
		KUNIT_FAIL(test, "target did not go to sleep");
		goto out;
	}
	KUNIT_EXPECT_EQ(test, send_sig(SIGCHLD, tg.task, 0), 0);
	KUNIT_EXPECT_FALSE(test, signal_pending(tg.task));
	KUNIT_EXPECT_EQ(test, tg.task->pending.signal, 0);
	/* ... while one whose default is to terminate stays pending */
	send_sig(SIGUSR1, tg.task, 0);
	KUNIT_EXPECT_EQ(test, tg.task->pending.signal, sigmask(SIGUSR1));
out:
	stop_target(&tg);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

struct dequeuer {
	int asleep, taken, pending_after;
	long left;
};

/* Allows SIGUSR1, sleeps interruptibly until it comes, takes it with kernel_dequeue_signal(). */
static int dequeuer_fn(void *data)
{
	struct dequeuer *d = data;

	allow_signal(SIGUSR1);
	WRITE_ONCE(d->asleep, 1);
	d->left = schedule_timeout_interruptible(5 * HZ);
	d->taken = kernel_dequeue_signal();
	d->pending_after = signal_pending(current);
	sleep_until_stopped();
	return 0;
}

/* A kthread takes the signal it allowed: it is gone from the pending set after. */
static void signal_kernel_dequeue_signal(struct kunit *test)
{
	struct dequeuer d = { 0 };
	struct mem_snapshot base;
	struct task_struct *t;

	mem_snapshot_take(&base);
	t = kthread_run(dequeuer_fn, &d, "sig_dequeue");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(d.asleep) &&
					   task_state(t) == TASK_INTERRUPTIBLE, 1000));
	send_sig(SIGUSR1, t, 0);
	KUNIT_EXPECT_TRUE(test, wait_until(task_state(t) == TASK_UNINTERRUPTIBLE, 1000));
	KUNIT_EXPECT_GT(test, d.left, 0);	/* woken by the signal, not the timeout */
	KUNIT_EXPECT_EQ(test, d.taken, SIGUSR1);
	KUNIT_EXPECT_EQ(test, d.pending_after, 0);
	kthread_stop(t);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/*
 * kthread_stop() of a thread asleep in an interruptible wait that does
 * not look at kthread_should_stop(): the wakeup alone would put it back
 * to sleep (its condition is still false); TIF_NOTIFY_SIGNAL makes
 * signal_pending() true, so the wait returns, with no signal queued.
 */
enum stoppee_wait { STOPPEE_WAIT_EVENT, STOPPEE_MSLEEP };

struct stoppee {
	enum stoppee_wait how;
	struct wait_queue_head wq;
	int released;		/* wait_event_interruptible()'s condition */
	int asleep, woken;
	long ret;		/* what the wait returned */
	int pending, fatal;	/* signal_pending(), fatal_signal_pending() after */
	unsigned long queued;	/* current->pending.signal after */
	struct completion stopped;
	struct task_struct *task;
};

static int stoppee_fn(void *data)
{
	struct stoppee *s = data;

	allow_signal(SIGUSR1);	/* the test's way out if kthread_stop() cannot wake us */
	WRITE_ONCE(s->asleep, 1);
	if (s->how == STOPPEE_WAIT_EVENT)
		s->ret = wait_event_interruptible(s->wq, READ_ONCE(s->released));
	else
		s->ret = msleep_interruptible(60 * MSEC_PER_SEC);
	s->pending = signal_pending(current);
	s->fatal = fatal_signal_pending(current);
	s->queued = READ_ONCE(current->pending.signal);
	WRITE_ONCE(s->woken, 1);
	return 0;
}

static int stopper_fn(void *data)
{
	struct stoppee *s = data;

	kthread_stop(s->task);
	complete(&s->stopped);
	sleep_until_stopped();
	return 0;
}

static void signal_kthread_stop_ends_interruptible_wait(struct kunit *test)
{
	static const enum stoppee_wait hows[] = { STOPPEE_WAIT_EVENT, STOPPEE_MSLEEP };
	struct mem_snapshot base;

	mem_snapshot_take(&base);
	for (unsigned int i = 0; i < ARRAY_SIZE(hows); i++) {
		struct stoppee s = { .how = hows[i] };
		struct task_struct *stopper;
		bool stopped;

		init_waitqueue_head(&s.wq);
		init_completion(&s.stopped);
		s.task = kthread_run(stoppee_fn, &s, "sig_stoppee");
		KUNIT_ASSERT_FALSE(test, IS_ERR(s.task));
		KUNIT_ASSERT_TRUE(test, wait_until(READ_ONCE(s.asleep) &&
						   task_state(s.task) == TASK_INTERRUPTIBLE, 1000));
		/* From a helper: if the wait does not end, the test must not hang with it. */
		stopper = kthread_run(stopper_fn, &s, "sig_stopper");
		KUNIT_ASSERT_FALSE(test, IS_ERR(stopper));
		stopped = wait_for_completion_timeout(&s.stopped, 10 * HZ);
		if (!stopped) {
			KUNIT_FAIL(test, "kthread_stop() of a thread in %s did not return",
				   i ? "msleep_interruptible()" : "wait_event_interruptible()");
			/* Get it out the old way, to clean up. */
			WRITE_ONCE(s.released, 1);
			wake_up(&s.wq);
			send_sig(SIGUSR1, s.task, 0);
			wait_for_completion(&s.stopped);
		} else {
			KUNIT_EXPECT_EQ(test, s.woken, 1);
			if (s.how == STOPPEE_WAIT_EVENT)
				KUNIT_EXPECT_EQ(test, s.ret, -ERESTARTSYS);
			else
				KUNIT_EXPECT_GT(test, s.ret, 0);	/* not slept out */
			KUNIT_EXPECT_EQ(test, s.pending, 1);
			KUNIT_EXPECT_EQ(test, s.fatal, 0);
			KUNIT_EXPECT_EQ(test, s.queued, 0);	/* no signal behind it */
		}
		kthread_stop(stopper);
	}
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

static struct kunit_case signal_cases[] = {
	KUNIT_CASE(signal_send_sets_pending),
	KUNIT_CASE(signal_kill_pid_errors),
	KUNIT_CASE(signal_kthreadd_ignores_sigkill),
	KUNIT_CASE(signal_wakes_interruptible_sleeper),
	KUNIT_CASE(signal_ignored_does_not_wake),
	KUNIT_CASE(signal_uninterruptible_and_killable),
	KUNIT_CASE(signal_flush_signals_clears),
	KUNIT_CASE(signal_default_ignore_dropped),
	KUNIT_CASE(signal_kernel_dequeue_signal),
	KUNIT_CASE(signal_kthread_stop_ends_interruptible_wait),
	{}
};

static struct kunit_suite signal_suite = {
	.name = "signal",
	.test_cases = signal_cases,
};
kunit_test_suite(signal_suite);
