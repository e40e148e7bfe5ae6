// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's printf engine: vsnprintf() and the functions built on it.
 *
 * Understood: %d %i %u %o %x %X %c %s %p %% with the flags "-+ #0", a
 * field width and a precision (either may be '*'), and the length
 * modifiers hh h l ll z t j. The numeric, character and string
 * conversions behave exactly as C99 says (the host tests compare them
 * byte for byte with the C library's snprintf). There is no floating
 * point: the kernel never uses the FPU.
 *
 * Where Spindle deliberately differs from the C library (mostly following
 * Linux):
 *  - %p prints the raw address as 16 zero-padded lowercase hex digits with
 *    no "0x", which is what Linux prints for %px. Linux hashes plain %p so
 *    that logs do not leak the kernel's layout; a teaching kernel has
 *    nothing to hide and its readers need the real addresses.
 *  - %p takes extensions: %px (raw address, as above), %pS ("func+0x1c/0x80"
 *    via sprint_symbol()) and %ps ("func", via sprint_symbol_no_offset()).
 *    and %*pbl: the bitmap at the pointer, of as many bits as the width,
 *    as a list of ranges ("0-2,5"; "" for an empty one), as Linux's
 *    bitmap_list_string() prints cpumask_pr_args().
 *    As in Linux, every letter or digit right after %p is part of the
 *    conversion and is not printed, so "%pfoo" prints just the address.
 *  - '#' with x or X always gives the "0x"/"0X" prefix, also for 0: "%#x"
 *    of 0 is "0x0" (C: "0"), "%#.0x" of 0 is "0x" (C: ""), as Linux's
 *    number() does, so that a column of "%#018llx" addresses stays aligned.
 *  - %s with a NULL pointer prints "(null)" (cut by a precision).
 *  - %c and %s pad with spaces even with the '0' flag (C leaves that
 *    undefined).
 *  - An unknown conversion (or %n) ends the output there: the types of the
 *    remaining arguments can no longer be known, so going on could read
 *    garbage. Linux does the same.
 *  - A size above INT_MAX is a caller bug (a negative length converted to
 *    size_t): nothing is written and 0 is returned, as in Linux.
 *
 * Linux: lib/vsprintf.c
 */
#include <stdarg.h>
#include <linux/compiler.h>
#include <linux/ctype.h>
#include <linux/kallsyms.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/types.h>

/* Flags of one conversion. */
#define LEFT	0x01	/* '-': pad on the right instead of the left */
#define PLUS	0x02	/* '+': give non-negative numbers a '+' */
#define SPACE	0x04	/* ' ': give non-negative numbers a ' ' */
#define SPECIAL	0x08	/* '#': a leading 0 for octal, 0x for hex */
#define ZEROPAD	0x10	/* '0': pad numbers with zeros after the sign */
#define SIGN	0x20	/* the conversion is signed (%d, %i) */
#define SMALL	0x40	/* lowercase hex digits and "0x" */

/* One parsed conversion specification. */
struct printf_spec {
	unsigned int flags;
	int width;		/* minimum field width; -1 when none given */
	int precision;		/* -1 when none given */
	unsigned int base;	/* 8, 10 or 16 */
};

/* Length modifiers: the type the argument was passed as. */
enum printf_length {
	LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_T, LEN_J,
};

/*
 * The output buffer. Formatting goes on after the buffer is full so that
 * vsnprintf() can return the length the whole string would have: @len
 * counts every character produced, only the ones that fit are stored.
 */
struct outbuf {
	char *buf;
	size_t size;		/* bytes of @buf, room for the NUL included */
	size_t len;		/* characters produced so far */
};

static void emit(struct outbuf *out, char c)
{
	/* The last byte is kept for the NUL. */
	if (out->len + 1 < out->size)
		out->buf[out->len] = c;
	out->len++;
}

static void emit_repeat(struct outbuf *out, char c, int n)
{
	while (n-- > 0)
		emit(out, c);
}

/*
 * Read a decimal width or precision. Saturates instead of overflowing:
 * a width of a billion already means "more than any buffer".
 */
static int read_decimal(const char **s)
{
	int n = 0;

	while (isdigit(**s)) {
		if (n < 100000000)
			n = n * 10 + (**s - '0');
		(*s)++;
	}
	return n;
}

static unsigned int flag_of(char c)
{
	switch (c) {
	case '-':
		return LEFT;
	case '+':
		return PLUS;
	case ' ':
		return SPACE;
	case '#':
		return SPECIAL;
	case '0':
		return ZEROPAD;
	}
	return 0;
}

/*
 * Print an integer. A field is laid out as
 *	[spaces] [sign] [0x prefix] [zeros] digits [spaces]
 * where the zeros come from the precision (the minimum number of digits)
 * or, with the '0' flag and no precision, fill the width.
 */
static void number(struct outbuf *out, unsigned long long num, bool negative,
		   struct printf_spec spec)
{
	const char *digit_set = (spec.flags & SMALL) ? "0123456789abcdef" :
						      "0123456789ABCDEF";
	char digits[24];	/* 2^64 needs 22 octal digits */
	const char *prefix = "";
	int ndigits = 0, nzeros, npad, prefix_len;
	char sign = 0;

	/* As Linux's number(): "%#x" of 0 is "0x0" (C says "0"). */
	if ((spec.flags & SPECIAL) && spec.base == 16)
		prefix = (spec.flags & SMALL) ? "0x" : "0X";
	prefix_len = strlen(prefix);

	/* Digits, least significant first. Zero has none: see precision. */
	while (num) {
		digits[ndigits++] = digit_set[num % spec.base];
		num /= spec.base;
	}

	/* Without a precision at least one digit is printed; "%.0d" of 0 is "". */
	nzeros = (spec.precision < 0 ? 1 : spec.precision) - ndigits;
	if (nzeros < 0)
		nzeros = 0;
	/* '#' with octal: the first digit must be a 0 (our digits never are). */
	if ((spec.flags & SPECIAL) && spec.base == 8 && nzeros == 0)
		nzeros = 1;

	if (spec.flags & SIGN) {
		if (negative)
			sign = '-';
		else if (spec.flags & PLUS)
			sign = '+';
		else if (spec.flags & SPACE)
			sign = ' ';
	}

	npad = spec.width - (!!sign + prefix_len + nzeros + ndigits);
	/* '-' beats '0', and a precision turns '0' off (C99 7.19.6.1). */
	if ((spec.flags & ZEROPAD) && !(spec.flags & LEFT) && spec.precision < 0 &&
	    npad > 0) {
		nzeros += npad;
		npad = 0;
	}

	if (!(spec.flags & LEFT))
		emit_repeat(out, ' ', npad);
	if (sign)
		emit(out, sign);
	while (*prefix)
		emit(out, *prefix++);
	emit_repeat(out, '0', nzeros);
	while (ndigits)
		emit(out, digits[--ndigits]);
	if (spec.flags & LEFT)
		emit_repeat(out, ' ', npad);
}

/* Print @len characters of @s padded to the field width. */
static void padded(struct outbuf *out, const char *s, size_t len,
		   struct printf_spec spec)
{
	int npad = 0;
	size_t i;

	if (spec.width > 0 && (size_t)spec.width > len)
		npad = spec.width - (int)len;
	if (!(spec.flags & LEFT))
		emit_repeat(out, ' ', npad);
	for (i = 0; i < len; i++)
		emit(out, s[i]);
	if (spec.flags & LEFT)
		emit_repeat(out, ' ', npad);
}

static void string(struct outbuf *out, const char *s, struct printf_spec spec)
{
	size_t len;

	if (!s)
		s = "(null)";
	/* strnlen: with a precision, @s need not be NUL-terminated. */
	len = strnlen(s, spec.precision < 0 ? (size_t)-1 : (size_t)spec.precision);
	padded(out, s, len, spec);
}

/* Is bit @n of the bitmap at @bits set? */
static bool bitmap_bit(const unsigned long *bits, int n)
{
	return (bits[n / (8 * sizeof(long))] >> (n % (8 * sizeof(long)))) & 1;
}

/*
 * %*pbl: "0-2,5,7-8", the runs of set bits among the first @nbits. The
 * width is the number of bits, not a field width. Linux: bitmap_list_string()
 */
static void bitmap_list_string(struct outbuf *out, const unsigned long *bits, int nbits)
{
	struct printf_spec dec = { .width = -1, .precision = -1, .base = 10 };
	bool first = true;
	int n = 0;

	while (n < nbits) {
		int start = n, end;

		if (!bitmap_bit(bits, n)) {
			n++;
			continue;
		}
		while (n + 1 < nbits && bitmap_bit(bits, n + 1))
			n++;
		end = n++;
		if (!first)
			emit(out, ',');
		first = false;
		number(out, start, false, dec);
		if (end != start) {
			emit(out, '-');
			number(out, end, false, dec);
		}
	}
}

/*
 * %p and its extensions. @fmt points just after the 'p'. The symbol text
 * goes through string() so that width, precision and the buffer limit
 * apply to it like to any %s.
 */
static void pointer(struct outbuf *out, const char *fmt, void *ptr,
		    struct printf_spec spec)
{
	char sym[KSYM_SYMBOL_LEN];

	switch (*fmt) {
	case 'S':
		sprint_symbol(sym, (unsigned long)ptr);
		string(out, sym, spec);
		return;
	case 's':
		sprint_symbol_no_offset(sym, (unsigned long)ptr);
		string(out, sym, spec);
		return;
	case 'b':
		if (fmt[1] == 'l') {
			bitmap_list_string(out, ptr, spec.width < 0 ? 0 : spec.width);
			return;
		}
		break;
	}

	/* Plain %p and %px: the raw address, all 16 digits unless told. */
	spec.flags |= SMALL;
	spec.flags &= ~(SIGN | SPECIAL);
	spec.base = 16;
	if (spec.width < 0) {
		spec.width = 2 * sizeof(void *);
		spec.flags |= ZEROPAD;
	}
	number(out, (unsigned long)ptr, false, spec);
}

/**
 * vsnprintf - format a string into a buffer
 * @buf: the buffer; may be NULL when @size is 0
 * @size: size of @buf in bytes, room for the terminating NUL included
 * @fmt: the format; see the top of lib/vsprintf.c for what it may contain
 * @args: the arguments
 *
 * Writes at most @size bytes and, when @size > 0, always NUL-terminates.
 * Standard conversions follow C99; %p prints the raw address as 16 hex
 * digits without "0x" (Linux's %px: Spindle does not hash pointers), and
 * %pS/%ps print the kernel symbol an address belongs to.
 *
 * Return: the length the full output would have (without the NUL), as
 * C's vsnprintf does: a return value >= @size means the output was cut.
 * To know how much was really written, use vscnprintf().
 * Linux: lib/vsprintf.c
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct outbuf out = { .buf = buf, .size = size, .len = 0 };

	if (size > __INT_MAX__)
		return 0;

	while (*fmt) {
		struct printf_spec spec = {
			.flags = 0, .width = -1, .precision = -1, .base = 10,
		};
		enum printf_length length = LEN_NONE;
		unsigned long long num;
		bool negative = false;
		long long snum;

		if (*fmt != '%') {
			emit(&out, *fmt++);
			continue;
		}
		fmt++;

		while (flag_of(*fmt))
			spec.flags |= flag_of(*fmt++);

		if (*fmt == '*') {
			/* A negative '*' width means '-' and its magnitude. */
			int w = va_arg(args, int);

			fmt++;
			if (w < 0) {
				spec.flags |= LEFT;
				w = (w < -__INT_MAX__) ? __INT_MAX__ : -w;
			}
			spec.width = w;
		} else if (isdigit(*fmt)) {
			spec.width = read_decimal(&fmt);
		}

		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				/* A negative '*' precision counts as none. */
				spec.precision = va_arg(args, int);
				if (spec.precision < 0)
					spec.precision = -1;
				fmt++;
			} else {
				/* A lone '.' is precision 0. */
				spec.precision = read_decimal(&fmt);
			}
		}

		switch (*fmt) {
		case 'h':
			fmt++;
			length = LEN_H;
			if (*fmt == 'h') {
				fmt++;
				length = LEN_HH;
			}
			break;
		case 'l':
			fmt++;
			length = LEN_L;
			if (*fmt == 'l') {
				fmt++;
				length = LEN_LL;
			}
			break;
		case 'z':
			fmt++;
			length = LEN_Z;
			break;
		case 't':
			fmt++;
			length = LEN_T;
			break;
		case 'j':
			fmt++;
			length = LEN_J;
			break;
		}

		switch (*fmt++) {
		case '%':
			emit(&out, '%');
			continue;
		case 'c': {
			char c = (char)va_arg(args, int);

			padded(&out, &c, 1, spec);
			continue;
		}
		case 's':
			string(&out, va_arg(args, const char *), spec);
			continue;
		case 'p':
			pointer(&out, fmt, va_arg(args, void *), spec);
			/* The extension letters are part of the conversion. */
			while (isalnum(*fmt))
				fmt++;
			continue;
		case 'd':
		case 'i':
			spec.flags |= SIGN;
			break;
		case 'u':
			break;
		case 'o':
			spec.base = 8;
			break;
		case 'x':
			spec.flags |= SMALL;
			spec.base = 16;
			break;
		case 'X':
			spec.base = 16;
			break;
		default:
			/* Unknown, %n, or a '%' ending the format: stop here. */
			goto out;
		}

		/* Fetch the integer as the type it was passed as. */
		if (spec.flags & SIGN) {
			switch (length) {
			case LEN_HH:
				snum = (signed char)va_arg(args, int);
				break;
			case LEN_H:
				snum = (short)va_arg(args, int);
				break;
			case LEN_L:
				snum = va_arg(args, long);
				break;
			case LEN_LL:
				snum = va_arg(args, long long);
				break;
			case LEN_Z:
				snum = va_arg(args, ssize_t);
				break;
			case LEN_T:
				snum = va_arg(args, ptrdiff_t);
				break;
			case LEN_J:
				snum = va_arg(args, intmax_t);
				break;
			default:
				snum = va_arg(args, int);
				break;
			}
			negative = snum < 0;
			/* Negate in unsigned: -LLONG_MIN does not fit a long long. */
			num = negative ? 0ULL - (unsigned long long)snum :
					 (unsigned long long)snum;
		} else {
			switch (length) {
			case LEN_HH:
				num = (unsigned char)va_arg(args, unsigned int);
				break;
			case LEN_H:
				num = (unsigned short)va_arg(args, unsigned int);
				break;
			case LEN_L:
				num = va_arg(args, unsigned long);
				break;
			case LEN_LL:
				num = va_arg(args, unsigned long long);
				break;
			case LEN_Z:
				num = va_arg(args, size_t);
				break;
			case LEN_T:
				num = (unsigned long)va_arg(args, ptrdiff_t);
				break;
			case LEN_J:
				num = va_arg(args, uintmax_t);
				break;
			default:
				num = va_arg(args, unsigned int);
				break;
			}
		}
		number(&out, num, negative, spec);
	}
