// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "spinlock": kernel/locking/spinlock.c and the ticket lock
 * of arch/x86/include/asm/spinlock.h.
 *
 * Spindle runs on one CPU, so what makes a spinlock exclusive there is
 * that holding it disables preemption: the tick may ask for a reschedule
 * inside the critical section, but the switch waits for the unlock. The
 * cases check that (no context switch inside a section, even with the
 * tick firing), the preempt_count and interrupt-flag bookkeeping of every
 * lock/unlock pair, the ticket fields, and the CONFIG_DEBUG_SPINLOCK
 * reports (recursion, wrong owner, double unlock, bad magic) together
 * with the scheduler's "scheduling while atomic" and might_sleep() checks.
 *
 * The debug reports panic unless debug_locks_nonfatal is set; the cases
 * that provoke one set it, and the suite's exit() clears it again.
 * Linux: kernel/locking/spinlock.c, kernel/locking/spinlock_debug.c
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/irqflags.h>
#include <linux/kthread.h>
#include <linux/lockdep.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include "test_util.h"

extern int sched_atomic_bug_count;	/* kernel/sched/core.c */

/* ---- mutual exclusion among preemptible kthreads ---- */

#define COUNTER_WORKERS	4
#define COUNTER_ITERS	1500

struct counter_ctx {
	spinlock_t lock;
	unsigned long counter;		/* incremented non-atomically, under lock */
	int switched_inside;		/* context switches seen inside a section */
	int bad_preempt_count;		/* sections entered with preempt_count != 1 */
	unsigned long nivcsw;		/* the workers' preemptions, summed */
	struct completion done;		/* one complete() per worker */
};

static int counter_worker(void *data)
{
	struct counter_ctx *ctx = data;
	unsigned long nivcsw0 = current->nivcsw;

	for (int i = 0; i < COUNTER_ITERS; i++) {
		unsigned long v, switches;

		spin_lock(&ctx->lock);
		switches = current->nvcsw + current->nivcsw;
		if (preempt_count() != 1)
			ctx->bad_preempt_count++;
		/* A read-modify-write in two steps, the window widened on purpose. */
		v = READ_ONCE(ctx->counter);
		udelay(20);
		WRITE_ONCE(ctx->counter, v + 1);
		if (current->nvcsw + current->nivcsw != switches)
			ctx->switched_inside++;
		spin_unlock(&ctx->lock);
		/* Outside the lock the tick may preempt us at once; give it room. */
		udelay(10);
		if (i % 64 == 0)
			cond_resched();
	}
	spin_lock(&ctx->lock);
	ctx->nivcsw += current->nivcsw - nivcsw0;
	spin_unlock(&ctx->lock);
	complete(&ctx->done);
	sleep_until_stopped();
	return 0;
}

/*
 * COUNTER_WORKERS threads add COUNTER_ITERS each; about 180 ms of work in
 * all, so the 10 ms tick preempts them many times (checked: nivcsw grew).
 * No update is lost and no worker is switched out while it holds the lock.
 */
static void spinlock_counter_exact_with_preemption(struct kunit *test)
{
	static struct counter_ctx ctx;
	struct task_struct *t[COUNTER_WORKERS];
	struct mem_snapshot base;

	memset(&ctx, 0, sizeof(ctx));
	spin_lock_init(&ctx.lock);
	init_completion(&ctx.done);
	mem_snapshot_take(&base);
	for (int i = 0; i < COUNTER_WORKERS; i++) {
		t[i] = kthread_run_here(counter_worker, &ctx, "spin_ctr/%d", i);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t[i]);
	}
	for (int i = 0; i < COUNTER_WORKERS; i++)
		wait_for_completion(&ctx.done);
	for (int i = 0; i < COUNTER_WORKERS; i++)
		kthread_stop(t[i]);

	kunit_info(test, "workers preempted %lu times", ctx.nivcsw);
	KUNIT_EXPECT_EQ(test, ctx.counter, COUNTER_WORKERS * COUNTER_ITERS);
	KUNIT_EXPECT_EQ(test, ctx.switched_inside, 0);
	KUNIT_EXPECT_EQ(test, ctx.bad_preempt_count, 0);
	/* The run spans ~18 ticks; even if TCG drops most, some preempted. */
	KUNIT_EXPECT_GE(test, ctx.nivcsw, 2);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&ctx.lock));
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* ---- preemption and interrupt-flag bookkeeping ---- */

