// SPDX-License-Identifier: GPL-2.0
/*
 * A ps-like listing of every task, for the boot demo, the shell and
 * tests: PID, PPID, STATE, CPU (where it runs, or ran last: ps(1)'s
 * PSR), NODE (the NUMA node its kernel stack lies on), AFFINITY (the CPUs it may run on: "all", or a list such as "3"
 * or "0-1" for a bound task, as taskset -c prints it), FLAGS, COMM.
 * Kernel threads are shown in brackets, as ps(1) shows them, with their
 * full name when it was too long for comm.
 * Linux: fs/proc/array.c (the /proc/PID/stat fields ps reads),
 * sched_show_task() in kernel/sched/core.c
 */
#include <linux/cpumask.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/printer.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
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

/**
 * task_stack_node - the NUMA node @p's kernel stack lies on
 * @p: a task (its stack still allocated: on the task list, or held)
 *
 * A stack from vmalloc() (every task copy_process() made), or the boot
 * stack in the kernel image (init_task's): the node of its first page.
 * Return: the node.
 */
int task_stack_node(struct task_struct *p)
{
	unsigned long stack = (unsigned long)p->stack;

	if (is_vmalloc_addr(p->stack))
		return page_to_nid(vmalloc_to_page(p->stack));
	if (stack >= __START_KERNEL_map)
		return page_to_nid(pfn_to_page(PFN_DOWN(__pa_symbol(stack))));
	return page_to_nid(virt_to_page(p->stack));
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
	printer_printf(out, "%5d %5d %-5s %3u %4d %-8s %08x %s\n", p->pid,
		       p->real_parent ? p->real_parent->pid : 0, state, task_cpu(p),
		       task_stack_node(p), task_affinity_string(affinity, sizeof(affinity), p),
		       p->flags, comm);
}

/**
 * show_tasks - print the task table, pid 0 first
 * @out: where the lines go (&printk_printer, &console_printer)
 */
void show_tasks(const struct printer *out)
{
	struct task_struct *p;
	unsigned long flags;

	printer_printf(out, "  PID  PPID STATE CPU NODE AFFINITY FLAGS    COMM\n");
	spin_lock_irqsave(&tasklist_lock, flags);
	show_one(out, &init_task);
	for_each_process(p)
		show_one(out, p);
	/* In the same snapshot: every creator in the queue is in the table above. */
	kthread_show_queue(out);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}
