/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What lockdep.c and lockdep_proc.c share: the lock class, the graph's
 * edges and the cached lock chains, and the tables that hold them.
 * Everything is in fixed tables (no allocation: the allocator's own locks
 * are validated too). Entries are only ever added, under the graph lock;
 * a reader that sees a count sees the entries below it.
 * Linux: kernel/locking/lockdep_internals.h, include/linux/lockdep.h
 */
#ifndef _KERNEL_LOCKING_LOCKDEP_INTERNALS_H
#define _KERNEL_LOCKING_LOCKDEP_INTERNALS_H

#include <linux/list.h>
#include <linux/lockdep.h>

enum lock_usage_bit {
#define LOCKDEP_STATE(__STATE)		\
	LOCK_USED_IN_##__STATE,		\
	LOCK_USED_IN_##__STATE##_READ,	\
	LOCK_ENABLED_##__STATE,		\
	LOCK_ENABLED_##__STATE##_READ,
#include "lockdep_states.h"
#undef LOCKDEP_STATE
	LOCK_USED,
	LOCK_USED_READ,
	LOCK_USAGE_STATES,
};

/* From LOCK_USED_IN_X to LOCK_ENABLED_X, and the read variant. */
#define LOCK_USAGE_READ_MASK	1
#define LOCK_USAGE_DIR_MASK	2
#define LOCK_USAGE_STATE_MASK	(~(LOCK_USAGE_READ_MASK | LOCK_USAGE_DIR_MASK))

/* "{+.+.}": two letters per state, and the braces. */
#define LOCK_USAGE_CHARS	(2 * (LOCK_USED / 4) + 1)

#define MAX_LOCKDEP_KEYS	1024UL
#define MAX_LOCKDEP_ENTRIES	8192UL
#define MAX_LOCKDEP_CHAINS	8192UL
#define MAX_LOCKDEP_CHAIN_HLOCKS (MAX_LOCKDEP_CHAINS * 5)
#define MAX_STACK_TRACE_ENTRIES	65536UL

/*
 * A lock class: every lock initialised at one call site (or one static
 * lock), at one subclass. locks_after lists the classes taken while this
 * one was held (the graph's edges out), locks_before the reverse.
 */
struct lock_class {
	struct lock_class *hash_next;		/* classhash_table[] bucket */
	const struct lock_class_key *key;	/* &key->subkeys[subclass] */
	const char *name;
	int name_version;			/* printed "#2" when names repeat */
	unsigned int subclass;
	unsigned int usage_mask;		/* 1 << enum lock_usage_bit */
	const struct lock_trace *usage_traces[LOCK_USAGE_STATES];
	struct list_head locks_after, locks_before;
	u8 wait_type_inner;
	unsigned int dep_gen_id;		/* last BFS that visited it */
};

/* A saved backtrace, in stack_trace[]. */
struct lock_trace {
	unsigned int nr_entries;
	unsigned long entries[];
};

/*
 * One edge of the graph, in class->locks_after (to @class) or
 * class->locks_before (from @class). @trace is where it was first seen;
 * @distance is 1 for a lock taken right after the other. @parent is the
 * breadth-first search's way back, for printing the path it found.
 */
struct lock_list {
	struct list_head entry;
	struct lock_class *class;
	struct lock_class *links_to;
	const struct lock_trace *trace;
	u16 distance;
	struct lock_list *parent;
};

/*
 * A sequence of classes held at once in one context, already validated:
 * the next task that takes the same sequence skips the graph entirely.
 */
struct lock_chain {
	struct lock_chain *hash_next;		/* chainhash_table[] bucket */
	u64 chain_key;
	unsigned int irq_context:2, depth:6, base:24;	/* chain_hlocks[base..] */
};

extern struct lock_class lock_classes[MAX_LOCKDEP_KEYS];
extern unsigned long nr_lock_classes;
extern struct lock_chain lock_chains[MAX_LOCKDEP_CHAINS];
extern unsigned long nr_lock_chains;
extern unsigned long nr_list_entries;
extern unsigned long nr_stack_trace_entries;
extern u16 chain_hlocks[MAX_LOCKDEP_CHAIN_HLOCKS];

int sprint_lock_name(char *buf, size_t size, struct lock_class *class);
void get_usage_chars(struct lock_class *class, char usage[LOCK_USAGE_CHARS]);
unsigned long lockdep_count_forward_deps(struct lock_class *class);
unsigned long lockdep_count_backward_deps(struct lock_class *class);
unsigned long lockdep_nr_direct_deps(void);

#endif /* _KERNEL_LOCKING_LOCKDEP_INTERNALS_H */
