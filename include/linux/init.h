/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Boot-time registration: boot parameters (early_param, __setup) collected
 * by the linker into a table that kernel/params.c walks.
 * Linux: include/linux/init.h
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

/* Linux frees __init code after boot; Spindle keeps it, but marks it. */
#define __init
#define __initdata

struct obs_kernel_param {
	const char *str;		/* "name" of name=value */
	int (*setup_func)(char *);	/* 0, or -EINVAL for a bad value */
	int early;			/* parsed by parse_early_param() */
};

#define __setup_param(str, unique_id, fn, early)			\
	static const char __setup_str_##unique_id[] = str;		\
	static const struct obs_kernel_param __setup_##unique_id	\
		__used __section(".init.setup") __aligned(8) =		\
		{ __setup_str_##unique_id, fn, early }

/* Parsed in start_kernel() right after the command line is known. */
#define early_param(str, fn)	__setup_param(str, fn, fn, 1)
/* Parsed once the memory allocators work. */
#define __setup(str, fn)	__setup_param(str, fn, fn, 0)

#endif /* _LINUX_INIT_H */
