// SPDX-License-Identifier: GPL-2.0
/*
 * A ps-like listing of every task, for the boot demo, the shell and
 * tests: PID, PPID, STATE, CPU (where it runs, or ran last: ps(1)'s
 * PSR), AFFINITY (the CPUs it may run on: "all", or a list such as "3"
 * or "0-1" for a bound task, as taskset -c prints it), FLAGS, COMM.
 * Kernel threads are shown in brackets, as ps(1) shows them, with their
 * full name when it was too long for comm.
 * Linux: fs/proc/array.c (the /proc/PID/stat fields ps reads),
 * sched_show_task() in kernel/sched/core.c
 */
#include <linux/cpumask.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/printer.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <trace/events/sched.h>

/**
 * task_state_name - one word for a task state, as ps shows it
 * @state: a __state value
 * Return: "R", "S", "D", ... as ps prints them; "?" for an unknown state.
 * Linux: task_state_array[] in fs/proc/array.c
 */
const char *task_state_name(unsigned int state)
{
	if (state == TASK_RUNNING)
		return "R";
	if (state & TASK_PARKED)
		return "P";
	if (state & TASK_DEAD)
		return "X";
	if (state & TASK_NEW)
		return "N";
	if ((state & TASK_KILLABLE) == TASK_KILLABLE)
		return "D+K";
	if (state & TASK_UNINTERRUPTIBLE)
		return "D";
	if (state & TASK_INTERRUPTIBLE)
		return "S";
	return "?";
}

/**
 * task_affinity_string - the CPUs @p may run on, as ps shows them
 * @buf: where to write
 * @size: its size
 * @p: the task
 *
 * "all" when no possible CPU is left out (the default), otherwise the
 * list ("3", "0-1,3"). Read without a lock: a mask changing meanwhile
 * shows either value, as ps(1) reading /proc would.
 * Return: @buf.
 */
static char *task_affinity_string(char *buf, size_t size, struct task_struct *p)
{
	struct cpumask mask;

	cpumask_copy(&mask, &p->cpus_mask);
	if (cpumask_subset(cpu_possible_mask, &mask))
		strscpy(buf, "all", size);
	else
		snprintf(buf, size, "%*pbl", cpumask_pr_args(&mask));
	return buf;
}

static void show_one(const struct printer *out, struct task_struct *p)
{
	char name[64], comm[72], affinity[64];
	const char *state = p->exit_state == EXIT_ZOMBIE ? "Z" : task_state_name(p->__state);

	get_kthread_comm(name, sizeof(name), p);
	if (p->flags & PF_KTHREAD)
		snprintf(comm, sizeof(comm), "[%s]", name);
	else
		snprintf(comm, sizeof(comm), "%s", name);
	printer_printf(out, "%5d %5d %-5s %3u %-8s %08x %s\n", p->pid,
		       p->real_parent ? p->real_parent->pid : 0, state, task_cpu(p),
		       task_affinity_string(affinity, sizeof(affinity), p), p->flags, comm);
}

/**
 * show_tasks - print the task table, pid 0 first
 * @out: where the lines go (&printk_printer, &console_printer)
 */
void show_tasks(const struct printer *out)
{
	struct task_struct *p;
	unsigned long flags;

	printer_printf(out, "  PID  PPID STATE CPU AFFINITY FLAGS    COMM\n");
	spin_lock_irqsave(&tasklist_lock, flags);
	show_one(out, &init_task);
	for_each_process(p)
		show_one(out, p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}
