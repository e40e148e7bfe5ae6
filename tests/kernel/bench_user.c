// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmarks of user processes, with tiny hand-written programs
 * (user_util.h) started as pid 1 starts /init:
 *  - syscall_getpid: a null system call, entry_SYSCALL_64 to sysret,
 *    from a program looping over getpid() (a loop of N less a loop of 0);
 *  - fork_exit_wait: fork(), the child's exit(0), the parent's wait4();
 *  - execve_static: kernel_execve() of a one-page static program, from
 *    open to start_thread(), repeated in the same process;
 *  - cow_fault: a child writing pages it shares with its parent after
 *    fork() (the same program with and without the writes).
 * Figures are TSC cycles (under make bench's -icount, a deterministic
 * instruction count) per operation.
 * Linux: tools/testing/selftests (no single counterpart); lmbench's
 * lat_syscall null, lat_proc fork and exec measure the same things.
 */
#include <linux/bench.h>
#include <linux/binfmts.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include "user_util.h"

#define LOOPS		1000
#define FORKS		100
#define EXECS		100
#define COW_PAGES	64

#define LOOP_EBX(n)	0xbb, (n) & 0xff, ((n) >> 8) & 0xff, 0, 0	/* mov $n, %ebx */
#define DEC_EBX_JNZ(back) 0xff, 0xcb, 0x75, (u8)-(back)		/* dec %ebx; jnz */
#define EXIT0		SYS(60), EDI(0), SYSCALL

/* getpid() n times: the loop is 7 bytes, plus 4 of dec/jnz. */
#define GETPID_LOOP(n) { LOOP_EBX(n), SYS(39), SYSCALL, DEC_EBX_JNZ(11), EXIT0 }

/* fork(); child: exit(0); parent: wait4(pid, NULL, 0, NULL); n times. */
#define FORK_LOOP(n) {							\
	LOOP_EBX(n),							\
	SYS(57), SYSCALL,			/* fork */		\
	0x85, 0xc0, 0x75, 12,			/* test %eax; jnz parent */ \
	EXIT0,								\
	0x89, 0xc7, 0x31, 0xf6, 0x31, 0xd2,	/* mov %eax,%edi; xor %esi; xor %edx */ \
	0x4d, 0x31, 0xd2,			/* xor %r10, %r10 */	\
	SYS(61), SYSCALL,			/* wait4 */		\
	DEC_EBX_JNZ(43), EXIT0 }

/*
 * mmap(COW_PAGES pages), write each, fork(); the child writes each page
 * again (@writes), or only reads it, and exits; the parent waits, exits.
 * The difference is COW_PAGES copy-on-write faults (and freeing the
 * copies at the child's exit).
 */
#define COW_PROGRAM(writes) {						\
	SYS(9), 0x31, 0xff,			/* mmap(0, */		\
	0xbe, 0, 0, COW_PAGES / 16, 0,		/*  COW_PAGES pages, */	\
	0xba, 3, 0, 0, 0,			/*  PROT_READ|WRITE, */	\
	0x41, 0xba, 0x22, 0, 0, 0,		/*  MAP_PRIVATE|ANON, */	\
	0x49, 0xc7, 0xc0, 0xff, 0xff, 0xff, 0xff, /* fd -1, */		\
	0x4d, 0x31, 0xc9, SYSCALL,		/*  0) */		\
	0x49, 0x89, 0xc4,			/* mov %rax, %r12 */	\
	0x4c, 0x89, 0xe7, LOOP_EBX(COW_PAGES),	/* mov %r12,%rdi; pages */ \
	0xc6, 0x07, 1, 0x48, 0x81, 0xc7, 0, 0x10, 0, 0, DEC_EBX_JNZ(14), /* touch */ \
	SYS(57), SYSCALL, 0x85, 0xc0, 0x75, 34,	/* fork; parent: skip */ \
	0x4c, 0x89, 0xe7, LOOP_EBX(COW_PAGES),				\
	(writes) ? 0xc6 : 0x80, (writes) ? 0x07 : 0x3f, 2,	/* movb $2 or cmpb $2, (%rdi) */ \
	0x48, 0x81, 0xc7, 0, 0x10, 0, 0, DEC_EBX_JNZ(14),		\
	EXIT0,								\
	0x89, 0xc7, 0x31, 0xf6, 0x31, 0xd2, 0x4d, 0x31, 0xd2,		\
	SYS(61), SYSCALL, EXIT0 }

static const u8 code_getpid_n[] = GETPID_LOOP(LOOPS);
static const u8 code_getpid_0[] = GETPID_LOOP(1);
static const u8 code_fork_n[] = FORK_LOOP(FORKS);
static const u8 code_cow_write[] = COW_PROGRAM(1);
static const u8 code_cow_read[] = COW_PROGRAM(0);

struct bench_exec {
	const char *path;
	int execs;		/* kernel_execve() this many times */
	u64 exec_cycles;
};

static int bench_exec_fn(void *data)
{
	struct bench_exec *be = data;
	const char *argv[] = { be->path, NULL }, *envp[] = { NULL };
	u64 t0 = bench_clock();
	int ret = 0;

	for (int i = 0; i < be->execs && !ret; i++)
		ret = kernel_execve(be->path, argv, envp);
	be->exec_cycles = bench_clock() - t0;
	return ret;
}

/* Cycles from starting @code as a program until it is reaped, or 0. */
static u64 run_program(const char *path, const u8 *code, size_t len, int execs, u64 *exec_cycles)
{
	struct mini_elf elf;
	struct bench_exec be = { .path = path, .execs = execs };
	int status;
	u64 t0;
	pid_t pid;

	if (vfs_create_file(path, 0755, &elf, make_elf(&elf, code, len)))
		return 0;
	t0 = bench_clock();
	pid = user_mode_thread(bench_exec_fn, &be, SIGCHLD);
	if (pid < 0 || kernel_wait(pid, &status) != pid || status)
		return 0;
	if (exec_cycles)
		*exec_cycles = be.exec_cycles;
	return bench_clock() - t0;
}

static int bench_user(void)
{
	u64 n, one, exec_cycles = 0, wr, rd;

	n = run_program("/bench_getpid", code_getpid_n, sizeof(code_getpid_n), 1, NULL);
	one = run_program("/bench_getpid1", code_getpid_0, sizeof(code_getpid_0), 1, NULL);
	if (!n || !one || n < one)
		return -EINVAL;
	bench_report("syscall_getpid", (n - one) / (LOOPS - 1), "cycles");

	n = run_program("/bench_fork", code_fork_n, sizeof(code_fork_n), 1, NULL);
	if (!n)
		return -EINVAL;
	bench_report("fork_exit_wait", (n - one) / FORKS, "cycles");

	if (!run_program("/bench_exec", code_getpid_0, sizeof(code_getpid_0), EXECS, &exec_cycles))
		return -EINVAL;
	bench_report("execve_static", exec_cycles / EXECS, "cycles");

	wr = run_program("/bench_cow_w", code_cow_write, sizeof(code_cow_write), 1, NULL);
	rd = run_program("/bench_cow_r", code_cow_read, sizeof(code_cow_read), 1, NULL);
	if (!wr || !rd || wr < rd)
		return -EINVAL;
	bench_report("cow_fault", (wr - rd) / COW_PAGES, "cycles");
	return 0;
}
DEFINE_BENCH(user, bench_user);
