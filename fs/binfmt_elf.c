// SPDX-License-Identifier: GPL-2.0
/*
 * Loading a static ELF64 executable (ET_EXEC, or ET_DYN without an
 * interpreter: a static PIE, loaded at ELF_ET_DYN_BASE): check the
 * headers, begin_new_exec(), map each PT_LOAD segment as a VMA with its
 * rights and copy its file bytes in (the rest, bss, is demand-zero), set
 * the heap after the last segment, and build the initial stack:
 *
 *   STACK_TOP -> [ filename | envp strings | argv strings ]
 *                [ "x86_64" | 16 random bytes ]   (AT_PLATFORM, AT_RANDOM)
 *                [ auxv pairs ... AT_NULL ]
 *                [ envp[] NULL ]
 *                [ argv[] NULL ]
 *   sp ------->  [ argc ]                       (16-byte aligned)
 *
 * which is what the x86-64 psABI promises _start and musl's
 * __libc_start_main reads (argc, argv, envp, then auxv for AT_PHDR,
 * AT_PAGESZ, AT_RANDOM, AT_HWCAP...).
 * Linux: fs/binfmt_elf.c (load_elf_binary, create_elf_tables),
 * fs/exec.c (setup_arg_pages, copy_strings)
 */
#include <linux/binfmts.h>
#include <linux/elf.h>
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <asm/processor.h>

#define ELF_ET_DYN_BASE		0x555555554000UL	/* Linux x86-64: 2/3 of TASK_SIZE */
#define ELF_PLATFORM		"x86_64"
#define STACK_RESERVE		(128 * 1024)	/* the first stack VMA; grows to _STK_LIM */
#define ELF_MAX_PHNUM		64

static unsigned long elf_hwcap(void)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	return d;
}

/* 16 bytes for AT_RANDOM (stack protector seeds). Spindle's source: the TSC. */
static void get_random_bytes(void *buf, size_t len)
{
	u64 x = rdtsc() ^ (u64)current->pid << 32;

	for (size_t i = 0; i < len; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		((u8 *)buf)[i] = x;
	}
}

/* Push @len bytes at @src onto the new stack; the user address, or 0. */
static unsigned long push_bytes(struct linux_binprm *bprm, const void *src, size_t len)
{
	bprm->p -= len;
	return copy_to_user((void __user *)bprm->p, src, len) ? 0 : bprm->p;
}

/*
 * Build argc, argv, envp and auxv on the new stack. Linux: the string
 * part of setup_arg_pages()/copy_strings(), then create_elf_tables()
 */
static int create_elf_tables(struct linux_binprm *bprm, const Elf64_Ehdr *exec,
			     unsigned long load_addr, unsigned long entry)
{
	unsigned long strings, platform, random, *ptrs, *sp, items, size;
	unsigned char rand[16];
	unsigned long auxv[2 * 20];
	int n = 0, ret = 0;
	const char *s;

	/* Strings at the very top: AT_EXECFN's filename, then envp, argv. */
	bprm->p = STACK_TOP - sizeof(void *);
	bprm->exec = push_bytes(bprm, bprm->filename, strlen(bprm->filename) + 1);
	strings = push_bytes(bprm, bprm->strings, bprm->strings_len);
	platform = push_bytes(bprm, ELF_PLATFORM, sizeof(ELF_PLATFORM));
	get_random_bytes(rand, sizeof(rand));
	random = push_bytes(bprm, rand, sizeof(rand));
	if (!bprm->exec || !strings || !platform || !random)
		return -EFAULT;

#define NEW_AUX_ENT(id, val) do { auxv[n++] = (id); auxv[n++] = (val); } while (0)
	NEW_AUX_ENT(AT_HWCAP, elf_hwcap());
	NEW_AUX_ENT(AT_PAGESZ, PAGE_SIZE);
	NEW_AUX_ENT(AT_CLKTCK, 100);
	NEW_AUX_ENT(AT_PHDR, load_addr + exec->e_phoff);
	NEW_AUX_ENT(AT_PHENT, sizeof(Elf64_Phdr));
	NEW_AUX_ENT(AT_PHNUM, exec->e_phnum);
	NEW_AUX_ENT(AT_BASE, 0);
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, entry);
	NEW_AUX_ENT(AT_UID, 0);
	NEW_AUX_ENT(AT_EUID, 0);
	NEW_AUX_ENT(AT_GID, 0);
	NEW_AUX_ENT(AT_EGID, 0);
	NEW_AUX_ENT(AT_SECURE, 0);
	NEW_AUX_ENT(AT_RANDOM, random);
	NEW_AUX_ENT(AT_HWCAP2, 0);
	NEW_AUX_ENT(AT_EXECFN, bprm->exec);
	NEW_AUX_ENT(AT_PLATFORM, platform);
	NEW_AUX_ENT(AT_NULL, 0);
