// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "page_alloc": the buddy allocator (mm/page_alloc.c).
 * Free-page counts are compared with a baseline taken in the same case;
 * they assume nothing else allocates meanwhile, which holds while tests
 * run (kunit.filter_glob=page_alloc*). Cases that provoke a report
 * ("BUG: Bad page state") print it to the log on purpose.
 * Linux: mm/page_alloc.c has no KUnit suite; the checks mirror what
 * tools/testing/selftests/mm exercises from user space.
 */
#include <kunit/test.h>
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/mm.h>

/* A stack of allocated blocks, linked through their own first word. */
struct block_chain {
	void *top;
	unsigned long count;
	unsigned int order;
};

static void chain_push(struct block_chain *c, struct page *page)
{
	void **p = page_address(page);

	*p = c->top;
	c->top = p;
	c->count++;
}

static void chain_free(struct block_chain *c)
{
	while (c->top) {
		void **p = c->top;

		c->top = *p;
		free_pages((unsigned long)p, c->order);
	}
	c->count = 0;
}

/* Allocate blocks of c->order until that order's free list is empty. */
static void drain_order(struct block_chain *c)
{
	while (nr_free_pages_order(c->order)) {
		struct page *page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, c->order);

		if (!page)
			break;
		chain_push(c, page);
	}
}

/* Every order can be allocated, is aligned, and goes back whole. */
static void page_alloc_test_orders(struct kunit *test)
{
	unsigned long base = nr_free_pages();

	for (unsigned int order = 0; order <= MAX_PAGE_ORDER; order++) {
		struct page *page = alloc_pages(GFP_KERNEL, order);
		char *p;

		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_EQ(test, page_to_pfn(page) & ((1UL << order) - 1), 0);
		KUNIT_EXPECT_EQ(test, nr_free_pages(), base - (1UL << order));
		KUNIT_EXPECT_EQ(test, page_ref_count(page), 1);
		KUNIT_EXPECT_FALSE(test, PageBuddy(page));
		p = page_address(page);
		p[0] = 1;
		p[(PAGE_SIZE << order) - 1] = 2;
		__free_pages(page, order);
		KUNIT_EXPECT_EQ(test, nr_free_pages(), base);
	}
	KUNIT_EXPECT_NULL(test, alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_PAGE_ORDER + 1));
	KUNIT_EXPECT_EQ(test, nr_free_pages(), base);
	KUNIT_EXPECT_GT(test, totalram_pages(), nr_free_pages());
}

/* Two order-0 buddies, freed, come back as (at least) an order-1 block. */
static void page_alloc_test_coalesce(struct kunit *test)
{
	struct block_chain small = { .order = 0 };
	unsigned long base = nr_free_pages();
	struct page *a, *b;

	drain_order(&small);
	KUNIT_EXPECT_EQ(test, nr_free_pages_order(0), 0);
	/* With no free order-0 block, a splits a bigger one; b is its buddy. */
	a = alloc_page(GFP_KERNEL);
	b = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_EQ(test, page_to_pfn(b), page_to_pfn(a) ^ 1);

	__free_page(a);
	KUNIT_EXPECT_TRUE(test, PageBuddy(a));
	KUNIT_EXPECT_EQ(test, a->order, 0);
	__free_page(b);
	/* a is the lower half: the merged block starts there. */
	KUNIT_EXPECT_TRUE(test, PageBuddy(a));
	KUNIT_EXPECT_GE(test, a->order, 1);
	KUNIT_EXPECT_FALSE(test, PageBuddy(b));

	chain_free(&small);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), base);
}

/* An order-0 request splits a bigger block and leaves the halves free. */
static void page_alloc_test_split(struct kunit *test)
{
	struct block_chain order0 = { .order = 0 }, order1 = { .order = 1 };
	unsigned long base = nr_free_pages();
	struct page *page, *buddy;

	drain_order(&order0);
	drain_order(&order1);
	KUNIT_EXPECT_EQ(test, nr_free_pages_order(0), 0);
	KUNIT_EXPECT_EQ(test, nr_free_pages_order(1), 0);

	page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	/* It came from a block of order >= 2: halves of order 0 and 1 are left. */
	KUNIT_EXPECT_EQ(test, page_to_pfn(page) & 3, 0);
	KUNIT_EXPECT_EQ(test, nr_free_pages_order(0), 1);
	KUNIT_EXPECT_EQ(test, nr_free_pages_order(1), 1);
	buddy = pfn_to_page(page_to_pfn(page) ^ 1);
	KUNIT_EXPECT_TRUE(test, PageBuddy(buddy));
	KUNIT_EXPECT_EQ(test, buddy->order, 0);
	KUNIT_EXPECT_TRUE(test, PageBuddy(page + 2));
	KUNIT_EXPECT_EQ(test, page[2].order, 1);

	__free_page(page);
	KUNIT_EXPECT_EQ(test, nr_free_pages_order(0), 0);
	KUNIT_EXPECT_EQ(test, nr_free_pages_order(1), 0);
	chain_free(&order1);
	chain_free(&order0);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), base);
}

