// SPDX-License-Identifier: GPL-2.0
/*
 * The jiffies counter and the conversions between jiffies and real time.
 *
 * jiffies_64 is written only by the tick (do_timer() in kernel/time/tick.c,
 * with interrupts off on the boot CPU) and read locklessly everywhere: a
 * 64-bit aligned load cannot tear on x86-64. `jiffies` is not a second
 * variable but another name for the same 8 bytes, given in linker.ld
 * (`jiffies = jiffies_64;`) as Linux's vmlinux.lds.S does: no C file
 * defines it, so no compiler can treat the two as different objects.
 * Linux: kernel/time/jiffies.c, kernel/time/time.c (the conversions),
 * jiffies_64 itself lives in kernel/time/timer.c there
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>

u64 jiffies_64 __aligned(8) = INITIAL_JIFFIES;

BUILD_BUG_ON(sizeof(unsigned long) != sizeof(u64));

/**
 * jiffies_to_msecs - convert a jiffies count to milliseconds
 * @j: jiffies
 *
 * Exact, since a tick is a whole number of milliseconds (HZ divides 1000).
 * Return: @j in milliseconds, saturated at UINT_MAX.
 * Linux: kernel/time/time.c
 */
unsigned int jiffies_to_msecs(unsigned long j)
{
	if (j > ~0U / (MSEC_PER_SEC / HZ))
		return ~0U;
	return (unsigned int)(j * (MSEC_PER_SEC / HZ));
}

/**
 * jiffies_to_usecs - convert a jiffies count to microseconds
 * @j: jiffies
 * Return: @j in microseconds, saturated at UINT_MAX.
 * Linux: kernel/time/time.c
 */
unsigned int jiffies_to_usecs(unsigned long j)
{
	if (j > ~0U / (USEC_PER_SEC / HZ))
		return ~0U;
	return (unsigned int)(j * (USEC_PER_SEC / HZ));
}

/**
 * msecs_to_jiffies - convert milliseconds to jiffies, rounding up
 * @m: milliseconds
 *
 * Rounds up so a timeout never expires early: 1 ms is a whole tick.
 * Return: the number of jiffies, at most MAX_JIFFY_OFFSET.
 * Linux: msecs_to_jiffies() / _msecs_to_jiffies() in include/linux/jiffies.h
 */
unsigned long msecs_to_jiffies(unsigned int m)
{
	unsigned long j = DIV_ROUND_UP((unsigned long)m, MSEC_PER_SEC / HZ);

	return min_t(unsigned long, j, MAX_JIFFY_OFFSET);
}

/**
 * usecs_to_jiffies - convert microseconds to jiffies, rounding up
 * @u: microseconds
 * Return: the number of jiffies, at most MAX_JIFFY_OFFSET.
 * Linux: usecs_to_jiffies() in include/linux/jiffies.h
 */
unsigned long usecs_to_jiffies(unsigned int u)
{
	unsigned long j = DIV_ROUND_UP((unsigned long)u, USEC_PER_SEC / HZ);

	return min_t(unsigned long, j, MAX_JIFFY_OFFSET);
}