static void spinlock_lock_disables_preemption(struct kunit *test)
{
	static DEFINE_SPINLOCK(lock);
	int pc = preempt_count();

	KUNIT_ASSERT_EQ(test, pc, 0);		/* cases run preemptible, in pid 1 */
	spin_lock(&lock);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc + 1);
	KUNIT_EXPECT_TRUE(test, spin_is_locked(&lock));
	KUNIT_EXPECT_FALSE(test, irqs_disabled());	/* plain spin_lock leaves them on */
	spin_unlock(&lock);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&lock));

	/* Nested locks count up and back down. */
	{
		static DEFINE_SPINLOCK(inner);

		spin_lock(&lock);
		spin_lock(&inner);
		KUNIT_EXPECT_EQ(test, preempt_count(), pc + 2);
		spin_unlock(&inner);
		KUNIT_EXPECT_EQ(test, preempt_count(), pc + 1);
		spin_unlock(&lock);
		KUNIT_EXPECT_EQ(test, preempt_count(), pc);
	}
}

struct busy_ctx {
	int running;
};

static int busy_fn(void *data)
{
	struct busy_ctx *b = data;

	WRITE_ONCE(b->running, 1);
	while (!kthread_should_stop())
		cpu_relax();
	return 0;
}

/*
 * With another thread runnable, the tick asks to preempt us while we hold
 * a lock for 50 ms (five ticks): we keep the CPU until spin_unlock(),
 * which is where the preemption then happens.
 */
static void spinlock_held_lock_defers_preemption_to_unlock(struct kunit *test)
{
	static DEFINE_SPINLOCK(lock);
	struct busy_ctx b = {};
	struct mem_snapshot base;
	struct task_struct *t;
	unsigned long n0, n1, n2;
	bool resched_pending;

	mem_snapshot_take(&base);
	t = kthread_run_here(busy_fn, &b, "spin_busy");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_ASSERT_TRUE(test, wait_until(READ_ONCE(b.running), 1000));

	n0 = current->nivcsw;
	spin_lock(&lock);
	mdelay(50);
	resched_pending = need_resched();
	n1 = current->nivcsw;
	spin_unlock(&lock);
	n2 = current->nivcsw;

	KUNIT_EXPECT_TRUE(test, resched_pending);	/* the tick did ask */
	KUNIT_EXPECT_EQ(test, n1, n0);			/* but not inside the lock */
	KUNIT_EXPECT_GT(test, n2, n1);			/* preempted at the unlock */
	kthread_stop(t);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

static void spinlock_irqsave_restores_irqs_on(struct kunit *test)
{
	static DEFINE_SPINLOCK(lock);
	unsigned long flags;
	int pc = preempt_count();

	KUNIT_ASSERT_FALSE(test, irqs_disabled());
	spin_lock_irqsave(&lock, flags);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	KUNIT_EXPECT_FALSE(test, irqs_disabled_flags(flags));	/* saved "on" */
	KUNIT_EXPECT_EQ(test, preempt_count(), pc + 1);
	spin_unlock_irqrestore(&lock, flags);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	KUNIT_EXPECT_EQ(test, preempt_count(), pc);
}

static void spinlock_irqsave_restores_irqs_off(struct kunit *test)
{
	static DEFINE_SPINLOCK(lock);
	unsigned long flags;
	bool off_inside, off_after;
	int pc = preempt_count();

	local_irq_disable();
	spin_lock_irqsave(&lock, flags);
	off_inside = irqs_disabled();
	spin_unlock_irqrestore(&lock, flags);
	off_after = irqs_disabled();	/* must not have been turned on */
	local_irq_enable();

	KUNIT_EXPECT_TRUE(test, off_inside);
	KUNIT_EXPECT_TRUE(test, irqs_disabled_flags(flags));	/* saved "off" */
	KUNIT_EXPECT_TRUE(test, off_after);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc);
}

