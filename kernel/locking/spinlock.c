// SPDX-License-Identifier: GPL-2.0
/*
 * The spinlock operations: preemption and interrupt handling around the
 * arch ticket lock, plus the debug checks of CONFIG_DEBUG_SPINLOCK. Each
 * operation tells the lock validator (spin_acquire()/spin_release())
 * before it spins, so a deadlock is reported instead of hanging; the
 * do_raw_* helpers do not, and their users (the scheduler) annotate.
 * Linux: kernel/locking/spinlock.c, kernel/locking/spinlock_debug.c
 */
#include <linux/kernel.h>
#include <linux/nmi.h>
#include <linux/printk.h>
#include <linux/sched/clock.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/spinlock.h>

int debug_locks_reports;
bool debug_locks_nonfatal;

/*
 * How long a CPU waits for its ticket before it says "lockup suspected".
 * Linux's __spin_lock_debug() (until 4.x) waited about a second; here 5 s,
 * because a TCG vCPU on a loaded host can legitimately wait a second for
 * a ticket whose holder's vCPU the host descheduled. Tests shorten it.
 */
u64 spin_lockup_ns = 5ULL * 1000 * 1000 * 1000;

/**
 * __raw_spin_lock_init - initialise a lock at run time
 * @lock: the lock
 * @name: its name, shown in debug reports
 * @key: the lock class key of the raw_spin_lock_init()/spin_lock_init() call
 * @inner: LD_WAIT_SPIN for a raw_spinlock_t, LD_WAIT_CONFIG for a spinlock_t
 * Linux: __raw_spin_lock_init() in kernel/locking/spinlock_debug.c
 */
void __raw_spin_lock_init(raw_spinlock_t *lock, const char *name, struct lock_class_key *key,
			  short inner)
{
#if CONFIG_LOCKDEP
	/* A lock re-initialised while held would leave a stale held-lock entry. */
	debug_check_no_locks_freed(lock, sizeof(*lock));
	lockdep_init_map_wait(&lock->dep_map, name, key, 0, inner);
#endif
	lock->raw_lock = (arch_spinlock_t)__ARCH_SPIN_LOCK_UNLOCKED;
#if CONFIG_DEBUG_SPINLOCK
	lock->magic = SPINLOCK_MAGIC;
	lock->owner = SPINLOCK_OWNER_INIT;
	lock->owner_cpu = -1;
	lock->name = name;
#endif
}

#if CONFIG_DEBUG_SPINLOCK
/*
 * Report a broken rule. Returns (instead of panicking) only when a test
 * asked for it with debug_locks_nonfatal; the caller then skips the
 * operation, which would deadlock or corrupt the lock.
 */
/* This CPU is printing a lock report: a lock it waits for meanwhile says nothing. */
static bool spin_dumping[NR_CPUS];

/* "BUG: spinlock MSG on CPU#N, comm/pid", the lock and its owner, a backtrace. Linux: spin_dump() */
static void spin_dump(raw_spinlock_t *lock, const char *msg)
{
	struct task_struct *owner = READ_ONCE(lock->owner);
	int cpu = raw_smp_processor_id();

	if (owner == SPINLOCK_OWNER_INIT)
		owner = NULL;
	debug_locks_reports++;
	WRITE_ONCE(spin_dumping[cpu], true);
	pr_emerg("BUG: spinlock %s on CPU#%d, %s/%d\n", msg, cpu, current->comm, current->pid);
	pr_emerg(" lock: %s, .magic: %08x, .owner: %s/%d, .owner_cpu: %d\n",
		 lock->name, lock->magic, owner ? owner->comm : "<none>",
		 owner ? owner->pid : -1, READ_ONCE(lock->owner_cpu));
	dump_stack();
	WRITE_ONCE(spin_dumping[cpu], false);
}

static void spin_bug(raw_spinlock_t *lock, const char *msg)
{
	spin_dump(lock, msg);
	if (!debug_locks_nonfatal)
		panic("spinlock debug: %s", msg);
}

