/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct kthread_work alone, for headers that embed one and cannot take
 * all of <linux/kthread.h> (struct signal_struct's SIGALRM work: that
 * header is reached from <linux/wait.h>, which <linux/kthread.h> needs).
 * Linux splits struct work_struct out the same way for the same reason.
 * Linux: include/linux/workqueue_types.h (6.8+), the kthread part of kthread.h
 */
#ifndef _LINUX_KTHREAD_TYPES_H
#define _LINUX_KTHREAD_TYPES_H

#include <linux/list.h>

struct kthread_work;
struct kthread_worker;
typedef void (*kthread_work_func_t)(struct kthread_work *work);

struct kthread_work {
	struct list_head node;
	kthread_work_func_t func;
	struct kthread_worker *worker;
	int canceling;		/* queueing is refused while > 0 */
};

#endif /* _LINUX_KTHREAD_TYPES_H */
