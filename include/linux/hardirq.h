/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entering and leaving hard interrupt context. irq_enter() raises
 * preempt_count by HARDIRQ_OFFSET, so in_interrupt() is true and nothing
 * schedules inside a handler; irq_exit() lowers it and, if the interrupted
 * code can be preempted and a reschedule is pending (the timer tick asked
 * for one), preempts it: that is where involuntary context switches start.
 * Linux: include/linux/hardirq.h, kernel/softirq.c, kernel/entry/common.c
 */
#ifndef _LINUX_HARDIRQ_H
#define _LINUX_HARDIRQ_H

#include <linux/preempt.h>

struct pt_regs;

void irq_enter(void);
void irq_exit(struct pt_regs *regs);

#endif /* _LINUX_HARDIRQ_H */
