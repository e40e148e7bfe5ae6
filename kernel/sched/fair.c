// SPDX-License-Identifier: GPL-2.0
/*
 * The fair class (SCHED_NORMAL): CFS, the Completely Fair Scheduler.
 *
 * Every task accumulates virtual runtime: real CPU time scaled by
 * NICE_0_LOAD / weight, so a heavier (lower nice) task's clock runs
 * slower. The task with the smallest vruntime runs next; over time every
 * task's share of the CPU is weight / total weight. Nice levels are about
 * 10% CPU apart because each weight is 1.25 times the next.
 *
 * Why CFS and not EEVDF (Linux's fair class since 6.6): both rest on the
 * same weighted vruntime, which is what this lab is about; EEVDF changes
 * only the pick rule (earliest virtual deadline among eligible tasks) to
 * bound latency better. CFS's rule, "smallest vruntime first", is one
 * line a student can check in GDB; EEVDF's needs lag and eligibility.
 *
 * The running task is not in the tree (as in Linux): put_prev_task() puts
 * it back, set_next_task() takes the next one out.
 * Locking: everything under rq->lock.
 * Linux: kernel/sched/fair.c (CFS as of v6.5)
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include "sched.h"

/* Target period in which every runnable task runs once, and its floor. */
unsigned int sysctl_sched_latency = 6000000;		/* 6 ms */
unsigned int sysctl_sched_min_granularity = 750000;	/* 0.75 ms */
/* A waking task preempts only if it is this much (weighted) behind. */
unsigned int sysctl_sched_wakeup_granularity = 1000000;	/* 1 ms */

/*
 * Weight per nice level, -20..19: 1024 at nice 0, each step a factor of
 * about 1.25 (Linux's table, whose values are that rule, rounded).
 */
const int sched_prio_to_weight[40] = {
	88761, 71755, 56483, 46273, 36291,
	29154, 23254, 18705, 14949, 11916,
	9548, 7620, 6100, 4904, 3906,
	3121, 2501, 1991, 1586, 1277,
	1024, 820, 655, 526, 423,
	335, 272, 215, 172, 137,
	110, 87, 70, 56, 45,
	36, 29, 23, 18, 15,
};

static inline struct task_struct *task_of(struct sched_entity *se)
{
	return container_of(se, struct task_struct, se);
}

/**
 * set_load_weight - @p's weight from its nice value
 * @p: the task, its static_prio already set
 * Linux: set_load_weight()
 */
void set_load_weight(struct task_struct *p)
{
	int idx = p->static_prio - MAX_RT_PRIO;

	p->se.weight = sched_prio_to_weight[clamp(idx, 0, 39)];
}

/**
 * init_cfs_rq - an empty CFS run queue
 * @cfs_rq: the queue (part of a struct rq)
 * Linux: init_cfs_rq() in kernel/sched/fair.c
 */
void init_cfs_rq(struct cfs_rq *cfs_rq)
{
	cfs_rq->tasks_timeline = RB_ROOT_CACHED;
	cfs_rq->min_vruntime = 0;
}

/* delta real ns -> delta virtual ns for @se. Linux: calc_delta_fair() */
static u64 calc_delta_fair(u64 delta, struct sched_entity *se)
{
	/* LAB 3: calc_delta_fair */
	if (se->weight == NICE_0_LOAD)
		return delta;
	return delta * NICE_0_LOAD / se->weight;
}

static bool entity_before(struct rb_node *a, const struct rb_node *b)
{
	const struct sched_entity *sa = rb_entry(a, struct sched_entity, run_node);
	const struct sched_entity *sb = rb_entry(b, struct sched_entity, run_node);

	return (s64)(sa->vruntime - sb->vruntime) < 0;
}

/* min_vruntime follows the smallest vruntime, but never goes back. */
static void update_min_vruntime(struct cfs_rq *cfs_rq)
{
	struct rb_node *left = rb_first_cached(&cfs_rq->tasks_timeline);
	u64 v = cfs_rq->min_vruntime;
	bool have = false;

	if (cfs_rq->curr) {
		v = cfs_rq->curr->vruntime;
		have = true;
	}
	if (left) {
		u64 lv = rb_entry(left, struct sched_entity, run_node)->vruntime;

		v = have && (s64)(v - lv) < 0 ? v : lv;
	}
	if ((s64)(v - cfs_rq->min_vruntime) > 0)
		cfs_rq->min_vruntime = v;
}

