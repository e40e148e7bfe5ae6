// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of kernel/kthread.c: the creation path step by step, stopping,
 * parking, binding, names, data, and every error path: allocation
 * failure on each side, and the creator killed while it waits (both
 * outcomes of the xchg(&create->done, NULL) race).
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/sched/isolation.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include "test_util.h"

struct fn_state {
	int ran;
	int loops;
	int ret;
};

static int return_value_fn(void *data)
{
	struct fn_state *st = data;

	WRITE_ONCE(st->ran, 1);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return st->ret;
}

static int exit_at_once_fn(void *data)
{
	struct fn_state *st = data;

	WRITE_ONCE(st->ran, 1);
	return st->ret;
}

static void kthread_create_sleeps_until_woken(struct kunit *test)
{
	struct fn_state st = { .ret = 42 };
	struct task_struct *t = kthread_create(return_value_fn, &st, "kt_sleeper");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_EXPECT_TRUE(test, t->flags & PF_KTHREAD);
	KUNIT_EXPECT_EQ(test, task_state(t), TASK_UNINTERRUPTIBLE);
	msleep(20);
	KUNIT_EXPECT_EQ(test, READ_ONCE(st.ran), 0);
	wake_up_process(t);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(st.ran), 1000));
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 42);
}

static void kthread_stop_before_wake_returns_eintr(struct kunit *test)
{
	struct fn_state st = { .ret = 7 };
	struct mem_snapshot base;
	struct task_struct *t;

	mem_snapshot_take(&base);
	t = kthread_create(exit_at_once_fn, &st, "kt_never_run");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), -EINTR);
	KUNIT_EXPECT_EQ(test, READ_ONCE(st.ran), 0);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

static int count_until_stop_fn(void *data)
{
	struct fn_state *st = data;

	while (!kthread_should_stop()) {
		WRITE_ONCE(st->loops, st->loops + 1);
		schedule_timeout_interruptible(1);
	}
	return 1000 + (st->loops > 0);
}

static void kthread_should_stop_ends_loop(struct kunit *test)
{
	struct fn_state st = {};
	struct task_struct *t = kthread_run(count_until_stop_fn, &st, "kt_loop");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(st.loops) >= 3, 2000));
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 1001);
}

/*
 * The creation path, as recorded by kthread_create_step(), in order.
 * Two steps have no fixed place. Waking kthreadd may preempt the creator
 * right after it queued the request, so the creator's "wait" (step 3) can
 * come anywhere between "queued" and "returns" (the wait then finds the
 * completion already done). And on SMP the woken creator returns on its
 * CPU while the new thread goes on to its schedule() on another: "sleep"
 * (step 11) comes after "complete", before or after "returns" (we wait
 * until the thread is asleep before we stop the log). Every other step
 * has exactly one place.
 */
static void kthread_creation_steps_in_order(struct kunit *test)
{
	static const int expected[] = {
		KT_CREATE_ON_NODE, KT_CREATE_QUEUED,
		KT_KTHREADD_DEQUEUE, KT_CREATE_KTHREAD, KT_KERNEL_CLONE,
		KT_COPY_PROCESS, KT_WAKE_UP_NEW_TASK,
		KT_KTHREAD_START, KT_KTHREAD_COMPLETE,
		KT_CREATE_RETURN,
	};
	static struct kthread_step_log log;
	struct fn_state st = {};
	struct task_struct *t;
	pid_t me = current->pid;
	int j = 0, wait_at = -1, sleep_at = -1, ours = 0;

	kthread_step_log_start(&log);
	t = kthread_create(exit_at_once_fn, &st, "kt_steps");
	if (!IS_ERR(t))
		KUNIT_EXPECT_TRUE(test, wait_task_inactive(t, TASK_UNINTERRUPTIBLE));
	kthread_step_log_stop();
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	for (int i = 0; i < log.n; i++) {
		pid_t who = log.rec[i].pid;

		/* Other CPUs' threads take steps too (a stopper's first run). */
		if (who != me && who != kthreadd_task->pid && who != t->pid)
			continue;
		ours++;
		if (log.rec[i].step == KT_CREATE_WAIT) {
			KUNIT_EXPECT_EQ(test, wait_at, -1);	/* once */
			KUNIT_EXPECT_EQ(test, who, me);
			wait_at = j;
			continue;
		}
		if (log.rec[i].step == KT_KTHREAD_SLEEP) {
			KUNIT_EXPECT_EQ(test, sleep_at, -1);	/* once */
			KUNIT_EXPECT_EQ(test, who, t->pid);
			sleep_at = j;
			continue;
		}
		KUNIT_ASSERT_LT(test, j, (int)ARRAY_SIZE(expected));
		KUNIT_EXPECT_EQ(test, log.rec[i].step, expected[j]);
		if (expected[j] <= KT_CREATE_QUEUED || expected[j] == KT_CREATE_RETURN)
			KUNIT_EXPECT_EQ(test, who, me);
		else if (expected[j] <= KT_WAKE_UP_NEW_TASK)
			KUNIT_EXPECT_EQ(test, who, kthreadd_task->pid);
		else
			KUNIT_EXPECT_EQ(test, who, t->pid);
		j++;
	}
	/* After "queued" (index 2 on) and before "returns" (the last). */
	KUNIT_EXPECT_GE(test, wait_at, 2);
	KUNIT_EXPECT_LT(test, wait_at, (int)ARRAY_SIZE(expected));
	KUNIT_EXPECT_EQ(test, ours, (int)ARRAY_SIZE(expected) + 2);
	/* After "complete" (the one before "returns"); at the end at the latest. */
	KUNIT_EXPECT_GE(test, sleep_at, (int)ARRAY_SIZE(expected) - 1);
	KUNIT_EXPECT_LE(test, sleep_at, (int)ARRAY_SIZE(expected));
	KUNIT_EXPECT_EQ(test, kthread_stop(t), -EINTR);
}

