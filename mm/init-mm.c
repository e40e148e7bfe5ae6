// SPDX-License-Identifier: GPL-2.0
/*
 * init_mm: the kernel's own address space. It has no VMAs; its page
 * tables are the kernel's (init_top_pgt, set by paging_init()). Kernel
 * threads run on it, and a task leaving its own mm (exit, exec) switches
 * to it before the old one is freed.
 * Linux: mm/init-mm.c
 */
#include <linux/sched/mm.h>

struct mm_struct init_mm = {
	.mm_rb = RB_ROOT,
	.mm_users = ATOMIC_INIT(2),
	.mmap_lock = __MUTEX_INITIALIZER(init_mm.mmap_lock),
};
