// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "vmalloc": vmalloc()/vfree() (mm/vmalloc.c), the guard page
 * below each area, and ioremap() (arch/x86/mm/ioremap.c).
 * Page counts are compared after a warm-up allocation of the same size,
 * which creates the page tables and slab objects the measured one reuses.
 * Linux: lib/test_vmalloc.c (a stress module; these are plain checks)
 */
#include <kunit/test.h>
#include <linux/mm.h>
#include <linux/numa.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <asm/io.h>
#include <asm/pgtable.h>
#include <asm/thread_info.h>

static bool mapped(const void *addr)
{
	int level;

	return lookup_address((unsigned long)addr, &level) != NULL;
}

static void vmalloc_test_alloc_free(struct kunit *test)
{
	const unsigned long size = 3 * PAGE_SIZE + 1;	/* 4 pages */
	unsigned long free_before, vm_before, wrong = 0;
	struct vm_struct *area;
	unsigned char *p;
	int warns;

	vfree(vmalloc(size));
	free_before = nr_free_pages();
	vm_before = vmalloc_nr_pages();

	p = vmalloc(size);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(p));
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), vm_before + 4);
	KUNIT_EXPECT_LE(test, nr_free_pages(), free_before - 4);
	area = find_vm_area(p + size - 1);
	KUNIT_ASSERT_NOT_NULL(test, area);
	KUNIT_EXPECT_PTR_EQ(test, area->addr, p);
	KUNIT_EXPECT_EQ(test, get_vm_area_size(area), 4 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, area->nr_pages, 4);
	KUNIT_EXPECT_PTR_EQ(test, vmalloc_to_page(p + PAGE_SIZE), area->pages[1]);
	memset(p, 0x33, 4 * PAGE_SIZE);
	for (unsigned int i = 0; i < 4; i++)
		p[i * PAGE_SIZE] = 0xa0 + i;
	/* Each page is its own: read back through the direct map. */
	for (unsigned int i = 0; i < 4; i++)
		wrong += *(unsigned char *)page_address(area->pages[i]) != 0xa0 + i;
	KUNIT_EXPECT_EQ(test, wrong, 0);

	warns = warn_count;
	kunit_expect_warning(test, "vfree() of an address inside an area");
	vfree(p + PAGE_SIZE);			/* not an area start: warned, ignored */
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
	KUNIT_EXPECT_TRUE(test, mapped(p));
	vfree(NULL);
	vfree(p);
	KUNIT_EXPECT_FALSE(test, mapped(p));
	KUNIT_EXPECT_NULL(test, find_vm_area(p));
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), vm_before);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
}

static void vmalloc_test_zeroed(struct kunit *test)
{
	unsigned long *p = vzalloc(2 * PAGE_SIZE), nonzero = 0;

	KUNIT_ASSERT_NOT_NULL(test, p);
	for (unsigned long i = 0; i < 2 * PAGE_SIZE / sizeof(*p); i++)
		nonzero += p[i] != 0;
	KUNIT_EXPECT_EQ(test, nonzero, 0);
	vfree(p);
}

