// SPDX-License-Identifier: GPL-2.0
/*
 * The core scheduler: schedule(), wakeups, preemption, and the policy and
 * affinity setters. The per-class decisions live in rt.c, fair.c, idle.c.
 *
 * The sleep/wake protocol (see set_current_state() in <linux/sched.h>):
 * a task marks itself sleeping, re-checks its condition, and calls
 * schedule(), which takes it off the run queue unless a wakeup already
 * made it TASK_RUNNING again. try_to_wake_up() sets TASK_RUNNING and puts
 * it back, on a CPU it picks (select_task_rq()). The two sides run on
 * different CPUs and meet through p->pi_lock, p->on_rq, p->on_cpu and
 * the rq locks: try_to_wake_up() explains the order, step by step.
 *
 * Lock order: p->pi_lock, then rq->lock; two rq locks in address order
 * (double_rq_lock()). task_rq_lock() takes both for one task.
 * A task changes CPU (set_task_cpu()) only with its pi_lock held while
 * not queued (a wakeup), or with both rq locks held while queued (a
 * migration: move_queued_task(), the load balancer).
 *
 * preempt_count is per CPU. Every task switches with the same count
 * (schedule's own preempt_disable + rq->lock), and each task's count is
 * saved across its switch, so a bug in one task (scheduling while atomic)
 * cannot leak preemption state into the next.
 * Linux: kernel/sched/core.c
 */
#include <linux/delay.h>
#include <linux/hardirq.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/hotplug.h>
#include <linux/sched/debug.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/smp.h>
#include <linux/stop_machine.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/sched/mm.h>
#include <asm/desc.h>
#include <asm/pgtable.h>
#include <asm/switch_to.h>
#include <trace/events/sched.h>
#include "sched.h"

struct rq runqueues[NR_CPUS];
static struct cpumask cpu_bit_masks[NR_CPUS];

/* "BUG: scheduling while atomic" reports since boot (tests read it). */
int sched_atomic_bug_count;

/* The count each task switches with: schedule()'s and rq->lock's. */
#define SWITCH_PREEMPT_COUNT	2

/**
 * cpumask_of - the mask holding only @cpu
 * @cpu: 0..NR_CPUS-1
 * Return: a constant mask.
 * Linux: cpumask_of()
 */
const struct cpumask *cpumask_of(int cpu)
{
	return &cpu_bit_masks[cpu];
}

static bool task_on_rq_migrating(const struct task_struct *p)
{
	return READ_ONCE(p->on_rq) == TASK_ON_RQ_MIGRATING;
}

/*
 * Lock the rq @p is on, the caller holding p->pi_lock or knowing @p
 * cannot be woken. @p may move until its rq is locked, and is between
 * two rqs while TASK_ON_RQ_MIGRATING: re-check, wait. Interrupts must be
 * off. Linux: __task_rq_lock()
 */
static struct rq *__task_rq_lock(struct task_struct *p)
{
	struct rq *rq;

	for (;;) {
		rq = task_rq(p);
		raw_spin_lock(&rq->lock);
		if (rq == task_rq(p) && !task_on_rq_migrating(p))
			return rq;
		raw_spin_unlock(&rq->lock);
		while (task_on_rq_migrating(p))
			cpu_relax();
	}
}

/**
 * task_rq_lock - lock @p's pi_lock and the run queue it is on
 * @p: the task
 * @flags: saved interrupt state
 *
 * With both held, @p can neither be woken, nor migrate, nor change state
 * under us.
 * Return: the rq, locked.
 * Linux: task_rq_lock()
 */
struct rq *task_rq_lock(struct task_struct *p, unsigned long *flags)
{
	struct rq *rq;

	raw_spin_lock_irqsave(&p->pi_lock, *flags);
	rq = __task_rq_lock(p);
	return rq;
}

/**
 * task_rq_unlock - undo task_rq_lock()
 * @rq: the rq it returned
 * @p: the task
 * @flags: the saved interrupt state
 * Linux: task_rq_unlock()
 */
void task_rq_unlock(struct rq *rq, struct task_struct *p, unsigned long flags)
{
	raw_spin_unlock(&rq->lock);
	raw_spin_unlock_irqrestore(&p->pi_lock, flags);
}

/**
 * double_rq_lock - lock two run queues, in address order
 * @rq1: one
 * @rq2: the other (may be @rq1)
 *
 * A fixed order, so two CPUs locking the same pair cannot deadlock.
 * Interrupts must be off.
 * Linux: double_rq_lock()
 */
void double_rq_lock(struct rq *rq1, struct rq *rq2)
{
	if (rq1 == rq2) {
		raw_spin_lock(&rq1->lock);
		return;
	}
	if (rq1 > rq2) {
		struct rq *t = rq1;

		rq1 = rq2;
		rq2 = t;
	}
	raw_spin_lock(&rq1->lock);
	/* One lock class for every rq->lock: the second is a nesting level down. */
	raw_spin_lock_nested(&rq2->lock, SINGLE_DEPTH_NESTING);
}

/**
 * double_rq_unlock - undo double_rq_lock()
 * @rq1: one
 * @rq2: the other
 * Linux: double_rq_unlock()
 */
void double_rq_unlock(struct rq *rq1, struct rq *rq2)
{
	raw_spin_unlock(&rq1->lock);
	if (rq1 != rq2)
		raw_spin_unlock(&rq2->lock);
}

/**
 * resched_curr - ask rq->curr to call schedule() soon
 * @rq: the run queue (locked)
 *
 * Sets TIF_NEED_RESCHED; the next preempt_enable(), interrupt exit or
 * cond_resched() acts on it. A task running on another CPU does not
 * look at its flags until something interrupts it: that CPU gets a
 * reschedule IPI, whose exit path preempts (or wakes the idle loop).
 * Linux: resched_curr()
 */
void resched_curr(struct rq *rq)
{
	struct task_struct *curr = rq->curr;

	lockdep_assert_rq_held(rq);
	if (test_ti_thread_flag(&curr->thread_info, TIF_NEED_RESCHED))
		return;		/* already asked; an IPI, if needed, is on its way */
	set_tsk_need_resched(curr);
	if (rq->cpu == smp_processor_id()) {
		set_preempt_need_resched();	/* curr is current: fold it now */
		return;
	}
	/* The flag before the IPI: the handler's exit path reads it. */
	smp_mb();
	smp_send_reschedule(rq->cpu);
}

