/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The slab allocator: caches of equal-sized objects carved out of page
 * blocks (kmem_cache_*), and kmalloc() on top of a set of such caches,
 * one per size class. Blocks bigger than the largest class come straight
 * from the page allocator.
 * Every function may be called with interrupts off or from an interrupt
 * handler; none sleeps. Each cache has its own lock (see mm/slub.c).
 * Linux: include/linux/slab.h
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/numa.h>
#include <linux/types.h>

typedef unsigned int slab_flags_t;

/* kmem_cache_create() flags (Linux's values). */
#define SLAB_HWCACHE_ALIGN	0x00002000U	/* align objects on cache lines */
#define SLAB_PANIC		0x00040000U	/* panic if the cache cannot be made */

/* The largest object a kmalloc cache serves; above it: whole pages. */
#define KMALLOC_MAX_CACHE_SIZE	8192
#define KMALLOC_MIN_SIZE	8
#define KMALLOC_SHIFT_LOW	3	/* kmalloc-8 */
#define KMALLOC_SHIFT_HIGH	13	/* kmalloc-8k, KMALLOC_MAX_CACHE_SIZE */

/*
 * kmalloc(0) returns this: not NULL (it did not fail) but faults when
 * dereferenced. kfree() accepts it.
 */
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

struct kmem_cache;

/* A snapshot of a cache's counters (kmem_cache_get_stats()). */
struct slab_stats {
	const char *name;
	unsigned int object_size;	/* what the creator asked for */
	unsigned int size;		/* bytes per object slot, with metadata */
	unsigned int align;
	unsigned int objects_per_slab;
	unsigned int pages_per_slab;
	unsigned long active_objs;	/* allocated now */
	unsigned long num_objs;		/* slots in all slabs */
	unsigned long num_slabs;
	unsigned long free_slabs;	/* slabs with nothing allocated */
	unsigned long allocs;		/* successful allocations since creation */
	unsigned long frees;
};

/*
 * The slab debug checks (poisoning of free objects, double free seen at
 * once: mm/slub.c), Linux's CONFIG_SLUB_DEBUG with slub_debug=PF: on
 * unless the build says CONFIG_SLUB_DEBUG=0 (make RELEASE=1 does).
 */
#ifndef CONFIG_SLUB_DEBUG
#define CONFIG_SLUB_DEBUG	1
#endif

/* Reports of misuse (poison, double free, bad pointer) since boot. */
extern int slab_bug_count;

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags);
void *kmem_cache_alloc_node(struct kmem_cache *s, gfp_t flags, int node);
/* Objects of @s allocated now, all nodes together (for leak tests). */
unsigned long kmem_cache_active_objs(struct kmem_cache *s);
void kmem_cache_free(struct kmem_cache *s, void *objp);
int kmem_cache_shrink(struct kmem_cache *s);
unsigned int kmem_cache_size(struct kmem_cache *s);

static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags)
{
	return kmem_cache_alloc(s, flags | __GFP_ZERO);
}

extern struct kmem_cache *kmalloc_caches[KMALLOC_SHIFT_HIGH + 1];

void *__kmalloc(size_t size, gfp_t flags);
void *kmalloc_trace(struct kmem_cache *s, gfp_t flags, size_t size);
void *kmalloc_node(size_t size, gfp_t flags, int node);
void kfree(const void *objp);
size_t ksize(const void *objp);

/**
 * kmalloc_index - the index in kmalloc_caches[] of the cache for @size
 * @size: 1..KMALLOC_MAX_CACHE_SIZE
 *
 * A chain of comparisons the compiler folds to a constant when @size is
 * one: the allocation then goes straight to its cache. Sizes known only
 * at run time take mm/slab_common.c's size_index table instead (one load,
 * where this would be up to 13 comparisons).
 * Return: the index (kmalloc-96 is 1, kmalloc-192 is 2, else log2 of the
 * cache's size), 0 for 0 or a size too big for a cache.
 * Linux: kmalloc_index() / __kmalloc_index() in include/linux/slab.h
 */
static __always_inline unsigned int kmalloc_index(size_t size)
{
	if (!size || size > KMALLOC_MAX_CACHE_SIZE)
		return 0;
	if (size <= 8)
		return 3;
	if (size <= 16)
		return 4;
	if (size <= 32)
		return 5;
	if (size <= 64)
		return 6;
	if (size <= 96)
		return 1;
	if (size <= 128)
		return 7;
	if (size <= 192)
		return 2;
	if (size <= 256)
		return 8;
	if (size <= 512)
		return 9;
	if (size <= 1024)
		return 10;
	if (size <= 2048)
		return 11;
	if (size <= 4096)
		return 12;
	return 13;
}

/**
 * kmalloc - allocate memory
 * @size: bytes; 0 returns ZERO_SIZE_PTR
 * @flags: GFP flags (__GFP_ZERO zeroes it)
 *
 * Up to KMALLOC_MAX_CACHE_SIZE from the kmalloc-<n> caches, bigger from
 * whole pages, on the running CPU's memory node (see kmalloc_node()).
 * Inline because most callers ask for a constant size (sizeof a
 * structure): the compiler then picks the cache and the call goes
 * straight to it, with no size checks and no table at run time.
 * Return: the memory, or NULL.
 * Linux: kmalloc() in include/linux/slab.h
 */
static __always_inline void *kmalloc(size_t size, gfp_t flags)
{
	if (__builtin_constant_p(size) && kmalloc_index(size))
		return kmalloc_trace(kmalloc_caches[kmalloc_index(size)], flags, size);
	return __kmalloc(size, flags);
}

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

static inline void *kzalloc_node(size_t size, gfp_t flags, int node)
{
	return kmalloc_node(size, flags | __GFP_ZERO, node);
}

/* kmalloc_array_node - @n elements of @size bytes on @node; NULL if n * size overflows. */
static inline void *kmalloc_array_node(size_t n, size_t size, gfp_t flags, int node)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kmalloc_node(bytes, flags, node);
}

/* kmalloc_array - @n elements of @size bytes; NULL if n * size overflows. */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array_node(n, size, flags, NUMA_NO_NODE);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}


static inline void *kcalloc_node(size_t n, size_t size, gfp_t flags, int node)
{
	return kmalloc_array_node(n, size, flags | __GFP_ZERO, node);
}

char *kstrdup(const char *s, gfp_t gfp);
char *kstrndup(const char *s, size_t max, gfp_t gfp);
void *kmemdup(const void *src, size_t len, gfp_t gfp);

void kmem_cache_init(void);
bool slab_is_available(void);
void kmem_cache_get_stats(struct kmem_cache *s, struct slab_stats *st);
struct kmem_cache *kmalloc_cache_for(size_t size);
struct printer;
void slab_show_all(const struct printer *out);
unsigned long slab_total_active_objs(void);
int slub_cpu_dead(unsigned int cpu);

#endif /* _LINUX_SLAB_H */
