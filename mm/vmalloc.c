// SPDX-License-Identifier: GPL-2.0
/*
 * Virtually contiguous memory: areas of [VMALLOC_START, VMALLOC_END) that
 * map pages which are not contiguous in physical memory (vmalloc) or
 * device memory (ioremap, arch/x86/mm/ioremap.c).
 *
 * Each area is a struct vm_struct on vmap_area_list, sorted by address;
 * a new area takes the first gap big enough (first fit). Every area
 * begins with a guard page that is never mapped, below the usable part:
 * kernel stacks grow down, so a stack that overflows runs into its own
 * guard page and faults, and the page-fault handler can name the cause
 * with vmalloc_guard_hit(). (Linux puts the guard above the area; below
 * is what catches a stack overflow.)
 *
 * Locking: vmap_area_lock protects the list, vmalloc_pages and the
 * VM_REMOVING bit. Removing an area is three steps: mark it VM_REMOVING
 * under the lock (a second remover finds it gone), unmap it and shoot
 * down every CPU's TLB entries for it (flush_tlb_kernel_range(), with
 * the lock dropped: waiting for other CPUs needs interrupts on), then
 * take it off the list. So its range is not handed out again while any
 * CPU may still hold a stale translation of it. (Linux defers the
 * shootdown and purges many freed areas in one "lazy" flush; one flush
 * per free is slower but has no window to explain.) Page tables are
 * changed under init.c's pgtable_lock. vmalloc itself maps pages
 * without the lock: the area is already reserved.
 * Linux: mm/vmalloc.c
 */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/mm.h>
#include <linux/numa.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>
#include <asm/pgtable.h>

static LIST_HEAD(vmap_area_list);
/* Guards vmap_area_list and vmalloc_pages; irqs off; pgtable_lock nests inside it. */
static DEFINE_SPINLOCK(vmap_area_lock);
static unsigned long vmalloc_pages;	/* pages mapped by vmalloc() now */

/* The first byte of @area's guard page, i.e. of the whole area. */
static unsigned long area_start(const struct vm_struct *area)
{
	return (unsigned long)area->addr - PAGE_SIZE;
}

/* One past the last usable byte. */
static unsigned long area_end(const struct vm_struct *area)
{
	return area_start(area) + area->size;
}

/*
 * Find room for a guard page plus @size bytes whose first usable byte is
 * aligned to @align, and link @area there. Caller holds vmap_area_lock.
 */
static int insert_vm_area(struct vm_struct *area, unsigned long size, unsigned long align)
{
	unsigned long gap_start = VMALLOC_START, usable;
	struct vm_struct *next;

	lockdep_assert_held(&vmap_area_lock);
	list_for_each_entry(next, &vmap_area_list, list) {
		usable = ALIGN(gap_start + PAGE_SIZE, align);
		if (usable + size <= area_start(next)) {
			area->addr = (void *)usable;
			area->size = size + PAGE_SIZE;
			list_add_tail(&area->list, &next->list);	/* before next */
			return 0;
		}
		gap_start = area_end(next);
	}
	usable = ALIGN(gap_start + PAGE_SIZE, align);
	if (usable < gap_start || size > VMALLOC_END - usable)
		return -ENOMEM;
	area->addr = (void *)usable;
	area->size = size + PAGE_SIZE;
	list_add_tail(&area->list, &vmap_area_list);
	return 0;
}

static struct vm_struct *__get_vm_area(unsigned long size, unsigned long align,
				       unsigned long flags, const void *caller)
{
	struct vm_struct *area;
	unsigned long irqflags;
	int ret;

	size = PAGE_ALIGN(size);
	if (!size || WARN_ON(align < PAGE_SIZE || (align & (align - 1))))
		return NULL;
	area = kzalloc(sizeof(*area), GFP_KERNEL);
	if (!area)
		return NULL;
	area->flags = flags;
	area->caller = caller;

	spin_lock_irqsave(&vmap_area_lock, irqflags);
	ret = insert_vm_area(area, size, align);
	spin_unlock_irqrestore(&vmap_area_lock, irqflags);
	if (ret) {
		pr_warn("vmalloc: no room for %lu bytes in the vmalloc space\n", size);
		kfree(area);
		return NULL;
	}
	return area;
}

/**
 * get_vm_area_caller - reserve an unmapped area with a guard page
 * @size: usable bytes (rounded up to pages)
 * @flags: VM_IOREMAP, VM_ALLOC
 * @caller: recorded for reports
 * Return: the area, or NULL.
 * Linux: mm/vmalloc.c
 */
struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller)
{
	return __get_vm_area(size, PAGE_SIZE, flags, caller);
}

