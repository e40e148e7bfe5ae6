// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for lib/kstrtox.c. Each table row is a string, a base and the
 * expected result: the return code and, on success, the value. On failure
 * the destination must be left untouched, so it starts as a sentinel.
 */
#include <linux/errno.h>

#include <limits.h>
#include <stdint.h>

#include "klib.h"
#include "ktap.h"

#define SENTINEL 0x5a5a5a5a5a5a5a5aULL

#define N(a) (sizeof(a) / sizeof((a)[0]))

struct urow {
	const char *s;
	unsigned int base;
	int ret;
	unsigned long long val;
};

struct srow {
	const char *s;
	unsigned int base;
	int ret;
	long long val;
};

static void check_ull(const struct urow *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned long long v = SENTINEL;
		int ret = k_kstrtoull(rows[i].s, rows[i].base, &v);

		if (ret != rows[i].ret || v != (ret ? SENTINEL : rows[i].val))
			ktap_fail(__FILE__, __LINE__,
				  "kstrtoull(\"%s\", %u): expected %d/%llu, got %d/%llu",
				  rows[i].s, rows[i].base, rows[i].ret, rows[i].val,
				  ret, v);
	}
}

static void kstrtoull_valid(void)
{
	static const struct urow rows[] = {
		{ "0", 10, 0, 0 },
		{ "123", 10, 0, 123 },
		{ "+123", 10, 0, 123 },
		{ "123\n", 10, 0, 123 },
		{ "0x1f", 0, 0, 31 },
		{ "0X1F", 0, 0, 31 },
		{ "1f", 16, 0, 31 },
		{ "0x1f", 16, 0, 31 },
		{ "017", 0, 0, 15 },
		{ "0", 0, 0, 0 },
		{ "00", 0, 0, 0 },
		{ "17", 8, 0, 15 },
		{ "101", 2, 0, 5 },
		{ "18446744073709551615", 10, 0, ULLONG_MAX },
		{ "0xffffffffffffffff", 0, 0, ULLONG_MAX },
		{ "1777777777777777777777", 8, 0, ULLONG_MAX },
		{ "0000000000000000000000000000042", 10, 0, 42 },
	};

	check_ull(rows, N(rows));
}

static void kstrtoull_rejects_junk(void)
{
	static const struct urow rows[] = {
		{ "", 10, -EINVAL, 0 },
		{ "\n", 10, -EINVAL, 0 },
		{ "+", 10, -EINVAL, 0 },
		{ "-1", 10, -EINVAL, 0 },
		{ " 1", 10, -EINVAL, 0 },
		{ "1 ", 10, -EINVAL, 0 },
		{ "12a", 10, -EINVAL, 0 },
		{ "1\n\n", 10, -EINVAL, 0 },
		{ "++1", 10, -EINVAL, 0 },
		{ "0x", 0, -EINVAL, 0 },	/* octal 0, then an 'x' */
		{ "0x", 16, -EINVAL, 0 },
		{ "0xg", 0, -EINVAL, 0 },
		{ "08", 0, -EINVAL, 0 },
		{ "9", 8, -EINVAL, 0 },
		{ "2", 2, -EINVAL, 0 },
		{ "z", 16, -EINVAL, 0 },
		{ "0b101", 0, -EINVAL, 0 },
		{ "1", 1, -EINVAL, 0 },
		{ "1", 17, -EINVAL, 0 },
	};

	check_ull(rows, N(rows));
}

static void kstrtoull_overflow_is_erange(void)
{
	static const struct urow rows[] = {
		{ "18446744073709551616", 10, -ERANGE, 0 },
		{ "99999999999999999999999", 10, -ERANGE, 0 },
		{ "0x10000000000000000", 0, -ERANGE, 0 },
		{ "2000000000000000000000", 8, -ERANGE, 0 },
		/* Overflow is reported before trailing junk, as in Linux. */
		{ "99999999999999999999x", 10, -ERANGE, 0 },
	};

	check_ull(rows, N(rows));
}

