/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct pt_regs: the registers of interrupted code, as saved on the stack
 * by the CPU (ss..ip, and an error code for some exceptions) and by
 * arch/x86/entry/entry_64.S (the rest). Lowest address first.
 * Linux: arch/x86/include/asm/ptrace.h. Spindle adds @vector, which Linux
 * folds into orig_ax for interrupts and knows statically for exceptions.
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
	unsigned long vector;	/* IDT vector that brought us here */
	unsigned long orig_ax;	/* error code, or -1 when the CPU gave none */
	/* pushed by the CPU */
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

void show_regs(struct pt_regs *regs);
#endif

#endif /* _ASM_X86_PTRACE_H */
