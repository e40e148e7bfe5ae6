/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The CPU stopper: one thread per CPU (migration/N) that runs a function
 * on that CPU above every other task, e.g. to move a running task off it.
 * Linux: include/linux/stop_machine.h
 */
#ifndef _LINUX_STOP_MACHINE_H
#define _LINUX_STOP_MACHINE_H

typedef int (*cpu_stop_fn_t)(void *arg);

int stop_one_cpu(unsigned int cpu, cpu_stop_fn_t fn, void *arg);
void cpu_stop_init(void);

#endif /* _LINUX_STOP_MACHINE_H */