/* The page below each area is unmapped, and known as a guard page. */
static void vmalloc_test_guard(struct kunit *test)
{
	struct vm_struct *area = NULL;
	char *p = vmalloc(2 * PAGE_SIZE);
	char *q = vmalloc(PAGE_SIZE);
	char *stack = __vmalloc_node(THREAD_SIZE, THREAD_SIZE, GFP_KERNEL, -1,
				     __builtin_return_address(0));

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_ASSERT_NOT_NULL(test, stack);

	KUNIT_EXPECT_TRUE(test, mapped(p));
	KUNIT_EXPECT_FALSE(test, mapped(p - 1));
	KUNIT_EXPECT_FALSE(test, mapped(p - PAGE_SIZE));
	KUNIT_EXPECT_TRUE(test, vmalloc_guard_hit((unsigned long)p - 1, &area));
	KUNIT_EXPECT_PTR_EQ(test, area, find_vm_area(p));
	KUNIT_EXPECT_TRUE(test, vmalloc_guard_hit((unsigned long)p - PAGE_SIZE, &area));
	KUNIT_EXPECT_FALSE(test, vmalloc_guard_hit((unsigned long)p, &area));
	KUNIT_EXPECT_NULL(test, find_vm_area(p - 1));

	KUNIT_EXPECT_FALSE(test, mapped(q - PAGE_SIZE));
	KUNIT_EXPECT_TRUE(test, vmalloc_guard_hit((unsigned long)q - 8, &area));
	KUNIT_EXPECT_PTR_EQ(test, area->addr, q);

	/* A stack-shaped area: aligned to its size, guard right below. */
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)stack, THREAD_SIZE));
	KUNIT_EXPECT_TRUE(test, mapped(stack));
	KUNIT_EXPECT_FALSE(test, mapped(stack - 8));
	KUNIT_EXPECT_TRUE(test, vmalloc_guard_hit((unsigned long)stack - 8, &area));
	KUNIT_EXPECT_PTR_EQ(test, area->addr, stack);

	/* Not vmalloc space at all. */
	KUNIT_EXPECT_FALSE(test, vmalloc_guard_hit(PAGE_OFFSET, &area));

	vfree(stack);
	vfree(q);
	vfree(p);
	KUNIT_EXPECT_FALSE(test, vmalloc_guard_hit((unsigned long)p - 1, &area));
}

/*
 * Three neighbours A, B, C of the same unusual size. When A was made it
 * got the lowest free range that fits; nothing lower is freed meanwhile,
 * so once A is freed again (with C), the next area of that size must come
 * back at A's address, not C's (lowest first, not last freed, not the end
 * of the space). Then with all three freed, one area as long as the three
 * together, guard pages included, must start where A's guard was: only
 * if the three freed ranges were merged into one is there a range that
 * long there.
 */
static void lowest_and_coalesce(struct kunit *test)
{
	const unsigned long size = 61 * PAGE_SIZE;	/* no other area is this size */
	const unsigned long whole = 3 * (size + PAGE_SIZE) - PAGE_SIZE;
	char *a, *b, *c, *again, *all;

	a = vmalloc(size);
	b = vmalloc(size);
	c = vmalloc(size);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_ASSERT_NOT_NULL(test, c);
	/* Lowest first: each new area lies right above the one before. */
	KUNIT_EXPECT_PTR_EQ(test, b, a + size + PAGE_SIZE);
	KUNIT_EXPECT_PTR_EQ(test, c, b + size + PAGE_SIZE);

	vfree(c);
	vfree(a);
	again = vmalloc(size);
	KUNIT_EXPECT_PTR_EQ(test, again, a);
	vfree(again);

	vfree(b);			/* fills the hole between a's and c's ranges */
	all = vmalloc(whole);
	KUNIT_ASSERT_NOT_NULL(test, all);
	KUNIT_EXPECT_PTR_EQ(test, all, a);
	KUNIT_EXPECT_PTR_EQ(test, find_vm_area(c + size - 1), find_vm_area(all));
	vfree(all);
	KUNIT_EXPECT_NULL(test, find_vm_area(a));
}

/*
 * Many areas at once: each address is found in the right one (the busy
 * tree), and a stack-aligned area among them, which may cut a free range
 * in the middle, comes out aligned.
 */
static void many_areas(struct kunit *test)
{
	enum { N = 200 };
	static char *areas[N];
	struct vm_struct *area = NULL;
	unsigned long wrong = 0;
	char *stack;

	for (int i = 0; i < N; i++) {
		areas[i] = vmalloc((i % 3 + 1) * PAGE_SIZE);
		KUNIT_ASSERT_NOT_NULL(test, areas[i]);
	}
	/* Free every other one: holes of 2 to 4 pages between busy areas. */
	for (int i = 0; i < N; i += 2)
		vfree(areas[i]);
	for (int i = 1; i < N; i += 2) {
		unsigned long len = (i % 3 + 1) * PAGE_SIZE;

		area = find_vm_area(areas[i] + len - 1);
		wrong += !area || area->addr != areas[i];
		wrong += find_vm_area(areas[i] + len) == area;
		wrong += !vmalloc_guard_hit((unsigned long)areas[i] - 1, &area) ||
			 area->addr != areas[i];
	}
	KUNIT_EXPECT_EQ(test, wrong, 0);

	stack = __vmalloc_node(THREAD_SIZE, THREAD_SIZE, GFP_KERNEL, NUMA_NO_NODE,
			       __builtin_return_address(0));
	KUNIT_ASSERT_NOT_NULL(test, stack);
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)stack, THREAD_SIZE));
	KUNIT_EXPECT_PTR_EQ(test, find_vm_area(stack + THREAD_SIZE - 1)->addr, stack);
	vfree(stack);
	for (int i = 1; i < N; i += 2)
		vfree(areas[i]);
}

