// SPDX-License-Identifier: GPL-2.0
/*
 * usertests: Spindle's user-space test suite, in the spirit of xv6's.
 * A static program (musl-gcc -static) run as init (rdinit=/usertests)
 * or from a shell; it prints KTAP version 1, as the in-kernel suites
 * do, so `make test` counts each case, then powers the machine off when
 * it is pid 1. It relies on nothing but Linux's system call ABI: the same
 * binary runs on Linux.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Address 0x10, hidden from the compiler (which would refuse the store). */
static int *volatile bad_address = (int *)0x10;
#include <elf.h>

#include "usertests.h"

int failures;

/* Run @fn in a child; its wait status. */
int in_child(void (*fn)(void))
{
	int status = -1;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		fn();
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static void test_fork_exit_status(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(42);
	CHECK(pid > 0);
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 42);
	CHECK(waitpid(-1, &status, WNOHANG) == -1 && errno == ECHILD);
}

/* A tree three levels deep: every process forks two, each reaps its own. */
static int fork_tree(int depth)
{
	int total = 1;

	for (int i = 0; i < 2 && depth > 0; i++) {
		int status;
		pid_t pid = fork();

		if (pid == 0)
			_exit(fork_tree(depth - 1));
		if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
			return 100;
		total += WEXITSTATUS(status);
	}
	return total;
}

static void test_fork_tree(void)
{
	fflush(stdout);
	CHECK(fork_tree(3) == 15);	/* 1 + 2 + 4 + 8 processes */
}

/* Hundreds of processes, 20 alive at a time, every one reaped. */
static void test_fork_storm(void)
{
	int started = 0, reaped = 0, status;

	fflush(stdout);
	while (started < 300) {
		for (int i = 0; i < 20; i++, started++) {
			pid_t pid = fork();

			if (pid == 0)
				_exit(started & 0xff);
			if (pid < 0) {
				CHECK(pid > 0);
				return;
			}
		}
		while (waitpid(-1, &status, 0) > 0)
			reaped += WIFEXITED(status);
	}
	CHECK(reaped == 300);
	CHECK(waitpid(-1, &status, 0) == -1 && errno == ECHILD);
}

static volatile int cow_value = 1;
static char cow_big[64 * 1024] = { 1 };

/* Parent and child write the same pages; each sees its own values. */
static void test_cow_isolation(void)
{
	int status, pipe_sum = 0;
	pid_t pid;

	memset(cow_big, 'p', sizeof(cow_big));
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		if (cow_value != 1 || cow_big[100] != 'p')
			_exit(1);
		cow_value = 2;
		memset(cow_big, 'c', sizeof(cow_big));
		_exit(cow_value == 2 && cow_big[60000] == 'c' ? 0 : 2);
	}
	cow_value = 3;	/* the parent writes too, while the child may still share */
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(cow_value == 3);
	for (size_t i = 0; i < sizeof(cow_big); i += 4096)
		pipe_sum += cow_big[i] == 'p';
	CHECK(pipe_sum == (int)(sizeof(cow_big) / 4096));
}

/* Three sharers: two children read, one writes; nobody sees another's write. */
static void test_cow_three_sharers(void)
{
	int status[2];
	pid_t pid[2];

	cow_value = 10;
	fflush(stdout);
	for (int i = 0; i < 2; i++) {
		pid[i] = fork();
		if (pid[i] == 0) {
			usleep(20000 * (i + 1));
			if (i == 1)
				cow_value = 11;
			_exit(cow_value);
		}
	}
	cow_value = 12;
	for (int i = 0; i < 2; i++)
		CHECK(waitpid(pid[i], &status[i], 0) == pid[i]);
	CHECK(WEXITSTATUS(status[0]) == 10);
	CHECK(WEXITSTATUS(status[1]) == 11);
	CHECK(cow_value == 12);
}

extern char **environ;
extern char _start[];

/* Run in the exec'd child: argv, envp and auxv as Linux lays them out. */
static int exec_check(int argc, char **argv, char **envp)
{
	const Elf64_Phdr *phdr = (const Elf64_Phdr *)getauxval(AT_PHDR);
	unsigned long phnum = getauxval(AT_PHNUM);
	const unsigned char *random = (const unsigned char *)getauxval(AT_RANDOM);
	int loads = 0;

	if (argc != 3 || strcmp(argv[1], "--exec-check") || strcmp(argv[2], "two words"))
		return 10;
	if (argv[3] != NULL)
		return 11;
	if (!envp[0] || strcmp(envp[0], "SPINDLE=1") || strcmp(envp[1], "EMPTY=") || envp[2])
		return 12;
	if (environ != envp || (char **)&argv[argc + 1] != envp)
		return 13;
	if (getauxval(AT_PAGESZ) != 4096)
		return 14;
	if (getauxval(AT_ENTRY) != (unsigned long)_start)
		return 15;
	if (getauxval(AT_PHENT) != sizeof(Elf64_Phdr) || !phdr || !phnum)
		return 16;
	for (unsigned long i = 0; i < phnum; i++)
		loads += phdr[i].p_type == PT_LOAD;
	if (!loads)
		return 17;
	if (!random)
		return 18;
	if (!getauxval(AT_HWCAP) || getauxval(AT_UID) != 0 || getauxval(AT_SECURE) != 0)
		return 19;
	if (strcmp((const char *)getauxval(AT_EXECFN), "/usertests"))
		return 20;
	if (((unsigned long)__builtin_frame_address(0) & 0xf) != 0)
		return 21;
	return 0;
}

/* execve(@path, @argv, @envp) in a child: its exit status (-1: it did not exit). */
static int exec_child(const char *path, char *const argv[], char *const envp[])
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		execve(path, argv, envp);
		_exit(99);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/* Run this program again with @arg in a child: its exit status. */
