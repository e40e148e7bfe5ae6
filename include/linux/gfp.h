/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Allocation flags ("get free pages" flags) and the page allocator's API.
 *
 * The bit values are Linux's, so a flag word printed in a Spindle report
 * decodes the same way as in a Linux one. Spindle's allocators never sleep
 * and never reclaim: there is no swap and no page cache to shrink, so an
 * allocation either finds free memory at once or fails. That makes the
 * reclaim bits (__GFP_DIRECT_RECLAIM, __GFP_KSWAPD_RECLAIM, __GFP_IO,
 * __GFP_FS) and __GFP_HIGH (no emergency reserves here) accepted but
 * ignored; GFP_KERNEL and GFP_ATOMIC behave the same. They are still worth
 * passing correctly: they say what the caller may do, and code written
 * against them stays right when Linux's rules are studied side by side.
 * Flags that change behaviour: __GFP_ZERO, __GFP_NOWARN, __GFP_COMP,
 * __GFP_THISNODE.
 * There is no __GFP_NOFAIL: every caller must handle NULL.
 * Linux: include/linux/gfp_types.h, include/linux/gfp.h
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/compiler.h>
#include <linux/nodemask.h>
#include <linux/types.h>

#define __GFP_HIGH		0x20u	/* ignored: may use reserves */
#define __GFP_IO		0x40u	/* ignored: may start I/O */
#define __GFP_FS		0x80u	/* ignored: may call into filesystems */
#define __GFP_ZERO		0x100u	/* return zeroed memory */
#define __GFP_DIRECT_RECLAIM	0x400u	/* ignored: caller may sleep */
#define __GFP_KSWAPD_RECLAIM	0x800u	/* ignored: may wake kswapd */
#define __GFP_NOWARN		0x2000u	/* failure is expected: no report */
#define __GFP_COMP		0x40000u /* a multi-page block is one object (compound) */
#define __GFP_THISNODE		0x200000u /* on the node asked for, or fail: no fallback */

#define __GFP_RECLAIM	(__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)

#define GFP_ATOMIC	(__GFP_HIGH | __GFP_KSWAPD_RECLAIM)	/* 0x0820: IRQ or spinlock held */
#define GFP_KERNEL	(__GFP_RECLAIM | __GFP_IO | __GFP_FS)	/* 0x0cc0: may sleep (in Linux) */
#define GFP_NOWAIT	(__GFP_KSWAPD_RECLAIM)
#define GFP_HIGHUSER_MOVABLE	GFP_KERNEL	/* user pages: no highmem or migration here */
#define GFP_NOIO	(__GFP_RECLAIM)
#define GFP_NOFS	(__GFP_RECLAIM | __GFP_IO)

/* Would Linux let this allocation sleep? (Spindle never does.) */
static inline bool gfpflags_allow_blocking(gfp_t gfp)
{
	return !!(gfp & __GFP_DIRECT_RECLAIM);
}

struct page;

/* The buddy allocator's orders: blocks of 2^0 .. 2^MAX_PAGE_ORDER pages. */
#define MAX_PAGE_ORDER	10
#define NR_PAGE_ORDERS	(MAX_PAGE_ORDER + 1)
/* The 6.4..6.7 name, which meant the same (orders 0..MAX_ORDER inclusive). */
#define MAX_ORDER	MAX_PAGE_ORDER

struct zonelist;

/* mm/page_alloc.c */
struct page *__alloc_pages(gfp_t gfp, unsigned int order, int preferred_nid,
			   nodemask_t *nodemask);
struct page *alloc_pages_node(int nid, gfp_t gfp, unsigned int order);
struct page *alloc_pages(gfp_t gfp, unsigned int order);
struct zonelist *node_zonelist(int nid, gfp_t gfp);
void __free_pages(struct page *page, unsigned int order);
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);

#define alloc_page(gfp)		alloc_pages(gfp, 0)
#define __get_free_page(gfp)	__get_free_pages(gfp, 0)
#define __free_page(page)	__free_pages(page, 0)
#define free_page(addr)		free_pages(addr, 0)

#endif /* _LINUX_GFP_H */
