// SPDX-License-Identifier: GPL-2.0
/*
 * The local APIC: switched on, told which vector means "spurious", and
 * its timer programmed to interrupt HZ times a second (the tick).
 *
 * The timer counts down at the APIC bus clock divided by 16, a rate no
 * table tells us, so it is measured against the TSC (calibrated first, in
 * tsc_init()): two readings of the counter 10 ms apart, each bracketed by
 * TSC reads, as tsc_init() reads the PIT.
 *
 * Every handler of a vector the local APIC delivered (the timer, and
 * anything the I/O APIC routes) must end with apic_eoi(), or the APIC
 * holds back every interrupt of the same or lower priority. The spurious
 * vector is the exception: it is not "in service" and gets no EOI.
 *
 * Two ways to reach the registers. xAPIC: a 4 KiB MMIO page (at the same
 * physical address on every CPU, each CPU seeing its own APIC there).
 * x2APIC: MSRs 0x800 + offset/16, with 32-bit APIC ids and the ICR as one
 * 64-bit MSR. Firmware that has more than 255 CPUs to describe leaves the
 * boot CPU in x2APIC mode; a CPU cannot leave it without a reset, so we
 * follow what we find (x2apic_mode) and switch each AP to the same mode.
 *
 * Locking: the registers are per CPU and touched by their own CPU only;
 * setup runs once per CPU with interrupts off. The calibration runs once,
 * on the boot CPU; the APs reuse lapic_timer_period.
 * Linux: arch/x86/kernel/apic/apic.c (setup_local_APIC,
 * calibrate_APIC_clock, local_apic_timer_interrupt)
 */
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/tick.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/time.h>
#include <asm/traps.h>

#define MSR_IA32_APICBASE_BSP		(1U << 8)
#define MSR_IA32_APICBASE_X2APIC	(1U << 10)
#define MSR_IA32_APICBASE_BASE		0x000ffffffffff000ULL
#define APIC_BASE_MSR			0x800	/* x2APIC: register r is MSR 0x800 + r/16 */
#define CPUID_1_EDX_APIC		(1U << 9)

/* Calibration: count for this long, this many times, keep the least. */
#define CALIBRATE_MS		10
#define CALIBRATE_ROUNDS	3

unsigned long mp_lapic_addr = APIC_DEFAULT_PHYS_BASE;
u32 lapic_timer_period;
u32 boot_cpu_physical_apicid;
/* The firmware left the boot CPU in x2APIC mode; every CPU uses it then. */
bool x2apic_mode;
static void *lapic_base;	/* the register page, mapped by ioremap() */

/**
 * apic_read - read a local APIC register
 * @reg: APIC_* offset
 * Return: its value.
 * Linux: native_apic_mem_read() / native_apic_msr_read()
 */
u32 apic_read(u32 reg)
{
	if (x2apic_mode)
		return (u32)rdmsr(APIC_BASE_MSR + (reg >> 4));
	return readl((u8 *)lapic_base + reg);
}

/**
 * apic_write - write a local APIC register
 * @reg: APIC_* offset
 * @val: the value
 * Linux: native_apic_mem_write() / native_apic_msr_write()
 */
void apic_write(u32 reg, u32 val)
{
	if (x2apic_mode) {
		wrmsr(APIC_BASE_MSR + (reg >> 4), val);
		return;
	}
	writel(val, (u8 *)lapic_base + reg);
}

/*
 * xAPIC: the ICR's delivery-status bit says the previous command has not
 * been sent yet; a new one must wait. (x2APIC has no such bit: the MSR
 * write itself waits.)
 */
static void apic_wait_icr_idle(void)
{
	for (int i = 0; i < 1000000; i++) {
		if (!(apic_read(APIC_ICR) & APIC_ICR_BUSY))
			return;
		cpu_relax();
	}
	pr_err("APIC: the previous IPI never left this CPU (ICR busy)\n");
}

/**
 * apic_icr_write - send an interprocessor interrupt
 * @low: the ICR's low word: vector, delivery mode, level, shorthand
 * @apicid: the destination APIC id (ignored with a shorthand)
 *
 * Interrupts must be off (or the caller otherwise stay on this CPU): the
 * two xAPIC writes must not be split by another IPI sent from an
 * interrupt handler.
 * Linux: native_apic_icr_write() / native_x2apic_icr_write()
 */
void apic_icr_write(u32 low, u32 apicid)
{
	if (x2apic_mode) {
		/*
		 * A write to an x2APIC MSR is not serializing: without the
		 * fence the IPI could overtake the stores it announces.
		 * Linux: weak_wrmsr_fence()
		 */
		__asm__ __volatile__("mfence; lfence" : : : "memory");
		wrmsr(APIC_BASE_MSR + (APIC_ICR >> 4), ((u64)apicid << 32) | low);
		return;
	}
	apic_wait_icr_idle();
	apic_write(APIC_ICR2, apicid << 24);
	apic_write(APIC_ICR, low);
}

