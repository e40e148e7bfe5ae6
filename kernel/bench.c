// SPDX-License-Identifier: GPL-2.0
/*
 * Running the micro-benchmarks linked into the kernel (see
 * include/linux/bench.h). Boot with bench=1 (or bench=NAME for the one
 * DEFINE_BENCH() of that name) and pid 1 calls bench_run_all() before
 * anything else, then ends QEMU with the pass or the failure code.
 *
 * A benchmark runs alone: nothing else is runnable while it does, and
 * each must leave the machine as it found it (threads stopped, memory
 * freed), which bench_run_all() checks by counting task_structs.
 *
 * Locking: none; everything here runs in pid 1, one benchmark at a time.
 * No Linux counterpart (Linux measures from user space: perf bench).
 */
#include <linux/bench.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/sched/task.h>
#include <linux/string.h>

extern const struct bench __bench_start[], __bench_end[];

static bool bench_on;
static char bench_only[32];	/* bench=NAME: run just that one */
static u64 bench_tsc_overhead;

static int __init bench_setup(char *str)
{
	if (!strcmp(str, "0"))
		return 0;
	/* bench=1 runs them all; any other value names the one to run. */
	if (strcmp(str, "1"))
		strscpy(bench_only, str, sizeof(bench_only));
	bench_on = true;
	/* A panic in a benchmark must end QEMU, not leave the runner waiting. */
	spindle_test_mode = 1;
	return 0;
}
early_param("bench", bench_setup);

/**
 * bench_enabled - did the command line ask for the benchmarks (bench=1)?
 * Return: true with bench=1.
 */
bool bench_enabled(void)
{
	return bench_on;
}

/**
 * bench_median - the median of @n samples
 * @samples: the samples; sorted in place
 * @n: how many (odd, so the median is one of them)
 *
 * Insertion sort: n is at most a few thousand and this is not timed.
 * Return: the middle sample, or 0 if @n is 0.
 */
u64 bench_median(u64 *samples, int n)
{
	for (int i = 1; i < n; i++) {
		u64 v = samples[i];
		int j = i;

		for (; j > 0 && samples[j - 1] > v; j--)
			samples[j] = samples[j - 1];
		samples[j] = v;
	}
	return n ? samples[n / 2] : 0;
}

/**
 * bench_overhead - the cost of timing nothing
 *
 * Return: the ticks between two back-to-back bench_clock() calls.
 *
 * The ticks between two back-to-back bench_clock() calls, measured once by
 * bench_run_all(). A benchmark that times one operation per sample takes
 * this off, so its figure is the operation alone.
 */
u64 bench_overhead(void)
{
	return bench_tsc_overhead;
}

/**
 * bench_report - print one figure
 * @name: the figure, e.g. "kmalloc_kfree_64"
 * @value: its value
 * @unit: "cycles" (TSC ticks) or "bytes"
 *
 * The line is "BENCH <name> <value> <unit>" after printk's timestamp;
 * tests/runner.py picks these lines out of the log.
 */
void bench_report(const char *name, u64 value, const char *unit)
{
	pr_info("BENCH %s %llu %s\n", name, (unsigned long long)value, unit);
}

/**
 * profile_start - where the profiler turns QEMU's execution log on
 *
 * make profile (tools/kprofile.py) stops here under GDB and turns the log
 * on; at profile_stop() it turns it off, so the log holds exactly what ran
 * between the two calls. Two functions, not one called twice: GDB then
 * never steps over a breakpoint to go on (it has removed the first when
 * it sets the second), and a step under -icount sleep=off lets QEMU's
 * clock jump to the next timer, which would put a tick in the work
 * measured. __noipa keeps each a call of its own (gcc would merge two
 * identical empty functions). Without a debugger they return at once.
 * No Linux counterpart (perf's markers are in user space).
 */
__noipa void profile_start(void)
{
	barrier();
}

/**
 * profile_stop - where the profiler turns QEMU's execution log off
 *
 * The end of what profile_start() began.
 */
__noipa void profile_stop(void)
{
	barrier();
}

static u64 measure_overhead(void)
{
	u64 samples[101];

	for (int i = 0; i < (int)ARRAY_SIZE(samples); i++) {
		u64 t0 = bench_clock();

		samples[i] = bench_clock() - t0;
	}
	return bench_median(samples, ARRAY_SIZE(samples));
}

/**
 * bench_run_all - run every DEFINE_BENCH() in link order
 *
 * Return: the number of benchmarks that failed to run or leaked.
 *
 * Called by pid 1 with nothing else running. After each benchmark, waits
 * for the tasks it stopped to be freed and checks that none is left: a
 * benchmark that leaks a thread would skew all that follow.
 */
int bench_run_all(void)
{
	int failed = 0, ran = 0, count = (int)(__bench_end - __bench_start);

	bench_tsc_overhead = measure_overhead();
	pr_info("bench: %d benchmarks, timing overhead %llu cycles\n", count,
		(unsigned long long)bench_tsc_overhead);
	for (const struct bench *b = __bench_start; b < __bench_end; b++) {
		unsigned long tasks;
		int ret;

		if (bench_only[0] ? strcmp(bench_only, b->name) : b->named_only)
			continue;
		wait_for_dead_tasks(1000);
		tasks = nr_task_structs();
		pr_info("bench: %s\n", b->name);
		ran++;
		ret = b->run();
		if (ret) {
			pr_err("bench: %s failed to run (%d)\n", b->name, ret);
			failed++;
			continue;
		}
		wait_for_dead_tasks(1000);
		if (nr_task_structs() != tasks) {
			pr_err("bench: %s left %ld task_structs behind\n", b->name,
			       (long)(nr_task_structs() - tasks));
			failed++;
		}
	}
	if (!ran) {
		pr_err("bench: no benchmark is called '%s'\n", bench_only);
		failed++;
	}
	pr_info("bench: done, %d failed\n", failed);
	return failed;
}
