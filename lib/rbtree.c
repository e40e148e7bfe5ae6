// SPDX-License-Identifier: GPL-2.0
/*
 * Red-black tree rebalancing and in-order walks.
 *
 * include/linux/rbtree.h states the three invariants; this file restores
 * them after an insert or an erase, using two tools:
 *
 *   - recolouring a node, which changes black heights below it;
 *   - rotating around a node, which changes the shape but keeps the
 *     in-order (sorted) sequence:
 *
 *           x                          y
 *          / \     rotate_left(x)     / \
 *         a   y    ------------->    x   c
 *            / \   <-------------   / \
 *           b   c  rotate_right(y) a   b
 *
 *     Both read a x b y c in order. Rotations here move nodes but never
 *     change a colour; each case below says which colours it then changes.
 *
 * Empty links (NULL) count as black everywhere. Nothing here allocates or
 * locks; the caller serialises access to the tree.
 *
 * Augmented trees (include/linux/rbtree_augmented.h) run the same code
 * with callbacks: every rotation tells the caller which two nodes moved,
 * and an erase says which path lost a node. The plain functions pass no
 * callbacks; the helpers are inlined into each, so for them the compiler
 * drops every "if (augment)" and they cost what they did before.
 *
 * Linux: lib/rbtree.c
 */
#include <linux/rbtree.h>
#include <linux/rbtree_augmented.h>
#include <linux/stddef.h>
#include <linux/types.h>

static inline bool rb_is_black(const struct rb_node *node)
{
	return !node || (node->__rb_parent_color & RB_BLACK);
}

static inline bool rb_is_red(const struct rb_node *node)
{
	return !rb_is_black(node);
}

static inline void rb_set_black(struct rb_node *node)
{
	node->__rb_parent_color |= RB_BLACK;
}

static inline void rb_set_red(struct rb_node *node)
{
	node->__rb_parent_color &= ~RB_BLACK;
}

/* Copy @from's colour onto @node, keeping @node's parent. */
static inline void rb_copy_color(struct rb_node *node,
				 const struct rb_node *from)
{
	node->__rb_parent_color = (node->__rb_parent_color & ~RB_BLACK) |
				  (from->__rb_parent_color & RB_BLACK);
}

/* Change @node's parent, keeping its colour. */
static inline void rb_set_parent(struct rb_node *node, struct rb_node *parent)
{
	node->__rb_parent_color = (unsigned long)parent |
				  (node->__rb_parent_color & RB_BLACK);
}

/*
 * Make whatever pointed down at @old (its parent's left or right link, or
 * the root) point at @new instead. @new's own parent pointer is the
 * caller's job.
 */
static void rb_change_child(struct rb_node *old, struct rb_node *new,
			    struct rb_node *parent, struct rb_root *root)
{
	if (!parent)
		root->rb_node = new;
	else if (parent->rb_left == old)
		parent->rb_left = new;
	else
		parent->rb_right = new;
}

/*
 * The picture at the top of the file, left to right. @x must have a right
 * child. y now heads the subtree x headed: @augment (if any) gives y x's
 * old value and computes x's again.
 */
static __always_inline void rb_rotate_left(struct rb_node *x, struct rb_root *root,
					   const struct rb_augment_callbacks *augment)
{
	struct rb_node *y = x->rb_right;
	struct rb_node *parent = rb_parent(x);

	x->rb_right = y->rb_left;		/* b moves across */
	if (y->rb_left)
		rb_set_parent(y->rb_left, x);

	rb_set_parent(y, parent);		/* y takes x's place */
	rb_change_child(x, y, parent, root);

	y->rb_left = x;				/* and x goes below it */
	rb_set_parent(x, y);
	if (augment)
		augment->rotate(x, y);
}

/* The picture at the top of the file, right to left. @y must have a left child. */
static __always_inline void rb_rotate_right(struct rb_node *y, struct rb_root *root,
					    const struct rb_augment_callbacks *augment)
{
	struct rb_node *x = y->rb_left;
	struct rb_node *parent = rb_parent(y);

	y->rb_left = x->rb_right;
	if (x->rb_right)
		rb_set_parent(x->rb_right, y);

	rb_set_parent(x, parent);
	rb_change_child(y, x, parent, root);

	x->rb_right = y;
	rb_set_parent(y, x);
	if (augment)
		augment->rotate(y, x);
}

