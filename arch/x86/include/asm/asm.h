/* SPDX-License-Identifier: GPL-2.0 */
/*
 * _ASM_EXTABLE(from, to): an exception table entry, in C inline assembly
 * or in .S files. If the instruction at `from` faults, the fault handler
 * resumes at `to` instead of oopsing (arch/x86/mm/extable.c). Only the
 * instructions that touch user memory get an entry.
 * Linux: arch/x86/include/asm/asm.h (_ASM_EXTABLE; Linux stores 32-bit
 * relative offsets and a fixup type, Spindle two absolute addresses)
 */
#ifndef _ASM_X86_ASM_H
#define _ASM_X86_ASM_H

#ifdef __ASSEMBLY__
/*
 * ASM_STAC / ASM_CLAC: allow / forbid supervisor access to user pages,
 * where the CPU has SMAP (the instructions fault on CPUs without it;
 * Linux patches them in at boot with alternatives, Spindle tests a flag).
 * They change only the flags.
 */
.macro ASM_STAC
	testb	$1, x86_smap_enabled(%rip)
	jz	.Lno_stac\@
	stac
.Lno_stac\@:
.endm

.macro ASM_CLAC
	testb	$1, x86_smap_enabled(%rip)
	jz	.Lno_clac\@
	clac
.Lno_clac\@:
.endm

#define _ASM_EXTABLE(from, to)			\
	.pushsection "__ex_table", "a";		\
	.balign 8;				\
	.quad (from), (to);			\
	.popsection
#else
#define _ASM_EXTABLE(from, to)			\
	" .pushsection \"__ex_table\",\"a\"\n"	\
	" .balign 8\n"				\
	" .quad (" #from "), (" #to ")\n"	\
	" .popsection\n"
#endif

#endif /* _ASM_X86_ASM_H */
