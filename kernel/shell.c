// SPDX-License-Identifier: GPL-2.0
/*
 * spindle# : a small shell on the serial console, to drive the kthread
 * API by hand once boot is over: spawn threads, park, bind, renice, stop
 * and kill them, run a kthread worker, trace the scheduler, read the
 * log, look at memory, run the KUnit suites.
 *
 * The shell is a kthread, spindle_sh, that pid 1 starts after the boot
 * demo. A kthread rather than pid 1 itself, so that init keeps its one
 * job (reaping what is orphaned to it), and so that the shell is one more
 * child of kthreadd in ps, made by the very path it lets you explore.
 *
 * Input comes raw from kernel/tty.c, by interrupt; the shell edits the
 * line itself, as a user-space readline would: printable characters are
 * echoed, Backspace or DEL erase, Ctrl-U kills the line, Ctrl-C abandons
 * it, the Up and Down arrows walk the last SHELL_HISTORY lines. A line
 * is never cut or changed behind the user's back: one too long, or with
 * bytes that are not printable ASCII, is refused with an error. The line
 * being typed lives in the tty (tty_edit_*()), so that a printk() line
 * arriving meanwhile, say from a thread that dies, is shown above the
 * prompt and the line, which are drawn again below it.
 *
 * Replies, and the tables of ps, cpus, mem, trace show and dmesg, go to the
 * console as plain text (&console_printer), not into the kernel log, as a
 * user-space command's output would. What runs in other threads (a work
 * item, KUnit's KTAP) prints through printk(), with timestamps. Every
 * error is one line starting "spindle: ", followed by the prompt.
 *
 * stop and park wait for another thread to act. They do so in a helper
 * kthread, sh_stop/PID or sh_park/PID, and the shell gives up waiting
 * after SHELL_WAIT_MS: a thread that never checks kthread_should_stop()
 * must not take the shell with it. A helper is a kthread like any other
 * and takes a pid: that is the gap in the pids of later spawns.
 *
 * Locking: all state here belongs to the shell thread, except that the
 * work function of a shell worker runs in that worker's thread and
 * touches only its own shell_workers[] entry, which outlives the worker.
 * No Linux counterpart: Linux runs its shell in user space. The nearest
 * thing in the kernel is the magic SysRq handler (drivers/tty/sysrq.c),
 * which this copies in raising the console loglevel while it prints.
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/bench.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/nodemask.h>
#include <linux/pid.h>
#include <linux/printer.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/shell.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/trace.h>
#include <linux/topology.h>
#include <linux/tty.h>
#include <linux/vmalloc.h>
#include <asm/qemu.h>

#define SHELL_PROMPT		"spindle# "
#define SHELL_LINE_MAX		128	/* bytes of a line, with its NUL */
#define SHELL_HISTORY		16	/* lines the arrows can recall */
#define SHELL_MAX_ARGS		8	/* words of a line, the command's included */
#define SHELL_SPAWN_MAX		64
#define SHELL_NAME_MAX		32	/* of a spawned thread or a worker */
#define SHELL_TASK_NAME_MAX	64	/* a task's name as ps shows it (kthreads: in full) */
#define SHELL_ERROR_MAX		256	/* one error line */
#define SHELL_HELP_LEFT		48	/* "name usage" in help */
#define SHELL_EVENTS_MAX	256	/* " sched_switch sched_wakeup ...": the known events */
#define SHELL_NR_WORKERS	8
#define SHELL_WAIT_MS		3000	/* how long stop and park wait */

#define CTRL(c)		((c) & 0x1f)
#define KEY_ESC		0x1b
#define KEY_DEL		0x7f

/* ---- output ---- */

/* Say no: one line, "spindle: " and why. */
static __printf(1, 2) void shell_error(const char *fmt, ...)
{
	char msg[SHELL_ERROR_MAX];
	va_list args;

	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	tty_printf("spindle: %s\n", msg);
}

/* " (EBUSY)" after a negative errno, so replies read like strace. */
static const char *errno_suffix(int ret)
{
	switch (ret) {
	case -EPERM:	return " (EPERM)";
	case -ESRCH:	return " (ESRCH)";
	case -EINTR:	return " (EINTR)";
	case -ENOMEM:	return " (ENOMEM)";
	case -EBUSY:	return " (EBUSY)";
	case -EEXIST:	return " (EEXIST)";
	case -EINVAL:	return " (EINVAL)";
	case -ENOSYS:	return " (ENOSYS)";
	}
	return "";
}

/* ---- the line editor ---- */

static char history[SHELL_HISTORY][SHELL_LINE_MAX];
static unsigned int history_count;	/* lines ever added */

/* The @back-th newest line of the history (1: the last one entered). */
static const char *history_line(unsigned int back)
{
	return history[(history_count - back) % SHELL_HISTORY];
}

static unsigned int history_len(void)
{
	return min(history_count, (unsigned int)SHELL_HISTORY);
}

/* Remember @line, unless it is empty or repeats the last one. */
static void history_add(const char *line)
{
	if (!line[0] || (history_count && !strcmp(history_line(1), line)))
		return;
	strscpy(history[history_count % SHELL_HISTORY], line, SHELL_LINE_MAX);
	history_count++;
}

enum { ESC_NONE, ESC_START, ESC_CSI };

