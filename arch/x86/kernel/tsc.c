// SPDX-License-Identifier: GPL-2.0
/*
 * The TSC as the kernel's clock. Its rate is not announced anywhere
 * reliable, so we measure it against PIT channel 2 (1.193182 MHz): two
 * readings of the free-running counter about 10 ms apart, each bracketed
 * by TSC reads so that a stalled vCPU cannot bend the result.
 * sched_clock() is then cycles * 10^6 / tsc_khz nanoseconds since the
 * kernel's entry (boot_tsc_at_entry): the TSC is 0 at reset under QEMU's
 * TCG but not under KVM, where it has counted since the VM was made.
 * Linux: arch/x86/kernel/tsc.c (pit_calibrate_tsc, native_sched_clock)
 */
#include <linux/kernel.h>
#include <linux/sched/clock.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/setup.h>
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

/*
 * One reading of PIT channel 2 bracketed by two TSC reads. Under TCG (or
 * any hypervisor) the vCPU can be descheduled at any instruction; a stall
 * between two readings costs nothing, because each reading carries its own
 * TSC time. A stall inside a reading shows as a wide bracket, and
 * pit_sample_best() throws such readings away.
 */
struct pit_sample {
	u64 tsc;		/* midpoint of the bracket */
	u64 width;		/* TSC cycles the bracket spans: the uncertainty */
	u16 count;		/* the channel's counter, counting down */
};

static void pit_read_sample(struct pit_sample *s)
{
	u64 a, b;
	u8 lo, hi;

	a = rdtsc();
	outb(0x80, PIT_MODE_PORT);		/* latch channel 2's count */
	lo = inb(PIT_CH2_PORT);
	hi = inb(PIT_CH2_PORT);
	b = rdtsc();
	s->tsc = a + (b - a) / 2;
	s->width = b - a;
	s->count = (u16)(hi << 8 | lo);
}

/* The narrowest of a few readings in a row. */
static void pit_sample_best(struct pit_sample *best)
{
	struct pit_sample s;

	pit_read_sample(best);
	for (int i = 0; i < 7; i++) {
		pit_read_sample(&s);
		if (s.width < best->width)
			*best = s;
	}
}

/*
 * One measurement: TSC cycles per @ms of PIT time, from two precise
 * readings of a free-running channel 2 (mode 0 from 0xffff). *@width is the
 * summed uncertainty of both readings, in TSC cycles.
 * Return: the cycles, or 0 if the counter wrapped meanwhile.
 */
static u64 pit_measure_tsc(unsigned int ms, u64 *width)
{
	struct pit_sample start, end;
	unsigned int counts = PIT_TICK_RATE * ms / 1000;

	outb((inb(PIT_GATE_PORT) & ~0x02) | 0x01, PIT_GATE_PORT);
	outb(0xb0, PIT_MODE_PORT);
	outb(0xff, PIT_CH2_PORT);
	outb(0xff, PIT_CH2_PORT);
	pit_sample_best(&start);
	do
		pit_read_sample(&end);
	while ((u16)(start.count - end.count) < counts);
	pit_sample_best(&end);
	/*
	 * Started at 0xffff, the count passed 0 only if 55 ms went by (a
	 * stalled vCPU): then channel 2's output is high, and stays high in
	 * mode 0, however many times the count wrapped unseen. Such a
	 * measurement is short of 65536 counts or more: it does not count.
	 */
	if (inb(PIT_GATE_PORT) & 0x20)
		return 0;
	*width = start.width + end.width;
	/* Scale by the PIT counts that really passed, not the ones asked for. */
	return (end.tsc - start.tsc) * counts / (u16)(start.count - end.count);
}

/**
 * tsc_init - measure the TSC frequency and start sched_clock()
 *
 * Measures 10 ms of PIT time three times (each time the PIT count did not
 * wrap) and keeps, of those that agree
 * with the median, the measurement whose two readings were the most
 * precise (narrowest TSC brackets). Timing a
 * whole wait on the PIT, as a simpler calibration would, counts any stall
 * of the vCPU at its end into the result: on a loaded host that made the
 * TSC seem 60% faster than it is, and every delay and timestamp wrong.
 * Linux: tsc_init() / native_calibrate_tsc(); the bracketed readings are
 * the idea of quick_pit_calibrate() in arch/x86/kernel/tsc.c
 */
void tsc_init(void)
{
	u64 d[3] = {}, width[3], median, best = 0, best_width = ~0ULL;

	/* A measurement whose count wrapped is made again (up to 100 tries). */
	for (int i = 0, tries = 0; i < 3 && tries < 100; tries++)
		if ((d[i] = pit_measure_tsc(10, &width[i])))
			i++;
	/*
	 * A stall of the vCPU longer than the 16-bit counter's 55 ms wraps it
	 * unseen: that measurement is then off by any amount (a boot on a
	 * host with 13 runnable threads a core measured 6303595 MHz), and its
	 * brackets may still be narrow. pit_measure_tsc() refuses those; a
	 * shorter stall only widens a bracket. Only measurements within 1/16
	 * of the median of the three compete on precision. (The median alone
	 * was not enough: on a host at load 32 two of three wrapped, and a
	 * boot measured 11196 MHz for a 2596 MHz TSC.)
	 */
	median = max(min(d[0], d[1]), min(max(d[0], d[1]), d[2]));
	for (int i = 0; i < 3; i++) {
		u64 off = d[i] > median ? d[i] - median : median - d[i];

		if (off <= median / 16 && width[i] < best_width) {
			best = d[i];
			best_width = width[i];
		}
	}
	tsc_khz = best / 10;
	if (!tsc_khz)
		panic("tsc: calibration against the PIT failed");
	cyc2ns_mult = (1000000ULL << cyc2ns_shift) / tsc_khz;
	pr_info("tsc: Detected %lu.%03lu MHz processor (calibrated against the PIT)\n",
		tsc_khz / 1000, tsc_khz % 1000);
}

/**
 * sched_clock - nanoseconds since the kernel's entry, from the TSC
 *
 * Return: the nanoseconds; 0 before tsc_init().
 *
 * The origin is the TSC read first thing in x86_64_start_kernel(), not
 * the TSC's own 0, which is not reset time everywhere (under KVM
 * timestamps would start at hundreds of seconds). The multiply is split
 * so it cannot overflow 64 bits for decades of uptime.
 * Linux: native_sched_clock() / cycles_2_ns()
 */
u64 sched_clock(void)
{
	u64 cyc = rdtsc() - boot_tsc_at_entry;
	u64 hi = cyc >> 32, lo = cyc & 0xffffffff;

	if (!cyc2ns_mult)
		return 0;
	return ((hi * cyc2ns_mult) << (32 - cyc2ns_shift)) + ((lo * cyc2ns_mult) >> cyc2ns_shift);
}
