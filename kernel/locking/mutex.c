// SPDX-License-Identifier: GPL-2.0
/*
 * A sleeping mutex with direct hand-off: mutex_unlock() gives the lock to
 * the first waiter and wakes it, so waiters get the lock in arrival order
 * and a newcomer cannot barge past them. wait_lock (a raw spinlock,
 * interrupts off) guards @owner and the wait list.
 * Linux: kernel/locking/mutex.c (which spins optimistically first and
 * hands off only to starving waiters; Spindle always hands off)
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/sched/signal.h>

struct mutex_waiter {
	struct list_head list;
	struct task_struct *task;
	bool granted;		/* set by the unlocker: the mutex is ours */
};

/**
 * __mutex_init - initialise a mutex at run time
 * @lock: the mutex
 * @name: its name, for reports
 * @key: the lock class key of the mutex_init() call site
 * Linux: __mutex_init()
 */
void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key)
{
	lock->owner = NULL;
	raw_spin_lock_init(&lock->wait_lock);
	INIT_LIST_HEAD(&lock->wait_list);
	lock->name = name;
#if CONFIG_LOCKDEP
	debug_check_no_locks_freed(lock, sizeof(*lock));
	lockdep_init_map_wait(&lock->dep_map, name, key, 0, LD_WAIT_SLEEP);
#endif
}

/*
 * Sleep in @state until granted; -EINTR if a signal @state allows comes
 * first. The validator hears of the acquire before any wait (so a
 * deadlock is reported, not slept in) and of the release on every
 * failure.
 */
static int __mutex_lock(struct mutex *lock, unsigned int state, unsigned int subclass,
			unsigned long ip)
{
	struct mutex_waiter waiter = { .task = current };
	unsigned long flags;

	might_sleep();
	mutex_acquire(&lock->dep_map, subclass, 0, ip);
	raw_spin_lock_irqsave(&lock->wait_lock, flags);
	if (WARN(lock->owner == current, "mutex %s: recursive lock by %s/%d", lock->name,
		 current->comm, current->pid)) {
		raw_spin_unlock_irqrestore(&lock->wait_lock, flags);
		mutex_release(&lock->dep_map, ip);
		return -EDEADLK;
	}
	if (!lock->owner) {
		lock->owner = current;
		raw_spin_unlock_irqrestore(&lock->wait_lock, flags);
		return 0;
	}
	list_add_tail(&waiter.list, &lock->wait_list);
	for (;;) {
		set_current_state(state);
		if (waiter.granted)
			break;
		if (signal_pending_state(state, current)) {
			list_del(&waiter.list);
			__set_current_state(TASK_RUNNING);
			raw_spin_unlock_irqrestore(&lock->wait_lock, flags);
			mutex_release(&lock->dep_map, ip);
			return -EINTR;
		}
		raw_spin_unlock_irqrestore(&lock->wait_lock, flags);
		schedule();
		raw_spin_lock_irqsave(&lock->wait_lock, flags);
	}
	__set_current_state(TASK_RUNNING);
	raw_spin_unlock_irqrestore(&lock->wait_lock, flags);
	return 0;
}

/**
 * mutex_lock - take @lock, sleeping as long as needed
 * @lock: the mutex
 * Linux: mutex_lock()
 */
void mutex_lock(struct mutex *lock)
{
	__mutex_lock(lock, TASK_UNINTERRUPTIBLE, 0, _RET_IP_);
}

#if CONFIG_LOCKDEP
/**
 * mutex_lock_nested - mutex_lock() of a second mutex of the same class
 * @lock: the mutex
 * @subclass: its nesting level (SINGLE_DEPTH_NESTING for the second)
 * Linux: mutex_lock_nested()
 */
void mutex_lock_nested(struct mutex *lock, unsigned int subclass)
{
	__mutex_lock(lock, TASK_UNINTERRUPTIBLE, subclass, _RET_IP_);
}
#endif

/**
 * mutex_lock_interruptible - take @lock unless a signal comes first
 * @lock: the mutex
 * Return: 0, or -EINTR.
 * Linux: same name
 */
int mutex_lock_interruptible(struct mutex *lock)
{
	return __mutex_lock(lock, TASK_INTERRUPTIBLE, 0, _RET_IP_);
}

/**
 * mutex_lock_killable - take @lock unless SIGKILL comes first
 * @lock: the mutex
 * Return: 0, or -EINTR.
 * Linux: same name
 */
int mutex_lock_killable(struct mutex *lock)
{
	return __mutex_lock(lock, TASK_KILLABLE, 0, _RET_IP_);
}

/**
 * mutex_trylock - take @lock only if it is free
 * @lock: the mutex
 * Return: 1 if taken, 0 if not.
 * Linux: same name
 */
int mutex_trylock(struct mutex *lock)
{
	unsigned long flags;
	int ret = 0;

	raw_spin_lock_irqsave(&lock->wait_lock, flags);
	if (!lock->owner) {
		lock->owner = current;
		ret = 1;
	}
	raw_spin_unlock_irqrestore(&lock->wait_lock, flags);
	if (ret)
		mutex_acquire(&lock->dep_map, 0, 1, _RET_IP_);
	return ret;
}

/**
 * mutex_unlock - release @lock, handing it to the first waiter
 * @lock: the mutex, held by current
 * Linux: same name
 */
void mutex_unlock(struct mutex *lock)
{
	struct mutex_waiter *waiter;
	unsigned long flags;

	mutex_release(&lock->dep_map, _RET_IP_);
	raw_spin_lock_irqsave(&lock->wait_lock, flags);
	if (WARN(lock->owner != current, "mutex %s: unlocked by %s/%d, not its owner", lock->name,
		 current->comm, current->pid)) {
		raw_spin_unlock_irqrestore(&lock->wait_lock, flags);
		return;
	}
	waiter = list_first_entry_or_null(&lock->wait_list, struct mutex_waiter, list);
	if (waiter) {
		list_del(&waiter->list);
		lock->owner = waiter->task;
		waiter->granted = true;
		wake_up_process(waiter->task);
	} else {
		lock->owner = NULL;
	}
	raw_spin_unlock_irqrestore(&lock->wait_lock, flags);
}
