// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "lockdep": the lock validator (kernel/locking/lockdep.c).
 *
 * The graph: an edge A -> B appears when B is taken with A held, once per
 * pair; A then B then B then A is a cycle, and so is one through three
 * classes; a diamond is not; a second lock of a class held is recursion
 * unless a nesting annotation makes it a subclass; a trylock adds no edge
 * to itself; releasing out of order rebuilds the chain; a chain seen once
 * is cached. The other checks: interrupt-state inversion, bad unlock
 * balance, a held lock freed. The cases run with debug_locks_silent set:
 * a report is counted in lockdep_reports, not printed, and the validator
 * stays on. Every case has classes of its own (static keys), so one
 * case's dependencies cannot make another's.
 *
 * Then the assertions of <linux/lockdep.h>: lockdep_assert_held() is
 * silent while the current task holds the lock and WARNs (one WARNING,
 * counted in warn_count) when it does not: not taken, released again, or
 * held by another task; also in real code (__wake_up_locked() called
 * without its queue's lock). Those WARNINGs in the log are on purpose.
 * Linux: lib/locking-selftest.c (the same idea: one lock sequence a case)
 */
#include <linux/lockdep_types.h>

#if CONFIG_LOCKDEP	/* the validator's own tests need it built in */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/spinlock.h>
#include <linux/printer.h>
#include <linux/sched/debug.h>
#include <linux/slab.h>
#include <linux/wait.h>
#include "../../kernel/locking/lockdep_internals.h"

/* A lock-like map with its own class: a static key per use of the macro. */
#define TEST_MAP(map, name) do {					\
	static struct lock_class_key __key;				\
	lockdep_init_map(&(map), name, &__key, 0);			\
} while (0)

/* Three of them, "prefix_a" to "prefix_c", each its own class. */
struct test_maps {
	struct lockdep_map a, b, c;
};

#define TEST_MAPS(m, prefix) do {					\
	TEST_MAP((m).a, prefix "_a");					\
	TEST_MAP((m).b, prefix "_b");					\
	TEST_MAP((m).c, prefix "_c");					\
} while (0)

static struct lock_class *class_of(struct lockdep_map *map)
{
	return READ_ONCE(map->class_cache);
}

/* Is there an edge from @a's class straight to @b's? */
static bool has_edge(struct lockdep_map *a, struct lockdep_map *b)
{
	struct lock_list *entry;

	list_for_each_entry(entry, &class_of(a)->locks_after, entry)
		if (entry->class == class_of(b))
			return true;
	return false;
}

static void take(struct lockdep_map *a)
{
	lock_map_acquire(a);
}

static void drop(struct lockdep_map *a)
{
	lock_map_release(a);
}

/* Hold @a, take @b, release both: teaches the edge a -> b. */
static void take_pair(struct lockdep_map *a, struct lockdep_map *b)
{
	take(a);
	take(b);
	drop(b);
	drop(a);
}

static void lockdep_test_edge_added(struct kunit *test)
{
	struct test_maps m;
	unsigned int reports = lockdep_reports;
	unsigned long deps = lockdep_nr_direct_deps();

	TEST_MAPS(m, "test_edge");
	take_pair(&m.a, &m.b);
	KUNIT_EXPECT_TRUE(test, has_edge(&m.a, &m.b));
	KUNIT_EXPECT_FALSE(test, has_edge(&m.b, &m.a));
	KUNIT_EXPECT_EQ(test, lockdep_count_forward_deps(class_of(&m.a)), 1);
	KUNIT_EXPECT_EQ(test, lockdep_count_backward_deps(class_of(&m.b)), 1);
	KUNIT_EXPECT_EQ(test, lockdep_nr_direct_deps(), deps + 1);
	/* Seen again: no second edge. */
	take_pair(&m.a, &m.b);
	KUNIT_EXPECT_EQ(test, lockdep_nr_direct_deps(), deps + 1);
	KUNIT_EXPECT_EQ(test, lockdep_reports, reports);
	KUNIT_EXPECT_EQ(test, current->lockdep_depth, 0);
}

static void lockdep_test_ab_ba(struct kunit *test)
{
	struct test_maps m;
	unsigned int reports = lockdep_reports;

	TEST_MAPS(m, "test_abba");
	take_pair(&m.a, &m.b);
	KUNIT_EXPECT_EQ(test, lockdep_reports, reports);
	take_pair(&m.b, &m.a);
	KUNIT_EXPECT_EQ(test, lockdep_reports, reports + 1);
	/* The edge that would close the cycle is not added. */
	KUNIT_EXPECT_FALSE(test, has_edge(&m.b, &m.a));
	KUNIT_EXPECT_EQ(test, current->lockdep_depth, 0);
}

