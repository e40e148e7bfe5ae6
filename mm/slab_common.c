// SPDX-License-Identifier: GPL-2.0
/*
 * The slab allocator's common part: what does not depend on how a cache
 * builds its slabs (that is mm/slub.c).
 *
 * It keeps the list of caches (slab_caches) and the cache of caches,
 * creates and destroys caches (kmem_cache_create() fills in what the
 * creator asked for, __kmem_cache_create() in slub.c lays the slab out),
 * and builds kmalloc() on the kmalloc caches: kmalloc() picks the
 * smallest of 13 (kmalloc-8 .. kmalloc-8k) that fits, with one table
 * load and no loop (kmalloc_cache_for()); bigger requests take
 * whole pages (PG_large_kmalloc). kfree() finds out which from the struct
 * page of the address, and refuses (reports) pointers kmalloc() did not
 * return.
 *
 * Locking: slab_caches_lock guards the list of caches; it nests outside
 * the caches' own locks (slab_show_all() takes both).
 * Linux: mm/slab_common.c
 */
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/printer.h>
#include <linux/sched/debug.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include "slab.h"

LIST_HEAD(slab_caches);
/* Guards slab_caches; taken with interrupts off, outside any cache's lock. */
DEFINE_SPINLOCK(slab_caches_lock);
/* Set once by kmem_cache_init(): kmalloc() works from then on. */
bool slab_ready;
/* The cache that kmem_cache_create() takes struct kmem_cache from. */
struct kmem_cache *kmem_cache;

/* kmalloc() blocks too big for a cache, live now (for leak checks). */
static atomic_long_t large_kmalloc_blocks;

/*
 * The kmalloc caches, at Linux's indices (kmalloc_index() in
 * <linux/slab.h>): index i serves sizes up to 2^i (kmalloc-8 is 3,
 * kmalloc-8k is 13), and the two that are not powers of two take the
 * unused 1 and 2: kmalloc-96 and kmalloc-192. Index 0 is no cache.
 * Linux: kmalloc_info[] in mm/slab_common.c
 */

static const struct {
	const char *name;
	unsigned int size;
} kmalloc_info[KMALLOC_SHIFT_HIGH + 1] = {
	[1] = { "kmalloc-96", 96 },	[2] = { "kmalloc-192", 192 },
	[3] = { "kmalloc-8", 8 },	[4] = { "kmalloc-16", 16 },
	[5] = { "kmalloc-32", 32 },	[6] = { "kmalloc-64", 64 },
	[7] = { "kmalloc-128", 128 },	[8] = { "kmalloc-256", 256 },
	[9] = { "kmalloc-512", 512 },	[10] = { "kmalloc-1k", 1024 },
	[11] = { "kmalloc-2k", 2048 },	[12] = { "kmalloc-4k", 4096 },
	[13] = { "kmalloc-8k", 8192 },
};
/* The caches themselves, static like the cache of caches (kmem_cache). */
static struct kmem_cache kmalloc_cache_store[KMALLOC_SHIFT_HIGH + 1];

/*
 * Pointers to them by index, for kmalloc()'s inline path; NULL until
 * create_kmalloc_caches(), and never written after.
 * Linux: kmalloc_caches[][] in mm/slab_common.c
 */
struct kmem_cache *kmalloc_caches[KMALLOC_SHIFT_HIGH + 1];

/*
 * Sizes up to 192 in steps of 8, (size - 1) / 8, to their cache's index:
 * a table because 96 and 192 break the powers of two. Above 192 the
 * index is the power of two that fits, fls(size - 1). Either way a load,
 * no loop. Linux: size_index[] and size_index_elem() in mm/slab_common.c
 */
static const u8 size_index[24] = {
	3,			/* 1..8 */
	4,			/* 9..16 */
	5, 5,			/* 17..32 */
	6, 6, 6, 6,		/* 33..64 */
	1, 1, 1, 1,		/* 65..96 */
	7, 7, 7, 7,		/* 97..128 */
	2, 2, 2, 2, 2, 2, 2, 2,	/* 129..192 */
};

static inline unsigned int size_index_elem(unsigned int bytes)
{
	return (bytes - 1) / 8;
}

/*
 * The alignment of a cache's objects: what the creator asked, at least a
 * word; with SLAB_HWCACHE_ALIGN, small objects share a cache line aligned
 * to a fraction of it.
 */
