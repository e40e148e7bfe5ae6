// SPDX-License-Identifier: GPL-2.0
/*
 * Paravirtual ticket locks: a waiter that has spun long enough halts, and
 * the unlocker kicks it awake with an IPI when its ticket comes up. Why a
 * guest needs this (lock-waiter preemption) is in asm/paravirt.h.
 *
 * The hand-shake, between a waiter W with ticket t and the unlocker U:
 *
 *	W: lock_waiting[me] = {lock, t}	U: lock->owner = t
 *	W: set me in waiting_cpus		U: smp_mb()
 *	W: smp_mb()				U: is anyone in waiting_cpus?
 *	W: lock->owner == t? then go	U: kick each CPU waiting for {lock, t}
 *	W: sti; hlt
 *
 * Each side writes, then a full barrier, then reads the other's word, so
 * at least one of them sees the other: W sees its ticket served, or U
 * sees W and kicks it. W's interrupts are off from before it writes its
 * record until the hlt; a kick sent meanwhile stays pending in the local
 * APIC, and "sti; hlt" takes it right after the hlt starts, so the halt
 * ends at once. Any other interrupt ends the halt too (W then checks
 * again and, if need be, halts again): a kick can come late or for
 * nothing, never be lost.
 *
 * Locking: none. Each CPU writes only its own lock_waiting[] entry, with
 * its interrupts off; waiting_cpus is changed with atomic bit operations.
 * An interrupt handler on W that waits for another lock rewrites W's
 * entry: the interrupt woke W already, and W writes its entry again.
 * Linux: kvm_lock_spinning() and kvm_unlock_kick() in arch/x86/kernel/kvm.c
 * of v3.12..v4.1; xen_qlock_wait()/xen_qlock_kick() today
 */
#include <linux/cpumask.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <asm/apic.h>
#include <asm/paravirt.h>
#include <asm/processor.h>
#include <asm/traps.h>

bool paravirt_ticketlocks_enabled;
static bool nopvspin;

static struct lock_waiting {
	struct arch_spinlock *lock;	/* the lock this CPU is halted on, or NULL */
	u16 want;			/* its ticket */
} lock_waiting[NR_CPUS];

/* The CPUs halted (or about to halt) in __ticket_lock_spinning(). */
static struct cpumask waiting_cpus;

static unsigned long halts[NR_CPUS];	/* each CPU writes its own */

/**
 * __ticket_lock_spinning - halt this CPU until @want is served
 * @lock: the lock being waited for
 * @want: this CPU's ticket
 *
 * Called by a waiter every SPIN_THRESHOLD rounds of spinning. Returns
 * after the halt, or at once if the ticket is served by now, if this CPU
 * spins with interrupts off (no IPI could wake it), or if paravirt locks
 * are off; the caller checks its ticket again either way.
 * Linux: __ticket_lock_spinning() (kvm_lock_spinning() under KVM)
 */
void __ticket_lock_spinning(struct arch_spinlock *lock, u16 want)
{
	struct lock_waiting *w;
	unsigned long flags;
	int cpu;

	if (!READ_ONCE(paravirt_ticketlocks_enabled) || irqs_disabled())
		return;
	local_irq_save(flags);
	cpu = smp_processor_id();
	w = &lock_waiting[cpu];
	WRITE_ONCE(w->want, want);
	WRITE_ONCE(w->lock, lock);
	cpumask_set_cpu(cpu, &waiting_cpus);
	/* Record and bit before the check: pairs with __ticket_unlock_kick(). */
	smp_mb();
	if (READ_ONCE(lock->owner) != want) {
		halts[cpu]++;
		native_safe_halt();	/* any interrupt ends it: the kick, or a tick */
		local_irq_disable();
	}
	cpumask_clear_cpu(cpu, &waiting_cpus);
	WRITE_ONCE(w->lock, NULL);
	local_irq_restore(flags);
}