static int run_self(const char *arg)
{
	char *argv[] = { "usertests", (char *)arg, NULL };

	return exec_child("/usertests", argv, environ);
}

/* The heap: brk() moves its end, the new pages are zero, shrinking unmaps. */
static int brk_check(void)
{
	char *start = (char *)syscall(SYS_brk, 0);

	if ((char *)syscall(SYS_brk, start + 65536) != start + 65536)
		return 1;
	for (int i = 0; i < 65536; i += 4096)
		if (start[i] != 0)
			return 2;
	memset(start, 7, 65536);
	if ((char *)syscall(SYS_brk, start + 4096) != start + 4096)
		return 3;
	if ((char *)syscall(SYS_brk, start - (1L << 40)) != start + 4096)
		return 4;	/* below the start: refused, the old end returned */
	return start[4095] == 7 ? 0 : 5;
}

static void test_exec_args(void)
{
	char *argv[] = { "usertests", "--exec-check", "two words", NULL };
	char *envp[] = { "SPINDLE=1", "EMPTY=", NULL };
	int status = exec_child("/usertests", argv, envp);

	if (status)
		printf("    # exec check %d failed\n", status);
	CHECK(status == 0);
}

static void test_exec_errors(void)
{
	char *argv[] = { "x", NULL };

	CHECK(execve("/nonexistent", argv, environ) == -1 && errno == ENOENT);
	CHECK(execve("/etc/not-elf", argv, environ) == -1 && errno == ENOEXEC);
	CHECK(execve("/etc", argv, environ) == -1 && errno == EACCES);
	CHECK(execve("/init/x", argv, environ) == -1 && errno == ENOTDIR);
}

/* A "#!" script runs its interpreter with the script's name. */
static void test_exec_script(void)
{
	char *argv[] = { "script", "arg1", NULL };

	CHECK(exec_child("/bin/script-test", argv, environ) == 33);
}

static void write_null(void)
{
	*bad_address = 1;
}

/* A faulting child dies of SIGSEGV; the parent sees it in the status. */
static void test_segv_child(void)
{
	int status = in_child(write_null);

	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	CHECK(!WCOREDUMP(status));
}

static void test_bad_pointers_efault(void)
{
	void *bad = (void *)0x10, *kernel = (void *)0xffffffff80100000UL;
	struct timespec ts;
	struct utsname *bad_uts = bad;
	int status;
	pid_t pid;

	errno = 0;
	CHECK(write(1, bad, 5) == -1 && errno == EFAULT);
	CHECK(write(1, kernel, 5) == -1 && errno == EFAULT);
	CHECK(syscall(SYS_uname, bad_uts) == -1 && errno == EFAULT);
	CHECK(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, bad) == -1 && errno == EFAULT);
	CHECK(syscall(SYS_nanosleep, bad, NULL) == -1 && errno == EFAULT);
	CHECK(syscall(SYS_rt_sigaction, SIGUSR1, bad, NULL, 8) == -1 && errno == EFAULT);
	CHECK(syscall(SYS_rt_sigprocmask, SIG_BLOCK, kernel, NULL, 8) == -1 && errno == EFAULT);
	CHECK(syscall(SYS_execve, bad, NULL, NULL) == -1 && errno == EFAULT);
	CHECK(syscall(SYS_execve, "/usertests", bad, NULL) == -1 && errno == EFAULT);
	CHECK(syscall(SYS_writev, 1, bad, 1) == -1 && errno == EFAULT);
	CHECK(syscall(SYS_open, bad, 0) == -1 && errno == EFAULT);
	CHECK(syscall(SYS_arch_prctl, 0x1003, bad) == -1 && errno == EFAULT);
	CHECK(clock_gettime(CLOCK_MONOTONIC, &ts) == 0);
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(5);
	CHECK(syscall(SYS_wait4, pid, bad, 0, NULL) == -1 && errno == EFAULT);
	CHECK(waitpid(pid, &status, WNOHANG) == -1 && errno == ECHILD);	/* reaped anyway */
	CHECK(syscall(999) == -1 && errno == ENOSYS);
}

static void touch_after_munmap(void)
{
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	p[0] = 1;
	munmap(p, 8192);
	p[0] = 2;	/* SIGSEGV */
}

static void write_readonly(void)
{
	char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	p[0] = 1;
	mprotect(p, 4096, PROT_READ);
	if (p[0] != 1)
		_exit(3);
	p[0] = 2;	/* SIGSEGV */
}

static void test_brk_mmap(void)
{
	char *p;
	size_t len = 1 << 20;
	int status;

	/* A fresh process: malloc() has not put a guard page above the heap yet. */
	CHECK(run_self("--brk-check") == 0);
	p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED);
	if (p != MAP_FAILED) {
		for (size_t i = 0; i < len; i += 4096)
			CHECK(p[i] == 0);	/* demand-zero */
		for (size_t i = 0; i < len; i += 4096)
			p[i] = (char)i;
		CHECK(munmap(p + 4096, 4096) == 0);	/* a hole in the middle */
		CHECK(p[8192] == (char)8192);
		CHECK(munmap(p, len) == 0);
	}
	CHECK(mmap(NULL, 4096, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1, 0) == MAP_FAILED);
	status = in_child(touch_after_munmap);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	status = in_child(write_readonly);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
}

static int recurse(int n)
{
	volatile char buf[1024];

	buf[0] = (char)n;
	return n ? recurse(n - 1) + buf[0] : 0;
}

static void deep_stack(void)
{
	recurse(2 * 1024);	/* 2 MiB: the stack grows */
}

static void too_deep_stack(void)
{
	recurse(16 * 1024);	/* 16 MiB: past the 8 MiB limit */
}

static void test_stack_growth(void)
{
	int status = in_child(deep_stack);

	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	status = in_child(too_deep_stack);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
}

