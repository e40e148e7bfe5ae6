/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Compiler attributes and barriers, with Linux's names.
 * Linux: include/linux/compiler.h, include/linux/compiler_attributes.h
 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#undef __always_inline
#define __always_inline	inline __attribute__((__always_inline__))
#define noinline	__attribute__((__noinline__))
#define __noreturn	__attribute__((__noreturn__))
#define __packed	__attribute__((__packed__))
#define __aligned(x)	__attribute__((__aligned__(x)))
#define __section(s)	__attribute__((__section__(s)))
#define __used		__attribute__((__used__))
#define __maybe_unused	__attribute__((__unused__))
#define __weak		__attribute__((__weak__))
#define __printf(a, b)	__attribute__((__format__(printf, a, b)))
#define __cold		__attribute__((__cold__))
#define __always_unused	__attribute__((__unused__))
#define __must_check	__attribute__((__warn_unused_result__))
/*
 * A pointer into user space: never dereferenced directly, only through
 * <linux/uaccess.h>. Only sparse checks the annotation (Linux too).
 */
#define __user
#define __force

/*
 * __noipa: the function stays one function, called as written: no
 * inlining, cloning or assumptions about it in its callers, so a backtrace
 * or a kallsyms range names the code that runs. gcc has the attribute;
 * clang (14) has none, and noinline with optnone is its nearest.
 */
#ifdef __clang__
#define __noipa		__attribute__((__noinline__, __optnone__))
#else
#define __noipa		__attribute__((__noipa__))
#endif

/* Stops the compiler from moving memory accesses across this point. */
#define barrier()	__asm__ __volatile__("" : : : "memory")

/*
 * READ_ONCE/WRITE_ONCE: one access the compiler may neither tear, fuse nor
 * repeat. Used for data read without a lock that another CPU or an
 * interrupt handler may change.
 */
#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)	(*(volatile __typeof__(x) *)&(x) = (val))

/*
 * The compiler forgets what it knows about @var's value: a comparison or
 * a computation on it is done at run time, on the value the program holds.
 */
#define OPTIMIZER_HIDE_VAR(var)	__asm__ ("" : "=r" (var) : "0" (var))

#define __same_type(a, b) __builtin_types_compatible_p(__typeof__(a), __typeof__(b))

#define BUILD_BUG_ON(cond) _Static_assert(!(cond), "BUILD_BUG_ON: " #cond)

#endif /* _LINUX_COMPILER_H */
