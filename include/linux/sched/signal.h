/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Signals as the scheduler and sleepers see them. Spindle's signals are
 * minimal but real: a pending bitmask per task, SIGKILL that wakes
 * TASK_KILLABLE and TASK_INTERRUPTIBLE sleepers, ignore_signals() for
 * kthreadd. There are no handlers: kernel threads only check
 * signal_pending()/fatal_signal_pending().
 * Linux: include/linux/sched/signal.h, include/uapi/asm-generic/signal.h
 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/sched.h>

#define SIGHUP		1
#define SIGINT		2
#define SIGKILL		9
#define SIGUSR1		10
#define SIGTERM		15
#define SIGCHLD		17
#define SIGSTOP		19
#define _NSIG		64

#define sigmask(sig)	(1UL << ((sig) - 1))

/* What a signal does when it arrives (Spindle: default or ignore). */
#define SIG_DFL	((void *)0)
#define SIG_IGN	((void *)1)

struct sighand_struct {
	atomic_t count;
	/* Guards action[] and the sharing tasks' pending signals; irqs off. */
	spinlock_t siglock;
	void *action[_NSIG];		/* SIG_DFL or SIG_IGN */
};

struct signal_struct {
	atomic_t sigcnt;
	int nr_threads;
	int group_exit_code;
};

static inline int signal_pending(struct task_struct *p)
{
	return unlikely(test_ti_thread_flag(&p->thread_info, TIF_SIGPENDING));
}

static inline int __fatal_signal_pending(struct task_struct *p)
{
	return unlikely(READ_ONCE(p->pending.signal) & sigmask(SIGKILL));
}

static inline int fatal_signal_pending(struct task_struct *p)
{
	return signal_pending(p) && __fatal_signal_pending(p);
}

/*
 * Would a signal wake a sleeper in @state? Interruptible sleeps wake for
 * any pending signal, killable ones only for SIGKILL, others never.
 * Linux: signal_pending_state()
 */
static inline int signal_pending_state(unsigned int state, struct task_struct *p)
{
	if (!(state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)))
		return 0;
	if (!signal_pending(p))
		return 0;
	return (state & TASK_INTERRUPTIBLE) || __fatal_signal_pending(p);
}

int send_sig(int sig, struct task_struct *p, int priv);
int kill_pid(pid_t pid, int sig);
void ignore_signals(struct task_struct *t);
void flush_signals(struct task_struct *t);
int allow_signal(int sig);

#endif /* _LINUX_SCHED_SIGNAL_H */
