// SPDX-License-Identifier: GPL-2.0
/*
 * Threads that exist once per CPU.
 *
 * First each CPU's idle task, made before the CPU is booted, because the
 * CPU starts on its stack. Then the per-CPU threads of the rest of the
 * kernel (ksoftirqd/N, migration/N): a subsystem describes its thread in
 * a struct smp_hotplug_thread and registers it; smpboot makes one thread
 * per online CPU, bound to it, and keeps them in step with CPU hotplug:
 *
 *   CPU going down:  smpboot_park_threads()   kthread_park() each thread
 *   CPU coming up:   smpboot_create_threads() (first time only), then
 *                    smpboot_unpark_threads() kthread_unpark(), which
 *                    binds the thread to its CPU again
 *
 * Each thread runs smpboot_thread_fn(), a loop that asks its owner
 * thread_should_run() and calls thread_fn() while it says yes, and
 * handles stop and park requests in between, calling the owner's setup,
 * park, unpark and cleanup hooks at the right moments.
 *
 * With one possible CPU Spindle makes no per-CPU threads (registering
 * succeeds and makes none): there is no CPU to hotplug and nowhere to
 * migrate to, pending softirqs wait for the next interrupt's irq_exit(),
 * and the boot's first kthread creation stays the demo's, which
 * docs/gdb.md steps through. Linux makes them on every machine.
 *
 * Locking: idle_threads[] is written once per CPU by the boot CPU before
 * that CPU is brought up, and only read afterwards. smpboot_threads_lock
 * guards hotplug_threads and each thread's slot in its store; the hotplug
 * steps run with cpu_add_remove_lock held (kernel/cpu.c) and take it
 * inside that.
 * Linux: kernel/smpboot.c
 */
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/smpboot.h>

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

/* Guards hotplug_threads and the stores' slots; nests inside cpu_add_remove_lock. */
static DEFINE_MUTEX(smpboot_threads_lock);
static LIST_HEAD(hotplug_threads);

/* Where a thread is in its life, as smpboot_thread_fn() tracks it. */
enum {
	HP_THREAD_NONE = 0,	/* setup() not called yet */
	HP_THREAD_ACTIVE,	/* running thread_fn() when there is work */
	HP_THREAD_PARKED,	/* park() called; unpark() due when it runs again */
};

/* One thread's private data. Linux: struct smpboot_thread_data */
struct smpboot_thread_data {
	unsigned int cpu;
	unsigned int status;
	struct smp_hotplug_thread *ht;
};

/*
 * The loop of every smpboot thread. Stop and park are checked first, in
 * that order, each time round, with the state already TASK_INTERRUPTIBLE
 * and preemption off: a kthread_park() or a wakeup for new work that
 * comes after the checks finds the thread either before its schedule()
 * (which then returns at once, the state being RUNNING again) or asleep
 * (and wakes it), so none is lost.
 * Return: 0, when stopped.
 * Linux: smpboot_thread_fn()
 */
static int smpboot_thread_fn(void *data)
{
	/* LAB 5: smpboot_thread_fn */
	struct smpboot_thread_data *td = data;
	struct smp_hotplug_thread *ht = td->ht;

	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		preempt_disable();
		if (kthread_should_stop()) {
			__set_current_state(TASK_RUNNING);
			preempt_enable();
			/* cleanup() only for a thread that ran setup(). */
			if (ht->cleanup && td->status != HP_THREAD_NONE)
				ht->cleanup(td->cpu, cpu_online(td->cpu));
			kfree(td);
			return 0;
		}
		if (kthread_should_park()) {
			__set_current_state(TASK_RUNNING);
			preempt_enable();
			if (ht->park && td->status == HP_THREAD_ACTIVE) {
				BUG_ON(td->cpu != (unsigned int)smp_processor_id());
				ht->park(td->cpu);
				td->status = HP_THREAD_PARKED;
			}
			kthread_parkme();
			/* Unparked: round again, the stop or the unpark hook is next. */
			continue;
		}
		/* Unparked on its CPU: kthread_unpark() bound it there again. */
		BUG_ON(td->cpu != (unsigned int)smp_processor_id());
		switch (td->status) {
		case HP_THREAD_NONE:
			__set_current_state(TASK_RUNNING);
			preempt_enable();
			if (ht->setup)
				ht->setup(td->cpu);
			td->status = HP_THREAD_ACTIVE;
			continue;
		case HP_THREAD_PARKED:
			__set_current_state(TASK_RUNNING);
			preempt_enable();
			if (ht->unpark)
				ht->unpark(td->cpu);
			td->status = HP_THREAD_ACTIVE;
			continue;
		}
		if (!ht->thread_should_run(td->cpu)) {
			/* Sleep without a preemption point between the check and schedule(). */
			preempt_enable_no_resched();
			schedule();
		} else {
			__set_current_state(TASK_RUNNING);
			preempt_enable();
			ht->thread_fn(td->cpu);
		}
	}
}

/*
 * Make @ht's thread for @cpu, parked: it runs its loop only once it is
 * unparked on its CPU. Return: 0, or a negative errno.
 * Linux: __smpboot_create_thread()
 */
