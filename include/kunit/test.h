/* SPDX-License-Identifier: GPL-2.0 */
/*
 * In-kernel unit tests in the spirit of Linux's KUnit.
 *
 *	static void list_test_add(struct kunit *test)
 *	{
 *		KUNIT_EXPECT_EQ(test, list_count_nodes(&head), 2);
 *	}
 *	static struct kunit_case list_cases[] = {
 *		KUNIT_CASE(list_test_add),
 *		{}
 *	};
 *	static struct kunit_suite list_suite = {
 *		.name = "list",
 *		.test_cases = list_cases,
 *	};
 *	kunit_test_suite(list_suite);
 *
 * Results go out on the console as KTAP version 1 (the format KUnit and
 * kselftest use), so Linux's own tools/testing/kunit/kunit.py can parse a
 * Spindle boot log. Suites run at boot when the command line says
 * kunit.filter_glob=GLOB (a '*' glob on suite names, or suite.case), or
 * kunit.run=1 for all; the runner then ends QEMU with a pass/fail code.
 *
 * KUNIT_EXPECT_*() records a failure and goes on; KUNIT_ASSERT_*() records
 * it and ends the case at once (the case runs in its own kthread once the
 * scheduler exists, otherwise on the boot stack with a jump back).
 * A case that provokes a WARNING on purpose says so first with
 * kunit_expect_warning(test, "what"); any other WARNING fails the case
 * (and tests/runner.py fails the boot), as KUnit's users expect a clean
 * run to be free of them.
 * Linux: include/kunit/test.h, lib/kunit/
 */
#ifndef _KUNIT_TEST_H
#define _KUNIT_TEST_H

#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/types.h>

enum kunit_status {
	KUNIT_SUCCESS,
	KUNIT_FAILURE,
	KUNIT_SKIPPED,
};

struct kunit;

struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
	/* filled in by the executor */
	enum kunit_status status;
	char *log;
};

struct kunit_suite {
	const char *name;
	/* run before/after each case; init may fail the case by returning != 0 */
	int (*init)(struct kunit *test);
	void (*exit)(struct kunit *test);
	/* run once around the whole suite */
	int (*suite_init)(struct kunit_suite *suite);
	void (*suite_exit)(struct kunit_suite *suite);
	struct kunit_case *test_cases;	/* ends with an empty entry */
};

struct kunit {
	void *priv;			/* for init/exit to hand state to the case */
	const char *name;		/* the case */
	enum kunit_status status;
	char status_comment[128];	/* why it was skipped */
	int assert_failed;		/* an ASSERT ended the case */
	int warnings_expected;		/* WARNINGs the case said it provokes */
	struct kunit_suite *suite;
};

#define KUNIT_CASE(test_name) { .run_case = test_name, .name = #test_name }

#define kunit_test_suite(suite)						\
	static struct kunit_suite *const __kunit_suite_ptr_##suite	\
		__used __section(".kunit_test_suites") = &(suite)

/* Out-of-line parts (lib/kunit/test.c). */
__printf(5, 6) void kunit_fail(struct kunit *test, const char *file, int line,
			       bool assertion, const char *fmt, ...);
__noreturn void kunit_abort(struct kunit *test);
__printf(2, 3) void kunit_skip_msg(struct kunit *test, const char *fmt, ...);
__printf(2, 3) void kunit_info(struct kunit *test, const char *fmt, ...);
void kunit_expect_warning(struct kunit *test, const char *what);

/* kunit_skip - mark the case skipped (with a reason) and end it. */
#define kunit_skip(test, fmt, ...) do {					\
	kunit_skip_msg(test, fmt, ##__VA_ARGS__);			\
	kunit_abort(test);						\
} while (0)

/* kunit_mark_skipped - mark the case skipped but let it run on. */
#define kunit_mark_skipped(test, fmt, ...) kunit_skip_msg(test, fmt, ##__VA_ARGS__)

#define __KUNIT_END(test, assertion) do {				\
	if (assertion)							\
		kunit_abort(test);					\
} while (0)

#define KUNIT_FAIL_AT(test, assertion, fmt, ...) do {			\
	kunit_fail(test, __FILE__, __LINE__, assertion, fmt, ##__VA_ARGS__); \
	__KUNIT_END(test, assertion);					\
} while (0)

#define __KUNIT_TRUE(test, assertion, cond) do {			\
	if (!(cond))							\
		KUNIT_FAIL_AT(test, assertion,				\
			      "Expected %s to be true, but is false", #cond); \
} while (0)

#define __KUNIT_FALSE(test, assertion, cond) do {			\
	if (cond)							\
		KUNIT_FAIL_AT(test, assertion,				\
			      "Expected %s to be false, but is true", #cond); \
} while (0)

/* Integer comparisons print both sides, as KUnit does. */
#define __KUNIT_INT_OP(test, assertion, left, op, right) do {		\
	long long __l = (long long)(left);				\
	long long __r = (long long)(right);				\
	if (!(__l op __r))						\
		KUNIT_FAIL_AT(test, assertion,				\
			      "Expected %s %s %s, but\n        %s == %lld (%#llx)\n        %s == %lld (%#llx)", \
			      #left, #op, #right, #left, __l,		\
			      (unsigned long long)__l, #right, __r,	\
			      (unsigned long long)__r);			\
} while (0)

#define __KUNIT_PTR_OP(test, assertion, left, op, right) do {		\
	const void *__l = (const void *)(left);				\
	const void *__r = (const void *)(right);			\
	if (!(__l op __r))						\
		KUNIT_FAIL_AT(test, assertion,				\
			      "Expected %s %s %s, but\n        %s == %px\n        %s == %px", \
			      #left, #op, #right, #left, __l, #right, __r); \
} while (0)

