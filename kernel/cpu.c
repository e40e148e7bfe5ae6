// SPDX-License-Identifier: GPL-2.0
/*
 * Which CPUs exist and which run: the possible, present, online and
 * active masks; cpu_up(), which brings one CPU from present to online,
 * and cpu_down(), which takes it back offline (CPU hotplug).
 *
 * Linux runs both directions through a state machine of ~100 cpuhp
 * states, each a callback. Spindle has the few states that matter here,
 * called in Linux's order by name (the CPUHP_* state in each comment):
 *
 *   cpu_down(N)                               cpu_up(N)
 *     set_cpu_active(N, false)  AP_ACTIVE       __cpu_up(): INIT/SIPI     BRINGUP_CPU
 *     smpboot_park_threads()    AP_SMPBOOT_THREADS   smpboot_create_threads()  CREATE_THREADS
 *     takedown_cpu():           TEARDOWN_CPU    stop_machine_unpark()     AP_ONLINE_IDLE
 *       stop_machine(take_cpu_down) on N:       smpboot_unpark_threads()  AP_SMPBOOT_THREADS
 *         __cpu_disable(): offline, tick off    set_cpu_active(N, true)   AP_ACTIVE
 *         sched_cpu_dying(): tasks moved away
 *         stop_machine_park()
 *       __cpu_die(): wait for play_dead
 *     free_vm_stack_cache()     BP_PREPARE_DYN (its cached kernel stacks)
 *     timers_dead_cpu()         TIMERS_PREPARE
 *     slub_cpu_dead()           SLUB_DEAD
 *
 * Locking: cpu_add_remove_lock (a mutex) serialises every bring-up and
 * take-down (cpu_maps_update_begin()), so two callers cannot change the
 * same CPU or share the one trampoline. cpu_hotplug_lock (cpus_read_lock(),
 * Linux's per-CPU rwsem, here a mutex: readers exclude each other too,
 * which costs only concurrency) is held while the masks change; it nests
 * inside cpu_add_remove_lock. Each mask bit is changed with an atomic
 * instruction; the online bit of a CPU is set by that CPU itself once it
 * can take work (start_secondary()) and cleared by itself as it goes
 * (__cpu_disable()).
 * Linux: kernel/cpu.c
 */
#include <linux/bitops.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/hotplug.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/smpboot.h>
#include <linux/stop_machine.h>
#include <linux/timer.h>

/*
 * NR_CPUS low bits, as Linux's BITMAP_LAST_WORD_MASK(NR_CPUS): a right
 * shift, never by 64 (clang rejects even the untaken 1UL << 64 branch).
 */
const struct cpumask __cpu_all_mask = { { ~0UL >> (-NR_CPUS & (BITS_PER_LONG - 1)) } };
struct cpumask __cpu_possible_mask;
struct cpumask __cpu_present_mask;
struct cpumask __cpu_online_mask;
struct cpumask __cpu_active_mask;

/* Held across a whole bring-up or take-down; outermost. Linux: cpu_add_remove_lock */
static DEFINE_MUTEX(cpu_add_remove_lock);
/* Held while CPUs change state; inside cpu_add_remove_lock. Linux: cpu_hotplug_lock */
static DEFINE_MUTEX(cpu_hotplug_lock);

/**
 * cpu_maps_update_begin - keep CPUs from coming or going (the outer lock)
 * Linux: cpu_maps_update_begin()
 */
void cpu_maps_update_begin(void)
{
	mutex_lock(&cpu_add_remove_lock);
}

/**
 * cpu_maps_update_done - end of cpu_maps_update_begin()
 * Linux: cpu_maps_update_done()
 */
void cpu_maps_update_done(void)
{
	mutex_unlock(&cpu_add_remove_lock);
}

/**
 * cpus_read_lock - keep the online mask as it is for a while
 * Linux: cpus_read_lock()
 */
void cpus_read_lock(void)
{
	mutex_lock(&cpu_hotplug_lock);
}

/**
 * cpus_read_unlock - end of cpus_read_lock()
 * Linux: cpus_read_unlock()
 */
void cpus_read_unlock(void)
{
	mutex_unlock(&cpu_hotplug_lock);
}

/**
 * lockdep_assert_cpus_held - WARN unless the caller holds cpus_read_lock()
 * Linux: lockdep_assert_cpus_held()
 */
void lockdep_assert_cpus_held(void)
{
	lockdep_assert_held(&cpu_hotplug_lock);
}

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
 * set_cpu_active - add @cpu to or remove it from cpu_active_mask
 * @cpu: the CPU
 * @active: true to add it, false to remove it
 * Linux: set_cpu_active()
 */
void set_cpu_active(unsigned int cpu, bool active)
{
	if (active)
		cpumask_set_cpu(cpu, &__cpu_active_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_active_mask);
}

/**
 * boot_cpu_init - the boot CPU is possible, present, online and active
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
	set_cpu_active(cpu, true);
	set_cpu_present(cpu, true);
	set_cpu_possible(cpu, true);
}

/**
 * cpu_up - bring a present CPU online
 * @cpu: the CPU
 *
 * Boots it with the arch's __cpu_up() on the idle task idle_threads_init()
 * made for it (again, after a cpu_down(): INIT and STARTUP wake it from
 * play_dead()), lets its per-CPU threads run and opens it to the
 * scheduler. Returns once it runs its idle loop and takes work.
 * Return: 0 (also if it was online already), -EINVAL for a CPU that is
 * not present, -ENOMEM without an idle task or threads, -EIO if it did
 * not answer.
 * Linux: cpu_up() / _cpu_up() / bringup_cpu()
 */
