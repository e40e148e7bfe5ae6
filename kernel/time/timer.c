// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel timers and sleeping for a time.
 *
 * Pending timers sit in one list sorted by expiry; the tick handler
 * (run_local_timers()) runs every expired one, in interrupt context.
 * A sorted list makes insertion O(n) where Linux's timer wheel is O(1);
 * with the few dozen timers Spindle has, the list is the clearer choice.
 * timer_lock guards the list, with interrupts off. running_timer lets
 * del_timer_sync() wait for a callback that is running right now.
 * Linux: kernel/time/timer.c
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

static LIST_HEAD(timer_list_head);
static DEFINE_RAW_SPINLOCK(timer_lock);
static struct timer_list *running_timer;

/**
 * timer_setup - prepare a timer to call @func
 * @timer: the timer
 * @func: called in interrupt context when it expires
 * @flags: unused (kept for Linux's signature)
 * Linux: timer_setup()
 */
void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags)
{
	INIT_LIST_HEAD(&timer->entry);
	timer->function = func;
	timer->flags = flags;
	timer->expires = 0;
}

/** timer_pending - is @timer queued? Linux: same */
int timer_pending(const struct timer_list *timer)
{
	return !list_empty(&timer->entry);
}

static void enqueue_timer(struct timer_list *timer)
{
	struct timer_list *pos;

	/* After all timers expiring at the same time or earlier: FIFO order. */
	list_for_each_entry(pos, &timer_list_head, entry)
		if (time_before(timer->expires, pos->expires))
			break;
	list_add_tail(&timer->entry, &pos->entry);
}

/*
 * Take @timer off the list if it is on it, so that mod_timer() and
 * del_timer() share one way of doing it. timer_lock held.
 * Return: 1 if it was pending, 0 if not. Linux: detach_if_pending()
 */
static int detach_if_pending(struct timer_list *timer)
{
	if (!timer_pending(timer))
		return 0;
	list_del_init(&timer->entry);
	return 1;
}

/**
 * mod_timer - (re)arm @timer to expire at @expires
 * @timer: the timer
 * @expires: jiffies value
 * Return: 1 if it was pending before, 0 if not.
 * Linux: mod_timer()
 */
int mod_timer(struct timer_list *timer, unsigned long expires)
{
	unsigned long flags;
	int was_pending;

	raw_spin_lock_irqsave(&timer_lock, flags);
	was_pending = detach_if_pending(timer);
	timer->expires = expires;
	enqueue_timer(timer);
	raw_spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

/** add_timer - arm @timer at its @expires. Linux: add_timer() */
void add_timer(struct timer_list *timer)
{
	BUG_ON(timer_pending(timer));
	mod_timer(timer, timer->expires);
}

/**
 * del_timer - disarm @timer (its callback may still be running)
 * Return: 1 if it was pending.
 * Linux: del_timer() / timer_delete()
 */
int del_timer(struct timer_list *timer)
{
	unsigned long flags;
	int was_pending;

	raw_spin_lock_irqsave(&timer_lock, flags);
	was_pending = detach_if_pending(timer);
	raw_spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

/**
 * del_timer_sync - disarm @timer and wait for a running callback to end
 * Return: 1 if it was pending.
 * Must not be called from the callback itself, or from interrupt context.
 * Linux: del_timer_sync() / timer_delete_sync()
 */
int del_timer_sync(struct timer_list *timer)
{
	int ret;

	for (;;) {
		ret = del_timer(timer);
		if (READ_ONCE(running_timer) != timer)
			return ret;
		cpu_relax();
	}
}

/**
 * run_local_timers - run every timer that has expired
 *
 * Called from the tick with interrupts off. The lock is dropped around
 * each callback, which may re-arm its own timer.
 * Linux: run_local_timers() -> __run_timers()
 */
void run_local_timers(void)
{
	raw_spin_lock(&timer_lock);
	while (!list_empty(&timer_list_head)) {
		struct timer_list *t = list_first_entry(&timer_list_head, struct timer_list, entry);

		if (time_before(jiffies, t->expires))
			break;
		list_del_init(&t->entry);
		WRITE_ONCE(running_timer, t);
		raw_spin_unlock(&timer_lock);
		t->function(t);
		raw_spin_lock(&timer_lock);
		WRITE_ONCE(running_timer, NULL);
	}
	raw_spin_unlock(&timer_lock);
}

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	struct process_timer *timeout = from_timer(timeout, t, timer);

	wake_up_process(timeout->task);
}

/**
 * schedule_timeout - sleep until woken or @timeout jiffies pass
 * @timeout: jiffies, or MAX_SCHEDULE_TIMEOUT for no limit
 *
 * The caller sets its state first (like schedule()); with TASK_RUNNING it
 * just yields. Return: the jiffies left, 0 if the time ran out.
 * Linux: schedule_timeout()
 */
long schedule_timeout(long timeout)
{
	struct process_timer timer;
	unsigned long expire;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		pr_err("schedule_timeout: wrong timeout value %lx\n", timeout);
		dump_stack();
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	expire = jiffies + timeout;
	timer.task = current;
	timer_setup(&timer.timer, process_timeout, 0);
	mod_timer(&timer.timer, expire);
	schedule();
	del_timer_sync(&timer.timer);
	timeout = (long)(expire - jiffies);
	return timeout < 0 ? 0 : timeout;
}

/** schedule_timeout_interruptible - sleep, signals wake. Linux: same */
long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

/** schedule_timeout_killable - sleep, SIGKILL wakes. Linux: same */
long schedule_timeout_killable(long timeout)
{
	__set_current_state(TASK_KILLABLE);
	return schedule_timeout(timeout);
}

/** schedule_timeout_uninterruptible - sleep, nothing but time wakes. Linux: same */
long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

/**
 * msleep - sleep at least @msecs milliseconds
 * Linux: msleep()
 */
void msleep(unsigned int msecs)
{
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;

	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}

/**
 * msleep_interruptible - sleep @msecs unless a signal comes
 * Return: the milliseconds left when woken early, else 0.
 * Linux: msleep_interruptible()
 */
unsigned long msleep_interruptible(unsigned int msecs)
{
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;

	while (timeout && !signal_pending(current))
		timeout = schedule_timeout_interruptible(timeout);
	return jiffies_to_msecs(timeout);
}
