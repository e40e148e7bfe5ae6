// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for lib/rbtree.c.
 *
 * Trees are built from struct item, which embeds an rb_node and carries a
 * key and an insertion sequence number. Every insert path used here goes
 * right on equal keys, so the in-order walk must be sorted by (key, seq):
 * that one ordering checks both "sorted" and "duplicates keep insertion
 * order".
 *
 * rb_check() walks a whole tree and checks every red-black invariant
 * independently of lib/rbtree.c (it only reads the nodes' fields), so a
 * rebalancing bug shows up as a broken invariant, not just a wrong answer.
 */

/*
 * The host build renames lib/'s rb_insert_color() etc. to k_rb_...(). The
 * static inline helpers in rbtree.h (rb_add_cached(), rb_erase_cached(),
 * ...) call the plain names, so map those to the renamed functions before
 * the header is read. Spindle's headers also come before the C library's:
 * compiler.h's __always_inline must be defined first (see shims.c).
 */
#define rb_insert_color	k_rb_insert_color
#define rb_erase	k_rb_erase
#define rb_first	k_rb_first
#define rb_last		k_rb_last
#define rb_next		k_rb_next
#define rb_prev		k_rb_prev
#define rb_insert_augmented	k_rb_insert_augmented
#define rb_erase_augmented	k_rb_erase_augmented
#include <linux/rbtree.h>
#include <linux/rbtree_augmented.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ktap.h"

/*
 * lib/rbtree.c, renamed. Identical to what rbtree.h declared through the
 * macros above, so a prototype that drifts in the header breaks the build.
 */
void k_rb_insert_color(struct rb_node *node, struct rb_root *root);
void k_rb_erase(struct rb_node *node, struct rb_root *root);
struct rb_node *k_rb_first(const struct rb_root *root);
struct rb_node *k_rb_last(const struct rb_root *root);
struct rb_node *k_rb_next(const struct rb_node *node);
struct rb_node *k_rb_prev(const struct rb_node *node);
void k_rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			   const struct rb_augment_callbacks *augment);
void k_rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			  const struct rb_augment_callbacks *augment);

#define NR_ITEMS	10000
#define CHECK_EVERY	100

struct item {
	struct rb_node node;
	uint32_t key;
	uint32_t seq;		/* insertion order, for ties */
	bool in_tree;
	/* Augmented trees only: a figure per node, its largest in the subtree. */
	uint32_t weight;
	uint32_t subtree_max;
};

static struct item items[NR_ITEMS];
static uint32_t next_seq;

static struct item *to_item(const struct rb_node *node)
{
	return rb_entry_safe(node, struct item, node);
}

/* xorshift64*: deterministic, so a failure reproduces. */
static uint64_t rng_state;

static void rng_seed(uint64_t seed)
{
	rng_state = seed ? seed : 1;
}

static uint32_t rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 0x2545f4914f6cdd1dULL) >> 32);
}

static void shuffle(struct item **v, size_t n)
{
	size_t i;

	for (i = n; i > 1; i--) {
		size_t j = rng() % i;
		struct item *t = v[i - 1];

		v[i - 1] = v[j];
		v[j] = t;
	}
}

/* Fresh items 0..n-1 with keys from @keyfn(i), not in any tree. */
static void items_reset(size_t n, uint32_t (*keyfn)(size_t i))
{
	size_t i;

	memset(items, 0, sizeof(items));
	next_seq = 0;
	for (i = 0; i < n; i++) {
		items[i].key = keyfn(i);
		RB_CLEAR_NODE(&items[i].node);
	}
}

static uint32_t key_random(size_t i)
{
	(void)i;
	return rng();
}

static uint32_t key_small(size_t i)
{
	(void)i;
	return rng() % 8;
}

static uint32_t key_index(size_t i)
{
	return (uint32_t)i;
}

/* (key, seq) order: what an in-order walk must produce. */
static bool item_before(const struct item *a, const struct item *b)
{
	return a->key < b->key || (a->key == b->key && a->seq < b->seq);
}

/* The rb_add()/rb_add_cached() ordering: by key only, equal goes right. */
static bool node_less(struct rb_node *a, const struct rb_node *b)
{
	return to_item(a)->key < to_item(b)->key;
}

