/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fast user-space mutexes: the futex(2) operations Spindle implements,
 * with Linux's numbers, and the kernel's entry point to them.
 * Linux: include/uapi/linux/futex.h, include/linux/futex.h
 */
#ifndef _LINUX_FUTEX_H
#define _LINUX_FUTEX_H

#include <linux/time64.h>
#include <linux/types.h>

#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_REQUEUE		3
#define FUTEX_CMP_REQUEUE	4
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10

/* Only this address space waits on the word: no shared key needed. */
#define FUTEX_PRIVATE_FLAG	128
/* FUTEX_WAIT_BITSET's absolute timeout is CLOCK_REALTIME, not CLOCK_MONOTONIC. */
#define FUTEX_CLOCK_REALTIME	256
#define FUTEX_CMD_MASK		~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME)

#define FUTEX_BITSET_MATCH_ANY	0xffffffff

/*
 * The robust futex list (set_robust_list()): a thread's user-space list
 * of the futex-based locks it holds, which the kernel walks when the
 * thread exits so that the next waiter learns the owner died. Each
 * entry is inside a lock; the lock's futex word is futex_offset bytes
 * from the entry. An entry's low bit says the lock is priority
 * inheriting. Linux: include/uapi/linux/futex.h
 */
struct robust_list {
	struct robust_list __user *next;
};

struct robust_list_head {
	struct robust_list list;		/* circular: the last entry points here */
	long futex_offset;
	struct robust_list __user *list_op_pending;	/* taken or released just now */
};

#define FUTEX_WAITERS		0x80000000	/* sleepers: the unlocker must wake one */
#define FUTEX_OWNER_DIED	0x40000000	/* the owner exited holding it */
#define FUTEX_TID_MASK		0x3fffffff	/* the owner's thread id */

/* At most this many entries are walked: a list made circular by a bug cannot hang exit. */
#define ROBUST_LIST_LIMIT	2048

struct task_struct;

/* The hash buckets; early in boot (start_kernel()). */
int futex_init(void);
long do_futex(u32 __user *uaddr, int op, u32 val, u64 *timeout,
	      u32 __user *uaddr2, u32 val2, u32 val3);
/* @tsk (current) leaves its address space: exit or exec. */
void futex_exit_release(struct task_struct *tsk);
void futex_exec_release(struct task_struct *tsk);

#endif /* _LINUX_FUTEX_H */
