// SPDX-License-Identifier: GPL-2.0
/*
 * irq_enter()/irq_exit(): the bracket around every device interrupt.
 * Spindle has no softirqs; the file keeps Linux's name for where these
 * live.
 * Linux: kernel/softirq.c, irqentry_exit() in kernel/entry/common.c
 */
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/sched.h>
#include <asm/irqflags.h>
#include <asm/ptrace.h>

void preempt_schedule_irq(void);

/**
 * irq_enter - mark the start of a hardirq handler
 * Linux: irq_enter()
 */
void irq_enter(void)
{
	preempt_count_add(HARDIRQ_OFFSET);
}

/**
 * irq_exit - leave hardirq context; preempt the interrupted task if due
 * @regs: the interrupted context
 *
 * Preemption happens only if the interrupted code had interrupts on and
 * preemption enabled (preempt_count back at 0): not in the middle of a
 * spinlock section, not in a nested interrupt.
 * Linux: irq_exit() + irqentry_exit_cond_resched()
 */
void irq_exit(struct pt_regs *regs)
{
	preempt_count_sub(HARDIRQ_OFFSET);
	if (preempt_count() == 0 && (regs->flags & X86_EFLAGS_IF) && need_resched())
		preempt_schedule_irq();
}
