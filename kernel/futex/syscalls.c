// SPDX-License-Identifier: GPL-2.0
/*
 * The futex(2) system call: decoding the operation, its flags and its
 * timeout, and handing it to the wait, wake or requeue code; and
 * set_robust_list(2)/get_robust_list(2), the list exit walks (core.c).
 * Linux: kernel/futex/syscalls.c
 */
#include <linux/kernel.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include "futex.h"

/**
 * do_futex - run one futex operation
 * @uaddr: the futex word
 * @op: FUTEX_* with FUTEX_PRIVATE_FLAG and FUTEX_CLOCK_REALTIME bits
 * @val: the expected value (WAIT), or how many to wake (WAKE, REQUEUE)
 * @timeout: for the waits, the ktime_get_ns() to give up at, or NULL
 * @uaddr2: REQUEUE's second word
 * @val2: REQUEUE's count of waiters to move
 * @val3: WAIT_BITSET/WAKE_BITSET's bitset, CMP_REQUEUE's expected value
 *
 * Kernel callers use it too: an exiting thread's CLONE_CHILD_CLEARTID
 * wake (mm_release()).
 * Return: the operation's result, or -ENOSYS for one Spindle lacks (the
 * priority-inheritance ones, FUTEX_WAKE_OP, FUTEX_WAITV).
 * Linux: do_futex()
 */
long do_futex(u32 __user *uaddr, int op, u32 val, u64 *timeout,
	      u32 __user *uaddr2, u32 val2, u32 val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	unsigned int flags = 0;

	if (!(op & FUTEX_PRIVATE_FLAG))
		flags |= FLAGS_SHARED;
	if (op & FUTEX_CLOCK_REALTIME) {
		flags |= FLAGS_CLOCKRT;
		if (cmd != FUTEX_WAIT_BITSET)
			return -ENOSYS;
	}
	switch (cmd) {
	case FUTEX_WAIT:
		val3 = FUTEX_BITSET_MATCH_ANY;
		__attribute__((__fallthrough__));
	case FUTEX_WAIT_BITSET:
		return futex_wait(uaddr, flags, val, timeout, val3);
	case FUTEX_WAKE:
		val3 = FUTEX_BITSET_MATCH_ANY;
		__attribute__((__fallthrough__));
	case FUTEX_WAKE_BITSET:
		return futex_wake(uaddr, flags, val, val3);
	case FUTEX_REQUEUE:
		return futex_requeue(uaddr, flags, uaddr2, val, val2, NULL);
	case FUTEX_CMP_REQUEUE:
		return futex_requeue(uaddr, flags, uaddr2, val, val2, &val3);
	}
	return -ENOSYS;
}

/* Does @cmd take a timeout in its fourth argument? Linux: futex_cmd_has_timeout() */
static bool futex_cmd_has_timeout(int cmd)
{
	return cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET;
}

/*
 * futex(2). FUTEX_WAIT's timeout is relative; FUTEX_WAIT_BITSET's is an
 * absolute time of CLOCK_MONOTONIC (or, with FUTEX_CLOCK_REALTIME, of the
 * wall clock, turned into monotonic time as the clock stands now: Linux's
 * wait would move with a clock set meanwhile, this one does not). Both
 * become one absolute monotonic deadline here. For
 * the requeue operations the fourth argument is not a pointer but the
 * count to move (val2). Linux: SYSCALL_DEFINE6(futex) in kernel/futex/syscalls.c
 */
SYSCALL_DEFINE6(futex, u32 __user *, uaddr, int, op, u32, val,
		const struct __kernel_timespec __user *, utime, u32 __user *, uaddr2, u32, val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	u64 t, *tp = NULL;
	u32 val2 = 0;

	if (utime && futex_cmd_has_timeout(cmd)) {
		int ret = get_timespec64(&t, utime);

		if (ret)
			return ret;
		if (cmd == FUTEX_WAIT)
			t += ktime_get_ns();
		else if (op & FUTEX_CLOCK_REALTIME)
			t = ktime_real_to_mono(t);	/* as the wall clock stands now */
		tp = &t;
	} else if (cmd == FUTEX_REQUEUE || cmd == FUTEX_CMP_REQUEUE) {
		val2 = (u32)(unsigned long)utime;
	}
	return do_futex(uaddr, op, val, tp, uaddr2, val2, val3);
}

/*
 * set_robust_list(2): where this thread's robust futex list starts
 * (glibc registers one for every thread). Nothing is read now: the
 * list is walked only at exit (exit_robust_list()), and a bad pointer
 * simply ends that walk.
 * Return: 0, or -EINVAL if @len is not the size of the head Spindle knows.
 * Linux: SYSCALL_DEFINE2(set_robust_list) in kernel/futex/syscalls.c
 */
SYSCALL_DEFINE2(set_robust_list, struct robust_list_head __user *, head, size_t, len)
{
	if (unlikely(len != sizeof(*head)))
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

/*
 * get_robust_list(2): thread @pid's list head (0: the caller's) and its
 * size. Every task belongs to root here, so the permission check Linux
 * makes (ptrace_may_access()) always passes.
 * Return: 0, -ESRCH for no such thread, -EFAULT for a bad pointer.
 * Linux: SYSCALL_DEFINE3(get_robust_list) in kernel/futex/syscalls.c
 */
SYSCALL_DEFINE3(get_robust_list, int, pid, struct robust_list_head __user * __user *, head_ptr,
		size_t __user *, len_ptr)
{
	struct robust_list_head __user *head;
	struct task_struct *p;

	if (!pid) {
		head = current->robust_list;
	} else {
		p = get_pid_task_by_nr(pid);
		if (!p)
			return -ESRCH;
		head = READ_ONCE(p->robust_list);
		put_task_struct(p);
	}
	if (put_user(sizeof(*head), len_ptr))
		return -EFAULT;
	return put_user(head, head_ptr);
}
