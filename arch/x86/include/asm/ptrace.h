/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct pt_regs: the registers of interrupted code or of a system call's
 * caller, as saved on the kernel stack, lowest address first, in Linux's
 * order: the CPU pushes ss..ip (and an error code for some exceptions),
 * arch/x86/entry/entry_64.S pushes the rest. Entries from user mode (a
 * system call, an interrupt or an exception in ring 3) save them at the
 * very top of the task's kernel stack, where task_pt_regs() finds them.
 * Linux: arch/x86/include/asm/ptrace.h
 */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

#ifndef __ASSEMBLY__
struct pt_regs {
	unsigned long r15;
	unsigned long r14;
	unsigned long r13;
	unsigned long r12;
	unsigned long bp;
	unsigned long bx;
	unsigned long r11;
	unsigned long r10;
	unsigned long r9;
	unsigned long r8;
	unsigned long ax;
	unsigned long cx;
	unsigned long dx;
	unsigned long si;
	unsigned long di;
	/*
	 * A system call's number (ax is its return value); an exception's
	 * error code; -1 for an interrupt or an exception without one.
	 */
	unsigned long orig_ax;
	/* pushed by the CPU (by entry_SYSCALL_64 for a system call) */
	unsigned long ip;
	unsigned long cs;
	unsigned long flags;
	unsigned long sp;
	unsigned long ss;
};

static inline int user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

static inline unsigned long user_stack_pointer(const struct pt_regs *regs)
{
	return regs->sp;
}

static inline unsigned long instruction_pointer(const struct pt_regs *regs)
{
	return regs->ip;
}

void show_regs(struct pt_regs *regs);
void show_iret_regs(struct pt_regs *regs, const char *log_lvl);
#endif

#endif /* _ASM_X86_PTRACE_H */
