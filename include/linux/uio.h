/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct iov_iter: where the bytes of a read or write go to or come from,
 * so that one ->read_iter()/->write_iter() serves both the user's buffer
 * of read(2)/write(2) (ITER_UBUF) and a kernel buffer (ITER_KVEC: what
 * sendfile() moves, what exec reads). One segment of either kind; the
 * iterator advances as it is copied.
 * Linux: include/linux/uio.h, lib/iov_iter.c (many more kinds there)
 */
#ifndef _LINUX_UIO_H
#define _LINUX_UIO_H

#include <linux/string.h>
#include <linux/types.h>
#include <linux/uaccess.h>

enum iter_type {
	ITER_UBUF,
	ITER_KVEC,
};

struct iov_iter {
	enum iter_type iter_type;
	union {
		void __user *ubuf;
		void *kbuf;
	};
	size_t count;			/* bytes left */
};

/* @i over the user's @buf of @count bytes. Linux: iov_iter_ubuf() */
static inline void iov_iter_ubuf(struct iov_iter *i, void __user *buf, size_t count)
{
	*i = (struct iov_iter){ .iter_type = ITER_UBUF, .ubuf = buf, .count = count };
}

/* @i over the kernel's @buf of @count bytes. Linux: iov_iter_kvec() with one kvec */
static inline void iov_iter_kvec(struct iov_iter *i, void *buf, size_t count)
{
	*i = (struct iov_iter){ .iter_type = ITER_KVEC, .kbuf = buf, .count = count };
}

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

static inline void iov_iter_advance(struct iov_iter *i, size_t bytes)
{
	if (i->iter_type == ITER_UBUF)
		i->ubuf = (char __user *)i->ubuf + bytes;
	else
		i->kbuf = (char *)i->kbuf + bytes;
	i->count -= bytes;
}

/*
 * Copy up to @bytes from @i to the kernel's @to and advance past them.
 * Return: the bytes copied: fewer than asked at the end of @i, or where a
 * user page faulted. Linux: copy_from_iter()
 */
static inline size_t copy_from_iter(void *to, size_t bytes, struct iov_iter *i)
{
	size_t n = bytes < i->count ? bytes : i->count;

	if (i->iter_type == ITER_UBUF)
		n -= copy_from_user(to, i->ubuf, n);
	else
		memcpy(to, i->kbuf, n);
	iov_iter_advance(i, n);
	return n;
}

/* The other way: from the kernel's @from into @i. Linux: copy_to_iter() */
static inline size_t copy_to_iter(const void *from, size_t bytes, struct iov_iter *i)
{
	size_t n = bytes < i->count ? bytes : i->count;

	if (i->iter_type == ITER_UBUF)
		n -= copy_to_user(i->ubuf, from, n);
	else
		memcpy(i->kbuf, from, n);
	iov_iter_advance(i, n);
	return n;
}

#endif /* _LINUX_UIO_H */
