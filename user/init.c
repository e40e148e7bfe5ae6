// SPDX-License-Identifier: GPL-2.0
/*
 * /init of Spindle's own initramfs: pid 1 in user space. It says hello,
 * then reads command lines from /dev/console (fds 0-2, set up by the
 * kernel) and runs each as a program: fork(), execve(), wait4(), and
 * the exit status or the signal that ended it. Built-ins: exit/poweroff
 * and reboot. The arguments after "--" on the kernel command line arrive
 * as argv[1..]: "init -- /usertests" runs that first.
 * Orphans adopted by init are reaped after each command.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void run(char **argv)
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		printf("init: fork: %s\n", strerror(errno));
		return;
	}
	if (pid == 0) {
		execve(argv[0], argv, environ);
		printf("init: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return;
	if (WIFSIGNALED(status))
		printf("init: %s [%d] killed by signal %d\n", argv[0], pid, WTERMSIG(status));
	else if (WEXITSTATUS(status))
		printf("init: %s [%d] exited with %d\n", argv[0], pid, WEXITSTATUS(status));
	while (waitpid(-1, &status, WNOHANG) > 0)
		;
}

int main(int argc, char **argv)
{
	struct utsname u;
	char line[256];

	uname(&u);
	printf("init: %s %s on %s, pid %d\n", u.sysname, u.release, u.machine, getpid());
	if (argc > 1)
		run(argv + 1);
	printf("init: type a program to run (/forktest, /usertests), or poweroff\n");
	for (;;) {
		char *args[16], *p;
		int n = 0;

		printf("$ ");
		fflush(stdout);
		if (!fgets(line, sizeof(line), stdin)) {
			clearerr(stdin);
			continue;
		}
		for (p = strtok(line, " \t\n"); p && n < 15; p = strtok(NULL, " \t\n"))
			args[n++] = p;
		args[n] = NULL;
		if (!n)
			continue;
		if (!strcmp(args[0], "exit") || !strcmp(args[0], "poweroff"))
			reboot(RB_POWER_OFF);
		if (!strcmp(args[0], "reboot"))
			reboot(RB_AUTOBOOT);
		run(args);
	}
}
