// SPDX-License-Identifier: GPL-2.0
/*
 * The slab allocator proper: how a cache builds its slabs and hands out
 * their objects (the rest, kmalloc() included, is mm/slab_common.c).
 *
 * A cache hands out objects of one size. It carves them out of slabs: a
 * block of 2^order pages from the buddy allocator, cut into num slots of
 * `size` bytes. The slab's head struct page records the cache, how many
 * objects are out of its freelist, and the freelist: the first free
 * object, whose "free pointer" word holds the next free one, and so on to
 * NULL. Each cache keeps, for each memory node, its slabs on that node on
 * three lists, full, partial and free (nothing allocated), and refills
 * from a partial slab first, so that free slabs stay whole and can go
 * back to the page allocator.
 *
 * The fast path. Each CPU owns one slab of each cache it allocates from
 * (struct kmem_cache_cpu): the slab is "frozen", off the node's lists,
 * and its whole freelist moved to c->freelist, which only that CPU
 * touches. An allocation is then: interrupts off, take the first object
 * of c->freelist, interrupts back on. A free of an object of that same
 * slab pushes it back the same way. No lock, no list, no counter under a
 * lock: interrupts off is all it takes, because nothing but this CPU (and
 * its interrupt handlers, which are what we keep out) ever looks at its
 * kmem_cache_cpu. (Linux keeps interrupts on and swaps c->freelist with
 * a cmpxchg, checking a transaction id that changes when the task moves
 * CPU or an interrupt used the freelist meanwhile; same idea, fewer
 * instructions on real hardware, harder to read.)
 *
 * The slow paths, under the node's list_lock:
 *  - c->freelist is empty: first take what other CPUs freed into the
 *    frozen slab meanwhile (slab->freelist); if nothing, unfreeze the
 *    slab (back on a list) and freeze another: a partial one, a free one,
 *    a new one from the page allocator ("refill");
 *  - an object freed on a CPU that does not own its slab (another CPU's
 *    slab, or one on the lists) goes on that slab's own freelist, and the
 *    slab moves between the lists as it fills and empties.
 * So kfree() on another CPU than kmalloc() is always safe: the two CPUs
 * meet only on slab->freelist, under the lock.
 * A frozen slab's inuse counts every object not on slab->freelist, the
 * ones on its CPU's freelist included; unfreezing gives those back.
 * A CPU going offline hands its slabs back (slub_cpu_dead()); shrinking
 * or destroying a cache asks every CPU to (flush_all()).
 *
 * An allocation asks for a node (NUMA_NO_NODE: the running CPU's memory
 * node, numa_mem_id()); a CPU slab on another node is unfrozen for one on
 * the node asked. When that node has neither a slab with room
 * nor a free page, a slab of the next nearest node serves it.
 *
 * With SLAB_DEBUG (on by default), like Linux's slub_debug=PFZ:
 *  - a slot is | object | red zone word | free pointer word |: the red
 *    zone holds SLUB_RED_ACTIVE bytes while the object is allocated and
 *    SLUB_RED_INACTIVE while it is free, so freeing an object twice is
 *    seen at once (no walk of any freelist) and a write past its end
 *    too (neither value);
 *  - free objects are filled with POISON_FREE (last byte POISON_END) and
 *    checked when handed out again: a write after free is reported with
 *    its offset; new objects are filled with POISON_INUSE unless zeroed;
 *  - each free pointer taken from a freelist is checked to be a slot of
 *    its slab (or NULL).
 * These checks run on the fast path too: the debug build tests it.
 * Caches with a constructor are not poisoned: their objects keep their
 * constructed state while free, as Linux promises.
 * Misuse is reported ("BUG <cache>: ..." and a backtrace), counted in
 * slab_bug_count, and the bad operation skipped, so tests can provoke it.
 *
 * Locking: a CPU's kmem_cache_cpu, by that CPU with interrupts off (see
 * mm/slab.h). A cache's slab lists on a node, their counters, and the
 * slab fields of their pages (frozen ones' too), by that
 * kmem_cache_node's list_lock, always taken with interrupts off
 * (kmalloc(GFP_ATOMIC) is legal in interrupt handlers). Never two
 * list_locks at once; a slab is given back to the page allocator only
 * after the list_lock is dropped.
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
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/topology.h>

#include "slab.h"

#define POISON_INUSE	0x5a	/* a new object the caller has not written */
#define POISON_FREE	0x6b	/* a free object */
#define POISON_END	0xa5	/* the last byte of a free object */
/* The red zone word after an object (debug): allocated, or free. Never an address. */
#define SLUB_RED_ACTIVE		0xccccccccccccccccUL
#define SLUB_RED_INACTIVE	0xbbbbbbbbbbbbbbbbUL

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

