// SPDX-License-Identifier: GPL-2.0
/*
 * Deliberate crashes, to check that each kind of fault gives the report
 * it should: boot with lkdtm=NAME and pid 1 triggers NAME before anything
 * else (the test runner checks the serial log and the exit status).
 *   EXCEPTION      NULL pointer write
 *   WRITE_RO       write to .rodata (a present, read-only page)
 *   EXEC_DATA      call code copied into .data (NX)
 *   EXHAUST_STACK  endless recursion into the stack guard page
 *   BUG            BUG()
 *   DIVIDE_ERROR   integer division by zero
 *   WARNING        WARN_ON(1), then boot goes on
 *   PANIC          panic("dumptest")
 *   SOFTLOCKUP     spin with preemption off (the soft lockup detector)
 *   HARDLOCKUP     spin with interrupts off (the hard lockup detector)
 *   LOCKDEP_AB_BA  one thread takes A then B, a second B then A: a
 *                  circular dependency (run one after the other: no hang)
 *   LOCKDEP_RECURSION      two locks of one class, the second without a
 *                          nesting annotation
 *   LOCKDEP_IRQ_INVERSION  a lock taken with interrupts on, then by a
 *                          timer (the timer softirq): {SOFTIRQ-ON-W}
 *                          against {IN-SOFTIRQ-W}
 *   LOCKDEP_BAD_UNLOCK     a lock the validator was told is released
 *                          (as the context switch hands rq->lock over)
 *                          released again
 * lkdtm.cpu=N runs it on CPU N (pid 1 moves there first, as
 * `taskset -c N` would in Linux). For PANIC a bystander thread on another
 * CPU says it is alive every millisecond meanwhile: the panic must stop
 * it, and its lines must end before the report starts.
 * The LOCKDEP_ ones give the lock validator's report, then boot goes on.
 * Linux: drivers/misc/lkdtm/ (Linux Kernel Dump Test Module)
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/kthread.h>
#include <linux/lockdep.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/start_kernel.h>
#include <linux/string.h>
#include <linux/timer.h>
#include "test_util.h"

static char lkdtm_type[32];

static int __init lkdtm_setup(char *str)
{
	strscpy(lkdtm_type, str, sizeof(lkdtm_type));
	spindle_test_mode = 1;	/* the oops must end QEMU, not hang */
	return 0;
}
early_param("lkdtm", lkdtm_setup);

static int lkdtm_cpu = -1;

static int __init lkdtm_cpu_setup(char *str)
{
	return kstrtoint(str, 10, &lkdtm_cpu) ? -EINVAL : 0;
}
early_param("lkdtm.cpu", lkdtm_cpu_setup);

static const int lkdtm_rodata = 0x5a5a;
static u8 lkdtm_data_area[64] __aligned(16);

static noinline void lkdtm_EXCEPTION(void)
{
	*(volatile int *)0 = 0;
}

static noinline void lkdtm_WRITE_RO(void)
{
	*(volatile int *)&lkdtm_rodata = 0xdead;
}

static noinline void lkdtm_do_nothing(void)
{
	barrier();
}

static noinline void lkdtm_EXEC_DATA(void)
{
	void (*func)(void) = (void (*)(void))lkdtm_data_area;

	memcpy(lkdtm_data_area, (void *)lkdtm_do_nothing, 32);
	func();
}

static noinline int lkdtm_recurse(int depth)
{
	volatile char buf[512];

	memset((char *)buf, depth & 0xff, sizeof(buf));
	if (depth > (1 << 30))	/* never true: the stack ends long before */
		return 0;
	return lkdtm_recurse(depth + 1) + buf[depth % sizeof(buf)];
}

static noinline void lkdtm_EXHAUST_STACK(void)
{
	pr_info("lkdtm: recursing until the stack overflows\n");
	lkdtm_recurse(0);
}

static noinline void lkdtm_BUG(void)
{
	BUG();
}

static noinline void lkdtm_DIVIDE_ERROR(void)
{
	volatile int zero = 0;
	volatile int r = 100 / zero;

	(void)r;
}

static noinline void lkdtm_WARNING(void)
{
	WARN_ON(1);
}

static noinline void lkdtm_PANIC(void)
{
	panic("dumptest");
}

static noinline void lkdtm_SOFTLOCKUP(void)
{
	preempt_disable();
	for (;;)
		cpu_relax();
}

static noinline void lkdtm_HARDLOCKUP(void)
{
	local_irq_disable();
	for (;;)
		cpu_relax();
}

/* Alive on another CPU until a panic stops that CPU: a line every millisecond. */
static int lkdtm_bystander(void *unused)
{
	for (;;) {
		pr_info("lkdtm: bystander alive on CPU %d\n", smp_processor_id());
		mdelay(1);
		cond_resched();
	}
	return 0;
}

/* Move pid 1 to lkdtm.cpu= and, for @bystander, start one on another CPU. */
static void lkdtm_go_to_cpu(bool bystander)
{
	struct task_struct *t;
	int other;

	if (lkdtm_cpu < 0)
		return;
	if (!cpu_online(lkdtm_cpu) || set_cpus_allowed_ptr(current, cpumask_of(lkdtm_cpu))) {
		pr_err("lkdtm: CPU %d is not online\n", lkdtm_cpu);
		return;
	}
	pr_info("lkdtm: on CPU %d\n", smp_processor_id());
	other = lkdtm_cpu ? 0 : 1;
	if (!bystander || !cpu_online(other))
		return;
	t = kthread_create_on_cpu(lkdtm_bystander, NULL, other, "lkdtm_bystander/%u");
	if (!IS_ERR(t))
		wake_up_process(t);
	msleep(30);
}

