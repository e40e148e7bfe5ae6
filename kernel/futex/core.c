// SPDX-License-Identifier: GPL-2.0
/*
 * Futex core: naming a futex word (get_futex_key()), finding its bucket
 * (futex_hash()), reading the word under the bucket's lock, and taking
 * a waiter off its bucket to wake it.
 *
 * The word is read with the bucket's spinlock held, so the read must not
 * sleep: with preemption off, a fault on user memory is not resolved but
 * fixed up to -EFAULT (arch/x86/mm/fault.c), Linux's pagefault_disable().
 * The caller then drops the lock, faults the page in with an ordinary
 * get_user(), and tries again.
 * Linux: kernel/futex/core.c
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include "futex.h"

#define FUTEX_HASH_BITS	8

static struct futex_hash_bucket futex_queues[1 << FUTEX_HASH_BITS];

/**
 * futex_init - make the hash buckets empty
 * Return: 0.
 * Linux: futex_init()
 */
int __init futex_init(void)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(futex_queues); i++) {
		spin_lock_init(&futex_queues[i].lock);
		INIT_LIST_HEAD(&futex_queues[i].chain);
	}
	return 0;
}

/**
 * get_futex_key - name the futex word at @uaddr
 * @uaddr: the word, in current's address space
 * @flags: FLAGS_SHARED for a key other address spaces could use too
 * @key: filled in
 *
 * Return: 0, -EINVAL for a word not 4-byte aligned, -EFAULT for an
 * address outside the user half (or, for a shared key, one nothing maps).
 * The word itself is not read here.
 * Linux: get_futex_key()
 */
int get_futex_key(u32 __user *uaddr, unsigned int flags, union futex_key *key)
{
	unsigned long address = (unsigned long)uaddr;

	if (address % sizeof(u32))
		return -EINVAL;
	if (!access_ok(uaddr, sizeof(u32)))
		return -EFAULT;
	if (!current->mm)
		return -EFAULT;
	key->both.offset = address % PAGE_SIZE;
	key->private.address = address - key->both.offset;
	key->private.mm = current->mm;
	/*
	 * Private anonymous memory: a shared key is (mm, address) too, marked.
	 * Linux finds a shared key's page (get_user_pages_fast()), so an
	 * address nothing maps is -EFAULT even where the word is never read
	 * (a requeue's target): the VMA lookup says the same here.
	 */
	if (flags & FLAGS_SHARED) {
		struct vm_area_struct *vma;
		bool mapped;

		mutex_lock(&current->mm->mmap_lock);
		vma = find_vma(current->mm, address);
		mapped = vma && vma->vm_start <= address;
		mutex_unlock(&current->mm->mmap_lock);
		if (!mapped)
			return -EFAULT;
		key->both.offset |= FUT_OFF_MMSHARED;
	}
	return 0;
}

/**
 * futex_hash - the bucket of @key
 * @key: a key from get_futex_key()
 * Return: the bucket.
 * Linux: futex_hash()
 */
struct futex_hash_bucket *futex_hash(union futex_key *key)
{
	u64 h = key->both.word ^ ((unsigned long)key->both.ptr >> 4) ^ key->both.offset;

	h *= 0x9e3779b97f4a7c15ULL;	/* golden-ratio multiplicative hash */
	return &futex_queues[h >> (64 - FUTEX_HASH_BITS)];
}

/**
 * futex_match - do two keys name the same futex?
 * @key1: one key
 * @key2: the other
 * Return: true if they do.
 * Linux: futex_match()
 */
bool futex_match(union futex_key *key1, union futex_key *key2)
{
	return key1->both.word == key2->both.word && key1->both.ptr == key2->both.ptr &&
	       key1->both.offset == key2->both.offset;
}

/**
 * futex_get_value_locked - read the word with a bucket lock held
 * @dest: where the value goes
 * @from: the word
 *
 * Preemption is off (the lock), so a page that is not present is not
 * faulted in: the read fails instead.
 * Return: 0 or -EFAULT.
 * Linux: futex_get_value_locked()
 */
int futex_get_value_locked(u32 *dest, u32 __user *from)
{
	WARN_ON_ONCE(preemptible());
	return get_user(*dest, from);
}

/**
 * futex_wake_mark - take @q off its bucket and wake its task
 * @q: a queued waiter; its bucket's lock is held
 *
 * Once off the chain, @q (on the waiter's stack) may be gone as soon as
 * the lock drops, so the task is woken first, under the lock: the waiter
 * cannot leave futex_wait() without that lock, so its task_struct is
 * still there. (Linux collects the tasks on a wake_q and wakes them
 * after unlocking, to keep the lock hold short; Spindle's buckets see
 * little contention.)
 * Linux: futex_wake_mark()
 */
void futex_wake_mark(struct futex_q *q)
{
	struct task_struct *p = q->task;

	list_del_init(&q->list);
	wake_up_process(p);
}
