// SPDX-License-Identifier: GPL-2.0
/*
 * The slab allocator proper: how a cache builds its slabs and hands out
 * their objects (the rest, kmalloc() included, is mm/slab_common.c).
 *
 * A cache hands out objects of one size. It carves them out of slabs: a
 * block of 2^order pages from the buddy allocator, cut into num slots of
 * `size` bytes. The slab's head struct page records the cache, how many
 * objects are in use, and the freelist: the first free object, whose
 * "free pointer" word holds the next free one, and so on to NULL. Each
 * cache keeps, for each memory node, its slabs on that node on three
 * lists, full, partial and free (nothing allocated), and allocates from a
 * partial slab first, so that free slabs stay whole and can go back to
 * the page allocator. An allocation asks for a node (NUMA_NO_NODE: the
 * running CPU's, numa_mem_id()); when that node has neither a slab with
 * room nor a free page, a slab of the next nearest node serves it.
 *
 * With SLAB_DEBUG (on by default), like Linux's slub_debug=PF:
 *  - a slot is | object | free pointer word |: the free pointer lives
 *    outside the object, and holds SLAB_OBJ_ACTIVE while the object is
 *    allocated, so freeing an object twice is seen at once;
 *  - free objects are filled with POISON_FREE (last byte POISON_END) and
 *    checked when handed out again: a write after free is reported with
 *    its offset; new objects are filled with POISON_INUSE unless zeroed.
 * Caches with a constructor are not poisoned: their objects keep their
 * constructed state while free, as Linux promises.
 * Misuse is reported ("BUG <cache>: ..." and a backtrace), counted in
 * slab_bug_count, and the bad operation skipped, so tests can provoke it.
 *
 * Locking: a cache's slab lists on a node, their counters, and the slab
 * fields of their pages are protected by that kmem_cache_node's
 * list_lock, taken with interrupts off (kmalloc(GFP_ATOMIC) is legal in
 * interrupt handlers). Never two list_locks at once; the page allocator
 * is never called with one held.
 * Linux: mm/slub.c
 */
#include <linux/atomic.h>
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/mm.h>
#include <linux/sched/debug.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/topology.h>

#include "slab.h"

#define POISON_INUSE	0x5a	/* a new object the caller has not written */
#define POISON_FREE	0x6b	/* a free object */
#define POISON_END	0xa5	/* the last byte of a free object */
/* The free pointer word of an allocated object (debug): never an address. */
#define SLAB_OBJ_ACTIVE	((void *)0xccccccccccccccccUL)

/* Bigger slabs waste less at the end but are harder for the buddy to find. */
#define SLAB_MAX_ORDER	3

int slab_bug_count;

/**
 * slab_bug - print the header of a report: "BUG <cache>: <what>"
 * @cache: the cache's name, or NULL for "BUG: <what>"
 * @fmt: printf-style description of what is wrong
 *
 * Counts the report in slab_bug_count.
 * Linux: slab_bug() in mm/slub.c
 */
__printf(2, 3) void slab_bug(const char *cache, const char *fmt, ...)
{
	char buf[160];
	va_list args;

	/* Reports are rare: an exact count under racing reports is not needed. */
	slab_bug_count++;
	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_err("=============================================================================\n");
	if (cache)
		pr_err("BUG %s: %s\n", cache, buf);
	else
		pr_err("BUG: %s\n", buf);
	pr_err("-----------------------------------------------------------------------------\n");
}

static inline void **freeptr(const struct kmem_cache *s, void *obj)
{
	return (void **)((char *)obj + s->offset);
}

/* Is @p a slot start in @slab, or NULL (the end of a freelist)? */
static bool freeptr_valid(const struct kmem_cache *s, struct page *slab, void *p)
{
	char *base = page_address(slab);
	unsigned long off = (char *)p - base;

	return !p || ((char *)p >= base && off < (unsigned long)s->num * s->size &&
		      off % s->size == 0);
}