/* Linux: get_freepointer() */
static inline void *get_freepointer(const struct kmem_cache *s, void *obj)
{
	return *freeptr(s, obj);
}

/* Linux: set_freepointer() */
static inline void set_freepointer(const struct kmem_cache *s, void *obj, void *next)
{
	*freeptr(s, obj) = next;
}

/* The debug red zone word, just after the object (SLAB_DEBUG only). */
static inline unsigned long *redzone(const struct kmem_cache *s, void *obj)
{
	return (unsigned long *)((char *)obj + ALIGN(s->object_size, sizeof(void *)));
}

/* Is @p a slot start in @slab, or NULL (the end of a freelist)? */
static bool freeptr_valid(const struct kmem_cache *s, struct page *slab, void *p)
{
	char *base = page_address(slab);
	unsigned long off = (char *)p - base;

	return !p || ((char *)p >= base && off < (unsigned long)s->num * s->size &&
		      off % s->size == 0);
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
	unsigned int size = ALIGN(s->object_size, sizeof(void *)), slot;

	s->flags = flags;
	s->poison = SLAB_DEBUG && !s->ctor;
	/*
	 * The free pointer overlays a free object's first word, unless the
	 * object must stay intact while free (debug poison, constructed
	 * state): then it follows the object, and with SLAB_DEBUG the red
	 * zone word comes first.
	 */
	if (SLAB_DEBUG)
		s->offset = size + sizeof(void *);
	else
		s->offset = s->ctor ? size : 0;
	slot = max(s->offset + (unsigned int)sizeof(void *), size);
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
		n->total_objs = n->nr_slabs = n->nr_free_slabs = 0;
	}
	memset(s->cpu_slab, 0, sizeof(s->cpu_slab));
	return 0;
}

/*
 * A new slab for @s on @node (or the nearest node with a free block,
 * unless __GFP_THISNODE), all objects free (and poisoned or constructed),
 * on no list and in no counter yet.
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
		if (SLAB_DEBUG)
			*redzone(s, obj) = SLUB_RED_INACTIVE;
		set_freepointer(s, obj, i + 1 < s->num ? base + (i + 1) * s->size : NULL);
	}
	slab->freelist = base;
	slab->inuse = 0;
	slab->frozen = 0;
	slab->slab_cache = s;
	INIT_LIST_HEAD(&slab->slab_list);
	__SetPageSlab(slab);
	return slab;
}

/* Give an empty slab, already off @s's lists and counters, back to the page allocator. */
static void discard_slab(struct kmem_cache *s, struct page *slab)
{
	BUG_ON(slab->inuse || slab->frozen);
	mod_node_page_state(page_pgdat(slab), NR_SLAB_UNRECLAIMABLE_B,
			    -(long)(PAGE_SIZE << s->order));
	__ClearPageSlab(slab);
	slab->slab_cache = NULL;
	slab->freelist = NULL;
	__free_pages(slab, s->order);
}

/*
 * Put an unfrozen slab where its inuse says: full, partial, or free. An
 * empty one beyond the one free slab each node keeps is taken off the
 * counters and returned, for the caller to discard_slab() once it has
 * dropped n->list_lock. Caller holds n->list_lock; @slab is on no list.
 */
static struct page *place_slab(struct kmem_cache *s, struct kmem_cache_node *n,
			       struct page *slab)
{
	lockdep_assert_held(&n->list_lock);
	if (slab->inuse == s->num) {
		list_add(&slab->slab_list, &n->slabs_full);
	} else if (slab->inuse) {
		list_add(&slab->slab_list, &n->slabs_partial);
	} else if (!n->nr_free_slabs) {
		list_add(&slab->slab_list, &n->slabs_free);
		n->nr_free_slabs++;
	} else {
		n->nr_slabs--;
		n->total_objs -= s->num;
		return slab;
	}
	return NULL;
}

/*
 * Make @slab this CPU's: off its list (a new one is on none), its whole
 * freelist becomes c->freelist. Caller holds n->list_lock, interrupts off.
 * Linux: the freeze in get_partial_node() / acquire_slab()
 */
