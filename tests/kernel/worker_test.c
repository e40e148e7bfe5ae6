// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "kthread_worker": a kthread that runs queued work items,
 * from kernel/kthread.c. Creating a worker (asleep until woken, named),
 * running works in its thread in FIFO order, refusing to queue a pending
 * work twice, flushing one work or the whole worker, delayed works and
 * their timers (run after the delay, cancelled before it, moved), and
 * tearing a worker down or failing to create one without leaking.
 * Linux: kernel/kthread.c (kthread_worker), tested there through its
 * users (no KUnit suite)
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/timer.h>
#include "test_util.h"

/* A work that records where, when and in what order it ran. */
struct test_work {
	struct kthread_work work;
	struct kthread_delayed_work dwork;	/* for the delayed tests */
	int id;
	int runs;
	struct task_struct *ran_in;
	unsigned long ran_at;			/* jiffies */
	unsigned int sleep_ms;			/* sleep this long while running */
	int started, finished;
	int *order;				/* append id here, at *order_len */
	int *order_len;
};

static void test_work_run(struct test_work *tw)
{
	WRITE_ONCE(tw->started, 1);
	tw->ran_in = current;
	tw->ran_at = jiffies;
	if (tw->sleep_ms)
		msleep(tw->sleep_ms);
	if (tw->order)
		tw->order[(*tw->order_len)++] = tw->id;
	tw->runs++;
	WRITE_ONCE(tw->finished, 1);
}

static void test_work_fn(struct kthread_work *work)
{
	test_work_run(container_of(work, struct test_work, work));
}

static void test_dwork_fn(struct kthread_work *work)
{
	test_work_run(container_of(work, struct test_work, dwork.work));
}

static void test_work_init(struct test_work *tw, int id)
{
	memset(tw, 0, sizeof(*tw));
	tw->id = id;
	kthread_init_work(&tw->work, test_work_fn);
	kthread_init_delayed_work(&tw->dwork, test_dwork_fn);
}

/* A work that holds the worker busy until released. */
struct blocker {
	struct kthread_work work;
	struct completion running;
	struct completion release;
};

static void blocker_fn(struct kthread_work *work)
{
	struct blocker *b = container_of(work, struct blocker, work);

	complete(&b->running);
	wait_for_completion(&b->release);
}

/* Queue a blocker and wait until the worker is inside it. */
static void block_worker(struct kthread_worker *worker, struct blocker *b)
{
	kthread_init_work(&b->work, blocker_fn);
	init_completion(&b->running);
	init_completion(&b->release);
	kthread_queue_work(worker, &b->work);
	wait_for_completion(&b->running);
}

static void worker_test_create_sleeps_until_run(struct kunit *test)
{
	struct mem_snapshot base;
	struct kthread_worker *worker;
	struct test_work tw;

	mem_snapshot_take(&base);
	worker = kthread_create_worker(0, "kw_test/%d", 7);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, worker);
	KUNIT_ASSERT_NOT_NULL(test, worker->task);
	KUNIT_EXPECT_STREQ(test, worker->task->comm, "kw_test/7");
	KUNIT_EXPECT_TRUE(test, worker->task->flags & PF_KTHREAD);
	KUNIT_EXPECT_PTR_EQ(test, kthread_data(worker->task), worker);
	KUNIT_EXPECT_PTR_EQ(test, kthread_func(worker->task), (void *)kthread_worker_fn);
	/* Created, not started: still asleep in kthread(). */
	msleep(20);
	KUNIT_EXPECT_EQ(test, task_state(worker->task), TASK_UNINTERRUPTIBLE);
	KUNIT_EXPECT_NULL(test, worker->current_work);

	wake_up_process(worker->task);
	/* Idle in kthread_worker_fn(), waiting for work. */
	KUNIT_EXPECT_TRUE(test, wait_until(task_state(worker->task) == TASK_INTERRUPTIBLE, 1000));
	test_work_init(&tw, 1);
	KUNIT_EXPECT_TRUE(test, kthread_queue_work(worker, &tw.work));
	kthread_flush_work(&tw.work);
	KUNIT_EXPECT_EQ(test, tw.runs, 1);
	kthread_destroy_worker(worker);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

