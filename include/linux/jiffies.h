/* SPDX-License-Identifier: GPL-2.0 */
/*
 * jiffies: the count of timer ticks since boot, HZ of them per second.
 * The tick handler (tick_handle_periodic() in kernel/time/tick.c) is the
 * only writer; everybody else reads it without a lock. On x86-64 an
 * unsigned long is 64 bits, so `jiffies` and `jiffies_64` are the same
 * variable under two names (kernel/time/jiffies.c) and a read is one load.
 *
 * Compare jiffies values with time_after()/time_before(), never with < or
 * >: they stay right when the counter wraps, a plain comparison does not.
 * Linux: include/linux/jiffies.h
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/compiler.h>
#include <linux/types.h>

/* Ticks per second. 100 keeps TCG's interrupt overhead low; 10 ms slices. */
#define HZ		100
#define MSEC_PER_SEC	1000UL
#define USEC_PER_SEC	1000000UL
#define NSEC_PER_SEC	1000000000UL
#define NSEC_PER_MSEC	1000000UL
#define NSEC_PER_USEC	1000UL
#define TICK_NSEC	(NSEC_PER_SEC / HZ)	/* one tick, in nanoseconds */

/* The conversions below assume a tick is a whole number of milliseconds. */
_Static_assert(MSEC_PER_SEC % HZ == 0, "HZ must divide 1000");

/*
 * Where the count starts. Linux starts 5 minutes before the 32-bit wrap
 * so that careless comparisons break early; Spindle starts at 0 so that
 * jiffies read as uptime while learning, and relies on time_after().
 */
#define INITIAL_JIFFIES	0UL

/*
 * The largest timeout a jiffies delta can express: time_after() is only
 * meaningful for values less than half the counter's range apart.
 */
#define MAX_JIFFY_OFFSET ((long)(~0UL >> 1) - 1)

extern u64 jiffies_64;
extern volatile unsigned long jiffies;

/* 64-bit jiffies; one load on x86-64 (Linux needs a seqlock on 32-bit). */
static inline u64 get_jiffies_64(void)
{
	return READ_ONCE(jiffies_64);
}

/*
 * time_after(a, b) is true if a is after b. The subtraction is done in
 * unsigned arithmetic and read as signed, so it is right across a wrap
 * as long as a and b are less than MAX_JIFFY_OFFSET apart.
 */
#define time_after(a, b)	((long)((unsigned long)(b) - (unsigned long)(a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((unsigned long)(a) - (unsigned long)(b)) >= 0)
#define time_before_eq(a, b)	time_after_eq(b, a)
/* Is a in [b, c]? */
#define time_in_range(a, b, c)	(time_after_eq(a, b) && time_before_eq(a, c))

/* 64-bit versions, for get_jiffies_64() values. */
#define time_after64(a, b)	((s64)((u64)(b) - (u64)(a)) < 0)
#define time_before64(a, b)	time_after64(b, a)

/* Conversions (kernel/time/jiffies.c). To jiffies they round up. */
unsigned int jiffies_to_msecs(unsigned long j);
unsigned int jiffies_to_usecs(unsigned long j);
unsigned long msecs_to_jiffies(unsigned int m);
unsigned long usecs_to_jiffies(unsigned int u);

#endif /* _LINUX_JIFFIES_H */
