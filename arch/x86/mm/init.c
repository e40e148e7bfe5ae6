// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's own page tables, replacing head.S's boot tables:
 *  - the direct map: every range of RAM at PAGE_OFFSET + phys, writable,
 *    never executable, in 2 MiB pages where alignment allows;
 *  - the kernel image at __START_KERNEL_map + phys in 4 KiB pages with
 *    per-section rights: text read-only and executable, rodata read-only,
 *    data and bss writable and non-executable; the page under the boot
 *    stack (init_stack_guard) is left unmapped, so an overflow faults;
 *  - nothing in the low half: NULL dereferences fault.
 * Page tables come from memblock during boot and from the page allocator
 * afterwards (vmalloc, ioremap). Kernel mappings are shared by all tasks.
 * Locking: init_mm's page tables are changed under pgtable_lock.
 * Linux: arch/x86/mm/init.c, init_64.c (kernel_physical_mapping_init),
 * mm/pgtable-generic.c
 */
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/sched/mm.h>
#include <linux/mm.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/msr.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/setup.h>

unsigned long __supported_pte_mask = ~0UL;
phys_addr_t max_pfn_mapped_end;

/* The kernel's top-level table (Linux: init_top_pgt / swapper_pg_dir). */
unsigned long *init_top_pgt;
/* Serialises changes to init_mm's page tables; irqs off; nests inside vmap_area_lock. */
static DEFINE_SPINLOCK(pgtable_lock);

/* Until the switch, tables are reached through the boot map of the image. */
static bool direct_map_live;

static void *table_va(phys_addr_t phys)
{
	if (direct_map_live)
		return __va(phys);
	BUG_ON(phys >= (1UL << 30));	/* the boot tables map the first GiB only */
	return (void *)(phys + __START_KERNEL_map);
}

static phys_addr_t alloc_table(void)
{
	phys_addr_t phys;

	if (!page_alloc_ready) {
		phys = memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE);
		if (!phys)
			return 0;
	} else {
		unsigned long va = get_zeroed_page(GFP_ATOMIC);

		return va ? __pa(va) : 0;
	}
	memset(table_va(phys), 0, PAGE_SIZE);
	return phys;
}

/* The table under entry @e, created if absent. NULL if out of memory. */
static unsigned long *next_level(unsigned long *e)
{
	if (!(*e & _PAGE_PRESENT)) {
		phys_addr_t t = alloc_table();

		if (!t)
			return NULL;
		/* Intermediate levels allow everything; leaves restrict. */
		*e = t | _PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED;
	}
	BUG_ON(*e & _PAGE_PSE);	/* no splitting of large pages here */
	return table_va(*e & PTE_PFN_MASK);
}

static int __map_kernel_range(unsigned long virt, phys_addr_t phys, unsigned long size,
			      pgprot_t prot)
{
	unsigned long end = virt + size;

	prot &= __supported_pte_mask;
	while (virt < end) {
		unsigned long *pud = next_level(&init_top_pgt[pgd_index(virt)]);
		unsigned long *pmd = pud ? next_level(&pud[pud_index(virt)]) : NULL;
		unsigned long *pte;

		if (!pmd)
			return -ENOMEM;
		if (IS_ALIGNED(virt, PMD_SIZE) && IS_ALIGNED(phys, PMD_SIZE) &&
		    end - virt >= PMD_SIZE) {
			pmd[pmd_index(virt)] = phys | prot | _PAGE_PSE;
			virt += PMD_SIZE;
			phys += PMD_SIZE;
			continue;
		}
		pte = next_level(&pmd[pmd_index(virt)]);
		if (!pte)
			return -ENOMEM;
		pte[pte_index(virt)] = phys | prot;
		if (direct_map_live)
			__flush_tlb_one(virt);
		virt += PAGE_SIZE;
		phys += PAGE_SIZE;
	}
	return 0;
}

/**
 * map_kernel_range - map [@virt, @virt+@size) to physical @phys
 * @virt: page-aligned kernel virtual address
 * @phys: page-aligned physical address
 * @size: bytes, page-aligned
 * @prot: PAGE_KERNEL* bits
 *
 * Return: 0 or -ENOMEM if a page table could not be allocated.
 * Linux: vmap_range() / kernel_physical_mapping_init()
 */
int map_kernel_range(unsigned long virt, phys_addr_t phys, unsigned long size, pgprot_t prot)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&pgtable_lock, flags);
	ret = __map_kernel_range(virt, phys, size, prot);
	spin_unlock_irqrestore(&pgtable_lock, flags);
	return ret;
}

/**
 * lookup_address - the page table entry that maps @virt
 * @virt: kernel virtual address
 * @level: set to 1 for a 4 KiB PTE, 2 for a 2 MiB PMD
 *
 * Return: the entry, or NULL if some level is not present.
 * Linux: lookup_address() in arch/x86/mm/pat/set_memory.c
 */
