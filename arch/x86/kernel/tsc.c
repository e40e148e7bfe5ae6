// SPDX-License-Identifier: GPL-2.0
/*
 * The TSC as the kernel's clock. Its rate is not announced anywhere
 * reliable, so we measure it: gate PIT channel 2 for a known number of
 * its 1.193182 MHz ticks and count TSC cycles meanwhile.
 * sched_clock() is then cycles * 10^6 / tsc_khz nanoseconds, since reset.
 * Linux: arch/x86/kernel/tsc.c (pit_calibrate_tsc, native_sched_clock)
 */
#include <linux/kernel.h>
#include <linux/sched/clock.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/time.h>

unsigned long tsc_khz;
/* ns = cycles * mult >> shift, precomputed so the clock needs no division. */
static u64 cyc2ns_mult;
static unsigned int cyc2ns_shift = 22;

#define PIT_CH2_PORT	0x42
#define PIT_MODE_PORT	0x43
#define PIT_GATE_PORT	0x61	/* bit 0: gate of channel 2, bit 5: its output */

/**
 * pit_wait_ms - busy-wait @ms milliseconds on PIT channel 2
 * @ms: 1..50 (the 16-bit counter holds about 54 ms)
 *
 * Return: the TSC cycles that passed.
 * Linux: pit_calibrate_tsc()'s measuring loop
 */
u64 pit_wait_ms(unsigned int ms)
{
	unsigned long latch = PIT_TICK_RATE * ms / 1000;
	u64 t0, t1;

	/* Gate on, speaker off; channel 2, mode 0 (interrupt on terminal count). */
	outb((inb(PIT_GATE_PORT) & ~0x02) | 0x01, PIT_GATE_PORT);
	outb(0xb0, PIT_MODE_PORT);
	outb(latch & 0xff, PIT_CH2_PORT);
	outb(latch >> 8, PIT_CH2_PORT);
	t0 = rdtsc();
	while (!(inb(PIT_GATE_PORT) & 0x20))	/* output goes high at 0 */
		;
	t1 = rdtsc();
	return t1 - t0;
}

/**
 * tsc_init - measure the TSC frequency and start sched_clock()
 *
 * Takes the smallest of three 10 ms measurements: an interruption can
 * only make one longer.
 * Linux: tsc_init() / native_calibrate_tsc()
 */
void tsc_init(void)
{
	u64 best = ~0ULL;

	for (int i = 0; i < 3; i++) {
		u64 d = pit_wait_ms(10);

		if (d < best)
			best = d;
	}
	tsc_khz = best / 10;
	if (!tsc_khz)
		panic("tsc: calibration against the PIT failed");
	cyc2ns_mult = (1000000ULL << cyc2ns_shift) / tsc_khz;
	pr_info("tsc: Detected %lu.%03lu MHz processor (calibrated against the PIT)\n",
		tsc_khz / 1000, tsc_khz % 1000);
}

/**
 * sched_clock - nanoseconds since reset, from the TSC
 *
 * Return: the nanoseconds; 0 before tsc_init().
 *
 * The multiply is split so it cannot overflow 64 bits
 * for decades of uptime.
 * Linux: native_sched_clock() / cycles_2_ns()
 */
u64 sched_clock(void)
{
	u64 cyc = rdtsc();
	u64 hi = cyc >> 32, lo = cyc & 0xffffffff;

	if (!cyc2ns_mult)
		return 0;
	return ((hi * cyc2ns_mult) << (32 - cyc2ns_shift)) + ((lo * cyc2ns_mult) >> cyc2ns_shift);
}
