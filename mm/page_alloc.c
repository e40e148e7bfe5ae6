// SPDX-License-Identifier: GPL-2.0
/*
 * The page allocator: a binary buddy system over all of RAM, as one zone.
 *
 * Free memory is kept as blocks of 2^order pages (order 0..MAX_PAGE_ORDER),
 * each aligned to its own size, on one free list per order. A block of
 * order k at pfn p has a "buddy": the other half of the order k+1 block
 * that contains it, at pfn p ^ 2^k. Allocating splits the smallest big
 * enough block in halves until one has the wanted order, the unused halves
 * going back on the lists; freeing merges the block with its buddy for as
 * long as that buddy is free and whole, so free memory never stays cut up
 * into small pieces once they are all returned.
 *
 * struct page records the state: the head page of a free block has
 * PG_buddy and its order; the head of an allocated block has _refcount 1
 * and its order; every other page has _refcount 0. That is enough to catch
 * a double free, a free of a page in the middle of a block, and a free
 * with the wrong order (reported as "BUG: Bad page state", then ignored).
 *
 * Spindle never sleeps here: GFP flags are accepted, but an allocation
 * that finds no block fails at once (there is nothing to reclaim).
 * Locking: the free lists, the counters and the buddy fields of struct
 * page are protected by zone_lock, taken with interrupts off because
 * interrupt handlers allocate too (GFP_ATOMIC).
 * Linux: mm/page_alloc.c, mm/mm_init.c (mem_init, memmap), mm/show_mem.c
 */
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/memblock.h>
#include <linux/printer.h>
#include <linux/mm.h>
#include <linux/nodemask.h>
#include <linux/sched/debug.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/setup.h>

struct free_area {
	struct list_head free_list;	/* head pages of free blocks */
	unsigned long nr_free;		/* blocks on free_list */
};

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

/* Guards free_area[], the zone counters and the pages' buddy fields; irqs off. */
static DEFINE_SPINLOCK(zone_lock);
static struct free_area free_area[NR_PAGE_ORDERS];
static unsigned long zone_free_pages;	/* pages on all free lists */
static unsigned long zone_managed_pages; /* pages memblock handed over */

static void add_to_free_list(struct page *page, unsigned int order)
{
	__SetPageBuddy(page);
	page->order = order;
	/* At the head: the block freed last is reused first (cache-warm). */
	list_add(&page->buddy_list, &free_area[order].free_list);
	free_area[order].nr_free++;
}

static void del_from_free_list(struct page *page, unsigned int order)
{
	list_del(&page->buddy_list);
	__ClearPageBuddy(page);
	page->order = 0;
	free_area[order].nr_free--;
}

/*
 * Put the block of 2^order pages at @pfn on the free lists, merging it
 * with its buddy, and the result with its buddy, as far as possible.
 * Caller holds zone_lock.
 */
static void __free_one_page(unsigned long pfn, unsigned int order)
{
	lockdep_assert_held(&zone_lock);
	while (order < MAX_PAGE_ORDER) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy;

		if (!pfn_valid(buddy_pfn))
			break;
		buddy = pfn_to_page(buddy_pfn);
		/*
		 * Only a free block of exactly this order is the whole buddy:
		 * a PG_buddy page of another order is a smaller piece, or the
		 * head of a bigger block we are inside of (impossible).
		 */
		if (!PageBuddy(buddy) || buddy->order != order)
			break;
		del_from_free_list(buddy, order);
		pfn &= ~(1UL << order);		/* the merged block starts at the lower half */
		order++;
	}
	add_to_free_list(pfn_to_page(pfn), order);
}

/*
 * Take a block of 2^order pages off the free lists, splitting a bigger
 * one if needed. Caller holds zone_lock. Returns NULL if none is free.
 */
static struct page *__rmqueue(unsigned int order)
{
	lockdep_assert_held(&zone_lock);
	for (unsigned int current_order = order; current_order <= MAX_PAGE_ORDER;
	     current_order++) {
		struct free_area *area = &free_area[current_order];
		struct page *page;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, buddy_list);
		del_from_free_list(page, current_order);
		/* Keep the lower half each time; the upper half is free. */
		while (current_order > order) {
			current_order--;
			add_to_free_list(page + (1UL << current_order), current_order);
		}
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

	if (WARN(!page || page < mem_map || page >= mem_map + max_pfn ||
		 order > MAX_PAGE_ORDER,
		 "__free_pages: bad page %px or order %u", page, order)) {
		bad_page_count++;
		return;
	}
	pfn = page_to_pfn(page);