/**
 * add_nr_running - count @n more runnable tasks on @rq
 * @rq: the run queue, locked
 * @n: how many were enqueued
 *
 * The class's enqueue_task() calls it; nr_running is what load and idle
 * decisions read.
 * Linux: add_nr_running() in kernel/sched/sched.h
 */
void add_nr_running(struct rq *rq, unsigned int n)
{
	lockdep_assert_rq_held(rq);
	rq->nr_running += n;
}

/**
 * sub_nr_running - count @n fewer runnable tasks on @rq
 * @rq: the run queue, locked
 * @n: how many were dequeued
 * Linux: sub_nr_running() in kernel/sched/sched.h
 */
void sub_nr_running(struct rq *rq, unsigned int n)
{
	lockdep_assert_rq_held(rq);
	rq->nr_running -= n;
}

/*
 * The clock is read once per lock hold: a caller that has just updated
 * it (__schedule()) says so with ENQUEUE_NOCLOCK/DEQUEUE_NOCLOCK, instead
 * of paying for sched_clock() again a few instructions later.
 */
static void enqueue_task(struct rq *rq, struct task_struct *p, int flags)
{
	if (!(flags & ENQUEUE_NOCLOCK))
		update_rq_clock(rq);
	p->sched_class->enqueue_task(rq, p, flags);
}

static void dequeue_task(struct rq *rq, struct task_struct *p, int flags)
{
	if (!(flags & DEQUEUE_NOCLOCK))
		update_rq_clock(rq);
	p->sched_class->dequeue_task(rq, p, flags);
}

/**
 * activate_task - put @p on locked @rq: it becomes runnable there
 * @rq: the run queue
 * @p: the task
 * @flags: ENQUEUE_*
 * Linux: activate_task()
 */
void activate_task(struct rq *rq, struct task_struct *p, int flags)
{
	enqueue_task(rq, p, flags);
	WRITE_ONCE(p->on_rq, TASK_ON_RQ_QUEUED);
}

/**
 * deactivate_task - take @p off locked @rq
 * @rq: its run queue
 * @p: the task
 * @flags: DEQUEUE_SLEEP when it goes to sleep; otherwise it is being
 *	moved to another rq and stays TASK_ON_RQ_MIGRATING until
 *	activate_task() there, so a wakeup meanwhile waits for the move
 *	(__task_rq_lock()) instead of moving it a second time.
 * Linux: deactivate_task()
 */
void deactivate_task(struct rq *rq, struct task_struct *p, int flags)
{
	WRITE_ONCE(p->on_rq, (flags & DEQUEUE_SLEEP) ? 0 : TASK_ON_RQ_MIGRATING);
	dequeue_task(rq, p, flags);
}

/**
 * wakeup_preempt - should @p, just queued on locked @rq, preempt rq->curr?
 * @rq: the run queue
 * @p: the task
 * @flags: WF_*
 * Linux: wakeup_preempt() (check_preempt_curr() in 6.1)
 */
void wakeup_preempt(struct rq *rq, struct task_struct *p, int flags)
{
	const struct sched_class *cur = rq->curr->sched_class;

	if (p->sched_class == cur) {
		cur->wakeup_preempt(rq, p, flags);
		return;
	}
	/* Classes are ordered rt > fair > idle. */
	if (cur == &idle_sched_class ||
	    (cur == &fair_sched_class && p->sched_class == &rt_sched_class))
		resched_curr(rq);
}

/* The prio the task's policy and nice/rt_priority give it. */
static int normal_prio(struct task_struct *p)
{
	if (task_has_rt_policy(p))
		return MAX_RT_PRIO - 1 - p->rt_priority;
	return p->static_prio;
}

static const struct sched_class *class_for(struct task_struct *p)
{
	if (is_idle_task(p))
		return &idle_sched_class;
	return task_has_rt_policy(p) ? &rt_sched_class : &fair_sched_class;
}

/**
 * is_cpu_allowed - may @p run on @cpu now?
 * @p: the task
 * @cpu: the CPU
 *
 * In its mask, and active: a CPU going down is first made inactive
 * (remove_cpu()), and from then on only its per-CPU kthreads (smpboot's,
 * kthread_is_per_cpu()) may still run there, until it is offline.
 * Return: true if so.
 * Linux: is_cpu_allowed()
 */
bool is_cpu_allowed(struct task_struct *p, int cpu)
{
	if (!cpumask_test_cpu(cpu, &p->cpus_mask))
		return false;
	/* Active implies online: the per-CPU kthread question only for a CPU going down. */
	if (cpu_active(cpu))
		return true;
	return (p->flags & PF_KTHREAD) && kthread_is_per_cpu(p) && cpu_online(cpu);
}

/*
 * No CPU of @p's mask may take it (its CPU went down): widen the mask to
 * every CPU and say so, as Linux does. Linux: select_fallback_rq()
 */
static int select_fallback_rq(int cpu, struct task_struct *p)
{
	int dest_cpu;

	for_each_cpu(dest_cpu, &p->cpus_mask)
		if (is_cpu_allowed(p, dest_cpu))
			return dest_cpu;
	cpumask_copy(&p->cpus_mask, cpu_possible_mask);
	p->nr_cpus_allowed = cpumask_weight(&p->cpus_mask);
	dest_cpu = cpumask_any_and(&p->cpus_mask, cpu_active_mask);
	pr_info("process %d (%s) no longer affine to cpu%d\n", task_pid_nr(p), p->comm, cpu);
	return dest_cpu;
}

/*
 * Pick the CPU @p should be woken on: its class decides when it may run
 * on more than one, then the choice is checked against the mask, since
 * the mask may have changed since the class looked. Called with
 * p->pi_lock held. Linux: select_task_rq()
 */
static int select_task_rq(struct task_struct *p, int cpu, int wake_flags)
{
	if (p->nr_cpus_allowed > 1 && p->sched_class->select_task_rq)
		cpu = p->sched_class->select_task_rq(p, cpu, wake_flags);
	else
		cpu = cpumask_any_and(&p->cpus_mask, cpu_active_mask);
	if (cpu >= NR_CPUS || !is_cpu_allowed(p, cpu))
		cpu = select_fallback_rq(task_cpu(p), p);
	return cpu;
}