#undef NEW_AUX_ENT

	/* argc, argv[] NULL, envp[] NULL, auxv: sp 16-byte aligned at argc. */
	items = 1 + (bprm->argc + 1) + (bprm->envc + 1);
	size = items * sizeof(long) + n * sizeof(long);
	sp = (unsigned long *)ALIGN_DOWN(bprm->p - size, 16);
	ptrs = kmalloc(size, GFP_KERNEL);
	if (!ptrs)
		return -ENOMEM;
	ptrs[0] = bprm->argc;
	s = bprm->strings;
	current->mm->env_start = strings + bprm->strings_len;
	for (int i = 0; i < bprm->argc + bprm->envc; i++) {
		/* argv[i] at 1 + i; envp[j] at 1 + argc + 1 + j */
		if (i == bprm->argc)
			current->mm->env_start = strings + (s - bprm->strings);
		ptrs[1 + i + (i >= bprm->argc)] = strings + (s - bprm->strings);
		s += strlen(s) + 1;
	}
	ptrs[1 + bprm->argc] = 0;
	ptrs[items - 1] = 0;
	memcpy(ptrs + items, auxv, n * sizeof(long));
	if (copy_to_user((void __user *)sp, ptrs, size))
		ret = -EFAULT;
	kfree(ptrs);
	if (ret)
		return ret;
	bprm->p = (unsigned long)sp;
	current->mm->arg_start = strings;
	current->mm->arg_end = current->mm->env_start;
	current->mm->env_end = strings + bprm->strings_len;
	return 0;
}

static unsigned long elf_vm_flags(u32 p_flags)
{
	return ((p_flags & PF_R) ? VM_READ : 0) | ((p_flags & PF_W) ? VM_WRITE : 0) |
	       ((p_flags & PF_X) ? VM_EXEC : 0);
}

/* Is @ehdr an executable this kernel runs? Linux: elf_check_arch() and friends */
static int elf_check(const Elf64_Ehdr *ehdr, loff_t file_size)
{
	if (memcmp(ehdr->e_ident, ELFMAG, SELFMAG))
		return -ENOEXEC;
	if (ehdr->e_ident[EI_CLASS] != ELFCLASS64 || ehdr->e_ident[EI_DATA] != ELFDATA2LSB ||
	    ehdr->e_machine != EM_X86_64)
		return -ENOEXEC;
	if (ehdr->e_type != ET_EXEC && ehdr->e_type != ET_DYN)
		return -ENOEXEC;
	if (ehdr->e_phentsize != sizeof(Elf64_Phdr) || !ehdr->e_phnum ||
	    ehdr->e_phnum > ELF_MAX_PHNUM)
		return -ENOEXEC;
	if (ehdr->e_phoff > (u64)file_size ||
	    ehdr->e_phnum * sizeof(Elf64_Phdr) > (u64)file_size - ehdr->e_phoff)
		return -ENOEXEC;
	return 0;
}

/**
 * load_elf_binary - replace current's program with the ELF in @bprm
 * @bprm: the program (file open, first bytes read, strings copied)
 *
 * Return: 0 (current now returns to user mode at the entry point), or
 * -ENOEXEC for a file that is not a static ELF64 x86-64 executable with
 * sane program headers (the old program goes on), or another errno
 * after the point of no return (the caller kills the process).
 * Linux: load_elf_binary()
 */
