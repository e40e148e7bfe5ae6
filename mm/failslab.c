// SPDX-License-Identifier: GPL-2.0
/*
 * Fault injection for the allocators: failslab (kmalloc, kmem_cache_alloc)
 * and fail_page_alloc (alloc_pages), and the generic should_fail() that
 * decides. See <linux/fault-inject.h> for the rules.
 *
 * The caller filter walks the frame-pointer chain (the kernel is built
 * with -fno-omit-frame-pointer): each frame holds the caller's saved %rbp
 * and, above it, a return address into the caller. A frame must be mapped
 * and lie above the previous one, less than a stack's size away; the walk
 * stops at a zero %rbp (the bottom of every stack) or when those checks
 * fail, so a corrupt chain ends the walk instead of faulting.
 * Locking: each fault_attr's fields are protected by its own lock, taken
 * with interrupts off (allocations happen in interrupt handlers).
 * Linux: lib/fault-inject.c, mm/failslab.c, mm/fail_page_alloc.c
 */
#include <linux/fault-inject.h>
#include <linux/kernel.h>
#include <linux/sched/debug.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <asm/pgtable.h>
#include <asm/thread_info.h>

DECLARE_FAULT_ATTR(failslab);
DECLARE_FAULT_ATTR(fail_page_alloc);

/* Deep enough for any allocation path; bounds a walk on a looped chain. */
#define FAULT_STACK_DEPTH	64

static bool frame_mapped(unsigned long fp)
{
	int level;

	/* Both words of the frame; they may straddle a page boundary. */
	return fp >= PAGE_OFFSET && IS_ALIGNED(fp, sizeof(long)) &&
	       lookup_address(fp, &level) && lookup_address(fp + sizeof(long), &level);
}

/*
 * Is some return address on the current call chain in [start, end)? If
 * so, site[0] is it and site[1] the return address of the frame below
 * (inside the function called from there), or 0.
 */
static bool stack_in_range(unsigned long start, unsigned long end, unsigned long site[2])
{
	unsigned long fp = (unsigned long)__builtin_frame_address(0);
	unsigned long below = 0;

	for (int depth = 0; depth < FAULT_STACK_DEPTH && frame_mapped(fp); depth++) {
		unsigned long *frame = (unsigned long *)fp;
		unsigned long ret = frame[1], next = frame[0];

		if (ret >= start && ret < end) {
			site[0] = ret;
			site[1] = below;
			return true;
		}
		below = ret;
		/* Callers' frames are higher up the same stack, never far. */
		if (next <= fp || next - fp >= THREAD_SIZE)
			break;
		fp = next;
	}
	return false;
}

/* Tell the console about an injected failure (attr->verbose). */
static void fail_dump(struct fault_attr *attr)
{
	pr_notice("FAULT_INJECTION: forcing a failure.\n");
	pr_notice("name %s, nth %lu, interval %lu, times %ld, count %lu\n",
		  attr->name, attr->nth, attr->interval, attr->times, attr->count);
	dump_stack();
}

/**
 * should_fail - decide whether this call is one to fail
 * @attr: failslab, fail_page_alloc, or a test's own attribute
 * @size: bytes asked for (only reported)
 *
 * Costs one load while @attr is disarmed.
 * Return: true if the caller must fail as if out of memory.
 * Linux: should_fail() in lib/fault-inject.c
 */
bool should_fail(struct fault_attr *attr, size_t size)
{
	unsigned long site[2] = { 0, 0 };
	unsigned long flags;
	bool fail = false;

	if (READ_ONCE(attr->times) == 0)
		return false;
	/* Walk outside the lock: it only reads our own stack. */
	if (READ_ONCE(attr->require_end) &&
	    !stack_in_range(READ_ONCE(attr->require_start), READ_ONCE(attr->require_end), site))
		return false;

	spin_lock_irqsave(&attr->lock, flags);
	if (attr->times != 0) {		/* re-check: disarmed meanwhile? */
		attr->count++;
		if (attr->nth)
			fail = attr->count == attr->nth;
		else
			fail = attr->interval <= 1 || attr->count % attr->interval == 0;
		if (fail) {
			attr->failures++;
			attr->fail_site = site[0];
			attr->fail_site_callee = site[1];
			if (attr->times > 0)
				attr->times--;
		}
	}
	spin_unlock_irqrestore(&attr->lock, flags);

	if (fail && attr->verbose)
		fail_dump(attr);
	return fail;
}

