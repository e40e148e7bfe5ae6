/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Formatting into buffers: the printf family the kernel has. See
 * lib/vsprintf.c for the conversions it understands and where they differ
 * from the C library's.
 * Linux: include/linux/sprintf.h
 */
#ifndef _LINUX_SPRINTF_H
#define _LINUX_SPRINTF_H

#include <stdarg.h>
#include <linux/compiler.h>
#include <linux/types.h>

__printf(3, 0) int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 0) int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);
__printf(2, 0) int vsprintf(char *buf, const char *fmt, va_list args);
__printf(2, 3) int sprintf(char *buf, const char *fmt, ...);

__printf(2, 0) char *kvasprintf(gfp_t gfp, const char *fmt, va_list ap);
__printf(2, 3) char *kasprintf(gfp_t gfp, const char *fmt, ...);

#endif /* _LINUX_SPRINTF_H */
