// SPDX-License-Identifier: GPL-2.0
/*
 * Signals: each task has a pending set and a table of dispositions
 * (default, ignore, or a user handler run on the way to user mode by
 * arch/x86/kernel/signal.c) shared per CLONE_SIGHAND. Sending drops what
 * the target ignores, applies SIGCONT/stop semantics (prepare_signal()),
 * sets the pending bit and TIF_SIGPENDING and wakes the target if its
 * sleep allows: any signal wakes TASK_INTERRUPTIBLE, only SIGKILL wakes
 * TASK_KILLABLE and TASK_STOPPED (SIGCONT too), nothing wakes
 * TASK_UNINTERRUPTIBLE. Kernel code looks at signal_pending() and
 * fatal_signal_pending(). Process groups get signals through
 * kill_pgrp() (the tty's ^C, kill(-pgrp)).
 * sighand->siglock guards the pending set and the dispositions.
 * Linux: kernel/signal.c
 */
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/syscalls.h>

/* Wake @t so it notices the signal. Linux: signal_wake_up_state() */
static void signal_wake_up(struct task_struct *t, bool fatal)
{
	set_ti_thread_flag(&t->thread_info, TIF_SIGPENDING);
	wake_up_state(t, TASK_INTERRUPTIBLE | (fatal ? TASK_WAKEKILL : 0));
}

/* Signals whose default action is to do nothing. Linux: sig_kernel_ignore() */
static bool sig_kernel_ignore(int sig)
{
	return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT;
}

/* Signals whose default action stops the task. Linux: sig_kernel_stop() */
static bool sig_kernel_stop(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

/* Does @handler mean "drop @sig"? Linux: sig_handler_ignored() */
static bool sig_handler_ignored(__sighandler_t handler, int sig)
{
	return handler == SIG_IGN || (handler == SIG_DFL && sig_kernel_ignore(sig));
}

/*
 * Would @p drop @sig on arrival? Ignored (SIG_IGN, or a default of
 * "ignore": SIGCHLD, SIGWINCH...), kthreads included: an ignored
 * SIGCHLD must not leave TIF_SIGPENDING set for ever. init drops what
 * it has no handler for. A blocked signal is never dropped: its handler
 * may change before it is unblocked. Under siglock.
 * Linux: sig_ignored() / sig_task_ignored()
 */
static bool sig_ignored(struct task_struct *p, int sig)
{
	__sighandler_t handler = p->sighand->action[sig - 1].sa.sa_handler;

	if ((p->blocked & sigmask(sig)) && sig != SIGKILL && sig != SIGSTOP)
		return false;
	if ((p->signal->flags & SIGNAL_UNKILLABLE) && handler == SIG_DFL)
		return true;
	return sig_handler_ignored(handler, sig);
}

/**
 * sig_ignored_or_blocked - would @t not act on @sig now?
 * @t: a task
 * @sig: the signal
 *
 * Used by the tty for SIGTTIN: a background reader that ignores or
 * blocks it gets -EIO instead of stopping.
 * Return: true if @sig is ignored or blocked by @t.
 * Linux: is_ignored() in drivers/tty/tty_jobctrl.c
 */
bool sig_ignored_or_blocked(struct task_struct *t, int sig)
{
	return (READ_ONCE(t->blocked) & sigmask(sig)) ||
	       READ_ONCE(t->sighand->action[sig - 1].sa.sa_handler) == SIG_IGN;
}

#define SIG_STOP_MASK	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | sigmask(SIGTTOU))

/*
 * What a signal does before it is queued: SIGCONT throws away pending
 * stop signals and wakes a stopped process; a stop signal throws away
 * a pending SIGCONT. Under @p's siglock. Linux: prepare_signal()
 */
static void prepare_signal(int sig, struct task_struct *p)
{
	if (sig == SIGCONT || sig == SIGKILL) {
		p->pending.signal &= ~SIG_STOP_MASK;
		p->signal->shared_pending.signal &= ~SIG_STOP_MASK;
		if (p->signal->flags & SIGNAL_STOP_STOPPED) {
			p->signal->flags &= ~SIGNAL_STOP_STOPPED;
			if (sig == SIGCONT)
				p->signal->flags |= SIGNAL_STOP_CONTINUED;
			p->signal->stop_code = 0;
			wake_up_state(p, __TASK_STOPPED);
		}
	} else if (sigmask(sig) & SIG_STOP_MASK) {
		p->pending.signal &= ~sigmask(SIGCONT);
		p->signal->shared_pending.signal &= ~sigmask(SIGCONT);
	}
}

/*
 * Would @p take @sig now, if it were the group's choice? Not if it blocks
 * it or is exiting; SIGKILL it always takes; otherwise the one already
 * running, or one without signals to handle yet, so the work spreads.
 * Linux: wants_signal()
 */
static bool wants_signal(int sig, struct task_struct *p)
{
	if (p->blocked & sigmask(sig))
		return false;
	if (p->flags & PF_EXITING)
		return false;
	if (sig == SIGKILL)
		return true;
	return READ_ONCE(p->on_cpu) || !signal_pending(p);
}

/* Does @sig kill @p's whole group on arrival (no handler, default "terminate")? */
static bool sig_fatal(struct task_struct *p, int sig)
{
	__sighandler_t handler = p->sighand->action[sig - 1].sa.sa_handler;

	return sig == SIGKILL ||
	       (handler == SIG_DFL && !sig_kernel_ignore(sig) && !sig_kernel_stop(sig));
}

/*
 * A signal was queued for @p (@group: to its thread group's shared set):
 * wake a thread to take it. A group signal goes to @p if it wants it,
 * else to the first thread of the group that does. A fatal one ends the
 * whole group at once, as if it had called exit_group(): every thread
 * gets SIGKILL. Under siglock; for @group, under tasklist_lock too (the
 * thread list). Linux: complete_signal()
 */
static void complete_signal(int sig, struct task_struct *p, bool group)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t = p;

	if (!wants_signal(sig, p)) {
		if (!group || thread_group_empty(p))
			return;	/* it stays pending until unblocked */
		for_each_thread(p, t)
			if (wants_signal(sig, t))
				break;
		if (list_entry_is_head(t, &signal->thread_head, thread_node))
			return;	/* every thread blocks it: pending for whoever unblocks */
	}
	if (group && sig_fatal(p, sig) && !(signal->flags & (SIGNAL_GROUP_EXIT | SIGNAL_UNKILLABLE)) &&
	    !signal->group_exec_task) {
		/* Linux: "This signal will be fatal to the whole group." */
		signal->flags |= SIGNAL_GROUP_EXIT;
		signal->group_exit_code = sig;
		for_each_thread(p, t) {
			t->pending.signal |= sigmask(SIGKILL);
			signal_wake_up(t, true);
		}
		return;
	}
	signal_wake_up(t, sig == SIGKILL);
}