/*
 * Rebalance after rb_link_node() linked the red leaf @node into @root
 * (rb_insert_color() and rb_insert_augmented() below; @augment is NULL for
 * the plain tree).
 *
 * A red leaf keeps every black height (invariant 3) and the root's colour,
 * so the only thing that can be wrong is invariant 2: @node's parent may
 * also be red. The loop below pushes that one "red-red" violation up the
 * tree, or removes it with at most two rotations. At the top of each pass
 * @node is red and everything but the @node/parent pair is valid.
 *
 * The names used (shown for a parent P that is a left child of G; the
 * right-child side is the mirror image, with left and right swapped):
 *
 *          G        G = grandparent: black, since P is red and the tree
 *         / \           was valid before (and G exists, because a red P
 *        P   U          cannot be the root)
 *        |              U = uncle, P's sibling (possibly NULL, i.e. black)
 *        N              N = @node, red, left or right child of P
 *
 * Case 1 - U is red. Recolour: P and U black, G red. Every path through
 *   G still meets exactly one black among {G, P/U}, so black heights are
 *   unchanged and N/P is fixed. But G is now red and its parent may be red
 *   too: continue with N = G, two levels up.
 *
 * Case 2 - U is black and N is an "inner" child (P's right). Rotate left
 *   around P: N moves up to be G's left child, with P as its own left
 *   child. The red-red pair is still there, but now on the outside (a left
 *   child of a left child). Both nodes are red, so no black height
 *   changes. Swap the names (N = old P, P = old N) and go on to case 3.
 *
 * Case 3 - U is black and N is an outer child (P's left). Rotate right
 *   around G, so P takes G's place with N and G as its children, then
 *   colour P black and G red:
 *
 *          G(b)                 P(b)
 *         /   \                /    \
 *       P(r)   U(b)   ->    N(r)    G(r)
 *       /                              \
 *     N(r)                              U(b)
 *
 *   Each path through the subtree still meets one black before the
 *   subtrees of N, P and U, so black heights are kept; no red node has a
 *   red child; the subtree's top is black as before. Done.
 *
 * If the loop ends because N is the root, it may be red (case 1 reached the
 * top): colouring it black adds one to every path's black height alike,
 * which keeps invariant 3 and restores invariant 1.
 *
 * Linux: __rb_insert() in lib/rbtree.c
 */
static __always_inline void __rb_insert(struct rb_node *node, struct rb_root *root,
					const struct rb_augment_callbacks *augment)
{
	struct rb_node *parent, *gparent, *uncle;

	while ((parent = rb_parent(node)) && rb_is_red(parent)) {
		gparent = rb_parent(parent);

		if (parent == gparent->rb_left) {
			uncle = gparent->rb_right;
			if (rb_is_red(uncle)) {			/* case 1 */
				rb_set_black(parent);
				rb_set_black(uncle);
				rb_set_red(gparent);
				node = gparent;
				continue;
			}
			if (node == parent->rb_right) {		/* case 2 */
				rb_rotate_left(parent, root, augment);
				node = parent;
				parent = rb_parent(node);
			}
			rb_rotate_right(gparent, root, augment);	/* case 3 */
			rb_set_black(parent);
			rb_set_red(gparent);
			break;
		} else {
			/* The mirror image: P is G's right child. */
			uncle = gparent->rb_left;
			if (rb_is_red(uncle)) {			/* case 1 */
				rb_set_black(parent);
				rb_set_black(uncle);
				rb_set_red(gparent);
				node = gparent;
				continue;
			}
			if (node == parent->rb_left) {		/* case 2 */
				rb_rotate_right(parent, root, augment);
				node = parent;
				parent = rb_parent(node);
			}
			rb_rotate_left(gparent, root, augment);	/* case 3 */
			rb_set_black(parent);
			rb_set_red(gparent);
			break;
		}
	}

	rb_set_black(root->rb_node);
}

