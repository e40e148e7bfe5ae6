// SPDX-License-Identifier: GPL-2.0
/*
 * irq_exit() and softirqs.
 *
 * A hardirq handler does the least it can with interrupts off and leaves
 * the rest as a softirq: it sets the softirq's bit in this CPU's pending
 * mask (raise_softirq()). When the outermost interrupt ends, irq_exit()
 * runs the pending softirqs with interrupts back on (__do_softirq()), so
 * the next device interrupt is not held up by them. A softirq raised
 * while they run (a timer re-armed for now) is run in the same pass, up
 * to MAX_SOFTIRQ_RESTART passes or MAX_SOFTIRQ_TIME; what is left then
 * goes to this CPU's ksoftirqd/N, an ordinary thread the scheduler can
 * weigh against the others, so a flood of softirqs cannot starve tasks.
 * A softirq raised from task context wakes ksoftirqd/N directly: no
 * interrupt exit is coming to run it.
 *
 * Spindle's one softirq is the timer softirq: the tick raises
 * TIMER_SOFTIRQ when a timer has expired (run_local_timers()), and the
 * callbacks run in run_timer_softirq(), as Linux runs them.
 *
 * Locking: softirq_pending[cpu] is only touched by its CPU, with
 * interrupts off; kstat_softirqs[cpu] likewise (read by anyone, as
 * counters). softirq_vec is written once at boot (open_softirq()).
 * Linux: kernel/softirq.c, irqentry_exit() in kernel/entry/common.c
 */
#include <linux/hardirq.h>
#include <linux/interrupt.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/smpboot.h>
#include <asm/irqflags.h>
#include <asm/ptrace.h>

void preempt_schedule_irq(void);

/* Passes and time __do_softirq() may take before it leaves the rest to ksoftirqd. */
#define MAX_SOFTIRQ_RESTART	10
#define MAX_SOFTIRQ_TIME_MS	2

const char * const softirq_to_name[NR_SOFTIRQS] = { "HI", "TIMER" };

static struct softirq_action softirq_vec[NR_SOFTIRQS];
static unsigned long softirq_pending[NR_CPUS];	/* Linux: irq_stat.__softirq_pending */
static unsigned int kstat_softirqs[NR_CPUS][NR_SOFTIRQS];
static struct task_struct *ksoftirqd[NR_CPUS];

/**
 * local_softirq_pending - this CPU's raised, not yet run softirqs
 * Return: the mask (bit nr for softirq nr).
 * Linux: local_softirq_pending()
 */
unsigned long local_softirq_pending(void)
{
	return READ_ONCE(softirq_pending[smp_processor_id()]);
}

/**
 * kstat_softirqs_cpu - how many times softirq @irq ran on @cpu
 * @irq: the softirq number
 * @cpu: the CPU
 * Return: the count (Linux shows it in /proc/softirqs).
 * Linux: kstat_softirqs_cpu()
 */
unsigned int kstat_softirqs_cpu(unsigned int irq, int cpu)
{
	return READ_ONCE(kstat_softirqs[cpu][irq]);
}

/**
 * ksoftirqd_task - @cpu's ksoftirqd thread
 * @cpu: the CPU
 * Return: the task, or NULL (one possible CPU, or not made yet).
 */
struct task_struct *ksoftirqd_task(unsigned int cpu)
{
	return READ_ONCE(ksoftirqd[cpu]);
}

/*
 * Wake this CPU's ksoftirqd (if it exists and sleeps): there is softirq
 * work no interrupt exit will run soon. Linux: wakeup_softirqd()
 */
static void wakeup_softirqd(void)
{
	struct task_struct *tsk = ksoftirqd[smp_processor_id()];

	if (tsk)
		wake_up_process(tsk);
}

/**
 * open_softirq - set the handler of softirq @nr
 * @nr: the softirq number
 * @action: its handler; runs in softirq context, interrupts on
 * Linux: open_softirq()
 */
void open_softirq(int nr, void (*action)(struct softirq_action *))
{
	softirq_vec[nr].action = action;
}

