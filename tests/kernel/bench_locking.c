// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmarks of an uncontended spinlock (kernel/locking/spinlock.c): a
 * lock/unlock pair, and the irqsave/irqrestore pair that also saves,
 * disables and restores interrupts. With CONFIG_DEBUG_SPINLOCK (the
 * default) the figures include the owner checks, and with CONFIG_LOCKDEP
 * (the default) the lock validator's hooks. The lock pair (A, then B
 * inside it) is what the validator costs most for: two held locks, a
 * cached chain to look up on each acquire; it is timed with the
 * validator on, and under lockdep_off() (the hooks return at once).
 * `make bench CONFIG_LOCKDEP=0` times them without any validator code.
 * Linux: kernel/locking/spinlock.c, spinlock_debug.c
 */
#include <linux/bench.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/spinlock.h>

#define LOCK_SAMPLES	1001

static u64 samples[LOCK_SAMPLES];
/* Each lock rule: only these benchmarks take them; bench_lock_b inside bench_lock. */
static DEFINE_SPINLOCK(bench_lock);
static DEFINE_SPINLOCK(bench_lock_b);

static u64 bench_lock_pair(void)
{
	return bench_time(samples, LOCK_SAMPLES, {
		spin_lock(&bench_lock);
		spin_lock(&bench_lock_b);
		spin_unlock(&bench_lock_b);
		spin_unlock(&bench_lock);
	});
}

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
	bench_report("spin_lock_pair", bench_lock_pair(), "cycles");
	lockdep_off();
	bench_report("spin_lock_pair_lockdep_off", bench_lock_pair(), "cycles");
	lockdep_on();
	return 0;
}
DEFINE_BENCH(spin_lock, bench_spin_lock);