/* Allocate every page there is, then give them all back. */
static void page_alloc_test_exhaustion(struct kunit *test)
{
	struct block_chain all = { .order = 0 };
	unsigned long start = nr_free_pages();
	struct page *page;

	while ((page = alloc_page(GFP_KERNEL | __GFP_NOWARN)))
		chain_push(&all, page);
	kunit_info(test, "allocated %lu of %lu free pages", all.count, start);
	KUNIT_EXPECT_LE(test, all.count, start);
	KUNIT_EXPECT_GE(test, all.count + 16, start);
	KUNIT_EXPECT_LE(test, nr_free_pages(), 16);
	for (unsigned int order = 0; order <= MAX_PAGE_ORDER; order++)
		KUNIT_EXPECT_EQ(test, nr_free_pages_order(order), 0);
	chain_free(&all);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), start);
	/* All merged again: the largest blocks are back. */
	KUNIT_EXPECT_GT(test, nr_free_pages_order(MAX_PAGE_ORDER), 0);
}

static void page_alloc_test_zeroed(struct kunit *test)
{
	unsigned long dirty = __get_free_page(GFP_KERNEL), zeroed;
	unsigned long nonzero = 0;

	KUNIT_ASSERT_NE(test, dirty, 0);
	memset((void *)dirty, 0xaa, PAGE_SIZE);
	free_page(dirty);
	/* The page just freed is reused first: it must come back cleared. */
	zeroed = get_zeroed_page(GFP_KERNEL);
	KUNIT_ASSERT_NE(test, zeroed, 0);
	KUNIT_EXPECT_EQ(test, zeroed, dirty);
	for (unsigned long i = 0; i < PAGE_SIZE; i++)
		nonzero += ((unsigned char *)zeroed)[i] != 0;
	KUNIT_EXPECT_EQ(test, nonzero, 0);
	free_page(zeroed);
}

/* Bad frees are reported, counted and ignored. */
static void page_alloc_test_bad_free(struct kunit *test)
{
	int reports = bad_page_count;
	unsigned long base;
	struct page *page, *pair;
	int local = 0;

	page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	__free_page(page);
	base = nr_free_pages();

	__free_page(page);				/* double free */
	KUNIT_EXPECT_EQ(test, bad_page_count, reports + 1);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), base);

	pair = alloc_pages(GFP_KERNEL, 1);
	KUNIT_ASSERT_NOT_NULL(test, pair);
	__free_pages(pair + 1, 0);			/* the middle of a block */
	KUNIT_EXPECT_EQ(test, bad_page_count, reports + 2);
	__free_pages(pair, 0);				/* the wrong order */
	KUNIT_EXPECT_EQ(test, bad_page_count, reports + 3);
	__free_pages(pair, 1);				/* right: no report */
	KUNIT_EXPECT_EQ(test, bad_page_count, reports + 3);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), base);

	__free_page(pfn_to_page(0));			/* reserved (BIOS area) */
	KUNIT_EXPECT_EQ(test, bad_page_count, reports + 4);
	free_page((unsigned long)&local);		/* not the direct map */
	KUNIT_EXPECT_EQ(test, bad_page_count, reports + 5);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), base);
}

/* fail_page_alloc armed for the 3rd call fails that one only. */
static void page_alloc_test_fail_nth(struct kunit *test)
{
	struct page *pages[4];

	fault_attr_arm_nth(&fail_page_alloc, 3);
	for (int i = 0; i < 4; i++)
		pages[i] = alloc_page(GFP_KERNEL | __GFP_NOWARN);
	fault_attr_disarm(&fail_page_alloc);

	KUNIT_EXPECT_NOT_NULL(test, pages[0]);
	KUNIT_EXPECT_NOT_NULL(test, pages[1]);
	KUNIT_EXPECT_NULL(test, pages[2]);
	KUNIT_EXPECT_NOT_NULL(test, pages[3]);
	KUNIT_EXPECT_EQ(test, fault_attr_failures(&fail_page_alloc), 1);
	for (int i = 0; i < 4; i++)
		if (pages[i])
			__free_page(pages[i]);
}

static struct kunit_case page_alloc_cases[] = {
	KUNIT_CASE(page_alloc_test_orders),
	KUNIT_CASE(page_alloc_test_coalesce),
	KUNIT_CASE(page_alloc_test_split),
	KUNIT_CASE(page_alloc_test_exhaustion),
	KUNIT_CASE(page_alloc_test_zeroed),
	KUNIT_CASE(page_alloc_test_bad_free),
	KUNIT_CASE(page_alloc_test_fail_nth),
	{}
};

static struct kunit_suite page_alloc_suite = {
	.name = "page_alloc",
	.test_cases = page_alloc_cases,
};
kunit_test_suite(page_alloc_suite);