static void kthread_parent_is_kthreadd(struct kunit *test)
{
	struct fn_state st = {};
	struct task_struct *t = kthread_create(exit_at_once_fn, &st, "kt_child");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_EXPECT_EQ(test, kthreadd_task->pid, 2);
	KUNIT_EXPECT_STREQ(test, kthreadd_task->comm, "kthreadd");
	KUNIT_EXPECT_PTR_EQ(test, t->real_parent, kthreadd_task);
	KUNIT_EXPECT_EQ(test, t->policy, SCHED_NORMAL);
	KUNIT_EXPECT_TRUE(test, cpumask_equal(&t->cpus_mask, housekeeping_cpumask(HK_TYPE_KTHREAD)));
	kthread_stop(t);
}

static void kthread_names_truncate_and_full_name(struct kunit *test)
{
	static const char *const names[] = {
		"abcdefghijklmno",	/* 15: fits comm exactly */
		"abcdefghijklmnop",	/* 16: one too many */
		"a_sixty_four_character_kthread_name_to_check_full_name_is_kept_!",
	};
	struct fn_state st = {};

	for (unsigned int i = 0; i < ARRAY_SIZE(names); i++) {
		struct task_struct *t = kthread_create(exit_at_once_fn, &st, "%s", names[i]);
		char comm[TASK_COMM_LEN], full[80];

		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
		get_task_comm(comm, t);
		KUNIT_EXPECT_EQ(test, strlen(comm), min(strlen(names[i]), (size_t)TASK_COMM_LEN - 1));
		KUNIT_EXPECT_EQ(test, strncmp(comm, names[i], TASK_COMM_LEN - 1), 0);
		get_kthread_comm(full, sizeof(full), t);
		KUNIT_EXPECT_STREQ(test, full, names[i]);
		kthread_stop(t);
	}
	KUNIT_EXPECT_EQ(test, strlen(names[2]), 64);
}

static void kthread_name_format(struct kunit *test)
{
	struct fn_state st = {};
	struct task_struct *t = kthread_create(exit_at_once_fn, &st, "kt_fmt/%d:%s", 3, "x");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_EXPECT_STREQ(test, t->comm, "kt_fmt/3:x");
	kthread_stop(t);
}

static void kthread_data_and_func(struct kunit *test)
{
	struct fn_state st = {};
	struct task_struct *t = kthread_create(exit_at_once_fn, &st, "kt_data");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_EXPECT_PTR_EQ(test, kthread_data(t), &st);
	KUNIT_EXPECT_PTR_EQ(test, kthread_func(t), (void *)exit_at_once_fn);
	/* The test runs in pid 1, which is not a kthread. */
	KUNIT_EXPECT_FALSE(test, current->flags & PF_KTHREAD);
	KUNIT_EXPECT_PTR_EQ(test, kthread_func(current), NULL);
	/* kthread_probe_data(): the same for a kthread, NULL for pid 1. */
	KUNIT_EXPECT_PTR_EQ(test, kthread_probe_data(t), &st);
	KUNIT_EXPECT_PTR_EQ(test, kthread_probe_data(current), NULL);
	kthread_stop(t);
}

