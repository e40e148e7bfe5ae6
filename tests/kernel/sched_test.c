// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "sched": what the scheduler promises, measured from the
 * outside (kernel/sched/core.c, fair.c, rt.c).
 *
 *  - RT before fair: woken FIFO threads run highest priority first; a
 *    busy FIFO thread starves NORMAL ones; equal-priority RR threads take
 *    turns; yield() passes the CPU to an equal.
 *  - fair sharing: CPU time follows the nice weights; the tick preempts a
 *    NORMAL thread that never yields.
 *  - sleeping: schedule_timeout() returns the time left when woken early;
 *    msleep() sleeps at least as long as asked, by the TSC.
 *  - the setters reject bad input and clamp what they should.
 *
 * The cases run in pid 1, a SCHED_NORMAL task at nice 0, which they
 * never change. Every CPU-bound thread here either checks
 * kthread_should_stop() or spins for a bounded time by the TSC, so a
 * broken scheduler fails a case instead of hanging the machine.
 *
 * Timing: QEMU's TCG is slow and noisy (the vCPU shares host cores), so
 * CPU shares are checked with wide tolerances, stated at each check;
 * nothing here asserts speed, only ratios and orderings.
 * Linux: kernel/sched/
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/sched/rt.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>
#include <linux/timer.h>
#include "test_util.h"

static int set_policy(struct task_struct *p, int policy, int rt_prio)
{
	struct sched_param param = { .sched_priority = rt_prio };

	return sched_setscheduler_nocheck(p, policy, &param);
}

static u64 runtime_of(struct task_struct *p)
{
	return READ_ONCE(p->se.sum_exec_runtime);
}

/* ---- a CPU-bound thread ---- */

struct spinner {
	int nice;
	u64 limit_ns;			/* spin at most this long (0: until stopped) */
	unsigned long limit_ticks;	/* or until this many ticks came while it ran */
	unsigned long ticks;		/* ticks that came while it ran */
	struct spinner *other;		/* sampled when our spin ends */
	unsigned long loops;		/* progress */
	int running;			/* has started spinning */
	int finished;			/* spun out its limit */
	unsigned long other_loops_at_end;
	struct task_struct *task;
};

static int spinner_fn(void *data)
{
	struct spinner *s = data;
	unsigned long seen = jiffies;
	u64 t0;

	if (s->nice)
		set_user_nice(current, s->nice);
	WRITE_ONCE(s->running, 1);
	t0 = ktime_get_ns();
	while (!kthread_should_stop()) {
		WRITE_ONCE(s->loops, s->loops + 1);
		if (s->limit_ns && ktime_get_ns() - t0 >= s->limit_ns)
			break;
		/* One tick per change seen: the ones that came while others ran are not ours. */
		if (READ_ONCE(jiffies) != seen) {
			seen = READ_ONCE(jiffies);
			WRITE_ONCE(s->ticks, s->ticks + 1);
			if (s->limit_ticks && s->ticks >= s->limit_ticks)
				break;
		}
		cpu_relax();
	}
	if (s->other)
		s->other_loops_at_end = READ_ONCE(s->other->loops);
	WRITE_ONCE(s->finished, 1);
	sleep_until_stopped();
	return 0;
}

/* Create (not wake) a spinner. */
static bool create_spinner(struct spinner *s, const char *name)
{
	s->task = kthread_create(spinner_fn, s, "%s", name);
	if (IS_ERR(s->task)) {
		s->task = NULL;
		return false;
	}
	kthread_bind(s->task, TEST_CPU);	/* see test_util.h */
	return true;
}

static void stop_spinners(struct spinner *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i].task)
			kthread_stop(s[i].task);
}

/* Scaled ratio a/b * 100 (b == 0 gives a huge value). */
static u64 ratio100(u64 a, u64 b)
{
	return b ? a * 100 / b : ~0ULL;
}

/*
 * Two spinners at the given nice levels for one second of wall time
 * (pid 1 sleeps meanwhile); returns runtime(a) / runtime(b) * 100.
 */
