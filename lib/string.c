// SPDX-License-Identifier: GPL-2.0
/*
 * Memory and string functions for a kernel without libc.
 *
 * Plain C, clear before fast: only memcpy(), memmove() and memset(), which
 * copy or clear whole pages, move a word at a time. An architecture may
 * bring its own memcpy() and memset() (__HAVE_ARCH_MEMCPY/MEMSET in
 * <asm/string.h>, as x86-64 does); the host build keeps these. Nothing
 * here allocates or takes a lock, so every function is safe in any
 * context.
 *
 * The compiler itself emits calls to memcpy() and memset() (structure
 * copies, big initialisers), so these must exist under exactly these names.
 * The kernel is built with -fno-tree-loop-distribute-patterns so that the
 * loops below are not "optimised" back into calls to themselves.
 *
 * Linux: lib/string.c
 */
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/types.h>

/*
 * An unsigned long that may alias any other type: without may_alias the
 * compiler could assume a word store never changes the caller's char or
 * struct data and reorder accesses around it.
 */
typedef unsigned long __attribute__((__may_alias__)) word_t;

#define WORD_SIZE	sizeof(word_t)
#define WORD_MASK	(WORD_SIZE - 1)

/* True when @a and @b can be word-aligned together (same offset in a word). */
static inline bool co_aligned(const void *a, const void *b)
{
	return (((unsigned long)a ^ (unsigned long)b) & WORD_MASK) == 0;
}

/*
 * Copy from low to high addresses. Safe for overlapping buffers when
 * @d is below @s: each word is read whole before the store that may
 * overwrite part of it.
 */
static void copy_forward(unsigned char *d, const unsigned char *s, size_t n)
{
	if (co_aligned(d, s)) {
		while (n && ((unsigned long)d & WORD_MASK)) {
			*d++ = *s++;
			n--;
		}
		while (n >= WORD_SIZE) {
			*(word_t *)d = *(const word_t *)s;
			d += WORD_SIZE;
			s += WORD_SIZE;
			n -= WORD_SIZE;
		}
	}
	while (n--)
		*d++ = *s++;
}

/* Copy from high to low addresses: for overlaps where @d is above @s. */
static void copy_backward(unsigned char *d, const unsigned char *s, size_t n)
{
	/* Start one past the ends and walk down. */
	d += n;
	s += n;
	if (co_aligned(d, s)) {
		while (n && ((unsigned long)d & WORD_MASK)) {
			*--d = *--s;
			n--;
		}
		while (n >= WORD_SIZE) {
			d -= WORD_SIZE;
			s -= WORD_SIZE;
			*(word_t *)d = *(const word_t *)s;
			n -= WORD_SIZE;
		}
	}
	while (n--)
		*--d = *--s;
}

#ifndef __HAVE_ARCH_MEMCPY
/**
 * memcpy - copy @count bytes from @src to @dest
 * @dest: destination
 * @src: source; must not overlap @dest (use memmove() for that)
 * @count: number of bytes
 *
 * Return: @dest.
 * Linux: lib/string.c
 */
void *memcpy(void *dest, const void *src, size_t count)
{
	copy_forward(dest, src, count);
	return dest;
}
#endif

/**
 * memmove - copy @count bytes from @src to @dest; the areas may overlap
 * @dest: destination
 * @src: source
 * @count: number of bytes
 *
 * Copies in whichever direction never overwrites a source byte before it
 * has been read.
 * Return: @dest.
 * Linux: lib/string.c
 */
void *memmove(void *dest, const void *src, size_t count)
{
	unsigned long d = (unsigned long)dest, s = (unsigned long)src;

	if (d <= s || d >= s + count)
		copy_forward(dest, src, count);
	else
		copy_backward(dest, src, count);
	return dest;
}

#ifndef __HAVE_ARCH_MEMSET
/**
 * memset - fill @count bytes at @s with the byte @c
 * @s: start of the area
 * @c: fill value; only its low byte is used
 * @count: number of bytes
 *
 * Return: @s.
 * Linux: lib/string.c
 */
void *memset(void *s, int c, size_t count)
{
	unsigned char *p = s;
	unsigned char byte = (unsigned char)c;
	/* The byte repeated in every byte of a word: 0x0101...01 * byte. */
	word_t pattern = (word_t)byte * (~(word_t)0 / 0xff);

	while (count && ((unsigned long)p & WORD_MASK)) {
		*p++ = byte;
		count--;
	}
	while (count >= WORD_SIZE) {
		*(word_t *)p = pattern;
		p += WORD_SIZE;
		count -= WORD_SIZE;
	}
	while (count--)
		*p++ = byte;
	return s;
}
#endif

