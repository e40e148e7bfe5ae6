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

#include <linux/kthread_types.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGWINCH	28
#define _NSIG		64

/* si_code values of a SIGSEGV (Linux: include/uapi/asm-generic/siginfo.h) */
#define SEGV_MAPERR	1	/* nothing mapped there */
#define SEGV_ACCERR	2	/* mapped, but not for this access */

#define sigmask(sig)	(1UL << ((sig) - 1))

/*
 * What a signal does when it arrives: its default action, nothing, or a
 * user handler, run on the user stack in a signal frame
 * (arch/x86/kernel/signal.c) and left through rt_sigreturn().
 */
typedef void (*__sighandler_t)(int);
#define SIG_DFL	((__sighandler_t)0)
#define SIG_IGN	((__sighandler_t)1)

/* The x86-64 struct sigaction of rt_sigaction(2), as user space lays it out. */
struct sigaction {
	__sighandler_t sa_handler;
	unsigned long sa_flags;
	void (*sa_restorer)(void);
	sigset_t sa_mask;
};

struct k_sigaction {
	struct sigaction sa;
};

/* sa_flags (x86-64 values) */
#define SA_NOCLDSTOP	0x00000001
#define SA_NOCLDWAIT	0x00000002
#define SA_SIGINFO	0x00000004
#define SA_ONSTACK	0x08000000
#define SA_RESTART	0x10000000
#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000
#define SA_RESTORER	0x04000000

/* A signal about to be handled. Linux: struct ksignal */
struct ksignal {
	struct k_sigaction ka;
	int sig;
};

struct sighand_struct {
	atomic_t count;
	/* Guards action[] and the sharing tasks' pending signals; irqs off. */
	spinlock_t siglock;
	struct k_sigaction action[_NSIG];
};

/* signal->flags */
#define SIGNAL_STOP_STOPPED	0x00000001	/* stopped by SIGSTOP, SIGTSTP... */
#define SIGNAL_STOP_CONTINUED	0x00000002	/* SIGCONT since: wait4(WCONTINUED) says so */
#define SIGNAL_GROUP_EXIT	0x00000004	/* exit_group() under way */
#define SIGNAL_UNKILLABLE	0x00000040	/* init: only what it asked for kills it */

struct tty_struct;

/* Resource limits. Linux: include/uapi/linux/resource.h */
#define RLIMIT_STACK	3
#define RLIMIT_NOFILE	7
#define RLIM_NLIMITS	16
#define RLIM_INFINITY	(~0UL)

struct rlimit {
	unsigned long rlim_cur;
	unsigned long rlim_max;
};

/* Every limit infinite but these, as Linux's INIT_RLIMITS. */
#define INIT_RLIMITS_STACK	(8UL << 20)

/*
 * What the threads of one group (CLONE_THREAD) share: the list of them,
 * the signals sent to the group as a whole (kill(), not tgkill()), and
 * the group's exit. thread_head, nr_threads and the group-exit fields
 * change under tasklist_lock; shared_pending under sighand->siglock.
 * Lifetime: sigcnt counts the tasks using it, until each is released
 * (release_task()): a zombie leader's wait status is read from here.
 * Linux: struct signal_struct
 */
struct signal_struct {
	atomic_t sigcnt;
	int nr_threads;
	struct list_head thread_head;	/* task->thread_node of every thread */
	struct sigpending shared_pending;
	int group_exit_code;
	unsigned int flags;
	/*
	 * Job control, under tasklist_lock, inherited at fork: the process
	 * group and session (Linux keeps struct pid pointers, PIDTYPE_PGID
	 * and PIDTYPE_SID; numbers are enough here), and the controlling
	 * terminal.
	 */
	pid_t pgrp;
	pid_t session;
	struct tty_struct *tty;
	int stop_code;			/* the signal that stopped it, until wait4() reports it */
	struct rlimit rlim[RLIM_NLIMITS];	/* getrlimit(2); under task_lock of the leader */
	/* A thread in execve() waiting for the others to die (de_thread()). */
	struct task_struct *group_exec_task;
	/* Released threads' CPU use, for the parent's wait4() (tasklist_lock). */
	u64 sum_sched_runtime;
	unsigned long nvcsw, nivcsw;
	u64 cutime_ns;			/* run time of reaped children (getrusage, times) */
	atomic_t live;			/* threads not yet in do_exit(): 0, the group is dead */
	/*
	 * ITIMER_REAL (setitimer(), alarm(); kernel/time/itimer.c): SIGALRM
	 * to the group when real_timer fires, again every it_real_incr
	 * jiffies if that is not 0. Kept across exec, stopped when the group
	 * dies (exit_itimers()).
	 */
	/* Guards it_real_incr and arming real_timer; irqs off; timer bases nest inside. */
	spinlock_t itimer_lock;
	struct timer_list real_timer;
	struct kthread_work it_real_work;	/* sends SIGALRM from process context */
	unsigned long it_real_incr;
	pid_t it_real_tgid;		/* whom it signals: the group's tgid */
};

