// SPDX-License-Identifier: GPL-2.0
/*
 * Ending tasks: do_exit() releases what the task holds (address space,
 * files, fs context, signal state), hands its children to init, and
 * either becomes a zombie for its parent to reap with kernel_wait(), or,
 * when the parent ignores SIGCHLD (kthreadd does, so every kthread is
 * "autoreaped") or there is no exit signal, reaps itself. Then it
 * schedules away for the last time; finish_task_switch() drops the
 * scheduler's reference on the far side of the switch, when the stack
 * is no longer in use.
 * Locking: tasklist_lock for the family links and exit_state.
 * Linux: kernel/exit.c
 */
#include <linux/completion.h>
#include <linux/fdtable.h>
#include <linux/futex.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/lockdep.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/syscalls.h>
#include <linux/wait.h>
#include <asm/pgtable.h>
#include <trace/events/sched.h>

/* Parents sleep here in kernel_wait(); exits wake them. */
static DECLARE_WAIT_QUEUE_HEAD(child_exit_wait);
/* pid 1, which adopts orphans (Linux: the namespace's child_reaper). */
struct task_struct *child_reaper;

/* Does @parent ignore SIGCHLD? Then its children reap themselves. */
static bool parent_ignores_sigchld(struct task_struct *parent)
{
	bool ignores;

	/* task_lock: an exiting parent frees its sighand under it. */
	task_lock(parent);
	ignores = !parent->sighand || parent->sighand->action[SIGCHLD - 1].sa.sa_handler == SIG_IGN;
	task_unlock(parent);
	return ignores;
}

/*
 * @tsk (a process: a group leader) is dead with its whole group: make it
 * a zombie for its parent, or say it must be reaped at once (no exit
 * signal, or a parent that ignores SIGCHLD). Under tasklist_lock.
 * Return: true if the caller must release_task() it.
 * Linux: do_notify_parent()
 */
static bool do_notify_parent(struct task_struct *tsk)
{
	bool autoreap = tsk->exit_signal < 0 || parent_ignores_sigchld(tsk->real_parent);

	lockdep_assert_held(&tasklist_lock);
	tsk->exit_state = autoreap ? EXIT_DEAD : EXIT_ZOMBIE;
	if (!autoreap) {
		/* Its SIGCHLD handler, or a sigsuspend() in the shell, learns of it. */
		send_sig(tsk->exit_signal, tsk->real_parent, 1);
		wake_up_all(&child_exit_wait);
	}
	return autoreap;
}

/**
 * release_task - the final unlinking of a dead task
 * @p: a task with exit_state set
 *
 * Off the task list, its parent's children and its thread group, pid
 * freed, and the reaper's reference dropped. The last thread of a group
 * whose leader already exited makes the leader's zombie visible to the
 * parent now (or reaps it too, if nobody will wait for it).
 * Linux: release_task()
 */
void release_task(struct task_struct *p)
{
	struct task_struct *leader;
	struct pid *pid;
	unsigned long flags;
	bool zap_leader = false;

repeat:
	spin_lock_irqsave(&tasklist_lock, flags);
	list_del_init(&p->tasks);
	list_del_init(&p->sibling);
	list_del_init(&p->thread_node);
	p->signal->nr_threads--;
	nr_threads--;
	pid = p->thread_pid;
	p->thread_pid = NULL;
	p->exit_state = EXIT_DEAD;
	/* Unhashed under the lock: a pid lookup can no longer find @p. */
	free_pid(pid);
	/* The group's time, for the parent's wait4() rusage. Linux: __exit_signal() */
	if (!thread_group_leader(p)) {
		p->signal->sum_sched_runtime += p->se.sum_exec_runtime;
		p->signal->nvcsw += p->nvcsw;
		p->signal->nivcsw += p->nivcsw;
	}
	/* de_thread() waits for the other threads to be gone. */
	if (p->signal->group_exec_task)
		wake_up_process(p->signal->group_exec_task);
	leader = p->group_leader;
	if (leader != p && leader->exit_state == EXIT_ZOMBIE && thread_group_empty(leader))
		zap_leader = do_notify_parent(leader);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	/* Kept until now: a zombie leader's wait status may be the group's (exit_group()). */
	put_signal_struct(p->signal);
	p->signal = NULL;
	put_task_struct(p);
	if (zap_leader) {
		p = leader;
		zap_leader = false;
		goto repeat;
	}
}

