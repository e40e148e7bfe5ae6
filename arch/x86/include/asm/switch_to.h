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

#include <asm/fpu.h>
#include <asm/ptrace.h>

struct task_struct;

struct thread_struct {
	unsigned long sp;	/* saved stack pointer while switched out */
	int saved_preempt_count; /* the per-CPU count while switched out */
	unsigned long fsbase;	/* user FS base (TLS): arch_prctl(ARCH_SET_FS) */
	struct fpu fpu;		/* user x87/SSE registers while switched out */
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

/*
 * A new task's stack top as copy_thread() builds it: the frame
 * __switch_to_asm pops (with fn in bx and fn_arg in r12 for a kernel
 * thread), then the task's user registers, where an entry from ring 3
 * saves them (task_pt_regs()).
 * Linux: struct fork_frame in arch/x86/include/asm/switch_to.h
 */
struct fork_frame {
	struct inactive_task_frame frame;
	struct pt_regs regs;
};

struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next);
void x86_fsbase_load(struct task_struct *prev, struct task_struct *next);

#define switch_to(prev, next, last)				\
do {								\
	((last) = __switch_to_asm((prev), (next)));		\
} while (0)

#endif /* _ASM_X86_SWITCH_TO_H */
