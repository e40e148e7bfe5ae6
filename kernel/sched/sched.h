/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The scheduler's internals: run queues and scheduling classes.
 *
 * Each CPU has one struct rq. A task that can run (TASK_RUNNING, or
 * preempted before it finished going to sleep) is "on the run queue" of
 * exactly one CPU (p->on_rq, p->cpu). The rq holds one sub-queue per
 * scheduling class; schedule() asks the classes in priority order,
 *	rt (SCHED_FIFO/RR) > fair (SCHED_NORMAL) > idle,
 * for the next task. rq->lock protects everything in the rq and the
 * scheduling fields of the tasks on it; it is taken with interrupts off.
 *
 * Nothing here knows how tasks are created: kernel/fork.c calls
 * sched_fork() and wake_up_new_task(), kernel/exit.c do_task_dead().
 * Linux: kernel/sched/sched.h
 */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

#include <linux/jiffies.h>
#include <linux/lockdep.h>
#include <linux/rbtree.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/sched/rt.h>
#include <linux/spinlock.h>

struct rq;

/* enqueue/dequeue flags */
#define ENQUEUE_WAKEUP		0x01	/* the task was sleeping */
#define ENQUEUE_NEW		0x02	/* first enqueue, from wake_up_new_task() */
#define ENQUEUE_NOCLOCK		0x08	/* the caller updated rq->clock under this lock hold */
#define DEQUEUE_SLEEP		0x01	/* the task goes to sleep */
#define DEQUEUE_NOCLOCK		0x08	/* as ENQUEUE_NOCLOCK */

/* wakeup flags */
#define WF_FORK			0x01	/* wake_up_new_task() */
#define WF_MIGRATED		0x02	/* the load balancer moved it */

struct sched_class {
	void (*enqueue_task)(struct rq *rq, struct task_struct *p, int flags);
	void (*dequeue_task)(struct rq *rq, struct task_struct *p, int flags);
	void (*yield_task)(struct rq *rq);
	/* Should @p, just woken, take the CPU from rq->curr? */
	void (*wakeup_preempt)(struct rq *rq, struct task_struct *p, int flags);
	/* The class's best task, now set as running; NULL if none. */
	struct task_struct *(*pick_next_task)(struct rq *rq);
	/* @p stops running (it may stay queued). */
	void (*put_prev_task)(struct rq *rq, struct task_struct *p);
	/* @p becomes rq->curr without a pick (policy or nice change). */
	void (*set_next_task)(struct rq *rq, struct task_struct *p);
	/* Called every timer tick for the running task. */
	void (*task_tick)(struct rq *rq, struct task_struct *p);
	/* A new task of this class: initial placement. */
	void (*task_fork)(struct task_struct *p);
	/* The CPU to wake @p on, among the ones it may use (p->pi_lock held). */
	int (*select_task_rq)(struct task_struct *p, int prev_cpu, int wake_flags);
	/* @p moves from @src to @dst: convert what is relative to the queue. */
	void (*migrate_task_rq)(struct task_struct *p, struct rq *src, struct rq *dst);
	/* Account the running task's CPU time up to now. */
	void (*update_curr)(struct rq *rq);
	/* @p's weight or priority changed while queued. */
	void (*prio_changed)(struct rq *rq, struct task_struct *p, int oldprio);
	const char *name;
};

extern const struct sched_class rt_sched_class;
extern const struct sched_class fair_sched_class;
extern const struct sched_class idle_sched_class;

/* The fair class's queue: tasks sorted by virtual runtime. */
struct cfs_rq {
	struct rb_root_cached tasks_timeline;	/* queued, not running */
	struct sched_entity *curr;		/* running fair task, or NULL */
	struct sched_entity *skip;		/* yield(): pass over this once */
	unsigned long load;			/* sum of queued + curr weights */
	unsigned int nr_running;		/* including curr */
	u64 min_vruntime;			/* never goes backwards */
};

/* The FIFO/RR class's queue: one list per priority, a bitmap of non-empty. */
struct rt_rq {
	struct list_head queue[MAX_RT_PRIO];
	unsigned long bitmap[2];		/* bit p set: queue[p] non-empty */
	unsigned int rt_nr_running;
};

struct rq {
	/* runqueue lock: guards all of the rq and its tasks' scheduling fields; irqs off */
	raw_spinlock_t lock;
	unsigned int nr_running;
	unsigned long nr_switches;
	struct task_struct *curr;
	struct task_struct *idle;
	u64 clock;				/* sched_clock() at the last update */
	struct cfs_rq cfs;
	struct rt_rq rt;
	int cpu;
	unsigned long ticks;			/* scheduler_tick()s on this CPU */
	unsigned long next_balance;		/* no pulling before (jiffies) */
	unsigned int balance_interval;		/* ticks; doubled while nothing could be pulled */
};

extern struct rq runqueues[NR_CPUS];

#define cpu_rq(cpu)	(&runqueues[(cpu)])
#define this_rq()	cpu_rq(smp_processor_id())
#define task_rq(p)	cpu_rq(task_cpu(p))

/* WARN unless the current task holds @rq's lock. Linux: lockdep_assert_rq_held() */
#define lockdep_assert_rq_held(rq)	lockdep_assert_held(&(rq)->lock)

static inline void update_rq_clock(struct rq *rq)
{
	u64 now = sched_clock();

	lockdep_assert_rq_held(rq);

	if ((s64)(now - rq->clock) > 0)
		rq->clock = now;
}

static inline bool rt_policy(int policy)
{
	return policy == SCHED_FIFO || policy == SCHED_RR;
}

static inline bool task_has_rt_policy(const struct task_struct *p)
{
	return rt_policy(p->policy);
}

void resched_curr(struct rq *rq);
void activate_task(struct rq *rq, struct task_struct *p, int flags);
void deactivate_task(struct rq *rq, struct task_struct *p, int flags);
void wakeup_preempt(struct rq *rq, struct task_struct *p, int flags);
void set_task_cpu(struct task_struct *p, unsigned int new_cpu);
bool is_cpu_allowed(struct task_struct *p, int cpu);
void double_rq_lock(struct rq *rq1, struct rq *rq2);
void double_rq_unlock(struct rq *rq1, struct rq *rq2);
/* fair.c: the load balancer */
int newidle_balance(struct rq *this_rq);
void trigger_load_balance(struct rq *rq);

/* Is @cpu running its idle task with nothing queued? (racy: a hint) Linux: idle_cpu() */
static inline bool idle_cpu(int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	return READ_ONCE(rq->curr) == rq->idle && READ_ONCE(rq->nr_running) == 0;
}
void add_nr_running(struct rq *rq, unsigned int n);
void sub_nr_running(struct rq *rq, unsigned int n);
void init_cfs_rq(struct cfs_rq *cfs_rq);
void init_rt_rq(struct rt_rq *rt_rq);
void set_load_weight(struct task_struct *p);
struct rq *task_rq_lock(struct task_struct *p, unsigned long *flags);
void task_rq_unlock(struct rq *rq, struct task_struct *p, unsigned long flags);

/* SCHED_RR's time slice, RR_TIMESLICE, is in <linux/sched/rt.h> (tests use it too). */

/* Fair-class tunables (fair.c), in ns. */
extern unsigned int sysctl_sched_latency;
extern unsigned int sysctl_sched_min_granularity;
extern unsigned int sysctl_sched_wakeup_granularity;
extern const int sched_prio_to_weight[40];

#define NICE_0_LOAD	1024

#endif /* _KERNEL_SCHED_SCHED_H */
