/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU threads that follow CPU hotplug: one thread per online CPU,
 * made, parked and unparked by kernel/smpboot.c as CPUs come and go.
 * ksoftirqd/N (kernel/softirq.c) and migration/N (kernel/stop_machine.c)
 * are made this way.
 * Linux: include/linux/smpboot.h
 */
#ifndef _LINUX_SMPBOOT_H
#define _LINUX_SMPBOOT_H

#include <linux/list.h>
#include <linux/types.h>

struct task_struct;

/**
 * struct smp_hotplug_thread - a per-CPU thread, as smpboot runs it
 * @store: an NR_CPUS array; smpboot keeps each CPU's thread there
 * @list: on smpboot's hotplug_threads list
 * @thread_should_run: has @cpu's thread work? Called with preemption off
 * @thread_fn: do the work; called with preemption on
 * @create: called once the thread exists, parked (optional)
 * @setup: called in the thread before it first runs @thread_fn (optional)
 * @cleanup: called in the thread when it is stopped (optional)
 * @park: called in the thread before it parks, its CPU going down (optional)
 * @unpark: called in the thread after it is unparked (optional)
 * @selfparking: smpboot leaves parking and unparking to the thread's owner
 * @thread_comm: the name, with one %u for the CPU
 *
 * Linux: struct smp_hotplug_thread
 */
struct smp_hotplug_thread {
	struct task_struct **store;
	struct list_head list;
	int (*thread_should_run)(unsigned int cpu);
	void (*thread_fn)(unsigned int cpu);
	void (*create)(unsigned int cpu);
	void (*setup)(unsigned int cpu);
	void (*cleanup)(unsigned int cpu, bool online);
	void (*park)(unsigned int cpu);
	void (*unpark)(unsigned int cpu);
	bool selfparking;
	const char *thread_comm;
};

int smpboot_register_percpu_thread(struct smp_hotplug_thread *plug_thread);
void smpboot_unregister_percpu_thread(struct smp_hotplug_thread *plug_thread);

/* The hotplug steps (kernel/cpu.c calls them). */
int smpboot_create_threads(unsigned int cpu);
int smpboot_unpark_threads(unsigned int cpu);
int smpboot_park_threads(unsigned int cpu);

#endif /* _LINUX_SMPBOOT_H */