/*
 * Read one line into @line (SHELL_LINE_MAX bytes), editing it as typed,
 * after the prompt. Enter is '\r' from a terminal, '\n' from a pipe, or
 * both: the '\n' of a "\r\n" pair is dropped, so it never submits an
 * extra empty line. An escape sequence (ESC [ or ESC O, parameters, a
 * final byte) is read whole; only Up and Down mean something. A lone
 * Escape key eats the character typed after it. A character the line has
 * no room for, or a byte that is not printable ASCII, is not taken; Enter
 * then refuses the line with an error rather than run what is left.
 * Return: the line's length, or -1 if it was abandoned (Ctrl-C) or refused.
 */
static int shell_readline(char *line)
{
	static char saved[SHELL_LINE_MAX];	/* the line typed before browsing */
	static bool after_cr;
	unsigned int back = 0;			/* 0: editing; n: history_line(n) shown */
	int esc = ESC_NONE, too_long = 0, bad = 0, first_bad = 0;

	tty_edit_begin(SHELL_PROMPT, line, SHELL_LINE_MAX);
	for (;;) {
		int c = tty_read_char();
		bool was_cr = after_cr;

		after_cr = c == '\r';
		if (c == '\n' && was_cr)
			continue;
		if (esc == ESC_START) {
			esc = (c == '[' || c == 'O') ? ESC_CSI : ESC_NONE;
			continue;
		}
		if (esc == ESC_CSI) {
			if (c < 0x40 || c > 0x7e)
				continue;	/* a parameter byte */
			esc = ESC_NONE;
			if (c == 'A' && back < history_len()) {
				if (back == 0)
					strscpy(saved, line, sizeof(saved));
				back++;
				tty_edit_replace(history_line(back));
			} else if (c == 'B' && back > 0) {
				back--;
				tty_edit_replace(back ? history_line(back) : saved);
			}
			continue;
		}
		switch (c) {
		case '\r':
		case '\n':
			tty_edit_end("\n");
			if (too_long) {
				shell_error("line too long (at most %d characters): not run",
					    SHELL_LINE_MAX - 1);
				return -1;
			}
			if (bad) {
				shell_error("%d byte%s not printable ASCII (the first: 0x%02x): not run",
					    bad, bad > 1 ? "s are" : " is", first_bad);
				return -1;
			}
			return strlen(line);
		case CTRL('C'):
			tty_edit_end("^C\n");
			return -1;
		case CTRL('U'):
			tty_edit_replace("");
			too_long = bad = 0;
			break;
		case '\b':
		case KEY_DEL:
			tty_edit_erase();
			break;
		case KEY_ESC:
			esc = ESC_START;
			break;
		default:
			if (c >= ' ' && c < KEY_DEL) {
				if (!tty_edit_append((char)c))
					too_long++;
			} else if (!bad++) {
				first_bad = c;
			}
			break;
		}
	}
}

/* Split @line in place into words. Return: how many, or -E2BIG. */
static int shell_split(char *line, char **argv)
{
	int argc = 0;
	char *p = line;

	for (;;) {
		while (*p == ' ')
			p++;
		if (!*p)
			return argc;
		if (argc == SHELL_MAX_ARGS)
			return -E2BIG;
		argv[argc++] = p;
		while (*p && *p != ' ')
			p++;
		if (*p)
			*p++ = '\0';
	}
}

/* ---- arguments ---- */

/* A decimal number, or false after saying it is not one. */
static bool shell_parse_int(const char *s, int *val)
{
	if (kstrtoint(s, 10, val)) {
		shell_error("bad number '%s'", s);
		return false;
	}
	return true;
}

/*
 * The task whose pid is @arg, with a reference (put_task_struct() it),
 * or NULL after saying why not: not a number, no such task, or one
 * already on its way out.
 */
static struct task_struct *shell_get_task(const char *arg, char *name, size_t size)
{
	struct task_struct *p;
	int pid;

	if (!shell_parse_int(arg, &pid))
		return NULL;
	p = pid >= 0 ? get_pid_task_by_nr(pid) : NULL;
	if (!p) {
		shell_error("no such pid %d", pid);
		return NULL;
	}
	get_kthread_comm(name, size, p);
	if ((p->flags & PF_EXITING) || p->exit_state) {
		shell_error("pid %d (%s) is exiting", pid, name);
		put_task_struct(p);
		return NULL;
	}
	return p;
}

/*
 * May the shell stop or park @p? Only a kthread, and not the idle task
 * or kthreadd (they never check kthread_should_stop()), nor the shell:
 * it would wait for itself.
 */
static bool shell_may_control(struct task_struct *p, const char *name, const char *verb)
{
	if (is_idle_task(p) || p == kthreadd_task) {
		shell_error("pid %d (%s) cannot be %s", p->pid, name, verb);
		return false;
	}
	if (!kthread_func(p)) {
		shell_error("pid %d (%s) is not a kthread", p->pid, name);
		return false;
	}
	if (p == current) {
		shell_error("pid %d (%s) is this shell (try halt)", p->pid, name);
		return false;
	}
	return true;
}

/*
 * Run @fn(@p) in a helper kthread, named sh_@what/PID, and wait up to
 * SHELL_WAIT_MS for it. The request is shared by the shell and the
 * helper and freed by whichever lets go last: when the shell gives up,
 * the helper goes on waiting alone.
 */
struct shell_request {
	int (*fn)(struct task_struct *k);
	struct task_struct *task;	/* a reference, dropped by the helper */
	int ret;
	struct completion done;
	atomic_t users;			/* the shell and the helper */
};

static void shell_request_put(struct shell_request *req)
{
	if (atomic_dec_and_test(&req->users))
		kfree(req);
}

