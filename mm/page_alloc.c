// SPDX-License-Identifier: GPL-2.0
/*
 * The page allocator: a binary buddy system in each memory node's zone.
 *
 * Free memory is kept as blocks of 2^order pages (order 0..MAX_PAGE_ORDER),
 * each aligned to its own size, on one free list per order in each zone
 * (one zone per node: include/linux/mmzone.h). A block of order k at pfn
 * p has a "buddy": the other half of the order k+1 block that contains
 * it, at pfn p ^ 2^k. Allocating splits the smallest big enough block in
 * halves until one has the wanted order, the unused halves going back on
 * the lists; freeing merges the block with its buddy for as long as that
 * buddy is free, whole and in the same zone, so free memory never stays
 * cut up into small pieces once they are all returned.
 *
 * An allocation asks for a node (NUMA_NO_NODE: the nearest node with
 * memory to the running CPU, numa_mem_id()) and walks that node's
 * zonelist: its own zone, then the others nearest first, as the SLIT's
 * distances order them; __GFP_THISNODE uses the list that holds only the
 * node's own zone, and fails rather than fall back.
 *
 * struct page records the state: the head page of a free block has
 * PG_buddy and its order; the head of an allocated block has _refcount 1
 * and its order; every other page has _refcount 0. That is enough to catch
 * a double free, a free of a page in the middle of a block, and a free
 * with the wrong order (reported as "BUG: Bad page state", then ignored).
 * The page's node lives in the top bits of page->flags (page_to_nid()).
 *
 * Spindle never sleeps here: GFP flags are accepted, but an allocation
 * that finds no block fails at once (there is nothing to reclaim).
 * Locking: a zone's free lists, its free-page counter and the buddy
 * fields of its pages are protected by zone->lock, taken with interrupts
 * off because interrupt handlers allocate too (GFP_ATOMIC). No two zone
 * locks are ever held at once.
 * Linux: mm/page_alloc.c, mm/mm_init.c (mem_init, memmap, zonelists),
 * mm/show_mem.c
 */
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/memblock.h>
#include <linux/printer.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/nodemask.h>
#include <linux/sched/debug.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <asm/setup.h>

/* Node 0 is everything until initmem_init() says otherwise. */
nodemask_t node_states[NR_NODE_STATES] = {
	[N_POSSIBLE] = { { 1UL } },
	[N_ONLINE] = { { 1UL } },
	[N_MEMORY] = { { 1UL } },
	[N_CPU] = { { 1UL } },
};

struct page *mem_map;
unsigned long max_pfn;
bool page_alloc_ready;
int bad_page_count;

static void add_to_free_list(struct page *page, struct zone *zone, unsigned int order)
{
	__SetPageBuddy(page);
	page->order = order;
	/* At the head: the block freed last is reused first (cache-warm). */
	list_add(&page->buddy_list, &zone->free_area[order].free_list);
	zone->free_area[order].nr_free++;
}

static void del_from_free_list(struct page *page, struct zone *zone, unsigned int order)
{
	list_del(&page->buddy_list);
	__ClearPageBuddy(page);
	page->order = 0;
	zone->free_area[order].nr_free--;
}

/*
 * Put the block of 2^order pages at @pfn on @zone's free lists, merging
 * it with its buddy, and the result with its buddy, as far as possible.
 * Caller holds zone->lock.
 */
static void __free_one_page(struct zone *zone, unsigned long pfn, unsigned int order)
{
	lockdep_assert_held(&zone->lock);
	atomic_long_add(1L << order, &zone->vm_stat[NR_FREE_PAGES]);
	while (order < MAX_PAGE_ORDER) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy;

		if (!pfn_valid(buddy_pfn))
			break;
		buddy = pfn_to_page(buddy_pfn);
		/*
		 * Only a free block of exactly this order, in this zone, is
		 * the whole buddy: a PG_buddy page of another order is a
		 * smaller piece, and one of another node's zone is on that
		 * zone's lists (and under its lock), where it must stay.
		 */
		if (!PageBuddy(buddy) || buddy->order != order || page_zone(buddy) != zone)
			break;
		del_from_free_list(buddy, zone, order);
		pfn &= ~(1UL << order);		/* the merged block starts at the lower half */
		order++;
	}
	add_to_free_list(pfn_to_page(pfn), zone, order);
}