/* Is @obj on @slab's freelist? Bounded, so a looping list cannot hang us. */
static bool on_freelist(const struct kmem_cache *s, struct page *slab, void *obj)
{
	void *p = slab->freelist;

	for (unsigned int n = 0; p && n < s->num; n++) {
		if (p == obj)
			return true;
		if (!freeptr_valid(s, slab, *freeptr(s, p)))
			break;
		p = *freeptr(s, p);
	}
	return false;
}

static void poison_object(const struct kmem_cache *s, u8 *obj)
{
	memset(obj, POISON_FREE, s->object_size - 1);
	obj[s->object_size - 1] = POISON_END;
}

/* Check a free object's poison; report where it was overwritten. */
static void check_poison(const struct kmem_cache *s, u8 *obj)
{
	unsigned int last = s->object_size - 1, first, end;

	for (first = 0; first <= last; first++)
		if (obj[first] != (first == last ? POISON_END : POISON_FREE))
			break;
	if (first > last)
		return;
	for (end = last; end > first; end--)
		if (obj[end] != (end == last ? POISON_END : POISON_FREE))
			break;
	slab_bug(s->name, "Poison overwritten");
	pr_err("INFO: 0x%px-0x%px @offset=%u. First byte 0x%02x instead of 0x%02x\n",
	       obj + first, obj + end, first, obj[first],
	       first == last ? POISON_END : POISON_FREE);
	pr_err("INFO: Object 0x%px (size %u) was written after it was freed\n",
	       obj, s->object_size);
	dump_stack();
}

/* Which slab order wastes at most 1/8 of the slab (or least, if none)? */
static unsigned int calculate_order(unsigned int size)
{
	unsigned int best = get_order(size);
	unsigned long best_waste = ~0UL;

	for (unsigned int order = 0; order <= SLAB_MAX_ORDER; order++) {
		unsigned long bytes = PAGE_SIZE << order;
		unsigned long waste = bytes % size;

		if (bytes < size)
			continue;
		if (waste * 8 <= bytes)
			return order;
		/* Compare waste as a fraction of the slab: waste / bytes. */
		if (best_waste == ~0UL || waste * (PAGE_SIZE << best) < best_waste * bytes) {
			best = order;
			best_waste = waste;
		}
	}
	return best;
}

/**
 * __kmem_cache_create - lay out the slabs of a cache
 * @s: the cache; the caller set its name, object_size, align and ctor
 * @flags: SLAB_* flags
 *
 * Allocates nothing, so it also serves the static caches.
 * Return: 0, or -EINVAL if the objects do not fit a slab of the largest order.
 * Linux: __kmem_cache_create() in mm/slub.c
 */
int __kmem_cache_create(struct kmem_cache *s, slab_flags_t flags)
{
	unsigned int size = s->object_size, slot;

	s->flags = flags;
	s->poison = SLAB_DEBUG && !s->ctor;
	/*
	 * The free pointer overlays a free object's first word, unless the
	 * object must stay intact while free (debug poison, constructed
	 * state): then it follows the object.
	 */
	s->offset = (SLAB_DEBUG || s->ctor) ? ALIGN(size, sizeof(void *)) : 0;
	slot = max_t(unsigned int, s->offset + sizeof(void *), ALIGN(size, sizeof(void *)));
	s->size = ALIGN(slot, s->align);
	s->order = calculate_order(s->size);
	if (s->order > MAX_PAGE_ORDER)
		return -EINVAL;
	s->num = (PAGE_SIZE << s->order) / s->size;

	/* Every node's, online or not: a static cache has no allocator to ask. */
	for (int node = 0; node < MAX_NUMNODES; node++) {
		struct kmem_cache_node *n = get_node(s, node);

		spin_lock_init(&n->list_lock);
		INIT_LIST_HEAD(&n->slabs_full);
		INIT_LIST_HEAD(&n->slabs_partial);
		INIT_LIST_HEAD(&n->slabs_free);
		n->active_objs = n->total_objs = n->nr_slabs = n->nr_free_slabs = 0;
		n->allocs = n->frees = 0;
	}
	return 0;
}

/*
 * A new slab for @s on @node (or the nearest node with a free block,
 * unless __GFP_THISNODE), all objects free (and poisoned or constructed).
 */