int cpu_up(unsigned int cpu)
{
	struct task_struct *idle;
	int ret = 0;

	if (!cpu_present(cpu))
		return -EINVAL;
	cpu_maps_update_begin();
	if (cpu_online(cpu))
		goto out;
	idle = idle_thread_get(cpu);
	if (!idle) {
		ret = -ENOMEM;
		goto out;
	}
	cpus_read_lock();
	ret = __cpu_up(cpu, idle);			/* CPUHP_BRINGUP_CPU */
	/*
	 * CPUHP_CREATE_THREADS: threads registered while the CPU was away
	 * are made now, parked. Linux makes them before the bring-up; here
	 * kthread_create_on_cpu() wants the CPU online, and the CPU is not
	 * active yet, so nothing else runs there before they are made.
	 */
	if (!ret)
		ret = smpboot_create_threads(cpu);
	if (!ret) {
		stop_machine_unpark(cpu);		/* CPUHP_AP_ONLINE_IDLE */
		smpboot_unpark_threads(cpu);		/* CPUHP_AP_SMPBOOT_THREADS */
		set_cpu_active(cpu, true);		/* CPUHP_AP_ACTIVE */
	}
	cpus_read_unlock();
out:
	cpu_maps_update_done();
	return ret;
}

/*
 * On the dying CPU, in its stopper, interrupts off, while every other
 * CPU spins in stop_machine(). Return: 0, or __cpu_disable()'s error.
 * Linux: take_cpu_down()
 */
static int take_cpu_down(void *unused)
{
	unsigned int cpu = smp_processor_id();
	int err;

	err = __cpu_disable();
	if (err)
		return err;
	/* CPUHP_AP_SCHED_STARTING: nothing queued may stay. */
	sched_cpu_dying(cpu);
	/* The stopper parks when this work is done: it is the last to run here. */
	stop_machine_park(cpu);
	return 0;
}

/* CPUHP_TEARDOWN_CPU. Linux: takedown_cpu() */
static int takedown_cpu(unsigned int cpu)
{
	int err;

	err = stop_machine_cpuslocked(take_cpu_down, NULL, cpumask_of(cpu));
	if (err)
		return err;
	/* Wait until it idles in play_dead(); then nothing of it runs any more. */
	return __cpu_die(cpu);
}

/* With cpu_add_remove_lock held. Linux: _cpu_down() */
static int _cpu_down(unsigned int cpu)
{
	int ret;

	if (num_online_cpus() == 1)
		return -EBUSY;
	if (!cpu_online(cpu))
		return 0;
	cpus_read_lock();
	set_cpu_active(cpu, false);		/* CPUHP_AP_ACTIVE: no new tasks here */
	smpboot_park_threads(cpu);		/* CPUHP_AP_SMPBOOT_THREADS */
	ret = takedown_cpu(cpu);		/* CPUHP_TEARDOWN_CPU */
	if (ret) {
		/* Still online: undo, as Linux's rollback does. */
		smpboot_unpark_threads(cpu);
		set_cpu_active(cpu, true);
	} else {
		free_vm_stack_cache(cpu);	/* CPUHP_BP_PREPARE_DYN: "fork:vm_stack_cache" */
		timers_dead_cpu(cpu);		/* CPUHP_TIMERS_PREPARE */
		slub_cpu_dead(cpu);		/* CPUHP_SLUB_DEAD: its slabs back to the nodes */
	}
	cpus_read_unlock();
	return ret;
}

/**
 * cpu_down - take an online CPU offline
 * @cpu: the CPU
 *
 * Its per-CPU threads are parked, every task queued on it moves to
 * another CPU, its tick stops, and it idles with interrupts off in
 * play_dead() until cpu_up() wakes it again.
 * Return: 0 (also if it was offline already), -EINVAL for a CPU that is
 * not present, -EBUSY for the boot CPU or the last online one.
 * Linux: cpu_down() / cpu_down_maps_locked()
 */
int cpu_down(unsigned int cpu)
{
	int ret;

	if (!cpu_present(cpu))
		return -EINVAL;
	if (!arch_cpu_is_hotpluggable(cpu))
		return -EBUSY;
	cpu_maps_update_begin();
	ret = _cpu_down(cpu);
	cpu_maps_update_done();
	return ret;
}

/**
 * remove_cpu - take @cpu offline (what writing 0 to its sysfs "online" does)
 * @cpu: the CPU
 * Return: as cpu_down().
 * Linux: remove_cpu()
 */
int remove_cpu(unsigned int cpu)
{
	return cpu_down(cpu);
}

/**
 * add_cpu - bring @cpu back online (writing 1 to its sysfs "online")
 * @cpu: the CPU
 * Return: as cpu_up().
 * Linux: add_cpu()
 */
int add_cpu(unsigned int cpu)
{
	return cpu_up(cpu);
}
