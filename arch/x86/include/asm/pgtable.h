/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86-64 four-level page tables: PGD (PML4) -> PUD (PDPT) -> PMD (PD) ->
 * PTE, 512 entries of 8 bytes each, 9 bits of the address per level.
 * A PMD entry with _PAGE_PSE maps 2 MiB directly.
 * Linux: arch/x86/include/asm/pgtable_types.h, pgtable_64.h
 */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <linux/types.h>
#include <asm/page.h>

#define _PAGE_PRESENT	(1UL << 0)
#define _PAGE_RW	(1UL << 1)
#define _PAGE_USER	(1UL << 2)
#define _PAGE_PWT	(1UL << 3)
#define _PAGE_PCD	(1UL << 4)
#define _PAGE_ACCESSED	(1UL << 5)
#define _PAGE_DIRTY	(1UL << 6)
#define _PAGE_PSE	(1UL << 7)	/* in a PMD: a 2 MiB page */
#define _PAGE_GLOBAL	(1UL << 8)	/* kept in the TLB across CR3 loads */
#define _PAGE_NX	(1UL << 63)

#define PTE_PFN_MASK	0x000ffffffffff000UL
#define PTRS_PER_TABLE	512

typedef unsigned long pgprot_t;

/* Kernel mappings: all global, none user-accessible. */
#define PAGE_KERNEL		(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_GLOBAL | _PAGE_NX)
#define PAGE_KERNEL_RO		(_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL | _PAGE_NX)
#define PAGE_KERNEL_EXEC_RO	(_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL)
#define PAGE_KERNEL_NOCACHE	(PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)

/* NX where the CPU has it, else 0 (the bit is reserved without it). */
extern unsigned long __supported_pte_mask;

static inline unsigned int pgd_index(unsigned long va) { return (va >> 39) & 511; }
static inline unsigned int pud_index(unsigned long va) { return (va >> 30) & 511; }
static inline unsigned int pmd_index(unsigned long va) { return (va >> 21) & 511; }
static inline unsigned int pte_index(unsigned long va) { return (va >> 12) & 511; }

/**
 * map_kernel_range - map [@virt, @virt+@size) to physical @phys
 * @virt: page-aligned kernel virtual address
 * @phys: page-aligned physical address
 * @size: bytes, page-aligned
 * @prot: PAGE_KERNEL* bits
 *
 * Uses 2 MiB pages where both addresses and the size allow.
 * Return: 0 or -ENOMEM if a page table could not be allocated.
 */
int map_kernel_range(unsigned long virt, phys_addr_t phys, unsigned long size, pgprot_t prot);
/* Remove the 4 KiB mappings of [@virt, @virt+@size) and flush the TLB. */
void unmap_kernel_range(unsigned long virt, unsigned long size);
/*
 * The entry mapping @virt (a PTE, or a PMD for a 2 MiB page, then
 * *@level is 2), or NULL if nothing maps it.
 */
unsigned long *lookup_address(unsigned long virt, int *level);

void paging_init(void);
/* Entries per table at each level. Linux: PTRS_PER_PGD etc. */
#define PTRS_PER_PGD	512


struct mm_struct;
struct task_struct;
unsigned long *pgd_alloc(struct mm_struct *mm);
void pgd_free(struct mm_struct *mm, unsigned long *pgd);
/* The kernel's top-level page table (Linux: init_top_pgt). */
extern unsigned long *init_top_pgt;
extern phys_addr_t max_pfn_mapped_end;	/* the direct map ends here */

#include <asm/tlbflush.h>

#endif /* _ASM_X86_PGTABLE_H */
