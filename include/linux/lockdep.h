/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lock validator's API (kernel/locking/lockdep.c).
 *
 * Every lock operation tells the validator what it did: lock_acquire()
 * before it spins or sleeps for the lock, lock_release() as it lets go
 * (the lock types do it in spinlock.c and mutex.c through spin_acquire(),
 * mutex_acquire() and friends). From that the validator learns, per lock
 * class, which classes are taken while it is held and in which interrupt
 * states, and reports a possible deadlock the first time the order or
 * the context is unsafe, however unlikely the interleaving that would
 * hang.
 *
 * Code that relies on its caller holding a lock says so with
 * lockdep_assert_held(&lock): "held" means on the current task's
 * held-lock stack, so a lock another task holds does not count. The lock
 * is named by its address: a raw_spinlock_t, a spinlock_t and a struct
 * mutex all have a dep_map. After the validator's first report
 * (debug_locks = 0) the assertions are quiet, as in Linux.
 * Linux: include/linux/lockdep.h
 */
#ifndef _LINUX_LOCKDEP_H
#define _LINUX_LOCKDEP_H

#include <linux/bug.h>
#include <linux/debug_locks.h>
#include <linux/instruction_pointer.h>
#include <linux/lockdep_types.h>
#include <asm/irqflags.h>

struct task_struct;

#if CONFIG_LOCKDEP

void lockdep_init_map_wait(struct lockdep_map *lock, const char *name,
			   struct lock_class_key *key, int subclass, u8 inner);
void lock_acquire(struct lockdep_map *lock, unsigned int subclass, int trylock, int read,
		  int check, struct lockdep_map *nest_lock, unsigned long ip);
void lock_release(struct lockdep_map *lock, unsigned long ip);
void lock_set_subclass(struct lockdep_map *lock, unsigned int subclass, unsigned long ip);
int lock_is_held(const struct lockdep_map *lock);
void lockdep_init_task(struct task_struct *task);
void lockdep_off(void);
void lockdep_on(void);
void lockdep_print_held_locks(struct task_struct *p);
void debug_check_no_locks_freed(const void *mem_from, unsigned long mem_len);
void debug_check_no_locks_held(void);
void lockdep_sys_exit(void);

/* The shell's `lockdep` views (kernel/locking/lockdep_proc.c). */
struct printer;
void lockdep_show(const struct printer *p);
void lockdep_chains_show(const struct printer *p);
void lockdep_stats_show(const struct printer *p);

/* Every report the validator made, printed or silenced (see debug_locks.h). */
extern unsigned int lockdep_reports;

static inline void lockdep_init_map(struct lockdep_map *lock, const char *name,
				    struct lock_class_key *key, int subclass)
{
	lockdep_init_map_wait(lock, name, key, subclass, LD_WAIT_INV);
}

/*
 * Put @lock in another class than its init call site gave it: for locks
 * that one init function makes for users who nest them differently.
 */
