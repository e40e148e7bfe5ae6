// SPDX-License-Identifier: GPL-2.0
/*
 * The shell's cpus table: one line per possible CPU, from its run queue.
 *
 * Locking: each row is read under that CPU's rq->lock (irqs off), so
 * that curr cannot be switched out, and so freed, while its name is
 * copied; the line is printed after the lock is dropped (printing may
 * sleep on the console, and must not hold a run queue lock meanwhile).
 * The rows are a snapshot per CPU, not of the whole machine at once.
 * Linux: kernel/sched/debug.c (print_cpu(), /proc/sched_debug), and the
 * per-CPU IPI rows of /proc/interrupts (RES, CAL)
 */
#include <linux/cpumask.h>
#include <linux/kernel.h>
#include <linux/printer.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/smp.h>
#include <linux/string.h>
#include "sched.h"

struct cpu_row {
	char comm[TASK_COMM_LEN + 2];	/* in [brackets] for a kthread */
	pid_t pid;
	unsigned int nr_running;
	unsigned long ticks, switches;
};

static void read_cpu_row(int cpu, struct cpu_row *row)
{
	struct rq *rq = cpu_rq(cpu);
	struct task_struct *curr;
	unsigned long flags;

	raw_spin_lock_irqsave(&rq->lock, flags);
	curr = rq->curr;
	if (curr) {
		snprintf(row->comm, sizeof(row->comm), (curr->flags & PF_KTHREAD) ? "[%s]" : "%s",
			 curr->comm);
		row->pid = curr->pid;
	} else {
		strscpy(row->comm, "-", sizeof(row->comm));	/* never came up */
		row->pid = -1;
	}
	row->nr_running = rq->nr_running;
	row->ticks = rq->ticks;
	row->switches = rq->nr_switches;
	raw_spin_unlock_irqrestore(&rq->lock, flags);
}

/**
 * sched_show_cpus - print every possible CPU: online, current task, queue, counters
 * @out: where the lines go (&console_printer for the shell)
 *
 * Columns: CPU; STATE (online or offline); CURRENT, the task on the CPU
 * now, and its PID (the idle task swapper/N when the CPU has nothing to
 * do); NR_RUNNING, the tasks on its run queue, the running one included,
 * the idle task not; TICKS, the scheduler_tick()s it took; SWITCHES, its
 * context switches; IPIS, the interprocessor interrupts it received
 * (reschedule and function call: arch_ipi_count()).
 * Linux: print_cpu() in kernel/sched/debug.c
 */
void sched_show_cpus(const struct printer *out)
{
	int cpu;

	printer_printf(out, "CPU STATE   CURRENT             PID NR_RUNNING    TICKS SWITCHES"
		       "     IPIS\n");
	for_each_possible_cpu(cpu) {
		struct cpu_row row;

		read_cpu_row(cpu, &row);
		printer_printf(out, "%3d %-7s %-18s %4d %10u %8lu %8lu %8lu\n", cpu,
			       cpu_online(cpu) ? "online" : "offline", row.comm, row.pid,
			       row.nr_running, row.ticks, row.switches, arch_ipi_count(cpu));
	}
}