static void spinlock_irq_disables_and_enables(struct kunit *test)
{
	static DEFINE_SPINLOCK(lock);
	int pc = preempt_count();

	KUNIT_ASSERT_FALSE(test, irqs_disabled());
	spin_lock_irq(&lock);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	KUNIT_EXPECT_EQ(test, preempt_count(), pc + 1);
	KUNIT_EXPECT_TRUE(test, spin_is_locked(&lock));
	spin_unlock_irq(&lock);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	KUNIT_EXPECT_EQ(test, preempt_count(), pc);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&lock));
}

static void spinlock_trylock(struct kunit *test)
{
	static DEFINE_SPINLOCK(lock);
	int pc = preempt_count(), got;
	u16 next;

	/* Free: taken, preemption disabled as by spin_lock(). */
	KUNIT_ASSERT_EQ(test, spin_trylock(&lock), 1);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc + 1);
	if (CONFIG_DEBUG_SPINLOCK)
		KUNIT_EXPECT_PTR_EQ(test, raw_spin_owner(&lock.rlock), current);
	/* Held: fails, takes no ticket, leaves preempt_count as it was. */
	next = lock.rlock.raw_lock.next;
	got = spin_trylock(&lock);
	KUNIT_EXPECT_EQ(test, got, 0);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc + 1);
	KUNIT_EXPECT_EQ(test, lock.rlock.raw_lock.next, next);
	spin_unlock(&lock);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc);
	/* And it is free again for the next taker. */
	KUNIT_EXPECT_EQ(test, spin_trylock(&lock), 1);
	spin_unlock(&lock);
}

/* Tickets: lock takes @next, unlock advances @owner; u16 wraps cleanly. */
static void spinlock_ticket_fields_advance(struct kunit *test)
{
	spinlock_t lock;
	arch_spinlock_t *t = &lock.rlock.raw_lock;

	spin_lock_init(&lock);
	KUNIT_EXPECT_EQ(test, t->owner, 0);
	KUNIT_EXPECT_EQ(test, t->next, 0);
	for (u16 i = 0; i < 3; i++) {
		spin_lock(&lock);
		KUNIT_EXPECT_EQ(test, t->owner, i);		/* our ticket is served */
		KUNIT_EXPECT_EQ(test, t->next, i + 1);		/* the next is handed out */
		spin_unlock(&lock);
		KUNIT_EXPECT_EQ(test, t->owner, i + 1);
		KUNIT_EXPECT_EQ(test, t->next, i + 1);
	}

	/* Near the top of u16: both counters wrap to 0 together. */
	t->owner = t->next = 0xffff;
	spin_lock(&lock);
	KUNIT_EXPECT_TRUE(test, spin_is_locked(&lock));
	KUNIT_EXPECT_EQ(test, t->owner, 0xffff);
	KUNIT_EXPECT_EQ(test, t->next, 0);
	spin_unlock(&lock);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&lock));
	KUNIT_EXPECT_EQ(test, t->owner, 0);
	KUNIT_EXPECT_EQ(test, t->next, 0);
}

/* ---- CONFIG_DEBUG_SPINLOCK reports ---- */

static void spinlock_suite_exit_case(struct kunit *test)
{
	/* Whatever a case did, reports are fatal again afterwards. */
	debug_locks_nonfatal = false;
}

/*
 * The cases below break the rules on purpose: the spinlock checks report
 * it without panicking, and the lock validator (which would report it
 * first, and turn itself off for the rest of the run) looks away.
 */