/**
 * set_task_cpu - move @p to @new_cpu's run queue (the bookkeeping)
 * @p: a task that is not queued (a wakeup, with p->pi_lock held) or
 *     dequeued as TASK_ON_RQ_MIGRATING with both rq locks held
 * @new_cpu: the CPU
 *
 * The class converts what is relative to the old queue (the fair class's
 * vruntime) to the new one.
 * Linux: set_task_cpu()
 */
void set_task_cpu(struct task_struct *p, unsigned int new_cpu)
{
	unsigned int old_cpu = task_cpu(p);

	if (old_cpu == new_cpu)
		return;
	WARN_ON_ONCE(p->on_rq == TASK_ON_RQ_QUEUED);
	if (p->sched_class->migrate_task_rq)
		p->sched_class->migrate_task_rq(p, cpu_rq(old_cpu), cpu_rq(new_cpu));
	trace_sched_migrate_task(p, new_cpu);
	WRITE_ONCE(p->cpu, new_cpu);
	p->wake_cpu = new_cpu;
}

/* Queued @p is runnable: make it RUNNING. Linux: ttwu_do_wakeup() */
static void ttwu_do_wakeup(struct task_struct *p)
{
	WRITE_ONCE(p->__state, TASK_RUNNING);
	trace_sched_wakeup(p);
}

/*
 * @p is still on a run queue (it has not got through schedule() yet,
 * or was preempted on the way): setting it RUNNING is enough, plus the
 * check whether it should preempt the task running there.
 * Return: 1 if that was the case, 0 if @p left its queue meanwhile.
 * Linux: ttwu_runnable()
 */
static int ttwu_runnable(struct task_struct *p, int wake_flags)
{
	struct rq *rq = __task_rq_lock(p);
	int ret = 0;

	if (READ_ONCE(p->on_rq)) {
		/* Running right now, it needs no preemption check. */
		if (rq->curr != p) {
			update_rq_clock(rq);
			wakeup_preempt(rq, p, wake_flags);
		}
		ttwu_do_wakeup(p);
		ret = 1;
	}
	raw_spin_unlock(&rq->lock);
	return ret;
}

/* Queue woken @p on @cpu's run queue. Linux: ttwu_queue() + ttwu_do_activate() */
static void ttwu_queue(struct task_struct *p, int cpu, int wake_flags)
{
	struct rq *rq = cpu_rq(cpu);

	raw_spin_lock(&rq->lock);
	activate_task(rq, p, ENQUEUE_WAKEUP);
	wakeup_preempt(rq, p, wake_flags);
	ttwu_do_wakeup(p);
	raw_spin_unlock(&rq->lock);
}

/**
 * try_to_wake_up - wake @p if its state matches @state
 * @p: the task
 * @state: the states that may be woken (e.g. TASK_NORMAL)
 * @wake_flags: WF_* hints
 *
 * The waker may run on any CPU, and @p may at this moment be running on
 * another, on its way into schedule(). The steps, and why each is safe:
 *
 * 1. Take p->pi_lock: one wakeup of @p at a time. The full barrier after
 *    it pairs with the one in set_current_state(): the waker's store of
 *    the condition is ordered before its load of p->__state, and @p's
 *    store of its state before its load of the condition. So either we
 *    see @p sleeping, or @p sees the condition true and does not sleep.
 * 2. Read p->__state: not in @state, nothing to do.
 * 3. Read p->on_rq (after the state: smp_rmb(), pairing with the rq lock
 *    __schedule() takes before it dequeues). Still queued: @p has not
 *    finished going to sleep; under its rq lock, make it RUNNING
 *    (ttwu_runnable()) and that is all.
 * 4. Not queued: @p is asleep, or still switching away from its CPU
 *    (p->on_cpu stays 1 until finish_task_switch() on that CPU, after
 *    which nothing there touches @p's stack or fields). Mark it
 *    TASK_WAKING (so its state says a wakeup owns it), then wait for
 *    on_cpu to drop: smp_cond_load_acquire() spins, and its acquire
 *    pairs with finish_task_switch()'s store-release, so everything @p's
 *    old CPU did with @p is visible before we move it.
 * 5. Only now may @p change CPU: select_task_rq() picks one its mask
 *    allows, set_task_cpu() moves it, and ttwu_queue() enqueues it under
 *    that CPU's rq lock, makes it RUNNING and asks for preemption there
 *    (an IPI if it is another CPU).
 * Return: 1 if @p was woken (its state was in @state), 0 if not.
 * Linux: try_to_wake_up()
 */
int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags)
{
	unsigned long flags;
	int cpu, success = 0;

	if (p == current) {
		/*
		 * Waking ourselves (an interrupt's wakeup of the task it
		 * interrupted, or a task between set_current_state() and
		 * schedule()): we are on a CPU and queued, so only the state
		 * changes. Linux: the same shortcut in try_to_wake_up()
		 */
		local_irq_save(flags);
		if (READ_ONCE(p->__state) & state) {
			WRITE_ONCE(p->__state, TASK_RUNNING);
			trace_sched_wakeup(p);
			success = 1;
		}
		local_irq_restore(flags);
		return success;
	}

	raw_spin_lock_irqsave(&p->pi_lock, flags);
	smp_mb__after_spinlock();			/* step 1 */
	if (!(READ_ONCE(p->__state) & state))		/* step 2 */
		goto unlock;
	trace_sched_waking(p);
	success = 1;

	smp_rmb();					/* step 3 */
	if (READ_ONCE(p->on_rq) && ttwu_runnable(p, wake_flags))
		goto unlock;

	/* The control dependency on on_rq orders the rest after it. */
	smp_acquire__after_ctrl_dep();
	WRITE_ONCE(p->__state, TASK_WAKING);		/* step 4 */
	smp_cond_load_acquire(&p->on_cpu, !VAL);

	cpu = select_task_rq(p, p->wake_cpu, wake_flags);	/* step 5 */
	if ((int)task_cpu(p) != cpu)
		set_task_cpu(p, cpu);
	ttwu_queue(p, cpu, wake_flags);
unlock:
	raw_spin_unlock_irqrestore(&p->pi_lock, flags);
	return success;
}

