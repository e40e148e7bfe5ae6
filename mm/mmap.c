// SPDX-License-Identifier: GPL-2.0
/*
 * The mappings of an address space: VMAs in an rbtree keyed by address
 * (find_vma() in O(log n)) and in a sorted list (walking them in order),
 * and the calls that change them: mmap/munmap/mprotect of anonymous
 * private memory, brk for the heap, the stack's growth on a fault.
 * Everything here is called with mm->mmap_lock held, and checks it.
 * Linux: mm/mmap.c (before 6.1's maple tree), mm/mprotect.c
 */
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

static struct kmem_cache *vm_area_cachep;

/**
 * mmap_init - create the VMA cache
 * Linux: proc_caches_init()
 */
void mmap_init(void)
{
	vm_area_cachep = kmem_cache_create("vm_area_struct", sizeof(struct vm_area_struct),
					   0, 0, NULL);
	BUG_ON(!vm_area_cachep);
}

/**
 * vm_area_alloc - a zeroed VMA for @mm
 * @mm: its address space
 * Return: the VMA or NULL. Linux: vm_area_alloc() in kernel/fork.c
 */
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = kmem_cache_zalloc(vm_area_cachep, GFP_KERNEL);

	if (vma) {
		vma->vm_mm = mm;
		RB_CLEAR_NODE(&vma->vm_rb);
	}
	return vma;
}

/**
 * vm_area_dup - a copy of @orig, not linked anywhere
 * @orig: the VMA to copy (its file gets another reference)
 * Return: the copy or NULL. Linux: vm_area_dup()
 */
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *vma = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);

	if (vma) {
		*vma = *orig;
		vma->vm_next = vma->vm_prev = NULL;
		RB_CLEAR_NODE(&vma->vm_rb);
		if (vma->vm_file)
			get_file(vma->vm_file);
	}
	return vma;
}

/**
 * vm_area_free - free an unlinked VMA
 * @vma: the VMA (its file reference is dropped)
 * Linux: vm_area_free()
 */
void vm_area_free(struct vm_area_struct *vma)
{
	if (vma->vm_file)
		fput(vma->vm_file);
	kmem_cache_free(vm_area_cachep, vma);
}

/**
 * vm_get_page_prot - the PTE bits for pages of a mapping with @vm_flags
 * @vm_flags: VM_READ, VM_WRITE, VM_EXEC
 * Return: user, present, writable if VM_WRITE, NX unless VM_EXEC.
 * Linux: vm_get_page_prot() (protection_map[])
 */
unsigned long vm_get_page_prot(unsigned long vm_flags)
{
	unsigned long prot = _PAGE_PRESENT | _PAGE_USER;

	if (vm_flags & VM_WRITE)
		prot |= _PAGE_RW;
	if (!(vm_flags & VM_EXEC))
		prot |= _PAGE_NX & __supported_pte_mask;
	return prot;
}