static int shell_request_thread(void *data)
{
	struct shell_request *req = data;

	req->ret = req->fn(req->task);
	put_task_struct(req->task);
	complete(&req->done);
	shell_request_put(req);
	return 0;
}

/*
 * @what: "stop" or "park", for the helper's name; @done: "stopped" or
 * "parked", for the error.
 * Return: true with *@ret set if @fn returned in time, false if not.
 */
static bool shell_call_timed(int (*fn)(struct task_struct *k), struct task_struct *p,
			     const char *name, const char *what, const char *done, int *ret)
{
	struct shell_request *req = kzalloc(sizeof(*req), GFP_KERNEL);
	struct task_struct *helper;
	bool finished;

	if (!req) {
		shell_error("out of memory");
		return false;
	}
	req->fn = fn;
	req->task = get_task_struct(p);
	init_completion(&req->done);
	atomic_set(&req->users, 2);
	helper = kthread_run(shell_request_thread, req, "sh_%s/%d", what, p->pid);
	if (IS_ERR(helper)) {
		shell_error("cannot start a helper thread: %ld%s", PTR_ERR(helper),
			    errno_suffix(PTR_ERR(helper)));
		put_task_struct(p);
		kfree(req);
		return false;
	}
	finished = wait_for_completion_timeout(&req->done, msecs_to_jiffies(SHELL_WAIT_MS));
	if (finished)
		*ret = req->ret;
	else
		shell_error("pid %d (%s) has not %s after %d ms: its thread function does not "
			    "check kthread_should_%s(); [sh_%s/%d] keeps waiting", p->pid, name,
			    done, SHELL_WAIT_MS, what, what, p->pid);
	shell_request_put(req);
	return finished;
}

/* ---- shell workers ---- */

struct shell_worker {
	char name[SHELL_NAME_MAX];
	struct kthread_worker *worker;	/* NULL: a free entry */
	struct kthread_work work;
	unsigned long runs;
};

static struct shell_worker shell_workers[SHELL_NR_WORKERS];

static void shell_work_fn(struct kthread_work *work)
{
	struct shell_worker *sw = container_of(work, struct shell_worker, work);

	sw->runs++;
	pr_info("worker %s: work item run %lu in %s (pid %d)\n", sw->name, sw->runs,
		current->comm, current->pid);
}

static struct shell_worker *shell_worker_find(const char *name)
{
	for (int i = 0; i < SHELL_NR_WORKERS; i++)
		if (shell_workers[i].worker && !strcmp(shell_workers[i].name, name))
			return &shell_workers[i];
	return NULL;
}

/* Is @p the thread of a shell worker? Those go with "worker destroy". */
static bool shell_worker_owns(struct task_struct *p, const char *name)
{
	for (int i = 0; i < SHELL_NR_WORKERS; i++) {
		struct shell_worker *sw = &shell_workers[i];

		if (sw->worker && READ_ONCE(sw->worker->task) == p) {
			shell_error("pid %d (%s) is shell worker '%s' (try worker destroy %s)",
				    p->pid, name, sw->name, sw->name);
			return true;
		}
	}
	return false;
}

/* ---- commands ---- */

struct shell_command {
	const char *name;
	const char *usage;		/* its arguments */
	const char *help;
	int min_args, max_args;		/* not counting the name */
	void (*fn)(int argc, char **argv);
	/* Or, for "CMD PID ...": the task, with a reference, and its name. */
	void (*task_fn)(struct task_struct *p, const char *name, char **argv);
};

static const struct shell_command shell_commands[];

static void cmd_help(int argc, char **argv)
{
	for (const struct shell_command *c = shell_commands; c->name; c++) {
		char left[SHELL_HELP_LEFT];

		if (argc > 1 && strcmp(argv[1], c->name))
			continue;
		scnprintf(left, sizeof(left), "%s %s", c->name, c->usage);
		tty_printf("  %-34s %s\n", left, c->help);
		if (argc > 1)
			return;
	}
	if (argc > 1)
		shell_error("unknown command '%s' (try help)", argv[1]);
}

static void cmd_ps(int argc, char **argv)
{
	show_tasks(&console_printer);
}

/*
 * What "spawn" starts: wake every 100 ms until stopped, parking when
 * asked. It allows SIGKILL, so "kill" shows a kthread that dies of it;
 * the boot demo's threads do not, and ignore it.
 * Return: (to kthread_stop()) how many times it woke.
 */
static int shell_spawned_fn(void *unused)
{
	int wakeups = 0;

	allow_signal(SIGKILL);
	while (!kthread_should_stop()) {
		if (kthread_should_park())
			kthread_parkme();
		if (fatal_signal_pending(current)) {
			pr_info("%s: SIGKILL, exiting\n", current->comm);
			return -EINTR;
		}
		schedule_timeout_interruptible(HZ / 10);
		wakeups++;
	}
	return wakeups;
}

/* Is @cpu one to put a thread on? If not, say why in one line. */
static bool shell_cpu_usable(int cpu)
{
	if (!cpu_possible(cpu)) {
		shell_error("CPU %d out of range (this machine has CPUs %*pbl)", cpu,
			    cpumask_pr_args(cpu_possible_mask));
		return false;
	}
	if (!cpu_online(cpu)) {
		shell_error("CPU %d is offline (online: %*pbl)", cpu,
			    cpumask_pr_args(cpu_online_mask));
		return false;
	}
	return true;
}

