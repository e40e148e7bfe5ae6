/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct task_struct: one thread of execution (Linux calls both processes
 * and threads tasks), and the task-state API every sleeping loop uses.
 *
 * Lifetime: a task is referenced by its parent until reaped and by anyone
 * holding get_task_struct(); the last put_task_struct() frees the stack
 * and the struct (kernel/fork.c). The global task list (init_task.tasks)
 * and the parent/children links are protected by tasklist_lock.
 * Linux: include/linux/sched.h
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/list.h>
#include <linux/rbtree.h>
#include <linux/spinlock.h>
#include <linux/thread_info.h>
#include <linux/types.h>
#include <asm/current.h>
#include <asm/processor.h>
#include <asm/switch_to.h>

struct robust_list_head;
#include <asm/thread_info.h>

/*
 * Task states (__state). A task sets one of the sleeping states, re-checks
 * its condition, and calls schedule(); a wakeup that matches the state
 * makes it TASK_RUNNING again. See set_current_state() below.
 */
#define TASK_RUNNING		0x00000000
#define TASK_INTERRUPTIBLE	0x00000001	/* woken by signals too */
#define TASK_UNINTERRUPTIBLE	0x00000002	/* woken only explicitly */
#define __TASK_STOPPED		0x00000004
#define __TASK_TRACED		0x00000008
/* exit_state values (also accepted in __state by the reporting code) */
#define EXIT_DEAD		0x00000010
#define EXIT_ZOMBIE		0x00000020
#define TASK_PARKED		0x00000040	/* kthread_parkme() */
#define TASK_DEAD		0x00000080	/* after the last schedule() */
#define TASK_WAKEKILL		0x00000100	/* woken by fatal signals */
#define TASK_WAKING		0x00000200
#define TASK_NEW		0x00000800	/* being created by copy_process() */

#define TASK_KILLABLE		(TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_STOPPED		(TASK_WAKEKILL | __TASK_STOPPED)
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* Per-task flags (p->flags). */
#define PF_IDLE			0x00000002	/* the idle task */
#define PF_EXITING		0x00000004	/* in do_exit() */
#define PF_FORKNOEXEC		0x00000040	/* forked, never exec'd */
#define PF_NOFREEZE		0x00008000	/* never frozen */
#define PF_KTHREAD		0x00200000	/* a kernel thread */
#define PF_NO_SETAFFINITY	0x04000000	/* CPU mask fixed (bound kthread) */

/* Scheduling policies. */
#define SCHED_NORMAL		0
#define SCHED_FIFO		1
#define SCHED_RR		2
#define SCHED_IDLE		5

#define MAX_RT_PRIO		100
#define MAX_PRIO		(MAX_RT_PRIO + 40)
#define DEFAULT_PRIO		(MAX_RT_PRIO + 20)	/* nice 0 */
#define NICE_TO_PRIO(nice)	((nice) + DEFAULT_PRIO)
#define PRIO_TO_NICE(prio)	((prio) - DEFAULT_PRIO)
#define MIN_NICE		-20
#define MAX_NICE		19

#define TASK_COMM_LEN		16

struct sched_param {
	int sched_priority;
};

struct completion;
struct files_struct;
struct fs_struct;
struct kthread;
struct mm_struct;
struct pid;
struct rq;
struct sched_class;
struct sighand_struct;
struct signal_struct;

/* What the fair class keeps per task (kernel/sched/fair.c). */
struct sched_entity {
	struct rb_node run_node;	/* in cfs_rq->tasks_timeline */
	unsigned long weight;		/* from nice: sched_prio_to_weight[] */
	u64 vruntime;			/* weighted ns of CPU received */
	u64 deadline;			/* EEVDF: vruntime + slice/weight */
	u64 slice;			/* requested slice, ns */
	u64 exec_start;			/* when it last got the CPU */
	u64 sum_exec_runtime;		/* total ns on the CPU */
	u64 prev_sum_exec_runtime;	/* at the start of its current slice */
	int on_rq;
};

/* What the FIFO/RR class keeps per task (kernel/sched/rt.c). */
struct sched_rt_entity {
	struct list_head run_list;
	unsigned int time_slice;
	int on_rq;
};

typedef unsigned long sigset_t;

struct sigpending {
	sigset_t signal;
};

struct vm_struct;

struct task_struct {
	/* First: <linux/thread_info.h> reads the flags through current. */
	struct thread_info thread_info;
	unsigned int __state;

