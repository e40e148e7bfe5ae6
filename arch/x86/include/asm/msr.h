/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model-specific registers.
 * Linux: arch/x86/include/asm/msr.h, msr-index.h
 */
#ifndef _ASM_X86_MSR_H
#define _ASM_X86_MSR_H

#include <linux/types.h>

#define MSR_EFER		0xc0000080
#define EFER_SCE		(1U << 0)	/* syscall/sysret enabled */
#define EFER_LMA		(1ULL << 10)	/* long mode active: set by the CPU */
#define EFER_LME		(1U << 8)
#define EFER_NX			(1U << 11)
#define MSR_STAR		0xc0000081	/* syscall/sysret segment bases */
#define MSR_LSTAR		0xc0000082	/* 64-bit syscall entry point */
#define MSR_CSTAR		0xc0000083	/* compat-mode syscall entry point */
#define MSR_SYSCALL_MASK	0xc0000084	/* rflags bits syscall clears */
#define MSR_FS_BASE		0xc0000100
#define MSR_GS_BASE		0xc0000101
#define MSR_KERNEL_GS_BASE	0xc0000102
#define MSR_IA32_APICBASE	0x0000001b
#define MSR_IA32_APICBASE_ENABLE (1U << 11)

static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

static inline void wrmsr(u32 msr, u64 val)
{
	__asm__ __volatile__("wrmsr" : : "c"(msr), "a"((u32)val), "d"((u32)(val >> 32))
			     : "memory");
}

#endif /* _ASM_X86_MSR_H */
