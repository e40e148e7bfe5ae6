/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An atomic compare-and-exchange on a user's futex word, for the kernel
 * side of the robust-futex protocol (exit_robust_list()): another thread
 * of the address space may change the word in user space at the same
 * time, so read-then-write is not enough. A fault the page-fault handler
 * cannot resolve goes through the exception table to -EFAULT.
 * Linux: arch/x86/include/asm/futex.h (futex_atomic_cmpxchg_inatomic())
 */
#include <asm/asm.h>

#define EFAULT	14

	.text

/*
 * int futex_atomic_cmpxchg_inatomic(u32 *uval, u32 __user *uaddr, u32 oldval, u32 newval)
 * Stores in *uval what the word held; writes newval only if that was oldval.
 * Return: 0, or -EFAULT (the caller checked access_ok()).
 */
	.globl	futex_atomic_cmpxchg_inatomic
futex_atomic_cmpxchg_inatomic:
	ASM_STAC
	movl	%edx, %eax
1:	lock cmpxchgl %ecx, (%rsi)
	ASM_CLAC
	movl	%eax, (%rdi)
	xorl	%eax, %eax
	ret
2:	ASM_CLAC
	movl	$-EFAULT, %eax
	ret
	_ASM_EXTABLE(1b, 2b)