	void *stack;			/* lowest address of the kernel stack */
	struct vm_struct *stack_vm_area;	/* its vmalloc area (NULL: a boot stack) */
	atomic_t usage;			/* get_task_struct()/put_task_struct() */
	unsigned int flags;		/* PF_* */

	/*
	 * Scheduling. pi_lock serialises wakeups of this task (and changes
	 * of its CPU and mask while it is not queued); it is taken before
	 * any rq->lock. See try_to_wake_up() for what each field means when.
	 */
	raw_spinlock_t pi_lock;
	int on_cpu;			/* running, or being switched away from */
	int on_rq;			/* TASK_ON_RQ_* */
	int cpu;			/* the CPU whose run queue holds it */
	int wake_cpu;			/* where it last ran: the wakeup's first guess */
	int prio;
	int static_prio;
	int normal_prio;
	unsigned int rt_priority;
	unsigned int policy;
	const struct sched_class *sched_class;
	struct sched_entity se;
	struct sched_rt_entity rt;
	cpumask_t cpus_mask;
	int nr_cpus_allowed;
	unsigned long nvcsw;		/* voluntary context switches */
	unsigned long nivcsw;		/* involuntary (preempted) */
	struct list_head wake_entry;	/* on a wait list (mutex) */

	/* Exit */
	int exit_state;			/* EXIT_ZOMBIE, EXIT_DEAD */
	int exit_code;
	int exit_signal;		/* sent to the parent on exit (SIGCHLD) */

	pid_t pid;
	pid_t tgid;
	struct pid *thread_pid;		/* kernel/pid.c; NULL for the idle task */

	/* Family: protected by tasklist_lock */
	struct task_struct *real_parent;
	struct task_struct *parent;
	struct list_head children;	/* my children */
	struct list_head sibling;	/* in my parent's children */
	struct task_struct *group_leader;	/* the thread group's first task (tgid == its pid) */
	struct list_head thread_node;	/* in signal->thread_head: for_each_thread() */
	struct list_head tasks;		/* in init_task.tasks: for_each_process */

	/* CLONE_VFORK; for kthreads, points at struct kthread's exited */
	struct completion *vfork_done;
	/* For PF_KTHREAD tasks: their struct kthread (kernel/kthread.c) */
	struct kthread *worker_private;
	/*
	 * kthreadd only: the node of the thread it is creating now, set by
	 * create_kthread() for copy_process() (tsk_fork_get_node()).
	 */
	int pref_node_fork;

	/* Protected by task_lock(): set_task_comm(), get_task_comm() */
	char comm[TASK_COMM_LEN];
	/* task_lock(): comm, fs, files, sighand/signal and vfork_done change under it */
	spinlock_t alloc_lock;

	struct fs_struct *fs;
	struct files_struct *files;
	struct mm_struct *mm;
	struct mm_struct *active_mm;
	struct signal_struct *signal;
	struct sighand_struct *sighand;
	struct sigpending pending;
	sigset_t blocked;
	sigset_t saved_sigmask;		/* rt_sigsuspend()'s caller's mask, back after the handler */
	bool restore_sigmask;		/* saved_sigmask is to come back on the way out */

	u64 start_time;			/* local_clock() at fork */

	/* CLONE_CHILD_SETTID / CLONE_CHILD_CLEARTID, set_tid_address() */
	int __user *set_child_tid;
	int __user *clear_child_tid;
	/* set_robust_list(): the user's list of robust futexes this thread holds */
	struct robust_list_head __user *robust_list;

#if CONFIG_LOCKDEP
	/*
	 * The lock validator's stack of the locks this task holds, oldest
	 * first (an interrupt's locks go on the interrupted task's stack, in
	 * their own irq_context). Only the task itself, with interrupts
	 * off, changes it. kernel/locking/lockdep.c
	 */
	u64 curr_chain_key;
	int lockdep_depth;
	unsigned int lockdep_recursion;	/* in the validator, or lockdep_off() */
	struct held_lock held_locks[MAX_LOCK_DEPTH];
#endif

	/* CPU state saved by switch_to(); must be last (it varies by arch). */
	struct thread_struct thread;
};

#define TASK_ON_RQ_QUEUED	1
#define TASK_ON_RQ_MIGRATING	2

extern struct task_struct init_task;

static inline unsigned int task_cpu(const struct task_struct *p)
{
	return READ_ONCE(p->cpu);
}

static inline unsigned int task_state(const struct task_struct *p)
{
	return READ_ONCE(p->__state);
}