static void freeze_slab(struct kmem_cache *s, struct kmem_cache_node *n,
			struct kmem_cache_cpu *c, struct page *slab)
{
	lockdep_assert_held(&n->list_lock);
	if (!list_empty(&slab->slab_list)) {
		if (!slab->inuse)
			n->nr_free_slabs--;
		list_del_init(&slab->slab_list);
	}
	c->slab = slab;
	c->freelist = slab->freelist;
	slab->freelist = NULL;
	slab->inuse = s->num;
	slab->frozen = 1;
}

/* Report a free pointer that is not an object of its slab. */
static void freeptr_corrupt(const struct kmem_cache *s, void *obj, void *bad)
{
	slab_bug(s->name, "Freepointer corrupt");
	pr_err("INFO: free object 0x%px holds free pointer 0x%px, not an object of its slab\n",
	       obj, bad);
	dump_stack();
}

/*
 * Hand a CPU's slab back to its node: the objects left on @freelist go
 * back on slab->freelist, the slab on the list its use says. Caller holds
 * n->list_lock. Return: the slab if it is to be discarded (see place_slab()).
 * Linux: deactivate_slab()
 */
static struct page *deactivate_slab(struct kmem_cache *s, struct kmem_cache_node *n,
				    struct page *slab, void *freelist)
{
	void *last = NULL, *bad = NULL;
	unsigned int count = 0;

	lockdep_assert_held(&n->list_lock);
	for (void *p = freelist; p; p = get_freepointer(s, p)) {
		if (SLAB_DEBUG && count == s->num) {
			bad = p;	/* a loop: more free objects than slots */
			break;
		}
		if (SLAB_DEBUG && !freeptr_valid(s, slab, get_freepointer(s, p))) {
			/* The rest is lost: those objects stay "in use", a leak. */
			bad = get_freepointer(s, p);
			set_freepointer(s, p, NULL);
		}
		last = p;
		count++;
	}
	if (last) {
		set_freepointer(s, last, slab->freelist);
		slab->freelist = freelist;
	}
	slab->inuse -= count;
	slab->frozen = 0;
	if (unlikely(bad))
		freeptr_corrupt(s, last, bad);
	return place_slab(s, n, slab);
}

/*
 * Give back @c's slab, if it has one (its CPU is running this with
 * interrupts off, or is dead). Linux: flush_slab() / __flush_cpu_slab()
 */
static void flush_slab(struct kmem_cache *s, struct kmem_cache_cpu *c)
{
	struct kmem_cache_node *n;
	struct page *slab = c->slab, *discard;
	unsigned long flags;

	if (!slab)
		return;
	n = get_node(s, page_to_nid(slab));
	spin_lock_irqsave(&n->list_lock, flags);
	discard = deactivate_slab(s, n, slab, c->freelist);
	c->slab = NULL;
	c->freelist = NULL;
	spin_unlock_irqrestore(&n->list_lock, flags);
	if (discard)
		discard_slab(s, discard);
}

/* On each CPU, interrupts off (on_each_cpu()). Linux: flush_cpu_slab() */
static void flush_cpu_slab(void *info)
{
	struct kmem_cache *s = info;

	flush_slab(s, this_cpu_slab(s));
}

/*
 * Every online CPU gives back its slab of @s; the offline ones did as
 * they went (slub_cpu_dead()), and cpus_read_lock() keeps it so.
 * Linux: flush_all()
 */
static void flush_all(struct kmem_cache *s)
{
	cpus_read_lock();
	on_each_cpu(flush_cpu_slab, s, 1);
	cpus_read_unlock();
}

/**
 * slub_cpu_dead - a CPU went offline: give back its slab of every cache
 * @cpu: the CPU, dead (no longer running anything)
 *
 * Objects on its freelists would otherwise be lost to every other CPU
 * until it came back. Called by _cpu_down() after __cpu_die().
 * Return: 0.
 * Linux: slub_cpu_dead() in mm/slub.c (the CPUHP_SLUB_DEAD state)
 */
int slub_cpu_dead(unsigned int cpu)
{
	struct kmem_cache *s;
	unsigned long flags;

	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(s, &slab_caches, list)
		flush_slab(s, &s->cpu_slab[cpu]);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	return 0;
}

/* The slab to refill from: a partial one, else a free one. Caller holds n->list_lock. */
static struct page *get_slab(struct kmem_cache_node *n)
{
	struct page *slab = list_first_entry_or_null(&n->slabs_partial, struct page, slab_list);

