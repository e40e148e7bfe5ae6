/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt and exception entry, and the low-level halves of a context
 * switch.
 *
 * Every IDT vector has a tiny stub: it pushes a dummy error code if the CPU
 * did not push one (so the stack always looks the same), pushes its vector
 * number and jumps to common_interrupt, which saves the general registers
 * into a struct pt_regs (asm/ptrace.h) and calls
 * do_IRQ_or_exception(regs) in arch/x86/kernel/traps.c. On the way out it
 * restores them and returns with iretq.
 *
 * Spindle runs in ring 0 only (no user mode yet), so there is no swapgs:
 * GS always holds this CPU's per-CPU base.
 * Linux: arch/x86/entry/entry_64.S, arch/x86/include/asm/idtentry.h
 */
#include <generated/asm-offsets.h>
#include <asm/ptrace.h>
#include <asm/segment.h>

/* Vectors for which the CPU pushes an error code. */
#define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

	.cfi_sections .debug_frame	/* for GDB only: the kernel does not unwind */
	.text

/* One stub per vector, 16-byte aligned so the table below can be built. */
	.balign 16
	.globl	irq_entries_start
irq_entries_start:
	vector = 0
	.rept	256
	.balign	16
	.if	!HAS_ERROR_CODE(vector)
	pushq	$-1			/* no error code: orig_ax = -1 */
	.endif
	pushq	$vector
	jmp	common_interrupt
	vector = vector + 1
	.endr

common_interrupt:
	cld
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	%rax
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	/*
	 * Make the handler's backtrace continue into the interrupted code:
	 * a frame whose return address is the interrupted ip and whose saved
	 * bp is the interrupted bp.
	 */
	pushq	17*8(%rsp)		/* regs->ip */
	pushq	%rbp
	movq	%rsp, %rbp
	leaq	16(%rsp), %rdi		/* struct pt_regs * */
	call	do_IRQ_or_exception
	addq	$16, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rax
	popq	%rcx
	popq	%rdx
	popq	%rsi
	popq	%rdi
	addq	$16, %rsp		/* vector and error code */
	iretq

/*
 * struct task_struct *__switch_to_asm(prev, next)
 *
 * Save prev's callee-saved registers on its stack, switch stacks, restore
 * next's and return on next's stack: into next's own earlier call of
 * __switch_to_asm, or, for a new task, into ret_from_fork (copy_thread()
 * built that frame). Returns prev in %rax ("last" in switch_to()).
 * Linux: __switch_to_asm in arch/x86/entry/entry_64.S
 */
	.globl	__switch_to_asm
__switch_to_asm:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, TASK_THREAD_SP(%rdi)	/* prev->thread.sp */
	movq	TASK_THREAD_SP(%rsi), %rsp	/* next->thread.sp */
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	jmp	__switch_to			/* C tail: per-CPU state; returns prev */

/*
 * A new task's first instructions. %rax holds prev (from __switch_to).
 * schedule_tail() finishes the switch (releases the run-queue lock,
 * enables interrupts), then we call fn(fn_arg) from the fork_frame that
 * copy_thread() left above us. A kernel thread's function that returns
 * exits through do_exit() with its return value.
 * Linux: ret_from_fork_asm in arch/x86/entry/entry_64.S and ret_from_fork()
 * in arch/x86/kernel/process.c
 */
	.globl	ret_from_fork
ret_from_fork:
	/* Tell GDB this frame has no caller, so backtraces end cleanly here. */
	.cfi_startproc
	.cfi_undefined rip
	movq	%rax, %rdi
	call	schedule_tail
	popq	%rbx				/* fork_frame.fn */
	popq	%rdi				/* fork_frame.fn_arg */
	xorl	%ebp, %ebp			/* backtraces end here */
	call	*%rbx				/* %rsp is 16-byte aligned */
	movl	%eax, %edi
	call	do_exit				/* never returns */
	ud2
	.cfi_endproc
