// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmark of a completion that is already done when it is waited for
 * (kernel/sched/completion.c): complete() with nobody waiting, then
 * wait_for_completion(), which finds done set and returns without
 * sleeping. The cost of the fast path of both, the case kthread_create()
 * meets when kthreadd has finished before its creator waits; issue 13
 * compares it with Linux 6.1's 128 cycles.
 * Linux: kernel/sched/completion.c
 */
#include <linux/bench.h>
#include <linux/completion.h>
#include <linux/kernel.h>

#define COMPLETION_SAMPLES	1001

static u64 samples[COMPLETION_SAMPLES];

static int bench_completion(void)
{
	struct completion done;

	init_completion(&done);
	bench_report("complete_wait_done",
		     bench_time(samples, COMPLETION_SAMPLES, {
			     complete(&done);
			     wait_for_completion(&done);
		     }), "cycles");
	return 0;
}
DEFINE_BENCH(completion, bench_completion);
