// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for include/linux/list.h. After every change the whole ring is
 * checked both ways: forward values in order, and every node's prev
 * pointing back at the node before it, so a half-done link shows up.
 */
#include <linux/list.h>

#include "ktap.h"

struct item {
	int value;
	struct list_head node;
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Check that @head holds exactly @expected[0..n), properly double-linked. */
#define EXPECT_LIST(head, ...)						\
	do {								\
		const int __exp[] = { __VA_ARGS__ };			\
		expect_list(__FILE__, __LINE__, head, __exp, N(__exp));	\
	} while (0)

#define EXPECT_EMPTY_LIST(head) expect_list(__FILE__, __LINE__, head, NULL, 0)

static void expect_list(const char *file, int line, struct list_head *head,
			const int *expected, size_t n)
{
	struct list_head *pos, *prev = head;
	size_t i = 0;

	for (pos = head->next; pos != head; prev = pos, pos = pos->next, i++) {
		struct item *it = list_entry(pos, struct item, node);

		if (pos->prev != prev) {
			ktap_fail(file, line, "node %zu: prev does not point back", i);
			return;
		}
		if (i >= n || it->value != expected[i]) {
			ktap_fail(file, line, "node %zu: expected %d, found %d", i,
				  i < n ? expected[i] : -1, it->value);
			return;
		}
		if (i > 1000) {
			ktap_fail(file, line, "list does not close");
			return;
		}
	}
	if (head->prev != prev)
		ktap_fail(file, line, "head->prev is not the last node");
	if (i != n)
		ktap_fail(file, line, "expected %zu nodes, found %zu", n, i);
}

static void init_items(struct item *items, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		items[i].value = i;
}

static void list_add_is_stack_order(void)
{
	struct item items[3];
	LIST_HEAD(head);

	init_items(items, N(items));
	list_add(&items[0].node, &head);
	list_add(&items[1].node, &head);
	list_add(&items[2].node, &head);
	EXPECT_LIST(&head, 2, 1, 0);
	KT_EXPECT_EQ(list_count_nodes(&head), 3);
}

static void list_add_tail_is_queue_order(void)
{
	struct item items[3];
	LIST_HEAD(head);

	init_items(items, N(items));
	list_add_tail(&items[0].node, &head);
	list_add_tail(&items[1].node, &head);
	list_add_tail(&items[2].node, &head);
	EXPECT_LIST(&head, 0, 1, 2);
	KT_EXPECT_TRUE(list_is_last(&items[2].node, &head));
	KT_EXPECT_FALSE(list_is_last(&items[1].node, &head));
}

static void list_del_unlinks_and_poisons(void)
{
	struct item items[3];
	LIST_HEAD(head);
	size_t i;

	init_items(items, N(items));
	for (i = 0; i < N(items); i++)
		list_add_tail(&items[i].node, &head);
	list_del(&items[1].node);
	EXPECT_LIST(&head, 0, 2);
	KT_EXPECT_PTR_EQ(items[1].node.next, LIST_POISON1);
	KT_EXPECT_PTR_EQ(items[1].node.prev, LIST_POISON2);
	list_del(&items[0].node);
	list_del(&items[2].node);
	EXPECT_EMPTY_LIST(&head);
	KT_EXPECT_TRUE(list_empty(&head));
}

static void list_del_init_leaves_entry_empty(void)
{
	struct item items[2];
	LIST_HEAD(head);

	init_items(items, N(items));
	list_add_tail(&items[0].node, &head);
	list_add_tail(&items[1].node, &head);
	list_del_init(&items[0].node);
	EXPECT_LIST(&head, 1);
	KT_EXPECT_TRUE(list_empty(&items[0].node));
	/* Unlike after list_del(), it can be added again right away. */
	list_add_tail(&items[0].node, &head);
	EXPECT_LIST(&head, 1, 0);
}

static void list_empty_and_singular(void)
{
	struct item it = { .value = 5 };
	struct list_head dyn;
	LIST_HEAD(head);

	KT_EXPECT_TRUE(list_empty(&head));
	INIT_LIST_HEAD(&dyn);
	KT_EXPECT_TRUE(list_empty(&dyn));
	list_add(&it.node, &head);
	KT_EXPECT_FALSE(list_empty(&head));
	KT_EXPECT_TRUE(list_is_singular(&head));
	list_del(&it.node);
	KT_EXPECT_TRUE(list_empty(&head));
	KT_EXPECT_FALSE(list_is_singular(&head));
}

/*
 * An entry another CPU is unlinking (list_del_init(): next written, prev
 * not yet) is not empty to list_empty_careful(), which finish_wait()
 * uses without the lock; list_empty() would already say empty.
 */
static void list_empty_careful_sees_half_unlinked(void)
{
	struct item items[2];
	LIST_HEAD(head);

	init_items(items, N(items));
	KT_EXPECT_TRUE(list_empty_careful(&head));
	list_add_tail(&items[0].node, &head);
	list_add_tail(&items[1].node, &head);
	KT_EXPECT_FALSE(list_empty_careful(&items[0].node));
	/* The unlinking CPU's first stores: the neighbours, then next. */
	__list_del(items[0].node.prev, items[0].node.next);
	items[0].node.next = &items[0].node;
	KT_EXPECT_TRUE(list_empty(&items[0].node));
	KT_EXPECT_FALSE(list_empty_careful(&items[0].node));
	items[0].node.prev = &items[0].node;		/* its last store */
	KT_EXPECT_TRUE(list_empty_careful(&items[0].node));
	EXPECT_LIST(&head, 1);
	/* list_del_init_careful() leaves an entry empty to both tests. */
	list_del_init_careful(&items[1].node);
	EXPECT_EMPTY_LIST(&head);
	KT_EXPECT_TRUE(list_empty(&items[1].node));
	KT_EXPECT_TRUE(list_empty_careful(&items[1].node));
	KT_EXPECT_TRUE(list_empty_careful(&head));
}

/*
 * Out of line: on a list gcc can see is empty, it warns (-Warray-bounds,
 * at -O2) about the container_of() of the head in the branch not taken.
 */
static __attribute__((__noinline__)) struct item *first_or_null(struct list_head *head)
{
	return list_first_entry_or_null(head, struct item, node);
}

static void list_entry_finds_container(void)
{
	struct item items[2];
	LIST_HEAD(head);

	init_items(items, N(items));
	KT_EXPECT_PTR_EQ(first_or_null(&head), NULL);
	list_add_tail(&items[0].node, &head);
	list_add_tail(&items[1].node, &head);
	KT_EXPECT_PTR_EQ(list_entry(&items[1].node, struct item, node), &items[1]);
	KT_EXPECT_PTR_EQ(list_first_entry(&head, struct item, node), &items[0]);
	KT_EXPECT_PTR_EQ(list_last_entry(&head, struct item, node), &items[1]);
	KT_EXPECT_PTR_EQ(list_next_entry(&items[0], node), &items[1]);
	KT_EXPECT_PTR_EQ(first_or_null(&head), &items[0]);
}

static void for_each_entry_visits_in_order(void)
{
	struct item items[5], *pos;
	LIST_HEAD(head);
	int expect = 0;
	size_t i;

	init_items(items, N(items));
	list_for_each_entry(pos, &head, node)
		KT_EXPECT_TRUE(0);	/* an empty list has no entries */
	for (i = 0; i < N(items); i++)
		list_add_tail(&items[i].node, &head);
	list_for_each_entry(pos, &head, node)
		KT_EXPECT_EQ(pos->value, expect++);
	KT_EXPECT_EQ(expect, 5);
}

static void for_each_entry_safe_allows_deletion(void)
{
	struct item items[6], *pos, *n;
	LIST_HEAD(head);
	int seen = 0;
	size_t i;

	init_items(items, N(items));
	for (i = 0; i < N(items); i++)
		list_add_tail(&items[i].node, &head);
	list_for_each_entry_safe(pos, n, &head, node) {
		seen++;
		if (pos->value % 2 == 0)
			list_del(&pos->node);	/* poisons pos: n must not need it */
	}
	KT_EXPECT_EQ(seen, 6);
	EXPECT_LIST(&head, 1, 3, 5);

	list_for_each_entry_safe(pos, n, &head, node)
		list_del_init(&pos->node);
	EXPECT_EMPTY_LIST(&head);
}

static void list_splice_joins_at_front(void)
{
	struct item a[2] = { { .value = 1 }, { .value = 2 } };
	struct item b[2] = { { .value = 3 }, { .value = 4 } };
	LIST_HEAD(src);
	LIST_HEAD(dst);
	LIST_HEAD(empty);

	list_add_tail(&a[0].node, &src);
	list_add_tail(&a[1].node, &src);
	list_add_tail(&b[0].node, &dst);
	list_add_tail(&b[1].node, &dst);
	list_splice(&src, &dst);
	EXPECT_LIST(&dst, 1, 2, 3, 4);
	list_splice(&empty, &dst);	/* splicing nothing changes nothing */
	EXPECT_LIST(&dst, 1, 2, 3, 4);
}

static void list_splice_tail_init_joins_at_back(void)
{
	struct item a[2] = { { .value = 1 }, { .value = 2 } };
	struct item b[2] = { { .value = 3 }, { .value = 4 } };
	LIST_HEAD(src);
	LIST_HEAD(dst);

	list_add_tail(&a[0].node, &src);
	list_add_tail(&a[1].node, &src);
	list_add_tail(&b[0].node, &dst);
	list_add_tail(&b[1].node, &dst);
	list_splice_tail_init(&src, &dst);
	EXPECT_LIST(&dst, 3, 4, 1, 2);
	KT_EXPECT_TRUE(list_empty(&src));
	EXPECT_EMPTY_LIST(&src);
	/* Into an empty list. */
	list_splice_tail_init(&dst, &src);
	EXPECT_LIST(&src, 3, 4, 1, 2);
	KT_EXPECT_TRUE(list_empty(&dst));
}

static void list_move_between_lists(void)
{
	struct item items[3];
	LIST_HEAD(one);
	LIST_HEAD(two);
	size_t i;

	init_items(items, N(items));
	for (i = 0; i < N(items); i++)
		list_add_tail(&items[i].node, &one);
	list_move_tail(&items[0].node, &two);
	list_move(&items[2].node, &two);
	EXPECT_LIST(&one, 1);
	EXPECT_LIST(&two, 2, 0);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(list_add_is_stack_order),
	KTAP_CASE(list_add_tail_is_queue_order),
	KTAP_CASE(list_del_unlinks_and_poisons),
	KTAP_CASE(list_del_init_leaves_entry_empty),
	KTAP_CASE(list_empty_and_singular),
	KTAP_CASE(list_empty_careful_sees_half_unlinked),
	KTAP_CASE(list_entry_finds_container),
	KTAP_CASE(for_each_entry_visits_in_order),
	KTAP_CASE(for_each_entry_safe_allows_deletion),
	KTAP_CASE(list_splice_joins_at_front),
	KTAP_CASE(list_splice_tail_init_joins_at_back),
	KTAP_CASE(list_move_between_lists),
};

int main(void)
{
	return ktap_run_suite("host-list", cases, N(cases));
}