static void worker_test_runs_in_worker_thread(struct kunit *test)
{
	struct kthread_worker *worker = kthread_run_worker(0, "kw_thread");
	struct test_work tw;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, worker);
	test_work_init(&tw, 1);
	KUNIT_EXPECT_TRUE(test, kthread_queue_work(worker, &tw.work));
	kthread_flush_work(&tw.work);
	KUNIT_EXPECT_EQ(test, tw.runs, 1);
	KUNIT_EXPECT_PTR_EQ(test, tw.ran_in, worker->task);
	KUNIT_EXPECT_PTR_NE(test, tw.ran_in, current);
	/* Done: it may be queued again, and runs again. */
	KUNIT_EXPECT_TRUE(test, kthread_queue_work(worker, &tw.work));
	kthread_flush_work(&tw.work);
	KUNIT_EXPECT_EQ(test, tw.runs, 2);
	kthread_destroy_worker(worker);
}

static void worker_test_queue_twice_while_pending(struct kunit *test)
{
	struct kthread_worker *worker = kthread_run_worker(0, "kw_twice");
	struct blocker b;
	struct test_work tw;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, worker);
	block_worker(worker, &b);
	test_work_init(&tw, 1);
	KUNIT_EXPECT_TRUE(test, kthread_queue_work(worker, &tw.work));
	KUNIT_EXPECT_FALSE(test, kthread_queue_work(worker, &tw.work));
	KUNIT_EXPECT_FALSE(test, kthread_queue_work(worker, &tw.work));
	complete(&b.release);
	kthread_flush_worker(worker);
	KUNIT_EXPECT_EQ(test, tw.runs, 1);
	kthread_destroy_worker(worker);
}

static void worker_test_fifo_order(struct kunit *test)
{
	enum { N = 6 };
	struct kthread_worker *worker = kthread_run_worker(0, "kw_fifo");
	static struct test_work tw[N];
	int order[N], len = 0;
	struct blocker b;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, worker);
	/* All queued before any runs. */
	block_worker(worker, &b);
	for (int i = 0; i < N; i++) {
		test_work_init(&tw[i], i);
		tw[i].order = order;
		tw[i].order_len = &len;
		KUNIT_EXPECT_TRUE(test, kthread_queue_work(worker, &tw[i].work));
	}
	complete(&b.release);
	kthread_flush_worker(worker);
	KUNIT_ASSERT_EQ(test, len, N);
	for (int i = 0; i < N; i++)
		KUNIT_EXPECT_EQ(test, order[i], i);
	kthread_destroy_worker(worker);
}

static void worker_test_flush_work_waits_for_running(struct kunit *test)
{
	struct kthread_worker *worker = kthread_run_worker(0, "kw_flush");
	struct test_work tw, idle;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, worker);
	test_work_init(&tw, 1);
	tw.sleep_ms = 50;
	kthread_queue_work(worker, &tw.work);
	KUNIT_ASSERT_TRUE(test, wait_until(READ_ONCE(tw.started), 1000));
	KUNIT_EXPECT_EQ(test, READ_ONCE(tw.finished), 0);
	/* Running, not queued: flush must still wait for the end of it. */
	kthread_flush_work(&tw.work);
	KUNIT_EXPECT_EQ(test, READ_ONCE(tw.finished), 1);
	KUNIT_EXPECT_EQ(test, tw.runs, 1);

	/* Flushing a work that is neither queued nor running returns at once. */
	test_work_init(&idle, 2);
	kthread_flush_work(&idle.work);
	kthread_flush_work(&tw.work);
	KUNIT_EXPECT_EQ(test, tw.runs, 1);
	kthread_destroy_worker(worker);
}

