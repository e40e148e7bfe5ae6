/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memcpy() for x86-64: the CPU's own string instruction instead of the
 * C loop of lib/string.c.
 *
 * "rep movsq" copies %rcx quadwords from (%rsi) to (%rdi), advancing
 * both, and "rep movsb" the 0-7 bytes left over. The C loop spends a
 * load, a store, two adds, a compare and a branch on every word (and
 * goes a byte at a time when the two buffers are not aligned alike);
 * here the CPU runs the loop itself, aligned or not. Under QEMU's
 * -icount (make bench) each repetition counts as one instruction: a
 * task_struct copied at fork is about 130 instead of about 680.
 * The direction flag is clear, as the ABI guarantees at every call.
 * Linux: arch/x86/lib/memcpy_64.S (memcpy_orig, which unrolls by hand
 * for CPUs where rep movs starts slowly; "rep movsb" with FSRM)
 */

	.text

/*
 * void *memcpy(void *dest, const void *src, size_t count)
 * Return: dest.
 */
	.globl	memcpy
	.type	memcpy, @function
memcpy:
	movq	%rdi, %rax
	movq	%rdx, %rcx
	shrq	$3, %rcx
	andl	$7, %edx
	rep movsq
	movl	%edx, %ecx
	rep movsb
	ret
	.size	memcpy, . - memcpy
