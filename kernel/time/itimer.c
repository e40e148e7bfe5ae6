// SPDX-License-Identifier: GPL-2.0
/*
 * Interval timers: setitimer(2), getitimer(2) and alarm(2). ITIMER_REAL
 * counts wall time and sends the process SIGALRM; it is a timer_list of
 * the thread group's signal_struct, so it ticks in jiffies (HZ = 100:
 * 10 ms steps, rounded up so that it never fires early). Spindle does not
 * account user and system time per tick, so ITIMER_VIRTUAL and
 * ITIMER_PROF are refused with -EINVAL.
 *
 * The callback cannot send the signal itself (softirq context): it
 * queues the group's it_real_work on the "itimer" kthread worker.
 *
 * Locking: signal->itimer_lock guards it_real_incr and the arming of
 * real_timer (irqs off; the timer base's lock nests inside). The callback
 * re-arms an interval timer under it, and only if setitimer() has not
 * armed it anew meanwhile, so a change and an expiry cannot undo each
 * other. exit_itimers() clears the interval under the lock, then
 * del_timer_sync() and kthread_cancel_work_sync(): no callback is left
 * running or re-armed, and no SIGALRM queued, after it.
 * Linux: kernel/time/itimer.c (Linux's ITIMER_REAL is an hrtimer, re-armed
 * when SIGALRM is dequeued)
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/timer.h>
#include <linux/uaccess.h>

#define ITIMER_REAL	0
#define ITIMER_VIRTUAL	1
#define ITIMER_PROF	2


struct __kernel_old_itimerval {
	struct __kernel_old_timeval it_interval;	/* reload value; 0: one shot */
	struct __kernel_old_timeval it_value;		/* time to the next expiry; 0: disarmed */
};

/* Jiffies at least as long as @tv (0 for 0). */
static unsigned long timeval_to_jiffies_up(const struct __kernel_old_timeval *tv)
{
	u64 ns = (u64)tv->tv_sec * NSEC_PER_SEC + (u64)tv->tv_usec * NSEC_PER_USEC;

	return (ns + TICK_NSEC - 1) / TICK_NSEC;
}

static void jiffies_to_timeval(unsigned long j, struct __kernel_old_timeval *tv)
{
	u64 ns = (u64)j * TICK_NSEC;

	tv->tv_sec = ns / NSEC_PER_SEC;
	tv->tv_usec = (ns % NSEC_PER_SEC) / NSEC_PER_USEC;
}

/*
 * The thread that sends SIGALRM for every group: a timer callback runs
 * in softirq context, where send_signal() may not run (it takes
 * task_lock(), which is not irq-safe). Made at the first setitimer(), so
 * a boot that never asks has no such thread. Linux sends from the
 * hrtimer's interrupt (its siglock is irq-safe).
 */
static struct kthread_worker *itimer_worker;
static DEFINE_MUTEX(itimer_worker_mutex);	/* guards making itimer_worker; sleeps */

/* The worker half of an expiry: SIGALRM to the group. */
static void it_real_work_fn(struct kthread_work *work)
{
	struct signal_struct *sig = container_of(work, struct signal_struct, it_real_work);

	kill_pid(READ_ONCE(sig->it_real_tgid), SIGALRM);
}

/*
 * real_timer fired: the next period armed for an interval timer, and
 * SIGALRM queued for itimer_worker to send (once, if the last is still
 * queued: a signal does not count its arrivals either).
 * Linux: it_real_fn()
 */
static void it_real_fn(struct timer_list *t)
{
	struct signal_struct *sig = from_timer(sig, t, real_timer);
	unsigned long flags;

	spin_lock_irqsave(&sig->itimer_lock, flags);
	if (sig->it_real_incr && !timer_pending(&sig->real_timer))
		mod_timer(&sig->real_timer, jiffies + sig->it_real_incr);
	spin_unlock_irqrestore(&sig->itimer_lock, flags);
	kthread_queue_work(itimer_worker, &sig->it_real_work);
}

/* Make itimer_worker if it is not there yet. Return: 0 or -ENOMEM. */
static int itimer_worker_start(void)
{
	struct kthread_worker *worker;
	int err = 0;

	if (READ_ONCE(itimer_worker))
		return 0;
	mutex_lock(&itimer_worker_mutex);
	if (!itimer_worker) {
		worker = kthread_run_worker(0, "itimer");
		if (IS_ERR(worker))
			err = -ENOMEM;
		else
			WRITE_ONCE(itimer_worker, worker);
	}
	mutex_unlock(&itimer_worker_mutex);
	return err;
}

/**
 * itimer_init - set up a new thread group's ITIMER_REAL, disarmed
 * @sig: the group's signal_struct (copy_signal(), or init's)
 * Linux: the hrtimer_init() of real_timer in copy_signal()
 */
void itimer_init(struct signal_struct *sig)
{
	spin_lock_init(&sig->itimer_lock);
	timer_setup(&sig->real_timer, it_real_fn, 0);
	kthread_init_work(&sig->it_real_work, it_real_work_fn);
	sig->it_real_incr = 0;
}