/*
 * Wait for our ticket, and if that takes longer than spin_lockup_ns say
 * so once, with every other CPU's backtrace (the owner's among them),
 * then go on waiting: the lock stays fair, the report is a hint, not a
 * verdict. Linux: __spin_lock_debug() (Linux 2.6 to 4.x)
 */
static void __spin_lock_debug(raw_spinlock_t *lock)
{
	u16 ticket = arch_spin_take_ticket(&lock->raw_lock);
	u64 start = 0;
	bool reported = false;

	for (unsigned int n = 1; !arch_spin_ticket_served(&lock->raw_lock, ticket); n++) {
		cpu_relax();
		/* As arch_spin_wait_ticket(): maybe halt until kicked. */
		if (n % SPIN_THRESHOLD == 0)
			__ticket_lock_spinning(&lock->raw_lock, ticket);
		/* The clock every SPIN_THRESHOLD rounds: after each halt, which may last a tick. */
		if (reported || n % SPIN_THRESHOLD || READ_ONCE(spin_dumping[raw_smp_processor_id()]) ||
		    nmi_backtrace_printing())
			continue;
		if (!start) {
			start = local_clock();
		} else if (local_clock() - start > READ_ONCE(spin_lockup_ns)) {
			spin_dump(lock, "lockup suspected");
			trigger_all_cpu_backtrace();
			reported = true;
		}
	}
	barrier();	/* the critical section starts after we own the lock */
}

/* Checks before taking @lock; false if taking it must be skipped. */
static bool debug_spin_lock_before(raw_spinlock_t *lock)
{
	if (lock->magic != SPINLOCK_MAGIC) {
		spin_bug(lock, "bad magic");
		return false;
	}
	if (lock->owner == current) {
		spin_bug(lock, "recursion");
		return false;
	}
	return true;
}

static void debug_spin_lock_after(raw_spinlock_t *lock)
{
	lock->owner_cpu = smp_processor_id();
	lock->owner = current;
}

/* Checks before releasing @lock; false if the release must be skipped. */
static bool debug_spin_unlock(raw_spinlock_t *lock)
{
	if (lock->magic != SPINLOCK_MAGIC) {
		spin_bug(lock, "bad magic");
		return false;
	}
	if (!arch_spin_is_locked(&lock->raw_lock)) {
		spin_bug(lock, "already unlocked");
		return false;
	}
	if (lock->owner != current) {
		spin_bug(lock, "wrong owner");
		return false;
	}
	lock->owner = SPINLOCK_OWNER_INIT;
	lock->owner_cpu = -1;
	return true;
}
#else
static inline bool debug_spin_lock_before(raw_spinlock_t *lock) { return true; }
static inline void debug_spin_lock_after(raw_spinlock_t *lock) { }
static inline bool debug_spin_unlock(raw_spinlock_t *lock) { return true; }
#endif

#if CONFIG_DEBUG_SPINLOCK
/**
 * do_raw_spin_lock - take @lock, with the debug checks, preemption untouched
 * @lock: the lock
 *
 * For callers that manage preempt_count themselves (the scheduler, which
 * hands the run-queue lock across a context switch).
 * Linux: do_raw_spin_lock() in kernel/locking/spinlock_debug.c
 */
void do_raw_spin_lock(raw_spinlock_t *lock)
{
	if (!debug_spin_lock_before(lock))
		return;
	__spin_lock_debug(lock);
	debug_spin_lock_after(lock);
}

/**
 * do_raw_spin_unlock - release @lock, with the debug checks
 * @lock: the lock
 * Linux: do_raw_spin_unlock() in kernel/locking/spinlock_debug.c
 */
void do_raw_spin_unlock(raw_spinlock_t *lock)
{
	if (!debug_spin_unlock(lock))
		return;
	arch_spin_unlock(&lock->raw_lock);
}
#endif

/**
 * _raw_spin_lock - disable preemption, then take @lock
 * @lock: the lock
 * Linux: _raw_spin_lock() in kernel/locking/spinlock.c
 */
