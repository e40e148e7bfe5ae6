// SPDX-License-Identifier: GPL-2.0
/*
 * String copies from user memory, a byte at a time through get_user():
 * the string's end is not known in advance, and any byte of it may be
 * on a page the user cannot read.
 * Linux: lib/strncpy_from_user.c, lib/strnlen_user.c (which read a word
 * at a time)
 */
#include <linux/uaccess.h>

/**
 * strncpy_from_user - copy a NUL-terminated string from user space
 * @dst: kernel buffer of at least @count bytes
 * @src: user address
 * @count: the most bytes to copy, the NUL included
 *
 * Return: the string's length (without the NUL, which is copied), @count
 * if no NUL came in @count bytes (then @dst is not terminated), or
 * -EFAULT if a byte could not be read.
 * Linux: strncpy_from_user()
 */
long strncpy_from_user(char *dst, const char __user *src, long count)
{
	for (long i = 0; i < count; i++) {
		char c;

		if (get_user(c, src + i))
			return -EFAULT;
		dst[i] = c;
		if (!c)
			return i;
	}
	return count;
}

/**
 * strnlen_user - the size of a user string, its NUL included
 * @str: user address
 * @n: the most bytes to look at
 *
 * Return: the length plus one, a value above @n if no NUL came in @n
 * bytes, or 0 if a byte could not be read.
 * Linux: strnlen_user()
 */
long strnlen_user(const char __user *str, long n)
{
	for (long i = 0; i < n; i++) {
		char c;

		if (get_user(c, str + i))
			return 0;
		if (!c)
			return i + 1;
	}
	return n + 1;
}
