// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "waitqueue": wait queues (kernel/sched/wait.c and the
 * wait_event family of <linux/wait.h>) and the sleeping mutex built on
 * the same sleep/wake protocol (kernel/locking/mutex.c).
 *
 * Wait queues: wake_up() wakes every non-exclusive waiter and one
 * exclusive one, wake_up_all() everyone; wait_event re-checks its
 * condition after every wakeup; the _timeout forms return 0 on timeout
 * and otherwise the jiffies left, at least 1; a wakeup that lands
 * between prepare_to_wait() and schedule() is not lost.
 * Mutexes: one holder at a time even across sleeps, waiters served in
 * arrival order by direct hand-off, killable/interruptible locking, and
 * only the owner may unlock.
 *
 * Sleepers are kthreads (the cases run in pid 1); a sleeper counts as
 * asleep once it said it was about to sleep and its state is the sleep
 * state. They allow SIGUSR1 and SIGKILL (kthreads ignore signals unless
 * they allow them).
 * Linux: kernel/sched/wait.c, include/linux/wait.h, kernel/locking/mutex.c
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/timekeeping.h>
#include <linux/timer.h>
#include <linux/wait.h>
#include "test_util.h"

/*
 * Entries on a list guarded by @lock, counted under it; -1 if the list
 * does not lead back to its head within 64 steps (a corrupt list).
 */
static int locked_list_len(struct list_head *head, raw_spinlock_t *lock)
{
	struct list_head *pos = head;
	unsigned long flags;
	int n = 0;

	raw_spin_lock_irqsave(lock, flags);
	while ((pos = pos->next) != head && n >= 0)
		n = n < 64 ? n + 1 : -1;
	raw_spin_unlock_irqrestore(lock, flags);
	return n;
}

#define wq_len(wq)		locked_list_len(&(wq)->head, &(wq)->lock.rlock)
#define mutex_waiters(m)	locked_list_len(&(m)->wait_list, &(m)->wait_lock)

/* Who got through, in order (shared by a case's sleepers). */
struct pass_log {
	int n;
	int id[8];
};

static void log_pass(struct pass_log *log, int id)
{
	if (log)
		log->id[log->n++] = id;
}

/* ---- wait queue sleepers ---- */

enum wq_kind {
	WQ_WAIT_EVENT,			/* wait_event(cond) */
	WQ_WAIT_EVENT_INTERRUPTIBLE,	/* wait_event_interruptible(cond) */
	WQ_SLEEP_ONCE,			/* prepare_to_wait + one schedule() */
	WQ_SLEEP_ONCE_EXCLUSIVE,	/* prepare_to_wait_exclusive + one schedule() */
};

static const unsigned int wq_kind_state[] = {
	[WQ_WAIT_EVENT] = TASK_UNINTERRUPTIBLE,
	[WQ_WAIT_EVENT_INTERRUPTIBLE] = TASK_INTERRUPTIBLE,
	[WQ_SLEEP_ONCE] = TASK_UNINTERRUPTIBLE,
	[WQ_SLEEP_ONCE_EXCLUSIVE] = TASK_UNINTERRUPTIBLE,
};

struct wq_sleeper {
	struct wait_queue_head *wq;
	int *cond;
	enum wq_kind kind;
	int id;
	struct pass_log *log;
	int about_to_sleep;
	int returned;
	long ret;
	struct task_struct *task;
};

static int wq_sleeper_fn(void *data)
{
	struct wq_sleeper *s = data;
	DEFINE_WAIT(wait);

	allow_signal(SIGUSR1);
	allow_signal(SIGKILL);
	switch (s->kind) {
	case WQ_WAIT_EVENT:
		WRITE_ONCE(s->about_to_sleep, 1);
		wait_event(*s->wq, READ_ONCE(*s->cond));
		break;
	case WQ_WAIT_EVENT_INTERRUPTIBLE:
		WRITE_ONCE(s->about_to_sleep, 1);
		s->ret = wait_event_interruptible(*s->wq, READ_ONCE(*s->cond));
		break;
	case WQ_SLEEP_ONCE:
	case WQ_SLEEP_ONCE_EXCLUSIVE:
		if (s->kind == WQ_SLEEP_ONCE)
			prepare_to_wait(s->wq, &wait, TASK_UNINTERRUPTIBLE);
		else
			prepare_to_wait_exclusive(s->wq, &wait, TASK_UNINTERRUPTIBLE);
		WRITE_ONCE(s->about_to_sleep, 1);
		schedule();
		finish_wait(s->wq, &wait);
		break;
	}
	log_pass(s->log, s->id);
	WRITE_ONCE(s->returned, 1);
	sleep_until_stopped();
	return 0;
}

static bool wq_sleeper_asleep(struct wq_sleeper *s)
{
	return READ_ONCE(s->about_to_sleep) && task_state(s->task) == wq_kind_state[s->kind];
}