static int node_cmp(const void *key, const struct rb_node *node)
{
	uint32_t k = *(const uint32_t *)key;
	uint32_t nk = to_item(node)->key;

	return k < nk ? -1 : k > nk ? 1 : 0;
}

/* The open-coded insert that rb_add() wraps: search, link, recolour. */
static void insert_item(struct rb_root *root, struct item *it)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		if (it->key < to_item(parent)->key)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	it->seq = next_seq++;
	it->in_tree = true;
	rb_link_node(&it->node, parent, link);
	k_rb_insert_color(&it->node, root);
}

static void erase_item(struct rb_root *root, struct item *it)
{
	k_rb_erase(&it->node, root);
	RB_CLEAR_NODE(&it->node);
	it->in_tree = false;
}

/* --- the invariant checker ------------------------------------------- */

struct rb_check_state {
	char msg[200];
	const struct item *prev;	/* last node seen in order */
	size_t count;
	int max_depth;
	bool failed;
};

static __attribute__((__format__(printf, 2, 3)))
void check_fail(struct rb_check_state *st, const char *fmt, ...)
{
	va_list ap;

	if (st->failed)
		return;		/* keep the first problem: it is the cause */
	st->failed = true;
	va_start(ap, fmt);
	vsnprintf(st->msg, sizeof(st->msg), fmt, ap);
	va_end(ap);
}

static bool is_black(const struct rb_node *node)
{
	return !node || (node->__rb_parent_color & 1);
}

/*
 * Check the subtree at @node, whose parent must be @parent. Returns its
 * black height (counting the NULL links as one), or -1 on a failure.
 */
static int check_subtree(struct rb_check_state *st, const struct rb_node *node,
			 const struct rb_node *parent, int depth)
{
	const struct item *it;
	int lh, rh;

	if (!node)
		return 1;
	if (depth > st->max_depth) {
		check_fail(st, "depth %d exceeds the red-black bound %d (or a cycle)",
			   depth, st->max_depth);
		return -1;
	}
	it = to_item(node);
	if (rb_parent(node) != parent) {
		check_fail(st, "node key %u: parent pointer %p, expected %p",
			   it->key, (void *)rb_parent(node), (const void *)parent);
		return -1;
	}
	if (node->__rb_parent_color & 2) {
		check_fail(st, "node key %u: stray bit 1 in __rb_parent_color", it->key);
		return -1;
	}
	if (!is_black(node) && (!is_black(node->rb_left) || !is_black(node->rb_right))) {
		check_fail(st, "red node key %u has a red child", it->key);
		return -1;
	}

	lh = check_subtree(st, node->rb_left, node, depth + 1);
	if (lh < 0)
		return -1;

	/* In-order position: after the whole left subtree. */
	if (st->prev && !item_before(st->prev, it)) {
		check_fail(st, "in-order: (key %u, seq %u) comes after (key %u, seq %u)",
			   it->key, it->seq, st->prev->key, st->prev->seq);
		return -1;
	}
	st->prev = it;
	st->count++;

	rh = check_subtree(st, node->rb_right, node, depth + 1);
	if (rh < 0)
		return -1;
	if (lh != rh) {
		check_fail(st, "node key %u: black height left %d != right %d",
			   it->key, lh, rh);
		return -1;
	}
	return lh + is_black(node);
}

/*
 * Check every invariant of @root, which should hold @expect nodes.
 * Returns NULL if all hold, else a description of the first broken one
 * (in a static buffer).
 */
static const char *rb_check(const struct rb_root *root, size_t expect)
{
	static struct rb_check_state st;
	int bound = 0;

	memset(&st, 0, sizeof(st));
	/* height <= 2 * log2(n + 1), rounded up generously. */
	while ((1UL << bound) <= expect + 1)
		bound++;
	st.max_depth = 2 * bound + 1;

	if (root->rb_node && !is_black(root->rb_node))
		check_fail(&st, "root is red");
	else
		check_subtree(&st, root->rb_node, NULL, 1);
	if (!st.failed && st.count != expect)
		check_fail(&st, "tree holds %zu nodes, expected %zu", st.count, expect);
	return st.failed ? st.msg : NULL;
}

/*
 * Report a broken tree and make the calling case return: after one broken
 * invariant, later checks would only repeat it.
 */