static unsigned int calculate_alignment(slab_flags_t flags, unsigned int align,
					unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = L1_CACHE_BYTES;

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	return max_t(unsigned int, align, sizeof(void *));
}

/* Fill in @s. Allocates nothing, so it also serves the static caches. */
static int kmem_cache_setup(struct kmem_cache *s, const char *name, unsigned int size,
			    unsigned int align, slab_flags_t flags, void (*ctor)(void *))
{
	s->name = name;
	s->object_size = size;
	s->align = calculate_alignment(flags, align, size);
	s->ctor = ctor;
	return __kmem_cache_create(s, flags);
}

static void add_cache(struct kmem_cache *s)
{
	unsigned long flags;

	spin_lock_irqsave(&slab_caches_lock, flags);
	list_add_tail(&s->list, &slab_caches);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
}

/**
 * bad_pointer - report a pointer the allocator refuses
 * @who: the function that was called ("kfree", ...)
 * @ptr: the pointer
 * @reason: what kmalloc_lookup() said
 */
void bad_pointer(const char *who, const void *ptr, const char *reason)
{
	slab_bug(NULL, "%s: bad pointer 0x%px (%s)", who, ptr, reason);
	dump_stack();
}

/**
 * kmem_cache_create - create a cache of objects
 * @name: shown in reports and slabinfo; must outlive the cache
 * @size: object size in bytes
 * @align: minimum alignment, a power of two (0: 8 bytes)
 * @flags: SLAB_HWCACHE_ALIGN, SLAB_PANIC
 * @ctor: called on each object when its slab is made, or NULL; objects
 *	go back to the cache in their constructed state
 *
 * Return: the cache, or NULL (SLAB_PANIC: panics instead).
 * Linux: mm/slab_common.c
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s = NULL;

	if (WARN(!slab_ready || !name || !size || (align & (align - 1)),
		 "kmem_cache_create(%s, %u, %u): bad arguments", name ? name : "NULL",
		 size, align))
		goto out;
	s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);
	if (!s)
		goto out;
	if (kmem_cache_setup(s, name, size, align, flags, ctor)) {
		pr_err("kmem_cache_create(%s): objects of %u bytes are too big\n", name, size);
		kmem_cache_free(kmem_cache, s);
		s = NULL;
		goto out;
	}
	add_cache(s);
out:
	if (!s && (flags & SLAB_PANIC))
		panic("kmem_cache_create: failed to create cache %s", name ? name : "NULL");
	return s;
}

/**
 * kmem_cache_shrink - give the empty slabs of a cache back to the pages
 * @s: the cache
 * Return: 0.
 * Linux: mm/slab_common.c
 */
int kmem_cache_shrink(struct kmem_cache *s)
{
	return __kmem_cache_shrink(s);
}

static bool is_static_cache(const struct kmem_cache *s)
{
	return s == kmem_cache ||
	       (s > kmalloc_cache_store && s < kmalloc_cache_store + ARRAY_SIZE(kmalloc_cache_store));
}

/**
 * kmem_cache_destroy - delete a cache
 * @s: a cache from kmem_cache_create(), or NULL
 *
 * Objects still allocated are a bug in the cache's user: it is reported
 * and the cache is kept (freeing its slabs would free those objects).
 * Linux: mm/slab_common.c
 */
void kmem_cache_destroy(struct kmem_cache *s)
{
	unsigned long flags;

	if (!s)
		return;
	if (WARN(is_static_cache(s), "kmem_cache_destroy(%s): a built-in cache", s->name))
		return;
	if (__kmem_cache_shutdown(s))
		return;
	spin_lock_irqsave(&slab_caches_lock, flags);
	list_del(&s->list);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	kmem_cache_free(kmem_cache, s);
}

/**
 * kmem_cache_size - the object size a cache was created with
 * @s: the cache
 * Return: that size, in bytes.
 * Linux: mm/slab_common.c
 */
unsigned int kmem_cache_size(struct kmem_cache *s)
{
	return s->object_size;
}

/**
 * kmalloc_cache_for - the kmalloc cache that serves @size bytes
 * @size: 1..KMALLOC_MAX_CACHE_SIZE
 *
 * For a size known only at run time; kmalloc_index() answers the same
 * at compile time (slab_test_index_matches_cache_for checks they agree).
 * Return: the cache, or NULL for 0 or sizes served by whole pages.
 * Linux: kmalloc_slab() in mm/slab_common.c
 */