out:
	if (size)
		buf[out.len < size ? out.len : size - 1] = '\0';
	return out.len;
}

/**
 * snprintf - format a string into a buffer
 * @buf: the buffer; may be NULL when @size is 0
 * @size: size of @buf, NUL included
 * @fmt: the format
 *
 * Return: as vsnprintf(), the length the full output would have.
 * Linux: lib/vsprintf.c
 */
int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return len;
}

/**
 * vscnprintf - format a string into a buffer; return what was written
 * @buf: the buffer
 * @size: size of @buf, NUL included
 * @fmt: the format
 * @args: the arguments
 *
 * Return: the number of characters actually stored in @buf, without the
 * NUL: at most @size - 1, and 0 when @size is 0. Unlike vsnprintf()'s
 * result this can safely be added to a buffer position:
 *	pos += scnprintf(buf + pos, size - pos, ...);
 * Linux: lib/vsprintf.c
 */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int len = vsnprintf(buf, size, fmt, args);

	if ((size_t)len < size)
		return len;
	return size ? (int)(size - 1) : 0;
}

/**
 * scnprintf - format a string into a buffer; return what was written
 * @buf: the buffer
 * @size: size of @buf, NUL included
 * @fmt: the format
 *
 * Return: as vscnprintf(), the characters stored, without the NUL.
 * Linux: lib/vsprintf.c
 */
int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return len;
}

/**
 * vsprintf - format a string into a buffer of unchecked size
 * @buf: the buffer; must be large enough (prefer vscnprintf())
 * @fmt: the format
 * @args: the arguments
 *
 * Return: the length written, without the NUL.
 * Linux: lib/vsprintf.c
 */
int vsprintf(char *buf, const char *fmt, va_list args)
{
	return vsnprintf(buf, __INT_MAX__, fmt, args);
}

/**
 * sprintf - format a string into a buffer of unchecked size
 * @buf: the buffer; must be large enough (prefer scnprintf())
 * @fmt: the format
 *
 * Return: the length written, without the NUL.
 * Linux: lib/vsprintf.c
 */
int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vsnprintf(buf, __INT_MAX__, fmt, args);
	va_end(args);
	return len;
}
