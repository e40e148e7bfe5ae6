/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Looking up the kernel symbol that contains an address, for "%pS" and
 * backtraces. kernel/kallsyms.c implements it from the symbol table linked
 * into the kernel image; lib/vsprintf.c only calls it.
 * Linux: include/linux/kallsyms.h
 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

/* Longest symbol name, with its NUL. */
#define KSYM_NAME_LEN 128
/*
 * Longest "name+0xoff/0xsize [module]" text, with its NUL: the buffer
 * callers of sprint_symbol() must provide.
 */
#define KSYM_SYMBOL_LEN 256

/*
 * sprint_symbol - write "name+0xoffset/0xsize" for @address into @buffer
 * (KSYM_SYMBOL_LEN bytes), or "0x<address>" when no symbol contains it.
 * Returns the length written, without the NUL.
 */
int sprint_symbol(char *buffer, unsigned long address);

/* sprint_symbol_no_offset - as sprint_symbol() but just "name". */
int sprint_symbol_no_offset(char *buffer, unsigned long address);

#include <linux/types.h>

/* Implemented in kernel/kallsyms.c; not available to host builds of lib/. */
const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset);
unsigned long kallsyms_lookup_name(const char *name);
bool kallsyms_lookup_size_offset(unsigned long addr, unsigned long *symbolsize,
				 unsigned long *offset);

#endif /* _LINUX_KALLSYMS_H */
