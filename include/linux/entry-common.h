/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The last steps before any return to user mode.
 * Linux: include/linux/entry-common.h
 */
#ifndef _LINUX_ENTRY_COMMON_H
#define _LINUX_ENTRY_COMMON_H

struct pt_regs;

/* After a system call (and for a new task, from ret_from_fork). */
void syscall_exit_to_user_mode(struct pt_regs *regs);
/* After an interrupt or exception that came from user mode. */
void irqentry_exit_to_user_mode(struct pt_regs *regs);
/* arch/x86/kernel/signal.c: signals pending on the way out (handlers, restarts). */
void arch_do_signal_or_restart(struct pt_regs *regs);

#endif /* _LINUX_ENTRY_COMMON_H */
