// SPDX-License-Identifier: GPL-2.0
/*
 * The system call table: sys_call_table[nr] is the entry for system
 * call nr, Linux's x86-64 numbers. The list is asm/syscalls_64.h.
 * Linux: arch/x86/entry/syscall_64.c
 */
#include <linux/kernel.h>
#include <linux/syscalls.h>

#define __SYSCALL(nr, sym) long __x64_##sym(const struct pt_regs *);
#include <asm/syscalls_64.h>
#undef __SYSCALL

#define __SYSCALL(nr, sym) [nr] = __x64_##sym,
const sys_call_ptr_t sys_call_table[] = {
#include <asm/syscalls_64.h>
};
#undef __SYSCALL

const unsigned int nr_syscalls = ARRAY_SIZE(sys_call_table);