/**
 * rb_insert_color - rebalance a tree after rb_link_node()
 * @node: the red leaf just linked in
 * @root: the tree it was linked into
 *
 * Restores the invariants with recolourings and at most two rotations
 * (the cases are explained above __rb_insert()).
 *
 * Linux: lib/rbtree.c
 */
void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	__rb_insert(node, root, NULL);
}

/**
 * rb_insert_augmented - rebalance an augmented tree after rb_link_node()
 * @node: the leaf just linked in, its own value set and already counted
 *	on the path above it (see include/linux/rbtree_augmented.h)
 * @root: the tree
 * @augment: the tree's callbacks; only rotate() is needed here
 *
 * The same rebalancing as rb_insert_color(); each rotation hands its two
 * nodes to @augment->rotate(), so every subtree's value stays right.
 *
 * Linux: rb_insert_augmented() in include/linux/rbtree_augmented.h
 */
void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment)
{
	__rb_insert(node, root, augment);
}

/*
 * Repair invariant 3 after a black node was unlinked from @parent's side
 * where @node (possibly NULL) now hangs.
 *
 * Every path through @node is one black short compared with the other
 * paths through @parent: think of @node as carrying an extra, "double"
 * black that has to be either placed on a red node or pushed out of the
 * top of the tree. The names (for N a left child of P; the other side is
 * the mirror image):
 *
 *          P            P = @parent, either colour
 *         / \           N = @node, black (a red one is fixed by the caller
 *        N   S              or by the last line here), maybe NULL
 *           / \         S = sibling: not NULL, since the paths through S
 *          C   D            have at least one black more than N's
 *                       C, D = S's inner and outer children
 *
 * Case 1 - S is red (so P, C, D are black). Rotate left around P and swap
 *   the colours of P and S: black heights are unchanged, and N now has a
 *   black sibling (the old C) under a red P. Continue with cases 2-4.
 *
 * Case 2 - S, C and D are all black. Colour S red: paths through S lose a
 *   black too, so the whole subtree under P is now one short. If P is red,
 *   colouring it black pays the debt and we are done; otherwise continue
 *   with N = P, one level up. Reaching the root means every path lost one
 *   black alike, which is fine.
 *
 * Case 3 - S is black, D black, C red. Rotate right around S and swap the
 *   colours of S and C: black heights are unchanged and N's new sibling
 *   (the old C) is black with a red outer child (the old S). That is case 4.
 *   (Case 4 then sets both of these colours again, so an optimised version
 *   can skip them; they are kept so that every step leaves a tree that is
 *   valid apart from the one missing black.)
 *
 * Case 4 - S is black and D is red. Rotate left around P; S takes P's
 *   place and colour, P and D become black:
 *
 *          P(x)                     S(x)
 *         /    \                   /    \
 *       N(b)   S(b)      ->      P(b)    D(b)
 *              /  \             /   \
 *            C     D(r)       N(b)   C
 *
 *   Paths into N gain a black (the new black P), paths into C keep one
 *   (S before, P now), paths into D keep one (S before, D now). The debt
 *   is paid and the colour at the top is unchanged. Done.
 */
