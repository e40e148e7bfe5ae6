/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Many CPUs: bringing them up, and which one we are on.
 *
 * smp_processor_id() (asm/current.h) is only stable while the caller
 * cannot migrate: with preemption or interrupts off, or in a task bound
 * to one CPU.
 * Linux: include/linux/smp.h, include/linux/cpu.h
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/cpumask.h>
#include <asm/current.h>

struct task_struct;

/* kernel/cpu.c */
void boot_cpu_init(void);
int cpu_up(unsigned int cpu);

/* kernel/smp.c */
void smp_init(void);

/* kernel/smpboot.c: the idle task each CPU starts on. */
void idle_threads_init(void);
struct task_struct *idle_thread_get(unsigned int cpu);

/* arch/x86/kernel/smpboot.c */
void smp_prepare_cpus(unsigned int max_cpus);
int __cpu_up(unsigned int cpu, struct task_struct *idle);
/* The local APIC id of each possible CPU. Linux: per_cpu(x86_cpu_to_apicid) */
extern u32 x86_cpu_to_apicid[NR_CPUS];

#endif /* _LINUX_SMP_H */
