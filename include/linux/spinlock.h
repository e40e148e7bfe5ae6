/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spinlocks. Holding one disables preemption (so the holder is never
 * switched out while another task spins for it), and the _irq/_irqsave
 * forms also disable interrupts, for data an interrupt handler touches.
 *
 * raw_spinlock_t is the lock itself; spinlock_t wraps it, as in Linux
 * (where PREEMPT_RT turns spinlock_t into a sleeping lock; Spindle keeps
 * the type distinction so code reads the same).
 *
 * With CONFIG_DEBUG_SPINLOCK (on by default), each lock records its owner
 * and the lock operations catch recursion, unlock by a non-owner, and
 * unlocking a free lock ("BUG: spinlock ..." with a backtrace).
 * Linux: include/linux/spinlock.h, spinlock_types.h, kernel/locking/spinlock_debug.c
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/irqflags.h>
#include <linux/lockdep.h>
#include <linux/preempt.h>
#include <linux/stddef.h>
#include <asm/spinlock.h>

#ifndef CONFIG_DEBUG_SPINLOCK
#define CONFIG_DEBUG_SPINLOCK 1
#endif

#define SPINLOCK_MAGIC	0xdead4eadU

typedef struct raw_spinlock {
	arch_spinlock_t raw_lock;
#if CONFIG_DEBUG_SPINLOCK
	unsigned int magic;
	int owner_cpu;
	void *owner;		/* the task holding it, or SPINLOCK_OWNER_INIT */
	const char *name;
#endif
#if CONFIG_LOCKDEP
	struct lockdep_map dep_map;	/* its class, for the lock validator */
#endif
} raw_spinlock_t;

#if CONFIG_LOCKDEP
/* spinlock_t's dep_map sits where raw_spinlock_t's does: &lock->dep_map works for both. */
#define LOCK_PADSIZE (offsetof(struct raw_spinlock, dep_map))
typedef struct spinlock {
	union {
		struct raw_spinlock rlock;
		struct {
			u8 __padding[LOCK_PADSIZE];
			struct lockdep_map dep_map;
		};
	};
} spinlock_t;
#define RAW_SPIN_DEP_MAP_INIT(lockname) \
	, .dep_map = STATIC_LOCKDEP_MAP_INIT(#lockname, LD_WAIT_SPIN)
#define SPIN_DEP_MAP_INIT(lockname) \
	, .dep_map = STATIC_LOCKDEP_MAP_INIT(#lockname, LD_WAIT_CONFIG)
#else
typedef struct spinlock {
	struct raw_spinlock rlock;
} spinlock_t;
#define RAW_SPIN_DEP_MAP_INIT(lockname)
#define SPIN_DEP_MAP_INIT(lockname)
#endif

#define SPINLOCK_OWNER_INIT	((void *)-1L)

#if CONFIG_DEBUG_SPINLOCK
#define __RAW_SPIN_LOCK_INIT(lockname)					\
	.raw_lock = __ARCH_SPIN_LOCK_UNLOCKED, .magic = SPINLOCK_MAGIC,	\
	.owner_cpu = -1, .owner = SPINLOCK_OWNER_INIT, .name = #lockname
#else
#define __RAW_SPIN_LOCK_INIT(lockname) .raw_lock = __ARCH_SPIN_LOCK_UNLOCKED
#endif

/*
 * The owner the debug fields record, for code outside kernel/locking/ that
 * reads it (the spinlock tests). The release build (CONFIG_DEBUG_SPINLOCK=0)
 * records no owner: NULL there. Writers (the scheduler handing rq->lock to
 * the next task) are under #if CONFIG_DEBUG_SPINLOCK.
 */
static __always_inline void *raw_spin_owner(raw_spinlock_t *lock)
{
#if CONFIG_DEBUG_SPINLOCK
	return READ_ONCE(lock->owner);
#else
	return NULL;
#endif
}

#define __RAW_SPIN_LOCK_UNLOCKED(lockname) \
	{ __RAW_SPIN_LOCK_INIT(lockname) RAW_SPIN_DEP_MAP_INIT(lockname) }
#define __SPIN_LOCK_UNLOCKED(lockname) \
	{ .rlock = { __RAW_SPIN_LOCK_INIT(lockname) SPIN_DEP_MAP_INIT(lockname) } }

#define DEFINE_RAW_SPINLOCK(x)	raw_spinlock_t x = __RAW_SPIN_LOCK_UNLOCKED(x)
#define DEFINE_SPINLOCK(x)	spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

/*
 * The run-time initialisers keep a static key per call site: every lock
 * initialised here is one lock class for the validator, named after the
 * expression ("&rq->lock").
 */
void __raw_spin_lock_init(raw_spinlock_t *lock, const char *name, struct lock_class_key *key,
			  short inner);
#define raw_spin_lock_init(lock) do {					\
	static struct lock_class_key __key;				\
	__raw_spin_lock_init(lock, #lock, &__key, LD_WAIT_SPIN);	\
} while (0)
#define spin_lock_init(lock) do {					\
	static struct lock_class_key __key;				\
	__raw_spin_lock_init(&(lock)->rlock, #lock, &__key, LD_WAIT_CONFIG); \
} while (0)

/* The out-of-line operations (kernel/locking/spinlock.c). */
void _raw_spin_lock(raw_spinlock_t *lock);
void _raw_spin_lock_nested(raw_spinlock_t *lock, int subclass);
int _raw_spin_trylock(raw_spinlock_t *lock);
void _raw_spin_unlock(raw_spinlock_t *lock);
void _raw_spin_lock_irq(raw_spinlock_t *lock);
void _raw_spin_unlock_irq(raw_spinlock_t *lock);
unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock);
void _raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags);
/*
 * Like the above without touching preempt_count (scheduler internals):
 * out of line with the debug checks; without them, the arch operation
 * itself at the call site (the scheduler takes rq->lock this way on every
 * switch).
 */
