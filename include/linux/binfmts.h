/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Executing a program: struct linux_binprm carries it from do_execve()
 * through the loader (fs/binfmt_elf.c) to start_thread().
 * Linux: include/linux/binfmts.h
 */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

#include <linux/types.h>

#define BINPRM_BUF_SIZE		256
#define MAX_ARG_STRINGS		0x7fffffff
#define MAX_ARG_PAGES		32	/* argv + envp strings: 128 KiB here */

struct file;
struct mm_struct;

struct linux_binprm {
	struct file *file;		/* the program */
	struct mm_struct *mm;		/* the new address space, once made */
	char buf[BINPRM_BUF_SIZE];	/* the file's first bytes */
	const char *filename;		/* as given to execve() */
	char *strings;			/* argv then envp strings, NUL-separated */
	size_t strings_len;
	int argc, envc;
	unsigned long p;		/* the new stack's current top */
	unsigned long exec;		/* user address of the filename string (AT_EXECFN) */
	bool point_of_no_return;	/* the old program is gone: fail = die */
	int interp_depth;		/* #! scripts followed */
};

int begin_new_exec(struct linux_binprm *bprm);
void setup_new_exec(struct linux_binprm *bprm);
int exec_mmap(struct mm_struct *mm);
int load_elf_binary(struct linux_binprm *bprm);
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp);

#endif /* _LINUX_BINFMTS_H */
