/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memblock: the boot-time memory manager, used before the page allocator
 * exists. It knows which physical ranges are RAM ("memory") and which of
 * those are taken ("reserved": the kernel image, the boot information,
 * and everything memblock itself has handed out). memblock_free_all()
 * then gives every page that is RAM and not reserved to the buddy
 * allocator, and memblock is done. Once the SRAT is read, each memory
 * range knows its node (memblock_set_node()), and boot allocations can
 * ask for one (memblock_phys_alloc_try_nid()).
 * Linux: include/linux/memblock.h, mm/memblock.c
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/numa.h>
#include <linux/types.h>

#define INIT_MEMBLOCK_REGIONS	128

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
	int nid;		/* memory: its node, MAX_NUMNODES until known */
};

struct memblock_type {
	unsigned long cnt;
	struct memblock_region regions[INIT_MEMBLOCK_REGIONS];
	const char *name;
};

struct memblock {
	phys_addr_t current_limit;	/* allocations stay below this */
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
void memblock_set_current_limit(phys_addr_t limit);
int memblock_set_node(phys_addr_t base, phys_addr_t size, int nid);
/* Physical address of @size free bytes aligned to @align, or 0. */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);
/* As above, on node @nid if it has room, else anywhere. */
phys_addr_t memblock_phys_alloc_try_nid(phys_addr_t size, phys_addr_t align, int nid);
int memblock_phys_addr_to_nid(phys_addr_t addr);
/* As above, through the direct map, zeroed; panics when out of memory. */
void *memblock_alloc(phys_addr_t size, phys_addr_t align);
phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);
phys_addr_t memblock_end_of_DRAM(void);
/* Release all free RAM to the page allocator; returns the page count. */
unsigned long memblock_free_all(void);
void memblock_dump(void);

#endif /* _LINUX_MEMBLOCK_H */
