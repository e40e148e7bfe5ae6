/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which of <linux/string.h>'s functions x86-64 provides itself:
 * memcpy() and memset() (arch/x86/lib/memcpy_64.S, memset_64.S), whose
 * string instructions beat lib/string.c's C loops. lib/string.c leaves
 * out its own when __HAVE_ARCH_* says so. The host build of lib/
 * (tests/host) keeps the C ones: those are what its tests compare with
 * the C library; the kernel's "string" suite checks these.
 * Linux: arch/x86/include/asm/string_64.h
 */
#ifndef _ASM_X86_STRING_H
#define _ASM_X86_STRING_H

#ifndef __SPINDLE_HOST__
#define __HAVE_ARCH_MEMCPY 1
#define __HAVE_ARCH_MEMSET 1
#endif

#endif /* _ASM_X86_STRING_H */
