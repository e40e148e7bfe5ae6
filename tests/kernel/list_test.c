// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "list": include/linux/list.h as the kernel build compiles
 * it (freestanding, -O2, the kernel's flags). tests/host/test_list.c
 * checks the same header on the host under the sanitizers; this proves
 * the kernel's copy. After each change the whole ring is walked both
 * ways: the values in order, and every prev pointing back.
 * Linux: lib/list-test.c
 */
#include <kunit/test.h>
#include <linux/list.h>

struct item {
	int value;
	struct list_head node;
};

/* Does @head hold exactly @expected[0..n), linked both ways? */
static void expect_list_at(struct kunit *test, int line, struct list_head *head,
			   const int *expected, size_t n)
{
	struct list_head *pos, *prev = head;
	size_t i = 0;

	for (pos = head->next; pos != head; prev = pos, pos = pos->next, i++) {
		if (pos->prev != prev) {
			KUNIT_FAIL(test, "line %d: node %zu's prev does not point back", line, i);
			return;
		}
		if (i >= n) {
			KUNIT_FAIL(test, "line %d: more than %zu nodes", line, n);
			return;
		}
		if (list_entry(pos, struct item, node)->value != expected[i]) {
			KUNIT_FAIL(test, "line %d: node %zu is %d, expected %d", line, i,
				   list_entry(pos, struct item, node)->value, expected[i]);
			return;
		}
	}
	if (head->prev != prev)
		KUNIT_FAIL(test, "line %d: head's prev is not the last node", line);
	if (i != n)
		KUNIT_FAIL(test, "line %d: %zu nodes, expected %zu", line, i, n);
}

#define EXPECT_LIST(test, head, ...) do {				\
	static const int __exp[] = { __VA_ARGS__ };			\
	expect_list_at(test, __LINE__, head, __exp, ARRAY_SIZE(__exp));	\
} while (0)

#define EXPECT_EMPTY_LIST(test, head) expect_list_at(test, __LINE__, head, NULL, 0)

static void init_items(struct item *items, int n)
{
	for (int i = 0; i < n; i++) {
		items[i].value = i;
		INIT_LIST_HEAD(&items[i].node);
	}
}

static void list_test_add(struct kunit *test)
{
	struct item it[3];
	LIST_HEAD(head);

	init_items(it, 3);
	EXPECT_EMPTY_LIST(test, &head);
	for (int i = 0; i < 3; i++)
		list_add(&it[i].node, &head);
	EXPECT_LIST(test, &head, 2, 1, 0);	/* stack order */
	KUNIT_EXPECT_EQ(test, list_count_nodes(&head), 3);
}

static void list_test_add_tail(struct kunit *test)
{
	struct item it[3];
	LIST_HEAD(head);

	init_items(it, 3);
	for (int i = 0; i < 3; i++)
		list_add_tail(&it[i].node, &head);
	EXPECT_LIST(test, &head, 0, 1, 2);	/* queue order */
	KUNIT_EXPECT_TRUE(test, list_is_last(&it[2].node, &head));
	KUNIT_EXPECT_FALSE(test, list_is_last(&it[1].node, &head));
}

static void list_test_del_poisons(struct kunit *test)
{
	struct item it[3];
	LIST_HEAD(head);

	init_items(it, 3);
	for (int i = 0; i < 3; i++)
		list_add_tail(&it[i].node, &head);
	list_del(&it[1].node);
	EXPECT_LIST(test, &head, 0, 2);
	KUNIT_EXPECT_PTR_EQ(test, it[1].node.next, LIST_POISON1);
	KUNIT_EXPECT_PTR_EQ(test, it[1].node.prev, LIST_POISON2);
	/* Non-canonical: any use of them faults (#GP), it does not corrupt. */
	KUNIT_EXPECT_NE(test, (unsigned long)LIST_POISON1 >> 47, 0);
	KUNIT_EXPECT_NE(test, (unsigned long)LIST_POISON1 >> 47, 0x1ffff);
	list_del(&it[0].node);
	list_del(&it[2].node);
	EXPECT_EMPTY_LIST(test, &head);
	KUNIT_EXPECT_TRUE(test, list_empty(&head));
}