/* Charge the running task for the time since it was last charged. */
static void update_curr_fair(struct rq *rq)
{
	struct cfs_rq *cfs_rq = &rq->cfs;
	struct sched_entity *curr = cfs_rq->curr;
	s64 delta;

	if (!curr)
		return;
	delta = rq->clock - curr->exec_start;
	if (delta <= 0)
		return;
	curr->exec_start = rq->clock;
	curr->sum_exec_runtime += delta;
	curr->vruntime += calc_delta_fair(delta, curr);
	update_min_vruntime(cfs_rq);
}

/*
 * The real time @se should get per period: its weight's share of a
 * period that grows with the number of tasks so slices stay above the
 * minimum granularity. Linux: sched_slice()
 */
static u64 sched_slice(struct cfs_rq *cfs_rq, struct sched_entity *se)
{
	u64 period = sysctl_sched_latency;
	unsigned long load = cfs_rq->load;

	if (cfs_rq->nr_running > sysctl_sched_latency / sysctl_sched_min_granularity)
		period = (u64)cfs_rq->nr_running * sysctl_sched_min_granularity;
	if (!se->on_rq)
		load += se->weight;
	return load ? period * se->weight / load : period;
}

/*
 * Where a task enters the timeline. A new task (its vruntime its parent's,
 * task_fork_fair()) starts at least one slice after min_vruntime: it must
 * not starve the others by starting at 0, and it never starts ahead of
 * its parent, or forking would be a way to the CPU. A waking sleeper gets
 * at most half a latency of credit, so sleeping cannot bank CPU time.
 * Either way a task is never moved backwards.
 * Linux: place_entity() (CFS version, 6.1)
 */
static void place_entity(struct cfs_rq *cfs_rq, struct sched_entity *se, bool initial)
{
	/* LAB 3: place_entity */
	u64 vruntime = cfs_rq->min_vruntime;

	if (initial)
		vruntime += calc_delta_fair(sched_slice(cfs_rq, se), se);
	else
		vruntime -= sysctl_sched_latency / 2;
	if ((s64)(vruntime - se->vruntime) > 0)
		se->vruntime = vruntime;
}

static void __enqueue_entity(struct cfs_rq *cfs_rq, struct sched_entity *se)
{
	rb_add_cached(&se->run_node, &cfs_rq->tasks_timeline, entity_before);
}

static void __dequeue_entity(struct cfs_rq *cfs_rq, struct sched_entity *se)
{
	rb_erase_cached(&se->run_node, &cfs_rq->tasks_timeline);
	RB_CLEAR_NODE(&se->run_node);
}

static void enqueue_task_fair(struct rq *rq, struct task_struct *p, int flags)
{
	struct cfs_rq *cfs_rq = &rq->cfs;
	struct sched_entity *se = &p->se;

	update_curr_fair(rq);
	if (flags & ENQUEUE_WAKEUP)
		place_entity(cfs_rq, se, false);
	if (cfs_rq->curr != se)
		__enqueue_entity(cfs_rq, se);
	se->on_rq = 1;
	cfs_rq->load += se->weight;
	cfs_rq->nr_running++;
	add_nr_running(rq, 1);
}

static void dequeue_task_fair(struct rq *rq, struct task_struct *p, int flags)
{
	struct cfs_rq *cfs_rq = &rq->cfs;
	struct sched_entity *se = &p->se;

	update_curr_fair(rq);
	if (cfs_rq->skip == se)
		cfs_rq->skip = NULL;
	if (cfs_rq->curr != se)
		__dequeue_entity(cfs_rq, se);
	se->on_rq = 0;
	cfs_rq->load -= se->weight;
	cfs_rq->nr_running--;
	sub_nr_running(rq, 1);
	update_min_vruntime(cfs_rq);
}

static void set_next_task_fair(struct rq *rq, struct task_struct *p)
{
	struct cfs_rq *cfs_rq = &rq->cfs;
	struct sched_entity *se = &p->se;

	if (se->on_rq && !RB_EMPTY_NODE(&se->run_node))
		__dequeue_entity(cfs_rq, se);
	se->exec_start = rq->clock;
	se->prev_sum_exec_runtime = se->sum_exec_runtime;
	cfs_rq->curr = se;
}

static struct task_struct *pick_next_task_fair(struct rq *rq)
{
	struct cfs_rq *cfs_rq = &rq->cfs;
	struct rb_node *left = rb_first_cached(&cfs_rq->tasks_timeline);
	struct sched_entity *se;

	if (!left)
		return NULL;
	se = rb_entry(left, struct sched_entity, run_node);
	/* yield(): skip the yielder once if anyone else is waiting. */
	if (se == cfs_rq->skip) {
		struct rb_node *second = rb_next(left);

		if (second)
			se = rb_entry(second, struct sched_entity, run_node);
		cfs_rq->skip = NULL;
	}
	set_next_task_fair(rq, task_of(se));
	return task_of(se);
}

static void put_prev_task_fair(struct rq *rq, struct task_struct *p)
{
	struct cfs_rq *cfs_rq = &rq->cfs;
	struct sched_entity *se = &p->se;

	if (cfs_rq->curr != se)
		return;
	update_curr_fair(rq);
	cfs_rq->curr = NULL;
	if (se->on_rq)
		__enqueue_entity(cfs_rq, se);
}

static void yield_task_fair(struct rq *rq)
{
	if (rq->cfs.nr_running > 1)
		rq->cfs.skip = &rq->curr->se;
}

/*
 * Tick: preempt the running task once it had its slice, or when the
 * leftmost waiting task is more than a slice of vruntime behind it.
 * Linux: check_preempt_tick() (CFS)
 */
static void task_tick_fair(struct rq *rq, struct task_struct *curr)
{
	struct cfs_rq *cfs_rq = &rq->cfs;
	struct sched_entity *se = &curr->se;
	struct rb_node *left;
	u64 ideal, ran;

	update_curr_fair(rq);
	if (cfs_rq->nr_running < 2)
		return;
	ideal = sched_slice(cfs_rq, se);
	ran = se->sum_exec_runtime - se->prev_sum_exec_runtime;
	if (ran > ideal) {
		resched_curr(rq);
		return;
	}
	left = rb_first_cached(&cfs_rq->tasks_timeline);
	if (left && ran >= sysctl_sched_min_granularity &&
	    (s64)(se->vruntime - rb_entry(left, struct sched_entity, run_node)->vruntime) > (s64)ideal)
		resched_curr(rq);
}

/*
 * A woken fair task preempts the running fair task if it is more than
 * the wakeup granularity (in the waker's virtual time) behind it.
 * Linux: check_preempt_wakeup() (CFS)
 */
static void wakeup_preempt_fair(struct rq *rq, struct task_struct *p, int flags)
{
	struct sched_entity *curr = &rq->curr->se, *se = &p->se;
	s64 vdiff;

	update_curr_fair(rq);
	vdiff = curr->vruntime - se->vruntime;
	if (vdiff > (s64)calc_delta_fair(sysctl_sched_wakeup_granularity, se))
		resched_curr(rq);
}

/*
 * A new task: it starts from its parent's vruntime when the parent is the
 * fair task running here, and place_entity() then puts it no earlier than
 * one slice after min_vruntime. (Linux also subtracts min_vruntime here
 * and adds the target queue's back when the child is enqueued; Spindle
 * renormalises on migration instead, migrate_task_rq_fair().)
 * Linux: task_fork_fair() (without sysctl_sched_child_runs_first)
 */
static void task_fork_fair(struct task_struct *p)
{
	struct rq *rq = task_rq(p);	/* the parent's CPU: sched_fork() put it there */
	struct cfs_rq *cfs_rq = &rq->cfs;
	struct sched_entity *curr;
	unsigned long flags;

	raw_spin_lock_irqsave(&rq->lock, flags);
	update_rq_clock(rq);
	curr = cfs_rq->curr;
	if (curr) {
		update_curr_fair(rq);
		p->se.vruntime = curr->vruntime;
	}
	place_entity(cfs_rq, &p->se, true);
	raw_spin_unlock_irqrestore(&rq->lock, flags);
}

/*
 * Where to wake a fair task: an idle CPU it may use, preferring the one
 * it ran on (its cache is warm there) and then the waker's; if none is
 * idle, the allowed CPU with the fewest runnable tasks. The reads of
 * other CPUs' queues are unlocked hints: a wrong guess costs balance,
 * never correctness. Linux: select_task_rq_fair() (much simplified: no
 * scheduling domains, no wake_affine heuristics)
 */
static int select_task_rq_fair(struct task_struct *p, int prev_cpu, int wake_flags)
{
	int this_cpu = smp_processor_id(), cpu, best = -1;
	unsigned int least = ~0U;

	if (is_cpu_allowed(p, prev_cpu) && idle_cpu(prev_cpu))
		return prev_cpu;
	if (is_cpu_allowed(p, this_cpu) && idle_cpu(this_cpu))
		return this_cpu;
	for_each_cpu(cpu, &p->cpus_mask) {
		unsigned int nr;

		if (!is_cpu_allowed(p, cpu))
			continue;
		if (idle_cpu(cpu))
			return cpu;
		nr = READ_ONCE(cpu_rq(cpu)->nr_running);
		if (nr < least || (nr == least && cpu == prev_cpu)) {
			least = nr;
			best = cpu;
		}
	}
	return best >= 0 ? best : prev_cpu;
}

