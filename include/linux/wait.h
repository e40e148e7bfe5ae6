/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Wait queues: a list of sleeping tasks, each with a wake function. A
 * waiter queues itself and sleeps until its condition is true; whoever
 * makes the condition true calls wake_up() on the queue.
 *
 *	DEFINE_WAIT(wait);
 *	for (;;) {
 *		prepare_to_wait(&wq, &wait, TASK_UNINTERRUPTIBLE);
 *		if (condition)
 *			break;
 *		schedule();
 *	}
 *	finish_wait(&wq, &wait);
 *
 * or simply wait_event(wq, condition). The queue's lock orders the
 * waiter's state change against the waker: see prepare_to_wait().
 * Linux: include/linux/wait.h, kernel/sched/wait.c
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>

struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned int mode,
				 int flags, void *key);

#define WQ_FLAG_EXCLUSIVE	0x01	/* wake_up() wakes one exclusive waiter */

struct wait_queue_entry {
	unsigned int flags;
	void *private;			/* the task */
	wait_queue_func_t func;
	struct list_head entry;
};

struct wait_queue_head {
	/* Guards head and the entries on it; irqs off (wake_up() runs in IRQs). */
	spinlock_t lock;
	struct list_head head;
};

typedef struct wait_queue_head wait_queue_head_t;
typedef struct wait_queue_entry wait_queue_entry_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) {				\
	.lock = __SPIN_LOCK_UNLOCKED(name.lock),			\
	.head = LIST_HEAD_INIT(name.head) }

#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name,
			   struct lock_class_key *key);
/* One lock class per call site, named after the queue ("&x->wait"). */
#define init_waitqueue_head(wq_head) do {				\
	static struct lock_class_key __key;				\
	__init_waitqueue_head((wq_head), #wq_head, &__key);		\
} while (0)

/*
 * On the stack the queue lock needs a class key from a static variable:
 * run-time initialisation, as init_waitqueue_head().
 */
#if CONFIG_LOCKDEP
#define __WAIT_QUEUE_HEAD_INIT_ONSTACK(name) ({ init_waitqueue_head(&name); name; })
#define DECLARE_WAIT_QUEUE_HEAD_ONSTACK(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INIT_ONSTACK(name)
#else
#define DECLARE_WAIT_QUEUE_HEAD_ONSTACK(name) DECLARE_WAIT_QUEUE_HEAD(name)
#endif

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
			  void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
			     void *key);

#define DEFINE_WAIT_FUNC(name, function) struct wait_queue_entry name = {	\
	.private = current, .func = function,					\
	.entry = LIST_HEAD_INIT((name).entry) }
#define DEFINE_WAIT(name) DEFINE_WAIT_FUNC(name, autoremove_wake_function)

static inline void init_waitqueue_entry(struct wait_queue_entry *wq_entry,
					struct task_struct *p)
{
	wq_entry->flags = 0;
	wq_entry->private = p;
	wq_entry->func = default_wake_function;
	INIT_LIST_HEAD(&wq_entry->entry);
}

static inline int waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
		     int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state);
long prepare_to_wait_event(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
			   int state);
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

/* Wake @nr_exclusive exclusive waiters (0: all) and every non-exclusive one. */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive, void *key);
/* As __wake_up() with the queue lock already held. */
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode, int nr);

#define wake_up(x)			__wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr)		__wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x)			__wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(x)	__wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_all(x)	__wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)

/*
 * The wait_event family: sleep in @state until @condition. @cmd is how
 * to sleep (schedule() or schedule_timeout()). Returns 0 when the
 * condition came true, -ERESTARTSYS if a signal the state allows came
 * first; the _timeout forms return the jiffies left (at least 1) or 0.
 */
#define ___wait_event(wq_head, condition, state, ret, cmd) ({		\
	DEFINE_WAIT(__wq_entry);					\
	long __ret = ret;						\
	for (;;) {							\
		long __int = prepare_to_wait_event(&(wq_head), &__wq_entry, state); \
		if (condition)						\
			break;						\
		if (__int) {						\
			__ret = __int;					\
			break;						\
		}							\
		cmd;							\
	}								\
	finish_wait(&(wq_head), &__wq_entry);				\
	__ret;								\
})

#define wait_event(wq_head, condition) do {				\
	if (condition)							\
		break;							\
	(void)___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, 0, schedule()); \
} while (0)

#define wait_event_interruptible(wq_head, condition) ({			\
	int __r = 0;							\
	if (!(condition))						\
		__r = ___wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 0, schedule()); \
	__r; })

#define wait_event_killable(wq_head, condition) ({			\
	int __r = 0;							\
	if (!(condition))						\
		__r = ___wait_event(wq_head, condition, TASK_KILLABLE, 0, schedule()); \
	__r; })

#define ___wait_cond_timeout(condition) ({				\
	bool __cond = (condition);					\
	if (__cond && !__ret)						\
		__ret = 1;						\
	__cond || !__ret; })

#define wait_event_timeout(wq_head, condition, timeout) ({		\
	long __ret = timeout;						\
	if (!___wait_cond_timeout(condition))				\
		__ret = ___wait_event(wq_head, ___wait_cond_timeout(condition), \
				      TASK_UNINTERRUPTIBLE, timeout,	\
				      __ret = schedule_timeout(__ret));	\
	__ret; })

#define wait_event_interruptible_timeout(wq_head, condition, timeout) ({ \
	long __ret = timeout;						\
	if (!___wait_cond_timeout(condition))				\
		__ret = ___wait_event(wq_head, ___wait_cond_timeout(condition), \
				      TASK_INTERRUPTIBLE, timeout,	\
				      __ret = schedule_timeout(__ret));	\
	__ret; })

#endif /* _LINUX_WAIT_H */
