/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Red-black trees: balanced binary search trees whose nodes are embedded in
 * the caller's structures, like list_head.
 *
 * The tree knows nothing about keys. A caller inserts by walking down from
 * the root with its own comparison, stopping at an empty link, then calls
 * rb_link_node() to hang the new node there and rb_insert_color() to
 * rebalance. rb_add()/rb_add_cached() and rb_find() wrap that walk for
 * callers happy to pass a comparison function. Nothing here allocates and
 * nothing locks: the structure that owns the root also owns the lock.
 *
 * Every node is red or black, and the tree keeps these invariants:
 *   1. the root is black;
 *   2. a red node has no red child;
 *   3. every path from a node down to an empty (NULL) link passes through
 *      the same number of black nodes (its "black height").
 * Together they bound the longest path to twice the shortest, so the
 * height is at most 2 * log2(n + 1) and every operation is O(log n).
 *
 * The colour lives in bit 0 of the parent pointer (nodes are at least
 * long-aligned, so the low bits of their addresses are always zero).
 * Bit 0 clear is red, set is black.
 *
 * Linux: include/linux/rbtree.h, include/linux/rbtree_types.h
 */
#ifndef _LINUX_RBTREE_H
#define _LINUX_RBTREE_H

#include <linux/compiler.h>
#include <linux/stddef.h>
#include <linux/types.h>

struct rb_node {
	unsigned long __rb_parent_color;	/* parent pointer | colour bit */
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __aligned(sizeof(long));

struct rb_root {
	struct rb_node *rb_node;
};

/*
 * A root that also remembers its leftmost (smallest) node, so that the
 * scheduler's "pick the task with the least key" is O(1) instead of a walk
 * down the left spine. Use the _cached functions on it so the cache is
 * kept up to date.
 */
struct rb_root_cached {
	struct rb_root rb_root;
	struct rb_node *rb_leftmost;
};

#define RB_RED		0UL
#define RB_BLACK	1UL

#define RB_ROOT		(struct rb_root) { NULL, }
#define RB_ROOT_CACHED	(struct rb_root_cached) { { NULL, }, NULL }

/* rb_parent - the parent of @r, with the colour bit masked off (NULL at the root). */
#define rb_parent(r)	((struct rb_node *)((r)->__rb_parent_color & ~3UL))

/* rb_entry - the structure of type @type that embeds @ptr as @member. */
#define rb_entry(ptr, type, member) container_of(ptr, type, member)

/* rb_entry_safe - like rb_entry() but maps a NULL node to NULL. */
#define rb_entry_safe(ptr, type, member) ({				\
	__typeof__(ptr) ____ptr = (ptr);				\
	____ptr ? rb_entry(____ptr, type, member) : NULL;		\
})

#define RB_EMPTY_ROOT(root)	(READ_ONCE((root)->rb_node) == NULL)

/*
 * A node that is in no tree points at itself as its parent: no node in a
 * tree can be its own parent, so the value is unambiguous. RB_CLEAR_NODE()
 * marks a node that way and RB_EMPTY_NODE() tests for it, which lets a
 * caller ask "is this entity queued?" without a separate flag.
 */
#define RB_EMPTY_NODE(node)	\
	((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node)	\
	((node)->__rb_parent_color = (unsigned long)(node))

void rb_insert_color(struct rb_node *node, struct rb_root *root);
void rb_erase(struct rb_node *node, struct rb_root *root);

struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);

/**
 * rb_link_node - hang a new node on an empty link found by a search
 * @node: the node to insert; its old contents are ignored
 * @parent: the node whose child link @rb_link is (NULL for an empty tree)
 * @rb_link: the empty link: &parent->rb_left, &parent->rb_right or
 *           &root->rb_node
 *
 * The node goes in red with no children: a red leaf leaves every black
 * height unchanged, so at most invariant 2 can break, and rb_insert_color()
 * (which must be called next) repairs that.
 *
 * Linux: include/linux/rbtree.h
 */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **rb_link)
{
	node->__rb_parent_color = (unsigned long)parent;	/* red */
	node->rb_left = NULL;
	node->rb_right = NULL;
	*rb_link = node;
}