/* Is @node one to allocate a thread on? If not, say why in one line. */
static bool shell_node_usable(int node)
{
	if (node < 0 || node >= MAX_NUMNODES || !node_online(node)) {
		shell_error("node %d does not exist (online nodes: %*pbl)", node,
			    nodemask_pr_args(&node_online_map));
		return false;
	}
	if (!node_state(node, N_MEMORY)) {
		shell_error("node %d has no memory (its CPUs allocate from node %d)", node,
			    zone_to_nid(node_zonelist(node, 0)->_zonerefs[0].zone));
		return false;
	}
	return true;
}

/*
 * spawn NAME [COUNT] [cpu=C] [node=N]: the threads' task_struct, struct
 * kthread and stack on node N (kthread_create_on_node()); with cpu=C
 * they are bound to C (kthread_bind()) and, without node=, allocated on
 * C's node, as kthread_create_on_cpu() does.
 */
static void cmd_spawn(int argc, char **argv)
{
	const char *name = argv[1];
	int count = 1, cpu = -1, node = NUMA_NO_NODE;
	bool numbered = false;

	if (strlen(name) >= SHELL_NAME_MAX) {
		shell_error("name '%s' too long (at most %d characters)", name,
			    SHELL_NAME_MAX - 1);
		return;
	}
	for (int i = 2; i < argc; i++) {
		if (!strncmp(argv[i], "cpu=", 4)) {
			if (!shell_parse_int(argv[i] + 4, &cpu) || !shell_cpu_usable(cpu))
				return;
		} else if (!strncmp(argv[i], "node=", 5)) {
			if (!shell_parse_int(argv[i] + 5, &node) || !shell_node_usable(node))
				return;
		} else if (!numbered) {
			if (!shell_parse_int(argv[i], &count))
				return;
			numbered = true;
		} else {
			shell_error("usage: spawn NAME [COUNT] [cpu=C] [node=N]");
			return;
		}
	}
	if (count < 1 || count > SHELL_SPAWN_MAX) {
		shell_error("count %d out of range (1..%d)", count, SHELL_SPAWN_MAX);
		return;
	}
	if (cpu >= 0 && node == NUMA_NO_NODE)
		node = cpu_to_node(cpu);
	for (int i = 0; i < count; i++) {
		struct task_struct *t;
		char full[SHELL_TASK_NAME_MAX];

		if (numbered)
			t = kthread_create_on_node(shell_spawned_fn, NULL, node, "%s/%d", name, i);
		else
			t = kthread_create_on_node(shell_spawned_fn, NULL, node, "%s", name);
		if (IS_ERR(t)) {
			shell_error("kthread_create_on_node() failed: %ld%s", PTR_ERR(t),
				    errno_suffix(PTR_ERR(t)));
			return;
		}
		if (cpu >= 0)
			kthread_bind(t, cpu);
		get_kthread_comm(full, sizeof(full), t);
		tty_printf("spawned %s: pid %d\n", full, t->pid);
		/* Once woken, t may be stopped or killed at any moment: no pointer past here. */
		wake_up_process(t);
	}
}

/*
 * The commands that act on a task, "CMD PID ...": shell_run() looks the
 * task up, calls the command with a reference and the task's name as ps
 * shows it, and drops the reference after.
 */
static void cmd_stop(struct task_struct *p, const char *name, char **argv)
{
	int ret;

	if (!shell_may_control(p, name, "stopped") || shell_worker_owns(p, name) ||
	    !shell_call_timed(kthread_stop, p, name, "stop", "stopped", &ret))
		return;
	if (kthread_func(p) == shell_spawned_fn && ret >= 0)
		tty_printf("kthread_stop(%s) returned %d (its thread function's return: the "
			   "times it woke)\n", name, ret);
	else
		tty_printf("kthread_stop(%s) returned %d%s (its thread function's return)\n",
			   name, ret, errno_suffix(ret));
}

static void cmd_park(struct task_struct *p, const char *name, char **argv)
{
	int ret;

	if (!shell_may_control(p, name, "parked")) {
		/* said why */
	} else if (kthread_func(p) == (void *)kthread_worker_fn) {
		shell_error("pid %d (%s) runs kthread_worker_fn(), which never parks",
			    p->pid, name);
	} else if (__kthread_should_park(p)) {
		/* kthread_park() would say -EBUSY, with a WARNING: a caller's bug. */
		shell_error("pid %d (%s) is parked, or asked to park, already (try unpark %d)",
			    p->pid, name, p->pid);
	} else if (shell_call_timed(kthread_park, p, name, "park", "parked", &ret)) {
		tty_printf("kthread_park(%s) returned %d%s\n", name, ret, errno_suffix(ret));
	}
}

static bool task_parked(struct task_struct *p)
{
	return READ_ONCE(p->__state) & TASK_PARKED;
}

static void cmd_unpark(struct task_struct *p, const char *name, char **argv)
{
	bool parked;

	if (!shell_may_control(p, name, "unparked"))
		return;
	parked = task_parked(p);
	kthread_unpark(p);
	tty_printf("kthread_unpark(%s) done%s\n", name,
		   parked ? "" : " (it was not parked: nothing to do)");
}

/*
 * bind PID CPU: what taskset -c CPU -p PID does, through the same door,
 * sched_setaffinity(): so a thread whose CPUs the kernel fixed
 * (PF_NO_SETAFFINITY: kthread_bind(), per-CPU threads such as
 * migration/N) is refused, as it is to a user. A running thread is
 * moved by its CPU's stopper before the call returns; one asleep moves
 * when it wakes, and the reply says which.
 */
