/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The real-mode trampoline: the first code an application processor (AP)
 * runs. A STARTUP IPI with vector V starts the AP in 16-bit real mode at
 * physical V * 4096, with CS = V * 256 and IP = 0, so this code must live
 * below 1 MiB: arch/x86/kernel/smpboot.c copies it to TRAMPOLINE_BASE
 * and fills in the fields at the end (tr_cr3, tr_efer). From there:
 *   1. load a GDT of our own and enter 32-bit protected mode,
 *   2. enable PAE, point CR3 at the trampoline page tables (they map this
 *      page at its own address, so the next instruction still exists,
 *      and the kernel's half as the kernel's tables do), set EFER (long
 *      mode, NX) and enable paging: now in compatibility mode,
 *   3. far-jump to a 64-bit code segment and on to secondary_startup_64
 *      in head.S, at the kernel's own (high) address.
 * Everything is assembled as if at TRAMPOLINE_BASE: ABS() turns a label
 * into the address it has once copied there.
 * Linux: arch/x86/realmode/rm/trampoline_64.S (and the real-mode header
 * that locates it; here its address is fixed at build time).
 */
#include <asm/realmode.h>

#define ABS(sym)	(TRAMPOLINE_BASE + (sym) - trampoline_start)

#define X86_CR0_PE_BIT	(1 << 0)
#define X86_CR0_WP_BIT	(1 << 16)
#define X86_CR0_PG_BIT	(1 << 31)
#define X86_CR4_PAE_BIT	(1 << 5)
#define MSR_EFER_NUM	0xc0000080

	.section .rodata
	.balign	16
	.globl	trampoline_start
trampoline_start:
	.code16
	cli
	cld
	/* CS is TRAMPOLINE_BASE / 16 here; make every segment the same. */
	movw	%cs, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	lgdtl	tr_gdt_descr - trampoline_start
	movl	%cr0, %eax
	orl	$X86_CR0_PE_BIT, %eax
	movl	%eax, %cr0
	ljmpl	$TR_KERNEL32_CS, $ABS(startup_32)

	.code32
startup_32:
	movl	$TR_KERNEL_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	%cr4, %eax
	orl	$X86_CR4_PAE_BIT, %eax
	movl	%eax, %cr4
	movl	ABS(tr_cr3), %eax
	movl	%eax, %cr3
	movl	$MSR_EFER_NUM, %ecx
	movl	ABS(tr_efer), %eax
	xorl	%edx, %edx
	wrmsr
	movl	%cr0, %eax
	orl	$(X86_CR0_PG_BIT | X86_CR0_WP_BIT), %eax
	movl	%eax, %cr0			/* long mode, compatibility submode */
	ljmpl	$TR_KERNEL_CS, $ABS(startup_64)

	.code64
startup_64:
	/* Still at the low address; the kernel's half is mapped too. */
	movq	tr_start64(%rip), %rax
	jmp	*%rax

	.balign	8
tr_gdt:
	.quad	0				/* null */
	.quad	0x00cf9a000000ffff		/* TR_KERNEL32_CS: 32-bit code */
	.quad	0x00cf92000000ffff		/* TR_KERNEL_DS: data */
	.quad	0x00af9a000000ffff		/* TR_KERNEL_CS: 64-bit code */
tr_gdt_end:
tr_gdt_descr:
	.short	tr_gdt_end - tr_gdt - 1
	.long	ABS(tr_gdt)

	/* Filled in by smpboot.c after copying (offsets in asm/realmode.h). */
	.balign	8
	.globl	trampoline_header
trampoline_header:
tr_start64:
	.quad	secondary_startup_64
tr_cr3:
	.long	0
tr_efer:
	.long	0
	.globl	trampoline_end
trampoline_end:
