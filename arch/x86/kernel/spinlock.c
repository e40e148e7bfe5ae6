// SPDX-License-Identifier: GPL-2.0
/*
 * The ticket lock's trylock (the lock itself is in asm/spinlock.h). It has
 * a file of its own because it is the region lab 1's students write: a
 * change here rebuilds this file alone. No state of its own, no locking.
 * Linux: arch/x86/include/asm/spinlock.h of v2.6.25..v4.1 (__ticket_spin_trylock)
 */
#include <asm/spinlock.h>

/**
 * arch_spin_trylock - take @lock if it is free now, never spinning
 * @lock: the ticket lock
 *
 * A free lock (@owner == @next) becomes held by installing the same word
 * with @next + 1, with one cmpxchg on the whole word: it succeeds only if
 * nobody took a ticket since the read. A held lock is left as it was, no
 * ticket taken: a ticket nobody waits for would keep the lock held forever.
 *
 * Return: true if the lock is now ours.
 * Linux: arch_spin_trylock() in arch/x86/include/asm/spinlock.h (v4.1)
 */
bool arch_spin_trylock(arch_spinlock_t *lock)
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
