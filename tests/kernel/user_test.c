// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "user": user processes from the kernel side. Each case
 * writes a tiny static ELF executable (one PT_LOAD segment holding a few
 * instructions) into the file tree, starts a task that kernel_execve()s
 * it, as pid 1 execs /init, and reaps it. Covered: ring 3 and back
 * through `syscall`/`sysret`, exit status words, a user page fault that
 * kills only its process (with Linux's segfault line), -EFAULT for bad
 * user pointers, bad ELF files refused with -ENOEXEC before the point of
 * no return, and a user fork() (kernel_clone() without fn, copy_mm()
 * duplicating the mm copy-on-write) with an allocation failure injected
 * at every step of copy_process(), each unwinding to the baseline:
 * task, slab, vmalloc, mm_struct, free pages.
 * Linux: fs/binfmt_elf.c, kernel/fork.c (LTP's execve and fork tests)
 */
#include <kunit/test.h>
#include <linux/binfmts.h>
#include <linux/elf.h>
#include <linux/fault-inject.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kallsyms.h>
#include <linux/mm.h>
#include <linux/printer.h>
#include <linux/sched/debug.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <linux/trace.h>
#include <linux/uaccess.h>
#include <asm/processor.h>
#include <asm/traps.h>
#include "test_util.h"
#include "user_util.h"

static const u8 code_exit7[] = { SYS(60), EDI(7), SYSCALL };
static const u8 code_getpid_exit[] = {
	SYS(39), SYSCALL, 0x89, 0xc7 /* mov %eax, %edi */, SYS(60), SYSCALL,
};
static const u8 code_segv[] = {
	0xc7, 0x04, 0x25, 0x10, 0, 0, 0, 1, 0, 0, 0,		/* movl $1, 0x10 */
	0xeb, 0xfe,						/* jmp . */
};
/* exit(-write(1, @addr, 5)): the exit code is the errno. */
#define CODE_WRITE_EXIT(a0, a1, a2, a3, a4, a5, a6, a7) {		\
	SYS(1), EDI(1),							\
	0x48, 0xbe, a0, a1, a2, a3, a4, a5, a6, a7,	/* movabs $addr, %rsi */ \
	0xba, 5, 0, 0, 0,				/* mov $5, %edx */	\
	SYSCALL,							\
	0x89, 0xc7, 0xf7, 0xdf,				/* mov %eax, %edi; neg %edi */ \
	SYS(60), SYSCALL }
static const u8 code_write_null[] = CODE_WRITE_EXIT(0x10, 0, 0, 0, 0, 0, 0, 0);
static const u8 code_write_kernel[] =
	CODE_WRITE_EXIT(0, 0, 0x10, 0x80, 0xff, 0xff, 0xff, 0xff);	/* _text */
static const u8 code_write_unmapped[] =
	CODE_WRITE_EXIT(0, 0, 0, 0x10, 0, 0, 0, 0);		/* 0x10000000 */
static const u8 code_unknown_syscall[] = {
	0xb8, 0xe7, 0x03, 0, 0, SYSCALL,			/* syscall 999 */
	0x89, 0xc7, 0xf7, 0xdf, SYS(60), SYSCALL,
};

static pid_t last_pid_seen;	/* the pid of run_code()'s last program */

struct exec_req {
	const char *path;
	int ret;		/* kernel_execve()'s result */
	/* fork injection, done by the new process before it enters user mode */
	struct fault_attr *attr;
	void *priv;		/* a case's own results */
	int injected, unwound_ok;
	int after_copy_mm;	/* failures in alloc_pid(): bad_fork_cleanup_mm's mmput() */
	int last_status;
	bool done;
};

static int exec_fn(void *data)
{
	struct exec_req *req = data;
	static const char *const envp[] = { "HOME=/", NULL };
	const char *argv[] = { req->path, NULL };
	struct file *console = file_alloc("console");

	/* fd 1 writes to the console, as init's would (no /dev in KUnit boots). */
	if (console) {
		console->f_op = &tty_fops;
		console->f_mode = FMODE_READ | FMODE_WRITE;
		replace_fd(1, console);
	}
	req->ret = kernel_execve(req->path, argv, envp);
	return req->ret;	/* 0: ret_from_fork enters the program */
}

/* Run @code as a program; its wait status, or a negative errno of exec. */
static int run_code(struct kunit *test, const char *path, const u8 *code, size_t len)
{
	struct mini_elf elf;
	struct exec_req req = { .path = path };
	int status = -1;
	pid_t pid;

	KUNIT_ASSERT_EQ(test, vfs_create_file(path, 0755, &elf, make_elf(&elf, code, len)), 0);
	pid = user_mode_thread(exec_fn, &req, SIGCHLD);
	KUNIT_ASSERT_GT(test, pid, 0);
	WRITE_ONCE(last_pid_seen, pid);
	KUNIT_ASSERT_EQ(test, kernel_wait(pid, &status), pid);
	return req.ret ? req.ret : status;
}

/* Ring 3 and back: getpid() in user mode, its value as the exit code. */
static void user_test_getpid_exit_status(struct kunit *test)
{
	struct mini_elf elf;
	struct exec_req req = { .path = "/ut_getpid" };
	int status;
	pid_t pid;

	vfs_create_file(req.path, 0755, &elf, make_elf(&elf, code_getpid_exit,
						       sizeof(code_getpid_exit)));
	pid = user_mode_thread(exec_fn, &req, SIGCHLD);
	KUNIT_ASSERT_GT(test, pid, 0);
	KUNIT_ASSERT_EQ(test, kernel_wait(pid, &status), pid);
	KUNIT_EXPECT_EQ(test, req.ret, 0);
	/* exit(n) reads as n << 8 (WIFEXITED, WEXITSTATUS == n). */
	KUNIT_EXPECT_EQ(test, status, (pid & 0xff) << 8);
	KUNIT_EXPECT_EQ(test, run_code(test, "/ut_exit7", code_exit7, sizeof(code_exit7)), 7 << 8);
}

/* An exec is traced (sched_process_exec), with Linux's fields. */
static void user_test_exec_traced(struct kunit *test)
{
	unsigned long from = trace_head;
	int found = 0;
	char want[64];
	pid_t pid;

	KUNIT_ASSERT_EQ(test, trace_set_events("sched_process_exec", true), 0);
	KUNIT_EXPECT_EQ(test, run_code(test, "/ut_trace", code_exit7, sizeof(code_exit7)), 7 << 8);
	trace_set_events("sched_process_exec", false);
	pid = READ_ONCE(last_pid_seen);
	snprintf(want, sizeof(want), "filename=/ut_trace pid=%d old_pid=%d", pid, pid);
	for (unsigned long i = from; i != trace_head; i++) {
		struct trace_entry *e = &trace_buffer[i % TRACE_ENTRIES];

		if (e->id == TRACE_sched_process_exec && !strcmp(e->text, want))
			found++;
	}
	KUNIT_EXPECT_EQ(test, found, 1);
}

/* A load from the address in arg (EXC_PROBE(), test_util.h). */
EXC_PROBE(smap_probe_read, "", "movq (%rdi), %rax");

struct smap_result {
	struct probe_result probe;
	unsigned long user_word;	/* the same word through copy_from_user() */
};

/* After exec: the kernel reads the program's first word directly, then properly. */
static int smap_fn(void *data)
{
	struct exec_req *req = data;
	struct smap_result *r = req->priv;
	int ret = exec_fn(data);

	if (ret)
		return ret;
	run_probe(smap_probe_read, smap_probe_read_range, BLOB_BASE, X86_TRAP_PF, &r->probe);
	if (copy_from_user(&r->user_word, (const void __user *)BLOB_BASE, sizeof(r->user_word)))
		r->user_word = 0;
	return 0;
}

/*
 * With SMAP (boot with -cpu max: kunit_user_smap), a kernel load from a
 * mapped user page outside stac/clac faults (and only a test's expected
 * fault is fixed up: anything else oopses), while copy_from_user() of
 * the same word works. Without SMAP, the case is skipped.
 */
static void user_test_smap_catches_kernel_access(struct kunit *test)
{
	struct smap_result r = { 0 };
	struct mini_elf elf;
	struct exec_req req = { .path = "/ut_smap", .priv = &r };
	int status;
	pid_t pid;

	if (!x86_smap_enabled)
		kunit_skip(test, "the CPU has no SMAP (the kunit_user_smap boot uses -cpu max)");
	KUNIT_EXPECT_TRUE(test, read_cr4() & X86_CR4_SMAP);
	KUNIT_EXPECT_TRUE(test, read_cr4() & X86_CR4_SMEP);
	vfs_create_file(req.path, 0755, &elf, make_elf(&elf, code_exit7, sizeof(code_exit7)));
	pid = user_mode_thread(smap_fn, &req, SIGCHLD);
	KUNIT_ASSERT_GT(test, pid, 0);
	KUNIT_ASSERT_EQ(test, kernel_wait(pid, &status), pid);
	KUNIT_EXPECT_EQ(test, status, 7 << 8);
	KUNIT_EXPECT_EQ(test, r.probe.hits, 1);
	KUNIT_EXPECT_EQ(test, r.probe.ret, PROBE_SKIPPED);
	KUNIT_EXPECT_EQ(test, r.probe.vector, X86_TRAP_PF);
	/* A present page, read by the kernel: PROT, neither WRITE nor USER. */
	KUNIT_EXPECT_EQ(test, r.probe.error_code, X86_PF_PROT);
	KUNIT_EXPECT_EQ(test, r.probe.cr2, BLOB_BASE);
	KUNIT_EXPECT_EQ(test, r.user_word, *(unsigned long *)&elf);
}

/* After exec, still in the kernel: list the tasks, then run the program. */
static int ps_fn(void *data)
{
	int ret = exec_fn(data);

	if (!ret)
		show_tasks(&printk_printer);
	return ret;
}

/* ps shows a user process by its name, a kthread in brackets. */
static void user_test_ps_lists_user_process(struct kunit *test)
{
	struct mini_elf elf;
	struct exec_req req = { .path = "/ut_ps" };
	char mine[64];
	int status;
	pid_t pid;

	vfs_create_file(req.path, 0755, &elf, make_elf(&elf, code_exit7, sizeof(code_exit7)));
	pid = user_mode_thread(ps_fn, &req, SIGCHLD);
	KUNIT_ASSERT_GT(test, pid, 0);
	KUNIT_ASSERT_EQ(test, kernel_wait(pid, &status), pid);
	KUNIT_EXPECT_EQ(test, status, 7 << 8);
	/* "  PID  PPID STATE FLAGS    COMM": pid, parent (us), ..., ut_ps */
	snprintf(mine, sizeof(mine), "%5d %5d ", pid, task_pid_nr(current));
	KUNIT_EXPECT_TRUE(test, log_has(mine, 64));
	KUNIT_EXPECT_TRUE(test, log_has(" ut_ps", 64));
	KUNIT_EXPECT_FALSE(test, log_has("[ut_ps]", 64));
	KUNIT_EXPECT_TRUE(test, log_has("[kthreadd]", 64));
}

/* A write to address 0x10 kills only that process, with SIGSEGV and Linux's line. */
static void user_test_segfault_kills_process(struct kunit *test)
{
	unsigned long mms = nr_mm_structs();
	int status = run_code(test, "/ut_segv", code_segv, sizeof(code_segv));

	KUNIT_EXPECT_EQ(test, status, SIGSEGV);		/* WIFSIGNALED, no core */
	KUNIT_EXPECT_TRUE(test, log_has("ut_segv[", 4));
	KUNIT_EXPECT_TRUE(test, log_has("]: segfault at 10 ip 0000000000400078 sp ", 4));
	KUNIT_EXPECT_TRUE(test, log_has(" error 6 in ut_segv[400000+1000]", 4));
	/* The kernel is fine, and the process's address space is gone. */
	KUNIT_EXPECT_TRUE(test, wait_for_dead_tasks(1000));
	KUNIT_EXPECT_EQ(test, nr_mm_structs(), mms);
}

/* Bad user pointers: -EFAULT, never an oops; unknown calls: -ENOSYS. */
static void user_test_bad_pointers_efault(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, run_code(test, "/ut_efault1", code_write_null,
				       sizeof(code_write_null)), EFAULT << 8);
	KUNIT_EXPECT_EQ(test, run_code(test, "/ut_efault2", code_write_kernel,
				       sizeof(code_write_kernel)), EFAULT << 8);
	KUNIT_EXPECT_EQ(test, run_code(test, "/ut_efault3", code_write_unmapped,
				       sizeof(code_write_unmapped)), EFAULT << 8);
	KUNIT_EXPECT_EQ(test, run_code(test, "/ut_enosys", code_unknown_syscall,
				       sizeof(code_unknown_syscall)), ENOSYS << 8);
}

