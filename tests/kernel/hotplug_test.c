// SPDX-License-Identifier: GPL-2.0
/*
 * CPU hotplug and the per-CPU threads that follow it (kernel/cpu.c,
 * kernel/smpboot.c), and the softirqs their ksoftirqd threads serve
 * (kernel/softirq.c).
 *
 * The cases that take a CPU down need a second one and skip at -smp 1;
 * they take down the highest online CPU, which no other suite pins to
 * (those use CPU 0), and always bring it back before they end.
 */
#include <kunit/test.h>
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/smp.h>
#include <linux/smpboot.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/topology.h>
#include "test_util.h"

/*
 * How long a case waits for a thread on the CPU just brought back: on
 * this loaded 2-core host a TCG vCPU may get little time for a while.
 */
#define HP_WAIT_MS	5000

#define need_two_cpus(test) do {					\
	if (num_online_cpus() < 2)					\
		kunit_skip(test, "needs a second CPU to take down (the -smp 4 boot)"); \
} while (0)

/* The CPU these cases take down: the highest online one. */
static unsigned int victim_cpu(void)
{
	unsigned int cpu, last = 0;

	for_each_online_cpu(cpu)
		last = cpu;
	return last;
}

/* How many tasks are queued (or running) on @cpu, idle aside. */
static unsigned int tasks_on_cpu(unsigned int cpu)
{
	struct task_struct *p;
	unsigned int n = 0;

	spin_lock_irq(&tasklist_lock);
	for_each_process(p)
		if (task_cpu(p) == cpu && READ_ONCE(p->on_rq) && !is_idle_task(p))
			n++;
	spin_unlock_irq(&tasklist_lock);
	return n;
}

static struct task_struct *get_task_by_comm(const char *comm)
{
	struct task_struct *p, *found = NULL;

	spin_lock_irq(&tasklist_lock);
	for_each_process(p)
		if (!strcmp(p->comm, comm)) {
			found = p;
			get_task_struct(p);
			break;
		}
	spin_unlock_irq(&tasklist_lock);
	return found;
}

/* CPU 0 and absent CPUs are refused, with Linux's errors; offline twice is no error. */
static void hotplug_refuses(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, remove_cpu(0), -EBUSY);
	KUNIT_EXPECT_TRUE(test, cpu_online(0));
	KUNIT_EXPECT_EQ(test, remove_cpu(NR_CPUS - 1), cpu_present(NR_CPUS - 1) ? 0 : -EINVAL);
	KUNIT_EXPECT_EQ(test, add_cpu(NR_CPUS - 1), cpu_present(NR_CPUS - 1) ? 0 : -EINVAL);
	KUNIT_EXPECT_EQ(test, add_cpu(0), 0);	/* online already */
}

/*
 * Down: its ksoftirqd and migration threads are parked (by kthread_park(),
 * smpboot's and the stopper's own), nothing is left queued on it, Linux's
 * line is logged. Up: the same threads run again, bound to it, on it.
 */
