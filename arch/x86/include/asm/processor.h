/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU control: control registers, cpuid, halting, pause.
 * Linux: arch/x86/include/asm/processor.h, special_insns.h
 */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#include <linux/types.h>

#define X86_CR0_WP	(1UL << 16)
#define X86_CR0_PG	(1UL << 31)
#define X86_CR4_PAE	(1UL << 5)
#define X86_CR4_PGE	(1UL << 7)

static inline unsigned long read_cr2(void)
{
	unsigned long val;

	__asm__ __volatile__("mov %%cr2, %0" : "=r"(val));
	return val;
}

static inline unsigned long read_cr3(void)
{
	unsigned long val;

	__asm__ __volatile__("mov %%cr3, %0" : "=r"(val));
	return val;
}

static inline void write_cr3(unsigned long val)
{
	__asm__ __volatile__("mov %0, %%cr3" : : "r"(val) : "memory");
}

static inline unsigned long read_cr0(void)
{
	unsigned long val;

	__asm__ __volatile__("mov %%cr0, %0" : "=r"(val));
	return val;
}

static inline unsigned long read_cr4(void)
{
	unsigned long val;

	__asm__ __volatile__("mov %%cr4, %0" : "=r"(val));
	return val;
}

static inline void write_cr4(unsigned long val)
{
	__asm__ __volatile__("mov %0, %%cr4" : : "r"(val) : "memory");
}

static inline void cpuid(u32 leaf, u32 *eax, u32 *ebx, u32 *ecx, u32 *edx)
{
	__asm__ __volatile__("cpuid"
			     : "=a"(*eax), "=b"(*ebx), "=c"(*ecx), "=d"(*edx)
			     : "a"(leaf), "c"(0));
}

/* Flush one page's TLB entry after changing its page table entry. */
static inline void __flush_tlb_one(unsigned long addr)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(addr) : "memory");
}

/* Spin-wait hint: lets the CPU (and QEMU) know we are busy-waiting. */
static inline void cpu_relax(void)
{
	__asm__ __volatile__("pause" : : : "memory");
}

static inline void native_halt(void)
{
	__asm__ __volatile__("hlt" : : : "memory");
}

/* Interrupts on, then halt: one instruction pair, so no wakeup is lost. */
static inline void native_safe_halt(void)
{
	__asm__ __volatile__("sti; hlt" : : : "memory");
}

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

#endif /* _ASM_X86_PROCESSOR_H */
