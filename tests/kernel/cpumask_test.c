// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "cpumask": the for_each_cpu() family of
 * include/linux/cpumask.h visits exactly the CPUs of a set, in order, and
 * each loop is a single statement: it can be the body of an if that has
 * an else.
 * Linux: lib/cpumask_kunit.c
 */
#include <kunit/test.h>
#include <linux/cpumask.h>

/* The CPUs for_each_cpu() visits in @mask, as a bitmap; checks they come in order. */
static unsigned long visited(struct kunit *test, const struct cpumask *mask)
{
	unsigned long seen = 0;
	int cpu, last = -1;

	for_each_cpu(cpu, mask) {
		KUNIT_EXPECT_GT(test, cpu, last);
		last = cpu;
		seen |= 1UL << cpu;
	}
	KUNIT_EXPECT_EQ(test, cpu, NR_CPUS);
	return seen;
}

static void cpumask_test_for_each_cpu(struct kunit *test)
{
	struct cpumask m;

	cpumask_clear(&m);
	KUNIT_EXPECT_EQ(test, visited(test, &m), 0UL);
	cpumask_set_cpu(0, &m);
	KUNIT_EXPECT_EQ(test, visited(test, &m), 1UL);
	cpumask_set_cpu(NR_CPUS - 1, &m);
	cpumask_set_cpu(3, &m);
	KUNIT_EXPECT_EQ(test, visited(test, &m), 1UL | 1UL << 3 | 1UL << (NR_CPUS - 1));
	cpumask_clear_cpu(0, &m);
	KUNIT_EXPECT_EQ(test, visited(test, &m), 1UL << 3 | 1UL << (NR_CPUS - 1));
	KUNIT_EXPECT_EQ(test, visited(test, cpu_all_mask), cpu_all_mask->bits[0]);
	KUNIT_EXPECT_EQ(test, cpumask_weight(cpu_all_mask), (unsigned int)NR_CPUS);
}

static void cpumask_test_next(struct kunit *test)
{
	struct cpumask m;

	cpumask_clear(&m);
	cpumask_set_cpu(2, &m);
	cpumask_set_cpu(5, &m);
	KUNIT_EXPECT_EQ(test, cpumask_next(-1, &m), 2U);
	KUNIT_EXPECT_EQ(test, cpumask_next(2, &m), 5U);
	KUNIT_EXPECT_EQ(test, cpumask_next(5, &m), (unsigned int)NR_CPUS);
	KUNIT_EXPECT_EQ(test, cpumask_next(NR_CPUS - 1, cpu_all_mask), (unsigned int)NR_CPUS);
}

/*
 * for_each_cpu() as the body of an if with an else. Were the macro a
 * `for (...) if (cpu in mask)`, the else would pair with that hidden if
 * (and run once per CPU outside the set), and the loop would never run
 * when the condition is false, nor the else.
 */
static int count_or_else(bool cond, const struct cpumask *mask, int *elses)
{
	int cpu, n = 0;

	*elses = 0;
	if (cond)
		for_each_cpu(cpu, mask)
			n++;
	else
		(*elses)++;
	return n;
}

static void cpumask_test_for_each_cpu_if_else(struct kunit *test)
{
	struct cpumask m;
	int elses;

	cpumask_clear(&m);
	cpumask_set_cpu(1, &m);
	cpumask_set_cpu(4, &m);
	KUNIT_EXPECT_EQ(test, count_or_else(true, &m, &elses), 2);
	KUNIT_EXPECT_EQ(test, elses, 0);
	KUNIT_EXPECT_EQ(test, count_or_else(false, &m, &elses), 0);
	KUNIT_EXPECT_EQ(test, elses, 1);
}

static struct kunit_case cpumask_test_cases[] = {
	KUNIT_CASE(cpumask_test_for_each_cpu),
	KUNIT_CASE(cpumask_test_next),
	KUNIT_CASE(cpumask_test_for_each_cpu_if_else),
	{}
};

static struct kunit_suite cpumask_suite = {
	.name = "cpumask",
	.test_cases = cpumask_test_cases,
};
kunit_test_suite(cpumask_suite);
