// SPDX-License-Identifier: GPL-2.0
/*
 * The arch side of creating a task and of starting a program.
 *
 * copy_thread() lays out the new task's kernel stack so that the first
 * switch_to() into it "returns" into ret_from_fork
 * (arch/x86/entry/entry_64.S):
 *
 *   stack top  ->  +------------------+
 *                  | struct pt_regs   |   the user registers: for fork(),
 *                  |  ss .. r15       |   the parent's with ax = 0
 *                  +------------------+
 *                  | ret_addr = ret_from_fork
 *                  | bp = 0           |   struct inactive_task_frame:
 *                  | bx = fn, r12 = fn_arg, r13..r15 = 0
 *   thread.sp  ->  +------------------+
 *
 * A kernel thread (fn set) calls fn(fn_arg) there; a user task (fn NULL)
 * returns to user mode through pt_regs, from the same fork() or clone()
 * call as its parent, with 0 as the result.
 * Linux: arch/x86/kernel/process.c (copy_thread), process_64.c
 * (start_thread, do_arch_prctl_64)
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/fpu.h>
#include <asm/msr.h>
#include <asm/processor-flags.h>
#include <asm/segment.h>
#include <asm/switch_to.h>

extern const char ret_from_fork[];

/**
 * copy_thread - build the new task's first stack frame and registers
 * @p: the new task (its stack is allocated, its thread a copy of current's)
 * @args: fn and fn_arg for a kernel thread; for a user task the new stack
 *	(clone()'s newsp, 0 to keep the parent's) and the TLS (CLONE_SETTLS)
 *
 * Return: 0, or -EINVAL for a user task (no fn) whose creator has no user
 * registers to copy: a kernel thread cannot fork() a user process.
 * Linux: copy_thread()
 */
int copy_thread(struct task_struct *p, const struct kernel_clone_args *args)
{
	unsigned long top = (unsigned long)p->stack + THREAD_SIZE;
	struct fork_frame *frame = (struct fork_frame *)top - 1;
	struct pt_regs *childregs = &frame->regs;

	if (args->idle) {
		/* The CPU starts on this stack directly: no frame to return into. */
		p->thread.sp = top;
		return 0;
	}
	memset(&frame->frame, 0, sizeof(frame->frame));
	frame->frame.ret_addr = (unsigned long)ret_from_fork;
	p->thread.sp = (unsigned long)frame;

	if (args->fn) {
		/* A kernel thread: no user registers (cs = 0: not user mode). */
		memset(childregs, 0, sizeof(*childregs));
		frame->frame.bx = (unsigned long)args->fn;
		frame->frame.r12 = (unsigned long)args->fn_arg;
		p->thread.fsbase = 0;
		return 0;
	}
	/* A user task copies its caller's user registers: a kernel thread has none. */
	if (!user_mode(current_pt_regs()))
		return -EINVAL;
	*childregs = *current_pt_regs();
	fpu_clone(p);
	childregs->ax = 0;		/* the child's fork() returns 0 */
	if (args->stack)
		childregs->sp = args->stack;
	if (args->flags & CLONE_SETTLS)
		p->thread.fsbase = args->tls;
	return 0;
}

/**
 * start_thread - make @regs start a new program
 * @regs: current's user registers (task_pt_regs())
 * @new_ip: the program's entry point
 * @new_sp: its initial stack pointer (argc at *sp)
 *
 * Every other register starts at 0, as the x86-64 ELF ABI lets a
 * program assume for %rdx (no exit handler to register).
 * Linux: start_thread() in arch/x86/kernel/process_64.c
 */
void start_thread(struct pt_regs *regs, unsigned long new_ip, unsigned long new_sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->ip = new_ip;
	regs->sp = new_sp;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
	regs->orig_ax = -1;
	current->thread.fsbase = 0;
	wrmsr(MSR_FS_BASE, 0);
	fpu__clear_user_states();
}

/**
 * x86_fsbase_load - load @next's FS base if it differs from @prev's
 * @prev: the task leaving the CPU
 * @next: the task getting it
 *
 * thread.fsbase is always current: user space can change FS only
 * through arch_prctl() (no wrfsbase: CR4.FSGSBASE stays off).
 * Linux: x86_fsgsbase_load() in arch/x86/kernel/process_64.c
 */
void x86_fsbase_load(struct task_struct *prev, struct task_struct *next)
{
	if (prev->thread.fsbase != next->thread.fsbase)
		wrmsr(MSR_FS_BASE, next->thread.fsbase);
}

#define ARCH_SET_GS	0x1001
#define ARCH_SET_FS	0x1002
#define ARCH_GET_FS	0x1003
#define ARCH_GET_GS	0x1004

/**
 * do_arch_prctl_64 - set or read the FS base (the TLS pointer)
 * @task: current
 * @option: ARCH_SET_FS or ARCH_GET_FS (GS is left to the kernel here)
 * @arg2: the new base, or the user address to store it at
 *
 * Return: 0, -EPERM for a base outside the user half, -EFAULT for a bad
 * pointer, -EINVAL for another option.
 * Linux: do_arch_prctl_64() in arch/x86/kernel/process_64.c
 */
static long do_arch_prctl_64(struct task_struct *task, int option, unsigned long arg2)
{
	switch (option) {
	case ARCH_SET_FS:
		if (arg2 >= TASK_SIZE_MAX)
			return -EPERM;
		task->thread.fsbase = arg2;
		wrmsr(MSR_FS_BASE, arg2);
		return 0;
	case ARCH_GET_FS:
		return put_user(task->thread.fsbase, (unsigned long __user *)arg2);
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE2(arch_prctl, int, option, unsigned long, arg2)
{
	return do_arch_prctl_64(current, option, arg2);
}