#define EXPECT_NO_ERROR(check, what, n)					\
	do {								\
		const char *__err = (check);				\
		if (__err) {						\
			ktap_fail(__FILE__, __LINE__, "after %zu %s: %s",	\
				  (size_t)(n), what, __err);		\
			return;						\
		}							\
	} while (0)

#define EXPECT_VALID(root, expect, what, n)				\
	EXPECT_NO_ERROR(rb_check(root, expect), what, n)

/* --- cases ----------------------------------------------------------- */

/* 10,000 random keys through rb_link_node() + rb_insert_color(). */
static void insert_random_keeps_invariants(void)
{
	struct rb_root root = RB_ROOT;
	size_t i;

	rng_seed(0x5eed0001);
	items_reset(NR_ITEMS, key_random);
	EXPECT_VALID(&root, 0, "inserts", 0);

	for (i = 0; i < NR_ITEMS; i++) {
		insert_item(&root, &items[i]);
		if ((i + 1) % CHECK_EVERY == 0)
			EXPECT_VALID(&root, i + 1, "inserts", i + 1);
	}
	EXPECT_VALID(&root, NR_ITEMS, "inserts", NR_ITEMS);
}

/* Also ascending keys: the worst case for an unbalanced tree. */
static void insert_sorted_keeps_invariants(void)
{
	struct rb_root root = RB_ROOT;
	size_t i;

	items_reset(NR_ITEMS, key_index);
	for (i = 0; i < NR_ITEMS; i++) {
		insert_item(&root, &items[i]);
		if ((i + 1) % CHECK_EVERY == 0)
			EXPECT_VALID(&root, i + 1, "inserts", i + 1);
	}
	/* And erase from the front, like a run queue being drained. */
	for (i = 0; i < NR_ITEMS; i++) {
		erase_item(&root, &items[i]);
		if ((i + 1) % CHECK_EVERY == 0)
			EXPECT_VALID(&root, NR_ITEMS - i - 1, "erases", i + 1);
	}
	KT_EXPECT_TRUE(RB_EMPTY_ROOT(&root));
}

/* Fill the tree, then erase every node in a random order. */
static void erase_random_keeps_invariants(void)
{
	static struct item *order[NR_ITEMS];
	struct rb_root root = RB_ROOT;
	size_t i;

	rng_seed(0x5eed0002);
	items_reset(NR_ITEMS, key_random);
	for (i = 0; i < NR_ITEMS; i++) {
		insert_item(&root, &items[i]);
		order[i] = &items[i];
	}
	EXPECT_VALID(&root, NR_ITEMS, "inserts", NR_ITEMS);
	shuffle(order, NR_ITEMS);

	for (i = 0; i < NR_ITEMS; i++) {
		erase_item(&root, order[i]);
		if ((i + 1) % CHECK_EVERY == 0)
			EXPECT_VALID(&root, NR_ITEMS - i - 1, "erases", i + 1);
	}
	KT_EXPECT_TRUE(RB_EMPTY_ROOT(&root));
	KT_EXPECT_PTR_EQ(k_rb_first(&root), NULL);
}

/* Random inserts and erases interleaved, so fix-ups meet every shape. */
static void mixed_ops_keep_invariants(void)
{
	static struct item *live[NR_ITEMS];
	struct rb_root root = RB_ROOT;
	size_t nlive = 0, used = 0, op;

	rng_seed(0x5eed0003);
	items_reset(NR_ITEMS, key_small);	/* many duplicates */
	for (op = 1; op <= 4 * NR_ITEMS; op++) {
		if (nlive && (used == NR_ITEMS || rng() % 5 < 2)) {
			size_t j = rng() % nlive;

			erase_item(&root, live[j]);
			live[j] = live[--nlive];
		} else if (used < NR_ITEMS) {
			insert_item(&root, &items[used]);
			live[nlive++] = &items[used++];
		}
		if (op % CHECK_EVERY == 0)
			EXPECT_VALID(&root, nlive, "operations", op);
	}
	EXPECT_VALID(&root, nlive, "operations", op - 1);
}