static void cmd_bind(struct task_struct *p, const char *name, char **argv)
{
	int cpu, ret, now;

	if (is_idle_task(p)) {
		shell_error("pid %d (%s) is the idle task: it stays on its CPU", p->pid, name);
		return;
	}
	if (!shell_parse_int(argv[2], &cpu) || !shell_cpu_usable(cpu))
		return;
	ret = sched_setaffinity(p->pid, cpumask_of(cpu));
	if (ret) {
		tty_printf("sched_setaffinity(%s, CPU %d) returned %d%s\n", name, cpu, ret,
			   ret == -EINVAL && (p->flags & PF_NO_SETAFFINITY) ?
			   " (EINVAL: the kernel bound this thread, it keeps its CPUs)" :
			   errno_suffix(ret));
		return;
	}
	now = task_cpu(p);
	if (now == cpu)
		tty_printf("sched_setaffinity(%s, CPU %d) returned 0: on CPU %d now\n", name,
			   cpu, now);
	else
		tty_printf("sched_setaffinity(%s, CPU %d) returned 0: asleep, last on CPU %d; "
			   "it runs on CPU %d when it wakes\n", name, cpu, now, cpu);
}

static void cmd_cpus(int argc, char **argv)
{
	sched_show_cpus(&console_printer);
}

/* cpu offline|online N: CPU hotplug, as writing /sys/devices/system/cpu/cpuN/online. */
static void cmd_cpu(int argc, char **argv)
{
	bool online = !strcmp(argv[1], "online");
	int cpu, ret;

	if (!online && strcmp(argv[1], "offline")) {
		shell_error("usage: cpu offline|online N");
		return;
	}
	if (!shell_parse_int(argv[2], &cpu))
		return;
	if (!cpu_present(cpu)) {
		shell_error("CPU %d is not present (present: %*pbl)", cpu,
			    cpumask_pr_args(cpu_present_mask));
		return;
	}
	if (!arch_cpu_is_hotpluggable(cpu)) {
		shell_error("CPU %d is the boot CPU: it cannot go offline", cpu);
		return;
	}
	if (cpu_online(cpu) == online) {
		tty_printf("CPU %d is already %s\n", cpu, online ? "online" : "offline");
		return;
	}
	ret = online ? add_cpu(cpu) : remove_cpu(cpu);
	tty_printf("%s(%d) returned %d%s\n", online ? "add_cpu" : "remove_cpu", cpu, ret,
		   errno_suffix(ret));
}

/* Would @p drop @sig? Kthreads ignore every signal they did not allow. */
static bool signal_ignored(struct task_struct *p, int sig)
{
	unsigned long flags;
	bool ignored = true;

	if (p->sighand) {
		spin_lock_irqsave(&p->sighand->siglock, flags);
		ignored = p->sighand->action[sig - 1].sa.sa_handler == SIG_IGN;
		spin_unlock_irqrestore(&p->sighand->siglock, flags);
	}
	return ignored;
}

static void cmd_kill(struct task_struct *p, const char *name, char **argv)
{
	bool ignored;
	int ret;

	if (is_idle_task(p)) {
		shell_error("pid %d (%s) is the idle task: it cannot be killed", p->pid, name);
		return;
	}
	if (p->pid == 1) {
		/* Linux marks init SIGNAL_UNKILLABLE: it would otherwise spin, or die. */
		shell_error("pid 1 (%s) cannot be killed", name);
		return;
	}
	ignored = signal_ignored(p, SIGKILL);
	ret = kill_pid(p->pid, SIGKILL);
	if (ret)
		tty_printf("kill_pid(%d, SIGKILL) returned %d%s\n", p->pid, ret,
			   errno_suffix(ret));
	else if (ignored)
		tty_printf("kill_pid(%d, SIGKILL) returned 0, but %s ignores it: kthreads "
			   "ignore signals unless they allow_signal()\n", p->pid, name);
	else if (task_parked(p))
		/* kthread_parkme() sleeps in TASK_PARKED, which no signal wakes. */
		tty_printf("kill_pid(%d, SIGKILL) returned 0: %s allows it, but is parked: "
			   "it exits once unparked (try unpark %d)\n", p->pid, name, p->pid);
	else
		tty_printf("kill_pid(%d, SIGKILL) returned 0: %s allows it and will exit\n",
			   p->pid, name);
}

static void cmd_nice(struct task_struct *p, const char *name, char **argv)
{
	int nice, old;

	if (is_idle_task(p)) {
		shell_error("pid %d (%s) is the idle task: it has no nice value", p->pid, name);
	} else if (shell_parse_int(argv[2], &nice)) {
		if (nice < MIN_NICE || nice > MAX_NICE) {
			shell_error("nice %d out of range (%d..%d)", nice, MIN_NICE, MAX_NICE);
		} else {
			old = task_nice(p);
			set_user_nice(p, nice);
			tty_printf("set_user_nice(%s, %d): nice %d -> %d\n", name, nice, old,
				   task_nice(p));
		}
	}
}