static void list_test_del_init(struct kunit *test)
{
	struct item it[2];
	LIST_HEAD(head);

	init_items(it, 2);
	list_add_tail(&it[0].node, &head);
	list_add_tail(&it[1].node, &head);
	list_del_init(&it[0].node);
	EXPECT_LIST(test, &head, 1);
	/* An empty list of its own: safe to test, delete again or re-add. */
	KUNIT_EXPECT_TRUE(test, list_empty(&it[0].node));
	list_del_init(&it[0].node);
	KUNIT_EXPECT_TRUE(test, list_empty(&it[0].node));
	list_add(&it[0].node, &head);
	EXPECT_LIST(test, &head, 0, 1);
}

static void list_test_empty_and_singular(struct kunit *test)
{
	struct item it[2];
	LIST_HEAD(head);

	init_items(it, 2);
	KUNIT_EXPECT_TRUE(test, list_empty(&head));
	KUNIT_EXPECT_FALSE(test, list_is_singular(&head));
	list_add(&it[0].node, &head);
	KUNIT_EXPECT_FALSE(test, list_empty(&head));
	KUNIT_EXPECT_TRUE(test, list_is_singular(&head));
	list_add(&it[1].node, &head);
	KUNIT_EXPECT_FALSE(test, list_is_singular(&head));
	KUNIT_EXPECT_EQ(test, list_count_nodes(&head), 2);
}

static void list_test_entries(struct kunit *test)
{
	struct item it[3];
	LIST_HEAD(head);

	init_items(it, 3);
	KUNIT_EXPECT_NULL(test, list_first_entry_or_null(&head, struct item, node));
	for (int i = 0; i < 3; i++)
		list_add_tail(&it[i].node, &head);
	KUNIT_EXPECT_PTR_EQ(test, list_entry(&it[1].node, struct item, node), &it[1]);
	KUNIT_EXPECT_PTR_EQ(test, list_first_entry(&head, struct item, node), &it[0]);
	KUNIT_EXPECT_PTR_EQ(test, list_last_entry(&head, struct item, node), &it[2]);
	KUNIT_EXPECT_PTR_EQ(test, list_first_entry_or_null(&head, struct item, node), &it[0]);
	KUNIT_EXPECT_PTR_EQ(test, list_next_entry(&it[0], node), &it[1]);
}

static void list_test_for_each_entry(struct kunit *test)
{
	struct item it[5], *pos;
	LIST_HEAD(head);
	struct list_head *p;
	int n = 0;

	init_items(it, 5);
	list_for_each_entry(pos, &head, node)
		n++;
	KUNIT_EXPECT_EQ(test, n, 0);
	for (int i = 0; i < 5; i++)
		list_add_tail(&it[i].node, &head);
	list_for_each_entry(pos, &head, node) {
		KUNIT_EXPECT_PTR_EQ(test, pos, &it[n]);
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, 5);
	/* After the loop pos is the head's "entry": not a real item. */
	KUNIT_EXPECT_TRUE(test, list_entry_is_head(pos, &head, node));
	n = 0;
	list_for_each(p, &head)
		n++;
	KUNIT_EXPECT_EQ(test, n, 5);
}

static void list_test_for_each_entry_safe_deletes(struct kunit *test)
{
	struct item it[6], *pos, *n;
	LIST_HEAD(head);
	int visited = 0;

	init_items(it, 6);
	for (int i = 0; i < 6; i++)
		list_add_tail(&it[i].node, &head);
	/* Delete the odd ones as we go, poisoning them: the walk goes on. */
	list_for_each_entry_safe(pos, n, &head, node) {
		visited++;
		if (pos->value % 2)
			list_del(&pos->node);
	}
	KUNIT_EXPECT_EQ(test, visited, 6);
	EXPECT_LIST(test, &head, 0, 2, 4);
	/* And all of them. */
	list_for_each_entry_safe(pos, n, &head, node)
		list_del_init(&pos->node);
	EXPECT_EMPTY_LIST(test, &head);
}