/**
 * __ticket_unlock_kick - wake the CPU halted for ticket @next of @lock
 * @lock: the lock just released
 * @next: the ticket it now serves
 *
 * Called by arch_spin_unlock() after its store, when paravirt locks are
 * on. Cheap when nobody is halted: one barrier and one load. The kick is
 * a bare IPI, neither traced nor counted by the IPI code: tracing takes
 * locks, and the lock the tracer wants may be the very one whose next
 * owner is still asleep.
 * Linux: __ticket_unlock_kick() (kvm_unlock_kick() under KVM)
 */
void __ticket_unlock_kick(struct arch_spinlock *lock, u16 next)
{
	unsigned long flags;
	unsigned int cpu;

	/* The store of lock->owner before the read of waiting_cpus. */
	smp_mb();
	if (cpumask_empty(&waiting_cpus))
		return;
	for_each_cpu(cpu, &waiting_cpus) {
		struct lock_waiting *w = &lock_waiting[cpu];

		if (READ_ONCE(w->lock) == lock && READ_ONCE(w->want) == next) {
			local_irq_save(flags);
			apic_icr_write(APIC_DM_FIXED | PVLOCK_KICK_VECTOR, x86_cpu_to_apicid[cpu]);
			local_irq_restore(flags);
			return;		/* one ticket, one waiter */
		}
	}
}

/**
 * pv_lock_halts - how many times @cpu halted waiting for a lock
 * @cpu: a possible CPU
 * Return: the count since boot (read without a lock: may be one behind).
 */
unsigned long pv_lock_halts(unsigned int cpu)
{
	return READ_ONCE(halts[cpu]);
}

/* The kick: waking up was the whole point; the waiter re-checks itself. */
static void pvlock_kick_interrupt(struct pt_regs *regs)
{
	apic_eoi();
}

static int __init nopvspin_setup(char *str)
{
	nopvspin = true;
	return 0;
}
early_param("nopvspin", nopvspin_setup);

/* CPUID.1:ECX bit 31, set by hypervisors (QEMU's TCG too), clear on real CPUs. */
static bool running_on_hypervisor(void)
{
	u32 eax, ebx, ecx, edx;

	cpuid(1, &eax, &ebx, &ecx, &edx);
	return ecx & (1U << 31);
}

/**
 * pv_spinlock_init - turn paravirt ticket locks on where they help
 *
 * On a hypervisor with more than one possible CPU, unless nopvspin was
 * given. Called on the boot CPU once the possible CPUs are known, before
 * any other CPU runs. Prints Linux's lines.
 * Linux: kvm_spinlock_init(), xen_init_spinlocks()
 */
void __init pv_spinlock_init(void)
{
	if (nopvspin) {
		pr_info("PV spinlocks disabled, forced by \"nopvspin\" parameter\n");
		return;
	}
	if (num_possible_cpus() == 1) {
		pr_info("PV spinlocks disabled, single CPU\n");
		return;
	}
	if (!running_on_hypervisor()) {
		pr_info("PV spinlocks disabled, no host support\n");
		return;
	}
	set_vector_handler(PVLOCK_KICK_VECTOR, pvlock_kick_interrupt, "spinlock kick IPI");
	WRITE_ONCE(paravirt_ticketlocks_enabled, true);
	pr_info("PV spinlocks enabled\n");
}

/**
 * arch_spin_wait_ticket - wait until @ticket is served
 * @lock: the ticket lock
 * @ticket: the ticket this CPU took
 *
 * Spins, and every SPIN_THRESHOLD rounds asks __ticket_lock_spinning()
 * to halt this CPU until the unlocker kicks it (a no-op unless
 * paravirt_ticketlocks_enabled). arch_spin_lock()'s slow path, out of
 * line so that a lock taken free costs no loop.
 * Linux: __ticket_spin_lock()'s loop in arch/x86/include/asm/spinlock.h
 * (v3.12..v4.1); queued_spin_lock_slowpath() today
 */
void arch_spin_wait_ticket(arch_spinlock_t *lock, u16 ticket)
{
	for (;;) {
		for (unsigned int n = SPIN_THRESHOLD; n; n--) {
			if (arch_spin_ticket_served(lock, ticket))
				return;
			cpu_relax();
		}
		__ticket_lock_spinning(lock, ticket);
	}
}