#define lockdep_set_class(lock, key)					\
	lockdep_init_map_wait(&(lock)->dep_map, #key, key, 0, (lock)->dep_map.wait_type_inner)
#define lockdep_set_class_and_name(lock, key, name)			\
	lockdep_init_map_wait(&(lock)->dep_map, name, key, 0, (lock)->dep_map.wait_type_inner)

#define lockdep_is_held(lock)		lock_is_held(&(lock)->dep_map)
#define lockdep_depth(tsk)		(debug_locks ? (tsk)->lockdep_depth : 0)

#else /* !CONFIG_LOCKDEP */

/* No dep_map in the locks: the hooks must not even look at their arguments. */
#define lock_acquire(l, s, t, r, c, n, i)		do { } while (0)
#define lock_release(l, i)				do { } while (0)
#define lock_set_subclass(l, s, i)			do { } while (0)
static inline void lockdep_init_task(struct task_struct *task) { }
static inline void lockdep_off(void) { }
static inline void lockdep_on(void) { }
static inline void lockdep_print_held_locks(struct task_struct *p) { }
static inline void debug_check_no_locks_freed(const void *mem_from, unsigned long mem_len) { }
static inline void debug_check_no_locks_held(void) { }
static inline void lockdep_sys_exit(void) { }
struct printer;
static inline void lockdep_show(const struct printer *p) { }
static inline void lockdep_chains_show(const struct printer *p) { }
static inline void lockdep_stats_show(const struct printer *p) { }
#define lockdep_set_class(lock, key)			do { (void)(key); } while (0)
#define lockdep_set_class_and_name(lock, key, name)	do { (void)(key); } while (0)
#define lockdep_is_held(lock)				({ (void)(lock); 1; })
#define lockdep_depth(tsk)				0

#endif /* CONFIG_LOCKDEP */

#define lock_acquire_exclusive(l, s, t, n, i)	lock_acquire(l, s, t, 0, 1, n, i)
#define spin_acquire(l, s, t, i)		lock_acquire_exclusive(l, s, t, NULL, i)
#define spin_release(l, i)			lock_release(l, i)
#define mutex_acquire(l, s, t, i)		lock_acquire_exclusive(l, s, t, NULL, i)
#define mutex_release(l, i)			lock_release(l, i)
/* A lockdep_map standing for something that is not a lock (tests, waits). */
#define lock_map_acquire(l)			lock_acquire_exclusive(l, 0, 0, NULL, _THIS_IP_)
#define lock_map_release(l)			lock_release(l, _THIS_IP_)

/**
 * lockdep_assert - WARN if @cond is false while the validator runs
 * @cond: the condition
 * Linux: lockdep_assert()
 */
#define lockdep_assert(cond)		do { WARN_ON(debug_locks && !(cond)); } while (0)

/**
 * lockdep_assert_held - WARN unless the current task holds @l
 * @l: the address of the lock (anything with a dep_map)
 *
 * A macro, so that the WARNING names the function that assumes the lock.
 * Linux: lockdep_assert_held()
 */
#define lockdep_assert_held(l)		lockdep_assert(lockdep_is_held(l))

/**
 * lockdep_assert_not_held - WARN if the current task holds @l
 * @l: the address of the lock
 *
 * For code about to take @l, or to sleep, that must not already hold it.
 * Linux: lockdep_assert_not_held()
 */
#define lockdep_assert_not_held(l)	lockdep_assert(!lockdep_is_held(l))

/**
 * lockdep_assert_irqs_disabled - WARN (once) unless interrupts are off here
 *
 * Spindle reads the CPU's flag itself (Linux reads its own tracking of it).
 * Linux: lockdep_assert_irqs_disabled()
 */
#define lockdep_assert_irqs_disabled() \
	do { WARN_ON_ONCE(CONFIG_LOCKDEP && debug_locks && !arch_irqs_disabled()); } while (0)

/**
 * lockdep_assert_irqs_enabled - WARN (once) unless interrupts are on here
 * Linux: lockdep_assert_irqs_enabled()
 */
#define lockdep_assert_irqs_enabled() \
	do { WARN_ON_ONCE(CONFIG_LOCKDEP && debug_locks && arch_irqs_disabled()); } while (0)

/**
 * might_lock - tell the validator this code may take @lock
 * @lock: the lock
 *
 * An acquire and release at once, for a path that takes @lock only
 * sometimes: its order against what the caller holds is checked on every
 * pass, not only on the rare one that really takes it.
 * Linux: might_lock()
 */
#if CONFIG_LOCKDEP
#define might_lock(lock) do {						\
	lock_acquire(&(lock)->dep_map, 0, 0, 0, 1, NULL, _THIS_IP_);	\
	lock_release(&(lock)->dep_map, _THIS_IP_);			\
} while (0)

/**
 * might_lock_nested - might_lock() at nesting level @subclass
 * @lock: the lock
 * @subclass: as for spin_lock_nested()
 * Linux: might_lock_nested()
 */
#define might_lock_nested(lock, subclass) do {				\
	lock_acquire(&(lock)->dep_map, subclass, 0, 0, 1, NULL, _THIS_IP_); \
	lock_release(&(lock)->dep_map, _THIS_IP_);			\
} while (0)
#else
#define might_lock(lock)			do { (void)(lock); } while (0)
#define might_lock_nested(lock, subclass)	do { (void)(lock); } while (0)
#endif

#endif /* _LINUX_LOCKDEP_H */
