/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fault injection: make chosen allocations fail on purpose, to test the
 * error paths that real memory shortage almost never reaches.
 *
 * A struct fault_attr decides, call by call, whether to fail. It is
 * disarmed (times == 0) until a test arms it; then each call that passes
 * the caller filter is counted, and the call fails when
 *   - nth != 0: it is the nth counted call since arming (once), or
 *   - nth == 0: the count is a multiple of interval (1: every call),
 * as long as failures remain (times, -1 for no limit).
 * The caller filter: with require_end != 0, only calls with a return
 * address in [require_start, require_end) somewhere on the frame-pointer
 * chain count, i.e. calls made (directly or not) from that function; the
 * site of the last failure is kept (fail_site) for a test to report.
 *
 * failslab is consulted by kmalloc()/kmem_cache_alloc(), fail_page_alloc
 * by alloc_pages(). Nothing is printed unless verbose is set.
 * Locking: each attribute has its own spinlock (callers may be in IRQs).
 * Linux: include/linux/fault-inject.h, lib/fault-inject.c,
 * Documentation/fault-injection/fault-injection.rst
 */
#ifndef _LINUX_FAULT_INJECT_H
#define _LINUX_FAULT_INJECT_H

#include <linux/spinlock.h>
#include <linux/types.h>

struct fault_attr {
	const char *name;
	unsigned long nth;		/* fail the nth counted call (1-based), once */
	unsigned long interval;		/* without nth: fail every interval-th */
	long times;			/* failures left; -1 unlimited; 0 disarmed */
	unsigned long require_start;	/* caller filter: [start, end) of code */
	unsigned long require_end;	/* 0: no filter */
	bool verbose;			/* print each injected failure */
	unsigned long count;		/* counted calls since arming */
	unsigned long failures;		/* failures injected since arming */
	/*
	 * Where the last injected failure came from, with a caller filter:
	 * the return address found in [require_start, require_end) and the
	 * one just below it (in the function called from there), 0 if none.
	 */
	unsigned long fail_site;
	unsigned long fail_site_callee;
	/* Guards every field above; irqs off (allocations happen in IRQs). */
	spinlock_t lock;
};

#define FAULT_ATTR_INITIALIZER(attr_name) {				\
	.name = #attr_name, .interval = 1, .times = 0,			\
	.lock = __SPIN_LOCK_UNLOCKED(attr_name.lock) }

#define DECLARE_FAULT_ATTR(attr_name) \
	struct fault_attr attr_name = FAULT_ATTR_INITIALIZER(attr_name)

extern struct fault_attr failslab;
extern struct fault_attr fail_page_alloc;

bool should_fail(struct fault_attr *attr, size_t size);
void fault_attr_arm_nth(struct fault_attr *attr, unsigned long n);
void fault_attr_arm_range(struct fault_attr *attr, unsigned long start,
			  unsigned long end, long times);
void fault_attr_disarm(struct fault_attr *attr);
unsigned long fault_attr_failures(struct fault_attr *attr);

struct kmem_cache;
bool __should_failslab(struct kmem_cache *s, gfp_t gfp);
bool __should_fail_alloc_page(gfp_t gfp, unsigned int order);

/*
 * The allocators ask these on every allocation, and almost always the
 * attribute is disarmed: then the answer is one load and a branch, here
 * in the caller, with no call at all (Linux gets the same from a static
 * key). Only an armed attribute goes to should_fail() in mm/failslab.c.
 */

/**
 * should_failslab - the slab allocator's question to failslab
 * @s: the cache, or NULL for a kmalloc() too large for any cache
 * @gfp: the allocation's flags
 * Return: true to fail the allocation.
 * Linux: should_failslab() in mm/slab_common.c
 */
static inline bool should_failslab(struct kmem_cache *s, gfp_t gfp)
{
	return unlikely(READ_ONCE(failslab.times)) && __should_failslab(s, gfp);
}

/**
 * should_fail_alloc_page - the page allocator's question to fail_page_alloc
 * @gfp: the allocation's flags
 * @order: the block's order
 * Return: true to fail the allocation.
 * Linux: should_fail_alloc_page() in mm/page_alloc.c
 */
static inline bool should_fail_alloc_page(gfp_t gfp, unsigned int order)
{
	return unlikely(READ_ONCE(fail_page_alloc.times)) &&
	       __should_fail_alloc_page(gfp, order);
}

#endif /* _LINUX_FAULT_INJECT_H */
