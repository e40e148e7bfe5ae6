// SPDX-License-Identifier: GPL-2.0
/*
 * Strings to integers.
 *
 * kstrto*() are strict: the whole string must be one number, optionally
 * followed by a single '\n' (so text written to a sysfs-like file, which
 * usually ends in a newline, parses). No leading white space. They return
 * 0, -EINVAL for anything that is not a number, or -ERANGE when the number
 * does not fit the type, and leave *res untouched on error.
 *
 * Base 0 picks the base from the prefix, as C does: "0x" hex, "0" octal,
 * anything else decimal. Base 16 also accepts a "0x" prefix. Bases above 16
 * are not supported.
 *
 * Linux: lib/kstrtox.c
 */
#include <linux/compiler.h>
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/kstrtox.h>
#include <linux/types.h>

/*
 * Settle the base and skip a "0x" prefix. With base 0 a "0x" counts as a
 * prefix only if a hex digit follows: "0x" alone is the octal number 0
 * followed by an 'x'.
 */
static const char *parse_radix(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] == '0' && tolower(s[1]) == 'x' && isxdigit(s[2]))
			*base = 16;
		else if (s[0] == '0')
			*base = 8;
		else
			*base = 10;
	}
	if (*base == 16 && s[0] == '0' && tolower(s[1]) == 'x')
		s += 2;
	return s;
}

/* The value of digit @c, or 16 (too big for any base we take) if none. */
static unsigned int digit_value(char c)
{
	if (isdigit(c))
		return c - '0';
	if (isxdigit(c))
		return tolower(c) - 'a' + 10;
	return 16;
}

/*
 * Read digits of @base from @s into *@res. Returns how many characters
 * were digits. On overflow keeps reading (so that the caller reports
 * -ERANGE rather than -EINVAL for a long number) and sets *@overflow; the
 * value then wraps, which is what simple_strtoull() has always done.
 */
static size_t parse_digits(const char *s, unsigned int base,
			   unsigned long long *res, bool *overflow)
{
	unsigned long long val = 0;
	size_t n = 0;
	unsigned int d;

	*overflow = false;
	while ((d = digit_value(s[n])) < base) {
		if (val > (~0ULL - d) / base)
			*overflow = true;
		val = val * base + d;
		n++;
	}
	*res = val;
	return n;
}

/* kstrtoull() without the optional '+'. */
static int kstrtoull_nosign(const char *s, unsigned int base,
			    unsigned long long *res)
{
	unsigned long long val;
	bool overflow;
	size_t n;

	if (base == 1 || base > 16)
		return -EINVAL;
	s = parse_radix(s, &base);
	n = parse_digits(s, base, &val, &overflow);
	if (overflow)
		return -ERANGE;
	if (n == 0)
		return -EINVAL;
	s += n;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*res = val;
	return 0;
}

/**
 * kstrtoull - convert a string to an unsigned long long
 * @s: the string: an optional '+', digits, an optional '\n'
 * @base: 0 (from the prefix), or 2 to 16
 * @res: where the value goes, only on success
 *
 * Return: 0, -EINVAL if @s is not a number or -ERANGE on overflow.
 * Linux: lib/kstrtox.c
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	if (s[0] == '+')
		s++;
	return kstrtoull_nosign(s, base, res);
}

/**
 * kstrtoll - convert a string to a long long
 * @s: the string: an optional '+' or '-', digits, an optional '\n'
 * @base: 0 (from the prefix), or 2 to 16
 * @res: where the value goes, only on success
 *
 * Return: 0, -EINVAL if @s is not a number or -ERANGE if it does not fit.
 * Linux: lib/kstrtox.c
 */
int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long val;
	int ret;

	if (s[0] == '-') {
		ret = kstrtoull_nosign(s + 1, base, &val);
		if (ret)
			return ret;
		/* LLONG_MIN's magnitude is one more than LLONG_MAX. */
		if (val > (unsigned long long)__LONG_LONG_MAX__ + 1)
			return -ERANGE;
		*res = val ? -(long long)(val - 1) - 1 : 0;
		return 0;
	}
	ret = kstrtoull(s, base, &val);
	if (ret)
		return ret;
	if (val > (unsigned long long)__LONG_LONG_MAX__)
		return -ERANGE;
	*res = val;
	return 0;
}

/**
 * kstrtoul - convert a string to an unsigned long
 * @s: the string, as for kstrtoull()
 * @base: 0 (from the prefix), or 2 to 16
 * @res: where the value goes, only on success
 *
 * Return: 0, -EINVAL or -ERANGE.
 * Linux: lib/kstrtox.c
 */
int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long val;
	int ret;

	ret = kstrtoull(s, base, &val);
	if (ret)
		return ret;
	if (val != (unsigned long)val)
		return -ERANGE;
	*res = val;
	return 0;
}

