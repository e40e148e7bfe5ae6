// SPDX-License-Identifier: GPL-2.0
/*
 * panic(), BUG() and WARN(): how the kernel reports a broken invariant.
 * A panic prints the reason and a backtrace, turns interrupts off and
 * stops the CPU; in test mode it also ends QEMU with the failure code so a
 * test run never hangs on a dead kernel.
 * Linux: kernel/panic.c
 */
#include <linux/debug_locks.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/smp.h>
#include <asm/qemu.h>

int warn_count;
int oops_in_progress;
/* The CPU that panics, or -1: the first to set it reports, the others stop. */
static int panic_cpu = -1;

/* Hooks run by panic() before the machine stops (e.g. a trace dump). */
/* Set by kernel/trace/trace.c: dump the trace buffer on panic. */
extern void (*panic_notifier)(void);

/**
 * panic - stop the machine, saying why
 * @fmt: the reason, printf-style
 *
 * Never returns. Only the first CPU to panic reports: a second one
 * (panicking at the same moment) stops where it is, and the first stops
 * every other CPU with an NMI before it prints, so the report appears
 * once and nothing is interleaved with it. A panic inside a panic stops
 * at once, so a fault while printing the first report cannot loop.
 * Linux: panic() in kernel/panic.c (panic_cpu, smp_send_stop())
 */
void panic(const char *fmt, ...)
{
	static char buf[256];
	va_list args;
	int this_cpu, old;

	local_irq_disable();
	this_cpu = smp_processor_id();
	old = cmpxchg(&panic_cpu, -1, this_cpu);
	if (old != -1) {
		if (old != this_cpu)
			stop_this_cpu();	/* Linux: panic_smp_self_stop() */
		for (;;)
			native_halt();
	}
	WRITE_ONCE(oops_in_progress, 1);
	debug_locks_off();	/* locks are no longer to be trusted; no reports mid-panic */
	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	smp_send_stop();
	/* A stopped CPU may have been inside printk(). */
	printk_zap_locks();
	printk_flush();
	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	dump_stack();
	if (panic_notifier)
		panic_notifier();
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);
	printk_flush();
	if (spindle_test_mode)
		qemu_exit(QEMU_EXIT_FAILURE);
	for (;;)
		native_halt();
}

/**
 * __bug - BUG()/BUG_ON(): report the failed invariant and panic
 * @file: source file of the check
 * @line: its line
 * @cond: the condition text, or NULL for a bare BUG()
 * Linux: report_bug() + die() in lib/bug.c, arch/x86/kernel/traps.c
 */
void __bug(const char *file, int line, const char *cond)
{
	pr_emerg("------------[ cut here ]------------\n");
	pr_emerg("kernel BUG at %s:%d!%s%s\n", file, line, cond ? " " : "", cond ? cond : "");
	panic("BUG at %s:%d", file, line);
}

/**
 * __warn - WARN()/WARN_ON(): report with a backtrace and carry on
 * @file: source file of the check
 * @line: its line
 * @func: the function holding the check
 * @fmt: what went wrong
 * Linux: __warn() in kernel/panic.c
 */
void __warn(const char *file, int line, const char *func, const char *fmt, ...)
{
	va_list args;

	warn_count++;
	pr_warn("------------[ cut here ]------------\n");
	pr_warn("WARNING: CPU: %d PID: %d at %s:%d %s\n", smp_processor_id(),
		current ? current->pid : 0, file, line, func);
	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
	pr_cont("\n");
	dump_stack();
	pr_warn("---[ end trace ]---\n");
}
