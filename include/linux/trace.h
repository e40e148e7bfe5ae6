/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Static tracepoints, recorded into a ring buffer (kernel/trace/trace.c).
 *
 * Each event has a bit in trace_event_mask; a disabled tracepoint costs one
 * load and one predicted-not-taken branch. An enabled one formats its
 * fields into the next ring-buffer entry with a timestamp, the CPU and the
 * current task, printed later in the style of ftrace's "trace" file:
 *   kthreadd-2  [000]   1.234567: sched_process_fork: comm=kthreadd pid=2 child_comm=kthreadd child_pid=7
 * Boot parameter: trace_event=sched_switch,sched_wakeup (or "all").
 * Linux: include/linux/tracepoint.h, kernel/trace/ (ftrace), much reduced
 */
#ifndef _LINUX_TRACE_H
#define _LINUX_TRACE_H

#include <linux/compiler.h>
#include <linux/types.h>

enum trace_event_id {
	TRACE_sched_switch,
	TRACE_sched_wakeup,
	TRACE_sched_wakeup_new,
	TRACE_sched_waking,
	TRACE_sched_migrate_task,
	TRACE_sched_process_fork,
	TRACE_sched_process_exit,
	TRACE_sched_kthread_stop,
	TRACE_sched_kthread_stop_ret,
	TRACE_kthread_create_step,	/* one per step of the creation path */
	TRACE_sched_process_exec,	/* a program started by execve() */
	TRACE_ipi_raise,		/* an IPI sent (include/trace/events/ipi.h) */
	TRACE_ipi_entry,		/* an IPI handler begins on its CPU */
	TRACE_ipi_exit,			/* and ends */
	NR_TRACE_EVENTS
};

#define TRACE_ENTRIES	1024
#define TRACE_TEXT_LEN	112
#define TRACE_COMM_LEN	16	/* TASK_COMM_LEN */

/* One recorded event; the buffer is read by tests and tools/gdb/spindle.py. */
struct trace_entry {
	u64 ts;			/* local_clock() */
	int cpu;
	int pid;
	u16 id;
	char comm[TRACE_COMM_LEN];
	char text[TRACE_TEXT_LEN];
};

extern struct trace_entry trace_buffer[TRACE_ENTRIES];
extern unsigned long trace_head;	/* next slot to write, ever increasing */
extern unsigned long trace_count;	/* written since the last clear */
extern unsigned long trace_event_mask;

#define trace_event_enabled(id) unlikely(READ_ONCE(trace_event_mask) & (1UL << (id)))

__printf(2, 3) void trace_record(int id, const char *fmt, ...);

/* Enable the events named in @list ("a,b" or "all"); 0 or -EINVAL. */
int trace_set_events(const char *list, bool on);
struct printer;
/* Print the buffer through @p, oldest first, with recording stopped. */
void trace_print(const struct printer *p);
/* Stop recording events, and start again (they nest). */
void tracing_stop(void);
void tracing_start(void);
void trace_clear(void);
const char *trace_event_name(int id);

#define TRACE_EVENT_CALL(id, fmt, ...) do {				\
	if (trace_event_enabled(TRACE_##id))				\
		trace_record(TRACE_##id, fmt, ##__VA_ARGS__);		\
} while (0)

#endif /* _LINUX_TRACE_H */