static void cmd_worker(int argc, char **argv)
{
	const char *op = argc > 1 ? argv[1] : "list";
	const char *name = argc > 2 ? argv[2] : NULL;
	struct shell_worker *sw;

	if (!strcmp(op, "list") && argc <= 2) {
		int n = 0;

		for (int i = 0; i < SHELL_NR_WORKERS; i++) {
			sw = &shell_workers[i];
			if (!sw->worker)
				continue;
			tty_printf("worker %s: pid %d, %lu work items run\n", sw->name,
				   sw->worker->task ? sw->worker->task->pid : -1, sw->runs);
			n++;
		}
		if (!n)
			tty_puts("no workers (try worker create NAME)\n");
		return;
	}
	if (!name || (strcmp(op, "create") && strcmp(op, "queue") &&
				  strcmp(op, "destroy"))) {
		shell_error("usage: worker [create NAME | queue NAME | destroy NAME | list]");
		return;
	}
	sw = shell_worker_find(name);
	if (!strcmp(op, "create")) {
		struct kthread_worker *w;

		if (sw) {
			shell_error("worker '%s' exists", name);
			return;
		}
		if (strlen(name) >= SHELL_NAME_MAX) {
			shell_error("name '%s' too long (at most %d characters)", name,
				    SHELL_NAME_MAX - 1);
			return;
		}
		for (int i = 0; i < SHELL_NR_WORKERS && !sw; i++)
			if (!shell_workers[i].worker)
				sw = &shell_workers[i];
		if (!sw) {
			shell_error("no room: at most %d workers", SHELL_NR_WORKERS);
			return;
		}
		w = kthread_run_worker(0, "%s", name);
		if (IS_ERR(w)) {
			shell_error("kthread_run_worker() failed: %ld%s", PTR_ERR(w),
				    errno_suffix(PTR_ERR(w)));
			return;
		}
		strscpy(sw->name, name, sizeof(sw->name));
		kthread_init_work(&sw->work, shell_work_fn);
		sw->runs = 0;
		sw->worker = w;
		tty_printf("created worker %s: pid %d\n", name, w->task->pid);
		return;
	}
	if (!sw) {
		shell_error("no worker '%s' (try worker list)", name);
		return;
	}
	if (!strcmp(op, "queue")) {
		bool queued = kthread_queue_work(sw->worker, &sw->work);

		/* Wait for it, so its line comes before the prompt. */
		kthread_flush_work(&sw->work);
		tty_printf("kthread_queue_work(%s) returned %s; flushed\n", name,
			   queued ? "true" : "false");
	} else {
		kthread_destroy_worker(sw->worker);
		sw->worker = NULL;
		tty_printf("destroyed worker %s\n", name);
	}
}

/* Check every name of a "a,b" event list; say which one is unknown. */
static bool trace_events_valid(const char *list)
{
	char buf[SHELL_LINE_MAX], *p = buf, *name;

	strscpy(buf, list, sizeof(buf));
	while ((name = strsep(&p, ","))) {
		char known[SHELL_EVENTS_MAX];
		size_t n = 0;
		int id;

		if (!*name || !strcmp(name, "all"))
			continue;
		for (id = 0; id < NR_TRACE_EVENTS; id++)
			if (!strcmp(name, trace_event_name(id)))
				break;
		if (id < NR_TRACE_EVENTS)
			continue;
		for (id = 0; id < NR_TRACE_EVENTS; id++)
			n += scnprintf(known + n, sizeof(known) - n, " %s", trace_event_name(id));
		shell_error("unknown trace event '%s' (known: all%s)", name, known);
		return false;
	}
	return true;
}

static void trace_show_enabled(void)
{
	unsigned long mask = READ_ONCE(trace_event_mask);

	tty_puts("trace: recording");
	if (!mask)
		tty_puts(" nothing");
	for (int id = 0; id < NR_TRACE_EVENTS; id++)
		if (mask & (1UL << id))
			tty_printf(" %s", trace_event_name(id));
	tty_puts("\n");
}

static void cmd_trace(int argc, char **argv)
{
	const char *op = argc > 1 ? argv[1] : "";
	bool on = !strcmp(op, "on");

	if (argc == 1) {
		trace_show_enabled();
	} else if (on || !strcmp(op, "off")) {
		const char *events = argc > 2 ? argv[2] : "all";

		if (trace_events_valid(events)) {
			trace_set_events(events, on);
			trace_show_enabled();
		}
	} else if (argc == 2 && !strcmp(op, "show")) {
		trace_print(&console_printer);
	} else if (argc == 2 && !strcmp(op, "clear")) {
		trace_clear();
		tty_puts("trace: buffer cleared\n");
	} else {
		shell_error("usage: trace [on|off [EVENTS] | show | clear]");
	}
}

static void cmd_dmesg(int argc, char **argv)
{
	static char text[1024];		/* printk's longest line */
	u64 first, next, seq;
	int lines;

	log_buf_seq_range(&first, &next);
	if (argc > 1) {
		if (!shell_parse_int(argv[1], &lines))
			return;
		if (lines < 1) {
			shell_error("lines %d out of range (at least 1)", lines);
			return;
		}
		if (next - first > (u64)lines)
			first = next - lines;
	}
	for (seq = first; seq < next; seq++) {
		/* -ENOENT: overwritten by newer lines while we printed. */
		if (log_buf_read(seq, text, sizeof(text), NULL) < 0)
			continue;
		tty_puts(text);
		tty_puts("\n");
	}
}

