/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arch half of a context switch.
 *
 * switch_to(prev, next, last) saves prev's callee-saved registers on prev's
 * stack, stores the stack pointer in prev->thread.sp, loads next's, pops
 * next's registers and returns into next (arch/x86/entry/entry_64.S:
 * __switch_to_asm). Caller-saved registers need no saving: the C compiler
 * already assumes a call clobbers them.
 *
 * "last" matters because the task we switch to resumes in *its* old call
 * to switch_to(), where its local "prev" is stale: last tells it which task
 * actually ran before it, so finish_task_switch() can clean up that one.
 * Linux: arch/x86/include/asm/switch_to.h
 */
#ifndef _ASM_X86_SWITCH_TO_H
#define _ASM_X86_SWITCH_TO_H

struct task_struct;

struct thread_struct {
	unsigned long sp;	/* saved stack pointer while switched out */
	int saved_preempt_count; /* the per-CPU count while switched out */
};

/*
 * The frame __switch_to_asm pops when it switches to a task: what
 * copy_thread() builds at the top of a new task's stack so that its first
 * switch "returns" into ret_from_fork.
 */
struct inactive_task_frame {
	unsigned long r15;
	unsigned long r14;
	unsigned long r13;
	unsigned long r12;
	unsigned long bx;
	unsigned long bp;
	unsigned long ret_addr;
};

/* The frame ret_from_fork finds above it: the function to call. */
struct fork_frame {
	struct inactive_task_frame frame;
	unsigned long fn;	/* int (*fn)(void *) */
	unsigned long fn_arg;
};

struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next);

#define switch_to(prev, next, last)				\
do {								\
	((last) = __switch_to_asm((prev), (next)));		\
} while (0)

#endif /* _ASM_X86_SWITCH_TO_H */