/*
 * Take a block of 2^order pages off @zone's free lists, splitting a
 * bigger one if needed. Caller holds zone->lock. Returns NULL if none is free.
 */
static struct page *__rmqueue(struct zone *zone, unsigned int order)
{
	lockdep_assert_held(&zone->lock);
	for (unsigned int current_order = order; current_order <= MAX_PAGE_ORDER;
	     current_order++) {
		struct free_area *area = &zone->free_area[current_order];
		struct page *page;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, buddy_list);
		del_from_free_list(page, zone, current_order);
		/* Keep the lower half each time; the upper half is free. */
		while (current_order > order) {
			current_order--;
			add_to_free_list(page + (1UL << current_order), zone, current_order);
		}
		atomic_long_sub(1L << order, &zone->vm_stat[NR_FREE_PAGES]);
		return page;
	}
	return NULL;
}

/* The flag names of @page, "buddy|head", into @buf. */
static const char *page_flag_names(const struct page *page, char *buf, size_t len)
{
	static const char *const names[NR_PAGEFLAGS] = {
		[PG_reserved] = "reserved", [PG_buddy] = "buddy",
		[PG_head] = "head", [PG_tail] = "tail", [PG_slab] = "slab",
		[PG_large_kmalloc] = "large_kmalloc",
	};
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < NR_PAGEFLAGS; i++)
		if (page->flags & (1UL << i))
			used += scnprintf(buf + used, len - used, "%s%s",
					  used ? "|" : "", names[i]);
	return buf;
}

/*
 * Report a page that is not in a state to be freed. The free is then
 * skipped: giving the allocator a page someone still uses (or one that is
 * already on a free list) would corrupt it for everyone, while leaking one
 * block after a loud report costs little.
 */
static void bad_page(struct page *page, const char *reason, unsigned int freed_order)
{
	char names[64];

	pr_alert("BUG: Bad page state: pfn:%#lx\n", page_to_pfn(page));
	pr_alert("page:%px refcount:%d order:%u flags:%#lx(%s)\n", page,
		 page->_refcount, page->order, page->flags,
		 page_flag_names(page, names, sizeof(names)));
	pr_alert("page dumped because: %s (freed as order %u)\n", reason, freed_order);
	dump_stack();
}

/* Why @page cannot be freed as a block of @order, or NULL if it can. */
static const char *free_page_check(const struct page *page, unsigned int order)
{
	if (PageReserved(page))
		return "freeing a reserved page (not managed by the allocator)";
	if (PageBuddy(page))
		return "page is already free (double free)";
	if (PageTail(page))
		return "freeing a page in the middle of an allocated block";
	if (page->_refcount != 1)
		return "page is not allocated (double free, or not a block start)";
	if (PageSlab(page) || PageLargeKmalloc(page))
		return "page still belongs to the slab allocator";
	if (page->order != order)
		return "freed with a different order than allocated";
	return NULL;
}

/**
 * __free_pages - give a block back to the buddy allocator
 * @page: the first page of a block from alloc_pages()
 * @order: the order it was allocated with
 *
 * A block that is not allocated, or not with this order, is reported as
 * "BUG: Bad page state" (bad_page_count grows) and left alone.
 * Linux: mm/page_alloc.c
 */
