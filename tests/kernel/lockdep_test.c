// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "lockdep": the lock assertions of <linux/lockdep.h>.
 * lockdep_assert_held() is silent while the current task holds the lock
 * and WARNs (one WARNING, counted in warn_count) when it does not: not
 * taken, released again, or held by another task. The same for the three
 * kinds of lock, and for an assertion in real code (__wake_up_locked()
 * called without its queue's lock). The WARNINGs in the log are on
 * purpose.
 * Linux: lib/locking-selftest.c (the same idea, for the validator)
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

static void lockdep_test_spinlock(struct kunit *test)
{
	DEFINE_SPINLOCK(lock);
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

static void lockdep_test_raw_spinlock_irqsave(struct kunit *test)
{
	DEFINE_RAW_SPINLOCK(lock);
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

/*
 * A spinlock locked, but owned by another task: what the scheduler does
 * to rq->lock when it hands it from prev to next (context_switch()). A
 * task holding a spinlock cannot be preempted, so on one CPU this is the
 * way to have another task hold it while this one runs.
 */
static void lockdep_test_spinlock_other_owner(struct kunit *test)
{
	DEFINE_SPINLOCK(lock);
	void *owner;
	int warns = warn_count;

	spin_lock(&lock);
	owner = lock.rlock.owner;
	lock.rlock.owner = kthreadd_task;
	KUNIT_EXPECT_TRUE(test, spin_is_locked(&lock));
	KUNIT_EXPECT_FALSE(test, lockdep_is_held(&lock));
	kunit_expect_warning(test, "lockdep_assert_held() of a spinlock another task owns");
	lockdep_assert_held(&lock);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
	lock.rlock.owner = owner;
	spin_unlock(&lock);
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
static void lockdep_test_mutex(struct kunit *test)
{
	DEFINE_MUTEX(m);
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
	DECLARE_WAIT_QUEUE_HEAD(wq);
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
	KUNIT_CASE(lockdep_test_spinlock),
	KUNIT_CASE(lockdep_test_raw_spinlock_irqsave),
	KUNIT_CASE(lockdep_test_spinlock_other_owner),
	KUNIT_CASE(lockdep_test_mutex),
	KUNIT_CASE(lockdep_test_wake_up_locked_unlocked),
	{}
};

static struct kunit_suite lockdep_suite = {
	.name = "lockdep",
	.test_cases = lockdep_test_cases,
};
kunit_test_suite(lockdep_suite);