static __always_inline void rb_erase_fixup(struct rb_node *node, struct rb_node *parent,
					   struct rb_root *root,
					   const struct rb_augment_callbacks *augment)
{
	struct rb_node *sibling;

	while (node != root->rb_node && rb_is_black(node)) {
		/*
		 * When @node is NULL the test still works: P's other child
		 * is the non-NULL sibling, so N is the left one exactly when
		 * P's left link is NULL too.
		 */
		if (node == parent->rb_left) {
			sibling = parent->rb_right;
			if (rb_is_red(sibling)) {		/* case 1 */
				rb_set_black(sibling);
				rb_set_red(parent);
				rb_rotate_left(parent, root, augment);
				sibling = parent->rb_right;
			}
			if (rb_is_black(sibling->rb_left) &&
			    rb_is_black(sibling->rb_right)) {	/* case 2 */
				rb_set_red(sibling);
				node = parent;
				parent = rb_parent(node);
				continue;
			}
			if (rb_is_black(sibling->rb_right)) {	/* case 3 */
				rb_set_black(sibling->rb_left);
				rb_set_red(sibling);
				rb_rotate_right(sibling, root, augment);
				sibling = parent->rb_right;
			}
			rb_copy_color(sibling, parent);		/* case 4 */
			rb_set_black(parent);
			rb_set_black(sibling->rb_right);
			rb_rotate_left(parent, root, augment);
			node = root->rb_node;
			break;
		} else {
			/* The mirror image: N is P's right child. */
			sibling = parent->rb_left;
			if (rb_is_red(sibling)) {		/* case 1 */
				rb_set_black(sibling);
				rb_set_red(parent);
				rb_rotate_right(parent, root, augment);
				sibling = parent->rb_left;
			}
			if (rb_is_black(sibling->rb_left) &&
			    rb_is_black(sibling->rb_right)) {	/* case 2 */
				rb_set_red(sibling);
				node = parent;
				parent = rb_parent(node);
				continue;
			}
			if (rb_is_black(sibling->rb_left)) {	/* case 3 */
				rb_set_black(sibling->rb_right);
				rb_set_red(sibling);
				rb_rotate_left(sibling, root, augment);
				sibling = parent->rb_left;
			}
			rb_copy_color(sibling, parent);		/* case 4 */
			rb_set_black(parent);
			rb_set_black(sibling->rb_left);
			rb_rotate_right(parent, root, augment);
			node = root->rb_node;
			break;
		}
	}

	/*
	 * Either @node is red and absorbs the extra black (case 2 stopping
	 * at a red parent, or a red child of the removed node), or it is
	 * the root, which must be black anyway.
	 */
	if (node)
		rb_set_black(node);
}

/*
 * Remove @node from @root (rb_erase() and rb_erase_augmented() below;
 * @augment is NULL for the plain tree). First the node is unlinked as
 * from a plain binary search tree:
 *
 *   - with at most one child, that child (or NULL) takes its place;
 *   - with two children, its in-order successor S (the leftmost node of
 *     its right subtree, which has no left child) is unhooked from where
 *     it was, its right child taking its place there, and S then takes
 *     @node's place, links and colour.
 *
 * Either way exactly one position lost a node: @node's in the first case,
 * S's old one in the second (S re-appears with @node's colour, so nothing
 * changes where @node was). If the node lost there was red, no black
 * height changed and we are done. If it was black, the paths through that
 * position are one black short and rb_erase_fixup() repairs them, starting
 * from the child that moved up and its new parent.
 *
 * An augmented tree is told of each step in turn, before the fix-up
 * rotates anything, so that its values are right for every shape the tree
 * passes through: the nodes above the lost position each lost a node below
 * them (propagate() from there), and S, taking @node's place, takes its
 * value too (copy()) before it is recomputed with the rest.
 *
 * Linux: __rb_erase_augmented() (rbtree_augmented.h), ____rb_erase_color()
 */
static __always_inline void __rb_erase(struct rb_node *node, struct rb_root *root,
				       const struct rb_augment_callbacks *augment)
{
	struct rb_node *child, *parent;
	bool removed_black;

	if (!node->rb_left || !node->rb_right) {
		child = node->rb_left ? node->rb_left : node->rb_right;
		parent = rb_parent(node);
		removed_black = rb_is_black(node);

		rb_change_child(node, child, parent, root);
		if (child)
			rb_set_parent(child, parent);
		if (augment)
			augment->propagate(parent, NULL);
	} else {
		struct rb_node *succ = node->rb_right;

		while (succ->rb_left)
			succ = succ->rb_left;

		child = succ->rb_right;
		removed_black = rb_is_black(succ);

		if (succ == node->rb_right) {
			/* S keeps its right subtree; its child stays put. */
			parent = succ;
		} else {
			/* Unhook S, then give it @node's right subtree. */
			parent = rb_parent(succ);
			parent->rb_left = child;
			if (child)
				rb_set_parent(child, parent);

			succ->rb_right = node->rb_right;
			rb_set_parent(node->rb_right, succ);
			/* S's old parent and the nodes up to S lost S. */
			if (augment)
				augment->propagate(parent, succ);
		}

		succ->rb_left = node->rb_left;
		rb_set_parent(node->rb_left, succ);

		/* S takes @node's place, parent and colour in one store. */
		rb_change_child(node, succ, rb_parent(node), root);
		succ->__rb_parent_color = node->__rb_parent_color;
		if (augment) {
			augment->copy(node, succ);
			augment->propagate(succ, NULL);	/* @node is gone from here up */
		}
	}

	if (removed_black)
		rb_erase_fixup(child, parent, root, augment);
}

