/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the futex files share: the key that names a futex word, the
 * queue entry a waiter sleeps on, and the hash of buckets holding them.
 *
 * A waiter and a waker agree on nothing but the word's address. Both
 * hash its key to one bucket; the waiter checks the word's value and
 * queues itself under the bucket's lock, the waker (after changing the
 * word in user space) takes the same lock to find it. So a wake that
 * comes after the value changed can never miss a waiter that saw the
 * old value: that is the whole futex protocol.
 * Linux: kernel/futex/futex.h
 */
#ifndef _KERNEL_FUTEX_H
#define _KERNEL_FUTEX_H

#include <linux/futex.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct mm_struct;
struct task_struct;

/* Futex flags, from the op's flag bits. Linux: FLAGS_SHARED, FLAGS_CLOCKRT */
#define FLAGS_SHARED		0x01
#define FLAGS_CLOCKRT		0x02

/*
 * Set in key.both.offset of a shared key. Spindle's mappings are all
 * private and anonymous, so a shared key names the same (mm, address)
 * as a private one; the bit keeps the two kinds apart, as in Linux,
 * where a private wait is never woken by a shared wake of the word.
 */
#define FUT_OFF_MMSHARED	2

/*
 * Which futex: the address space and the word's page-aligned address,
 * with the offset in the page (and FUT_OFF_MMSHARED) in offset.
 * Linux: union futex_key (its inode-based shared form has no use here)
 */
union futex_key {
	struct {
		unsigned long address;
		struct mm_struct *mm;
		int offset;
	} private;
	struct {
		unsigned long word;
		void *ptr;
		int offset;
	} both;
};

/*
 * One waiter, on its own stack, in its bucket's chain. A waker takes it
 * off the chain under the bucket's lock: an empty list is what tells
 * the waiter it was woken, rather than timed out or signalled.
 * Linux: struct futex_q
 */
struct futex_q {
	struct list_head list;
	struct task_struct *task;
	union futex_key key;
	u32 bitset;
};

/* Linux: struct futex_hash_bucket */
struct futex_hash_bucket {
	/* Guards chain and every queued futex_q's list and key; not taken in interrupts. */
	spinlock_t lock;
	struct list_head chain;
};

int get_futex_key(u32 __user *uaddr, unsigned int flags, union futex_key *key);
struct futex_hash_bucket *futex_hash(union futex_key *key);
bool futex_match(union futex_key *key1, union futex_key *key2);
int futex_get_value_locked(u32 *dest, u32 __user *from);
void futex_wake_mark(struct futex_q *q);

int futex_wait(u32 __user *uaddr, unsigned int flags, u32 val, u64 *abs_time, u32 bitset);
int futex_wake(u32 __user *uaddr, unsigned int flags, int nr_wake, u32 bitset);
int futex_requeue(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2,
		  int nr_wake, int nr_requeue, u32 *cmpval);

#endif /* _KERNEL_FUTEX_H */
