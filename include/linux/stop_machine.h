/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The CPU stopper: one thread per CPU (migration/N) that runs a function
 * on that CPU above every other task, e.g. to move a running task off it;
 * and stop_machine(), which runs a function while every other CPU spins
 * with interrupts off.
 * Linux: include/linux/stop_machine.h
 */
#ifndef _LINUX_STOP_MACHINE_H
#define _LINUX_STOP_MACHINE_H

#include <linux/cpumask.h>

typedef int (*cpu_stop_fn_t)(void *arg);

int stop_one_cpu(unsigned int cpu, cpu_stop_fn_t fn, void *arg);
int stop_machine(cpu_stop_fn_t fn, void *data, const struct cpumask *cpus);
int stop_machine_cpuslocked(cpu_stop_fn_t fn, void *data, const struct cpumask *cpus);
void stop_machine_park(int cpu);
void stop_machine_unpark(int cpu);
void cpu_stop_init(void);

#endif /* _LINUX_STOP_MACHINE_H */
