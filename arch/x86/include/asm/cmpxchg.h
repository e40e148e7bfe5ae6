/* SPDX-License-Identifier: GPL-2.0 */
/*
 * xchg() and cmpxchg(): atomic swap and compare-and-swap of a word.
 * xchg with a memory operand is locked by the CPU without a prefix, and
 * both are full barriers on x86.
 * Linux: arch/x86/include/asm/cmpxchg.h
 */
#ifndef _ASM_X86_CMPXCHG_H
#define _ASM_X86_CMPXCHG_H

/* Store @new in *@ptr and return what was there, as one atomic step. */
#define xchg(ptr, new) ({						\
	__typeof__(*(ptr)) __ret = (new);				\
	__asm__ __volatile__("xchg %0, %1"				\
			     : "+r"(__ret), "+m"(*(ptr)) : : "memory");	\
	__ret; })

/* If *@ptr == @old, store @new. Returns what *@ptr held before. */
#define cmpxchg(ptr, old, new) ({					\
	__typeof__(*(ptr)) __ret;					\
	__asm__ __volatile__("lock cmpxchg %2, %1"			\
			     : "=a"(__ret), "+m"(*(ptr))		\
			     : "r"(new), "0"(old) : "memory");		\
	__ret; })

/* Atomic add returning the old value. */
#define xadd(ptr, inc) ({						\
	__typeof__(*(ptr)) __ret = (inc);				\
	__asm__ __volatile__("lock xadd %0, %1"				\
			     : "+r"(__ret), "+m"(*(ptr)) : : "memory");	\
	__ret; })

#endif /* _ASM_X86_CMPXCHG_H */
