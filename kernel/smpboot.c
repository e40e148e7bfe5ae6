// SPDX-License-Identifier: GPL-2.0
/*
 * Threads that exist once per CPU. Today: each CPU's idle task, made
 * before the CPU is booted, because the CPU starts on its stack.
 *
 * Locking: idle_threads[] is written once per CPU by the boot CPU
 * before that CPU is brought up, and only read afterwards.
 * Linux: kernel/smpboot.c (idle_threads_init, idle_thread_get)
 */
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/smp.h>

static struct task_struct *idle_threads[NR_CPUS];

/**
 * idle_thread_get - the idle task @cpu will start on
 * @cpu: the CPU
 * Return: the task, or NULL if fork_idle() failed for it.
 * Linux: idle_thread_get()
 */
struct task_struct *idle_thread_get(unsigned int cpu)
{
	return idle_threads[cpu];
}

/**
 * idle_threads_init - make an idle task (swapper/N) for each possible CPU
 *
 * The boot CPU's is init_task. A failure is reported and leaves that
 * CPU down (cpu_up() refuses it); the others still come up.
 * Linux: idle_threads_init() / idle_init()
 */
void idle_threads_init(void)
{
	unsigned int cpu, boot_cpu = smp_processor_id();

	idle_threads[boot_cpu] = current;
	for_each_possible_cpu(cpu) {
		struct task_struct *tsk;

		if (cpu == boot_cpu)
			continue;
		tsk = fork_idle(cpu);
		if (IS_ERR(tsk)) {
			pr_err("idle_init: no idle task for CPU %u (%ld)\n", cpu, PTR_ERR(tsk));
			continue;
		}
		idle_threads[cpu] = tsk;
	}
}
