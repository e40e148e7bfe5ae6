/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Touching user memory from the kernel: never by dereferencing a
 * __user pointer, always through these, which
 *  - refuse addresses outside the user half (access_ok()), so a user
 *    cannot make the kernel read or write kernel memory for it;
 *  - fault pages in like the user would (a page fault in the kernel on
 *    a user address goes to handle_mm_fault());
 *  - and turn an address the user may not touch into -EFAULT or a short
 *    count through the exception table, instead of an oops.
 * Linux: include/linux/uaccess.h, arch/x86/include/asm/uaccess.h
 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/types.h>
#include <asm/processor.h>

unsigned long copy_user_generic(void *to, const void *from, unsigned long len);
unsigned long __clear_user(void __user *to, unsigned long len);

/*
 * Is [@addr, @addr + @size) inside the user half? Written so that a huge
 * @size cannot wrap around. Linux: access_ok() / __access_ok()
 */
static inline bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE_MAX && a <= TASK_SIZE_MAX - size;
}

/**
 * copy_from_user - copy @n bytes from user @from to kernel @to
 * @to: kernel buffer
 * @from: user address
 * @n: bytes
 *
 * What could not be copied is zeroed in @to, so no stale kernel bytes
 * are ever used in its place.
 * Return: the bytes not copied; 0 on success.
 * Linux: copy_from_user() / _copy_from_user()
 */
static inline __must_check unsigned long copy_from_user(void *to, const void __user *from,
							 unsigned long n)
{
	unsigned long res = n;

	if (access_ok(from, n))
		res = copy_user_generic(to, (__force const void *)from, n);
	if (res)
		memset((char *)to + (n - res), 0, res);
	return res;
}

/**
 * copy_to_user - copy @n bytes from kernel @from to user @to
 * @to: user address
 * @from: kernel buffer
 * @n: bytes
 * Return: the bytes not copied; 0 on success.
 * Linux: copy_to_user() / _copy_to_user()
 */
static inline __must_check unsigned long copy_to_user(void __user *to, const void *from,
						       unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return copy_user_generic((__force void *)to, from, n);
}

/**
 * clear_user - zero @n bytes of user memory
 * @to: user address
 * @n: bytes
 * Return: the bytes not zeroed; 0 on success.
 * Linux: clear_user()
 */
static inline __must_check unsigned long clear_user(void __user *to, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return __clear_user(to, n);
}

/*
 * get_user(x, ptr) / put_user(x, ptr): one value of *ptr's type.
 * Return: 0 or -EFAULT (then get_user() sets x to 0).
 */
#define get_user(x, ptr) ({						\
	unsigned long __gu_val = 0;	/* scalars only, up to 8 bytes */ \
	int __gu_err;							\
	BUILD_BUG_ON(sizeof(*(ptr)) > sizeof(__gu_val));		\
	__gu_err = copy_from_user(&__gu_val, (ptr), sizeof(*(ptr))) ? -EFAULT : 0; \
	(x) = (__typeof__(*(ptr)))__gu_val;				\
	__gu_err; })

#define put_user(x, ptr) ({						\
	__typeof__(*(ptr)) __pu_val = (x);				\
	copy_to_user((ptr), &__pu_val, sizeof(*(ptr))) ? -EFAULT : 0; })

long strncpy_from_user(char *dst, const char __user *src, long count);
long strnlen_user(const char __user *str, long n);

/* Read kernel memory that may not be there (mm/maccess.c). */
long copy_from_kernel_nofault(void *dst, const void *src, size_t size);

#endif /* _LINUX_UACCESS_H */
