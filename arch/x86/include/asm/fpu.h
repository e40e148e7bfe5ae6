/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The user's x87/SSE registers. The kernel is built without them
 * (-mgeneral-regs-only), so while a task is in the kernel its FPU state
 * is still in the registers; it is saved with fxsave when a user task is
 * switched out and restored with fxrstor when one is switched in.
 * Linux: arch/x86/include/asm/fpu/types.h (struct fxregs_state),
 * arch/x86/kernel/fpu/ (which uses xsave where the CPU has it)
 */
#ifndef _ASM_X86_FPU_H
#define _ASM_X86_FPU_H

#include <linux/types.h>

struct fxregs_state {
	u16 cwd;		/* x87 control word */
	u16 swd;
	u16 twd;
	u16 fop;
	u64 rip;
	u64 rdp;
	u32 mxcsr;		/* SSE control and status */
	u32 mxcsr_mask;
	u32 st_space[32];	/* 8 x87 registers, 16 bytes each */
	u32 xmm_space[64];	/* 16 XMM registers, 16 bytes each */
	u32 padding[24];
} __attribute__((__aligned__(16)));

struct fpu {
	struct fxregs_state state;
};

struct task_struct;

void fpu__init_cpu(void);
/* Save @prev's registers if it is a user task, load @next's if it is one. */
void switch_fpu(struct task_struct *prev, struct task_struct *next);
/* exec: current starts with the registers' reset values. */
void fpu__clear_user_states(void);
/* fork: @dst gets a copy of current's live registers. */
void fpu_clone(struct task_struct *dst);

#endif /* _ASM_X86_FPU_H */