struct kmem_cache *kmalloc_cache_for(size_t size)
{
	if (!size || size > KMALLOC_MAX_CACHE_SIZE)
		return NULL;
	if (size <= 192)
		return kmalloc_caches[size_index[size_index_elem(size)]];
	return kmalloc_caches[fls(size - 1)];
}

/* Too big for a cache: a __GFP_COMP page block marked PG_large_kmalloc. Linux: kmalloc_large_node() */
static void *kmalloc_large_node(size_t size, gfp_t flags, int node)
{
	unsigned int order = get_order(size);
	struct page *page;

	if (should_failslab(NULL, flags))
		return NULL;
	page = alloc_pages_node(node, flags | __GFP_COMP, order);
	if (!page)
		return NULL;
	__SetPageLargeKmalloc(page);
	atomic_long_inc(&large_kmalloc_blocks);
	return page_address(page);
}

/**
 * kmalloc_node - allocate memory on a node
 * @size: bytes; 0 returns ZERO_SIZE_PTR
 * @flags: GFP flags (__GFP_ZERO zeroes it; __GFP_THISNODE: on @node or
 *	not at all)
 * @node: the node; NUMA_NO_NODE: the running CPU's memory node (another
 *	node, nearest first, when that one is full)
 *
 * Up to 8 KiB from the kmalloc-<n> caches, aligned to the size for powers
 * of two (up to PAGE_SIZE); bigger from whole pages, page-aligned.
 * Never sleeps; may be called from interrupt handlers.
 * Return: the memory, or NULL.
 * Linux: kmalloc_node() in include/linux/slab.h, __kmalloc_node() in mm/slab_common.c
 */
void *kmalloc_node(size_t size, gfp_t flags, int node)
{
	if (!size)
		return ZERO_SIZE_PTR;
	if (WARN(!slab_ready, "kmalloc() called before kmem_cache_init()"))
		return NULL;
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_large_node(size, flags, node);
	return __kmem_cache_alloc_node(kmalloc_cache_for(size), flags, node);
}

/**
 * __kmalloc - kmalloc() of a size known only at run time
 * @size: bytes; 0 returns ZERO_SIZE_PTR
 * @flags: GFP flags (__GFP_ZERO zeroes it)
 *
 * kmalloc_node() on the running CPU's memory node.
 * Return: the memory, or NULL.
 * Linux: __kmalloc() in mm/slab_common.c
 */
void *__kmalloc(size_t size, gfp_t flags)
{
	return kmalloc_node(size, flags, NUMA_NO_NODE);
}

/**
 * kmalloc_trace - kmalloc() of a size known at compile time
 * @s: its kmalloc cache, kmalloc_caches[kmalloc_index(size)]
 * @flags: GFP flags (__GFP_ZERO zeroes it)
 * @size: the size asked for (the cache's objects may be bigger)
 *
 * Return: the memory, or NULL.
 * Linux: kmalloc_trace() in mm/slab_common.c (which also emits the
 * kmalloc trace event)
 */
void *kmalloc_trace(struct kmem_cache *s, gfp_t flags, size_t size)
{
	/* Before create_kmalloc_caches(), @s is NULL. */
	if (WARN(!slab_ready, "kmalloc() called before kmem_cache_init()"))
		return NULL;
	return __kmem_cache_alloc_node(s, flags, NUMA_NO_NODE);
}

/**
 * kfree - free memory from kmalloc() (or any slab object)
 * @objp: the pointer kmalloc() returned; NULL and ZERO_SIZE_PTR are ignored
 *
 * A pointer kmalloc() did not return (on the stack, inside an object, a
 * page never allocated, freed already) is reported and ignored.
 * Linux: kfree() in mm/slab_common.c
 */
void kfree(const void *objp)
{
	struct page *slab, *large;
	const char *reason;

	if (ZERO_OR_NULL_PTR(objp))
		return;
	reason = kmalloc_lookup(objp, &slab, &large);
	if (reason) {
		bad_pointer("kfree", objp, reason);
		return;
	}
	if (slab) {
		__kmem_cache_free(slab->slab_cache, slab, (void *)objp);
		return;
	}
	__ClearPageLargeKmalloc(large);
	atomic_long_dec(&large_kmalloc_blocks);
	__free_pages(large, large->order);
}

