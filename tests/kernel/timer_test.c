// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "timer": kernel/time/timer.c's arming and disarming.
 * mod_timer() and del_timer() report whether the timer was pending
 * (both through detach_if_pending()); re-arming a pending timer moves it
 * instead of queueing it twice; a deleted timer never fires.
 * Linux: kernel/time/timer.c (no KUnit suite there)
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/timer.h>

struct counted_timer {
	struct timer_list timer;
	int fired;
};

static void counted_timer_fn(struct timer_list *t)
{
	struct counted_timer *ct = from_timer(ct, t, timer);

	ct->fired++;
}

static void timer_test_pending_returns(struct kunit *test)
{
	struct counted_timer ct = {};

	timer_setup(&ct.timer, counted_timer_fn, 0);
	KUNIT_EXPECT_FALSE(test, timer_pending(&ct.timer));
	KUNIT_EXPECT_EQ(test, del_timer(&ct.timer), 0);
	KUNIT_EXPECT_EQ(test, mod_timer(&ct.timer, jiffies + 10 * HZ), 0);
	KUNIT_EXPECT_TRUE(test, timer_pending(&ct.timer));
	KUNIT_EXPECT_EQ(test, mod_timer(&ct.timer, jiffies + 20 * HZ), 1);
	KUNIT_EXPECT_TRUE(test, timer_pending(&ct.timer));
	KUNIT_EXPECT_EQ(test, del_timer(&ct.timer), 1);
	KUNIT_EXPECT_FALSE(test, timer_pending(&ct.timer));
	KUNIT_EXPECT_EQ(test, del_timer(&ct.timer), 0);
	KUNIT_EXPECT_EQ(test, del_timer_sync(&ct.timer), 0);
	KUNIT_EXPECT_EQ(test, ct.fired, 0);
}

/* A pending timer re-armed earlier fires once, at the new time. */
static void timer_test_rearm_moves(struct kunit *test)
{
	struct counted_timer ct = {};

	timer_setup(&ct.timer, counted_timer_fn, 0);
	mod_timer(&ct.timer, jiffies + 10 * HZ);
	KUNIT_EXPECT_EQ(test, mod_timer(&ct.timer, jiffies + 1), 1);
	msleep(50);
	KUNIT_EXPECT_EQ(test, ct.fired, 1);
	KUNIT_EXPECT_FALSE(test, timer_pending(&ct.timer));
	KUNIT_EXPECT_EQ(test, del_timer_sync(&ct.timer), 0);
}

/* A timer deleted before it expires does not fire. */
static void timer_test_deleted_never_fires(struct kunit *test)
{
	struct counted_timer ct = {};

	timer_setup(&ct.timer, counted_timer_fn, 0);
	mod_timer(&ct.timer, jiffies + 2);
	KUNIT_EXPECT_EQ(test, del_timer_sync(&ct.timer), 1);
	msleep(50);
	KUNIT_EXPECT_EQ(test, ct.fired, 0);
}

static struct kunit_case timer_test_cases[] = {
	KUNIT_CASE(timer_test_pending_returns),
	KUNIT_CASE(timer_test_rearm_moves),
	KUNIT_CASE(timer_test_deleted_never_fires),
	{}
};

static struct kunit_suite timer_test_suite = {
	.name = "timer",
	.test_cases = timer_test_cases,
};
kunit_test_suite(timer_test_suite);