static void break_rules_begin(void)
{
	debug_locks_nonfatal = true;
	lockdep_off();
}

static void break_rules_end(void)
{
	lockdep_on();
	debug_locks_nonfatal = false;
}

/* The release build has none of these checks: the case is skipped, saying so. */
#define NEED_DEBUG_SPINLOCK(test) do {					\
	if (!CONFIG_DEBUG_SPINLOCK)					\
		kunit_skip(test, "needs CONFIG_DEBUG_SPINLOCK (off in the release build)"); \
} while (0)

/*
 * Taking a lock we hold is reported, and the second (skipped) acquisition
 * does not deadlock. Each call still does its own preempt_disable/enable,
 * so lock, lock, unlock, unlock balances; the second unlock finds the lock
 * free and is reported as such.
 */
static void spinlock_debug_recursion(struct kunit *test)
{
	static DEFINE_SPINLOCK(lock);
	int reports = debug_locks_reports, pc = preempt_count();
	int after_second_lock, pc_second_lock;

	NEED_DEBUG_SPINLOCK(test);
	break_rules_begin();
	spin_lock(&lock);
	spin_lock(&lock);			/* would spin forever */
	after_second_lock = debug_locks_reports;
	pc_second_lock = preempt_count();
	spin_unlock(&lock);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&lock));
	spin_unlock(&lock);			/* "already unlocked" */
	break_rules_end();

	KUNIT_EXPECT_EQ(test, after_second_lock, reports + 1);
	KUNIT_EXPECT_EQ(test, pc_second_lock, pc + 2);
	KUNIT_EXPECT_EQ(test, debug_locks_reports, reports + 2);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc);
	/* The skipped operations did not corrupt the tickets. */
	KUNIT_EXPECT_EQ(test, lock.rlock.raw_lock.owner, lock.rlock.raw_lock.next);
	KUNIT_EXPECT_EQ(test, spin_trylock(&lock), 1);
	spin_unlock(&lock);
	KUNIT_EXPECT_EQ(test, debug_locks_reports, reports + 2);
}

struct foreign_unlock_ctx {
	spinlock_t *lock;
	struct completion done;
};

static int foreign_unlock_fn(void *data)
{
	struct foreign_unlock_ctx *ctx = data;

	do_raw_spin_unlock(&ctx->lock->rlock);	/* not ours */
	complete(&ctx->done);
	sleep_until_stopped();
	return 0;
}

/*
 * Another task releasing our lock is reported and refused: the lock stays
 * held, by us. We hold it with do_raw_spin_lock(), which leaves preemption
 * on, so we may sleep while the other thread runs (a spin_lock() holder
 * could not let it run on one CPU).
 */
static void spinlock_debug_unlock_by_non_owner(struct kunit *test)
{
	static DEFINE_SPINLOCK(lock);
	struct foreign_unlock_ctx ctx = { .lock = &lock };
	int reports = debug_locks_reports;
	struct mem_snapshot base;
	struct task_struct *t;

	NEED_DEBUG_SPINLOCK(test);
	init_completion(&ctx.done);
	mem_snapshot_take(&base);
	break_rules_begin();
	do_raw_spin_lock(&lock.rlock);
	t = kthread_run_here(foreign_unlock_fn, &ctx, "spin_foreign");
	if (!IS_ERR(t)) {
		wait_for_completion(&ctx.done);
		kthread_stop(t);
	}
	KUNIT_EXPECT_EQ(test, debug_locks_reports, reports + 1);
	KUNIT_EXPECT_TRUE(test, spin_is_locked(&lock));
	KUNIT_EXPECT_PTR_EQ(test, raw_spin_owner(&lock.rlock), current);
	do_raw_spin_unlock(&lock.rlock);	/* the owner's unlock is fine */
	break_rules_end();
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_EXPECT_EQ(test, debug_locks_reports, reports + 1);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&lock));
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* Unlocking a free lock is reported; the tickets are left alone. */
static void spinlock_debug_unlock_free_lock(struct kunit *test)
{
	static DEFINE_SPINLOCK(lock);
	int reports = debug_locks_reports, pc = preempt_count();

	NEED_DEBUG_SPINLOCK(test);
	break_rules_begin();
	preempt_disable();		/* what the missing spin_lock() would have done */
	spin_unlock(&lock);
	break_rules_end();

	KUNIT_EXPECT_EQ(test, debug_locks_reports, reports + 1);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc);
	/* An advanced owner would make the lock look held forever. */
	KUNIT_EXPECT_EQ(test, lock.rlock.raw_lock.owner, 0);
	KUNIT_EXPECT_EQ(test, lock.rlock.raw_lock.next, 0);
	KUNIT_EXPECT_EQ(test, spin_trylock(&lock), 1);
	spin_unlock(&lock);
}

