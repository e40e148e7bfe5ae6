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
#include <linux/kernel.h>
#include <linux/kthread.h>
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

/**
 * release_task - the final unlinking of a dead task
 * @p: a task with exit_state set
 *
 * Off the task list and its parent's children, pid freed, and the
 * reaper's reference dropped.
 * Linux: release_task()
 */
void release_task(struct task_struct *p)
{
	struct pid *pid;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_del_init(&p->tasks);
	list_del_init(&p->sibling);
	nr_threads--;
	pid = p->thread_pid;
	p->thread_pid = NULL;
	p->exit_state = EXIT_DEAD;
	/* Unhashed under the lock: a pid lookup can no longer find @p. */
	free_pid(pid);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	put_task_struct(p);
}

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
 * Orphans go to init; tell the parent, or decide to self-reap.
 * Returns true if the task must reap itself. Linux: exit_notify()
 */
static bool exit_notify(struct task_struct *tsk)
{
	struct task_struct *child, *n;
	bool autoreap, adopted_zombie = false;

	spin_lock_irq(&tasklist_lock);
	list_for_each_entry_safe(child, n, &tsk->children, sibling) {
		struct task_struct *reaper = child_reaper && child_reaper != tsk ?
					     child_reaper : &init_task;

		child->real_parent = child->parent = reaper;
		list_move_tail(&child->sibling, &reaper->children);
		/* A zombie already: its new parent may be waiting (do_notify_parent). */
		if (child->exit_state == EXIT_ZOMBIE)
			adopted_zombie = true;
	}
	autoreap = tsk->exit_signal < 0 || parent_ignores_sigchld(tsk->real_parent);
	tsk->exit_state = autoreap ? EXIT_DEAD : EXIT_ZOMBIE;
	spin_unlock_irq(&tasklist_lock);
	if (!autoreap || adopted_zombie)
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
 * word is zeroed (how pthread_join() learns a thread ended), and a
 * vfork() parent may run again, its mm being ours no more.
 * Linux: mm_release() in kernel/fork.c
 */
static void mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	if (tsk->clear_child_tid) {
		if (atomic_read(&mm->mm_users) > 1)
			put_user(0, tsk->clear_child_tid);	/* Linux also does a futex wake */
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
	mm_release(current, mm);
	local_irq_save(flags);
	switch_mm_irqs_off(mm, &init_mm, current);
	task_lock(current);
	current->mm = current->active_mm = NULL;
	task_unlock(current);
	local_irq_restore(flags);
	mmput(mm);
}

static void exit_signals(struct task_struct *tsk)
{
	struct sighand_struct *sighand = tsk->sighand;
	struct signal_struct *sig = tsk->signal;

	task_lock(tsk);
	tsk->sighand = NULL;
	tsk->signal = NULL;
	task_unlock(tsk);
	if (sighand)
		__cleanup_sighand(sighand);
	if (sig)
		put_signal_struct(sig);
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

	tsk->flags |= PF_EXITING;
	tsk->exit_code = code;
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

static bool has_zombie_child(struct task_struct *parent)
{
	struct task_struct *p;
	bool found = false;

	spin_lock_irq(&tasklist_lock);
	list_for_each_entry(p, &parent->children, sibling)
		if (p->exit_state == EXIT_ZOMBIE)
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

/* A zombie child of current matching @pid (-1: any), or NULL. */
static struct task_struct *find_zombie(pid_t pid, bool *have_child)
{
	struct task_struct *p;

	list_for_each_entry(p, &current->children, sibling) {
		if (pid != -1 && p->pid != pid)
			continue;
		*have_child = true;
		if (p->exit_state == EXIT_ZOMBIE)
			return p;
	}
	return NULL;
}

#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define WCONTINUED	0x00000008
#define __WNOTHREAD	0x20000000
#define __WALL		0x40000000
#define __WCLONE	0x80000000

/*
 * Wait for a child matching @pid to exit and reap it; with WNOHANG, do
 * not wait. Linux: do_wait() / wait_task_zombie()
 */
static pid_t do_wait(pid_t pid, int options, int *stat)
{
	DEFINE_WAIT(wait);
	pid_t ret;

	for (;;) {
		struct task_struct *p;
		bool have_child = false;

		prepare_to_wait(&child_exit_wait, &wait, TASK_INTERRUPTIBLE);
		spin_lock_irq(&tasklist_lock);
		p = find_zombie(pid, &have_child);
		spin_unlock_irq(&tasklist_lock);
		if (p) {
			finish_wait(&child_exit_wait, &wait);
			if (stat)
				*stat = p->exit_code;
			ret = p->pid;
			release_task(p);
			return ret;
		}
		if (!have_child) {
			ret = -ECHILD;
			break;
		}
		if (options & WNOHANG) {
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
	return do_wait(pid, 0, stat);
}

/*
 * wait4(2). The status word is Linux's: (code << 8) for exit(code), the
 * signal number for a death by signal (WIFSIGNALED; bit 7 would say
 * "core dumped", which Spindle never does). Process groups do not
 * exist here: pid 0 and pid < -1 mean any child, like -1.
 * Linux: kernel_wait4() in kernel/exit.c
 */
SYSCALL_DEFINE4(wait4, pid_t, upid, int __user *, stat_addr, int, options,
		void __user *, ru)
{
	int status = 0;
	pid_t ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	ret = do_wait(upid > 0 ? upid : -1, options, &status);
	if (ret > 0 && stat_addr && put_user(status, stat_addr))
		return -EFAULT;
	/* struct rusage: 18 longs; Spindle accounts nothing, so all zero. */
	if (ret > 0 && ru && clear_user(ru, 18 * sizeof(long)))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}
