// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "numa": NUMA nodes as the allocators and the kthread
 * creation path use them (arch/x86/mm/numa.c, mm/page_alloc.c, mm/slub.c,
 * kernel/fork.c).
 *
 * Where memory lies is checked by physical address against memblock's
 * ranges, which carry the SRAT's nodes (memblock_phys_addr_to_nid()), as
 * well as against page_to_nid(): the two must agree. The suite passes on
 * one node too (every check is then about node 0), and on machines with
 * a node without memory (its threads live on the nearest node that has
 * memory) and a node without CPUs.
 * Linux: none (mm/ has no NUMA KUnit suite; tools/testing/selftests/mm
 * checks NUMA from user space)
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/topology.h>
#include <linux/vmalloc.h>
#include <asm/thread_info.h>

#include "test_util.h"

/*
 * Free pages of a node come back to within this much of where they were:
 * slabs half-used by objects that were live before may have moved.
 */
#define NUMA_TEST_SLACK_PAGES	32

/* The node an allocation asked on @node lands on: itself, or the nearest with memory. */
static int memory_node_for(int node)
{
	return zone_to_nid(node_zonelist(node, 0)->_zonerefs[0].zone);
}

/* The node of the memory at direct-map address @p, by the SRAT's ranges. */
static int phys_nid(const void *p)
{
	return memblock_phys_addr_to_nid(__pa(p));
}

static int numa_test_idle(void *data)
{
	sleep_until_stopped();
	return 0;
}

static void numa_test_topology(struct kunit *test)
{
	int node, cpu, other;

	KUNIT_EXPECT_GE(test, num_online_nodes(), 1);
	KUNIT_EXPECT_GE(test, num_node_state(N_MEMORY), 1);
	for_each_possible_cpu(cpu) {
		KUNIT_EXPECT_TRUE(test, node_online(cpu_to_node(cpu)));
		KUNIT_EXPECT_TRUE(test, node_state(cpu_to_mem(cpu), N_MEMORY));
		KUNIT_EXPECT_EQ(test, cpu_to_mem(cpu), memory_node_for(cpu_to_node(cpu)));
	}
	for_each_online_node(node) {
		pg_data_t *pgdat = NODE_DATA(node);

		KUNIT_ASSERT_NOT_NULL(test, pgdat);
		KUNIT_EXPECT_EQ(test, pgdat->node_id, node);
		KUNIT_EXPECT_EQ(test, node_distance(node, node), LOCAL_DISTANCE);
		for_each_online_node(other)
			if (other != node)
				KUNIT_EXPECT_GT(test, node_distance(node, other), LOCAL_DISTANCE);
		/* Every page of the node's span that is RAM says it is on the node. */
		if (node_state(node, N_MEMORY)) {
			unsigned long pfn = pgdat->node_start_pfn + pgdat->node_spanned_pages / 2;

			KUNIT_EXPECT_GT(test, pgdat->node_spanned_pages, 0);
			KUNIT_EXPECT_EQ(test, page_to_nid(pfn_to_page(pfn)), node);
			KUNIT_EXPECT_EQ(test, memblock_phys_addr_to_nid(PFN_PHYS(pfn)), node);
		} else {
			KUNIT_EXPECT_EQ(test, pgdat->node_zones[ZONE_NORMAL].managed_pages, 0);
		}
	}
}

/* Check that @k's task_struct, struct kthread and every stack page are on @want. */
static void expect_task_on(struct kunit *test, struct task_struct *k, int want)
{
	KUNIT_EXPECT_EQ(test, page_to_nid(virt_to_page(k)), want);
	KUNIT_EXPECT_EQ(test, phys_nid(k), want);
	KUNIT_EXPECT_EQ(test, phys_nid(k->worker_private), want);
	for (unsigned long off = 0; off < THREAD_SIZE; off += PAGE_SIZE) {
		struct page *page = vmalloc_to_page((char *)k->stack + off);

		KUNIT_EXPECT_EQ(test, page_to_nid(page), want);
		KUNIT_EXPECT_EQ(test, phys_nid(page_address(page)), want);
	}
}

