// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for lib/vsprintf.c and lib/kasprintf.c.
 *
 * Standard conversions are checked against the C library: each ROW() is a
 * (format, arguments) table row, formatted by k_vsnprintf() and by libc's
 * vsnprintf() into buffers of every size from 0 to the output length + 2.
 * Return values and the whole buffers (which start out equally poisoned)
 * must be identical; buffers are malloc()ed at their exact size so that
 * ASan catches a write past the end. Where Spindle deliberately differs
 * from libc (%p, %pS, %s of NULL, unknown conversions), EXPECT() rows give
 * the expected output and are checked the same way at every size.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "klib.h"
#include "ktap.h"

#define POISON 0xa5

/* Printable rendering of @n bytes of @buf for diagnostics. */
static const char *escape(const char *buf, size_t n, char *out, size_t outsz)
{
	size_t i, o = 0;

	if (!buf)
		return "(no buffer)";
	for (i = 0; i < n && o + 5 < outsz; i++) {
		unsigned char c = buf[i];

		if (c >= ' ' && c <= '~' && c != '\\')
			out[o++] = c;
		else
			o += snprintf(out + o, outsz - o, "\\x%02x", c);
	}
	out[o] = '\0';
	return out;
}

/*
 * Format with both implementations at every size and compare. @args is
 * the row's argument list as text, for the diagnostic.
 */
static void check_v(const char *file, int line, const char *args,
		    const char *fmt, va_list ap)
{
	char e1[512], e2[512];
	size_t size, full;
	va_list a;
	int ref;

	va_copy(a, ap);
	ref = vsnprintf(NULL, 0, fmt, a);
	va_end(a);
	if (ref < 0) {
		ktap_fail(file, line, "libc rejected row (\"%s\", %s)", fmt, args);
		return;
	}
	full = ref;

	for (size = 0; size <= full + 2; size++) {
		char *kbuf = size ? malloc(size) : NULL;
		char *rbuf = size ? malloc(size) : NULL;
		int r, k;

		if (size) {
			memset(kbuf, POISON, size);
			memset(rbuf, POISON, size);
		}
		va_copy(a, ap);
		r = vsnprintf(rbuf, size, fmt, a);
		va_end(a);
		va_copy(a, ap);
		k = k_vsnprintf(kbuf, size, fmt, a);
		va_end(a);

		if (r != k || (size && memcmp(rbuf, kbuf, size))) {
			ktap_fail(file, line,
				  "(\"%s\", %s) size %zu: libc returned %d \"%s\", we returned %d \"%s\"",
				  fmt, args, size, r, escape(rbuf, size, e1, sizeof(e1)),
				  k, escape(kbuf, size, e2, sizeof(e2)));
			size = full + 2;	/* one report per row is enough */
		}
		free(kbuf);
		free(rbuf);
	}
}

__attribute__((__format__(printf, 4, 5)))
static void check(const char *file, int line, const char *args, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	check_v(file, line, args, fmt, ap);
	va_end(ap);
}

/*
 * The same without compile-time format checking, for rows gcc warns about
 * although C defines them ('0' with '-', ' ' with '+') and for formats
 * built at run time.
 */
static void check_nofmt(const char *file, int line, const char *args, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	check_v(file, line, args, fmt, ap);
	va_end(ap);
}

