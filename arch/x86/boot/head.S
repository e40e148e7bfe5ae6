/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The first instructions Spindle runs.
 *
 * Both loaders enter _start in 32-bit protected mode with paging off, at the
 * physical address the image was loaded to (1 MiB), with the boot magic in
 * %eax and the physical address of the boot information in %ebx. From here
 * we:
 *   1. check the magic (a wrong one is reported on COM1, then we halt),
 *   2. check the CPU can run 64-bit code,
 *   3. build boot page tables mapping the first GiB twice: at 0 (so the
 *      instruction after "enable paging" still exists) and at
 *      __START_KERNEL_map (where the kernel is linked),
 *   4. enable PAE, long mode, NX and paging, load a 64-bit GDT,
 *   5. jump to the kernel's linked (high) address and call
 *      x86_64_start_kernel(magic, info) in arch/x86/kernel/head64.c.
 * Code here runs before the high mapping exists, so every symbol it touches
 * is turned into a physical address with PHYS(): linked address minus
 * __START_KERNEL_map.
 * Linux: arch/x86/kernel/head_64.S (Linux enters already in long mode, from
 * its own decompressor; the 32-bit part here is what GRUB and QEMU need).
 */
#include <asm/multiboot.h>
#include <asm/page.h>
#include <asm/thread_info.h>

#define PHYS(sym)	((sym) - __START_KERNEL_map)
#define COM1		0x3f8

/* Bits set while switching modes (the C headers' versions are C-only). */
#define X86_CR4_PAE_BIT	(1 << 5)
#define CR0_PG_BIT	(1 << 31)
#define CR0_WP_BIT	(1 << 16)
#define MSR_EFER_NUM	0xc0000080
#define EFER_LME_BIT	(1 << 8)
#define EFER_NX_BIT	(1 << 11)

#define MB1_FLAGS	(MULTIBOOT_PAGE_ALIGN | MULTIBOOT_MEMORY_INFO | MULTIBOOT_AOUT_KLUDGE)

/*
 * The loader headers. Both must come early in the file (multiboot 1: first
 * 8 KiB, 4-byte aligned; multiboot2: first 32 KiB, 8-byte aligned), so the
 * linker script puts this section first.
 */
	.section .multiboot, "a"
	.balign 8
mb2_header:
	.long	MULTIBOOT2_HEADER_MAGIC
	.long	0				/* architecture: i386 (32-bit protected mode) */
	.long	mb2_header_end - mb2_header
	.long	0x100000000 - (MULTIBOOT2_HEADER_MAGIC + (mb2_header_end - mb2_header))
	/*
	 * GRUB would otherwise load the ELF by its (64-bit, high) segment
	 * addresses and refuse the entry point: give it the same physical
	 * layout as the multiboot 1 a.out kludge below, and the entry.
	 */
	.balign 8				/* tag: address */
	.short	2, 0
	.long	24
	.long	PHYS(mb2_header)		/* header_addr */
	.long	PHYS(_text)			/* load_addr */
	.long	PHYS(_edata)			/* load_end_addr */
	.long	PHYS(_end)			/* bss_end_addr */
	.balign 8				/* tag: entry address */
	.short	3, 0
	.long	12
	.long	PHYS(_start)
	/*
	 * UEFI has no VGA text mode: a kernel that takes no framebuffer gets
	 * "WARNING: no console will be available to OS" from GRUB. The console
	 * is COM1; this optional tag (any mode) only says a framebuffer would
	 * do. boot/grub.cfg keeps BIOS boots in text mode.
	 */
	.balign 8				/* tag: framebuffer */
	.short	5, MULTIBOOT2_HEADER_TAG_OPTIONAL
	.long	20
	.long	0, 0, 0				/* width, height, depth: no preference */
	.balign 8				/* tag: end */
	.short	0, 0
	.long	8
mb2_header_end:

	.balign 4
mb1_header:
	.long	MULTIBOOT_HEADER_MAGIC
	.long	MB1_FLAGS
	.long	0x100000000 - (MULTIBOOT_HEADER_MAGIC + MB1_FLAGS)
	/*
	 * The a.out kludge: where the file goes in memory, so the loader does
	 * not have to read the (64-bit) ELF headers. The linker script keeps
	 * the loaded sections contiguous in the file to make this true.
	 */
	.long	PHYS(mb1_header)		/* header_addr */
	.long	PHYS(_text)			/* load_addr */
	.long	PHYS(_edata)			/* load_end_addr */
	.long	PHYS(_end)			/* bss_end_addr */
	.long	PHYS(_start)			/* entry_addr */

	.section .head.text, "ax"
	.code32
	.globl	_start
_start:
	cli
	cld
	movl	%eax, %edi			/* keep the magic and info pointer in */
	movl	%ebx, %esi			/* the registers of the C call below */

	cmpl	$MULTIBOOT2_BOOTLOADER_MAGIC, %edi
	je	1f
	cmpl	$MULTIBOOT_BOOTLOADER_MAGIC, %edi
	je	1f
	movl	$PHYS(msg_bad_magic), %ebx
	jmp	early_fail