/*
 * vruntime only means something relative to its queue's min_vruntime:
 * carry the distance over, not the number. (min_vruntime of @src may be
 * read without its lock here: a 64-bit load does not tear, and a value
 * a moment old only shifts the task by that moment.)
 * Linux: migrate_task_rq_fair() + the min_vruntime renormalisation of
 * enqueue/dequeue (CFS before v6.6)
 */
static void migrate_task_rq_fair(struct task_struct *p, struct rq *src, struct rq *dst)
{
	p->se.vruntime = p->se.vruntime - READ_ONCE(src->cfs.min_vruntime) +
			 READ_ONCE(dst->cfs.min_vruntime);
}

/*
 * Load balancing, in its simplest form.
 *
 * Each CPU only ever runs tasks from its own run queue, so without help
 * one CPU may have several runnable tasks while another idles. Two
 * mechanisms move fair tasks between queues, always by *pulling* (the
 * CPU that wants work takes it, so it never needs to interrupt the busy
 * one):
 *   - newidle_balance(): a CPU about to run its idle task looks for the
 *     busiest other queue and pulls one queued (not running) task;
 *   - trigger_load_balance(), from the tick: an idle CPU that sees a
 *     queue with two or more runnable tasks reschedules itself (and so
 *     reaches newidle_balance()); a busy CPU, every BALANCE_INTERVAL
 *     ticks, pulls one task from a queue with at least two more
 *     runnable tasks than its own.
 * A task is only moved to a CPU its mask allows, never while it runs
 * (rq->curr, or still switching out: on_cpu), and under both rq locks,
 * as TASK_ON_RQ_MIGRATING (deactivate_task()). Linux's load balancer
 * (load_balance(), scheduling domains, load averages) weighs far more;
 * this keeps its two entry points and the rule that work is pulled.
 */
#define BALANCE_INTERVAL	4	/* ticks between a busy CPU's checks */

/* The other online CPU with the most runnable tasks, at least @min. */
static struct rq *find_busiest_queue(struct rq *this_rq, unsigned int min)
{
	struct rq *busiest = NULL;
	int cpu;

	for_each_online_cpu(cpu) {
		struct rq *rq = cpu_rq(cpu);
		unsigned int nr = READ_ONCE(rq->nr_running);

		if (rq == this_rq || READ_ONCE(rq->cfs.nr_running) < 1)
			continue;
		if (nr >= min) {
			min = nr + 1;
			busiest = rq;
		}
	}
	return busiest;
}

static bool can_migrate_task(struct task_struct *p, struct rq *src, int dst_cpu)
{
	if (src->curr == p || READ_ONCE(p->on_cpu))
		return false;
	return is_cpu_allowed(p, dst_cpu);
}

/*
 * Move one queued fair task from @src to @dst, both locked; the one
 * furthest right in the timeline (it would wait longest). Return: the
 * task, or NULL. Linux: detach_one_task() + attach_one_task()
 */
static struct task_struct *pull_one_task(struct rq *dst, struct rq *src)
{
	struct rb_node *node = rb_last(&src->cfs.tasks_timeline.rb_root);

	for (; node; node = rb_prev(node)) {
		struct task_struct *p = task_of(rb_entry(node, struct sched_entity, run_node));

		if (!can_migrate_task(p, src, dst->cpu))
			continue;
		deactivate_task(src, p, 0);
		set_task_cpu(p, dst->cpu);
		activate_task(dst, p, 0);
		return p;
	}
	return NULL;
}

/*
 * After a pull that found nothing it may move (every waiting task pinned
 * there: per-CPU kthreads, bound threads), wait twice as long before the
 * next try, up to MAX_BALANCE_INTERVAL ticks; a pull that worked resets
 * the wait. Without it each idle CPU takes the busy CPU's rq lock every
 * tick for nothing, and on an oversubscribed host (TCG vCPUs on fewer
 * cores) that convoy can starve the busy CPU's own tick for seconds.
 * Linux: the sched domain's balance_interval, doubled when all tasks
 * were pinned (LBF_ALL_PINNED in load_balance()).
 */
#define MAX_BALANCE_INTERVAL	16