void __free_pages(struct page *page, unsigned int order)
{
	unsigned long flags, pfn;
	const char *reason;
	struct zone *zone;

	if (WARN(!page || page < mem_map || page >= mem_map + max_pfn ||
		 order > MAX_PAGE_ORDER,
		 "__free_pages: bad page %px or order %u", page, order)) {
		bad_page_count++;
		return;
	}
	pfn = page_to_pfn(page);
	debug_check_no_locks_freed(page_address(page), PAGE_SIZE << order);
	zone = page_zone(page);

	spin_lock_irqsave(&zone->lock, flags);
	reason = free_page_check(page, order);
	if (reason) {
		bad_page_count++;
		spin_unlock_irqrestore(&zone->lock, flags);
		bad_page(page, reason, order);
		return;
	}
	if (PageHead(page)) {
		for (unsigned long i = 1; i < (1UL << order); i++) {
			BUG_ON(!PageTail(page + i) || page[i].first_page != page);
			__ClearPageTail(page + i);
			page[i].first_page = NULL;
		}
		__ClearPageHead(page);
	}
	page->_refcount = 0;
	__free_one_page(zone, pfn, order);
	spin_unlock_irqrestore(&zone->lock, flags);
}

/* An allocation found no memory: say so, unless the caller expects it. */
static void warn_alloc(gfp_t gfp, unsigned int order)
{
	if (gfp & __GFP_NOWARN)
		return;
	pr_warn("page allocation failure: order:%u, mode:%#x\n", order, gfp);
	dump_stack();
	show_mem(&printk_printer);
}

/* Take a block from the first zone of @zonelist (in @nodemask, if given) that has one. */
static struct page *get_page_from_freelist(unsigned int order, struct zonelist *zonelist,
					   const nodemask_t *nodemask)
{
	for (struct zoneref *z = zonelist->_zonerefs; z->zone; z++) {
		struct zone *zone = z->zone;
		unsigned long flags;
		struct page *page;

		if (nodemask && !node_isset(zone_to_nid(zone), *nodemask))
			continue;
		if (!populated_zone(zone))
			continue;
		spin_lock_irqsave(&zone->lock, flags);
		page = __rmqueue(zone, order);
		if (page) {
			/* Anything else on a free list means the lists are corrupt. */
			BUG_ON(page->_refcount || (page->flags & PAGEFLAGS_MASK));
			page->_refcount = 1;
			page->order = order;
		}
		spin_unlock_irqrestore(&zone->lock, flags);
		if (page)
			return page;
	}
	return NULL;
}

/**
 * __alloc_pages - allocate 2^@order contiguous pages, near node @preferred_nid
 * @gfp: GFP_KERNEL, GFP_ATOMIC, ... (__GFP_ZERO: zeroed; __GFP_NOWARN: no
 *	failure report; __GFP_COMP: the block is one compound object whose
 *	tail pages point at the head, as slab and large kmalloc need;
 *	__GFP_THISNODE: from @preferred_nid only, never another node)
 * @order: 0..MAX_PAGE_ORDER
 * @preferred_nid: an online node; its zonelist gives the order in which
 *	nodes are tried: itself, then the others by distance
 * @nodemask: only nodes in it, or NULL for any
 *
 * Never sleeps. The block is aligned to its size, physically and in the
 * direct map. May be called from interrupt handlers.
 * Return: the first page, or NULL when no zone on the list has a block
 * (or fail_page_alloc says to fail).
 * Linux: __alloc_pages() in mm/page_alloc.c
 */
struct page *__alloc_pages(gfp_t gfp, unsigned int order, int preferred_nid,
			   nodemask_t *nodemask)
{
	struct page *page;

	if (order > MAX_PAGE_ORDER) {
		WARN(!(gfp & __GFP_NOWARN), "alloc_pages: order %u > MAX_PAGE_ORDER", order);
		return NULL;
	}
	if (WARN(!page_alloc_ready, "alloc_pages() called before mem_init()"))
		return NULL;
	if (WARN(preferred_nid < 0 || preferred_nid >= MAX_NUMNODES || !NODE_DATA(preferred_nid),
		 "__alloc_pages: node %d is not online", preferred_nid))
		return NULL;
	if (should_fail_alloc_page(gfp, order))
		return NULL;

	page = get_page_from_freelist(order, node_zonelist(preferred_nid, gfp), nodemask);
	if (!page) {
		warn_alloc(gfp, order);
		return NULL;
	}
	/* The block is ours now: no lock needed for the rest. */
	if ((gfp & __GFP_COMP) && order) {
		__SetPageHead(page);
		for (unsigned long i = 1; i < (1UL << order); i++) {
			__SetPageTail(page + i);
			page[i].first_page = page;
		}
	}
	if (gfp & __GFP_ZERO)
		for (unsigned long i = 0; i < (1UL << order); i++)
			clear_page((char *)page_address(page) + i * PAGE_SIZE);
	return page;
}