/**
 * wake_up_process - wake a task from any sleep but stopped/traced
 * @p: the task
 *
 * Return: 1 if it was sleeping and is now runnable, 0 if it was running.
 * Linux: wake_up_process()
 */
int wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_NORMAL, 0);
}

/**
 * wake_up_state - wake @p only from the sleeping states in @state
 * @p: the task
 * @state: e.g. TASK_INTERRUPTIBLE, TASK_PARKED
 * Return: 1 if woken.
 * Linux: wake_up_state()
 */
int wake_up_state(struct task_struct *p, unsigned int state)
{
	return try_to_wake_up(p, state, 0);
}

/**
 * sched_fork - scheduler setup of a task copy_process() is creating
 * @clone_flags: CLONE_* flags (unused)
 * @p: the new task, not yet visible to anyone
 *
 * @p starts in TASK_NEW on the parent's CPU, inherits the parent's
 * policy but not a boosted priority, and gets its initial place in its
 * class. It is not runnable until wake_up_new_task().
 * Return: 0.
 * Linux: sched_fork()
 */
int sched_fork(unsigned long clone_flags, struct task_struct *p)
{
	p->__state = TASK_NEW;
	p->on_rq = 0;
	p->on_cpu = 0;
	p->prio = current->normal_prio;
	memset(&p->se, 0, sizeof(p->se));
	RB_CLEAR_NODE(&p->se.run_node);
	INIT_LIST_HEAD(&p->rt.run_list);
	p->rt.on_rq = 0;
	/* Whatever class it starts in: it may become SCHED_RR later. */
	p->rt.time_slice = RR_TIMESLICE;
	p->nvcsw = p->nivcsw = 0;
	p->flags &= ~PF_IDLE;
	if (is_idle_task(current)) {
		/* Children of the idle task (init, kthreadd) are normal tasks. */
		p->policy = SCHED_NORMAL;
		p->static_prio = DEFAULT_PRIO;
	}
	p->normal_prio = normal_prio(p);
	p->prio = p->normal_prio;
	p->sched_class = class_for(p);
	set_load_weight(p);
	p->cpu = smp_processor_id();
	p->wake_cpu = p->cpu;
	p->thread.saved_preempt_count = SWITCH_PREEMPT_COUNT;
	if (p->sched_class->task_fork)
		p->sched_class->task_fork(p);
	return 0;
}

/**
 * wake_up_new_task - make a new task runnable for the first time
 * @p: the task copy_process() returned
 *
 * The first place it may run is chosen like a wakeup's (select_task_rq()),
 * within the mask it has now: a thread bound before its first wakeup
 * starts on its CPU. It may preempt the task running there right away if
 * its class says so.
 * Linux: wake_up_new_task()
 */
void wake_up_new_task(struct task_struct *p)
{
	unsigned long flags;
	struct rq *rq;

	raw_spin_lock_irqsave(&p->pi_lock, flags);
	WRITE_ONCE(p->__state, TASK_RUNNING);
	/* Not queued, not running, only reachable by us: it may move freely. */
	set_task_cpu(p, select_task_rq(p, task_cpu(p), WF_FORK));
	rq = __task_rq_lock(p);
	activate_task(rq, p, ENQUEUE_NEW);
	trace_sched_wakeup_new(p);
	wakeup_preempt(rq, p, WF_FORK);
	task_rq_unlock(rq, p, flags);
}

/**
 * __switch_to - the C half of the switch, on @next's stack
 * @prev: the task switched away from
 * @next: the task switched to
 *
 * __switch_to_asm() has swapped the stacks and jumps here: the per-CPU
 * state (current_task, the top of the stack the CPU enters the kernel on)
 * becomes @next's.
 * Return: @prev, which becomes "last" in switch_to().
 * Linux: __switch_to() in arch/x86/kernel/process_64.c
 */
struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next);
struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next)
{
	this_cpu_write_8(current_task, next);
	this_cpu_write_8(top_of_stack, (unsigned long)next->stack + THREAD_SIZE);
	update_task_stack((unsigned long)next->stack + THREAD_SIZE);
	/*
	 * Only a user task has FPU registers to keep (switch_fpu() saves and
	 * loads a task's only if it has an mm), so between two kernel
	 * threads, the fast path, there is no call to make. The stack top
	 * and FS base are written whatever runs next: a kernel thread may
	 * exec a user program (kernel_execve()) without another switch, and
	 * an exiting user task has no mm but still has its FS base loaded.
	 */
	if (prev->mm || next->mm)
		switch_fpu(prev, next);
	x86_fsbase_load(prev, next);
	return prev;
}

/*
 * After the switch, on the new task: prev is off the CPU now, so it may
 * be freed if it was dead; drop the rq lock and turn interrupts back on.
 * Linux: finish_task_switch()
 */
static struct rq *finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	unsigned int prev_state = READ_ONCE(prev->__state);

	/* The validator hears that next took over prev's rq->lock. Linux: finish_lock_switch() */
	spin_acquire(&rq->lock.dep_map, 0, 0, _THIS_IP_);
	/* Only now may another CPU run prev (see try_to_wake_up()). */
	smp_store_release(&prev->on_cpu, 0);
	spin_release(&rq->lock.dep_map, _THIS_IP_);
	do_raw_spin_unlock(&rq->lock);
	local_irq_enable();
	if (unlikely(prev_state == TASK_DEAD)) {
		/* The scheduler's reference: the stack can go now we are off it. */
		put_task_struct(prev);
	}
	return rq;
}

/* Switch from @prev to @next. Called with rq->lock held, irqs off. */
static void context_switch(struct rq *rq, struct task_struct *prev, struct task_struct *next)
{
	lockdep_assert_rq_held(rq);
	lockdep_assert_irqs_disabled();
	WRITE_ONCE(next->on_cpu, 1);
	rq->curr = next;
	rq->nr_switches++;
	trace_sched_switch(prev, next);
	/* The lock is released by next (finish_task_switch): hand it over. Linux: prepare_lock_switch() */
	spin_release(&rq->lock.dep_map, _THIS_IP_);
#if CONFIG_DEBUG_SPINLOCK
	rq->lock.owner = next;
#endif
	prev->thread.saved_preempt_count = preempt_count();
	/* next's count, and the need-resched bit as next's own flag says. */
	this_cpu_write_4(preempt_count, next->thread.saved_preempt_count |
			 (test_tsk_need_resched(next) ? 0 : PREEMPT_NEED_RESCHED));
	/*
	 * A kernel thread borrows the page tables loaded now (lazy TLB: no
	 * CR3 write, the user task's TLB entries survive); a user task gets
	 * its own. Only a running kthread has an active_mm: the lender's mm
	 * may be gone by the time it runs again. Linux: context_switch()
	 */
	if (!next->mm) {
		enter_lazy_tlb(prev->active_mm, next);
		next->active_mm = prev->active_mm;
	} else {
		switch_mm_irqs_off(prev->active_mm, next->mm, next);
	}
	if (!prev->mm)
		prev->active_mm = NULL;
	switch_to(prev, next, prev);
	/* We are next now, and "prev" is whoever ran before us. */
	finish_task_switch(prev);
}

