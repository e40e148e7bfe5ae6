// SPDX-License-Identifier: GPL-2.0
/*
 * FUTEX_REQUEUE and FUTEX_CMP_REQUEUE: wake some waiters of one word and
 * move the others, still asleep, to wait on a second word. A condition
 * variable's broadcast uses it (musl's pthread_cond_broadcast() does):
 * rather than waking every waiter to fight over the mutex, one is woken
 * and the rest queue on the mutex's word.
 * Linux: kernel/futex/requeue.c
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include "futex.h"

/* Both buckets, lower address first, so two requeuers never deadlock. Linux: double_lock_hb() */
static void double_lock_hb(struct futex_hash_bucket *hb1, struct futex_hash_bucket *hb2)
{
	if (hb1 > hb2)
		swap(hb1, hb2);
	spin_lock(&hb1->lock);
	/* One lock class for every bucket: the second is a nesting level down. */
	if (hb1 != hb2)
		spin_lock_nested(&hb2->lock, SINGLE_DEPTH_NESTING);
}

static void double_unlock_hb(struct futex_hash_bucket *hb1, struct futex_hash_bucket *hb2)
{
	spin_unlock(&hb1->lock);
	if (hb1 != hb2)
		spin_unlock(&hb2->lock);
}

/**
 * futex_requeue - wake @nr_wake waiters of @uaddr1, move @nr_requeue to @uaddr2
 * @uaddr1: the word they wait on
 * @flags: FLAGS_SHARED or 0 (for both words)
 * @uaddr2: the word the moved ones will wait on
 * @nr_wake: how many to wake
 * @nr_requeue: how many more to move
 * @cmpval: for FUTEX_CMP_REQUEUE, the value @uaddr1 must still hold
 *	(checked under the lock, as a wait would), or NULL
 *
 * Return: woken plus requeued, -EAGAIN if *@uaddr1 != *@cmpval, -EINVAL
 * or -EFAULT for a bad address or negative count.
 * Linux: futex_requeue() (without the PI variants)
 */
int futex_requeue(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2,
		  int nr_wake, int nr_requeue, u32 *cmpval)
{
	union futex_key key1, key2;
	struct futex_hash_bucket *hb1, *hb2;
	struct futex_q *q, *next;
	int ret, woken = 0, moved = 0;
	u32 curval;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
retry:
	ret = get_futex_key(uaddr1, flags, &key1);
	if (ret)
		return ret;
	ret = get_futex_key(uaddr2, flags, &key2);
	if (ret)
		return ret;
	hb1 = futex_hash(&key1);
	hb2 = futex_hash(&key2);
	double_lock_hb(hb1, hb2);
	if (cmpval) {
		ret = futex_get_value_locked(&curval, uaddr1);
		if (ret) {
			double_unlock_hb(hb1, hb2);
			if (get_user(curval, uaddr1))
				return -EFAULT;
			goto retry;
		}
		if (curval != *cmpval) {
			double_unlock_hb(hb1, hb2);
			return -EAGAIN;
		}
	}
	list_for_each_entry_safe(q, next, &hb1->chain, list) {
		if (!futex_match(&q->key, &key1))
			continue;
		if (woken < nr_wake) {
			futex_wake_mark(q);
			woken++;
			continue;
		}
		if (moved >= nr_requeue)
			break;
		/* requeue_futex(): same sleeper, new word; a wake of @uaddr2 finds it now. */
		list_move_tail(&q->list, &hb2->chain);
		q->key = key2;
		moved++;
	}
	double_unlock_hb(hb1, hb2);
	return woken + moved;
}
