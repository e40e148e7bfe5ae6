/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SYSCALL_DEFINEn(name, type1, arg1, ...): how a system call is written.
 *
 * SYSCALL_DEFINE2(kill, pid_t, pid, int, sig) { ... } defines
 *	long __x64_sys_kill(const struct pt_regs *regs)
 * the entry in sys_call_table (arch/x86/entry/syscall_64.c), which reads
 * the arguments from the registers the x86-64 ABI puts them in (di, si,
 * dx, r10, r8, r9), passes them as longs to __se_sys_kill(), which casts
 * each to its declared type for __do_sys_kill(), the body written here.
 * So a breakpoint on __do_sys_kill stops with typed arguments, and no
 * system call can read a register the caller did not set for it.
 * Linux: include/linux/syscalls.h, arch/x86/include/asm/syscall_wrapper.h
 */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <linux/types.h>
#include <linux/uaccess.h>
#include <asm/ptrace.h>

/* Apply m to each (type, name) pair: __MAP(2, m, t1, a1, t2, a2). */
#define __MAP0(m, ...)
#define __MAP1(m, t, a, ...) m(t, a)
#define __MAP2(m, t, a, ...) m(t, a), __MAP1(m, __VA_ARGS__)
#define __MAP3(m, t, a, ...) m(t, a), __MAP2(m, __VA_ARGS__)
#define __MAP4(m, t, a, ...) m(t, a), __MAP3(m, __VA_ARGS__)
#define __MAP5(m, t, a, ...) m(t, a), __MAP4(m, __VA_ARGS__)
#define __MAP6(m, t, a, ...) m(t, a), __MAP5(m, __VA_ARGS__)
#define __MAP(n, ...) __MAP##n(__VA_ARGS__)

#define __SC_DECL(t, a)	t a
#define __SC_LONG(t, a)	long a
#define __SC_CAST(t, a)	(__force t) a
#define __SC_ARGS(t, a)	a

/* The argument registers, in order, as (type, name) pairs for __MAP. */
#define SC_X86_64_REGS_TO_ARGS(x, ...)					\
	__MAP(x, __SC_ARGS, , regs->di, , regs->si, , regs->dx,		\
	      , regs->r10, , regs->r8, , regs->r9)

#define SYSCALL_DEFINE0(sname)						\
	static long __do_sys_##sname(const struct pt_regs *__unused);	\
	long __x64_sys_##sname(const struct pt_regs *regs);		\
	long __x64_sys_##sname(const struct pt_regs *regs)		\
	{								\
		return __do_sys_##sname(regs);				\
	}								\
	static long __do_sys_##sname(const struct pt_regs *__unused)

#define SYSCALL_DEFINE1(name, ...) SYSCALL_DEFINEx(1, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...) SYSCALL_DEFINEx(2, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...) SYSCALL_DEFINEx(3, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...) SYSCALL_DEFINEx(4, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...) SYSCALL_DEFINEx(5, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...) SYSCALL_DEFINEx(6, _##name, __VA_ARGS__)

#define SYSCALL_DEFINEx(x, name, ...)					\
	static long __se_sys##name(__MAP(x, __SC_LONG, __VA_ARGS__));	\
	static inline long __do_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__)); \
	long __x64_sys##name(const struct pt_regs *regs);		\
	long __x64_sys##name(const struct pt_regs *regs)		\
	{								\
		return __se_sys##name(SC_X86_64_REGS_TO_ARGS(x, __VA_ARGS__)); \
	}								\
	static long __se_sys##name(__MAP(x, __SC_LONG, __VA_ARGS__))	\
	{								\
		return __do_sys##name(__MAP(x, __SC_CAST, __VA_ARGS__)); \
	}								\
	static inline long __do_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__))

typedef long (*sys_call_ptr_t)(const struct pt_regs *);
extern const sys_call_ptr_t sys_call_table[];
extern const unsigned int nr_syscalls;

/* kernel/sys.c: setsid(2) for the kernel too */
int ksys_setsid(void);

#endif /* _LINUX_SYSCALLS_H */