/*
 * Queue @sig for @p, or for its thread group with @group. task_lock(p)
 * keeps ->sighand from being freed under us (exit_signals()); a task
 * past that point is too late to signal. Linux: send_signal_locked()
 */
static int send_signal(int sig, struct task_struct *p, bool group)
{
	struct sighand_struct *sighand;
	unsigned long flags;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (sig == 0)
		return 0;	/* signal 0: only "does it exist?", as in kill(2) */
	task_lock(p);
	sighand = p->sighand;
	if (sighand) {
		spin_lock_irqsave(&sighand->siglock, flags);
		prepare_signal(sig, p);
		if (!sig_ignored(p, sig)) {
			if (group)
				p->signal->shared_pending.signal |= sigmask(sig);
			else
				p->pending.signal |= sigmask(sig);
			complete_signal(sig, p, group);
		}
		spin_unlock_irqrestore(&sighand->siglock, flags);
	}
	task_unlock(p);
	return 0;
}

/**
 * send_sig - send @sig to the task @p (only that thread)
 * @sig: 1.._NSIG
 * @p: the target
 * @priv: unused (Linux: "from the kernel")
 *
 * An ignored signal is dropped (sig_ignored()). Kernel threads ignore everything after
 * ignore_signals() (kthreadd, and through it every kthread), SIGKILL
 * included, unless they allow_signal() it: a kthread cannot be killed by
 * accident. A blocked signal waits, pending, until it is unblocked.
 * Return: 0, or -EINVAL for a bad signal number (0 sends nothing).
 * Linux: send_sig() -> send_sig_info()
 */
int send_sig(int sig, struct task_struct *p, int priv)
{
	return send_signal(sig, p, false);
}

