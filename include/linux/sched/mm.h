/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Address spaces. Spindle runs no user programs yet, so a struct mm_struct
 * holds only what fork and exit manage: who shares it (mm_users) and its
 * top-level page table, which for now is the kernel's. Kernel threads have
 * no mm at all (p->mm == NULL), as in Linux.
 * Linux: include/linux/mm_types.h (struct mm_struct), include/linux/sched/mm.h
 */
#ifndef _LINUX_SCHED_MM_H
#define _LINUX_SCHED_MM_H

#include <linux/atomic.h>

struct mm_struct {
	atomic_t mm_users;	/* tasks using it */
	unsigned long *pgd;	/* top-level page table */
};

static inline void mmget(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_users);
}

void mmput(struct mm_struct *mm);
struct mm_struct *mm_alloc(void);

#endif /* _LINUX_SCHED_MM_H */