/**
 * memcmp - compare two memory areas
 * @cs: one area
 * @ct: the other
 * @count: bytes to compare
 *
 * Bytes compare as unsigned char.
 * Return: <0, 0 or >0 as @cs sorts
 * before, equal to or after @ct.
 * Linux: lib/string.c
 */
int memcmp(const void *cs, const void *ct, size_t count)
{
	const unsigned char *a = cs, *b = ct;

	for (; count; count--, a++, b++)
		if (*a != *b)
			return *a < *b ? -1 : 1;
	return 0;
}

/**
 * memchr - find the first byte @c in the @n bytes at @s
 * @s: area to search
 * @c: byte to find (converted to unsigned char)
 * @n: size of the area
 *
 * Return: a pointer to the byte, or NULL if it is not there.
 * Linux: lib/string.c
 */
void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

/**
 * strlen - length of a NUL-terminated string, without the NUL
 * @s: the string
 * Return: the number of characters before the NUL.
 * Linux: lib/string.c
 */
size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

/**
 * strnlen - length of a string, but look at no more than @count bytes
 * @s: the string, possibly not NUL-terminated
 * @count: most bytes to examine
 *
 * Return: strlen(@s) or @count, whichever is smaller. Never reads
 * @s[@count], so it is safe on fixed-size fields that may be full.
 * Linux: lib/string.c
 */
size_t strnlen(const char *s, size_t count)
{
	size_t n = 0;

	while (n < count && s[n])
		n++;
	return n;
}

/**
 * strcmp - compare two strings
 * @cs: one string
 * @ct: the other
 *
 * Characters compare as unsigned char.
 * Return: -1, 0 or 1, as Linux does.
 * Linux: lib/string.c
 */
int strcmp(const char *cs, const char *ct)
{
	for (;;) {
		unsigned char a = *cs++, b = *ct++;

		if (a != b)
			return a < b ? -1 : 1;
		if (!a)
			return 0;
	}
}

/**
 * strncmp - compare at most @count characters of two strings
 * @cs: one string
 * @ct: the other
 * @count: most characters to compare
 *
 * Return: -1, 0 or 1.
 * Linux: lib/string.c
 */
int strncmp(const char *cs, const char *ct, size_t count)
{
	for (; count; count--) {
		unsigned char a = *cs++, b = *ct++;

		if (a != b)
			return a < b ? -1 : 1;
		if (!a)
			break;
	}
	return 0;
}

/**
 * strcpy - copy a string, NUL included
 * @dest: destination; must be large enough (prefer strscpy())
 * @src: source string
 *
 * Return: @dest.
 * Linux: lib/string.c
 */
char *strcpy(char *dest, const char *src)
{
	char *d = dest;

	while ((*d++ = *src++) != '\0')
		;
	return dest;
}

/**
 * strncpy - copy a string into a fixed-size field
 * @dest: destination, @count bytes
 * @src: source string
 * @count: size of @dest
 *
 * Copies at most @count bytes and fills the rest of @dest with NULs. If
 * @src has @count or more characters, @dest is NOT NUL-terminated: this is
 * for fixed-width fields; for strings use strscpy().
 * Return: @dest.
 * Linux: lib/string.c
 */
char *strncpy(char *dest, const char *src, size_t count)
{
	size_t i = 0;

	for (; i < count && src[i]; i++)
		dest[i] = src[i];
	for (; i < count; i++)
		dest[i] = '\0';
	return dest;
}

/**
 * strscpy - copy a string into a buffer, always NUL-terminated
 * @dest: destination buffer
 * @src: source string
 * @count: size of @dest in bytes
 *
 * Copies as much of @src as fits and always NUL-terminates @dest (when
 * @count > 0). Never reads @src past its NUL nor past @count bytes.
 *
 * Return: the number of characters copied (without the NUL), or -E2BIG
 * when @src did not fit (including when @count is 0); the caller can then
 * tell truncation from success without a strlen().
 * Linux: lib/string.c
 */
ssize_t strscpy(char *dest, const char *src, size_t count)
{
	size_t i;

	if (count == 0)
		return -E2BIG;
	for (i = 0; i < count; i++) {
		dest[i] = src[i];
		if (!src[i])
			return i;
	}
	/* Out of room: cut the last copied character for the NUL. */
	dest[count - 1] = '\0';
	return -E2BIG;
}

