// SPDX-License-Identifier: GPL-2.0
/*
 * Choosing and running the suites linked into the kernel. Each
 * kunit_test_suite() leaves a pointer in the .kunit_test_suites section
 * (linker.ld gathers them between __kunit_suites_start and _end).
 *
 * Boot parameters:
 *   kunit.run=1               run every suite
 *   kunit.filter_glob=GLOB    run suites whose name matches GLOB; with
 *                             "suite.case" globs, only matching cases
 * After the last suite the machine is ended through isa-debug-exit with
 * the pass or the failure code (asm/qemu.h), so the host runner never
 * waits for a timeout on a finished run. The shell's "test" command runs
 * suites on a live system through kunit_run_filter(), which does not.
 * Linux: lib/kunit/executor.c
 */
#include <kunit/test.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/string.h>

static char filter_glob[128];
static bool run_all;
int spindle_test_mode;

static int __init kunit_filter_setup(char *str)
{
	if (!*str) {
		/* Linux would run every suite; here an empty glob selects none. */
		pr_warn("kunit: kunit.filter_glob= is empty: no tests run (kunit.run=1 runs them all)\n");
		return 0;
	}
	if (strscpy(filter_glob, str, sizeof(filter_glob)) < 0) {
		pr_warn("kunit: kunit.filter_glob=%s is longer than %zu characters\n", str,
			sizeof(filter_glob) - 1);
		return -EINVAL;
	}
	spindle_test_mode = 1;
	return 0;
}
early_param("kunit.filter_glob", kunit_filter_setup);

static int __init kunit_run_setup(char *str)
{
	bool on;

	if (kstrtobool(str, &on))
		return -EINVAL;
	run_all = on;
	spindle_test_mode = on;
	return 0;
}
early_param("kunit.run", kunit_run_setup);

/**
 * glob_match - shell-style match of @name against @pattern ('*', '?')
 * @pattern: the glob
 * @name: the string
 * Return: true if all of @name matches.
 * Linux: glob_match() in lib/glob.c
 */
bool glob_match(const char *pattern, const char *name)
{
	const char *back_pat = NULL, *back_str = NULL;

	for (;;) {
		char c = *name++, d = *pattern++;

		if (d == '*') {
			if (!*pattern)
				return true;
			back_pat = pattern;
			back_str = --name;	/* '*' may match nothing */
			continue;
		}
		if (c && (d == '?' || d == c))
			continue;
		if (!c && !d)
			return true;
		if (!back_pat || !*back_str)
			return false;
		/* Let the last '*' eat one more character and retry. */
		pattern = back_pat;
		name = ++back_str;
	}
}

/**
 * kunit_enabled - did the command line ask for tests?
 * Return: true with kunit.run=1 or a kunit.filter_glob.
 */
bool kunit_enabled(void)
{
	return run_all || filter_glob[0];
}

/* Does @suite match @glob? @case_glob gets the part after a dot, or NULL. */
static bool suite_selected(struct kunit_suite *suite, const char *glob, const char **case_glob)
{
	static char suite_part[128];
	const char *dot;

	*case_glob = NULL;
	if (!glob || !glob[0])
		return true;
	dot = strchr(glob, '.');
	if (!dot)
		return glob_match(glob, suite->name);
	strscpy(suite_part, glob, min((size_t)(dot - glob + 1), sizeof(suite_part)));
	*case_glob = dot + 1;
	return glob_match(suite_part, suite->name);
}

/**
 * kunit_count_suites - how many linked suites @glob selects
 * @glob: "suite" or "suite.case" ('*' and '?' allowed), or NULL/"" for all
 * Return: the number of suites whose name matches (the part of @glob
 *	before a dot); their cases are not looked at.
 */
int kunit_count_suites(const char *glob)
{
	struct kunit_suite *const *s;
	const char *case_glob;
	int n = 0;

	for (s = __kunit_suites_start; s < __kunit_suites_end; s++)
		if (suite_selected(*s, glob, &case_glob))
			n++;
	return n;
}

/**
 * kunit_count_cases - how many test cases @glob selects
 * @glob: as for kunit_count_suites(); the part after a dot selects cases
 * Return: the number of cases that would run, in every selected suite.
 */
int kunit_count_cases(const char *glob)
{
	struct kunit_suite *const *s;
	const char *case_glob;
	int n = 0;

	for (s = __kunit_suites_start; s < __kunit_suites_end; s++) {
		if (!suite_selected(*s, glob, &case_glob))
			continue;
		for (struct kunit_case *tc = (*s)->test_cases; tc->run_case; tc++)
			if (!case_glob || glob_match(case_glob, tc->name))
				n++;
	}
	return n;
}

/**
 * kunit_run_filter - run the suites @glob selects and print KTAP
 * @glob: as for kunit_count_suites()
 *
 * Prints a whole KTAP document (with "1..0" when nothing matches) and
 * returns; unlike a boot with kunit.run=1 the machine goes on, so the
 * shell's "test" command can run suites on a live system.
 * Return: the number of failed cases.
 */
int kunit_run_filter(const char *glob)
{
	int nr = 0, passed = 0, failed = 0, skipped = 0;
	struct kunit_suite *const *s;
	const char *case_glob;

	pr_info("KTAP version 1\n");
	pr_info("1..%d\n", kunit_count_suites(glob));
	for (s = __kunit_suites_start; s < __kunit_suites_end; s++)
		if (suite_selected(*s, glob, &case_glob))
			kunit_run_suite(*s, ++nr, case_glob, &passed, &failed, &skipped);
	pr_info("# Totals: pass:%d fail:%d skip:%d total:%d\n", passed, failed, skipped,
		passed + failed + skipped);
	return failed;
}

/**
 * kunit_run_all_tests - run the suites the command line selected
 *
 * Return: the number of failed cases.
 * Linux: kunit_run_all_tests() in lib/kunit/executor.c
 */
int kunit_run_all_tests(void)
{
	return kunit_run_filter(filter_glob);
}