/**
 * group_send_sig_info - send @sig to @p's thread group, as kill(2) does
 * @sig: 1.._NSIG
 * @p: a thread of the group
 *
 * The signal is pending for the group; any thread that does not block it
 * takes it (complete_signal()). Takes tasklist_lock to walk the threads.
 * Return: as send_sig().
 * Linux: group_send_sig_info() -> do_send_sig_info(..., PIDTYPE_TGID)
 */
int group_send_sig_info(int sig, struct task_struct *p)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	ret = send_signal(sig, p, true);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/**
 * kill_pid - send @sig to the process with pid @pid
 * @pid: the pid of any of its threads
 * @sig: 1.._NSIG-1
 * Return: 0, -ESRCH if there is no such task, -EINVAL for a bad signal.
 * Linux: kill_pid()
 */
int kill_pid(pid_t pid, int sig)
{
	struct task_struct *p;
	int ret;

	if (pid <= 0)
		return -ESRCH;	/* pid 0 is the idle task: not a signal target */
	p = get_pid_task_by_nr(pid);
	if (!p)
		return -ESRCH;
	ret = group_send_sig_info(sig, p);
	put_task_struct(p);
	return ret;
}

/**
 * kill_pgrp - send @sig to every process of process group @pgrp
 * @pgrp: the group (a process group id)
 * @sig: the signal
 * @priv: unused (Linux: from the kernel)
 * Return: 0 if one process at least was sent it, else -ESRCH.
 * Linux: kill_pgrp() / __kill_pgrp_info()
 */