/**
 * ksize - how many bytes the allocation at @objp may really use
 * @objp: a pointer from kmalloc()
 * Return: at least the size asked for; 0 for NULL or a bad pointer.
 * Linux: mm/slab_common.c
 */
size_t ksize(const void *objp)
{
	struct page *slab, *large;
	const char *reason;

	if (ZERO_OR_NULL_PTR(objp))
		return 0;
	reason = kmalloc_lookup(objp, &slab, &large);
	if (WARN(reason, "ksize: bad pointer %px (%s)", objp, reason))
		return 0;
	if (slab)
		return slab->slab_cache->object_size;
	return PAGE_SIZE << large->order;
}

/**
 * slab_show_all - print every cache, as /proc/slabinfo does
 * @out: where the lines go (&printk_printer, &console_printer)
 * Linux: slab_show() in mm/slab_common.c
 */
void slab_show_all(const struct printer *out)
{
	struct kmem_cache *s;
	struct slab_stats st;
	unsigned long flags;

	printer_printf(out, "slabinfo - version: 2.1 (Spindle)\n");
	printer_printf(out, "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : <allocs> <frees>\n");
	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(s, &slab_caches, list) {
		kmem_cache_get_stats(s, &st);
		printer_printf(out, "%-17s %6lu %6lu %6u %4u %4u : %lu %lu\n", st.name,
			       st.active_objs, st.num_objs, st.size, st.objects_per_slab,
			       st.pages_per_slab, st.allocs, st.frees);
	}
	spin_unlock_irqrestore(&slab_caches_lock, flags);
}

/**
 * slab_total_active_objs - objects allocated now, in all caches together
 *
 * Return: that number, plus the large kmalloc() blocks live now.
 *
 * Large kmalloc() blocks count as one object each, so a leak of any
 * kmalloc() shows. For tests: equal before and after means nothing leaked.
 */
unsigned long slab_total_active_objs(void)
{
	unsigned long flags, total = atomic_long_read(&large_kmalloc_blocks);
	struct kmem_cache *s;

	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(s, &slab_caches, list)
		total += kmem_cache_active_objs(s);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	return total;
}

/**
 * slab_is_available - may kmalloc() be called yet?
 * Return: true once kmem_cache_init() has run.
 * Linux: mm/slab_common.c
 */
bool slab_is_available(void)
{
	return READ_ONCE(slab_ready);
}

/**
 * create_boot_cache - set up a static cache and list it
 * @s: the cache, in static memory
 * @name: its name
 * @size: object size; powers of two are aligned to themselves, up to a page
 * @flags: SLAB_* flags
 *
 * For the caches that exist before kmalloc() does; a failure is a BUG.
 * Linux: create_boot_cache() in mm/slab_common.c
 */
void __init create_boot_cache(struct kmem_cache *s, const char *name, unsigned int size,
			      slab_flags_t flags)
{
	/* Powers of two are aligned to themselves, up to a page. */
	unsigned int align = (size & (size - 1)) ? 0 : min_t(unsigned int, size, PAGE_SIZE);

	BUG_ON(kmem_cache_setup(s, name, size, align, flags, NULL));
	add_cache(s);
}

/**
 * create_kmalloc_caches - the kmalloc-<n> caches, static like the cache of caches
 * Linux: create_kmalloc_caches() in mm/slab_common.c
 */
void __init create_kmalloc_caches(void)
{
	/* In size order, as slabinfo lists them: 8, 16, 32, 64, 96, 128, 192, 256, ... */
	static const u8 order[] = { 3, 4, 5, 6, 1, 7, 2, 8, 9, 10, 11, 12, 13 };

	BUILD_BUG_ON(ARRAY_SIZE(order) != KMALLOC_SHIFT_HIGH);
	for (unsigned int i = 0; i < ARRAY_SIZE(order); i++)
	{
		struct kmem_cache *s = &kmalloc_cache_store[order[i]];

		create_boot_cache(s, kmalloc_info[order[i]].name, kmalloc_info[order[i]].size, 0);
		kmalloc_caches[order[i]] = s;
	}
	pr_info("SLAB: %zu kmalloc caches, 8..%u bytes, debug %s\n", ARRAY_SIZE(order),
		KMALLOC_MAX_CACHE_SIZE, SLAB_DEBUG ? "on (poison, double free, bad pointer)" : "off");
}
