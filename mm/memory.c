// SPDX-License-Identifier: GPL-2.0
/*
 * User page tables: faulting pages in, copying them on write, sharing
 * them at fork() and tearing them down.
 *
 * A user page is an order-0 page from the buddy allocator; its _refcount
 * is the number of PTEs that map it. fork() (copy_page_range()) maps
 * every private writable page into the child too, read-only in both,
 * and takes a reference: the first write from either side faults, and
 * do_wp_page() gives the writer a copy, or, if it is the last sharer
 * (refcount 1), simply makes the page writable again.
 *
 * Page tables of the user half are allocated on demand (walk_to_pte())
 * and freed only with the whole address space (free_pgtables()).
 * Locking: everything here runs under mm->mmap_lock. Every PTE made
 * stricter or cleared is flushed from every CPU running the mm
 * (flush_tlb_mm_range(), an IPI shootdown on SMP) before the page it
 * mapped may be reused.
 * Linux: mm/memory.c
 */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/string.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

atomic_long_t nr_user_pages;
atomic_long_t nr_cow_copies;

static unsigned long *entry_table(unsigned long entry)
{
	return __va(entry & PTE_PFN_MASK);
}

/* The index of @addr in the table of level @level (0: PGD ... 3: PTE). */
static unsigned int level_index(unsigned long addr, int level)
{
	return (addr >> (PGDIR_SHIFT - 9 * level)) & (PTRS_PER_TABLE - 1);
}

/*
 * The PTE slot for @addr in @mm, allocating the missing page tables on
 * the way if @alloc (then NULL means out of memory). Intermediate
 * entries allow everything (user, writable); the PTE decides.
 * Linux: pgd_offset/pud_alloc/pmd_alloc/pte_alloc, walk_to_pmd()
 */
static unsigned long *walk_to_pte(struct mm_struct *mm, unsigned long addr, bool alloc)
{
	unsigned long *e = &mm->pgd[pgd_index(addr)];

	for (int level = 1; level <= 3; level++) {
		if (!(*e & _PAGE_PRESENT)) {
			struct page *table;

			if (!alloc)
				return NULL;
			table = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);
			if (!table)
				return NULL;
			atomic_long_add(PAGE_SIZE, &mm->pgtables_bytes);
			*e = page_to_phys(table) | _PAGE_PRESENT | _PAGE_RW | _PAGE_USER |
			     _PAGE_ACCESSED;
		}
		e = &entry_table(*e)[level_index(addr, level)];
	}
	return e;
}

/**
 * follow_pte - the present PTE that maps user @address in @mm
 * @mm: the address space
 * @address: a user address
 * Return: the PTE, or NULL if nothing is mapped there.
 * Linux: follow_pte()
 */
unsigned long *follow_pte(struct mm_struct *mm, unsigned long address)
{
	unsigned long *pte = walk_to_pte(mm, address, false);

	return pte && (*pte & _PAGE_PRESENT) ? pte : NULL;
}

static void set_user_pte(unsigned long *pte, struct page *page, unsigned long prot)
{
	*pte = page_to_phys(page) | prot | _PAGE_ACCESSED;
}

/*
 * A first touch of an anonymous page: a zeroed page of our own.
 * Linux: do_anonymous_page() (which maps the shared zero page for reads)
 */
static vm_fault_t do_anonymous_page(struct vm_area_struct *vma, unsigned long *pte,
				    unsigned int flags)
{
	struct page *page = alloc_pages(GFP_HIGHUSER_MOVABLE | __GFP_ZERO, 0);

	if (!page)
		return VM_FAULT_OOM;
	atomic_long_inc(&nr_user_pages);
	set_user_pte(pte, page, vma->vm_page_prot |
		     ((flags & FAULT_FLAG_WRITE) ? _PAGE_DIRTY : 0));
	return 0;
}

/*
 * A write to a present, read-only page of a writable mapping: a page
 * copy-on-write shares since fork(). The last sharer reuses it in
 * place; anyone else gets a copy and drops its reference to the shared
 * one. Linux: do_wp_page() -> wp_page_reuse() / wp_page_copy()
 */