/* Start @s and wait until it sleeps (false if it did not). */
static bool start_wq_sleeper(struct wq_sleeper *s)
{
	s->task = kthread_run(wq_sleeper_fn, s, "wq_sleep/%d", s->id);
	if (IS_ERR(s->task)) {
		s->task = NULL;
		return false;
	}
	return wait_until(wq_sleeper_asleep(s), 1000);
}

/* Release any sleeper still waiting (a failed case), then stop them all. */
static void stop_wq_sleepers(struct wq_sleeper *s, int n)
{
	for (int i = 0; i < n; i++) {
		if (s[i].cond)
			WRITE_ONCE(*s[i].cond, 1);
		if (s[i].wq)
			wake_up_all(s[i].wq);
	}
	for (int i = 0; i < n; i++)
		if (s[i].task)
			kthread_stop(s[i].task);
}

/* A timer that makes a condition true, and wakes the queue if asked. */
struct cond_timer {
	struct timer_list timer;
	struct wait_queue_head *wq;
	int *cond;
	bool wake;
};

static void cond_timer_fn(struct timer_list *t)
{
	struct cond_timer *ct = from_timer(ct, t, timer);

	WRITE_ONCE(*ct->cond, 1);
	if (ct->wake)
		wake_up(ct->wq);
}

/* ---- wait queue cases ---- */

/*
 * wait_event sleeps until its condition holds: a wake_up() with the
 * condition still false puts it back to sleep; condition + wake_up()
 * lets it through.
 */
static void wait_event_wakes_on_condition(struct kunit *test)
{
	DECLARE_WAIT_QUEUE_HEAD_ONSTACK(wq);
	int cond = 0;
	struct wq_sleeper s = { .wq = &wq, .cond = &cond, .kind = WQ_WAIT_EVENT };
	struct mem_snapshot base;
	unsigned long nvcsw;

	mem_snapshot_take(&base);
	if (!start_wq_sleeper(&s)) {
		KUNIT_FAIL(test, "sleeper did not go to sleep");
		goto out;
	}
	KUNIT_EXPECT_TRUE(test, waitqueue_active(&wq));

	/* Woken with the condition false: it looks, and sleeps again. */
	nvcsw = READ_ONCE(s.task->nvcsw);
	wake_up(&wq);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(s.task->nvcsw) > nvcsw &&
					   task_state(s.task) == TASK_UNINTERRUPTIBLE, 1000));
	KUNIT_EXPECT_FALSE(test, READ_ONCE(s.returned));
	KUNIT_EXPECT_EQ(test, wq_len(&wq), 1);

	WRITE_ONCE(cond, 1);
	wake_up(&wq);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(s.returned), 1000));
	KUNIT_EXPECT_EQ(test, wq_len(&wq), 0);
out:
	stop_wq_sleepers(&s, 1);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/*
 * Two exclusive and two non-exclusive sleepers, started interleaved:
 * non-exclusive ones queue at the head, exclusive ones at the tail, and
 * wake_up() wakes all non-exclusive ones plus the first exclusive one.
 * The second exclusive sleeper is not even woken (nvcsw unchanged).
 */
static void wait_wake_up_one_exclusive_all_shared(struct kunit *test)
{
	DECLARE_WAIT_QUEUE_HEAD_ONSTACK(wq);
	static struct pass_log log;
	static const enum wq_kind kinds[4] = {
		WQ_SLEEP_ONCE_EXCLUSIVE, WQ_SLEEP_ONCE, WQ_SLEEP_ONCE_EXCLUSIVE, WQ_SLEEP_ONCE,
	};
	struct wq_sleeper s[4] = {};
	struct mem_snapshot base;
	unsigned long nvcsw_last;
	bool passed[4] = {};

	memset(&log, 0, sizeof(log));
	mem_snapshot_take(&base);
	for (int i = 0; i < 4; i++) {
		s[i] = (struct wq_sleeper){ .wq = &wq, .kind = kinds[i], .id = i, .log = &log };
		if (!start_wq_sleeper(&s[i])) {
			KUNIT_FAIL(test, "sleeper %d did not go to sleep", i);
			goto out;
		}
	}
	KUNIT_EXPECT_EQ(test, wq_len(&wq), 4);

	nvcsw_last = READ_ONCE(s[2].task->nvcsw);
	wake_up(&wq);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(log.n) >= 3, 1000));
	msleep(30);			/* time for a wrong extra wakeup to show */
	KUNIT_EXPECT_EQ(test, READ_ONCE(log.n), 3);
	for (int i = 0; i < log.n; i++)
		passed[log.id[i]] = true;
	KUNIT_EXPECT_TRUE(test, passed[0]);	/* the first exclusive */
	KUNIT_EXPECT_TRUE(test, passed[1]);	/* every non-exclusive */
	KUNIT_EXPECT_TRUE(test, passed[3]);
	KUNIT_EXPECT_FALSE(test, passed[2]);	/* the second exclusive sleeps on */
	KUNIT_EXPECT_EQ(test, task_state(s[2].task), TASK_UNINTERRUPTIBLE);
	KUNIT_EXPECT_EQ(test, READ_ONCE(s[2].task->nvcsw), nvcsw_last);
	/* The woken entries removed themselves (autoremove_wake_function). */
	KUNIT_EXPECT_EQ(test, wq_len(&wq), 1);

	wake_up(&wq);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(s[2].returned), 1000));
	KUNIT_EXPECT_EQ(test, wq_len(&wq), 0);
