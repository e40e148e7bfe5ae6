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

int futex_atomic_cmpxchg_inatomic(u32 *uval, u32 __user *uaddr, u32 oldval, u32 newval);

/*
 * Compare the word at @uaddr with @uval and, if equal, store @newval,
 * atomically against the address space's other threads; *@curval is
 * what the word held. Not under a bucket lock here, so a missing page
 * is faulted in as for any user access.
 * Return: 0 or -EFAULT.
 * Linux: futex_cmpxchg_value_locked()
 */
static int futex_cmpxchg_value(u32 *curval, u32 __user *uaddr, u32 uval, u32 newval)
{
	if (!access_ok(uaddr, sizeof(u32)))
		return -EFAULT;
	return futex_atomic_cmpxchg_inatomic(curval, uaddr, uval, newval);
}

/*
 * The exiting @curr's robust lock at @uaddr: if @curr owns it, mark it
 * FUTEX_OWNER_DIED (keeping FUTEX_WAITERS) and wake one waiter, who
 * takes it over and sees EOWNERDEAD. @pending_op: the entry is
 * list_op_pending, the lock @curr was taking or releasing as it died;
 * with no owner it was just released, and a waiter may have been
 * promised a wake-up that never came, so one is woken. The wake is
 * always a shared one, as Linux's: glibc's robust mutexes wait shared
 * for that reason. @pi: a priority-inheritance lock, which Spindle does
 * not have: marked, never woken here.
 * Return: 0, or -1 for a word the walk should stop at (misaligned, unreadable).
 * Linux: handle_futex_death()
 */
static int handle_futex_death(u32 __user *uaddr, struct task_struct *curr, bool pi,
			      bool pending_op)
{
	u32 uval, nval, mval;
	u32 owner;

	if ((unsigned long)uaddr % sizeof(u32))
		return -1;
	for (;;) {
		if (get_user(uval, uaddr))
			return -1;
		owner = uval & FUTEX_TID_MASK;
		if (pending_op && !pi && !owner) {
			futex_wake(uaddr, FLAGS_SHARED, 1, FUTEX_BITSET_MATCH_ANY);
			return 0;
		}
		if (owner != (u32)task_pid_nr(curr))
			return 0;
		/* Even if OWNER_DIED is set already (an owner that died twice), wake. */
		mval = (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
		if (futex_cmpxchg_value(&nval, uaddr, uval, mval))
			return -1;	/* no writable page there: the lock stays taken */
		if (nval == uval)
			break;
		/* Changed under us (a waiter set FUTEX_WAITERS): look again. */
		cond_resched();
	}
	if (!pi && (uval & FUTEX_WAITERS))
		futex_wake(uaddr, FLAGS_SHARED, 1, FUTEX_BITSET_MATCH_ANY);
	return 0;
}

/*
 * Read the list pointer at @head into *@entry and its low bit (the PI
 * flag) into *@pi. Return: 0 or -EFAULT. Linux: fetch_robust_entry()
 */
static int fetch_robust_entry(struct robust_list __user **entry,
			      struct robust_list __user * __user *head, bool *pi)
{
	unsigned long uentry;

	if (get_user(uentry, (unsigned long __user *)head))
		return -EFAULT;
	*entry = (struct robust_list __user *)(uentry & ~1UL);
	*pi = uentry & 1;
	return 0;
}

/*
 * Walk @curr's robust list and let go of every lock it still holds.
 * The list is user memory and untrusted: any pointer that cannot be
 * read ends the walk quietly, and at most ROBUST_LIST_LIMIT entries are
 * visited, so neither a bad nor a circular list can hurt the kernel.
 * The next pointer is read before the lock is released: once the word
 * says OWNER_DIED, a waiter may free the memory the entry lives in.
 * Linux: exit_robust_list()
 */
static void exit_robust_list(struct task_struct *curr)
{
	struct robust_list_head __user *head = curr->robust_list;
	struct robust_list __user *entry, *next_entry, *pending;
	unsigned int limit = ROBUST_LIST_LIMIT;
	bool pi, pip, next_pi;
	unsigned long futex_offset;
	int rc;

	if (fetch_robust_entry(&entry, &head->list.next, &pi))
		return;
	if (get_user(futex_offset, &head->futex_offset))
		return;
	if (fetch_robust_entry(&pending, &head->list_op_pending, &pip))
		return;
	while (entry != &head->list) {
		rc = fetch_robust_entry(&next_entry, &entry->next, &next_pi);
		/* The pending one is done once, after the walk. */
		if (entry != pending &&
		    handle_futex_death((u32 __user *)((unsigned long)entry + futex_offset),
				       curr, pi, false))
			return;
		if (rc)
			return;
		entry = next_entry;
		pi = next_pi;
		if (!--limit)
			break;
		cond_resched();
	}
	if (pending)
		handle_futex_death((u32 __user *)((unsigned long)pending + futex_offset), curr, pip,
				   true);
}

/*
 * Linux: futex_cleanup(); the exit-state machine around it
 * (futex_cleanup_begin()/_end()) guards PI state, which Spindle lacks.
 */
static void futex_cleanup(struct task_struct *tsk)
{
	if (unlikely(tsk->robust_list)) {
		exit_robust_list(tsk);
		tsk->robust_list = NULL;
	}
}

/**
 * futex_exit_release - the futex work of an exiting thread
 * @tsk: current, leaving its address space for good (exit_mm())
 *
 * Releases the robust locks @tsk still holds (exit_robust_list()).
 * Called before the CLONE_CHILD_CLEARTID wake, as in Linux.
 * Linux: futex_exit_release()
 */
void futex_exit_release(struct task_struct *tsk)
{
	futex_cleanup(tsk);
}

/**
 * futex_exec_release - the futex work of a thread calling execve()
 * @tsk: current, about to drop its old address space
 *
 * The old program's robust locks are released as at exit: the new
 * program knows nothing of them (and registers its own list).
 * Linux: futex_exec_release()
 */
void futex_exec_release(struct task_struct *tsk)
{
	futex_cleanup(tsk);
}