static u64 measure_nice_ratio(struct kunit *test, int nice_a, int nice_b)
{
	struct spinner s[2] = { { .nice = nice_a }, { .nice = nice_b } };
	unsigned long ta0, tb0, ta1, tb1;
	u64 a0, b0, a1, b1;

	if (!create_spinner(&s[0], "sched_nice_a") || !create_spinner(&s[1], "sched_nice_b")) {
		KUNIT_FAIL(test, "could not create the spinners");
		stop_spinners(s, 2);
		return 0;
	}
	wake_up_process(s[0].task);
	wake_up_process(s[1].task);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(s[0].running) && READ_ONCE(s[1].running),
					   1000));
	msleep(100);			/* let both settle into their shares */
	a0 = runtime_of(s[0].task);
	b0 = runtime_of(s[1].task);
	ta0 = READ_ONCE(s[0].ticks);
	tb0 = READ_ONCE(s[1].ticks);
	msleep(1000);
	a1 = runtime_of(s[0].task);
	b1 = runtime_of(s[1].task);
	ta1 = READ_ONCE(s[0].ticks);
	tb1 = READ_ONCE(s[1].ticks);
	stop_spinners(s, 2);
	kunit_info(test, "nice %d: %llu ms, %lu ticks; nice %d: %llu ms, %lu ticks", nice_a,
		   (unsigned long long)((a1 - a0) / NSEC_PER_MSEC), ta1 - ta0, nice_b,
		   (unsigned long long)((b1 - b0) / NSEC_PER_MSEC), tb1 - tb0);
	KUNIT_EXPECT_GT(test, tb1 - tb0, 0);
	/*
	 * The share is counted in ticks each one ran through, as Linux's
	 * utime/stime are: a sample of who had the CPU at each tick. Not
	 * from sum_exec_runtime, the TSC time: a host that stalls the vCPU
	 * for a second (a loaded machine) charges it all to whoever ran,
	 * and at the end of the window the scheduler has no time left to
	 * even it out. A stall brings one tick, not a hundred.
	 */
	return ratio100(ta1 - ta0, tb1 - tb0);
}

/* ---- the cases ---- */

struct wake_order {
	spinlock_t lock;
	int gate;
	int n;
	int prio[3];
};

struct fifo_sleeper {
	struct wake_order *wo;
	int rt_prio;
	int asleep;
};

static int fifo_sleeper_fn(void *data)
{
	struct fifo_sleeper *f = data;
	struct wake_order *wo = f->wo;

	set_policy(current, SCHED_FIFO, f->rt_prio);
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		WRITE_ONCE(f->asleep, 1);
		if (READ_ONCE(wo->gate) || kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	spin_lock(&wo->lock);
	wo->prio[wo->n++] = f->rt_prio;
	spin_unlock(&wo->lock);
	sleep_until_stopped();
	return 0;
}

/*
 * Three FIFO threads (priorities 10, 20, 30) asleep; we wake them lowest
 * first, with preemption off so all three are runnable before any runs.
 * They must then run highest priority first: 30, 20, 10.
 */
static void sched_fifo_wakeup_priority_order(struct kunit *test)
{
	static struct wake_order wo;
	struct fifo_sleeper f[3];
	struct task_struct *t[3] = {};
	struct mem_snapshot base;

	memset(&wo, 0, sizeof(wo));
	spin_lock_init(&wo.lock);
	mem_snapshot_take(&base);
	for (int i = 0; i < 3; i++) {
		f[i] = (struct fifo_sleeper){ .wo = &wo, .rt_prio = 10 * (i + 1) };
		t[i] = kthread_run_here(fifo_sleeper_fn, &f[i], "sched_fifo/%d", f[i].rt_prio);
		if (IS_ERR(t[i])) {
			t[i] = NULL;
			KUNIT_FAIL(test, "could not start thread %d", i);
			goto out;
		}
		KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(f[i].asleep) &&
						   task_state(t[i]) == TASK_UNINTERRUPTIBLE, 1000));
	}
	preempt_disable();
	WRITE_ONCE(wo.gate, 1);
	for (int i = 0; i < 3; i++)
		wake_up_process(t[i]);
	preempt_enable();		/* the highest one runs from here */

	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(wo.n) == 3, 1000));
	KUNIT_EXPECT_EQ(test, wo.prio[0], 30);
	KUNIT_EXPECT_EQ(test, wo.prio[1], 20);
	KUNIT_EXPECT_EQ(test, wo.prio[2], 10);
out:
	WRITE_ONCE(wo.gate, 1);
	for (int i = 0; i < 3; i++)
		if (t[i])
			kthread_stop(t[i]);
	KUNIT_EXPECT_EQ(test, current->policy, SCHED_NORMAL);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

struct timeout_sleeper {
	long timeout;
	long ret;
	unsigned long j_before, j_after;
	int asleep;
	int returned;
};

