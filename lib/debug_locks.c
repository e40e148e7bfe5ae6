// SPDX-License-Identifier: GPL-2.0
/*
 * The switch every lock-debugging report checks first (see
 * <linux/debug_locks.h>).
 * Linux: lib/debug_locks.c
 */
#include <linux/debug_locks.h>
#include <asm/cmpxchg.h>

/* 1 while the lock validator runs; its first report clears it. */
int debug_locks = 1;
/* Non-zero: reports are counted, not printed (the validator's tests). */
int debug_locks_silent;

/**
 * debug_locks_off - turn lock debugging off, once
 *
 * Return: 1 if this call turned it off and the report may be printed (of
 * two CPUs finding bugs at once, the exchange makes exactly one the reporter).
 * Linux: debug_locks_off()
 */
int debug_locks_off(void)
{
	if (debug_locks && xchg(&debug_locks, 0))
		return !debug_locks_silent;
	return 0;
}