static vm_fault_t do_wp_page(struct vm_area_struct *vma, unsigned long *pte,
			     unsigned long address)
{
	/* LAB 6: do_wp_page */
	struct page *old = pfn_to_page((*pte & PTE_PFN_MASK) >> PAGE_SHIFT);
	struct page *new;

	if (page_ref_count(old) == 1) {
		/* wp_page_reuse(): nobody else maps it any more. */
		*pte |= _PAGE_RW | _PAGE_DIRTY;
		flush_tlb_page(vma, address);
		return 0;
	}
	new = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);
	if (!new)
		return VM_FAULT_OOM;
	memcpy(page_address(new), page_address(old), PAGE_SIZE);	/* copy_user_highpage() */
	atomic_long_inc(&nr_user_pages);
	atomic_long_inc(&nr_cow_copies);
	set_user_pte(pte, new, vma->vm_page_prot | _PAGE_DIRTY);
	/*
	 * Another thread of this mm, on another CPU, may still write the old
	 * page through its TLB: only after the shootdown may we drop our
	 * reference (another sharer may then write it in place).
	 */
	flush_tlb_page(vma, address);
	put_page(old);
	atomic_long_dec(&nr_user_pages);
	return 0;
}

/**
 * handle_mm_fault - resolve a fault at @address inside @vma
 * @vma: the mapping that holds @address (find_vma() checked the access)
 * @address: the faulting address
 * @flags: FAULT_FLAG_WRITE, FAULT_FLAG_USER, FAULT_FLAG_INSTRUCTION
 * @regs: the faulting context (unused)
 *
 * Called with mm->mmap_lock held.
 * Return: 0 when the access can be retried, VM_FAULT_OOM when no page
 * or page table could be had.
 * Linux: handle_mm_fault() -> __handle_mm_fault() -> handle_pte_fault()
 */
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags, struct pt_regs *regs)
{
	unsigned long *pte;

	mmap_assert_locked(vma->vm_mm);
	address &= PAGE_MASK;
	pte = walk_to_pte(vma->vm_mm, address, true);
	if (!pte)
		return VM_FAULT_OOM;
	if (!(*pte & _PAGE_PRESENT))
		return do_anonymous_page(vma, pte, flags);
	if ((flags & FAULT_FLAG_WRITE) && !(*pte & _PAGE_RW))
		return do_wp_page(vma, pte, address);
	/* Already fixed (a stale TLB entry, or another thread's fault): let the access retry. */
	__flush_tlb_one(address);
	return 0;
}

/**
 * zap_page_range - unmap the pages of [@start, @end) in @vma
 * @vma: the mapping
 * @start: page-aligned start, inside @vma
 * @end: page-aligned end, inside @vma
 *
 * Each page loses the reference its PTE held; the page tables stay.
 * Linux: zap_page_range() / unmap_page_range()
 */
void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;

	for (unsigned long a = start; a < end; a += PAGE_SIZE) {
		unsigned long *pte = follow_pte(mm, a);

		if (!pte)
			continue;
		put_page(pfn_to_page((*pte & PTE_PFN_MASK) >> PAGE_SHIFT));
		atomic_long_dec(&nr_user_pages);
		*pte = 0;
	}
	flush_tlb_mm_range(mm, start, end, PAGE_SHIFT, false);
}

/* Free the tables under @entry (a table of level @level), then the table. */
static void free_table(struct mm_struct *mm, unsigned long entry, int level)
{
	unsigned long *t = entry_table(entry);

	if (level < 3)
		for (int i = 0; i < PTRS_PER_TABLE; i++)
			if (t[i] & _PAGE_PRESENT)
				free_table(mm, t[i], level + 1);
	free_pages((unsigned long)t, 0);
	atomic_long_sub(PAGE_SIZE, &mm->pgtables_bytes);
}

/**
 * free_pgtables - free every page table of @mm's user half
 * @mm: an address space whose pages are all unmapped already
 * Linux: free_pgtables()
 */
void free_pgtables(struct mm_struct *mm)
{
	for (unsigned int i = 0; i < pgd_index(TASK_SIZE_MAX) + 1; i++) {
		if (mm->pgd[i] & _PAGE_PRESENT)
			free_table(mm, mm->pgd[i], 1);
		mm->pgd[i] = 0;
	}
}

/**
 * copy_page_range - map @src_vma's pages into @dst_vma for fork()
 * @dst_vma: the child's copy of the mapping (same range, child's mm)
 * @src_vma: the parent's mapping
 *
 * A private writable page becomes read-only in both address spaces and
 * shared, one more reference each time: copy-on-write. Called with both
 * mms' mmap_lock held.
 * Return: 0, or -ENOMEM if a child page table could not be allocated
 * (what was mapped so far is undone by the child's mmput()).
 * Linux: copy_page_range() -> copy_pte_range() -> copy_present_pte()
 */