static void test_kill(void)
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		for (;;)
			pause();
	}
	CHECK(kill(pid, 0) == 0);
	CHECK(kill(pid, SIGTERM) == 0);
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
	CHECK(kill(pid, 0) == -1 && errno == ESRCH);
	pid = fork();
	if (pid == 0) {
		sleep(100);
		_exit(1);
	}
	CHECK(kill(pid, SIGKILL) == 0);
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}

static void test_vfork(void)
{
	volatile int shared = 0;
	int status;
	pid_t pid;

	fflush(stdout);
	pid = vfork();
	if (pid == 0) {
		shared = 5;	/* the parent's memory: it is suspended meanwhile */
		_exit(7);
	}
	CHECK(shared == 5);
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7);
}

/* clone() as fork, with the tid stored for the parent and in the child. */
static void test_clone_settid(void)
{
	volatile int ptid = 0, ctid = 0;
	int status;
	long pid;

	fflush(stdout);
	pid = syscall(SYS_clone, SIGCHLD | 0x00100000 /* CLONE_PARENT_SETTID */ |
		      0x01000000 /* CLONE_CHILD_SETTID */, 0, &ptid, &ctid, 0);
	if (pid == 0)
		_exit(ctid == getpid() && ptid == 0 ? 0 : 1);
	CHECK(pid > 0);
	CHECK(ptid == pid);
	CHECK(ctid == 0);	/* the child wrote its own copy of the page */
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void test_ids(void)
{
	char cwd[16];
	struct utsname u;
	int status;
	pid_t me = getpid(), pid;

	CHECK(me > 1 || me == 1);
	CHECK(getuid() == 0 && geteuid() == 0 && getgid() == 0 && getegid() == 0);
	CHECK(syscall(SYS_gettid) == me);
	CHECK(uname(&u) == 0);
	CHECK(getcwd(cwd, sizeof(cwd)) == cwd && !strcmp(cwd, "/"));
	CHECK(getcwd(cwd, 1) == NULL && errno == ERANGE);
	CHECK(!strcmp(u.sysname, "Spindle") && !strcmp(u.machine, "x86_64"));
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(getppid() == me ? 0 : 1);
	CHECK(waitpid(pid, &status, 0) == pid && WEXITSTATUS(status) == 0);
}

/* An orphan is adopted by init (pid 1). */
static void test_orphan_reparented(void)
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		pid_t parent = getpid();

		if (fork() == 0) {
			while (getppid() == parent)
				usleep(1000);
			_exit(0);
		}
		_exit(0);
	}
	CHECK(waitpid(pid, &status, 0) == pid);
	/* If we are init, the grandchild is now ours: reap it. */
	if (getpid() == 1)
		CHECK(waitpid(-1, &status, 0) > 0 && WEXITSTATUS(status) == 0);
}

static void test_nanosleep(void)
{
	struct timespec a, b, req = { 0, 30 * 1000 * 1000 };
	long ns;

	CHECK(clock_gettime(CLOCK_MONOTONIC, &a) == 0);
	CHECK(nanosleep(&req, NULL) == 0);
	CHECK(clock_gettime(CLOCK_MONOTONIC, &b) == 0);
	ns = (b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec);
	/*
	 * At least 30 ms in principle; but the clock is the TSC, calibrated
	 * against the PIT at boot, which a loaded host can make read up to
	 * 2-3 times too fast: ask for a third, enough to tell a sleep from
	 * a return at once.
	 */
	printf("    # nanosleep(30 ms) took %ld us\n", ns / 1000);
	CHECK(ns >= 10 * 1000 * 1000);
	req.tv_nsec = 1000000000;
	CHECK(nanosleep(&req, NULL) == -1 && errno == EINVAL);
}

static long long ns_between(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * 1000000000LL + (b->tv_nsec - a->tv_nsec);
}

/*
 * The wall clock: the RTC's date at boot, set by clock_settime() and
 * settimeofday() without moving CLOCK_MONOTONIC; absolute real-time
 * deadlines (clock_nanosleep, FUTEX_CLOCK_REALTIME) as the clock stands.
 */
static void test_realtime_clock(void)
{
	struct timespec real, mono, mono2, set = { 2000000000, 0 }, bad = { 0, 1000000000 };
	struct timespec deadline;
	struct timeval tv;
	static int word;

	CHECK(clock_gettime(CLOCK_REALTIME, &real) == 0);
	CHECK(real.tv_sec > 1600000000);	/* QEMU's RTC is the host's clock: after 2020 */
	CHECK(labs((long)(time(NULL) - real.tv_sec)) <= 1);
	CHECK(clock_gettime(CLOCK_MONOTONIC, &mono) == 0);
	CHECK(clock_settime(CLOCK_REALTIME, &set) == 0);
	CHECK(clock_gettime(CLOCK_REALTIME, &deadline) == 0);
	CHECK(deadline.tv_sec >= 2000000000 && deadline.tv_sec <= 2000000001);
	CHECK(clock_gettime(CLOCK_MONOTONIC, &mono2) == 0);
	CHECK(ns_between(&mono, &mono2) >= 0 && ns_between(&mono, &mono2) < 1000000000LL);
	CHECK(gettimeofday(&tv, NULL) == 0 && tv.tv_sec >= 2000000000 && tv.tv_sec <= 2000000001);
	/* An absolute real-time deadline 30 ms ahead: a sleep and a futex wait end there. */
	deadline.tv_nsec += 30 * 1000 * 1000;
	if (deadline.tv_nsec >= 1000000000) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000;
	}
	CHECK(clock_gettime(CLOCK_MONOTONIC, &mono) == 0);
	CHECK(clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &deadline, NULL) == 0);
	CHECK(clock_gettime(CLOCK_MONOTONIC, &mono2) == 0);
	CHECK(ns_between(&mono, &mono2) >= 10000000LL && ns_between(&mono, &mono2) < 2000000000LL);
	deadline.tv_nsec = (deadline.tv_nsec + 30 * 1000 * 1000) % 1000000000;
	if (deadline.tv_nsec < 30 * 1000 * 1000)
		deadline.tv_sec++;
	/* FUTEX_WAIT_BITSET (9) | FUTEX_CLOCK_REALTIME (256), any bitset. */
	CHECK(syscall(SYS_futex, &word, 9 | 256, 0, &deadline, NULL, ~0u) == -1 && errno == ETIMEDOUT);
	CHECK(clock_gettime(CLOCK_MONOTONIC, &mono) == 0);
	CHECK(ns_between(&mono2, &mono) >= 10000000LL && ns_between(&mono2, &mono) < 2000000000LL);
	/* settimeofday() too; then back to about where it was. */
	tv = (struct timeval){ real.tv_sec + 1, 0 };
	CHECK(settimeofday(&tv, NULL) == 0);
	CHECK(clock_gettime(CLOCK_REALTIME, &deadline) == 0 && deadline.tv_sec - real.tv_sec <= 3);
	/* Refused: another clock, nanoseconds out of range, bad pointers. */
	CHECK(clock_settime(CLOCK_MONOTONIC, &set) == -1 && errno == EINVAL);
	CHECK(clock_settime(CLOCK_REALTIME, &bad) == -1 && errno == EINVAL);
	CHECK(syscall(SYS_clock_settime, CLOCK_REALTIME, (void *)0x10) == -1 && errno == EFAULT);
	tv = (struct timeval){ 0, 1000000 };
	CHECK(settimeofday(&tv, NULL) == -1 && errno == EINVAL);
	CHECK(syscall(SYS_settimeofday, (void *)0x10, NULL) == -1 && errno == EFAULT);
}

