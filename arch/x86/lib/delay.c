// SPDX-License-Identifier: GPL-2.0
/*
 * Precise busy-waits on the TSC: the delay is converted to TSC cycles
 * with tsc_khz (measured by tsc_init()) and we spin until that many have
 * passed. Reading the TSC again each round, rather than counting loop
 * iterations, keeps the delay right whatever the CPU (or QEMU) speed.
 *
 * Before tsc_init() there is no tsc_khz yet; then the wait is done on
 * PIT channel 2 with pit_wait_ms(), rounded up to whole milliseconds: too
 * long is allowed, too short is not. (pit_wait_ms() reprograms channel 2,
 * so this early path must not run concurrently with tsc_init(); before
 * calibration there is one CPU with interrupts off, so it cannot.)
 * No shared state, no locking.
 * Linux: arch/x86/lib/delay.c (delay_tsc)
 */
#include <linux/delay.h>
#include <linux/kernel.h>
#include <asm/processor.h>
#include <asm/time.h>

/* Longest pit_wait_ms() step: its 16-bit counter holds about 54 ms. */
#define PIT_WAIT_MAX_MS	50

/* Spin until @cycles TSC cycles have passed since @start. */
static void delay_tsc(u64 start, u64 cycles)
{
	/* Unsigned difference: right even if the TSC wrapped meanwhile. */
	while (rdtsc() - start < cycles)
		cpu_relax();
}

/* The uncalibrated fallback: whole milliseconds on the PIT. */
static void delay_pit(u64 nsecs)
{
	u64 ms = DIV_ROUND_UP(nsecs, 1000000ULL);

	while (ms) {
		unsigned int step = ms > PIT_WAIT_MAX_MS ? PIT_WAIT_MAX_MS : (unsigned int)ms;

		pit_wait_ms(step);
		ms -= step;
	}
}

/*
 * Wait @nsecs. cycles = nsecs * kHz / 10^6, rounded up; the product only
 * overflows 64 bits beyond 10^10 s at 1 THz, far past any sane delay.
 */
static void __delay_ns(u64 nsecs)
{
	u64 start = rdtsc();
	unsigned long khz = READ_ONCE(tsc_khz);

	if (!khz) {
		delay_pit(nsecs);
		return;
	}
	delay_tsc(start, DIV_ROUND_UP(nsecs * khz, 1000000ULL));
}

/**
 * ndelay - busy-wait at least @nsecs nanoseconds
 * @nsecs: nanoseconds
 *
 * The resolution is one TSC cycle, but the call itself costs tens of
 * nanoseconds (far more under TCG): short delays come out longer.
 * Linux: ndelay() in include/asm-generic/delay.h
 */
void ndelay(unsigned long nsecs)
{
	__delay_ns(nsecs);
}

/**
 * udelay - busy-wait at least @usecs microseconds
 * @usecs: microseconds; meant for short waits (Linux caps it at 20 ms)
 * Linux: udelay() / __const_udelay() in arch/x86/lib/delay.c
 */
void udelay(unsigned long usecs)
{
	WARN_ON_ONCE(usecs > 20000);	/* use mdelay() or msleep() */
	__delay_ns((u64)usecs * 1000);
}

/**
 * mdelay - busy-wait at least @msecs milliseconds
 * @msecs: milliseconds
 *
 * Spins with whatever interrupt state the caller has; if that is "off",
 * the tick stops for the whole wait.
 * Linux: mdelay() in include/linux/delay.h
 */
void mdelay(unsigned long msecs)
{
	__delay_ns((u64)msecs * 1000000);
}
