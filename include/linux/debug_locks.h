/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lock debugging switch. debug_locks starts at 1; the first locking
 * bug the validator reports turns it off (debug_locks_off()), so one bug
 * gives one report instead of a flood of follow-on ones, as in Linux.
 * debug_locks_silent is for the validator's own tests (tests/kernel/
 * lockdep_test.c): while it is set, a report is counted in lockdep_reports
 * instead of printed, and the validator stays on (Spindle's: Linux's
 * selftests reset the whole validator after each case instead).
 * Linux: include/linux/debug_locks.h, lib/debug_locks.c
 */
#ifndef _LINUX_DEBUG_LOCKS_H
#define _LINUX_DEBUG_LOCKS_H

#include <linux/compiler.h>

extern int debug_locks;
extern int debug_locks_silent;

/*
 * debug_locks_off - turn the lock validator off
 *
 * Return: 1 if this call turned it off (the caller prints its report),
 * 0 if it was off already or the report is to be silent.
 * Linux: debug_locks_off()
 */
int debug_locks_off(void);

#endif /* _LINUX_DEBUG_LOCKS_H */
