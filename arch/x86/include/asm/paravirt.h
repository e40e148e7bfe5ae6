/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Paravirtual ticket locks: what a spinning CPU does when the CPU it
 * waits for may not be running at all.
 *
 * Under QEMU (or any hypervisor) a vCPU is a host thread. With more vCPUs
 * than host cores, the host deschedules some of them for whole time
 * slices. A ticket lock then stalls: the lock is handed to the next
 * ticket in order, and if that ticket's vCPU is descheduled, every CPU
 * behind it spins (burning the host cores it would need) until the host
 * runs it again, a few milliseconds later. Four vCPUs hammering one lock
 * on a 2-core host pass it on about once per host time slice, a thousand
 * times slower than on 4 real CPUs ("lock-waiter preemption").
 *
 * The cure, Linux's since 3.12: a waiter spins SPIN_THRESHOLD times, then
 * writes down which lock and ticket it waits for and halts; a halted vCPU
 * gives its host core back. The unlocker, when it sees halted waiters,
 * looks for the one whose ticket it just served and kicks it awake.
 * Linux kicks with a hypercall (KVM_HC_KICK_CPU) or an event channel
 * (Xen); Spindle has neither and sends an IPI, PVLOCK_KICK_VECTOR. An IPI
 * cannot wake a CPU halted with interrupts off, so a waiter halts only if
 * it spins with interrupts on; spin_lock_irq*() waiters keep spinning.
 *
 * On (paravirt_ticketlocks_enabled) when CPUID says a hypervisor is under
 * us and there is more than one CPU; nopvspin on the command line keeps
 * it off, as in Linux.
 * Linux: arch/x86/include/asm/spinlock.h and paravirt.h of v3.12..v4.1
 * (__ticket_lock_spinning(), __ticket_unlock_kick()); today pv_wait() and
 * pv_kick() of the paravirt qspinlock.
 */
#ifndef _ASM_X86_PARAVIRT_H
#define _ASM_X86_PARAVIRT_H

#include <linux/compiler.h>
#include <linux/types.h>

struct arch_spinlock;

/*
 * How many times a waiter checks its ticket before it halts. Long enough
 * that a lock held for a short section is never slept on (a halt and a
 * kick cost two interrupts), short enough that a waiter behind a
 * descheduled vCPU gives its core back well within a host time slice.
 * Linux used 1 << 15 on real CPUs. Under QEMU's TCG each PAUSE ends a
 * translation block, so a round costs far more: measured with 4 CPUs
 * x 100,000 rounds of one lock at -smp 4 on a 2-core host, 1 << 4 took
 * 0.9 s, 1 << 6 6 s, 1 << 9 and 1 << 11 more than 30 s (smp_test.c).
 */
#define SPIN_THRESHOLD	(1U << 4)

extern bool paravirt_ticketlocks_enabled;

void __ticket_lock_spinning(struct arch_spinlock *lock, u16 want);
void __ticket_unlock_kick(struct arch_spinlock *lock, u16 next);
void pv_spinlock_init(void);

/* The number of halts and kicks on @cpu since boot (tests, the shell). */
unsigned long pv_lock_halts(unsigned int cpu);

#endif /* _ASM_X86_PARAVIRT_H */
