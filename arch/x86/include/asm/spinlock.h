/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ticket lock: take a number (atomically add 1 to @next), then wait
 * until @owner shows it. CPUs get the lock in the order they asked, so no
 * CPU can be starved, unlike a plain test-and-set lock.
 * Linux: arch/x86/include/asm/spinlock.h of v2.6.25..v4.1 (now qspinlock)
 */
#ifndef _ASM_X86_SPINLOCK_H
#define _ASM_X86_SPINLOCK_H

#include <linux/atomic.h>
#include <asm/paravirt.h>
#include <asm/processor.h>

typedef struct arch_spinlock {
	union {
		u32 head_tail;
		struct {
			u16 owner;	/* the ticket being served */
			u16 next;	/* the next ticket to hand out */
		};
	};
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED { { 0 } }

/* Take a ticket: one locked add, the old value of next is ours. */
static __always_inline u16 arch_spin_take_ticket(arch_spinlock_t *lock)
{
	return xadd(&lock->next, (u16)1);
}

/* Is @ticket being served: is the lock ours now? */
static __always_inline bool arch_spin_ticket_served(arch_spinlock_t *lock, u16 ticket)
{
	return READ_ONCE(lock->owner) == ticket;
}

/*
 * Wait until @ticket is served: spin, and every SPIN_THRESHOLD rounds let
 * the paravirt code halt this CPU until the unlocker kicks it. Out of line
 * (arch/x86/kernel/paravirt-spinlocks.c): inlined, its loop and registers
 * would be paid for at every lock site even when the lock is free.
 */
void arch_spin_wait_ticket(arch_spinlock_t *lock, u16 ticket);

/* One locked add; the loop only when someone holds the lock. */
static __always_inline void arch_spin_lock(arch_spinlock_t *lock)
{
	u16 ticket = arch_spin_take_ticket(lock);

	if (unlikely(!arch_spin_ticket_served(lock, ticket)))
		arch_spin_wait_ticket(lock, ticket);
	barrier();	/* the critical section starts after we own the lock */
}

/*
 * Out of line, unlike the rest (arch/x86/kernel/spinlock.c): it is lab 1's
 * region, and a region in this header would make the handout rebuild
 * every file. Only _raw_spin_trylock() calls it, and trylocks are rare.
 */
bool arch_spin_trylock(arch_spinlock_t *lock);

static __always_inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	u16 next = lock->owner + 1;

	/* A store is a release on x86: earlier accesses stay before it. */
	smp_store_release(&lock->owner, next);
	/* Is the waiter of @next halted? Then wake it (asm/paravirt.h). */
	if (unlikely(READ_ONCE(paravirt_ticketlocks_enabled)))
		__ticket_unlock_kick(lock, next);
}

static __always_inline bool arch_spin_is_locked(arch_spinlock_t *lock)
{
	arch_spinlock_t t = { { READ_ONCE(lock->head_tail) } };

	return t.owner != t.next;
}

/* Someone holds it and someone else has taken a ticket and waits. */
static __always_inline bool arch_spin_is_contended(arch_spinlock_t *lock)
{
	arch_spinlock_t t = { { READ_ONCE(lock->head_tail) } };

	return (u16)(t.next - t.owner) > 1;
}

#endif /* _ASM_X86_SPINLOCK_H */