	lockdep_assert_held(&n->list_lock);
	return slab ? slab : list_first_entry_or_null(&n->slabs_free, struct page, slab_list);
}

/*
 * The node whose slabs serve an allocation asked on @node, for a real
 * node: the node itself, or for a node without memory the nearest one
 * with (the first of its zonelist). Linux: node_to_mem_node()
 */
static noinline int __slab_search_node(int node)
{
	if (WARN(node < 0 || node >= MAX_NUMNODES || !node_online(node),
		 "slab: allocation on node %d, which is not online", node))
		return numa_mem_id();
	if (!node_state(node, N_MEMORY))
		return zone_to_nid(node_zonelist(node, 0)->_zonerefs[0].zone);
	return node;
}

/*
 * The node whose slabs serve an allocation asked on @node: the running
 * CPU's memory node for NUMA_NO_NODE (almost every allocation, so that
 * case is answered here, inline), __slab_search_node() otherwise.
 */
static inline int slab_search_node(int node)
{
	if (likely(node == NUMA_NO_NODE))
		return numa_mem_id();
	return __slab_search_node(node);
}

/*
 * May @slab serve an allocation asked on @node? Linux lets any slab
 * serve NUMA_NO_NODE; here that means the running CPU's memory node, as
 * it always did (a kthread's task_struct follows kthreadd's CPU), so a
 * CPU slab left on another node by a kmalloc_node() is given back.
 * Linux: node_match()
 */
static inline bool node_match(struct page *slab, int node)
{
	return page_to_nid(slab) == slab_search_node(node);
}

/*
 * @node has neither a slab with room nor a free block of the slab's
 * size: the nearest node's slab that has room, in zonelist order, with
 * its node locked in *@locked. NULL (nothing locked) when none has.
 * Interrupts are off. Linux: get_any_partial()
 */
static struct page *get_any_partial(struct kmem_cache *s, int node,
				    struct kmem_cache_node **locked)
{
	for (struct zoneref *z = node_zonelist(node, 0)->_zonerefs; z->zone; z++) {
		struct kmem_cache_node *n = get_node(s, zone_to_nid(z->zone));
		struct page *slab;

		if (zone_to_nid(z->zone) == node)
			continue;
		spin_lock(&n->list_lock);
		slab = get_slab(n);
		if (slab) {
			*locked = n;
			return slab;
		}
		spin_unlock(&n->list_lock);
	}
	return NULL;
}

/*
 * This CPU's freelist is empty, or its slab is on another node than
 * @node: refill @c, and take its first object. Interrupts are off, and
 * stay off: nothing here sleeps, and @c stays this CPU's.
 * Out of line (noinline), as the other slow paths: inlined, its
 * registers would be saved and restored on every fast allocation too.
 * Return: the object (its successor already on c->freelist), or NULL.
 * Linux: ___slab_alloc()
 */
static noinline void *___slab_alloc(struct kmem_cache *s, gfp_t gfp, int node,
			   struct kmem_cache_cpu *c)
{
	struct kmem_cache_node *n;
	struct page *slab = c->slab, *discard = NULL;
	int searchnode;
	void *obj;

	if (slab) {
		n = get_node(s, page_to_nid(slab));
		spin_lock(&n->list_lock);
		if (slab->freelist && node_match(slab, node)) {
			/* Objects other CPUs freed into our slab: ours again. */
			c->freelist = slab->freelist;
			slab->freelist = NULL;
			slab->inuse = s->num;
			spin_unlock(&n->list_lock);
			goto load_freelist;
		}
		discard = deactivate_slab(s, n, slab, c->freelist);
		c->slab = NULL;
		c->freelist = NULL;
		spin_unlock(&n->list_lock);
		if (discard)
			discard_slab(s, discard);
	}