/* A lock never initialised (magic 0) is caught on lock and on unlock. */
static void spinlock_debug_bad_magic(struct kunit *test)
{
	spinlock_t lock;
	int reports = debug_locks_reports, pc = preempt_count();

	NEED_DEBUG_SPINLOCK(test);
	memset(&lock, 0, sizeof(lock));
	break_rules_begin();
	spin_lock(&lock);
	spin_unlock(&lock);
	break_rules_end();
	KUNIT_EXPECT_EQ(test, debug_locks_reports, reports + 2);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&lock));	/* not taken */
}

/*
 * schedule() with a spinlock held is "BUG: scheduling while atomic"; a
 * plain schedule() is not. Each task switches with its own preempt_count,
 * so ours comes back as it was and the unlock balances it.
 */
static void spinlock_schedule_while_atomic_reported(struct kunit *test)
{
	static DEFINE_SPINLOCK(lock);
	int bugs = sched_atomic_bug_count, pc = preempt_count();
	int pc_after_schedule;

	schedule();
	KUNIT_EXPECT_EQ(test, sched_atomic_bug_count, bugs);

	spin_lock(&lock);
	schedule();
	pc_after_schedule = preempt_count();
	spin_unlock(&lock);

	KUNIT_EXPECT_EQ(test, sched_atomic_bug_count, bugs + 1);
	KUNIT_EXPECT_EQ(test, pc_after_schedule, pc + 1);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&lock));
}

static void spinlock_might_sleep_reported_when_atomic(struct kunit *test)
{
	static DEFINE_SPINLOCK(lock);
	int bugs = might_sleep_bug_count;

	if (!CONFIG_DEBUG_ATOMIC_SLEEP)
		kunit_skip(test, "needs CONFIG_DEBUG_ATOMIC_SLEEP (off in the release build)");
	might_sleep();			/* preemptible, irqs on: fine */
	KUNIT_EXPECT_EQ(test, might_sleep_bug_count, bugs);

	spin_lock(&lock);
	might_sleep();
	spin_unlock(&lock);
	KUNIT_EXPECT_EQ(test, might_sleep_bug_count, bugs + 1);

	spin_lock_irq(&lock);
	might_sleep();
	spin_unlock_irq(&lock);
	KUNIT_EXPECT_EQ(test, might_sleep_bug_count, bugs + 2);

	/* Interrupts off alone is atomic too. */
	local_irq_disable();
	might_sleep();
	local_irq_enable();
	KUNIT_EXPECT_EQ(test, might_sleep_bug_count, bugs + 3);
}

/* A lock taken by nobody in particular, let go by a timer. */
struct lockup_ctx {
	struct timer_list timer;
	spinlock_t lock;
};

static void lockup_release_fn(struct timer_list *t)
{
	struct lockup_ctx *ctx = from_timer(ctx, t, timer);

	arch_spin_unlock(&ctx->lock.rlock.raw_lock);
}

