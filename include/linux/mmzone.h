/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory nodes and zones: each NUMA node's memory is described by a
 * pg_data_t (NODE_DATA(nid)), allocated at boot on the node itself. A
 * node's memory is one zone here, ZONE_NORMAL: Spindle drives no device
 * that needs ZONE_DMA or ZONE_DMA32, and every page is in the direct map
 * (no highmem). Each zone has its own buddy free lists and lock.
 *
 * An allocation walks a zonelist: for each node, every node's zone
 * ordered by distance from it, nearest first (ZONELIST_FALLBACK), and a
 * list with only its own zone (ZONELIST_NOFALLBACK, for __GFP_THISNODE).
 * A node with CPUs and no memory has a pg_data_t with an empty zone and
 * zonelists like any other, so its CPUs fall back to the nearest memory.
 *
 * Locking: zone->lock guards the zone's free lists, its NR_FREE_PAGES
 * counter and the buddy fields of its pages (irqs off: interrupt
 * handlers allocate). The node counters (vm_stat) are atomic. The rest
 * is written at boot and read-only afterwards.
 * Linux: include/linux/mmzone.h, include/linux/vmstat.h
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/atomic.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/numa.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct free_area {
	struct list_head free_list;	/* head pages of free blocks */
	unsigned long nr_free;		/* blocks on free_list */
};

enum zone_type {
	ZONE_NORMAL,
	MAX_NR_ZONES
};

/* Per-zone counters, in pages. Linux: enum zone_stat_item */
enum zone_stat_item {
	NR_FREE_PAGES,
	NR_VM_ZONE_STAT_ITEMS
};

/* Per-node counters, in the unit their name says. Linux: enum node_stat_item */
enum node_stat_item {
	NR_SLAB_UNRECLAIMABLE_B,	/* bytes of slab pages (Linux's unit) */
	NR_KERNEL_STACK_KB,		/* KiB of kernel stacks */
	NR_VM_NODE_STAT_ITEMS
};

struct pglist_data;

struct zone {
	struct pglist_data *zone_pgdat;
	const char *name;
	unsigned long zone_start_pfn;
	unsigned long spanned_pages;	/* pfns from start, holes included */
	unsigned long managed_pages;	/* pages handed to the buddy allocator */
	/* Guards free_area[], vm_stat[NR_FREE_PAGES] and the buddy fields of the zone's pages; irqs off. */
	spinlock_t lock;
	struct free_area free_area[NR_PAGE_ORDERS];
	atomic_long_t vm_stat[NR_VM_ZONE_STAT_ITEMS];
};

enum {
	ZONELIST_FALLBACK,	/* every node's zone, nearest first */
	ZONELIST_NOFALLBACK,	/* this node's only: __GFP_THISNODE */
	MAX_ZONELISTS
};

struct zoneref {
	struct zone *zone;
	int zone_idx;
};

/* A NULL-terminated list of zones to try, in order. */
struct zonelist {
	struct zoneref _zonerefs[MAX_NUMNODES * MAX_NR_ZONES + 1];
};

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	struct zonelist node_zonelists[MAX_ZONELISTS];
	int nr_zones;
	unsigned long node_start_pfn;
	unsigned long node_present_pages;	/* RAM pages, holes not counted */
	unsigned long node_spanned_pages;	/* pfns from start, holes included */
	int node_id;
	atomic_long_t vm_stat[NR_VM_NODE_STAT_ITEMS];
} pg_data_t;

extern struct pglist_data *node_data[MAX_NUMNODES];
#define NODE_DATA(nid)		(node_data[nid])

static inline unsigned long pgdat_end_pfn(const pg_data_t *pgdat)
{
	return pgdat->node_start_pfn + pgdat->node_spanned_pages;
}

static inline int zone_to_nid(const struct zone *zone)
{
	return zone->zone_pgdat->node_id;
}

static inline bool populated_zone(const struct zone *zone)
{
	return zone->managed_pages != 0;
}

/* Counters: reads are snapshots, writes atomic. Linux: include/linux/vmstat.h */
static inline unsigned long zone_page_state(const struct zone *zone, enum zone_stat_item item)
{
	long x = atomic_long_read(&zone->vm_stat[item]);

	return x < 0 ? 0 : x;
}

static inline unsigned long node_page_state(const pg_data_t *pgdat, enum node_stat_item item)
{
	long x = atomic_long_read(&pgdat->vm_stat[item]);

	return x < 0 ? 0 : x;
}

static inline void mod_node_page_state(pg_data_t *pgdat, enum node_stat_item item, long delta)
{
	atomic_long_add(delta, &pgdat->vm_stat[item]);
}

#endif /* _LINUX_MMZONE_H */
