/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every way into the kernel and back out, and the low-level halves of a
 * context switch.
 *
 * Interrupts and exceptions: every IDT vector has a tiny stub that pushes
 * a dummy error code if the CPU did not push one (so the stack always
 * looks the same), pushes its vector number and jumps to common_interrupt.
 * That swaps the vector for %rdi, saves the other general registers into
 * a struct pt_regs (asm/ptrace.h) and calls do_IRQ_or_exception(regs,
 * vector) in arch/x86/kernel/traps.c.
 *
 * System calls: the `syscall` instruction jumps to entry_SYSCALL_64
 * (MSR_LSTAR, set by syscall_init()) still on the user stack, with the
 * user's return address in %rcx and flags in %r11; it builds the same
 * struct pt_regs at the top of the task's kernel stack and calls
 * do_syscall_64() (arch/x86/entry/common.c). The way back is `sysret`
 * when the registers allow it, else `iret`.
 *
 * GS: in the kernel, MSR_GS_BASE points at this CPU's struct pcpu_hot
 * (asm/percpu.h); in user mode it holds the user's GS base, and the
 * kernel's waits in MSR_KERNEL_GS_BASE. `swapgs` exchanges the two, so it
 * runs on every entry from ring 3 and on every exit to it, and never
 * for an entry from ring 0 (the saved CS says which).
 * Linux: arch/x86/entry/entry_64.S, arch/x86/entry/calling.h,
 * arch/x86/include/asm/idtentry.h
 */
#include <generated/asm-offsets.h>
#include <linux/errno.h>
#include <asm/asm.h>
#include <asm/ptrace.h>
#include <asm/segment.h>

/* Vectors for which the CPU pushes an error code. */
#define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

/*
 * Save the general registers after %rdi (already in place) into struct
 * pt_regs, %rax's slot holding \rax. Linux: PUSH_AND_CLEAR_REGS
 */
.macro PUSH_REGS_AFTER_DI rax=%rax
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	\rax
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
.endm

/* Restore them; %rsp ends at orig_ax. Linux: POP_REGS */
.macro POP_REGS
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
.endm

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
	/* (%rsp): vector, 8: orig_ax, 16: ip, 24: cs, pushed by the CPU */
	testb	$3, 24(%rsp)
	jz	1f
	swapgs				/* from user mode: the kernel's GS */
1:
	xchgq	%rdi, (%rsp)		/* %rdi's slot in pt_regs; %rdi = vector */
	PUSH_REGS_AFTER_DI
	ASM_CLAC			/* no user access in the handler; iret restores AC */
	movq	%rdi, %rsi		/* the vector */
	/*
	 * Make the handler's backtrace continue into the interrupted code:
	 * a frame whose return address is the interrupted ip and whose saved
	 * bp is the interrupted bp.
	 */
	pushq	PTREGS_IP(%rsp)
	pushq	%rbp
	movq	%rsp, %rbp
	leaq	16(%rsp), %rdi		/* struct pt_regs * */
	/*
	 * The CPU pushed its frame 16-byte aligned; pt_regs and this frame
	 * are 23 words: one more, so the handler starts as the ABI says
	 * (an aligned local, like the signal frame's fxsave area, needs it).
	 */
	subq	$8, %rsp
	call	do_IRQ_or_exception
.Lhandler_return:
	addq	$24, %rsp
	testb	$3, PTREGS_CS(%rsp)
	jnz	swapgs_restore_regs_and_return_to_usermode
	POP_REGS
	addq	$8, %rsp		/* orig_ax */
	iretq

/*
 * The handler's return address, for the backtrace (show_stack()): the frame
 * above one that returns there is the one made here, and holds no return
 * address but the interrupted ip, with struct pt_regs right above it.
 * Linux marks such frames in %rbp instead (ENCODE_FRAME_POINTER).
 */
	.pushsection .rodata
	.balign	8
	.globl	exception_frame_return
exception_frame_return:
	.quad	.Lhandler_return
	.popsection

/*
 * The way out to user mode that always works: iret restores ip, cs,
 * flags, sp and ss from pt_regs, whatever they hold. Interrupts are off.
 * Linux: swapgs_restore_regs_and_return_to_usermode
 */
	.globl	swapgs_restore_regs_and_return_to_usermode