static void worker_test_flush_worker(struct kunit *test)
{
	enum { N = 4 };
	struct kthread_worker *worker = kthread_run_worker(0, "kw_flushall");
	static struct test_work tw[N];

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, worker);
	for (int i = 0; i < N; i++) {
		test_work_init(&tw[i], i);
		tw[i].sleep_ms = 10;
		kthread_queue_work(worker, &tw[i].work);
	}
	kthread_flush_worker(worker);
	for (int i = 0; i < N; i++)
		KUNIT_EXPECT_EQ(test, READ_ONCE(tw[i].finished), 1);
	kthread_destroy_worker(worker);
}

static void worker_test_delayed_work_waits(struct kunit *test)
{
	const unsigned long delay = 20;		/* jiffies: 200 ms at HZ=100 */
	struct kthread_worker *worker = kthread_run_worker(0, "kw_delayed");
	struct test_work tw;
	unsigned long queued;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, worker);
	test_work_init(&tw, 1);
	queued = jiffies;
	KUNIT_EXPECT_TRUE(test, kthread_queue_delayed_work(worker, &tw.dwork, delay));
	KUNIT_EXPECT_FALSE(test, kthread_queue_delayed_work(worker, &tw.dwork, delay));
	KUNIT_EXPECT_TRUE(test, timer_pending(&tw.dwork.timer));
	msleep(jiffies_to_msecs(delay) / 4);
	KUNIT_EXPECT_EQ(test, READ_ONCE(tw.started), 0);
	KUNIT_ASSERT_TRUE(test, wait_until(READ_ONCE(tw.finished), 2000));
	KUNIT_EXPECT_EQ(test, tw.runs, 1);
	KUNIT_EXPECT_GE(test, tw.ran_at - queued, delay);
	KUNIT_EXPECT_PTR_EQ(test, tw.ran_in, worker->task);

	/* No delay: queued at once. */
	test_work_init(&tw, 2);
	KUNIT_EXPECT_TRUE(test, kthread_queue_delayed_work(worker, &tw.dwork, 0));
	kthread_flush_worker(worker);
	KUNIT_EXPECT_EQ(test, tw.runs, 1);
	kthread_destroy_worker(worker);
}

static void worker_test_cancel_delayed_before_expiry(struct kunit *test)
{
	struct kthread_worker *worker = kthread_run_worker(0, "kw_cancel_dw");
	struct test_work tw;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, worker);
	test_work_init(&tw, 1);
	KUNIT_EXPECT_TRUE(test, kthread_queue_delayed_work(worker, &tw.dwork, 10));
	KUNIT_EXPECT_TRUE(test, kthread_cancel_delayed_work_sync(&tw.dwork));
	KUNIT_EXPECT_FALSE(test, timer_pending(&tw.dwork.timer));
	/* Well past when it would have run. */
	msleep(200);
	KUNIT_EXPECT_EQ(test, READ_ONCE(tw.started), 0);
	/* Cancelled, not pending: a second cancel finds nothing. */
	KUNIT_EXPECT_FALSE(test, kthread_cancel_delayed_work_sync(&tw.dwork));
	/* And it can be queued again. */
	KUNIT_EXPECT_TRUE(test, kthread_queue_delayed_work(worker, &tw.dwork, 1));
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(tw.finished), 1000));
	kthread_destroy_worker(worker);
}