static volatile int alarms;

static void count_alarm(int sig)
{
	(void)sig;
	alarms++;
}

/* A child that asks for SIGALRM and has no handler: SIGALRM's default kills it. */
static void alarm_kills(void)
{
	struct itimerval it = { .it_value = { 0, 20 * 1000 } };

	if (setitimer(ITIMER_REAL, &it, NULL))
		_exit(100);
	for (;;)
		pause();
}

/* alarm() in the parent: a forked child starts with none (POSIX). */
static void no_inherited_alarm(void)
{
	struct itimerval it;

	_exit(getitimer(ITIMER_REAL, &it) == 0 && !it.it_value.tv_sec && !it.it_value.tv_usec ?
	      0 : 1);
}

/* setitimer(ITIMER_REAL), getitimer(), alarm(): SIGALRM on time, periodic, and errors. */
static void test_itimer_alarm(void)
{
	struct sigaction sa = { .sa_handler = count_alarm }, old;
	struct itimerval it = { .it_value = { 0, 50 * 1000 } }, cur, prev;
	struct timespec a, b;
	sigset_t none;
	long us;
	int status;

	sigemptyset(&none);
	CHECK(sigaction(SIGALRM, &sa, &old) == 0);
	/* One shot, 50 ms: getitimer() counts down, the handler runs once, not early. */
	alarms = 0;
	CHECK(clock_gettime(CLOCK_MONOTONIC, &a) == 0);
	CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
	CHECK(getitimer(ITIMER_REAL, &cur) == 0);
	CHECK(cur.it_value.tv_sec == 0 && cur.it_value.tv_usec > 0 &&
	      cur.it_value.tv_usec <= 70 * 1000);
	CHECK(cur.it_interval.tv_sec == 0 && cur.it_interval.tv_usec == 0);
	while (!alarms)
		sigsuspend(&none);
	CHECK(clock_gettime(CLOCK_MONOTONIC, &b) == 0);
	us = (b.tv_sec - a.tv_sec) * 1000000L + (b.tv_nsec - a.tv_nsec) / 1000;
	printf("    # setitimer(50 ms): SIGALRM after %ld us\n", us);
	CHECK(us >= 15 * 1000);	/* the TSC may run fast on a loaded host: see nanosleep */
	CHECK(getitimer(ITIMER_REAL, &cur) == 0 && !cur.it_value.tv_sec && !cur.it_value.tv_usec);
	CHECK(alarms == 1);
	/* Periodic, 20 ms: three more, then disarmed; the old setting comes back. */
	it = (struct itimerval){ { 0, 20 * 1000 }, { 0, 20 * 1000 } };
	CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
	while (alarms < 4)
		sigsuspend(&none);
	memset(&it, 0, sizeof(it));
	CHECK(setitimer(ITIMER_REAL, &it, &prev) == 0);
	CHECK(prev.it_interval.tv_sec == 0 && prev.it_interval.tv_usec == 20 * 1000);
	CHECK(getitimer(ITIMER_REAL, &cur) == 0 && !cur.it_value.tv_sec && !cur.it_value.tv_usec);
	/* alarm(): the seconds left of the last one; 0 cancels. */
	CHECK(alarm(5) == 0);
	CHECK(alarm(7) == 5);
	status = in_child(no_inherited_alarm);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(alarm(0) == 7);
	CHECK(alarm(0) == 0);
	/* Bad arguments. */
	it = (struct itimerval){ .it_value = { 0, 1000000 } };
	CHECK(setitimer(ITIMER_REAL, &it, NULL) == -1 && errno == EINVAL);
	it = (struct itimerval){ .it_value = { -1, 0 } };
	CHECK(setitimer(ITIMER_REAL, &it, NULL) == -1 && errno == EINVAL);
	CHECK(setitimer(99, &it, NULL) == -1 && errno == EINVAL);
	CHECK(syscall(SYS_getitimer, ITIMER_REAL, (void *)0x10) == -1 && errno == EFAULT);
	CHECK(syscall(SYS_setitimer, ITIMER_REAL, (void *)0x10, NULL) == -1 && errno == EFAULT);
	CHECK(sigaction(SIGALRM, &old, NULL) == 0);
	CHECK(alarms == 4);
	/* Delivered with the default action: the process dies of it. */
	status = in_child(alarm_kills);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM);
}

