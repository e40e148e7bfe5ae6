// SPDX-License-Identifier: GPL-2.0
/*
 * Structure offsets for assembly code. This file is compiled to assembly
 * only; the Makefile turns each "->NAME value" marker into a #define in
 * build/include/generated/asm-offsets.h, so entry_64.S can say
 * TASK_THREAD_SP instead of a number that silently breaks when
 * struct task_struct changes.
 * Linux: arch/x86/kernel/asm-offsets.c, include/linux/kbuild.h
 */
#include <linux/sched.h>
#include <asm/percpu.h>
#include <asm/ptrace.h>

#define DEFINE(sym, val) \
	__asm__ __volatile__("\n.ascii \"->" #sym " %c0\"" : : "i"(val))
#define OFFSET(sym, str, mem) DEFINE(sym, offsetof(struct str, mem))

void common(void);
void common(void)
{
	OFFSET(TASK_THREAD_SP, task_struct, thread.sp);
	OFFSET(PTREGS_AX, pt_regs, ax);
	OFFSET(PTREGS_ORIG_AX, pt_regs, orig_ax);
	OFFSET(PTREGS_IP, pt_regs, ip);
	OFFSET(PTREGS_CS, pt_regs, cs);
	OFFSET(PTREGS_SP, pt_regs, sp);
	OFFSET(PCPU_TOP_OF_STACK, pcpu_hot, top_of_stack);
	OFFSET(PCPU_USER_SP_SCRATCH, pcpu_hot, user_sp_scratch);
	DEFINE(PTREGS_SIZE, sizeof(struct pt_regs));
}
