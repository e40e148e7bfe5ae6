// SPDX-License-Identifier: GPL-2.0
/*
 * Generic SMP: bringing up the secondary CPUs at boot, and running a
 * function on other CPUs (the second half of this file).
 * Linux: kernel/smp.c
 */
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/nmi.h>
#include <linux/nodemask.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/stop_machine.h>

/**
 * smp_init - bring every present CPU online
 *
 * Called by pid 1 before it runs anything that creates threads, with
 * Linux's lines around the arch's per-CPU report. A CPU that does not
 * come up has said so itself (its own line) and stays offline.
 * Linux: smp_init()
 */
void smp_init(void)
{
	unsigned int cpu, nodes, ncpus;

	idle_threads_init();
	pr_info("smp: Bringing up secondary CPUs ...\n");
	for_each_present_cpu(cpu) {
		if (!cpu_online(cpu))
			cpu_up(cpu);
	}
	/* The arch's per-CPU line (pr_cont()) ends with the next line. */
	cpu_stop_init();
	spawn_ksoftirqd();
	lockup_detector_init();
	ncpus = num_online_cpus();
	nodes = num_online_nodes();
	pr_info("smp: Brought up %u node%s, %u CPU%s\n", nodes, nodes > 1 ? "s" : "",
		ncpus, ncpus > 1 ? "s" : "");
}

/*
 * Cross-CPU function calls.
 *
 * A request is a call_single_data (csd): the function, its argument and
 * a lock bit. The caller locks the csd, puts it on the target CPU's
 * call_single_queue and sends an IPI if the queue was empty (if it was
 * not, an IPI is already on its way and its handler will find this one
 * too). The handler takes the whole queue and runs each function; a
 * waiting caller spins until the handler clears the lock bit, after the
 * function ran (CSD_TYPE_SYNC) or before (async: the csd may be reused at
 * once, so func and info are read first).
 *
 * Waiting for another CPU with interrupts off could deadlock (it may be
 * waiting for us the same way): the calls WARN then.
 * Locking: each queue has its own lock, taken with interrupts off; a csd
 * belongs to its caller until it is queued and to the target CPU until
 * the lock bit is cleared.
 * Linux: kernel/smp.c (smp_call_function_single, smp_call_function_many,
 * on_each_cpu_cond_mask, generic_smp_call_function_single_interrupt)
 */

#define CSD_FLAG_LOCK		0x01
#define CSD_TYPE_SYNC		0x10

struct call_queue {
	raw_spinlock_t lock;		/* guards list; interrupts off (the IPI handler takes it) */
	struct list_head list;
};

/* Per source CPU: one csd per target for smp_call_function_many(). Linux: cfd_data */
struct call_function_data {
	call_single_data_t csd[NR_CPUS];
	struct cpumask cpumask;
};

static struct call_queue call_single_queue[NR_CPUS];
static struct call_function_data cfd_data[NR_CPUS];
static call_single_data_t csd_data[NR_CPUS];	/* async smp_call_function_single() */

/**
 * call_function_init - set up the call queues and the IPI handlers
 * Linux: call_function_init()
 */
void call_function_init(void)
{
	for (int cpu = 0; cpu < NR_CPUS; cpu++) {
		raw_spin_lock_init(&call_single_queue[cpu].lock);
		INIT_LIST_HEAD(&call_single_queue[cpu].list);
	}
	smp_ipi_init();
}

static void csd_lock_wait(call_single_data_t *csd)
{
	smp_cond_load_acquire(&csd->flags, !(VAL & CSD_FLAG_LOCK));
}

static void csd_lock(call_single_data_t *csd)
{
	csd_lock_wait(csd);
	csd->flags |= CSD_FLAG_LOCK;
	/* The lock bit before the fields: pairs with csd_unlock()'s release. */
	smp_mb();
}

static void csd_unlock(call_single_data_t *csd)
{
	WARN_ON(!(csd->flags & CSD_FLAG_LOCK));
	/* Everything the function wrote is visible before the caller goes on. */
	smp_store_release(&csd->flags, 0);
}

/* Queue @csd on @cpu; @ipi sends the IPI if the queue was empty. */
static void __smp_call_single_queue(int cpu, call_single_data_t *csd, void (*ipi)(int cpu))
{
	struct call_queue *q = &call_single_queue[cpu];
	unsigned long flags;
	bool was_empty;

	raw_spin_lock_irqsave(&q->lock, flags);
	was_empty = list_empty(&q->list);
	list_add_tail(&csd->node, &q->list);
	raw_spin_unlock_irqrestore(&q->lock, flags);
	if (was_empty)
		ipi(cpu);
}

