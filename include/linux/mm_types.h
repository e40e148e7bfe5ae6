/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct page: one per physical page frame, in the array mem_map indexed by
 * page frame number (pfn). It says what the frame is being used for right
 * now: a free buddy block, an allocated block, a slab, a tail of a
 * multi-page block, or reserved (not RAM, or the kernel's own).
 *
 * Locking: the buddy fields (PG_buddy, order, buddy_list, _refcount) change
 * under zone_lock (mm/page_alloc.c); the slab fields (slab_cache, freelist,
 * inuse, slab_list) under the owning cache's lock (mm/slub.c). A page is
 * never in both worlds at once: slab pages are allocated blocks.
 * Linux: include/linux/mm_types.h, include/linux/page-flags.h
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>

struct kmem_cache;

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
	unsigned int inuse;		/* PG_slab: objects allocated */
	unsigned int order;		/* free or allocated block head: its order */
	int _refcount;			/* 1 for an allocated block head, else 0 */
};

#endif /* _LINUX_MM_TYPES_H */