static int timeout_sleeper_fn(void *data)
{
	struct timeout_sleeper *ts = data;

	ts->j_before = jiffies;
	WRITE_ONCE(ts->asleep, 1);
	ts->ret = schedule_timeout_uninterruptible(ts->timeout);
	ts->j_after = jiffies;
	WRITE_ONCE(ts->returned, 1);
	sleep_until_stopped();
	return 0;
}

/*
 * A thread sleeping in schedule_timeout(10 s) is woken after ~50 ms by
 * wake_up_process(): it returns early with the jiffies left, which are
 * the timeout minus the time it slept (to the jiffy).
 */
static void sched_schedule_timeout_woken_early(struct kunit *test)
{
	struct timeout_sleeper ts = { .timeout = 10 * HZ };
	struct mem_snapshot base;
	struct task_struct *t;
	long slept;

	/* Waking a running task does nothing and says so. */
	KUNIT_EXPECT_EQ(test, wake_up_process(current), 0);

	mem_snapshot_take(&base);
	t = kthread_run_here(timeout_sleeper_fn, &ts, "sched_timeout");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(ts.asleep) &&
					   task_state(t) == TASK_UNINTERRUPTIBLE, 1000));
	msleep(50);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(ts.returned));
	KUNIT_EXPECT_EQ(test, wake_up_process(t), 1);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(ts.returned), 1000));

	slept = ts.j_after - ts.j_before;
	kunit_info(test, "slept %ld jiffies, %ld left", slept, ts.ret);
	KUNIT_EXPECT_GT(test, ts.ret, 0);
	KUNIT_EXPECT_GE(test, ts.ret, 10 * HZ - slept);
	/* msleep(50) is at least 5 jiffies; the timeout went down by that much. */
	KUNIT_EXPECT_LE(test, ts.ret, 10 * HZ - 5);
	kthread_stop(t);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* msleep(50) lasts at least 50 ms of TSC time, and it sleeps (not spins). */
static void sched_msleep_sleeps_long_enough(struct kunit *test)
{
	unsigned long nvcsw = current->nvcsw;
	u64 t0, dt;

	skip_timing_on_smp(test);
	t0 = ktime_get_ns();
	msleep(50);
	dt = ktime_get_ns() - t0;
	kunit_info(test, "msleep(50) took %llu us", (unsigned long long)(dt / NSEC_PER_USEC));
	KUNIT_EXPECT_GE(test, dt, 50 * NSEC_PER_MSEC);
	KUNIT_EXPECT_GT(test, current->nvcsw, nvcsw);
}

/*
 * nice 0 vs nice 5: weights 1024 and 335, so CPU time should be in the
 * ratio 1024/335 = 3.06. Accepted: within +-35% (1.99 .. 4.13): the 10 ms
 * tick quantises every slice and TCG adds noise, but a scheduler that
 * ignored nice (1.0) or inverted it is far outside.
 */