/* rb_first/rb_last/rb_next/rb_prev visit every node, in order, both ways. */
static void walk_order(void)
{
	static struct item *order[NR_ITEMS];
	struct rb_root root = RB_ROOT;
	struct rb_node *node;
	struct item lone;
	size_t i, seen;

	KT_EXPECT_PTR_EQ(k_rb_first(&root), NULL);
	KT_EXPECT_PTR_EQ(k_rb_last(&root), NULL);

	/* Keys 0..N-1 in a random insertion order. */
	rng_seed(0x5eed0004);
	items_reset(NR_ITEMS, key_index);
	for (i = 0; i < NR_ITEMS; i++)
		order[i] = &items[i];
	shuffle(order, NR_ITEMS);
	for (i = 0; i < NR_ITEMS; i++)
		insert_item(&root, order[i]);

	KT_EXPECT_PTR_EQ(k_rb_first(&root), &items[0].node);
	KT_EXPECT_PTR_EQ(k_rb_last(&root), &items[NR_ITEMS - 1].node);
	KT_EXPECT_PTR_EQ(k_rb_prev(&items[0].node), NULL);
	KT_EXPECT_PTR_EQ(k_rb_next(&items[NR_ITEMS - 1].node), NULL);

	seen = 0;
	for (node = k_rb_first(&root); node; node = k_rb_next(node)) {
		if (seen >= NR_ITEMS || to_item(node)->key != seen) {
			ktap_fail(__FILE__, __LINE__,
				  "forward walk: step %zu gave key %u", seen,
				  to_item(node)->key);
			return;
		}
		seen++;
	}
	KT_EXPECT_EQ(seen, NR_ITEMS);

	seen = 0;
	for (node = k_rb_last(&root); node; node = k_rb_prev(node)) {
		if (seen >= NR_ITEMS ||
		    to_item(node)->key != NR_ITEMS - 1 - seen) {
			ktap_fail(__FILE__, __LINE__,
				  "backward walk: step %zu gave key %u", seen,
				  to_item(node)->key);
			return;
		}
		seen++;
	}
	KT_EXPECT_EQ(seen, NR_ITEMS);

	/* Erase the odd keys: the walk must step over the gaps. */
	for (i = 1; i < NR_ITEMS; i += 2)
		erase_item(&root, &items[i]);
	seen = 0;
	for (node = k_rb_first(&root); node; node = k_rb_next(node)) {
		if (to_item(node)->key != 2 * seen) {
			ktap_fail(__FILE__, __LINE__,
				  "walk after erase: step %zu gave key %u",
				  seen, to_item(node)->key);
			return;
		}
		seen++;
	}
	KT_EXPECT_EQ(seen, NR_ITEMS / 2);

	/* A node in no tree has no neighbours. */
	RB_CLEAR_NODE(&lone.node);
	KT_EXPECT_TRUE(RB_EMPTY_NODE(&lone.node));
	KT_EXPECT_PTR_EQ(k_rb_next(&lone.node), NULL);
	KT_EXPECT_PTR_EQ(k_rb_prev(&lone.node), NULL);
	KT_EXPECT_FALSE(RB_EMPTY_NODE(&items[0].node));
}

/* The in-tree item that must be leftmost, found without the tree. */
static struct item *min_item(struct item **live, size_t nlive)
{
	struct item *min = NULL;
	size_t i;

	for (i = 0; i < nlive; i++)
		if (!min || item_before(live[i], min))
			min = live[i];
	return min;
}