	searchnode = slab_search_node(node);
	n = get_node(s, searchnode);
	spin_lock(&n->list_lock);
	slab = get_slab(n);
	if (!slab) {
		/* The page allocator takes its own lock: call it without ours. */
		spin_unlock(&n->list_lock);
		/*
		 * A full node: another node's slab with room is better than a
		 * new slab there (one page allocation per call, so fault
		 * injection counts stay exact).
		 */
		if (!(gfp & __GFP_THISNODE) &&
		    sum_zone_node_page_state(searchnode, NR_FREE_PAGES) < (1UL << s->order)) {
			slab = get_any_partial(s, searchnode, &n);
			if (slab)
				goto freeze;
		}
		slab = new_slab(s, gfp, searchnode);
		if (!slab)
			return NULL;
		n = get_node(s, page_to_nid(slab));
		spin_lock(&n->list_lock);
		n->nr_slabs++;
		n->total_objs += s->num;
	}
freeze:
	freeze_slab(s, n, c, slab);
	spin_unlock(&n->list_lock);
load_freelist:
	obj = c->freelist;
	c->freelist = get_freepointer(s, obj);
	return obj;
}

/* SLAB_DEBUG: the checks and fills of a new object, after the allocation. */
static void alloc_debug_processing(struct kmem_cache *s, void *obj, gfp_t gfp)
{
	*redzone(s, obj) = SLUB_RED_ACTIVE;
	if (s->poison) {
		check_poison(s, obj);
		if (!(gfp & __GFP_ZERO))
			memset(obj, POISON_INUSE, s->object_size);
	}
}

/**
 * __kmem_cache_alloc_node - allocate an object from a cache
 * @s: the cache
 * @gfp: GFP flags (__GFP_ZERO zeroes the object; __GFP_THISNODE: from a
 *	slab on @node only)
 * @node: the node the object should be on; NUMA_NO_NODE: the running
 *	CPU's memory node. Another node's slab serves it
 *	when @node has no slab with room and no free page (nearest first).
 *
 * kmem_cache_alloc(), kmem_cache_alloc_node() and kmalloc() all come
 * here. The fast path is the three lines between local_irq_save() and
 * local_irq_restore() when c->freelist has an object.
 * Return: the object, or NULL when out of memory or failslab says so.
 * Linux: __kmem_cache_alloc_node() / slab_alloc_node() in mm/slub.c
 */
void *__kmem_cache_alloc_node(struct kmem_cache *s, gfp_t gfp, int node)
{
	struct kmem_cache_cpu *c;
	unsigned long flags;
	void *obj, *next, *bad = NULL;

	if (should_failslab(s, gfp))
		return NULL;

	local_irq_save(flags);
	c = this_cpu_slab(s);
	obj = c->freelist;
	if (likely(obj && node_match(c->slab, node))) {
		next = get_freepointer(s, obj);
		if (SLAB_DEBUG && unlikely(!freeptr_valid(s, c->slab, next))) {
			/* The rest of the freelist is lost: a leak, reported. */
			bad = next;
			next = NULL;
		}
		c->freelist = next;
	} else {
		obj = ___slab_alloc(s, gfp, node, c);
	}
	c->allocs += obj != NULL;
	local_irq_restore(flags);

	if (unlikely(!obj))
		return NULL;
	if (SLAB_DEBUG) {
		if (unlikely(bad))
			freeptr_corrupt(s, obj, bad);
		alloc_debug_processing(s, obj, gfp);
	}
	if (gfp & __GFP_ZERO)
		memset(obj, 0, s->object_size);
	return obj;
}

/*
 * SLAB_DEBUG: may @obj be freed? A red zone saying "free" is a double
 * free (reported, and the free skipped); one saying neither "free" nor
 * "allocated" was written past the object's end (reported, the free goes
 * on). Return: false to skip the free.
 * Linux: free_debug_processing() (check_object() of the red zone)
 */
static bool free_debug_processing(struct kmem_cache *s, void *obj)
{
	unsigned long red = *redzone(s, obj);

	if (red == SLUB_RED_INACTIVE) {
		slab_bug(s->name, "double free of 0x%px", obj);
		pr_err("INFO: the object is already free; this free is ignored\n");
		dump_stack();
		return false;
	}
	if (red != SLUB_RED_ACTIVE) {
		slab_bug(s->name, "Right Redzone overwritten");
		pr_err("INFO: the word after object 0x%px (size %u) was changed to 0x%lx: written past its end?\n",
		       obj, s->object_size, red);
		dump_stack();
	}
	*redzone(s, obj) = SLUB_RED_INACTIVE;
	if (s->poison)
		poison_object(s, obj);
	return true;
}

/*
 * The slow free: @obj's slab is not this CPU's. Onto the slab's own
 * freelist, under its node's lock; a slab that is not frozen moves list
 * as it fills and empties. Interrupts are off. Out of line, as
 * ___slab_alloc(). Linux: __slab_free()
 */