static void sched_nice_weights_proportional(struct kunit *test)
{
	struct mem_snapshot base;
	u64 r;

	skip_timing_on_smp(test);
	mem_snapshot_take(&base);
	r = measure_nice_ratio(test, 0, 5);
	kunit_info(test, "runtime ratio nice0/nice5 = %llu.%02llu (expected 3.06)",
		   (unsigned long long)(r / 100), (unsigned long long)(r % 100));
	KUNIT_EXPECT_GE(test, r, 199);
	KUNIT_EXPECT_LE(test, r, 413);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* Equal nice: equal shares, accepted within 0.7 .. 1.43 (same reasons). */
static void sched_equal_nice_equal_share(struct kunit *test)
{
	struct mem_snapshot base;
	u64 r;

	skip_timing_on_smp(test);
	mem_snapshot_take(&base);
	r = measure_nice_ratio(test, 0, 0);
	kunit_info(test, "runtime ratio = %llu.%02llu (expected 1.00)",
		   (unsigned long long)(r / 100), (unsigned long long)(r % 100));
	KUNIT_EXPECT_GE(test, r, 70);
	KUNIT_EXPECT_LE(test, r, 143);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

struct fifo_hog {
	struct task_struct *victim;
	u64 window_ns;
	u64 victim_before, victim_after;
	u64 own_before;
	u64 elapsed_ns;
	int done;
};

static int fifo_hog_fn(void *data)
{
	struct fifo_hog *h = data;
	u64 t0;

	set_policy(current, SCHED_FIFO, 10);
	/* From here on nothing NORMAL runs until we sleep. */
	h->victim_before = runtime_of(h->victim);
	h->own_before = runtime_of(current);
	t0 = ktime_get_ns();
	while (ktime_get_ns() - t0 < h->window_ns)
		cpu_relax();
	h->elapsed_ns = ktime_get_ns() - t0;
	h->victim_after = runtime_of(h->victim);
	WRITE_ONCE(h->done, 1);
	sleep_until_stopped();
	return 0;
}

/*
 * A NORMAL spinner is running; a FIFO thread then spins for 300 ms. The
 * NORMAL one gets (nearly) nothing in that window (accepted: < 5%; with
 * no RT throttling it is exactly 0) while the FIFO one gets nearly all
 * of it (accepted: > 90%, interrupts are charged to it too). Once the
 * FIFO thread sleeps, the NORMAL one runs again.
 */
static void sched_fifo_starves_normal(struct kunit *test)
{
	struct spinner victim = {};
	struct fifo_hog hog = { .window_ns = 300 * NSEC_PER_MSEC };
	struct mem_snapshot base;
	struct task_struct *t = NULL;
	unsigned long loops;
	u64 victim_share, own;

	mem_snapshot_take(&base);
	KUNIT_ASSERT_TRUE(test, create_spinner(&victim, "sched_victim"));
	wake_up_process(victim.task);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(victim.running), 1000));
	hog.victim = victim.task;
	t = kthread_run_here(fifo_hog_fn, &hog, "sched_fifo_hog");
	if (IS_ERR(t)) {
		t = NULL;
		KUNIT_FAIL(test, "could not start the FIFO thread");
		goto out;
	}
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(hog.done), 2000));
	own = runtime_of(t) - hog.own_before;
	victim_share = hog.victim_after - hog.victim_before;
	kunit_info(test, "in %llu ms: FIFO %llu ms, NORMAL %llu us",
		   (unsigned long long)(hog.elapsed_ns / NSEC_PER_MSEC),
		   (unsigned long long)(own / NSEC_PER_MSEC),
		   (unsigned long long)(victim_share / NSEC_PER_USEC));
	KUNIT_EXPECT_LT(test, victim_share * 20, hog.elapsed_ns);
	KUNIT_EXPECT_GT(test, own * 10, hog.elapsed_ns * 9);

	/* The FIFO thread sleeps now: the NORMAL one makes progress again. */
	loops = READ_ONCE(victim.loops);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(victim.loops) > loops, 1000));
out:
	if (t)
		kthread_stop(t);
	stop_spinners(&victim, 1);
	KUNIT_EXPECT_EQ(test, current->policy, SCHED_NORMAL);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/*
 * Two NORMAL threads that spin without ever yielding (each for at most
 * 2 s by the TSC). Only the tick can take the CPU from one to give it to
 * the other: over a 300 ms window both make progress and the first has
 * been preempted several times (its nivcsw grows; ~15 ticks would each
 * switch, at least 2 are required).
 */
static void sched_tick_preempts_busy_loop(struct kunit *test)
{
	struct spinner s[2] = {
		{ .limit_ns = 2 * NSEC_PER_SEC },
		{ .limit_ns = 2 * NSEC_PER_SEC },
	};
	struct mem_snapshot base;
	unsigned long l0[2], l1[2], preempted;
	unsigned long nivcsw0;

	skip_timing_on_smp(test);
	mem_snapshot_take(&base);
	if (!create_spinner(&s[0], "sched_spin_a") || !create_spinner(&s[1], "sched_spin_b")) {
		KUNIT_FAIL(test, "could not create the spinners");
		goto out;
	}
	wake_up_process(s[0].task);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(s[0].running), 1000));
	wake_up_process(s[1].task);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(s[1].running), 1000));
	KUNIT_EXPECT_FALSE(test, READ_ONCE(s[0].finished));

	nivcsw0 = READ_ONCE(s[0].task->nivcsw);
	for (int i = 0; i < 2; i++)
		l0[i] = READ_ONCE(s[i].loops);
	msleep(300);
	for (int i = 0; i < 2; i++)
		l1[i] = READ_ONCE(s[i].loops);
	preempted = READ_ONCE(s[0].task->nivcsw) - nivcsw0;
	kunit_info(test, "in 300 ms: %lu and %lu loops, first preempted %lu times",
		   l1[0] - l0[0], l1[1] - l0[1], preempted);
	KUNIT_EXPECT_GT(test, l1[0], l0[0]);
	KUNIT_EXPECT_GT(test, l1[1], l0[1]);
	KUNIT_EXPECT_GE(test, preempted, 2);
	/* Neither ran out its 2 s: what we saw was the tick at work. */
	KUNIT_EXPECT_FALSE(test, READ_ONCE(s[0].finished));
	KUNIT_EXPECT_FALSE(test, READ_ONCE(s[1].finished));