	spin_lock_irqsave(&zone_lock, flags);
	reason = free_page_check(page, order);
	if (reason) {
		bad_page_count++;
		spin_unlock_irqrestore(&zone_lock, flags);
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
	__free_one_page(pfn, order);
	zone_free_pages += 1UL << order;
	spin_unlock_irqrestore(&zone_lock, flags);
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

/**
 * alloc_pages - allocate a block of 2^@order physically contiguous pages
 * @gfp: GFP_KERNEL, GFP_ATOMIC, ... (__GFP_ZERO: zeroed; __GFP_NOWARN: no
 *	failure report; __GFP_COMP: the block is one compound object whose
 *	tail pages point at the head, as slab and large kmalloc need)
 * @order: 0..MAX_PAGE_ORDER
 *
 * Never sleeps. The block is aligned to its size, physically and in the
 * direct map. May be called from interrupt handlers.
 * Return: the first page, or NULL when no block is free (or fail_page_alloc
 * says to fail).
 * Linux: alloc_pages() / __alloc_pages() in mm/page_alloc.c
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	unsigned long flags;
	struct page *page;

	if (order > MAX_PAGE_ORDER) {
		WARN(!(gfp & __GFP_NOWARN), "alloc_pages: order %u > MAX_PAGE_ORDER", order);
		return NULL;
	}
	if (WARN(!page_alloc_ready, "alloc_pages() called before mem_init()"))
		return NULL;
	if (should_fail_alloc_page(gfp, order))
		return NULL;

	spin_lock_irqsave(&zone_lock, flags);
	page = __rmqueue(order);
	if (page) {
		/* Anything else on a free list means the lists are corrupt. */
		BUG_ON(page->_refcount || page->flags);
		page->_refcount = 1;
		page->order = order;
		zone_free_pages -= 1UL << order;
	}
	spin_unlock_irqrestore(&zone_lock, flags);

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
		memset(page_address(page), 0, PAGE_SIZE << order);
	return page;
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
	return READ_ONCE(zone_free_pages);
}

/**
 * totalram_pages - pages handed to the allocator at boot
 * Return: that number.
 * Linux: totalram_pages() in include/linux/mm.h
 */
unsigned long totalram_pages(void)
{
	return READ_ONCE(zone_managed_pages);
}

/**
 * nr_free_pages_order - free blocks of exactly @order (as /proc/buddyinfo)
 * @order: 0..MAX_PAGE_ORDER
 * Return: the number of blocks (not pages) on that free list.
 */
unsigned long nr_free_pages_order(unsigned int order)
{
	if (WARN_ON(order > MAX_PAGE_ORDER))
		return 0;
	return READ_ONCE(free_area[order].nr_free);
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

/* Hand [start_pfn, end_pfn), all PG_reserved, to the buddy lists. */
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

	spin_lock_irqsave(&zone_lock, flags);
	for (pfn = start_pfn; pfn < end_pfn; ) {
		unsigned int order = MAX_PAGE_ORDER;

		while (order && (!IS_ALIGNED(pfn, 1UL << order) ||
				 pfn + (1UL << order) > end_pfn))
			order--;
		__free_one_page(pfn, order);
		zone_free_pages += 1UL << order;
		pfn += 1UL << order;
	}
	zone_managed_pages += end_pfn - start_pfn;
	spin_unlock_irqrestore(&zone_lock, flags);
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

/**
 * mem_init - start the page allocator
 *
 * Allocates mem_map from memblock (one struct page per frame up to the end
 * of RAM, all reserved at first), then lets memblock_free_all() hand over
 * every free page. From here on memblock must not be used.
 * Linux: mem_init() in arch/x86/mm/init_64.c, memblock_free_all()
 */
void __init mem_init(void)
{
	unsigned long freed;

	max_pfn = PFN_DOWN(memblock_end_of_DRAM());
	BUG_ON(!max_pfn);
	mem_map = memblock_alloc(max_pfn * sizeof(struct page), PAGE_SIZE);
	for (unsigned long pfn = 0; pfn < max_pfn; pfn++)
		__SetPageReserved(&mem_map[pfn]);
	for (unsigned int order = 0; order <= MAX_PAGE_ORDER; order++)
		INIT_LIST_HEAD(&free_area[order].free_list);

	freed = memblock_free_all();
	WARN(freed != totalram_pages(), "mem_init: memblock freed %lu pages, allocator got %lu",
	     freed, totalram_pages());
	page_alloc_ready = true;
	mem_init_print_info();
}

#define SHOW_MEM_LINE_MAX	256	/* "Normal: 3*4kB ... = 123kB" */

/**
 * show_mem - print the free blocks of each order and the totals
 * @out: where the lines go (&printk_printer, &console_printer)
 * Linux: show_mem() / show_free_areas() in mm/show_mem.c
 */
void show_mem(const struct printer *out)
{
	unsigned long counts[NR_PAGE_ORDERS], flags, total = 0;
	char line[SHOW_MEM_LINE_MAX];
	size_t n;

	spin_lock_irqsave(&zone_lock, flags);
	for (unsigned int order = 0; order <= MAX_PAGE_ORDER; order++)
		counts[order] = free_area[order].nr_free;
	spin_unlock_irqrestore(&zone_lock, flags);

	printer_printf(out, "Mem-Info:\n");
	/* One printer_printf() per line: build the line of orders first. */
	n = scnprintf(line, sizeof(line), "Normal:");
	for (unsigned int order = 0; order <= MAX_PAGE_ORDER; order++) {
		n += scnprintf(line + n, sizeof(line) - n, " %lu*%lukB", counts[order],
			       (PAGE_SIZE << order) >> 10);
		total += counts[order] << order;
	}
	printer_printf(out, "%s = %lukB\n", line, total << (PAGE_SHIFT - 10));
	printer_printf(out, "%lu pages RAM managed, %lu free, %lu bad page reports\n",
		       totalram_pages(), nr_free_pages(), (unsigned long)bad_page_count);
}