/* Files that are not static x86-64 ELF executables: -ENOEXEC, -EACCES. */
static void user_test_bad_elf_enoexec(struct kunit *test)
{
	struct mini_elf elf;
	struct exec_req req = { .path = "/ut_badelf" };
	int status;
	pid_t pid;

	make_elf(&elf, code_exit7, sizeof(code_exit7));
	elf.eh.e_machine = 3;	/* EM_386 */
	KUNIT_ASSERT_EQ(test, vfs_create_file(req.path, 0755, &elf, sizeof(elf)), 0);
	pid = user_mode_thread(exec_fn, &req, SIGCHLD);
	KUNIT_ASSERT_GT(test, pid, 0);
	KUNIT_ASSERT_EQ(test, kernel_wait(pid, &status), pid);
	/* Refused before the point of no return: exec_fn returned the error. */
	KUNIT_EXPECT_EQ(test, req.ret, -ENOEXEC);
	KUNIT_EXPECT_EQ(test, status, -ENOEXEC);

	make_elf(&elf, code_exit7, sizeof(code_exit7));
	elf.ph.p_filesz = 1 << 20;	/* beyond the end of the file */
	vfs_create_file(req.path, 0755, &elf, sizeof(elf));
	req.ret = 0;
	pid = user_mode_thread(exec_fn, &req, SIGCHLD);
	KUNIT_ASSERT_GT(test, pid, 0);
	KUNIT_ASSERT_EQ(test, kernel_wait(pid, &status), pid);
	KUNIT_EXPECT_EQ(test, req.ret, -ENOEXEC);

	/* Not executable: -EACCES; missing: -ENOENT. */
	make_elf(&elf, code_exit7, sizeof(code_exit7));
	vfs_create_file("/ut_noexec", 0644, &elf, sizeof(elf));
	req.path = "/ut_noexec";
	pid = user_mode_thread(exec_fn, &req, SIGCHLD);
	KUNIT_ASSERT_GT(test, pid, 0);
	KUNIT_ASSERT_EQ(test, kernel_wait(pid, &status), pid);
	KUNIT_EXPECT_EQ(test, req.ret, -EACCES);
	req.path = "/ut_missing";
	pid = user_mode_thread(exec_fn, &req, SIGCHLD);
	KUNIT_ASSERT_GT(test, pid, 0);
	KUNIT_ASSERT_EQ(test, kernel_wait(pid, &status), pid);
	KUNIT_EXPECT_EQ(test, req.ret, -ENOENT);
}

