// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "slab": kmem_cache_*() and kmalloc() (mm/slub.c,
 * mm/slab_common.c), with the debug checks (poison, double free, bad
 * pointers) and failslab (mm/failslab.c). Cases that provoke a report print "BUG ..." lines to
 * the log on purpose; they check slab_bug_count grew by exactly one per
 * misuse. Writes after free below are deliberate.
 * Linux: mm/slub_kunit.c, lib/slub_kunit.c (the same idea, other cases)
 */
#include <kunit/test.h>
#include <linux/fault-inject.h>
#include <linux/kallsyms.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/sprintf.h>
#include <linux/string.h>

/* The release build has no poison nor double-free check: say so and skip. */
#define NEED_SLUB_DEBUG(test) do {					\
	if (!CONFIG_SLUB_DEBUG)						\
		kunit_skip(test, "needs CONFIG_SLUB_DEBUG (off in the release build)"); \
} while (0)

/* Every size 1..8192 and some large ones give at least that much memory. */
static void slab_test_sizes(struct kunit *test)
{
	static const size_t large[] = { KMALLOC_MAX_CACHE_SIZE + 1, 64 * 1024, 1024 * 1024 };
	int reports = slab_bug_count;
	size_t first_bad = 0;

	for (size_t size = 1; size <= KMALLOC_MAX_CACHE_SIZE; size++) {
		char *p = kmalloc(size, GFP_KERNEL);

		if (!p || ksize(p) < size) {
			if (!first_bad)
				first_bad = size;
			kfree(p);
			continue;
		}
		memset(p, 0x11, ksize(p));	/* all of it is usable */
		kfree(p);
	}
	KUNIT_EXPECT_EQ(test, first_bad, 0);

	for (unsigned int i = 0; i < ARRAY_SIZE(large); i++) {
		char *p = kmalloc(large[i], GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_GE(test, ksize(p), large[i]);
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, PAGE_SIZE));
		memset(p, 0x22, ksize(p));
		kfree(p);
	}
	KUNIT_EXPECT_PTR_EQ(test, kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	KUNIT_EXPECT_EQ(test, ksize(ZERO_SIZE_PTR), 0);
	kfree(NULL);
	kfree(ZERO_SIZE_PTR);
	/* Filling whole objects broke nothing. */
	KUNIT_EXPECT_EQ(test, slab_bug_count, reports);
}

static void slab_test_cache_for(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, kmalloc_cache_for(0));
	KUNIT_EXPECT_NULL(test, kmalloc_cache_for(KMALLOC_MAX_CACHE_SIZE + 1));
	KUNIT_ASSERT_NOT_NULL(test, kmalloc_cache_for(1));
	KUNIT_ASSERT_NOT_NULL(test, kmalloc_cache_for(65));
	KUNIT_ASSERT_NOT_NULL(test, kmalloc_cache_for(8192));
	KUNIT_EXPECT_EQ(test, kmem_cache_size(kmalloc_cache_for(1)), 8);
	KUNIT_EXPECT_EQ(test, kmem_cache_size(kmalloc_cache_for(65)), 96);
	KUNIT_EXPECT_EQ(test, kmem_cache_size(kmalloc_cache_for(129)), 192);
	KUNIT_EXPECT_EQ(test, kmem_cache_size(kmalloc_cache_for(8192)), 8192);
}

/*
 * Every size gets the smallest kmalloc cache that fits it (the
 * size_index table and the fls() above 192 bytes, no loop).
 */
static void slab_test_cache_for_all_sizes(struct kunit *test)
{
	size_t bad = 0, prev = 0;
	unsigned int classes = 0;

	for (size_t size = 1; size <= KMALLOC_MAX_CACHE_SIZE; size++) {
		struct kmem_cache *c = kmalloc_cache_for(size);
		size_t got = c ? kmem_cache_size(c) : 0;

		/*
		 * It fits, and it changes only where the previous cache is
		 * full (size - 1 was exactly its size): no size is given a
		 * bigger cache than the one before it needed.
		 */
		if (!bad && (got < size || (got != prev && prev != size - 1)))
			bad = size;
		classes += got != prev;
		prev = got;
	}
	KUNIT_EXPECT_EQ(test, bad, 0);
	/* None skipped: each of the 13 serves some size. */
	KUNIT_EXPECT_EQ(test, classes, 13);
	KUNIT_EXPECT_EQ(test, bad, 0);
	/* The class boundaries, both sides. */
	KUNIT_EXPECT_EQ(test, kmem_cache_size(kmalloc_cache_for(64)), 64);
	KUNIT_EXPECT_EQ(test, kmem_cache_size(kmalloc_cache_for(96)), 96);
	KUNIT_EXPECT_EQ(test, kmem_cache_size(kmalloc_cache_for(97)), 128);
	KUNIT_EXPECT_EQ(test, kmem_cache_size(kmalloc_cache_for(192)), 192);
	KUNIT_EXPECT_EQ(test, kmem_cache_size(kmalloc_cache_for(193)), 256);
	KUNIT_EXPECT_EQ(test, kmem_cache_size(kmalloc_cache_for(257)), 512);
	KUNIT_EXPECT_EQ(test, kmem_cache_size(kmalloc_cache_for(4097)), 8192);
}

