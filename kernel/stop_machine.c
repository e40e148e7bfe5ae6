// SPDX-License-Identifier: GPL-2.0
/*
 * The CPU stopper: for each CPU a kthread "migration/N", bound to it and
 * of the highest priority, that runs the functions queued for it.
 * stop_one_cpu() queues one and waits. While the stopper runs nothing
 * else runs on its CPU, so the function finds every other task of that
 * CPU off the CPU: set_cpus_allowed_ptr() uses this to move a task that
 * is running right now (migration_cpu_stop() in kernel/sched/core.c).
 *
 * stop_machine() queues one work on every online CPU: each stopper
 * turns its interrupts off and they step together through a little
 * state machine (multi_cpu_stop()), so that the function runs on its
 * CPU while every other CPU spins with interrupts off, holding nothing.
 * CPU hotplug takes a CPU down this way (take_cpu_down(), kernel/cpu.c).
 *
 * The stoppers are smpboot threads (cpu_stop_threads), self-parking:
 * smpboot makes them, but a stopper is parked by its own CPU at the end
 * of take_cpu_down() (stop_machine_park()) and unparked once its CPU is
 * back (stop_machine_unpark()), because the stopper itself is what takes
 * its CPU down.
 *
 * Linux gives the stoppers a scheduling class of their own above RT;
 * Spindle makes them SCHED_FIFO at the top RT priority, which only
 * another priority-99 FIFO task could delay.
 * Locking: each stopper's lock guards its work list and `enabled`,
 * taken with interrupts off (stop_one_cpu() may come from anywhere).
 * stop_cpus_mutex lets one stop_machine() queue its works at a time, so
 * two can never wait for each other on different CPUs.
 * Linux: kernel/stop_machine.c
 */
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/nmi.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/smpboot.h>
#include <linux/spinlock.h>
#include <linux/stop_machine.h>

/* The caller's side of one request. Linux: struct cpu_stop_done */
struct cpu_stop_done {
	atomic_t nr_todo;		/* works not yet done */
	int ret;			/* the first non-zero return */
	struct completion completion;
};

/* One request. Linux: struct cpu_stop_work */
struct cpu_stop_work {
	struct list_head list;
	cpu_stop_fn_t fn;
	void *arg;
	struct cpu_stop_done *done;
};

struct cpu_stopper {
	raw_spinlock_t lock;		/* guards enabled and works; interrupts off */
	bool enabled;			/* the thread runs and takes work */
	struct list_head works;
	struct cpu_stop_work stop_work;	/* stop_machine()'s work for this CPU */
};

static struct cpu_stopper cpu_stopper[NR_CPUS];
static struct task_struct *cpu_stopper_task[NR_CPUS];	/* smpboot's store */
/* Serialises stop_machine(): one set of multi_cpu_stop() works queued at a time. */
static DEFINE_MUTEX(stop_cpus_mutex);

static void cpu_stop_init_done(struct cpu_stop_done *done, unsigned int nr_todo)
{
	atomic_set(&done->nr_todo, nr_todo);
	done->ret = 0;
	init_completion(&done->completion);
}

/* One work of @done finished with @ret. Linux: cpu_stop_signal_done() */
static void cpu_stop_signal_done(struct cpu_stop_done *done, int ret)
{
	if (ret && !done->ret)
		done->ret = ret;
	if (atomic_dec_and_test(&done->nr_todo))
		complete(&done->completion);
}

/* Queue @work on @cpu's stopper and wake it. Return: false if it has none. */
static bool cpu_stop_queue_work(unsigned int cpu, struct cpu_stop_work *work)
{
	struct cpu_stopper *stopper = &cpu_stopper[cpu];
	unsigned long flags;
	bool enabled;

	raw_spin_lock_irqsave(&stopper->lock, flags);
	enabled = stopper->enabled;
	if (enabled) {
		list_add_tail(&work->list, &stopper->works);
		wake_up_process(cpu_stopper_task[cpu]);
	}
	raw_spin_unlock_irqrestore(&stopper->lock, flags);
	return enabled;
}

/**
 * stop_one_cpu - run @fn(@arg) on @cpu above every other task, and wait
 * @cpu: the CPU
 * @fn: the function; runs in @cpu's stopper thread (it may sleep, but
 *	everything else on that CPU waits meanwhile)
 * @arg: its argument
 *
 * Return: what @fn returned, or -ENOENT if @cpu has no stopper (offline,
 * or before cpu_stop_init()).
 * Linux: stop_one_cpu()
 */
int stop_one_cpu(unsigned int cpu, cpu_stop_fn_t fn, void *arg)
{
	struct cpu_stop_done done;
	struct cpu_stop_work work = { .fn = fn, .arg = arg, .done = &done };

	if (cpu >= NR_CPUS)
		return -ENOENT;
	cpu_stop_init_done(&done, 1);
	if (!cpu_stop_queue_work(cpu, &work))
		return -ENOENT;
	wait_for_completion(&done.completion);
	return done.ret;
}