int kill_pgrp(pid_t pgrp, int sig, int priv)
{
	struct task_struct *p;
	unsigned long flags;
	int ret = -ESRCH;

	if (pgrp <= 0)
		return -ESRCH;
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		if (p->signal && p->signal->pgrp == pgrp && !(p->flags & PF_KTHREAD) &&
		    thread_group_leader(p) && !p->exit_state) {
			send_signal(sig, p, true);	/* kill(2)'s: the whole thread group's */
			ret = 0;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/**
 * recalc_sigpending - set or clear current's TIF_SIGPENDING
 *
 * After the blocked mask changed: is anything pending, for the thread or
 * its group, that it does not block? Under siglock.
 * Linux: recalc_sigpending()
 */
void recalc_sigpending(void)
{
	struct task_struct *t = current;
	sigset_t pending = t->pending.signal | t->signal->shared_pending.signal;

	lockdep_assert_held(&t->sighand->siglock);
	if (pending & ~t->blocked)
		set_ti_thread_flag(&t->thread_info, TIF_SIGPENDING);
	else if (!(pending & sigmask(SIGKILL)))
		clear_ti_thread_flag(&t->thread_info, TIF_SIGPENDING);
}

/**
 * flush_signals - forget @t's pending signals
 * @t: the task
 * Linux: flush_signals()
 */
void flush_signals(struct task_struct *t)
{
	unsigned long flags;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	t->pending.signal = 0;
	clear_ti_thread_flag(&t->thread_info, TIF_SIGPENDING);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
}

/**
 * ignore_signals - make @t ignore every signal, and drop pending ones
 * @t: the task (kthreadd and the kthreads it makes)
 * Linux: ignore_signals()
 */
void ignore_signals(struct task_struct *t)
{
	unsigned long flags;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	for (int i = 0; i < _NSIG; i++)
		t->sighand->action[i].sa.sa_handler = SIG_IGN;
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	flush_signals(t);
}

/**
 * allow_signal - let current (a kthread) receive @sig again
 * @sig: the signal number
 * Return: 0, or -EINVAL for a bad signal number.
 * Linux: allow_signal() / kernel_sigaction()
 */
int allow_signal(int sig)
{
	unsigned long flags;

	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	spin_lock_irqsave(&current->sighand->siglock, flags);
	current->sighand->action[sig - 1].sa.sa_handler = SIG_DFL;
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	return 0;
}

/**
 * unhandled_signal - would @sig kill @tsk?
 * @tsk: the task
 * @sig: the signal
 *
 * Return: true if its disposition is the default or ignore (a forced
 * signal resets "ignore"): used to decide whether a fault is reported.
 * Linux: unhandled_signal()
 */
bool unhandled_signal(struct task_struct *tsk, int sig)
{
	__sighandler_t handler;

	if (!tsk->sighand)
		return true;
	handler = READ_ONCE(tsk->sighand->action[sig - 1].sa.sa_handler);
	return handler == SIG_DFL || handler == SIG_IGN;
}

/**
 * force_sig - send @sig to current, which must not ignore or block it
 * @sig: the signal (a fault's: SIGSEGV, SIGILL, ...)
 *
 * A fault cannot be ignored: the faulting instruction would run again
 * and again. So an ignored or blocked @sig goes back to its default
 * action, and even init may be killed (then the kernel panics).
 * Linux: force_sig() -> force_sig_info_to_task()
 */
void force_sig(int sig)
{
	struct task_struct *t = current;
	unsigned long flags;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	if (t->sighand->action[sig - 1].sa.sa_handler == SIG_IGN ||
	    (t->blocked & sigmask(sig)))
		t->sighand->action[sig - 1].sa.sa_handler = SIG_DFL;
	t->blocked &= ~sigmask(sig);
	if (t->sighand->action[sig - 1].sa.sa_handler == SIG_DFL)
		t->signal->flags &= ~SIGNAL_UNKILLABLE;
	t->pending.signal |= sigmask(sig);
	set_ti_thread_flag(&t->thread_info, TIF_SIGPENDING);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
}

/**
 * force_sig_fault - force_sig() for a fault at @addr
 * @sig: SIGSEGV, SIGBUS...
 * @code: si_code (SEGV_MAPERR, SEGV_ACCERR)
 * @addr: the faulting address
 *
 * Spindle keeps no siginfo (there are no handlers to pass it to).
 * Return: 0.
 * Linux: force_sig_fault()
 */
int force_sig_fault(int sig, int code, unsigned long addr)
{
	force_sig(sig);
	return 0;
}

/*
 * The lowest deliverable signal of current, taken off its pending set:
 * the thread's own first (faults, tgkill()), then its group's (kill()).
 * Linux: dequeue_signal()
 */
static int dequeue_signal(struct task_struct *t)
{
	sigset_t deliverable = ~(t->blocked & ~(sigmask(SIGKILL) | sigmask(SIGSTOP)));
	sigset_t *set = &t->pending.signal;
	sigset_t ready = *set & deliverable;
	int sig;

	if (!ready) {
		set = &t->signal->shared_pending.signal;
		ready = *set & deliverable;
	}
	if (!ready) {
		clear_ti_thread_flag(&t->thread_info, TIF_SIGPENDING);
		return 0;
	}
	sig = __builtin_ctzl(ready) + 1;
	*set &= ~sigmask(sig);
	return sig;
}

/*
 * The default action of a stop signal: the process stops until SIGCONT
 * or SIGKILL; its parent is told (SIGCHLD, and wait4(WUNTRACED) sees
 * it). One thread per process here, so the group stop is this task's.
 * Linux: do_signal_stop() / do_notify_parent_cldstop()
 */
static void do_signal_stop(int sig)
{
	struct task_struct *t = current, *parent;

	spin_lock_irq(&t->sighand->siglock);
	if (t->pending.signal & (sigmask(SIGCONT) | sigmask(SIGKILL))) {
		spin_unlock_irq(&t->sighand->siglock);
		return;		/* a SIGCONT is already on its way */
	}
	t->signal->flags = (t->signal->flags & ~SIGNAL_STOP_CONTINUED) | SIGNAL_STOP_STOPPED;
	t->signal->stop_code = sig;
	set_current_state(TASK_STOPPED);
	spin_unlock_irq(&t->sighand->siglock);

	spin_lock_irq(&tasklist_lock);
	parent = t->real_parent;
	get_task_struct(parent);
	spin_unlock_irq(&tasklist_lock);
	if (!(parent->sighand && (parent->sighand->action[SIGCHLD - 1].sa.sa_flags & SA_NOCLDSTOP)))
		send_sig(SIGCHLD, parent, 1);
	__wake_up_parent(t, parent);
	put_task_struct(parent);
	schedule();
}

/**
 * kernel_dequeue_signal - take current's next signal, in a kthread
 *
 * Return: the signal number, or 0 if none is pending.
 *
 * A kthread that allow_signal()ed a signal takes it here (there is no
 * user mode to deliver it on the way to): afterwards signal_pending()
 * is false again, unless more are pending.
 * Linux: kernel_dequeue_signal() in include/linux/sched/signal.h
 */
int kernel_dequeue_signal(void)
{
	int sig;

	spin_lock_irq(&current->sighand->siglock);
	sig = dequeue_signal(current);
	recalc_sigpending();	/* it may have been the last one */
	spin_unlock_irq(&current->sighand->siglock);
	return sig;
}

/**
 * get_signal - the next signal current must act on, before user mode
 * @ksig: filled with the signal and its action when a handler is to run
 *
 * Return: true if @ksig names a signal whose user handler must run now
 * (arch/x86/kernel/signal.c builds its frame), false once nothing is
 * left to do.
 *
 * Takes pending signals lowest first. Ignored ones are dropped; default
 * actions are applied here: "ignore" (SIGCHLD...), and "terminate"
 * (with or without a core dump, which Spindle does not write), through
 * do_group_exit(sig), so the parent's wait4() sees the signal in the
 * status; "stop" (do_signal_stop(): until SIGCONT or SIGKILL). init ignores what
 * it did not ask for, except the faults force_sig() made fatal. A
 * handler with SA_RESETHAND runs once, then the default comes back.
 * Linux: get_signal() in kernel/signal.c
 */
bool get_signal(struct ksignal *ksig)
{
	struct task_struct *t = current;

	/* It only had to bring us here: nothing to deliver for it. */
	clear_notify_signal();
	for (;;) {
		struct k_sigaction *ka;
		int sig;

		spin_lock_irq(&t->sighand->siglock);
		sig = dequeue_signal(t);
		if (!sig) {
			spin_unlock_irq(&t->sighand->siglock);
			return false;
		}
		ka = &t->sighand->action[sig - 1];
		ksig->ka = *ka;
		ksig->sig = sig;
		if (ka->sa.sa_handler != SIG_IGN && ka->sa.sa_handler != SIG_DFL &&
		    (ka->sa.sa_flags & SA_RESETHAND))
			ka->sa.sa_handler = SIG_DFL;
		spin_unlock_irq(&t->sighand->siglock);
		if (ksig->ka.sa.sa_handler == SIG_IGN)
			continue;
		if (ksig->ka.sa.sa_handler != SIG_DFL)
			return true;
		if (sig_kernel_ignore(sig))
			continue;
		/* init: not even SIGKILL from user space (Linux: sig_task_ignored()) */
		if (t->signal->flags & SIGNAL_UNKILLABLE)
			continue;
		if (sig_kernel_stop(sig)) {
			do_signal_stop(sig);
			continue;
		}
		do_group_exit(sig);
	}
}

/**
 * do_group_exit - end every thread of current's thread group
 * @exit_code: the status the parent's wait4() will see (a signal number,
 *	or an exit code shifted left by 8)
 *
 * The other threads get SIGKILL and exit on their way to user mode; the
 * parent's wait4() sees the group's code (group_exit_code), whichever
 * thread is the last to go.
 * Linux: do_group_exit() in kernel/exit.c
 */
void do_group_exit(int exit_code)
{
	struct signal_struct *sig = current->signal;
	struct task_struct *p;

	spin_lock_irq(&tasklist_lock);
	if (sig->flags & SIGNAL_GROUP_EXIT) {
		exit_code = sig->group_exit_code;
	} else if (sig->group_exec_task) {
		exit_code = 0;	/* another thread's execve() kills us, not the group */
	} else {
		sig->flags |= SIGNAL_GROUP_EXIT;
		sig->group_exit_code = exit_code;
		for_each_thread(current, p)
			if (p != current)
				send_sig(SIGKILL, p, 1);
	}
	spin_unlock_irq(&tasklist_lock);
	do_exit(exit_code);
}

SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	struct task_struct *p;
	int count = 0;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid > 0)
		return kill_pid(pid, sig);
	if (pid == 0)
		return kill_pgrp(task_pgrp_nr(current), sig, 1);
	if (pid < -1)
		return kill_pgrp(-pid, sig, 1);
	/* -1: every process but init and the caller */
	spin_lock_irq(&tasklist_lock);
	for_each_process(p) {
		if (p->pid > 1 && p->signal != current->signal && !(p->flags & PF_KTHREAD) &&
		    thread_group_leader(p)) {
			send_signal(sig, p, true);
			count++;
		}
	}
	spin_unlock_irq(&tasklist_lock);
	return count ? 0 : -ESRCH;
}

SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, pid, int, sig)
{
	struct task_struct *p;
	int ret = -ESRCH;

	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	p = get_pid_task_by_nr(pid);
	if (!p)
		return -ESRCH;
	if (p->tgid == tgid)
		ret = send_sig(sig, p, 1);
	put_task_struct(p);
	return ret;
}

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct sigaction __user *, act,
		struct sigaction __user *, oact, size_t, sigsetsize)
{
	struct sighand_struct *sighand = current->sighand;
	struct sigaction new, old;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	if (act && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	spin_lock_irq(&sighand->siglock);
	old = sighand->action[sig - 1].sa;
	if (act) {
		new.sa_mask &= ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
		sighand->action[sig - 1].sa = new;
		/* Now ignored: drop it if pending, for the thread and the group (POSIX). */
		if (sig_ignored(current, sig)) {
			current->pending.signal &= ~sigmask(sig);
			current->signal->shared_pending.signal &= ~sigmask(sig);
		}
	}
	spin_unlock_irq(&sighand->siglock);
	if (oact && copy_to_user(oact, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

SYSCALL_DEFINE4(rt_sigprocmask, int, how, const sigset_t __user *, nset,
		sigset_t __user *, oset, size_t, sigsetsize)
{
	sigset_t old = current->blocked, new;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&new, nset, sizeof(new)))
			return -EFAULT;
		new &= ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
		spin_lock_irq(&current->sighand->siglock);
		switch (how) {
		case SIG_BLOCK:
			current->blocked |= new;
			break;
		case SIG_UNBLOCK:
			current->blocked &= ~new;
			break;
		case SIG_SETMASK:
			current->blocked = new;
			break;
		default:
			spin_unlock_irq(&current->sighand->siglock);
			return -EINVAL;
		}
		/* Something unblocked may be pending: look on the way out. */
		recalc_sigpending();
		spin_unlock_irq(&current->sighand->siglock);
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(rt_sigpending, sigset_t __user *, uset, size_t, sigsetsize)
{
	sigset_t pending;

	if (sigsetsize > sizeof(sigset_t))
		return -EINVAL;
	spin_lock_irq(&current->sighand->siglock);
	pending = (current->pending.signal | current->signal->shared_pending.signal) &
		  current->blocked;
	spin_unlock_irq(&current->sighand->siglock);
	return copy_to_user(uset, &pending, sigsetsize) ? -EFAULT : 0;
}

/**
 * sigsuspend - wait for a signal with @set as the mask
 * @set: the mask while waiting
 *
 * The old mask is saved and comes back once the handler has run
 * (restore_saved_sigmask(), or the signal frame's mask).
 * Return: -ERESTARTNOHAND, which user space sees as -EINTR.
 * Linux: sigsuspend()
 */
int sigsuspend(sigset_t *set)
{
	current->saved_sigmask = current->blocked;
	spin_lock_irq(&current->sighand->siglock);
	current->blocked = *set & ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
	recalc_sigpending();
	spin_unlock_irq(&current->sighand->siglock);
	while (!signal_pending(current)) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current)) {
			__set_current_state(TASK_RUNNING);
			break;
		}
		schedule();
	}
	current->restore_sigmask = true;
	return -ERESTARTNOHAND;
}

/**
 * restore_saved_sigmask - put back the mask sigsuspend() replaced
 *
 * On the way to user mode when no handler ran (the frame of one that
 * did holds the old mask instead).
 * Linux: restore_saved_sigmask()
 */
void restore_saved_sigmask(void)
{
	if (!current->restore_sigmask)
		return;
	current->restore_sigmask = false;
	spin_lock_irq(&current->sighand->siglock);
	current->blocked = current->saved_sigmask;
	recalc_sigpending();
	spin_unlock_irq(&current->sighand->siglock);
}

SYSCALL_DEFINE2(rt_sigsuspend, sigset_t __user *, unewset, size_t, sigsetsize)
{
	sigset_t newset;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&newset, unewset, sizeof(newset)))
		return -EFAULT;
	return sigsuspend(&newset);
}

SYSCALL_DEFINE0(pause)
{
	while (!signal_pending(current)) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current)) {
			__set_current_state(TASK_RUNNING);
			break;
		}
		schedule();
	}
	return -ERESTARTNOHAND;
}
