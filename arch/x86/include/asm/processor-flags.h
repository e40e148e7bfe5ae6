/* SPDX-License-Identifier: GPL-2.0 */
/*
 * RFLAGS bits.
 * Linux: arch/x86/include/uapi/asm/processor-flags.h
 */
#ifndef _ASM_X86_PROCESSOR_FLAGS_H
#define _ASM_X86_PROCESSOR_FLAGS_H

#define X86_EFLAGS_CF	(1UL << 0)	/* carry */
#define X86_EFLAGS_FIXED (1UL << 1)	/* always 1 */
#define X86_EFLAGS_TF	(1UL << 8)	/* trap (single step) */
#define X86_EFLAGS_IF	(1UL << 9)	/* interrupts enabled */
#define X86_EFLAGS_DF	(1UL << 10)	/* string direction */
#define X86_EFLAGS_IOPL	(3UL << 12)	/* I/O privilege level */
#define X86_EFLAGS_NT	(1UL << 14)	/* nested task */
#define X86_EFLAGS_RF	(1UL << 16)	/* resume */
#define X86_EFLAGS_VM	(1UL << 17)	/* virtual 8086 */
#define X86_EFLAGS_AC	(1UL << 18)	/* alignment check / SMAP override */

#endif /* _ASM_X86_PROCESSOR_FLAGS_H */