/**
 * alloc_pages_node - allocate 2^@order contiguous pages on node @nid
 * @nid: the node to try first; NUMA_NO_NODE: the nearest node with memory
 *	to the running CPU (numa_mem_id())
 * @gfp: GFP flags, as for __alloc_pages()
 * @order: 0..MAX_PAGE_ORDER
 *
 * Falls back to other nodes, nearest first, unless @gfp has __GFP_THISNODE.
 * Return: the first page, or NULL.
 * Linux: alloc_pages_node() in include/linux/gfp.h
 */
struct page *alloc_pages_node(int nid, gfp_t gfp, unsigned int order)
{
	if (nid == NUMA_NO_NODE)
		nid = numa_mem_id();
	return __alloc_pages(gfp, order, nid, NULL);
}

/**
 * alloc_pages - allocate a block of 2^@order physically contiguous pages
 * @gfp: GFP flags, as for __alloc_pages()
 * @order: 0..MAX_PAGE_ORDER
 *
 * From the nearest node with memory to the running CPU, else the next
 * nearest (Linux's default memory policy: local first).
 * Return: the first page, or NULL.
 * Linux: alloc_pages() in mm/mempolicy.c
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	return alloc_pages_node(NUMA_NO_NODE, gfp, order);
}

/**
 * __get_free_pages - alloc_pages(), returning the direct-map address
 * @gfp: GFP flags, as for alloc_pages()
 * @order: 0..MAX_PAGE_ORDER
 * Return: the address, or 0 on failure.
 * Linux: mm/page_alloc.c
 */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

/**
 * get_zeroed_page - one zero-filled page
 * @gfp: GFP flags
 * Return: its direct-map address, or 0 on failure.
 * Linux: mm/page_alloc.c
 */
unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

/**
 * free_pages - free a block by its direct-map address
 * @addr: what __get_free_pages() returned; 0 is ignored
 * @order: the order it was allocated with
 *
 * An address that is not a page of RAM in the direct map is reported as a
 * bad page state and ignored.
 * Linux: mm/page_alloc.c
 */
void free_pages(unsigned long addr, unsigned int order)
{
	if (!addr)
		return;
	if (!virt_addr_valid((void *)addr) || !IS_ALIGNED(addr, PAGE_SIZE)) {
		bad_page_count++;
		pr_alert("BUG: Bad page state: free_pages(%#lx, %u): not a page in the direct map\n",
			 addr, order);
		dump_stack();
		return;
	}
	__free_pages(virt_to_page((void *)addr), order);
}

/**
 * nr_free_pages - pages on the free lists now
 * Return: that number.
 * Linux: global_zone_page_state(NR_FREE_PAGES)
 */
unsigned long nr_free_pages(void)
{
	unsigned long total = 0;
	int nid;

	for_each_online_node(nid)
		total += sum_zone_node_page_state(nid, NR_FREE_PAGES);
	return total;
}

/**
 * sum_zone_node_page_state - a zone counter, summed over a node's zones
 * @node: an online node
 * @item: NR_FREE_PAGES
 * Return: the sum (a snapshot).
 * Linux: sum_zone_node_page_state() in mm/vmstat.c
 */
unsigned long sum_zone_node_page_state(int node, enum zone_stat_item item)
{
	unsigned long total = 0;

	for (int i = 0; i < MAX_NR_ZONES; i++)
		total += zone_page_state(&NODE_DATA(node)->node_zones[i], item);
	return total;
}

/**
 * totalram_pages - pages handed to the allocator at boot
 * Return: that number.
 * Linux: totalram_pages() in include/linux/mm.h
 */