static void hotplug_parks_and_unparks(struct kunit *test)
{
	unsigned int cpu;
	struct task_struct *ksoftirqd, *stopper;
	char name[TASK_COMM_LEN];
	u64 seq;

	need_two_cpus(test);
	cpu = victim_cpu();
	ksoftirqd = ksoftirqd_task(cpu);
	KUNIT_ASSERT_NOT_NULL(test, ksoftirqd);
	snprintf(name, sizeof(name), "migration/%u", cpu);
	stopper = get_task_by_comm(name);
	KUNIT_ASSERT_NOT_NULL(test, stopper);
	KUNIT_EXPECT_TRUE(test, kthread_is_per_cpu(ksoftirqd));
	KUNIT_EXPECT_TRUE(test, kthread_is_per_cpu(stopper));

	seq = log_next();
	KUNIT_ASSERT_EQ(test, remove_cpu(cpu), 0);
	KUNIT_EXPECT_FALSE(test, cpu_online(cpu));
	KUNIT_EXPECT_FALSE(test, cpu_active(cpu));
	KUNIT_EXPECT_EQ(test, READ_ONCE(ksoftirqd->__state), TASK_PARKED);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(stopper->__state) == TASK_PARKED, HP_WAIT_MS));
	KUNIT_EXPECT_EQ(test, tasks_on_cpu(cpu), 0);
	snprintf(name, sizeof(name), "CPU %u is now offline", cpu);
	KUNIT_EXPECT_TRUE(test, log_has_since(seq, name));
	KUNIT_EXPECT_EQ(test, remove_cpu(cpu), 0);	/* offline already */

	seq = log_next();
	KUNIT_ASSERT_EQ(test, add_cpu(cpu), 0);
	KUNIT_EXPECT_TRUE(test, cpu_online(cpu));
	KUNIT_EXPECT_TRUE(test, cpu_active(cpu));
	snprintf(name, sizeof(name), "Booting Node %d Processor %u APIC", cpu_to_node(cpu), cpu);
	KUNIT_EXPECT_TRUE(test, log_has_since(seq, name));
	/* Woken by kthread_unpark(); TASK_PARKED again only for a moment in __kthread_parkme(). */
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(ksoftirqd->__state) != TASK_PARKED, HP_WAIT_MS));
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(stopper->__state) != TASK_PARKED, HP_WAIT_MS));
	KUNIT_EXPECT_TRUE(test, cpumask_equal(&ksoftirqd->cpus_mask, cpumask_of(cpu)));
	KUNIT_EXPECT_TRUE(test, cpumask_equal(&stopper->cpus_mask, cpumask_of(cpu)));
	/* The stopper works again: set_cpus_allowed_ptr() of a running task needs it. */
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(current, cpumask_of(cpu)), 0);
	KUNIT_EXPECT_EQ(test, smp_processor_id(), (int)cpu);
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(current, cpu_possible_mask), 0);
	put_task_struct(stopper);
}

/* Spin on the CPU it was bound to, yielding, until told to stop. */
static int spin_bound_fn(void *data)
{
	int *last_cpu = data;

	while (!kthread_should_stop()) {
		WRITE_ONCE(*last_cpu, smp_processor_id());
		cond_resched();
	}
	return 0;
}

/*
 * A thread bound to the CPU (kthread_bind(), not a per-CPU thread) and
 * runnable there is moved away by sched_cpu_dying(), with Linux's line,
 * and may run anywhere from then on.
 */
static void hotplug_moves_bound_task(struct kunit *test)
{
	struct task_struct *t;
	unsigned int cpu;
	int last_cpu = -1;
	char line[64];
	u64 seq;

	need_two_cpus(test);
	cpu = victim_cpu();
	t = kthread_create(spin_bound_fn, &last_cpu, "hp_bound");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	get_task_struct(t);
	kthread_bind(t, cpu);
	wake_up_process(t);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(last_cpu) == (int)cpu, HP_WAIT_MS));

	seq = log_next();
	KUNIT_ASSERT_EQ(test, remove_cpu(cpu), 0);
	WRITE_ONCE(last_cpu, -1);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(last_cpu) >= 0, HP_WAIT_MS));
	KUNIT_EXPECT_NE(test, READ_ONCE(last_cpu), (int)cpu);
	KUNIT_EXPECT_NE(test, task_cpu(t), cpu);
	KUNIT_EXPECT_GT(test, cpumask_weight(&t->cpus_mask), 1);
	snprintf(line, sizeof(line), "process %d (hp_bound) no longer affine to cpu%u",
		 t->pid, cpu);
	KUNIT_EXPECT_TRUE(test, log_has_since(seq, line));
	KUNIT_EXPECT_EQ(test, tasks_on_cpu(cpu), 0);
	KUNIT_EXPECT_EQ(test, add_cpu(cpu), 0);
	kthread_stop_put(t);
}

static int exit_at_once_fn(void *unused)
{
	return 0;
}

/*
 * A CPU going down frees the kernel stacks it cached (free_vm_stack_cache(),
 * kernel/fork.c): else they would stay taken for as long as it is offline.
 */
