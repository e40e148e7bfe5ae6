// SPDX-License-Identifier: GPL-2.0
/*
 * The user FPU state (x87 and SSE, 512 bytes in the fxsave format), kept
 * in task->thread.fpu while a user task is switched out. Kernel threads
 * have none: they never touch the registers, so switching to one and
 * back leaves the user's registers as they were.
 * Linux: arch/x86/kernel/fpu/core.c, init.c (fpu__init_cpu)
 */
#include <linux/sched.h>
#include <linux/string.h>
#include <asm/fpu.h>
#include <asm/processor.h>

#define X86_CR0_MP	(1UL << 1)
#define X86_CR0_EM	(1UL << 2)
#define X86_CR0_TS	(1UL << 3)
#define X86_CR4_OSFXSR	(1UL << 9)
#define X86_CR4_OSXMMEXCPT (1UL << 10)

#define MXCSR_DEFAULT	0x1f80	/* all SSE exceptions masked, round to nearest */
#define FCW_DEFAULT	0x037f	/* what fninit sets */

static inline unsigned long fpu_cr0(void)
{
	return read_cr0();
}

/**
 * fpu__init_cpu - let user code use x87 and SSE on this CPU
 *
 * CR4.OSFXSR says the kernel saves the SSE registers (fxsave/fxrstor),
 * without which SSE instructions fault; CR0.EM off and MP on make x87
 * instructions run instead of trapping.
 * Linux: fpu__init_cpu() / fpu__init_cpu_generic()
 */
void fpu__init_cpu(void)
{
	unsigned long cr0 = fpu_cr0();

	cr0 &= ~(X86_CR0_EM | X86_CR0_TS);
	cr0 |= X86_CR0_MP;
	__asm__ __volatile__("mov %0, %%cr0" : : "r"(cr0) : "memory");
	write_cr4(read_cr4() | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT);
}

static bool is_user_task(struct task_struct *p)
{
	return p->mm && !(p->flags & PF_KTHREAD);
}

static void fxsave(struct fxregs_state *fx)
{
	__asm__ __volatile__("fxsave64 %0" : "=m"(*fx));
}

static void fxrstor(const struct fxregs_state *fx)
{
	__asm__ __volatile__("fxrstor64 %0" : : "m"(*fx));
}

/**
 * switch_fpu - hand the FPU registers from @prev to @next
 * @prev: the task leaving the CPU
 * @next: the task getting it
 * Linux: switch_fpu_prepare() + switch_fpu_finish()
 */
void switch_fpu(struct task_struct *prev, struct task_struct *next)
{
	if (is_user_task(prev))
		fxsave(&prev->thread.fpu.state);
	if (is_user_task(next))
		fxrstor(&next->thread.fpu.state);
}

/**
 * fpu__clear_user_states - reset current's FPU registers for a new program
 * Linux: fpu__clear_user_states() / fpu_flush_thread()
 */
void fpu__clear_user_states(void)
{
	struct fxregs_state *fx = &current->thread.fpu.state;

	memset(fx, 0, sizeof(*fx));
	fx->cwd = FCW_DEFAULT;
	fx->mxcsr = MXCSR_DEFAULT;
	fxrstor(fx);
}

/**
 * fpu_clone - give a forked child its parent's FPU registers
 * @dst: the child (its thread.fpu receives current's live registers)
 * Linux: fpu_clone()
 */
void fpu_clone(struct task_struct *dst)
{
	fxsave(&dst->thread.fpu.state);
}
