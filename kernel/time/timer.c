// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel timers and sleeping for a time.
 *
 * Each CPU has a timer base: a list of pending timers sorted by expiry,
 * its lock, and running_timer, the timer whose callback it runs right
 * now. A CPU's tick (run_local_timers()) raises the timer softirq when a
 * timer of its own base has expired, and the callbacks run in softirq
 * context (run_timer_softirq(), kernel/softirq.c), interrupts on. A sorted list makes insertion O(n)
 * where Linux's timer wheel is O(1); with the few dozen timers Spindle
 * has, the list is the clearer choice.
 *
 * A timer belongs to one base at a time, named by the CPU number in the
 * low bits of timer->flags (TIMER_CPUMASK). mod_timer() moves it to the
 * base of the CPU calling it, as Linux does, except while its callback
 * runs: del_timer_sync() waits on the running_timer of the base the
 * timer is on, and the callback's base must stay that one. While a timer
 * moves, TIMER_MIGRATING is set in its flags and lock_timer_base() waits.
 *
 * Locking: a base's lock guards its list, its running_timer and the
 * flags and list entry of every timer on it; taken with interrupts off.
 * Code that has a timer but not its base calls lock_timer_base().
 * Linux: kernel/time/timer.c
 */
#include <linux/hardirq.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

struct timer_base {
	/* Guards the fields below and the flags and entry of each timer on it; irqs off. */
	raw_spinlock_t lock;
	struct timer_list *running_timer;	/* callback running now, or NULL */
	struct list_head pending;		/* sorted by expires */
	unsigned int cpu;
};

static struct timer_base timer_bases[NR_CPUS];

static void run_timer_softirq(struct softirq_action *h);

/**
 * init_timers - set up every CPU's timer base
 * Linux: init_timers() / init_timer_cpus()
 */
void init_timers(void)
{
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		struct timer_base *base = &timer_bases[cpu];

		raw_spin_lock_init(&base->lock);
		INIT_LIST_HEAD(&base->pending);
		base->cpu = cpu;
	}
	open_softirq(TIMER_SOFTIRQ, run_timer_softirq);
}

/**
 * timer_setup - prepare a timer to call @func
 * @timer: the timer
 * @func: called in interrupt context when it expires
 * @flags: TIMER_* flags (TIMER_IRQSAFE; the CPU bits are ours)
 *
 * The timer starts on this CPU's base.
 * Linux: timer_setup()
 */
void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags)
{
	INIT_LIST_HEAD(&timer->entry);
	timer->function = func;
	timer->flags = (flags & ~(TIMER_CPUMASK | TIMER_MIGRATING)) | raw_smp_processor_id();
	timer->expires = 0;
}

/**
 * timer_pending - is @timer queued?
 * @timer: the timer
 * Return: nonzero if it is armed and has not fired.
 * Linux: timer_pending()
 */
int timer_pending(const struct timer_list *timer)
{
	return !list_empty(&timer->entry);
}

/*
 * Lock the base @timer is on. Its flags name the base, but may change
 * until that base is locked (mod_timer() on another CPU moving it):
 * check again under the lock. Linux: lock_timer_base()
 */
static struct timer_base *lock_timer_base(struct timer_list *timer, unsigned long *flags)
{
	for (;;) {
		u32 tf = READ_ONCE(timer->flags);

		if (!(tf & TIMER_MIGRATING)) {
			struct timer_base *base = &timer_bases[tf & TIMER_CPUMASK];

			raw_spin_lock_irqsave(&base->lock, *flags);
			if (READ_ONCE(timer->flags) == tf)
				return base;
			raw_spin_unlock_irqrestore(&base->lock, *flags);
		}
		cpu_relax();
	}
}

/* Put @timer on @base's list, in expiry order. The caller holds @base's lock. */
static void enqueue_timer(struct timer_base *base, struct timer_list *timer)
{
	struct timer_list *pos;

	lockdep_assert_held(&base->lock);
	/* After all timers expiring at the same time or earlier: FIFO order. */
	list_for_each_entry(pos, &base->pending, entry)
		if (time_before(timer->expires, pos->expires))
			break;
	list_add_tail(&timer->entry, &pos->entry);
}