out:
	stop_spinners(s, 2);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

#define YIELD_ENTRIES	200

struct yield_log {
	spinlock_t lock;
	struct completion start;
	int n;
	char who[YIELD_ENTRIES];
};

struct yielder {
	struct yield_log *log;
	int policy;
	char id;
	int at_start_line;
};

static int yielder_fn(void *data)
{
	struct yielder *y = data;
	struct yield_log *log = y->log;

	if (y->policy != SCHED_NORMAL)
		set_policy(current, y->policy, 10);
	WRITE_ONCE(y->at_start_line, 1);
	wait_for_completion(&log->start);
	for (;;) {
		bool full;

		spin_lock(&log->lock);
		full = log->n >= YIELD_ENTRIES;
		if (!full)
			log->who[log->n++] = y->id;
		spin_unlock(&log->lock);
		if (full)
			break;
		yield();
	}
	sleep_until_stopped();
	return 0;
}

/* Two threads of @policy write one entry each and yield(): count the handovers. */
static int yield_alternations(struct kunit *test, int policy)
{
	static struct yield_log log;
	struct yielder y[2] = { { &log, policy, 'a', 0 }, { &log, policy, 'b', 0 } };
	struct task_struct *t[2] = {};
	int switches = 0;

	memset(&log, 0, sizeof(log));
	spin_lock_init(&log.lock);
	init_completion(&log.start);
	for (int i = 0; i < 2; i++) {
		t[i] = kthread_run_here(yielder_fn, &y[i], "sched_yield_%c", y[i].id);
		if (IS_ERR(t[i])) {
			t[i] = NULL;
			KUNIT_FAIL(test, "could not start yielder %d", i);
		}
	}
	/* Both waiting at the start line, then released together. */
	for (int i = 0; i < 2; i++)
		if (t[i])
			KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(y[i].at_start_line) &&
							   task_state(t[i]) ==
							   TASK_UNINTERRUPTIBLE, 1000));
	complete_all(&log.start);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(log.n) >= YIELD_ENTRIES, 2000));
	for (int i = 0; i < 2; i++)
		if (t[i])
			kthread_stop(t[i]);
	for (int i = 1; i < log.n; i++)
		switches += log.who[i] != log.who[i - 1];
	return switches;
}

/*
 * yield() hands the CPU to the other runnable thread of the same class,
 * so two yielders strictly alternate (accepted: 90% of the 199 handovers;
 * pid 1 waking to poll may slip in). Without yield the first would fill
 * the whole log in one time slice.
 */
