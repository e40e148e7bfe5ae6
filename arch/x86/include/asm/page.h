/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's virtual memory layout, as Linux lays it out on x86-64:
 *
 *   0xffff888000000000  PAGE_OFFSET: every byte of RAM, mapped 1:1 (the
 *                       "direct map"); __va()/__pa() convert.
 *   0xffffc90000000000  VMALLOC_START: pages mapped on demand (MMIO from
 *                       ioremap(), kernel stacks with guard pages).
 *   0xffffffff80000000  __START_KERNEL_map: the kernel image; physical
 *                       address P is mapped at __START_KERNEL_map + P.
 *
 * The low half of the address space is left unmapped after boot, so a
 * NULL pointer dereference faults.
 * Linux: arch/x86/include/asm/page_64_types.h, page_types.h
 */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#include <linux/const.h>

#define PAGE_SHIFT		12
#define PAGE_SIZE		(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PMD_SHIFT		21
#define PMD_SIZE		(_AC(1, UL) << PMD_SHIFT)
#define PMD_MASK		(~(PMD_SIZE - 1))
#define PUD_SHIFT		30
#define PUD_SIZE		(_AC(1, UL) << PUD_SHIFT)
#define PGDIR_SHIFT		39

#define __START_KERNEL_map	_AC(0xffffffff80000000, UL)
#define PAGE_OFFSET		_AC(0xffff888000000000, UL)
#define VMALLOC_START		_AC(0xffffc90000000000, UL)
#define VMALLOC_END		_AC(0xffffe8ffffffffff, UL)

/* Where the loader puts the image: 1 MiB, above the BIOS's low memory. */
#define LOAD_PHYSICAL_ADDR	0x100000

#ifndef __ASSEMBLY__
#include <linux/types.h>

/* Direct map: physical address <-> kernel virtual address. */
#define __va(x)		((void *)((unsigned long)(x) + PAGE_OFFSET))
#define __pa(x)		((phys_addr_t)((unsigned long)(x) - PAGE_OFFSET))
/* Addresses of symbols in the kernel image (linked at __START_KERNEL_map). */
#define __pa_symbol(x)	((phys_addr_t)((unsigned long)(x) - __START_KERNEL_map))

#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_PHYS(x)	((phys_addr_t)(x) << PAGE_SHIFT)
#define PAGE_ALIGN(x)	(((x) + PAGE_SIZE - 1) & PAGE_MASK)

#define ALIGN(x, a)		(((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a)	((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)

/**
 * clear_page - zero one page
 * @page: its kernel address, page-aligned
 *
 * One "rep stosq": the CPU stores the 512 words itself, where memset()'s
 * C loop (lib/string.c) spends a compare and a branch on each. For pages
 * handed out zeroed (__GFP_ZERO) and kernel stacks reused from the cache.
 * Linux: clear_page_rep() in arch/x86/lib/clear_page_64.S
 */
static inline void clear_page(void *page)
{
	unsigned long words = PAGE_SIZE / sizeof(long);

	asm volatile("rep stosq"
		     : "+c" (words), "+D" (page)
		     : "a" (0UL)
		     : "memory");
}
#endif

#endif /* _ASM_X86_PAGE_H */
