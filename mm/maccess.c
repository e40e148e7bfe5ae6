// SPDX-License-Identifier: GPL-2.0
/*
 * Reading kernel memory that may not be mapped: for reports about objects
 * the caller cannot vouch for (kthread_probe_data()). The copy goes
 * through copy_user_generic(), whose one instruction that may fault has
 * an exception table entry: a fault on a kernel address there resumes
 * with the bytes not copied counted (arch/x86/mm/fault.c), where any
 * other kernel fault is an oops.
 * Linux: mm/maccess.c, arch/x86/mm/maccess.c
 */
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <asm/page.h>
#include <asm/processor.h>

/*
 * Only kernel addresses, and canonical ones: a user address is not this
 * function's to read (that is copy_from_user()'s, with its checks), and
 * a non-canonical one would raise #GP, not #PF.
 * Linux: copy_from_kernel_nofault_allowed() in arch/x86/mm/maccess.c
 */
static bool copy_from_kernel_nofault_allowed(const void *unsafe_src, size_t size)
{
	unsigned long vaddr = (unsigned long)unsafe_src;

	if (vaddr < TASK_SIZE_MAX + PAGE_SIZE)
		return false;
	/* Bits 63..47 all equal: sign-extended from bit 47. */
	return ((long)vaddr >> 47) == -1 && vaddr + size >= vaddr;
}

/**
 * copy_from_kernel_nofault - copy kernel memory that may not be mapped
 * @dst: where to (must be mapped)
 * @src: the kernel address to read
 * @size: bytes
 *
 * Return: 0, -ERANGE for an address that is not the kernel's, -EFAULT if
 * part of [@src, @src + @size) is not mapped (@dst then holds what was
 * read before the hole).
 * Linux: copy_from_kernel_nofault()
 */
long copy_from_kernel_nofault(void *dst, const void *src, size_t size)
{
	if (!copy_from_kernel_nofault_allowed(src, size))
		return -ERANGE;
	return copy_user_generic(dst, src, size) ? -EFAULT : 0;
}