/* The states every CPU of a stop_machine() steps through together. */
enum multi_stop_state {
	MULTI_STOP_NONE,
	MULTI_STOP_PREPARE,	/* every stopper has started */
	MULTI_STOP_DISABLE_IRQ,	/* every CPU has its interrupts off */
	MULTI_STOP_RUN,		/* the active CPUs run the function */
	MULTI_STOP_EXIT,
};

struct multi_stop_data {
	cpu_stop_fn_t fn;
	void *data;
	unsigned int num_threads;
	const struct cpumask *active_cpus;	/* where fn runs */
	enum multi_stop_state state;
	atomic_t thread_ack;			/* CPUs yet to reach state */
};

static void set_state(struct multi_stop_data *msdata, enum multi_stop_state newstate)
{
	/* Reset the count before the state: a CPU that sees the state may ack at once. */
	atomic_set(&msdata->thread_ack, msdata->num_threads);
	smp_wmb();
	WRITE_ONCE(msdata->state, newstate);
}

/* The last CPU to reach a state moves everyone to the next. Linux: ack_state() */
static void ack_state(struct multi_stop_data *msdata)
{
	if (atomic_dec_and_test(&msdata->thread_ack))
		set_state(msdata, msdata->state + 1);
}

/*
 * Every CPU of a stop_machine() runs this in its stopper. Each new state
 * is acted on and acknowledged once; nobody leaves a state before all
 * have reached it. Return: what fn returned on this CPU (0 elsewhere).
 * Linux: multi_cpu_stop()
 */
static int multi_cpu_stop(void *data)
{
	struct multi_stop_data *msdata = data;
	enum multi_stop_state newstate, curstate = MULTI_STOP_NONE;
	bool is_active = cpumask_test_cpu(smp_processor_id(), msdata->active_cpus);
	unsigned long flags;
	int err = 0;

	local_save_flags(flags);
	do {
		cpu_relax();
		/* Interrupts may be off here for a while, on purpose. */
		touch_nmi_watchdog();
		newstate = READ_ONCE(msdata->state);
		if (newstate == curstate)
			continue;
		curstate = newstate;
		switch (curstate) {
		case MULTI_STOP_DISABLE_IRQ:
			local_irq_disable();
			break;
		case MULTI_STOP_RUN:
			if (is_active)
				err = msdata->fn(msdata->data);
			break;
		default:
			break;
		}
		ack_state(msdata);
	} while (curstate != MULTI_STOP_EXIT);
	local_irq_restore(flags);
	return err;
}

/**
 * stop_machine_cpuslocked - stop_machine() with the hotplug lock held
 * @fn: the function; runs with interrupts off, must not sleep
 * @data: its argument
 * @cpus: where @fn runs (NULL: the first online CPU)
 *
 * Return: what @fn returned (the first error if it ran on several CPUs).
 * Linux: stop_machine_cpuslocked()
 */
int stop_machine_cpuslocked(cpu_stop_fn_t fn, void *data, const struct cpumask *cpus)
{
	struct multi_stop_data msdata = {
		.fn = fn, .data = data, .num_threads = num_online_cpus(),
		.active_cpus = cpus ? cpus : cpumask_of(cpumask_first(cpu_online_mask)),
	};
	struct cpu_stop_done done;
	unsigned int cpu, queued = 0;

	lockdep_assert_cpus_held();
	if (!cpu_stopper_task[raw_smp_processor_id()]) {
		/* No stoppers (one CPU): nobody else to stop. Linux: the !stop_machine_initialized case */
		unsigned long flags;
		int ret;

		WARN_ON_ONCE(num_online_cpus() > 1);
		local_irq_save(flags);
		ret = fn(data);
		local_irq_restore(flags);
		return ret;
	}
	set_state(&msdata, MULTI_STOP_PREPARE);
	mutex_lock(&stop_cpus_mutex);
	cpu_stop_init_done(&done, msdata.num_threads);
	/*
	 * Queue on every CPU before any stopper runs: our own CPU's would
	 * preempt us at its wakeup and spin for the others, which we would
	 * then never queue. Linux: queue_stop_cpus_work()
	 */
	preempt_disable();
	for_each_online_cpu(cpu) {
		struct cpu_stop_work *work = &cpu_stopper[cpu].stop_work;

		work->fn = multi_cpu_stop;
		work->arg = &msdata;
		work->done = &done;
		if (cpu_stop_queue_work(cpu, work))
			queued++;
	}
	preempt_enable();
	/* With the hotplug lock held every online CPU has its stopper. */
	BUG_ON(queued != msdata.num_threads);
	wait_for_completion(&done.completion);
	mutex_unlock(&stop_cpus_mutex);
	return done.ret;
}

