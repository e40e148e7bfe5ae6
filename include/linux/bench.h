/* SPDX-License-Identifier: GPL-2.0 */
/*
 * In-kernel micro-benchmarks, run at boot with the parameter bench=1
 * (`make bench`). Each file tests/kernel/bench_*.c registers one
 * benchmark with DEFINE_BENCH(); pid 1 runs them in link order and ends
 * QEMU. A benchmark times many samples with the TSC and reports the
 * median of each figure as one console line:
 *
 *	BENCH kmalloc_kfree_64 123 cycles
 *
 * Under QEMU's -icount shift=0,sleep=off the TSC advances once per guest
 * instruction, so a figure is an instruction count and every run of the
 * same kernel prints the same numbers. The median, not the mean, is
 * reported so that the rare sample a timer interrupt lands in does not
 * move it.
 *
 * No Linux counterpart as such: Linux measures from user space (perf
 * bench) or with tools/testing/selftests; the registration is in the
 * style of kunit_test_suite().
 */
#ifndef _LINUX_BENCH_H
#define _LINUX_BENCH_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/processor.h>

struct bench {
	const char *name;	/* for the log; the figures carry their own names */
	int (*run)(void);	/* 0, or a negative errno if it could not run */
	bool named_only;	/* run by bench=NAME only, never by bench=1 */
};

/*
 * DEFINE_BENCH - register @fn as the benchmark @bname
 *
 * The struct lands in section .bench, which linker.ld keeps and brackets
 * with __bench_start/__bench_end. The explicit alignment stops the
 * compiler from padding the entries apart, so the section is an array.
 * Benchmarks run in link order (the order of the files); within one file
 * the compiler may emit them in any order, so each file registers one
 * benchmark that reports its figures in the order it wants.
 */
#define __DEFINE_BENCH(bname, fn, named)				\
	static const struct bench __bench_##bname			\
		__used __section(".bench") __aligned(8) = { #bname, fn, named }
#define DEFINE_BENCH(bname, fn)	__DEFINE_BENCH(bname, fn, false)

/*
 * DEFINE_BENCH_NAMED - register @fn as @bname, run only by bench=@bname
 *
 * For a benchmark that is a tool's, not a figure of make bench: the
 * profiler's round (bench=profile_kthread, make profile) stops at
 * profile_start() and profile_stop() for a debugger, which bench=1 has none of.
 */
#define DEFINE_BENCH_NAMED(bname, fn)	__DEFINE_BENCH(bname, fn, true)

/*
 * bench_clock - read the TSC for a timing
 *
 * The compiler barriers keep the work being timed on its side of the
 * read: rdtsc() alone has no memory clobber, so a load (say, of
 * trace_event_mask) could otherwise be hoisted out of the timed region.
 */
static __always_inline u64 bench_clock(void)
{
	u64 t;

	barrier();
	t = rdtsc();
	barrier();
	return t;
}

bool bench_enabled(void);
int bench_run_all(void);
u64 bench_median(u64 *samples, int n);
u64 bench_overhead(void);
void profile_start(void);
void profile_stop(void);
void bench_report(const char *name, u64 value, const char *unit);

/* @ticks less the timing overhead (never below 0). */
static inline u64 bench_net(u64 ticks)
{
	return ticks > bench_overhead() ? ticks - bench_overhead() : 0;
}

/*
 * bench_time - time @stmt @n times, one sample each
 *
 * Fills @samples[0..n) and evaluates to the median less the timing
 * overhead: the cost of one @stmt. For operations that fit in a sample.
 */
#define bench_time(samples, n, stmt) ({					\
	for (int __i = 0; __i < (n); __i++) {				\
		u64 __t0 = bench_clock();				\
		stmt;							\
		(samples)[__i] = bench_clock() - __t0;			\
	}								\
	bench_net(bench_median(samples, n));				\
})

#endif /* _LINUX_BENCH_H */
