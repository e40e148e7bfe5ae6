// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmark of a context switch (kernel/sched/core.c): two kthreads play
 * ping-pong through two completions. The pinger completes "ping" and
 * waits on "pong"; the ponger waits on "ping" and completes "pong". Each
 * round trip is two switches (pinger -> ponger -> pinger), each with the
 * wakeup and the wait that cause it, so the figure is half a round trip:
 * what one thread waking another and going to sleep costs, as
 * `perf bench sched pipe` measures it in Linux with a pipe.
 * Linux: tools/perf/bench/sched-pipe.c
 */
#include <linux/bench.h>
#include <linux/completion.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched.h>

#define SWITCH_SAMPLES	1001
#define SWITCH_WARMUP	10	/* unmeasured rounds: both threads settle */

static u64 samples[SWITCH_SAMPLES];

struct pingpong {
	struct completion ping;
	struct completion pong;
	struct completion finished;	/* the ponger's last round is done */
	int rounds;		/* each thread returns after this many */
};

static int pinger(void *arg)
{
	struct pingpong *pp = arg;

	for (int i = 0; i < pp->rounds; i++) {
		u64 t0 = bench_clock();

		complete(&pp->ping);
		wait_for_completion(&pp->pong);
		if (i >= SWITCH_WARMUP)
			samples[i - SWITCH_WARMUP] = bench_clock() - t0;
	}
	return 0;
}

static int ponger(void *arg)
{
	struct pingpong *pp = arg;

	for (int i = 0; i < pp->rounds; i++) {
		wait_for_completion(&pp->ping);
		complete(&pp->pong);
	}
	complete(&pp->finished);
	return 0;
}

static int bench_context_switch(void)
{
	struct task_struct *ping, *pong;
	struct pingpong pp = { .rounds = SWITCH_WARMUP + SWITCH_SAMPLES };

	init_completion(&pp.ping);
	init_completion(&pp.pong);
	init_completion(&pp.finished);
	pong = kthread_create(ponger, &pp, "bench_pong");
	if (IS_ERR(pong))
		return PTR_ERR(pong);
	ping = kthread_create(pinger, &pp, "bench_ping");
	if (IS_ERR(ping)) {
		kthread_stop(pong);	/* never woken: it exits without running */
		return PTR_ERR(ping);
	}
	/* Both return on their own: hold them for kthread_stop_put(). */
	get_task_struct(pong);
	get_task_struct(ping);
	wake_up_process(pong);
	wake_up_process(ping);
	/*
	 * Not kthread_stop() at once: a thread stopped before it first runs
	 * never calls its threadfn, and the other would wait for ever.
	 */
	wait_for_completion(&pp.finished);
	kthread_stop_put(ping);
	kthread_stop_put(pong);
	bench_report("context_switch", bench_net(bench_median(samples, SWITCH_SAMPLES)) / 2,
		     "cycles");
	return 0;
}
DEFINE_BENCH(context_switch, bench_context_switch);
