/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the slab allocator's two halves share, private to mm/: the
 * allocator proper (mm/slub.c: slabs, freelists, debug checks) and the
 * part that does not depend on how slabs are built (mm/slab_common.c: the
 * list of caches, kmem_cache_create(), the kmalloc caches, kfree()).
 * Linux: mm/slab.h, include/linux/slub_def.h (struct kmem_cache)
 */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <linux/list.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/numa.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

/* The debug checks of mm/slub.c: CONFIG_SLUB_DEBUG (<linux/slab.h>). */
#define SLAB_DEBUG	CONFIG_SLUB_DEBUG

#define L1_CACHE_BYTES	64

/*
 * A CPU's own slab of a cache: the objects this CPU hands out and takes
 * back without a lock (mm/slub.c's fast path).
 * Locking: only its CPU touches it, with interrupts off, so nothing else
 * runs there meanwhile; another CPU only once this one is dead
 * (slub_cpu_dead()).
 * Linux: struct kmem_cache_cpu in include/linux/slub_def.h (Linux swaps
 * freelist with a cmpxchg instead, keeping interrupts on)
 */
struct kmem_cache_cpu {
	void *freelist;		/* the next free object of @slab, or NULL */
	struct page *slab;	/* the slab this CPU allocates from (frozen), or NULL */
	unsigned long allocs;	/* allocations made on this CPU (either path) */
	unsigned long frees;	/* frees made on this CPU (either path) */
};

/*
 * A cache's slabs on one node, and their counters. Linux keeps the
 * partial list here (the full ones only with debugging); Spindle keeps
 * all three, as its one-lock design always did. A CPU's slab (frozen) is
 * on none of them, but counted in nr_slabs and total_objs.
 * Linux: struct kmem_cache_node in mm/slab.h
 */
struct kmem_cache_node {
	/* Guards the slab lists, the counters below and the slab fields of this node's slabs' pages (irqs off). */
	spinlock_t list_lock;
	struct list_head slabs_full;
	struct list_head slabs_partial;
	struct list_head slabs_free;
	unsigned long total_objs;
	unsigned long nr_slabs;
	unsigned long nr_free_slabs;
};

struct kmem_cache {
	const char *name;
	unsigned int object_size;	/* what the creator asked for */
	unsigned int size;		/* slot: object, free pointer, padding */
	unsigned int align;
	unsigned int offset;		/* of the free pointer inside a slot */
	unsigned int num;		/* objects per slab */
	unsigned int order;		/* a slab is 2^order pages */
	slab_flags_t flags;
	bool poison;			/* SLAB_DEBUG and no constructor */
	void (*ctor)(void *);

	struct kmem_cache_node node[MAX_NUMNODES];	/* the slabs on each node */

	struct list_head list;		/* in slab_caches */

	/* Each CPU's slab. Linux: a __percpu pointer; here one entry per CPU */
	struct kmem_cache_cpu cpu_slab[NR_CPUS];
};

/* A cache's slabs whose pages are on one node. */
static inline struct kmem_cache_node *get_node(struct kmem_cache *s, int node)
{
	return &s->node[node];
}

/* This CPU's slab of @s; stable while interrupts are off. Linux: this_cpu_ptr(s->cpu_slab) */
static inline struct kmem_cache_cpu *this_cpu_slab(struct kmem_cache *s)
{
	return &s->cpu_slab[smp_processor_id()];
}

/* mm/slab_common.c */
extern struct list_head slab_caches;
extern spinlock_t slab_caches_lock;	/* slab_caches; outside the caches' locks */
extern bool slab_ready;
extern struct kmem_cache *kmem_cache;

void create_boot_cache(struct kmem_cache *s, const char *name, unsigned int size,
		       slab_flags_t flags);
void create_kmalloc_caches(void);
void bad_pointer(const char *who, const void *ptr, const char *reason);

/**
 * kmalloc_lookup - what is @ptr to kfree()?
 * @ptr: a pointer someone wants to free or size
 * @slab: set to the slab's head page if @ptr is a slab object, else NULL
 * @large: set to the block's head page if @ptr is a large kmalloc block
 *
 * The checks of Linux's slub_debug and of free_large_kmalloc(), in one
 * place for kfree(), kmem_cache_free() and ksize(). Inline in each: on
 * the kfree() fast path a call would cost more than the checks, and the
 * compiler keeps @slab and @large in registers instead of memory.
 * Return: NULL if @ptr is one of the two, else why it cannot be freed.
 */
static __always_inline const char *kmalloc_lookup(const void *ptr, struct page **slab, struct page **large)
{
	struct page *page;

	*slab = *large = NULL;
	if (!virt_addr_valid(ptr))
		return "not an address of RAM in the direct map";
	page = compound_head(virt_to_page(ptr));
	if (PageSlab(page)) {
		struct kmem_cache *s = page->slab_cache;
		unsigned long off = (const char *)ptr - (const char *)page_address(page);

		if (off % s->size || off / s->size >= s->num)
			return "not the start of an object";
		*slab = page;
		return NULL;
	}
	if (PageLargeKmalloc(page)) {
		if (ptr != page_address(page))
			return "inside a large kmalloc block, not its start";
		*large = page;
		return NULL;
	}
	if (PageReserved(page))
		return "a reserved page (kernel image or firmware)";
	if (PageBuddy(page) || page->_refcount == 0)
		return "a free page";
	return "a page not allocated by kmalloc";
}

/* mm/slub.c */
__printf(2, 3) void slab_bug(const char *cache, const char *fmt, ...);
int __kmem_cache_create(struct kmem_cache *s, slab_flags_t flags);
int __kmem_cache_shutdown(struct kmem_cache *s);
int __kmem_cache_shrink(struct kmem_cache *s);
void *__kmem_cache_alloc_node(struct kmem_cache *s, gfp_t gfpflags, int node);
void __kmem_cache_free(struct kmem_cache *s, struct page *slab, void *x);

#endif /* _MM_SLAB_H */
