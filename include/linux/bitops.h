/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Atomic bit operations on unsigned long words (lock-prefixed on x86).
 * Linux: include/linux/bitops.h, arch/x86/include/asm/bitops.h
 */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <linux/compiler.h>
#include <linux/types.h>

#define BIT(nr)		(1UL << (nr))
#define BITS_PER_LONG	64

static inline void set_bit(long nr, volatile unsigned long *addr)
{
	__asm__ __volatile__("lock btsq %1, %0" : "+m"(*addr) : "Ir"(nr) : "memory");
}

static inline void clear_bit(long nr, volatile unsigned long *addr)
{
	__asm__ __volatile__("lock btrq %1, %0" : "+m"(*addr) : "Ir"(nr) : "memory");
}

static inline bool test_bit(long nr, const volatile unsigned long *addr)
{
	return (READ_ONCE(*addr) >> nr) & 1;
}

static inline bool test_and_set_bit(long nr, volatile unsigned long *addr)
{
	bool old;

	__asm__ __volatile__("lock btsq %2, %0" : "+m"(*addr), "=@ccc"(old) : "Ir"(nr) : "memory");
	return old;
}

static inline bool test_and_clear_bit(long nr, volatile unsigned long *addr)
{
	bool old;

	__asm__ __volatile__("lock btrq %2, %0" : "+m"(*addr), "=@ccc"(old) : "Ir"(nr) : "memory");
	return old;
}

/*
 * fls - find last (most significant) set bit: 1 for bit 0, 32 for bit 31,
 * 0 if none. A single bsr on x86 (the compiler's builtin emits it).
 * Linux: fls() in arch/x86/include/asm/bitops.h
 */
static __always_inline int fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}

/* __ffs - the index of the lowest set bit of @word, which must not be 0. Linux: __ffs() */
static __always_inline unsigned long __ffs(unsigned long word)
{
	return __builtin_ctzl(word);
}

/* ffz - the index of the lowest clear bit of @word, which must not be ~0UL. Linux: ffz() */
static __always_inline unsigned long ffz(unsigned long word)
{
	return __builtin_ctzl(~word);
}

#endif /* _LINUX_BITOPS_H */
