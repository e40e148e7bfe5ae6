/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct page: one per physical page frame, in the array mem_map indexed by
 * page frame number (pfn). It says what the frame is being used for right
 * now: a free buddy block, an allocated block, a slab, a tail of a
 * multi-page block, or reserved (not RAM, or the kernel's own).
 *
 * Locking: the buddy fields (PG_buddy, order, buddy_list, _refcount) change
 * under zone_lock (mm/page_alloc.c); the slab fields (slab_cache, freelist,
 * inuse, frozen, slab_list) under the owning cache's lock (mm/slub.c). A page is
 * never in both worlds at once: slab pages are allocated blocks.
 * Linux: include/linux/mm_types.h, include/linux/page-flags.h
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/mutex.h>
#include <linux/rbtree.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct kmem_cache;
struct file;

/* Bits in page->flags (bit numbers, as Linux's enum pageflags). */
enum pageflags {
	PG_reserved,		/* never handed to the buddy allocator */
	PG_buddy,		/* head of a free block on a free list */
	PG_head,		/* first page of an allocated __GFP_COMP block */
	PG_tail,		/* other pages of a __GFP_COMP block */
	PG_slab,		/* head of a slab (mm/slub.c) */
	PG_large_kmalloc,	/* head of a kmalloc() too big for a slab */
	NR_PAGEFLAGS,
};

struct page {
	unsigned long flags;		/* PG_* bits */
	union {
		struct list_head buddy_list;	/* PG_buddy: in free_area[order] */
		struct list_head slab_list;	/* PG_slab: in a cache's slab list */
	};
	struct kmem_cache *slab_cache;	/* PG_slab: the owning cache */
	void *freelist;			/* PG_slab: first free object, or NULL */
	struct page *first_page;	/* PG_tail: the block's head page */
	/* PG_slab: objects not on @freelist (allocated, or on a CPU's freelist if frozen) */
	unsigned int inuse;
	unsigned int order;		/* free or allocated block head: its order */
	/*
	 * 1 for an allocated block head, else 0. A page mapped into user
	 * address spaces has one reference per mapping (copy-on-write
	 * sharers after fork()); get_page()/put_page() change it atomically.
	 */
	int _refcount;
	/* PG_slab: a CPU allocates from it (kmem_cache_cpu), it is on no list */
	unsigned int frozen;
};

/* vm_flags: what a mapping allows, and how it behaves. */
#define VM_READ		0x00000001
#define VM_WRITE	0x00000002
#define VM_EXEC		0x00000004
#define VM_SHARED	0x00000008
#define VM_MAYREAD	0x00000010
#define VM_MAYWRITE	0x00000020
#define VM_MAYEXEC	0x00000040
#define VM_GROWSDOWN	0x00000100	/* the stack: extends down on a fault */
#define VM_ACCOUNT	0x00100000

/*
 * One mapping of an address space: [vm_start, vm_end), page aligned,
 * never overlapping another. All of a process's are in its mm's rbtree
 * (for find_vma()) and in a list sorted by address (for walking them).
 * Linux: struct vm_area_struct in include/linux/mm_types.h (before 6.1's
 * maple tree)
 */
struct vm_area_struct {
	unsigned long vm_start;
	unsigned long vm_end;		/* first byte after */
	struct vm_area_struct *vm_next, *vm_prev;	/* sorted by address */
	struct rb_node vm_rb;
	struct mm_struct *vm_mm;
	unsigned long vm_page_prot;	/* PTE bits for its pages */
	unsigned long vm_flags;		/* VM_* */
	struct file *vm_file;		/* where the contents came from, or NULL */
};

/*
 * A user address space: its page tables (the user half of the PGD; the
 * kernel half is a copy of init_top_pgt's entries, so kernel mappings
 * are the same in every address space) and the mappings in it.
 *
 * Lifetime: mm_users counts the tasks using it (CLONE_VM shares it);
 * the last mmput() frees every page, page table and VMA.
 * Locking: mmap_lock (a mutex; Linux: an rw_semaphore) guards the VMA
 * tree and list, the fields from start_code on, and the page tables:
 * page faults, mmap/munmap/brk, fork's dup_mmap() and exec all take it.
 * Linux: struct mm_struct in include/linux/mm_types.h
 */
struct mm_struct {
	struct vm_area_struct *mmap;	/* the first VMA, lowest address */
	struct rb_root mm_rb;
	int map_count;			/* VMAs */
	unsigned long *pgd;		/* top-level page table */
	atomic_t mm_users;
	atomic_long_t pgtables_bytes;	/* user page tables, for leak tests */
	/* Guards the VMAs (list, tree, map_count) and the user page tables; a mutex: holders may sleep */
	struct mutex mmap_lock;
	unsigned long mmap_base;	/* mmap() searches down from here */
	unsigned long task_size;	/* end of the user half */
	unsigned long total_vm;		/* pages mapped */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	/* CPUs whose CR3 holds this mm (arch/x86/mm/tlb.c): who a shootdown must reach. */
	cpumask_t cpu_bitmap;
	struct file *exe_file;		/* the program execve() loaded, referenced */
};

/* Linux: mm_cpumask() */
static inline cpumask_t *mm_cpumask(struct mm_struct *mm)
{
	return &mm->cpu_bitmap;
}

#endif /* _LINUX_MM_TYPES_H */