#define ROW(fmt, ...) check(__FILE__, __LINE__, #__VA_ARGS__, fmt, ##__VA_ARGS__)
#define ROW_NOFMT(fmt, ...) \
	check_nofmt(__FILE__, __LINE__, #__VA_ARGS__, fmt, ##__VA_ARGS__)

/* Check k_vsnprintf() against a fixed expected output at every size. */
static void expect_v(const char *file, int line, const char *expected,
		     const char *fmt, va_list ap)
{
	size_t full = strlen(expected), size;
	char e1[512];

	for (size = 0; size <= full + 2; size++) {
		char *buf = size ? malloc(size) : NULL;
		size_t stored = size ? (full < size - 1 ? full : size - 1) : 0;
		va_list a;
		int k;

		if (size)
			memset(buf, POISON, size);
		va_copy(a, ap);
		k = k_vsnprintf(buf, size, fmt, a);
		va_end(a);
		if (k != (int)full || (size && (memcmp(buf, expected, stored) ||
						buf[stored] != '\0'))) {
			ktap_fail(file, line,
				  "\"%s\" size %zu: expected %zu \"%.*s\", got %d \"%s\"",
				  fmt, size, full, (int)stored, expected, k,
				  escape(buf, size, e1, sizeof(e1)));
			size = full + 2;
		}
		free(buf);
	}
}

static void expect_nofmt(const char *file, int line, const char *expected,
			 const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	expect_v(file, line, expected, fmt, ap);
	va_end(ap);
}

/* No format checking: gcc does not know %pS, and some rows are invalid. */
#define EXPECT(expected, fmt, ...) \
	expect_nofmt(__FILE__, __LINE__, expected, fmt, ##__VA_ARGS__)

static void text_and_percent(void)
{
	ROW_NOFMT("");
	ROW("hello, world");
	ROW("%%");
	ROW("100%% sure, %%%% twice");
	ROW("\t\nescapes\x7f\x80\xff");
}

static void signed_decimal(void)
{
	ROW("%d", 0);
	ROW("%d", 1);
	ROW("%d", -1);
	ROW("%i", 42);
	ROW("%i", -42);
	ROW("%d", INT_MAX);
	ROW("%d", INT_MIN);
	ROW("%ld", LONG_MAX);
	ROW("%ld", LONG_MIN);
	ROW("%lld", LLONG_MAX);
	ROW("%lld", LLONG_MIN);
	ROW("%lli", LLONG_MIN + 1);
	ROW("[%d|%d|%d]", -7, 0, 7);
}

static void unsigned_octal_hex(void)
{
	ROW("%u", 0u);
	ROW("%u", UINT_MAX);
	ROW("%o", 0u);
	ROW("%o", 8u);
	ROW("%o", UINT_MAX);
	ROW("%x", 0u);
	ROW("%x", 0xdeadbeefu);
	ROW("%X", 0xdeadbeefu);
	ROW("%lx", ULONG_MAX);
	ROW("%llo", ULLONG_MAX);
	ROW("%llX", 0x0123456789abcdefULL);
	ROW("%lu", ULONG_MAX);
	ROW("%llu", ULLONG_MAX);
	ROW("%u", -1);
	ROW("%x", -1);
}

static void flags(void)
{
	ROW("%+d", 5);
	ROW("%+d", -5);
	ROW("%+d", 0);
	ROW("% d", 5);
	ROW("% d", -5);
	ROW("% d", 0);
	ROW_NOFMT("%+ d", 5);
	ROW_NOFMT("% +d", 5);
	ROW("%-5d|", 42);
	ROW("%-5d|", -42);
	ROW("%05d", 42);
	ROW("%05d", -42);
	ROW("%+05d", 42);
	ROW("% 05d", 42);
	ROW_NOFMT("%-05d|", -42);
	ROW_NOFMT("%0-5d|", 42);
	ROW("%#o", 0u);
	ROW("%#o", 8u);
	ROW("%#5o", 8u);
	ROW("%#.3o", 8u);
	ROW("%#.0o", 0u);
	/* '#' hex of 0: Linux's number() prefixes it, glibc does not ("0"). */
	EXPECT("0x0", "%#x", 0u);
	EXPECT("0X0", "%#X", 0u);
	EXPECT("0x0000000000000000", "%#018llx", 0ULL);
	ROW("%#018llx", 0x1000ULL);
	ROW("%#x", 255u);
	ROW("%#X", 255u);
	ROW("%#08x", 255u);
	ROW("%#-8x|", 255u);
	EXPECT("0x", "%#.0x", 0u);		/* glibc: "" */
	ROW("%#10.4x", 0xabu);
	ROW_NOFMT("%+u", 5u);
	ROW_NOFMT("% x", 5u);
	ROW_NOFMT("%--5d|", 3);
	ROW_NOFMT("%00005d", 3);
}

static void width_precision(void)
{
	ROW("%5d", 42);
	ROW("%5d", -42);
	ROW("%1d", 12345);
	ROW("%0d", 7);
	ROW("%.3d", 5);
	ROW("%.3d", -5);
	ROW("%.0d", 0);
	ROW("%.0u", 0u);
	ROW("%.0x", 0u);
	ROW("%.0o", 0u);
	ROW("%5.0d|", 0);
	ROW("%-5.0d|", 0);
	ROW("%+.0d", 0);
	ROW("% .0d", 0);
	ROW("%.d", 0);
	ROW_NOFMT("%08.3d", 42);
	ROW("%-8.3d|", -42);
	ROW("%.10u", 12345u);
	ROW("%20lld", LLONG_MIN);
	ROW("%-25lld|", LLONG_MIN);
	ROW("%.25llo", ULLONG_MAX);
	ROW("%030llx", ULLONG_MAX);
	ROW("%*d", 5, 42);
	ROW("%*d", -5, 42);
	ROW("%-*d|", 5, 42);
	ROW("%-*d|", -5, 42);
	ROW("%*d", 0, 42);
	ROW("%.*d", 3, 7);
	ROW("%.*d", -1, 7);
	ROW("%.*d", 0, 0);
	ROW("%*.*d|", 6, 3, -7);
	ROW("%*.*d|", -6, 3, -7);
	ROW("%0*d", 6, -7);
	ROW_NOFMT("%0*.*d", 6, -2, -7);
}

static void chars_and_strings(void)
{
	static const char unterminated[3] = { 'a', 'b', 'c' };

	ROW("%c", 'a');
	ROW("%c%c%c", 'x', 'y', 'z');
	ROW("%5c|", 'a');
	ROW("%-5c|", 'a');
	ROW("%*c|", -3, 'q');
	ROW("[%c]", 0);
	ROW("%c", 0x100 + 'A');
	ROW("%c", '\xe9');
	ROW("%s", "hello");
	ROW("%s", "");
	ROW("%5s|", "");
	ROW("%10s|", "hello");
	ROW("%-10s|", "hello");
	ROW("%2s|", "hello");
	ROW("%.3s|", "hello");
	ROW("%.0s|", "hello");
	ROW("%.10s|", "hello");
	ROW("%10.3s|", "hello");
	ROW("%-10.3s|", "hello");
	ROW("%-*.*s|", 8, 2, "abcdef");
	ROW("%-*.*s|", -8, 2, "abcdef");
	ROW("%.*s|", -1, "abc");
	ROW("%.*s|", 3, unterminated);
	ROW("%s and %s", "this", "that");
}

static void length_modifiers(void)
{
	ROW("%hhd", 300);
	ROW("%hhd", -129);
	ROW("%hhd", 127);
	ROW("%hhu", 256 + 7);
	ROW("%hhx", 0x1ff);
	ROW("%hd", 40000);
	ROW("%hd", -32768);
	ROW("%hu", -1);
	ROW("%hx", 0x12345);
	ROW("%ld", -1234567890123L);
	ROW("%lu", 1234567890123UL);
	ROW("%zu", SIZE_MAX);
	ROW("%zd", (ssize_t)-1);
	ROW("%zx", (size_t)0xabcdef);
	ROW("%td", (ptrdiff_t)-123);
	ROW("%td", (ptrdiff_t)PTRDIFF_MIN);
	ROW("%jd", INTMAX_MIN);
	ROW("%ju", UINTMAX_MAX);
	ROW("%d %ld %lld %hd %hhd %zu", 1, 2L, 3LL, 4, 5, (size_t)6);
}

/* A small, fixed pseudo-random generator: reproducible failures. */
static unsigned long long rng_state = 0x9e3779b97f4a7c15ULL;

static unsigned long long rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static unsigned long long interesting_value(void)
{
	static const unsigned long long values[] = {
		0, 1, 7, 8, 9, 10, 15, 16, 255, 0x7f, 0x80, 0xffff, 0x7fffffff,
		0x80000000, 0xffffffff, 0x7fffffffffffffffULL,
		0x8000000000000000ULL, ~0ULL, ~0ULL - 1,
	};

	if (rng() & 1)
		return values[rng() % (sizeof(values) / sizeof(values[0]))];
	return rng() >> (rng() % 64);
}

enum arg_type { ARG_INT, ARG_UINT, ARG_LONG, ARG_ULONG, ARG_LLONG, ARG_ULLONG };

/*
 * Random combinations of flags, width, precision (literal or '*'), length
 * and conversion against libc: catches interactions no hand-written row
 * thought of. '#' is only combined with o, x and X, where C defines it,
 * and with x and X the value is never 0 (there Spindle follows Linux).
 */
static void random_formats_match_libc(void)
{
	static const char convs[] = "diuoxX";
	static const char *const lengths[] = { "", "hh", "h", "l", "ll" };
	int i;

	for (i = 0; i < 4000; i++) {
		char fmt[48], args[160];
		char conv = convs[rng() % 6];
		const char *len = lengths[rng() % 5];
		bool is_signed = conv == 'd' || conv == 'i';
		bool star_w = false, star_p = false;
		int w = 0, p = 0, n = 0, nflags, f;
		unsigned long long v = interesting_value();
		enum arg_type type;

		n += sprintf(fmt + n, "%%");
		nflags = rng() % 4;
		for (f = 0; f < nflags; f++) {
			char c = "-+ #0"[rng() % 5];

			if (c == '#' && (conv == 'd' || conv == 'i' || conv == 'u'))
				continue;
			if (c == '#' && (conv == 'x' || conv == 'X'))
				v |= 1;		/* non-zero in every length */
			fmt[n++] = c;
		}
		switch (rng() % 3) {
		case 1:
			n += sprintf(fmt + n, "%d", (int)(rng() % 26));
			break;
		case 2:
			star_w = true;
			w = (int)(rng() % 51) - 25;
			n += sprintf(fmt + n, "*");
			break;
		}
		switch (rng() % 4) {
		case 1:
			n += sprintf(fmt + n, ".%d", (int)(rng() % 26));
			break;
		case 2:
			n += sprintf(fmt + n, ".");
			break;
		case 3:
			star_p = true;
			p = (int)(rng() % 31) - 5;
			n += sprintf(fmt + n, ".*");
			break;
		}
		sprintf(fmt + n, "%s%c|", len, conv);

		if (len[0] == 'l' && len[1] == 'l')
			type = is_signed ? ARG_LLONG : ARG_ULLONG;
		else if (len[0] == 'l')
			type = is_signed ? ARG_LONG : ARG_ULONG;
		else
			type = is_signed ? ARG_INT : ARG_UINT;
		snprintf(args, sizeof(args), "w=%d p=%d v=%#llx", w, p, v);

#define CALL(val)							\
	do {								\
		if (star_w && star_p)					\
			check_nofmt(__FILE__, __LINE__, args, fmt, w, p, val); \
		else if (star_w)					\
			check_nofmt(__FILE__, __LINE__, args, fmt, w, val); \
		else if (star_p)					\
			check_nofmt(__FILE__, __LINE__, args, fmt, p, val); \
		else							\
			check_nofmt(__FILE__, __LINE__, args, fmt, val); \
	} while (0)

		switch (type) {
		case ARG_INT:
			CALL((int)v);
			break;
		case ARG_UINT:
			CALL((unsigned int)v);
			break;
		case ARG_LONG:
			CALL((long)v);
			break;
		case ARG_ULONG:
			CALL((unsigned long)v);
			break;
		case ARG_LLONG:
			CALL((long long)v);
			break;
		case ARG_ULLONG:
			CALL((unsigned long long)v);
			break;
		}
#undef CALL
	}
}

/* %p is Linux's %px: 16 zero-padded hex digits, no 0x (see lib/vsprintf.c). */
static void pointer_raw(void)
{
	EXPECT("0000000000001234", "%p", (void *)0x1234);
	EXPECT("0000000000000000", "%p", NULL);
	EXPECT("ffffffff81000000", "%px", (void *)0xffffffff81000000UL);
	EXPECT("ffffffffffffffff", "%px", (void *)~0UL);
	EXPECT("[00000000deadbeef]", "[%p]", (void *)0xdeadbeefUL);
	/* An explicit width replaces the zero padding, as in Linux. */
	EXPECT("                1234", "%20p", (void *)0x1234);
	EXPECT("1234                |", "%-20p|", (void *)0x1234);
	EXPECT("0000001234", "%010p", (void *)0x1234);
	/* Letters and digits after %p belong to the conversion. */
	EXPECT("0000000000001234!", "%pfoo42!", (void *)0x1234);
	EXPECT("0000000000001234 0000000000005678", "%px %p", (void *)0x1234,
	       (void *)0x5678);
}

/* %*pbl: a bitmap as a list of ranges, Linux's cpumask_pr_args() format. */
static void pointer_bitmap_list(void)
{
	unsigned long one[1] = { 0x2f5UL }, two[2] = { 1UL << 63, 0x3UL }, none[1] = { 0 };

	EXPECT("0,2,4-7,9|", "%*pbl|", 64, one);
	EXPECT("0,2,4-7|", "%*pbl|", 8, one);		/* only the first 8 bits */
	EXPECT("63-65|", "%*pbl|", 128, two);		/* a run across two words */
	EXPECT("|", "%*pbl|", 64, none);
	EXPECT("3", "%*pbl", 64, (unsigned long[]){ 1UL << 3 });
}

static void pointer_symbols(void)
{
	EXPECT("start_kernel+0x1c/0x80", "%pS", (void *)(SHIM_SYM_START_KERNEL + 0x1c));
	EXPECT("start_kernel+0x0/0x80", "%pS", (void *)SHIM_SYM_START_KERNEL);
	EXPECT("start_kernel", "%ps", (void *)(SHIM_SYM_START_KERNEL + 0x1c));
	EXPECT("0x1234", "%pS", (void *)0x1234);
	EXPECT("0x1234", "%ps", (void *)0x1234);
	EXPECT("at start_kernel+0x7f/0x80.", "at %pS.", (void *)(SHIM_SYM_START_KERNEL + 0x7f));
	/* Width and precision apply to the symbol text like to a %s. */
	EXPECT("  start_kernel|", "%14ps|", (void *)SHIM_SYM_START_KERNEL);
	EXPECT("start_kernel  |", "%-14ps|", (void *)SHIM_SYM_START_KERNEL);
	EXPECT("start|", "%.5pS|", (void *)SHIM_SYM_START_KERNEL);
	/* A long name, cut at every buffer size by EXPECT(). */
	EXPECT("<" SHIM_LONG_NAME "+0x10/0x100>", "<%pS>", (void *)(SHIM_SYM_LONG_NAME + 0x10));
	EXPECT(SHIM_LONG_NAME " " SHIM_LONG_NAME, "%ps %ps",
	       (void *)SHIM_SYM_LONG_NAME, (void *)(SHIM_SYM_LONG_NAME + 0xff));
}

static void null_string(void)
{
	EXPECT("(null)", "%s", NULL);
	EXPECT("(nu", "%.3s", NULL);
	EXPECT("  (null)|", "%8s|", NULL);
	EXPECT("(null)  |", "%-8s|", NULL);
}

/* The argument types are unknown after a bad conversion: output stops. */
static void unknown_conversion_stops(void)
{
	EXPECT("ab", "ab%qcd", 1);
	EXPECT("abc", "abc%");
	EXPECT("x", "x%n", NULL);
	EXPECT("1 ", "%d %f %d", 1, 2.0, 3);
	EXPECT("12", "%d%5", 12);
}

static void truncation_return_values(void)
{
	char buf[16];

	memset(buf, 'X', sizeof(buf));
	KT_EXPECT_EQ(k_snprintf(buf, 4, "%s", "hello"), 5);
	KT_EXPECT_STREQ(buf, "hel");
	KT_EXPECT_EQ(buf[4], 'X');
	KT_EXPECT_EQ(k_scnprintf(buf, 4, "%s", "hello"), 3);
	KT_EXPECT_STREQ(buf, "hel");

	/* Exact fit and one short. */
	KT_EXPECT_EQ(k_snprintf(buf, 6, "%s", "hello"), 5);
	KT_EXPECT_EQ(k_scnprintf(buf, 6, "%s", "hello"), 5);
	KT_EXPECT_STREQ(buf, "hello");
	KT_EXPECT_EQ(k_snprintf(buf, 5, "%s", "hello"), 5);
	KT_EXPECT_EQ(k_scnprintf(buf, 5, "%s", "hello"), 4);
	KT_EXPECT_STREQ(buf, "hell");

	/* Size 1: only the NUL fits. */
	memset(buf, 'X', sizeof(buf));
	KT_EXPECT_EQ(k_scnprintf(buf, 1, "%d", 12345), 0);
	KT_EXPECT_EQ(buf[0], '\0');
	KT_EXPECT_EQ(buf[1], 'X');

	/* Size 0: nothing is written, not even a NUL. */
	memset(buf, 'X', sizeof(buf));
	KT_EXPECT_EQ(k_snprintf(buf, 0, "%d", 12345), 5);
	KT_EXPECT_EQ(k_scnprintf(buf, 0, "%d", 12345), 0);
	KT_EXPECT_EQ(buf[0], 'X');
	KT_EXPECT_EQ(k_snprintf(NULL, 0, "%s%d", "abc", -1), 5);
	KT_EXPECT_EQ(k_scnprintf(NULL, 0, "%s%d", "abc", -1), 0);

	/* A size above INT_MAX is a caller bug: nothing happens. */
	memset(buf, 'X', sizeof(buf));
	KT_EXPECT_EQ(k_snprintf(buf, (size_t)INT_MAX + 1, "abc"), 0);
	KT_EXPECT_EQ(buf[0], 'X');
}

/* The idiom scnprintf() exists for: appending never runs past the end. */
static void scnprintf_append_loop(void)
{
	char *buf = malloc(10);
	size_t pos = 0;
	int i;

	for (i = 0; i < 10; i++)
		pos += k_scnprintf(buf + pos, 10 - pos, "%d,", i);
	KT_EXPECT_UEQ(pos, 9);
	KT_EXPECT_STREQ(buf, "0,1,2,3,4");
	free(buf);
}

static int call_vscnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = k_vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

static int call_vsprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = k_vsprintf(buf, fmt, ap);
	va_end(ap);
	return n;
}

static void sprintf_family(void)
{
	char buf[32];

	KT_EXPECT_EQ(k_sprintf(buf, "%d-%s", 12, "ab"), 5);
	KT_EXPECT_STREQ(buf, "12-ab");
	KT_EXPECT_EQ(k_sprintf(buf, "%s", ""), 0);
	KT_EXPECT_STREQ(buf, "");
	KT_EXPECT_EQ(call_vsprintf(buf, "%#x/%c", 255u, 'z'), 6);
	KT_EXPECT_STREQ(buf, "0xff/z");
	KT_EXPECT_EQ(call_vscnprintf(buf, 4, "%u", 123456u), 3);
	KT_EXPECT_STREQ(buf, "123");
	KT_EXPECT_EQ(call_vscnprintf(buf, sizeof(buf), "%u", 123456u), 6);
}

static char *call_kvasprintf(unsigned int gfp, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = k_kvasprintf(gfp, fmt, ap);
	va_end(ap);
	return p;
}

static void kasprintf_allocates_exact_size(void)
{
	int live = shim_kmalloc_live;
	char *p;

	p = k_kasprintf(0x0cc0, "%s-%d", "abc", 42);
	KT_EXPECT_STREQ(p, "abc-42");
	KT_EXPECT_UEQ(shim_kmalloc_last_size, 7);
	KT_EXPECT_UEQ(shim_kmalloc_last_gfp, 0x0cc0);
	kfree(p);

	p = k_kasprintf(0x0820, "%s", "");
	KT_EXPECT_STREQ(p, "");
	KT_EXPECT_UEQ(shim_kmalloc_last_size, 1);
	KT_EXPECT_UEQ(shim_kmalloc_last_gfp, 0x0820);
	kfree(p);

	/* Longer than any fixed buffer; both passes must see the same args. */
	p = k_kasprintf(0, "%*d|%s|%lld", 1000, 7, "mid", LLONG_MIN);
	KT_EXPECT_UEQ(p ? strlen(p) : 0, 1000 + 5 + 20);
	KT_EXPECT_TRUE(p && !strcmp(p + 999, "7|mid|-9223372036854775808"));
	kfree(p);

	p = call_kvasprintf(0, "%c%c%s%u", 'o', 'k', "!", 1u);
	KT_EXPECT_STREQ(p, "ok!1");
	kfree(p);

	KT_EXPECT_EQ(shim_kmalloc_live, live);
}

static void kasprintf_null_on_failure(void)
{
	int live = shim_kmalloc_live;
	char *p;

	shim_kmalloc_fail = 1;
	p = k_kasprintf(0x0cc0, "%d", 12345);
	KT_EXPECT_PTR_EQ(p, NULL);
	KT_EXPECT_EQ(shim_kmalloc_fail, 0);	/* it did ask for memory */
	KT_EXPECT_EQ(shim_kmalloc_live, live);

	shim_kmalloc_fail = 1;
	KT_EXPECT_PTR_EQ(call_kvasprintf(0, "%s", "x"), NULL);

	/* And it works again once memory is back. */
	p = k_kasprintf(0x0cc0, "%d", 12345);
	KT_EXPECT_STREQ(p, "12345");
	kfree(p);
	shim_kmalloc_fail = 0;
}

static const struct ktap_case cases[] = {
	KTAP_CASE(text_and_percent),
	KTAP_CASE(signed_decimal),
	KTAP_CASE(unsigned_octal_hex),
	KTAP_CASE(flags),
	KTAP_CASE(width_precision),
	KTAP_CASE(chars_and_strings),
	KTAP_CASE(length_modifiers),
	KTAP_CASE(random_formats_match_libc),
	KTAP_CASE(pointer_raw),
	KTAP_CASE(pointer_bitmap_list),
	KTAP_CASE(pointer_symbols),
	KTAP_CASE(null_string),
	KTAP_CASE(unknown_conversion_stops),
	KTAP_CASE(truncation_return_values),
	KTAP_CASE(scnprintf_append_loop),
	KTAP_CASE(sprintf_family),
	KTAP_CASE(kasprintf_allocates_exact_size),
	KTAP_CASE(kasprintf_null_on_failure),
};

int main(void)
{
	return ktap_run_suite("host-vsprintf", cases, sizeof(cases) / sizeof(cases[0]));
}
