// SPDX-License-Identifier: GPL-2.0
/*
 * The KUnit core: running one suite's cases and printing KTAP version 1.
 *
 * Each case runs inside kunit_try_catch: a __builtin_setjmp() point that
 * a failed KUNIT_ASSERT_*() (or kunit_skip()) jumps back to, ending the
 * case at once. Linux runs each case in a kthread and ends the thread
 * instead; a jump works the same before the scheduler exists. A case that
 * aborts while holding a lock leaves it held, as in Linux: assertions
 * belong outside critical sections.
 *
 * Output is printed through printk(), one line per KTAP line, so the
 * console shows it with timestamps like Linux's; kunit.py strips the
 * prefix by the width it sees before "KTAP version".
 * Linux: lib/kunit/test.c, lib/kunit/try-catch.c
 */
#include <kunit/test.h>
#include <linux/bug.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched/task.h>
#include <linux/string.h>

static struct kunit *kunit_current;
static void *kunit_jmp_buf[5];

/**
 * kunit_fail - record a failed expectation or assertion with its message
 * @test: the running case
 * @file: source file of the check
 * @line: its line
 * @assertion: true for ASSERT (the caller then aborts the case)
 * @fmt: what was expected and what was found
 * Linux: kunit_do_failed_assertion()
 */
void kunit_fail(struct kunit *test, const char *file, int line, bool assertion,
		const char *fmt, ...)
{
	static char msg[512];
	va_list args;
	char *p, *nl;

	test->status = KUNIT_FAILURE;
	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	printk(KERN_INFO "    # %s: %s FAILED at %s:%d\n", test->name,
	       assertion ? "ASSERTION" : "EXPECTATION", file, line);
	/* Every line of the message is a KTAP diagnostic line. */
	for (p = msg; p; p = nl) {
		nl = strchr(p, '\n');
		if (nl)
			*nl++ = '\0';
		printk(KERN_INFO "    %s\n", p);
	}
}

/**
 * kunit_abort - end the running case now (after a failed ASSERT or a skip)
 * @test: the running case
 * Linux: kunit_abort() / kunit_try_catch_throw()
 */
void kunit_abort(struct kunit *test)
{
	test->assert_failed = 1;
	__builtin_longjmp(kunit_jmp_buf, 1);
}

/**
 * kunit_skip_msg - mark the case skipped, with a reason
 * @test: the running case
 * @fmt: the reason
 * Linux: kunit_mark_skipped()
 */
void kunit_skip_msg(struct kunit *test, const char *fmt, ...)
{
	va_list args;

	test->status = KUNIT_SKIPPED;
	va_start(args, fmt);
	vscnprintf(test->status_comment, sizeof(test->status_comment), fmt, args);
	va_end(args);
}

/**
 * kunit_info - print a diagnostic line for the running case
 * @test: the running case
 * @fmt: the text
 * Linux: kunit_info()
 */
void kunit_info(struct kunit *test, const char *fmt, ...)
{
	static char msg[256];
	va_list args;

	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	printk(KERN_INFO "    # %s: %s\n", test->name, msg);
}

/**
 * kunit_expect_warning - say the case is about to provoke one WARNING
 * @test: the running case
 * @what: which one (for the log), e.g. "vfree() of a bad address"
 *
 * A WARNING the case did not announce fails it (checked when it ends), as
 * does an announced one that never came. The announcement is a KTAP
 * diagnostic line ("# case: expects a WARNING: ..."), printed before the
 * WARNING, so tests/runner.py can tell the two kinds apart in any log:
 * each announcement allows the next one WARNING, and any other fails
 * the boot.
 * Spindle's own (Linux's KUnit has no such check; its backtrace
 * suppression series, KUNIT_START_SUPPRESSED_WARNING(), is the nearest).
 */
void kunit_expect_warning(struct kunit *test, const char *what)
{
	test->warnings_expected++;
	kunit_info(test, "expects a WARNING: %s", what);
}