/**
 * get_vm_area - reserve an unmapped area with a guard page
 * @size: usable bytes (rounded up to pages)
 * @flags: VM_IOREMAP, VM_ALLOC
 * Return: the area, or NULL. Release it with free_vm_area().
 * Linux: mm/vmalloc.c
 */
struct vm_struct *get_vm_area(unsigned long size, unsigned long flags)
{
	return __get_vm_area(size, PAGE_SIZE, flags, __builtin_return_address(0));
}

/* The area whose usable part starts exactly at @addr. Caller holds vmap_area_lock. */
static struct vm_struct *__find_area_exact(const void *addr)
{
	struct vm_struct *area;

	lockdep_assert_held(&vmap_area_lock);
	list_for_each_entry(area, &vmap_area_list, list)
		if (area->addr == addr)
			return area;
	return NULL;
}

/**
 * find_vm_area - the area whose usable part contains @addr
 * @addr: a virtual address
 * Return: the area, or NULL (also for an address in a guard page).
 * Linux: mm/vmalloc.c
 */
struct vm_struct *find_vm_area(const void *addr)
{
	unsigned long a = (unsigned long)addr, flags;
	struct vm_struct *area, *found = NULL;

	spin_lock_irqsave(&vmap_area_lock, flags);
	list_for_each_entry(area, &vmap_area_list, list) {
		if (a >= (unsigned long)area->addr && a < area_end(area)) {
			found = area;
			break;
		}
	}
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return found;
}

/**
 * remove_vm_area - unmap an area and take it off the list
 * @addr: the area's first usable byte
 *
 * The pages it mapped and the struct itself are the caller's to free.
 * Return: the area, or NULL if no area starts at @addr.
 * Linux: mm/vmalloc.c
 */
struct vm_struct *remove_vm_area(const void *addr)
{
	struct vm_struct *area;
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	area = __find_area_exact(addr);
	if (area && (area->flags & VM_REMOVING))
		area = NULL;		/* someone else is removing it */
	if (area)
		area->flags |= VM_REMOVING;
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	if (!area)
		return NULL;
	/* Still listed: nobody gets this range until every TLB forgot it. */
	unmap_kernel_range((unsigned long)area->addr, get_vm_area_size(area));
	flush_tlb_kernel_range((unsigned long)area->addr,
			       (unsigned long)area->addr + get_vm_area_size(area));
	spin_lock_irqsave(&vmap_area_lock, flags);
	list_del(&area->list);
	if (area->flags & VM_ALLOC)
		vmalloc_pages -= area->nr_pages;
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	area->flags &= ~VM_REMOVING;
	return area;
}

/**
 * free_vm_area - unmap and release an area from get_vm_area()
 * @area: the area
 * Linux: mm/vmalloc.c
 */
void free_vm_area(struct vm_struct *area)
{
	struct vm_struct *removed = remove_vm_area(area->addr);

	if (WARN(removed != area, "free_vm_area: %px is not a live area", area))
		return;
	kfree(area);
}

/* Free the pages of a VM_ALLOC area (already unmapped) and the area. */
static void free_area_pages(struct vm_struct *area)
{
	for (unsigned int i = 0; i < area->nr_pages; i++)
		__free_page(area->pages[i]);
	kfree(area->pages);
	kfree(area);
}

/**
 * __vmalloc_node - allocate virtually contiguous memory
 * @size: bytes (rounded up to pages)
 * @align: alignment of the first byte, a power of two >= PAGE_SIZE
 *	(THREAD_SIZE for kernel stacks)
 * @gfp: GFP flags for the pages (__GFP_ZERO, __GFP_NOWARN)
 * @node: the node for the pages and the page array (NUMA_NO_NODE: the
 *	running CPU's memory node); another node serves them, nearest
 *	first, when that one is full, unless @gfp has __GFP_THISNODE
 * @caller: recorded in the area, for reports
 * Return: the address, or NULL.
 * Linux: mm/vmalloc.c
 */