/**
 * find_vma - the first VMA that ends above @addr
 * @mm: the address space
 * @addr: a user address
 *
 * It may start above @addr too: the caller checks vm_start.
 * Return: the VMA, or NULL if none ends above @addr.
 * Linux: find_vma()
 */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *node = mm->mm_rb.rb_node;
	struct vm_area_struct *found = NULL;

	while (node) {
		struct vm_area_struct *vma = rb_entry(node, struct vm_area_struct, vm_rb);

		if (vma->vm_end > addr) {
			found = vma;
			if (vma->vm_start <= addr)
				break;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return found;
}

/**
 * insert_vm_struct - link @vma into @mm
 * @mm: the address space
 * @vma: a VMA of @mm that overlaps none there
 * Return: 0, or -ENOMEM if it overlaps an existing one.
 * Linux: insert_vm_struct() / vma_link()
 */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL;
	struct vm_area_struct *prev = NULL, *next;

	mmap_assert_locked(mm);
	while (*link) {
		struct vm_area_struct *v = rb_entry(*link, struct vm_area_struct, vm_rb);

		parent = *link;
		if (vma->vm_end <= v->vm_start) {
			link = &parent->rb_left;
		} else if (vma->vm_start >= v->vm_end) {
			prev = v;
			link = &parent->rb_right;
		} else {
			return -ENOMEM;
		}
	}
	rb_link_node(&vma->vm_rb, parent, link);
	rb_insert_color(&vma->vm_rb, &mm->mm_rb);
	next = prev ? prev->vm_next : mm->mmap;
	vma->vm_prev = prev;
	vma->vm_next = next;
	if (prev)
		prev->vm_next = vma;
	else
		mm->mmap = vma;
	if (next)
		next->vm_prev = vma;
	mm->map_count++;
	mm->total_vm += (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	return 0;
}

/* Take @vma out of @mm's tree and list. Linux: __vma_unlink_list() */
static void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	rb_erase(&vma->vm_rb, &mm->mm_rb);
	if (vma->vm_prev)
		vma->vm_prev->vm_next = vma->vm_next;
	else
		mm->mmap = vma->vm_next;
	if (vma->vm_next)
		vma->vm_next->vm_prev = vma->vm_prev;
	mm->map_count--;
	mm->total_vm -= (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/**
 * get_unmapped_area - a free range of @len bytes for mmap()
 * @mm: the address space
 * @len: page-aligned length
 *
 * Searches down from mm->mmap_base (below the stack), as Linux's
 * top-down layout does, for the highest gap that fits.
 * Return: its start, or -ENOMEM.
 * Linux: get_unmapped_area() / unmapped_area_topdown()
 */
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long len)
{
	unsigned long end = mm->mmap_base;
	struct vm_area_struct *vma;

	if (!len || len > end)
		return -ENOMEM;
	/* Walk the VMAs from the highest down, looking at the gap above each. */
	for (vma = mm->mmap; vma && vma->vm_next; vma = vma->vm_next)
		;
	for (; vma; vma = vma->vm_prev) {
		if (vma->vm_start >= end)
			continue;
		if (vma->vm_end <= end - len)
			return end - len;
		end = vma->vm_start;
		if (end < len + PAGE_SIZE)
			return -ENOMEM;
	}
	/* Page 0 stays unmapped: NULL pointers must fault. */
	return end >= len + PAGE_SIZE ? end - len : (unsigned long)-ENOMEM;
}

/**
 * do_mmap - map @len bytes of anonymous memory at @addr (0: anywhere)
 * @mm: the address space (mmap_lock held)
 * @addr: a fixed page-aligned address, or 0 to choose one
 * @len: bytes (rounded up to pages)
 * @vm_flags: VM_READ, VM_WRITE, VM_EXEC, VM_GROWSDOWN...
 * @file: the file the contents come from, or NULL (a reference is taken;
 *	the contents are copied in by the caller: exec's ELF segments)
 *
 * Pages come on first touch (handle_mm_fault()). A fixed @addr replaces
 * whatever was mapped there (MAP_FIXED).
 * Return: the start address, or a negative errno.
 * Linux: do_mmap() / mmap_region()
 */
unsigned long do_mmap(struct mm_struct *mm, unsigned long addr, unsigned long len,
		      unsigned long vm_flags, struct file *file)
{
	struct vm_area_struct *vma;
	int ret;

	mmap_assert_locked(mm);
	len = PAGE_ALIGN(len);
	if (!len || len > TASK_SIZE_MAX)
		return -ENOMEM;
	if (addr) {
		if (addr & ~PAGE_MASK || addr > TASK_SIZE_MAX - len)
			return -EINVAL;
		ret = do_munmap(mm, addr, len);
		if (ret)
			return ret;
	} else {
		addr = get_unmapped_area(mm, len);
		if (IS_ERR_VALUE(addr))
			return addr;
	}
	vma = vm_area_alloc(mm);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	vma->vm_page_prot = vm_get_page_prot(vm_flags);
	vma->vm_file = file ? get_file(file) : NULL;
	ret = insert_vm_struct(mm, vma);
	if (ret) {
		vm_area_free(vma);
		return ret;
	}
	return addr;
}

/*
 * Split @vma at @addr: @vma keeps [vm_start, addr), a new VMA takes
 * [addr, vm_end). Linux: __split_vma()
 */
static int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr)
{
	struct vm_area_struct *new = vm_area_dup(vma);

	if (!new)
		return -ENOMEM;
	vma_unlink(mm, vma);
	new->vm_start = addr;
	vma->vm_end = addr;
	if (insert_vm_struct(mm, vma) || insert_vm_struct(mm, new))
		BUG();	/* both halves lie where the whole was */
	return 0;
}