swapgs_restore_regs_and_return_to_usermode:
	POP_REGS
	addq	$8, %rsp		/* orig_ax */
	swapgs
	iretq

/*
 * The system call entry, reached by `syscall` from ring 3 with
 *	%rax = the number, %rdi %rsi %rdx %r10 %r8 %r9 = arguments,
 *	%rcx = the user's return address, %r11 = the user's rflags,
 * interrupts off (MSR_SYSCALL_MASK clears IF, DF, TF, AC) and %rsp still
 * the user's: nothing may touch the stack before it is switched.
 * Linux: entry_SYSCALL_64
 */
	.globl	entry_SYSCALL_64
entry_SYSCALL_64:
	swapgs
	movq	%rsp, %gs:PCPU_USER_SP_SCRATCH
	movq	%gs:PCPU_TOP_OF_STACK, %rsp
	/* The frame the CPU would have pushed for an interrupt */
	pushq	$__USER_DS			/* pt_regs->ss */
	pushq	%gs:PCPU_USER_SP_SCRATCH	/* pt_regs->sp */
	pushq	%r11				/* pt_regs->flags */
	pushq	$__USER_CS			/* pt_regs->cs */
	pushq	%rcx				/* pt_regs->ip */
	pushq	%rax				/* pt_regs->orig_ax */
	pushq	%rdi
	PUSH_REGS_AFTER_DI rax=$-ENOSYS
	movq	%rsp, %rdi			/* struct pt_regs * */
	/* A frame for backtraces: "called" from the user's ip, chain ends. */
	pushq	PTREGS_IP(%rdi)
	pushq	$0
	movq	%rsp, %rbp
	subq	$8, %rsp			/* calls need a 16-byte aligned stack */
	movslq	%eax, %rsi			/* the number, as Linux: int nr */
	call	do_syscall_64			/* returns with interrupts off */
	movq	%rbp, %rsp
	addq	$16, %rsp
	testb	%al, %al
	jz	swapgs_restore_regs_and_return_to_usermode
	/*
	 * sysret: do_syscall_64() checked that pt_regs->cx is the ip and
	 * r11 the flags to return with, so the popped values are right.
	 */
	POP_REGS
	movq	PTREGS_SP-PTREGS_ORIG_AX(%rsp), %rsp	/* the user's stack */
	swapgs
	sysretq

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
 * A new task's first instructions. %rax holds prev (from __switch_to);
 * copy_thread() left fn in %rbx, fn_arg in %r12 and a struct pt_regs
 * above us. schedule_tail() finishes the switch (releases the run-queue
 * lock, enables interrupts). Then:
 *  - a kernel thread (fn set) calls fn(fn_arg); a function that returns
 *    exits through do_exit() with its return value, unless it was pid 1's
 *    kernel_init() after a successful kernel_execve(), which filled
 *    pt_regs with a user context: then, as a forked child,
 *  - go to user mode through pt_regs: a child of fork() returns from its
 *    system call with %rax = 0 (copy_thread() set it).
 * The do_exit() call is Spindle's, not Linux's: in Linux a kernel thread's
 * function never returns here (kthread() ends in kthread_exit(), and a
 * returning kernel_thread() function goes on to user mode), while here any
 * kernel_thread() function may return its exit code.
 * Linux: ret_from_fork in arch/x86/entry/entry_64.S (6.1)
 */
	.globl	ret_from_fork
ret_from_fork:
	/* Tell GDB this frame has no caller, so backtraces end cleanly here. */
	.cfi_startproc
	.cfi_undefined rip
	pushq	$0				/* no caller; aligns the stack */
	movq	%rax, %rdi
	call	schedule_tail
	testq	%rbx, %rbx
	jz	2f				/* a user task from fork() */
	movq	%r12, %rdi
	xorl	%ebp, %ebp			/* backtraces end here */
	call	*%rbx
	testb	$3, 8+PTREGS_CS(%rsp)
	jnz	2f				/* kernel_execve() set up user mode */
	/* fn returned an int, do_exit() takes a long: -5 must stay -5. */
	movslq	%eax, %rdi
	call	do_exit				/* never returns */
	ud2
2:
	leaq	8(%rsp), %rdi			/* struct pt_regs * */
	call	syscall_exit_to_user_mode	/* returns with interrupts off */
	addq	$8, %rsp
	jmp	swapgs_restore_regs_and_return_to_usermode
	.cfi_endproc
