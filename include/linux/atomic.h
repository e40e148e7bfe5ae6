/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Atomic integers and the barriers around them. x86 is strongly ordered:
 * smp_mb() needs an instruction (loads may pass earlier stores), smp_rmb()
 * and smp_wmb() only need to stop the compiler.
 * Linux: include/linux/atomic.h, arch/x86/include/asm/atomic.h, barrier.h
 */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/cmpxchg.h>

#define smp_mb()	__asm__ __volatile__("lock addl $0, -4(%%rsp)" : : : "memory", "cc")
#define smp_rmb()	barrier()
#define smp_wmb()	barrier()
#define smp_store_release(p, v) do { barrier(); WRITE_ONCE(*(p), (v)); } while (0)
#define smp_load_acquire(p) ({ __typeof__(*(p)) __v = READ_ONCE(*(p)); barrier(); __v; })
/*
 * Spin until @cond_expr (which may use VAL, the value just read from
 * @ptr) is true; the acquire form orders every later access after the
 * load that made it true. Linux: smp_cond_load_relaxed/acquire()
 */
#define smp_cond_load_relaxed(ptr, cond_expr) ({			\
	__typeof__(ptr) __PTR = (ptr);					\
	__typeof__(*ptr) VAL;						\
	for (;;) {							\
		VAL = READ_ONCE(*__PTR);				\
		if (cond_expr)						\
			break;						\
		__asm__ __volatile__("pause" : : : "memory");		\
	}								\
	VAL; })
#define smp_cond_load_acquire(ptr, cond_expr) ({			\
	__typeof__(*ptr) _val = smp_cond_load_relaxed(ptr, cond_expr);	\
	barrier();	/* x86: loads are not reordered with later accesses */ \
	_val; })
/* After a branch on a loaded value: x86 orders loads already. Linux: same name */
#define smp_acquire__after_ctrl_dep() barrier()
/* Written between a store and a load that must not pass it. */
#define smp_store_mb(var, value) do { (void)xchg(&(var), (value)); } while (0)
#define smp_mb__after_spinlock() smp_mb()
/* After a locked read-modify-write (set_bit(), atomic_inc()): x86's are full barriers already. */
#define smp_mb__after_atomic()	barrier()

#define ATOMIC_INIT(i)	{ (i) }

static inline int atomic_read(const atomic_t *v)
{
	return READ_ONCE(v->counter);
}

static inline void atomic_set(atomic_t *v, int i)
{
	WRITE_ONCE(v->counter, i);
}

static inline void atomic_add(int i, atomic_t *v)
{
	__asm__ __volatile__("lock addl %1, %0" : "+m"(v->counter) : "ir"(i) : "memory");
}

static inline void atomic_sub(int i, atomic_t *v)
{
	atomic_add(-i, v);
}

static inline void atomic_inc(atomic_t *v)
{
	atomic_add(1, v);
}

static inline void atomic_dec(atomic_t *v)
{
	atomic_add(-1, v);
}

/* Add and return the new value. */
static inline int atomic_add_return(int i, atomic_t *v)
{
	return xadd(&v->counter, i) + i;
}

static inline int atomic_inc_return(atomic_t *v)
{
	return atomic_add_return(1, v);
}

static inline int atomic_dec_return(atomic_t *v)
{
	return atomic_add_return(-1, v);
}

/* Decrement; true if the result is zero (the last reference went). */
static inline bool atomic_dec_and_test(atomic_t *v)
{
	return atomic_add_return(-1, v) == 0;
}

static inline int atomic_xchg(atomic_t *v, int new)
{
	return xchg(&v->counter, new);
}

static inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	return cmpxchg(&v->counter, old, new);
}

static inline long atomic_long_read(const atomic_long_t *v)
{
	return READ_ONCE(v->counter);
}

static inline void atomic_long_set(atomic_long_t *v, long i)
{
	WRITE_ONCE(v->counter, i);
}

static inline long atomic_long_add_return(long i, atomic_long_t *v)
{
	return xadd(&v->counter, i) + i;
}

static inline void atomic_long_add(long i, atomic_long_t *v)
{
	(void)atomic_long_add_return(i, v);
}

static inline void atomic_long_sub(long i, atomic_long_t *v)
{
	(void)atomic_long_add_return(-i, v);
}

static inline void atomic_long_inc(atomic_long_t *v)
{
	(void)atomic_long_add_return(1, v);
}

static inline void atomic_long_dec(atomic_long_t *v)
{
	(void)atomic_long_add_return(-1, v);
}

#endif /* _LINUX_ATOMIC_H */
