// SPDX-License-Identifier: GPL-2.0
/*
 * Interprocessor interrupts: how one CPU makes another do something.
 *
 *   RESCHEDULE_VECTOR            "call schedule() soon": resched_curr() on
 *                                another CPU's run queue. The handler does
 *                                nothing; the interrupt's exit path
 *                                (irq_exit()) sees TIF_NEED_RESCHED.
 *   CALL_FUNCTION_SINGLE_VECTOR  run the functions queued for this CPU by
 *   CALL_FUNCTION_VECTOR         smp_call_function_*() (kernel/smp.c).
 *   NMI                          stop: panic() halts the other CPUs with
 *                                an NMI, which gets through even to a CPU
 *                                spinning with interrupts off.
 * Each IPI is counted in vector_counts[] of the receiving CPU, and traced:
 * ipi_raise where it is sent, ipi_entry/ipi_exit around its handler.
 * Locking: none here; the queues are kernel/smp.c's.
 * Linux: arch/x86/kernel/smp.c, arch/x86/kernel/apic/ipi.c
 */
#include <linux/delay.h>
#include <linux/atomic.h>
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <asm/apic.h>
#include <asm/processor.h>
#include <asm/traps.h>
#include <trace/events/ipi.h>

/* Set by smp_send_stop(): an NMI now means "halt". */
static bool stop_cpus_requested;

static void send_ipi(unsigned int cpu, u32 low, const char *reason)
{
	unsigned long flags;

	trace_ipi_raise(cpumask_of(cpu), reason);
	local_irq_save(flags);
	apic_icr_write(low, x86_cpu_to_apicid[cpu]);
	local_irq_restore(flags);
}

/**
 * smp_send_reschedule - make @cpu look at TIF_NEED_RESCHED
 * @cpu: another online CPU
 * Linux: native_smp_send_reschedule()
 */
void smp_send_reschedule(int cpu)
{
	if (WARN_ON_ONCE(!cpu_online(cpu)))
		return;
	send_ipi(cpu, APIC_DM_FIXED | RESCHEDULE_VECTOR, IPI_REASON_RESCHEDULE);
}

/**
 * arch_send_call_function_single_ipi - tell @cpu its call queue has work
 * @cpu: the CPU
 * Linux: native_send_call_func_single_ipi()
 */
void arch_send_call_function_single_ipi(int cpu)
{
	send_ipi(cpu, APIC_DM_FIXED | CALL_FUNCTION_SINGLE_VECTOR,
		 IPI_REASON_CALL_FUNCTION_SINGLE);
}

/**
 * arch_send_call_function_ipi - tell @cpu its call queue has work (many)
 * @cpu: the CPU
 * Linux: native_send_call_func_ipi(), one CPU of its mask
 */
void arch_send_call_function_ipi(int cpu)
{
	send_ipi(cpu, APIC_DM_FIXED | CALL_FUNCTION_VECTOR, IPI_REASON_CALL_FUNCTION);
}

/*
 * The reschedule IPI: irq_exit() does the work. The flag was set from
 * another CPU: fold it into this CPU's preempt_count, so that a
 * preempt_enable() of the interrupted code acts on it too.
 * Linux: sysvec_reschedule_ipi(), scheduler_ipi()
 */
static void reschedule_interrupt(struct pt_regs *regs)
{
	apic_eoi();
	preempt_fold_need_resched();
	trace_ipi_entry(IPI_REASON_RESCHEDULE);
	trace_ipi_exit(IPI_REASON_RESCHEDULE);
}

/* Linux: sysvec_call_function_single() */
static void call_function_single_interrupt(struct pt_regs *regs)
{
	apic_eoi();
	trace_ipi_entry(IPI_REASON_CALL_FUNCTION_SINGLE);
	generic_smp_call_function_single_interrupt();
	trace_ipi_exit(IPI_REASON_CALL_FUNCTION_SINGLE);
}

/* The same queue as the single one; traced under its own name. Linux: sysvec_call_function() */
static void call_function_interrupt(struct pt_regs *regs)
{
	apic_eoi();
	trace_ipi_entry(IPI_REASON_CALL_FUNCTION);
	generic_smp_call_function_single_interrupt();
	trace_ipi_exit(IPI_REASON_CALL_FUNCTION);
}

/**
 * arch_ipi_count - the IPIs @cpu has received since boot
 * @cpu: a possible CPU
 *
 * Reschedule and function-call IPIs (the NMI of smp_send_stop() is not
 * counted: the CPU that took it is gone). Read without a lock: a count
 * being incremented meanwhile is off by one.
 * Return: the sum.
 * Linux: arch_irq_stat_cpu() (irq_resched_count + irq_call_count)
 */
unsigned long arch_ipi_count(unsigned int cpu)
{
	return READ_ONCE(vector_counts[cpu][RESCHEDULE_VECTOR]) +
	       READ_ONCE(vector_counts[cpu][CALL_FUNCTION_SINGLE_VECTOR]) +
	       READ_ONCE(vector_counts[cpu][CALL_FUNCTION_VECTOR]);
}

/**
 * stop_this_cpu - take this CPU out for good (panic on another CPU)
 *
 * Offline, interrupts off, halted; only a reset brings it back.
 * Linux: stop_this_cpu()
 */
void __noreturn stop_this_cpu(void)
{
	local_irq_disable();
	set_cpu_online(smp_processor_id(), false);
	for (;;)
		native_halt();
}

/**
 * nmi_stop_requested - is this NMI smp_send_stop()'s?
 * Return: true once a CPU has asked the others to stop.
 */
bool nmi_stop_requested(void)
{
	return READ_ONCE(stop_cpus_requested);
}

/**
 * smp_send_stop - halt every other CPU (panic)
 *
 * An NMI to all but this CPU; each halts in stop_this_cpu(). Waits up to
 * a second for them to go offline, so that what this CPU prints next is
 * not interleaved with anything they were printing.
 * Linux: native_stop_other_cpus() (which tries REBOOT_VECTOR first)
 */
void smp_send_stop(void)
{
	if (num_online_cpus() == 1)
		return;
	WRITE_ONCE(stop_cpus_requested, true);
	smp_mb();
	apic_icr_write(APIC_DEST_ALLBUT | APIC_DM_NMI, 0);
	for (int ms = 0; ms < 1000 && num_online_cpus() > 1; ms++)
		mdelay(1);
}

/**
 * smp_ipi_init - install the IPI handlers (boot CPU, before any AP runs)
 * Linux: the sysvec entries of idt_setup_apic_and_irq_gates()
 */
void smp_ipi_init(void)
{
	set_vector_handler(RESCHEDULE_VECTOR, reschedule_interrupt, "reschedule IPI");
	/* Both vectors run the same queue, as in Linux since 5.x. */
	set_vector_handler(CALL_FUNCTION_SINGLE_VECTOR, call_function_single_interrupt,
			   "function call IPI");
	set_vector_handler(CALL_FUNCTION_VECTOR, call_function_interrupt,
			   "function call IPI (many)");
}