out:
	stop_wq_sleepers(s, 4);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/*
 * A wait_event() waiter queued after an exclusive one is still woken by
 * one wake_up(): non-exclusive entries go before exclusive ones (at the
 * head), so the exclusive wakeup cannot end the walk before reaching it.
 */
static void wait_event_after_exclusive_waiter_woken(struct kunit *test)
{
	DECLARE_WAIT_QUEUE_HEAD_ONSTACK(wq);
	static struct pass_log log;
	struct wq_sleeper s[2] = {};
	struct mem_snapshot base;
	int cond = 0;

	memset(&log, 0, sizeof(log));
	mem_snapshot_take(&base);
	s[0] = (struct wq_sleeper){ .wq = &wq, .kind = WQ_SLEEP_ONCE_EXCLUSIVE, .id = 0, .log = &log };
	s[1] = (struct wq_sleeper){ .wq = &wq, .cond = &cond, .kind = WQ_WAIT_EVENT, .id = 1,
				    .log = &log };
	for (int i = 0; i < 2; i++) {
		if (!start_wq_sleeper(&s[i])) {
			KUNIT_FAIL(test, "sleeper %d did not go to sleep", i);
			goto out;
		}
	}
	WRITE_ONCE(cond, 1);
	wake_up(&wq);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(s[1].returned), 1000));
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(s[0].returned), 1000));
out:
	stop_wq_sleepers(s, 2);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* wake_up_nr(2) wakes two exclusive sleepers; wake_up_all() the rest. */
static void wait_wake_up_all_and_nr(struct kunit *test)
{
	DECLARE_WAIT_QUEUE_HEAD_ONSTACK(wq);
	static struct pass_log log;
	struct wq_sleeper s[4] = {};
	struct mem_snapshot base;

	memset(&log, 0, sizeof(log));
	mem_snapshot_take(&base);
	for (int i = 0; i < 4; i++) {
		s[i] = (struct wq_sleeper){ .wq = &wq, .kind = WQ_SLEEP_ONCE_EXCLUSIVE, .id = i,
					    .log = &log };
		if (!start_wq_sleeper(&s[i])) {
			KUNIT_FAIL(test, "sleeper %d did not go to sleep", i);
			goto out;
		}
	}
	wake_up_nr(&wq, 2);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(log.n) >= 2, 1000));
	msleep(30);
	KUNIT_EXPECT_EQ(test, READ_ONCE(log.n), 2);
	KUNIT_EXPECT_EQ(test, wq_len(&wq), 2);

	wake_up_all(&wq);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(log.n) == 4, 1000));
	KUNIT_EXPECT_EQ(test, wq_len(&wq), 0);
	/*
	 * Exclusive sleepers are woken first come, first served: the first
	 * two by wake_up_nr(), the last two by wake_up_all(). Two woken
	 * together may run on two CPUs and log in either order.
	 */
	KUNIT_EXPECT_EQ(test, (1U << log.id[0]) | (1U << log.id[1]), 0x3U);
	KUNIT_EXPECT_EQ(test, (1U << log.id[2]) | (1U << log.id[3]), 0xcU);
out:
	stop_wq_sleepers(s, 4);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/*
 * wait_event_timeout: 0 on timeout (after at least the timeout); the
 * jiffies left when woken with the condition true; at least 1 when the
 * condition came true but nobody woke us (we find it at the timeout);
 * the whole timeout when it is true from the start.
 */