#define MAX_USER_INJECT	64

static bool in_function(unsigned long addr, const char *func)
{
	unsigned long start = kallsyms_lookup_name(func), size, off;

	return start && kallsyms_lookup_size_offset(start, &size, &off) &&
	       addr >= start && addr < start + size;
}

/*
 * In the new process, after exec, still in the kernel: fork it (no fn:
 * a user fork of the registers exec set up) with the nth allocation of
 * copy_process() failing, n = 1, 2, ... until one goes through. Each
 * failed fork must leave memory exactly as it found it.
 */
static int inject_fn(void *data)
{
	struct exec_req *req = data;
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };
	int ret = exec_fn(data);

	if (ret)
		return ret;
	/* One fork first: the slabs and page tables it needs exist from now on. */
	if (kernel_wait(kernel_clone(&args), &req->last_status) < 0)
		return -1;
	for (unsigned long n = 1; n <= MAX_USER_INJECT; n++) {
		struct mem_snapshot base;
		unsigned long free_pages, mms;
		pid_t pid;

		mem_snapshot_take(&base);
		free_pages = nr_free_pages();
		mms = nr_mm_structs();
		if (!fail_nth_alloc_in(req->attr, "copy_process", n))
			return -1;
		pid = kernel_clone(&args);
		fault_attr_disarm(req->attr);
		if (!fault_attr_failures(req->attr)) {
			if (pid > 0 && kernel_wait(pid, &req->last_status) == pid)
				req->done = true;
			break;
		}
		req->injected++;
		if (in_function(req->attr->fail_site_callee, "alloc_pid"))
			req->after_copy_mm++;
		if (pid == -ENOMEM && mem_settles_to(&base, 2000) && nr_free_pages() == free_pages &&
		    nr_mm_structs() == mms)
			req->unwound_ok++;
		else if (pid > 0)
			kernel_wait(pid, NULL);
	}
	return 0;	/* now into user mode: exit(7) */
}

