// SPDX-License-Identifier: GPL-2.0
/*
 * The idle class and the idle loop. Each CPU's idle task (pid 0 on the
 * boot CPU) is picked only when no other class has a task; it halts the
 * CPU until an interrupt and checks again.
 * Linux: kernel/sched/idle.c
 */
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <asm/processor.h>
#include "sched.h"

static void enqueue_task_idle(struct rq *rq, struct task_struct *p, int flags)
{
	BUG();	/* the idle task is never queued: it is picked when all else fails */
}

static void dequeue_task_idle(struct rq *rq, struct task_struct *p, int flags)
{
	pr_err("BUG: idle task %s tried to sleep\n", p->comm);
	BUG();
}

static void yield_task_idle(struct rq *rq)
{
}

static void wakeup_preempt_idle(struct rq *rq, struct task_struct *p, int flags)
{
	resched_curr(rq);
}

static struct task_struct *pick_next_task_idle(struct rq *rq)
{
	return rq->idle;
}

static void put_prev_task_idle(struct rq *rq, struct task_struct *p)
{
}

static void set_next_task_idle(struct rq *rq, struct task_struct *p)
{
}

static void task_tick_idle(struct rq *rq, struct task_struct *p)
{
}

static void update_curr_idle(struct rq *rq)
{
}

const struct sched_class idle_sched_class = {
	.name = "idle",
	.enqueue_task = enqueue_task_idle,
	.dequeue_task = dequeue_task_idle,
	.yield_task = yield_task_idle,
	.wakeup_preempt = wakeup_preempt_idle,
	.pick_next_task = pick_next_task_idle,
	.put_prev_task = put_prev_task_idle,
	.set_next_task = set_next_task_idle,
	.task_tick = task_tick_idle,
	.update_curr = update_curr_idle,
};

/**
 * cpu_startup_entry - become this CPU's idle loop, forever
 *
 * Interrupts are checked and the CPU halted in one "sti; hlt" pair, so
 * a wakeup arriving between the check and the halt is not slept through.
 * A CPU taken offline leaves through play_dead() and never returns.
 * Linux: cpu_startup_entry() / do_idle()
 */
void cpu_startup_entry(void)
{
	/* Entered with preemption disabled: the idle task never is preempted. */
	for (;;) {
		while (!need_resched()) {
			/* Taken down (cpu_down()): nothing runs here any more. */
			if (cpu_is_offline(smp_processor_id()))
				play_dead();
			local_irq_disable();
			if (need_resched()) {
				local_irq_enable();
				break;
			}
			native_safe_halt();
		}
		schedule_idle();
	}
}
