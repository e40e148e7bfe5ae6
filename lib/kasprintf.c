// SPDX-License-Identifier: GPL-2.0
/*
 * Formatting into a freshly allocated string of exactly the right size.
 * Linux: lib/kasprintf.c
 */
#include <stdarg.h>
#include <linux/compiler.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/types.h>

/* Strings up to this long (a thread's name, say) are formatted only once. */
#define KASPRINTF_ONSTACK	64

/**
 * kvasprintf - format a string into memory from kmalloc()
 * @gfp: allocation flags for kmalloc()
 * @fmt: the format, as for vsnprintf()
 * @ap: the arguments
 *
 * Formats once into a buffer on the stack; a string that fits (most do:
 * kthread_create()'s names are well under it) is copied into memory of
 * exactly its size. A longer one is formatted a second time, into memory
 * of the length the first pass found, so the first pass consumes its own
 * copy of @ap (a va_list can be walked only once). Linux formats twice
 * always, the first time with no buffer.
 *
 * Return: the string, to be freed with kfree(), or NULL when out of memory.
 * Linux: lib/kasprintf.c
 */
char *kvasprintf(gfp_t gfp, const char *fmt, va_list ap)
{
	char buf[KASPRINTF_ONSTACK];
	va_list measure;
	size_t len;
	char *p;

	va_copy(measure, ap);
	len = vsnprintf(buf, sizeof(buf), fmt, measure);
	va_end(measure);

	p = kmalloc(len + 1, gfp);
	if (!p)
		return NULL;
	if (len < sizeof(buf))
		memcpy(p, buf, len + 1);
	else
		vsnprintf(p, len + 1, fmt, ap);
	return p;
}

/**
 * kasprintf - format a string into memory from kmalloc()
 * @gfp: allocation flags for kmalloc()
 * @fmt: the format, as for vsnprintf()
 *
 * Return: the string, to be freed with kfree(), or NULL when out of memory.
 * Linux: lib/kasprintf.c
 */
char *kasprintf(gfp_t gfp, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = kvasprintf(gfp, fmt, ap);
	va_end(ap);
	return p;
}