void *__vmalloc_node(unsigned long size, unsigned long align, gfp_t gfp,
		     int node, const void *caller)
{
	struct vm_struct *area;
	unsigned int nr_pages;
	unsigned long flags;

	size = PAGE_ALIGN(size);
	if (!size || size >> PAGE_SHIFT > totalram_pages())
		goto fail;
	area = __get_vm_area(size, align, VM_ALLOC, caller);
	if (!area)
		goto fail;
	nr_pages = size >> PAGE_SHIFT;
	area->pages = kcalloc_node(nr_pages, sizeof(*area->pages),
				   GFP_KERNEL | (gfp & (__GFP_NOWARN | __GFP_THISNODE)), node);
	if (!area->pages)
		goto fail_area;

	for (unsigned int i = 0; i < nr_pages; i++) {
		unsigned long va = (unsigned long)area->addr + i * PAGE_SIZE;
		struct page *page = alloc_pages_node(node, gfp, 0);

		if (!page)
			goto fail_pages;
		area->pages[area->nr_pages++] = page;
		if (map_kernel_range(va, page_to_phys(page), PAGE_SIZE, PAGE_KERNEL))
			goto fail_pages;
	}
	spin_lock_irqsave(&vmap_area_lock, flags);
	vmalloc_pages += nr_pages;
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return area->addr;

fail_pages:
	/* Not yet counted in vmalloc_pages: keep remove_vm_area() from it. */
	area->flags &= ~VM_ALLOC;
	remove_vm_area(area->addr);
	free_area_pages(area);
	goto fail;
fail_area:
	free_vm_area(area);
fail:
	if (!(gfp & __GFP_NOWARN))
		pr_warn("vmalloc error: size %lu, allocation failed\n", size);
	return NULL;
}

/**
 * vmalloc - allocate virtually contiguous memory
 * @size: bytes (rounded up to pages)
 *
 * May not be called from interrupt handlers (it kmallocs with GFP_KERNEL).
 * Return: the address (page-aligned, a guard page below), or NULL.
 * Linux: mm/vmalloc.c
 */
void *vmalloc(unsigned long size)
{
	return __vmalloc_node(size, PAGE_SIZE, GFP_KERNEL, NUMA_NO_NODE,
			      __builtin_return_address(0));
}

/**
 * vzalloc - vmalloc() zeroed memory
 * @size: bytes
 * Return: the address, or NULL.
 * Linux: mm/vmalloc.c
 */
void *vzalloc(unsigned long size)
{
	return __vmalloc_node(size, PAGE_SIZE, GFP_KERNEL | __GFP_ZERO, NUMA_NO_NODE,
			      __builtin_return_address(0));
}

/**
 * vfree - release memory from vmalloc()
 * @addr: what vmalloc() returned; NULL is ignored
 *
 * Any other address is reported (WARN) and ignored.
 * Linux: mm/vmalloc.c
 */
void vfree(const void *addr)
{
	struct vm_struct *area;
	unsigned long flags;

	if (!addr)
		return;
	spin_lock_irqsave(&vmap_area_lock, flags);
	area = __find_area_exact(addr);
	if (area && (!(area->flags & VM_ALLOC) || (area->flags & VM_REMOVING)))
		area = NULL;
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	if (WARN(!area, "vfree: %px is not a vmalloc() address", addr))
		return;
	/* Another vfree() of the same address may have won meanwhile. */
	if (WARN(remove_vm_area(addr) != area, "vfree: %px freed twice at once", addr))
		return;
	debug_check_no_locks_freed(area->addr, area->size - PAGE_SIZE);	/* no guard page */
	free_area_pages(area);
}

/**
 * vmalloc_to_page - the page mapped at a vmalloc address
 * @addr: an address in the vmalloc space
 * Return: the page, or NULL if nothing is mapped there.
 * Linux: mm/vmalloc.c
 */
struct page *vmalloc_to_page(const void *addr)
{
	unsigned long *pte;
	int level;

	if (!is_vmalloc_addr(addr))
		return NULL;
	pte = lookup_address((unsigned long)addr, &level);
	if (!pte || level != 1)
		return NULL;
	return pfn_to_page(PFN_DOWN(*pte & PTE_PFN_MASK));
}

/**
 * vmalloc_guard_hit - is @addr in the guard page of an area?
 * @addr: a faulting address
 * @area: set to the area when it is
 *
 * For the page-fault handler. It only tries the lock: a fault taken
 * while this CPU holds it (a bug in here) must not deadlock the report.
 * Return: true if @addr is in a guard page.
 */
bool vmalloc_guard_hit(unsigned long addr, struct vm_struct **area)
{
	struct vm_struct *a;
	unsigned long flags;
	bool hit = false;

	if (!is_vmalloc_addr((void *)addr))
		return false;
	local_irq_save(flags);
	if (!spin_trylock(&vmap_area_lock)) {
		local_irq_restore(flags);
		return false;
	}
	list_for_each_entry(a, &vmap_area_list, list) {
		if (addr >= area_start(a) && addr < (unsigned long)a->addr) {
			*area = a;
			hit = true;
			break;
		}
	}
	spin_unlock(&vmap_area_lock);
	local_irq_restore(flags);
	return hit;
}

/**
 * vmalloc_nr_pages - pages currently mapped by vmalloc()
 * Return: that number.
 * Linux: vmalloc_nr_pages() in mm/vmalloc.c
 */
unsigned long vmalloc_nr_pages(void)
{
	return READ_ONCE(vmalloc_pages);
}