static void worker_test_cancel_work(struct kunit *test)
{
	struct kthread_worker *worker = kthread_run_worker(0, "kw_cancel");
	struct test_work tw, never;
	struct blocker b;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, worker);
	/* Queued behind a blocker, cancelled before it could run. */
	block_worker(worker, &b);
	test_work_init(&tw, 1);
	KUNIT_EXPECT_TRUE(test, kthread_queue_work(worker, &tw.work));
	KUNIT_EXPECT_TRUE(test, kthread_cancel_work_sync(&tw.work));
	complete(&b.release);
	kthread_flush_worker(worker);
	KUNIT_EXPECT_EQ(test, tw.runs, 0);
	/* Idle: nothing to cancel, whether it ran before or never was queued. */
	KUNIT_EXPECT_FALSE(test, kthread_cancel_work_sync(&tw.work));
	kthread_queue_work(worker, &tw.work);
	kthread_flush_work(&tw.work);
	KUNIT_EXPECT_EQ(test, tw.runs, 1);
	KUNIT_EXPECT_FALSE(test, kthread_cancel_work_sync(&tw.work));
	test_work_init(&never, 2);
	KUNIT_EXPECT_FALSE(test, kthread_cancel_work_sync(&never.work));

	/* Running: cancel waits for it to finish, and it was not pending. */
	test_work_init(&tw, 3);
	tw.sleep_ms = 50;
	kthread_queue_work(worker, &tw.work);
	KUNIT_ASSERT_TRUE(test, wait_until(READ_ONCE(tw.started), 1000));
	KUNIT_EXPECT_FALSE(test, kthread_cancel_work_sync(&tw.work));
	KUNIT_EXPECT_EQ(test, READ_ONCE(tw.finished), 1);
	kthread_destroy_worker(worker);
}

static void worker_test_mod_delayed_work(struct kunit *test)
{
	struct kthread_worker *worker = kthread_run_worker(0, "kw_mod");
	struct test_work tw;
	unsigned long start;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, worker);
	/* Far away, then brought near: runs long before the first expiry. */
	test_work_init(&tw, 1);
	start = jiffies;
	KUNIT_EXPECT_TRUE(test, kthread_queue_delayed_work(worker, &tw.dwork, 1000));
	KUNIT_EXPECT_TRUE(test, kthread_mod_delayed_work(worker, &tw.dwork, 3));
	KUNIT_ASSERT_TRUE(test, wait_until(READ_ONCE(tw.finished), 2000));
	KUNIT_EXPECT_GE(test, tw.ran_at - start, 3);
	KUNIT_EXPECT_LT(test, tw.ran_at - start, 100);
	KUNIT_EXPECT_EQ(test, tw.runs, 1);

	/* Near, then pushed away: not run at the first expiry. */
	test_work_init(&tw, 2);
	KUNIT_EXPECT_TRUE(test, kthread_queue_delayed_work(worker, &tw.dwork, 10));
	KUNIT_EXPECT_TRUE(test, kthread_mod_delayed_work(worker, &tw.dwork, 1000));
	msleep(200);
	KUNIT_EXPECT_EQ(test, READ_ONCE(tw.started), 0);
	KUNIT_EXPECT_TRUE(test, time_after(tw.dwork.timer.expires, jiffies + 500));
	KUNIT_EXPECT_TRUE(test, kthread_cancel_delayed_work_sync(&tw.dwork));

	/* Not pending: mod queues it, and says it was not pending. */
	test_work_init(&tw, 3);
	KUNIT_EXPECT_FALSE(test, kthread_mod_delayed_work(worker, &tw.dwork, 1));
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(tw.finished), 1000));
	kthread_destroy_worker(worker);
}

/*
 * Another command on the same delayed work, from inside a cancel's (or
 * a mod's) del_timer_sync(): there the work's canceling count is up and
 * the worker's lock dropped, the window two CPUs can hit at any time.
 */
static struct kthread_worker *race_worker;
static struct kthread_delayed_work *race_dwork;
static unsigned long race_delay;
static int race_ret = -1;

static void mod_inside_del_timer_sync(struct timer_list *timer)
{
	if (timer != &race_dwork->timer)
		return;
	WRITE_ONCE(del_timer_sync_hook, NULL);		/* once: mod waits here too */
	race_ret = kthread_mod_delayed_work(race_worker, race_dwork, race_delay);
}

