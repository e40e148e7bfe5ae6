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
 * lkdtm.cpu=N runs it on CPU N (pid 1 moves there first, as
 * `taskset -c N` would in Linux). For PANIC a bystander thread on another
 * CPU says it is alive every millisecond meanwhile: the panic must stop
 * it, and its lines must end before the report starts.
 * Linux: drivers/misc/lkdtm/ (Linux Kernel Dump Test Module)
 */
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/start_kernel.h>
#include <linux/string.h>

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