#if CONFIG_DEBUG_SPINLOCK
void do_raw_spin_lock(raw_spinlock_t *lock);
void do_raw_spin_unlock(raw_spinlock_t *lock);
#else
static __always_inline void do_raw_spin_lock(raw_spinlock_t *lock)
{
	arch_spin_lock(&lock->raw_lock);
}

static __always_inline void do_raw_spin_unlock(raw_spinlock_t *lock)
{
	arch_spin_unlock(&lock->raw_lock);
}
#endif

#if !CONFIG_DEBUG_SPINLOCK && !CONFIG_LOCKDEP
/*
 * The release build's fast path: with nothing to check and no validator to
 * tell, a lock operation is short enough to be written at each call site,
 * saving the call, the return and the frame. spin_lock() is then:
 *
 *   addl $1,%gs:preempt_count     preempt_disable(): the holder stays on this CPU
 *   lock xadd %cx,next            take a ticket: the ONE locked instruction
 *   movzwl owner; cmp; je         our turn? (a free lock: yes, no pause loop)
 *
 * and spin_unlock():
 *
 *   movzwl owner; add $1; mov     owner + 1, written with a plain store: x86
 *                                 keeps stores in order, so every write of the
 *                                 critical section is seen before the lock
 *                                 looks free (no lock prefix, no fence)
 *   addl $-1,%gs:preempt_count    preempt_enable(): at zero, switch now if the
 *   test; jz                      tick asked for it while we held the lock
 *
 * The _irq and _irqsave forms add cli (saving the flags first with pushf) and
 * sti/popf. The debug build keeps the out-of-line checked operations of
 * kernel/locking/spinlock.c. Linux: include/linux/spinlock_api_smp.h (inlined
 * when CONFIG_INLINE_SPIN_* is set)
 */
static __always_inline void __raw_spin_lock(raw_spinlock_t *lock)
{
	preempt_disable();
	arch_spin_lock(&lock->raw_lock);
}

static __always_inline int __raw_spin_trylock(raw_spinlock_t *lock)
{
	preempt_disable();
	if (arch_spin_trylock(&lock->raw_lock))
		return 1;
	preempt_enable();
	return 0;
}

static __always_inline void __raw_spin_unlock(raw_spinlock_t *lock)
{
	arch_spin_unlock(&lock->raw_lock);
	preempt_enable();
}

static __always_inline void __raw_spin_lock_irq(raw_spinlock_t *lock)
{
	local_irq_disable();
	__raw_spin_lock(lock);
}

static __always_inline void __raw_spin_unlock_irq(raw_spinlock_t *lock)
{
	arch_spin_unlock(&lock->raw_lock);
	local_irq_enable();
	preempt_enable();
}