1:	/* The info pointer stays in %esi; the magic waits in .data. */
	movl	%edi, PHYS(boot_magic)

	/* Zero .bss: the multiboot spec asks loaders to, but we rely on it. */
	movl	$PHYS(__bss_start), %edi
	movl	$PHYS(__bss_stop), %ecx
	subl	%edi, %ecx
	xorl	%eax, %eax
	rep stosb

	/* Long mode is CPUID 0x80000001, EDX bit 29. */
	movl	$0x80000000, %eax
	cpuid
	cmpl	$0x80000001, %eax
	jb	no_long_mode
	movl	$0x80000001, %eax
	cpuid
	btl	$29, %edx
	jnc	no_long_mode
	movl	%edx, %ebp			/* bit 20: NX supported */

	/*
	 * Boot page tables: one PML4, one PDPT and one page directory of 2 MiB
	 * pages covering 0..1 GiB. PML4[0] and PML4[511] share the PDPT;
	 * PDPT[0] (address 0) and PDPT[510] (0xffffffff80000000) share the PD.
	 */
	movl	$PHYS(early_pdpt) + 0x3, %eax	/* present | writable */
	movl	%eax, PHYS(early_pml4)
	movl	%eax, PHYS(early_pml4) + 511 * 8
	movl	$PHYS(early_pd) + 0x3, %eax
	movl	%eax, PHYS(early_pdpt)
	movl	%eax, PHYS(early_pdpt) + 510 * 8
	movl	$PHYS(early_pd), %ebx
	movl	$0x83, %eax			/* present | writable | 2 MiB page */
	movl	$512, %ecx
4:	movl	%eax, (%ebx)
	addl	$PMD_SIZE, %eax
	addl	$8, %ebx
	loop	4b

	movl	$PHYS(early_pml4), %eax
	movl	%eax, %cr3
	movl	%cr4, %eax
	orl	$X86_CR4_PAE_BIT, %eax
	movl	%eax, %cr4

	movl	$MSR_EFER_NUM, %ecx
	rdmsr
	orl	$EFER_LME_BIT, %eax
	btl	$20, %ebp
	jnc	5f
	orl	$EFER_NX_BIT, %eax
5:	wrmsr

	movl	%cr0, %eax
	orl	$(CR0_PG_BIT | CR0_WP_BIT), %eax
	movl	%eax, %cr0			/* now in compatibility mode */

	lgdt	PHYS(early_gdt_descr)
	ljmp	$0x08, $PHYS(startup_64_low)

/* Print the NUL-terminated string at %ebx on COM1 and halt for good. */
early_fail:
	movw	$COM1 + 5, %dx			/* line status: wait for THR empty */
6:	inb	%dx, %al
	testb	$0x20, %al
	jz	6b
	movb	(%ebx), %al
	testb	%al, %al
	jz	7f
	movw	$COM1, %dx
	outb	%al, %dx
	incl	%ebx
	jmp	early_fail
7:	cli
	hlt
	jmp	7b

no_long_mode:
	movl	$PHYS(msg_no_long_mode), %ebx
	jmp	early_fail

	.code64
startup_64_low:
	/* Still running at the low (identity) address: hop to the high one. */
	movabsq	$startup_64, %rax
	jmp	*%rax

startup_64:
	movl	$0x10, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs
	/* The boot CPU's first stack is init_task's (pid 0, the idle task). */
	movabsq	$init_stack_top, %rsp
	xorl	%ebp, %ebp			/* terminates frame-pointer backtraces */
	movl	boot_magic(%rip), %edi
	movl	%esi, %esi			/* zero-extend the info pointer */
	call	x86_64_start_kernel
8:	cli
	hlt
	jmp	8b

/*
 * An application processor arrives here from the real-mode trampoline
 * (arch/x86/realmode/rm/trampoline_64.S), in 64-bit mode on the
 * trampoline's page tables, interrupts off, no stack, no IDT. Switch to
 * the kernel's page tables, take the stack smpboot.c prepared (the top
 * of this CPU's idle task's stack) and call start_secondary(), which
 * never returns. The trampoline's GDT is gone with its page tables, but
 * the segment registers keep their cached descriptors until cpu_init()
 * loads this CPU's own GDT.
 * Linux: secondary_startup_64 in arch/x86/kernel/head_64.S
 */
	.text
	.globl	secondary_startup_64
secondary_startup_64:
	movq	smpboot_initial_cr3(%rip), %rax
	movq	%rax, %cr3
	movq	smpboot_initial_stack(%rip), %rsp
	xorl	%ebp, %ebp			/* terminates frame-pointer backtraces */
	call	start_secondary
9:	cli
	hlt
	jmp	9b

	.section .rodata
msg_bad_magic:
	.asciz	"Spindle: not started by a multiboot loader (bad magic in %eax); halting.\r\n"
msg_no_long_mode:
	.asciz	"Spindle: this CPU has no 64-bit long mode; halting.\r\n"

	.balign 8
early_gdt:
	.quad	0				/* null */
	.quad	0x00af9a000000ffff		/* 0x08: 64-bit code, DPL 0 */
	.quad	0x00cf92000000ffff		/* 0x10: data, DPL 0 */
early_gdt_end:
early_gdt_descr:
	.short	early_gdt_end - early_gdt - 1
	.long	PHYS(early_gdt)

	.section .data
	.balign 4
boot_magic:
	.long	0

	.section .bss
	.balign PAGE_SIZE
early_pml4:
	.skip	PAGE_SIZE
early_pdpt:
	.skip	PAGE_SIZE
early_pd:
	.skip	PAGE_SIZE

/*
 * The boot CPU's first stack, which becomes the idle task's (pid 0) stack.
 * The page below it is left unmapped by paging_init() (see
 * arch/x86/mm/init.c) so an overflow faults instead of corrupting .bss.
 */
	.balign	PAGE_SIZE
	.globl	init_stack_guard
init_stack_guard:
	.skip	PAGE_SIZE
	.globl	init_stack
init_stack:
	.skip	THREAD_SIZE
	.globl	init_stack_top
init_stack_top:
