/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel stack size. Each task has THREAD_SIZE bytes of stack, aligned to
 * THREAD_SIZE, with an unmapped guard page below it.
 * Linux: arch/x86/include/asm/page_64_types.h
 */
#ifndef _ASM_X86_THREAD_INFO_H
#define _ASM_X86_THREAD_INFO_H

#include <asm/page.h>

#define THREAD_SIZE_ORDER	2
#define THREAD_SIZE		(PAGE_SIZE << THREAD_SIZE_ORDER)	/* 16 KiB */

#endif /* _ASM_X86_THREAD_INFO_H */
