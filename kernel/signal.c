// SPDX-License-Identifier: GPL-2.0
/*
 * Signals, minimal but real: each task has a pending set and a table of
 * dispositions (default or ignore) shared per CLONE_SIGHAND. Sending sets
 * the pending bit and TIF_SIGPENDING and wakes the target if its sleep
 * allows: any signal wakes TASK_INTERRUPTIBLE, only SIGKILL wakes
 * TASK_KILLABLE, nothing wakes TASK_UNINTERRUPTIBLE. There are no signal
 * handlers: kernel code looks at signal_pending()/fatal_signal_pending().
 * sighand->siglock guards the pending set and the dispositions.
 * Linux: kernel/signal.c
 */
#include <linux/kernel.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>

/* Wake @t so it notices the signal. Linux: signal_wake_up_state() */
static void signal_wake_up(struct task_struct *t, bool fatal)
{
	set_ti_thread_flag(&t->thread_info, TIF_SIGPENDING);
	wake_up_state(t, TASK_INTERRUPTIBLE | (fatal ? TASK_WAKEKILL : 0));
}

/**
 * send_sig - send @sig to @p
 * @sig: 1.._NSIG
 * @p: the target
 * @priv: unused (Linux: "from the kernel")
 *
 * An ignored signal is dropped. Kernel threads ignore everything after
 * ignore_signals() (kthreadd, and through it every kthread), SIGKILL
 * included, unless they allow_signal() it: a kthread cannot be killed by
 * accident.
 * Return: 0, or -EINVAL for a bad signal number (0 sends nothing).
 * Linux: send_sig() -> send_sig_info()
 */
int send_sig(int sig, struct task_struct *p, int priv)
{
	struct sighand_struct *sighand;
	unsigned long flags;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (sig == 0)
		return 0;	/* signal 0: only "does it exist?", as in kill(2) */
	/* task_lock keeps ->sighand from being freed under us (exit_signals()). */
	task_lock(p);
	sighand = p->sighand;
	if (sighand) {
		spin_lock_irqsave(&sighand->siglock, flags);
		if (sighand->action[sig - 1] != SIG_IGN) {
			p->pending.signal |= sigmask(sig);
			signal_wake_up(p, sig == SIGKILL);
		}
		spin_unlock_irqrestore(&sighand->siglock, flags);
	}
	/* No sighand: the task is past exit_signals(), too late to signal. */
	task_unlock(p);
	return 0;
}

/**
 * kill_pid - send @sig to the task with pid @pid
 * @pid: the task's pid
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
	ret = send_sig(sig, p, 1);
	put_task_struct(p);
	return ret;
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
		t->sighand->action[i] = SIG_IGN;
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
	current->sighand->action[sig - 1] = SIG_DFL;
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	return 0;
}