static int run_inject(struct kunit *test, struct fault_attr *attr, const char *path)
{
	struct mini_elf elf;
	struct exec_req req = { .path = path, .attr = attr };
	int status;
	pid_t pid;

	if (vfs_create_file(path, 0755, &elf, make_elf(&elf, code_exit7, sizeof(code_exit7)))) {
		KUNIT_FAIL(test, "cannot create %s", path);
		return 0;
	}
	pid = user_mode_thread(inject_fn, &req, SIGCHLD);
	KUNIT_EXPECT_GT(test, pid, 0);
	if (pid <= 0 || kernel_wait(pid, &status) != pid)
		return 0;
	kunit_info(test, "%s: %d allocations failed in turn, %d unwound to the baseline",
		   attr->name, req.injected, req.unwound_ok);
	KUNIT_EXPECT_EQ(test, req.ret, 0);
	KUNIT_EXPECT_EQ(test, status, 7 << 8);		/* the process itself */
	KUNIT_EXPECT_TRUE(test, req.done);		/* the last fork went through */
	KUNIT_EXPECT_EQ(test, req.last_status, 7 << 8);	/* ... and its child ran */
	KUNIT_EXPECT_GT(test, req.injected, 0);
	KUNIT_EXPECT_EQ(test, req.unwound_ok, req.injected);
	return req.after_copy_mm;
}