static struct page *new_slab(struct kmem_cache *s, gfp_t gfp, int node)
{
	struct page *slab = alloc_pages_node(node, (gfp & ~__GFP_ZERO) | __GFP_COMP, s->order);
	char *base;

	if (!slab)
		return NULL;
	mod_node_page_state(page_pgdat(slab), NR_SLAB_UNRECLAIMABLE_B, PAGE_SIZE << s->order);
	base = page_address(slab);
	for (unsigned int i = 0; i < s->num; i++) {
		void *obj = base + i * s->size;

		if (s->poison)
			poison_object(s, obj);
		else if (s->ctor)
			s->ctor(obj);
		*freeptr(s, obj) = i + 1 < s->num ? base + (i + 1) * s->size : NULL;
	}
	slab->freelist = base;
	slab->inuse = 0;
	slab->slab_cache = s;
	__SetPageSlab(slab);
	return slab;
}

/* Give an empty slab, already off @s's lists, back to the page allocator. */
static void discard_slab(struct kmem_cache *s, struct page *slab)
{
	BUG_ON(slab->inuse);
	mod_node_page_state(page_pgdat(slab), NR_SLAB_UNRECLAIMABLE_B,
			    -(long)(PAGE_SIZE << s->order));
	__ClearPageSlab(slab);
	slab->slab_cache = NULL;
	slab->freelist = NULL;
	__free_pages(slab, s->order);
}

/* The slab to allocate from: a partial one, else a free one. Caller holds n->list_lock. */
static struct page *get_slab(struct kmem_cache_node *n)
{
	struct page *slab = list_first_entry_or_null(&n->slabs_partial, struct page, slab_list);

	lockdep_assert_held(&n->list_lock);
	return slab ? slab : list_first_entry_or_null(&n->slabs_free, struct page, slab_list);
}

/*
 * The node whose slabs serve an allocation asked on @node: the running
 * CPU's memory node for NUMA_NO_NODE, and for a node without memory the
 * nearest one with (the first of its zonelist). Linux: node_to_mem_node()
 */
static int slab_search_node(int node)
{
	if (node == NUMA_NO_NODE)
		return numa_mem_id();
	if (WARN(node < 0 || node >= MAX_NUMNODES || !node_online(node),
		 "slab: allocation on node %d, which is not online", node))
		return numa_mem_id();
	if (!node_state(node, N_MEMORY))
		return zone_to_nid(node_zonelist(node, 0)->_zonerefs[0].zone);
	return node;
}

/*
 * @node has neither a slab with room nor a free block of the slab's
 * size: the nearest node's slab that has room, in zonelist order, locked.
 * Returns NULL (nothing locked) when none has. Linux: get_any_partial()
 */
static struct page *get_any_partial(struct kmem_cache *s, int node,
				    struct kmem_cache_node **locked, unsigned long *flags)
{
	for (struct zoneref *z = node_zonelist(node, 0)->_zonerefs; z->zone; z++) {
		struct kmem_cache_node *n = get_node(s, zone_to_nid(z->zone));
		struct page *slab;

		if (zone_to_nid(z->zone) == node)
			continue;
		spin_lock_irqsave(&n->list_lock, *flags);
		slab = get_slab(n);
		if (slab) {
			*locked = n;
			return slab;
		}
		spin_unlock_irqrestore(&n->list_lock, *flags);
	}
	return NULL;
}

/**
 * __kmem_cache_alloc_node - allocate an object from a cache
 * @s: the cache
 * @gfp: GFP flags (__GFP_ZERO zeroes the object; __GFP_THISNODE: from a
 *	slab on @node only)
 * @node: the node the object should be on; NUMA_NO_NODE: the running
 *	CPU's memory node. Another node's slab serves it when @node has
 *	no slab with room and no free page (nearest first).
 *
 * kmem_cache_alloc(), kmem_cache_alloc_node() and kmalloc() all come here.
 * Return: the object, or NULL when out of memory or failslab says so.
 * Linux: __kmem_cache_alloc_node() in mm/slub.c
 */
