// SPDX-License-Identifier: GPL-2.0
/*
 * The slab allocator: caches of same-sized objects, and kmalloc().
 *
 * A cache hands out objects of one size. It carves them out of slabs: a
 * block of 2^order pages from the buddy allocator, cut into num slots of
 * `size` bytes. The slab's head struct page records the cache, how many
 * objects are in use, and the freelist: the first free object, whose
 * "free pointer" word holds the next free one, and so on to NULL. Each
 * cache keeps its slabs on three lists, full, partial and free (nothing
 * allocated), and allocates from a partial slab first, so that free slabs
 * stay whole and can go back to the page allocator.
 *
 * kmalloc() picks the smallest of 13 caches (kmalloc-8 .. kmalloc-8k) that
 * fits; bigger requests take whole pages (PG_large_kmalloc). kfree() finds
 * out which from the struct page of the address.
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
 * Locking: a cache's slab lists, counters, and the slab fields of its
 * pages are protected by the cache's lock, taken with interrupts off
 * (kmalloc(GFP_ATOMIC) is legal in interrupt handlers). The list of caches
 * is protected by slab_caches_lock; it nests outside the caches' locks.
 * The page allocator is never called with a cache lock held.
 * Linux: mm/slub.c, mm/slab_common.c, mm/util.c (kstrdup, kmemdup)
 */
#include <linux/atomic.h>
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/sched/debug.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#ifndef SLAB_DEBUG
#define SLAB_DEBUG	1
#endif

#define POISON_INUSE	0x5a	/* a new object the caller has not written */
#define POISON_FREE	0x6b	/* a free object */
#define POISON_END	0xa5	/* the last byte of a free object */
/* The free pointer word of an allocated object (debug): never an address. */
#define SLAB_OBJ_ACTIVE	((void *)0xccccccccccccccccUL)

#define L1_CACHE_BYTES	64
/* Bigger slabs waste less at the end but are harder for the buddy to find. */
#define SLAB_MAX_ORDER	3

struct kmem_cache {
	const char *name;
	unsigned int object_size;	/* what the creator asked for */
	unsigned int size;		/* slot: object, free pointer, padding */
	unsigned int align;
	unsigned int offset;		/* of the free pointer inside a slot */
	unsigned int num;		/* objects per slab */
	unsigned int order;		/* a slab is 2^order pages */
	slab_flags_t flags;
	bool poison;			/* SLAB_DEBUG and no constructor */
	void (*ctor)(void *);

	spinlock_t lock;
	struct list_head slabs_full;
	struct list_head slabs_partial;
	struct list_head slabs_free;
	unsigned long active_objs;
	unsigned long total_objs;
	unsigned long nr_slabs;
	unsigned long nr_free_slabs;
	unsigned long allocs;
	unsigned long frees;

	struct list_head list;		/* in slab_caches */
};

int slab_bug_count;

static LIST_HEAD(slab_caches);
static DEFINE_SPINLOCK(slab_caches_lock);
static bool slab_ready;
/* kmalloc() blocks too big for a cache, live now (for leak checks). */
static atomic_long_t large_kmalloc_blocks;

/* The cache that kmem_cache_create() takes struct kmem_cache from. */
static struct kmem_cache kmem_cache_boot;

static const struct {
	const char *name;
	unsigned int size;
} kmalloc_info[] = {
	{ "kmalloc-8", 8 }, { "kmalloc-16", 16 }, { "kmalloc-32", 32 },
	{ "kmalloc-64", 64 }, { "kmalloc-96", 96 }, { "kmalloc-128", 128 },
	{ "kmalloc-192", 192 }, { "kmalloc-256", 256 }, { "kmalloc-512", 512 },
	{ "kmalloc-1k", 1024 }, { "kmalloc-2k", 2048 }, { "kmalloc-4k", 4096 },
	{ "kmalloc-8k", 8192 },
};
static struct kmem_cache kmalloc_caches[ARRAY_SIZE(kmalloc_info)];

/* The report header: "BUG <cache>: <what>" (or "BUG: <what>"). */
__printf(2, 3) static void slab_bug(const char *cache, const char *fmt, ...)
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