static void sched_yield_lets_equal_run(struct kunit *test)
{
	struct mem_snapshot base;
	int normal, fifo;

	mem_snapshot_take(&base);
	normal = yield_alternations(test, SCHED_NORMAL);
	fifo = yield_alternations(test, SCHED_FIFO);
	kunit_info(test, "handovers: NORMAL %d, FIFO %d of %d", normal, fifo, YIELD_ENTRIES - 1);
	KUNIT_EXPECT_GE(test, normal, (YIELD_ENTRIES - 1) * 9 / 10);
	KUNIT_EXPECT_GE(test, fifo, (YIELD_ENTRIES - 1) * 9 / 10);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* Bad policies and priorities are refused and change nothing. */
static void sched_setscheduler_rejects_bad_input(struct kunit *test)
{
	static const struct { int policy, prio; } bad[] = {
		{ 42, 0 },			/* no such policy */
		{ SCHED_FIFO, 0 },		/* RT needs 1..99 */
		{ SCHED_FIFO, 100 },
		{ SCHED_FIFO, -1 },
		{ SCHED_RR, 0 },
		{ SCHED_NORMAL, 5 },		/* NORMAL needs 0 */
		{ SCHED_IDLE, 0 },		/* the idle policy is the idle task's */
	};
	struct spinner s = {};
	struct mem_snapshot base;
	struct task_struct *t;

	mem_snapshot_take(&base);
	KUNIT_ASSERT_TRUE(test, create_spinner(&s, "sched_setsched"));
	t = s.task;
	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		KUNIT_EXPECT_EQ(test, set_policy(t, bad[i].policy, bad[i].prio), -EINVAL);
		KUNIT_EXPECT_EQ(test, t->policy, SCHED_NORMAL);
		KUNIT_EXPECT_EQ(test, t->prio, DEFAULT_PRIO);
	}
	/* Valid ones take effect: prio 0 is the highest RT level, 99 the lowest. */
	KUNIT_EXPECT_EQ(test, set_policy(t, SCHED_FIFO, 50), 0);
	KUNIT_EXPECT_EQ(test, t->policy, SCHED_FIFO);
	KUNIT_EXPECT_EQ(test, t->rt_priority, 50);
	KUNIT_EXPECT_EQ(test, t->prio, MAX_RT_PRIO - 1 - 50);
	KUNIT_EXPECT_EQ(test, set_policy(t, SCHED_RR, 1), 0);
	KUNIT_EXPECT_EQ(test, t->prio, MAX_RT_PRIO - 2);
	KUNIT_EXPECT_EQ(test, set_policy(t, SCHED_NORMAL, 0), 0);
	KUNIT_EXPECT_EQ(test, t->policy, SCHED_NORMAL);
	KUNIT_EXPECT_EQ(test, t->prio, DEFAULT_PRIO);
	/* The idle task keeps its class whatever is asked. */
	KUNIT_EXPECT_EQ(test, set_policy(&init_task, SCHED_FIFO, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, init_task.policy, SCHED_IDLE);
	kthread_stop(t);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* set_user_nice() clamps to -20..19; the weight follows the nice level. */
static void sched_set_user_nice_clamps(struct kunit *test)
{
	static const struct { long set; int nice; unsigned long weight; } steps[] = {
		{ -100, -20, 88761 }, { 100, 19, 15 }, { 5, 5, 335 },
		{ -1, -1, 1277 }, { 0, 0, 1024 },
	};
	struct spinner s = {};
	struct mem_snapshot base;
	struct task_struct *t;

	mem_snapshot_take(&base);
	KUNIT_ASSERT_TRUE(test, create_spinner(&s, "sched_nice"));
	t = s.task;
	for (unsigned int i = 0; i < ARRAY_SIZE(steps); i++) {
		set_user_nice(t, steps[i].set);
		KUNIT_EXPECT_EQ(test, task_nice(t), steps[i].nice);
		KUNIT_EXPECT_EQ(test, t->static_prio, NICE_TO_PRIO(steps[i].nice));
		KUNIT_EXPECT_EQ(test, t->prio, t->static_prio);
		KUNIT_EXPECT_EQ(test, t->se.weight, steps[i].weight);
	}
	kthread_stop(t);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

static void sched_set_cpus_allowed_rejects_empty(struct kunit *test)
{
	struct spinner s = {};
	struct cpumask empty, offline_only;
	struct mem_snapshot base;
	struct task_struct *t;

	mem_snapshot_take(&base);
	KUNIT_ASSERT_TRUE(test, create_spinner(&s, "sched_affinity"));
	t = s.task;
	cpumask_clear(&empty);
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(t, &empty), -EINVAL);
	KUNIT_EXPECT_TRUE(test, cpumask_equal(&t->cpus_mask, cpumask_of(TEST_CPU)));
	/* A mask of CPUs that are not online is as good as empty. */
	cpumask_clear(&offline_only);
	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		if (!cpumask_test_cpu(cpu, cpu_online_mask))
			cpumask_set_cpu(cpu, &offline_only);
	if (!cpumask_empty(&offline_only))
		KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(t, &offline_only), -EINVAL);
	/* A real one is taken. */
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(t, cpumask_of(0)), 0);
	KUNIT_EXPECT_TRUE(test, cpumask_equal(&t->cpus_mask, cpumask_of(0)));
	KUNIT_EXPECT_EQ(test, t->nr_cpus_allowed, 1);
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(t, cpu_all_mask), 0);
	kthread_stop(t);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/*
 * Two SCHED_RR spinners of equal priority, each spinning until 60 ticks
 * have come while it ran. With time slices of RR_TIMESLICE (10 ticks)
 * they take turns: when the first finishes, the other has already run
 * (under FIFO rules it would not have started), and both were preempted.
 * Ticks, not TSC time: the slice is counted in ticks, and a host that
 * stalls the vCPU lets the TSC run on without them (600 ms of TSC time
 * once fitted in one slice).
 */