unsigned long *lookup_address(unsigned long virt, int *level)
{
	unsigned long *t = init_top_pgt;
	unsigned long e;

	e = t[pgd_index(virt)];
	if (!(e & _PAGE_PRESENT))
		return NULL;
	t = table_va(e & PTE_PFN_MASK);
	e = t[pud_index(virt)];
	if (!(e & _PAGE_PRESENT))
		return NULL;
	t = table_va(e & PTE_PFN_MASK);
	if (t[pmd_index(virt)] & _PAGE_PSE) {
		*level = 2;
		return &t[pmd_index(virt)];
	}
	e = t[pmd_index(virt)];
	if (!(e & _PAGE_PRESENT))
		return NULL;
	t = table_va(e & PTE_PFN_MASK);
	*level = 1;
	return (t[pte_index(virt)] & _PAGE_PRESENT) ? &t[pte_index(virt)] : NULL;
}

/**
 * unmap_kernel_range - remove 4 KiB mappings and flush them from this CPU's TLB
 * @virt: page-aligned start
 * @size: bytes
 *
 * Page tables left empty are kept: vmalloc space is reused. Other CPUs
 * may still cache the old translations: the caller shoots them down
 * with flush_tlb_kernel_range() before the range is used again.
 * Linux: vunmap_range()
 */
void unmap_kernel_range(unsigned long virt, unsigned long size)
{
	unsigned long flags;
	int level;

	spin_lock_irqsave(&pgtable_lock, flags);
	for (unsigned long va = virt; va < virt + size; va += PAGE_SIZE) {
		unsigned long *pte = lookup_address(va, &level);

		if (!pte)
			continue;
		BUG_ON(level != 1);
		*pte = 0;
		__flush_tlb_one(va);
	}
	spin_unlock_irqrestore(&pgtable_lock, flags);
}

static void __init map_or_die(unsigned long virt, phys_addr_t phys, unsigned long size,
			      pgprot_t prot)
{
	if (__map_kernel_range(virt, phys, size, prot))
		panic("paging_init: out of memory for page tables");
}

/* Map one part of the image with its rights. */
static void __init map_image_part(char *start, char *end, pgprot_t prot)
{
	unsigned long s = (unsigned long)start, e = PAGE_ALIGN((unsigned long)end);

	map_or_die(s, __pa_symbol(s), e - s, prot);
}

/*
 * Give every top-level entry of the vmalloc area its PUD table now, so
 * that user address spaces, which copy the kernel half of init_top_pgt
 * (pgd_alloc()), share every vmalloc mapping made later.
 * Linux: preallocate_vmalloc_pages() in arch/x86/mm/init_64.c
 */
static void __init preallocate_vmalloc_pages(void)
{
	for (unsigned long addr = VMALLOC_START; addr <= VMALLOC_END;
	     addr += 1UL << PGDIR_SHIFT)
		if (!next_level(&init_top_pgt[pgd_index(addr)]))
			panic("paging_init: out of memory for page tables");
}

/**
 * paging_init - build the kernel's page tables and switch to them
 *
 * Called from setup_arch() once memblock knows the RAM. After this the
 * low identity map of head.S is gone and __va() works for all RAM.
 * Linux: init_mem_mapping() + paging_init() in arch/x86/mm/init.c
 */
void __init paging_init(void)
{
	u32 a, b, c, d;
	phys_addr_t tables;

	cpuid(0x80000001, &a, &b, &c, &d);
	if (!(d & (1U << 20))) {
		__supported_pte_mask &= ~_PAGE_NX;
		pr_warn("x86/mm: CPU has no NX bit: data stays executable\n");
	}

	tables = alloc_table();
	if (!tables)
		panic("paging_init: no memory for the top-level page table");
	init_top_pgt = table_va(tables);

	/* The direct map: RAM and ACPI tables (read through __va()). */
	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		struct e820_entry *e = &e820_table.entries[i];
		phys_addr_t start = PAGE_ALIGN(e->addr);
		phys_addr_t end = ALIGN_DOWN(e->addr + e->size, PAGE_SIZE);

		if (e->type != E820_TYPE_RAM && e->type != E820_TYPE_ACPI &&
		    e->type != E820_TYPE_NVS)
			continue;
		if (start >= end)
			continue;
		map_or_die((unsigned long)__va(start), start, end - start, PAGE_KERNEL);
		if (end > max_pfn_mapped_end)
			max_pfn_mapped_end = end;
	}

	/* The image, part by part; the stack guard page stays unmapped. */
	map_image_part(_text, _etext, PAGE_KERNEL_EXEC_RO);
	map_image_part(_etext, _erodata, PAGE_KERNEL_RO);
	map_image_part(_sdata, init_stack_guard, PAGE_KERNEL);
	map_image_part(init_stack_guard + PAGE_SIZE, _end, PAGE_KERNEL);

	write_cr4(read_cr4() | X86_CR4_PGE);
	write_cr3(tables);
	direct_map_live = true;
	/* The boot-map alias of the table is gone with the boot tables. */
	init_top_pgt = __va(tables);
	init_mm.pgd = init_top_pgt;
	preallocate_vmalloc_pages();
	memblock_set_current_limit(max_pfn_mapped_end);
}
