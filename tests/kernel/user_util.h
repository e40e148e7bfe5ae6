/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tiny user programs for the in-kernel suites and benchmarks: a static
 * ELF64 executable with one PT_LOAD segment (headers and code, mapped
 * read-execute at BLOB_BASE) built in memory around a few hand-written
 * instructions, ready for vfs_create_file() and kernel_execve().
 */
#ifndef _TESTS_KERNEL_USER_UTIL_H
#define _TESTS_KERNEL_USER_UTIL_H

#include <linux/elf.h>
#include <linux/string.h>
#include <linux/types.h>
#include <asm/page.h>

#define BLOB_BASE	0x400000UL

struct mini_elf {
	Elf64_Ehdr eh;
	Elf64_Phdr ph;
	u8 code[160];
} __packed;

/* Machine code, by hand (each comment is the instruction). */
#define SYS(nr)		0xb8, (nr), 0, 0, 0			/* mov $nr, %eax */
#define EDI(v)		0xbf, (v), 0, 0, 0			/* mov $v, %edi */
#define SYSCALL		0x0f, 0x05				/* syscall */

/* Build the ELF for @code in @elf. */
static inline size_t make_elf(struct mini_elf *elf, const u8 *code, size_t len)
{
	memset(elf, 0, sizeof(*elf));
	memcpy(elf->eh.e_ident, ELFMAG, SELFMAG);
	elf->eh.e_ident[EI_CLASS] = ELFCLASS64;
	elf->eh.e_ident[EI_DATA] = ELFDATA2LSB;
	elf->eh.e_ident[EI_VERSION] = EV_CURRENT;
	elf->eh.e_type = ET_EXEC;
	elf->eh.e_machine = EM_X86_64;
	elf->eh.e_version = EV_CURRENT;
	elf->eh.e_entry = BLOB_BASE + offsetof(struct mini_elf, code);
	elf->eh.e_phoff = offsetof(struct mini_elf, ph);
	elf->eh.e_ehsize = sizeof(elf->eh);
	elf->eh.e_phentsize = sizeof(elf->ph);
	elf->eh.e_phnum = 1;
	elf->ph.p_type = PT_LOAD;
	elf->ph.p_flags = PF_R | PF_X;
	elf->ph.p_vaddr = elf->ph.p_paddr = BLOB_BASE;
	elf->ph.p_filesz = elf->ph.p_memsz = sizeof(*elf);
	elf->ph.p_align = PAGE_SIZE;
	memcpy(elf->code, code, len);
	return sizeof(*elf);
}

#endif /* _TESTS_KERNEL_USER_UTIL_H */