/*
 * Where @tsk's children go: another live thread of its group, or else
 * init. Under tasklist_lock. Linux: find_new_reaper() / find_alive_thread()
 */
static struct task_struct *find_new_reaper(struct task_struct *tsk)
{
	struct task_struct *t;

	for_each_thread(tsk, t)
		if (!(t->flags & PF_EXITING))
			return t;
	return child_reaper && child_reaper != tsk ? child_reaper : &init_task;
}

/*
 * Orphans go to another thread or to init; tell the parent, or decide to
 * self-reap. A thread other than the leader always reaps itself; a leader
 * whose other threads live on stays a zombie the parent cannot reap yet
 * (delay_group_leader()): the last thread's release_task() notifies.
 * Returns true if the task must reap itself. Linux: exit_notify()
 */
static bool exit_notify(struct task_struct *tsk)
{
	struct task_struct *child, *n;
	bool autoreap, adopted_zombie = false;

	spin_lock_irq(&tasklist_lock);
	list_for_each_entry_safe(child, n, &tsk->children, sibling) {
		struct task_struct *reaper = find_new_reaper(tsk);

		child->real_parent = child->parent = reaper;
		list_move_tail(&child->sibling, &reaper->children);
		/* A zombie already: its new parent may be waiting (do_notify_parent). */
		if (child->exit_state == EXIT_ZOMBIE)
			adopted_zombie = true;
	}
	if (!thread_group_leader(tsk)) {
		tsk->exit_state = EXIT_DEAD;
		autoreap = true;
	} else if (!thread_group_empty(tsk)) {
		tsk->exit_state = EXIT_ZOMBIE;	/* delay_group_leader() */
		autoreap = false;
		if (tsk->signal->group_exec_task)
			wake_up_process(tsk->signal->group_exec_task);
	} else {
		autoreap = do_notify_parent(tsk);
	}
	spin_unlock_irq(&tasklist_lock);
	if (adopted_zombie)
		wake_up_all(&child_exit_wait);
	return autoreap;
}

/* Wake a vfork() parent, or kthread_stop(), waiting for us. */
static void complete_vfork_done(struct task_struct *tsk)
{
	struct completion *vfork;

	/* Under task_lock: a killed vfork() parent clears it under the same lock. */
	task_lock(tsk);
	vfork = tsk->vfork_done;
	tsk->vfork_done = NULL;
	if (vfork)
		complete(vfork);
	task_unlock(tsk);
}

/*
 * Leaving an address space (exit or exec): the CLONE_CHILD_CLEARTID
 * word is zeroed and its futex woken (how pthread_join() learns a
 * thread ended), and a vfork() parent may run again, its mm being ours
 * no more. A bad pointer there is ignored, as in Linux. The caller has
 * released the robust futexes first (futex_exit_release(),
 * futex_exec_release()).
 * Linux: mm_release() in kernel/fork.c
 */
static void mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	if (tsk->clear_child_tid) {
		if (atomic_read(&mm->mm_users) > 1) {
			put_user(0, tsk->clear_child_tid);
			do_futex((u32 __user *)tsk->clear_child_tid, FUTEX_WAKE, 1, NULL, NULL, 0, 0);
		}
		tsk->clear_child_tid = NULL;
	}
	complete_vfork_done(tsk);
}

/**
 * exec_mm_release - @tsk gives up @mm for a new program
 * @tsk: current, in exec
 * @mm: its old address space
 * Linux: exec_mm_release()
 */
void exec_mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	futex_exec_release(tsk);
	mm_release(tsk, mm);
}

/*
 * Drop current's address space: first onto the kernel's page tables, so
 * that the last mmput() never frees the tables this CPU runs on.
 * Linux: exit_mm()
 */
static void exit_mm(void)
{
	struct mm_struct *mm = current->mm;
	unsigned long flags;

	if (!mm)
		return;
	futex_exit_release(current);	/* Linux: exit_mm_release() */
	mm_release(current, mm);
	local_irq_save(flags);
	switch_mm_irqs_off(mm, &init_mm, current);
	task_lock(current);
	current->mm = NULL;
	current->active_mm = &init_mm;
	task_unlock(current);
	local_irq_restore(flags);
	mmput(mm);
}