static void schedule_debug(struct task_struct *prev, bool preempt)
{
	/* schedule() itself holds one count; anything more is a bug. */
	if (unlikely(preempt_count() != PREEMPT_OFFSET)) {
		sched_atomic_bug_count++;
		printk_flush();
		pr_err("BUG: scheduling while atomic: %s/%d/0x%08x\n", prev->comm, prev->pid,
		       preempt_count());
		dump_stack();
	}
}

/*
 * The classes are asked in order, rt, fair, idle: the first with a task
 * wins. The fast path, as Linux's: almost always every runnable task here
 * is a fair one. rq->nr_running counts the rt and the fair tasks, and
 * cfs.nr_running the fair ones (the running one included), so when the
 * two are equal no rt task is queued, asking the rt class could only
 * answer "none", and the fair class is asked directly. If it has none
 * either, the queue is empty and the idle task runs. prev is put back
 * first whatever its class (an rt prev still runnable is counted, so it
 * takes the general way). Linux: pick_next_task() / __pick_next_task(),
 * whose fast path also folds the fair put_prev_task() into the pick.
 */
static struct task_struct *pick_next_task(struct rq *rq, struct task_struct *prev)
{
	struct task_struct *p;

	/* About to go idle: try to pull work from a busier CPU first (fair.c). */
	if (!rq->nr_running)
		newidle_balance(rq);
	prev->sched_class->put_prev_task(rq, prev);
	if (likely(rq->nr_running == rq->cfs.nr_running))
		p = fair_sched_class.pick_next_task(rq);
	else
		p = rt_sched_class.pick_next_task(rq) ?: fair_sched_class.pick_next_task(rq);
	return p ?: idle_sched_class.pick_next_task(rq);
}

/*
 * The heart of it. @preempt: involuntary (from an interrupt or
 * preempt_enable()); a preempted task stays queued whatever its state.
 * Linux: __schedule()
 */
static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	struct rq *rq = this_rq();
	unsigned int prev_state;

	if (!preempt && !is_idle_task(prev))
		schedule_debug(prev, preempt);
	local_irq_disable();
	do_raw_spin_lock(&rq->lock);
	spin_acquire(&rq->lock.dep_map, 0, 0, _THIS_IP_);
	preempt_count_add(1);	/* what raw_spin_lock() would have added */
	smp_mb__after_spinlock();
	update_rq_clock(rq);

	prev_state = READ_ONCE(prev->__state);
	if (!preempt && prev_state != TASK_RUNNING) {
		if (signal_pending_state(prev_state, prev)) {
			/* A signal it can be woken by is already here. */
			WRITE_ONCE(prev->__state, TASK_RUNNING);
		} else {
			deactivate_task(rq, prev, DEQUEUE_SLEEP | DEQUEUE_NOCLOCK);
		}
	}
	next = pick_next_task(rq, prev);
	clear_tsk_need_resched(prev);
	clear_preempt_need_resched();
	if (likely(prev != next)) {
		if (preempt || prev->__state == TASK_RUNNING)
			prev->nivcsw++;
		else
			prev->nvcsw++;
		context_switch(rq, prev, next);
	} else {
		spin_release(&rq->lock.dep_map, _THIS_IP_);
		do_raw_spin_unlock(&rq->lock);
		local_irq_enable();
	}
	preempt_count_sub(1);	/* the lock's count, released above */
}

/**
 * schedule - give up the CPU
 *
 * If current set a sleeping state it sleeps until woken; otherwise it
 * stays runnable and the best task runs (possibly current again).
 * Linux: schedule()
 */
void schedule(void)
{
	do {
		preempt_disable();
		__schedule(false);
		preempt_enable_no_resched();
	} while (need_resched());
}

/**
 * schedule_preempt_disabled - schedule() from a preempt-disabled section
 * Linux: schedule_preempt_disabled()
 */
void schedule_preempt_disabled(void)
{
	preempt_enable_no_resched();
	schedule();
	preempt_disable();
}

/**
 * preempt_schedule - preempt_enable() found a reschedule pending
 * Linux: preempt_schedule()
 */
void preempt_schedule(void)
{
	if (!preemptible())
		return;
	do {
		preempt_disable();
		__schedule(true);
		preempt_enable_no_resched();
	} while (need_resched());
}

/**
 * preempt_schedule_irq - preempt the task an interrupt interrupted
 *
 * Called from irq_exit() with interrupts off; they are on while the
 * other tasks run.
 * Linux: preempt_schedule_irq()
 */
void preempt_schedule_irq(void);
void preempt_schedule_irq(void)
{
	do {
		preempt_disable();
		local_irq_enable();
		__schedule(true);
		local_irq_disable();
		preempt_enable_no_resched();
	} while (need_resched());
}

/**
 * set_special_state - set current's state under its pi_lock
 * @state: TASK_PARKED or TASK_DEAD, states a stray wakeup must not undo
 *
 * try_to_wake_up() reads and writes @p's state only with p->pi_lock held
 * (its shortcut for waking current runs on this CPU with interrupts off,
 * which the irqsave here keeps out), so a wakeup still in flight for an
 * earlier sleep cannot overwrite @state. The run-queue lock is not needed
 * as well: nothing else writes another task's state.
 * Linux: set_special_state()
 */
void set_special_state(unsigned int state)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&current->pi_lock, flags);
	WRITE_ONCE(current->__state, state);
	raw_spin_unlock_irqrestore(&current->pi_lock, flags);
}