static void wait_event_timeout_returns(struct kunit *test)
{
	DECLARE_WAIT_QUEUE_HEAD_ONSTACK(wq);
	int cond = 0;
	struct cond_timer ct = { .wq = &wq, .cond = &cond };
	unsigned long j0, j1;
	long ret;

	timer_setup(&ct.timer, cond_timer_fn, 0);

	j0 = jiffies;
	ret = wait_event_timeout(wq, READ_ONCE(cond), 5);
	KUNIT_EXPECT_EQ(test, ret, 0);
	KUNIT_EXPECT_GE(test, jiffies - j0, 5);
	KUNIT_EXPECT_EQ(test, wq_len(&wq), 0);

	/* Woken 2 ticks into a one second wait. */
	ct.wake = true;
	j0 = jiffies;
	mod_timer(&ct.timer, j0 + 2);
	ret = wait_event_timeout(wq, READ_ONCE(cond), HZ);
	j1 = jiffies;
	KUNIT_EXPECT_GT(test, ret, 0);
	KUNIT_EXPECT_LE(test, ret, HZ);
	KUNIT_EXPECT_GE(test, ret, HZ - (long)(j1 - j0));
	KUNIT_EXPECT_GE(test, j1 - j0, 2);

	/* True after 2 ticks, but no wake_up(): seen only at the timeout. */
	WRITE_ONCE(cond, 0);
	ct.wake = false;
	j0 = jiffies;
	mod_timer(&ct.timer, j0 + 2);
	ret = wait_event_timeout(wq, READ_ONCE(cond), 10);
	KUNIT_EXPECT_EQ(test, ret, 1);
	KUNIT_EXPECT_GE(test, jiffies - j0, 10);

	/* True from the start: no sleep, the timeout comes back whole. */
	KUNIT_EXPECT_EQ(test, wait_event_timeout(wq, READ_ONCE(cond), 7), 7);
	KUNIT_EXPECT_EQ(test, wait_event_timeout(wq, READ_ONCE(cond), 0), 1);
	del_timer_sync(&ct.timer);
	KUNIT_EXPECT_EQ(test, wq_len(&wq), 0);
}

/* A signal ends wait_event_interruptible with -ERESTARTSYS; the condition with 0. */
static void wait_event_interruptible_signal(struct kunit *test)
{
	DECLARE_WAIT_QUEUE_HEAD_ONSTACK(wq);
	int cond = 0;
	struct wq_sleeper s[2] = {
		{ .wq = &wq, .cond = &cond, .kind = WQ_WAIT_EVENT_INTERRUPTIBLE, .id = 0 },
		{ .wq = &wq, .cond = &cond, .kind = WQ_WAIT_EVENT_INTERRUPTIBLE, .id = 1 },
	};
	struct mem_snapshot base;

	mem_snapshot_take(&base);
	if (!start_wq_sleeper(&s[0])) {
		KUNIT_FAIL(test, "sleeper did not go to sleep");
		goto out;
	}
	send_sig(SIGUSR1, s[0].task, 0);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(s[0].returned), 1000));
	KUNIT_EXPECT_EQ(test, s[0].ret, -ERESTARTSYS);
	KUNIT_EXPECT_EQ(test, wq_len(&wq), 0);

	if (!start_wq_sleeper(&s[1])) {
		KUNIT_FAIL(test, "sleeper did not go to sleep");
		goto out;
	}
	WRITE_ONCE(cond, 1);
	wake_up(&wq);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(s[1].returned), 1000));
	KUNIT_EXPECT_EQ(test, s[1].ret, 0);
out:
	stop_wq_sleepers(s, 2);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* prepare_to_wait() queues once and sets the state; finish_wait() undoes both. */
static void wait_prepare_and_finish(struct kunit *test)
{
	DECLARE_WAIT_QUEUE_HEAD_ONSTACK(wq);
	DEFINE_WAIT(wait);
	unsigned int state1, state2, state_woken, flags_excl;
	int len1, len2, len_woken;

	/* Values are recorded while sleeping-state, checked once running again. */
	prepare_to_wait(&wq, &wait, TASK_INTERRUPTIBLE);
	state1 = task_state(current);
	len1 = wq_len(&wq);
	prepare_to_wait(&wq, &wait, TASK_UNINTERRUPTIBLE);	/* again: not queued twice */
	state2 = task_state(current);
	len2 = wq_len(&wq);
	finish_wait(&wq, &wait);
	KUNIT_EXPECT_EQ(test, state1, TASK_INTERRUPTIBLE);
	KUNIT_EXPECT_EQ(test, len1, 1);
	KUNIT_EXPECT_EQ(test, state2, TASK_UNINTERRUPTIBLE);
	KUNIT_EXPECT_EQ(test, len2, 1);
	KUNIT_EXPECT_EQ(test, task_state(current), TASK_RUNNING);
	KUNIT_EXPECT_EQ(test, wq_len(&wq), 0);
	KUNIT_EXPECT_TRUE(test, list_empty(&wait.entry));
	KUNIT_EXPECT_FALSE(test, waitqueue_active(&wq));

	/* Exclusive entries are marked so. */
	prepare_to_wait_exclusive(&wq, &wait, TASK_UNINTERRUPTIBLE);
	flags_excl = wait.flags;
	finish_wait(&wq, &wait);
	KUNIT_EXPECT_TRUE(test, flags_excl & WQ_FLAG_EXCLUSIVE);
	KUNIT_EXPECT_EQ(test, wq_len(&wq), 0);

	/* Woken before finish_wait(): running, already unqueued, still clean after. */
	prepare_to_wait(&wq, &wait, TASK_UNINTERRUPTIBLE);
	wake_up(&wq);
	state_woken = task_state(current);
	len_woken = wq_len(&wq);
	finish_wait(&wq, &wait);
	KUNIT_EXPECT_EQ(test, state_woken, TASK_RUNNING);
	KUNIT_EXPECT_EQ(test, len_woken, 0);
	KUNIT_EXPECT_EQ(test, wq_len(&wq), 0);
}

/* finish_wait() of an entry a waker on another CPU is still unlinking. */
struct finish_waiter {
	struct wait_queue_head *wq;
	struct wait_queue_entry *entry;
	struct completion go;
	int returned;
};

static int finish_waiter_fn(void *data)
{
	struct finish_waiter *w = data;

	wait_for_completion(&w->go);
	finish_wait(w->wq, w->entry);
	WRITE_ONCE(w->returned, 1);
	sleep_until_stopped();
	return 0;
}

/*
 * We play a waker on CPU 0, caught inside autoremove_wake_function()'s
 * unlinking of an entry, under the queue's lock: next already points
 * back at the entry, prev not yet. The entry's owner, on another CPU,
 * calls finish_wait(). It must not return (and reuse the stack the entry
 * lives on) before the waker's last store: it must wait on the lock.
 * list_empty() alone would let it return at once. We hold the lock
 * until it spins there (a second ticket taken), or 2 s.
 */
static void wait_finish_wait_waits_for_the_waker(struct kunit *test)
{
	static DECLARE_WAIT_QUEUE_HEAD(wq);
	static struct wait_queue_entry entry;
	struct finish_waiter w = { .wq = &wq, .entry = &entry };
	struct cpumask saved;
	struct task_struct *t;
	unsigned long flags;
	int returned_early, spun = 0;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two CPUs: the waker holds the lock while the owner looks");
	init_completion(&w.go);
	INIT_LIST_HEAD(&entry.entry);
	task_pin(current, &saved);
	t = kthread_create(finish_waiter_fn, &w, "wq_finish");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	kthread_bind(t, cpumask_next(TEST_CPU, cpu_online_mask));
	wake_up_process(t);

	spin_lock_irqsave(&wq.lock, flags);
	list_add(&entry.entry, &wq.head);
	/* list_del_init()'s first stores: the neighbours, then next. */
	__list_del(entry.entry.prev, entry.entry.next);
	WRITE_ONCE(entry.entry.next, &entry.entry);
	complete(&w.go);
	for (int us = 0; us < 2000000 && !READ_ONCE(w.returned); us += 10) {
		if (spin_is_contended(&wq.lock)) {
			spun = 1;
			break;
		}
		udelay(10);
	}
	returned_early = READ_ONCE(w.returned);
	WRITE_ONCE(entry.entry.prev, &entry.entry);	/* the waker's last store */
	spin_unlock_irqrestore(&wq.lock, flags);

	if (returned_early)
		KUNIT_FAIL(test, "finish_wait() returned while the waker was still writing the entry");
	KUNIT_EXPECT_TRUE(test, spun);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(w.returned), 1000));
	KUNIT_EXPECT_TRUE(test, list_empty_careful(&entry.entry));
	KUNIT_EXPECT_TRUE(test, list_empty(&wq.head));
	kthread_stop(t);
	task_unpin(current, &saved);
}

struct late_waker {
	struct wait_queue_head wq;
	int cond;
	int waiter_prepared;
	int woke;
};

static int late_waker_fn(void *data)
{
	struct late_waker *lw = data;

	while (!READ_ONCE(lw->waiter_prepared) && !kthread_should_stop())
		schedule_timeout_uninterruptible(1);
	WRITE_ONCE(lw->cond, 1);
	wake_up(&lw->wq);
	WRITE_ONCE(lw->woke, 1);
	sleep_until_stopped();
	return 0;
}

/*
 * The race wait queues exist to close: we prepare_to_wait(), find the
 * condition false, and are preempted (by the tick, while still marked
 * TASK_UNINTERRUPTIBLE) before schedule(). The waker runs, sets the
 * condition and wakes us. Our schedule() must then return at once: the
 * wakeup made us TASK_RUNNING. If it were lost we would sleep the whole
 * second of schedule_timeout() (and not forever, so the case can fail).
 */
static void wait_wakeup_before_schedule_not_lost(struct kunit *test)
{
	static struct late_waker lw;
	DEFINE_WAIT(wait);
	struct mem_snapshot base;
	struct task_struct *t;
	unsigned long nvcsw;
	unsigned int state_after;
	bool cond_before;
	long left;
	u64 t0;

	memset(&lw, 0, sizeof(lw));
	init_waitqueue_head(&lw.wq);
	mem_snapshot_take(&base);
	t = kthread_run(late_waker_fn, &lw, "wq_late_waker");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);

	prepare_to_wait(&lw.wq, &wait, TASK_UNINTERRUPTIBLE);
	cond_before = READ_ONCE(lw.cond);
	WRITE_ONCE(lw.waiter_prepared, 1);
	/* Spin (preemptible) until the waker has been and gone; 1 s at most. */
	t0 = ktime_get_ns();
	while (!READ_ONCE(lw.woke) && ktime_get_ns() - t0 < NSEC_PER_SEC)
		cpu_relax();
	state_after = task_state(current);
	nvcsw = current->nvcsw;
	left = schedule_timeout(HZ);
	finish_wait(&lw.wq, &wait);

	KUNIT_EXPECT_FALSE(test, cond_before);
	KUNIT_EXPECT_TRUE(test, READ_ONCE(lw.woke));
	KUNIT_EXPECT_EQ(test, state_after, TASK_RUNNING);
	KUNIT_EXPECT_EQ(test, current->nvcsw, nvcsw);	/* schedule() did not sleep */
	KUNIT_EXPECT_GT(test, left, 0);
	kthread_stop(t);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* ---- mutexes ---- */

enum mutex_op {
	MUTEX_OP_LOCK,
	MUTEX_OP_LOCK_INTERRUPTIBLE,
	MUTEX_OP_LOCK_KILLABLE,
	MUTEX_OP_TRYLOCK,
	MUTEX_OP_UNLOCK,		/* a foreign unlock */
};

static const unsigned int mutex_op_state[] = {
	[MUTEX_OP_LOCK] = TASK_UNINTERRUPTIBLE,
	[MUTEX_OP_LOCK_INTERRUPTIBLE] = TASK_INTERRUPTIBLE,
	[MUTEX_OP_LOCK_KILLABLE] = TASK_KILLABLE,
};

struct mutex_user {
	struct mutex *m;
	enum mutex_op op;
	int id;
	struct pass_log *log;
	int about_to_lock;
	int returned;
	int ret;
	bool here;		/* bound to TEST_CPU (kthread_run_here()) */
	struct task_struct *task;
};

static int mutex_user_fn(void *data)
{
	struct mutex_user *u = data;

	allow_signal(SIGUSR1);
	allow_signal(SIGKILL);
	WRITE_ONCE(u->about_to_lock, 1);
	switch (u->op) {
	case MUTEX_OP_LOCK:
		mutex_lock(u->m);
		break;
	case MUTEX_OP_LOCK_INTERRUPTIBLE:
		u->ret = mutex_lock_interruptible(u->m);
		break;
	case MUTEX_OP_LOCK_KILLABLE:
		u->ret = mutex_lock_killable(u->m);
		break;
	case MUTEX_OP_TRYLOCK:
		u->ret = mutex_trylock(u->m);
		break;
	case MUTEX_OP_UNLOCK:
		/* Wrong on purpose: the mutex's check is the one tested, not the validator's. */
		lockdep_off();
		mutex_unlock(u->m);
		lockdep_on();
		break;
	}
	if (u->op != MUTEX_OP_TRYLOCK && u->op != MUTEX_OP_UNLOCK && u->ret == 0) {
		/* We hold it: note our turn and pass it on. */
		log_pass(u->log, u->id);
		mutex_unlock(u->m);
	}
	WRITE_ONCE(u->returned, 1);
	sleep_until_stopped();
	return 0;
}

static struct task_struct *run_mutex_user(struct mutex_user *u)
{
	if (u->here)
		u->task = kthread_run_here(mutex_user_fn, u, "mtx_user/%d", u->id);
	else
		u->task = kthread_run(mutex_user_fn, u, "mtx_user/%d", u->id);
	if (IS_ERR(u->task))
		u->task = NULL;
	return u->task;
}

/* Start @u and wait until it sleeps in the mutex (false if it did not). */
static bool start_mutex_waiter(struct mutex_user *u)
{
	if (!run_mutex_user(u))
		return false;
	return wait_until(READ_ONCE(u->about_to_lock) &&
			  task_state(u->task) == mutex_op_state[u->op], 1000);
}

static void stop_mutex_users(struct mutex_user *u, int n)
{
	for (int i = 0; i < n; i++)
		if (u[i].task)
			kthread_stop(u[i].task);
}

#define MUTEX_WORKERS	3
#define MUTEX_ITERS	30

struct mutex_counter {
	struct mutex m;
	int counter;		/* read-modify-write across a sleep, under m */
	int inside;		/* holders right now: must never exceed 1 */
	int max_inside;
	struct completion done;
};

static int mutex_counter_fn(void *data)
{
	struct mutex_counter *mc = data;

	for (int i = 0; i < MUTEX_ITERS; i++) {
		int v;

		mutex_lock(&mc->m);
		mc->inside++;
		if (mc->inside > mc->max_inside)
			mc->max_inside = mc->inside;
		v = mc->counter;
		/* Give the CPU away while holding it: others must block. */
		if (i % 5 == 0)
			schedule_timeout_uninterruptible(1);
		else
			yield();
		mc->counter = v + 1;
		mc->inside--;
		mutex_unlock(&mc->m);
		yield();
	}
	complete(&mc->done);
	sleep_until_stopped();
	return 0;
}