static void lockdep_test_cycle_through_three(struct kunit *test)
{
	struct test_maps m;
	unsigned int reports = lockdep_reports;

	TEST_MAPS(m, "test_three");
	take_pair(&m.a, &m.b);
	take_pair(&m.b, &m.c);
	KUNIT_EXPECT_EQ(test, lockdep_count_forward_deps(class_of(&m.a)), 2);
	KUNIT_EXPECT_EQ(test, lockdep_reports, reports);
	/* c -> a: a -> b -> c is already there. */
	take_pair(&m.c, &m.a);
	KUNIT_EXPECT_EQ(test, lockdep_reports, reports + 1);
	KUNIT_EXPECT_FALSE(test, has_edge(&m.c, &m.a));
}

/* a -> b, a -> c, b -> c: two ways from a to c, no cycle. */
static void lockdep_test_diamond_is_fine(struct kunit *test)
{
	struct test_maps m;
	unsigned int reports = lockdep_reports;

	TEST_MAPS(m, "test_diamond");
	take_pair(&m.a, &m.b);
	take_pair(&m.a, &m.c);
	take_pair(&m.b, &m.c);
	take(&m.a);
	take(&m.b);
	take(&m.c);
	drop(&m.c);
	drop(&m.b);
	drop(&m.a);
	KUNIT_EXPECT_EQ(test, lockdep_reports, reports);
	KUNIT_EXPECT_TRUE(test, has_edge(&m.b, &m.c));
}

/* Two locks of one class: recursion, unless the second is annotated as nested. */
static void lockdep_test_recursion_and_nesting(struct kunit *test)
{
	static struct lock_class_key key;
	struct lockdep_map x1, x2;
	unsigned int reports = lockdep_reports;

	lockdep_init_map(&x1, "test_same_class", &key, 0);
	lockdep_init_map(&x2, "test_same_class", &key, 0);
	lock_acquire(&x1, 0, 0, 0, 1, NULL, _THIS_IP_);
	lock_acquire(&x2, SINGLE_DEPTH_NESTING, 0, 0, 1, NULL, _THIS_IP_);
	KUNIT_EXPECT_EQ(test, lockdep_reports, reports);
	KUNIT_EXPECT_EQ(test, current->lockdep_depth, 2);
	lock_release(&x2, _THIS_IP_);
	lock_release(&x1, _THIS_IP_);

	take(&x1);
	take(&x2);
	KUNIT_EXPECT_EQ(test, lockdep_reports, reports + 1);
	drop(&x2);
	drop(&x1);
	KUNIT_EXPECT_EQ(test, current->lockdep_depth, 0);
}

/* A trylock cannot wait: nothing held before it gets an edge to it. */
static void lockdep_test_trylock_adds_no_edge(struct kunit *test)
{
	struct test_maps m;
	unsigned int reports = lockdep_reports;

	TEST_MAPS(m, "test_try");
	take(&m.a);
	lock_acquire(&m.b, 0, 1, 0, 1, NULL, _THIS_IP_);
	take(&m.c);
	drop(&m.c);
	drop(&m.b);
	drop(&m.a);
	KUNIT_EXPECT_FALSE(test, has_edge(&m.a, &m.b));
	/* Below a trylock, the next real lock is linked too. */
	KUNIT_EXPECT_TRUE(test, has_edge(&m.b, &m.c));
	KUNIT_EXPECT_TRUE(test, has_edge(&m.a, &m.c));
	/* So b then a after all is no cycle. */
	take_pair(&m.b, &m.a);
	KUNIT_EXPECT_EQ(test, lockdep_reports, reports);
}

/* a, b, release a, take c: c was taken under b only. */
static void lockdep_test_release_out_of_order(struct kunit *test)
{
	struct test_maps m;
	unsigned int reports = lockdep_reports;

	TEST_MAPS(m, "test_ooo");
	take(&m.a);
	take(&m.b);
	drop(&m.a);
	KUNIT_EXPECT_EQ(test, current->lockdep_depth, 1);
	KUNIT_EXPECT_TRUE(test, lock_is_held(&m.b));
	KUNIT_EXPECT_FALSE(test, lock_is_held(&m.a));
	take(&m.c);
	drop(&m.c);
	drop(&m.b);
	KUNIT_EXPECT_TRUE(test, has_edge(&m.b, &m.c));
	KUNIT_EXPECT_FALSE(test, has_edge(&m.a, &m.c));
	KUNIT_EXPECT_EQ(test, lockdep_reports, reports);
}

