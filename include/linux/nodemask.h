/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sets of NUMA nodes, and the node states the kernel keeps.
 *
 * node_states[] are written at boot only (arch/x86/mm/numa.c, then
 * mem_init()); afterwards they are read without a lock:
 *   N_POSSIBLE  every node the SRAT names (or node 0),
 *   N_ONLINE    nodes with memory or CPUs (node_online_map),
 *   N_MEMORY    nodes with memory the page allocator manages,
 *   N_CPU       nodes with at least one CPU.
 * A node with CPUs and no memory is online but not in N_MEMORY; its CPUs
 * allocate from the nearest node with memory (numa_mem_id()). A node with
 * memory and no CPUs is in N_MEMORY but not in N_CPU.
 * Linux: include/linux/nodemask.h
 */
#ifndef _LINUX_NODEMASK_H
#define _LINUX_NODEMASK_H

#include <linux/cpumask.h>	/* hweight64() */
#include <linux/numa.h>
#include <linux/types.h>

typedef struct {
	unsigned long bits[1];
} nodemask_t;

_Static_assert(MAX_NUMNODES <= 64, "nodemask_t holds one word");

enum node_states {
	N_POSSIBLE,
	N_ONLINE,
	N_MEMORY,
	N_CPU,
	NR_NODE_STATES
};

extern nodemask_t node_states[NR_NODE_STATES];

#define node_online_map		node_states[N_ONLINE]

/* printk("%*pbl", nodemask_pr_args(&mask)) prints "0-1,3". Linux: nodemask_pr_args() */
#define nodemask_pr_args(maskp)	MAX_NUMNODES, ((maskp)->bits)
#define node_possible_map	node_states[N_POSSIBLE]

static inline void __node_set(int node, nodemask_t *dst) { dst->bits[0] |= 1UL << node; }
static inline void __node_clear(int node, nodemask_t *dst) { dst->bits[0] &= ~(1UL << node); }
static inline bool __node_isset(int node, const nodemask_t *m)
{
	return node >= 0 && node < MAX_NUMNODES && ((m->bits[0] >> node) & 1);
}

#define node_set(node, dst)	__node_set((node), &(dst))
#define node_clear(node, dst)	__node_clear((node), &(dst))
#define node_isset(node, mask)	__node_isset((node), &(mask))
#define nodes_clear(dst)	((dst).bits[0] = 0)
#define nodes_empty(mask)	((mask).bits[0] == 0)
#define nodes_weight(mask)	((int)hweight64((mask).bits[0]))

/* The first node of @m at or after @n, or MAX_NUMNODES. */
static inline int __next_node(int n, const nodemask_t *m)
{
	for (; n < MAX_NUMNODES; n++)
		if ((m->bits[0] >> n) & 1)
			return n;
	return MAX_NUMNODES;
}

#define first_node(mask)	__next_node(0, &(mask))
#define next_node(n, mask)	__next_node((n) + 1, &(mask))
#define for_each_node_mask(node, mask)					\
	for ((node) = first_node(mask); (node) < MAX_NUMNODES;		\
	     (node) = next_node((node), (mask)))

static inline bool node_state(int node, enum node_states state)
{
	return node_isset(node, node_states[state]);
}

static inline void node_set_state(int node, enum node_states state)
{
	node_set(node, node_states[state]);
}

static inline void node_clear_state(int node, enum node_states state)
{
	node_clear(node, node_states[state]);
}

static inline int num_node_state(enum node_states state)
{
	return nodes_weight(node_states[state]);
}

#define for_each_node_state(node, state) for_each_node_mask((node), node_states[state])
#define for_each_online_node(node)	for_each_node_state((node), N_ONLINE)
#define for_each_node(node)		for_each_node_state((node), N_POSSIBLE)

#define node_online(node)	node_state((node), N_ONLINE)
#define num_online_nodes()	num_node_state(N_ONLINE)
#define node_set_online(node)	node_set_state((node), N_ONLINE)

#endif /* _LINUX_NODEMASK_H */
