// SPDX-License-Identifier: GPL-2.0
/*
 * The work done on every way back to user mode, with interrupts on,
 * until none is left: reschedule if asked to, act on pending signals
 * (get_signal() may end the task here: this is where a segfaulting or
 * killed process dies), and restart a system call a signal interrupted
 * when no handler ran. Then interrupts go off for the last instructions
 * of entry_64.S, so nothing new can become pending unseen.
 * Linux: kernel/entry/common.c, arch/x86/kernel/signal.c
 * (arch_do_signal_or_restart)
 */
#include <linux/entry-common.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <asm/ptrace.h>

/*
 * Signals, then the restart of an interrupted system call: nothing was
 * delivered (Spindle runs no user handlers), so the call runs again, as
 * Linux does for -ERESTARTSYS without a handler. orig_ax is -1 unless we
 * came from a system call; `syscall` is two bytes long.
 * Linux: arch_do_signal_or_restart()
 */
static void arch_do_signal_or_restart(struct pt_regs *regs)
{
	get_signal();
	if ((long)regs->orig_ax < 0)
		return;
	switch (regs->ax) {
	case -ERESTARTNOHAND:
	case -ERESTARTSYS:
	case -ERESTARTNOINTR:
		regs->ax = regs->orig_ax;
		regs->ip -= 2;
		break;
	case -ERESTART_RESTARTBLOCK:
		regs->ax = -EINTR;
		break;
	}
}

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
