// SPDX-License-Identifier: GPL-2.0
/*
 * memblock: boot-time memory bookkeeping as two sorted lists of ranges,
 * "memory" and "reserved". Allocation is top-down first fit: the highest
 * free range under current_limit, so low memory stays free for longest.
 * Runs single-threaded during boot: no locking.
 * Linux: mm/memblock.c
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/page.h>

struct memblock memblock = {
	.current_limit = ~(phys_addr_t)0,
	.memory.name = "memory",
	.reserved.name = "reserved",
};

/* Insert [base, base+size) keeping the list sorted, merging neighbours. */
static int memblock_add_range(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size)
{
	phys_addr_t end = base + size;
	unsigned long i, j;

	if (size == 0)
		return 0;
	/* Absorb every region that overlaps or touches the new one. */
	for (i = 0; i < type->cnt; ) {
		struct memblock_region *r = &type->regions[i];

		if (r->base <= end && base <= r->base + r->size) {
			base = min(base, r->base);
			end = max(end, r->base + r->size);
			for (j = i; j + 1 < type->cnt; j++)
				type->regions[j] = type->regions[j + 1];
			type->cnt--;
			continue;
		}
		i++;
	}
	if (type->cnt >= INIT_MEMBLOCK_REGIONS) {
		pr_err("memblock: %s: out of region slots\n", type->name);
		return -ENOMEM;
	}
	for (i = 0; i < type->cnt && type->regions[i].base < base; i++)
		;
	for (j = type->cnt; j > i; j--)
		type->regions[j] = type->regions[j - 1];
	type->regions[i] = (struct memblock_region){ base, end - base, MAX_NUMNODES };
	type->cnt++;
	return 0;
}

/**
 * memblock_add - record a range of RAM
 * @base: physical start
 * @size: bytes
 * Return: 0, or -ENOMEM when the region table is full.
 * Linux: memblock_add()
 */
int memblock_add(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.memory, base, size);
}

/**
 * memblock_reserve - mark a range as taken
 * @base: physical start
 * @size: bytes
 * Return: 0, or -ENOMEM when the region table is full.
 * Linux: memblock_reserve()
 */
int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.reserved, base, size);
}

/* Cut the region holding @addr in two at @addr (if @addr is inside it). */
static int memblock_split(struct memblock_type *type, phys_addr_t addr)
{
	for (unsigned long i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];

		if (addr <= r->base || addr >= r->base + r->size)
			continue;
		if (type->cnt >= INIT_MEMBLOCK_REGIONS) {
			pr_err("memblock: %s: out of region slots\n", type->name);
			return -ENOMEM;
		}
		for (unsigned long j = type->cnt; j > i + 1; j--)
			type->regions[j] = type->regions[j - 1];
		type->regions[i + 1] = (struct memblock_region){ addr, r->base + r->size - addr,
								 r->nid };
		r->size = addr - r->base;
		type->cnt++;
		return 0;
	}
	return 0;
}

/**
 * memblock_set_node - say which node a range of RAM belongs to
 * @base: physical start
 * @size: bytes
 * @nid: the node
 *
 * Regions are split at @base and @base + @size so that every region lies
 * on one node. Call after all memory was added (memblock_add() merges
 * neighbours without looking at their nodes).
 * Return: 0, or -ENOMEM when the region table is full.
 * Linux: memblock_set_node()
 */
int memblock_set_node(phys_addr_t base, phys_addr_t size, int nid)
{
	struct memblock_type *type = &memblock.memory;

	if (memblock_split(type, base) || memblock_split(type, base + size))
		return -ENOMEM;
	for (unsigned long i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];

		if (r->base >= base && r->base + r->size <= base + size)
			r->nid = nid;
	}
	return 0;
}

/**
 * memblock_phys_addr_to_nid - the node of a physical address of RAM
 * @addr: physical address
 * Return: the node of the memory region holding @addr; 0 when no region
 * does or its node is not known (a single-node machine).
 * Linux: early_pfn_to_nid() / memblock_search_pfn_nid()
 */
int memblock_phys_addr_to_nid(phys_addr_t addr)
{
	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		struct memblock_region *r = &memblock.memory.regions[i];

		if (addr >= r->base && addr < r->base + r->size)
			return r->nid < MAX_NUMNODES ? r->nid : 0;
	}
	return 0;
}

/**
 * memblock_set_current_limit - allocate only below @limit from now on
 * @limit: physical address
 *
 * Before the direct map exists only what the boot page tables map can be
 * touched, so early allocations must stay under it.
 * Linux: memblock_set_current_limit()
 */
void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

/* Is [base, base+size) free of reservations? Returns the blocker or NULL. */
static struct memblock_region *memblock_overlap(phys_addr_t base, phys_addr_t size)
{
	for (unsigned long i = 0; i < memblock.reserved.cnt; i++) {
		struct memblock_region *r = &memblock.reserved.regions[i];

		if (r->base < base + size && base < r->base + r->size)
			return r;
	}
	return NULL;
}