#define __KUNIT_STR_OP(test, assertion, left, op, right) do {		\
	const char *__l = (left);					\
	const char *__r = (right);					\
	if (!(strcmp(__l, __r) op 0))					\
		KUNIT_FAIL_AT(test, assertion,				\
			      "Expected %s %s %s, but\n        %s == \"%s\"\n        %s == \"%s\"", \
			      #left, #op, #right, #left, __l, #right, __r); \
} while (0)

#define __KUNIT_NOT_ERR_OR_NULL(test, assertion, ptr) do {		\
	const void *__p = (const void *)(ptr);				\
	if (IS_ERR_OR_NULL(__p))					\
		KUNIT_FAIL_AT(test, assertion,				\
			      "Expected %s is not error, but is: %ld", #ptr, \
			      __p ? PTR_ERR(__p) : 0L);			\
} while (0)

#define KUNIT_EXPECT_TRUE(test, c)	__KUNIT_TRUE(test, false, c)
#define KUNIT_EXPECT_FALSE(test, c)	__KUNIT_FALSE(test, false, c)
#define KUNIT_EXPECT_EQ(test, l, r)	__KUNIT_INT_OP(test, false, l, ==, r)
#define KUNIT_EXPECT_NE(test, l, r)	__KUNIT_INT_OP(test, false, l, !=, r)
#define KUNIT_EXPECT_LT(test, l, r)	__KUNIT_INT_OP(test, false, l, <, r)
#define KUNIT_EXPECT_LE(test, l, r)	__KUNIT_INT_OP(test, false, l, <=, r)
#define KUNIT_EXPECT_GT(test, l, r)	__KUNIT_INT_OP(test, false, l, >, r)
#define KUNIT_EXPECT_GE(test, l, r)	__KUNIT_INT_OP(test, false, l, >=, r)
#define KUNIT_EXPECT_PTR_EQ(test, l, r)	__KUNIT_PTR_OP(test, false, l, ==, r)
#define KUNIT_EXPECT_PTR_NE(test, l, r)	__KUNIT_PTR_OP(test, false, l, !=, r)
#define KUNIT_EXPECT_NULL(test, p)	__KUNIT_PTR_OP(test, false, p, ==, NULL)
#define KUNIT_EXPECT_NOT_NULL(test, p)	__KUNIT_PTR_OP(test, false, p, !=, NULL)
#define KUNIT_EXPECT_STREQ(test, l, r)	__KUNIT_STR_OP(test, false, l, ==, r)
#define KUNIT_EXPECT_STRNEQ(test, l, r)	__KUNIT_STR_OP(test, false, l, !=, r)
#define KUNIT_EXPECT_NOT_ERR_OR_NULL(test, p) __KUNIT_NOT_ERR_OR_NULL(test, false, p)
#define KUNIT_FAIL(test, fmt, ...)	KUNIT_FAIL_AT(test, false, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_TRUE(test, c)	__KUNIT_TRUE(test, true, c)
#define KUNIT_ASSERT_FALSE(test, c)	__KUNIT_FALSE(test, true, c)
#define KUNIT_ASSERT_EQ(test, l, r)	__KUNIT_INT_OP(test, true, l, ==, r)
#define KUNIT_ASSERT_NE(test, l, r)	__KUNIT_INT_OP(test, true, l, !=, r)
#define KUNIT_ASSERT_LT(test, l, r)	__KUNIT_INT_OP(test, true, l, <, r)
#define KUNIT_ASSERT_LE(test, l, r)	__KUNIT_INT_OP(test, true, l, <=, r)
#define KUNIT_ASSERT_GT(test, l, r)	__KUNIT_INT_OP(test, true, l, >, r)
#define KUNIT_ASSERT_GE(test, l, r)	__KUNIT_INT_OP(test, true, l, >=, r)
#define KUNIT_ASSERT_PTR_EQ(test, l, r)	__KUNIT_PTR_OP(test, true, l, ==, r)
#define KUNIT_ASSERT_NOT_NULL(test, p)	__KUNIT_PTR_OP(test, true, p, !=, NULL)
#define KUNIT_ASSERT_STREQ(test, l, r)	__KUNIT_STR_OP(test, true, l, ==, r)
#define KUNIT_ASSERT_NOT_ERR_OR_NULL(test, p) __KUNIT_NOT_ERR_OR_NULL(test, true, p)

/* Run one suite as top-level test @nr (lib/kunit/test.c, for the executor). */
enum kunit_status kunit_run_suite(struct kunit_suite *suite, int nr, const char *filter,
				  int *passed, int *failed, int *skipped);
/* Run the suites the command line selected (init/main.c calls it). */
int kunit_run_all_tests(void);
/* Run the suites a "suite[.case]" glob selects, and return (the shell's "test"). */
int kunit_run_filter(const char *glob);
int kunit_count_suites(const char *glob);
int kunit_count_cases(const char *glob);
/* Every linked suite: the .kunit_test_suites section, gathered by linker.ld. */
extern struct kunit_suite *const __kunit_suites_start[], *const __kunit_suites_end[];
/* Is any suite selected? (kunit.run=1 or kunit.filter_glob=...) */
bool kunit_enabled(void);
/* Does @name match the shell-style glob @pattern ('*' and '?')? */
bool glob_match(const char *pattern, const char *name);

#endif /* _KUNIT_TEST_H */