static void sched_rr_equal_priority_alternate(struct kunit *test)
{
	struct spinner s[2] = {
		{ .limit_ticks = 6 * RR_TIMESLICE },
		{ .limit_ticks = 6 * RR_TIMESLICE },
	};
	struct mem_snapshot base;

	s[0].other = &s[1];
	s[1].other = &s[0];
	mem_snapshot_take(&base);
	if (!create_spinner(&s[0], "sched_rr_a") || !create_spinner(&s[1], "sched_rr_b")) {
		KUNIT_FAIL(test, "could not create the spinners");
		goto out;
	}
	for (int i = 0; i < 2; i++)
		KUNIT_EXPECT_EQ(test, set_policy(s[i].task, SCHED_RR, 10), 0);
	/* Both runnable before either runs (they would starve us otherwise). */
	preempt_disable();
	wake_up_process(s[0].task);
	wake_up_process(s[1].task);
	preempt_enable();

	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(s[0].finished) && READ_ONCE(s[1].finished),
					   3000));
	kunit_info(test, "at its end each saw the other at %lu / %lu loops; preempted %lu / %lu",
		   s[0].other_loops_at_end, s[1].other_loops_at_end,
		   s[0].task->nivcsw, s[1].task->nivcsw);
	for (int i = 0; i < 2; i++) {
		KUNIT_EXPECT_GT(test, s[i].other_loops_at_end, 0);
		KUNIT_EXPECT_GT(test, s[i].task->nivcsw, 0);
	}
out:
	stop_spinners(s, 2);
	KUNIT_EXPECT_EQ(test, current->policy, SCHED_NORMAL);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/*
 * wait_task_inactive() on a sleeping thread: 0 if it is not in the state
 * asked for, non-zero if it is (or if any state will do).
 */
static void sched_wait_task_inactive_state_mismatch(struct kunit *test)
{
	struct spinner s = {};
	struct mem_snapshot base;
	struct task_struct *t;

	mem_snapshot_take(&base);
	/* Created and never woken: off the CPU in TASK_UNINTERRUPTIBLE. */
	KUNIT_ASSERT_TRUE(test, create_spinner(&s, "sched_inactive"));
	t = s.task;
	KUNIT_EXPECT_EQ(test, task_state(t), TASK_UNINTERRUPTIBLE);
	KUNIT_EXPECT_EQ(test, wait_task_inactive(t, TASK_INTERRUPTIBLE), 0);
	KUNIT_EXPECT_EQ(test, wait_task_inactive(t, TASK_PARKED), 0);
	KUNIT_EXPECT_NE(test, wait_task_inactive(t, TASK_UNINTERRUPTIBLE), 0);
	KUNIT_EXPECT_NE(test, wait_task_inactive(t, 0), 0);
	kthread_stop(t);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/*
 * A forked child never starts ahead of its parent: task_fork_fair() starts
 * it at the parent's vruntime and place_entity() takes the later of that
 * and min_vruntime plus a slice. Placed at min_vruntime plus a slice
 * alone, the child of a parent well past min_vruntime would start ahead
 * of it (and preempt it at once). Here pid 1 runs 20 ms without letting
 * the spinner queued behind it run (preemption off), which puts it 20 ms
 * of vruntime past min_vruntime, held back by the spinner, then runs
 * sched_fork() on a copy of itself, as copy_process() does on the task it
 * is making (dup_task_struct()'s copy), still with preemption off so
 * nothing runs in between.
 */
static void sched_fork_child_not_ahead_of_parent(struct kunit *test)
{
	struct spinner behind = {};
	struct mem_snapshot base;
	struct task_struct *child;
	u64 end, parent_vruntime, child_vruntime;

	mem_snapshot_take(&base);
	child = kmalloc(sizeof(*child), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, child);
	if (!create_spinner(&behind, "sched_behind")) {
		kfree(child);
		KUNIT_FAIL(test, "could not create the spinner");
		return;
	}
	wake_up_process(behind.task);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(behind.running), 1000));
	preempt_disable();
	end = ktime_get_ns() + 20 * NSEC_PER_MSEC;
	while (ktime_get_ns() < end)
		cpu_relax();
	*child = *current;
	sched_fork(0, child);
	parent_vruntime = current->se.vruntime;
	child_vruntime = child->se.vruntime;
	preempt_enable();
	stop_spinners(&behind, 1);
	kfree(child);
	kunit_info(test, "parent's vruntime %llu, child's %llu",
		   (unsigned long long)parent_vruntime, (unsigned long long)child_vruntime);
	KUNIT_EXPECT_GE(test, (s64)(child_vruntime - parent_vruntime), 0);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* ---- pick_next_task(): the fair fast path and the way around it ---- */

struct pick_racer {
	int *seq;		/* shared: the next place to take */
	int place;		/* when it first ran, from 1; 0: not yet */
};

static int pick_racer_fn(void *data)
{
	struct pick_racer *r = data;

	WRITE_ONCE(r->place, ++*r->seq);	/* all on TEST_CPU: no race */
	sleep_until_stopped();
	return 0;
}