/* Top-down first fit in the memory regions of @nid (NUMA_NO_NODE: any). */
static phys_addr_t memblock_find_in_range_node(phys_addr_t size, phys_addr_t align, int nid)
{
	for (long i = (long)memblock.memory.cnt - 1; i >= 0; i--) {
		struct memblock_region *m = &memblock.memory.regions[i];
		phys_addr_t lo = m->base, hi = min(m->base + m->size, memblock.current_limit);
		phys_addr_t cand;

		if (nid != NUMA_NO_NODE && m->nid != nid)
			continue;
		if (hi < size)
			continue;
		cand = ALIGN_DOWN(hi - size, align);
		/* Walk down past reservations until a gap fits. */
		while (cand >= lo && cand + size <= hi) {
			struct memblock_region *r = memblock_overlap(cand, size);

			if (!r) {
				memblock_reserve(cand, size);
				return cand;
			}
			if (r->base < size)
				break;
			cand = ALIGN_DOWN(r->base - size, align);
		}
	}
	return 0;
}

/**
 * memblock_phys_alloc_try_nid - allocate and reserve memory, on a node if it can
 * @size: bytes
 * @align: power-of-two alignment
 * @nid: the node to try first; NUMA_NO_NODE: any
 *
 * Return: the physical address (on @nid if it had room, else anywhere),
 * or 0 if no free range fits.
 * Linux: memblock_phys_alloc_try_nid()
 */
phys_addr_t memblock_phys_alloc_try_nid(phys_addr_t size, phys_addr_t align, int nid)
{
	phys_addr_t phys = 0;

	if (nid != NUMA_NO_NODE)
		phys = memblock_find_in_range_node(size, align, nid);
	if (!phys)
		phys = memblock_find_in_range_node(size, align, NUMA_NO_NODE);
	return phys;
}

/**
 * memblock_phys_alloc - allocate and reserve physical memory
 * @size: bytes
 * @align: power-of-two alignment
 *
 * Return: the physical address, or 0 if no free range fits.
 * Linux: memblock_phys_alloc()
 */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_phys_alloc_try_nid(size, align, NUMA_NO_NODE);
}

/**
 * memblock_alloc - allocate zeroed boot memory, through the direct map
 * @size: bytes
 * @align: power-of-two alignment
 *
 * Running out of memory this early cannot be recovered from: panics.
 * Return: the memory's direct-map address (never NULL).
 * Linux: memblock_alloc()
 */
void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t phys = memblock_phys_alloc(size, align);

	if (!phys)
		panic("memblock: cannot allocate %llu bytes at boot: not enough memory",
		      (unsigned long long)size);
	memset(__va(phys), 0, size);
	return __va(phys);
}

static phys_addr_t memblock_type_size(struct memblock_type *type)
{
	phys_addr_t total = 0;

	for (unsigned long i = 0; i < type->cnt; i++)
		total += type->regions[i].size;
	return total;
}

/**
 * memblock_phys_mem_size - total bytes of RAM
 * Return: the sum of the memory regions.
 * Linux: memblock_phys_mem_size()
 */
phys_addr_t memblock_phys_mem_size(void)
{
	return memblock_type_size(&memblock.memory);
}

/**
 * memblock_reserved_size - total bytes reserved
 * Return: the sum of the reserved regions.
 * Linux: memblock_reserved_size()
 */
phys_addr_t memblock_reserved_size(void)
{
	return memblock_type_size(&memblock.reserved);
}

/**
 * memblock_end_of_DRAM - the address past the highest RAM
 * Return: that address; 0 with no memory registered.
 * Linux: memblock_end_of_DRAM()
 */
phys_addr_t memblock_end_of_DRAM(void)
{
	struct memblock_type *m = &memblock.memory;

	return m->cnt ? m->regions[m->cnt - 1].base + m->regions[m->cnt - 1].size : 0;
}

/**
 * memblock_free_all - give every free page of RAM to the buddy allocator
 *
 * Return: the number of pages released.
 * Linux: memblock_free_all()
 */
unsigned long memblock_free_all(void)
{
	unsigned long count = 0;

	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		struct memblock_region *m = &memblock.memory.regions[i];
		phys_addr_t start = m->base, end = m->base + m->size;

		/* Both lists are sorted: the gaps between reservations are free. */
		for (unsigned long j = 0; j <= memblock.reserved.cnt && start < end; j++) {
			struct memblock_region *r = j < memblock.reserved.cnt ?
						    &memblock.reserved.regions[j] : NULL;
			phys_addr_t gap_end = r ? min(r->base, end) : end;
			unsigned long first = PFN_UP(start), last = PFN_DOWN(gap_end);

			if (r && r->base + r->size <= start)
				continue;
			if (first < last) {
				free_pages_range_early(first, last);
				count += last - first;
			}
			if (r)
				start = max(start, r->base + r->size);
		}
	}
	return count;
}

/**
 * memblock_dump - print both lists (boot parameter memblock=debug)
 * Linux: memblock_dump_all()
 */
void memblock_dump(void)
{
	struct memblock_type *types[] = { &memblock.memory, &memblock.reserved };

	for (unsigned int t = 0; t < ARRAY_SIZE(types); t++)
		for (unsigned long i = 0; i < types[t]->cnt; i++) {
			struct memblock_region *r = &types[t]->regions[i];
			char node[16] = "";

			if (t == 0 && r->nid < MAX_NUMNODES)
				snprintf(node, sizeof(node), " on node %d", r->nid);
			pr_info("memblock: %s[%lu] [%#018llx-%#018llx]%s\n", types[t]->name, i,
				(unsigned long long)r->base,
				(unsigned long long)(r->base + r->size - 1), node);
		}
}