/**
 * strcat - append @src to the string in @dest
 * @dest: string to extend; must have room
 * @src: string to append
 *
 * Return: @dest.
 * Linux: lib/string.c
 */
char *strcat(char *dest, const char *src)
{
	strcpy(dest + strlen(dest), src);
	return dest;
}

/**
 * strncat - append at most @count characters of @src to @dest
 * @dest: string to extend; needs room for strlen(@dest) + @count + 1
 * @src: string to append
 * @count: most characters to take from @src
 *
 * The result is always NUL-terminated.
 * Return: @dest.
 * Linux: lib/string.c
 */
char *strncat(char *dest, const char *src, size_t count)
{
	char *d = dest + strlen(dest);

	while (count-- && *src)
		*d++ = *src++;
	*d = '\0';
	return dest;
}

/**
 * strchr - find the first @c in a string
 * @s: the string
 * @c: character to find (converted to char)
 *
 * Searching for '\0' finds the terminator.
 * Return: a pointer to the first @c in @s, or NULL if @c is absent.
 * Linux: lib/string.c
 */
char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

/**
 * strrchr - find the last @c in a string
 * @s: the string
 * @c: character to find (converted to char)
 *
 * Searching for '\0' finds the terminator.
 * Return: a pointer to the last @c in @s, or NULL if @c is absent.
 * Linux: lib/string.c
 */
char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

/**
 * strstr - find the first occurrence of @s2 in @s1
 * @s1: string to search
 * @s2: string to find; the empty string matches at @s1
 *
 * A simple O(n*m) scan: kernel strings are short.
 * Return: a pointer into @s1, or NULL.
 * Linux: lib/string.c
 */
char *strstr(const char *s1, const char *s2)
{
	size_t l2 = strlen(s2);

	if (!l2)
		return (char *)s1;
	for (; *s1; s1++)
		if (*s1 == *s2 && !strncmp(s1, s2, l2))
			return (char *)s1;
	return NULL;
}

/**
 * strpbrk - find the first character of @cs that is in the set @ct
 * @cs: string to search
 * @ct: set of characters
 *
 * Return: a pointer into @cs, or NULL.
 * Linux: lib/string.c
 */
char *strpbrk(const char *cs, const char *ct)
{
	for (; *cs; cs++)
		if (strchr(ct, *cs))
			return (char *)cs;
	return NULL;
}

/**
 * strsep - split off the next token of a string
 * @s: in: the rest of the string; out: what follows the token, or NULL
 * @ct: set of delimiter characters
 *
 * Replaces the first delimiter in *@s with '\0' and moves *@s past it
 * (to NULL after the last token). Empty tokens are returned (unlike
 * strtok), so "a,,b" gives "a", "" and "b".
 * Return: the token (the old *@s), or NULL once *@s is NULL.
 * Linux: lib/string.c
 */
char *strsep(char **s, const char *ct)
{
	char *begin = *s, *end;

	if (!begin)
		return NULL;
	end = strpbrk(begin, ct);
	if (end)
		*end++ = '\0';
	*s = end;
	return begin;
}

/**
 * strspn - length of the prefix of @s made only of characters in @accept
 * @s: the string
 * @accept: allowed characters
 * Return: the length of that prefix.
 * Linux: lib/string.c
 */
size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] && strchr(accept, s[n]))
		n++;
	return n;
}

/**
 * strcspn - length of the prefix of @s with no character from @reject
 * @s: the string
 * @reject: characters that end the prefix
 * Return: the length of that prefix.
 * Linux: lib/string.c
 */
size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}

/**
 * skip_spaces - skip leading white space
 * @str: the string
 *
 * Return: a pointer to the first character of @str that is not isspace().
 * Linux: lib/string_helpers.c
 */
char *skip_spaces(const char *str)
{
	while (isspace(*str))
		str++;
	return (char *)str;
}

/**
 * strim - trim white space from both ends of a string
 * @s: the string; trailing space is cut by writing a NUL into it
 *
 * Return: a pointer to the first non-space character of @s (which may be
 * inside @s): keep the original pointer if it is to be freed.
 * Linux: lib/string_helpers.c
 */
char *strim(char *s)
{
	size_t len = strlen(s);

	while (len && isspace(s[len - 1]))
		len--;
	s[len] = '\0';
	return skip_spaces(s);
}