/* Fill in @s. Allocates nothing, so it also serves the static caches. */
static int kmem_cache_setup(struct kmem_cache *s, const char *name, unsigned int size,
			    unsigned int align, slab_flags_t flags, void (*ctor)(void *))
{
	unsigned int slot;

	if (flags & SLAB_HWCACHE_ALIGN) {
		/* Small objects share a line: align them to a fraction of it. */
		unsigned int ralign = L1_CACHE_BYTES;

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	align = max_t(unsigned int, align, sizeof(void *));

	s->name = name;
	s->object_size = size;
	s->flags = flags;
	s->ctor = ctor;
	s->poison = SLAB_DEBUG && !ctor;
	/*
	 * The free pointer overlays a free object's first word, unless the
	 * object must stay intact while free (debug poison, constructed
	 * state): then it follows the object.
	 */
	s->offset = (SLAB_DEBUG || ctor) ? ALIGN(size, sizeof(void *)) : 0;
	slot = max_t(unsigned int, s->offset + sizeof(void *), ALIGN(size, sizeof(void *)));
	s->size = ALIGN(slot, align);
	s->align = align;
	s->order = calculate_order(s->size);
	if (s->order > MAX_PAGE_ORDER)
		return -EINVAL;
	s->num = (PAGE_SIZE << s->order) / s->size;

	spin_lock_init(&s->lock);
	INIT_LIST_HEAD(&s->slabs_full);
	INIT_LIST_HEAD(&s->slabs_partial);
	INIT_LIST_HEAD(&s->slabs_free);
	s->active_objs = s->total_objs = s->nr_slabs = s->nr_free_slabs = 0;
	s->allocs = s->frees = 0;
	return 0;
}

static void add_cache(struct kmem_cache *s)
{
	unsigned long flags;

	spin_lock_irqsave(&slab_caches_lock, flags);
	list_add_tail(&s->list, &slab_caches);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
}

/* A new slab for @s, all objects free (and poisoned or constructed). */
static struct page *new_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct page *slab = alloc_pages((gfp & ~__GFP_ZERO) | __GFP_COMP, s->order);
	char *base;

	if (!slab)
		return NULL;
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
	__ClearPageSlab(slab);
	slab->slab_cache = NULL;
	slab->freelist = NULL;
	__free_pages(slab, s->order);
}

/* The slab to allocate from: a partial one, else a free one. Lock held. */
static struct page *get_slab(struct kmem_cache *s)
{
	struct page *slab = list_first_entry_or_null(&s->slabs_partial, struct page, slab_list);

	return slab ? slab : list_first_entry_or_null(&s->slabs_free, struct page, slab_list);
}

