/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Augmented red-black trees: each node also carries a value computed from
 * its whole subtree (the largest free block below it, say), kept right by
 * the tree code as it inserts, erases and rotates.
 *
 * Why this is cheap: a rotation moves only two nodes, and the set of
 * nodes below the pair's top is the same before and after. So the node
 * that comes out on top takes over the old top's value unchanged, and only
 * the one that went down is computed again, from its (unchanged) children.
 * Inserting or erasing changes the subtrees of the nodes on one path up to
 * the root, so those are recomputed, bottom up, and the walk stops at the
 * first node whose value comes out the same (everything above it then is
 * the same too).
 *
 * The caller says how through three callbacks:
 *   propagate(node, stop)  recompute from @node up to, not including,
 *                          @stop (NULL: up to the root), stopping early
 *                          at the first value that did not change;
 *   copy(old, new)         @new takes @old's place: give it @old's value;
 *   rotate(old, new)       @new was rotated above @old: @new takes @old's
 *                          value, @old is recomputed.
 * RB_DECLARE_CALLBACKS_MAX() writes all three for the usual case, "the
 * largest of some per-node figure over the subtree".
 *
 * Inserting: link the new node with rb_link_node() and give it its own
 * value (a leaf's subtree is itself), call propagate() from its parent so
 * the path above counts it, then rb_insert_augmented() rebalances, keeping
 * the values right through its rotations.
 *
 * Linux: include/linux/rbtree_augmented.h
 */
#ifndef _LINUX_RBTREE_AUGMENTED_H
#define _LINUX_RBTREE_AUGMENTED_H

#include <linux/rbtree.h>

struct rb_augment_callbacks {
	void (*propagate)(struct rb_node *node, struct rb_node *stop);
	void (*copy)(struct rb_node *old, struct rb_node *new);
	void (*rotate)(struct rb_node *old, struct rb_node *new);
};

void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment);
void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment);

/*
 * RB_DECLARE_CALLBACKS_MAX - the callbacks for "largest over the subtree"
 * @RBSTATIC: storage class of the callbacks structure (static, or empty)
 * @RBNAME: name of the struct rb_augment_callbacks to define
 * @RBSTRUCT: the type that embeds the node
 * @RBFIELD: the struct rb_node member of @RBSTRUCT
 * @RBTYPE: the type of the augmented value
 * @RBAUGMENTED: the member of @RBSTRUCT that holds it
 * @RBCOMPUTE: a function of one (RBSTRUCT *) giving the node's own figure
 *
 * RBNAME##_compute_max(node, exit) sets @node's value to the largest of
 * its own figure and its children's values; with @exit it returns true,
 * changing nothing, when that is what the node holds already (the
 * propagation may stop there).
 *
 * Linux: include/linux/rbtree_augmented.h
 */
#define RB_DECLARE_CALLBACKS_MAX(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD,		\
				 RBTYPE, RBAUGMENTED, RBCOMPUTE)		\
static inline bool RBNAME ## _compute_max(RBSTRUCT *node, bool exit)		\
{										\
	RBTYPE max = RBCOMPUTE(node);						\
	RBSTRUCT *child;							\
										\
	if (node->RBFIELD.rb_left) {						\
		child = rb_entry(node->RBFIELD.rb_left, RBSTRUCT, RBFIELD);	\
		if (child->RBAUGMENTED > max)					\
			max = child->RBAUGMENTED;				\
	}									\
	if (node->RBFIELD.rb_right) {						\
		child = rb_entry(node->RBFIELD.rb_right, RBSTRUCT, RBFIELD);	\
		if (child->RBAUGMENTED > max)					\
			max = child->RBAUGMENTED;				\
	}									\
	if (exit && node->RBAUGMENTED == max)					\
		return true;							\
	node->RBAUGMENTED = max;						\
	return false;								\
}										\
static void RBNAME ## _propagate(struct rb_node *rb, struct rb_node *stop)	\
{										\
	for (; rb != stop; rb = rb_parent(rb))					\
		if (RBNAME ## _compute_max(rb_entry(rb, RBSTRUCT, RBFIELD), true)) \
			break;							\
}										\
static void RBNAME ## _copy(struct rb_node *rb_old, struct rb_node *rb_new)	\
{										\
	rb_entry(rb_new, RBSTRUCT, RBFIELD)->RBAUGMENTED =			\
		rb_entry(rb_old, RBSTRUCT, RBFIELD)->RBAUGMENTED;		\
}										\
static void RBNAME ## _rotate(struct rb_node *rb_old, struct rb_node *rb_new)	\
{										\
	RBNAME ## _copy(rb_old, rb_new);					\
	RBNAME ## _compute_max(rb_entry(rb_old, RBSTRUCT, RBFIELD), false);	\
}										\
RBSTATIC const struct rb_augment_callbacks RBNAME = {				\
	.propagate = RBNAME ## _propagate,					\
	.copy = RBNAME ## _copy,						\
	.rotate = RBNAME ## _rotate,						\
}

#endif /* _LINUX_RBTREE_AUGMENTED_H */