/**
 * generic_smp_call_function_single_interrupt - run this CPU's queued calls
 *
 * From the function-call IPIs, in hardirq context.
 * Linux: generic_smp_call_function_single_interrupt() / __flush_smp_call_function_queue()
 */
void generic_smp_call_function_single_interrupt(void)
{
	struct call_queue *q = &call_single_queue[smp_processor_id()];
	call_single_data_t *csd, *next;
	LIST_HEAD(work);

	raw_spin_lock(&q->lock);
	list_splice_init(&q->list, &work);
	raw_spin_unlock(&q->lock);
	list_for_each_entry_safe(csd, next, &work, node) {
		smp_call_func_t func = csd->func;
		void *info = csd->info;

		if (csd->flags & CSD_TYPE_SYNC) {
			func(info);
			csd_unlock(csd);
		} else {
			csd_unlock(csd);
			func(info);
		}
	}
}

/* Run @func here as an IPI would: interrupts off. */
static void call_local(smp_call_func_t func, void *info)
{
	unsigned long flags;

	local_irq_save(flags);
	func(info);
	local_irq_restore(flags);
}

/**
 * smp_call_function_single - run @func(@info) on @cpu
 * @cpu: the CPU (this one: called right here, interrupts off)
 * @func: the function; runs in hardirq context there, must not sleep
 * @info: its argument
 * @wait: wait until it has run
 *
 * Return: 0, or -ENXIO if @cpu is not online.
 * Linux: smp_call_function_single()
 */
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait)
{
	call_single_data_t csd_stack = { .flags = CSD_FLAG_LOCK | CSD_TYPE_SYNC };
	call_single_data_t *csd;
	int this_cpu;

	preempt_disable();
	this_cpu = smp_processor_id();
	if (cpu == this_cpu) {
		call_local(func, info);
		preempt_enable();
		return 0;
	}
	if ((unsigned int)cpu >= NR_CPUS || !cpu_online(cpu)) {
		preempt_enable();
		return -ENXIO;
	}
	WARN_ON_ONCE(irqs_disabled());
	if (wait) {
		csd = &csd_stack;
	} else {
		csd = &csd_data[this_cpu];
		csd_lock(csd);
	}
	csd->func = func;
	csd->info = info;
	__smp_call_single_queue(cpu, csd, arch_send_call_function_single_ipi);
	if (wait)
		csd_lock_wait(csd);
	preempt_enable();
	return 0;
}

/**
 * smp_call_function_many - run @func(@info) on the other CPUs of @mask
 * @mask: the CPUs; this CPU and offline ones are left out
 * @func: the function; runs in hardirq context, must not sleep
 * @info: its argument
 * @wait: wait until every CPU has run it
 *
 * The caller has preemption disabled (this CPU must stay this CPU).
 * Linux: smp_call_function_many()
 */
void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func, void *info,
			    bool wait)
{
	int this_cpu = smp_processor_id(), cpu;
	struct call_function_data *cfd = &cfd_data[this_cpu];

	WARN_ON_ONCE(preemptible() && !irqs_disabled());
	WARN_ON_ONCE(irqs_disabled());
	cpumask_and(&cfd->cpumask, mask, cpu_online_mask);
	cpumask_clear_cpu(this_cpu, &cfd->cpumask);
	for_each_cpu(cpu, &cfd->cpumask) {
		call_single_data_t *csd = &cfd->csd[cpu];

		csd_lock(csd);
		if (wait)
			csd->flags |= CSD_TYPE_SYNC;
		csd->func = func;
		csd->info = info;
		__smp_call_single_queue(cpu, csd, arch_send_call_function_ipi);
	}
	if (wait)
		for_each_cpu(cpu, &cfd->cpumask)
			csd_lock_wait(&cfd->csd[cpu]);
}

/**
 * smp_call_function - run @func(@info) on every other online CPU
 * @func: the function
 * @info: its argument
 * @wait: wait for all of them
 * Linux: smp_call_function()
 */
void smp_call_function(smp_call_func_t func, void *info, int wait)
{
	preempt_disable();
	smp_call_function_many(cpu_online_mask, func, info, wait);
	preempt_enable();
}

/**
 * on_each_cpu - run @func(@info) on every online CPU, this one included
 * @func: the function (here with interrupts off, as on the others)
 * @info: its argument
 * @wait: wait for the other CPUs too
 * Linux: on_each_cpu() / on_each_cpu_cond_mask()
 */
void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	preempt_disable();
	smp_call_function_many(cpu_online_mask, func, info, wait);
	call_local(func, info);
	preempt_enable();
}