/* might_lock(): the order is learnt, the lock is not left held. */
static void lockdep_test_might_lock(struct kunit *test)
{
	struct test_maps m;
	unsigned int reports = lockdep_reports;

	TEST_MAPS(m, "test_might");
	take(&m.a);
	lock_acquire(&m.b, 0, 0, 0, 1, NULL, _THIS_IP_);	/* might_lock() on a bare map */
	lock_release(&m.b, _THIS_IP_);
	KUNIT_EXPECT_EQ(test, current->lockdep_depth, 1);
	drop(&m.a);
	KUNIT_EXPECT_TRUE(test, has_edge(&m.a, &m.b));
	/* b then a is now the inversion, though b was never really held with a. */
	take_pair(&m.b, &m.a);
	KUNIT_EXPECT_EQ(test, lockdep_reports, reports + 1);
}

/* might_lock() on a real lock: the same, through the lock's dep_map. */
static void lockdep_test_might_lock_spinlock(struct kunit *test)
{
	static DEFINE_SPINLOCK(outer);
	static DEFINE_SPINLOCK(inner);

	spin_lock(&outer);
	might_lock(&inner);
	KUNIT_EXPECT_FALSE(test, lockdep_is_held(&inner));
	KUNIT_EXPECT_TRUE(test, lockdep_is_held(&outer));
	spin_unlock(&outer);
	KUNIT_EXPECT_TRUE(test, has_edge(&outer.dep_map, &inner.dep_map));
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&inner));
}

/* The same sequence twice: the second is a cached chain, nothing new stored. */
static void lockdep_test_chain_cached(struct kunit *test)
{
	struct test_maps m;
	unsigned long chains = READ_ONCE(nr_lock_chains), traces;

	TEST_MAPS(m, "test_chain");
	take_pair(&m.a, &m.b);
	KUNIT_EXPECT_EQ(test, nr_lock_chains, chains + 2);	/* [a] and [a, b] */
	chains = nr_lock_chains;
	traces = nr_stack_trace_entries;
	take_pair(&m.a, &m.b);
	KUNIT_EXPECT_EQ(test, nr_lock_chains, chains);
	KUNIT_EXPECT_EQ(test, nr_stack_trace_entries, traces);
	take_pair(&m.b, &m.a);	/* silenced report; a new chain all the same */
	KUNIT_EXPECT_EQ(test, nr_lock_chains, chains + 2);
}

static void lockdep_test_bad_unlock(struct kunit *test)
{
	struct lockdep_map a;
	unsigned int reports = lockdep_reports;

	TEST_MAP(a, "test_unlock_a");
	drop(&a);
	KUNIT_EXPECT_EQ(test, lockdep_reports, reports + 1);
	take(&a);
	drop(&a);
	KUNIT_EXPECT_EQ(test, lockdep_reports, reports + 1);
}

/* Taken with interrupts on, then in (what the validator sees as) hardirq context. */
static void lockdep_test_irq_inversion(struct kunit *test)
{
	struct test_maps m;
	unsigned int reports = lockdep_reports;
	unsigned long flags;

	TEST_MAPS(m, "test_irq");
	KUNIT_ASSERT_FALSE(test, irqs_disabled());
	take(&m.a);
	drop(&m.a);
	local_irq_save(flags);
	take(&m.b);	/* interrupts off, in a task: fine either way */
	drop(&m.b);
	preempt_count_add(HARDIRQ_OFFSET);
	take(&m.b);
	drop(&m.b);
	KUNIT_EXPECT_EQ(test, lockdep_reports, reports);
	take(&m.a);
	drop(&m.a);
	preempt_count_sub(HARDIRQ_OFFSET);
	local_irq_restore(flags);
	KUNIT_EXPECT_EQ(test, lockdep_reports, reports + 1);
	KUNIT_EXPECT_EQ(test, class_of(&m.b)->usage_mask & (1U << LOCK_ENABLED_HARDIRQ), 0);
	KUNIT_EXPECT_NE(test, class_of(&m.b)->usage_mask & (1U << LOCK_USED_IN_HARDIRQ), 0);
}