/**
 * raise_softirq_irqoff - mark softirq @nr pending on this CPU
 * @nr: the softirq number
 *
 * Interrupts are off. In an interrupt, irq_exit() will run it; from a
 * task, ksoftirqd/N is woken for it.
 * Linux: raise_softirq_irqoff()
 */
void raise_softirq_irqoff(unsigned int nr)
{
	softirq_pending[smp_processor_id()] |= 1UL << nr;
	if (!in_interrupt())
		wakeup_softirqd();
}

/**
 * raise_softirq - raise_softirq_irqoff() from any context
 * @nr: the softirq number
 * Linux: raise_softirq()
 */
void raise_softirq(unsigned int nr)
{
	unsigned long flags;

	local_irq_save(flags);
	raise_softirq_irqoff(nr);
	local_irq_restore(flags);
}

/*
 * Run this CPU's pending softirqs, interrupts on, in softirq context
 * (SOFTIRQ_OFFSET: a nested interrupt's irq_exit() does not start
 * another round). Called and returns with interrupts off.
 * Linux: __do_softirq()
 */
static void __do_softirq(void)
{
	unsigned long end = jiffies + msecs_to_jiffies(MAX_SOFTIRQ_TIME_MS);
	int cpu = smp_processor_id(), restart = MAX_SOFTIRQ_RESTART;
	unsigned long pending;

	preempt_count_add(SOFTIRQ_OFFSET);
	pending = softirq_pending[cpu];
	for (;;) {
		/* Taken all at once: what is raised from here on is a new pass. */
		softirq_pending[cpu] = 0;
		local_irq_enable();
		for (unsigned int nr = 0; pending; nr++, pending >>= 1) {
			if (!(pending & 1))
				continue;
			kstat_softirqs[cpu][nr]++;
			softirq_vec[nr].action(&softirq_vec[nr]);
		}
		local_irq_disable();
		pending = softirq_pending[cpu];
		if (!pending)
			break;
		if (time_after(jiffies, end) || need_resched() || !--restart) {
			wakeup_softirqd();
			break;
		}
	}
	preempt_count_sub(SOFTIRQ_OFFSET);
}

/**
 * irq_enter - mark the start of a hardirq handler
 * Linux: irq_enter()
 */
void irq_enter(void)
{
	preempt_count_add(HARDIRQ_OFFSET);
}

/**
 * irq_exit - leave hardirq context: run softirqs, preempt if due
 * @regs: the interrupted context
 *
 * Softirqs run when this was the outermost interrupt and it did not
 * interrupt softirq processing. Preemption happens only if the
 * interrupted code had interrupts on and preemption enabled
 * (preempt_count back at 0): not in the middle of a spinlock section,
 * not in a nested interrupt.
 * Linux: irq_exit() / invoke_softirq() + irqentry_exit_cond_resched()
 */
void irq_exit(struct pt_regs *regs)
{
	preempt_count_sub(HARDIRQ_OFFSET);
	if (!in_interrupt() && local_softirq_pending())
		__do_softirq();
	if (preempt_count() == 0 && (regs->flags & X86_EFLAGS_IF) && need_resched())
		preempt_schedule_irq();
}

/* ksoftirqd/N: work only while softirqs are pending. Linux: ksoftirqd_should_run() */
static int ksoftirqd_should_run(unsigned int cpu)
{
	return local_softirq_pending() != 0;
}

/* Linux: run_ksoftirqd() */
static void run_ksoftirqd(unsigned int cpu)
{
	local_irq_disable();
	if (local_softirq_pending()) {
		__do_softirq();
		local_irq_enable();
		cond_resched();
		return;
	}
	local_irq_enable();
}

static struct smp_hotplug_thread softirq_threads = {
	.store = ksoftirqd,
	.thread_should_run = ksoftirqd_should_run,
	.thread_fn = run_ksoftirqd,
	.thread_comm = "ksoftirqd/%u",
};

/**
 * spawn_ksoftirqd - make ksoftirqd/N on every CPU (and on each CPU that comes up)
 * Linux: spawn_ksoftirqd() (an early_initcall there)
 */
void spawn_ksoftirqd(void)
{
	int err = smpboot_register_percpu_thread(&softirq_threads);

	if (err)
		pr_err("softirq: no ksoftirqd threads (%d)\n", err);
}