void *__kmem_cache_alloc_node(struct kmem_cache *s, gfp_t gfp, int node)
{
	struct kmem_cache_node *n;
	unsigned long flags;
	struct page *slab;
	void *obj, *next, *corrupt = NULL;
	int searchnode;

	if (should_failslab(s, gfp))
		return NULL;

	searchnode = slab_search_node(node);
	n = get_node(s, searchnode);
	spin_lock_irqsave(&n->list_lock, flags);
	slab = get_slab(n);
	if (!slab) {
		struct page *fresh;

		/* The page allocator takes its own lock: call it without ours. */
		spin_unlock_irqrestore(&n->list_lock, flags);
		/*
		 * A full node: another node's slab with room is better than a
		 * new slab there (one page allocation per call, so fault
		 * injection counts stay exact).
		 */
		if (!(gfp & __GFP_THISNODE) &&
		    sum_zone_node_page_state(searchnode, NR_FREE_PAGES) < (1UL << s->order)) {
			slab = get_any_partial(s, searchnode, &n, &flags);
			if (slab)
				goto have_slab;
		}
		fresh = new_slab(s, gfp, searchnode);
		if (!fresh)
			return NULL;
		/* On the node the page allocator found it (another, if @node was full). */
		n = get_node(s, page_to_nid(fresh));
		spin_lock_irqsave(&n->list_lock, flags);
		list_add(&fresh->slab_list, &n->slabs_free);
		n->nr_slabs++;
		n->nr_free_slabs++;
		n->total_objs += s->num;
		slab = get_slab(n);
	}
have_slab:
	obj = slab->freelist;
	BUG_ON(!obj);
	if (slab->inuse == 0)
		n->nr_free_slabs--;
	next = *freeptr(s, obj);
	if (!freeptr_valid(s, slab, next)) {
		/*
		 * The rest of the freelist is lost. Treat the slab as full:
		 * its lost objects stay "in use" forever, a leak we report.
		 */
		corrupt = next;
		n->active_objs += s->num - slab->inuse - 1;
		slab->inuse = s->num - 1;
		next = NULL;
	}
	slab->freelist = next;
	slab->inuse++;
	if (slab->inuse == s->num)
		list_move(&slab->slab_list, &n->slabs_full);
	else
		list_move(&slab->slab_list, &n->slabs_partial);
	n->active_objs++;
	n->allocs++;
	if (SLAB_DEBUG)
		*freeptr(s, obj) = SLAB_OBJ_ACTIVE;
	spin_unlock_irqrestore(&n->list_lock, flags);

	if (corrupt) {
		slab_bug(s->name, "Freepointer corrupt");
		pr_err("INFO: free object 0x%px holds free pointer 0x%px, not an object of its slab\n",
		       obj, corrupt);
		dump_stack();
	}
	if (s->poison)
		check_poison(s, obj);
	if (gfp & __GFP_ZERO)
		memset(obj, 0, s->object_size);
	else if (s->poison)
		memset(obj, POISON_INUSE, s->object_size);
	return obj;
}

/**
 * __kmem_cache_free - free an object to its cache
 * @s: the cache
 * @slab: the head page of the slab @obj is in
 * @obj: the start of a slot of @slab (kmalloc_lookup() checked it)
 *
 * A double free is reported and ignored; a changed word after the object
 * (a write past its end) is reported after the free.
 * Linux: __kmem_cache_free() in mm/slub.c
 */
