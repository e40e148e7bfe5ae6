/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Softirqs: work an interrupt handler leaves for later, run with
 * interrupts on when the last hardirq ends (irq_exit()) or, if there is
 * too much of it, by this CPU's ksoftirqd/N thread. Spindle has one
 * user, the timer softirq; the numbering keeps Linux's first two so a
 * student meets the same numbers in /proc/softirqs.
 * Linux: include/linux/interrupt.h
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/compiler.h>

enum {
	HI_SOFTIRQ = 0,		/* Linux: high-priority tasklets; Spindle has none */
	TIMER_SOFTIRQ,		/* expired timer_list callbacks (kernel/time/timer.c) */
	NR_SOFTIRQS
};

extern const char * const softirq_to_name[NR_SOFTIRQS];

/* A softirq's handler. Linux: struct softirq_action */
struct softirq_action {
	void (*action)(struct softirq_action *);
};

void open_softirq(int nr, void (*action)(struct softirq_action *));
void raise_softirq(unsigned int nr);
void raise_softirq_irqoff(unsigned int nr);
unsigned long local_softirq_pending(void);
unsigned int kstat_softirqs_cpu(unsigned int irq, int cpu);
void spawn_ksoftirqd(void);
struct task_struct *ksoftirqd_task(unsigned int cpu);

#endif /* _LINUX_INTERRUPT_H */
