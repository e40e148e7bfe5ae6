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
#include <linux/list.h>
#include <asm/current.h>

struct task_struct;

/* kernel/cpu.c */
void boot_cpu_init(void);
int cpu_up(unsigned int cpu);
int cpu_down(unsigned int cpu);
int add_cpu(unsigned int cpu);
int remove_cpu(unsigned int cpu);
void cpu_maps_update_begin(void);
void cpu_maps_update_done(void);
void cpus_read_lock(void);
void cpus_read_unlock(void);
void lockdep_assert_cpus_held(void);

/* kernel/smp.c */
void smp_init(void);

typedef void (*smp_call_func_t)(void *info);

/* A cross-CPU call request. Linux: struct __call_single_data */
typedef struct __call_single_data {
	struct list_head node;		/* in the target's call_single_queue */
	unsigned int flags;		/* CSD_FLAG_LOCK while in use */
	smp_call_func_t func;
	void *info;
} call_single_data_t;

void call_function_init(void);
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait);
void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func, void *info,
			    bool wait);
void smp_call_function(smp_call_func_t func, void *info, int wait);
void on_each_cpu(smp_call_func_t func, void *info, int wait);
void generic_smp_call_function_single_interrupt(void);

/* kernel/smpboot.c: the idle task each CPU starts on. */
void idle_threads_init(void);
struct task_struct *idle_thread_get(unsigned int cpu);

/* arch/x86/kernel/smpboot.c */
void prefill_possible_map(void);
void smp_prepare_cpus(unsigned int max_cpus);
int __cpu_up(unsigned int cpu, struct task_struct *idle);
int __cpu_disable(void);
int __cpu_die(unsigned int cpu);
void __noreturn play_dead(void);
bool arch_cpu_is_hotpluggable(int cpu);

/* arch/x86/kernel/smp.c: the IPIs */
void smp_ipi_init(void);
void smp_send_reschedule(int cpu);
void arch_send_call_function_single_ipi(int cpu);
void arch_send_call_function_ipi(int cpu);
/* IPIs @cpu received since boot (reschedule and function call). */
unsigned long arch_ipi_count(unsigned int cpu);
void smp_send_stop(void);
bool nmi_stop_requested(void);
void __noreturn stop_this_cpu(void);
/* The local APIC id of each possible CPU. Linux: per_cpu(x86_cpu_to_apicid) */
extern u32 x86_cpu_to_apicid[NR_CPUS];

#endif /* _LINUX_SMP_H */