int copy_page_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma)
{
	/* LAB 6: copy_page_range */
	struct mm_struct *src_mm = src_vma->vm_mm, *dst_mm = dst_vma->vm_mm;
	bool cow = (src_vma->vm_flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;

	mmap_assert_locked(src_mm);
	mmap_assert_locked(dst_mm);
	for (unsigned long a = src_vma->vm_start; a < src_vma->vm_end; a += PAGE_SIZE) {
		unsigned long *src = follow_pte(src_mm, a), *dst;

		if (!src)
			continue;
		dst = walk_to_pte(dst_mm, a, true);
		if (!dst)
			return -ENOMEM;
		if (cow)
			*src &= ~_PAGE_RW;
		get_page(pfn_to_page((*src & PTE_PFN_MASK) >> PAGE_SHIFT));
		atomic_long_inc(&nr_user_pages);
		*dst = *src;
	}
	if (cow)
		flush_tlb_mm_range(src_mm, src_vma->vm_start, src_vma->vm_end, PAGE_SHIFT, false);
	return 0;
}

/**
 * access_remote_vm - write @len bytes of @buf into @mm at @addr
 * @mm: the address space (its mmap_lock is taken here)
 * @addr: user address, inside VMAs of @mm
 * @buf: the bytes
 * @len: how many
 *
 * Writes even where the mapping is read-only (exec fills a program's
 * text this way), as Linux's FOLL_FORCE does: each page is faulted in,
 * and a page shared copy-on-write is copied first.
 * Return: the bytes written (less than @len if an address had no VMA
 * or no memory could be had).
 * Linux: access_remote_vm() with FOLL_WRITE | FOLL_FORCE
 */
int access_remote_vm(struct mm_struct *mm, unsigned long addr, const void *buf, int len)
{
	const char *src = buf;
	int done = 0;

	mutex_lock(&mm->mmap_lock);
	while (done < len) {
		unsigned long off = addr & ~PAGE_MASK;
		int n = min_t(int, len - done, PAGE_SIZE - off);
		struct vm_area_struct *vma = find_vma(mm, addr);
		unsigned long *pte;
		struct page *page;

		if (!vma || vma->vm_start > addr)
			break;
		pte = follow_pte(mm, addr);
		if (!pte && handle_mm_fault(vma, addr, 0, NULL))
			break;
		pte = follow_pte(mm, addr);
		if (!pte)
			break;
		page = pfn_to_page((*pte & PTE_PFN_MASK) >> PAGE_SHIFT);
		if (page_ref_count(page) > 1) {
			if (do_wp_page(vma, pte, addr & PAGE_MASK))
				break;
			page = pfn_to_page((*pte & PTE_PFN_MASK) >> PAGE_SHIFT);
		}
		memcpy((char *)page_address(page) + off, src + done, n);
		done += n;
		addr += n;
	}
	mutex_unlock(&mm->mmap_lock);
	return done;
}

/**
 * access_remote_vm_read - copy @len bytes of @mm at @addr into @buf
 * @mm: another process's address space (its mm_users held by the caller)
 * @addr: user address
 * @buf: kernel buffer
 * @len: how many
 *
 * For /proc/<pid>/cmdline and environ. A page never touched reads as
 * zeros (nothing is faulted in just to be read).
 * Return: the bytes copied (less than @len where an address has no VMA).
 * Linux: access_remote_vm() without FOLL_WRITE
 */
int access_remote_vm_read(struct mm_struct *mm, unsigned long addr, void *buf, int len)
{
	char *dst = buf;
	int done = 0;

	mutex_lock(&mm->mmap_lock);
	while (done < len) {
		unsigned long off = addr & ~PAGE_MASK;
		int n = min_t(int, len - done, PAGE_SIZE - off);
		struct vm_area_struct *vma = find_vma(mm, addr);
		unsigned long *pte;

		if (!vma || vma->vm_start > addr)
			break;
		pte = follow_pte(mm, addr);
		if (pte && (*pte & _PAGE_PRESENT))
			memcpy(dst + done, (char *)page_address(pfn_to_page((*pte & PTE_PFN_MASK) >>
					   PAGE_SHIFT)) + off, n);
		else
			memset(dst + done, 0, n);
		done += n;
		addr += n;
	}
	mutex_unlock(&mm->mmap_lock);
	return done;
}
