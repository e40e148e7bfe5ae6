// SPDX-License-Identifier: GPL-2.0
/*
 * Wait queues. The waiter's "set state, then check condition" and the
 * waker's "set condition, then wake" meet under wq_head->lock:
 * prepare_to_wait() queues the entry and sets the state under the lock,
 * so a wake_up() that runs after the condition became true either finds
 * the entry (and wakes it) or runs before it was queued, in which case
 * the waiter's check sees the condition already true.
 * Linux: kernel/sched/wait.c
 */
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/sched.h>
#include <linux/wait.h>

/**
 * __init_waitqueue_head - an empty queue
 * @wq_head: the queue
 * @name: its lock's name, for the validator
 * @key: its lock's class key (init_waitqueue_head()'s call site)
 * Linux: __init_waitqueue_head()
 */
void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name,
			   struct lock_class_key *key)
{
	spin_lock_init(&wq_head->lock);
	lockdep_set_class_and_name(&wq_head->lock, key, name);
	INIT_LIST_HEAD(&wq_head->head);
}

/**
 * add_wait_queue - queue @wq_entry (non-exclusive, at the head)
 * @wq_head: the queue
 * @wq_entry: the entry
 * Linux: add_wait_queue()
 */
void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	list_add(&wq_entry->entry, &wq_head->head);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/**
 * add_wait_queue_exclusive - queue @wq_entry exclusive, at the tail
 * @wq_head: the queue
 * @wq_entry: the entry
 * Linux: add_wait_queue_exclusive()
 */
void add_wait_queue_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	list_add_tail(&wq_entry->entry, &wq_head->head);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/**
 * remove_wait_queue - unqueue @wq_entry
 * @wq_head: the queue it is on
 * @wq_entry: the entry
 * Linux: remove_wait_queue()
 */
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	list_del_init(&wq_entry->entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/**
 * default_wake_function - wake the entry's task
 * @wq_entry: the entry
 * @mode: states to wake from
 * @flags: wake flags
 * @key: unused
 * Return: 1 if the task was woken.
 * Linux: default_wake_function()
 */
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
			  void *key)
{
	return try_to_wake_up(wq_entry->private, mode, flags);
}

/**
 * autoremove_wake_function - wake, and unqueue the entry if that worked
 * @wq_entry: the entry being woken (DEFINE_WAIT's function; finish_wait()
 *	then has nothing to do)
 * @mode: the states that may be woken
 * @flags: wake flags
 * @key: passed on
 * Return: as default_wake_function(): 1 if the task was woken.
 * Linux: autoremove_wake_function()
 */
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
			     void *key)
{
	int ret = default_wake_function(wq_entry, mode, flags, key);

	/* Careful: the waiter's finish_wait() may look without the lock. */
	if (ret)
		list_del_init_careful(&wq_entry->entry);
	return ret;
}

/**
 * __wake_up_locked - wake waiters; the caller holds the queue's lock
 * @wq_head: the queue, locked
 * @mode: states to wake
 * @nr_exclusive: exclusive waiters to wake (0: all)
 * Linux: __wake_up_locked()
 */
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive)
{
	struct wait_queue_entry *curr, *next;

	lockdep_assert_held(&wq_head->lock);
	list_for_each_entry_safe(curr, next, &wq_head->head, entry) {
		unsigned int flags = curr->flags;
		int ret = curr->func(curr, mode, 0, NULL);

		if (ret && (flags & WQ_FLAG_EXCLUSIVE) && !--nr_exclusive)
			break;
	}
}

/**
 * __wake_up - wake waiters on @wq_head
 * @wq_head: the queue
 * @mode: states to wake (TASK_NORMAL, TASK_INTERRUPTIBLE)
 * @nr_exclusive: exclusive waiters to wake (0: all)
 * @key: unused
 * Linux: __wake_up()
 */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive, void *key)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	__wake_up_locked(wq_head, mode, nr_exclusive);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/**
 * prepare_to_wait - queue @wq_entry (if not yet) and set current's state
 * @wq_head: the queue
 * @wq_entry: current's entry
 * @state: TASK_UNINTERRUPTIBLE, TASK_INTERRUPTIBLE, TASK_KILLABLE
 * Linux: prepare_to_wait()
 */
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
		     int state)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry))
		list_add(&wq_entry->entry, &wq_head->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/**
 * prepare_to_wait_exclusive - as prepare_to_wait(), as an exclusive waiter
 * @wq_head: the queue
 * @wq_entry: the caller's entry, queued at the tail
 * @state: the sleeping state to set
 * Linux: prepare_to_wait_exclusive()
 */
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state)
{
	unsigned long flags;

	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry))
		list_add_tail(&wq_entry->entry, &wq_head->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/**
 * prepare_to_wait_event - prepare_to_wait() for the wait_event macros
 * @wq_head: the queue
 * @wq_entry: the caller's entry (exclusive if WQ_FLAG_EXCLUSIVE is set)
 * @state: the sleeping state to set
 *
 * Return: -ERESTARTSYS (and the entry unqueued) if a signal that @state
 * lets in is pending, else 0.
 * Linux: prepare_to_wait_event()
 */
long prepare_to_wait_event(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
			   int state)
{
	unsigned long flags;
	long ret = 0;

	spin_lock_irqsave(&wq_head->lock, flags);
	if (signal_pending_state(state, current)) {
		list_del_init(&wq_entry->entry);
		ret = -ERESTARTSYS;
	} else {
		/* As prepare_to_wait(): exclusive waiters at the tail, others at the head. */
		if (list_empty(&wq_entry->entry)) {
			if (wq_entry->flags & WQ_FLAG_EXCLUSIVE)
				list_add_tail(&wq_entry->entry, &wq_head->head);
			else
				list_add(&wq_entry->entry, &wq_head->head);
		}
		set_current_state(state);
	}
	spin_unlock_irqrestore(&wq_head->lock, flags);
	return ret;
}

/**
 * finish_wait - back to TASK_RUNNING and off the queue
 * @wq_head: the queue
 * @wq_entry: current's entry
 * Linux: finish_wait()
 */
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	/*
	 * Without the lock only with list_empty_careful(): a waker on
	 * another CPU may be unlinking our entry right now (under the lock),
	 * and list_empty() could say "empty" between its two stores. We
	 * would return and reuse the stack the entry lives on while its last
	 * store is still to come. If anything is half written, the lock
	 * waits for the waker to finish. (Every other user of the queue
	 * takes the lock, so only one CPU can be writing our entry.)
	 */
	if (!list_empty_careful(&wq_entry->entry)) {
		spin_lock_irqsave(&wq_head->lock, flags);
		list_del_init(&wq_entry->entry);
		spin_unlock_irqrestore(&wq_head->lock, flags);
	}
}