/**
 * stop_machine - run @fn while every online CPU spins with interrupts off
 * @fn: the function; runs with interrupts off, must not sleep
 * @data: its argument
 * @cpus: where @fn runs (NULL: the first online CPU)
 *
 * Return: what @fn returned.
 * Linux: stop_machine()
 */
int stop_machine(cpu_stop_fn_t fn, void *data, const struct cpumask *cpus)
{
	int ret;

	cpus_read_lock();
	ret = stop_machine_cpuslocked(fn, data, cpus);
	cpus_read_unlock();
	return ret;
}

/* Linux: cpu_stop_should_run() */
static int cpu_stop_should_run(unsigned int cpu)
{
	struct cpu_stopper *stopper = &cpu_stopper[cpu];
	unsigned long flags;
	int run;

	raw_spin_lock_irqsave(&stopper->lock, flags);
	run = !list_empty(&stopper->works);
	raw_spin_unlock_irqrestore(&stopper->lock, flags);
	return run;
}

/* migration/N: run one queued work. Linux: cpu_stopper_thread() */
static void cpu_stopper_thread(unsigned int cpu)
{
	struct cpu_stopper *stopper = &cpu_stopper[cpu];
	struct cpu_stop_work *work = NULL;
	unsigned long flags;

	raw_spin_lock_irqsave(&stopper->lock, flags);
	if (!list_empty(&stopper->works)) {
		work = list_first_entry(&stopper->works, struct cpu_stop_work, list);
		list_del_init(&work->list);
	}
	raw_spin_unlock_irqrestore(&stopper->lock, flags);
	if (work)
		cpu_stop_signal_done(work->done, work->fn(work->arg));
}

/**
 * stop_machine_park - park this CPU's stopper (take_cpu_down(), its last act)
 * @cpu: the dying CPU, the caller's own
 *
 * Called from the stopper itself: kthread_park() of oneself only sets
 * the flag, and the stopper parks once its current work is done.
 * Linux: stop_machine_park()
 */
void stop_machine_park(int cpu)
{
	struct cpu_stopper *stopper = &cpu_stopper[cpu];
	unsigned long flags;

	raw_spin_lock_irqsave(&stopper->lock, flags);
	stopper->enabled = false;
	raw_spin_unlock_irqrestore(&stopper->lock, flags);
	kthread_park(cpu_stopper_task[cpu]);
}

/**
 * stop_machine_unpark - let @cpu's stopper take work again
 * @cpu: a CPU that is online
 * Linux: stop_machine_unpark()
 */
void stop_machine_unpark(int cpu)
{
	struct cpu_stopper *stopper = &cpu_stopper[cpu];
	unsigned long flags;

	if (!cpu_stopper_task[cpu])
		return;
	raw_spin_lock_irqsave(&stopper->lock, flags);
	stopper->enabled = true;
	raw_spin_unlock_irqrestore(&stopper->lock, flags);
	kthread_unpark(cpu_stopper_task[cpu]);
}

/* Parking with work queued would strand its waiter. Linux: cpu_stop_park() */
static void cpu_stop_park(unsigned int cpu)
{
	WARN_ON(!list_empty(&cpu_stopper[cpu].works));
}

/* Made, parked: make it the CPU's most urgent task. Linux: cpu_stop_create() */
static void cpu_stop_create(unsigned int cpu)
{
	struct sched_param param = { .sched_priority = MAX_RT_PRIO - 1 };

	sched_setscheduler_nocheck(cpu_stopper_task[cpu], SCHED_FIFO, &param);
}

static struct smp_hotplug_thread cpu_stop_threads = {
	.store = cpu_stopper_task,
	.thread_should_run = cpu_stop_should_run,
	.thread_fn = cpu_stopper_thread,
	.thread_comm = "migration/%u",
	.create = cpu_stop_create,
	.park = cpu_stop_park,
	.selfparking = true,
};

/**
 * cpu_stop_init - make migration/N on every CPU and unpark the online ones'
 *
 * Called once the CPUs are up (smp_init()). Without stoppers (one
 * possible CPU, see kernel/smpboot.c, or no memory for them)
 * stop_one_cpu() returns -ENOENT and a running task moves at its next
 * wakeup instead.
 * Linux: cpu_stop_init() (an early_initcall there, before the APs)
 */
void cpu_stop_init(void)
{
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		raw_spin_lock_init(&cpu_stopper[cpu].lock);
		INIT_LIST_HEAD(&cpu_stopper[cpu].works);
	}
	if (smpboot_register_percpu_thread(&cpu_stop_threads)) {
		pr_err("stop_machine: no migration threads\n");
		return;
	}
	for_each_online_cpu(cpu)
		stop_machine_unpark(cpu);
}