/* link(2)/linkat(2): two names, one inode; the data lives until the last name and fd go. */
static void test_link(void)
{
	struct stat a, b;
	char buf[16] = "";
	int fd;

	CHECK(mkdir("/tmp", 01777) == 0 || errno == EEXIST);
	fd = open("/tmp/ln_a", O_CREAT | O_RDWR | O_TRUNC, 0644);
	CHECK(fd >= 0 && write(fd, "one", 3) == 3);
	CHECK(close(fd) == 0);
	CHECK(link("/tmp/ln_a", "/tmp/ln_b") == 0);
	CHECK(stat("/tmp/ln_a", &a) == 0 && stat("/tmp/ln_b", &b) == 0);
	CHECK(a.st_nlink == 2 && b.st_nlink == 2 && a.st_ino == b.st_ino);
	fd = open("/tmp/ln_b", O_WRONLY | O_APPEND);
	CHECK(fd >= 0 && write(fd, "two", 3) == 3);
	CHECK(close(fd) == 0);
	CHECK(unlink("/tmp/ln_a") == 0);
	fd = open("/tmp/ln_b", O_RDONLY);
	CHECK(fd >= 0 && read(fd, buf, sizeof(buf)) == 6 && !memcmp(buf, "onetwo", 6));
	CHECK(fstat(fd, &b) == 0 && b.st_nlink == 1);
	/* Refused: a taken name, a directory, no such file, unknown flags. */
	CHECK(link("/tmp/ln_b", "/tmp/ln_b") == -1 && errno == EEXIST);
	CHECK(link("/tmp", "/tmp/ln_dir") == -1 && errno == EPERM);
	CHECK(link("/tmp/ln_none", "/tmp/ln_c") == -1 && errno == ENOENT);
	CHECK(linkat(AT_FDCWD, "/tmp/ln_b", AT_FDCWD, "/tmp/ln_c", 0x8) == -1 && errno == EINVAL);
	/* The last name gone, the open file cannot be named again. */
	CHECK(unlink("/tmp/ln_b") == 0);
	CHECK(linkat(fd, "", AT_FDCWD, "/tmp/ln_c", AT_EMPTY_PATH) == -1 && errno == ENOENT);
	CHECK(fstat(fd, &b) == 0 && b.st_nlink == 0);
	CHECK(close(fd) == 0);
}

/* sendfile(2): file to pipe and to file, with and without an offset, and what it refuses. */
static void test_sendfile(void)
{
	static char data[10000], back[10000];
	int in, out, ap, tty, p[2] = { -1, -1 };
	off_t off;

	CHECK(mkdir("/tmp", 01777) == 0 || errno == EEXIST);
	in = open("/tmp/sendfile.in", O_RDWR | O_CREAT | O_TRUNC, 0600);
	out = open("/tmp/sendfile.out", O_RDWR | O_CREAT | O_TRUNC, 0600);
	ap = open("/tmp/sendfile.out", O_WRONLY | O_APPEND);
	tty = open("/dev/console", O_RDONLY | O_NOCTTY);

	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = 'a' + i % 26;
	CHECK(in >= 0 && out >= 0 && ap >= 0 && tty >= 0 && pipe(p) == 0);
	CHECK(write(in, data, sizeof(data)) == (ssize_t)sizeof(data));
	/* From the file's position (which moves), more than a page, to a file. */
	CHECK(lseek(in, 0, SEEK_SET) == 0);
	CHECK(sendfile(out, in, NULL, sizeof(data) + 100) == (ssize_t)sizeof(data));
	CHECK(lseek(in, 0, SEEK_CUR) == (off_t)sizeof(data));
	CHECK(pread(out, back, sizeof(back), 0) == (ssize_t)sizeof(back) &&
	      !memcmp(back, data, sizeof(data)));
	CHECK(sendfile(out, in, NULL, 10) == 0);	/* at the end */
	/* At an offset (updated; the position stays), to a pipe. */
	off = 26;
	CHECK(sendfile(p[1], in, &off, 5) == 5 && off == 31);
	CHECK(lseek(in, 0, SEEK_CUR) == (off_t)sizeof(data));
	CHECK(read(p[0], back, sizeof(back)) == 5 && !memcmp(back, "abcde", 5));
	/* Refused: in a pipe or a tty (no ->read_iter), out O_APPEND, bad offset, fds. */
	CHECK(sendfile(out, p[0], NULL, 5) == -1 && errno == EINVAL);
	CHECK(sendfile(out, tty, NULL, 5) == -1 && errno == EINVAL);
	CHECK(sendfile(ap, in, NULL, 5) == -1 && errno == EINVAL);
	off = -1;
	CHECK(sendfile(out, in, &off, 5) == -1 && errno == EINVAL);
	CHECK(sendfile(out, in, (off_t *)0x10, 5) == -1 && errno == EFAULT);
	CHECK(sendfile(out, 999, NULL, 5) == -1 && errno == EBADF);
	CHECK(sendfile(in, out, NULL, 5) >= 0);		/* both O_RDWR: either way round */
	CHECK(sendfile(p[0], in, NULL, 5) == -1 && errno == EBADF);	/* out not for writing */
	close(p[0]);
	close(p[1]);
	close(tty);
	close(ap);
	close(out);
	close(in);
	unlink("/tmp/sendfile.in");
	unlink("/tmp/sendfile.out");
}