/* rb_first_cached() stays right across rb_add_cached() and rb_erase_cached(). */
static void cached_leftmost(void)
{
	enum { N = 1000, OPS = 10000 };
	static struct item *live[N];
	struct rb_root_cached root = RB_ROOT_CACHED;
	size_t nlive = 0, used = 0, op, j;

	KT_EXPECT_PTR_EQ(rb_first_cached(&root), NULL);

	rng_seed(0x5eed0005);
	items_reset(N, key_small);
	for (op = 1; op <= OPS; op++) {
		struct item *before = min_item(live, nlive), *after;

		if (nlive && (used == N || rng() % 2)) {
			struct item *victim;
			struct rb_node *ret, *expect;

			j = rng() % nlive;
			victim = live[j];
			live[j] = live[--nlive];
			ret = rb_erase_cached(&victim->node, &root);
			RB_CLEAR_NODE(&victim->node);
			victim->in_tree = false;
			after = min_item(live, nlive);
			/* The new leftmost if it changed, else NULL. */
			expect = NULL;
			if (victim == before && after)
				expect = &after->node;
			if (ret != expect) {
				ktap_fail(__FILE__, __LINE__,
					  "op %zu: rb_erase_cached() returned %p, expected %p",
					  op, (void *)ret, (void *)expect);
				return;
			}
		} else {
			struct item *it = &items[used++];
			struct rb_node *ret;

			it->seq = next_seq++;
			it->in_tree = true;
			ret = rb_add_cached(&it->node, &root, node_less);
			live[nlive++] = it;
			after = min_item(live, nlive);
			if (ret != (after == it ? &it->node : NULL)) {
				ktap_fail(__FILE__, __LINE__,
					  "op %zu: rb_add_cached() returned %p, new leftmost %s",
					  op, (void *)ret, after == it ? "yes" : "no");
				return;
			}
		}
		if (rb_first_cached(&root) != (after ? &after->node : NULL) ||
		    rb_first_cached(&root) != k_rb_first(&root.rb_root)) {
			ktap_fail(__FILE__, __LINE__,
				  "op %zu: rb_first_cached %p, expected %p, rb_first %p",
				  op, (void *)rb_first_cached(&root),
				  after ? (void *)&after->node : NULL,
				  (void *)k_rb_first(&root.rb_root));
			return;
		}
		if (op % CHECK_EVERY == 0)
			EXPECT_VALID(&root.rb_root, nlive, "operations", op);
	}

	/* Drain from the left, as the scheduler picks tasks. */
	while (nlive) {
		struct rb_node *first = rb_first_cached(&root);

		KT_EXPECT_PTR_EQ(first, &min_item(live, nlive)->node);
		if (!first)
			return;
		rb_erase_cached(first, &root);
		to_item(first)->in_tree = false;
		for (j = 0; live[j] != to_item(first); j++)
			;
		live[j] = live[--nlive];
	}
	KT_EXPECT_PTR_EQ(rb_first_cached(&root), NULL);
	KT_EXPECT_TRUE(RB_EMPTY_ROOT(&root.rb_root));
}

/* rb_add_cached() returns the node only when it became the leftmost. */
static void add_cached_return(void)
{
	static const uint32_t keys[] = { 50, 30, 70, 30, 10, 60, 10, 5 };
	static const bool leftmost[] = { true, true, false, false, true, false,
					 false, true };
	struct rb_root_cached root = RB_ROOT_CACHED;
	size_t i;

	items_reset(ARRAY_SIZE(keys), key_index);
	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		struct rb_node *ret;

		items[i].key = keys[i];
		items[i].seq = next_seq++;
		ret = rb_add_cached(&items[i].node, &root, node_less);
		if (ret != (leftmost[i] ? &items[i].node : NULL))
			ktap_fail(__FILE__, __LINE__,
				  "add key %u: returned %p, expected %s", keys[i],
				  (void *)ret, leftmost[i] ? "the node" : "NULL");
	}
	/* Key 5, the last one added, is the leftmost. */
	KT_EXPECT_PTR_EQ(rb_first_cached(&root), &items[7].node);
	EXPECT_VALID(&root.rb_root, ARRAY_SIZE(keys), "adds", ARRAY_SIZE(keys));

	/* Erasing a node that is not leftmost returns NULL... */
	KT_EXPECT_PTR_EQ(rb_erase_cached(&items[2].node, &root), NULL);
	/* ...erasing the leftmost returns its successor: the first 10. */
	KT_EXPECT_PTR_EQ(rb_erase_cached(&items[7].node, &root), &items[4].node);
	KT_EXPECT_PTR_EQ(rb_first_cached(&root), &items[4].node);
}