static void hotplug_frees_cached_stacks(struct kunit *test)
{
	struct cpumask saved = current->cpus_mask;
	unsigned long vm_pages;
	unsigned int cpu;
	pid_t pid;

	need_two_cpus(test);
	cpu = victim_cpu();
	drain_cached_thread_stacks();
	vm_pages = vmalloc_nr_pages();
	/* A child made, run and freed on @cpu leaves its stack in @cpu's cache. */
	KUNIT_ASSERT_EQ(test, set_cpus_allowed_ptr(current, cpumask_of(cpu)), 0);
	pid = kernel_thread(exit_at_once_fn, NULL, "hp_stack", SIGCHLD);
	KUNIT_ASSERT_GT(test, pid, 0);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, NULL), pid);
	wait_for_dead_tasks(1000);
	set_cpus_allowed_ptr(current, &saved);
	KUNIT_EXPECT_EQ(test, nr_cached_thread_stacks(cpu), 1);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), vm_pages + THREAD_SIZE / PAGE_SIZE);

	KUNIT_ASSERT_EQ(test, remove_cpu(cpu), 0);
	KUNIT_EXPECT_EQ(test, nr_cached_thread_stacks(cpu), 0);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), vm_pages);
	KUNIT_EXPECT_EQ(test, add_cpu(cpu), 0);
}

struct hotplug_timer {
	struct timer_list timer;
	struct completion *done;
};

static void hotplug_timer_fn(struct timer_list *t)
{
	complete(container_of(t, struct hotplug_timer, timer)->done);
}

/* A timer armed on the CPU still fires after the CPU went down (timers_dead_cpu()). */
static void hotplug_migrates_timers(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(done);
	struct hotplug_timer ht = { .done = &done };
	unsigned int cpu;

	need_two_cpus(test);
	cpu = victim_cpu();
	timer_setup(&ht.timer, hotplug_timer_fn, 0);
	/* Armed from the CPU, so it is on that CPU's base. */
	KUNIT_ASSERT_EQ(test, set_cpus_allowed_ptr(current, cpumask_of(cpu)), 0);
	mod_timer(&ht.timer, jiffies + msecs_to_jiffies(1500));
	KUNIT_ASSERT_EQ(test, set_cpus_allowed_ptr(current, cpu_possible_mask), 0);
	KUNIT_EXPECT_EQ(test, (unsigned int)(ht.timer.flags & TIMER_CPUMASK), cpu);
	KUNIT_ASSERT_EQ(test, remove_cpu(cpu), 0);
	if (!timer_pending(&ht.timer)) {
		del_timer_sync(&ht.timer);
		KUNIT_EXPECT_EQ(test, add_cpu(cpu), 0);
		kunit_skip(test, "the timer expired before the CPU went down (a slow host)");
	}
	KUNIT_EXPECT_NE(test, (unsigned int)(ht.timer.flags & TIMER_CPUMASK), cpu);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&done, msecs_to_jiffies(HP_WAIT_MS)), 0);
	del_timer_sync(&ht.timer);
	KUNIT_EXPECT_EQ(test, add_cpu(cpu), 0);
}

static int create_loop_fn(void *data)
{
	unsigned long *created = data;
	int child_cpu;

	while (!kthread_should_stop()) {
		struct task_struct *t = kthread_run(spin_bound_fn, &child_cpu, "hp_child");

		if (IS_ERR(t))
			return PTR_ERR(t);
		kthread_stop(t);
		WRITE_ONCE(*created, *created + 1);
	}
	return 0;
}

/*
 * Cycle the CPU down and up while threads are created and stopped on
 * all CPUs: every creation succeeds, nothing is left on the CPU each
 * time it is down, and memory ends where it started.
 */