unsigned long totalram_pages(void)
{
	unsigned long total = 0;
	int nid;

	for_each_online_node(nid)
		for (int i = 0; i < MAX_NR_ZONES; i++)
			total += READ_ONCE(NODE_DATA(nid)->node_zones[i].managed_pages);
	return total;
}

/**
 * nr_free_pages_order - free blocks of exactly @order (as /proc/buddyinfo)
 * @order: 0..MAX_PAGE_ORDER
 * Return: the number of blocks (not pages) on that free list.
 */
unsigned long nr_free_pages_order(unsigned int order)
{
	unsigned long total = 0;
	int nid;

	if (WARN_ON(order > MAX_PAGE_ORDER))
		return 0;
	for_each_online_node(nid)
		for (int i = 0; i < MAX_NR_ZONES; i++)
			total += READ_ONCE(NODE_DATA(nid)->node_zones[i].free_area[order].nr_free);
	return total;
}

static void __free_pages_range(unsigned long start_pfn, unsigned long end_pfn);

/**
 * free_pages_range_early - hand a range of free RAM to the allocator
 * @start_pfn: first frame
 * @end_pfn: one past the last frame
 *
 * Called by memblock_free_all(), once per free range, at boot. The range
 * is cut into the biggest aligned blocks that fit, which merge with
 * neighbours already freed.
 * Linux: memblock_free_pages() / __free_pages_core()
 */
void __init free_pages_range_early(unsigned long start_pfn, unsigned long end_pfn)
{
	__free_pages_range(start_pfn, end_pfn);
}

/**
 * free_reserved_area - give reserved pages back to the allocator, after boot
 * @start: direct-map address of the first byte (rounded up to a page)
 * @end: one past the last byte (rounded down)
 * @s: what the memory was, for the log line
 *
 * Return: the number of pages freed.
 * Linux: free_reserved_area() in mm/page_alloc.c
 */
unsigned long free_reserved_area(void *start, void *end, const char *s)
{
	unsigned long first = PFN_UP(__pa(start)), last = PFN_DOWN(__pa(end));

	if (last <= first)
		return 0;
	__free_pages_range(first, last);
	pr_info("Freeing %s memory: %luK\n", s, (last - first) << (PAGE_SHIFT - 10));
	return last - first;
}

/* Hand [start_pfn, end_pfn), all PG_reserved, to the buddy lists of their zones. */
static void __free_pages_range(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long flags, pfn;

	BUG_ON(!mem_map);
	BUG_ON(start_pfn > end_pfn || end_pfn > max_pfn);

	for (pfn = start_pfn; pfn < end_pfn; pfn++) {
		/* A page handed over twice would be on two lists: stop now. */
		BUG_ON(!PageReserved(pfn_to_page(pfn)));
		__ClearPageReserved(pfn_to_page(pfn));
	}

	/* Zone by zone: a block never holds pages of two nodes. */
	for (pfn = start_pfn; pfn < end_pfn; ) {
		struct zone *zone = page_zone(pfn_to_page(pfn));
		unsigned long end = min(end_pfn, zone->zone_start_pfn + zone->spanned_pages);
		unsigned long first = pfn;

		BUG_ON(end <= pfn);
		spin_lock_irqsave(&zone->lock, flags);
		while (pfn < end) {
			unsigned int order = MAX_PAGE_ORDER;

			while (order && (!IS_ALIGNED(pfn, 1UL << order) ||
					 pfn + (1UL << order) > end))
				order--;
			__free_one_page(zone, pfn, order);
			pfn += 1UL << order;
		}
		zone->managed_pages += pfn - first;
		spin_unlock_irqrestore(&zone->lock, flags);
	}
}

/* The boot line Linux prints: how RAM is split between uses. */
static void __init mem_init_print_info(void)
{
	unsigned long physpages = PFN_DOWN(memblock_phys_mem_size());
	unsigned long codesize = _etext - _text;
	unsigned long rosize = _erodata - _etext;
	unsigned long datasize = _edata - _sdata;
	unsigned long bss_size = __bss_stop - __bss_start;

	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, %luK bss, %luK reserved)\n",
		nr_free_pages() << (PAGE_SHIFT - 10), physpages << (PAGE_SHIFT - 10),
		codesize >> 10, datasize >> 10, rosize >> 10, bss_size >> 10,
		(physpages - totalram_pages()) << (PAGE_SHIFT - 10));
}

