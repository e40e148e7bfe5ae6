/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The GDT layout and segment selectors, Linux's x86-64 numbering.
 * Linux: arch/x86/include/asm/segment.h
 */
#ifndef _ASM_X86_SEGMENT_H
#define _ASM_X86_SEGMENT_H

#define GDT_ENTRY_KERNEL32_CS	1
#define GDT_ENTRY_KERNEL_CS	2
#define GDT_ENTRY_KERNEL_DS	3
#define GDT_ENTRY_DEFAULT_USER32_CS 4
#define GDT_ENTRY_DEFAULT_USER_DS 5
#define GDT_ENTRY_DEFAULT_USER_CS 6
#define GDT_ENTRY_TSS		8	/* 16 bytes: entries 8 and 9 */
#define GDT_ENTRIES		16

#define __KERNEL_CS	(GDT_ENTRY_KERNEL_CS * 8)		/* 0x10 */
#define __KERNEL_DS	(GDT_ENTRY_KERNEL_DS * 8)		/* 0x18 */
#define __USER32_CS	(GDT_ENTRY_DEFAULT_USER32_CS * 8 + 3)	/* 0x23 */
#define __USER_DS	(GDT_ENTRY_DEFAULT_USER_DS * 8 + 3)	/* 0x2b */
#define __USER_CS	(GDT_ENTRY_DEFAULT_USER_CS * 8 + 3)	/* 0x33 */

/* Interrupt stack table slots in the TSS (1-based in the IDT gate). */
#define IST_INDEX_DF	0
#define IST_INDEX_NMI	1
#define IST_INDEX_MCE	2
#define N_EXCEPTION_STACKS 3
#define EXCEPTION_STACK_SIZE 8192

#endif /* _ASM_X86_SEGMENT_H */
