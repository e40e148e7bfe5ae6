// SPDX-License-Identifier: GPL-2.0
/*
 * FUTEX_WAIT and FUTEX_WAKE: sleep while the word still holds the value
 * the caller saw, and wake sleepers after changing it.
 *
 *	waiter				waker
 *	lock bucket			*uaddr = new (user space)
 *	val == *uaddr ? queue : -EAGAIN	lock bucket
 *	unlock, sleep			dequeue and wake waiters
 *					unlock
 *
 * The waiter's check and queueing happen under the lock the waker takes
 * after changing the word, so either the waiter sees the new value, or
 * the waker sees the waiter. Linux: kernel/futex/waitwake.c
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include "futex.h"

/**
 * futex_wake - wake up to @nr_wake waiters on the word at @uaddr
 * @uaddr: the word
 * @flags: FLAGS_SHARED or 0
 * @nr_wake: how many at most (as in Linux, at least one is woken even
 *	when this is 0 or less)
 * @bitset: only waiters whose bitset shares a bit with this one
 *
 * Return: how many were woken, or -EINVAL / -EFAULT for a bad address
 * or an empty @bitset.
 * Linux: futex_wake()
 */
int futex_wake(u32 __user *uaddr, unsigned int flags, int nr_wake, u32 bitset)
{
	struct futex_hash_bucket *hb;
	struct futex_q *q, *next;
	union futex_key key;
	int ret;

	if (!bitset)
		return -EINVAL;
	ret = get_futex_key(uaddr, flags, &key);
	if (ret)
		return ret;
	hb = futex_hash(&key);
	spin_lock(&hb->lock);
	list_for_each_entry_safe(q, next, &hb->chain, list) {
		if (!futex_match(&q->key, &key) || !(q->bitset & bitset))
			continue;
		futex_wake_mark(q);
		if (++ret >= nr_wake)
			break;
	}
	spin_unlock(&hb->lock);
	return ret;
}

/*
 * Check the word and queue @q in its bucket, or say why not. On success
 * returns 0 with current in TASK_INTERRUPTIBLE and @q queued; the bucket
 * is unlocked either way. Linux: futex_wait_setup() + futex_queue()
 */
static int futex_wait_setup(u32 __user *uaddr, u32 val, unsigned int flags, struct futex_q *q)
{
	struct futex_hash_bucket *hb;
	u32 uval;
	int ret;

retry:
	ret = get_futex_key(uaddr, flags, &q->key);
	if (ret)
		return ret;
	hb = futex_hash(&q->key);
	spin_lock(&hb->lock);
	ret = futex_get_value_locked(&uval, uaddr);
	if (ret) {
		/* Not present: fault it in without the lock, then look again. */
		spin_unlock(&hb->lock);
		if (get_user(uval, uaddr))
			return -EFAULT;
		goto retry;
	}
	if (uval != val) {
		spin_unlock(&hb->lock);
		return -EAGAIN;	/* the word changed already: the waker came first */
	}
	list_add_tail(&q->list, &hb->chain);
	/* Before the unlock: a wake after it finds us queued and makes us runnable. */
	set_current_state(TASK_INTERRUPTIBLE);
	spin_unlock(&hb->lock);
	return 0;
}

/*
 * After the sleep: were we woken (off the chain), or do we leave on our
 * own (timeout, signal)? Returns true if a waker dequeued us.
 * Linux: futex_unqueue()
 */
static bool futex_unqueue_woken(struct futex_q *q)
{
	struct futex_hash_bucket *hb = futex_hash(&q->key);
	bool woken;

	spin_lock(&hb->lock);
	woken = list_empty(&q->list);
	if (!woken)
		list_del_init(&q->list);
	spin_unlock(&hb->lock);
	return woken;
}

/**
 * futex_wait - sleep on the word at @uaddr while it holds @val
 * @uaddr: the word
 * @flags: FLAGS_SHARED, FLAGS_CLOCKRT
 * @val: the value the caller saw there
 * @abs_time: the ktime_get_ns() to give up at, or NULL to wait for ever
 * @bitset: the wakers' bitsets it answers to
 *
 * Return: 0 when woken by futex_wake(), -EAGAIN if the word no longer
 * holds @val, -ETIMEDOUT, -ERESTARTSYS for a signal (user space sees
 * -EINTR once a handler without SA_RESTART ran, as in Linux; with a
 * timeout, -EINTR at once: Spindle has no restart block to resume the
 * rest of the wait), -EINVAL or -EFAULT for a bad address or an empty
 * @bitset.
 * Linux: futex_wait()
 */
int futex_wait(u32 __user *uaddr, unsigned int flags, u32 val, u64 *abs_time, u32 bitset)
{
	struct futex_q q = { .task = current, .bitset = bitset };
	int ret;

	if (!bitset)
		return -EINVAL;
	INIT_LIST_HEAD(&q.list);
	for (;;) {
		long timeout = MAX_SCHEDULE_TIMEOUT;

		if (abs_time) {
			u64 now = ktime_get_ns();

			if (now >= *abs_time)
				return -ETIMEDOUT;
			/* Rounded up to whole ticks: never early. */
			timeout = (long)((*abs_time - now + TICK_NSEC - 1) / TICK_NSEC) + 1;
		}
		ret = futex_wait_setup(uaddr, val, flags, &q);
		if (ret)
			return ret;
		/* A waker may have dequeued us already: then we are TASK_RUNNING. */
		schedule_timeout(timeout);
		__set_current_state(TASK_RUNNING);
		if (futex_unqueue_woken(&q))
			return 0;
		if (abs_time && ktime_get_ns() >= *abs_time)
			return -ETIMEDOUT;
		if (signal_pending(current))
			return abs_time ? -EINTR : -ERESTARTSYS;
		/* A spurious wakeup: look at the word again. */
	}
}