/* rb_find() finds every key present and nothing else. */
static void find(void)
{
	enum { N = 2000 };
	struct rb_root root = RB_ROOT;
	struct rb_node *node;
	uint32_t key;
	size_t i;

	key = 0;
	KT_EXPECT_PTR_EQ(rb_find(&key, &root, node_cmp), NULL);

	/* Even keys 0, 2, ..., 2N-2 through rb_add(). */
	items_reset(N, key_index);
	for (i = 0; i < N; i++) {
		items[i].key = 2 * i;
		items[i].seq = next_seq++;
		rb_add(&items[i].node, &root, node_less);
	}
	EXPECT_VALID(&root, N, "rb_add()s", N);

	for (key = 0; key < 2 * N + 2; key++) {
		node = rb_find(&key, &root, node_cmp);
		if (key % 2 == 0 && key < 2 * N) {
			if (node != &items[key / 2].node) {
				ktap_fail(__FILE__, __LINE__,
					  "rb_find(%u) gave %p, expected %p", key,
					  (void *)node, (void *)&items[key / 2].node);
				return;
			}
		} else if (node) {
			ktap_fail(__FILE__, __LINE__,
				  "rb_find(%u) found key %u, expected NULL", key,
				  to_item(node)->key);
			return;
		}
	}

	/* A key gone after rb_erase() is not found any more. */
	key = 1000;
	k_rb_erase(&items[500].node, &root);
	KT_EXPECT_PTR_EQ(rb_find(&key, &root, node_cmp), NULL);
	key = 1002;
	KT_EXPECT_PTR_EQ(rb_find(&key, &root, node_cmp), &items[501].node);
}

/* Equal keys come out in the order they went in, through every insert path. */
static void duplicates_keep_insertion_order(void)
{
	enum { N = 3000 };
	static struct item *order[N];
	struct rb_root root = RB_ROOT;
	struct rb_root_cached croot = RB_ROOT_CACHED;
	struct rb_node *node;
	const struct item *prev;
	uint32_t key;
	size_t i;

	/* Only 8 distinct keys: about 375 of each. */
	rng_seed(0x5eed0007);
	items_reset(N, key_small);
	for (i = 0; i < N; i++) {
		if (i % 2) {
			items[i].seq = next_seq++;
			rb_add(&items[i].node, &root, node_less);
		} else {
			insert_item(&root, &items[i]);	/* sets seq itself */
		}
	}
	EXPECT_VALID(&root, N, "inserts", N);

	/* Erasing some in random order must not reorder the rest. */
	for (i = 0; i < N; i++)
		order[i] = &items[i];
	shuffle(order, N);
	for (i = 0; i < N / 2; i++)
		k_rb_erase(&order[i]->node, &root);
	EXPECT_VALID(&root, N - N / 2, "erases", N / 2);

	/* rb_find() on a duplicate key returns one of the equal nodes. */
	for (key = 0; key < 8; key++) {
		node = rb_find(&key, &root, node_cmp);
		KT_EXPECT_TRUE(node && to_item(node)->key == key);
	}

	/* The same through rb_add_cached(), walked with rb_next(). */
	items_reset(N, key_small);
	for (i = 0; i < N; i++) {
		items[i].seq = next_seq++;
		rb_add_cached(&items[i].node, &croot, node_less);
	}
	prev = NULL;
	i = 0;
	for (node = rb_first_cached(&croot); node; node = k_rb_next(node)) {
		const struct item *it = to_item(node);

		if (prev && !item_before(prev, it)) {
			ktap_fail(__FILE__, __LINE__,
				  "(key %u, seq %u) walked after (key %u, seq %u)",
				  it->key, it->seq, prev->key, prev->seq);
			return;
		}
		prev = it;
		i++;
	}
	KT_EXPECT_EQ(i, N);
}

/*
 * The checker itself: each kind of damage must be reported, or every
 * case above could pass on a broken tree.
 */