/*
 * Take @timer off @base's list if it is on it, so that mod_timer() and
 * del_timer() share one way of doing it. The caller holds @base's lock.
 * Return: 1 if it was pending, 0 if not. Linux: detach_if_pending()
 */
static int detach_if_pending(struct timer_list *timer, struct timer_base *base)
{
	lockdep_assert_held(&base->lock);
	if (!timer_pending(timer))
		return 0;
	list_del_init(&timer->entry);
	return 1;
}

/**
 * mod_timer - (re)arm @timer to expire at @expires
 * @timer: the timer
 * @expires: jiffies value
 *
 * The timer goes to this CPU's base unless its callback is running on
 * another CPU right now (then it stays where it is; see the top).
 * Return: 1 if it was pending before, 0 if not.
 * Linux: mod_timer() / __mod_timer()
 */
int mod_timer(struct timer_list *timer, unsigned long expires)
{
	struct timer_base *base, *new_base;
	unsigned long flags;
	int was_pending;

	base = lock_timer_base(timer, &flags);
	was_pending = detach_if_pending(timer, base);
	/* Interrupts are off: this CPU cannot change under us. */
	new_base = &timer_bases[smp_processor_id()];
	if (base != new_base && base->running_timer != timer) {
		/* Nobody may lock either base for this timer while it moves. */
		WRITE_ONCE(timer->flags, timer->flags | TIMER_MIGRATING);
		raw_spin_unlock(&base->lock);
		base = new_base;
		raw_spin_lock(&base->lock);
		WRITE_ONCE(timer->flags,
			   (timer->flags & ~(TIMER_CPUMASK | TIMER_MIGRATING)) | base->cpu);
	}
	timer->expires = expires;
	enqueue_timer(base, timer);
	raw_spin_unlock_irqrestore(&base->lock, flags);
	return was_pending;
}

/**
 * add_timer - arm @timer at its @expires
 * @timer: the timer, not pending (a BUG otherwise)
 * Linux: add_timer()
 */
void add_timer(struct timer_list *timer)
{
	BUG_ON(timer_pending(timer));
	mod_timer(timer, timer->expires);
}

/**
 * del_timer - disarm @timer (its callback may still be running)
 * @timer: the timer
 * Return: 1 if it was pending, 0 if not.
 * Linux: del_timer() / timer_delete()
 */
int del_timer(struct timer_list *timer)
{
	struct timer_base *base;
	unsigned long flags;
	int was_pending;

	base = lock_timer_base(timer, &flags);
	was_pending = detach_if_pending(timer, base);
	raw_spin_unlock_irqrestore(&base->lock, flags);
	return was_pending;
}

/* Test hook, see <linux/timer.h>. */
void (*del_timer_sync_hook)(struct timer_list *timer);

/**
 * del_timer_sync - disarm @timer and wait for a running callback to end
 * @timer: the timer
 *
 * The callback runs on the CPU of the base the timer is on, and stays on
 * that base while it runs (mod_timer() does not move it then), so that
 * base's running_timer is the one to watch.
 * Must not be called from the callback itself, nor from interrupt context
 * unless the timer is TIMER_IRQSAFE (its callback, interrupts off, cannot
 * be waiting for this CPU).
 * Return: 1 if it was pending, 0 if not.
 * Linux: del_timer_sync() / timer_delete_sync() / try_to_del_timer_sync()
 */
int del_timer_sync(struct timer_list *timer)
{
	WARN_ON(in_hardirq() && !(timer->flags & TIMER_IRQSAFE));
	if (unlikely(del_timer_sync_hook))
		del_timer_sync_hook(timer);
	for (;;) {
		struct timer_base *base;
		unsigned long flags;
		bool running;
		int ret;

		base = lock_timer_base(timer, &flags);
		ret = detach_if_pending(timer, base);
		running = base->running_timer == timer;
		raw_spin_unlock_irqrestore(&base->lock, flags);
		if (!running)
			return ret;
		cpu_relax();
	}
}

/* Run every expired timer of @base. Linux: __run_timers() */
static void __run_timers(struct timer_base *base)
{
	raw_spin_lock_irq(&base->lock);
	while (!list_empty(&base->pending)) {
		struct timer_list *t = list_first_entry(&base->pending, struct timer_list, entry);

		if (time_before(jiffies, t->expires))
			break;
		list_del_init(&t->entry);
		base->running_timer = t;
		raw_spin_unlock_irq(&base->lock);
		t->function(t);
		raw_spin_lock_irq(&base->lock);
		base->running_timer = NULL;
	}
	raw_spin_unlock_irq(&base->lock);
}