/**
 * apic_eoi - tell the local APIC the current interrupt is handled
 *
 * Every handler of an APIC-delivered vector calls this at its end (not
 * the spurious vector). For a level-triggered I/O APIC line the EOI is
 * also broadcast to the I/O APIC, which then accepts the line again.
 * Linux: apic_eoi() / native_apic_mem_eoi()
 */
void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

/**
 * read_apic_id - this CPU's local APIC id
 * Return: the id, as the I/O APIC's destination field wants it (all 32
 * bits in x2APIC mode, bits 31:24 of the register in xAPIC mode).
 * Linux: read_apic_id()
 */
u32 read_apic_id(void)
{
	u32 id = apic_read(APIC_ID);

	return x2apic_mode ? id : id >> 24;
}

/**
 * register_lapic_address - note where the MADT says the local APIC is
 * @address: physical address of the register page
 *
 * Called by acpi_boot_init() (or with the default when there is no
 * ACPI); setup_local_APIC() maps it.
 * Linux: register_lapic_address()
 */
void __init register_lapic_address(unsigned long address)
{
	mp_lapic_addr = address;
}

/*
 * The spurious vector: the APIC raised an interrupt that went away before
 * the CPU took it. Nothing to do, and no EOI (it was never in service).
 * traps.c counts it in vector_counts[].
 */
static void spurious_interrupt(struct pt_regs *regs)
{
}

/* The APIC found an error (a bad vector, a failed send): report it. */
static void error_interrupt(struct pt_regs *regs)
{
	u32 esr;

	/* The ESR latches on a write; read it after writing. */
	apic_write(APIC_ESR, 0);
	esr = apic_read(APIC_ESR);
	apic_eoi();
	pr_err("APIC: error interrupt on CPU%u, ESR %#x\n", read_apic_id(), esr);
}

/* An interrupt left "in service" by the firmware would block its class. */
static void clear_stale_isr(void)
{
	for (int round = 0; round < 256; round++) {
		bool any = false;

		for (int i = 0; i < 8; i++)
			if (apic_read(APIC_ISR + i * 0x10))
				any = true;
		if (!any)
			return;
		apic_eoi();	/* retires the highest-priority one */
	}
	pr_warn("APIC: in-service bits would not clear\n");
}

/*
 * The part of setup_local_APIC() every CPU runs: the APIC base MSR (and
 * x2APIC mode if the boot CPU is in it), the LVT entries, the spurious
 * and error vectors. Returns the base MSR as found.
 */
static u64 lapic_enable_this_cpu(void)
{
	u64 base_msr = rdmsr(MSR_IA32_APICBASE);
	u32 maxlvt;

	if (!(base_msr & MSR_IA32_APICBASE_ENABLE))
		wrmsr(MSR_IA32_APICBASE, base_msr | MSR_IA32_APICBASE_ENABLE);
	/* x2APIC is entered from enabled xAPIC mode, never left. Linux: x2apic_setup() */
	if (x2apic_mode && !(base_msr & MSR_IA32_APICBASE_X2APIC))
		wrmsr(MSR_IA32_APICBASE, base_msr | MSR_IA32_APICBASE_ENABLE |
		      MSR_IA32_APICBASE_X2APIC);
	maxlvt = (apic_read(APIC_LVR) >> 16) & 0xff;

	/* Everything masked while we set up. */
	apic_write(APIC_LVTT, APIC_LVT_MASKED);
	if (maxlvt >= 4)
		apic_write(APIC_LVTPC, APIC_LVT_MASKED);
	if (maxlvt >= 5)
		apic_write(APIC_LVTTHMR, APIC_LVT_MASKED);
	apic_write(APIC_LVT0, APIC_LVT_MASKED);
	apic_write(APIC_LVT1, APIC_LVT_MASKED);
	apic_write(APIC_LVTERR, APIC_LVT_MASKED);

	apic_write(APIC_TASKPRI, 0);
	/* The low 4 bits of the spurious vector are hardwired to 1 on old APICs: 0xff fits. */
	apic_write(APIC_SPIV, (apic_read(APIC_SPIV) & ~0xffU) |
		   APIC_SPIV_APIC_ENABLED | SPURIOUS_APIC_VECTOR);
	clear_stale_isr();

	/*
	 * LINT0 carries the 8259's output in "virtual wire" mode; the PICs
	 * are masked and the I/O APIC is used instead, so keep it masked.
	 * LINT1 is the NMI input on every PC (the MADT's LAPIC_NMI says so).
	 */
	apic_write(APIC_LVT0, APIC_MODE_EXTINT | APIC_LVT_MASKED);
	apic_write(APIC_LVT1, APIC_MODE_NMI);

	/* Two writes clear the error status (the first latches, the second clears). */
	apic_write(APIC_ESR, 0);
	apic_write(APIC_ESR, 0);
	apic_write(APIC_LVTERR, ERROR_APIC_VECTOR);
	return base_msr;
}

