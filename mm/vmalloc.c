// SPDX-License-Identifier: GPL-2.0
/*
 * Virtually contiguous memory: areas of [VMALLOC_START, VMALLOC_END) that
 * map pages which are not contiguous in physical memory (vmalloc) or
 * device memory (ioremap, arch/x86/mm/ioremap.c).
 *
 * Every area begins with a guard page that is never mapped, below the
 * usable part: kernel stacks grow down, so a stack that overflows runs
 * into its own guard page and faults, and the page-fault handler can name
 * the cause with vmalloc_guard_hit(). (Linux puts the guard above the
 * area; below is what catches a stack overflow.)
 *
 * Each range of the space is a struct vmap_area, busy or free:
 *
 *   vmap_area_root       the busy ones, an rbtree by address: which area
 *                        holds an address (vfree(), find_vm_area(), the
 *                        guard-page check) is one walk down, O(log n);
 *   free_vmap_area_root  the free ones, an rbtree by address too, each
 *                        node also holding subtree_max_size, the largest
 *                        free range in its subtree (an augmented tree,
 *                        include/linux/rbtree_augmented.h);
 *   free_vmap_area_list  the same free ones in address order, for the
 *                        neighbours a freed range merges with.
 *
 * Allocating takes the lowest free range that fits (find_vmap_lowest_match()):
 * at a node, if its left subtree (lower addresses) holds a big enough range,
 * go left; else if the node itself fits, take it; else go right, where the
 * range must then be. That is one path down, O(log n), where a list of
 * areas searched first-fit costs a step per live area: with 10,000 kthreads,
 * 10,000 stacks walked at every create and again at every free. Lowest-first
 * keeps the busy part of the space packed low, as first-fit did.
 * Freeing puts the range back and merges it with a free neighbour on
 * either side (merge_or_add_vmap_area()), so the free ranges never get
 * smaller than what was freed.
 *
 * Locking: vmap_area_lock protects both trees, the free list, vmalloc_pages
 * and the VM_REMOVING bit. Removing an area is three steps: mark it
 * VM_REMOVING under the lock (a second remover finds it gone), unmap it
 * and shoot down every CPU's TLB entries for it (flush_tlb_kernel_range(),
 * with the lock dropped: waiting for other CPUs needs interrupts on), then
 * take it out of the busy tree and give its range back. So its range is
 * not handed out again while any CPU may still hold a stale translation of
 * it. (Linux defers the shootdown and purges many freed areas in one
 * "lazy" flush; one flush per free is slower but has no window to explain.
 * Linux also guards the free tree with a lock of its own,
 * free_vmap_area_lock; one lock is one acquisition less per call here.)
 * Page tables are changed under init.c's pgtable_lock. vmalloc itself maps
 * pages without the lock: the area is already reserved.
 * Linux: mm/vmalloc.c
 */
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/mm.h>
#include <linux/numa.h>
#include <linux/rbtree_augmented.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>
#include <asm/pgtable.h>

/* Guards both trees, the free list, vmalloc_pages, VM_REMOVING; irqs off; pgtable_lock inside. */
static DEFINE_SPINLOCK(vmap_area_lock);
static struct rb_root vmap_area_root = RB_ROOT;
static struct rb_root free_vmap_area_root = RB_ROOT;
static LIST_HEAD(free_vmap_area_list);
static unsigned long vmalloc_pages;	/* pages mapped by vmalloc() now */
static struct kmem_cache *vmap_area_cachep;

static __always_inline unsigned long va_size(const struct vmap_area *va)
{
	return va->va_end - va->va_start;
}

static __always_inline unsigned long get_subtree_max_size(const struct rb_node *node)
{
	return node ? rb_entry(node, struct vmap_area, rb_node)->subtree_max_size : 0;
}

/* propagate/copy/rotate keeping subtree_max_size = max of va_size() below. */
RB_DECLARE_CALLBACKS_MAX(static, free_vmap_area_rb_augment_cb, struct vmap_area, rb_node,
			 unsigned long, subtree_max_size, va_size);

/*
 * Where a range starting at @start goes in @root (by address; ranges never
 * overlap): the empty link, and in *@parent its parent (NULL: empty tree).
 * Linux: find_va_links()
 */
static struct rb_node **find_va_links(unsigned long start, struct rb_root *root,
				      struct rb_node **parent)
{
	struct rb_node **link = &root->rb_node;

	*parent = NULL;
	while (*link) {
		*parent = *link;
		if (start < rb_entry(*parent, struct vmap_area, rb_node)->va_start)
			link = &(*parent)->rb_left;
		else
			link = &(*parent)->rb_right;
	}
	return link;
}

