// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmarks of the kernel's own reporting: one short pr_info() line
 * (formatted, stored in log_buf and written to the serial console by
 * polling, kernel/printk.c), and one tracepoint with its event off and
 * on (include/linux/trace.h, kernel/trace/trace.c).
 *
 * A disabled tracepoint is a load, a test and a branch: too little to
 * time alone, so the tracepoint is timed in a loop of TRACE_BATCH and the
 * same loop with nothing in it is taken off.
 * Linux: kernel/printk/printk.c; for tracepoints, the static-key design
 * of include/linux/tracepoint.h (Spindle tests a mask bit instead).
 */
#include <linux/bench.h>
#include <linux/kernel.h>
#include <linux/trace.h>

#define SAMPLES		101	/* for printk, each one is a line in the log */
#define TRACE_BATCH	100

static u64 samples[SAMPLES];

static int bench_printk(void)
{
	bench_report("printk_line",
		     bench_time(samples, SAMPLES, pr_info("bench: printk_line sample\n")),
		     "cycles");
	return 0;
}

/* The loop of time_tracepoints() without the tracepoint. */
static noinline u64 time_empty_loop(void)
{
	u64 t0 = bench_clock();

	for (int i = 0; i < TRACE_BATCH; i++)
		barrier();
	return bench_clock() - t0;
}

static noinline u64 time_tracepoints(void)
{
	u64 t0 = bench_clock();

	for (int i = 0; i < TRACE_BATCH; i++) {
		TRACE_EVENT_CALL(sched_kthread_stop_ret, "ret=%d", 1);
		barrier();
	}
	return bench_clock() - t0;
}

/* The cost of one tracepoint in the event's current state. */
static u64 tracepoint_cost(void)
{
	u64 empty, full;

	for (int i = 0; i < SAMPLES; i++)
		samples[i] = time_empty_loop();
	empty = bench_median(samples, SAMPLES);
	for (int i = 0; i < SAMPLES; i++)
		samples[i] = time_tracepoints();
	full = bench_median(samples, SAMPLES);
	return full > empty ? (full - empty) / TRACE_BATCH : 0;
}

static int bench_trace(void)
{
	const char *event = "sched_kthread_stop_ret";
	/* Put things back as the command line (trace_event=) left them. */
	unsigned long saved_mask = READ_ONCE(trace_event_mask);
	u64 off, on;

	if (trace_set_events(event, false))
		return -EINVAL;
	off = tracepoint_cost();
	trace_set_events(event, true);
	on = tracepoint_cost();
	WRITE_ONCE(trace_event_mask, saved_mask);
	/* Thousands of "ret=1" entries: nobody asked for them. */
	if (!saved_mask)
		trace_clear();
	bench_report("trace_disabled", off, "cycles");
	bench_report("trace_enabled", on, "cycles");
	return 0;
}

static int bench_printk_trace(void)
{
	return bench_printk() ?: bench_trace();
}
DEFINE_BENCH(printk_trace, bench_printk_trace);