/* syslog(2), as klogctl() and dmesg use it: the log's size, its text, and bad arguments. */
static void test_syslog(void)
{
	static char buf[4096];
	long size = syscall(SYS_syslog, 10, NULL, 0), n;

	CHECK(size >= 4096);
	n = syscall(SYS_syslog, 3, buf, sizeof(buf));
	/* The newest records that fit, each "<level>[seconds] text\n". */
	CHECK(n > 0 && n <= (long)sizeof(buf) && buf[0] == '<' && buf[n - 1] == '\n');
	CHECK(syscall(SYS_syslog, 3, buf, 0) == 0);
	CHECK(syscall(SYS_syslog, 3, NULL, 10) == -1 && errno == EINVAL);
	CHECK(syscall(SYS_syslog, 3, buf, -1) == -1 && errno == EINVAL);
	CHECK(syscall(SYS_syslog, 3, (void *)0xffffffff80100000UL, 10) == -1 && errno == EFAULT);
	CHECK(syscall(SYS_syslog, 8, NULL, 9) == -1 && errno == EINVAL);
	CHECK(syscall(SYS_syslog, 99, NULL, 0) == -1 && errno == EINVAL);
}

static void test_sigchld_ignored_autoreap(void)
{
	struct sigaction sa = { .sa_handler = SIG_IGN }, old;
	int status;
	pid_t pid;

	CHECK(sigaction(SIGCHLD, &sa, &old) == 0);
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(0);
	/* No zombie: wait4 finds no child once it is gone. */
	CHECK(waitpid(pid, &status, 0) == -1 && errno == ECHILD);
	CHECK(sigaction(SIGCHLD, &old, NULL) == 0);
}

static volatile sig_atomic_t got_signal, got_code;
static volatile double fp_in_handler;

static void on_usr1(int sig, siginfo_t *info, void *uc)
{
	volatile double x = 1.5;

	(void)uc;
	got_signal = sig;
	got_code = info->si_signo;
	fp_in_handler = x * 2;	/* uses the SSE registers: the frame must save them */
}

static void on_alarm(int sig)
{
	got_signal = sig;
}

/* A user handler runs on a signal frame and the interrupted code goes on. */
static void test_signal_handlers(void)
{
	struct sigaction sa = { .sa_sigaction = on_usr1, .sa_flags = SA_SIGINFO }, old;
	struct timespec req = { 5, 0 }, rem;
	volatile double before = 3.25;
	sigset_t set;
	int status;
	pid_t pid;

	CHECK(sigaction(SIGUSR1, &sa, &old) == 0);
	got_signal = got_code = 0;
	CHECK(kill(getpid(), SIGUSR1) == 0);
	CHECK(got_signal == SIGUSR1 && got_code == SIGUSR1);
	CHECK(before == 3.25 && fp_in_handler == 3.0);
	/* Blocked: it waits; unblocked: it is handled then. */
	got_signal = 0;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK(sigprocmask(SIG_BLOCK, &set, NULL) == 0);
	CHECK(kill(getpid(), SIGUSR1) == 0);
	CHECK(got_signal == 0);
	CHECK(sigprocmask(SIG_UNBLOCK, &set, NULL) == 0);
	CHECK(got_signal == SIGUSR1);
	CHECK(sigaction(SIGUSR1, &old, NULL) == 0);
	/* A handled signal cuts a sleep short: -EINTR and the time left. */
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		struct sigaction alarm_sa = { .sa_handler = on_alarm };

		sigaction(SIGUSR2, &alarm_sa, NULL);
		if (nanosleep(&req, &rem) == -1 && errno == EINTR && got_signal == SIGUSR2 &&
		    rem.tv_sec <= 5)
			_exit(0);
		_exit(1);
	}
	usleep(50000);
	CHECK(kill(pid, SIGUSR2) == 0);
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void do_ud2(void) { __asm__ volatile("ud2"); }
static void do_int3(void) { __asm__ volatile("int3"); }
static void do_hlt(void) { __asm__ volatile("hlt"); }	/* privileged: #GP */
static void do_div0(void) { __asm__ volatile("xorl %%ecx, %%ecx; divl %%ecx" : : : "eax", "ecx", "edx"); }
static void do_jump_kernel(void) { ((void (*)(void))0xffffffff80100000UL)(); }

/* Faults in user mode become the signals Linux sends for them. */
static void test_traps_signal(void)
{
	static const struct {
		void (*fn)(void);
		int sig;
	} traps[] = {
		{ do_ud2, SIGILL }, { do_int3, SIGTRAP }, { do_hlt, SIGSEGV },
		{ do_div0, SIGFPE }, { do_jump_kernel, SIGSEGV },
	};

	for (unsigned int i = 0; i < sizeof(traps) / sizeof(traps[0]); i++) {
		int status = in_child(traps[i].fn);

		if (!WIFSIGNALED(status) || WTERMSIG(status) != traps[i].sig)
			printf("    # trap %u: status %#x\n", i, status);
		CHECK(WIFSIGNALED(status) && WTERMSIG(status) == traps[i].sig);
	}
	/* init is not killed by a signal it did not ask for, SIGKILL included. */
	if (getpid() == 1) {
		CHECK(kill(1, SIGKILL) == 0);
		CHECK(kill(1, SIGTERM) == 0);
		CHECK(getpid() == 1);
	}
}

/* poll(): files are ready, the console only once something is typed. */
static void test_poll(void)
{
	struct pollfd fds[3];
	int fd = open("/etc/not-elf", O_RDONLY);
	char buf[8];

	CHECK(fd >= 0);
	CHECK(read(fd, buf, 7) == 7 && !memcmp(buf, "this is", 7));
	fds[0] = (struct pollfd){ .fd = fd, .events = POLLIN };
	fds[1] = (struct pollfd){ .fd = 0, .events = POLLIN };		/* nobody types */
	fds[2] = (struct pollfd){ .fd = 12, .events = POLLIN };		/* not open */
	CHECK(poll(fds, 3, 0) == 2);
	CHECK(fds[0].revents == POLLIN && fds[1].revents == 0 && fds[2].revents == POLLNVAL);
	fds[0] = (struct pollfd){ .fd = 1, .events = POLLOUT };
	CHECK(poll(fds, 1, 0) == 1 && fds[0].revents == POLLOUT);
	CHECK(poll(fds + 1, 1, 20) == 0);	/* waits its timeout, nothing came */
	CHECK(poll((struct pollfd *)0x10, 1, 0) == -1 && errno == EFAULT);
	CHECK(close(fd) == 0 && close(fd) == -1 && errno == EBADF);
	CHECK(open("/nonexistent", O_RDONLY) == -1 && errno == ENOENT);
}