/*
 * Give up the signal handler table. The signal_struct stays until
 * release_task(): the group's exit code is read from it at reaping.
 * Linux: exit_signals() / __exit_signal()
 */
static void exit_signals(struct task_struct *tsk)
{
	struct sighand_struct *sighand = tsk->sighand;

	task_lock(tsk);
	tsk->sighand = NULL;
	task_unlock(tsk);
	if (sighand)
		__cleanup_sighand(sighand);
}

/**
 * do_exit - end the current task
 * @code: its exit code (a kthread's: what threadfn returned)
 *
 * Never returns.
 * Linux: do_exit()
 */
void do_exit(long code)
{
	struct task_struct *tsk = current;
	bool autoreap;

	if (unlikely(in_interrupt()))
		panic("Aiee, killing interrupt handler!");
	if (unlikely(tsk == child_reaper))
		panic("Attempted to kill init! exitcode=0x%08lx", code);
	if (unlikely(is_idle_task(tsk)))
		panic("Attempted to kill the idle task!");
	WARN(preempt_count(), "do_exit: %s/%d exiting with preempt_count %d",
	     tsk->comm, tsk->pid, preempt_count());

	/* Nobody would ever release what an exiting task holds. */
	debug_check_no_locks_held();
	tsk->flags |= PF_EXITING;
	tsk->exit_code = code;
	/* The group's last thread to get here: its timers signal nobody any more. */
	if (atomic_dec_and_test(&tsk->signal->live))
		exit_itimers(tsk->signal);
	trace_sched_process_exit(tsk);
	exit_mm();
	complete_vfork_done(tsk);
	exit_files(tsk);
	exit_fs(tsk);
	/*
	 * Last of what we hold: once exit_notify() makes us a zombie the
	 * parent may reap us at once, and must find everything released.
	 */
	exit_signals(tsk);
	autoreap = exit_notify(tsk);
	if (autoreap) {
		release_task(tsk);	/* our usage stays held by the scheduler */
		/* A parent in kernel_wait() for us must see -ECHILD now. */
		wake_up_all(&child_exit_wait);
	}
	do_task_dead();
}

/**
 * wait_for_dead_tasks - wait until every exiting task is gone for good
 * @timeout_ms: give up after this long
 *
 * A task is freed on the far side of its last context switch, a little
 * after do_exit() has completed anything others wait on. Leak checks
 * (the tests) wait here so a dying task is not counted as a leak.
 * Return: true if none was left.
 */
bool wait_for_dead_tasks(unsigned int timeout_ms)
{
	for (unsigned int waited = 0;; waited++) {
		struct task_struct *p;
		bool exiting = false;

		spin_lock_irq(&tasklist_lock);
		for_each_process(p)
			if ((p->flags & PF_EXITING) && p->exit_state != EXIT_ZOMBIE)
				exiting = true;
		/* Released but not yet freed tasks: allocated beyond the linked ones. */
		if (nr_task_structs() != (unsigned long)(nr_threads - 1))
			exiting = true;
		spin_unlock_irq(&tasklist_lock);
		if (!exiting)
			return true;
		if (waited >= timeout_ms)
			return false;
		schedule_timeout_uninterruptible(1);
	}
}

/*
 * Can @p's parent reap it? A zombie, and (for a group leader) the last of
 * its group: a leader whose threads still run is not reported yet.
 * Under tasklist_lock. Linux: the EXIT_ZOMBIE && !delay_group_leader() test
 */
static bool reapable_zombie(struct task_struct *p)
{
	return p->exit_state == EXIT_ZOMBIE && thread_group_empty(p);
}

static bool has_zombie_child(struct task_struct *parent)
{
	struct task_struct *p;
	bool found = false;

	spin_lock_irq(&tasklist_lock);
	list_for_each_entry(p, &parent->children, sibling)
		if (reapable_zombie(p))
			found = true;
	spin_unlock_irq(&tasklist_lock);
	return found;
}

