/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Saving a backtrace to print later (arch/x86/kernel/dumpstack.c).
 * Linux: include/linux/stacktrace.h
 */
#ifndef _LINUX_STACKTRACE_H
#define _LINUX_STACKTRACE_H

unsigned int stack_trace_save_bp(unsigned long *bp, unsigned long *store, unsigned int size);
unsigned int stack_trace_save(unsigned long *store, unsigned int size, unsigned int skipnr);
void stack_trace_print(const unsigned long *entries, unsigned int nr_entries, int spaces);

#endif /* _LINUX_STACKTRACE_H */