/**
 * schedule_tail - the first thing a new task does (from ret_from_fork)
 * @prev: the task that ran before it
 * Linux: schedule_tail()
 */
void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	/* Drop the lock's and schedule()'s counts: the task starts preemptible. */
	preempt_count_sub(1);
	preempt_enable();
	/* CLONE_CHILD_SETTID: the child stores its tid in its own memory. */
	if (current->set_child_tid)
		put_user(task_pid_nr(current), current->set_child_tid);
}

/**
 * do_task_dead - the last schedule() of an exiting task
 *
 * TASK_DEAD tells finish_task_switch() to drop the scheduler's reference
 * once we are off this stack for good.
 * Linux: do_task_dead()
 */
void do_task_dead(void)
{
	/*
	 * Preemption off first: preempted between the two lines, we would
	 * stay queued while the next task's finish_task_switch() sees
	 * TASK_DEAD and frees us.
	 */
	preempt_disable();	/* what schedule() would hold; we never come back */
	/*
	 * set_special_state() takes our pi_lock. A try_to_wake_up() of us
	 * still under way on another CPU holds it until its last access to
	 * us, and its caller may hold no reference (kthread_run() wakes a
	 * thread that may exit at once): that wakeup ends first, so we are
	 * never freed under it. (Linux has the same lock here, and also RCU:
	 * the last put comes a grace period later, delayed_put_task_struct().)
	 */
	set_special_state(TASK_DEAD);
	__schedule(false);
	BUG();
}

/**
 * scheduler_tick - the periodic tick, for the running task's class
 * Linux: scheduler_tick()
 */
void scheduler_tick(void)
{
	struct rq *rq = this_rq();
	struct task_struct *curr;

	raw_spin_lock(&rq->lock);
	update_rq_clock(rq);
	curr = rq->curr;
	curr->sched_class->task_tick(rq, curr);
	rq->ticks++;
	raw_spin_unlock(&rq->lock);
	trigger_load_balance(rq);
}

/**
 * yield - let other runnable tasks of the same class go first
 * Linux: yield() / do_sched_yield()
 */
void yield(void)
{
	struct rq *rq;

	local_irq_disable();
	rq = this_rq();
	raw_spin_lock(&rq->lock);
	current->sched_class->yield_task(rq);
	raw_spin_unlock(&rq->lock);
	local_irq_enable();
	schedule();
}

/**
 * __cond_resched - schedule if a reschedule is pending (a preemption point
 * in long loops)
 * Return: 1 if it scheduled.
 * Linux: __cond_resched()
 */
int __cond_resched(void)
{
	if (should_resched() && !irqs_disabled()) {
		preempt_schedule();
		return 1;
	}
	return 0;
}

/* Change @p's scheduling parameters, requeueing it in its new class. */
static void __setscheduler(struct task_struct *p, int policy, int rt_priority, int nice)
{
	unsigned long flags;
	struct rq *rq = task_rq_lock(p, &flags);
	bool queued = p->on_rq == TASK_ON_RQ_QUEUED, running = rq->curr == p;
	const struct sched_class *prev_class = p->sched_class;
	int oldprio = p->prio;

	if (queued)
		dequeue_task(rq, p, 0);
	if (running)
		prev_class->put_prev_task(rq, p);
	p->policy = policy;
	p->rt_priority = rt_priority;
	p->static_prio = NICE_TO_PRIO(nice);
	p->normal_prio = normal_prio(p);
	p->prio = p->normal_prio;
	p->sched_class = class_for(p);
	set_load_weight(p);
	if (queued)
		enqueue_task(rq, p, 0);
	if (running)
		p->sched_class->set_next_task(rq, p);
	if (queued && !running)
		wakeup_preempt(rq, p, 0);
	if (running && (p->sched_class != prev_class || p->prio > oldprio))
		resched_curr(rq);	/* it may no longer be the best */
	task_rq_unlock(rq, p, flags);
}

/**
 * sched_setscheduler_nocheck - set policy and RT priority, no permission checks
 * @p: the task
 * @policy: SCHED_NORMAL, SCHED_FIFO or SCHED_RR
 * @param: sched_priority 1..99 for FIFO/RR, 0 for NORMAL
 *
 * Return: 0, or -EINVAL for a bad policy or priority.
 * Linux: sched_setscheduler_nocheck()
 */
int sched_setscheduler_nocheck(struct task_struct *p, int policy,
			       const struct sched_param *param)
{
	if (policy != SCHED_NORMAL && !rt_policy(policy))
		return -EINVAL;
	if (rt_policy(policy) != (param->sched_priority != 0) ||
	    param->sched_priority < 0 || param->sched_priority > MAX_RT_PRIO - 1)
		return -EINVAL;
	if (is_idle_task(p))
		return -EINVAL;
	__setscheduler(p, policy, param->sched_priority, PRIO_TO_NICE(p->static_prio));
	return 0;
}

/**
 * set_user_nice - set the nice value of a SCHED_NORMAL task
 * @p: the task
 * @nice: -20 (most CPU) .. 19 (least); clamped
 * Linux: set_user_nice()
 */
void set_user_nice(struct task_struct *p, long nice)
{
	if (is_idle_task(p))
		return;
	nice = clamp(nice, (long)MIN_NICE, (long)MAX_NICE);
	__setscheduler(p, p->policy, p->rt_priority, nice);
}

/**
 * task_nice - @p's nice value
 * @p: the task
 * Return: -20..19.
 * Linux: task_nice()
 */
int task_nice(const struct task_struct *p)
{
	return PRIO_TO_NICE(p->static_prio);
}

/* Set the mask, @p's rq locked (task_rq_lock()). Linux: set_cpus_allowed_common() */
static void set_cpus_allowed_common(struct task_struct *p, const struct cpumask *new_mask)
{
	cpumask_copy(&p->cpus_mask, new_mask);
	p->nr_cpus_allowed = cpumask_weight(new_mask);
}

/**
 * do_set_cpus_allowed - set @p's CPU mask, no checks, no migration
 * @p: the task (not running: a just-created or parked kthread)
 * @new_mask: the CPUs it may run on
 *
 * Where @p is now is not checked: its next wakeup picks a CPU of the
 * new mask. kthread_bind() relies on that.
 * Linux: do_set_cpus_allowed()
 */