/*
 * kmalloc() of a constant size picks its cache at compile time
 * (kmalloc_index()), of any other size at run time (the size_index
 * table, kmalloc_cache_for()): every size, both sides of each class
 * boundary, must get the same cache either way, and a constant-size
 * allocation must come from it.
 */
static void slab_test_index_matches_cache_for(struct kunit *test)
{
	size_t bad = 0;
	size_t sixty_four = 64;
	void *a, *b;

	/* Hidden: the compiler must not fold the run-time lookup too. */
	OPTIMIZER_HIDE_VAR(sixty_four);

	for (size_t size = 0; size <= KMALLOC_MAX_CACHE_SIZE + 1; size++) {
		unsigned int i = kmalloc_index(size);
		struct kmem_cache *c = i ? kmalloc_caches[i] : NULL;

		if (!bad && c != kmalloc_cache_for(size))
			bad = size ? size : ~(size_t)0;
	}
	KUNIT_EXPECT_EQ(test, bad, 0);
	KUNIT_EXPECT_EQ(test, kmalloc_index(64), 6);
	KUNIT_EXPECT_EQ(test, kmalloc_index(96), 1);
	KUNIT_EXPECT_EQ(test, kmalloc_index(192), 2);
	KUNIT_EXPECT_EQ(test, kmalloc_index(KMALLOC_MAX_CACHE_SIZE + 1), 0);

	/* The inline path and __kmalloc() give objects of one cache. */
	a = kmalloc(64, GFP_KERNEL);
	b = kmalloc(sixty_four, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_EQ(test, ksize(a), 64);
	KUNIT_EXPECT_EQ(test, ksize(b), 64);
	kfree(a);
	kfree(b);
}

/* Powers of two are naturally aligned; a cache's align is respected. */
static void slab_test_alignment(struct kunit *test)
{
	struct kmem_cache *c, *hw;
	void *objs[5];

	for (size_t size = 8; size <= KMALLOC_MAX_CACHE_SIZE; size *= 2) {
		size_t align = min_t(size_t, size, PAGE_SIZE);

		for (int i = 0; i < 3; i++) {
			objs[i] = kmalloc(size, GFP_KERNEL);
			KUNIT_EXPECT_NOT_NULL(test, objs[i]);
			KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)objs[i], align));
		}
		for (int i = 0; i < 3; i++)
			kfree(objs[i]);
	}

	c = kmem_cache_create("slab_test_align256", 40, 256, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	for (int i = 0; i < 5; i++) {
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
		KUNIT_EXPECT_NOT_NULL(test, objs[i]);
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)objs[i], 256));
	}
	for (int i = 0; i < 5; i++)
		kmem_cache_free(c, objs[i]);
	kmem_cache_destroy(c);

	hw = kmem_cache_create("slab_test_hwalign", 100, 0, SLAB_HWCACHE_ALIGN, NULL);
	KUNIT_ASSERT_NOT_NULL(test, hw);
	for (int i = 0; i < 5; i++) {
		objs[i] = kmem_cache_alloc(hw, GFP_KERNEL);
		KUNIT_EXPECT_NOT_NULL(test, objs[i]);
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)objs[i], 64));
	}
	for (int i = 0; i < 5; i++)
		kmem_cache_free(hw, objs[i]);
	kmem_cache_destroy(hw);

	/* A bad alignment is refused (with a warning). */
	kunit_expect_warning(test, "kmem_cache_create() with a bad alignment");
	KUNIT_EXPECT_NULL(test, kmem_cache_create("slab_test_badalign", 40, 24, 0, NULL));
}