/**
 * wait_for_zombie_child - sleep until current has a zombie child
 *
 * Return: 0, or -ERESTARTSYS if a signal came first.
 *
 * pid 1 sleeps here when it has no children left: orphans adopted later
 * (exit_notify() wakes child_exit_wait) are then reaped at once.
 */
int wait_for_zombie_child(void)
{
	return wait_event_interruptible(child_exit_wait, has_zombie_child(current));
}

#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define WSTOPPED	WUNTRACED
#define WEXITED		0x00000004
#define WCONTINUED	0x00000008
#define WNOWAIT		0x01000000	/* report, but leave it a zombie */
#define __WNOTHREAD	0x20000000
#define __WALL		0x40000000
#define __WCLONE	0x80000000

/* waitid()'s idtype. Linux: include/uapi/linux/wait.h */
#define P_ALL		0
#define P_PID		1
#define P_PGID		2

/* si_code of a SIGCHLD siginfo. Linux: include/uapi/asm-generic/siginfo.h */
#define CLD_EXITED	1	/* exited normally */
#define CLD_KILLED	2	/* killed by a signal */
#define CLD_DUMPED	3	/* killed, and dumped core */
#define CLD_STOPPED	5	/* stopped by a signal */
#define CLD_CONTINUED	6	/* continued by SIGCONT */

/* The x86-64 siginfo of a SIGCHLD, as waitid() fills it (128 bytes). */
struct waitid_info {
	int si_signo;
	int si_errno;
	int si_code;
	int __pad0;
	pid_t si_pid;
	u32 si_uid;
	int si_status;
	int __pad1;
	long si_utime;
	long si_stime;
	char __pad2[128 - 48];
};

struct __kernel_old_timeval_ru {
	long tv_sec;
	long tv_usec;
};

/* struct rusage (x86-64): two timevals, then 14 longs. Linux: include/uapi/linux/resource.h */
struct rusage {
	struct __kernel_old_timeval_ru ru_utime;
	struct __kernel_old_timeval_ru ru_stime;
	long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt, ru_nswap;
	long ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw;
};

/* What a wait asks for and where the answers go. Linux: struct wait_opts */
struct wait_opts {
	int wo_type;			/* P_ALL, P_PID, P_PGID */
	pid_t wo_pid;
	int wo_flags;			/* WNOHANG, WEXITED, WNOWAIT, ... */
	int wo_stat;			/* the wait4() status word */
	struct waitid_info wo_info;	/* what waitid() reports */
	struct rusage wo_rusage;
};

/* Does @p match what @wo waits for? Linux: eligible_pid() */
static bool eligible_child(struct wait_opts *wo, struct task_struct *p)
{
	switch (wo->wo_type) {
	case P_PID:
		return p->pid == wo->wo_pid;
	case P_PGID:
		return p->signal->pgrp == wo->wo_pid;
	default:
		return true;
	}
}

/*
 * Fill in @wo about the zombie @p: the status word, the siginfo, the
 * resource use of its whole group (every thread's time was added to
 * its signal_struct as the thread was released). Under tasklist_lock.
 * Linux: wait_task_zombie()
 */
static void wait_task_zombie(struct wait_opts *wo, struct task_struct *p)
{
	struct signal_struct *sig = p->signal;
	/* exit_group() or a fatal signal: the group's code, whoever exited last. */
	int status = (sig->flags & SIGNAL_GROUP_EXIT) ? sig->group_exit_code : p->exit_code;
	u64 ns = sig->sum_sched_runtime + p->se.sum_exec_runtime;

	wo->wo_stat = status;
	memset(&wo->wo_info, 0, sizeof(wo->wo_info));
	wo->wo_info.si_signo = SIGCHLD;
	wo->wo_info.si_pid = p->pid;
	if (status & 0x7f) {
		wo->wo_info.si_code = (status & 0x80) ? CLD_DUMPED : CLD_KILLED;
		wo->wo_info.si_status = status & 0x7f;
	} else {
		wo->wo_info.si_code = CLD_EXITED;
		wo->wo_info.si_status = (status >> 8) & 0xff;
	}
	/* In clock ticks (USER_HZ = 100), as Linux's si_utime. */
	wo->wo_info.si_utime = ns / (NSEC_PER_SEC / 100);
	memset(&wo->wo_rusage, 0, sizeof(wo->wo_rusage));
	/* Spindle does not tell user from system time: all of it is ru_utime. */
	wo->wo_rusage.ru_utime.tv_sec = ns / NSEC_PER_SEC;
	wo->wo_rusage.ru_utime.tv_usec = (ns % NSEC_PER_SEC) / NSEC_PER_USEC;
	wo->wo_rusage.ru_nvcsw = sig->nvcsw + p->nvcsw;
	wo->wo_rusage.ru_nivcsw = sig->nivcsw + p->nivcsw;
}