static int park_loop_fn(void *data)
{
	struct fn_state *st = data;

	while (!kthread_should_stop()) {
		if (kthread_should_park())
			kthread_parkme();
		WRITE_ONCE(st->loops, st->loops + 1);
		schedule_timeout_interruptible(1);
	}
	return 5;
}

/* kthread_park()'s WARN_ON_ONCE fires in the first run of a boot only. */
static bool park_twice_warned;

static void kthread_park_and_unpark(struct kunit *test)
{
	struct fn_state st = {};
	struct task_struct *t = kthread_run(park_loop_fn, &st, "kt_park");
	int frozen;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(st.loops) >= 2, 2000));
	KUNIT_EXPECT_EQ(test, kthread_park(t), 0);
	KUNIT_EXPECT_EQ(test, task_state(t), TASK_PARKED);
	/* Parking twice is a caller's bug: -EBUSY, and 6.1's WARN_ON_ONCE (once a boot). */
	if (!park_twice_warned) {
		kunit_expect_warning(test, "kthread_park() of a parked thread");
		park_twice_warned = true;
	}
	KUNIT_EXPECT_EQ(test, kthread_park(t), -EBUSY);
	/* A stray wakeup does not unpark it. */
	wake_up_process(t);
	frozen = READ_ONCE(st.loops);
	msleep(50);
	KUNIT_EXPECT_EQ(test, READ_ONCE(st.loops), frozen);
	KUNIT_EXPECT_EQ(test, task_state(t), TASK_PARKED);
	kthread_unpark(t);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(st.loops) > frozen + 2, 2000));
	/* Stopping a parked thread unparks it first. */
	KUNIT_EXPECT_EQ(test, kthread_park(t), 0);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 5);
}

static void kthread_bind_fixes_affinity(struct kunit *test)
{
	struct fn_state st = { .ret = 3 };
	struct task_struct *t = kthread_create(exit_at_once_fn, &st, "kt_bound");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	kthread_bind(t, 0);
	KUNIT_EXPECT_TRUE(test, cpumask_equal(&t->cpus_mask, cpumask_of(0)));
	KUNIT_EXPECT_TRUE(test, t->flags & PF_NO_SETAFFINITY);
	/* Users may not rebind it (the kernel still may: set_cpus_allowed_ptr()). */
	KUNIT_EXPECT_EQ(test, sched_setaffinity(t->pid, cpu_all_mask), -EINVAL);
	/* It exits by itself once woken: hold it for kthread_stop(). */
	get_task_struct(t);
	wake_up_process(t);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(st.ran), 1000));
	KUNIT_EXPECT_EQ(test, task_cpu(t), 0);
	KUNIT_EXPECT_EQ(test, kthread_stop_put(t), 3);
}

static void kthread_create_on_cpu_names_and_binds(struct kunit *test)
{
	struct fn_state st = {};
	struct task_struct *t = kthread_create_on_cpu(exit_at_once_fn, &st, 0, "kt_percpu/%u");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_EXPECT_STREQ(test, t->comm, "kt_percpu/0");
	KUNIT_EXPECT_TRUE(test, cpumask_equal(&t->cpus_mask, cpumask_of(0)));
	KUNIT_EXPECT_TRUE(test, t->flags & PF_NO_SETAFFINITY);
	/* Per-CPU in the hotplug sense only once smpboot says so (6.1). */
	KUNIT_EXPECT_FALSE(test, kthread_is_per_cpu(t));
	kthread_set_per_cpu(t, 0);
	KUNIT_EXPECT_TRUE(test, kthread_is_per_cpu(t));
	kthread_set_per_cpu(t, -1);
	KUNIT_EXPECT_FALSE(test, kthread_is_per_cpu(t));
	KUNIT_EXPECT_FALSE(test, kthread_is_per_cpu(current));
	KUNIT_EXPECT_PTR_EQ(test, kthread_create_on_cpu(exit_at_once_fn, &st, NR_CPUS, "x"),
			    ERR_PTR(-EINVAL));
	kthread_stop(t);
}

/* The first CPU that is not online (possible or not), or NR_CPUS. */
static int first_offline_cpu(void)
{
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (!cpu_online(cpu))
			break;
	return cpu;
}

