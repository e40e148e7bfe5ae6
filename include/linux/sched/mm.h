/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Address spaces as tasks hold them: kernel threads have none (p->mm ==
 * NULL, and they run on init_mm's page tables), a user process has its
 * own, shared by CLONE_VM. struct mm_struct is in <linux/mm_types.h>.
 * Linux: include/linux/sched/mm.h
 */
#ifndef _LINUX_SCHED_MM_H
#define _LINUX_SCHED_MM_H

#include <linux/atomic.h>
#include <linux/mm_types.h>

struct task_struct;

/* The kernel's own address space: no VMAs, the kernel's page tables. */
extern struct mm_struct init_mm;

static inline void mmget(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_users);
}

void mmput(struct mm_struct *mm);
struct mm_struct *mm_alloc(void);
/* Give current a new address space (exec): the old one is mmput(). */
void exec_mm_release(struct task_struct *tsk, struct mm_struct *mm);
/* Address spaces allocated now, for leak tests. */
unsigned long nr_mm_structs(void);

#endif /* _LINUX_SCHED_MM_H */
