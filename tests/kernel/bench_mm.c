// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmarks of the memory allocators: one kmalloc()/kfree() pair of a
 * small object (mm/slub.c) and one alloc_pages()/__free_pages() pair of
 * order 0 and 3 (mm/page_alloc.c). Each sample allocates and frees at
 * once, so the allocator stays in the same state: a free list with the
 * block on top. What is measured is the fast path, not a refill.
 * Linux: tools/testing/selftests has no such thing; compare
 * lib/test_meminit.c and mm/slub_kunit.c for what exercises the same paths.
 */
#include <linux/bench.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>

#define MM_SAMPLES	1001

static u64 samples[MM_SAMPLES];

static int bench_kmalloc(void)
{
	bool failed = false;
	u64 cost;

	cost = bench_time(samples, MM_SAMPLES, {
		void *p = kmalloc(64, GFP_KERNEL);

		failed |= !p;
		kfree(p);
	});
	if (failed)
		return -ENOMEM;
	bench_report("kmalloc_kfree_64", cost, "cycles");
	return 0;
}

static int bench_page_order(unsigned int order, const char *name)
{
	bool failed = false;
	u64 cost;

	cost = bench_time(samples, MM_SAMPLES, {
		struct page *page = alloc_pages(GFP_KERNEL, order);

		failed |= !page;
		if (page)
			__free_pages(page, order);
	});
	if (failed)
		return -ENOMEM;
	bench_report(name, cost, "cycles");
	return 0;
}

static int bench_mm(void)
{
	return bench_kmalloc() ?:
	       bench_page_order(0, "page_alloc_free_order0") ?:
	       bench_page_order(3, "page_alloc_free_order3");
}
DEFINE_BENCH(mm, bench_mm);