/* Holders sleep and yield inside the section; still one at a time. */
static void mutex_mutual_exclusion(struct kunit *test)
{
	static struct mutex_counter mc;
	struct task_struct *t[MUTEX_WORKERS];
	struct mem_snapshot base;

	memset(&mc, 0, sizeof(mc));
	mutex_init(&mc.m);
	init_completion(&mc.done);
	mem_snapshot_take(&base);
	for (int i = 0; i < MUTEX_WORKERS; i++) {
		t[i] = kthread_run(mutex_counter_fn, &mc, "mtx_ctr/%d", i);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t[i]);
	}
	for (int i = 0; i < MUTEX_WORKERS; i++)
		wait_for_completion(&mc.done);
	for (int i = 0; i < MUTEX_WORKERS; i++)
		kthread_stop(t[i]);
	KUNIT_EXPECT_EQ(test, mc.counter, MUTEX_WORKERS * MUTEX_ITERS);
	KUNIT_EXPECT_EQ(test, mc.max_inside, 1);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&mc.m));
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/*
 * Three waiters queue in order behind us. Our unlock hands the mutex
 * straight to the first (it is the owner before it even runs, and a
 * trylock right after fails: no barging), and each hands it on in turn.
 *
 * We and the waiters share TEST_CPU: preempt_disable() then keeps the
 * first waiter from running between our unlock and our look at the
 * owner. On another CPU it could run there, take its turn and hand the
 * mutex on before we look (a vCPU descheduled by the host for a few ms
 * is enough), and the owner we saw would be the second waiter.
 */
static void mutex_fifo_handoff(struct kunit *test)
{
	static DEFINE_MUTEX(m);
	static struct pass_log log;
	struct mutex_user u[3] = {};
	struct mem_snapshot base;
	struct task_struct *owner_after_unlock;
	struct cpumask saved;
	int barged;

	memset(&log, 0, sizeof(log));
	task_pin(current, &saved);
	mem_snapshot_take(&base);
	mutex_lock(&m);
	for (int i = 0; i < 3; i++) {
		u[i] = (struct mutex_user){ .m = &m, .op = MUTEX_OP_LOCK, .id = i, .log = &log,
					    .here = true };
		if (!start_mutex_waiter(&u[i])) {
			KUNIT_FAIL(test, "waiter %d did not go to sleep", i);
			mutex_unlock(&m);
			goto out;
		}
	}
	KUNIT_EXPECT_EQ(test, mutex_waiters(&m), 3);

	/* No preemption until we have looked: the first waiter must not run yet. */
	preempt_disable();
	mutex_unlock(&m);
	owner_after_unlock = READ_ONCE(m.owner);
	barged = mutex_trylock(&m);
	preempt_enable();
	KUNIT_EXPECT_PTR_EQ(test, owner_after_unlock, u[0].task);
	KUNIT_EXPECT_EQ(test, barged, 0);

	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(log.n) == 3, 1000));
	for (int i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ(test, log.id[i], i);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
	KUNIT_EXPECT_EQ(test, mutex_waiters(&m), 0);
out:
	stop_mutex_users(u, 3);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
	task_unpin(current, &saved);
}

static void mutex_trylock_semantics(struct kunit *test)
{
	static DEFINE_MUTEX(m);
	struct mutex_user u = { .m = &m, .op = MUTEX_OP_TRYLOCK, .ret = -1 };
	struct mem_snapshot base;

	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
	KUNIT_ASSERT_EQ(test, mutex_trylock(&m), 1);
	KUNIT_EXPECT_PTR_EQ(test, m.owner, current);
	KUNIT_EXPECT_EQ(test, mutex_trylock(&m), 0);	/* held, even by us */

	/* Another task's trylock fails and does not wait. */
	mem_snapshot_take(&base);
	if (run_mutex_user(&u)) {
		KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(u.returned), 1000));
		KUNIT_EXPECT_EQ(test, u.ret, 0);
		KUNIT_EXPECT_EQ(test, mutex_waiters(&m), 0);
		kthread_stop(u.task);
	} else {
		KUNIT_FAIL(test, "could not start the other task");
	}
	KUNIT_EXPECT_PTR_EQ(test, m.owner, current);
	mutex_unlock(&m);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/*
 * mutex_lock_killable() sleeps in TASK_KILLABLE: SIGUSR1 neither wakes
 * nor ends it; SIGKILL ends it with -EINTR and takes it off the wait
 * list, so our unlock leaves the mutex free (not handed to a ghost).
 */