static int __smpboot_create_thread(struct smp_hotplug_thread *ht, unsigned int cpu)
{
	struct smpboot_thread_data *td;
	struct task_struct *tsk;

	lockdep_assert_held(&smpboot_threads_lock);
	if (ht->store[cpu])
		return 0;
	td = kzalloc(sizeof(*td), GFP_KERNEL);
	if (!td)
		return -ENOMEM;
	td->cpu = cpu;
	td->ht = ht;
	tsk = kthread_create_on_cpu(smpboot_thread_fn, td, cpu, ht->thread_comm);
	if (IS_ERR(tsk)) {
		kfree(td);
		return PTR_ERR(tsk);
	}
	kthread_set_per_cpu(tsk, cpu);
	/*
	 * Parked before it ever runs: kthread_park() wakes it, kthread()
	 * parks it before smpboot_thread_fn(), and smpboot_unpark_thread()
	 * lets it go once its CPU is online.
	 */
	kthread_park(tsk);
	get_task_struct(tsk);
	ht->store[cpu] = tsk;
	if (ht->create) {
		/* The owner may change the thread (its policy): it must be off the CPU. */
		if (!wait_task_inactive(tsk, TASK_PARKED))
			WARN_ON(1);
		else
			ht->create(cpu);
	}
	return 0;
}

/**
 * smpboot_create_threads - make every registered thread for @cpu
 * @cpu: a CPU about to come up
 * Return: 0, or the first error (the threads made so far stay, parked).
 * Linux: smpboot_create_threads() (CPUHP_CREATE_THREADS)
 */
int smpboot_create_threads(unsigned int cpu)
{
	struct smp_hotplug_thread *cur;
	int ret = 0;

	mutex_lock(&smpboot_threads_lock);
	list_for_each_entry(cur, &hotplug_threads, list) {
		ret = __smpboot_create_thread(cur, cpu);
		if (ret)
			break;
	}
	mutex_unlock(&smpboot_threads_lock);
	return ret;
}

static void smpboot_unpark_thread(struct smp_hotplug_thread *ht, unsigned int cpu)
{
	struct task_struct *tsk = ht->store[cpu];

	if (!ht->selfparking)
		kthread_unpark(tsk);
}

/**
 * smpboot_unpark_threads - let @cpu's threads run, bound to it again
 * @cpu: a CPU now online
 * Return: 0.
 * Linux: smpboot_unpark_threads() (CPUHP_AP_SMPBOOT_THREADS, going up)
 */
int smpboot_unpark_threads(unsigned int cpu)
{
	struct smp_hotplug_thread *cur;

	mutex_lock(&smpboot_threads_lock);
	list_for_each_entry(cur, &hotplug_threads, list)
		if (cur->store[cpu])
			smpboot_unpark_thread(cur, cpu);
	mutex_unlock(&smpboot_threads_lock);
	return 0;
}

static void smpboot_park_thread(struct smp_hotplug_thread *ht, unsigned int cpu)
{
	struct task_struct *tsk = ht->store[cpu];

	if (tsk && !ht->selfparking)
		kthread_park(tsk);
}

/**
 * smpboot_park_threads - park @cpu's threads, in the reverse order of registration
 * @cpu: a CPU going down
 *
 * Each returns from kthread_park() asleep in TASK_PARKED, its park()
 * hook done: nothing of it runs on @cpu any more.
 * Return: 0.
 * Linux: smpboot_park_threads() (CPUHP_AP_SMPBOOT_THREADS, going down)
 */
int smpboot_park_threads(unsigned int cpu)
{
	struct smp_hotplug_thread *cur;

	mutex_lock(&smpboot_threads_lock);
	list_for_each_entry_reverse(cur, &hotplug_threads, list)
		smpboot_park_thread(cur, cpu);
	mutex_unlock(&smpboot_threads_lock);
	return 0;
}

/* Stop and forget every thread of @ht. Linux: smpboot_destroy_threads() */
static void smpboot_destroy_threads(struct smp_hotplug_thread *ht)
{
	unsigned int cpu;

	lockdep_assert_held(&smpboot_threads_lock);
	for_each_possible_cpu(cpu) {
		struct task_struct *tsk = ht->store[cpu];

		if (tsk) {
			kthread_stop_put(tsk);
			ht->store[cpu] = NULL;
		}
	}
}

/**
 * smpboot_register_percpu_thread - make @plug_thread's thread on every online CPU
 * @plug_thread: the description; it must stay valid while registered
 *
 * From now on CPU hotplug parks, unparks and makes its threads. With one
 * possible CPU no thread is made (see the top of this file).
 * Return: 0, or a negative errno (then no thread of it is left).
 * Linux: smpboot_register_percpu_thread()
 */
int smpboot_register_percpu_thread(struct smp_hotplug_thread *plug_thread)
{
	unsigned int cpu;
	int ret = 0;

	if (num_possible_cpus() == 1)
		return 0;
	cpu_maps_update_begin();
	mutex_lock(&smpboot_threads_lock);
	for_each_online_cpu(cpu) {
		ret = __smpboot_create_thread(plug_thread, cpu);
		if (ret) {
			smpboot_destroy_threads(plug_thread);
			goto out;
		}
		smpboot_unpark_thread(plug_thread, cpu);
	}
	list_add(&plug_thread->list, &hotplug_threads);
out:
	mutex_unlock(&smpboot_threads_lock);
	cpu_maps_update_done();
	return ret;
}

/**
 * smpboot_unregister_percpu_thread - stop @plug_thread's threads
 * @plug_thread: a registered description
 * Linux: smpboot_unregister_percpu_thread()
 */
void smpboot_unregister_percpu_thread(struct smp_hotplug_thread *plug_thread)
{
	if (num_possible_cpus() == 1)
		return;
	cpu_maps_update_begin();
	mutex_lock(&smpboot_threads_lock);
	list_del(&plug_thread->list);
	smpboot_destroy_threads(plug_thread);
	mutex_unlock(&smpboot_threads_lock);
	cpu_maps_update_done();
}
