// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/stat, status and statm: a process as ps and top read it,
 * with Linux's fields in Linux's order. Times are in clock ticks
 * (USER_HZ, 100 a second). Spindle does not count resident pages, so
 * RSS is the pages mapped (total_vm), and it does not split user from
 * system time: a user process's time is all "utime", a kthread's "stime".
 * Linux: fs/proc/array.c
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/tty.h>
#include "internal.h"

#define USER_HZ		100
#define NSEC_PER_TICK	(1000000000ULL / USER_HZ)

/* One letter for @p's state, and the word status says. Linux: task_state_array[] */
static char task_state_char(struct task_struct *p, const char **word)
{
	unsigned int state = READ_ONCE(p->__state);
	static const struct { char c; const char *word; } states[] = {
		{ 'R', "running" }, { 'S', "sleeping" }, { 'D', "disk sleep" }, { 'T', "stopped" },
		{ 'Z', "zombie" }, { 'X', "dead" }, { 'P', "parked" }, { 'I', "idle" },
	};
	int i;

	if (p->exit_state == EXIT_ZOMBIE)
		i = 4;
	else if (p->exit_state)
		i = 5;
	else if (state == TASK_RUNNING)
		i = 0;
	else if (state & __TASK_STOPPED)
		i = 3;
	else if (state & TASK_PARKED)
		i = 6;
	else if (state & TASK_INTERRUPTIBLE)
		i = 1;
	else if ((state & TASK_UNINTERRUPTIBLE) && (p->flags & PF_KTHREAD))
		i = 7;	/* a kthread waiting for work: TASK_IDLE on Linux, not load */
	else
		i = 2;
	if (word)
		*word = states[i].word;
	return states[i].c;
}

struct task_ids {
	pid_t ppid, pgrp, session, tpgid;
	int tty_nr;
};

static void get_task_ids(struct task_struct *task, struct task_ids *ids)
{
	spin_lock_irq(&tasklist_lock);
	ids->ppid = task->pid > 1 || task->flags & PF_KTHREAD ?
		    (task->real_parent ? task->real_parent->tgid : 0) : 0;
	ids->pgrp = task->signal ? task->signal->pgrp : 0;
	ids->session = task->signal ? task->signal->session : 0;
	/* ttyS0 is 4:64; Linux encodes major << 8 | minor */
	ids->tty_nr = task->signal && task->signal->tty ? (4 << 8) | 64 : 0;
	ids->tpgid = task->signal && task->signal->tty ? task->signal->tty->pgrp : -1;
	spin_unlock_irq(&tasklist_lock);
	if (ids->ppid == task->pid)
		ids->ppid = 0;
}

static unsigned long task_vm_pages(struct task_struct *task)
{
	unsigned long pages = 0;

	task_lock(task);
	if (task->mm && !(task->flags & PF_KTHREAD))
		pages = READ_ONCE(task->mm->total_vm);
	task_unlock(task);
	return pages;
}

/**
 * proc_pid_stat - /proc/<pid>/stat: one line, 52 fields
 * @m: where to print
 * @task: the process
 * Return: 0.
 * Linux: do_task_stat()
 */
int proc_pid_stat(struct seq_file *m, struct task_struct *task)
{
	char comm[TASK_COMM_LEN];
	struct task_ids ids;
	unsigned long vm = task_vm_pages(task);
	unsigned long long ticks = task->se.sum_exec_runtime / NSEC_PER_TICK;
	unsigned long long start = task->start_time / NSEC_PER_TICK;
	bool kthread = task->flags & PF_KTHREAD;
	int nice = task->static_prio - 120;
	unsigned long long sigign = 0, sigcatch = 0;

	get_task_comm(comm, task);
	get_task_ids(task, &ids);
	task_lock(task);
	if (task->sighand) {
		for (int i = 0; i < _NSIG; i++) {
			__sighandler_t h = task->sighand->action[i].sa.sa_handler;

			if (h == SIG_IGN)
				sigign |= 1ULL << i;
			else if (h != SIG_DFL)
				sigcatch |= 1ULL << i;
		}
	}
	task_unlock(task);
	seq_printf(m, "%d (%s) %c %d %d %d %d %d %u ", task->pid, comm,
		   task_state_char(task, NULL), ids.ppid, ids.pgrp, ids.session, ids.tty_nr,
		   ids.tpgid, task->flags);
	/* minflt cminflt majflt cmajflt utime stime cutime cstime priority nice num_threads itrealvalue */
	seq_printf(m, "0 0 0 0 %llu %llu 0 0 %d %d %d 0 ", kthread ? 0 : ticks,
		   kthread ? ticks : 0, task->prio - 100, nice,
		   task->signal ? task->signal->nr_threads : 1);
	/* starttime vsize rss rsslim startcode endcode startstack kstkesp kstkeip */
	seq_printf(m, "%llu %lu %lu %lu %lu %lu %lu 0 0 ", start, vm * PAGE_SIZE, vm,
		   ~0UL, kthread ? 1UL : 0, kthread ? 1UL : 0, 0UL);
	/* signal blocked sigignore sigcatch wchan nswap cnswap exit_signal processor */
	seq_printf(m, "%lu %lu %llu %llu 0 0 0 %d %d ", task->pending.signal, task->blocked,
		   sigign, sigcatch, task->exit_signal, task->cpu);
	/* rt_priority policy delayacct guest_time cguest_time start_data ... exit_code */
	seq_printf(m, "%u %u 0 0 0 0 0 0 0 0 0 0 %d\n", task->rt_priority, task->policy,
		   task->exit_state ? task->exit_code : 0);
	return 0;
}

/**
 * proc_pid_status - /proc/<pid>/status: the same in words, one per line
 * @m: where to print
 * @task: the process
 * Return: 0.
 * Linux: proc_pid_status()
 */
int proc_pid_status(struct seq_file *m, struct task_struct *task)
{
	char comm[TASK_COMM_LEN];
	struct task_ids ids;
	unsigned long vm = task_vm_pages(task) * (PAGE_SIZE / 1024);
	const char *word;
	char c;

	get_task_comm(comm, task);
	get_task_ids(task, &ids);
	c = task_state_char(task, &word);
	seq_printf(m, "Name:\t%s\nUmask:\t%04o\nState:\t%c (%s)\nTgid:\t%d\nNgid:\t0\nPid:\t%d\n"
		   "PPid:\t%d\nTracerPid:\t0\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n"
		   "FDSize:\t64\nGroups:\t\n",
		   comm, task->fs ? task->fs->umask : 0022, c, word, task->tgid, task->pid,
		   ids.ppid);
	if (vm)
		seq_printf(m, "VmPeak:\t%8lu kB\nVmSize:\t%8lu kB\nVmRSS:\t%8lu kB\n", vm, vm, vm);
	seq_printf(m, "Threads:\t%d\nSigPnd:\t%016lx\nShdPnd:\t%016lx\nSigBlk:\t%016lx\n"
		   "voluntary_ctxt_switches:\t%lu\nnonvoluntary_ctxt_switches:\t%lu\n",
		   task->signal ? task->signal->nr_threads : 1, task->pending.signal, 0UL,
		   task->blocked, task->nvcsw, task->nivcsw);
	return 0;
}

/**
 * proc_pid_statm - /proc/<pid>/statm: sizes in pages
 * @m: where to print
 * @task: the process
 * Return: 0.
 * Linux: proc_pid_statm()
 */
int proc_pid_statm(struct seq_file *m, struct task_struct *task)
{
	unsigned long vm = task_vm_pages(task);

	seq_printf(m, "%lu %lu 0 0 0 0 0\n", vm, vm);
	return 0;
}