/*
 * An offline or absent CPU is refused: by kthread_create_on_cpu() and
 * kthread_create_worker_on_cpu() before anything is made, by
 * kthread_bind() with a WARNING, the thread left as it was.
 */
static void kthread_bind_refuses_offline_cpu(struct kunit *test)
{
	struct fn_state st = { .ret = 4 };
	int cpu = first_offline_cpu();
	struct mem_snapshot base;
	struct task_struct *t;

	if (cpu >= NR_CPUS)
		kunit_skip(test, "every CPU is online");
	mem_snapshot_take(&base);
	KUNIT_EXPECT_PTR_EQ(test, kthread_create_on_cpu(exit_at_once_fn, &st, cpu, "x/%u"),
			    ERR_PTR(-EINVAL));
	KUNIT_EXPECT_PTR_EQ(test, (void *)kthread_create_worker_on_cpu(cpu, 0, "w/%d", cpu),
			    ERR_PTR(-EINVAL));
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);

	t = kthread_create(exit_at_once_fn, &st, "kt_offline");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	kunit_expect_warning(test, "kthread_bind() to an offline CPU");
	kthread_bind(t, cpu);
	KUNIT_EXPECT_TRUE(test, cpumask_equal(&t->cpus_mask, housekeeping_cpumask(HK_TYPE_KTHREAD)));
	KUNIT_EXPECT_FALSE(test, t->flags & PF_NO_SETAFFINITY);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), -EINTR);
}

/* A 6.1 kthread_bind() on a thread already woken WARNs and leaves it unbound. */
static void kthread_bind_of_woken_thread_warns(struct kunit *test)
{
	struct fn_state st = { .ret = 6 };
	struct task_struct *t = kthread_run(return_value_fn, &st, "kt_woken");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_ASSERT_TRUE(test, wait_until(READ_ONCE(st.ran), 1000));
	/* Asleep in schedule_timeout_interruptible(): TASK_INTERRUPTIBLE, not kthread()'s D. */
	kunit_expect_warning(test, "kthread_bind() of a woken thread");
	kthread_bind(t, 0);
	KUNIT_EXPECT_FALSE(test, t->flags & PF_NO_SETAFFINITY);
	KUNIT_EXPECT_TRUE(test, cpumask_equal(&t->cpus_mask, housekeeping_cpumask(HK_TYPE_KTHREAD)));
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 6);
}

/* kmalloc of the request fails: -ENOMEM, nothing queued, nothing leaked. */
static void kthread_create_enomem_creator_side(struct kunit *test)
{
	struct fn_state st = {};
	struct mem_snapshot base;
	struct task_struct *t;

	for (unsigned long nth = 1; nth <= 2; nth++) {	/* the request, then full_name */
		mem_snapshot_take(&base);
		KUNIT_ASSERT_TRUE(test, fail_nth_alloc_in(&failslab, "__kthread_create_on_node", nth));
		t = kthread_create(exit_at_once_fn, &st, "kt_enomem");
		fault_attr_disarm(&failslab);
		KUNIT_EXPECT_PTR_EQ(test, t, ERR_PTR(-ENOMEM));
		KUNIT_EXPECT_MEM_BACK_TO(test, &base);
	}
}

