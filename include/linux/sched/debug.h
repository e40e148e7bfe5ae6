/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stack dumps for reports.
 * Linux: include/linux/sched/debug.h
 */
#ifndef _LINUX_SCHED_DEBUG_H
#define _LINUX_SCHED_DEBUG_H

struct task_struct;
struct pt_regs;

/* Print current's backtrace at KERN_DEFAULT level. */
void dump_stack(void);
/* Print the backtrace starting at frame pointer @bp (of @task, or current). */
/* Print a ps-like table of every task (kernel/ps.c). */
struct printer;
void show_tasks(const struct printer *out);
/* The NUMA node a task's kernel stack lies on (ps's NODE column). */
int task_stack_node(struct task_struct *p);
/* Print one line per possible CPU: online, current, queue, ticks, IPIs (kernel/sched/debug.c). */
void sched_show_cpus(const struct printer *out);
/* Print the backtrace starting at frame pointer @bp (of @task, or current). */
void show_stack(struct task_struct *task, unsigned long *bp, const char *loglvl);

#endif /* _LINUX_SCHED_DEBUG_H */
