/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Busy-waiting for a short, known time: udelay(), ndelay(), mdelay().
 * They spin on the TSC and never sleep, so they work anywhere, with
 * interrupts off and in interrupt handlers, and waste the CPU meanwhile:
 * use msleep() (<linux/timer.h>) for anything longer than a few
 * milliseconds in a context that may sleep. A delay is a minimum: an
 * interrupt or a busy host can make it longer, never shorter.
 * Linux: include/linux/delay.h, include/asm-generic/delay.h
 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

/* Spin at least @nsecs nanoseconds. */
void ndelay(unsigned long nsecs);
/* Spin at least @usecs microseconds. */
void udelay(unsigned long usecs);
/* Spin at least @msecs milliseconds. */
void mdelay(unsigned long msecs);

#endif /* _LINUX_DELAY_H */