/*
 * A stopped child not yet reported (WSTOPPED, wait4's WUNTRACED), or a
 * continued one (WCONTINUED): fill in @wo and say so. The report is
 * consumed unless WNOWAIT. Under tasklist_lock.
 * Linux: wait_task_stopped() / wait_task_continued()
 */
static bool wait_task_stopped_continued(struct wait_opts *wo, struct task_struct *p)
{
	struct signal_struct *sig = p->signal;
	int code, status;

	if (p->exit_state || !thread_group_leader(p))
		return false;
	if ((wo->wo_flags & WSTOPPED) && sig->stop_code && (sig->flags & SIGNAL_STOP_STOPPED)) {
		code = CLD_STOPPED;
		status = sig->stop_code;
		wo->wo_stat = (sig->stop_code << 8) | 0x7f;
		if (!(wo->wo_flags & WNOWAIT))
			sig->stop_code = 0;
	} else if ((wo->wo_flags & WCONTINUED) && (sig->flags & SIGNAL_STOP_CONTINUED)) {
		code = CLD_CONTINUED;
		status = SIGCONT;
		wo->wo_stat = 0xffff;
		if (!(wo->wo_flags & WNOWAIT))
			sig->flags &= ~SIGNAL_STOP_CONTINUED;
	} else {
		return false;
	}
	memset(&wo->wo_info, 0, sizeof(wo->wo_info));
	wo->wo_info.si_status = status;
	wo->wo_info.si_signo = SIGCHLD;
	wo->wo_info.si_code = code;
	wo->wo_info.si_pid = p->pid;
	memset(&wo->wo_rusage, 0, sizeof(wo->wo_rusage));
	return true;
}

/**
 * __wake_up_parent - wake @parent if it sleeps in wait4() for @p
 * @p: a child that stopped (or exited)
 * @parent: its parent
 * Linux: __wake_up_parent() in kernel/signal.c
 */
void __wake_up_parent(struct task_struct *p, struct task_struct *parent)
{
	wake_up_all(&child_exit_wait);
}

/*
 * Wait for a child matching @wo to exit and reap it (with WNOWAIT: only
 * report it); with WNOHANG, do not wait. The children of every thread
 * of current's group count, unless __WNOTHREAD: any thread may reap
 * what another forked.
 * Return: the child's pid, 0 (WNOHANG, nothing yet), -ECHILD, -ERESTARTSYS.
 * Linux: do_wait() -> do_wait_thread() -> wait_consider_task()
 */
static pid_t do_wait(struct wait_opts *wo)
{
	DEFINE_WAIT(wait);
	pid_t ret;

	for (;;) {
		struct task_struct *p = NULL, *t, *c;
		bool have_child = false;

		prepare_to_wait(&child_exit_wait, &wait, TASK_INTERRUPTIBLE);
		spin_lock_irq(&tasklist_lock);
		for_each_thread(current, t) {
			if ((wo->wo_flags & __WNOTHREAD) && t != current)
				continue;
			list_for_each_entry(c, &t->children, sibling) {
				if (!eligible_child(wo, c))
					continue;
				have_child = true;
				if ((wo->wo_flags & WEXITED) && reapable_zombie(c)) {
					p = c;
					break;
				}
				if (wait_task_stopped_continued(wo, c)) {
					spin_unlock_irq(&tasklist_lock);
					finish_wait(&child_exit_wait, &wait);
					return c->pid;
				}
			}
			if (p)
				break;
		}
		if (p) {
			wait_task_zombie(wo, p);
			/* For getrusage(RUSAGE_CHILDREN) and times(): its time and its children's. */
			if (!(wo->wo_flags & WNOWAIT))
				current->signal->cutime_ns += p->signal->sum_sched_runtime +
							     p->se.sum_exec_runtime +
							     p->signal->cutime_ns;
			/* Ours to reap: no other waiter (another thread) may take it now. */
			if (!(wo->wo_flags & WNOWAIT))
				p->exit_state = EXIT_DEAD;
		}
		spin_unlock_irq(&tasklist_lock);
		if (p) {
			finish_wait(&child_exit_wait, &wait);
			ret = p->pid;
			if (!(wo->wo_flags & WNOWAIT))
				release_task(p);
			return ret;
		}
		if (!have_child) {
			ret = -ECHILD;
			break;
		}
		if (wo->wo_flags & WNOHANG) {
			ret = 0;
			break;
		}
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&child_exit_wait, &wait);
	return ret;
}

