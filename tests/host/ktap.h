/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A tiny host-side test harness that prints KTAP version 1 the way Linux's
 * KUnit does, for one suite per test binary, so the same tools (and eyes)
 * read host and in-kernel results alike.
 *
 * A test case is a void function; the KT_EXPECT_*() checks inside it report
 * a failure as "# " diagnostic lines and mark the case "not ok", then let the
 * case go on (like KUNIT_EXPECT_*, not KUNIT_ASSERT_*).
 */
#ifndef SPINDLE_TESTS_HOST_KTAP_H
#define SPINDLE_TESTS_HOST_KTAP_H

#include <stddef.h>

struct ktap_case {
	const char *name;
	void (*run)(void);
};

#define KTAP_CASE(fn) { #fn, fn }

/*
 * Run every case of the suite @name and print its KTAP. Returns the
 * process exit status: 0 if every case passed, 1 otherwise.
 */
int ktap_run_suite(const char *name, const struct ktap_case *cases, size_t n);

/* Report one failed check of the running case; printf-style message. */
void ktap_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((__format__(printf, 3, 4)));

/* Print a diagnostic line that does not fail the case. */
void ktap_info(const char *fmt, ...) __attribute__((__format__(printf, 1, 2)));

#define KT_EXPECT_TRUE(cond)						\
	do {								\
		if (!(cond))						\
			ktap_fail(__FILE__, __LINE__,			\
				  "expected %s to be true", #cond);	\
	} while (0)

#define KT_EXPECT_FALSE(cond)						\
	do {								\
		if (cond)						\
			ktap_fail(__FILE__, __LINE__,			\
				  "expected %s to be false", #cond);	\
	} while (0)

/* Signed integers of any width up to long long. */
#define KT_EXPECT_EQ(a, b)						\
	do {								\
		long long __a = (a), __b = (b);				\
		if (__a != __b)						\
			ktap_fail(__FILE__, __LINE__,			\
				  "expected %s == %s, but %s == %lld, %s == %lld", \
				  #a, #b, #a, __a, #b, __b);		\
	} while (0)

/* Unsigned integers of any width up to unsigned long long. */
#define KT_EXPECT_UEQ(a, b)						\
	do {								\
		unsigned long long __a = (a), __b = (b);		\
		if (__a != __b)						\
			ktap_fail(__FILE__, __LINE__,			\
				  "expected %s == %s, but %s == %#llx, %s == %#llx", \
				  #a, #b, #a, __a, #b, __b);		\
	} while (0)

#define KT_EXPECT_PTR_EQ(a, b)						\
	do {								\
		const void *__a = (a), *__b = (b);			\
		if (__a != __b)						\
			ktap_fail(__FILE__, __LINE__,			\
				  "expected %s == %s, but %s == %p, %s == %p", \
				  #a, #b, #a, __a, #b, __b);		\
	} while (0)

/* NUL-terminated strings; a NULL on either side only equals NULL. */
#define KT_EXPECT_STREQ(a, b)						\
	do {								\
		const char *__a = (a), *__b = (b);			\
		if (!ktap_streq(__a, __b))				\
			ktap_fail(__FILE__, __LINE__,			\
				  "expected %s == %s, but %s == \"%s\", %s == \"%s\"", \
				  #a, #b, #a, __a ? __a : "(NULL)",	\
				  #b, __b ? __b : "(NULL)");		\
	} while (0)

int ktap_streq(const char *a, const char *b);

#endif /* SPINDLE_TESTS_HOST_KTAP_H */
