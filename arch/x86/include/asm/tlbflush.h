/* SPDX-License-Identifier: GPL-2.0 */
/*
 * TLB flushing and address-space switching (arch/x86/mm/tlb.c): what a
 * change to page tables must call so that no CPU keeps using the old
 * translation.
 * Linux: arch/x86/include/asm/tlbflush.h, asm/mmu_context.h
 */
#ifndef _ASM_X86_TLBFLUSH_H
#define _ASM_X86_TLBFLUSH_H

#include <linux/types.h>

struct mm_struct;
struct task_struct;
struct vm_area_struct;

/* flush_tlb_mm_range()'s end for "the whole address space". */
#define TLB_FLUSH_ALL	(-1UL)

/* Drop kernel translations of [start, end) from every CPU's TLB. */
void flush_tlb_kernel_range(unsigned long start, unsigned long end);
/* Drop @mm's translations of [start, end) on every CPU that has @mm loaded. */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end,
			unsigned int stride_shift, bool freed_tables);
void flush_tlb_page(struct vm_area_struct *vma, unsigned long a);
/* Before @mm is freed: no CPU may still run on it lazily. */
void cleanup_lazy_tlbs(struct mm_struct *mm);

void switch_mm_irqs_off(struct mm_struct *prev, struct mm_struct *next, struct task_struct *tsk);
void enter_lazy_tlb(struct mm_struct *mm, struct task_struct *tsk);

#endif /* _ASM_X86_TLBFLUSH_H */
