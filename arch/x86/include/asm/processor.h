/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU control: control registers, cpuid, halting, pause.
 * Linux: arch/x86/include/asm/processor.h, special_insns.h
 */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#include <linux/types.h>
#include <asm/page.h>
#include <asm/thread_info.h>

#define X86_CR0_WP	(1UL << 16)
#define X86_CR0_PG	(1UL << 31)
#define X86_CR4_PAE	(1UL << 5)
#define X86_CR4_PGE	(1UL << 7)
#define X86_CR4_SMEP	(1UL << 20)
#define X86_CR4_SMAP	(1UL << 21)

/* arch/x86/kernel/cpu.c: the CPUs run with SMAP (1) or without (0). */
extern unsigned char x86_smap_enabled;

/*
 * The user half of every address space: [0, TASK_SIZE_MAX). The last
 * page below the canonical hole stays unmapped: `sysret` to an address
 * there would fault in the kernel on some CPUs.
 * Linux: arch/x86/include/asm/page_64_types.h, processor.h
 */
#define TASK_SIZE_MAX	((1UL << 47) - PAGE_SIZE)
#define TASK_SIZE	TASK_SIZE_MAX
#define STACK_TOP	TASK_SIZE
/* Where mmap() starts searching down from: below the stack's limit. */
#define TASK_UNMAPPED_BASE	(STACK_TOP - (1UL << 30))

/* The user registers saved at the top of @task's kernel stack. */
#define task_pt_regs(task) \
	((struct pt_regs *)((unsigned long)(task)->stack + THREAD_SIZE) - 1)
#define current_pt_regs() task_pt_regs(current)

struct pt_regs;
/* Make @regs return to user mode at @new_ip with stack @new_sp (exec). */
void start_thread(struct pt_regs *regs, unsigned long new_ip, unsigned long new_sp);

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