/**
 * kernel_wait - wait for a child to exit, and reap it
 * @pid: the child, or -1 for any
 * @stat: its exit code, if not NULL
 *
 * Return: the reaped child's pid, -ECHILD if there is no such child,
 * -ERESTARTSYS if a signal interrupted the wait.
 * Linux: kernel_wait()
 */
pid_t kernel_wait(pid_t pid, int *stat)
{
	struct wait_opts wo = {
		.wo_type = pid == -1 ? P_ALL : P_PID,
		.wo_pid = pid,
		.wo_flags = WEXITED,
	};
	pid_t ret = do_wait(&wo);

	if (ret > 0 && stat)
		*stat = wo.wo_stat;
	return ret;
}

/*
 * wait4(2). The status word is Linux's: (code << 8) for exit(code), the
 * signal number for a death by signal (WIFSIGNALED; bit 7 would say
 * "core dumped", which Spindle never does). pid 0 is the caller's
 * process group, pid < -1 the group -pid.
 * Linux: kernel_wait4() in kernel/exit.c
 */
SYSCALL_DEFINE4(wait4, pid_t, upid, int __user *, stat_addr, int, options,
		struct rusage __user *, ru)
{
	struct wait_opts wo = { .wo_flags = options | WEXITED };
	pid_t ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (upid == -1) {
		wo.wo_type = P_ALL;
	} else if (upid < 0) {
		wo.wo_type = P_PGID;
		wo.wo_pid = -upid;
	} else if (upid == 0) {
		wo.wo_type = P_PGID;
		wo.wo_pid = current->signal->pgrp;
	} else {
		wo.wo_type = P_PID;
		wo.wo_pid = upid;
	}
	ret = do_wait(&wo);
	if (ret > 0 && stat_addr && put_user(wo.wo_stat, stat_addr))
		return -EFAULT;
	if (ret > 0 && ru && copy_to_user(ru, &wo.wo_rusage, sizeof(*ru)))
		return -EFAULT;
	return ret;
}

/*
 * waitid(2): like wait4(), with what happened in a siginfo instead of a
 * status word; WEXITED, WSTOPPED or WCONTINUED must be asked for, and WNOWAIT leaves
 * the child a zombie. With WNOHANG and nothing to report, the siginfo's
 * si_signo and si_pid are 0, as POSIX says. Returns 0, not the pid.
 * Linux: kernel_waitid() in kernel/exit.c
 */
SYSCALL_DEFINE5(waitid, int, which, pid_t, upid, struct waitid_info __user *, infop,
		int, options, struct rusage __user *, ru)
{
	struct wait_opts wo = { .wo_flags = options };
	pid_t ret;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED |
			__WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	switch (which) {
	case P_ALL:
		break;
	case P_PID:
		if (upid <= 0)
			return -EINVAL;
		break;
	case P_PGID:
		if (upid < 0)
			return -EINVAL;
		if (upid == 0)
			upid = current->signal->pgrp;
		break;
	default:
		return -EINVAL;
	}
	wo.wo_type = which;
	wo.wo_pid = upid;
	ret = do_wait(&wo);
	if (ret < 0)
		return ret;
	if (!ret)
		memset(&wo.wo_info, 0, sizeof(wo.wo_info));
	if (infop && copy_to_user(infop, &wo.wo_info, sizeof(wo.wo_info)))
		return -EFAULT;
	if (ret && ru && copy_to_user(ru, &wo.wo_rusage, sizeof(*ru)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}