void do_set_cpus_allowed(struct task_struct *p, const struct cpumask *new_mask)
{
	unsigned long flags;
	struct rq *rq = task_rq_lock(p, &flags);

	set_cpus_allowed_common(p, new_mask);
	task_rq_unlock(rq, p, flags);
}

/*
 * Move queued, not running @p from locked @rq to @new_cpu's queue.
 * Return: the new rq, locked (the old one is unlocked).
 * Linux: move_queued_task()
 */
static struct rq *move_queued_task(struct rq *rq, struct task_struct *p, int new_cpu)
{
	deactivate_task(rq, p, 0);	/* TASK_ON_RQ_MIGRATING meanwhile */
	set_task_cpu(p, new_cpu);
	raw_spin_unlock(&rq->lock);
	rq = cpu_rq(new_cpu);
	raw_spin_lock(&rq->lock);
	update_rq_clock(rq);
	activate_task(rq, p, 0);
	wakeup_preempt(rq, p, 0);
	return rq;
}

struct migration_arg {
	struct task_struct *task;
	int dest_cpu;
};

/*
 * Runs in the stopper thread of the CPU @arg->task was running on: so
 * that task is not running now. If it is still queued here, move it;
 * if it has gone to sleep or moved meanwhile, its next wakeup honours
 * the mask. Linux: migration_cpu_stop()
 */
static int migration_cpu_stop(void *data)
{
	struct migration_arg *arg = data;
	struct task_struct *p = arg->task;
	struct rq *rq = this_rq();

	local_irq_disable();
	raw_spin_lock(&p->pi_lock);
	raw_spin_lock(&rq->lock);
	update_rq_clock(rq);
	if (task_rq(p) == rq && p->on_rq == TASK_ON_RQ_QUEUED && !is_cpu_allowed(p, rq->cpu)) {
		int dest = arg->dest_cpu;

		if (!is_cpu_allowed(p, dest))
			dest = select_fallback_rq(rq->cpu, p);
		rq = move_queued_task(rq, p, dest);
	}
	raw_spin_unlock(&rq->lock);
	raw_spin_unlock(&p->pi_lock);
	local_irq_enable();
	return 0;
}

/**
 * sched_cpu_dying - move every task queued on this CPU, now offline, away
 * @cpu: this CPU, in take_cpu_down(): interrupts off, every other CPU
 *	spinning in stop_machine(), so no spinlock is held anywhere else
 *
 * Only the caller (the CPU's stopper) stays. A task whose mask has no
 * other CPU gets select_fallback_rq()'s "no longer affine" line and may
 * run anywhere from now on. A task asleep with this CPU as its last one
 * is placed by its next wakeup, which no longer picks this CPU.
 * Return: 0.
 * Linux: sched_cpu_dying() / migrate_tasks() (Linux 5.10; later kernels
 * push the tasks away before, balance_push())
 */
int sched_cpu_dying(unsigned int cpu)
{
	struct rq *rq = cpu_rq(cpu);
	struct task_struct *p;

	spin_lock(&tasklist_lock);
	for_each_process(p) {
		struct rq *dest_rq;

		if (p == current || task_cpu(p) != cpu)
			continue;
		raw_spin_lock(&p->pi_lock);
		raw_spin_lock(&rq->lock);
		dest_rq = rq;
		if (task_rq(p) == rq && p->on_rq == TASK_ON_RQ_QUEUED) {
			update_rq_clock(rq);
			dest_rq = move_queued_task(rq, p, select_fallback_rq(cpu, p));
		}
		raw_spin_unlock(&dest_rq->lock);
		raw_spin_unlock(&p->pi_lock);
	}
	spin_unlock(&tasklist_lock);
	WARN(rq->nr_running != 1, "Dying CPU not properly vacated!");
	return 0;
}

/**
 * set_cpus_allowed_ptr - change the CPUs @p may run on, moving it if needed
 * @p: the task
 * @new_mask: a mask containing at least one online CPU
 *
 * If @p's CPU is no longer allowed it is moved: a queued task directly,
 * a running one by the stopper of its CPU (stop_one_cpu(), which
 * preempts it there), a sleeping one at its next wakeup. In-kernel
 * callers may rebind even PF_NO_SETAFFINITY threads, as in Linux; the
 * refusal belongs to sched_setaffinity().
 * Return: 0, or -EINVAL for a mask with no online CPU.
 * Linux: set_cpus_allowed_ptr() / __set_cpus_allowed_ptr() / affine_move_task()
 */
int set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *new_mask)
{
	struct migration_arg arg = { .task = p };
	unsigned long flags;
	struct rq *rq;
	int ret = 0;

	rq = task_rq_lock(p, &flags);
	if (!cpumask_intersects(new_mask, cpu_online_mask)) {
		ret = -EINVAL;
		goto out;
	}
	set_cpus_allowed_common(p, new_mask);
	if (cpumask_test_cpu(task_cpu(p), new_mask))
		goto out;
	arg.dest_cpu = cpumask_any_and(new_mask, cpu_online_mask);
	if (READ_ONCE(p->on_cpu) || rq->curr == p) {
		int cpu = rq->cpu;

		task_rq_unlock(rq, p, flags);
		/* No stopper yet (early boot): it moves when it next wakes. */
		stop_one_cpu(cpu, migration_cpu_stop, &arg);
		return 0;
	}
	if (p->on_rq == TASK_ON_RQ_QUEUED) {
		update_rq_clock(rq);
		rq = move_queued_task(rq, p, arg.dest_cpu);
	}
out:
	task_rq_unlock(rq, p, flags);
	return ret;
}

/**
 * sched_setaffinity - set_cpus_allowed_ptr() on behalf of a user
 * @pid: the task's pid
 * @in_mask: the CPUs asked for
 *
 * What the affinity system call does: refuses a thread whose affinity
 * belongs to the kernel (PF_NO_SETAFFINITY: bound and per-CPU kthreads),
 * then sets it.
 * Return: 0, -ESRCH for no such task, -EINVAL for such a thread or a
 * mask with no online CPU.
 * Linux: sched_setaffinity()
 */
long sched_setaffinity(pid_t pid, const struct cpumask *in_mask)
{
	struct task_struct *p = get_pid_task_by_nr(pid);
	long ret;

	if (!p)
		return -ESRCH;
	ret = (p->flags & PF_NO_SETAFFINITY) ? -EINVAL : set_cpus_allowed_ptr(p, in_mask);
	put_task_struct(p);
	return ret;
}

