// SPDX-License-Identifier: GPL-2.0
/*
 * Backtraces of other CPUs by NMI. The asking CPU sets the target CPUs'
 * bits in backtrace_mask and sends each an NMI; a target's NMI handler
 * (do_exception() in traps.c) finds its bit, prints its registers and
 * stack (the interrupted context, wherever it was stuck) and clears the
 * bit. The asking CPU waits for the bits, so reports do not interleave
 * with what it prints next.
 *
 * printk() from an NMI takes the log's lock like any printk(): a CPU
 * interrupted while it held that lock would deadlock here. Linux queues
 * NMI messages in per-CPU buffers for that (printk_safe); Spindle's
 * callers (the lockup detectors, sysrq-like debugging) target CPUs that
 * are stuck elsewhere, and the wait is bounded.
 *
 * Locking: backtrace_mask bits are set by the asking CPU and cleared by
 * each target, with atomic bit operations; backtrace_lock lets one
 * request be in flight at a time (a trylock: a second asker goes without).
 * Linux: lib/nmi_backtrace.c, arch/x86/kernel/apic/hw_nmi.c
 */
#include <linux/bitops.h>
#include <linux/delay.h>
#include <linux/kernel.h>
#include <linux/nmi.h>
#include <linux/sched/debug.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <asm/apic.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

static struct cpumask backtrace_mask;
/* One backtrace request at a time; never waited for (trylock). */
static DEFINE_RAW_SPINLOCK(backtrace_lock);
/* Set and cleared by each CPU for itself, in its NMI handler. */
static bool nmi_printing[NR_CPUS];

/* Ask every CPU of @mask (not this one) for its backtrace and wait up to 1 s. */
static void nmi_trigger_cpumask_backtrace(const struct cpumask *mask)
{
	unsigned long flags;
	int cpu;

	if (!raw_spin_trylock(&backtrace_lock))
		return;
	local_irq_save(flags);
	cpumask_and(&backtrace_mask, mask, cpu_online_mask);
	cpumask_clear_cpu(smp_processor_id(), &backtrace_mask);
	if (!cpumask_empty(&backtrace_mask)) {
		char list[3 * NR_CPUS];
		size_t n = 0;

		for_each_cpu(cpu, &backtrace_mask)
			n += scnprintf(list + n, sizeof(list) - n, "%s%d", n ? "," : "", cpu);
		pr_info("Sending NMI from CPU %d to CPUs %s:\n", smp_processor_id(), list);
	}
	for_each_cpu(cpu, &backtrace_mask)
		apic_icr_write(APIC_DM_NMI, x86_cpu_to_apicid[cpu]);
	for (int ms = 0; ms < 1000 && !cpumask_empty(&backtrace_mask); ms++) {
		mdelay(1);
		touch_nmi_watchdog();
	}
	cpumask_clear(&backtrace_mask);
	local_irq_restore(flags);
	raw_spin_unlock(&backtrace_lock);
}

/**
 * trigger_single_cpu_backtrace - print @cpu's backtrace, via NMI
 * @cpu: an online CPU other than this one
 * Return: true (an NMI was sent, or @cpu is this CPU and was dumped).
 * Linux: trigger_single_cpu_backtrace()
 */
bool trigger_single_cpu_backtrace(int cpu)
{
	if (cpu == smp_processor_id()) {
		dump_stack();
		return true;
	}
	nmi_trigger_cpumask_backtrace(cpumask_of(cpu));
	return true;
}

/**
 * trigger_all_cpu_backtrace - print every other online CPU's backtrace
 * Linux: trigger_all_cpu_backtrace()
 */
void trigger_all_cpu_backtrace(void)
{
	nmi_trigger_cpumask_backtrace(cpu_online_mask);
}

/*
 * From the NMI's first line to its last (the asking CPU may have stopped
 * waiting long before, on a slow console), a lock this CPU waits for
 * (printk's, which the other targets print through too) must not start
 * a report of its own: that report would wait for the very lock this CPU
 * is queued on, behind its own ticket. Linux needs no such flag: its NMI
 * printk goes through per-CPU buffers.
 */
/**
 * nmi_backtrace_printing - is this CPU printing its NMI backtrace?
 * Return: true while this CPU's NMI handler prints.
 * Linux: none
 */
bool nmi_backtrace_printing(void)
{
	return READ_ONCE(nmi_printing[raw_smp_processor_id()]);
}

/**
 * nmi_cpu_backtrace - the NMI handler's part: print this CPU's if asked
 * @regs: the context the NMI interrupted
 * Return: true if this NMI was a backtrace request (and it is done).
 * Linux: nmi_cpu_backtrace()
 */
bool nmi_cpu_backtrace(struct pt_regs *regs)
{
	int cpu = smp_processor_id();

	if (!cpumask_test_cpu(cpu, &backtrace_mask))
		return false;
	WRITE_ONCE(nmi_printing[cpu], true);
	pr_warn("NMI backtrace for cpu %d\n", cpu);
	show_regs(regs);
	WRITE_ONCE(nmi_printing[cpu], false);
	cpumask_clear_cpu(cpu, &backtrace_mask);
	return true;
}