static void hotplug_cycle_while_creating(struct kunit *test)
{
	struct task_struct *creator;
	struct mem_snapshot base;
	unsigned long created = 0, before;
	unsigned int cpu;

	need_two_cpus(test);
	cpu = victim_cpu();
	mem_snapshot_take(&base);
	creator = kthread_run(create_loop_fn, &created, "hp_creator");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, creator);
	for (int i = 0; i < 5; i++) {
		before = READ_ONCE(created);
		KUNIT_ASSERT_EQ(test, remove_cpu(cpu), 0);
		KUNIT_EXPECT_EQ(test, tasks_on_cpu(cpu), 0);
		KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(created) > before + 2, HP_WAIT_MS));
		KUNIT_ASSERT_EQ(test, add_cpu(cpu), 0);
		before = READ_ONCE(created);
		KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(created) > before + 2, HP_WAIT_MS));
	}
	KUNIT_EXPECT_EQ(test, kthread_stop(creator), 0);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* ---- struct smp_hotplug_thread: the hooks, in order, on their CPU ---- */

#define HP_EVENTS 16

/* What test_ht's hooks saw on each CPU, in order: "s" setup, "f" fn, ... */
static char hp_events[NR_CPUS][HP_EVENTS + 1];
static bool hp_wrong_cpu;
static unsigned long hp_work[NR_CPUS];
static struct task_struct *hp_threads[NR_CPUS];

static void hp_event(unsigned int cpu, char what)
{
	size_t n = strlen(hp_events[cpu]);

	if ((unsigned int)smp_processor_id() != cpu)
		WRITE_ONCE(hp_wrong_cpu, true);
	if (n < HP_EVENTS)
		hp_events[cpu][n] = what;
}

static int hp_should_run(unsigned int cpu)
{
	return READ_ONCE(hp_work[cpu]) != 0;
}

static void hp_fn(unsigned int cpu)
{
	hp_event(cpu, 'f');
	WRITE_ONCE(hp_work[cpu], 0);
}

static void hp_setup(unsigned int cpu) { hp_event(cpu, 's'); }
static void hp_park(unsigned int cpu) { hp_event(cpu, 'p'); }
static void hp_unpark(unsigned int cpu) { hp_event(cpu, 'u'); }

static void hp_cleanup(unsigned int cpu, bool online)
{
	hp_event(cpu, online ? 'c' : 'C');
}

static struct smp_hotplug_thread test_ht = {
	.store = hp_threads,
	.thread_should_run = hp_should_run,
	.thread_fn = hp_fn,
	.setup = hp_setup,
	.park = hp_park,
	.unpark = hp_unpark,
	.cleanup = hp_cleanup,
	.thread_comm = "hp_test/%u",
};

/* Hand @cpu's thread work and wait until it did it. */
static bool hp_kick(unsigned int cpu)
{
	WRITE_ONCE(hp_work[cpu], 1);
	wake_up_process(hp_threads[cpu]);
	return wait_until(!READ_ONCE(hp_work[cpu]), HP_WAIT_MS);
}

/*
 * smpboot_thread_fn()'s state machine: setup once before the first
 * thread_fn, thread_fn when there is work, park before its CPU goes down,
 * unpark (on that CPU) when it is back, cleanup when unregistered; every
 * hook on the thread's own CPU; memory back to where it was.
 */
