/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the files of usertests share: the check macro, the failure count
 * of the running case, and a case table each file contributes.
 */
#ifndef USERTESTS_H
#define USERTESTS_H

#include <errno.h>
#include <stdio.h>
#include <sys/types.h>

extern int failures;

/* One diagnostic line and a failed check; the case goes on. */
#define CHECK(cond) do {						\
	if (!(cond)) {							\
		printf("    # %s:%d: check failed: %s (errno %d)\n",	\
		       __func__, __LINE__, #cond, errno);		\
		failures++;						\
	}								\
} while (0)

struct usertest {
	const char *name;
	void (*fn)(void);
};

/* Run @fn in a child; its wait status. */
int in_child(void (*fn)(void));

/* user/threadtests.c: threads, futexes, waitid() */
int exec_alone_check(pid_t pid, pid_t other_tid);
extern const struct usertest thread_tests[];
extern const int nr_thread_tests;

#endif
