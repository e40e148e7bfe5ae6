// SPDX-License-Identifier: GPL-2.0
/*
 * The arch side of creating a task: copy_thread() lays out the new
 * task's kernel stack so that the first switch_to() into it "returns"
 * into ret_from_fork (arch/x86/entry/entry_64.S), which calls fn(fn_arg).
 *
 *   stack top  ->  +------------------+
 *                  | fn_arg           |   struct fork_frame
 *                  | fn               |
 *                  | ret_addr = ret_from_fork
 *                  | bp = 0           |   struct inactive_task_frame:
 *                  | bx, r12..r15 = 0 |   what __switch_to_asm pops
 *   thread.sp  ->  +------------------+
 * Linux: arch/x86/kernel/process.c (copy_thread, ret_from_fork)
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <asm/switch_to.h>

extern const char ret_from_fork[];

/**
 * copy_thread - build the new task's first stack frame
 * @p: the new task (its stack is allocated)
 * @args: fn and fn_arg to run
 *
 * Return: 0, or -EINVAL without a function: Spindle has no user mode,
 * so every task starts by running a kernel function.
 * Linux: copy_thread()
 */
int copy_thread(struct task_struct *p, const struct kernel_clone_args *args)
{
	unsigned long top = (unsigned long)p->stack + THREAD_SIZE;
	struct fork_frame *frame = (struct fork_frame *)top - 1;

	if (args->idle) {
		/* The CPU starts on this stack directly: no frame to return into. */
		p->thread.sp = top;
		return 0;
	}
	if (!args->fn)
		return -EINVAL;
	/* ret_from_fork calls fn with %rsp == top: keep it 16-byte aligned. */
	BUILD_BUG_ON(sizeof(struct fork_frame) % 16 != 8);
	memset(frame, 0, sizeof(*frame));
	frame->frame.ret_addr = (unsigned long)ret_from_fork;
	frame->fn = (unsigned long)args->fn;
	frame->fn_arg = (unsigned long)args->fn_arg;
	p->thread.sp = (unsigned long)frame;
	return 0;
}