/* rb_first_cached - the leftmost node of a cached tree, in O(1). */
#define rb_first_cached(root)	((root)->rb_leftmost)

/**
 * rb_insert_color_cached - rebalance after rb_link_node() on a cached tree
 * @node: the node just linked
 * @root: the cached tree
 * @leftmost: true if the search that found the link only ever went left,
 *            i.e. @node is now the smallest node
 *
 * The caller knows whether it went only left during its search, so the
 * cache is updated without a walk.
 *
 * Linux: include/linux/rbtree.h
 */
static inline void rb_insert_color_cached(struct rb_node *node,
					  struct rb_root_cached *root,
					  bool leftmost)
{
	if (leftmost)
		root->rb_leftmost = node;
	rb_insert_color(node, &root->rb_root);
}

/**
 * rb_erase_cached - remove a node from a cached tree
 * @node: the node to remove; it must be in @root
 * @root: the cached tree
 *
 * If @node was the leftmost, its in-order successor becomes the leftmost.
 * That is found before erasing, while @node's links are still valid.
 *
 * Return: the new leftmost node if it changed (NULL if the tree became
 * empty or the leftmost did not change).
 *
 * Linux: include/linux/rbtree.h
 */
static inline struct rb_node *rb_erase_cached(struct rb_node *node,
					      struct rb_root_cached *root)
{
	struct rb_node *leftmost = NULL;

	if (root->rb_leftmost == node)
		leftmost = root->rb_leftmost = rb_next(node);
	rb_erase(node, &root->rb_root);
	return leftmost;
}

/**
 * rb_add_cached - insert a node into a cached tree, ordered by @less
 * @node: the node to insert
 * @tree: the cached tree
 * @less: true if its first argument sorts before its second
 *
 * A node equal to existing ones goes after them (the search goes right on
 * "not less"), so equal keys come out of the tree in insertion order: FIFO
 * among tasks with the same virtual runtime.
 *
 * Return: @node if it became the leftmost node, NULL otherwise.
 *
 * Linux: include/linux/rbtree.h
 */
static __always_inline struct rb_node *
rb_add_cached(struct rb_node *node, struct rb_root_cached *tree,
	      bool (*less)(struct rb_node *, const struct rb_node *))
{
	struct rb_node **link = &tree->rb_root.rb_node;
	struct rb_node *parent = NULL;
	bool leftmost = true;

	while (*link) {
		parent = *link;
		if (less(node, parent)) {
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
			leftmost = false;
		}
	}

	rb_link_node(node, parent, link);
	rb_insert_color_cached(node, tree, leftmost);
	return leftmost ? node : NULL;
}

/**
 * rb_add - insert a node into a tree, ordered by @less
 * @node: the node to insert
 * @tree: the tree
 * @less: true if its first argument sorts before its second
 *
 * Equal nodes keep insertion order, as with rb_add_cached().
 *
 * Linux: include/linux/rbtree.h
 */
static __always_inline void
rb_add(struct rb_node *node, struct rb_root *tree,
       bool (*less)(struct rb_node *, const struct rb_node *))
{
	struct rb_node **link = &tree->rb_node;
	struct rb_node *parent = NULL;

	while (*link) {
		parent = *link;
		if (less(node, parent))
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}

	rb_link_node(node, parent, link);
	rb_insert_color(node, tree);
}

/**
 * rb_find - look a key up in a tree
 * @key: the key to find, passed through to @cmp
 * @tree: the tree to search
 * @cmp: negative if @key sorts before the node, positive if after, 0 if equal
 *
 * Return: a node equal to @key, or NULL. With duplicate keys it is any one
 * of them, not necessarily the first.
 *
 * Linux: include/linux/rbtree.h
 */
static __always_inline struct rb_node *
rb_find(const void *key, const struct rb_root *tree,
	int (*cmp)(const void *key, const struct rb_node *))
{
	struct rb_node *node = tree->rb_node;

	while (node) {
		int c = cmp(key, node);

		if (c < 0)
			node = node->rb_left;
		else if (c > 0)
			node = node->rb_right;
		else
			return node;
	}
	return NULL;
}

#endif /* _LINUX_RBTREE_H */