static void kstrtoll_signed_range(void)
{
	static const struct srow rows[] = {
		{ "0", 10, 0, 0 },
		{ "-0", 10, 0, 0 },
		{ "-1", 10, 0, -1 },
		{ "+1", 10, 0, 1 },
		{ "-1\n", 10, 0, -1 },
		{ "-0x10", 0, 0, -16 },
		{ "-010", 0, 0, -8 },
		{ "9223372036854775807", 10, 0, LLONG_MAX },
		{ "-9223372036854775808", 10, 0, LLONG_MIN },
		{ "9223372036854775808", 10, -ERANGE, 0 },
		{ "-9223372036854775809", 10, -ERANGE, 0 },
		{ "-18446744073709551616", 10, -ERANGE, 0 },
		{ "+-1", 10, -EINVAL, 0 },
		{ "-+1", 10, -EINVAL, 0 },
		{ "--1", 10, -EINVAL, 0 },
		{ "-", 10, -EINVAL, 0 },
		{ " -1", 10, -EINVAL, 0 },
	};
	size_t i;

	for (i = 0; i < N(rows); i++) {
		long long v = (long long)SENTINEL;
		long lv = (long)SENTINEL;
		int ret = k_kstrtoll(rows[i].s, rows[i].base, &v);
		int lret = k_kstrtol(rows[i].s, rows[i].base, &lv);

		if (ret != rows[i].ret || v != (ret ? (long long)SENTINEL : rows[i].val))
			ktap_fail(__FILE__, __LINE__,
				  "kstrtoll(\"%s\", %u): expected %d/%lld, got %d/%lld",
				  rows[i].s, rows[i].base, rows[i].ret, rows[i].val,
				  ret, v);
		/* long is 64 bits on x86-64: kstrtol must agree. */
		if (lret != ret || lv != (lret ? (long)SENTINEL : (long)rows[i].val))
			ktap_fail(__FILE__, __LINE__,
				  "kstrtol(\"%s\", %u): expected %d/%lld, got %d/%ld",
				  rows[i].s, rows[i].base, rows[i].ret, rows[i].val,
				  lret, lv);
	}
}

static void kstrtoul_matches_kstrtoull(void)
{
	static const char *const strs[] = {
		"0", "42", "+42\n", "0xffffffffffffffff", "18446744073709551616",
		"-1", "junk", "",
	};
	size_t i;

	for (i = 0; i < N(strs); i++) {
		unsigned long long ull = SENTINEL;
		unsigned long ul = (unsigned long)SENTINEL;
		int r1 = k_kstrtoull(strs[i], 0, &ull);
		int r2 = k_kstrtoul(strs[i], 0, &ul);

		KT_EXPECT_EQ(r2, r1);
		KT_EXPECT_UEQ(ul, ull);
	}
}

static void kstrtouint_and_kstrtoint(void)
{
	unsigned int u = 7;
	int i = 7;

	KT_EXPECT_EQ(k_kstrtouint("4294967295", 10, &u), 0);
	KT_EXPECT_UEQ(u, UINT_MAX);
	u = 7;
	KT_EXPECT_EQ(k_kstrtouint("4294967296", 10, &u), -ERANGE);
	KT_EXPECT_UEQ(u, 7);
	KT_EXPECT_EQ(k_kstrtouint("-1", 10, &u), -EINVAL);
	KT_EXPECT_EQ(k_kstrtouint("0x10\n", 0, &u), 0);
	KT_EXPECT_UEQ(u, 16);

	KT_EXPECT_EQ(k_kstrtoint("2147483647", 10, &i), 0);
	KT_EXPECT_EQ(i, INT_MAX);
	KT_EXPECT_EQ(k_kstrtoint("-2147483648", 10, &i), 0);
	KT_EXPECT_EQ(i, INT_MIN);
	i = 7;
	KT_EXPECT_EQ(k_kstrtoint("2147483648", 10, &i), -ERANGE);
	KT_EXPECT_EQ(k_kstrtoint("-2147483649", 10, &i), -ERANGE);
	KT_EXPECT_EQ(k_kstrtoint("4294967295", 10, &i), -ERANGE);
	KT_EXPECT_EQ(i, 7);
	KT_EXPECT_EQ(k_kstrtoint("-0x7fffffff", 0, &i), 0);
	KT_EXPECT_EQ(i, -INT_MAX);
	KT_EXPECT_EQ(k_kstrtoint("12 ", 10, &i), -EINVAL);
}