/*
 * TIMER_SOFTIRQ: the callbacks run here, in softirq context with
 * interrupts on, as in Linux. A callback may re-arm its own timer.
 * Linux: run_timer_softirq()
 */
static void run_timer_softirq(struct softirq_action *h)
{
	__run_timers(&timer_bases[smp_processor_id()]);
}

/**
 * run_local_timers - raise the timer softirq if a timer of this CPU expired
 *
 * Called from the tick, interrupts off. The callbacks then run when the
 * tick's interrupt ends (irq_exit()), with interrupts on.
 * Linux: run_local_timers()
 */
void run_local_timers(void)
{
	struct timer_base *base = &timer_bases[smp_processor_id()];
	bool expired;

	raw_spin_lock(&base->lock);
	expired = !list_empty(&base->pending) &&
		  !time_before(jiffies, list_first_entry(&base->pending, struct timer_list,
							 entry)->expires);
	raw_spin_unlock(&base->lock);
	if (expired)
		raise_softirq_irqoff(TIMER_SOFTIRQ);
}

/**
 * timers_dead_cpu - move the timers of a CPU that went down to this one
 * @cpu: the dead CPU (its tick is stopped, no callback of it runs)
 *
 * Called on the CPU that took @cpu down. Each timer keeps its expiry.
 * Return: 0.
 * Linux: timers_dead_cpu() / migrate_timer_list() (CPUHP_TIMERS_PREPARE)
 */
int timers_dead_cpu(unsigned int cpu)
{
	struct timer_base *old_base = &timer_bases[cpu], *new_base;
	unsigned long flags;

	local_irq_save(flags);
	new_base = &timer_bases[smp_processor_id()];
	/*
	 * Both locked in CPU order, as any two bases are (no ABBA); every
	 * base lock is one class, so the second is a nesting level down.
	 */
	if (new_base->cpu < old_base->cpu) {
		raw_spin_lock(&new_base->lock);
		raw_spin_lock_nested(&old_base->lock, SINGLE_DEPTH_NESTING);
	} else {
		raw_spin_lock(&old_base->lock);
		raw_spin_lock_nested(&new_base->lock, SINGLE_DEPTH_NESTING);
	}
	BUG_ON(old_base->running_timer);
	while (!list_empty(&old_base->pending)) {
		struct timer_list *t = list_first_entry(&old_base->pending, struct timer_list,
							entry);

		list_del_init(&t->entry);
		WRITE_ONCE(t->flags, (t->flags & ~TIMER_CPUMASK) | new_base->cpu);
		enqueue_timer(new_base, t);
	}
	raw_spin_unlock(&old_base->lock);
	raw_spin_unlock(&new_base->lock);
	local_irq_restore(flags);
	return 0;
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
 * just yields.
 * Return: the jiffies left, 0 if the time ran out (MAX_SCHEDULE_TIMEOUT
 * for no limit).
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

/**
 * schedule_timeout_interruptible - schedule_timeout(), signals wake
 * @timeout: jiffies, or MAX_SCHEDULE_TIMEOUT
 * Return: as schedule_timeout().
 * Linux: schedule_timeout_interruptible()
 */
long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

/**
 * schedule_timeout_killable - schedule_timeout(), SIGKILL wakes
 * @timeout: jiffies, or MAX_SCHEDULE_TIMEOUT
 * Return: as schedule_timeout().
 * Linux: schedule_timeout_killable()
 */
long schedule_timeout_killable(long timeout)
{
	__set_current_state(TASK_KILLABLE);
	return schedule_timeout(timeout);
}

/**
 * schedule_timeout_uninterruptible - schedule_timeout(), only time wakes
 * @timeout: jiffies, or MAX_SCHEDULE_TIMEOUT
 * Return: as schedule_timeout().
 * Linux: schedule_timeout_uninterruptible()
 */
long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

/**
 * msleep - sleep at least @msecs milliseconds
 * @msecs: milliseconds; rounded up to whole jiffies, plus one
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
 * @msecs: milliseconds, as msleep()
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
