// SPDX-License-Identifier: GPL-2.0
/*
 * Formatting into a freshly allocated string of exactly the right size.
 * Linux: lib/kasprintf.c
 */
#include <stdarg.h>
#include <linux/compiler.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/types.h>

/**
 * kvasprintf - format a string into memory from kmalloc()
 * @gfp: allocation flags for kmalloc()
 * @fmt: the format, as for vsnprintf()
 * @ap: the arguments
 *
 * Formats twice: once with no buffer to learn the length, then into a
 * buffer of exactly that size. The first pass consumes its own copy of
 * @ap, since a va_list can be walked only once.
 *
 * Return: the string, to be freed with kfree(), or NULL when out of memory.
 * Linux: lib/kasprintf.c
 */
char *kvasprintf(gfp_t gfp, const char *fmt, va_list ap)
{
	va_list measure;
	size_t len;
	char *p;

	va_copy(measure, ap);
	len = vsnprintf(NULL, 0, fmt, measure);
	va_end(measure);

	p = kmalloc(len + 1, gfp);
	if (!p)
		return NULL;
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