/* WARNINGs the case printed must be exactly those it announced. */
static void kunit_check_warnings(struct kunit *test, int seen)
{
	if (seen == test->warnings_expected)
		return;
	kunit_fail(test, __FILE__, __LINE__, false,
		   "%d WARNING(s) during the case, %d announced with kunit_expect_warning()",
		   seen, test->warnings_expected);
}

/* Run init, the case and exit; init or an ASSERT may cut it short. */
static noinline void kunit_run_case_catch(struct kunit *test, struct kunit_suite *suite,
					  struct kunit_case *tc)
{
	kunit_current = test;
	if (__builtin_setjmp(kunit_jmp_buf) == 0) {
		if (suite->init && suite->init(test)) {
			kunit_fail(test, __FILE__, __LINE__, false, "suite init failed");
			return;
		}
		tc->run_case(test);
	}
	if (suite->exit)
		suite->exit(test);
	kunit_current = NULL;
}

/**
 * kunit_run_suite - run the selected cases of a suite, printing KTAP
 * @suite: the suite
 * @nr: its test number at the top level
 * @filter: a case-name glob, or NULL for all cases
 * @passed: incremented for each case that passed
 * @failed: incremented for each case that failed
 * @skipped: incremented for each case that was skipped
 * Return: the suite's status.
 * Linux: kunit_run_tests() in lib/kunit/test.c
 */
enum kunit_status kunit_run_suite(struct kunit_suite *suite, int nr, const char *filter,
				  int *passed, int *failed, int *skipped)
{
	int ncases = 0, i = 0, p = 0, f = 0, s = 0;
	enum kunit_status status;
	struct kunit_case *tc;

	for (tc = suite->test_cases; tc->run_case; tc++)
		if (!filter || glob_match(filter, tc->name))
			ncases++;
	pr_info("    KTAP version 1\n");
	pr_info("    # Subtest: %s\n", suite->name);
	pr_info("    1..%d\n", ncases);
	if (suite->suite_init && suite->suite_init(suite)) {
		pr_info("    # %s: suite_init failed\n", suite->name);
		pr_info("not ok %d %s\n", nr, suite->name);
		*failed += ncases;
		return KUNIT_FAILURE;
	}
	for (tc = suite->test_cases; tc->run_case; tc++) {
		struct kunit test = { .name = tc->name, .status = KUNIT_SUCCESS, .suite = suite };
		int warns;

		if (filter && !glob_match(filter, tc->name))
			continue;
		i++;
		/* Let tasks of the previous case finish dying: no cross-talk. */
		wait_for_dead_tasks(1000);
		warns = READ_ONCE(warn_count);
		kunit_run_case_catch(&test, suite, tc);
		/* Its threads are gone too: a WARNING of theirs counts as its own. */
		wait_for_dead_tasks(1000);
		kunit_check_warnings(&test, READ_ONCE(warn_count) - warns);
		tc->status = test.status;
		if (test.status == KUNIT_SKIPPED) {
			pr_info("    ok %d %s # SKIP %s\n", i, tc->name, test.status_comment);
			s++;
		} else if (test.status == KUNIT_FAILURE) {
			pr_info("    not ok %d %s\n", i, tc->name);
			f++;
		} else {
			pr_info("    ok %d %s\n", i, tc->name);
			p++;
		}
	}
	if (suite->suite_exit)
		suite->suite_exit(suite);
	pr_info("    # %s: pass:%d fail:%d skip:%d total:%d\n", suite->name, p, f, s, ncases);
	status = f ? KUNIT_FAILURE : (p == 0 && s > 0) ? KUNIT_SKIPPED : KUNIT_SUCCESS;
	if (status == KUNIT_FAILURE)
		pr_info("not ok %d %s\n", nr, suite->name);
	else if (status == KUNIT_SKIPPED)
		pr_info("ok %d %s # SKIP\n", nr, suite->name);
	else
		pr_info("ok %d %s\n", nr, suite->name);
	*passed += p;
	*failed += f;
	*skipped += s;
	return status;
}