/* Each lock rule of these: lkdtm_lock_A before lkdtm_lock_B, no other. */
static DEFINE_SPINLOCK(lkdtm_lock_A);
static DEFINE_SPINLOCK(lkdtm_lock_B);

struct lkdtm_order {
	spinlock_t *first, *second;
	struct completion done;
};

static int lkdtm_take_in_order(void *data)
{
	struct lkdtm_order *order = data;

	spin_lock(order->first);
	spin_lock(order->second);
	spin_unlock(order->second);
	spin_unlock(order->first);
	complete(&order->done);
	sleep_until_stopped();
	return 0;
}

/* Run one order in a thread of its own and wait until it is done. */
static void lkdtm_run_order(spinlock_t *first, spinlock_t *second, const char *name)
{
	struct lkdtm_order order = { .first = first, .second = second };
	struct task_struct *t;

	init_completion(&order.done);
	t = kthread_run(lkdtm_take_in_order, &order, "%s", name);
	if (IS_ERR(t))
		return;
	wait_for_completion(&order.done);
	kthread_stop(t);
}

static noinline void lkdtm_LOCKDEP_AB_BA(void)
{
	lkdtm_run_order(&lkdtm_lock_A, &lkdtm_lock_B, "lkdtm_ab");
	/* Never at the same time as the first: this one cannot hang. */
	lkdtm_run_order(&lkdtm_lock_B, &lkdtm_lock_A, "lkdtm_ba");
}

/* Both from one spin_lock_init() call: one class, "&lkdtm_same_class[i]". */
static spinlock_t lkdtm_same_class[2];

static noinline void lkdtm_LOCKDEP_RECURSION(void)
{
	for (int i = 0; i < 2; i++)
		spin_lock_init(&lkdtm_same_class[i]);
	spin_lock(&lkdtm_same_class[0]);
	spin_lock(&lkdtm_same_class[1]);	/* spin_lock_nested() would be right */
	spin_unlock(&lkdtm_same_class[1]);
	spin_unlock(&lkdtm_same_class[0]);
}

/* Taken by a task with interrupts (and softirqs) on, and by a timer callback. */
static DEFINE_SPINLOCK(lkdtm_irq_lock);
static struct timer_list lkdtm_irq_timer;
static int lkdtm_irq_timer_ran;

static void lkdtm_irq_timer_fn(struct timer_list *timer)
{
	spin_lock(&lkdtm_irq_lock);
	WRITE_ONCE(lkdtm_irq_timer_ran, 1);
	spin_unlock(&lkdtm_irq_lock);
}

static noinline void lkdtm_LOCKDEP_IRQ_INVERSION(void)
{
	/* Not held when the timer fires: the report comes, the hang does not. */
	spin_lock(&lkdtm_irq_lock);
	spin_unlock(&lkdtm_irq_lock);
	timer_setup(&lkdtm_irq_timer, lkdtm_irq_timer_fn, 0);
	mod_timer(&lkdtm_irq_timer, jiffies + 1);
	while (!READ_ONCE(lkdtm_irq_timer_ran))
		schedule_timeout_uninterruptible(1);
	del_timer_sync(&lkdtm_irq_timer);
}

static DEFINE_SPINLOCK(lkdtm_handed_over);

static noinline void lkdtm_LOCKDEP_BAD_UNLOCK(void)
{
	spin_lock(&lkdtm_handed_over);
#if CONFIG_LOCKDEP
	/* What prepare_lock_switch() says; no finish_lock_switch() takes it back. */
	spin_release(&lkdtm_handed_over.dep_map, _THIS_IP_);
#endif
	spin_unlock(&lkdtm_handed_over);
}

struct crashtype {
	const char *name;
	void (*func)(void);
};

static const struct crashtype crashtypes[] = {
	{ "EXCEPTION", lkdtm_EXCEPTION },
	{ "WRITE_RO", lkdtm_WRITE_RO },
	{ "EXEC_DATA", lkdtm_EXEC_DATA },
	{ "EXHAUST_STACK", lkdtm_EXHAUST_STACK },
	{ "BUG", lkdtm_BUG },
	{ "DIVIDE_ERROR", lkdtm_DIVIDE_ERROR },
	{ "WARNING", lkdtm_WARNING },
	{ "PANIC", lkdtm_PANIC },
	{ "SOFTLOCKUP", lkdtm_SOFTLOCKUP },
	{ "HARDLOCKUP", lkdtm_HARDLOCKUP },
	{ "LOCKDEP_AB_BA", lkdtm_LOCKDEP_AB_BA },
	{ "LOCKDEP_RECURSION", lkdtm_LOCKDEP_RECURSION },
	{ "LOCKDEP_IRQ_INVERSION", lkdtm_LOCKDEP_IRQ_INVERSION },
	{ "LOCKDEP_BAD_UNLOCK", lkdtm_LOCKDEP_BAD_UNLOCK },
};

/**
 * lkdtm_run - trigger the crash named by lkdtm=, if any
 * Return: false if none was asked for.
 */
bool lkdtm_run(void)
{
	if (!lkdtm_type[0])
		return false;
	for (unsigned int i = 0; i < ARRAY_SIZE(crashtypes); i++) {
		if (strcmp(lkdtm_type, crashtypes[i].name))
			continue;
		lkdtm_go_to_cpu(crashtypes[i].func == lkdtm_PANIC);
		pr_info("lkdtm: Performing direct entry %s\n", crashtypes[i].name);
		crashtypes[i].func();
		return true;
	}
	pr_err("lkdtm: unknown crash type '%s'\n", lkdtm_type);
	return true;
}