static void balance_backoff(struct rq *rq, bool pulled)
{
	unsigned int interval = READ_ONCE(rq->balance_interval);

	interval = pulled ? 1 : min_t(unsigned int, interval ? 2 * interval : 2,
				      MAX_BALANCE_INTERVAL);
	WRITE_ONCE(rq->balance_interval, interval);
	WRITE_ONCE(rq->next_balance, jiffies + (pulled ? 0 : interval));
}

/**
 * newidle_balance - this CPU is about to go idle: pull a task if any waits
 * @this_rq: this CPU's run queue, locked (from __schedule())
 *
 * The lock is dropped while the two queues are locked in order, so
 * tasks may have arrived here meanwhile; the caller picks afterwards.
 * Return: 1 if a task was pulled.
 * Linux: newidle_balance()
 */
int newidle_balance(struct rq *this_rq)
{
	struct rq *busiest;
	struct task_struct *p = NULL;

	if (time_before(jiffies, READ_ONCE(this_rq->next_balance)))
		return 0;
	busiest = find_busiest_queue(this_rq, 2);
	/* A CPU going down (inactive) takes no more work. */
	if (!busiest || !cpu_active(this_rq->cpu))
		return 0;
	/*
	 * __schedule() holds this lock with its own preempt count: raw ops,
	 * annotated for the validator as double_rq_lock() is (the second of
	 * the two run queues at SINGLE_DEPTH_NESTING).
	 */
	spin_release(&this_rq->lock.dep_map, _THIS_IP_);
	do_raw_spin_unlock(&this_rq->lock);
	if (busiest < this_rq) {
		do_raw_spin_lock(&busiest->lock);
		spin_acquire(&busiest->lock.dep_map, 0, 0, _THIS_IP_);
		do_raw_spin_lock(&this_rq->lock);
		spin_acquire(&this_rq->lock.dep_map, SINGLE_DEPTH_NESTING, 0, _THIS_IP_);
	} else {
		do_raw_spin_lock(&this_rq->lock);
		spin_acquire(&this_rq->lock.dep_map, 0, 0, _THIS_IP_);
		do_raw_spin_lock(&busiest->lock);
		spin_acquire(&busiest->lock.dep_map, SINGLE_DEPTH_NESTING, 0, _THIS_IP_);
	}
	update_rq_clock(busiest);
	update_rq_clock(this_rq);
	if (busiest->nr_running >= 2)
		p = pull_one_task(this_rq, busiest);
	spin_release(&busiest->lock.dep_map, _THIS_IP_);
	do_raw_spin_unlock(&busiest->lock);
	/* this_rq's lock stays held, as the first of its class again. */
	lock_set_subclass(&this_rq->lock.dep_map, 0, _THIS_IP_);
	balance_backoff(this_rq, p != NULL);
	return p != NULL;
}

/**
 * trigger_load_balance - the tick's part of load balancing
 * @rq: this CPU's run queue (not locked); called with interrupts off
 * Linux: trigger_load_balance() / the SCHED_SOFTIRQ rebalance
 */
void trigger_load_balance(struct rq *rq)
{
	bool idle = READ_ONCE(rq->curr) == rq->idle;
	struct rq *busiest;
	struct task_struct *p = NULL;

	if (!idle && rq->ticks % BALANCE_INTERVAL)
		return;
	if (time_before(jiffies, READ_ONCE(rq->next_balance)))
		return;
	busiest = find_busiest_queue(rq, READ_ONCE(rq->nr_running) + 2);
	if (!busiest)
		return;
	if (idle) {
		/* The idle loop's schedule() pulls (newidle_balance()). */
		set_tsk_need_resched(current);
		set_preempt_need_resched();
		return;
	}
	double_rq_lock(rq, busiest);
	update_rq_clock(busiest);
	update_rq_clock(rq);
	if (busiest->nr_running >= rq->nr_running + 2)
		p = pull_one_task(rq, busiest);
	if (p)
		wakeup_preempt(rq, p, WF_MIGRATED);
	double_rq_unlock(rq, busiest);
	balance_backoff(rq, p != NULL);
}

const struct sched_class fair_sched_class = {
	.name = "fair",
	.enqueue_task = enqueue_task_fair,
	.dequeue_task = dequeue_task_fair,
	.yield_task = yield_task_fair,
	.wakeup_preempt = wakeup_preempt_fair,
	.pick_next_task = pick_next_task_fair,
	.put_prev_task = put_prev_task_fair,
	.set_next_task = set_next_task_fair,
	.task_tick = task_tick_fair,
	.task_fork = task_fork_fair,
	.select_task_rq = select_task_rq_fair,
	.migrate_task_rq = migrate_task_rq_fair,
	.update_curr = update_curr_fair,
};
