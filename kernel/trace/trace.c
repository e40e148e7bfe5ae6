// SPDX-License-Identifier: GPL-2.0
/*
 * The trace ring buffer: fixed-size entries, overwritten oldest first.
 * trace_record() is called from any context (interrupts included), so the
 * buffer is guarded by a raw spinlock taken with interrupts off.
 * GDB reads trace_buffer/trace_head/trace_count by name.
 * Linux: kernel/trace/trace.c, ring_buffer.c (much reduced)
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printer.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/trace.h>

unsigned long trace_event_mask;
struct trace_entry trace_buffer[TRACE_ENTRIES];
unsigned long trace_head;	/* next entry to write, ever increasing */
unsigned long trace_count;	/* entries written since the last clear */
/*
 * Guards trace_buffer, trace_head, trace_count and trace_stop_count;
 * irqs off (events fire in IRQs).
 */
static DEFINE_RAW_SPINLOCK(trace_lock);
/* Recording is off while > 0: tracing_stop() calls not yet undone. */
static int trace_stop_count;

static const char *const trace_event_names[NR_TRACE_EVENTS] = {
	[TRACE_sched_switch] = "sched_switch",
	[TRACE_sched_wakeup] = "sched_wakeup",
	[TRACE_sched_wakeup_new] = "sched_wakeup_new",
	[TRACE_sched_waking] = "sched_waking",
	[TRACE_sched_migrate_task] = "sched_migrate_task",
	[TRACE_sched_process_fork] = "sched_process_fork",
	[TRACE_sched_process_exit] = "sched_process_exit",
	[TRACE_sched_kthread_stop] = "sched_kthread_stop",
	[TRACE_sched_kthread_stop_ret] = "sched_kthread_stop_ret",
	[TRACE_kthread_create_step] = "kthread_create_step",
	[TRACE_sched_process_exec] = "sched_process_exec",
	[TRACE_ipi_raise] = "ipi_raise",
	[TRACE_ipi_entry] = "ipi_entry",
	[TRACE_ipi_exit] = "ipi_exit",
};

/**
 * trace_event_name - the name of event @id
 * @id: enum trace_event_id
 * Return: the name, or "?" for a number that is not an event.
 */
const char *trace_event_name(int id)
{
	return id >= 0 && id < NR_TRACE_EVENTS ? trace_event_names[id] : "?";
}

/**
 * trace_record - append one event to the ring buffer
 * @id: the event
 * @fmt: its fields, printf-style
 * Linux: trace_event_buffer_commit() and friends
 */
void trace_record(int id, const char *fmt, ...)
{
	struct task_struct *tsk = current;
	struct trace_entry *e;
	unsigned long flags;
	va_list args;

	raw_spin_lock_irqsave(&trace_lock, flags);
	if (trace_stop_count) {
		raw_spin_unlock_irqrestore(&trace_lock, flags);
		return;
	}
	e = &trace_buffer[trace_head++ % TRACE_ENTRIES];
	trace_count++;
	e->ts = local_clock();
	e->cpu = smp_processor_id();
	e->pid = tsk->pid;
	e->id = id;
	BUILD_BUG_ON(TRACE_COMM_LEN != TASK_COMM_LEN);
	memcpy(e->comm, tsk->comm, TASK_COMM_LEN);
	va_start(args, fmt);
	vscnprintf(e->text, sizeof(e->text), fmt, args);
	va_end(args);
	raw_spin_unlock_irqrestore(&trace_lock, flags);
}

/**
 * trace_set_events - turn events on or off by name
 * @list: comma-separated names, or "all"
 * @on: enable or disable
 * Return: 0, or -EINVAL naming no known event (nothing changed then).
 */
int trace_set_events(const char *list, bool on)
{
	unsigned long mask = 0;
	char buf[256], *p = buf, *name;

	strscpy(buf, list, sizeof(buf));
	while ((name = strsep(&p, ","))) {
		int id;

		if (!*name)
			continue;
		if (!strcmp(name, "all")) {
			mask = (1UL << NR_TRACE_EVENTS) - 1;
			continue;
		}
		for (id = 0; id < NR_TRACE_EVENTS; id++)
			if (!strcmp(name, trace_event_names[id]))
				break;
		if (id == NR_TRACE_EVENTS) {
			pr_err("trace: unknown event '%s'\n", name);
			return -EINVAL;
		}
		mask |= 1UL << id;
	}
	if (on)
		WRITE_ONCE(trace_event_mask, trace_event_mask | mask);
	else
		WRITE_ONCE(trace_event_mask, trace_event_mask & ~mask);
	return 0;
}

/**
 * trace_clear - empty the buffer
 */
void trace_clear(void)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&trace_lock, flags);
	trace_count = 0;
	raw_spin_unlock_irqrestore(&trace_lock, flags);
}

/**
 * tracing_stop - stop recording events until tracing_start()
 *
 * Calls nest: recording resumes when each has been undone.
 * Linux: tracing_stop() in kernel/trace/trace.c
 */
void tracing_stop(void)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&trace_lock, flags);
	trace_stop_count++;
	raw_spin_unlock_irqrestore(&trace_lock, flags);
}

/**
 * tracing_start - undo one tracing_stop()
 * Linux: tracing_start() in kernel/trace/trace.c
 */
void tracing_start(void)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&trace_lock, flags);
	if (!WARN_ON_ONCE(trace_stop_count == 0))
		trace_stop_count--;
	raw_spin_unlock_irqrestore(&trace_lock, flags);
}

/**
 * trace_print - print the buffer in ftrace's text format, oldest first
 * @p: where the lines go
 *
 * Recording is stopped while the buffer is printed, as Linux stops it
 * while its trace file is read (the pause-on-trace option, on by
 * default): printing wakes threads and switches tasks, and those events
 * would otherwise overwrite the entries being printed and make the count
 * in the header wrong. Events that happen meanwhile are lost.
 * Linux: the "trace" file in tracefs (tracing_open() -> tracing_stop_tr())
 */
void trace_print(const struct printer *p)
{
	unsigned long n, head, count, flags;

	tracing_stop();
	raw_spin_lock_irqsave(&trace_lock, flags);
	head = trace_head;
	count = trace_count;
	raw_spin_unlock_irqrestore(&trace_lock, flags);
	n = min(count, (unsigned long)TRACE_ENTRIES);

	printer_printf(p, "# tracer: nop\n");
	printer_printf(p, "# entries-in-buffer/entries-written: %lu/%lu\n", n, count);
	printer_printf(p, "#           TASK-PID     CPU#  TIMESTAMP  FUNCTION\n");
	for (unsigned long i = head - n; i != head; i++) {
		struct trace_entry *e = &trace_buffer[i % TRACE_ENTRIES];

		printer_printf(p, "%16s-%-7d [%03d] %5lu.%06lu: %s: %s\n", e->comm, e->pid,
			       e->cpu, (unsigned long)(e->ts / 1000000000),
			       (unsigned long)(e->ts % 1000000000) / 1000,
			       trace_event_name(e->id), e->text);
	}
	tracing_start();
}

/* trace_event=LIST: enable events from boot. */
static int __init trace_event_setup(char *str)
{
	return trace_set_events(str, true);
}
early_param("trace_event", trace_event_setup);

/* A panic prints what was traced: the events leading up to it. */
static void trace_panic_dump(void)
{
	if (trace_count)
		trace_print(&printk_printer);
}

void (*panic_notifier)(void) = trace_panic_dump;