/* Every slab allocation of a user fork: task, mm_struct, VMAs, sighand... */
static void user_test_fork_enomem_each_step_unwinds(struct kunit *test)
{
	int after = run_inject(test, &failslab, "/ut_inject_slab");

	/* alloc_pid() fails after copy_mm(): the copied mm went through mmput(). */
	KUNIT_EXPECT_GT(test, after, 0);
}

/* Every page allocation of a user fork: stack pages, PGD, page tables. */
static void user_test_fork_enomem_pages_unwind(struct kunit *test)
{
	run_inject(test, &fail_page_alloc, "/ut_inject_pages");
}

static struct kunit_case user_cases[] = {
	KUNIT_CASE(user_test_getpid_exit_status),
	KUNIT_CASE(user_test_exec_traced),
	KUNIT_CASE(user_test_ps_lists_user_process),
	KUNIT_CASE(user_test_smap_catches_kernel_access),
	KUNIT_CASE(user_test_segfault_kills_process),
	KUNIT_CASE(user_test_bad_pointers_efault),
	KUNIT_CASE(user_test_bad_elf_enoexec),
	KUNIT_CASE(user_test_fork_enomem_each_step_unwinds),
	KUNIT_CASE(user_test_fork_enomem_pages_unwind),
	{}
};

static struct kunit_suite user_suite = {
	.name = "user",
	.test_cases = user_cases,
};
kunit_test_suite(user_suite);