/*
 * A CPU that waits longer than spin_lockup_ns for its ticket says so
 * once, naming itself and the owner task and CPU (Linux's "BUG: spinlock
 * lockup suspected on CPU#%d, %s/%d" and ".owner: %s/%d, .owner_cpu: %d"),
 * and still gets the lock, in its turn, when the owner lets go. The
 * "owner" here is staged: kthreadd's name on a ticket taken by hand, given
 * back 500 ms later by a timer on this CPU (its softirq interrupts the
 * spinning, which has only preemption off), so one CPU is enough.
 */
static void spinlock_debug_lockup_suspected(struct kunit *test)
{
	struct lockup_ctx ctx;
	int reports = debug_locks_reports;
	u64 saved = spin_lockup_ns, seq;
	char line[96];

	NEED_DEBUG_SPINLOCK(test);
	spin_lock_init(&ctx.lock);
	KUNIT_ASSERT_EQ(test, set_cpus_allowed_ptr(current, cpumask_of(TEST_CPU)), 0);
	timer_setup(&ctx.timer, lockup_release_fn, 0);
	arch_spin_take_ticket(&ctx.lock.rlock.raw_lock);
#if CONFIG_DEBUG_SPINLOCK	/* the case is skipped without: no such fields */
	ctx.lock.rlock.owner = kthreadd_task;
	ctx.lock.rlock.owner_cpu = 3;
#endif
	mod_timer(&ctx.timer, jiffies + msecs_to_jiffies(500));
	seq = log_next();
	WRITE_ONCE(spin_lockup_ns, 100 * NSEC_PER_MSEC);
	spin_lock(&ctx.lock);		/* waits until the timer lets go */
	WRITE_ONCE(spin_lockup_ns, saved);
	spin_unlock(&ctx.lock);
	del_timer_sync(&ctx.timer);
	KUNIT_EXPECT_EQ(test, debug_locks_reports, reports + 1);
	snprintf(line, sizeof(line), "BUG: spinlock lockup suspected on CPU#%d, %s/%d",
		 TEST_CPU, current->comm, current->pid);
	KUNIT_EXPECT_TRUE(test, log_has_since(seq, line));
	snprintf(line, sizeof(line), ".owner: kthreadd/%d, .owner_cpu: 3", kthreadd_task->pid);
	KUNIT_EXPECT_TRUE(test, log_has_since(seq, line));
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&ctx.lock));
	set_cpus_allowed_ptr(current, cpu_possible_mask);
}

static struct kunit_case spinlock_cases[] = {
	KUNIT_CASE(spinlock_counter_exact_with_preemption),
	KUNIT_CASE(spinlock_lock_disables_preemption),
	KUNIT_CASE(spinlock_held_lock_defers_preemption_to_unlock),
	KUNIT_CASE(spinlock_irqsave_restores_irqs_on),
	KUNIT_CASE(spinlock_irqsave_restores_irqs_off),
	KUNIT_CASE(spinlock_irq_disables_and_enables),
	KUNIT_CASE(spinlock_trylock),
	KUNIT_CASE(spinlock_ticket_fields_advance),
	KUNIT_CASE(spinlock_debug_recursion),
	KUNIT_CASE(spinlock_debug_unlock_by_non_owner),
	KUNIT_CASE(spinlock_debug_unlock_free_lock),
	KUNIT_CASE(spinlock_debug_bad_magic),
	KUNIT_CASE(spinlock_debug_lockup_suspected),
	KUNIT_CASE(spinlock_schedule_while_atomic_reported),
	KUNIT_CASE(spinlock_might_sleep_reported_when_atomic),
	{}
};

static struct kunit_suite spinlock_suite = {
	.name = "spinlock",
	.exit = spinlock_suite_exit_case,
	.suite_init = pin_to_test_cpu,
	.suite_exit = unpin_from_test_cpu,
	.test_cases = spinlock_cases,
};
kunit_test_suite(spinlock_suite);