/* --fd-closed N: is fd N closed in this (exec'd) program? 33 if so. */
static int fd_closed_check(const char *fd)
{
	return fcntl(atoi(fd), F_GETFD) == -1 && errno == EBADF ? 33 : 34;
}

/* The file tree is writable: create, write, seek, read back, rename, unlink, directories. */
static void test_files(void)
{
	char buf[64], cwd[64];
	struct stat st;
	int fd, fd2;

	CHECK(mkdir("/tmp", 0777) == 0 || errno == EEXIST);
	fd = open("/tmp/ut_file", O_CREAT | O_EXCL | O_RDWR, 0666);
	CHECK(fd >= 0);
	CHECK(open("/tmp/ut_file", O_CREAT | O_EXCL | O_RDWR, 0666) == -1 && errno == EEXIST);
	CHECK(write(fd, "hello, world", 12) == 12);
	CHECK(lseek(fd, 0, SEEK_CUR) == 12 && lseek(fd, 7, SEEK_SET) == 7);
	CHECK(read(fd, buf, sizeof(buf)) == 5 && !memcmp(buf, "world", 5));
	CHECK(pwrite(fd, "W", 1, 7) == 1 && pread(fd, buf, 5, 7) == 5 && !memcmp(buf, "World", 5));
	CHECK(lseek(fd, 0, SEEK_CUR) == 12);	/* pread/pwrite leave the position */
	CHECK(fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 12 &&
	      (st.st_mode & 0777) == 0644);	/* 0666 less the umask 022 */
	CHECK(lseek(fd, -1, SEEK_SET) == -1 && errno == EINVAL);
	/* O_APPEND writes at the end wherever the position is */
	fd2 = open("/tmp/ut_file", O_WRONLY | O_APPEND);
	CHECK(fd2 >= 0 && lseek(fd2, 0, SEEK_SET) == 0 && write(fd2, "!", 1) == 1);
	CHECK(close(fd2) == 0 && pread(fd, buf, 13, 0) == 13 && !memcmp(buf, "hello, World!", 13));
	CHECK(read(open("/tmp/ut_file", O_WRONLY), buf, 1) == -1 && errno == EBADF);
	/* rename, and the old name is gone; unlink keeps an open file readable */
	CHECK(rename("/tmp/ut_file", "/tmp/ut_moved") == 0);
	CHECK(stat("/tmp/ut_file", &st) == -1 && errno == ENOENT);
	CHECK(unlink("/tmp/ut_moved") == 0 && unlink("/tmp/ut_moved") == -1 && errno == ENOENT);
	CHECK(pread(fd, buf, 5, 0) == 5 && !memcmp(buf, "hello", 5));
	CHECK(close(fd) == 0);
	/* O_TRUNC */
	fd = open("/tmp/ut_t", O_CREAT | O_WRONLY | O_TRUNC, 0600);
	CHECK(fd >= 0 && write(fd, "abc", 3) == 3 && close(fd) == 0);
	fd = open("/tmp/ut_t", O_WRONLY | O_TRUNC);
	CHECK(fd >= 0 && fstat(fd, &st) == 0 && st.st_size == 0 && close(fd) == 0);
	CHECK(unlink("/tmp/ut_t") == 0);
	/* directories: mkdir, chdir, getcwd, rmdir of a full and an empty one */
	CHECK(mkdir("/tmp/ut_d", 0755) == 0 && mkdir("/tmp/ut_d", 0755) == -1 && errno == EEXIST);
	CHECK(mkdir("/tmp/ut_d/sub", 0755) == 0);
	CHECK(rmdir("/tmp/ut_d") == -1 && errno == ENOTEMPTY);
	CHECK(chdir("/tmp/ut_d/sub") == 0 && getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, "/tmp/ut_d/sub"));
	CHECK(chdir("..") == 0 && getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, "/tmp/ut_d"));
	CHECK(symlink("sub", "link") == 0 && readlink("link", buf, sizeof(buf)) == 3 &&
	      !memcmp(buf, "sub", 3));
	CHECK(lstat("link", &st) == 0 && S_ISLNK(st.st_mode) && stat("link", &st) == 0 &&
	      S_ISDIR(st.st_mode));
	CHECK(unlink("link") == 0 && rmdir("sub") == 0 && unlink("/tmp/ut_d") == -1 && errno == EISDIR);
	CHECK(chdir("/") == 0 && rmdir("/tmp/ut_d") == 0);
	CHECK(access("/usertests", X_OK) == 0 && access("/etc/not-elf", R_OK | W_OK) == 0);
	CHECK(access("/nonexistent", F_OK) == -1 && errno == ENOENT);
	CHECK(open("/tmp/nodir/x", O_CREAT | O_WRONLY, 0600) == -1 && errno == ENOENT);
	CHECK(mkdir("/etc/not-elf/x", 0755) == -1 && errno == ENOTDIR);
}

static volatile sig_atomic_t got_sigpipe;

static void on_sigpipe(int sig)
{
	got_sigpipe = sig;
}