static void race_inside_del_timer_sync(struct kthread_worker *worker, struct test_work *tw,
				       unsigned long delay)
{
	race_worker = worker;
	race_dwork = &tw->dwork;
	race_delay = delay;
	race_ret = -1;
	WRITE_ONCE(del_timer_sync_hook, mod_inside_del_timer_sync);
}

/*
 * A caller counting references takes one for each queueing that returned
 * false and drops one for each cancel that returned true and each run.
 * kthread_mod_delayed_work() racing kthread_cancel_delayed_work_sync()
 * lets the cancel win and returns true (the count did not change): the
 * work never runs and the count is back to 0. Returning false without
 * queueing (as Spindle did) left a reference for a work that never runs.
 */
static void worker_test_mod_racing_cancel(struct kunit *test)
{
	struct kthread_worker *worker = kthread_run_worker(0, "kw_modcancel");
	struct test_work tw;
	int refs = 0;
	bool cancelled;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, worker);
	test_work_init(&tw, 1);
	if (kthread_queue_delayed_work(worker, &tw.dwork, HZ))
		refs++;
	race_inside_del_timer_sync(worker, &tw, 1);
	cancelled = kthread_cancel_delayed_work_sync(&tw.dwork);
	WRITE_ONCE(del_timer_sync_hook, NULL);
	KUNIT_EXPECT_NE(test, race_ret, -1);		/* the race happened */
	KUNIT_EXPECT_EQ(test, race_ret, 1);
	KUNIT_EXPECT_TRUE(test, cancelled);
	if (race_ret == 0)
		refs++;
	if (cancelled)
		refs--;
	msleep(50);			/* well past the mod's delay of 1 */
	kthread_flush_worker(worker);
	refs -= tw.runs;
	KUNIT_EXPECT_EQ(test, tw.runs, 0);
	KUNIT_EXPECT_EQ(test, refs, 0);
	KUNIT_EXPECT_FALSE(test, timer_pending(&tw.dwork.timer));
	KUNIT_EXPECT_TRUE(test, list_empty(&tw.dwork.work.node));
	kthread_destroy_worker(worker);
}

/*
 * Two mods at once: the one that comes while the other waits in
 * del_timer_sync() lets it win and returns true; the first one's delay
 * holds, the work runs once, and the count is back to 0.
 */
static void worker_test_mod_racing_mod(struct kunit *test)
{
	struct kthread_worker *worker = kthread_run_worker(0, "kw_modmod");
	struct test_work tw;
	unsigned long start;
	int refs = 0;
	bool moved;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, worker);
	test_work_init(&tw, 1);
	start = jiffies;
	if (kthread_queue_delayed_work(worker, &tw.dwork, 100 * HZ))
		refs++;
	race_inside_del_timer_sync(worker, &tw, 100 * HZ);
	moved = kthread_mod_delayed_work(worker, &tw.dwork, 2);
	WRITE_ONCE(del_timer_sync_hook, NULL);
	KUNIT_EXPECT_NE(test, race_ret, -1);		/* the race happened */
	KUNIT_EXPECT_EQ(test, race_ret, 1);
	KUNIT_EXPECT_TRUE(test, moved);
	if (race_ret == 0)
		refs++;
	if (!moved)
		refs++;
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(tw.finished), 2000));
	KUNIT_EXPECT_LT(test, tw.ran_at - start, 10 * HZ);	/* the first mod's delay */
	kthread_flush_worker(worker);
	refs -= tw.runs;
	KUNIT_EXPECT_EQ(test, tw.runs, 1);
	KUNIT_EXPECT_EQ(test, refs, 0);
	kthread_destroy_worker(worker);
}