static void fault_attr_reset(struct fault_attr *attr)
{
	attr->nth = 0;
	attr->interval = 1;
	attr->times = 0;
	attr->require_start = 0;
	attr->require_end = 0;
	attr->count = 0;
	attr->failures = 0;
	attr->fail_site = 0;
	attr->fail_site_callee = 0;
}

/**
 * fault_attr_arm_nth - fail exactly the @n-th call from now, once
 * @attr: the attribute
 * @n: 1 fails the very next call
 *
 * Any caller filter is removed.
 * Linux: the fail-nth file of Documentation/fault-injection (per task there)
 */
void fault_attr_arm_nth(struct fault_attr *attr, unsigned long n)
{
	unsigned long flags;

	if (WARN_ON(n == 0))
		return;
	spin_lock_irqsave(&attr->lock, flags);
	fault_attr_reset(attr);
	attr->nth = n;
	attr->times = 1;	/* the count passes n only once anyway */
	spin_unlock_irqrestore(&attr->lock, flags);
}

/**
 * fault_attr_arm_range - fail calls made from inside a piece of code
 * @attr: the attribute
 * @start: first byte of the code (e.g. a function's address)
 * @end: one past its last byte (start + size from kallsyms)
 * @times: how many calls to fail at most, -1 for all of them
 *
 * A call fails when a return address on its frame-pointer chain lies in
 * [@start, @end): the function called the allocator directly or through
 * any number of other functions.
 * Linux: require-start/require-end (CONFIG_FAULT_INJECTION_STACKTRACE_FILTER)
 */
void fault_attr_arm_range(struct fault_attr *attr, unsigned long start,
			  unsigned long end, long times)
{
	unsigned long flags;

	if (WARN_ON(start >= end || times == 0))
		return;
	spin_lock_irqsave(&attr->lock, flags);
	fault_attr_reset(attr);
	attr->require_start = start;
	attr->require_end = end;
	attr->times = times;
	spin_unlock_irqrestore(&attr->lock, flags);
}

/**
 * fault_attr_disarm - stop injecting failures
 * @attr: the attribute
 *
 * The failure count is kept for fault_attr_failures().
 */
void fault_attr_disarm(struct fault_attr *attr)
{
	unsigned long flags;

	spin_lock_irqsave(&attr->lock, flags);
	attr->times = 0;
	attr->nth = 0;
	attr->require_start = 0;
	attr->require_end = 0;
	spin_unlock_irqrestore(&attr->lock, flags);
}

/**
 * fault_attr_failures - failures injected since @attr was last armed
 * @attr: the attribute
 * Return: that count.
 */
unsigned long fault_attr_failures(struct fault_attr *attr)
{
	return READ_ONCE(attr->failures);
}

/**
 * __should_failslab - should_failslab() once failslab is armed
 * @s: the cache, or NULL for a kmalloc() too large for any cache
 * @gfp: the allocation's flags
 * Return: true to fail the allocation.
 * Linux: __should_failslab() in mm/failslab.c
 */
bool __should_failslab(struct kmem_cache *s, gfp_t gfp)
{
	return should_fail(&failslab, s ? kmem_cache_size(s) : 0);
}

/**
 * __should_fail_alloc_page - should_fail_alloc_page() once fail_page_alloc is armed
 * @gfp: the allocation's flags
 * @order: the block's order
 * Return: true to fail the allocation.
 * Linux: __should_fail_alloc_page() in mm/fail_page_alloc.c
 */
bool __should_fail_alloc_page(gfp_t gfp, unsigned int order)
{
	return should_fail(&fail_page_alloc, PAGE_SIZE << order);
}
