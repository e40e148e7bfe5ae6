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
#include <asm/processor.h>

typedef struct {
	union {
		u32 head_tail;
		struct {
			u16 owner;	/* the ticket being served */
			u16 next;	/* the next ticket to hand out */
		};
	};
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED { { 0 } }

static __always_inline void arch_spin_lock(arch_spinlock_t *lock)
{
	/* One locked add takes a ticket: the old value of next is ours. */
	u16 ticket = xadd(&lock->next, (u16)1);

	while (READ_ONCE(lock->owner) != ticket)
		cpu_relax();
	barrier();	/* the critical section starts after we own the lock */
}

static __always_inline bool arch_spin_trylock(arch_spinlock_t *lock)
{
	/* LAB 1: arch_spin_trylock */
	arch_spinlock_t old, new;

	old.head_tail = READ_ONCE(lock->head_tail);
	if (old.owner != old.next)
		return false;
	new = old;
	new.next++;
	return cmpxchg(&lock->head_tail, old.head_tail, new.head_tail) == old.head_tail;
}

static __always_inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	/* A store is a release on x86: earlier accesses stay before it. */
	smp_store_release(&lock->owner, (u16)(lock->owner + 1));
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