static inline pid_t task_pgrp_nr(struct task_struct *tsk)
{
	return tsk->signal->pgrp;
}

static inline pid_t task_session_nr(struct task_struct *tsk)
{
	return tsk->signal->session;
}

/* Walk every thread of @p's group; the caller holds tasklist_lock. Linux: for_each_thread() */
#define for_each_thread(p, t) \
	list_for_each_entry(t, &(p)->signal->thread_head, thread_node)

static inline bool thread_group_leader(const struct task_struct *p)
{
	return p->group_leader == p;
}

/* Only @p left in its group? Under tasklist_lock. Linux: thread_group_empty() */
static inline bool thread_group_empty(const struct task_struct *p)
{
	return list_is_singular(&p->thread_node) || list_empty(&p->thread_node);
}

/* A real signal queued and not blocked? Linux: task_sigpending() */
static inline int task_sigpending(struct task_struct *p)
{
	return unlikely(test_ti_thread_flag(&p->thread_info, TIF_SIGPENDING));
}

/*
 * Should an interruptible sleep end? For a queued signal, or for
 * TIF_NOTIFY_SIGNAL (kthread_stop(): the thread has no signal to take,
 * it only has to get out and look at kthread_should_stop()).
 * Linux: signal_pending()
 */
static inline int signal_pending(struct task_struct *p)
{
	if (unlikely(test_tsk_thread_flag(p, TIF_NOTIFY_SIGNAL)))
		return 1;
	return task_sigpending(p);
}

/* Linux: clear_notify_signal() */
static inline void clear_notify_signal(void)
{
	clear_thread_flag(TIF_NOTIFY_SIGNAL);
	smp_mb__after_atomic();
}

static inline int __fatal_signal_pending(struct task_struct *p)
{
	return unlikely(READ_ONCE(p->pending.signal) & sigmask(SIGKILL));
}

static inline int fatal_signal_pending(struct task_struct *p)
{
	return task_sigpending(p) && __fatal_signal_pending(p);
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
/* Send @sig to current even if it is ignored or blocked (faults). */
void force_sig(int sig);
int force_sig_fault(int sig, int code, unsigned long addr);
/* Would @sig kill @tsk (no handler, not ignored)? */
bool unhandled_signal(struct task_struct *tsk, int sig);
/* On the way to user mode: the next signal with a handler to run, if any. */
bool get_signal(struct ksignal *ksig);
__noreturn void do_group_exit(int exit_code);
int kill_pid(pid_t pid, int sig);
/* kill(2)'s delivery: to the thread group of @p, any thread may take it. */
int group_send_sig_info(int sig, struct task_struct *p);
/* After current->blocked changed, under siglock. */
void recalc_sigpending(void);
int kill_pgrp(pid_t pgrp, int sig, int priv);
/* A kthread that allow_signal()ed takes its next signal. Linux: kernel_dequeue_signal() */
int kernel_dequeue_signal(void);
/* Would @sig be dropped or held back by @t (ignored or blocked)? */
bool sig_ignored_or_blocked(struct task_struct *t, int sig);
int sigsuspend(sigset_t *set);
void __wake_up_parent(struct task_struct *p, struct task_struct *parent);
void restore_saved_sigmask(void);
/* kernel/time/itimer.c: a new group's ITIMER_REAL; stopping it when the group dies. */
void itimer_init(struct signal_struct *sig);
void exit_itimers(struct signal_struct *sig);
void ignore_signals(struct task_struct *t);
void flush_signals(struct task_struct *t);
int allow_signal(int sig);

#endif /* _LINUX_SCHED_SIGNAL_H */
