/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU sets as bitmaps of NR_CPUS bits.
 * Linux: include/linux/cpumask.h
 */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/types.h>
#include <asm/percpu.h>

typedef struct cpumask {
	unsigned long bits[1];
} cpumask_t;

_Static_assert(NR_CPUS <= 64, "cpumask_t holds one word");

extern const struct cpumask __cpu_all_mask;
extern struct cpumask __cpu_online_mask;
#define cpu_all_mask	(&__cpu_all_mask)
#define cpu_possible_mask (&__cpu_all_mask)
#define cpu_online_mask	(&__cpu_online_mask)

static inline void cpumask_clear(struct cpumask *m) { m->bits[0] = 0; }
static inline void cpumask_set_cpu(int cpu, struct cpumask *m) { m->bits[0] |= 1UL << cpu; }
static inline void cpumask_clear_cpu(int cpu, struct cpumask *m) { m->bits[0] &= ~(1UL << cpu); }
static inline bool cpumask_test_cpu(int cpu, const struct cpumask *m) { return (m->bits[0] >> cpu) & 1; }
static inline void cpumask_copy(struct cpumask *d, const struct cpumask *s) { d->bits[0] = s->bits[0]; }
/* Bits set in @w (no libgcc in a freestanding kernel: done by hand). Linux: hweight64() */
static inline unsigned int hweight64(u64 w)
{
	w = w - ((w >> 1) & 0x5555555555555555ULL);
	w = (w & 0x3333333333333333ULL) + ((w >> 2) & 0x3333333333333333ULL);
	w = (w + (w >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (w * 0x0101010101010101ULL) >> 56;
}

static inline unsigned int cpumask_weight(const struct cpumask *m) { return hweight64(m->bits[0]); }
static inline bool cpumask_empty(const struct cpumask *m) { return m->bits[0] == 0; }
static inline bool cpumask_equal(const struct cpumask *a, const struct cpumask *b) { return a->bits[0] == b->bits[0]; }
static inline bool cpumask_intersects(const struct cpumask *a, const struct cpumask *b) { return (a->bits[0] & b->bits[0]) != 0; }
static inline int cpumask_first(const struct cpumask *m) { return m->bits[0] ? __builtin_ctzl(m->bits[0]) : NR_CPUS; }

/* The set holding only @cpu. */
const struct cpumask *cpumask_of(int cpu);

/**
 * cpumask_next - the next CPU in a set
 * @n: the CPU to start after; -1 to start at CPU 0
 * @srcp: the set
 *
 * Return: the lowest CPU above @n in @srcp, or NR_CPUS if there is none.
 */
static inline unsigned int cpumask_next(int n, const struct cpumask *srcp)
{
	unsigned int next = n + 1, cpu;
	unsigned long rest;

	if (next >= NR_CPUS)
		return NR_CPUS;
	rest = srcp->bits[0] >> next;
	cpu = rest ? next + __builtin_ctzl(rest) : NR_CPUS;
	return cpu < NR_CPUS ? cpu : NR_CPUS;
}

/*
 * The whole loop is one for statement with no if inside, so that it may
 * be the body of an if with an else: `if (x) for_each_cpu(...) f(); else
 * g();` pairs the else with the if, as it reads.
 */
#define for_each_cpu(cpu, mask) \
	for ((cpu) = -1; (cpu) = cpumask_next((cpu), (mask)), (cpu) < NR_CPUS;)
#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++)
#define for_each_online_cpu(cpu) for_each_cpu(cpu, cpu_online_mask)

static inline unsigned int num_online_cpus(void) { return cpumask_weight(cpu_online_mask); }
static inline bool cpu_online(int cpu) { return cpumask_test_cpu(cpu, cpu_online_mask); }
static inline bool cpu_possible(int cpu) { return cpu >= 0 && cpu < NR_CPUS; }

#endif /* _LINUX_CPUMASK_H */
