/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Virtually contiguous kernel memory in [VMALLOC_START, VMALLOC_END):
 * vmalloc() maps separately allocated pages next to each other, ioremap()
 * maps device memory uncached. Each area starts with one unmapped guard
 * page *below* its usable part, so a kernel stack (which grows down) that
 * overflows faults on the guard page instead of corrupting its neighbour:
 *
 *     area->addr - PAGE_SIZE    area->addr              + size - PAGE_SIZE
 *     | guard (never mapped)   | usable, mapped ...      |
 *
 * The allocator keeps each range of the space, busy or free, in a struct
 * vmap_area: busy ones in an rbtree by address (to find an area from an
 * address), free ones in an augmented rbtree that finds the lowest free
 * range big enough in O(log n) (mm/vmalloc.c explains it).
 *
 * Locking: the trees are protected by vmap_area_lock (mm/vmalloc.c).
 * Linux: include/linux/vmalloc.h (Linux puts its guard page above)
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/rbtree.h>
#include <linux/types.h>
#include <asm/page.h>

/* vm_struct.flags */
#define VM_IOREMAP	0x00000001	/* ioremap(): device memory, no pages */
#define VM_ALLOC	0x00000002	/* vmalloc(): pages[] are ours */
#define VM_REMOVING	0x00000004	/* remove_vm_area() is flushing it */

struct page;

struct vm_struct {
	void *addr;			/* first usable byte (above the guard) */
	unsigned long size;		/* bytes, including the guard page */
	unsigned long flags;		/* VM_* */
	struct page **pages;		/* VM_ALLOC: the nr_pages mapped pages */
	unsigned int nr_pages;
	phys_addr_t phys_addr;		/* VM_IOREMAP: what is mapped */
	const void *caller;		/* who made it, for reports */
};

/*
 * One range of the vmalloc space, guard page included: [va_start, va_end).
 * Busy (some vm_struct's) or free; never both, so the union is safe.
 */
struct vmap_area {
	unsigned long va_start;		/* first byte (the guard page's, when busy) */
	unsigned long va_end;		/* one past the last byte */
	struct rb_node rb_node;		/* in vmap_area_root or free_vmap_area_root */
	struct list_head list;		/* free: in free_vmap_area_list, by address */
	union {
		unsigned long subtree_max_size;	/* free: largest free range in this subtree */
		struct vm_struct *vm;		/* busy: what it holds */
	};
};

/* Usable bytes of @area, without its guard page. Linux: same name */
static inline unsigned long get_vm_area_size(const struct vm_struct *area)
{
	return area->size - PAGE_SIZE;
}

static inline bool is_vmalloc_addr(const void *x)
{
	unsigned long addr = (unsigned long)x;

	return addr >= VMALLOC_START && addr < VMALLOC_END;
}

void vmalloc_init(void);
void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void *__vmalloc_node(unsigned long size, unsigned long align, gfp_t gfp,
		     int node, const void *caller);
void vfree(const void *addr);
struct page *vmalloc_to_page(const void *addr);
unsigned long vmalloc_nr_pages(void);

struct vm_struct *get_vm_area(unsigned long size, unsigned long flags);
struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller);
struct vm_struct *find_vm_area(const void *addr);
struct vm_struct *remove_vm_area(const void *addr);
void free_vm_area(struct vm_struct *area);
bool vmalloc_guard_hit(unsigned long addr, struct vm_struct **area);

/* arch/x86/mm/ioremap.c (Linux declares it in asm/io.h, beside ioremap()) */
void iounmap(volatile void *addr);

#endif /* _LINUX_VMALLOC_H */