/* kernel_clone() fails in kthreadd: the error comes back through done. */
static void kthread_create_enomem_clone_side(struct kunit *test)
{
	struct fn_state st = {};
	struct mem_snapshot base;
	struct task_struct *t;

	mem_snapshot_take(&base);
	KUNIT_ASSERT_TRUE(test, fail_nth_alloc_in(&failslab, "copy_process", 1));
	t = kthread_create(exit_at_once_fn, &st, "kt_clone_fail");
	fault_attr_disarm(&failslab);
	KUNIT_EXPECT_PTR_EQ(test, t, ERR_PTR(-ENOMEM));
	KUNIT_EXPECT_EQ(test, READ_ONCE(st.ran), 0);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

struct creator_ctx {
	struct completion done;
	struct task_struct *result;
	bool kill_self_first;
	struct fn_state st;
};

/* A creator that can be killed: kthreads ignore signals unless allowed. */
static int creator_fn(void *data)
{
	struct creator_ctx *ctx = data;

	allow_signal(SIGKILL);
	if (ctx->kill_self_first) {
		/* FIFO: kthreadd, woken by our request, cannot run before we wait. */
		static const struct sched_param fifo = { .sched_priority = 1 };

		sched_setscheduler_nocheck(current, SCHED_FIFO, &fifo);
		send_sig(SIGKILL, current, 1);
	}
	ctx->result = kthread_create(exit_at_once_fn, &ctx->st, "kt_orphan");
	complete(&ctx->done);
	while (!kthread_should_stop())
		schedule_timeout_uninterruptible(1);
	return 0;
}

/*
 * The creator is killed before anyone takes the request: it wins the
 * xchg, returns -EINTR, and the new thread (still created by kthreadd)
 * finds done == NULL, frees the request and exits.
 */
static void kthread_creator_killed_wins_xchg(struct kunit *test)
{
	static struct kthread_step_log log;
	struct creator_ctx ctx = { .kill_self_first = true };
	struct cpumask kthreadd_mask;
	struct mem_snapshot base;
	struct task_struct *creator;
	pid_t orphan = 0;

	init_completion(&ctx.done);
	creator = kthread_create(creator_fn, &ctx, "kt_creator");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, creator);
	/* The creator's FIFO priority orders it before kthreadd on one CPU. */
	kthread_bind(creator, TEST_CPU);
	kthreadd_pin(&kthreadd_mask);
	mem_snapshot_take(&base);
	kthread_step_log_start(&log);
	wake_up_process(creator);
	wait_for_completion(&ctx.done);
	kthreadd_unpin(&kthreadd_mask);
	KUNIT_EXPECT_PTR_EQ(test, ctx.result, ERR_PTR(-EINTR));
	/* The orphaned request is still served: a thread is created and exits. */
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
	kthread_step_log_stop();
	/* The thread made for the request gave up... */
	for (int i = 0; i < log.n; i++)
		if (log.rec[i].step == KT_CREATOR_GAVE_UP && log.rec[i].pid != kthreadd_task->pid)
			orphan = log.rec[i].pid;
	KUNIT_EXPECT_GT(test, orphan, 0);
	/* ... and never ran threadfn (other threads, a stopper's first run, may). */
	for (int i = 0; i < log.n; i++)
		if (log.rec[i].pid == orphan)
			KUNIT_EXPECT_NE(test, log.rec[i].step, KT_THREADFN);
	KUNIT_EXPECT_EQ(test, READ_ONCE(ctx.st.ran), 0);
	kthread_stop(creator);
}

/*
 * The creator is killed and kthreadd's clone fails too: kthreadd finds
 * done == NULL in kthread_hand_back() and frees the request itself.
 */
static void kthread_creator_killed_and_clone_fails(struct kunit *test)
{
	static struct kthread_step_log log;
	struct creator_ctx ctx = { .kill_self_first = true };
	struct cpumask kthreadd_mask;
	struct mem_snapshot base;
	struct task_struct *creator;
	bool kthreadd_gave_up = false;

	init_completion(&ctx.done);
	creator = kthread_create(creator_fn, &ctx, "kt_creator3");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, creator);
	/* The creator's FIFO priority orders it before kthreadd on one CPU. */
	kthread_bind(creator, TEST_CPU);
	kthreadd_pin(&kthreadd_mask);
	mem_snapshot_take(&base);
	kthread_step_log_start(&log);
	KUNIT_ASSERT_TRUE(test, fail_nth_alloc_in(&failslab, "copy_process", 1));
	wake_up_process(creator);
	wait_for_completion(&ctx.done);
	kthreadd_unpin(&kthreadd_mask);
	KUNIT_EXPECT_PTR_EQ(test, ctx.result, ERR_PTR(-EINTR));
	/* kthreadd serves the orphaned request: its clone fails, it cleans up. */
	KUNIT_EXPECT_TRUE(test, wait_until(fault_attr_failures(&failslab) == 1, 2000));
	fault_attr_disarm(&failslab);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
	kthread_step_log_stop();
	for (int i = 0; i < log.n; i++)
		if (log.rec[i].step == KT_CREATOR_GAVE_UP && log.rec[i].pid == kthreadd_task->pid)
			kthreadd_gave_up = true;
	KUNIT_EXPECT_TRUE(test, kthreadd_gave_up);
	kthread_stop(creator);
}

static struct task_struct *race_creator;
static bool race_creator_killed;	/* it reached KT_CREATOR_KILLED */

static void note_creator_killed(int step)
{
	if (step == KT_CREATOR_KILLED && current == race_creator)
		WRITE_ONCE(race_creator_killed, true);
}

