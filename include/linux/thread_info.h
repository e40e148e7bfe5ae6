/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-task flags the hot paths test. struct thread_info is the first member
 * of struct task_struct, so current's flags are one load away even from
 * headers that cannot include <linux/sched.h>.
 * Linux: include/linux/thread_info.h (CONFIG_THREAD_INFO_IN_TASK)
 */
#ifndef _LINUX_THREAD_INFO_H
#define _LINUX_THREAD_INFO_H

#include <asm/current.h>

struct thread_info {
	unsigned long flags;		/* TIF_* bits, changed atomically */
};

#define TIF_SIGPENDING		2	/* a signal is pending */
#define TIF_NEED_RESCHED	3	/* schedule() at the next chance */
/*
 * Get out of interruptible sleeps without a signal queued: kthread_stop()
 * sets it (Linux 5.11+). signal_pending() is true while it is set;
 * get_signal() clears it for user tasks, a stopping kthread keeps it.
 */
#define TIF_NOTIFY_SIGNAL	17

static __always_inline struct thread_info *current_thread_info(void)
{
	return (struct thread_info *)current;
}

static inline void set_ti_thread_flag(struct thread_info *ti, int flag)
{
	__asm__ __volatile__("lock btsq %1, %0" : "+m"(ti->flags) : "Ir"((long)flag) : "memory");
}

static inline void clear_ti_thread_flag(struct thread_info *ti, int flag)
{
	__asm__ __volatile__("lock btrq %1, %0" : "+m"(ti->flags) : "Ir"((long)flag) : "memory");
}

static inline bool test_ti_thread_flag(struct thread_info *ti, int flag)
{
	return (READ_ONCE(ti->flags) >> flag) & 1;
}

#define set_tsk_thread_flag(tsk, flag)	set_ti_thread_flag(&(tsk)->thread_info, flag)
#define clear_tsk_thread_flag(tsk, flag) clear_ti_thread_flag(&(tsk)->thread_info, flag)
#define test_tsk_thread_flag(tsk, flag)	test_ti_thread_flag(&(tsk)->thread_info, flag)

#define test_thread_flag(flag)	test_ti_thread_flag(current_thread_info(), flag)
#define set_thread_flag(flag)	set_ti_thread_flag(current_thread_info(), flag)
#define clear_thread_flag(flag)	clear_ti_thread_flag(current_thread_info(), flag)

#endif /* _LINUX_THREAD_INFO_H */
