// SPDX-License-Identifier: GPL-2.0
/*
 * The work done on every way back to user mode, with interrupts on,
 * until none is left: reschedule if asked to, act on pending signals
 * (arch_do_signal_or_restart() in arch/x86/kernel/signal.c: a handler's
 * frame, or the end of the task: this is where a segfaulting or killed
 * process dies), restarting a system call a signal interrupted. Then interrupts go off for the last instructions
 * of entry_64.S, so nothing new can become pending unseen.
 * Linux: kernel/entry/common.c, arch/x86/kernel/signal.c
 * (arch_do_signal_or_restart)
 */
#include <linux/entry-common.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <asm/ptrace.h>

/* Linux: exit_to_user_mode_loop() / exit_to_user_mode_prepare() */
static void exit_to_user_mode_prepare(struct pt_regs *regs)
{
	for (;;) {
		local_irq_enable();
		if (need_resched())
			schedule();
		if (signal_pending(current))
			arch_do_signal_or_restart(regs);
		local_irq_disable();
		if (!need_resched() && !signal_pending(current))
			break;
	}
}

/**
 * syscall_exit_to_user_mode - finish a system call
 * @regs: the caller's registers (ax holds the result)
 *
 * Returns with interrupts off.
 * Linux: syscall_exit_to_user_mode()
 */
void syscall_exit_to_user_mode(struct pt_regs *regs)
{
	lockdep_sys_exit();
	exit_to_user_mode_prepare(regs);
}

/**
 * irqentry_exit_to_user_mode - finish an interrupt or exception from ring 3
 * @regs: the user context
 *
 * Returns with interrupts off.
 * Linux: irqentry_exit_to_user_mode()
 */
void irqentry_exit_to_user_mode(struct pt_regs *regs)
{
	exit_to_user_mode_prepare(regs);
}