static void worker_test_destroy_frees_everything(struct kunit *test)
{
	struct mem_snapshot base;
	struct kthread_worker *worker;
	struct task_struct *task;
	static struct test_work tw[3];

	mem_snapshot_take(&base);
	worker = kthread_run_worker(0, "kw_destroy");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, worker);
	task = worker->task;
	get_task_struct(task);
	/* Pending works are run (flushed) before the thread stops. */
	for (int i = 0; i < 3; i++) {
		test_work_init(&tw[i], i);
		tw[i].sleep_ms = 10;
		kthread_queue_work(worker, &tw[i].work);
	}
	kthread_destroy_worker(worker);
	for (int i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ(test, tw[i].runs, 1);
	/* The thread exited (and, a kthread, reaped itself). */
	KUNIT_EXPECT_TRUE(test, task->flags & PF_EXITING);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(task->exit_state) == EXIT_DEAD, 1000));
	put_task_struct(task);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);

	/* A worker never woken is woken to be destroyed. */
	worker = kthread_create_worker(0, "kw_destroy2");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, worker);
	kthread_destroy_worker(worker);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* Linux's static initialisers: a worker, a work and a delayed work. */
static void static_work_fn(struct kthread_work *work);
static void static_dwork_fn(struct kthread_work *work);
static DEFINE_KTHREAD_WORKER(static_worker);
static DEFINE_KTHREAD_WORK(static_work, static_work_fn);
static DEFINE_KTHREAD_DELAYED_WORK(static_dwork, static_dwork_fn);
static int static_work_runs, static_dwork_runs;
static struct task_struct *static_work_ran_in;

static void static_work_fn(struct kthread_work *work)
{
	static_work_ran_in = current;
	WRITE_ONCE(static_work_runs, static_work_runs + 1);
}

static void static_dwork_fn(struct kthread_work *work)
{
	WRITE_ONCE(static_dwork_runs, static_dwork_runs + 1);
}

/*
 * DEFINE_KTHREAD_WORKER(), DEFINE_KTHREAD_WORK() and
 * DEFINE_KTHREAD_DELAYED_WORK() give what the init functions give: a
 * worker that kthread_worker_fn() serves, works that run there, a delayed
 * work whose timer is TIMER_IRQSAFE and fires kthread_delayed_work_timer_fn()
 * (as kthread_init_delayed_work() sets it up too).
 */
static void worker_test_static_initializers(struct kunit *test)
{
	struct test_work tw;
	struct task_struct *task;
	int runs = static_work_runs, druns = static_dwork_runs;

	test_work_init(&tw, 1);
	KUNIT_EXPECT_TRUE(test, tw.dwork.timer.flags & TIMER_IRQSAFE);
	KUNIT_EXPECT_TRUE(test, static_dwork.timer.flags & TIMER_IRQSAFE);
	KUNIT_EXPECT_PTR_EQ(test, static_dwork.timer.function, kthread_delayed_work_timer_fn);
	KUNIT_EXPECT_PTR_EQ(test, tw.dwork.timer.function, kthread_delayed_work_timer_fn);
	KUNIT_EXPECT_TRUE(test, list_empty(&static_work.node));
	KUNIT_EXPECT_FALSE(test, timer_pending(&static_dwork.timer));

	task = kthread_run(kthread_worker_fn, &static_worker, "kw_static");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, task);
	KUNIT_EXPECT_TRUE(test, kthread_queue_work(&static_worker, &static_work));
	KUNIT_EXPECT_TRUE(test, kthread_queue_delayed_work(&static_worker, &static_dwork, 1));
	kthread_flush_work(&static_work);
	KUNIT_EXPECT_EQ(test, static_work_runs, runs + 1);
	KUNIT_EXPECT_PTR_EQ(test, static_work_ran_in, task);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(static_dwork_runs) == druns + 1, 1000));
	kthread_flush_worker(&static_worker);
	kthread_stop(task);
	KUNIT_EXPECT_TRUE(test, list_empty(&static_worker.work_list));
	KUNIT_EXPECT_TRUE(test, list_empty(&static_worker.delayed_work_list));
}