struct locked_object {
	spinlock_t lock;
	int data;
};

static void lockdep_test_held_lock_freed(struct kunit *test)
{
	struct locked_object *obj = kmalloc(sizeof(*obj), GFP_KERNEL);
	unsigned int reports = lockdep_reports;

	KUNIT_ASSERT_NOT_NULL(test, obj);
	spin_lock_init(&obj->lock);
	spin_lock(&obj->lock);
	debug_check_no_locks_freed(obj, sizeof(*obj));
	KUNIT_EXPECT_EQ(test, lockdep_reports, reports + 1);
	spin_unlock(&obj->lock);
	kfree(obj);
	KUNIT_EXPECT_EQ(test, lockdep_reports, reports + 1);
}

/* lockdep_set_class(): locks from one init site in two classes, so no recursion. */
static void lockdep_test_set_class(struct kunit *test)
{
	static struct lock_class_key other;
	struct locked_object o1, o2;
	unsigned int reports = lockdep_reports;

	spin_lock_init(&o1.lock);
	spin_lock_init(&o2.lock);
	lockdep_set_class(&o2.lock, &other);
	spin_lock(&o1.lock);
	spin_lock(&o2.lock);
	KUNIT_EXPECT_PTR_NE(test, class_of(&o1.lock.dep_map), class_of(&o2.lock.dep_map));
	KUNIT_EXPECT_STREQ(test, class_of(&o2.lock.dep_map)->name, "&other");
	spin_unlock(&o2.lock);
	spin_unlock(&o1.lock);
	KUNIT_EXPECT_EQ(test, lockdep_reports, reports);
}

static void discard_vprintf(const struct printer *p, const char *fmt, va_list args)
{
}

static const struct printer discard_printer = { .vprintf = discard_vprintf };

static int sleep_until_stopped_fn(void *unused)
{
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!kthread_should_stop())
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return 0;
}

/*
 * Lab 7: ps (tasklist_lock, then kthread_create_lock to print the queue)
 * and the creation path (queueing a request) must agree on one order.
 */
static void lockdep_test_creation_path_vs_ps(struct kunit *test)
{
	unsigned int reports = lockdep_reports;
	struct task_struct *t;

	show_tasks(&discard_printer);
	t = kthread_run(sleep_until_stopped_fn, NULL, "lockdep_order");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	kthread_stop(t);	/* it was queued and created: enough */
	show_tasks(&discard_printer);
	if (lockdep_reports != reports)
		kunit_info(test, "a report, silenced here: `make run` shows it at boot");
	KUNIT_EXPECT_EQ(test, lockdep_reports, reports);
}

static int lockdep_test_init(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, debug_locks, 1);
	debug_locks_silent = 1;
	return 0;
}

static void lockdep_test_exit(struct kunit *test)
{
	debug_locks_silent = 0;
}

static void lockdep_test_assert_spinlock(struct kunit *test)
{
	static DEFINE_SPINLOCK(lock);
	int warns = warn_count;

	KUNIT_EXPECT_FALSE(test, lockdep_is_held(&lock));
	kunit_expect_warning(test, "lockdep_assert_held() of a lock not taken");
	lockdep_assert_held(&lock);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
	lockdep_assert_not_held(&lock);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);

	spin_lock(&lock);
	KUNIT_EXPECT_TRUE(test, lockdep_is_held(&lock));
	lockdep_assert_held(&lock);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
	kunit_expect_warning(test, "lockdep_assert_not_held() of a lock held");
	lockdep_assert_not_held(&lock);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 2);
	spin_unlock(&lock);

	kunit_expect_warning(test, "lockdep_assert_held() of a lock released");
	lockdep_assert_held(&lock);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 3);
}

static void lockdep_test_assert_raw_spinlock_irqsave(struct kunit *test)
{
	static DEFINE_RAW_SPINLOCK(lock);
	unsigned long flags;
	int warns = warn_count;

	raw_spin_lock_irqsave(&lock, flags);
	lockdep_assert_held(&lock);
	raw_spin_unlock_irqrestore(&lock, flags);
	KUNIT_EXPECT_EQ(test, warn_count, warns);
	kunit_expect_warning(test, "lockdep_assert_held() of a raw spinlock released");
	lockdep_assert_held(&lock);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
}

struct mutex_holder {
	struct mutex *m;
	struct completion taken;
	struct completion release;
};