/**
 * wait_task_inactive - wait until @p is off its CPU in state @match_state
 * @p: the task
 * @match_state: the state expected (0: any)
 *
 * While @p runs on another CPU we spin: it is on its way into schedule()
 * (the callers know it is going to sleep), which takes microseconds.
 * Preempted on the way (still queued, not running), it may not run again
 * for a while: then we sleep a tick and look again.
 * Return: non-zero once @p is not running and, if asked, in
 * @match_state (its switch count, with the top bit set); 0 if its state
 * differs (it was woken meanwhile).
 * Linux: wait_task_inactive()
 */
unsigned long wait_task_inactive(struct task_struct *p, unsigned int match_state)
{
	for (;;) {
		unsigned long flags, ncsw = 0;
		bool running, queued;
		struct rq *rq;

		while (READ_ONCE(p->on_cpu)) {
			if (match_state && !(READ_ONCE(p->__state) & match_state))
				return 0;
			cpu_relax();
		}
		rq = task_rq_lock(p, &flags);
		running = READ_ONCE(p->on_cpu) || rq->curr == p;
		queued = p->on_rq;
		if (!match_state || (READ_ONCE(p->__state) & match_state))
			ncsw = p->nvcsw | (1UL << (sizeof(long) * 8 - 1));
		task_rq_unlock(rq, p, flags);
		if (!ncsw)
			return 0;
		if (running)
			continue;
		if (queued) {
			schedule_timeout_uninterruptible(1);
			continue;
		}
		return ncsw;
	}
}

/**
 * idle_task_exit - a CPU going offline stops borrowing a user mm
 *
 * Its idle task may run lazily on the last user task's mm (enter_lazy_tlb()).
 * An offline CPU gets no shootdown IPI, so it must not stay in that mm's
 * mm_cpumask() or keep its page tables in CR3: it goes to init_mm now.
 * Interrupts off, on the dying CPU.
 * Linux: idle_task_exit()
 */
void idle_task_exit(void)
{
	struct mm_struct *mm = current->active_mm;

	WARN_ON_ONCE(cpu_online(smp_processor_id()));
	switch_mm_irqs_off(mm, &init_mm, current);
	current->active_mm = &init_mm;
}

/**
 * init_idle - make @idle the idle task of @cpu
 * @idle: the task (init_task for the boot CPU)
 * @cpu: the CPU
 * Linux: init_idle()
 */
void init_idle(struct task_struct *idle, int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	idle->__state = TASK_RUNNING;
	idle->on_rq = 0;
	idle->active_mm = &init_mm;	/* it starts running without a switch */
	idle->flags |= PF_IDLE | PF_KTHREAD | PF_NOFREEZE;
	idle->sched_class = &idle_sched_class;
	idle->policy = SCHED_IDLE;
	idle->cpu = cpu;
	idle->on_cpu = 1;
	cpumask_copy(&idle->cpus_mask, cpumask_of(cpu));
	idle->nr_cpus_allowed = 1;
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%d", cpu);
	rq->idle = idle;
	rq->curr = idle;
}

/**
 * sched_init - set up every CPU's run queue; current becomes CPU 0's idle
 * Linux: sched_init()
 */
void sched_init(void)
{
	int cpu;

	/* Every slot: the MADT, read later, decides which CPUs are possible. */
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct rq *rq = cpu_rq(cpu);

		raw_spin_lock_init(&rq->lock);
		rq->cpu = cpu;
		init_cfs_rq(&rq->cfs);
		init_rt_rq(&rq->rt);
		cpumask_set_cpu(cpu, &cpu_bit_masks[cpu]);
	}
	init_idle(current, smp_processor_id());
	current->thread.saved_preempt_count = 0;
}

/**
 * schedule_idle - the idle loop's schedule(): no sleep, no atomic check
 * Linux: schedule_idle()
 */
void schedule_idle(void)
{
	do {
		__schedule(false);
	} while (need_resched());
}

int might_sleep_bug_count;

/**
 * __might_sleep - complain if the caller may sleep here but must not
 * @file: the caller's file
 * @line: its line
 *
 * Sleeping with preemption or interrupts disabled would stall the CPU
 * (or deadlock on the lock held): report it with a backtrace, as Linux's
 * CONFIG_DEBUG_ATOMIC_SLEEP does.
 * Linux: __might_sleep() / __might_resched()
 */
void __might_sleep(const char *file, int line)
{
	if (system_state < SYSTEM_SCHEDULING)
		return;
	if (preempt_count() == 0 && !irqs_disabled())
		return;
	might_sleep_bug_count++;
	pr_err("BUG: sleeping function called from invalid context at %s:%d\n", file, line);
	pr_err("in_atomic(): %d, irqs_disabled(): %d, pid: %d, name: %s\n",
	       preempt_count() != 0, irqs_disabled(), current->pid, current->comm);
	dump_stack();
}

SYSCALL_DEFINE0(sched_yield)
{
	yield();
	return 0;
}

/*
 * sched_getaffinity(2): the CPUs the task may run on, as a bitmap of
 * @len bytes (at least one word, as Linux asks). Return: the bytes
 * written. Linux: SYSCALL_DEFINE3(sched_getaffinity)
 */
SYSCALL_DEFINE3(sched_getaffinity, pid_t, pid, unsigned int, len, unsigned long __user *,
		user_mask_ptr)
{
	struct task_struct *p;
	unsigned long mask;
	unsigned long flags;

	if (len < sizeof(unsigned long) || (len & (sizeof(unsigned long) - 1)))
		return -EINVAL;
	p = pid ? get_pid_task_by_nr(pid) : current;
	if (!p)
		return -ESRCH;
	raw_spin_lock_irqsave(&p->pi_lock, flags);
	mask = p->cpus_mask.bits[0] & cpu_online_mask->bits[0];
	raw_spin_unlock_irqrestore(&p->pi_lock, flags);
	if (pid)
		put_task_struct(p);
	if (copy_to_user(user_mask_ptr, &mask, sizeof(mask)) ||
	    clear_user((char __user *)user_mask_ptr + sizeof(mask), len - sizeof(mask)))
		return -EFAULT;
	return len;
}
