/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Character classes for plain ASCII. Linux uses a 256-entry table that also
 * classifies Latin-1; Spindle only ever parses ASCII (command lines, numbers,
 * format strings), so comparisons are enough and every byte >= 0x80 is in no
 * class. The argument is an int, as in C, so a negative char is in no class.
 * Linux: include/linux/ctype.h
 */
#ifndef _LINUX_CTYPE_H
#define _LINUX_CTYPE_H

/**
 * isdigit - is @c a decimal digit, '0' to '9'?
 * @c: a character, as an int
 * Return: nonzero if it is.
 */
static inline int isdigit(int c)
{
	return c >= '0' && c <= '9';
}

/**
 * isupper - is @c an uppercase letter, 'A' to 'Z'?
 * @c: a character, as an int
 * Return: nonzero if it is.
 */
static inline int isupper(int c)
{
	return c >= 'A' && c <= 'Z';
}

/**
 * islower - is @c a lowercase letter, 'a' to 'z'?
 * @c: a character, as an int
 * Return: nonzero if it is.
 */
static inline int islower(int c)
{
	return c >= 'a' && c <= 'z';
}

/**
 * isalpha - is @c an ASCII letter?
 * @c: a character, as an int
 * Return: nonzero if it is.
 */
static inline int isalpha(int c)
{
	return isupper(c) || islower(c);
}

/**
 * isalnum - is @c an ASCII letter or a decimal digit?
 * @c: a character, as an int
 * Return: nonzero if it is.
 */
static inline int isalnum(int c)
{
	return isalpha(c) || isdigit(c);
}

/**
 * isxdigit - is @c a hex digit: 0-9, a-f or A-F?
 * @c: a character, as an int
 * Return: nonzero if it is.
 */
static inline int isxdigit(int c)
{
	return isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/**
 * isspace - is @c white space: ' ', \t, \n, \v, \f or \r?
 * @c: a character, as an int
 * Return: nonzero if it is.
 */
static inline int isspace(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/**
 * isprint - is @c printable: ' ' up to '~' (no control chars, no DEL)?
 * @c: a character, as an int
 * Return: nonzero if it is.
 */
static inline int isprint(int c)
{
	return c >= ' ' && c <= '~';
}

/**
 * tolower - @c as a lowercase letter if it is an uppercase one, else @c
 * @c: a character, as an int
 * Return: the lowercase letter, or @c unchanged.
 */
static inline int tolower(int c)
{
	return isupper(c) ? c - 'A' + 'a' : c;
}

/**
 * toupper - @c as an uppercase letter if it is a lowercase one, else @c
 * @c: a character, as an int
 * Return: the uppercase letter, or @c unchanged.
 */
static inline int toupper(int c)
{
	return islower(c) ? c - 'a' + 'A' : c;
}

#endif /* _LINUX_CTYPE_H */