/**
 * setup_local_APIC - switch the boot CPU's local APIC on
 *
 * Global enable in the APIC base MSR, then software enable in the
 * spurious vector register with SPURIOUS_APIC_VECTOR; TPR 0 so every
 * vector is accepted; LINT0 (the legacy PIC's output) masked, LINT1 as
 * NMI; the error interrupt on ERROR_APIC_VECTOR; timer, thermal and
 * performance counter entries masked until someone wants them.
 * Must run with interrupts off, after register_lapic_address(). The APs
 * run the same steps through setup_secondary_local_APIC().
 * Linux: setup_local_APIC() / apic_bsp_setup()
 */
void __init setup_local_APIC(void)
{
	u32 eax, ebx, ecx, edx, version, maxlvt;
	u64 base_msr;
	unsigned long phys;

	WARN_ON(!irqs_disabled());
	cpuid(1, &eax, &ebx, &ecx, &edx);
	if (!(edx & CPUID_1_EDX_APIC))
		panic("APIC: this CPU has no local APIC; Spindle needs one");

	base_msr = rdmsr(MSR_IA32_APICBASE);
	if (base_msr & MSR_IA32_APICBASE_X2APIC) {
		x2apic_mode = true;
		pr_info("x2apic: enabled by BIOS, switching to x2apic ops\n");
	}
	phys = base_msr & MSR_IA32_APICBASE_BASE;
	if (phys != mp_lapic_addr) {
		pr_warn("APIC: MADT says the local APIC is at %#lx, the CPU says %#lx: using the CPU's\n",
			mp_lapic_addr, phys);
		mp_lapic_addr = phys;
	}
	if (!(base_msr & MSR_IA32_APICBASE_ENABLE))
		pr_info("APIC: enabling the local APIC in the APIC base MSR\n");

	if (!x2apic_mode && !lapic_base) {
		lapic_base = ioremap(mp_lapic_addr, PAGE_SIZE);
		if (!lapic_base)
			panic("APIC: cannot map the local APIC at %#lx", mp_lapic_addr);
	}

	version = apic_read(APIC_LVR);
	maxlvt = (version >> 16) & 0xff;
	/* Integrated APICs report 0x1X; 0x0X is an external 82489DX, 0xff nothing. */
	if ((version & 0xf0) != 0x10)
		panic("APIC: unexpected version register %#x at %#lx", version, mp_lapic_addr);

	set_vector_handler(SPURIOUS_APIC_VECTOR, spurious_interrupt, "spurious");
	set_vector_handler(ERROR_APIC_VECTOR, error_interrupt, "APIC error");
	lapic_enable_this_cpu();

	boot_cpu_physical_apicid = read_apic_id();
	pr_info("APIC: local APIC id %u, version %#x, %u LVT entries, at %#lx%s\n",
		read_apic_id(), version & 0xff, maxlvt + 1, mp_lapic_addr,
		(base_msr & MSR_IA32_APICBASE_BSP) ? " (boot CPU)" : "");
	pr_info("APIC: enabled, spurious vector %#x, error vector %#x\n",
		SPURIOUS_APIC_VECTOR, ERROR_APIC_VECTOR);
}

/**
 * setup_secondary_local_APIC - switch an AP's local APIC on
 *
 * What setup_local_APIC() did on the boot CPU, without the one-time
 * parts (mapping, vector handlers, messages). Interrupts off.
 * Linux: setup_local_APIC() called from start_secondary() via
 * apic_ap_setup()
 */
void setup_secondary_local_APIC(void)
{
	WARN_ON(!irqs_disabled());
	lapic_enable_this_cpu();
}

/* The tick: LOCAL_TIMER_VECTOR, HZ times a second. */
static void local_apic_timer_interrupt(struct pt_regs *regs)
{
	tick_handle_periodic(regs);
	/* After the handler: no second tick can be delivered into the first. */
	apic_eoi();
}

/* One reading of the APIC timer's count, bracketed by TSC reads. */
struct apic_sample {
	u64 tsc;		/* midpoint of the bracket */
	u64 width;		/* its width in TSC cycles: the uncertainty */
	u32 count;		/* APIC_TMCCT, counting down */
};

/* The narrowest of a few readings in a row: a vCPU stall widens one. */
static void __init apic_sample_best(struct apic_sample *best)
{
	for (int i = 0; i < 8; i++) {
		u64 a = rdtsc();
		u32 count = apic_read(APIC_TMCCT);
		u64 b = rdtsc();

		if (i == 0 || b - a < best->width) {
			best->tsc = a + (b - a) / 2;
			best->width = b - a;
			best->count = count;
		}
	}
}