static void list_test_splice(struct kunit *test)
{
	struct item it[5];
	LIST_HEAD(head);
	LIST_HEAD(other);

	init_items(it, 5);
	list_add_tail(&it[0].node, &head);
	list_add_tail(&it[1].node, &head);
	list_add_tail(&it[2].node, &other);
	list_add_tail(&it[3].node, &other);
	list_splice(&other, &head);
	EXPECT_LIST(test, &head, 2, 3, 0, 1);
	/* @other is left pointing into @head: reinitialise before use. */
	INIT_LIST_HEAD(&other);
	/* Splicing an empty list changes nothing. */
	list_splice(&other, &head);
	EXPECT_LIST(test, &head, 2, 3, 0, 1);
	list_add(&it[4].node, &other);
	list_splice_tail(&other, &head);
	EXPECT_LIST(test, &head, 2, 3, 0, 1, 4);
}

static void list_test_splice_init(struct kunit *test)
{
	struct item it[4];
	LIST_HEAD(head);
	LIST_HEAD(other);

	init_items(it, 4);
	list_add_tail(&it[0].node, &head);
	list_add_tail(&it[1].node, &other);
	list_add_tail(&it[2].node, &other);
	list_splice_init(&other, &head);
	EXPECT_LIST(test, &head, 1, 2, 0);
	EXPECT_EMPTY_LIST(test, &other);
	list_add_tail(&it[3].node, &other);
	list_splice_tail_init(&other, &head);
	EXPECT_LIST(test, &head, 1, 2, 0, 3);
	EXPECT_EMPTY_LIST(test, &other);
	list_splice_tail_init(&other, &head);
	EXPECT_LIST(test, &head, 1, 2, 0, 3);
}

static void list_test_move(struct kunit *test)
{
	struct item it[4];
	LIST_HEAD(a);
	LIST_HEAD(b);

	init_items(it, 4);
	for (int i = 0; i < 3; i++)
		list_add_tail(&it[i].node, &a);
	list_add_tail(&it[3].node, &b);
	list_move(&it[1].node, &b);
	EXPECT_LIST(test, &a, 0, 2);
	EXPECT_LIST(test, &b, 1, 3);
	list_move_tail(&it[0].node, &b);
	EXPECT_LIST(test, &a, 2);
	EXPECT_LIST(test, &b, 1, 3, 0);
	/* Within one list: to the back, to the front. */
	list_move_tail(&it[1].node, &b);
	EXPECT_LIST(test, &b, 3, 0, 1);
	list_move(&it[1].node, &b);
	EXPECT_LIST(test, &b, 1, 3, 0);
	KUNIT_EXPECT_EQ(test, list_count_nodes(&a), 1);
	KUNIT_EXPECT_EQ(test, list_count_nodes(&b), 3);
}

static struct kunit_case list_cases[] = {
	KUNIT_CASE(list_test_add),
	KUNIT_CASE(list_test_add_tail),
	KUNIT_CASE(list_test_del_poisons),
	KUNIT_CASE(list_test_del_init),
	KUNIT_CASE(list_test_empty_and_singular),
	KUNIT_CASE(list_test_entries),
	KUNIT_CASE(list_test_for_each_entry),
	KUNIT_CASE(list_test_for_each_entry_safe_deletes),
	KUNIT_CASE(list_test_splice),
	KUNIT_CASE(list_test_splice_init),
	KUNIT_CASE(list_test_move),
	{}
};

static struct kunit_suite list_suite = {
	.name = "list",
	.test_cases = list_cases,
};
kunit_test_suite(list_suite);
