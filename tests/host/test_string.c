// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for lib/string.c and include/linux/ctype.h. The C library is
 * the reference wherever C defines the function; the word-at-a-time paths
 * of memcpy/memmove/memset are swept over every alignment and many lengths,
 * and whole buffers are compared, so a stray byte outside the target area
 * shows up too.
 */
#include <linux/ctype.h>
#include <linux/errno.h>

#include <stdlib.h>
#include <string.h>

#include "klib.h"
#include "ktap.h"

#define SZ 160

static void fill_pattern(unsigned char *p, size_t n, unsigned int seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(i * 7 + seed * 13 + 1);
}

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

static void memcpy_all_alignments(void)
{
	unsigned char src[SZ], dst[SZ], ref[SZ];
	size_t soff, doff, len;

	fill_pattern(src, SZ, 1);
	for (soff = 0; soff < 16; soff++)
		for (doff = 0; doff < 16; doff++)
			for (len = 0; len <= 80; len++) {
				void *ret;

				memset(dst, 0xee, SZ);
				memset(ref, 0xee, SZ);
				memcpy(ref + doff, src + soff, len);
				ret = k_memcpy(dst + doff, src + soff, len);
				if (ret != dst + doff || memcmp(dst, ref, SZ)) {
					ktap_fail(__FILE__, __LINE__,
						  "memcpy(dst+%zu, src+%zu, %zu) wrong",
						  doff, soff, len);
					return;
				}
			}
}

static void memmove_overlaps(void)
{
	unsigned char buf[SZ], ref[SZ];
	size_t from, to, len;

	for (from = 0; from < 40; from++)
		for (to = 0; to < 40; to++)
			for (len = 0; len <= 100; len++) {
				void *ret;

				fill_pattern(buf, SZ, 2);
				fill_pattern(ref, SZ, 2);
				memmove(ref + to, ref + from, len);
				ret = k_memmove(buf + to, buf + from, len);
				if (ret != buf + to || memcmp(buf, ref, SZ)) {
					ktap_fail(__FILE__, __LINE__,
						  "memmove(buf+%zu, buf+%zu, %zu) wrong",
						  to, from, len);
					return;
				}
			}
}

static void memset_all_alignments(void)
{
	static const int values[] = { 0, 0x5a, 0xff, -1, 0x1ab, -128 };
	unsigned char buf[SZ], ref[SZ];
	size_t off, len, v;

	for (v = 0; v < sizeof(values) / sizeof(values[0]); v++)
		for (off = 0; off < 16; off++)
			for (len = 0; len <= 80; len++) {
				void *ret;

				fill_pattern(buf, SZ, 3);
				fill_pattern(ref, SZ, 3);
				memset(ref + off, values[v], len);
				ret = k_memset(buf + off, values[v], len);
				if (ret != buf + off || memcmp(buf, ref, SZ)) {
					ktap_fail(__FILE__, __LINE__,
						  "memset(buf+%zu, %d, %zu) wrong",
						  off, values[v], len);
					return;
				}
			}
}

static void memcmp_and_memchr(void)
{
	static const struct { const char *a, *b; size_t n; } rows[] = {
		{ "abc", "abc", 3 }, { "abc", "abd", 3 }, { "abd", "abc", 3 },
		{ "abc", "abd", 2 }, { "abc", "xyz", 0 },
		{ "\x80", "\x7f", 1 },	/* bytes compare unsigned */
		{ "a\0b", "a\0c", 3 },	/* NUL is just a byte */
		{ "\xff\x01", "\xff\x02", 2 },
	};
	const char *hay = "hello\0world\xff";
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		KT_EXPECT_EQ(sign(k_memcmp(rows[i].a, rows[i].b, rows[i].n)),
			     sign(memcmp(rows[i].a, rows[i].b, rows[i].n)));

	KT_EXPECT_PTR_EQ(k_memchr(hay, 'l', 12), hay + 2);
	KT_EXPECT_PTR_EQ(k_memchr(hay, 'w', 12), hay + 6);	/* past the NUL */
	KT_EXPECT_PTR_EQ(k_memchr(hay, 'w', 6), NULL);	/* not within n */
	KT_EXPECT_PTR_EQ(k_memchr(hay, 0, 12), hay + 5);
	KT_EXPECT_PTR_EQ(k_memchr(hay, 0x100 + 'o', 12), hay + 4); /* low byte */
	KT_EXPECT_PTR_EQ(k_memchr(hay, -1, 12), hay + 11);	/* 0xff */
	KT_EXPECT_PTR_EQ(k_memchr(hay, 'h', 0), NULL);
}