static void numa_test_kthread_on_each_node(struct kunit *test)
{
	int node;

	for_each_online_node(node) {
		int want = memory_node_for(node);
		unsigned long stacks;
		struct task_struct *k;

		/* No exited task still to be freed: the counter only grows now. */
		wait_for_dead_tasks(1000);
		stacks = node_page_state(NODE_DATA(want), NR_KERNEL_STACK_KB);
		k = kthread_create_on_node(numa_test_idle, NULL, node, "numa_test/%d", node);

		KUNIT_ASSERT_FALSE(test, IS_ERR(k));
		expect_task_on(test, k, want);
		/* Its stack is counted on its node. */
		KUNIT_EXPECT_GE(test, node_page_state(NODE_DATA(want), NR_KERNEL_STACK_KB),
				stacks + THREAD_SIZE / 1024);
		kthread_stop(k);
	}
}

/* A worker's thread goes through the same path: on the node asked for. */
static void numa_test_worker_on_each_node(struct kunit *test)
{
	int node;

	for_each_online_node(node) {
		struct kthread_worker *w = kthread_create_worker_on_node(0, node, "numa_w/%d", node);

		KUNIT_ASSERT_FALSE(test, IS_ERR(w));
		expect_task_on(test, w->task, memory_node_for(node));
		kthread_destroy_worker(w);
	}
}

/* NUMA_NO_NODE: the node of the CPU kthreadd runs copy_process() on. */
static void numa_test_no_node_is_kthreadds_cpu(struct kunit *test)
{
	struct cpumask saved;
	int cpu;

	cpumask_copy(&saved, &kthreadd_task->cpus_mask);
	for_each_online_cpu(cpu) {
		struct task_struct *k;

		set_cpus_allowed_ptr(kthreadd_task, cpumask_of(cpu));
		k = kthread_create(numa_test_idle, NULL, "numa_test_cpu%d", cpu);
		KUNIT_ASSERT_FALSE(test, IS_ERR(k));
		expect_task_on(test, k, cpu_to_mem(cpu));
		wake_up_process(k);
		kthread_stop(k);
	}
	set_cpus_allowed_ptr(kthreadd_task, &saved);
}

/* Blocks taken to fill a node, chained through their own first bytes. */
struct filler {
	struct filler *next;
	unsigned int order;
};

/* Take every free block of @node (__GFP_THISNODE): biggest first, chained on @list. */
static unsigned long fill_node(int node, struct filler **list)
{
	unsigned long pages = 0;

	for (int order = MAX_PAGE_ORDER; order >= 0; order--) {
		struct page *page;

		while ((page = alloc_pages_node(node, GFP_KERNEL | __GFP_THISNODE | __GFP_NOWARN,
						order))) {
			struct filler *f = page_address(page);

			f->order = order;
			f->next = *list;
			*list = f;
			pages += 1UL << order;
		}
	}
	return pages;
}

static void free_fillers(struct filler *list)
{
	while (list) {
		struct filler *next = list->next;

		free_pages((unsigned long)list, list->order);
		list = next;
	}
}

/*
 * Fill the nodes of CPU 0's memory node's zonelist one after the other: each time, the next allocation on that node comes from
 * the next node of the list (distance order), while __GFP_THISNODE fails.
 */
static void numa_test_fallback_in_distance_order(struct kunit *test)
{
	int home = cpu_to_mem(0);
	struct zoneref *z = node_zonelist(home, 0)->_zonerefs;
	unsigned long before[MAX_NUMNODES];
	struct filler *fillers = NULL;
	int node, filled = 0, prev = -1;

	if (num_node_state(N_MEMORY) < 2)
		kunit_skip(test, "one node with memory: nothing to fall back to");
	for_each_node_state(node, N_MEMORY)
		before[node] = sum_zone_node_page_state(node, NR_FREE_PAGES);
	/* Fill all but the last node of the list. */
	for (; z[1].zone; z++) {
		struct page *page;

		KUNIT_EXPECT_GT(test, fill_node(zone_to_nid(z->zone), &fillers), 0);
		filled++;
		KUNIT_EXPECT_NULL(test, alloc_pages_node(home, GFP_KERNEL | __GFP_THISNODE |
							__GFP_NOWARN, 0));
		page = alloc_pages_node(home, GFP_KERNEL | __GFP_NOWARN, 0);
		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_EQ(test, page_to_nid(page), zone_to_nid(z[1].zone));
		/* Distances only grow along the list. */
		if (prev >= 0)
			KUNIT_EXPECT_GE(test, node_distance(home, zone_to_nid(z[1].zone)),
					node_distance(home, prev));
		prev = zone_to_nid(z[1].zone);
		__free_page(page);
	}
	KUNIT_EXPECT_EQ(test, filled, num_node_state(N_MEMORY) - 1);
	free_fillers(fillers);
	for_each_node_state(node, N_MEMORY)
		KUNIT_EXPECT_TRUE(test, wait_until(sum_zone_node_page_state(node, NR_FREE_PAGES) +
						   NUMA_TEST_SLACK_PAGES >= before[node], 1000));
}