void _raw_spin_lock(raw_spinlock_t *lock)
{
	preempt_disable();
	spin_acquire(&lock->dep_map, 0, 0, _RET_IP_);
	do_raw_spin_lock(lock);
}

#if CONFIG_LOCKDEP
/**
 * _raw_spin_lock_nested - take @lock, telling the validator its nesting level
 * @lock: the lock
 * @subclass: 0 for the first lock of its class held, SINGLE_DEPTH_NESTING
 *            for a second one, and so on
 *
 * For two locks of one class held at once in a fixed order (two run
 * queues, locked by address): each level is a class of its own, so the
 * second is not a recursive acquire of the first.
 * Linux: _raw_spin_lock_nested() in kernel/locking/spinlock.c
 */
void _raw_spin_lock_nested(raw_spinlock_t *lock, int subclass)
{
	preempt_disable();
	spin_acquire(&lock->dep_map, subclass, 0, _RET_IP_);
	do_raw_spin_lock(lock);
}
#endif

/**
 * _raw_spin_trylock - take @lock if it is free, without waiting
 * @lock: the lock
 *
 * Return: 1 if taken (preemption is then disabled), 0 if not.
 * Linux: _raw_spin_trylock() in kernel/locking/spinlock.c
 */
int _raw_spin_trylock(raw_spinlock_t *lock)
{
	preempt_disable();
	if (arch_spin_trylock(&lock->raw_lock)) {
		debug_spin_lock_after(lock);
		spin_acquire(&lock->dep_map, 0, 1, _RET_IP_);
		return 1;
	}
	preempt_enable();
	return 0;
}

/**
 * _raw_spin_unlock - release @lock, then allow preemption again
 * @lock: the lock
 * Linux: _raw_spin_unlock() in kernel/locking/spinlock.c
 */
void _raw_spin_unlock(raw_spinlock_t *lock)
{
	spin_release(&lock->dep_map, _RET_IP_);
	do_raw_spin_unlock(lock);
	preempt_enable();
}

/**
 * _raw_spin_lock_irq - disable interrupts and preemption, take @lock
 * @lock: the lock
 *
 * Only where interrupts are known to be on: the unlock turns them on.
 * Linux: _raw_spin_lock_irq() in kernel/locking/spinlock.c
 */
void _raw_spin_lock_irq(raw_spinlock_t *lock)
{
	local_irq_disable();
	preempt_disable();
	spin_acquire(&lock->dep_map, 0, 0, _RET_IP_);
	do_raw_spin_lock(lock);
}

/**
 * _raw_spin_unlock_irq - release @lock, enable interrupts and preemption
 * @lock: the lock
 * Linux: _raw_spin_unlock_irq() in kernel/locking/spinlock.c
 */
void _raw_spin_unlock_irq(raw_spinlock_t *lock)
{
	spin_release(&lock->dep_map, _RET_IP_);
	do_raw_spin_unlock(lock);
	local_irq_enable();
	preempt_enable();
}

/**
 * _raw_spin_lock_irqsave - save the interrupt state, disable, take @lock
 * @lock: the lock
 *
 * Return: the saved flags, for _raw_spin_unlock_irqrestore().
 * Linux: _raw_spin_lock_irqsave() in kernel/locking/spinlock.c
 */
unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock)
{
	unsigned long flags;

	local_irq_save(flags);
	preempt_disable();
	spin_acquire(&lock->dep_map, 0, 0, _RET_IP_);
	do_raw_spin_lock(lock);
	return flags;
}

/**
 * _raw_spin_unlock_irqrestore - release @lock, restore the interrupt state
 * @lock: the lock
 * @flags: what _raw_spin_lock_irqsave() returned
 * Linux: _raw_spin_unlock_irqrestore() in kernel/locking/spinlock.c
 */
void _raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags)
{
	spin_release(&lock->dep_map, _RET_IP_);
	do_raw_spin_unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}