/*
 * The free range just above a range that would hang at @link under
 * @parent, as a position in free_vmap_area_list: a left child comes just
 * before its parent, a right child just after it. The list head when there
 * is none. Linux: get_va_next_sibling()
 */
static struct list_head *get_va_next_sibling(struct rb_node *parent, struct rb_node **link)
{
	if (!parent)
		return &free_vmap_area_list;
	if (link == &parent->rb_left)
		return &rb_entry(parent, struct vmap_area, rb_node)->list;
	return rb_entry(parent, struct vmap_area, rb_node)->list.next;
}

/* Put the busy @va in vmap_area_root. Caller holds vmap_area_lock. */
static void insert_vmap_area(struct vmap_area *va)
{
	struct rb_node *parent, **link;

	lockdep_assert_held(&vmap_area_lock);
	link = find_va_links(va->va_start, &vmap_area_root, &parent);
	rb_link_node(&va->rb_node, parent, link);
	rb_insert_color(&va->rb_node, &vmap_area_root);
}

/*
 * Hang the free @va at @link under @parent, before @next in the list. Its
 * value is its own size (a leaf); the path above counts it before the
 * rebalance rotates anything. Linux: link_va_augment()
 */
static void link_free_va(struct vmap_area *va, struct rb_node *parent, struct rb_node **link,
			 struct list_head *next)
{
	va->subtree_max_size = va_size(va);
	rb_link_node(&va->rb_node, parent, link);
	free_vmap_area_rb_augment_cb.propagate(parent, NULL);
	rb_insert_augmented(&va->rb_node, &free_vmap_area_root, &free_vmap_area_rb_augment_cb);
	list_add_tail(&va->list, next);
}

/* Take @va out of the free tree and list. Linux: unlink_va_augment() */
static void unlink_free_va(struct vmap_area *va)
{
	rb_erase_augmented(&va->rb_node, &free_vmap_area_root, &free_vmap_area_rb_augment_cb);
	list_del(&va->list);
}

/* @va's range changed size: recount it and the nodes above it. */
static void free_va_resized(struct vmap_area *va)
{
	free_vmap_area_rb_augment_cb.propagate(&va->rb_node, NULL);
}

/*
 * Where a range of @size bytes (guard page included) whose usable part,
 * one page in, is aligned to @align would start inside the free @va; 0 if
 * it does not fit there. Linux: is_within_this_va()
 */
static unsigned long va_fit_start(const struct vmap_area *va, unsigned long size,
				  unsigned long align)
{
	unsigned long start = ALIGN(va->va_start + PAGE_SIZE, align) - PAGE_SIZE;

	if (start < va->va_start || start >= va->va_end || size > va->va_end - start)
		return 0;
	return start;
}

/*
 * The free range of lowest address that holds @size bytes at @align; NULL
 * if none does. @length is what is looked for in the subtrees: @size plus
 * the most that aligning can skip, so any range that long fits whatever
 * its start. Inside the subtree we are in, one exists (we only go where
 * get_subtree_max_size() says so); going left first finds the lowest. At
 * @align == PAGE_SIZE, @length is @size and the answer is exactly the
 * lowest fit; with a larger alignment, a lower range shorter than @length
 * that happens to be aligned well may be passed over (Linux's
 * "adjust_search_size" does the same). Caller holds vmap_area_lock.
 * Linux: find_vmap_lowest_match()
 */
static struct vmap_area *find_vmap_lowest_match(unsigned long size, unsigned long align)
{
	unsigned long length = size + align - PAGE_SIZE;
	struct rb_node *node = free_vmap_area_root.rb_node;
	struct vmap_area *va;

	lockdep_assert_held(&vmap_area_lock);
	if (length < size || get_subtree_max_size(node) < length)
		return NULL;
	while (node) {
		if (get_subtree_max_size(node->rb_left) >= length) {
			node = node->rb_left;
			continue;
		}
		va = rb_entry(node, struct vmap_area, rb_node);
		if (va_fit_start(va, size, align))
			return va;
		/* This node is shorter than @length, the left too: it is on the right. */
		node = node->rb_right;
	}
	WARN(1, "vmalloc: free_vmap_area_root's subtree_max_size is stale\n");
	return NULL;
}

/*
 * Take [@start, @start + @size) out of the free @va. The rest is what is
 * left on either side: nothing (the whole range goes, and @va is freed),
 * one side (@va shrinks), or both (@va keeps the lower part and *@spare,
 * which the caller provides for this case, becomes the upper one).
 * Caller holds vmap_area_lock. Linux: va_clip()
 */
