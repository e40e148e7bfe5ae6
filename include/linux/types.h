/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixed-width types with Linux's names. Built both for the kernel and, for
 * lib/'s host unit tests, for the host: so only the compiler's own
 * freestanding headers (<stdint.h>, <stddef.h>, <stdbool.h>) are used.
 * Linux: include/linux/types.h
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

#ifndef __SPINDLE_HOST__
/* The host's libc defines these; the kernel has to define them itself. */
typedef long ssize_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef int clockid_t;
#else
#include <sys/types.h>
#endif

typedef u64 phys_addr_t;
typedef unsigned int gfp_t;

struct list_head {
	struct list_head *next, *prev;
};

struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic_long_t;

#endif /* _LINUX_TYPES_H */