/* The object freed last is the next one handed out. */
static void slab_test_reuse(struct kunit *test)
{
	void *a, *b, *c, *d;

	a = kmalloc(64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	kfree(a);
	b = kmalloc(64, GFP_KERNEL);
	KUNIT_EXPECT_PTR_EQ(test, b, a);

	c = kmalloc(64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_PTR_NE(test, c, b);
	kfree(b);
	kfree(c);
	d = kmalloc(64, GFP_KERNEL);
	KUNIT_EXPECT_PTR_EQ(test, d, c);
	a = kmalloc(64, GFP_KERNEL);
	KUNIT_EXPECT_PTR_EQ(test, a, b);
	kfree(d);
	kfree(a);
}

/* After freeing everything, the counters are back where they were. */
static void slab_test_counters(struct kunit *test)
{
	struct kmem_cache *c = kmalloc_cache_for(100);
	struct slab_stats before, mid, after;
	unsigned long n;
	void **objs;

	KUNIT_ASSERT_NOT_NULL(test, c);
	kmem_cache_shrink(c);
	kmem_cache_get_stats(c, &before);
	KUNIT_EXPECT_STREQ(test, before.name, "kmalloc-128");
	KUNIT_EXPECT_EQ(test, before.free_slabs, 0);
	n = 3 * before.objects_per_slab;
	objs = kcalloc(n, sizeof(*objs), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, objs);

	for (unsigned long i = 0; i < n; i++)
		objs[i] = kmalloc(100, GFP_KERNEL);
	kmem_cache_get_stats(c, &mid);
	KUNIT_EXPECT_EQ(test, mid.active_objs, before.active_objs + n);
	KUNIT_EXPECT_EQ(test, mid.allocs, before.allocs + n);
	KUNIT_EXPECT_GE(test, mid.num_slabs, before.num_slabs + 2);
	KUNIT_EXPECT_EQ(test, mid.num_objs, mid.num_slabs * mid.objects_per_slab);
	KUNIT_EXPECT_GE(test, mid.num_objs, mid.active_objs);

	for (unsigned long i = 0; i < n; i++)
		kfree(objs[i]);
	kfree(objs);
	kmem_cache_get_stats(c, &after);
	KUNIT_EXPECT_EQ(test, after.active_objs, before.active_objs);
	KUNIT_EXPECT_EQ(test, after.frees, before.frees + n);
	KUNIT_EXPECT_LE(test, after.free_slabs, 1);	/* one empty slab is kept */
	kmem_cache_shrink(c);
	kmem_cache_get_stats(c, &after);
	KUNIT_EXPECT_EQ(test, after.num_slabs, before.num_slabs);
	KUNIT_EXPECT_EQ(test, after.num_objs, before.num_objs);
	KUNIT_EXPECT_EQ(test, after.free_slabs, 0);
}

#define CTOR_MAGIC 0x5ca1ab1eU

struct ctor_obj {
	unsigned int magic;
	unsigned int uses;
	char payload[52];
};

static int ctor_calls;

static void ctor_obj_ctor(void *p)
{
	struct ctor_obj *o = p;

	o->magic = CTOR_MAGIC;
	o->uses = 0;
	ctor_calls++;
}

/* Constructed objects, kept constructed; destroy with objects left. */
static void slab_test_create_destroy(struct kunit *test)
{
	struct kmem_cache *c;
	struct slab_stats st;
	struct ctor_obj *a, *b;
	int reports;

	ctor_calls = 0;
	c = kmem_cache_create("slab_test_ctor", sizeof(struct ctor_obj), 0, 0, ctor_obj_ctor);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, kmem_cache_size(c), sizeof(struct ctor_obj));
	KUNIT_EXPECT_EQ(test, ctor_calls, 0);	/* no slab yet */

	a = kmem_cache_alloc(c, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	kmem_cache_get_stats(c, &st);
	KUNIT_EXPECT_EQ(test, ctor_calls, st.objects_per_slab);
	KUNIT_EXPECT_EQ(test, a->magic, CTOR_MAGIC);
	KUNIT_EXPECT_EQ(test, st.active_objs, 1);
	KUNIT_EXPECT_EQ(test, st.num_slabs, 1);

	/* Back in the cache and out again, the object keeps its state. */
	a->uses = 7;
	kmem_cache_free(c, a);
	b = kmem_cache_alloc(c, GFP_KERNEL);
	KUNIT_ASSERT_PTR_EQ(test, b, a);
	KUNIT_EXPECT_EQ(test, b->magic, CTOR_MAGIC);
	KUNIT_EXPECT_EQ(test, b->uses, 7);
	KUNIT_EXPECT_EQ(test, ctor_calls, st.objects_per_slab);

	/* Destroying with an object allocated: reported, cache kept. */
	reports = slab_bug_count;
	kmem_cache_destroy(c);
	KUNIT_EXPECT_EQ(test, slab_bug_count, reports + 1);
	kmem_cache_get_stats(c, &st);
	KUNIT_EXPECT_EQ(test, st.active_objs, 1);
	kmem_cache_free(c, b);
	kmem_cache_destroy(c);
	KUNIT_EXPECT_EQ(test, slab_bug_count, reports + 1);
}

static void slab_test_array_overflow(struct kunit *test)
{
	unsigned int *a;

	KUNIT_EXPECT_NULL(test, kmalloc_array(SIZE_MAX / 2, 4, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, kcalloc(SIZE_MAX, 2, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, kmalloc_array(2, SIZE_MAX / 2 + 1, GFP_KERNEL));
	a = kcalloc(16, sizeof(*a), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	for (int i = 0; i < 16; i++)
		KUNIT_EXPECT_EQ(test, a[i], 0);
	KUNIT_EXPECT_GE(test, ksize(a), 16 * sizeof(*a));
	kfree(a);
}

static void slab_test_dup(struct kunit *test)
{
	char *s = kstrdup("spindle", GFP_KERNEL);
	char *n = kstrndup("spindle", 4, GFP_KERNEL);
	char *m = kmemdup("abc", 4, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_ASSERT_NOT_NULL(test, n);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_EXPECT_STREQ(test, s, "spindle");
	KUNIT_EXPECT_STREQ(test, n, "spin");
	KUNIT_EXPECT_STREQ(test, m, "abc");
	KUNIT_EXPECT_NULL(test, kstrdup(NULL, GFP_KERNEL));
	kfree(s);
	kfree(n);
	kfree(m);
}

/* kasprintf() at the lengths around its on-stack buffer (64 bytes), exact. */
static void slab_test_kasprintf(struct kunit *test)
{
	static const unsigned int lens[] = { 0, 1, 15, 62, 63, 64, 65, 200 };
	char want[201];
	unsigned int bad = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(lens); i++) {
		char *got;

		for (unsigned int j = 0; j < lens[i]; j++)
			want[j] = 'a' + (i + j) % 26;
		want[lens[i]] = 0;
		got = kasprintf(GFP_KERNEL, "%s", want);
		KUNIT_ASSERT_NOT_NULL(test, got);
		if (!bad && (strcmp(got, want) || ksize(got) < lens[i] + 1))
			bad = lens[i] + 1;
		kfree(got);
	}
	KUNIT_EXPECT_EQ(test, bad, 0);
}

/* New objects are POISON_INUSE; a write after free is caught. */
static void slab_test_poison(struct kunit *test)
{
	int reports = slab_bug_count;
	volatile unsigned char *p;
	unsigned char *q, *z;
	unsigned int wrong = 0;

	NEED_SLUB_DEBUG(test);
	q = kmalloc(32, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, q);
	for (int i = 0; i < 32; i++)
		wrong += q[i] != 0x5a;
	KUNIT_EXPECT_EQ(test, wrong, 0);
	kfree(q);
	z = kzalloc(32, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, z);
	wrong = 0;
	for (int i = 0; i < 32; i++)
		wrong += z[i] != 0;
	KUNIT_EXPECT_EQ(test, wrong, 0);
	kfree(z);
	KUNIT_EXPECT_EQ(test, slab_bug_count, reports);

	p = kmalloc(64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	kfree((void *)p);
	KUNIT_EXPECT_EQ(test, p[10], 0x6b);	/* poisoned */
	KUNIT_EXPECT_EQ(test, p[63], 0xa5);	/* poison end marker */
	p[10] = 0x42;				/* use after free */
	q = kmalloc(64, GFP_KERNEL);		/* the same object: checked */
	KUNIT_EXPECT_PTR_EQ(test, q, p);
	KUNIT_EXPECT_EQ(test, slab_bug_count, reports + 1);
	kfree(q);
	q = kmalloc(64, GFP_KERNEL);		/* clean again */
	KUNIT_EXPECT_EQ(test, slab_bug_count, reports + 1);
	kfree(q);
}

/* A second free of the same object is reported and ignored. */
static void slab_test_double_free(struct kunit *test)
{
	struct kmem_cache *c;
	void *a, *b, *x, *y;
	int reports;

	NEED_SLUB_DEBUG(test);
	c = kmem_cache_create("slab_test_df", 64, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	a = kmem_cache_alloc(c, GFP_KERNEL);
	b = kmem_cache_alloc(c, GFP_KERNEL);	/* keeps the slab in use */
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	reports = slab_bug_count;
	kmem_cache_free(c, a);
	kmem_cache_free(c, a);
	KUNIT_EXPECT_EQ(test, slab_bug_count, reports + 1);
	/* The freelist was not corrupted: two allocations, two objects. */
	x = kmem_cache_alloc(c, GFP_KERNEL);
	y = kmem_cache_alloc(c, GFP_KERNEL);
	KUNIT_EXPECT_PTR_EQ(test, x, a);
	KUNIT_EXPECT_PTR_NE(test, y, a);
	kmem_cache_free(c, x);
	kmem_cache_free(c, y);
	kmem_cache_free(c, b);
	KUNIT_EXPECT_EQ(test, slab_bug_count, reports + 1);
	kmem_cache_destroy(c);
	KUNIT_EXPECT_EQ(test, slab_bug_count, reports + 1);

	/* Through kfree() too. */
	a = kmalloc(64, GFP_KERNEL);
	b = kmalloc(64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	kfree(a);
	kfree(a);
	KUNIT_EXPECT_EQ(test, slab_bug_count, reports + 2);
	kfree(b);
}

/* A write just past an object is caught by the red zone when it is freed. */
static void slab_test_redzone(struct kunit *test)
{
	struct kmem_cache *c;
	int reports;
	char *a, *b;

	NEED_SLUB_DEBUG(test);		/* without, the write would land in the next slot */
	c = kmem_cache_create("slab_test_rz", 40, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	a = kmem_cache_alloc(c, GFP_KERNEL);
	b = kmem_cache_alloc(c, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	reports = slab_bug_count;
	kmem_cache_free(c, b);			/* clean */
	KUNIT_EXPECT_EQ(test, slab_bug_count, reports);
	a[40] = 0;				/* one byte past the end */
	kmem_cache_free(c, a);			/* reported, and freed */
	KUNIT_EXPECT_EQ(test, slab_bug_count, reports + 1);
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objs(c), 0);
	kmem_cache_destroy(c);
	KUNIT_EXPECT_EQ(test, slab_bug_count, reports + 1);
}

/* Run the caller on @cpu from now on. */
static void slab_move_to(struct kunit *test, unsigned int cpu)
{
	KUNIT_ASSERT_EQ(test, set_cpus_allowed_ptr(current, cpumask_of(cpu)), 0);
	KUNIT_ASSERT_EQ(test, smp_processor_id(), (int)cpu);
}

/* The highest online CPU: the one the hotplug cases take down. */
static unsigned int slab_last_cpu(void)
{
	unsigned int cpu, last = 0;

	for_each_online_cpu(cpu)
		last = cpu;
	return last;
}

/*
 * A whole slab allocated on one CPU and freed on another: the objects go
 * back to that slab (frozen: still the first CPU's), not onto the second
 * CPU's freelist, and the first CPU hands them out again instead of
 * taking a new slab.
 */
static void slab_test_free_other_cpu(struct kunit *test)
{
	unsigned int other = slab_last_cpu(), num;
	struct kmem_cache *c;
	struct slab_stats st;
	void **objs, *again;
	bool found = false;

	if (other == 0)
		kunit_skip(test, "needs a second CPU (the -smp 4 boot)");
	c = kmem_cache_create("slab_test_xcpu", 64, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	kmem_cache_get_stats(c, &st);
	num = st.objects_per_slab;
	objs = kcalloc(num, sizeof(*objs), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, objs);

	slab_move_to(test, other);
	for (unsigned int i = 0; i < num; i++)
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
	slab_move_to(test, 0);
	for (unsigned int i = 0; i < num; i++)
		kmem_cache_free(c, objs[i]);
	kmem_cache_get_stats(c, &st);
	KUNIT_EXPECT_EQ(test, st.active_objs, 0);
	KUNIT_EXPECT_EQ(test, st.num_slabs, 1);

	slab_move_to(test, other);
	again = kmem_cache_alloc(c, GFP_KERNEL);
	for (unsigned int i = 0; i < num; i++)
		found |= again == objs[i];
	KUNIT_EXPECT_TRUE(test, found);
	kmem_cache_get_stats(c, &st);
	KUNIT_EXPECT_EQ(test, st.num_slabs, 1);
	kmem_cache_free(c, again);
	slab_move_to(test, 0);
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(current, cpu_possible_mask), 0);
	kfree(objs);
	kmem_cache_destroy(c);
}

/*
 * A CPU going offline gives back its slab: afterwards no CPU holds it,
 * so shrinking the cache frees it (flush_all() reaches only online CPUs).
 */
static void slab_test_cpu_offline_flush(struct kunit *test)
{
	unsigned int victim = slab_last_cpu();
	struct kmem_cache *c;
	struct slab_stats st;
	void *obj;

	if (victim == 0)
		kunit_skip(test, "needs a second CPU to take down (the -smp 4 boot)");
	c = kmem_cache_create("slab_test_hp", 64, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	slab_move_to(test, victim);
	obj = kmem_cache_alloc(c, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, obj);
	kmem_cache_free(c, obj);		/* onto @victim's freelist */
	slab_move_to(test, 0);
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(current, cpu_possible_mask), 0);
	KUNIT_ASSERT_EQ(test, remove_cpu(victim), 0);
	kmem_cache_shrink(c);
	kmem_cache_get_stats(c, &st);
	KUNIT_EXPECT_EQ(test, st.num_slabs, 0);
	KUNIT_EXPECT_EQ(test, add_cpu(victim), 0);
	kmem_cache_shrink(c);
	kmem_cache_get_stats(c, &st);
	KUNIT_EXPECT_EQ(test, st.active_objs, 0);
	/* With the slab still held by @victim, destroy would report it lost. */
	if (st.num_slabs == 0)
		kmem_cache_destroy(c);
}

/* kfree() of what kmalloc() did not return: reported, ignored. */
static void slab_test_bad_pointer(struct kunit *test)
{
	int reports = slab_bug_count;
	unsigned long page;
	char *obj;
	int local = 0;

	kfree(&local);					/* on the stack */
	KUNIT_EXPECT_EQ(test, slab_bug_count, reports + 1);

	obj = kmalloc(64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, obj);
	kfree(obj + 8);					/* inside an object */
	KUNIT_EXPECT_EQ(test, slab_bug_count, reports + 2);
	kfree(obj);					/* the object is fine */
	KUNIT_EXPECT_EQ(test, slab_bug_count, reports + 2);

	page = __get_free_page(GFP_KERNEL);
	KUNIT_ASSERT_NE(test, page, 0);
	kfree((void *)page);				/* from the page allocator */
	KUNIT_EXPECT_EQ(test, slab_bug_count, reports + 3);
	free_page(page);
	kfree((void *)page);				/* a free page */
	KUNIT_EXPECT_EQ(test, slab_bug_count, reports + 4);

	obj = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, obj);
	kfree(obj + PAGE_SIZE);				/* inside a large block */
	KUNIT_EXPECT_EQ(test, slab_bug_count, reports + 5);
	kfree(obj);
	kfree(obj);					/* large, twice */
	KUNIT_EXPECT_EQ(test, slab_bug_count, reports + 6);
}

static void slab_test_failslab_nth(struct kunit *test)
{
	struct kmem_cache *c;
	void *p[3], *o;

	fault_attr_arm_nth(&failslab, 2);
	for (int i = 0; i < 3; i++)
		p[i] = kmalloc(32, GFP_KERNEL);
	fault_attr_disarm(&failslab);
	KUNIT_EXPECT_NOT_NULL(test, p[0]);
	KUNIT_EXPECT_NULL(test, p[1]);
	KUNIT_EXPECT_NOT_NULL(test, p[2]);
	KUNIT_EXPECT_EQ(test, fault_attr_failures(&failslab), 1);
	for (int i = 0; i < 3; i++)
		kfree(p[i]);

	c = kmem_cache_create("slab_test_fail", 48, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	fault_attr_arm_nth(&failslab, 1);
	o = kmem_cache_alloc(c, GFP_KERNEL);
	fault_attr_disarm(&failslab);
	KUNIT_EXPECT_NULL(test, o);
	o = kmem_cache_alloc(c, GFP_KERNEL);
	KUNIT_EXPECT_NOT_NULL(test, o);
	kmem_cache_free(c, o);
	kmem_cache_destroy(c);
}

/*
 * Callers for the range filter. __noipa keeps the compiler from cloning or
 * inlining them, so the code that runs is the code kallsyms names.
 */
static __noipa void *failslab_target(size_t n)
{
	void *p = kmalloc(n, GFP_KERNEL);

	barrier();
	return p;
}

static __noipa void *failslab_outer(size_t n)
{
	void *p = failslab_target(n);

	barrier();
	return p;
}

static __noipa void *failslab_other(size_t n)
{
	void *p = kmalloc(n, GFP_KERNEL);

	barrier();
	return p;
}

static bool symbol_range(unsigned long addr, unsigned long *start, unsigned long *end)
{
	unsigned long size, offset;

	if (!kallsyms_lookup_size_offset(addr, &size, &offset) || offset)
		return false;
	*start = addr;
	*end = addr + size;
	return true;
}

static void slab_test_failslab_range(struct kunit *test)
{
	unsigned long start, end;
	void *p[6];

	KUNIT_ASSERT_TRUE(test, symbol_range((unsigned long)failslab_outer, &start, &end));
	fault_attr_arm_range(&failslab, start, end, 2);
	p[0] = kmalloc(32, GFP_KERNEL);		/* not from the range */
	p[1] = failslab_other(32);		/* nor this */
	p[2] = failslab_outer(32);		/* called from it, indirectly */
	p[3] = failslab_outer(32);
	p[4] = failslab_outer(32);		/* times (2) used up */
	fault_attr_disarm(&failslab);
	KUNIT_EXPECT_NOT_NULL(test, p[0]);
	KUNIT_EXPECT_NOT_NULL(test, p[1]);
	KUNIT_EXPECT_NULL(test, p[2]);
	KUNIT_EXPECT_NULL(test, p[3]);
	KUNIT_EXPECT_NOT_NULL(test, p[4]);
	KUNIT_EXPECT_EQ(test, fault_attr_failures(&failslab), 2);
	for (int i = 0; i < 5; i++)
		kfree(p[i]);

	/* The direct caller as the range, unlimited times. */
	KUNIT_ASSERT_TRUE(test, symbol_range((unsigned long)failslab_target, &start, &end));
	fault_attr_arm_range(&failslab, start, end, -1);
	p[0] = failslab_target(32);
	p[1] = failslab_outer(64);
	p[2] = failslab_other(32);
	fault_attr_disarm(&failslab);
	KUNIT_EXPECT_NULL(test, p[0]);
	KUNIT_EXPECT_NULL(test, p[1]);
	KUNIT_EXPECT_NOT_NULL(test, p[2]);
	KUNIT_EXPECT_EQ(test, fault_attr_failures(&failslab), 2);
	kfree(p[2]);
	/* Disarmed: the target allocates again. */
	p[0] = failslab_target(32);
	KUNIT_EXPECT_NOT_NULL(test, p[0]);
	kfree(p[0]);
}

static struct kunit_case slab_cases[] = {
	KUNIT_CASE(slab_test_sizes),
	KUNIT_CASE(slab_test_cache_for),
	KUNIT_CASE(slab_test_cache_for_all_sizes),
	KUNIT_CASE(slab_test_index_matches_cache_for),
	KUNIT_CASE(slab_test_alignment),
	KUNIT_CASE(slab_test_reuse),
	KUNIT_CASE(slab_test_counters),
	KUNIT_CASE(slab_test_create_destroy),
	KUNIT_CASE(slab_test_array_overflow),
	KUNIT_CASE(slab_test_dup),
	KUNIT_CASE(slab_test_kasprintf),
	KUNIT_CASE(slab_test_poison),
	KUNIT_CASE(slab_test_double_free),
	KUNIT_CASE(slab_test_redzone),
	KUNIT_CASE(slab_test_free_other_cpu),
	KUNIT_CASE(slab_test_cpu_offline_flush),
	KUNIT_CASE(slab_test_bad_pointer),
	KUNIT_CASE(slab_test_failslab_nth),
	KUNIT_CASE(slab_test_failslab_range),
	{}
};

static struct kunit_suite slab_suite = {
	.name = "slab",
	.test_cases = slab_cases,
};
kunit_test_suite(slab_suite);