static void va_clip(struct vmap_area *va, unsigned long start, unsigned long size,
		    struct vmap_area **spare)
{
	unsigned long end = start + size;
	struct rb_node *parent, **link;
	struct vmap_area *upper;

	if (start == va->va_start && end == va->va_end) {	/* all of it */
		unlink_free_va(va);
		kmem_cache_free(vmap_area_cachep, va);
	} else if (start == va->va_start) {			/* the low end */
		va->va_start = end;
		free_va_resized(va);
	} else if (end == va->va_end) {				/* the high end */
		va->va_end = start;
		free_va_resized(va);
	} else {						/* the middle */
		upper = *spare;
		*spare = NULL;
		upper->va_start = end;
		upper->va_end = va->va_end;
		va->va_end = start;
		free_va_resized(va);
		link = find_va_links(upper->va_start, &free_vmap_area_root, &parent);
		link_free_va(upper, parent, link, get_va_next_sibling(parent, link));
	}
}

/*
 * Give the range of @va (out of the busy tree) back to the free ones:
 * merged into the free range just below and/or just above it when they
 * touch (freeing the nodes that are no longer needed), else inserted as a
 * range of its own. Caller holds vmap_area_lock.
 * Linux: merge_or_add_vmap_area()
 */
static void merge_or_add_vmap_area(struct vmap_area *va)
{
	struct vmap_area *prev = NULL, *next = NULL;
	struct rb_node *parent, **link;
	struct list_head *next_pos;

	lockdep_assert_held(&vmap_area_lock);
	link = find_va_links(va->va_start, &free_vmap_area_root, &parent);
	next_pos = get_va_next_sibling(parent, link);
	if (next_pos != &free_vmap_area_list)
		next = list_entry(next_pos, struct vmap_area, list);
	if (next_pos->prev != &free_vmap_area_list)
		prev = list_entry(next_pos->prev, struct vmap_area, list);
	if (next && next->va_start != va->va_end)
		next = NULL;
	if (prev && prev->va_end != va->va_start)
		prev = NULL;

	if (prev && next) {		/* fills the hole between two: one range */
		unlink_free_va(next);
		prev->va_end = next->va_end;
		free_va_resized(prev);
		kmem_cache_free(vmap_area_cachep, next);
	} else if (prev) {
		prev->va_end = va->va_end;
		free_va_resized(prev);
	} else if (next) {
		next->va_start = va->va_start;	/* its place in the order is unchanged */
		free_va_resized(next);
	} else {
		link_free_va(va, parent, link, next_pos);
		return;
	}
	kmem_cache_free(vmap_area_cachep, va);
}

/*
 * Find room for a guard page plus @size bytes whose first usable byte is
 * aligned to @align, and record @area there. Linux: alloc_vmap_area()
 */
static int alloc_vmap_area(struct vm_struct *area, unsigned long size, unsigned long align)
{
	unsigned long total = size + PAGE_SIZE, start, irqflags;
	struct vmap_area *va, *free, *spare = NULL;

	if (WARN_ON(!vmap_area_cachep))		/* before vmalloc_init() */
		return -ENOMEM;
	va = kmem_cache_alloc(vmap_area_cachep, GFP_KERNEL);
	if (!va)
		return -ENOMEM;

	spin_lock_irqsave(&vmap_area_lock, irqflags);
	for (;;) {
		free = find_vmap_lowest_match(total, align);
		if (!free)
			break;
		start = va_fit_start(free, total, align);
		if (start == free->va_start || start + total == free->va_end || spare)
			break;
		/*
		 * A cut out of the middle leaves two free ranges: one node
		 * more, allocated with the lock dropped (GFP_KERNEL may
		 * sleep), then the search again, since the tree may have
		 * changed meanwhile. Only aligned requests cut there.
		 */
		spin_unlock_irqrestore(&vmap_area_lock, irqflags);
		spare = kmem_cache_alloc(vmap_area_cachep, GFP_KERNEL);
		spin_lock_irqsave(&vmap_area_lock, irqflags);
		if (!spare) {
			free = NULL;
			break;
		}
	}
	if (free) {
		va_clip(free, start, total, &spare);
		va->va_start = start;
		va->va_end = start + total;
		va->vm = area;
		insert_vmap_area(va);
	}
	spin_unlock_irqrestore(&vmap_area_lock, irqflags);
	if (spare)
		kmem_cache_free(vmap_area_cachep, spare);
	if (!free) {
		kmem_cache_free(vmap_area_cachep, va);
		return -ENOMEM;
	}
	area->addr = (void *)(start + PAGE_SIZE);
	area->size = total;
	return 0;
}
/**
 * vmalloc_init - make the vmalloc space one free range
 *
 * Called once the slab allocator works (mm_init()), before any area is
 * made: vmap_area nodes come from their own cache.
 * Linux: vmalloc_init()
 */
