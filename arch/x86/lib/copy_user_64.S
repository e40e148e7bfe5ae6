/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copying to and from user memory. `rep movsb` (and `rep stosb`) keep
 * the bytes still to do in %rcx, so when a user page is missing and
 * cannot be faulted in, the exception table entry sends the fault to
 * the instruction after, and %rcx is exactly what was not copied.
 * Linux: arch/x86/lib/copy_user_64.S (copy_user_generic), clear_user()
 */
#include <asm/asm.h>

	.text

/*
 * unsigned long copy_user_generic(void *to, const void *from, unsigned long len)
 * Return: the bytes not copied (0 on success).
 */
	.globl	copy_user_generic
copy_user_generic:
	ASM_STAC
	movq	%rdx, %rcx
1:	rep movsb
2:	ASM_CLAC
	movq	%rcx, %rax
	ret
	_ASM_EXTABLE(1b, 2b)

/*
 * unsigned long __clear_user(void *to, unsigned long len)
 * Return: the bytes not zeroed (0 on success).
 */
	.globl	__clear_user
__clear_user:
	ASM_STAC
	movq	%rsi, %rcx
	xorl	%eax, %eax
1:	rep stosb
2:	ASM_CLAC
	movq	%rcx, %rax
	ret
	_ASM_EXTABLE(1b, 2b)
