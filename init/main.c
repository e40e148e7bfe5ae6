// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel(): the generic boot sequence, in Linux's order. The boot
 * CPU runs it as pid 0 on the boot stack; rest_init() then creates pid 1
 * (kernel_init) and pid 2 (kthreadd), and pid 0 becomes the idle task.
 * Linux: init/main.c
 */
#include <kunit/test.h>
#include <linux/bench.h>
#include <linux/binfmts.h>
#include <linux/completion.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/futex.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/printer.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/params.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/shell.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/timekeeping.h>
#include <linux/timer.h>
#include <linux/start_kernel.h>
#include <linux/tty.h>
#include <linux/vmalloc.h>
#include <generated/compile.h>
#include <asm/processor.h>
#include <asm/qemu.h>
#include <asm/setup.h>
#include <asm/time.h>

const char linux_banner[] =
	"Spindle version " SPINDLE_VERSION " (" SPINDLE_COMPILE_BY ") ("
	SPINDLE_COMPILER ") #" SPINDLE_BUILD "\n";

enum system_states system_state = SYSTEM_BOOTING;
static char *command_line;
static DECLARE_COMPLETION(kthreadd_done);
extern struct task_struct *child_reaper;


/* Milliseconds since the kernel's entry: boot timing figures in the log. */
static unsigned long uptime_ms(void)
{
	return (unsigned long)(local_clock() / 1000000);
}

static void __init mm_init(void)
{
	mem_init();
	kmem_cache_init();
	vmalloc_init();
}

/* Boot parameters for user space (Linux's rdinit=, init=, and after "--"). */
#define MAX_INIT_ARGS	32
#define MAX_INIT_ENVS	32
static const char *ramdisk_execute_command = "/init";
static const char *execute_command;
static const char *argv_init[MAX_INIT_ARGS + 2] = { "init", NULL, };
static const char *envp_init[MAX_INIT_ENVS + 2] = { "HOME=/", "TERM=linux", NULL, };

static int __init rdinit_setup(char *str)
{
	ramdisk_execute_command = str;
	return 0;
}
__setup("rdinit", rdinit_setup);

static int __init init_setup(char *str)
{
	execute_command = str;
	return 0;
}
__setup("init", init_setup);

/**
 * set_init_arg - hand a command-line word after "--" to init as an argument
 * @param: the word
 * Linux: set_init_arg() in init/main.c
 */
void set_init_arg(char *param)
{
	int i;

	for (i = 1; argv_init[i]; i++)
		;
	if (i > MAX_INIT_ARGS) {
		pr_warn("Too many boot init vars at `%s'\n", param);
		return;
	}
	argv_init[i] = param;
	argv_init[i + 1] = NULL;
}

/* fds 0, 1, 2 of pid 1 (and so of every process): /dev/console. Linux: console_on_rootfs() */
static void console_on_rootfs(void)
{
	int err;
	struct file *file;

	/* The serial port's receive interrupt: user space reads the console. */
	tty_init();
	file = filp_open("/dev/console", O_RDWR, &err);

	if (!file) {
		pr_err("Warning: unable to open an initial console.\n");
		return;
	}
	for (int fd = 0; fd < 3; fd++)
		replace_fd(fd, fd ? get_file(file) : file);
}

/* Linux: run_init_process() */
static int run_init_process(const char *init_filename)
{
	argv_init[0] = init_filename;
	pr_info("Run %s as init process\n", init_filename);
	return kernel_execve(init_filename, argv_init, envp_init);
}

/*
 * pid 1. With an initramfs holding rdinit= (default /init), or with
 * init=, it becomes that program, as Linux's pid 1 does: kernel_init()
 * returns 0 and ret_from_fork enters user mode. Otherwise it runs the
 * in-kernel tests or the boot demo and the spindle# shell, then reaps
 * orphans.
 * Linux: kernel_init() / kernel_init_freeable()
 */
static int kernel_init(void *unused)
{
	int ret, err;

	/* kthreadd must exist before anyone creates a kthread. */
	wait_for_completion(&kthreadd_done);
	set_task_comm(current, "init");	/* Linux's pid 1 gets its name from exec */
	child_reaper = current;
	smp_prepare_cpus(NR_CPUS);
	smp_init();
	current->signal->flags |= SIGNAL_UNKILLABLE;
	/* rest_init() left us on the boot CPU (init_task's mask): any CPU now. */
	set_cpus_allowed_ptr(current, cpu_possible_mask);
	system_state = SYSTEM_RUNNING;

	lkdtm_run();
	if (bench_enabled())
		qemu_exit(bench_run_all() ? QEMU_EXIT_FAILURE : QEMU_EXIT_SUCCESS);
	if (kunit_enabled()) {
		int failed = kunit_run_all_tests();

		/* What the suites taught the validator, and that it is still on. */
		lockdep_stats_show(&printk_printer);

		qemu_exit(failed ? QEMU_EXIT_FAILURE : QEMU_EXIT_SUCCESS);
	}

	populate_rootfs();
	console_on_rootfs();
	if (ramdisk_execute_command) {
		struct dentry *d = lookup_path(ramdisk_execute_command, true, &err);

		if (!d)
			ramdisk_execute_command = NULL;
		dput(d);
	}
	if (ramdisk_execute_command) {
		ret = run_init_process(ramdisk_execute_command);
		if (!ret)
			return 0;
		pr_err("Failed to execute %s (error %d)\n", ramdisk_execute_command, ret);
	}
	if (execute_command) {
		ret = run_init_process(execute_command);
		if (!ret)
			return 0;
		panic("Requested init %s failed (error %d).", execute_command, ret);
	}

	boot_demo();
	pr_info("Spindle: boot finished in %lu ms\n", uptime_ms());
	shell_init();
	for (;;) {
		/* An init reaps whatever is orphaned to it. */
		while (kernel_wait(-1, NULL) > 0)
			;
		wait_for_zombie_child();
	}
}

/*
 * Create pid 1 and pid 2, then become the idle task. pid 1 is created
 * first so it gets number 1, but it waits until kthreadd exists.
 * Linux: rest_init()
 */
static __noreturn void rest_init(void)
{
	pid_t pid;

	pid = user_mode_thread(kernel_init, NULL, CLONE_FS);
	BUG_ON(pid != 1);
	pid = kernel_thread(kthreadd, NULL, NULL, CLONE_FS | CLONE_FILES);
	BUG_ON(pid != 2);
	kthreadd_task = find_task_by_pid(pid);
	system_state = SYSTEM_SCHEDULING;
	complete(&kthreadd_done);
	/* The boot task is now the idle task: let the others run. */
	schedule_preempt_disabled();
	cpu_startup_entry();
}

/**
 * start_kernel - bring the kernel up
 *
 * Never returns: the boot CPU ends in its idle loop.
 * Linux: start_kernel() in init/main.c
 */
void __init start_kernel(void)
{
	boot_cpu_init();
	pr_notice("%s", linux_banner);
	setup_arch(&command_line);
	pr_notice("Kernel command line: %s\n", command_line);
	mm_init();
	parse_late_param(command_line);
	sched_init();
	fork_init();
	futex_init();
	pid_idr_init();
	init_IRQ();
	init_timers();
	call_function_init();
	time_init();
	timekeeping_init();
	pr_info("start_kernel: reached at %lu ms after entry\n", uptime_ms());
	local_irq_enable();
	preempt_disable();
	rest_init();
}
