// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "time": the tick (jiffies at HZ), the busy-wait delays, the
 * monotonic clock, and that the tick follows the interrupt flag.
 *
 * The reference for every duration is the TSC (through ktime_get_ns()),
 * calibrated against the PIT at boot. Under QEMU's TCG both the TSC and
 * the APIC timer follow the host clock, but the vCPU can be descheduled
 * for a while on a busy host, and QEMU drops periodic timer ticks it was
 * too late to deliver: rates are checked with wide tolerances, stated at
 * each check. Lower bounds of delays are exact (a delay is a minimum).
 * Linux: kernel/time/time_test.c (conversions); the rest is Spindle's
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched/clock.h>
#include <linux/smp.h>
#include <linux/timekeeping.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/time.h>
#include <asm/traps.h>
#include "test_util.h"

/* Spin (interrupts as they are) until @ms of TSC time have passed. */
static void spin_ms(unsigned int ms)
{
	u64 end = ktime_get_ns() + (u64)ms * NSEC_PER_MSEC;

	while (ktime_get_ns() < end)
		cpu_relax();
}

/*
 * The clock counts from the kernel's entry, not from the TSC's 0 (which
 * under KVM is long before reset): sched_clock() is the TSC's count since
 * boot_tsc_at_entry, in nanoseconds. Both are read back to back, so they
 * agree to well under a millisecond; counted from the TSC's 0 instead, the
 * clock would be ahead by all the firmware's time (some 200 ms under TCG).
 */
static void time_test_clock_starts_at_entry(struct kunit *test)
{
	unsigned long flags;
	u64 ns, cycles, since_entry_ns;

	local_irq_save(flags);
	ns = sched_clock();
	cycles = rdtsc() - boot_tsc_at_entry;
	local_irq_restore(flags);
	since_entry_ns = cycles * 1000000 / tsc_khz;
	KUNIT_EXPECT_LE(test, ns, since_entry_ns);
	KUNIT_EXPECT_LT(test, since_entry_ns - ns, NSEC_PER_MSEC);
}

static void time_test_jiffies_rate(struct kunit *test)
{
	const unsigned int ms = 500;
	unsigned long flags, j0, ticks, irqs, expected = ms * HZ / MSEC_PER_SEC;
	int cpu;
	u64 t0, elapsed_ns;

	/* The tick needs interrupts: enable them for the measurement. */
	local_irq_save(flags);
	local_irq_enable();
	cpu = smp_processor_id();
	irqs = vector_counts[cpu][LOCAL_TIMER_VECTOR];
	j0 = jiffies;
	t0 = ktime_get_ns();
	spin_ms(ms);
	ticks = jiffies - j0;
	elapsed_ns = ktime_get_ns() - t0;
	irqs = vector_counts[cpu][LOCAL_TIMER_VECTOR] - irqs;
	local_irq_restore(flags);

	kunit_info(test, "%lu jiffies and %lu timer interrupts in %llu us (expected %lu at HZ=%d)",
		   ticks, irqs, (unsigned long long)(elapsed_ns / 1000), expected, HZ);
	/*
	 * jiffies follow the clock (tick_do_update_jiffies64()), so they are
	 * within two ticks of the time that passed whatever the host does (the
	 * spin may end late on a stall, hence the elapsed time, not @ms; a
	 * tick may fall between reading jiffies and the clock at each end): a
	 * wrong TICK_NSEC or a dead tick is outside.
	 */
	expected = elapsed_ns / TICK_NSEC;
	KUNIT_EXPECT_GE(test, ticks + 2, expected);
	KUNIT_EXPECT_LE(test, ticks, expected + 2);
	/*
	 * The interrupts themselves: at most one per tick (plus one at each
	 * end), so a timer divider too small is caught; a loaded host loses
	 * interrupts, so only a dead timer is below.
	 */
	KUNIT_EXPECT_GE(test, irqs, 1UL);
	KUNIT_EXPECT_LE(test, irqs, expected + 3);
}

static void time_test_delays(struct kunit *test)
{
	u64 t0, t1;

	t0 = ktime_get_ns();
	mdelay(20);
	t1 = ktime_get_ns();
	kunit_info(test, "mdelay(20) took %llu us", (unsigned long long)((t1 - t0) / 1000));
	KUNIT_EXPECT_GE(test, t1 - t0, 20 * NSEC_PER_MSEC);

	t0 = ktime_get_ns();
	udelay(300);
	t1 = ktime_get_ns();
	KUNIT_EXPECT_GE(test, t1 - t0, 300 * NSEC_PER_USEC);

	t0 = ktime_get_ns();
	ndelay(2000);
	t1 = ktime_get_ns();
	KUNIT_EXPECT_GE(test, t1 - t0, 2000);
}

static void time_test_ktime_monotonic(struct kunit *test)
{
	u64 first, prev, now, ms;
	unsigned int backwards = 0;

	first = prev = ktime_get_ns();
	KUNIT_EXPECT_GT(test, first, 0);	/* the TSC is calibrated by now */
	for (int i = 0; i < 10000; i++) {
		now = ktime_get_ns();
		if (now < prev)
			backwards++;
		prev = now;
	}
	KUNIT_EXPECT_EQ(test, backwards, 0);
	KUNIT_EXPECT_GT(test, prev, first);	/* and it does move */

	ms = ktime_get_boot_ms();
	KUNIT_EXPECT_GE(test, ms, prev / NSEC_PER_MSEC);
	KUNIT_EXPECT_LE(test, ms, ktime_get_ns() / NSEC_PER_MSEC);
}

