/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The preemption counter. While it is non-zero the scheduler will not take
 * the CPU away from the running task: spinlocks raise it, and so does
 * interrupt entry (HARDIRQ_OFFSET). When preempt_enable() brings it back
 * to zero and a reschedule is pending, the task is preempted right there.
 * Linux: include/linux/preempt.h, arch/x86/include/asm/preempt.h
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <linux/compiler.h>
#include <linux/thread_info.h>
#include <asm/percpu.h>

/*
 * preempt_count's fields, as Linux's: bits 0-7 count preempt_disable(),
 * 8-15 softirq (SOFTIRQ_OFFSET while __do_softirq() runs handlers), 16-27
 * hardirq nesting.
 */
#define PREEMPT_OFFSET	1
#define SOFTIRQ_SHIFT	8
#define SOFTIRQ_OFFSET	(1 << SOFTIRQ_SHIFT)
#define HARDIRQ_SHIFT	16
#define HARDIRQ_OFFSET	(1 << HARDIRQ_SHIFT)
#define PREEMPT_MASK	0x000000ff
#define SOFTIRQ_MASK	0x0000ff00
#define HARDIRQ_MASK	0x0fff0000

/*
 * PREEMPT_NEED_RESCHED: bit 31 of the per-CPU count holds this CPU's
 * TIF_NEED_RESCHED, inverted (set: no reschedule pending). The raw count
 * is then 0 exactly when nothing forbids preemption *and* a reschedule
 * is pending, so preempt_enable() is one decrement and a branch on its
 * zero flag, with no second look at the task's flags. TIF_NEED_RESCHED
 * stays the truth; the bit is folded in wherever this CPU's current task
 * gets or loses the flag: resched_curr() here, the reschedule IPI for a
 * flag set from another CPU, __schedule() and the context switch.
 * preempt_count() hides the bit.
 * Linux: arch/x86/include/asm/preempt.h
 */
#define PREEMPT_NEED_RESCHED	0x80000000
#define PREEMPT_ENABLED		PREEMPT_NEED_RESCHED	/* count 0, nothing pending */

static __always_inline int preempt_count(void)
{
	return this_cpu_read_4(preempt_count) & ~PREEMPT_NEED_RESCHED;
}

/* Set the count to @pc, keeping the need-resched bit. Linux: preempt_count_set() */
static __always_inline void preempt_count_set(int pc)
{
	int old = this_cpu_read_4(preempt_count);

	this_cpu_write_4(preempt_count, (old & PREEMPT_NEED_RESCHED) | (pc & ~PREEMPT_NEED_RESCHED));
}

static __always_inline void set_preempt_need_resched(void)
{
	this_cpu_and_4(preempt_count, ~PREEMPT_NEED_RESCHED);
}

static __always_inline void clear_preempt_need_resched(void)
{
	this_cpu_or_4(preempt_count, PREEMPT_NEED_RESCHED);
}

static __always_inline bool test_preempt_need_resched(void)
{
	return !(this_cpu_read_4(preempt_count) & PREEMPT_NEED_RESCHED);
}

/* A flag set on this CPU's task from elsewhere: fold it in. Linux: preempt_fold_need_resched() */
static __always_inline void preempt_fold_need_resched(void)
{
	if (test_thread_flag(TIF_NEED_RESCHED))
		set_preempt_need_resched();
}

static __always_inline void preempt_count_add(int val)
{
	this_cpu_add_4(preempt_count, val);
}

static __always_inline void preempt_count_sub(int val)
{
	this_cpu_add_4(preempt_count, -val);
}

/* Decrement; true when the raw count reached 0: preemptible, and asked to reschedule. */
static __always_inline bool __preempt_count_dec_and_test(void)
{
	return this_cpu_dec_and_test_4(preempt_count);
}

#define in_hardirq()	(preempt_count() & HARDIRQ_MASK)
#define in_softirq()	(preempt_count() & SOFTIRQ_MASK)
#define in_serving_softirq()	(in_softirq() & SOFTIRQ_OFFSET)
#define in_interrupt()	(preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK))
#define in_task()	(!in_interrupt())

/* Preemption is off (a lock held, in an interrupt) or interrupts are off. */
#define preemptible()	(preempt_count() == 0 && !irqs_disabled())

/* Defined by the scheduler (kernel/sched/core.c). */
void preempt_schedule(void);

/* A reschedule is pending and nothing forbids taking it right now. Linux: should_resched() */
static __always_inline bool should_resched(void)
{
	return unlikely(this_cpu_read_4(preempt_count) == 0);
}

#define preempt_disable() do { preempt_count_add(1); barrier(); } while (0)

#define preempt_enable_no_resched() do { barrier(); preempt_count_sub(1); } while (0)

#define preempt_enable() do {						\
	barrier();							\
	if (unlikely(__preempt_count_dec_and_test()))			\
		preempt_schedule();					\
} while (0)

#endif /* _LINUX_PREEMPT_H */