static void mutex_lock_killable_sigkill(struct kunit *test)
{
	static DEFINE_MUTEX(m);
	struct mutex_user u = { .m = &m, .op = MUTEX_OP_LOCK_KILLABLE, .ret = 1 };
	struct mem_snapshot base;

	mem_snapshot_take(&base);
	mutex_lock(&m);
	if (!start_mutex_waiter(&u)) {
		KUNIT_FAIL(test, "waiter did not go to sleep");
		mutex_unlock(&m);
		goto out;
	}
	send_sig(SIGUSR1, u.task, 0);
	wake_up_process(u.task);	/* even woken, SIGUSR1 is not fatal */
	msleep(30);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(u.returned));
	KUNIT_EXPECT_EQ(test, task_state(u.task), TASK_KILLABLE);

	send_sig(SIGKILL, u.task, 0);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(u.returned), 1000));
	KUNIT_EXPECT_EQ(test, u.ret, -EINTR);
	KUNIT_EXPECT_EQ(test, mutex_waiters(&m), 0);
	KUNIT_EXPECT_PTR_EQ(test, m.owner, current);
	mutex_unlock(&m);
	KUNIT_EXPECT_PTR_EQ(test, m.owner, NULL);
out:
	stop_mutex_users(&u, 1);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* mutex_lock_interruptible() gives up with -EINTR on any allowed signal. */
static void mutex_lock_interruptible_signal(struct kunit *test)
{
	static DEFINE_MUTEX(m);
	struct mutex_user u = { .m = &m, .op = MUTEX_OP_LOCK_INTERRUPTIBLE, .ret = 1 };
	struct mem_snapshot base;

	mem_snapshot_take(&base);
	mutex_lock(&m);
	if (!start_mutex_waiter(&u)) {
		KUNIT_FAIL(test, "waiter did not go to sleep");
		mutex_unlock(&m);
		goto out;
	}
	send_sig(SIGUSR1, u.task, 0);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(u.returned), 1000));
	KUNIT_EXPECT_EQ(test, u.ret, -EINTR);
	KUNIT_EXPECT_EQ(test, mutex_waiters(&m), 0);
	mutex_unlock(&m);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
out:
	stop_mutex_users(&u, 1);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* Only the owner may unlock: a foreign unlock WARNs and changes nothing. */
static void mutex_unlock_by_non_owner_warns(struct kunit *test)
{
	static DEFINE_MUTEX(m);
	struct mutex_user u = { .m = &m, .op = MUTEX_OP_UNLOCK };
	struct mem_snapshot base;
	int warns = warn_count;

	mem_snapshot_take(&base);
	mutex_lock(&m);
	kunit_expect_warning(test, "mutex_unlock() by another task");
	if (run_mutex_user(&u)) {
		KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(u.returned), 1000));
		kthread_stop(u.task);
	} else {
		KUNIT_FAIL(test, "could not start the other task");
	}
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
	KUNIT_EXPECT_TRUE(test, mutex_is_locked(&m));
	KUNIT_EXPECT_PTR_EQ(test, m.owner, current);
	mutex_unlock(&m);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);	/* ours is fine */
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* Taking a mutex we hold WARNs and fails with -EDEADLK (Spindle's check). */
static void mutex_recursive_lock_warns(struct kunit *test)
{
	static DEFINE_MUTEX(m);
	int warns = warn_count;

	mutex_lock(&m);
	kunit_expect_warning(test, "mutex_lock_interruptible() of a mutex we hold");
	lockdep_off();		/* the mutex's own check is tested, not the validator's */
	KUNIT_EXPECT_EQ(test, mutex_lock_interruptible(&m), -EDEADLK);
	lockdep_on();
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
	KUNIT_EXPECT_PTR_EQ(test, m.owner, current);
	mutex_unlock(&m);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
}

static struct kunit_case waitqueue_cases[] = {
	KUNIT_CASE(wait_event_wakes_on_condition),
	KUNIT_CASE(wait_wake_up_one_exclusive_all_shared),
	KUNIT_CASE(wait_event_after_exclusive_waiter_woken),
	KUNIT_CASE(wait_wake_up_all_and_nr),
	KUNIT_CASE(wait_event_timeout_returns),
	KUNIT_CASE(wait_event_interruptible_signal),
	KUNIT_CASE(wait_prepare_and_finish),
	KUNIT_CASE(wait_finish_wait_waits_for_the_waker),
	KUNIT_CASE(wait_wakeup_before_schedule_not_lost),
	KUNIT_CASE(mutex_mutual_exclusion),
	KUNIT_CASE(mutex_fifo_handoff),
	KUNIT_CASE(mutex_trylock_semantics),
	KUNIT_CASE(mutex_lock_killable_sigkill),
	KUNIT_CASE(mutex_lock_interruptible_signal),
	KUNIT_CASE(mutex_unlock_by_non_owner_warns),
	KUNIT_CASE(mutex_recursive_lock_warns),
	{}
};

static struct kunit_suite waitqueue_suite = {
	.name = "waitqueue",
	.test_cases = waitqueue_cases,
};
kunit_test_suite(waitqueue_suite);
