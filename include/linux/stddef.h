/* SPDX-License-Identifier: GPL-2.0 */
/*
 * offsetof, container_of and friends.
 * Linux: include/linux/stddef.h, include/linux/container_of.h
 */
#ifndef _LINUX_STDDEF_H
#define _LINUX_STDDEF_H

#include <stddef.h>
#include <linux/compiler.h>

/**
 * container_of - the structure that embeds a member
 * @ptr: pointer to the member
 * @type: type of the embedding structure
 * @member: name of the member inside @type
 *
 * The type check makes a wrong @member a compile error, not a silent bug.
 */
#define container_of(ptr, type, member) ({				\
	void *__mptr = (void *)(ptr);					\
	_Static_assert(__same_type(*(ptr), ((type *)0)->member) ||	\
		       __same_type(*(ptr), void),			\
		       "pointer type mismatch in container_of()");	\
	((type *)(__mptr - offsetof(type, member))); })

#define sizeof_field(TYPE, MEMBER) sizeof((((TYPE *)0)->MEMBER))

#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]))

#endif /* _LINUX_STDDEF_H */
