// SPDX-License-Identifier: GPL-2.0
/*
 * KTAP output for the host tests. The layout is KUnit's for a run with a
 * single suite:
 *
 *	KTAP version 1
 *	1..1
 *	    KTAP version 1
 *	    # Subtest: host-vsprintf
 *	    1..3
 *	    ok 1 first_case
 *	    # second_case: EXPECTATION FAILED at tests/host/test_x.c:42
 *	    # second_case: expected a == b, but a == 1, b == 2
 *	    not ok 2 second_case
 *	    ok 3 third_case
 *	# host-vsprintf: pass:2 fail:1 skip:0 total:3
 *	# Totals: pass:2 fail:1 skip:0 total:3
 *	not ok 1 host-vsprintf
 *
 * Diagnostics come before the result line of their case, as in KUnit,
 * because they are printed while the case runs.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ktap.h"

/* After this many failures a case's further diagnostics are dropped. */
#define MAX_DIAGNOSTICS 20

static const char *current_case;
static int current_failures;

#define INDENT "    "

static void vdiag(const char *fmt, va_list ap)
{
	printf(INDENT "# %s: ", current_case);
	vprintf(fmt, ap);
	putchar('\n');
}

/**
 * ktap_info - print a "# case: ..." diagnostic that does not fail the case
 * @fmt: printf format of the message
 */
void ktap_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag(fmt, ap);
	va_end(ap);
}

/**
 * ktap_fail - fail the running case and say why
 * @file: source file of the failed check
 * @line: its line
 * @fmt: printf format of the explanation (expected vs actual)
 *
 * The case goes on running; its result line will be "not ok".
 */
void ktap_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	current_failures++;
	if (current_failures > MAX_DIAGNOSTICS)
		return;
	printf(INDENT "# %s: EXPECTATION FAILED at %s:%d\n", current_case,
	       file, line);
	va_start(ap, fmt);
	vdiag(fmt, ap);
	va_end(ap);
	if (current_failures == MAX_DIAGNOSTICS)
		printf(INDENT "# %s: further failures not shown\n", current_case);
}

/**
 * ktap_streq - strcmp() equality in which NULL equals only NULL
 * @a: a string or NULL
 * @b: a string or NULL
 * Return: nonzero if both are NULL or both are equal strings.
 */
int ktap_streq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

/**
 * ktap_run_suite - run a suite's cases in order and print its KTAP
 * @name: suite name, e.g. "host-vsprintf"
 * @cases: the cases
 * @n: how many
 *
 * Return: the exit status for main(): 0 if every case passed, else 1.
 */
int ktap_run_suite(const char *name, const struct ktap_case *cases, size_t n)
{
	size_t i, passed = 0;

	printf("KTAP version 1\n1..1\n");
	printf(INDENT "KTAP version 1\n" INDENT "# Subtest: %s\n", name);
	printf(INDENT "1..%zu\n", n);
	for (i = 0; i < n; i++) {
		current_case = cases[i].name;
		current_failures = 0;
		/* So a crash in this case shows after the earlier results. */
		fflush(stdout);
		cases[i].run();
		if (current_failures) {
			if (current_failures > MAX_DIAGNOSTICS)
				printf(INDENT "# %s: %d failures in all\n",
				       current_case, current_failures);
			printf(INDENT "not ok %zu %s\n", i + 1, current_case);
		} else {
			printf(INDENT "ok %zu %s\n", i + 1, current_case);
			passed++;
		}
	}
	printf("# %s: pass:%zu fail:%zu skip:0 total:%zu\n", name, passed,
	       n - passed, n);
	printf("# Totals: pass:%zu fail:%zu skip:0 total:%zu\n", passed,
	       n - passed, n);
	printf("%s 1 %s\n", passed == n ? "ok" : "not ok", name);
	fflush(stdout);
	return passed == n ? 0 : 1;
}