/*
 * Give every page its node: the node of the memory region it lies in, or
 * for a hole the node of the region before it (so each node's span is one
 * run of pfns). Linux: memmap_init() / set_page_links()
 */
static void __init memmap_init(void)
{
	unsigned long pfn = 0;
	int nid = memblock.memory.cnt ? memblock.memory.regions[0].nid : 0;

	for (unsigned long r = 0; r < memblock.memory.cnt; r++) {
		const struct memblock_region *m = &memblock.memory.regions[r];
		unsigned long end = min(max_pfn, PFN_DOWN(m->base + m->size));

		for (; pfn < PFN_DOWN(m->base) && pfn < max_pfn; pfn++)
			set_page_node(pfn_to_page(pfn), nid);
		nid = m->nid < MAX_NUMNODES ? m->nid : 0;
		for (; pfn < end; pfn++)
			set_page_node(pfn_to_page(pfn), nid);
	}
	for (; pfn < max_pfn; pfn++)
		set_page_node(pfn_to_page(pfn), nid);
}

/* A node's one zone, empty, spanning what its pages say. Linux: free_area_init_core() */
static void __init zone_init(pg_data_t *pgdat)
{
	struct zone *zone = &pgdat->node_zones[ZONE_NORMAL];
	unsigned long start = max_pfn, end = 0;

	for (unsigned long pfn = 0; pfn < max_pfn; pfn++)
		if (page_to_nid(pfn_to_page(pfn)) == pgdat->node_id) {
			start = min(start, pfn);
			end = pfn + 1;
		}
	if (start > end)
		start = end;
	pgdat->node_start_pfn = start;
	pgdat->node_spanned_pages = end - start;
	pgdat->nr_zones = MAX_NR_ZONES;
	zone->zone_pgdat = pgdat;
	zone->name = "Normal";
	zone->zone_start_pfn = start;
	zone->spanned_pages = end - start;
	spin_lock_init(&zone->lock);
	for (unsigned int order = 0; order <= MAX_PAGE_ORDER; order++)
		INIT_LIST_HEAD(&zone->free_area[order].free_list);
}

/*
 * @node's zonelists: every node with memory, nearest first (ties: lower
 * number), then for __GFP_THISNODE only its own zone.
 * Linux: build_zonelists() / find_next_best_node()
 */
static void __init build_zonelists(pg_data_t *pgdat)
{
	int local = pgdat->node_id, n, used = 0;
	nodemask_t done;
	struct zoneref *z = pgdat->node_zonelists[ZONELIST_FALLBACK]._zonerefs;

	nodes_clear(done);
	pr_info("Fallback order for Node %d: ", local);
	for (;;) {
		int best = NUMA_NO_NODE;

		for_each_node_state(n, N_MEMORY)
			if (!node_isset(n, done) &&
			    (best == NUMA_NO_NODE || node_distance(local, n) < node_distance(local, best)))
				best = n;
		if (best == NUMA_NO_NODE)
			break;
		node_set(best, done);
		z[used].zone = &NODE_DATA(best)->node_zones[ZONE_NORMAL];
		z[used++].zone_idx = ZONE_NORMAL;
		pr_cont("%d ", best);
	}
	pr_cont("\n");
	z[used].zone = NULL;
	z = pgdat->node_zonelists[ZONELIST_NOFALLBACK]._zonerefs;
	z[0].zone = &pgdat->node_zones[ZONE_NORMAL];
	z[0].zone_idx = ZONE_NORMAL;
	z[1].zone = NULL;
}

/**
 * node_zonelist - the zones an allocation on @nid tries, in order
 * @nid: an online node
 * @gfp: with __GFP_THISNODE, the list of @nid's own zone only
 * Return: the zonelist.
 * Linux: node_zonelist() in include/linux/gfp.h
 */
