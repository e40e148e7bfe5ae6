/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sleeping mutual exclusion. Unlike a spinlock, a task that finds the
 * mutex taken sleeps until the owner releases it, so a mutex may be held
 * across sleeping operations, but never taken in interrupt context.
 * Only the owner may unlock it (checked).
 * Linux: include/linux/mutex.h
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/list.h>
#include <linux/spinlock.h>

struct task_struct;

struct mutex {
	struct task_struct *owner;	/* NULL when free */
	raw_spinlock_t wait_lock;	/* guards owner and wait_list */
	struct list_head wait_list;	/* sleepers, first come first served */
	const char *name;
#if CONFIG_LOCKDEP
	struct lockdep_map dep_map;	/* its class, for the lock validator */
#endif
};

#if CONFIG_LOCKDEP
#define __DEP_MAP_MUTEX_INITIALIZER(lockname) \
	, .dep_map = STATIC_LOCKDEP_MAP_INIT(#lockname, LD_WAIT_SLEEP)
#else
#define __DEP_MAP_MUTEX_INITIALIZER(lockname)
#endif

#define __MUTEX_INITIALIZER(lockname) {					\
	.owner = NULL, .wait_lock = __RAW_SPIN_LOCK_UNLOCKED(lockname.wait_lock), \
	.wait_list = LIST_HEAD_INIT(lockname.wait_list), .name = #lockname \
	__DEP_MAP_MUTEX_INITIALIZER(lockname) }

#define DEFINE_MUTEX(mutexname) struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

/* As spin_lock_init(): one lock class per mutex_init() call site. */
void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key);
#define mutex_init(mutex) do {						\
	static struct lock_class_key __key;				\
	__mutex_init((mutex), #mutex, &__key);				\
} while (0)

void mutex_lock(struct mutex *lock);
#if CONFIG_LOCKDEP
/* A second mutex of one class held at once, at nesting level @subclass. */
void mutex_lock_nested(struct mutex *lock, unsigned int subclass);
#else
#define mutex_lock_nested(lock, subclass) mutex_lock(((void)(subclass), (lock)))
#endif
int mutex_lock_interruptible(struct mutex *lock);
int mutex_lock_killable(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

static inline bool mutex_is_locked(struct mutex *lock)
{
	return READ_ONCE(lock->owner) != NULL;
}

#endif /* _LINUX_MUTEX_H */