static void checker_catches_corruption(void)
{
	enum { N = 64 };
	struct rb_root root = RB_ROOT;
	struct rb_node *leaf = NULL, *node, *red = NULL;
	unsigned long saved;
	uint32_t key;
	size_t i;

	items_reset(N, key_index);
	for (i = 0; i < N; i++)
		insert_item(&root, &items[i]);
	KT_EXPECT_PTR_EQ(rb_check(&root, N), NULL);

	/* Wrong node count. */
	KT_EXPECT_TRUE(rb_check(&root, N + 1) != NULL);

	/* Red root. */
	root.rb_node->__rb_parent_color &= ~1UL;
	KT_EXPECT_TRUE(rb_check(&root, N) != NULL);
	root.rb_node->__rb_parent_color |= 1UL;

	/* A leaf whose colour flips breaks black height or red-red. */
	for (node = k_rb_first(&root); node; node = k_rb_next(node)) {
		if (!node->rb_left && !node->rb_right && !leaf)
			leaf = node;
		if (!is_black(node) && !red)
			red = node;
	}
	KT_EXPECT_TRUE(leaf != NULL);
	KT_EXPECT_TRUE(red != NULL);
	if (!leaf || !red)
		return;
	leaf->__rb_parent_color ^= 1UL;
	KT_EXPECT_TRUE(rb_check(&root, N) != NULL);
	leaf->__rb_parent_color ^= 1UL;

	/* A red node's black child turned red: red-red. */
	node = red->rb_left ? red->rb_left : red->rb_right;
	if (node) {
		saved = node->__rb_parent_color;
		node->__rb_parent_color &= ~1UL;
		KT_EXPECT_TRUE(rb_check(&root, N) != NULL);
		node->__rb_parent_color = saved;
	}

	/* A wrong parent pointer. */
	saved = leaf->__rb_parent_color;
	node = rb_parent(leaf) == root.rb_node ? red : root.rb_node;
	leaf->__rb_parent_color = (unsigned long)node | (saved & 1);
	KT_EXPECT_TRUE(rb_check(&root, N) != NULL);
	leaf->__rb_parent_color = saved;

	/* Keys out of order. */
	key = items[0].key;
	items[0].key = items[N - 1].key;
	items[N - 1].key = key;
	KT_EXPECT_TRUE(rb_check(&root, N) != NULL);
	items[N - 1].key = items[0].key;
	items[0].key = key;

	/* A cycle must not hang the checker. */
	node = root.rb_node->rb_left;
	saved = (unsigned long)node->rb_left;
	node->rb_left = root.rb_node;
	KT_EXPECT_TRUE(rb_check(&root, N) != NULL);
	node->rb_left = (struct rb_node *)saved;

	/* And everything restored is valid again. */
	KT_EXPECT_PTR_EQ(rb_check(&root, N), NULL);
}

/* --- augmented trees ------------------------------------------------- */

static uint32_t item_weight(const struct item *it)
{
	return it->weight;
}

RB_DECLARE_CALLBACKS_MAX(static, item_augment, struct item, node,
			 uint32_t, subtree_max, item_weight);

/*
 * The insert rbtree_augmented.h describes: link the leaf with its own
 * value, count it on the path above, then rebalance.
 */
static void insert_item_augmented(struct rb_root *root, struct item *it)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		if (it->key < to_item(parent)->key)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	it->seq = next_seq++;
	it->in_tree = true;
	it->subtree_max = it->weight;
	rb_link_node(&it->node, parent, link);
	item_augment.propagate(parent, NULL);
	k_rb_insert_augmented(&it->node, root, &item_augment);
}

static void erase_item_augmented(struct rb_root *root, struct item *it)
{
	k_rb_erase_augmented(&it->node, root, &item_augment);
	RB_CLEAR_NODE(&it->node);
	it->in_tree = false;
}

/*
 * The largest weight under @node, counted from scratch; sets *@bad to the
 * first node whose stored subtree_max differs from it.
 */
static uint32_t subtree_max_check(const struct rb_node *node, const struct item **bad)
{
	uint32_t max, left, right;
	const struct item *it;

	if (!node)
		return 0;
	it = to_item(node);
	left = subtree_max_check(node->rb_left, bad);
	right = subtree_max_check(node->rb_right, bad);
	max = it->weight;
	if (left > max)
		max = left;
	if (right > max)
		max = right;
	if (it->subtree_max != max && !*bad)
		*bad = it;
	return max;
}

/* rb_check() plus every node's augmented value; NULL if all hold. */
static const char *rb_check_augmented(const struct rb_root *root, size_t expect)
{
	static char msg[200];
	const struct item *bad = NULL;
	const char *err = rb_check(root, expect);

	if (err)
		return err;
	subtree_max_check(root->rb_node, &bad);
	if (!bad)
		return NULL;
	snprintf(msg, sizeof(msg), "node key %u: subtree_max %u is stale", bad->key,
		 bad->subtree_max);
	return msg;
}

#define EXPECT_VALID_AUGMENTED(root, expect, what, n)			\
	EXPECT_NO_ERROR(rb_check_augmented(root, expect), what, n)

/*
 * Random inserts and erases on an augmented tree, every value checked
 * after every operation: each erase case (no child, one, two with the
 * successor near or deep) and each rotation meets the checker at once.
 */