static __always_inline unsigned long __raw_spin_lock_irqsave(raw_spinlock_t *lock)
{
	unsigned long flags;

	local_irq_save(flags);
	__raw_spin_lock(lock);
	return flags;
}

static __always_inline void __raw_spin_unlock_irqrestore(raw_spinlock_t *lock,
							 unsigned long flags)
{
	arch_spin_unlock(&lock->raw_lock);
	local_irq_restore(flags);
	preempt_enable();
}

#define raw_spin_lock(lock)		__raw_spin_lock(lock)
#define raw_spin_trylock(lock)		__raw_spin_trylock(lock)
#define raw_spin_unlock(lock)		__raw_spin_unlock(lock)
#define raw_spin_lock_irq(lock)		__raw_spin_lock_irq(lock)
#define raw_spin_unlock_irq(lock)	__raw_spin_unlock_irq(lock)
#define raw_spin_lock_irqsave(lock, flags) \
	do { (flags) = __raw_spin_lock_irqsave(lock); } while (0)
#define raw_spin_unlock_irqrestore(lock, flags) __raw_spin_unlock_irqrestore(lock, flags)
#else
#define raw_spin_lock(lock)		_raw_spin_lock(lock)
#define raw_spin_trylock(lock)		_raw_spin_trylock(lock)
#define raw_spin_unlock(lock)		_raw_spin_unlock(lock)
#define raw_spin_lock_irq(lock)		_raw_spin_lock_irq(lock)
#define raw_spin_unlock_irq(lock)	_raw_spin_unlock_irq(lock)
#define raw_spin_lock_irqsave(lock, flags) \
	do { (flags) = _raw_spin_lock_irqsave(lock); } while (0)
#define raw_spin_unlock_irqrestore(lock, flags) _raw_spin_unlock_irqrestore(lock, flags)
#endif
#if CONFIG_LOCKDEP
/* The second lock of a class taken at once, at nesting level @subclass. */
#define raw_spin_lock_nested(lock, subclass) _raw_spin_lock_nested(lock, subclass)
#else
#define raw_spin_lock_nested(lock, subclass) raw_spin_lock(((void)(subclass), (lock)))
#endif
#define raw_spin_is_locked(lock)	arch_spin_is_locked(&(lock)->raw_lock)
#define raw_spin_is_contended(lock)	arch_spin_is_contended(&(lock)->raw_lock)

static __always_inline void spin_lock(spinlock_t *lock)
{
	raw_spin_lock(&lock->rlock);
}

#define spin_lock_nested(lock, subclass) raw_spin_lock_nested(&(lock)->rlock, subclass)

static __always_inline int spin_trylock(spinlock_t *lock)
{
	return raw_spin_trylock(&lock->rlock);
}

static __always_inline void spin_unlock(spinlock_t *lock)
{
	raw_spin_unlock(&lock->rlock);
}

static __always_inline void spin_lock_irq(spinlock_t *lock)
{
	raw_spin_lock_irq(&lock->rlock);
}

static __always_inline void spin_unlock_irq(spinlock_t *lock)
{
	raw_spin_unlock_irq(&lock->rlock);
}

#define spin_lock_irqsave(lock, flags) raw_spin_lock_irqsave(&(lock)->rlock, flags)

static __always_inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	raw_spin_unlock_irqrestore(&lock->rlock, flags);
}

static __always_inline int spin_is_locked(spinlock_t *lock)
{
	return raw_spin_is_locked(&lock->rlock);
}

/* Held, with another CPU spinning for it. Linux: spin_is_contended() */
static __always_inline int spin_is_contended(spinlock_t *lock)
{
	return raw_spin_is_contended(&lock->rlock);
}

/*
 * Lock-debugging reports. A report prints "BUG: <what>" with the lock, the
 * owner and a backtrace, then panics: a broken locking rule must stop the
 * machine. Tests that provoke one on purpose set debug_locks_nonfatal;
 * then the report is counted in debug_locks_reports and the faulty
 * operation is skipped instead.
 */
extern int debug_locks_reports;
extern bool debug_locks_nonfatal;
/* How long a CPU spins for a lock before "lockup suspected" (ns). */
extern u64 spin_lockup_ns;

#endif /* _LINUX_SPINLOCK_H */
