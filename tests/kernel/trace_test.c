// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the tracepoints (kernel/trace/trace.c): off records nothing,
 * on records the event with its fields, in order, and event names are
 * checked.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/printer.h>
#include <linux/string.h>
#include <linux/trace.h>
#include "test_util.h"

static int quick_fn(void *data)
{
	return 7;
}

/* Entries since @from whose event is @id and whose text holds @needle. */
static int count_events(unsigned long from, int id, const char *needle)
{
	int n = 0;

	for (unsigned long i = from; i != trace_head; i++) {
		struct trace_entry *e = &trace_buffer[i % TRACE_ENTRIES];

		if (e->id == id && (!needle || strstr(e->text, needle)))
			n++;
	}
	return n;
}

static void trace_off_records_nothing(struct kunit *test)
{
	unsigned long before = trace_count;
	struct task_struct *t;

	KUNIT_ASSERT_EQ(test, trace_set_events("all", false), 0);
	t = kthread_run(quick_fn, NULL, "tr_off");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	msleep(10);
	KUNIT_EXPECT_EQ(test, trace_count, before);
}

static void trace_kthread_lifecycle_events(struct kunit *test)
{
	unsigned long from = trace_head;
	struct task_struct *t;
	char child[32];

	KUNIT_ASSERT_EQ(test, trace_set_events("sched_process_fork,sched_wakeup_new,"
					       "sched_kthread_stop,sched_kthread_stop_ret,"
					       "kthread_create_step", true), 0);
	t = kthread_create(quick_fn, NULL, "tr_child");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	snprintf(child, sizeof(child), "child_comm=tr_child child_pid=%d", t->pid);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), -EINTR);
	trace_set_events("all", false);
	/* kthreadd forked it: comm=kthreadd pid=2 child_comm=tr_child ... */
	KUNIT_EXPECT_EQ(test, count_events(from, TRACE_sched_process_fork, child), 1);
	KUNIT_EXPECT_EQ(test, count_events(from, TRACE_sched_process_fork, "comm=kthreadd pid=2"), 1);
	KUNIT_EXPECT_EQ(test, count_events(from, TRACE_sched_wakeup_new, "comm=tr_child"), 1);
	KUNIT_EXPECT_EQ(test, count_events(from, TRACE_sched_kthread_stop, "comm=tr_child"), 1);
	KUNIT_EXPECT_EQ(test, count_events(from, TRACE_sched_kthread_stop_ret, "ret=-4"), 1);
	/* Twelve steps of the creation path, each recorded once. */
	KUNIT_EXPECT_EQ(test, count_events(from, TRACE_kthread_create_step, "step=1 "), 1);
	KUNIT_EXPECT_EQ(test, count_events(from, TRACE_kthread_create_step, "step=12 "), 1);
	KUNIT_EXPECT_EQ(test, count_events(from, TRACE_kthread_create_step, NULL), 12);
}

static void trace_timestamps_in_order(struct kunit *test)
{
	unsigned long from = trace_head;

	KUNIT_ASSERT_EQ(test, trace_set_events("sched_switch", true), 0);
	msleep(30);
	trace_set_events("sched_switch", false);
	KUNIT_ASSERT_GT(test, trace_head - from, 1);
	for (unsigned long i = from + 1; i != trace_head; i++)
		KUNIT_EXPECT_GE(test, trace_buffer[i % TRACE_ENTRIES].ts, trace_buffer[(i - 1) % TRACE_ENTRIES].ts);
	KUNIT_EXPECT_TRUE(test, strstr(trace_buffer[from % TRACE_ENTRIES].text, "prev_comm=") != NULL);
}

static void trace_rejects_unknown_event(struct kunit *test)
{
	unsigned long mask = trace_event_mask;

	KUNIT_EXPECT_EQ(test, trace_set_events("sched_switch,no_such_event", true), -EINVAL);
	KUNIT_EXPECT_EQ(test, trace_event_mask, mask);	/* nothing changed */
	KUNIT_EXPECT_STREQ(test, trace_event_name(TRACE_sched_switch), "sched_switch");
	KUNIT_EXPECT_STREQ(test, trace_event_name(NR_TRACE_EVENTS), "?");
}

/*
 * A printer that traces an event for every line it prints, as a dump
 * that wakes and switches tasks would, and counts the lines of entries.
 */
static int dump_lines;
static unsigned long dump_header_entries;
static const char dump_header[] = "# entries-in-buffer/entries-written: ";

static void tracing_printer_vprintf(const struct printer *p, const char *fmt, va_list args)
{
	char line[TRACE_TEXT_LEN + 64];

	vscnprintf(line, sizeof(line), fmt, args);
	if (!strncmp(line, dump_header, sizeof(dump_header) - 1))
		dump_header_entries = simple_strtoul(line + sizeof(dump_header) - 1, NULL, 10);
	else if (line[0] != '#')
		dump_lines++;
	trace_record(TRACE_sched_wakeup, "comm=dump pid=0 prio=120 target_cpu=000");
}

static const struct printer tracing_printer = { .vprintf = tracing_printer_vprintf };

/*
 * trace_print() stops recording while it prints: what the dump itself
 * would trace is not recorded, the header's count is the number of lines,
 * and a full buffer is not overwritten under it.
 */
static void trace_print_pauses_recording(struct kunit *test)
{
	unsigned long count;

	KUNIT_ASSERT_EQ(test, trace_set_events("sched_wakeup", true), 0);
	trace_clear();
	for (int i = 0; i < TRACE_ENTRIES; i++)
		trace_record(TRACE_sched_wakeup, "comm=fill pid=0 prio=120 target_cpu=000");
	count = trace_count;
	dump_lines = 0;
	trace_print(&tracing_printer);
	KUNIT_EXPECT_EQ(test, trace_count, count);
	KUNIT_EXPECT_EQ(test, dump_header_entries, (unsigned long)TRACE_ENTRIES);
	KUNIT_EXPECT_EQ(test, dump_lines, TRACE_ENTRIES);
	KUNIT_EXPECT_EQ(test, count_events(trace_head - TRACE_ENTRIES, TRACE_sched_wakeup,
					   "comm=dump"), 0);
	/* And recording is back on after it. */
	trace_record(TRACE_sched_wakeup, "comm=after pid=0 prio=120 target_cpu=000");
	KUNIT_EXPECT_EQ(test, trace_count, count + 1);
	trace_set_events("all", false);
	trace_clear();
}

static struct kunit_case trace_cases[] = {
	KUNIT_CASE(trace_off_records_nothing),
	KUNIT_CASE(trace_kthread_lifecycle_events),
	KUNIT_CASE(trace_timestamps_in_order),
	KUNIT_CASE(trace_rejects_unknown_event),
	KUNIT_CASE(trace_print_pauses_recording),
	{}
};

static struct kunit_suite trace_suite = {
	.name = "trace",
	.test_cases = trace_cases,
};
kunit_test_suite(trace_suite);
