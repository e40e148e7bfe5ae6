/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The scheduler's tracepoints, with the fields Linux's have.
 * Linux: include/trace/events/sched.h
 */
#ifndef _TRACE_EVENTS_SCHED_H
#define _TRACE_EVENTS_SCHED_H

#include <linux/sched.h>
#include <linux/trace.h>

const char *task_state_name(unsigned int state);

#define trace_sched_switch(prev, next)					\
	TRACE_EVENT_CALL(sched_switch,					\
		"prev_comm=%s prev_pid=%d prev_state=%s ==> next_comm=%s next_pid=%d", \
		(prev)->comm, (prev)->pid, task_state_name((prev)->__state), \
		(next)->comm, (next)->pid)

#define trace_sched_wakeup(p)						\
	TRACE_EVENT_CALL(sched_wakeup, "comm=%s pid=%d prio=%d target_cpu=%03d", \
		(p)->comm, (p)->pid, (p)->prio, task_cpu(p))

#define trace_sched_wakeup_new(p)					\
	TRACE_EVENT_CALL(sched_wakeup_new, "comm=%s pid=%d prio=%d target_cpu=%03d", \
		(p)->comm, (p)->pid, (p)->prio, task_cpu(p))

/* A wakeup begins (on the waker's CPU, before the target is chosen). */
#define trace_sched_waking(p)						\
	TRACE_EVENT_CALL(sched_waking, "comm=%s pid=%d prio=%d target_cpu=%03d", \
		(p)->comm, (p)->pid, (p)->prio, task_cpu(p))

#define trace_sched_migrate_task(p, dest)				\
	TRACE_EVENT_CALL(sched_migrate_task,				\
		"comm=%s pid=%d prio=%d orig_cpu=%d dest_cpu=%d",	\
		(p)->comm, (p)->pid, (p)->prio, task_cpu(p), (dest))

#define trace_sched_process_fork(parent, child)				\
	TRACE_EVENT_CALL(sched_process_fork,				\
		"comm=%s pid=%d child_comm=%s child_pid=%d",		\
		(parent)->comm, (parent)->pid, (child)->comm, (child)->pid)

#define trace_sched_process_exit(p)					\
	TRACE_EVENT_CALL(sched_process_exit, "comm=%s pid=%d prio=%d",	\
		(p)->comm, (p)->pid, (p)->prio)

#define trace_sched_process_exec(p, old_pid, filename)			\
	TRACE_EVENT_CALL(sched_process_exec, "filename=%s pid=%d old_pid=%d", \
		(filename), (p)->pid, (old_pid))

#define trace_sched_kthread_stop(t)					\
	TRACE_EVENT_CALL(sched_kthread_stop, "comm=%s pid=%d", (t)->comm, (t)->pid)

#define trace_sched_kthread_stop_ret(ret)				\
	TRACE_EVENT_CALL(sched_kthread_stop_ret, "ret=%d", (ret))

#endif /* _TRACE_EVENTS_SCHED_H */