/**
 * rb_erase - remove a node from a tree
 * @node: the node to remove; it must be in @root
 * @root: the tree
 *
 * The node is unlinked as from a plain search tree, and the invariants are
 * restored with at most three rotations (see __rb_erase() above).
 * @node's own fields are left stale; callers that test RB_EMPTY_NODE()
 * later must RB_CLEAR_NODE() it themselves.
 *
 * Linux: lib/rbtree.c
 */
void rb_erase(struct rb_node *node, struct rb_root *root)
{
	__rb_erase(node, root, NULL);
}

/**
 * rb_erase_augmented - remove a node from an augmented tree
 * @node: the node to remove; it must be in @root
 * @root: the tree
 * @augment: the tree's callbacks
 *
 * As rb_erase(), with every value on the way kept right.
 *
 * Linux: rb_erase_augmented() in include/linux/rbtree_augmented.h
 */
void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment)
{
	__rb_erase(node, root, augment);
}


/**
 * rb_first - the smallest node of a tree
 * @root: the tree
 *
 * Return: the leftmost node, or NULL if the tree is empty. O(log n); use a
 * struct rb_root_cached and rb_first_cached() when this is hot.
 *
 * Linux: lib/rbtree.c
 */
struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *node = root->rb_node;

	if (!node)
		return NULL;
	while (node->rb_left)
		node = node->rb_left;
	return node;
}

/**
 * rb_last - the largest node of a tree
 * @root: the tree
 *
 * Return: the rightmost node, or NULL if the tree is empty.
 *
 * Linux: lib/rbtree.c
 */
struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *node = root->rb_node;

	if (!node)
		return NULL;
	while (node->rb_right)
		node = node->rb_right;
	return node;
}

/**
 * rb_next - the in-order successor of a node
 * @node: a node in a tree
 *
 * If @node has a right subtree, the successor is that subtree's leftmost
 * node. Otherwise it is the first ancestor reached from a left child:
 * climbing out of right children only passes nodes that are smaller.
 *
 * Return: the next larger node, or NULL if @node is the last one (or is
 * not in a tree, per RB_EMPTY_NODE()).
 *
 * Linux: lib/rbtree.c
 */
struct rb_node *rb_next(const struct rb_node *node)
{
	struct rb_node *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;

	if (node->rb_right) {
		node = node->rb_right;
		while (node->rb_left)
			node = node->rb_left;
		return (struct rb_node *)node;
	}

	while ((parent = rb_parent(node)) && node == parent->rb_right)
		node = parent;
	return parent;
}

/**
 * rb_prev - the in-order predecessor of a node
 * @node: a node in a tree
 *
 * The mirror image of rb_next(): the rightmost node of the left subtree,
 * or else the first ancestor reached from a right child.
 *
 * Return: the next smaller node, or NULL if @node is the first one (or is
 * not in a tree).
 *
 * Linux: lib/rbtree.c
 */
struct rb_node *rb_prev(const struct rb_node *node)
{
	struct rb_node *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;

	if (node->rb_left) {
		node = node->rb_left;
		while (node->rb_right)
			node = node->rb_right;
		return (struct rb_node *)node;
	}

	while ((parent = rb_parent(node)) && node == parent->rb_left)
		node = parent;
	return parent;
}
