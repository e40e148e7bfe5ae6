/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memset() for x86-64: "rep stosq" stores %rax into %rcx quadwords from
 * (%rdi) on, "rep stosb" its low byte into the 0-7 bytes left over. The
 * byte is first spread over all eight bytes of %rax (multiplied by
 * 0x0101010101010101). As for memcpy_64.S: the CPU runs the loop, one
 * instruction per word under -icount, where lib/string.c's C loop spends
 * three or four. The direction flag is clear (the ABI).
 * Linux: arch/x86/lib/memset_64.S (memset_orig; "rep stosb" with FSRM)
 */

	.text

/*
 * void *memset(void *s, int c, size_t count)
 * Return: s.
 */
	.globl	memset
	.type	memset, @function
memset:
	movq	%rdi, %r9
	movzbl	%sil, %eax
	movabsq	$0x0101010101010101, %r8
	imulq	%r8, %rax
	movq	%rdx, %rcx
	shrq	$3, %rcx
	andl	$7, %edx
	rep stosq
	movl	%edx, %ecx
	rep stosb
	movq	%r9, %rax
	ret
	.size	memset, . - memset