/* Pipes: data in order, EOF when the writers close, EPIPE and SIGPIPE, dup, cloexec. */
static void test_pipes(void)
{
	char big[8192], buf[16];
	int p[2], status;
	pid_t pid;

	CHECK(pipe(p) == 0);
	CHECK(write(p[1], "ping", 4) == 4 && read(p[0], buf, sizeof(buf)) == 4 &&
	      !memcmp(buf, "ping", 4));
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		memset(big, 'x', sizeof(big));
		/* blocks until the parent has read: the ring holds 16K, 3 * 8K does not fit */
		for (int i = 0; i < 3; i++)
			if (write(p[1], big, sizeof(big)) != sizeof(big))
				_exit(1);
		_exit(0);
	}
	close(p[1]);
	{
		long total = 0, n;

		while ((n = read(p[0], big, sizeof(big))) > 0)
			total += n;
		CHECK(n == 0 && total == 3 * (long)sizeof(big));
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(p[0]);
	/* no reader: EPIPE, and SIGPIPE (caught here) */
	CHECK(pipe(p) == 0 && close(p[0]) == 0);
	signal(SIGPIPE, on_sigpipe);
	CHECK(write(p[1], "x", 1) == -1 && errno == EPIPE && got_sigpipe == SIGPIPE);
	signal(SIGPIPE, SIG_DFL);
	close(p[1]);
	/* the default action of SIGPIPE kills the writer */
	CHECK(pipe(p) == 0 && close(p[0]) == 0);
	pid = fork();
	if (pid == 0) {
		write(p[1], "x", 1);
		_exit(0);
	}
	close(p[1]);
	CHECK(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE);
	/* dup2, F_DUPFD above a floor, O_CLOEXEC closes at execve() */
	CHECK(pipe2(p, O_CLOEXEC) == 0);
	CHECK(fcntl(p[0], F_GETFD) == FD_CLOEXEC && fcntl(p[0], F_DUPFD, 20) == 20);
	CHECK(fcntl(20, F_GETFD) == 0 && dup2(p[1], 21) == 21 && dup3(p[1], 21, 0) == 21);
	CHECK(dup3(21, 21, 0) == -1 && errno == EINVAL);
	{
		char fd[8];
		char *argv[] = { "usertests", "--fd-closed", fd, NULL };

		snprintf(fd, sizeof(fd), "%d", p[0]);
		CHECK(exec_child("/usertests", argv, environ) == 33);	/* closed by O_CLOEXEC */
		snprintf(fd, sizeof(fd), "%d", 20);
		CHECK(exec_child("/usertests", argv, environ) == 34);	/* the dup is not */
	}
	CHECK(fcntl(p[0], F_GETFL) == O_RDONLY && fcntl(p[1], F_SETFL, O_NONBLOCK) == 0);
	CHECK(fcntl(p[1], F_GETFL) == (O_WRONLY | O_NONBLOCK));
	CHECK(fcntl(p[0], F_SETFL, O_NONBLOCK) == 0 && read(p[0], buf, 1) == -1 && errno == EAGAIN);
	CHECK(close(p[0]) == 0 && close(p[1]) == 0 && close(20) == 0 && close(21) == 0);
}

static const struct usertest tests[] = {
	{ "fork_exit_status", test_fork_exit_status },
	{ "fork_tree", test_fork_tree },
	{ "fork_storm", test_fork_storm },
	{ "cow_isolation", test_cow_isolation },
	{ "cow_three_sharers", test_cow_three_sharers },
	{ "exec_argv_envp_auxv", test_exec_args },
	{ "exec_errors", test_exec_errors },
	{ "exec_script", test_exec_script },
	{ "segv_child_killed", test_segv_child },
	{ "bad_pointers_efault", test_bad_pointers_efault },
	{ "brk_mmap_munmap_mprotect", test_brk_mmap },
	{ "stack_growth_and_limit", test_stack_growth },
	{ "kill", test_kill },
	{ "vfork", test_vfork },
	{ "clone_settid", test_clone_settid },
	{ "ids_uname_getppid", test_ids },
	{ "orphan_reparented", test_orphan_reparented },
	{ "nanosleep", test_nanosleep },
	{ "itimer_alarm", test_itimer_alarm },
	{ "realtime_clock", test_realtime_clock },
	{ "syslog", test_syslog },
	{ "sendfile", test_sendfile },
	{ "link", test_link },
	{ "sigchld_ignored_autoreap", test_sigchld_ignored_autoreap },
	{ "signal_handlers", test_signal_handlers },
	{ "traps_signal", test_traps_signal },
	{ "poll_open_read_close", test_poll },
	{ "files", test_files },
	{ "pipes", test_pipes },
};

int main(int argc, char **argv, char **envp)
{
	int n_own = sizeof(tests) / sizeof(tests[0]), n = n_own + nr_thread_tests, failed = 0;

	if (argc > 1 && !strcmp(argv[1], "--exec-check"))
		return exec_check(argc, argv, envp);
	if (argc > 2 && !strcmp(argv[1], "--fd-closed"))
		return fd_closed_check(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "--exec-alone"))
		return exec_alone_check(atoi(argv[2]), atoi(argv[3]));
	if (argc > 1 && !strcmp(argv[1], "--brk-check"))
		return brk_check();
	if (argc > 1 && !strcmp(argv[1], "--script"))
		return argc == 4 && !strcmp(argv[2], "/bin/script-test") && !strcmp(argv[3], "arg1") ? 33 : 34;
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("KTAP version 1\n1..1\n");
	printf("    KTAP version 1\n    # Subtest: usertests\n    1..%d\n", n);
	for (int i = 0; i < n; i++) {
		const struct usertest *t = i < n_own ? &tests[i] : &thread_tests[i - n_own];

		failures = 0;
		t->fn();
		printf("    %s %d %s\n", failures ? "not ok" : "ok", i + 1, t->name);
		failed += !!failures;
	}
	printf("%s 1 usertests\n", failed ? "not ok" : "ok");
	fflush(stdout);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return failed ? 1 : 0;
}
