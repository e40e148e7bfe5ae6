// SPDX-License-Identifier: GPL-2.0
/*
 * Small helpers on top of kmalloc(): copies of memory and strings.
 * Linux: mm/util.c
 */
#include <linux/slab.h>
#include <linux/string.h>

/**
 * kmemdup - copy @len bytes at @src into new kmalloc() memory
 * @src: what to copy
 * @len: bytes
 * @gfp: GFP flags
 * Return: the copy, or NULL.
 * Linux: mm/util.c
 */
void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

	if (p && len)
		memcpy(p, src, len);
	return p;
}

/**
 * kstrndup - copy at most @max characters of @s into kmalloc() memory
 * @s: the string, or NULL
 * @max: characters at most (the copy is always terminated)
 * @gfp: GFP flags
 * Return: the copy, or NULL (also for @s NULL).
 * Linux: mm/util.c
 */
char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	size_t len;
	char *p;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	p = kmalloc(len + 1, gfp);
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

/**
 * kstrdup - copy a string into kmalloc() memory
 * @s: the string, or NULL
 * @gfp: GFP flags
 * Return: the copy, or NULL (also for @s NULL).
 * Linux: mm/util.c
 */
char *kstrdup(const char *s, gfp_t gfp)
{
	return s ? kmemdup(s, strlen(s) + 1, gfp) : NULL;
}