/*
 * How far the timer (divide by 16) counts in CALIBRATE_MS, measured
 * against the TSC. Of CALIBRATE_ROUNDS rounds, the one with the most
 * precise readings is kept. Only the readings' own brackets matter: a
 * host hiccup between them (TCG deschedules vCPUs at will) is counted by
 * both clocks alike, which is why this replaced timing a PIT wait, whose
 * end a stall could push late.
 */
static u32 __init calibrate_APIC_clock(void)
{
	u64 window = (u64)tsc_khz * CALIBRATE_MS, best_width = ~0ULL;
	u32 best = 0;

	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	/* One-shot and masked: counting only, no interrupt. */
	apic_write(APIC_LVTT, LOCAL_TIMER_VECTOR | APIC_LVT_MASKED);
	for (int i = 0; i < CALIBRATE_ROUNDS; i++) {
		struct apic_sample start, end;

		apic_write(APIC_TMICT, ~0U);
		apic_sample_best(&start);
		while (rdtsc() - start.tsc < window)
			cpu_relax();
		apic_sample_best(&end);
		if (start.width + end.width < best_width) {
			best_width = start.width + end.width;
			best = (u32)((u64)(start.count - end.count) * window / (end.tsc - start.tsc));
		}
	}
	apic_write(APIC_TMICT, 0);	/* stop it */
	return best;
}

/**
 * apic_timer_init - measure the local APIC timer and start the tick
 *
 * Calibrates the timer (divide by 16) against the PIT, then sets it
 * periodic at HZ on LOCAL_TIMER_VECTOR, whose handler calls
 * tick_handle_periodic(). Needs setup_local_APIC(); interrupts stay off
 * here, the first tick comes when the caller enables them.
 * Linux: setup_boot_APIC_clock() + calibrate_APIC_clock() +
 * lapic_timer_set_periodic()
 */
void __init apic_timer_init(void)
{
	u32 per_window;
	u64 per_jiffy, bus_hz;

	BUG_ON(!lapic_base && !x2apic_mode);	/* setup_local_APIC() first */
	WARN_ON(!irqs_disabled());

	per_window = calibrate_APIC_clock();
	per_jiffy = (u64)per_window * (MSEC_PER_SEC / CALIBRATE_MS) / HZ;
	bus_hz = (u64)per_window * 16 * (MSEC_PER_SEC / CALIBRATE_MS);
	/* Fewer than 100 counts a tick would be a timer barely counting at all. */
	if (per_jiffy < 100 || per_jiffy > ~0U)
		panic("APIC: timer calibration failed: %u counts in %d ms", per_window,
		      CALIBRATE_MS);
	lapic_timer_period = (u32)per_jiffy;
	pr_info("APIC: timer calibrated: %u ticks per tick at HZ=%d (bus clock %llu.%llu MHz)\n",
		lapic_timer_period, HZ, (unsigned long long)(bus_hz / 1000000),
		(unsigned long long)(bus_hz / 100000 % 10));

	set_vector_handler(LOCAL_TIMER_VECTOR, local_apic_timer_interrupt, "local timer");
	/* The entry first, then the count: writing TMICT starts the timer. */
	apic_write(APIC_LVTT, LOCAL_TIMER_VECTOR | APIC_LVT_TIMER_PERIODIC);
	apic_write(APIC_TMICT, lapic_timer_period);
	pr_info("APIC: periodic tick on vector %#x every %lu ms\n", LOCAL_TIMER_VECTOR,
		MSEC_PER_SEC / HZ);
}

/**
 * setup_secondary_APIC_clock - start an AP's tick
 *
 * Every CPU's APIC timer runs from the same bus clock, so the boot CPU's
 * calibration (lapic_timer_period) holds here too: measuring again on
 * each AP would only add boot time and disagreement.
 * Linux: setup_secondary_APIC_clock()
 */
void setup_secondary_APIC_clock(void)
{
	WARN_ON(!irqs_disabled());
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, LOCAL_TIMER_VECTOR | APIC_LVT_TIMER_PERIODIC);
	apic_write(APIC_TMICT, lapic_timer_period);
}

/**
 * lapic_timer_shutdown - stop this CPU's tick (the CPU is going offline)
 *
 * The timer is masked and its count cleared; setup_secondary_APIC_clock()
 * starts it again when the CPU is brought back.
 * Linux: lapic_timer_shutdown()
 */
void lapic_timer_shutdown(void)
{
	apic_write(APIC_LVTT, LOCAL_TIMER_VECTOR | APIC_LVT_MASKED);
	apic_write(APIC_TMICT, 0);
}