static noinline void __slab_free(struct kmem_cache *s, struct page *slab, void *obj)
{
	struct kmem_cache_node *n = get_node(s, page_to_nid(slab));
	struct page *discard = NULL;

	spin_lock(&n->list_lock);
	BUG_ON(slab->inuse == 0);
	set_freepointer(s, obj, slab->freelist);
	slab->freelist = obj;
	slab->inuse--;
	if (!slab->frozen && (slab->inuse == 0 || slab->inuse == s->num - 1)) {
		/* Emptied, or was full: it changes list. */
		list_del_init(&slab->slab_list);
		discard = place_slab(s, n, slab);
	}
	spin_unlock(&n->list_lock);
	if (discard)
		discard_slab(s, discard);
}

/**
 * __kmem_cache_free - free an object to its cache
 * @s: the cache
 * @slab: the head page of the slab @obj is in
 * @obj: the start of a slot of @slab (kmalloc_lookup() checked it)
 *
 * The fast path: @slab is this CPU's, @obj goes on c->freelist with
 * interrupts off. A double free is reported and ignored; a changed word
 * after the object (a write past its end) is reported.
 * Linux: __kmem_cache_free() / slab_free() / do_slab_free() in mm/slub.c
 */
void __kmem_cache_free(struct kmem_cache *s, struct page *slab, void *obj)
{
	struct kmem_cache_cpu *c;
	unsigned long flags;

	/* A lock held inside the object would be unlocked in freed memory. */
	debug_check_no_locks_freed(obj, s->object_size);
	if (SLAB_DEBUG && !free_debug_processing(s, obj))
		return;

	local_irq_save(flags);
	c = this_cpu_slab(s);
	c->frees++;
	if (likely(slab == c->slab)) {
		set_freepointer(s, obj, c->freelist);
		c->freelist = obj;
	} else {
		__slab_free(s, slab, obj);
	}
	local_irq_restore(flags);
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

/* Release every empty slab of @s, on every node; the CPUs' slabs first. */
static void release_free_slabs(struct kmem_cache *s)
{
	flush_all(s);
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
 *
 * Every CPU gives back its slab first, so an empty one is released too.
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
	unsigned long active = kmem_cache_active_objs(s), left = 0;

	if (active) {
		slab_bug(s->name, "kmem_cache_destroy(): %lu objects still allocated", active);
	} else {
		release_free_slabs(s);
		for (int node = 0; node < MAX_NUMNODES; node++)
			left += READ_ONCE(get_node(s, node)->nr_slabs);
		if (!left)
			return 0;
		/* Objects cut off a corrupt freelist never come back. */
		slab_bug(s->name, "kmem_cache_destroy(): %lu slabs hold lost objects", left);
	}
	pr_err("INFO: the cache is kept, leaked\n");
	dump_stack();
	return -EBUSY;
}

/*
 * Allocations and frees of @s on every CPU, summed. Each CPU counts its
 * own without a lock; the sum is exact once the counting CPUs are quiet.
 */
static void sum_cpu_counts(struct kmem_cache *s, unsigned long *allocs, unsigned long *frees)
{
	*allocs = *frees = 0;
	for (int cpu = 0; cpu < NR_CPUS; cpu++) {
		*allocs += READ_ONCE(s->cpu_slab[cpu].allocs);
		*frees += READ_ONCE(s->cpu_slab[cpu].frees);
	}
}

/**
 * kmem_cache_active_objs - objects of @s allocated now, on all nodes
 * @s: the cache
 * Return: allocations less frees, over all CPUs.
 */
unsigned long kmem_cache_active_objs(struct kmem_cache *s)
{
	unsigned long allocs, frees;

	sum_cpu_counts(s, &allocs, &frees);
	return allocs - frees;
}

/**
 * kmem_cache_get_stats - a snapshot of a cache's counters, all nodes summed
 * @s: the cache
 * @st: filled in
 *
 * Each node's counters are consistent with each other; the sum is taken
 * node by node. A CPU's slab counts as a slab, never as a free one.
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
		st->num_objs += n->total_objs;
		st->num_slabs += n->nr_slabs;
		st->free_slabs += n->nr_free_slabs;
		spin_unlock_irqrestore(&n->list_lock, flags);
	}
	sum_cpu_counts(s, &st->allocs, &st->frees);
	st->active_objs = st->allocs - st->frees;
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
