// SPDX-License-Identifier: GPL-2.0
/*
 * forktest: fork() as a student first meets it. The parent forks
 * children that each write the same variable (copy-on-write gives each
 * its own page), waits for them and prints their exit statuses; with
 * "segv" the last child writes to address 0x10 and dies of SIGSEGV, and
 * the kernel prints Linux's "forktest[N]: segfault at 10 ..." line.
 * In GDB: break copy_process, and `spindle-fork-path`.
 */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Address 0x10, hidden from the compiler (which would refuse the store). */
static int *volatile bad_address = (int *)0x10;

static int shared = 100;

int main(int argc, char **argv)
{
	int children = 3, status;
	bool segv = argc > 1 && !strcmp(argv[1], "segv");

	printf("forktest[%d]: forking %d children\n", getpid(), children);
	for (int i = 0; i < children; i++) {
		pid_t pid;

		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			shared += i + 1;	/* a private copy of the page */
			printf("forktest[%d]: child %d, parent %d, shared = %d\n",
			       getpid(), i, getppid(), shared);
			if (segv && i == children - 1)
				*bad_address = 1;
			return i;
		}
	}
	while (wait(&status) > 0) {
		if (WIFSIGNALED(status))
			printf("forktest: a child died of signal %d (%s)\n", WTERMSIG(status),
			       WTERMSIG(status) == SIGSEGV ? "SIGSEGV" : "?");
		else
			printf("forktest: a child exited with %d\n", WEXITSTATUS(status));
	}
	printf("forktest[%d]: parent's shared = %d (unchanged)\n", getpid(), shared);
	return 0;
}