void __init vmalloc_init(void)
{
	struct vmap_area *va;
	struct rb_node *parent, **link;
	unsigned long flags;

	vmap_area_cachep = kmem_cache_create("vmap_area", sizeof(struct vmap_area), 0,
					     SLAB_PANIC, NULL);
	va = kmem_cache_alloc(vmap_area_cachep, GFP_KERNEL);
	BUG_ON(!va);
	va->va_start = VMALLOC_START;
	va->va_end = VMALLOC_END;
	spin_lock_irqsave(&vmap_area_lock, flags);
	link = find_va_links(va->va_start, &free_vmap_area_root, &parent);
	link_free_va(va, parent, link, get_va_next_sibling(parent, link));
	spin_unlock_irqrestore(&vmap_area_lock, flags);
}

static struct vm_struct *__get_vm_area(unsigned long size, unsigned long align,
				       unsigned long flags, const void *caller)
{
	struct vm_struct *area;

	size = PAGE_ALIGN(size);
	if (!size || WARN_ON(align < PAGE_SIZE || (align & (align - 1))))
		return NULL;
	area = kzalloc(sizeof(*area), GFP_KERNEL);
	if (!area)
		return NULL;
	area->flags = flags;
	area->caller = caller;
	if (alloc_vmap_area(area, size, align)) {
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

/*
 * The busy area whose range, guard page included, holds @addr: one walk
 * down vmap_area_root. Caller holds vmap_area_lock. Linux: __find_vmap_area()
 */
static struct vmap_area *__find_vmap_area(unsigned long addr)
{
	struct rb_node *node = vmap_area_root.rb_node;

	lockdep_assert_held(&vmap_area_lock);
	while (node) {
		struct vmap_area *va = rb_entry(node, struct vmap_area, rb_node);

		if (addr < va->va_start)
			node = node->rb_left;
		else if (addr >= va->va_end)
			node = node->rb_right;
		else
			return va;
	}
	return NULL;
}

/*
 * The busy area whose usable part starts exactly at @addr. Caller holds
 * vmap_area_lock.
 */
static struct vmap_area *__find_area_exact(const void *addr)
{
	struct vmap_area *va = __find_vmap_area((unsigned long)addr);

	return va && va->vm->addr == addr ? va : NULL;
}

/**
 * find_vm_area - the area whose usable part contains @addr
 * @addr: a virtual address
 * Return: the area, or NULL (also for an address in a guard page).
 * Linux: mm/vmalloc.c
 */
struct vm_struct *find_vm_area(const void *addr)
{
	struct vm_struct *found = NULL;
	struct vmap_area *va;
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	va = __find_vmap_area((unsigned long)addr);
	if (va && addr >= va->vm->addr)
		found = va->vm;
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return found;
}

/**
 * remove_vm_area - unmap an area and give its range back
 * @addr: the area's first usable byte
 *
 * The pages it mapped and the struct itself are the caller's to free.
 * Return: the area, or NULL if no area starts at @addr.
 * Linux: mm/vmalloc.c
 */
struct vm_struct *remove_vm_area(const void *addr)
{
	struct vm_struct *area = NULL;
	struct vmap_area *va;
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	va = __find_area_exact(addr);
	if (va && !(va->vm->flags & VM_REMOVING)) {	/* else someone else is removing it */
		area = va->vm;
		area->flags |= VM_REMOVING;
	}
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	if (!area)
		return NULL;
	/* Still busy: nobody gets this range until every TLB forgot it. */
	unmap_kernel_range((unsigned long)area->addr, get_vm_area_size(area));
	flush_tlb_kernel_range((unsigned long)area->addr,
			       (unsigned long)area->addr + get_vm_area_size(area));
	spin_lock_irqsave(&vmap_area_lock, flags);
	rb_erase(&va->rb_node, &vmap_area_root);
	merge_or_add_vmap_area(va);
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
	struct vmap_area *va;
	unsigned long flags;

	if (!addr)
		return;
	spin_lock_irqsave(&vmap_area_lock, flags);
	va = __find_area_exact(addr);
	area = va ? va->vm : NULL;
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
	struct vmap_area *va;
	unsigned long flags;
	bool hit = false;

	if (!is_vmalloc_addr((void *)addr))
		return false;
	local_irq_save(flags);
	if (!spin_trylock(&vmap_area_lock)) {
		local_irq_restore(flags);
		return false;
	}
	va = __find_vmap_area(addr);
	if (va && addr < (unsigned long)va->vm->addr) {
		*area = va->vm;
		hit = true;
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
