// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmarks of an uncontended spinlock (kernel/locking/spinlock.c): a
 * lock/unlock pair, and the irqsave/irqrestore pair that also saves,
 * disables and restores interrupts. With CONFIG_DEBUG_SPINLOCK (the
 * default) the figures include the owner checks.
 * Linux: kernel/locking/spinlock.c, spinlock_debug.c
 */
#include <linux/bench.h>
#include <linux/kernel.h>
#include <linux/spinlock.h>

#define LOCK_SAMPLES	1001

static u64 samples[LOCK_SAMPLES];
static DEFINE_SPINLOCK(bench_lock);

static int bench_spin_lock(void)
{
	unsigned long flags;

	bench_report("spin_lock_unlock",
		     bench_time(samples, LOCK_SAMPLES, {
			     spin_lock(&bench_lock);
			     spin_unlock(&bench_lock);
		     }), "cycles");
	bench_report("spin_lock_irqsave_pair",
		     bench_time(samples, LOCK_SAMPLES, {
			     spin_lock_irqsave(&bench_lock, flags);
			     spin_unlock_irqrestore(&bench_lock, flags);
		     }), "cycles");
	return 0;
}
DEFINE_BENCH(spin_lock, bench_spin_lock);