static void cmd_mem(int argc, char **argv)
{
	unsigned long total = totalram_pages(), free = nr_free_pages();
	int node;

	/* The /proc/meminfo names, in kB. */
	tty_printf("MemTotal:     %8lu kB (%lu pages)\n", total * (PAGE_SIZE / 1024), total);
	tty_printf("MemFree:      %8lu kB (%lu pages)\n", free * (PAGE_SIZE / 1024), free);
	tty_printf("MemUsed:      %8lu kB\n", (total - free) * (PAGE_SIZE / 1024));
	tty_printf("VmallocUsed:  %8lu kB (%lu pages)\n",
		   vmalloc_nr_pages() * (PAGE_SIZE / 1024), vmalloc_nr_pages());
	tty_printf("SlabObjects:  %8lu\n", slab_total_active_objs());
	tty_printf("BadPages:     %8d   SlabBugs: %d\n", bad_page_count, slab_bug_count);
	/* Each node's, with the names of /sys/devices/system/node/nodeN/meminfo. */
	for_each_online_node(node) {
		unsigned long node_free = sum_zone_node_page_state(node, NR_FREE_PAGES);

		tty_printf("Node %d MemTotal:     %8lu kB\n", node,
			   NODE_DATA(node)->node_zones[ZONE_NORMAL].managed_pages * (PAGE_SIZE / 1024));
		tty_printf("Node %d MemFree:      %8lu kB (%lu pages)\n", node,
			   node_free * (PAGE_SIZE / 1024), node_free);
		tty_printf("Node %d KernelStack:  %8lu kB\n", node,
			   node_page_state(NODE_DATA(node), NR_KERNEL_STACK_KB));
		tty_printf("Node %d SUnreclaim:   %8lu kB\n", node,
			   node_page_state(NODE_DATA(node), NR_SLAB_UNRECLAIMABLE_B) / 1024);
	}
	show_mem(&console_printer);
	slab_show_all(&console_printer);
}

static void cmd_bench(int argc, char **argv)
{
	int failed;

	/*
	 * make bench runs these alone, under -icount; here other threads
	 * run meanwhile and time is real, so the figures vary from run to run.
	 */
	failed = bench_run_all();
	tty_printf("bench: %d failed\n", failed);
}

/* One "test" command at a time: the shell waits for it. */
static struct {
	const char *glob;
	int failed;
	struct completion done;
} shell_test_run;

/*
 * The task the suites run in, a child of the shell as a shell's command
 * would be. The suites expect pid 1's surroundings, where they run at
 * boot: not a kthread, and a parent that waits for its children. So it
 * is made with user_mode_thread(), and it puts back the default signal
 * actions that it copied from the shell, a kthread that ignores them all
 * (a parent that ignores SIGCHLD never sees its children: they reap
 * themselves). That reset is what exec() does in Linux
 * (flush_signal_handlers()).
 */
static int shell_test_fn(void *unused)
{
	set_task_comm(current, "ktest");
	for (int sig = 1; sig <= _NSIG; sig++)
		allow_signal(sig);
	shell_test_run.failed = kunit_run_filter(shell_test_run.glob);
	complete(&shell_test_run.done);
	return 0;
}

static void cmd_test(int argc, char **argv)
{
	const char *glob = argc > 1 ? argv[1] : "list";
	pid_t pid;

	if (!strcmp(glob, "list")) {
		tty_puts("suites:");
		for (struct kunit_suite *const *s = __kunit_suites_start;
		     s < __kunit_suites_end; s++)
			tty_printf(" %s", (*s)->name);
		tty_puts("\n");
		return;
	}
	if (!strcmp(glob, "all"))
		glob = "*";
	if (!kunit_count_suites(glob)) {
		shell_error("no suite matches '%s' (try test list)", glob);
		return;
	}
	if (!kunit_count_cases(glob)) {
		/* A selection that runs nothing must not look like a pass. */
		shell_error("no test case of the suite matches '%s'", glob);
		return;
	}
	shell_test_run.glob = glob;
	init_completion(&shell_test_run.done);
	pid = user_mode_thread(shell_test_fn, NULL, 0);
	if (pid < 0) {
		shell_error("cannot start the test task: %d%s", pid, errno_suffix(pid));
		return;
	}
	/* As long as the suites take: a hung case hangs a boot's run too. */
	wait_for_completion(&shell_test_run.done);
	tty_printf("test: %d failed\n", shell_test_run.failed);
}

static void cmd_halt(int argc, char **argv)
{
	pr_notice("reboot: System halted\n");
	/* QEMU exits with 33; a real machine stops with interrupts off. */
	qemu_exit(QEMU_EXIT_SUCCESS);
}

/* The validator's tables, as Linux's /proc/lockdep, /proc/lockdep_chains, /proc/lockdep_stats. */
static void cmd_lockdep(int argc, char **argv)
{
	if (!CONFIG_LOCKDEP) {
		tty_printf("lockdep: not in this build (CONFIG_LOCKDEP=0)\n");
	} else if (argc == 1 || !strcmp(argv[1], "classes")) {
		lockdep_show(&console_printer);
		lockdep_stats_show(&console_printer);
	} else if (!strcmp(argv[1], "chains")) {
		lockdep_chains_show(&console_printer);
	} else if (!strcmp(argv[1], "stats")) {
		lockdep_stats_show(&console_printer);
	} else {
		tty_printf("lockdep: unknown view '%s' (classes, chains, stats)\n", argv[1]);
	}
}

static void cmd_reboot(int argc, char **argv)
{
	pr_notice("reboot: Restarting system\n");
	machine_restart();
}