static void augmented_ops_keep_subtree_max(void)
{
	enum { N = 1000 };
	static struct item *live[N];
	struct rb_root root = RB_ROOT;
	size_t nlive = 0, used = 0, op;

	rng_seed(0x5eed0004);
	items_reset(N, key_random);
	for (size_t i = 0; i < N; i++)
		items[i].weight = rng() % 100000;
	for (op = 1; op <= 4 * N; op++) {
		if (nlive && (used == N || rng() % 5 < 2)) {
			size_t j = rng() % nlive;

			erase_item_augmented(&root, live[j]);
			live[j] = live[--nlive];
		} else if (used < N) {
			insert_item_augmented(&root, &items[used]);
			live[nlive++] = &items[used++];
		}
		EXPECT_VALID_AUGMENTED(&root, nlive, "operations", op);
	}
	/* Drain it: the largest weights go first, so every max must fall. */
	while (nlive) {
		size_t top = 0;

		for (size_t j = 1; j < nlive; j++)
			if (live[j]->weight > live[top]->weight)
				top = j;
		erase_item_augmented(&root, live[top]);
		live[top] = live[--nlive];
		EXPECT_VALID_AUGMENTED(&root, nlive, "drain erases", N - nlive);
	}
	KT_EXPECT_TRUE(RB_EMPTY_ROOT(&root));
}

/* Ascending keys: the insert fix-up's rotations at every level. */
static void augmented_sorted_inserts(void)
{
	enum { N = 2000 };
	struct rb_root root = RB_ROOT;

	items_reset(N, key_index);
	for (size_t i = 0; i < N; i++) {
		items[i].weight = (uint32_t)i;
		insert_item_augmented(&root, &items[i]);
		EXPECT_VALID_AUGMENTED(&root, i + 1, "inserts", i + 1);
	}
	KT_EXPECT_EQ(to_item(root.rb_node)->subtree_max, N - 1);
	for (size_t i = N; i-- > 0;) {
		erase_item_augmented(&root, &items[i]);
		EXPECT_VALID_AUGMENTED(&root, i, "erases", N - i);
	}
}

/* The augmented checker sees one stale value, or the cases above prove nothing. */
static void augmented_checker_catches_stale(void)
{
	enum { N = 64 };
	struct rb_root root = RB_ROOT;
	struct item *leaf = NULL;

	items_reset(N, key_index);
	for (size_t i = 0; i < N; i++) {
		items[i].weight = (uint32_t)(i * 7 % N);
		insert_item_augmented(&root, &items[i]);
	}
	KT_EXPECT_PTR_EQ(rb_check_augmented(&root, N), NULL);
	for (size_t i = 0; i < N && !leaf; i++)
		if (!items[i].node.rb_left && !items[i].node.rb_right)
			leaf = &items[i];
	KT_EXPECT_TRUE(leaf != NULL);
	if (!leaf)
		return;
	leaf->subtree_max++;
	KT_EXPECT_TRUE(rb_check_augmented(&root, N) != NULL);
	leaf->subtree_max--;
	to_item(root.rb_node)->subtree_max--;
	KT_EXPECT_TRUE(rb_check_augmented(&root, N) != NULL);
	to_item(root.rb_node)->subtree_max++;
	KT_EXPECT_PTR_EQ(rb_check_augmented(&root, N), NULL);
}

static const struct ktap_case rbtree_cases[] = {
	KTAP_CASE(checker_catches_corruption),
	KTAP_CASE(insert_random_keeps_invariants),
	KTAP_CASE(insert_sorted_keeps_invariants),
	KTAP_CASE(erase_random_keeps_invariants),
	KTAP_CASE(mixed_ops_keep_invariants),
	KTAP_CASE(walk_order),
	KTAP_CASE(cached_leftmost),
	KTAP_CASE(add_cached_return),
	KTAP_CASE(find),
	KTAP_CASE(duplicates_keep_insertion_order),
	KTAP_CASE(augmented_checker_catches_stale),
	KTAP_CASE(augmented_ops_keep_subtree_max),
	KTAP_CASE(augmented_sorted_inserts),
};

int main(void)
{
	return ktap_run_suite("host-rbtree", rbtree_cases, ARRAY_SIZE(rbtree_cases));
}