static void kill_creator_hook(struct task_struct *self)
{
	/*
	 * We (the new thread) already own done: now the creator is killed,
	 * and we hold complete() back until it is in its killed branch, so
	 * that its xchg finds NULL (not a completion already done, which
	 * its wait would take without ever looking at the signal).
	 */
	send_sig(SIGKILL, race_creator, 1);
	wait_until(READ_ONCE(race_creator_killed), 5000);
}

/*
 * The creator is killed after the new thread took done: it loses the
 * xchg, waits uninterruptibly for complete(), and gets its thread.
 */
static void kthread_creator_killed_loses_xchg(struct kunit *test)
{
	struct creator_ctx ctx = { .kill_self_first = false };
	struct mem_snapshot base;
	struct task_struct *creator;

	init_completion(&ctx.done);
	creator = kthread_create(creator_fn, &ctx, "kt_creator2");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, creator);
	mem_snapshot_take(&base);
	race_creator = creator;
	race_creator_killed = false;
	WRITE_ONCE(kthread_step_hook, note_creator_killed);
	WRITE_ONCE(kthread_after_take_done_hook, kill_creator_hook);
	wake_up_process(creator);
	wait_for_completion(&ctx.done);
	WRITE_ONCE(kthread_after_take_done_hook, NULL);
	WRITE_ONCE(kthread_step_hook, NULL);
	/* The creator took the killed branch, and lost the xchg there. */
	KUNIT_EXPECT_TRUE(test, READ_ONCE(race_creator_killed));
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ctx.result);
	KUNIT_EXPECT_TRUE(test, fatal_signal_pending(creator) || creator->exit_state);
	KUNIT_EXPECT_STREQ(test, ctx.result->comm, "kt_orphan");
	KUNIT_EXPECT_EQ(test, kthread_stop(ctx.result), -EINTR);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
	kthread_stop(creator);
}

static void kthread_complete_and_exit_fn_test(struct kunit *test);

static struct kunit_case kthread_cases[] = {
	KUNIT_CASE(kthread_create_sleeps_until_woken),
	KUNIT_CASE(kthread_stop_before_wake_returns_eintr),
	KUNIT_CASE(kthread_should_stop_ends_loop),
	KUNIT_CASE(kthread_creation_steps_in_order),
	KUNIT_CASE(kthread_parent_is_kthreadd),
	KUNIT_CASE(kthread_names_truncate_and_full_name),
	KUNIT_CASE(kthread_name_format),
	KUNIT_CASE(kthread_data_and_func),
	KUNIT_CASE(kthread_park_and_unpark),
	KUNIT_CASE(kthread_bind_fixes_affinity),
	KUNIT_CASE(kthread_create_on_cpu_names_and_binds),
	KUNIT_CASE(kthread_bind_refuses_offline_cpu),
	KUNIT_CASE(kthread_bind_of_woken_thread_warns),
	KUNIT_CASE(kthread_create_enomem_creator_side),
	KUNIT_CASE(kthread_create_enomem_clone_side),
	KUNIT_CASE(kthread_creator_killed_wins_xchg),
	KUNIT_CASE(kthread_creator_killed_loses_xchg),
	KUNIT_CASE(kthread_creator_killed_and_clone_fails),
	KUNIT_CASE(kthread_complete_and_exit_fn_test),
	{}
};

static struct kunit_suite kthread_suite = {
	.name = "kthread",
	.test_cases = kthread_cases,
};
kunit_test_suite(kthread_suite);

static int complete_and_exit_fn(void *data)
{
	kthread_complete_and_exit(data, 77);
}

static void kthread_complete_and_exit_fn_test(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(done);
	struct mem_snapshot base;
	struct task_struct *t;

	mem_snapshot_take(&base);
	t = kthread_create(complete_and_exit_fn, &done, "kt_cae");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	/*
	 * It exits by itself once woken, and kthreadd's children reap
	 * themselves: take our reference before it can run. After a
	 * kthread_run() it could already be gone, on another CPU (or
	 * after a preemption on this one), and the reference would be
	 * taken on freed memory (kthread_stop_put() then frees it twice).
	 */
	get_task_struct(t);
	wake_up_process(t);
	wait_for_completion(&done);
	/* Exited for sure (EXIT_DEAD: it reaps itself): always the stop of a dead thread. */
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(t->exit_state) == EXIT_DEAD, 1000));
	/* It exited by itself: kthread_stop() on it still returns its code. */
	KUNIT_EXPECT_EQ(test, kthread_stop_put(t), 77);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}