static int hold_mutex(void *data)
{
	struct mutex_holder *h = data;

	mutex_lock(h->m);
	complete(&h->taken);
	wait_for_completion(&h->release);
	mutex_unlock(h->m);
	return 0;
}

/* A mutex locked by another task is not held by this one. */
static void lockdep_test_assert_mutex(struct kunit *test)
{
	static DEFINE_MUTEX(m);
	struct mutex_holder h = { .m = &m };
	struct task_struct *t;
	int warns = warn_count;

	mutex_lock(&m);
	lockdep_assert_held(&m);
	mutex_unlock(&m);
	KUNIT_EXPECT_EQ(test, warn_count, warns);

	init_completion(&h.taken);
	init_completion(&h.release);
	t = kthread_run(hold_mutex, &h, "mutex_holder");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	get_task_struct(t);	/* it exits by itself once released */
	wait_for_completion(&h.taken);
	KUNIT_EXPECT_TRUE(test, mutex_is_locked(&m));
	KUNIT_EXPECT_FALSE(test, lockdep_is_held(&m));
	kunit_expect_warning(test, "lockdep_assert_held() of a mutex another task holds");
	lockdep_assert_held(&m);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
	complete(&h.release);
	KUNIT_EXPECT_EQ(test, kthread_stop_put(t), 0);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
}

/* A function that assumes its caller's lock says so when it is not held. */
static void lockdep_test_wake_up_locked_unlocked(struct kunit *test)
{
	DECLARE_WAIT_QUEUE_HEAD_ONSTACK(wq);
	unsigned long flags;
	int warns = warn_count;

	spin_lock_irqsave(&wq.lock, flags);
	__wake_up_locked(&wq, TASK_NORMAL, 1);
	spin_unlock_irqrestore(&wq.lock, flags);
	KUNIT_EXPECT_EQ(test, warn_count, warns);

	kunit_expect_warning(test, "__wake_up_locked() without the queue lock");
	__wake_up_locked(&wq, TASK_NORMAL, 1);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
}

static struct kunit_case lockdep_test_cases[] = {
	KUNIT_CASE(lockdep_test_edge_added),
	KUNIT_CASE(lockdep_test_ab_ba),
	KUNIT_CASE(lockdep_test_cycle_through_three),
	KUNIT_CASE(lockdep_test_diamond_is_fine),
	KUNIT_CASE(lockdep_test_recursion_and_nesting),
	KUNIT_CASE(lockdep_test_trylock_adds_no_edge),
	KUNIT_CASE(lockdep_test_release_out_of_order),
	KUNIT_CASE(lockdep_test_chain_cached),
	KUNIT_CASE(lockdep_test_might_lock),
	KUNIT_CASE(lockdep_test_might_lock_spinlock),
	KUNIT_CASE(lockdep_test_bad_unlock),
	KUNIT_CASE(lockdep_test_irq_inversion),
	KUNIT_CASE(lockdep_test_held_lock_freed),
	KUNIT_CASE(lockdep_test_set_class),
	KUNIT_CASE(lockdep_test_creation_path_vs_ps),
	KUNIT_CASE(lockdep_test_assert_spinlock),
	KUNIT_CASE(lockdep_test_assert_raw_spinlock_irqsave),
	KUNIT_CASE(lockdep_test_assert_mutex),
	KUNIT_CASE(lockdep_test_wake_up_locked_unlocked),
	{}
};

static struct kunit_suite lockdep_suite = {
	.name = "lockdep",
	.init = lockdep_test_init,
	.exit = lockdep_test_exit,
	.test_cases = lockdep_test_cases,
};
kunit_test_suite(lockdep_suite);

#else /* !CONFIG_LOCKDEP */
#include <kunit/test.h>

/*
 * Without the validator (the release build) the suite is still listed,
 * its one case skipped with the reason, so a kernel that lost lockdep by
 * mistake does not pass the lockdep suite by having none.
 */
static void lockdep_built_in(struct kunit *test)
{
	kunit_skip(test, "needs CONFIG_LOCKDEP (off in the release build)");
}

static struct kunit_case lockdep_test_cases[] = {
	KUNIT_CASE(lockdep_built_in),
	{}
};

static struct kunit_suite lockdep_suite = {
	.name = "lockdep",
	.test_cases = lockdep_test_cases,
};
kunit_test_suite(lockdep_suite);
#endif /* CONFIG_LOCKDEP */