/* kthread_insert_work()'s WARN_ON_ONCE fires in the first run of a boot only. */
static bool two_workers_warned;

/*
 * A work serves one worker: queued on a second one, Linux 6.1 warns (its
 * node would be on two lists if the first still had it). The work is
 * queued (the warning is all), as in Linux.
 */
static void worker_test_work_on_two_workers_warns(struct kunit *test)
{
	struct kthread_worker *a, *b;
	struct test_work tw;

	test_work_init(&tw, 1);
	a = kthread_run_worker(0, "kw_a");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, a);
	b = kthread_run_worker(0, "kw_b");
	if (IS_ERR(b)) {
		kthread_destroy_worker(a);
		KUNIT_FAIL(test, "could not create the second worker");
		return;
	}
	KUNIT_EXPECT_TRUE(test, kthread_queue_work(a, &tw.work));
	kthread_flush_work(&tw.work);
	KUNIT_EXPECT_PTR_EQ(test, tw.ran_in, a->task);
	if (!two_workers_warned) {
		kunit_expect_warning(test, "a work queued on a second worker");
		two_workers_warned = true;
	}
	KUNIT_EXPECT_TRUE(test, kthread_queue_work(b, &tw.work));
	kthread_flush_work(&tw.work);
	KUNIT_EXPECT_EQ(test, tw.runs, 2);
	kthread_destroy_worker(a);
	kthread_destroy_worker(b);
}

/* The creator's allocations: the request, the worker, the name. */
static void worker_test_create_enomem(struct kunit *test)
{
	struct kthread_worker *worker;
	struct mem_snapshot base;

	for (unsigned long nth = 1; nth <= 3; nth++) {
		mem_snapshot_take(&base);
		KUNIT_ASSERT_TRUE(test, fail_nth_alloc_in(&failslab, "__kthread_create_on_node", nth));
		worker = kthread_create_worker(0, "kw_enomem/%lu", nth);
		fault_attr_disarm(&failslab);
		KUNIT_EXPECT_EQ(test, fault_attr_failures(&failslab), 1);
		KUNIT_EXPECT_PTR_EQ(test, worker, ERR_PTR(-ENOMEM));
		if (!IS_ERR(worker))
			kthread_destroy_worker(worker);
		KUNIT_EXPECT_MEM_BACK_TO(test, &base);
	}
	/* The clone in kthreadd fails: the worker is freed too. */
	mem_snapshot_take(&base);
	KUNIT_ASSERT_TRUE(test, fail_nth_alloc_in(&failslab, "copy_process", 1));
	worker = kthread_create_worker(0, "kw_enomem_clone");
	fault_attr_disarm(&failslab);
	KUNIT_EXPECT_PTR_EQ(test, worker, ERR_PTR(-ENOMEM));
	if (!IS_ERR(worker))
		kthread_destroy_worker(worker);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* A creator that kills itself first, then asks for a worker. */
struct worker_creator {
	struct completion done;
	struct kthread_worker *result;
};

static int killed_worker_creator_fn(void *data)
{
	struct worker_creator *c = data;

	allow_signal(SIGKILL);
	send_sig(SIGKILL, current, 1);
	c->result = kthread_create_worker(0, "kw_orphan");
	complete(&c->done);
	sleep_until_stopped();
	return 0;
}

/*
 * The creator of a worker is killed before kthreadd serves it (it runs
 * SCHED_FIFO, so it waits before kthreadd can run): -EINTR, and the
 * worker it had allocated is freed with everything else.
 */
static void worker_test_create_creator_killed(struct kunit *test)
{
	static const struct sched_param fifo = { .sched_priority = 1 };
	struct worker_creator c;
	struct mem_snapshot base;
	struct task_struct *creator;

	init_completion(&c.done);
	creator = kthread_create(killed_worker_creator_fn, &c, "kw_creator");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, creator);
	sched_setscheduler_nocheck(creator, SCHED_FIFO, &fifo);
	mem_snapshot_take(&base);
	wake_up_process(creator);
	wait_for_completion(&c.done);
	KUNIT_EXPECT_PTR_EQ(test, c.result, ERR_PTR(-EINTR));
	if (!IS_ERR(c.result))
		kthread_destroy_worker(c.result);
	/* The orphaned request still gets a thread, which finds done NULL and exits. */
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
	kthread_stop(creator);
}