void __kmem_cache_free(struct kmem_cache *s, struct page *slab, void *obj)
{
	struct kmem_cache_node *n = get_node(s, page_to_nid(slab));
	struct page *discard = NULL;
	bool overwritten = false;
	unsigned long flags;

	/* A lock held inside the object would be unlocked in freed memory. */
	debug_check_no_locks_freed(obj, s->object_size);
	spin_lock_irqsave(&n->list_lock, flags);
	if (SLAB_DEBUG && *freeptr(s, obj) != SLAB_OBJ_ACTIVE) {
		if (on_freelist(s, slab, obj)) {
			spin_unlock_irqrestore(&n->list_lock, flags);
			slab_bug(s->name, "double free of 0x%px", obj);
			pr_err("INFO: the object is already free; this free is ignored\n");
			dump_stack();
			return;
		}
		/* Allocated, but the word after the object was written. */
		overwritten = true;
	}
	BUG_ON(slab->inuse == 0);
	if (s->poison)
		poison_object(s, obj);
	*freeptr(s, obj) = slab->freelist;
	slab->freelist = obj;
	slab->inuse--;
	n->active_objs--;
	n->frees++;
	if (slab->inuse == 0) {
		/* Keep one empty slab per node for the next allocation, free the rest. */
		if (n->nr_free_slabs) {
			list_del(&slab->slab_list);
			n->nr_slabs--;
			n->total_objs -= s->num;
			discard = slab;
		} else {
			list_move(&slab->slab_list, &n->slabs_free);
			n->nr_free_slabs++;
		}
	} else if (slab->inuse == s->num - 1) {
		list_move(&slab->slab_list, &n->slabs_partial);
	}
	spin_unlock_irqrestore(&n->list_lock, flags);

	if (discard)
		discard_slab(s, discard);
	if (overwritten) {
		slab_bug(s->name, "Object padding overwritten");
		pr_err("INFO: the word after object 0x%px (size %u) was changed: written past its end?\n",
		       obj, s->object_size);
		dump_stack();
	}
}

/**
 * kmem_cache_alloc - allocate an object from a cache
 * @s: the cache
 * @flags: GFP flags (__GFP_ZERO zeroes the object)
 *
 * Never sleeps; may be called from interrupt handlers.
 * Return: the object, or NULL when out of memory (or failslab says so).
 * Linux: mm/slub.c
 */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	return kmem_cache_alloc_node(s, flags, NUMA_NO_NODE);
}

/**
 * kmem_cache_alloc_node - allocate an object from a cache, on a node
 * @s: the cache
 * @flags: GFP flags (__GFP_ZERO zeroes the object; __GFP_THISNODE: on
 *	@node or not at all)
 * @node: the node; NUMA_NO_NODE: the running CPU's memory node
 *
 * Another node serves it, nearest first, when @node has no room.
 * Return: the object, or NULL when out of memory (or failslab says so).
 * Linux: mm/slub.c
 */
void *kmem_cache_alloc_node(struct kmem_cache *s, gfp_t flags, int node)
{
	if (WARN(!slab_ready, "kmem_cache_alloc() called before kmem_cache_init()"))
		return NULL;
	return __kmem_cache_alloc_node(s, flags, node);
}

/**
 * kmem_cache_free - return an object to its cache
 * @s: the cache it came from
 * @objp: the object; NULL is ignored
 *
 * A pointer that is not an allocated object of @s is reported and ignored.
 * Linux: mm/slub.c
 */
void kmem_cache_free(struct kmem_cache *s, void *objp)
{
	struct page *slab, *large;
	const char *reason;

	if (!objp)
		return;
	reason = kmalloc_lookup(objp, &slab, &large);
	if (!reason && !slab)
		reason = "a large kmalloc block, not a cache object";
	if (reason) {
		bad_pointer("kmem_cache_free", objp, reason);
		return;
	}
	if (slab->slab_cache != s) {
		slab_bug(s->name, "kmem_cache_free: object 0x%px belongs to cache %s",
			 objp, slab->slab_cache->name);
		dump_stack();
		return;
	}
	__kmem_cache_free(s, slab, objp);
}

/* Release every empty slab of @s, on every node. */
static void release_free_slabs(struct kmem_cache *s)
{
	for (int node = 0; node < MAX_NUMNODES; node++) {
		struct kmem_cache_node *n = get_node(s, node);
		struct page *slab, *tmp;
		unsigned long flags;
		LIST_HEAD(discard);

		spin_lock_irqsave(&n->list_lock, flags);
		list_splice_init(&n->slabs_free, &discard);
		n->nr_slabs -= n->nr_free_slabs;
		n->total_objs -= n->nr_free_slabs * s->num;
		n->nr_free_slabs = 0;
		spin_unlock_irqrestore(&n->list_lock, flags);

		list_for_each_entry_safe(slab, tmp, &discard, slab_list) {
			list_del(&slab->slab_list);
			discard_slab(s, slab);
		}
	}
}