static void smpboot_thread_hooks(struct kunit *test)
{
	struct mem_snapshot base;
	unsigned int cpu, victim;
	char want[HP_EVENTS];

	need_two_cpus(test);
	victim = victim_cpu();
	memset(hp_events, 0, sizeof(hp_events));
	hp_wrong_cpu = false;
	mem_snapshot_take(&base);
	KUNIT_ASSERT_EQ(test, smpboot_register_percpu_thread(&test_ht), 0);
	for_each_online_cpu(cpu) {
		KUNIT_ASSERT_NOT_NULL(test, hp_threads[cpu]);
		KUNIT_EXPECT_TRUE(test, hp_kick(cpu));
		KUNIT_EXPECT_STREQ(test, hp_events[cpu], "sf");
	}
	KUNIT_ASSERT_EQ(test, remove_cpu(victim), 0);
	KUNIT_EXPECT_EQ(test, READ_ONCE(hp_threads[victim]->__state), TASK_PARKED);
	KUNIT_EXPECT_STREQ(test, hp_events[victim], "sfp");
	/* Work for a parked thread waits: thread_fn does not run while parked. */
	WRITE_ONCE(hp_work[victim], 1);
	KUNIT_EXPECT_EQ(test, wake_up_process(hp_threads[victim]), 0);
	KUNIT_ASSERT_EQ(test, add_cpu(victim), 0);
	KUNIT_EXPECT_TRUE(test, wait_until(!READ_ONCE(hp_work[victim]), HP_WAIT_MS));
	KUNIT_EXPECT_STREQ(test, hp_events[victim], "sfpuf");
	KUNIT_EXPECT_TRUE(test, hp_kick(victim));
	smpboot_unregister_percpu_thread(&test_ht);
	for_each_online_cpu(cpu) {
		snprintf(want, sizeof(want), "%s", cpu == victim ? "sfpuffc" : "sfc");
		KUNIT_EXPECT_STREQ(test, hp_events[cpu], want);
		KUNIT_EXPECT_PTR_EQ(test, hp_threads[cpu], NULL);
	}
	KUNIT_EXPECT_FALSE(test, READ_ONCE(hp_wrong_cpu));
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/*
 * A softirq raised from a task wakes this CPU's ksoftirqd (no interrupt
 * exit is coming), which runs it; raised in an interrupt, irq_exit()
 * runs it. Either way the count goes up on this CPU.
 */
static void softirq_from_task_wakes_ksoftirqd(struct kunit *test)
{
	struct task_struct *k;
	unsigned int before;
	int cpu;

	KUNIT_ASSERT_EQ(test, set_cpus_allowed_ptr(current, cpumask_of(0)), 0);
	cpu = smp_processor_id();
	k = ksoftirqd_task(cpu);
	before = kstat_softirqs_cpu(TIMER_SOFTIRQ, cpu);
	local_irq_disable();
	raise_softirq_irqoff(TIMER_SOFTIRQ);
	KUNIT_EXPECT_NE(test, local_softirq_pending() & (1UL << TIMER_SOFTIRQ), 0);
	if (k)
		KUNIT_EXPECT_EQ(test, READ_ONCE(k->__state), TASK_RUNNING);
	local_irq_enable();
	/*
	 * It ran on this CPU. Its pending bit is not checked after: the
	 * tick raises TIMER_SOFTIRQ again whenever a timer is due, and it
	 * may have done so since (a -smp 4 boot saw it set).
	 */
	KUNIT_EXPECT_TRUE(test, wait_until(kstat_softirqs_cpu(TIMER_SOFTIRQ, cpu) > before, 1000));
	set_cpus_allowed_ptr(current, cpu_possible_mask);
	if (!k)
		kunit_mark_skipped(test, "one CPU: no ksoftirqd, the next interrupt ran it");
}

static void timer_in_softirq_fn(struct timer_list *t)
{
	struct hotplug_timer *ht = container_of(t, struct hotplug_timer, timer);

	/* In softirq context, interrupts on: not in the tick's hardirq. */
	if (in_serving_softirq() && !in_hardirq() && !irqs_disabled())
		complete(ht->done);
}

/* Timer callbacks run from TIMER_SOFTIRQ, with interrupts on, as in Linux. */
static void timer_runs_in_softirq(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(done);
	struct hotplug_timer ht = { .done = &done };

	timer_setup(&ht.timer, timer_in_softirq_fn, 0);
	mod_timer(&ht.timer, jiffies + 1);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&done, msecs_to_jiffies(1000)), 0);
	del_timer_sync(&ht.timer);
}

static struct kunit_case hotplug_test_cases[] = {
	KUNIT_CASE(hotplug_refuses),
	KUNIT_CASE(hotplug_parks_and_unparks),
	KUNIT_CASE(hotplug_moves_bound_task),
	KUNIT_CASE(hotplug_frees_cached_stacks),
	KUNIT_CASE(hotplug_migrates_timers),
	KUNIT_CASE(hotplug_cycle_while_creating),
	KUNIT_CASE(smpboot_thread_hooks),
	KUNIT_CASE(softirq_from_task_wakes_ksoftirqd),
	KUNIT_CASE(timer_runs_in_softirq),
	{}
};

static struct kunit_suite hotplug_suite = {
	.name = "cpu_hotplug",
	.test_cases = hotplug_test_cases,
};
kunit_test_suite(hotplug_suite);
