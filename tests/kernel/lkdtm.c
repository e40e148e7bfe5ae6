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
 * Linux: drivers/misc/lkdtm/ (Linux Kernel Dump Test Module)
 */
#include <linux/init.h>
#include <linux/kernel.h>
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
		pr_info("lkdtm: Performing direct entry %s\n", crashtypes[i].name);
		crashtypes[i].func();
		return true;
	}
	pr_err("lkdtm: unknown crash type '%s'\n", lkdtm_type);
	return true;
}