static void kstrtobool_words(void)
{
	static const char *const yes[] = {
		"1", "y", "Y", "yes", "t", "true", "T", "on", "On", "ON", "e",
		"enable", "Y\n", "y1234",
	};
	static const char *const no[] = {
		"0", "n", "N", "no", "f", "false", "off", "OFF", "oF", "d",
		"disable", "0\n",
	};
	static const char *const bad[] = { "", "o", "ox", "2", "x", " y", "\n" };
	size_t i;
	bool b;

	for (i = 0; i < N(yes); i++) {
		b = false;
		KT_EXPECT_EQ(k_kstrtobool(yes[i], &b), 0);
		KT_EXPECT_TRUE(b);
	}
	for (i = 0; i < N(no); i++) {
		b = true;
		KT_EXPECT_EQ(k_kstrtobool(no[i], &b), 0);
		KT_EXPECT_FALSE(b);
	}
	for (i = 0; i < N(bad); i++) {
		b = true;
		KT_EXPECT_EQ(k_kstrtobool(bad[i], &b), -EINVAL);
		KT_EXPECT_TRUE(b);	/* untouched */
	}
	KT_EXPECT_EQ(k_kstrtobool(NULL, &b), -EINVAL);
}

static void simple_strtoull_stops_at_junk(void)
{
	static const struct {
		const char *s;
		unsigned int base;
		unsigned long long val;
		size_t end;
	} rows[] = {
		{ "123abc", 10, 123, 3 },
		{ "123abc", 16, 0x123abc, 6 },
		{ "0x1fz", 0, 31, 4 },
		{ "0x1f", 16, 31, 4 },
		{ "0x", 0, 0, 1 },	/* the 'x' is junk after octal 0 */
		{ "0xg", 16, 0, 2 },	/* base 16 always skips "0x" */
		{ "077", 0, 63, 3 },
		{ "99", 0, 99, 2 },
		{ "  12", 10, 0, 0 },	/* no white space skipped */
		{ "+12", 10, 0, 0 },	/* nor a sign */
		{ "", 10, 0, 0 },
		{ "18446744073709551616", 10, 0, 20 },	/* wraps silently */
	};
	size_t i;

	for (i = 0; i < N(rows); i++) {
		char *end = NULL;
		unsigned long long v = k_simple_strtoull(rows[i].s, &end, rows[i].base);

		if (v != rows[i].val || end != rows[i].s + rows[i].end)
			ktap_fail(__FILE__, __LINE__,
				  "simple_strtoull(\"%s\", %u): expected %llu end %zu, got %llu end %td",
				  rows[i].s, rows[i].base, rows[i].val, rows[i].end,
				  v, end - rows[i].s);
		KT_EXPECT_UEQ(k_simple_strtoul(rows[i].s, NULL, rows[i].base), rows[i].val);
	}
}

static void simple_strtol_negates(void)
{
	char *end;

	KT_EXPECT_EQ(k_simple_strtol("-123x", &end, 10), -123);
	KT_EXPECT_EQ(*end, 'x');
	KT_EXPECT_EQ(k_simple_strtol("42", &end, 0), 42);
	KT_EXPECT_EQ(*end, '\0');
	KT_EXPECT_EQ(k_simple_strtol("-0x10", &end, 0), -16);
	KT_EXPECT_EQ(k_simple_strtoll("-9223372036854775808", &end, 10), LLONG_MIN);
	KT_EXPECT_EQ(*end, '\0');
	KT_EXPECT_EQ(k_simple_strtoll("9223372036854775807", NULL, 10), LLONG_MAX);
	KT_EXPECT_EQ(k_simple_strtol("-", &end, 10), 0);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(kstrtoull_valid),
	KTAP_CASE(kstrtoull_rejects_junk),
	KTAP_CASE(kstrtoull_overflow_is_erange),
	KTAP_CASE(kstrtoll_signed_range),
	KTAP_CASE(kstrtoul_matches_kstrtoull),
	KTAP_CASE(kstrtouint_and_kstrtoint),
	KTAP_CASE(kstrtobool_words),
	KTAP_CASE(simple_strtoull_stops_at_junk),
	KTAP_CASE(simple_strtol_negates),
};

int main(void)
{
	return ktap_run_suite("host-kstrtox", cases, N(cases));
}