/* A work that, the first time, queues itself again once a cancel has begun. */
struct requeue_work {
	struct kthread_work work;
	struct kthread_worker *worker;
	int runs;
	int requeued;		/* what its kthread_queue_work() returned */
};

static void requeue_once_fn(struct kthread_work *work)
{
	struct requeue_work *rw = container_of(work, struct requeue_work, work);
	int run = rw->runs + 1;

	WRITE_ONCE(rw->runs, run);
	if (run == 1) {
		wait_until(READ_ONCE(work->canceling), 2000);
		rw->requeued = kthread_queue_work(rw->worker, work);
	}
}

/*
 * kthread_cancel_work_sync() on a running work that re-queues itself:
 * the re-queue is refused while the cancel waits, the work is not pending
 * afterwards and never runs again. Once the cancel is over, it may be
 * queued again, and runs.
 */
static void worker_test_cancel_self_requeueing(struct kunit *test)
{
	struct kthread_worker *worker = kthread_run_worker(0, "kw_requeue");
	struct requeue_work rw = { .requeued = -1 };

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, worker);
	kthread_init_work(&rw.work, requeue_once_fn);
	rw.worker = worker;
	KUNIT_EXPECT_TRUE(test, kthread_queue_work(worker, &rw.work));
	KUNIT_ASSERT_TRUE(test, wait_until(READ_ONCE(rw.runs) == 1, 1000));
	KUNIT_EXPECT_FALSE(test, kthread_cancel_work_sync(&rw.work));	/* running, not pending */
	KUNIT_EXPECT_EQ(test, rw.requeued, 0);
	KUNIT_EXPECT_TRUE(test, list_empty(&rw.work.node));
	kthread_flush_worker(worker);
	KUNIT_EXPECT_EQ(test, READ_ONCE(rw.runs), 1);

	KUNIT_EXPECT_TRUE(test, kthread_queue_work(worker, &rw.work));
	kthread_flush_work(&rw.work);
	KUNIT_EXPECT_EQ(test, READ_ONCE(rw.runs), 2);
	kthread_destroy_worker(worker);
}

static struct kunit_case worker_cases[] = {
	KUNIT_CASE(worker_test_create_sleeps_until_run),
	KUNIT_CASE(worker_test_runs_in_worker_thread),
	KUNIT_CASE(worker_test_queue_twice_while_pending),
	KUNIT_CASE(worker_test_fifo_order),
	KUNIT_CASE(worker_test_flush_work_waits_for_running),
	KUNIT_CASE(worker_test_flush_worker),
	KUNIT_CASE(worker_test_delayed_work_waits),
	KUNIT_CASE(worker_test_cancel_delayed_before_expiry),
	KUNIT_CASE(worker_test_cancel_work),
	KUNIT_CASE(worker_test_mod_delayed_work),
	KUNIT_CASE(worker_test_mod_racing_cancel),
	KUNIT_CASE(worker_test_mod_racing_mod),
	KUNIT_CASE(worker_test_destroy_frees_everything),
	KUNIT_CASE(worker_test_create_enomem),
	KUNIT_CASE(worker_test_create_creator_killed),
	KUNIT_CASE(worker_test_cancel_self_requeueing),
	KUNIT_CASE(worker_test_static_initializers),
	KUNIT_CASE(worker_test_work_on_two_workers_warns),
	{}
};

static struct kunit_suite worker_suite = {
	.name = "kthread_worker",
	.test_cases = worker_cases,
};
kunit_test_suite(worker_suite);
