// SPDX-License-Identifier: GPL-2.0
/*
 * The real-time class: SCHED_FIFO and SCHED_RR. A strict priority
 * scheduler above the fair class: the highest-priority runnable RT task
 * always runs. FIFO tasks run until they block or yield; RR tasks of the
 * same priority take turns every RR_TIMESLICE.
 * One list per priority (prio 0 is the highest, 99 the lowest RT) and a
 * bitmap of non-empty lists make the pick O(1).
 * Locking: everything under rq->lock.
 * Linux: kernel/sched/rt.c (without group scheduling or RT throttling)
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include "sched.h"

/**
 * init_rt_rq - an empty real-time run queue: no task at any priority
 * @rt_rq: the queue (part of a struct rq)
 * Linux: init_rt_rq() in kernel/sched/rt.c
 */
void init_rt_rq(struct rt_rq *rt_rq)
{
	for (int i = 0; i < MAX_RT_PRIO; i++)
		INIT_LIST_HEAD(&rt_rq->queue[i]);
	rt_rq->bitmap[0] = rt_rq->bitmap[1] = 0;
	rt_rq->rt_nr_running = 0;
}

static void rt_set_bit(struct rt_rq *rt_rq, int prio)
{
	rt_rq->bitmap[prio / 64] |= 1UL << (prio % 64);
}

static void rt_clear_bit_if_empty(struct rt_rq *rt_rq, int prio)
{
	if (list_empty(&rt_rq->queue[prio]))
		rt_rq->bitmap[prio / 64] &= ~(1UL << (prio % 64));
}

static int rt_first_prio(struct rt_rq *rt_rq)
{
	if (rt_rq->bitmap[0])
		return __builtin_ctzl(rt_rq->bitmap[0]);
	if (rt_rq->bitmap[1])
		return 64 + __builtin_ctzl(rt_rq->bitmap[1]);
	return -1;
}

static void enqueue_task_rt(struct rq *rq, struct task_struct *p, int flags)
{
	struct rt_rq *rt_rq = &rq->rt;

	list_add_tail(&p->rt.run_list, &rt_rq->queue[p->prio]);
	rt_set_bit(rt_rq, p->prio);
	p->rt.on_rq = 1;
	rt_rq->rt_nr_running++;
	add_nr_running(rq, 1);
}

static void dequeue_task_rt(struct rq *rq, struct task_struct *p, int flags)
{
	struct rt_rq *rt_rq = &rq->rt;

	list_del_init(&p->rt.run_list);
	rt_clear_bit_if_empty(rt_rq, p->prio);
	p->rt.on_rq = 0;
	rt_rq->rt_nr_running--;
	sub_nr_running(rq, 1);
}

/* Move the running task to the end of its priority's list. */
static void requeue_task_rt(struct rq *rq, struct task_struct *p)
{
	if (p->rt.on_rq)
		list_move_tail(&p->rt.run_list, &rq->rt.queue[p->prio]);
}

static void yield_task_rt(struct rq *rq)
{
	requeue_task_rt(rq, rq->curr);
}

static void wakeup_preempt_rt(struct rq *rq, struct task_struct *p, int flags)
{
	if (p->prio < rq->curr->prio)
		resched_curr(rq);
}

static void set_next_task_rt(struct rq *rq, struct task_struct *p)
{
	p->se.exec_start = rq->clock;
}

static struct task_struct *pick_next_task_rt(struct rq *rq)
{
	int prio = rt_first_prio(&rq->rt);
	struct task_struct *p;

	if (prio < 0)
		return NULL;
	p = list_first_entry(&rq->rt.queue[prio], struct task_struct, rt.run_list);
	set_next_task_rt(rq, p);
	return p;
}

static void update_curr_rt(struct rq *rq)
{
	struct task_struct *curr = rq->curr;
	s64 delta = rq->clock - curr->se.exec_start;

	if (delta > 0) {
		curr->se.sum_exec_runtime += delta;
		curr->se.exec_start = rq->clock;
	}
}

static void put_prev_task_rt(struct rq *rq, struct task_struct *p)
{
	update_curr_rt(rq);
}

/* Only SCHED_RR is time-sliced; FIFO runs until it gives up the CPU. */
static void task_tick_rt(struct rq *rq, struct task_struct *p)
{
	update_curr_rt(rq);
	if (p->policy != SCHED_RR)
		return;
	if (--p->rt.time_slice)
		return;
	p->rt.time_slice = RR_TIMESLICE;
	if (!list_is_singular(&rq->rt.queue[p->prio])) {
		requeue_task_rt(rq, p);
		resched_curr(rq);
	}
}

/*
 * Where to wake an RT task: its previous CPU unless an RT task of higher
 * or equal priority runs there; then any allowed CPU whose running task
 * it would preempt (idle or fair first of all). Unlocked reads: a hint.
 * Linux: select_task_rq_rt() / find_lowest_rq() (much simplified: no
 * cpupri, no push/pull of queued RT tasks)
 */
static int select_task_rq_rt(struct task_struct *p, int prev_cpu, int wake_flags)
{
	int cpu;

	if (is_cpu_allowed(p, prev_cpu) &&
	    READ_ONCE(cpu_rq(prev_cpu)->curr)->prio > p->prio)
		return prev_cpu;
	for_each_cpu(cpu, &p->cpus_mask)
		if (is_cpu_allowed(p, cpu) && READ_ONCE(cpu_rq(cpu)->curr)->prio > p->prio)
			return cpu;
	return prev_cpu;
}

const struct sched_class rt_sched_class = {
	.name = "rt",
	.enqueue_task = enqueue_task_rt,
	.dequeue_task = dequeue_task_rt,
	.yield_task = yield_task_rt,
	.wakeup_preempt = wakeup_preempt_rt,
	.pick_next_task = pick_next_task_rt,
	.put_prev_task = put_prev_task_rt,
	.set_next_task = set_next_task_rt,
	.task_tick = task_tick_rt,
	.update_curr = update_curr_rt,
	.select_task_rq = select_task_rq_rt,
};
