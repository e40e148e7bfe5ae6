// SPDX-License-Identifier: GPL-2.0
/*
 * The C half of a system call: entry_SYSCALL_64 saved the caller's
 * registers as struct pt_regs and calls do_syscall_64(regs, nr), which
 * runs sys_call_table[nr] with interrupts on, stores the result in
 * regs->ax, does the work due before user mode, and tells the assembly
 * whether the fast `sysret` may return or `iret` must.
 * Linux: arch/x86/entry/common.c
 */
#include <linux/bitops.h>
#include <linux/entry-common.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/processor-flags.h>
#include <asm/segment.h>

/*
 * The numbers that have said -ENOSYS this boot, one bit each; the last
 * bit stands for every number past it. Set with test_and_set_bit(), so
 * two CPUs may race on one number and each log it: harmless.
 */
#define UNKNOWN_SYSCALL_BITS	512
static unsigned long unknown_syscalls_seen[UNKNOWN_SYSCALL_BITS / BITS_PER_LONG];

/*
 * -ENOSYS, and a line naming the number and the first program to ask,
 * once per number per boot: a program probing for new calls must not
 * flood the log, and the lines together are the census of what user
 * space asked for and did not get (tests/busybox_tests.py reads them).
 */
static long unknown_syscall(int nr)
{
	unsigned int bit = min_t(unsigned int, nr, UNKNOWN_SYSCALL_BITS - 1);

	if (!test_and_set_bit(bit, unknown_syscalls_seen))
		pr_info("%s[%d]: unknown system call %d: -ENOSYS\n", current->comm,
			task_pid_nr(current), nr);
	return -ENOSYS;
}

/**
 * do_syscall_64 - run system call @nr for the caller in @regs
 * @regs: the caller's registers, arguments in di, si, dx, r10, r8, r9
 * @nr: the system call number (from %eax)
 *
 * Return: true if entry_SYSCALL_64 may return with `sysret`: it restores
 * rip from rcx and rflags from r11, and loads fixed user selectors, so
 * it only fits if pt_regs still says exactly that (execve() and signals
 * change it) and the address is canonical (Intel CPUs would take the #GP
 * of a non-canonical rip in ring 0, on the user's stack).
 * Linux: do_syscall_64()
 */
bool do_syscall_64(struct pt_regs *regs, int nr);
bool do_syscall_64(struct pt_regs *regs, int nr)
{
	local_irq_enable();
	if (likely((unsigned int)nr < nr_syscalls && sys_call_table[nr]))
		regs->ax = sys_call_table[nr](regs);
	else
		regs->ax = unknown_syscall(nr);
	syscall_exit_to_user_mode(regs);

	if (regs->cx != regs->ip || regs->r11 != regs->flags)
		return false;
	if (regs->cs != __USER_CS || regs->ss != __USER_DS)
		return false;
	if (regs->ip >= TASK_SIZE_MAX)
		return false;
	/* sysret cannot restore RF, and TF would trap in the kernel. */
	if (regs->r11 & (X86_EFLAGS_RF | X86_EFLAGS_TF))
		return false;
	return true;
}