/**
 * do_munmap - unmap [@start, @start + @len)
 * @mm: the address space (mmap_lock held)
 * @start: page-aligned start
 * @len: bytes (rounded up to pages)
 *
 * VMAs partly inside are split; pages are freed when their last
 * mapping goes.
 * Return: 0, -EINVAL for a bad range, -ENOMEM if a split failed.
 * Linux: do_munmap() / __do_munmap()
 */
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	unsigned long end;
	struct vm_area_struct *vma;

	mmap_assert_locked(mm);
	len = PAGE_ALIGN(len);
	if ((start & ~PAGE_MASK) || !len || start > TASK_SIZE_MAX || len > TASK_SIZE_MAX - start)
		return -EINVAL;
	end = start + len;
	for (;;) {
		vma = find_vma(mm, start);
		if (!vma || vma->vm_start >= end)
			return 0;
		if (vma->vm_start < start) {
			if (split_vma(mm, vma, start))
				return -ENOMEM;
			continue;
		}
		if (vma->vm_end > end && split_vma(mm, vma, end))
			return -ENOMEM;
		zap_page_range(vma, vma->vm_start, vma->vm_end);
		vma_unlink(mm, vma);
		vm_area_free(vma);
	}
}

/**
 * vm_brk_flags - map anonymous memory at [@addr, @addr + @len)
 * @mm: the address space (mmap_lock held)
 * @addr: page-aligned start
 * @len: bytes
 * @flags: extra VM_* flags (VM_EXEC)
 *
 * The heap (brk) and an ELF program's bss.
 * Return: 0 or a negative errno.
 * Linux: vm_brk_flags() / do_brk_flags()
 */
int vm_brk_flags(struct mm_struct *mm, unsigned long addr, unsigned long len,
		 unsigned long flags)
{
	unsigned long ret;

	len = PAGE_ALIGN(len);
	if (!len)
		return 0;
	ret = do_mmap(mm, addr, len, VM_READ | VM_WRITE | flags, NULL);
	return IS_ERR_VALUE(ret) ? (int)ret : 0;
}

/**
 * expand_stack - grow the stack VMA down to cover @address
 * @vma: a VM_GROWSDOWN mapping above @address
 * @address: the faulting address
 *
 * Return: 0, or -ENOMEM beyond the stack limit (_STK_LIM below its top)
 * or into the mapping below.
 * Linux: expand_stack() / expand_downwards() / acct_stack_growth()
 */
int expand_stack(struct vm_area_struct *vma, unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long start = address & PAGE_MASK;

	mmap_assert_locked(mm);
	if (vma->vm_end - start > _STK_LIM)
		return -ENOMEM;
	if (vma->vm_prev && vma->vm_prev->vm_end > start - PAGE_SIZE)
		return -ENOMEM;	/* keep a guard gap of one page */
	/* The tree is keyed by vm_end and the start only moves down. */
	mm->total_vm += (vma->vm_start - start) >> PAGE_SHIFT;
	vma->vm_start = start;
	return 0;
}

/**
 * exit_mmap - unmap everything, free every VMA and page table of @mm
 * @mm: an address space nobody uses any more
 * Linux: exit_mmap()
 */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma = mm->mmap;

	mutex_lock(&mm->mmap_lock);
	while (vma) {
		struct vm_area_struct *next = vma->vm_next;

		zap_page_range(vma, vma->vm_start, vma->vm_end);
		vma_unlink(mm, vma);
		vm_area_free(vma);
		vma = next;
	}
	free_pgtables(mm);
	mutex_unlock(&mm->mmap_lock);
}

/* mmap(2)'s prot and flags, Linux's values. */
#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4
#define MAP_SHARED	0x01
#define MAP_PRIVATE	0x02
#define MAP_FIXED	0x10
#define MAP_ANONYMOUS	0x20
#define MAP_FIXED_NOREPLACE 0x100000