/*
 * set_current_state(): the sleeping side of the wakeup protocol.
 *
 *	set_current_state(TASK_UNINTERRUPTIBLE);
 *	if (!condition)
 *		schedule();
 *	__set_current_state(TASK_RUNNING);
 *
 * The store of the state must be visible before the load of condition,
 * or a waker that sets condition and then sees us still RUNNING would not
 * wake us, and we would sleep on a true condition: smp_store_mb() is a
 * full barrier between the two. The waker pairs it with the barrier in
 * try_to_wake_up(). __set_current_state() has no barrier: use it only for
 * TASK_RUNNING or when a lock orders things anyway.
 */
#define __set_current_state(state_value) WRITE_ONCE(current->__state, (state_value))
#define set_current_state(state_value) smp_store_mb(current->__state, (state_value))

/*
 * set_special_state(): for states no ordinary wakeup may undo
 * (TASK_PARKED, TASK_DEAD). It is set under p->pi_lock, which
 * try_to_wake_up() holds while it reads and writes the state, so a wakeup
 * still in flight for an earlier sleep cannot overwrite it with
 * TASK_RUNNING.
 * Linux: set_special_state()
 */
void set_special_state(unsigned int state);

/* Task-list iteration: callers hold tasklist_lock (or run with irqs off). */
#define next_task(p) list_entry((p)->tasks.next, struct task_struct, tasks)
#define for_each_process(p) for (p = &init_task; (p = next_task(p)) != &init_task; )

static inline bool need_resched(void)
{
	return unlikely(test_thread_flag(TIF_NEED_RESCHED));
}

static inline void set_tsk_need_resched(struct task_struct *p)
{
	set_ti_thread_flag(&p->thread_info, TIF_NEED_RESCHED);
}

static inline void clear_tsk_need_resched(struct task_struct *p)
{
	clear_ti_thread_flag(&p->thread_info, TIF_NEED_RESCHED);
}

static inline bool test_tsk_need_resched(struct task_struct *p)
{
	return unlikely(test_ti_thread_flag(&p->thread_info, TIF_NEED_RESCHED));
}

static inline bool is_idle_task(const struct task_struct *p)
{
	return !!(p->flags & PF_IDLE);
}

static inline pid_t task_pid_nr(const struct task_struct *p)
{
	return p->pid;
}

/* Scheduler entry points (kernel/sched/core.c). */
void schedule(void);
void schedule_preempt_disabled(void);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_killable(long timeout);
#define MAX_SCHEDULE_TIMEOUT	((long)(~0UL >> 1))
int wake_up_process(struct task_struct *p);
int wake_up_state(struct task_struct *p, unsigned int state);
void wake_up_new_task(struct task_struct *p);
int sched_fork(unsigned long clone_flags, struct task_struct *p);
void sched_init(void);
void scheduler_tick(void);
void yield(void);
int __cond_resched(void);
#define cond_resched() __cond_resched()
int sched_setscheduler_nocheck(struct task_struct *p, int policy,
			       const struct sched_param *param);
void set_user_nice(struct task_struct *p, long nice);
int task_nice(const struct task_struct *p);
int set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *new_mask);
void do_set_cpus_allowed(struct task_struct *p, const struct cpumask *new_mask);
long sched_setaffinity(pid_t pid, const struct cpumask *in_mask);
unsigned long wait_task_inactive(struct task_struct *p, unsigned int match_state);
void init_idle(struct task_struct *idle, int cpu);
/* A CPU going offline leaves any borrowed mm (kernel/sched/core.c). */
void idle_task_exit(void);
void __noreturn do_task_dead(void);
void schedule_tail(struct task_struct *prev);
void schedule_idle(void);
void __noreturn cpu_startup_entry(void);
int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags);

/* Names (kernel/sched/core.c and kernel/fork.c). */
void __set_task_comm(struct task_struct *tsk, const char *from);
#define set_task_comm(tsk, from) __set_task_comm(tsk, from)
char *__get_task_comm(char *to, size_t len, struct task_struct *tsk);
#define get_task_comm(buf, tsk) __get_task_comm(buf, sizeof(buf), tsk)

/* Reference counting (kernel/fork.c). */
static inline struct task_struct *get_task_struct(struct task_struct *t)
{
	atomic_inc(&t->usage);
	return t;
}

void __put_task_struct(struct task_struct *t);

static inline void put_task_struct(struct task_struct *t)
{
	if (atomic_dec_and_test(&t->usage))
		__put_task_struct(t);
}

static inline void task_lock(struct task_struct *p)
{
	spin_lock(&p->alloc_lock);
}

static inline void task_unlock(struct task_struct *p)
{
	spin_unlock(&p->alloc_lock);
}

#endif /* _LINUX_SCHED_H */
