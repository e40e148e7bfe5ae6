// SPDX-License-Identifier: GPL-2.0
/*
 * The top-level table of a user address space. Its kernel half (entries
 * 256..511) is a copy of init_top_pgt's: kernel mappings are the same in
 * every address space, and since paging_init() preallocated every
 * kernel-half entry the vmalloc area can use (preallocate_vmalloc_pages()),
 * later kernel mappings change the shared lower tables, never these
 * entries, and no address space can miss one.
 * Linux: arch/x86/mm/pgtable.c (pgd_alloc, pgd_free, pgd_ctor)
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/sched/mm.h>
#include <linux/string.h>
#include <asm/pgtable.h>

#define KERNEL_PGD_BOUNDARY	(PTRS_PER_TABLE / 2)

/**
 * pgd_alloc - a new top-level table for @mm: user half empty
 * @mm: the address space it is for
 * Return: the table, or NULL without memory.
 * Linux: pgd_alloc()
 */
unsigned long *pgd_alloc(struct mm_struct *mm)
{
	unsigned long *pgd = (unsigned long *)get_zeroed_page(GFP_KERNEL);

	if (!pgd)
		return NULL;
	memcpy(pgd + KERNEL_PGD_BOUNDARY, init_top_pgt + KERNEL_PGD_BOUNDARY,
	       KERNEL_PGD_BOUNDARY * sizeof(*pgd));
	return pgd;
}

/**
 * pgd_free - free @mm's top-level table (the user half is empty)
 * @mm: the address space
 * @pgd: its table
 * Linux: pgd_free()
 */
void pgd_free(struct mm_struct *mm, unsigned long *pgd)
{
	free_pages((unsigned long)pgd, 0);
}
