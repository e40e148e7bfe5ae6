// SPDX-License-Identifier: GPL-2.0
/*
 * Completions. Waiters queue exclusively, so complete() wakes exactly one
 * and each complete() lets exactly one wait return; complete_all() wakes
 * them all and saturates @done. x->wait.lock guards @done and the queue.
 * Linux: kernel/sched/completion.c
 */
#include <linux/completion.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>

#define COMPLETION_ALL	UINT32_MAX

/**
 * complete - signal one waiter (or the next one to come)
 * @x: the completion
 * Linux: complete()
 */
void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != COMPLETION_ALL)
		x->done++;
	/* Nobody waiting (the common case of an early complete()): no call. */
	if (!list_empty(&x->wait.head))
		__wake_up_locked(&x->wait, TASK_NORMAL, 1);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

/**
 * complete_all - signal every waiter, present and future
 * @x: the completion; reinit_completion() before reusing it
 * Linux: complete_all()
 */
void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = COMPLETION_ALL;
	__wake_up_locked(&x->wait, TASK_NORMAL, 0);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

/*
 * The slow path of wait_for_common(): @x is not done, so queue on it and
 * sleep in @state until it is, @timeout runs out or a signal @state
 * accepts comes. Called and returns with x->wait.lock held (irqs off).
 * Out of line: the wait entry it builds on the stack, and the loop, are
 * work a completion that is already done never needs.
 * Return: the jiffies left, 0 on timeout, -ERESTARTSYS on a signal.
 * Linux: do_wait_for_common()
 */
static noinline long do_wait_for_common(struct completion *x, long timeout, int state)
{
	DEFINE_WAIT_FUNC(wait, default_wake_function);

	wait.flags |= WQ_FLAG_EXCLUSIVE;
	list_add_tail(&wait.entry, &x->wait.head);
	do {
		if (signal_pending_state(state, current)) {
			timeout = -ERESTARTSYS;
			break;
		}
		__set_current_state(state);
		spin_unlock_irq(&x->wait.lock);
		timeout = schedule_timeout(timeout);
		spin_lock_irq(&x->wait.lock);
	} while (!x->done && timeout);
	__set_current_state(TASK_RUNNING);
	list_del(&wait.entry);
	return timeout;
}

/*
 * Wait in @state for up to @timeout jiffies. Returns the jiffies left
 * (at least 1) on completion, 0 on timeout, -ERESTARTSYS on a signal
 * @state accepts. When @x is done already, this is the lock, the count
 * and the unlock, nothing more. Linux: __wait_for_common()
 */
static long wait_for_common(struct completion *x, long timeout, int state)
{
	might_sleep();
	spin_lock_irq(&x->wait.lock);
	if (unlikely(!x->done)) {
		timeout = do_wait_for_common(x, timeout, state);
		if (!x->done) {
			spin_unlock_irq(&x->wait.lock);
			return timeout;		/* 0 or -ERESTARTSYS */
		}
	}
	if (x->done != COMPLETION_ALL)
		x->done--;
	spin_unlock_irq(&x->wait.lock);
	return timeout ? timeout : 1;
}

/**
 * wait_for_completion - wait, uninterruptibly, with no timeout
 * @x: the completion
 * Linux: wait_for_completion()
 */
void wait_for_completion(struct completion *x)
{
	wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE);
}

/**
 * wait_for_completion_timeout - wait at most @timeout jiffies
 * @x: the completion
 * @timeout: jiffies, or MAX_SCHEDULE_TIMEOUT
 * Return: 0 on timeout, else the jiffies left (at least 1).
 * Linux: same name
 */
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
	return wait_for_common(x, timeout, TASK_UNINTERRUPTIBLE);
}

/**
 * wait_for_completion_interruptible - wait; any signal ends it
 * @x: the completion
 * Return: 0, or -ERESTARTSYS if a signal came first.
 * Linux: same name
 */
int wait_for_completion_interruptible(struct completion *x)
{
	long t = wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_INTERRUPTIBLE);

	return t == -ERESTARTSYS ? (int)t : 0;
}

/**
 * wait_for_completion_interruptible_timeout - both of the above
 * @x: the completion
 * @timeout: jiffies, or MAX_SCHEDULE_TIMEOUT
 * Return: -ERESTARTSYS, 0 on timeout, else the jiffies left.
 * Linux: same name
 */
long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout)
{
	return wait_for_common(x, timeout, TASK_INTERRUPTIBLE);
}

/**
 * wait_for_completion_killable - wait; only SIGKILL ends it
 * @x: the completion
 * Return: 0, or -ERESTARTSYS if killed first.
 * Linux: same name
 */
int wait_for_completion_killable(struct completion *x)
{
	long t = wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_KILLABLE);

	return t == -ERESTARTSYS ? (int)t : 0;
}

/**
 * wait_for_completion_killable_timeout - killable, with a timeout
 * @x: the completion
 * @timeout: jiffies, or MAX_SCHEDULE_TIMEOUT
 * Return: -ERESTARTSYS, 0 on timeout, else the jiffies left.
 * Linux: same name
 */
long wait_for_completion_killable_timeout(struct completion *x, unsigned long timeout)
{
	return wait_for_common(x, timeout, TASK_KILLABLE);
}

/**
 * try_wait_for_completion - consume a completion without sleeping
 * @x: the completion
 * Return: true if one was there (and is now consumed), false if a wait
 * would have blocked.
 * Linux: same name
 */
bool try_wait_for_completion(struct completion *x)
{
	/* LAB 1: try_wait_for_completion */
	unsigned long flags;
	bool ret = true;

	if (!READ_ONCE(x->done))
		return false;
	spin_lock_irqsave(&x->wait.lock, flags);
	if (!x->done)
		ret = false;
	else if (x->done != COMPLETION_ALL)
		x->done--;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ret;
}

/**
 * completion_done - would a wait return at once? (nothing consumed)
 * @x: the completion
 * Return: true if it has been completed more often than waited for.
 * Linux: same name
 */
bool completion_done(struct completion *x)
{
	/* LAB 1: completion_done */
	unsigned long flags;

	if (!READ_ONCE(x->done))
		return false;
	/* Wait for a complete() still holding the lock to finish with @x. */
	spin_lock_irqsave(&x->wait.lock, flags);
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return true;
}