static const struct shell_command shell_commands[] = {
	{ "help", "[COMMAND]", "this list", 0, 1, .fn = cmd_help },
	{ "ps", "", "list the tasks (show_tasks())", 0, 0, .fn = cmd_ps },
	{ "spawn", "NAME [COUNT] [cpu=C] [node=N]", "kthread_create_on_node() and wake COUNT "
	  "(1..64) threads: NAME or NAME/i; on node N, bound to CPU C (and on its node)",
	  1, 4, .fn = cmd_spawn },
	{ "stop", "PID", "kthread_stop() a kthread (from a helper, sh_stop/PID), print what "
	  "it returned", 1, 1, .task_fn = cmd_stop },
	{ "park", "PID", "kthread_park() a kthread (from a helper, sh_park/PID)", 1, 1,
	  .task_fn = cmd_park },
	{ "unpark", "PID", "kthread_unpark() a kthread", 1, 1, .task_fn = cmd_unpark },
	{ "bind", "PID CPU", "sched_setaffinity() to one online CPU (taskset -c CPU -p PID)", 2, 2,
	  .task_fn = cmd_bind },
	{ "cpus", "", "each CPU: online, current task, run queue, ticks, IPIs", 0, 0,
	  .fn = cmd_cpus },
	{ "cpu", "offline|online N", "remove_cpu()/add_cpu(): CPU hotplug", 2, 2, .fn = cmd_cpu },
	{ "kill", "PID", "kill_pid(PID, SIGKILL)", 1, 1, .task_fn = cmd_kill },
	{ "nice", "PID N", "set_user_nice() to N (-20..19)", 2, 2, .task_fn = cmd_nice },
	{ "worker", "[create|queue|destroy NAME]", "kthread workers made here; no NAME: list",
	  0, 2, .fn = cmd_worker },
	{ "trace", "[on|off [EVENTS]|show|clear]", "tracepoints (EVENTS: a,b or all)",
	  0, 2, .fn = cmd_trace },
	{ "dmesg", "[LINES]", "print the kernel log (or its last LINES)", 0, 1, .fn = cmd_dmesg },
	{ "mem", "", "page, vmalloc and slab counters", 0, 0, .fn = cmd_mem },
	{ "lockdep", "[classes|chains|stats]", "the lock validator's classes, chains, table use",
	  0, 1, .fn = cmd_lockdep },
	{ "bench", "", "run the micro-benchmarks", 0, 0, .fn = cmd_bench },
	{ "test", "[list|all|SUITE[.CASE]]", "run KUnit suites now, print KTAP", 0, 1, .fn = cmd_test },
	{ "halt", "", "stop the machine (QEMU exits with 33)", 0, 0, .fn = cmd_halt },
	{ "reboot", "", "reset the machine", 0, 0, .fn = cmd_reboot },
	{}
};

/* Run one line. */
static void shell_run(char *line)
{
	char *argv[SHELL_MAX_ARGS];
	const struct shell_command *c;
	int argc = shell_split(line, argv), loglevel;

	if (argc < 0) {
		shell_error("too many words (at most %d)", SHELL_MAX_ARGS);
		return;
	}
	if (argc == 0)
		return;
	for (c = shell_commands; c->name; c++)
		if (!strcmp(argv[0], c->name))
			break;
	if (!c->name) {
		shell_error("unknown command '%s' (try help)", argv[0]);
		return;
	}
	if (argc - 1 < c->min_args || argc - 1 > c->max_args) {
		shell_error("usage: %s %s", c->name, c->usage);
		return;
	}
	/* What the command has printk() print must show, whatever loglevel=. */
	loglevel = console_loglevel;
	if (console_loglevel <= LOGLEVEL_INFO)
		console_loglevel = LOGLEVEL_INFO + 1;
	if (c->task_fn) {
		char name[SHELL_TASK_NAME_MAX];
		struct task_struct *p = shell_get_task(argv[1], name, sizeof(name));

		if (p) {
			c->task_fn(p, name, argv);
			put_task_struct(p);
		}
	} else {
		c->fn(argc, argv);
	}
	console_loglevel = loglevel;
}

static bool shell_started;	/* shell_init() has run */

static int shell_thread(void *unused)
{
	static char line[SHELL_LINE_MAX];

	tty_init();
	tty_puts("\nSpindle shell: type help for the commands.\n");
	for (;;) {
		if (shell_readline(line) < 0)
			continue;
		history_add(line);	/* before shell_split() cuts it up */
		shell_run(line);
	}
	return 0;
}

/**
 * shell_init - start the shell on the serial console
 *
 * Return: 0, or the error of kthread_run().
 *
 * Called by pid 1 once boot is finished (not when tests or benchmarks
 * run: they end the machine before).
 */
int shell_init(void)
{
	struct task_struct *t = kthread_run(shell_thread, NULL, "spindle_sh");

	if (IS_ERR(t)) {
		pr_err("shell: cannot start: %ld\n", PTR_ERR(t));
		return PTR_ERR(t);
	}
	WRITE_ONCE(shell_started, true);
	return 0;
}

/**
 * shell_start_on_demand - start the shell if it is not running yet
 *
 * Return: 0, or the error of kthread_run().
 *
 * With a user program as init the spindle# shell is not started at
 * boot; the first Ctrl-] on the console starts it (kernel/tty.c).
 */
int shell_start_on_demand(void)
{
	static DEFINE_MUTEX(shell_start_lock);	/* one start at a time; guards shell_started's change */
	int ret = 0;

	mutex_lock(&shell_start_lock);
	if (!READ_ONCE(shell_started))
		ret = shell_init();
	mutex_unlock(&shell_start_lock);
	return ret;
}
