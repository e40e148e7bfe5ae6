/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lock validator's types, small enough for every lock to include:
 * the key that names a lock class, the map each lock embeds, and one
 * entry of a task's held-lock stack. The validator itself is
 * kernel/locking/lockdep.c; the API is <linux/lockdep.h>.
 *
 * CONFIG_LOCKDEP (on unless the build says CONFIG_LOCKDEP=0) puts a
 * struct lockdep_map in every lock and the held-lock stack in every task.
 * Linux: include/linux/lockdep_types.h (CONFIG_LOCKDEP, CONFIG_PROVE_LOCKING)
 */
#ifndef _LINUX_LOCKDEP_TYPES_H
#define _LINUX_LOCKDEP_TYPES_H

#include <linux/types.h>

#ifndef CONFIG_LOCKDEP
#define CONFIG_LOCKDEP 1
#endif

/* Subclasses: one lock class used at several nesting levels (rq locks). */
#define MAX_LOCKDEP_SUBCLASSES	8UL
#define SINGLE_DEPTH_NESTING	1

/*
 * What a lock's holder may do while waiting for it, shown in reports as
 * "-{inner:outer}": raw spinlocks spin, spinlock_t would sleep under
 * PREEMPT_RT (LD_WAIT_CONFIG), a mutex sleeps.
 */
enum lockdep_wait_type {
	LD_WAIT_INV = 0,
	LD_WAIT_FREE,
	LD_WAIT_SPIN,
	LD_WAIT_CONFIG,
	LD_WAIT_SLEEP,
	LD_WAIT_MAX,
};

/*
 * A lock class's identity is an address: &key->subkeys[subclass]. The
 * init macros (spin_lock_init(), mutex_init(), init_waitqueue_head())
 * keep a static key per call site, so every lock initialised there is one
 * class; a statically initialised lock (DEFINE_SPINLOCK()) is its own key.
 */
struct lock_class_key {
	char subkeys[MAX_LOCKDEP_SUBCLASSES];
};

struct lock_class;

/* Embedded in each lock: which class it belongs to, and its name. */
struct lockdep_map {
	struct lock_class_key *key;	/* NULL: the map's own address */
	struct lock_class *class_cache;	/* subclass 0's class, once looked up */
	const char *name;
	u8 wait_type_inner;		/* enum lockdep_wait_type */
};

#if CONFIG_LOCKDEP
#define STATIC_LOCKDEP_MAP_INIT(_name, _wait) \
	{ .name = (_name), .wait_type_inner = (_wait) }
#endif

#define MAX_LOCK_DEPTH		48UL

/*
 * One lock on a task's held-lock stack (task_struct->held_locks). The
 * chain key is a hash of the classes held so far in this context, the
 * key to the cache of lock chains already validated.
 */
struct held_lock {
	u64 prev_chain_key;		/* the chain key below this lock */
	unsigned long acquire_ip;	/* where it was taken */
	struct lockdep_map *instance;	/* which lock */
	unsigned int class_idx:13;	/* index in lock_classes[] */
	unsigned int irq_context:2;	/* 1: hardirq, 2: serving a softirq */
	unsigned int trylock:1;		/* a trylock cannot deadlock: no edge to it */
	unsigned int check:1;		/* validate, or only track */
	unsigned int hardirqs_off:1;	/* interrupts were off when taken */
};

#endif /* _LINUX_LOCKDEP_TYPES_H */