/**
 * __kmem_cache_shrink - kmem_cache_shrink()'s work: release the empty slabs
 * @s: the cache
 * Return: 0.
 * Linux: __kmem_cache_shrink() in mm/slub.c
 */
int __kmem_cache_shrink(struct kmem_cache *s)
{
	release_free_slabs(s);
	return 0;
}

/**
 * __kmem_cache_shutdown - kmem_cache_destroy()'s work: release the slabs
 * @s: the cache
 *
 * Objects still allocated are reported, and the cache kept.
 * Return: 0, or -EBUSY if objects are still allocated.
 * Linux: __kmem_cache_shutdown() in mm/slub.c
 */
int __kmem_cache_shutdown(struct kmem_cache *s)
{
	unsigned long active = kmem_cache_active_objs(s);

	if (active) {
		slab_bug(s->name, "kmem_cache_destroy(): %lu objects still allocated", active);
		pr_err("INFO: the cache is kept, leaked\n");
		dump_stack();
		return -EBUSY;
	}
	release_free_slabs(s);
	for (int node = 0; node < MAX_NUMNODES; node++)
		BUG_ON(get_node(s, node)->nr_slabs || !list_empty(&get_node(s, node)->slabs_partial) ||
		       !list_empty(&get_node(s, node)->slabs_full));
	return 0;
}

/**
 * kmem_cache_active_objs - objects of @s allocated now, on all nodes
 * @s: the cache
 * Return: that number (each node's count read under its lock).
 */
unsigned long kmem_cache_active_objs(struct kmem_cache *s)
{
	unsigned long flags, active = 0;

	for (int node = 0; node < MAX_NUMNODES; node++) {
		struct kmem_cache_node *n = get_node(s, node);

		spin_lock_irqsave(&n->list_lock, flags);
		active += n->active_objs;
		spin_unlock_irqrestore(&n->list_lock, flags);
	}
	return active;
}

/**
 * kmem_cache_get_stats - a snapshot of a cache's counters, all nodes summed
 * @s: the cache
 * @st: filled in
 *
 * Each node's counters are consistent with each other; the sum is taken
 * node by node.
 * Linux: get_slabinfo() in mm/slub.c
 */
void kmem_cache_get_stats(struct kmem_cache *s, struct slab_stats *st)
{
	unsigned long flags;

	memset(st, 0, sizeof(*st));
	st->name = s->name;
	st->object_size = s->object_size;
	st->size = s->size;
	st->align = s->align;
	st->objects_per_slab = s->num;
	st->pages_per_slab = 1U << s->order;
	for (int node = 0; node < MAX_NUMNODES; node++) {
		struct kmem_cache_node *n = get_node(s, node);

		spin_lock_irqsave(&n->list_lock, flags);
		st->active_objs += n->active_objs;
		st->num_objs += n->total_objs;
		st->num_slabs += n->nr_slabs;
		st->free_slabs += n->nr_free_slabs;
		st->allocs += n->allocs;
		st->frees += n->frees;
		spin_unlock_irqrestore(&n->list_lock, flags);
	}
}

/**
 * kmem_cache_init - set up the cache of caches and the kmalloc caches
 *
 * Called once, after mem_init(). The built-in caches are static, so
 * nothing needs to be allocated to allocate.
 * Linux: kmem_cache_init() in mm/slub.c, create_kmalloc_caches()
 */
void __init kmem_cache_init(void)
{
	static struct kmem_cache boot_kmem_cache;

	BUG_ON(!page_alloc_ready || slab_ready);
	kmem_cache = &boot_kmem_cache;
	create_boot_cache(kmem_cache, "kmem_cache", sizeof(struct kmem_cache),
			  SLAB_HWCACHE_ALIGN);
	create_kmalloc_caches();
	WRITE_ONCE(slab_ready, true);
}