struct zonelist *node_zonelist(int nid, gfp_t gfp)
{
	return &NODE_DATA(nid)->node_zonelists[(gfp & __GFP_THISNODE) ?
					       ZONELIST_NOFALLBACK : ZONELIST_FALLBACK];
}

/**
 * mem_init - start the page allocator
 *
 * Allocates mem_map from memblock (one struct page per frame up to the end
 * of RAM, all reserved at first; one array for all nodes, which Linux
 * would split per node), gives each page its node and each node its
 * zone and zonelists, then lets memblock_free_all() hand over every free
 * page. From here on memblock must not be used.
 * Linux: mem_init() in arch/x86/mm/init_64.c, free_area_init(),
 * build_all_zonelists(), memblock_free_all()
 */
void __init mem_init(void)
{
	unsigned long freed;
	int nid;

	max_pfn = PFN_DOWN(memblock_end_of_DRAM());
	BUG_ON(!max_pfn);
	mem_map = memblock_alloc(max_pfn * sizeof(struct page), PAGE_SIZE);
	for (unsigned long pfn = 0; pfn < max_pfn; pfn++)
		__SetPageReserved(&mem_map[pfn]);
	memmap_init();
	for_each_online_node(nid)
		zone_init(NODE_DATA(nid));
	for_each_online_node(nid)
		build_zonelists(NODE_DATA(nid));
	pr_info("Built %d zonelists, mobility grouping off.  Total pages: %lu\n",
		num_online_nodes(), PFN_DOWN(memblock_phys_mem_size()));

	freed = memblock_free_all();
	WARN(freed != totalram_pages(), "mem_init: memblock freed %lu pages, allocator got %lu",
	     freed, totalram_pages());
	page_alloc_ready = true;
	mem_init_print_info();
}

#define SHOW_MEM_LINE_MAX	256	/* "Normal: 3*4kB ... = 123kB" */

/**
 * show_mem - print each node's free blocks of each order, and the totals
 * @out: where the lines go (&printk_printer, &console_printer)
 * Linux: show_mem() / show_free_areas() in mm/show_mem.c
 */
void show_mem(const struct printer *out)
{
	unsigned long counts[NR_PAGE_ORDERS], flags, total;
	char line[SHOW_MEM_LINE_MAX];
	int nid;
	size_t n;

	printer_printf(out, "Mem-Info:\n");
	for_each_online_node(nid) {
		pg_data_t *pgdat = NODE_DATA(nid);
		struct zone *zone = &pgdat->node_zones[ZONE_NORMAL];

		printer_printf(out, "Node %d managed:%lukB free:%lukB slab_unreclaimable:%lukB kernel_stack:%lukB\n",
			       nid, zone->managed_pages << (PAGE_SHIFT - 10),
			       zone_page_state(zone, NR_FREE_PAGES) << (PAGE_SHIFT - 10),
			       node_page_state(pgdat, NR_SLAB_UNRECLAIMABLE_B) >> 10,
			       node_page_state(pgdat, NR_KERNEL_STACK_KB));
		spin_lock_irqsave(&zone->lock, flags);
		for (unsigned int order = 0; order <= MAX_PAGE_ORDER; order++)
			counts[order] = zone->free_area[order].nr_free;
		spin_unlock_irqrestore(&zone->lock, flags);
		/* One printer_printf() per line: build the line of orders first. */
		n = scnprintf(line, sizeof(line), "Node %d %s:", nid, zone->name);
		total = 0;
		for (unsigned int order = 0; order <= MAX_PAGE_ORDER; order++) {
			n += scnprintf(line + n, sizeof(line) - n, " %lu*%lukB", counts[order],
				       (PAGE_SIZE << order) >> 10);
			total += counts[order] << order;
		}
		printer_printf(out, "%s = %lukB\n", line, total << (PAGE_SHIFT - 10));
	}
	printer_printf(out, "%lu pages RAM managed, %lu free, %lu bad page reports\n",
		       totalram_pages(), nr_free_pages(), (unsigned long)bad_page_count);
}
