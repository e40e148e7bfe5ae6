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

/*
 * The CPU sets the kernel keeps (kernel/cpu.c), each a subset of the one
 * before: possible (could ever run: the MADT's CPUs, at most NR_CPUS),
 * present (here now), online (running and taking work). Only the CPU
 * coming up or going down changes its own online bit, with interrupts
 * off; readers test bits without a lock and must expect a change a
 * moment later unless they hold what stops hotplug.
 * Linux: include/linux/cpumask.h, kernel/cpu.c
 */
extern const struct cpumask __cpu_all_mask;
extern struct cpumask __cpu_possible_mask;
extern struct cpumask __cpu_present_mask;
extern struct cpumask __cpu_online_mask;
/* Online CPUs the scheduler may place tasks on: not one going down. */
extern struct cpumask __cpu_active_mask;
#define cpu_all_mask	(&__cpu_all_mask)
#define cpu_possible_mask (&__cpu_possible_mask)
#define cpu_present_mask (&__cpu_present_mask)
#define cpu_online_mask	(&__cpu_online_mask)
#define cpu_active_mask	(&__cpu_active_mask)

/* The bitmap of @maskp, e.g. for printk's %*pbl. Linux: cpumask_bits() */
#define cpumask_bits(maskp)	((maskp)->bits)
/* printk("%*pbl", cpumask_pr_args(mask)) prints "0-2,5". Linux: cpumask_pr_args() */
#define cpumask_pr_args(maskp)	NR_CPUS, cpumask_bits(maskp)

static inline void cpumask_clear(struct cpumask *m) { m->bits[0] = 0; }
/* Atomic (lock or/and): CPUs may set and clear bits of one mask at once. */
static inline void cpumask_set_cpu(int cpu, struct cpumask *m)
{
	__asm__ __volatile__("lock orq %1, %0" : "+m"(m->bits[0]) : "r"(1UL << cpu) : "memory");
}

static inline void cpumask_clear_cpu(int cpu, struct cpumask *m)
{
	__asm__ __volatile__("lock andq %1, %0" : "+m"(m->bits[0]) : "r"(~(1UL << cpu)) : "memory");
}
static inline bool cpumask_test_cpu(int cpu, const struct cpumask *m) { return (READ_ONCE(m->bits[0]) >> cpu) & 1; }
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
static inline bool cpumask_subset(const struct cpumask *a, const struct cpumask *b) { return (a->bits[0] & ~b->bits[0]) == 0; }
static inline void cpumask_and(struct cpumask *d, const struct cpumask *a, const struct cpumask *b) { d->bits[0] = a->bits[0] & b->bits[0]; }
static inline void cpumask_andnot(struct cpumask *d, const struct cpumask *a, const struct cpumask *b) { d->bits[0] = a->bits[0] & ~b->bits[0]; }
static inline void cpumask_setall(struct cpumask *m) { m->bits[0] = cpu_all_mask->bits[0]; }
/* The lowest CPU in both sets, or NR_CPUS. Linux: cpumask_first_and() */
static inline int cpumask_first_and(const struct cpumask *a, const struct cpumask *b)
{
	unsigned long w = a->bits[0] & b->bits[0];

	return w ? __builtin_ctzl(w) : NR_CPUS;
}
/* Any CPU in both sets, or NR_CPUS. Linux: cpumask_any_and() */
#define cpumask_any_and(a, b)	cpumask_first_and((a), (b))
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
	rest = READ_ONCE(srcp->bits[0]) >> next;
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
#define for_each_possible_cpu(cpu) for_each_cpu(cpu, cpu_possible_mask)
#define for_each_present_cpu(cpu) for_each_cpu(cpu, cpu_present_mask)
#define for_each_online_cpu(cpu) for_each_cpu(cpu, cpu_online_mask)

static inline unsigned int num_online_cpus(void) { return cpumask_weight(cpu_online_mask); }
static inline unsigned int num_possible_cpus(void) { return cpumask_weight(cpu_possible_mask); }
static inline unsigned int num_present_cpus(void) { return cpumask_weight(cpu_present_mask); }
static inline bool cpu_online(int cpu) { return cpu >= 0 && cpu < NR_CPUS && cpumask_test_cpu(cpu, cpu_online_mask); }
static inline bool cpu_possible(int cpu) { return cpu >= 0 && cpu < NR_CPUS && cpumask_test_cpu(cpu, cpu_possible_mask); }
static inline bool cpu_present(int cpu) { return cpu >= 0 && cpu < NR_CPUS && cpumask_test_cpu(cpu, cpu_present_mask); }
static inline bool cpu_is_offline(int cpu) { return !cpu_online(cpu); }
static inline bool cpu_active(int cpu) { return cpu >= 0 && cpu < NR_CPUS && cpumask_test_cpu(cpu, cpu_active_mask); }

/* kernel/cpu.c: the only writers of the masks above. Linux: set_cpu_*() */
void set_cpu_possible(unsigned int cpu, bool possible);
void set_cpu_present(unsigned int cpu, bool present);
void set_cpu_online(unsigned int cpu, bool online);
void set_cpu_active(unsigned int cpu, bool active);

#endif /* _LINUX_CPUMASK_H */