#define CREATIONS_PER_NODE	1000

static int numa_test_return(void *data)
{
	return 0;
}

/* 1,000 threads made and stopped on each node: each node's memory comes back. */
static void numa_test_creations_back_to_baseline(struct kunit *test)
{
	unsigned long before[MAX_NUMNODES];
	struct mem_snapshot base;
	struct cpumask saved;
	int node;

	/*
	 * The creator (pid 1) and kthreadd on one CPU: each creation then
	 * runs without cross-CPU wakeups, which a loaded TCG host makes slow.
	 * The node asked for decides where the memory goes, not the CPU.
	 */
	kthreadd_pin(&saved);
	set_cpus_allowed_ptr(current, cpumask_of(TEST_CPU));
	/*
	 * Warm up: the slabs and page tables one creation needs exist now.
	 * Stopped before it is ever woken, as below: a woken numa_test_return()
	 * exits at once and is reaped, and kthread_stop() would then touch a
	 * freed task (kthread_stop() needs the task alive: Linux says the same).
	 */
	for_each_online_node(node) {
		struct task_struct *k = kthread_create_on_node(numa_test_return, NULL, node,
							       "numa_warm/%d", node);

		if (!IS_ERR(k))
			kthread_stop(k);
	}
	mem_snapshot_take(&base);
	for_each_node_state(node, N_MEMORY)
		before[node] = sum_zone_node_page_state(node, NR_FREE_PAGES);
	for_each_online_node(node) {
		for (int i = 0; i < CREATIONS_PER_NODE; i++) {
			struct task_struct *k = kthread_create_on_node(numa_test_return, NULL, node,
								       "numa_test/%d", node);

			if (IS_ERR(k)) {
				KUNIT_FAIL(test, "creation %d on node %d: %ld", i, node, PTR_ERR(k));
				break;
			}
			if (i == 0)
				expect_task_on(test, k, memory_node_for(node));
			/* It woke on kthreadd's CPU; keep its exit there too. */
			kthread_bind(k, TEST_CPU);
			kthread_stop(k);
		}
	}
	set_cpus_allowed_ptr(current, cpu_possible_mask);
	kthreadd_unpin(&saved);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
	/*
	 * Every object is back (above); a node's free pages may still be a
	 * few slabs short, half-used by objects that were live before and
	 * now sit in other slabs. A leak of the creations' stacks (4 pages
	 * each) or task_structs would be hundreds of pages.
	 */
	for_each_node_state(node, N_MEMORY) {
		if (!wait_until(sum_zone_node_page_state(node, NR_FREE_PAGES) +
				NUMA_TEST_SLACK_PAGES >= before[node], 2000))
			KUNIT_FAIL(test, "node %d: %lu free pages before, %lu after", node,
				   before[node], sum_zone_node_page_state(node, NR_FREE_PAGES));
	}
}

static struct kunit_case numa_cases[] = {
	KUNIT_CASE(numa_test_topology),
	KUNIT_CASE(numa_test_kthread_on_each_node),
	KUNIT_CASE(numa_test_worker_on_each_node),
	KUNIT_CASE(numa_test_no_node_is_kthreadds_cpu),
	KUNIT_CASE(numa_test_fallback_in_distance_order),
	KUNIT_CASE(numa_test_creations_back_to_baseline),
	{}
};

static struct kunit_suite numa_suite = {
	.name = "numa",
	.test_cases = numa_cases,
};
kunit_test_suite(numa_suite);