int load_elf_binary(struct linux_binprm *bprm)
{
	const Elf64_Ehdr *ehdr = (const Elf64_Ehdr *)bprm->buf;
	struct inode *inode = bprm->file->f_inode;
	const u8 *data = inode->i_data;
	const Elf64_Phdr *phdr;
	unsigned long load_bias = 0, load_addr = 0, elf_brk = 0, prev_end = 0, entry, stack;
	struct mm_struct *mm;
	bool first = true;
	int retval;

	retval = elf_check(ehdr, inode->i_size);
	if (retval)
		return retval;
	phdr = (const Elf64_Phdr *)(data + ehdr->e_phoff);
	for (int i = 0; i < ehdr->e_phnum; i++) {
		if (phdr[i].p_type == PT_INTERP)
			return -ENOEXEC;	/* dynamically linked: no loader here */
		if (phdr[i].p_type != PT_LOAD)
			continue;
		if (phdr[i].p_filesz > phdr[i].p_memsz ||
		    phdr[i].p_offset > (u64)inode->i_size ||
		    phdr[i].p_filesz > (u64)inode->i_size - phdr[i].p_offset ||
		    phdr[i].p_vaddr >= TASK_SIZE_MAX ||
		    phdr[i].p_memsz > TASK_SIZE_MAX - phdr[i].p_vaddr ||
		    (phdr[i].p_vaddr & ~PAGE_MASK) != (phdr[i].p_offset & ~PAGE_MASK))
			return -ENOEXEC;
	}
	if (ehdr->e_type == ET_DYN)
		load_bias = ELF_ET_DYN_BASE;
	entry = ehdr->e_entry + load_bias;

	retval = begin_new_exec(bprm);
	if (retval)
		return retval;
	setup_new_exec(bprm);
	mm = bprm->mm;

	for (int i = 0; i < ehdr->e_phnum; i++) {
		const Elf64_Phdr *p = &phdr[i];
		unsigned long start, end, addr;

		if (p->p_type != PT_LOAD || !p->p_memsz)
			continue;
		addr = p->p_vaddr + load_bias;
		start = addr & PAGE_MASK;
		end = PAGE_ALIGN(addr + p->p_memsz);
		if (end > TASK_SIZE_MAX - STACK_RESERVE - _STK_LIM)
			return -EINVAL;
		/* A page shared with the previous segment is already mapped. */
		if (start < prev_end)
			start = prev_end;
		if (start < end) {
			unsigned long ret;

			mutex_lock(&mm->mmap_lock);
			ret = do_mmap(mm, start, end - start, elf_vm_flags(p->p_flags), bprm->file);
			mutex_unlock(&mm->mmap_lock);
			if (IS_ERR_VALUE(ret))
				return ret;
		}
		if (p->p_filesz &&
		    access_remote_vm(mm, addr, data + p->p_offset, p->p_filesz) != (int)p->p_filesz)
			return -ENOMEM;
		if (first) {
			load_addr = addr - p->p_offset;
			mm->start_code = addr;
			first = false;
		}
		if (p->p_flags & PF_X)
			mm->end_code = addr + p->p_filesz;
		else if (!mm->start_data)
			mm->start_data = addr;
		mm->end_data = max(mm->end_data, addr + p->p_filesz);
		elf_brk = max(elf_brk, end);
		prev_end = max(prev_end, end);
	}
	if (first)
		return -ENOEXEC;	/* nothing to load: begin_new_exec() made it fatal */
	mm->start_brk = mm->brk = elf_brk;

	mutex_lock(&mm->mmap_lock);
	stack = do_mmap(mm, STACK_TOP - STACK_RESERVE, STACK_RESERVE,
			VM_READ | VM_WRITE | VM_GROWSDOWN, NULL);
	mutex_unlock(&mm->mmap_lock);
	if (IS_ERR_VALUE(stack))
		return stack;
	mm->start_stack = STACK_TOP;
	retval = create_elf_tables(bprm, ehdr, load_addr, entry);
	if (retval)
		return retval;
	start_thread(current_pt_regs(), entry, bprm->p);
	return 0;
}