/*
 * A fair and a FIFO thread woken together (preemption off, so both are
 * queued when we next schedule): the FIFO one runs first, before us and
 * before the fair one. pick_next_task() must see the rt task queued and
 * leave its fair-only fast path; then, the FIFO thread asleep, the fair
 * ones (we and the other) run again, by the fast path.
 */
static void sched_pick_rt_before_fair_fast_path(struct kunit *test)
{
	struct pick_racer fair = {}, rt = {};
	struct task_struct *tf, *tr;
	int seq = 0, ours;

	fair.seq = rt.seq = &seq;
	tf = kthread_create(pick_racer_fn, &fair, "sched_pick_fair");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, tf);
	tr = kthread_create(pick_racer_fn, &rt, "sched_pick_rt");
	if (IS_ERR(tr)) {
		kthread_stop(tf);
		KUNIT_FAIL(test, "could not create the FIFO thread");
		return;
	}
	kthread_bind(tf, TEST_CPU);
	kthread_bind(tr, TEST_CPU);
	KUNIT_EXPECT_EQ(test, set_policy(tr, SCHED_FIFO, 5), 0);
	preempt_disable();
	wake_up_process(tf);
	wake_up_process(tr);
	preempt_enable();		/* the FIFO thread runs from here */
	ours = ++seq;
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(fair.place), 1000));
	KUNIT_EXPECT_EQ(test, READ_ONCE(rt.place), 1);
	KUNIT_EXPECT_GT(test, ours, 1);
	KUNIT_EXPECT_GT(test, READ_ONCE(fair.place), 1);
	kthread_stop(tr);
	kthread_stop(tf);
}

static int note_ran_fn(void *data)
{
	WRITE_ONCE(*(int *)data, 1);
	sleep_until_stopped();
	return 0;
}

/*
 * A reschedule asked for while preemption is off is taken by the very
 * preempt_enable() that turns it back on: a FIFO thread woken on our CPU
 * inside the section has run by the time preempt_enable() returns, not
 * at the next tick. The request travels in the PREEMPT_NEED_RESCHED bit
 * of preempt_count (<linux/preempt.h>), folded in by resched_curr().
 */
static void sched_preempt_enable_takes_pending_resched(struct kunit *test)
{
	struct cpumask saved;
	struct task_struct *t;
	int ran = 0, ran_inside, pending;

	t = kthread_create(note_ran_fn, &ran, "sched_pe");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	kthread_bind(t, TEST_CPU);
	KUNIT_EXPECT_EQ(test, set_policy(t, SCHED_FIFO, 10), 0);
	task_pin(current, &saved);
	preempt_disable();
	wake_up_process(t);
	ran_inside = READ_ONCE(ran);
	pending = test_preempt_need_resched();
	preempt_enable();
	KUNIT_EXPECT_EQ(test, ran_inside, 0);	/* preemption was off */
	KUNIT_EXPECT_TRUE(test, pending);
	KUNIT_EXPECT_EQ(test, READ_ONCE(ran), 1);
	KUNIT_EXPECT_FALSE(test, test_preempt_need_resched());
	task_unpin(current, &saved);
	kthread_stop(t);
}

static struct kunit_case sched_cases[] = {
	KUNIT_CASE(sched_fifo_wakeup_priority_order),
	KUNIT_CASE(sched_schedule_timeout_woken_early),
	KUNIT_CASE(sched_msleep_sleeps_long_enough),
	KUNIT_CASE(sched_nice_weights_proportional),
	KUNIT_CASE(sched_equal_nice_equal_share),
	KUNIT_CASE(sched_fifo_starves_normal),
	KUNIT_CASE(sched_pick_rt_before_fair_fast_path),
	KUNIT_CASE(sched_preempt_enable_takes_pending_resched),
	KUNIT_CASE(sched_tick_preempts_busy_loop),
	KUNIT_CASE(sched_yield_lets_equal_run),
	KUNIT_CASE(sched_setscheduler_rejects_bad_input),
	KUNIT_CASE(sched_set_user_nice_clamps),
	KUNIT_CASE(sched_set_cpus_allowed_rejects_empty),
	KUNIT_CASE(sched_rr_equal_priority_alternate),
	KUNIT_CASE(sched_wait_task_inactive_state_mismatch),
	KUNIT_CASE(sched_fork_child_not_ahead_of_parent),
	{}
};

static struct kunit_suite sched_suite = {
	.name = "sched",
	.suite_init = pin_to_test_cpu,
	.suite_exit = unpin_from_test_cpu,
	.test_cases = sched_cases,
};
kunit_test_suite(sched_suite);