/*
 * What is left of the current group's ITIMER_REAL, and its interval.
 * Under itimer_lock. The jiffy do_setitimer() adds is not counted: just
 * armed, the timer says what it was given (musl's alarm() rounds what is
 * left up, and must return what was asked). A timer that is due but has
 * not run yet says 1 us, as Linux's: 0 would mean disarmed.
 * Linux: the ITIMER_REAL part of do_getitimer()
 */
static void get_real_itimer(struct signal_struct *sig, struct __kernel_old_itimerval *value)
{
	long left = 0;

	lockdep_assert_held(&sig->itimer_lock);
	if (timer_pending(&sig->real_timer))
		left = (long)(sig->real_timer.expires - jiffies) - 1;
	if (timer_pending(&sig->real_timer) && left <= 0) {
		value->it_value.tv_sec = 0;
		value->it_value.tv_usec = 1;
	} else {
		jiffies_to_timeval(left, &value->it_value);
	}
	jiffies_to_timeval(sig->it_real_incr, &value->it_interval);
}

/* Linux: do_getitimer() */
static int do_getitimer(int which, struct __kernel_old_itimerval *value)
{
	struct signal_struct *sig = current->signal;

	if (which != ITIMER_REAL)
		return -EINVAL;		/* VIRTUAL, PROF: no per-tick CPU accounting */
	spin_lock_irq(&sig->itimer_lock);
	get_real_itimer(sig, value);
	spin_unlock_irq(&sig->itimer_lock);
	return 0;
}

/* Seconds and microseconds in range. Linux: itimer_valid() */
static bool itimer_valid(const struct __kernel_old_timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 && tv->tv_usec < (long)USEC_PER_SEC;
}

/*
 * Arm (it_value not 0) or disarm current's ITIMER_REAL; the old setting
 * in *@ovalue if that is not NULL. One more jiffy than asked is added to
 * the first expiry: the tick now under way is partly gone.
 * Linux: do_setitimer()
 */
static int do_setitimer(int which, struct __kernel_old_itimerval *value,
			struct __kernel_old_itimerval *ovalue)
{
	struct signal_struct *sig = current->signal;
	unsigned long expires;

	if (which != ITIMER_REAL)
		return -EINVAL;
	if (!itimer_valid(&value->it_value) || !itimer_valid(&value->it_interval))
		return -EINVAL;
	expires = timeval_to_jiffies_up(&value->it_value);
	if (expires && itimer_worker_start())
		return -ENOMEM;
	spin_lock_irq(&sig->itimer_lock);
	if (ovalue)
		get_real_itimer(sig, ovalue);
	sig->it_real_tgid = current->tgid;
	sig->it_real_incr = timeval_to_jiffies_up(&value->it_interval);
	if (expires)
		mod_timer(&sig->real_timer, jiffies + expires + 1);
	else
		del_timer(&sig->real_timer);
	spin_unlock_irq(&sig->itimer_lock);
	return 0;
}

/**
 * exit_itimers - stop the ITIMER_REAL of a thread group that died
 * @sig: its signal_struct; its last thread is in do_exit()
 *
 * After this nothing signals the group's tgid any more, which may soon
 * name another process.
 * Linux: the hrtimer_cancel() of real_timer in do_exit()
 */
void exit_itimers(struct signal_struct *sig)
{
	spin_lock_irq(&sig->itimer_lock);
	sig->it_real_incr = 0;
	spin_unlock_irq(&sig->itimer_lock);
	del_timer_sync(&sig->real_timer);
	if (sig->it_real_work.worker)	/* it was queued once: maybe again now */
		kthread_cancel_work_sync(&sig->it_real_work);
}

SYSCALL_DEFINE2(getitimer, int, which, struct __kernel_old_itimerval __user *, value)
{
	struct __kernel_old_itimerval get_buffer;
	int error = do_getitimer(which, &get_buffer);

	if (!error && copy_to_user(value, &get_buffer, sizeof(get_buffer)))
		error = -EFAULT;
	return error;
}

/* A NULL @value disarms, as in Linux (with a warning there). */
SYSCALL_DEFINE3(setitimer, int, which, struct __kernel_old_itimerval __user *, value,
		struct __kernel_old_itimerval __user *, ovalue)
{
	struct __kernel_old_itimerval set_buffer, get_buffer;
	int error;

	if (value) {
		if (copy_from_user(&set_buffer, value, sizeof(set_buffer)))
			return -EFAULT;
	} else {
		memset(&set_buffer, 0, sizeof(set_buffer));
	}
	error = do_setitimer(which, &set_buffer, ovalue ? &get_buffer : NULL);
	if (error || !ovalue)
		return error;
	if (copy_to_user(ovalue, &get_buffer, sizeof(get_buffer)))
		return -EFAULT;
	return 0;
}

/*
 * alarm(2): ITIMER_REAL once, in @seconds (0 cancels). Return: the seconds
 * that were left of the previous alarm, rounded to the nearest, and at
 * least 1 if any time was left.
 * Linux: alarm_setitimer() / SYSCALL_DEFINE1(alarm)
 */
SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
	struct __kernel_old_itimerval it_new = { .it_value.tv_sec = seconds }, it_old;

	do_setitimer(ITIMER_REAL, &it_new, &it_old);
	if ((!it_old.it_value.tv_sec && it_old.it_value.tv_usec) ||
	    it_old.it_value.tv_usec >= 500000)
		it_old.it_value.tv_sec++;
	return it_old.it_value.tv_sec;
}