/*
 * Run @scenario three times and check the last gave back every page: the
 * first runs made the page tables and slab pages the last reuses (they
 * stay, as in Linux), so any page short after it is a leak. Two warm-up
 * runs, because the free ranges after the first are not shaped as before
 * it (the aligned stack may land elsewhere and a slab page more be made).
 */
static void back_to_baseline(struct kunit *test, void (*scenario)(struct kunit *))
{
	unsigned long free_before, vm_before;

	scenario(test);
	scenario(test);
	free_before = nr_free_pages();
	vm_before = vmalloc_nr_pages();
	scenario(test);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), vm_before);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
}

static void vmalloc_test_lowest_and_coalesce(struct kunit *test)
{
	back_to_baseline(test, lowest_and_coalesce);
}

static void vmalloc_test_many_areas(struct kunit *test)
{
	back_to_baseline(test, many_areas);
}

/* A known page, mapped again uncached, reads back the same. */
static void vmalloc_test_ioremap(struct kunit *test)
{
	unsigned long page = __get_free_page(GFP_KERNEL), wrong = 0;
	u32 *words = (u32 *)page;
	unsigned long *pte;
	void *io, *part;
	int level;

	KUNIT_ASSERT_NE(test, page, 0);
	for (unsigned int i = 0; i < PAGE_SIZE / 4; i++)
		words[i] = 0x5eed0000 + i;

	io = ioremap(__pa(page), PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, io);
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(io));
	pte = lookup_address((unsigned long)io, &level);
	KUNIT_ASSERT_NOT_NULL(test, pte);
	KUNIT_EXPECT_EQ(test, level, 1);
	KUNIT_EXPECT_EQ(test, *pte & PTE_PFN_MASK, __pa(page));
	KUNIT_EXPECT_TRUE(test, (*pte & _PAGE_PCD) != 0);
	for (unsigned int i = 0; i < PAGE_SIZE / 4; i++)
		wrong += readl((u32 *)io + i) != 0x5eed0000 + i;
	KUNIT_EXPECT_EQ(test, wrong, 0);

	/* An unaligned start keeps its offset into the page. */
	part = ioremap(__pa(page) + 16, 8);
	KUNIT_ASSERT_NOT_NULL(test, part);
	KUNIT_EXPECT_EQ(test, (unsigned long)part & ~PAGE_MASK, 16);
	KUNIT_EXPECT_EQ(test, readl(part), 0x5eed0000 + 4);

	iounmap(part);
	iounmap(io);
	KUNIT_EXPECT_FALSE(test, mapped(io));
	KUNIT_EXPECT_NULL(test, find_vm_area(io));
	free_page(page);
}

static struct kunit_case vmalloc_cases[] = {
	KUNIT_CASE(vmalloc_test_alloc_free),
	KUNIT_CASE(vmalloc_test_zeroed),
	KUNIT_CASE(vmalloc_test_guard),
	KUNIT_CASE(vmalloc_test_lowest_and_coalesce),
	KUNIT_CASE(vmalloc_test_many_areas),
	KUNIT_CASE(vmalloc_test_ioremap),
	{}
};

static struct kunit_suite vmalloc_suite = {
	.name = "vmalloc",
	.test_cases = vmalloc_cases,
};
kunit_test_suite(vmalloc_suite);