static unsigned long calc_vm_prot_bits(unsigned long prot)
{
	return ((prot & PROT_READ) ? VM_READ : 0) | ((prot & PROT_WRITE) ? VM_WRITE : 0) |
	       ((prot & PROT_EXEC) ? VM_EXEC : 0);
}

SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len, unsigned long, prot,
		unsigned long, flags, unsigned long, fd, unsigned long, off)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret;

	/* Anonymous private memory only: Spindle has no file mappings. */
	if (!(flags & MAP_ANONYMOUS) || (flags & MAP_SHARED))
		return -ENODEV;
	if (off & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return -EINVAL;
	if ((flags & MAP_FIXED) && (addr & ~PAGE_MASK))
		return -EINVAL;
	mutex_lock(&mm->mmap_lock);
	if ((flags & MAP_FIXED_NOREPLACE) && find_vma(mm, addr) &&
	    find_vma(mm, addr)->vm_start < addr + PAGE_ALIGN(len)) {
		mutex_unlock(&mm->mmap_lock);
		return -EEXIST;
	}
	ret = do_mmap(mm, (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) ? addr : 0, len,
		      calc_vm_prot_bits(prot), NULL);
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	struct mm_struct *mm = current->mm;
	int ret;

	mutex_lock(&mm->mmap_lock);
	ret = do_munmap(mm, addr, len);
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

/*
 * mprotect(2): new rights for whole or split VMAs; present PTEs get the
 * new bits, and a private writable page keeps sharing until written
 * (its PTE stays read-only if it was: the next write copies).
 * Linux: do_mprotect_pkey() / mprotect_fixup() / change_protection()
 */
SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len, unsigned long, prot)
{
	struct mm_struct *mm = current->mm;
	unsigned long end, newflags = calc_vm_prot_bits(prot);
	struct vm_area_struct *vma;
	int ret = 0;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start || end > TASK_SIZE_MAX)
		return -ENOMEM;
	mutex_lock(&mm->mmap_lock);
	for (unsigned long a = start; a < end; a = vma->vm_end) {
		vma = find_vma(mm, a);
		if (!vma || vma->vm_start > a) {
			ret = -ENOMEM;
			break;
		}
		if ((vma->vm_start < a && split_vma(mm, vma, a)) ||
		    (vma->vm_end > end && split_vma(mm, find_vma(mm, a), end))) {
			ret = -ENOMEM;
			break;
		}
		vma = find_vma(mm, a);
		vma->vm_flags = (vma->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC)) | newflags;
		vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
		for (unsigned long p = vma->vm_start; p < vma->vm_end; p += PAGE_SIZE) {
			unsigned long *pte = follow_pte(mm, p);
			struct page *page;

			if (!pte)
				continue;
			page = pfn_to_page((*pte & PTE_PFN_MASK) >> PAGE_SHIFT);
			*pte = (*pte & (PTE_PFN_MASK | _PAGE_ACCESSED | _PAGE_DIRTY)) |
			       vma->vm_page_prot;
			if (page_ref_count(page) > 1)
				*pte &= ~_PAGE_RW;	/* still shared: copy on write */
		}
		flush_tlb_mm_range(mm, vma->vm_start, vma->vm_end, PAGE_SHIFT, false);
	}
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

/*
 * brk(2): move the end of the heap. Returns the new end, or the old one
 * if it could not move (Linux's convention, which libc relies on).
 * Linux: sys_brk() in mm/mmap.c
 */
SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk, oldbrk, ret;

	mutex_lock(&mm->mmap_lock);
	ret = mm->brk;
	if (brk < mm->start_brk || brk > mm->mmap_base)
		goto out;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (newbrk < oldbrk) {
		if (do_munmap(mm, newbrk, oldbrk - newbrk))
			goto out;
	} else if (newbrk > oldbrk) {
		struct vm_area_struct *next = find_vma(mm, oldbrk);

		if (next && next->vm_start < newbrk + PAGE_SIZE)
			goto out;	/* would run into another mapping */
		if (vm_brk_flags(mm, oldbrk, newbrk - oldbrk, 0))
			goto out;
	}
	mm->brk = brk;
	ret = brk;
out:
	mutex_unlock(&mm->mmap_lock);
	return ret;
}
