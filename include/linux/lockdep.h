/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Lock assertions: code that relies on its caller holding a lock says so
 * with lockdep_assert_held(&lock), and a caller that does not hold it gets
 * a WARNING with a backtrace at the assertion.
 *
 * Linux's lockdep also validates the order and the context of every lock
 * acquisition; Spindle has no such validator yet, only the assertions.
 * They are built on the owner the debug locks record: a spinlock's owner
 * task (CONFIG_DEBUG_SPINLOCK, on by default) and a mutex's owner. So
 * "held" means held by the current task, as in Linux, and a lock held by
 * another task does not count. (Without CONFIG_DEBUG_SPINLOCK a spinlock
 * records no owner, and "held" weakens to "locked by someone".)
 * The lock is named by its address: lockdep_assert_held(&rq->lock) works
 * for a raw_spinlock_t, a spinlock_t and a struct mutex alike.
 * Linux: include/linux/lockdep.h
 */
#ifndef _LINUX_LOCKDEP_H
#define _LINUX_LOCKDEP_H

#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <asm/current.h>

static __always_inline bool __raw_spin_held_by_current(const raw_spinlock_t *lock)
{
#if CONFIG_DEBUG_SPINLOCK
	return READ_ONCE(lock->owner) == (void *)current;
#else
	return arch_spin_is_locked((arch_spinlock_t *)&lock->raw_lock);
#endif
}

static __always_inline bool __spin_held_by_current(const spinlock_t *lock)
{
	return __raw_spin_held_by_current(&lock->rlock);
}

static __always_inline bool __mutex_held_by_current(const struct mutex *lock)
{
	return READ_ONCE(lock->owner) == current;
}

/**
 * lockdep_is_held - does the current task hold @lock?
 * @lock: the address of a raw_spinlock_t, a spinlock_t or a struct mutex
 *
 * Return: true if the current task holds it.
 * Linux: lockdep_is_held()
 */
#define lockdep_is_held(lock) _Generic((lock),				\
	raw_spinlock_t *: __raw_spin_held_by_current,			\
	const raw_spinlock_t *: __raw_spin_held_by_current,		\
	spinlock_t *: __spin_held_by_current,				\
	const spinlock_t *: __spin_held_by_current,			\
	struct mutex *: __mutex_held_by_current,			\
	const struct mutex *: __mutex_held_by_current)(lock)

/**
 * lockdep_assert_held - WARN unless the current task holds @l
 * @l: the address of the lock, as for lockdep_is_held()
 *
 * A macro, so that the WARNING names the function that assumes the lock.
 * Linux: lockdep_assert_held()
 */
#define lockdep_assert_held(l)		do { WARN_ON(!lockdep_is_held(l)); } while (0)

/**
 * lockdep_assert_not_held - WARN if the current task holds @l
 * @l: the address of the lock, as for lockdep_is_held()
 *
 * For code about to take @l, or to sleep, that must not already hold it.
 * Linux: lockdep_assert_not_held()
 */
#define lockdep_assert_not_held(l)	do { WARN_ON(lockdep_is_held(l)); } while (0)

#endif /* _LINUX_LOCKDEP_H */
