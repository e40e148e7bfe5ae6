// SPDX-License-Identifier: GPL-2.0
/*
 * Which CPUs exist and which run: the possible, present and online masks,
 * and cpu_up(), which brings one CPU from present to online.
 *
 * Locking: cpu_add_remove_lock (a mutex) serialises every bring-up, so
 * two callers cannot boot the same CPU or share the one trampoline. Each
 * mask bit is changed with an atomic instruction; the online bit of a CPU
 * is set by that CPU itself once it can take work (start_secondary()).
 * Linux: kernel/cpu.c (without the hotplug state machine: Spindle's
 * bring-up is one step, the arch's __cpu_up())
 */
#include <linux/bitops.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/smp.h>

/*
 * NR_CPUS low bits, as Linux's BITMAP_LAST_WORD_MASK(NR_CPUS): a right
 * shift, never by 64 (clang rejects even the untaken 1UL << 64 branch).
 */
const struct cpumask __cpu_all_mask = { { ~0UL >> (-NR_CPUS & (BITS_PER_LONG - 1)) } };
struct cpumask __cpu_possible_mask;
struct cpumask __cpu_present_mask;
struct cpumask __cpu_online_mask;

/* Held across a whole bring-up. Linux: cpu_add_remove_lock */
static DEFINE_MUTEX(cpu_add_remove_lock);

/**
 * set_cpu_possible - add @cpu to or remove it from cpu_possible_mask
 * @cpu: the CPU
 * @possible: true to add it, false to remove it
 * Linux: set_cpu_possible()
 */
void set_cpu_possible(unsigned int cpu, bool possible)
{
	if (possible)
		cpumask_set_cpu(cpu, &__cpu_possible_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_possible_mask);
}

/**
 * set_cpu_present - add @cpu to or remove it from cpu_present_mask
 * @cpu: the CPU
 * @present: true to add it, false to remove it
 * Linux: set_cpu_present()
 */
void set_cpu_present(unsigned int cpu, bool present)
{
	if (present)
		cpumask_set_cpu(cpu, &__cpu_present_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_present_mask);
}

/**
 * set_cpu_online - add @cpu to or remove it from cpu_online_mask
 * @cpu: the CPU
 * @online: true to add it, false to remove it
 * Linux: set_cpu_online()
 */
void set_cpu_online(unsigned int cpu, bool online)
{
	if (online)
		cpumask_set_cpu(cpu, &__cpu_online_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_online_mask);
}

/**
 * boot_cpu_init - the boot CPU is possible, present and online
 *
 * The first thing start_kernel() does for SMP: everything after may ask
 * cpu_online(0). The other CPUs become possible when the MADT is read
 * (smp_prepare_cpus()).
 * Linux: boot_cpu_init()
 */
void boot_cpu_init(void)
{
	int cpu = smp_processor_id();

	set_cpu_online(cpu, true);
	set_cpu_present(cpu, true);
	set_cpu_possible(cpu, true);
}

/**
 * cpu_up - bring a present CPU online
 * @cpu: the CPU
 *
 * Boots it with the arch's __cpu_up() on the idle task idle_threads_init()
 * made for it, and returns once it runs its idle loop and takes work.
 * Return: 0 (also if it was online already), -EINVAL for a CPU that is
 * not present, -ENOMEM without an idle task, -EIO if it did not answer.
 * Linux: cpu_up() / _cpu_up() / bringup_cpu()
 */
int cpu_up(unsigned int cpu)
{
	struct task_struct *idle;
	int ret = 0;

	if (!cpu_present(cpu))
		return -EINVAL;
	mutex_lock(&cpu_add_remove_lock);
	if (cpu_online(cpu))
		goto out;
	idle = idle_thread_get(cpu);
	if (!idle) {
		ret = -ENOMEM;
		goto out;
	}
	ret = __cpu_up(cpu, idle);
out:
	mutex_unlock(&cpu_add_remove_lock);
	return ret;
}