static void strlen_and_strnlen(void)
{
	static const char field[4] = { 'a', 'b', 'c', 'd' };	/* no NUL */
	char *heap = malloc(4);

	KT_EXPECT_UEQ(k_strlen(""), 0);
	KT_EXPECT_UEQ(k_strlen("a"), 1);
	KT_EXPECT_UEQ(k_strlen("hello, world"), 12);
	KT_EXPECT_UEQ(k_strnlen("hello", 3), 3);
	KT_EXPECT_UEQ(k_strnlen("hello", 5), 5);
	KT_EXPECT_UEQ(k_strnlen("hello", 99), 5);
	KT_EXPECT_UEQ(k_strnlen("hello", 0), 0);
	KT_EXPECT_UEQ(k_strnlen(field, sizeof(field)), 4);
	/* Must not read heap[4]: ASan would stop the test. */
	memcpy(heap, "wxyz", 4);
	KT_EXPECT_UEQ(k_strnlen(heap, 4), 4);
	free(heap);
}

static void strcmp_and_strncmp(void)
{
	static const char *const strs[] = {
		"", "a", "b", "ab", "abc", "abd", "abcd", "B", "\x80", "\x7f",
		"\xff", "a\x80", "a\x7f",
	};
	size_t i, j, n;

	for (i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
		for (j = 0; j < sizeof(strs) / sizeof(strs[0]); j++) {
			int k = k_strcmp(strs[i], strs[j]);

			KT_EXPECT_EQ(sign(k), sign(strcmp(strs[i], strs[j])));
			KT_EXPECT_TRUE(k >= -1 && k <= 1);	/* Linux's convention */
			for (n = 0; n < 6; n++)
				KT_EXPECT_EQ(sign(k_strncmp(strs[i], strs[j], n)),
					     sign(strncmp(strs[i], strs[j], n)));
		}
}

static void copy_and_concatenate(void)
{
	char buf[32], ref[32];
	size_t n;

	memset(buf, 'X', sizeof(buf));
	KT_EXPECT_PTR_EQ(k_strcpy(buf, "hello"), buf);
	KT_EXPECT_STREQ(buf, "hello");
	KT_EXPECT_EQ(buf[6], 'X');
	KT_EXPECT_PTR_EQ(k_strcat(buf, ", world"), buf);
	KT_EXPECT_STREQ(buf, "hello, world");
	KT_EXPECT_PTR_EQ(k_strcat(buf, ""), buf);
	KT_EXPECT_STREQ(buf, "hello, world");

	for (n = 0; n < 8; n++) {
		memset(buf, 'X', sizeof(buf));
		memset(ref, 'X', sizeof(ref));
		strcpy(buf, "ab");
		strcpy(ref, "ab");
		KT_EXPECT_PTR_EQ(k_strncat(buf, "cdef", n), buf);
		strncat(ref, "cdef", n);
		KT_EXPECT_TRUE(!memcmp(buf, ref, sizeof(buf)));
	}
}

static void strncpy_pads_with_nuls(void)
{
	char buf[10], ref[10];
	size_t n;

	for (n = 0; n <= sizeof(buf); n++) {
		memset(buf, 'X', sizeof(buf));
		memset(ref, 'X', sizeof(ref));
		KT_EXPECT_PTR_EQ(k_strncpy(buf, "abc", n), buf);
		strncpy(ref, "abc", n);
		KT_EXPECT_TRUE(!memcmp(buf, ref, sizeof(buf)));
	}
	/* Source as long as the field: no NUL, as C says. */
	memset(buf, 'X', sizeof(buf));
	k_strncpy(buf, "abcd", 4);
	KT_EXPECT_TRUE(!memcmp(buf, "abcdX", 5));
}

static void strscpy_truncates_with_e2big(void)
{
	char buf[8];
	char *src4 = malloc(4);		/* "abcd" with no NUL */

	memset(buf, 'X', sizeof(buf));
	KT_EXPECT_EQ(k_strscpy(buf, "hello", sizeof(buf)), 5);
	KT_EXPECT_STREQ(buf, "hello");
	KT_EXPECT_EQ(buf[6], 'X');	/* no padding */

	KT_EXPECT_EQ(k_strscpy(buf, "1234567", 8), 7);	/* exact fit */
	KT_EXPECT_STREQ(buf, "1234567");
	KT_EXPECT_EQ(k_strscpy(buf, "12345678", 8), -E2BIG);
	KT_EXPECT_STREQ(buf, "1234567");
	KT_EXPECT_EQ(k_strscpy(buf, "hello", 4), -E2BIG);
	KT_EXPECT_STREQ(buf, "hel");
	KT_EXPECT_EQ(k_strscpy(buf, "", 1), 0);
	KT_EXPECT_STREQ(buf, "");
	KT_EXPECT_EQ(k_strscpy(buf, "a", 1), -E2BIG);
	KT_EXPECT_STREQ(buf, "");

	memset(buf, 'X', sizeof(buf));
	KT_EXPECT_EQ(k_strscpy(buf, "hello", 0), -E2BIG);
	KT_EXPECT_EQ(buf[0], 'X');	/* count 0: untouched */

	/* Must not read past @count bytes of the source. */
	memcpy(src4, "abcd", 4);
	KT_EXPECT_EQ(k_strscpy(buf, src4, 4), -E2BIG);
	KT_EXPECT_STREQ(buf, "abc");
	free(src4);
}

static void strchr_and_strrchr(void)
{
	static const char *const strs[] = { "", "a", "hello", "abcabc", "x\xe9y\xe9" };
	static const int chars[] = { 'a', 'l', 'o', 'c', 'z', 0, '\xe9', 0x100 + 'a' };
	size_t i, j;

	for (i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
		for (j = 0; j < sizeof(chars) / sizeof(chars[0]); j++) {
			KT_EXPECT_PTR_EQ(k_strchr(strs[i], chars[j]),
					 strchr(strs[i], chars[j]));
			KT_EXPECT_PTR_EQ(k_strrchr(strs[i], chars[j]),
					 strrchr(strs[i], chars[j]));
		}
}

static void strstr_finds_first_match(void)
{
	static const char *const hay[] = { "", "a", "aaaaab", "hello world", "abcabcabd" };
	static const char *const needle[] = { "", "a", "aaab", "world", "abd", "abcabd",
					      "hello world!", "o w" };
	size_t i, j;

	for (i = 0; i < sizeof(hay) / sizeof(hay[0]); i++)
		for (j = 0; j < sizeof(needle) / sizeof(needle[0]); j++)
			KT_EXPECT_PTR_EQ(k_strstr(hay[i], needle[j]),
					 strstr(hay[i], needle[j]));
}

static void span_functions(void)
{
	static const char *const strs[] = { "", "abc", "  \tword", "a,b;c", "xyz" };
	static const char *const sets[] = { "", "a", "cba", " \t", ",;", "zyx" };
	size_t i, j;

	for (i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
		for (j = 0; j < sizeof(sets) / sizeof(sets[0]); j++) {
			KT_EXPECT_UEQ(k_strspn(strs[i], sets[j]), strspn(strs[i], sets[j]));
			KT_EXPECT_UEQ(k_strcspn(strs[i], sets[j]), strcspn(strs[i], sets[j]));
			KT_EXPECT_PTR_EQ(k_strpbrk(strs[i], sets[j]), strpbrk(strs[i], sets[j]));
		}
}

static void strsep_returns_empty_tokens(void)
{
	char buf[] = "a,,b;c";
	char none[] = "word";
	char *s = buf, *tok;

	tok = k_strsep(&s, ",;");
	KT_EXPECT_STREQ(tok, "a");
	KT_EXPECT_PTR_EQ(tok, buf);
	KT_EXPECT_STREQ(k_strsep(&s, ",;"), "");
	KT_EXPECT_STREQ(k_strsep(&s, ",;"), "b");
	KT_EXPECT_STREQ(k_strsep(&s, ",;"), "c");
	KT_EXPECT_PTR_EQ(s, NULL);
	KT_EXPECT_PTR_EQ(k_strsep(&s, ",;"), NULL);

	s = none;
	KT_EXPECT_PTR_EQ(k_strsep(&s, ","), none);
	KT_EXPECT_PTR_EQ(s, NULL);
}

static void strim_and_skip_spaces(void)
{
	char a[] = "  hello world \t\n";
	char b[] = "   ";
	char c[] = "";
	char d[] = "x";

	KT_EXPECT_PTR_EQ(k_strim(a), a + 2);
	KT_EXPECT_STREQ(a + 2, "hello world");
	KT_EXPECT_PTR_EQ(k_strim(b), b);	/* all space: the empty string at b */
	KT_EXPECT_STREQ(b, "");
	KT_EXPECT_PTR_EQ(k_strim(c), c);
	KT_EXPECT_PTR_EQ(k_strim(d), d);
	KT_EXPECT_STREQ(d, "x");
	KT_EXPECT_STREQ(k_skip_spaces("\t\v\f\r\n x "), "x ");
	KT_EXPECT_STREQ(k_skip_spaces("x"), "x");
	KT_EXPECT_STREQ(k_skip_spaces(""), "");
}

/* 1 if @c (0..255) is one of the characters of @set. */
static int in_set(int c, const char *set)
{
	return c > 0 && c < 256 && strchr(set, c) != NULL;
}

static void ctype_classes(void)
{
	const char *digits = "0123456789";
	const char *upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	const char *lower = "abcdefghijklmnopqrstuvwxyz";
	const char *xdigits = "0123456789abcdefABCDEF";
	const char *space = " \t\n\v\f\r";
	int c;

	for (c = -128; c < 256; c++) {
		int up = in_set(c, upper), lo = in_set(c, lower);
		int dig = in_set(c, digits);

		KT_EXPECT_EQ(!!isdigit(c), dig);
		KT_EXPECT_EQ(!!isupper(c), up);
		KT_EXPECT_EQ(!!islower(c), lo);
		KT_EXPECT_EQ(!!isalpha(c), up || lo);
		KT_EXPECT_EQ(!!isalnum(c), up || lo || dig);
		KT_EXPECT_EQ(!!isxdigit(c), in_set(c, xdigits));
		KT_EXPECT_EQ(!!isspace(c), in_set(c, space));
		KT_EXPECT_EQ(!!isprint(c), c >= 0x20 && c <= 0x7e);
		KT_EXPECT_EQ(tolower(c), up ? c + 32 : c);
		KT_EXPECT_EQ(toupper(c), lo ? c - 32 : c);
	}
}

static const struct ktap_case cases[] = {
	KTAP_CASE(memcpy_all_alignments),
	KTAP_CASE(memmove_overlaps),
	KTAP_CASE(memset_all_alignments),
	KTAP_CASE(memcmp_and_memchr),
	KTAP_CASE(strlen_and_strnlen),
	KTAP_CASE(strcmp_and_strncmp),
	KTAP_CASE(copy_and_concatenate),
	KTAP_CASE(strncpy_pads_with_nuls),
	KTAP_CASE(strscpy_truncates_with_e2big),
	KTAP_CASE(strchr_and_strrchr),
	KTAP_CASE(strstr_finds_first_match),
	KTAP_CASE(span_functions),
	KTAP_CASE(strsep_returns_empty_tokens),
	KTAP_CASE(strim_and_skip_spaces),
	KTAP_CASE(ctype_classes),
};

int main(void)
{
	return ktap_run_suite("host-string", cases, sizeof(cases) / sizeof(cases[0]));
}