/**
 * kstrtol - convert a string to a long
 * @s: the string, as for kstrtoll()
 * @base: 0 (from the prefix), or 2 to 16
 * @res: where the value goes, only on success
 *
 * Return: 0, -EINVAL or -ERANGE.
 * Linux: lib/kstrtox.c
 */
int kstrtol(const char *s, unsigned int base, long *res)
{
	long long val;
	int ret;

	ret = kstrtoll(s, base, &val);
	if (ret)
		return ret;
	if (val != (long)val)
		return -ERANGE;
	*res = val;
	return 0;
}

/**
 * kstrtouint - convert a string to an unsigned int
 * @s: the string, as for kstrtoull()
 * @base: 0 (from the prefix), or 2 to 16
 * @res: where the value goes, only on success
 *
 * Return: 0, -EINVAL or -ERANGE.
 * Linux: lib/kstrtox.c
 */
int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long val;
	int ret;

	ret = kstrtoull(s, base, &val);
	if (ret)
		return ret;
	if (val != (unsigned int)val)
		return -ERANGE;
	*res = val;
	return 0;
}

/**
 * kstrtoint - convert a string to an int
 * @s: the string, as for kstrtoll()
 * @base: 0 (from the prefix), or 2 to 16
 * @res: where the value goes, only on success
 *
 * Return: 0, -EINVAL or -ERANGE.
 * Linux: lib/kstrtox.c
 */
int kstrtoint(const char *s, unsigned int base, int *res)
{
	long long val;
	int ret;

	ret = kstrtoll(s, base, &val);
	if (ret)
		return ret;
	if (val != (int)val)
		return -ERANGE;
	*res = val;
	return 0;
}

/**
 * kstrtobool - convert a user's yes/no answer to a bool
 * @s: the string
 * @res: where the value goes, only on success
 *
 * Only the first character counts (the second for "on"/"off"), so "yes",
 * "Y\n" and "1" are all true:
 *	true:  1 y Y t T e E (enable) on On ON
 *	false: 0 n N f F d D (disable) off Off OFF
 * Return: 0, or -EINVAL for anything else.
 * Linux: lib/kstrtox.c
 */
int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;

	switch (tolower(s[0])) {
	case '1':
	case 'y':
	case 't':
	case 'e':
		*res = true;
		return 0;
	case '0':
	case 'n':
	case 'f':
	case 'd':
		*res = false;
		return 0;
	case 'o':
		if (tolower(s[1]) == 'n') {
			*res = true;
			return 0;
		}
		if (tolower(s[1]) == 'f') {
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}

/**
 * simple_strtoull - read an unsigned number at the start of a string
 * @cp: the string; no white space or sign is skipped
 * @endp: if not NULL, set to the first character after the number
 * @base: 0 (from the prefix), or 2 to 16
 *
 * Lenient: junk after the number is left for the caller (see @endp), no
 * digits gives 0, and overflow silently wraps. Prefer kstrtoull() unless
 * the number is followed by more text to parse.
 * Return: the value.
 * Linux: lib/vsprintf.c
 */
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base)
{
	unsigned long long val;
	bool overflow;
	size_t n;

	if (base == 1 || base > 16) {
		if (endp)
			*endp = (char *)cp;
		return 0;
	}
	cp = parse_radix(cp, &base);
	n = parse_digits(cp, base, &val, &overflow);
	if (endp)
		*endp = (char *)(cp + n);
	return val;
}

/**
 * simple_strtoul - read an unsigned number at the start of a string
 * @cp: the string
 * @endp: if not NULL, set to the first character after the number
 * @base: 0 (from the prefix), or 2 to 16
 *
 * As simple_strtoull(). Prefer kstrtoul().
 * Return: the value.
 * Linux: lib/vsprintf.c
 */
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoull(cp, endp, base);
}

/**
 * simple_strtoll - read a signed number at the start of a string
 * @cp: the string: an optional '-' then digits
 * @endp: if not NULL, set to the first character after the number
 * @base: 0 (from the prefix), or 2 to 16
 *
 * As simple_strtoull(), negated after a '-'. Prefer kstrtoll().
 * Return: the value.
 * Linux: lib/vsprintf.c
 */
long long simple_strtoll(const char *cp, char **endp, unsigned int base)
{
	/* Negate in unsigned so that "-9223372036854775808" is no overflow. */
	if (*cp == '-')
		return (long long)(0ULL - simple_strtoull(cp + 1, endp, base));
	return simple_strtoull(cp, endp, base);
}

/**
 * simple_strtol - read a signed number at the start of a string
 * @cp: the string: an optional '-' then digits
 * @endp: if not NULL, set to the first character after the number
 * @base: 0 (from the prefix), or 2 to 16
 *
 * As simple_strtoll(). Prefer kstrtol().
 * Return: the value.
 * Linux: lib/vsprintf.c
 */
long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoll(cp, endp, base);
}