static void time_test_tick_follows_irq_state(struct kunit *test)
{
	unsigned long outer, inner, count, j;

	local_irq_save(outer);

	/* Interrupts off: the APIC timer still counts, but nothing is delivered. */
	local_irq_disable();
	count = READ_ONCE(vector_counts[smp_processor_id()][LOCAL_TIMER_VECTOR]);
	j = jiffies;
	mdelay(50);			/* five tick periods */
	KUNIT_EXPECT_EQ(test, READ_ONCE(vector_counts[smp_processor_id()][LOCAL_TIMER_VECTOR]), count);
	/* Only CPU 0's tick advances jiffies; the others' go on meanwhile. */
	if (smp_processor_id() == 0)
		KUNIT_EXPECT_EQ(test, jiffies, j);

	/* save/restore from "off" stays off. */
	local_irq_save(inner);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	local_irq_restore(inner);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());

	/* Interrupts on: ticks arrive (at least one of the expected five). */
	local_irq_enable();
	count = READ_ONCE(vector_counts[smp_processor_id()][LOCAL_TIMER_VECTOR]);
	j = jiffies;
	mdelay(50);
	KUNIT_EXPECT_GT(test, READ_ONCE(vector_counts[smp_processor_id()][LOCAL_TIMER_VECTOR]), count);
	KUNIT_EXPECT_TRUE(test, time_after(jiffies, j));

	/* save from "on" turns them off; restore turns them back on. */
	local_irq_save(inner);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	KUNIT_EXPECT_FALSE(test, irqs_disabled_flags(inner));
	local_irq_restore(inner);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());

	/* As at the end of any save/restore section: off, then back to how it was. */
	local_irq_disable();
	local_irq_restore(outer);
	KUNIT_EXPECT_EQ(test, irqs_disabled(), irqs_disabled_flags(outer));
}

static void time_test_conversions(struct kunit *test)
{
	unsigned long jiffies_addr, jiffies_64_addr;

	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(0), 0);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(1), 1);		/* rounds up */
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(MSEC_PER_SEC / HZ), 1);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(MSEC_PER_SEC / HZ + 1), 2);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(1000), HZ);
	KUNIT_EXPECT_EQ(test, jiffies_to_msecs(HZ), 1000);
	KUNIT_EXPECT_EQ(test, jiffies_to_msecs(~0UL), ~0U);	/* saturates */
	KUNIT_EXPECT_EQ(test, usecs_to_jiffies(1), 1);
	KUNIT_EXPECT_EQ(test, usecs_to_jiffies(USEC_PER_SEC / HZ), 1);
	KUNIT_EXPECT_EQ(test, usecs_to_jiffies(USEC_PER_SEC / HZ + 1), 2);
	KUNIT_EXPECT_EQ(test, jiffies_to_usecs(1), USEC_PER_SEC / HZ);

	/* Comparisons across the wrap of the counter. */
	KUNIT_EXPECT_TRUE(test, time_after(5UL, ~0UL - 5));
	KUNIT_EXPECT_TRUE(test, time_before(~0UL - 5, 5UL));
	KUNIT_EXPECT_FALSE(test, time_after(~0UL - 5, 5UL));
	KUNIT_EXPECT_TRUE(test, time_after_eq(7UL, 7UL));
	KUNIT_EXPECT_TRUE(test, time_before_eq(7UL, 7UL));
	KUNIT_EXPECT_FALSE(test, time_after(7UL, 7UL));
	KUNIT_EXPECT_TRUE(test, time_in_range(3UL, ~0UL, 10UL));
	/*
	 * jiffies and jiffies_64 are one variable (linker.ld). Compared at run
	 * time: to a compiler two extern objects never share an address, and
	 * clang folds the comparison to false.
	 */
	jiffies_addr = (unsigned long)&jiffies;
	jiffies_64_addr = (unsigned long)&jiffies_64;
	OPTIMIZER_HIDE_VAR(jiffies_addr);
	OPTIMIZER_HIDE_VAR(jiffies_64_addr);
	KUNIT_EXPECT_EQ(test, jiffies_addr, jiffies_64_addr);
}

static struct kunit_case time_test_cases[] = {
	KUNIT_CASE(time_test_conversions),
	KUNIT_CASE(time_test_clock_starts_at_entry),
	KUNIT_CASE(time_test_ktime_monotonic),
	KUNIT_CASE(time_test_delays),
	KUNIT_CASE(time_test_tick_follows_irq_state),
	KUNIT_CASE(time_test_jiffies_rate),
	{}
};

static struct kunit_suite time_test_suite = {
	/* On CPU 0, the do_timer CPU: jiffies and the clock read on one CPU. */
	.suite_init = pin_to_test_cpu,
	.suite_exit = unpin_from_test_cpu,
	.name = "time",
	.test_cases = time_test_cases,
};
kunit_test_suite(time_test_suite);
