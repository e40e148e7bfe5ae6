/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Error values inside pointers. The top MAX_ERRNO addresses are never valid
 * kernel pointers, so a function returning a pointer can return -ENOMEM
 * in it as ERR_PTR(-ENOMEM) and the caller tests it with IS_ERR().
 * Linux: include/linux/err.h
 */
#ifndef _LINUX_ERR_H
#define _LINUX_ERR_H

#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/types.h>

#define IS_ERR_VALUE(x) unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

static inline bool IS_ERR_OR_NULL(const void *ptr)
{
	return unlikely(!ptr) || IS_ERR_VALUE((unsigned long)ptr);
}

/* Pass an error pointer on under another pointer type. */
static inline void *ERR_CAST(const void *ptr)
{
	return (void *)ptr;
}

/* 0 for a valid pointer, the error for an error pointer. */
static inline int PTR_ERR_OR_ZERO(const void *ptr)
{
	return IS_ERR(ptr) ? (int)PTR_ERR(ptr) : 0;
}

#endif /* _LINUX_ERR_H */
