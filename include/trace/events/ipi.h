/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The IPI tracepoints, with Linux's fields: ipi_raise on the sending CPU
 * (the target CPUs, as ftrace prints a cpumask: 32-bit hex groups, most
 * significant first, and the reason), ipi_entry and ipi_exit on the
 * receiving CPU around the handler. The reasons are Linux's names of the
 * x86 IPI rows of /proc/interrupts.
 * Linux: include/trace/events/ipi.h
 */
#ifndef _TRACE_EVENTS_IPI_H
#define _TRACE_EVENTS_IPI_H

#include <linux/cpumask.h>
#include <linux/trace.h>

#define IPI_REASON_RESCHEDULE		"Rescheduling interrupts"
#define IPI_REASON_CALL_FUNCTION	"Function call interrupts"
#define IPI_REASON_CALL_FUNCTION_SINGLE	"Single function call interrupts"

_Static_assert(NR_CPUS <= 64, "ipi_raise prints two 32-bit groups");

#define trace_ipi_raise(mask, reason)					\
	TRACE_EVENT_CALL(ipi_raise, "target_mask=%08lx,%08lx (%s)",	\
		cpumask_bits(mask)[0] >> 32, cpumask_bits(mask)[0] & 0xffffffffUL, (reason))

#define trace_ipi_entry(reason)						\
	TRACE_EVENT_CALL(ipi_entry, "(%s)", (reason))

#define trace_ipi_exit(reason)						\
	TRACE_EVENT_CALL(ipi_exit, "(%s)", (reason))

#endif /* _TRACE_EVENTS_IPI_H */