static void *slab_alloc(struct kmem_cache *s, gfp_t gfp)
{
	unsigned long flags;
	struct page *slab;
	void *obj, *next, *corrupt = NULL;

	if (should_failslab(s, gfp))
		return NULL;

	spin_lock_irqsave(&s->lock, flags);
	slab = get_slab(s);
	if (!slab) {
		struct page *fresh;

		/* The page allocator takes its own lock: call it without ours. */
		spin_unlock_irqrestore(&s->lock, flags);
		fresh = new_slab(s, gfp);
		if (!fresh)
			return NULL;
		spin_lock_irqsave(&s->lock, flags);
		list_add(&fresh->slab_list, &s->slabs_free);
		s->nr_slabs++;
		s->nr_free_slabs++;
		s->total_objs += s->num;
		slab = get_slab(s);
	}

	obj = slab->freelist;
	BUG_ON(!obj);
	if (slab->inuse == 0)
		s->nr_free_slabs--;
	next = *freeptr(s, obj);
	if (!freeptr_valid(s, slab, next)) {
		/*
		 * The rest of the freelist is lost. Treat the slab as full:
		 * its lost objects stay "in use" forever, a leak we report.
		 */
		corrupt = next;
		s->active_objs += s->num - slab->inuse - 1;
		slab->inuse = s->num - 1;
		next = NULL;
	}
	slab->freelist = next;
	slab->inuse++;
	if (slab->inuse == s->num)
		list_move(&slab->slab_list, &s->slabs_full);
	else
		list_move(&slab->slab_list, &s->slabs_partial);
	s->active_objs++;
	s->allocs++;
	if (SLAB_DEBUG)
		*freeptr(s, obj) = SLAB_OBJ_ACTIVE;
	spin_unlock_irqrestore(&s->lock, flags);

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

/* Free @obj, a slot start in @slab of @s (checked by the caller). */
static void slab_free(struct kmem_cache *s, struct page *slab, void *obj)
{
	struct page *discard = NULL;
	bool overwritten = false;
	unsigned long flags;

	spin_lock_irqsave(&s->lock, flags);
	if (SLAB_DEBUG && *freeptr(s, obj) != SLAB_OBJ_ACTIVE) {
		if (on_freelist(s, slab, obj)) {
			spin_unlock_irqrestore(&s->lock, flags);
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
	s->active_objs--;
	s->frees++;
	if (slab->inuse == 0) {
		/* Keep one empty slab for the next allocation, free the rest. */
		if (s->nr_free_slabs) {
			list_del(&slab->slab_list);
			s->nr_slabs--;
			s->total_objs -= s->num;
			discard = slab;
		} else {
			list_move(&slab->slab_list, &s->slabs_free);
			s->nr_free_slabs++;
		}
	} else if (slab->inuse == s->num - 1) {
		list_move(&slab->slab_list, &s->slabs_partial);
	}
	spin_unlock_irqrestore(&s->lock, flags);

	if (discard)
		discard_slab(s, discard);
	if (overwritten) {
		slab_bug(s->name, "Object padding overwritten");
		pr_err("INFO: the word after object 0x%px (size %u) was changed: written past its end?\n",
		       obj, s->object_size);
		dump_stack();
	}
}

/*
 * What is @ptr to kfree()? Sets *slab for a slab object, *large for a
 * large kmalloc block; otherwise returns why it cannot be freed.
 */
static const char *kmalloc_lookup(const void *ptr, struct page **slab, struct page **large)
{
	struct page *page;

	*slab = *large = NULL;
	if (!virt_addr_valid(ptr))
		return "not an address of RAM in the direct map";
	page = compound_head(virt_to_page(ptr));
	if (PageSlab(page)) {
		struct kmem_cache *s = page->slab_cache;
		unsigned long off = (const char *)ptr - (const char *)page_address(page);

		if (off % s->size || off / s->size >= s->num)
			return "not the start of an object";
		*slab = page;
		return NULL;
	}
	if (PageLargeKmalloc(page)) {
		if (ptr != page_address(page))
			return "inside a large kmalloc block, not its start";
		*large = page;
		return NULL;
	}
	if (PageReserved(page))
		return "a reserved page (kernel image or firmware)";
	if (PageBuddy(page) || page->_refcount == 0)
		return "a free page";
	return "a page not allocated by kmalloc";
}

static void bad_pointer(const char *who, const void *ptr, const char *reason)
{
	slab_bug(NULL, "%s: bad pointer 0x%px (%s)", who, ptr, reason);
	dump_stack();
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
	if (WARN(!slab_ready, "kmem_cache_alloc() called before kmem_cache_init()"))
		return NULL;
	return slab_alloc(s, flags);
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
	slab_free(s, slab, objp);
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
	s = kmem_cache_zalloc(&kmem_cache_boot, GFP_KERNEL);
	if (!s)
		goto out;
	if (kmem_cache_setup(s, name, size, align, flags, ctor)) {
		pr_err("kmem_cache_create(%s): objects of %u bytes are too big\n", name, size);
		kmem_cache_free(&kmem_cache_boot, s);
		s = NULL;
		goto out;
	}
	add_cache(s);
out:
	if (!s && (flags & SLAB_PANIC))
		panic("kmem_cache_create: failed to create cache %s", name ? name : "NULL");
	return s;
}

/* Release every empty slab of @s. */
static void release_free_slabs(struct kmem_cache *s)
{
	struct page *slab, *tmp;
	unsigned long flags;
	LIST_HEAD(discard);

	spin_lock_irqsave(&s->lock, flags);
	list_splice_init(&s->slabs_free, &discard);
	s->nr_slabs -= s->nr_free_slabs;
	s->total_objs -= s->nr_free_slabs * s->num;
	s->nr_free_slabs = 0;
	spin_unlock_irqrestore(&s->lock, flags);

	list_for_each_entry_safe(slab, tmp, &discard, slab_list) {
		list_del(&slab->slab_list);
		discard_slab(s, slab);
	}
}

/**
 * kmem_cache_shrink - give the empty slabs of a cache back to the pages
 * @s: the cache
 * Return: 0.
 * Linux: mm/slab_common.c
 */
int kmem_cache_shrink(struct kmem_cache *s)
{
	release_free_slabs(s);
	return 0;
}

static bool is_static_cache(const struct kmem_cache *s)
{
	return s == &kmem_cache_boot ||
	       (s >= kmalloc_caches && s < kmalloc_caches + ARRAY_SIZE(kmalloc_caches));
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
	unsigned long flags, active;

	if (!s)
		return;
	if (WARN(is_static_cache(s), "kmem_cache_destroy(%s): a built-in cache", s->name))
		return;

	spin_lock_irqsave(&s->lock, flags);
	active = s->active_objs;
	spin_unlock_irqrestore(&s->lock, flags);
	if (active) {
		slab_bug(s->name, "kmem_cache_destroy(): %lu objects still allocated", active);
		pr_err("INFO: the cache is kept, leaked\n");
		dump_stack();
		return;
	}
	spin_lock_irqsave(&slab_caches_lock, flags);
	list_del(&s->list);
	spin_unlock_irqrestore(&slab_caches_lock, flags);

	release_free_slabs(s);
	BUG_ON(s->nr_slabs || !list_empty(&s->slabs_partial) || !list_empty(&s->slabs_full));
	kmem_cache_free(&kmem_cache_boot, s);
}

/**
 * kmem_cache_size - the object size a cache was created with
 * @s: the cache
 * Linux: mm/slab_common.c
 */
unsigned int kmem_cache_size(struct kmem_cache *s)
{
	return s->object_size;
}

/**
 * kmalloc_cache_for - the kmalloc cache that serves @size bytes
 * @size: 1..KMALLOC_MAX_CACHE_SIZE
 * Return: the cache, or NULL for 0 or sizes served by whole pages.
 * Linux: kmalloc_slab() in mm/slab_common.c
 */
struct kmem_cache *kmalloc_cache_for(size_t size)
{
	if (!size || size > KMALLOC_MAX_CACHE_SIZE)
		return NULL;
	for (unsigned int i = 0; i < ARRAY_SIZE(kmalloc_info); i++)
		if (size <= kmalloc_info[i].size)
			return &kmalloc_caches[i];
	return NULL;
}

/* Too big for a cache: a __GFP_COMP page block marked PG_large_kmalloc. */
static void *kmalloc_large(size_t size, gfp_t flags)
{
	unsigned int order = get_order(size);
	struct page *page;

	if (should_failslab(NULL, flags))
		return NULL;
	page = alloc_pages(flags | __GFP_COMP, order);
	if (!page)
		return NULL;
	__SetPageLargeKmalloc(page);
	atomic_long_inc(&large_kmalloc_blocks);
	return page_address(page);
}

/**
 * kmalloc - allocate memory
 * @size: bytes; 0 returns ZERO_SIZE_PTR
 * @flags: GFP flags (__GFP_ZERO zeroes it)
 *
 * Up to 8 KiB from the kmalloc-<n> caches, aligned to the size for powers
 * of two (up to PAGE_SIZE); bigger from whole pages, page-aligned.
 * Never sleeps; may be called from interrupt handlers.
 * Return: the memory, or NULL.
 * Linux: include/linux/slab.h, mm/slub.c
 */
void *kmalloc(size_t size, gfp_t flags)
{
	if (!size)
		return ZERO_SIZE_PTR;
	if (WARN(!slab_ready, "kmalloc() called before kmem_cache_init()"))
		return NULL;
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_large(size, flags);
	return slab_alloc(kmalloc_cache_for(size), flags);
}

/**
 * kfree - free memory from kmalloc() (or any slab object)
 * @objp: the pointer kmalloc() returned; NULL and ZERO_SIZE_PTR are ignored
 *
 * A pointer kmalloc() did not return (on the stack, inside an object, a
 * page never allocated, freed already) is reported and ignored.
 * Linux: mm/slub.c
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
		slab_free(slab->slab_cache, slab, (void *)objp);
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
 * kmemdup - copy @len bytes at @src into new kmalloc() memory
 * @src: what to copy
 * @len: bytes
 * @gfp: GFP flags
 * Return: the copy, or NULL.
 * Linux: mm/util.c
 */
void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

	if (p && len)
		memcpy(p, src, len);
	return p;
}

/**
 * kstrndup - copy at most @max characters of @s into kmalloc() memory
 * @s: the string, or NULL
 * @max: characters at most (the copy is always terminated)
 * @gfp: GFP flags
 * Return: the copy, or NULL (also for @s NULL).
 * Linux: mm/util.c
 */
char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	size_t len;
	char *p;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	p = kmalloc(len + 1, gfp);
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

/**
 * kstrdup - copy a string into kmalloc() memory
 * @s: the string, or NULL
 * @gfp: GFP flags
 * Return: the copy, or NULL (also for @s NULL).
 * Linux: mm/util.c
 */
char *kstrdup(const char *s, gfp_t gfp)
{
	return s ? kmemdup(s, strlen(s) + 1, gfp) : NULL;
}

/**
 * kmem_cache_get_stats - a consistent snapshot of a cache's counters
 * @s: the cache
 * @st: filled in
 */
void kmem_cache_get_stats(struct kmem_cache *s, struct slab_stats *st)
{
	unsigned long flags;

	spin_lock_irqsave(&s->lock, flags);
	st->name = s->name;
	st->object_size = s->object_size;
	st->size = s->size;
	st->align = s->align;
	st->objects_per_slab = s->num;
	st->pages_per_slab = 1U << s->order;
	st->active_objs = s->active_objs;
	st->num_objs = s->total_objs;
	st->num_slabs = s->nr_slabs;
	st->free_slabs = s->nr_free_slabs;
	st->allocs = s->allocs;
	st->frees = s->frees;
	spin_unlock_irqrestore(&s->lock, flags);
}

/**
 * slab_show_all - print every cache, as /proc/slabinfo does
 * Linux: slab_show() in mm/slab_common.c
 */
void slab_show_all(void)
{
	struct kmem_cache *s;
	struct slab_stats st;
	unsigned long flags;

	pr_info("slabinfo - version: 2.1 (Spindle)\n");
	pr_info("# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : <allocs> <frees>\n");
	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(s, &slab_caches, list) {
		kmem_cache_get_stats(s, &st);
		pr_info("%-17s %6lu %6lu %6u %4u %4u : %lu %lu\n", st.name, st.active_objs,
			st.num_objs, st.size, st.objects_per_slab, st.pages_per_slab,
			st.allocs, st.frees);
	}
	spin_unlock_irqrestore(&slab_caches_lock, flags);
}

/**
 * slab_total_active_objs - objects allocated now, in all caches together
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
		total += READ_ONCE(s->active_objs);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	return total;
}

/**
 * slab_is_available - may kmalloc() be called yet?
 * Linux: mm/slab_common.c
 */
bool slab_is_available(void)
{
	return READ_ONCE(slab_ready);
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
	BUG_ON(!page_alloc_ready || slab_ready);
	BUG_ON(kmem_cache_setup(&kmem_cache_boot, "kmem_cache", sizeof(struct kmem_cache),
				0, SLAB_HWCACHE_ALIGN, NULL));
	add_cache(&kmem_cache_boot);
	for (unsigned int i = 0; i < ARRAY_SIZE(kmalloc_info); i++) {
		unsigned int size = kmalloc_info[i].size;
		/* Powers of two are aligned to themselves, up to a page. */
		unsigned int align = (size & (size - 1)) ? 0 : min_t(unsigned int, size, PAGE_SIZE);

		BUG_ON(kmem_cache_setup(&kmalloc_caches[i], kmalloc_info[i].name, size,
					align, 0, NULL));
		add_cache(&kmalloc_caches[i]);
	}
	WRITE_ONCE(slab_ready, true);
	pr_info("SLAB: %zu kmalloc caches, 8..%u bytes, debug %s\n", ARRAY_SIZE(kmalloc_info),
		KMALLOC_MAX_CACHE_SIZE, SLAB_DEBUG ? "on (poison, double free, bad pointer)" : "off");
}
