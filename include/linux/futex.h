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

/* The hash buckets; early in boot (start_kernel()). */
int futex_init(void);
long do_futex(u32 __user *uaddr, int op, u32 val, u64 *timeout,
	      u32 __user *uaddr2, u32 val2, u32 val3);

#endif /* _LINUX_FUTEX_H */
