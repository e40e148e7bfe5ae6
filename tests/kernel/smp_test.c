// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "smp": where CPUs meet. Each case needs two CPUs or more
 * and is skipped (a KTAP skip) on one; make test runs it at -smp 4.
 *
 *  - a thread made by kthread_create_on_cpu(), or bound by kthread_bind(),
 *    runs only on its CPU: it checks smp_processor_id() thousands of
 *    times, across sleeps and against a competitor on the same CPU;
 *  - set_cpus_allowed_ptr() moves a busy thread that is running on
 *    another CPU (through that CPU's stopper, migration/N);
 *  - a counter incremented 100,000 times by each CPU under one spinlock
 *    is exact, and every CPU got the lock early, not after the others
 *    (at -smp 4 on a 2-core host this needs the paravirt ticket locks:
 *    arch/x86/include/asm/paravirt.h);
 *  - a waiter that halted on a paravirt ticket lock is woken by the
 *    unlocker's kick IPI, not by its next tick;
 *  - smp_call_function_many() runs its function once on every other
 *    online CPU, and never on the caller's;
 *  - a completion ping-pong between two CPUs loses no wakeup;
 *  - kthreadd made SCHED_FIFO and bound to one CPU passes neither on: its
 *    child runs on another CPU while that one is taken;
 *  - creation from every CPU at once, creators killed from another CPU
 *    in the middle, each kill steered to one side of the xchg in
 *    __kthread_create_on_node() and the side that won checked, then
 *    memory back to baseline.
 * Linux: no one counterpart; kernel/smp.c's and the scheduler's
 * self-tests are spread over lib/locking-selftest.c, kernel/scftorture.c
 * (smp_call_function torture) and rcutorture.
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/kthread.h>
#include <linux/printer.h>
#include <linux/sched/debug.h>
#include <linux/sched/isolation.h>
#include <linux/sched/signal.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/paravirt.h>
#include <asm/traps.h>
#include "test_util.h"

#define needs_smp(test) do {						\
	if (num_online_cpus() < 2)					\
		kunit_skip(test, "needs 2 CPUs or more");		\
} while (0)

/* The CPUs a case uses: at most this many, for its run time. */
#define SMP_TEST_CPUS	4

static int nth_online_cpu(int n)
{
	int cpu;

	for_each_online_cpu(cpu)
		if (n-- == 0)
			return cpu;
	return -1;
}

static int smp_test_cpus(void)
{
	return min_t(int, num_online_cpus(), SMP_TEST_CPUS);
}

/* ---- bound threads stay on their CPU ---- */

#define SAMPLES		2000
#define SAMPLE_SLEEP	200	/* a sleep every this many samples */

struct sampler {
	int cpu;			/* where it must run */
	int samples, wrong;		/* checks made, and on another CPU */
	int first_wrong;		/* the CPU of the first wrong one */
	unsigned long switches;		/* its nvcsw + nivcsw at the end */
	bool done;
};

/*
 * Check the CPU, spin a little (so that a tick can preempt us, with a
 * competitor queued on the same CPU), and now and then sleep: a wakeup
 * is where a thread would land on another CPU if its mask let it.
 */
static int sampler_fn(void *data)
{
	struct sampler *s = data;

	for (int i = 0; i < SAMPLES; i++) {
		int cpu = raw_smp_processor_id();

		if (cpu != s->cpu && !s->wrong++)
			s->first_wrong = cpu;
		s->samples++;
		for (int spin = 0; spin < 200; spin++)
			cpu_relax();
		if (i % SAMPLE_SLEEP == SAMPLE_SLEEP - 1)
			schedule_timeout_uninterruptible(1);
	}
	s->switches = current->nvcsw + current->nivcsw;
	WRITE_ONCE(s->done, true);
	sleep_until_stopped();
	return 0;
}

static void expect_sampled_on_cpu(struct kunit *test, struct sampler *s, const char *how)
{
	if (s->samples != SAMPLES)
		KUNIT_FAIL(test, "%s thread on CPU %d: %d samples, not %d", how, s->cpu,
			   s->samples, SAMPLES);
	if (s->wrong)
		KUNIT_FAIL(test, "%s thread for CPU %d ran on CPU %d (%d of %d samples elsewhere)",
			   how, s->cpu, s->first_wrong, s->wrong, s->samples);
	/* It slept SAMPLES / SAMPLE_SLEEP times: it left its CPU and came back. */
	KUNIT_EXPECT_GE(test, s->switches, (unsigned long)(SAMPLES / SAMPLE_SLEEP));
}

/*
 * Two samplers per CPU, one from kthread_create_on_cpu(), one from
 * kthread_create() and kthread_bind(): each the other's competitor.
 */
static void smp_bound_threads_stay_on_their_cpu(struct kunit *test)
{
	static struct sampler on_cpu[SMP_TEST_CPUS], bound[SMP_TEST_CPUS];
	struct task_struct *t[2 * SMP_TEST_CPUS];
	int n;

	needs_smp(test);
	n = smp_test_cpus();
	memset(on_cpu, 0, sizeof(on_cpu));
	memset(bound, 0, sizeof(bound));
	for (int i = 0; i < n; i++) {
		int cpu = nth_online_cpu(i);

		on_cpu[i].cpu = bound[i].cpu = cpu;
		t[2 * i] = kthread_create_on_cpu(sampler_fn, &on_cpu[i], cpu, "smp_on/%u");
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t[2 * i]);
		t[2 * i + 1] = kthread_create(sampler_fn, &bound[i], "smp_bound/%d", cpu);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t[2 * i + 1]);
		kthread_bind(t[2 * i + 1], cpu);
	}
	for (int i = 0; i < 2 * n; i++)
		wake_up_process(t[i]);
	for (int i = 0; i < n; i++) {
		KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(on_cpu[i].done) &&
						   READ_ONCE(bound[i].done), 20000));
		expect_sampled_on_cpu(test, &on_cpu[i], "kthread_create_on_cpu()");
		expect_sampled_on_cpu(test, &bound[i], "kthread_bind()");
	}
	for (int i = 0; i < 2 * n; i++)
		kthread_stop(t[i]);
}

/* ---- set_cpus_allowed_ptr() moves a running thread ---- */

struct spinner {
	int cpu;			/* where it last looked */
	bool stop;
};

/* Busy: never sleeps, so only its CPU's stopper can move it. */
static int spinner_fn(void *data)
{
	struct spinner *s = data;

	while (!READ_ONCE(s->stop)) {
		WRITE_ONCE(s->cpu, raw_smp_processor_id());
		cpu_relax();
	}
	sleep_until_stopped();
	return 0;
}

static void smp_set_cpus_allowed_moves_running_thread(struct kunit *test)
{
	struct spinner s = { .cpu = -1 };
	struct task_struct *t;
	int from, to;
	unsigned long start, ticks;

	needs_smp(test);
	from = nth_online_cpu(1);
	to = nth_online_cpu(0);
	t = kthread_create(spinner_fn, &s, "smp_spinner");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_ASSERT_EQ(test, set_cpus_allowed_ptr(t, cpumask_of(from)), 0);
	wake_up_process(t);
	KUNIT_ASSERT_TRUE(test, wait_until(READ_ONCE(s.cpu) == from, 2000));

	start = jiffies;
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(t, cpumask_of(to)), 0);
	/* The stopper on @from moved it before the call returned. */
	KUNIT_EXPECT_EQ(test, task_cpu(t), to);
	KUNIT_EXPECT_TRUE(test, cpumask_equal(&t->cpus_mask, cpumask_of(to)));
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(s.cpu) == to, 2000));
	ticks = jiffies - start;
	kunit_info(test, "running thread moved from CPU %d to CPU %d in %lu ticks", from, to,
		   ticks);
	/* And it stays there. */
	msleep(20);
	KUNIT_EXPECT_EQ(test, READ_ONCE(s.cpu), to);
	WRITE_ONCE(s.stop, true);
	kthread_stop(t);
}

/* ---- a spinlock meets every CPU ---- */

#define LOCK_ROUNDS	100000

static struct {
	spinlock_t lock;	/* guards counter and owner_changes */
	unsigned long counter;
	unsigned long owner_changes;
	int last_cpu;
	atomic_t ready;		/* threads at the start line */
	bool go;
} lock_race;

struct locker {
	int cpu;
	unsigned long first;	/* lock_race.counter at its first acquisition */
	int rounds;		/* done so far */
	int taking;		/* 1: in spin_lock(), 2: holding it, 3: in spin_unlock() */
	bool done;
};

static int locker_fn(void *data)
{
	struct locker *l = data;

	atomic_inc(&lock_race.ready);
	while (!READ_ONCE(lock_race.go))
		cpu_relax();
	for (int i = 0; i < LOCK_ROUNDS; i++) {
		WRITE_ONCE(l->taking, 1);
		spin_lock(&lock_race.lock);
		WRITE_ONCE(l->taking, 2);
		if (!i)
			l->first = lock_race.counter;
		/* A non-atomic read-modify-write: only the lock keeps it exact. */
		lock_race.counter = READ_ONCE(lock_race.counter) + 1;
		if (lock_race.last_cpu != l->cpu) {
			lock_race.owner_changes++;
			lock_race.last_cpu = l->cpu;
		}
		WRITE_ONCE(l->taking, 3);
		spin_unlock(&lock_race.lock);
		WRITE_ONCE(l->taking, 0);
		WRITE_ONCE(l->rounds, i + 1);
	}
	WRITE_ONCE(l->done, true);
	sleep_until_stopped();
	return 0;
}

static void spinlock_counter_exact(struct kunit *test, int n)
{
	static struct locker l[SMP_TEST_CPUS];
	struct task_struct *t[SMP_TEST_CPUS];

	memset(l, 0, sizeof(l));
	memset(&lock_race, 0, sizeof(lock_race));
	spin_lock_init(&lock_race.lock);
	lock_race.last_cpu = -1;
	for (int i = 0; i < n; i++) {
		l[i].cpu = nth_online_cpu(i);
		t[i] = kthread_run_on_cpu(locker_fn, &l[i], l[i].cpu, "smp_lock/%u");
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t[i]);
	}
	KUNIT_ASSERT_TRUE(test, wait_until(atomic_read(&lock_race.ready) == n, 5000));
	WRITE_ONCE(lock_race.go, true);
	for (int i = 0; i < n; i++)
		if (!wait_until(READ_ONCE(l[i].done), 30000)) {
			/* Say where it stuck: the ticket lock, each thread, each CPU. */
			arch_spinlock_t tk = lock_race.lock.rlock.raw_lock;

			KUNIT_FAIL(test, "not done after 30 s: counter %lu, ticket owner %#x next %#x",
				   lock_race.counter, tk.owner, tk.next);
			for (int j = 0; j < n; j++)
				KUNIT_FAIL(test, "CPU %d: %d rounds, %s, %s", l[j].cpu, l[j].rounds,
					   l[j].taking ? "in spin_lock/unlock" : "outside the lock",
					   t[j]->on_cpu ? "on its CPU" : "off its CPU");
			sched_show_cpus(&printk_printer);
			break;
		}
	KUNIT_EXPECT_EQ(test, lock_race.counter, (unsigned long)n * LOCK_ROUNDS);
	/*
	 * No CPU waited for the others to finish before its first turn: each
	 * got the lock while at least one other still had a full round
	 * ahead of it. (A ticket lock serves in arrival order.)
	 */
	for (int i = 0; i < n; i++)
		if (l[i].first >= (unsigned long)(n - 1) * LOCK_ROUNDS)
			KUNIT_FAIL(test, "CPU %d first got the lock at count %lu: it starved",
				   l[i].cpu, l[i].first);
	/* They really took turns, not one after another. */
	KUNIT_EXPECT_GT(test, lock_race.owner_changes, (unsigned long)n);
	kunit_info(test, "%d CPUs x %d rounds: %lu changes of owner", n, LOCK_ROUNDS,
		   lock_race.owner_changes);
	for (int i = 0; i < n; i++)
		kthread_stop(t[i]);
}

/* Two CPUs, the first two online, hammer one lock. */
static void smp_spinlock_counter_exact_two_cpus(struct kunit *test)
{
	needs_smp(test);
	spinlock_counter_exact(test, 2);
}

/* Every CPU (up to SMP_TEST_CPUS) on the lock at once. */
static void smp_spinlock_counter_exact_every_cpu(struct kunit *test)
{
	needs_smp(test);
	spinlock_counter_exact(test, smp_test_cpus());
}

/* ---- a halted waiter is kicked (paravirt ticket locks) ---- */

static struct {
	spinlock_t lock;
	bool taken;		/* the waiter has the lock */
} pv_kick;

static int pv_waiter_fn(void *data)
{
	spin_lock(&pv_kick.lock);
	WRITE_ONCE(pv_kick.taken, true);
	spin_unlock(&pv_kick.lock);
	sleep_until_stopped();
	return 0;
}

/*
 * This thread holds the lock while a thread on another CPU waits for it:
 * the waiter spins SPIN_THRESHOLD rounds, halts, and must be woken by
 * the kick of our spin_unlock() (PVLOCK_KICK_VECTOR counted on its CPU),
 * within a tick or two rather than never.
 */
static void smp_pv_spinlock_waiter_kicked(struct kunit *test)
{
	struct task_struct *t;
	unsigned long halts, kicks;
	int me, cpu;

	needs_smp(test);
	if (!READ_ONCE(paravirt_ticketlocks_enabled))
		kunit_skip(test, "paravirt ticket locks are off (nopvspin, or no hypervisor)");
	spin_lock_init(&pv_kick.lock);
	pv_kick.taken = false;
	/* Pinned to the CPU it runs on, so the waiter's CPU stays another. */
	me = raw_smp_processor_id();
	set_cpus_allowed_ptr(current, cpumask_of(me));
	cpu = nth_online_cpu(0) == me ? nth_online_cpu(1) : nth_online_cpu(0);
	t = kthread_create_on_cpu(pv_waiter_fn, NULL, cpu, "smp_pvwait/%u");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	/* Held with interrupts on, so the waiter spins with them on too. */
	spin_lock(&pv_kick.lock);
	halts = pv_lock_halts(cpu);
	kicks = READ_ONCE(vector_counts[cpu][PVLOCK_KICK_VECTOR]);
	wake_up_process(t);
	/* Spin (no sleeping with a lock held) until the waiter has halted. */
	for (unsigned long start = jiffies; pv_lock_halts(cpu) == halts &&
	     time_before(jiffies, start + msecs_to_jiffies(5000));)
		cpu_relax();
	KUNIT_EXPECT_GT(test, pv_lock_halts(cpu), halts);
	spin_unlock(&pv_kick.lock);
	set_cpus_allowed_ptr(current, cpu_online_mask);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(pv_kick.taken), 5000));
	KUNIT_EXPECT_GT(test, READ_ONCE(vector_counts[cpu][PVLOCK_KICK_VECTOR]), kicks);
	kthread_stop(t);
}

/* ---- smp_call_function_many() ---- */

#define CALL_ROUNDS	100

static atomic_t call_hits[NR_CPUS];

static void count_call(void *info)
{
	atomic_inc(&call_hits[smp_processor_id()]);
	atomic_inc(info);
}

static void smp_call_function_many_reaches_every_cpu(struct kunit *test)
{
	atomic_t calls = ATOMIC_INIT(0);
	int self, cpu;

	needs_smp(test);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		atomic_set(&call_hits[cpu], 0);
	preempt_disable();
	self = smp_processor_id();
	for (int i = 0; i < CALL_ROUNDS; i++)
		smp_call_function_many(cpu_online_mask, count_call, &calls, true);
	preempt_enable();
	for_each_possible_cpu(cpu) {
		int want = cpu == self || !cpu_online(cpu) ? 0 : CALL_ROUNDS;

		if (atomic_read(&call_hits[cpu]) != want)
			KUNIT_FAIL(test, "CPU %d ran the function %d times, not %d (caller: CPU %d)",
				   cpu, atomic_read(&call_hits[cpu]), want, self);
	}
	/* wait=true: every call had run when the last one returned. */
	KUNIT_EXPECT_EQ(test, atomic_read(&calls), CALL_ROUNDS * ((int)num_online_cpus() - 1));
}

/* ---- completions across CPUs ---- */

/*
 * Each round is two wakeups from one CPU to the other (an IPI each when
 * the other is idle): 10,000 rounds are 20,000 cross-CPU wakeups, and a
 * single lost one fails the case. A round costs about 150 us of guest
 * time under TCG, so the case takes about 1.5 s at -smp 4; make bench
 * times the round trip.
 */
#define PING_ROUNDS	10000

struct pingpong {
	struct completion ping, pong;
	int rounds, lost;
};

static int ponger_fn(void *data)
{
	struct pingpong *pp = data;

	for (int i = 0; i < PING_ROUNDS; i++) {
		if (!wait_for_completion_timeout(&pp->ping, HZ)) {
			pp->lost++;	/* a wakeup never came: the test fails */
			break;
		}
		pp->rounds++;
		complete(&pp->pong);
	}
	sleep_until_stopped();
	return 0;
}

static void smp_completion_ping_pong(struct kunit *test)
{
	struct pingpong pp = {};
	struct task_struct *t;
	int here, there, lost = 0;

	needs_smp(test);
	init_completion(&pp.ping);
	init_completion(&pp.pong);
	here = nth_online_cpu(0);
	there = nth_online_cpu(1);
	KUNIT_ASSERT_EQ(test, set_cpus_allowed_ptr(current, cpumask_of(here)), 0);
	t = kthread_run_on_cpu(ponger_fn, &pp, there, "smp_pong/%u");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	for (int i = 0; i < PING_ROUNDS; i++) {
		complete(&pp.ping);
		if (!wait_for_completion_timeout(&pp.pong, HZ)) {
			lost++;
			break;
		}
	}
	KUNIT_EXPECT_EQ(test, lost, 0);
	KUNIT_EXPECT_EQ(test, pp.lost, 0);
	KUNIT_EXPECT_EQ(test, pp.rounds, PING_ROUNDS);
	KUNIT_EXPECT_FALSE(test, completion_done(&pp.ping));
	kthread_stop(t);
	set_cpus_allowed_ptr(current, cpu_possible_mask);
}

/* ---- kthreadd's policy and mask are not inherited ---- */

struct hog {
	bool stop, running;
};

/* SCHED_FIFO, bound to one CPU: nothing SCHED_NORMAL runs there meanwhile. */
static int hog_fn(void *data)
{
	struct hog *h = data;

	WRITE_ONCE(h->running, true);
	while (!READ_ONCE(h->stop))
		cpu_relax();
	sleep_until_stopped();
	return 0;
}

struct where {
	int cpu;
	bool ran;
};

static int where_fn(void *data)
{
	struct where *w = data;

	w->cpu = raw_smp_processor_id();
	WRITE_ONCE(w->ran, true);
	sleep_until_stopped();
	return 0;
}

/*
 * kthreadd made FIFO and bound to CPU A, then a thread created: it must
 * come out SCHED_NORMAL with every housekeeping CPU. Woken while a FIFO
 * hog holds CPU A, it runs at once on another CPU; had it kept
 * kthreadd's mask it could not run at all until the hog stops.
 */
static void smp_kthreadd_fifo_and_bound_not_inherited(struct kunit *test)
{
	static const struct sched_param fifo = { .sched_priority = 1 }, normal = {};
	struct cpumask kthreadd_mask;
	struct where w = { .cpu = -1 };
	struct hog h = {};
	struct task_struct *t, *hog;
	int a, b;

	needs_smp(test);
	a = nth_online_cpu(0);
	b = nth_online_cpu(1);
	/* We run the case from CPU b: CPU a is the hog's. */
	KUNIT_ASSERT_EQ(test, set_cpus_allowed_ptr(current, cpumask_of(b)), 0);
	cpumask_copy(&kthreadd_mask, &kthreadd_task->cpus_mask);
	KUNIT_ASSERT_EQ(test, sched_setscheduler_nocheck(kthreadd_task, SCHED_FIFO, &fifo), 0);
	KUNIT_ASSERT_EQ(test, set_cpus_allowed_ptr(kthreadd_task, cpumask_of(a)), 0);
	t = kthread_create(where_fn, &w, "smp_child");
	sched_setscheduler_nocheck(kthreadd_task, SCHED_NORMAL, &normal);
	set_cpus_allowed_ptr(kthreadd_task, &kthreadd_mask);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_EXPECT_EQ(test, t->policy, SCHED_NORMAL);
	KUNIT_EXPECT_TRUE(test, cpumask_equal(&t->cpus_mask, housekeeping_cpumask(HK_TYPE_KTHREAD)));

	hog = kthread_create_on_cpu(hog_fn, &h, a, "smp_hog/%u");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, hog);
	sched_setscheduler_nocheck(hog, SCHED_FIFO, &fifo);
	wake_up_process(hog);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(h.running), 2000));
	/* Its last CPU is kthreadd's, a: the wakeup must look elsewhere. */
	wake_up_process(t);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(w.ran), 2000));
	WRITE_ONCE(h.stop, true);
	KUNIT_EXPECT_TRUE(test, READ_ONCE(w.ran));
	KUNIT_EXPECT_NE(test, w.cpu, a);
	kthread_stop(hog);
	kthread_stop(t);
	set_cpus_allowed_ptr(current, cpu_possible_mask);
}

/* ---- creation from every CPU at once, creators killed ---- */

/*
 * Every CPU runs a creator, bound to it, that makes CREATES threads in a
 * row and stops each; a killer on the next CPU kills it in the middle of
 * every KILL_EVERY-th creation. The test hooks steer each kill to one
 * side of the xchg(&create->done, NULL):
 *   WIN:  the killer fires once the creator waits (KT_CREATE_WAIT), and
 *         the new thread holds back at its start (KT_KTHREAD_START) until
 *         the creator has taken its killed branch: the creator swaps done
 *         out first, returns -EINTR, and the thread finds NULL (it gives
 *         up: KT_CREATOR_GAVE_UP).
 *   LOSE: the new thread takes done first; right after (the
 *         kthread_after_take_done_hook), it has the creator killed and
 *         waits until the creator is in its killed branch: the creator's
 *         xchg finds NULL, and it waits for complete() and gets the
 *         thread.
 * The outcome of each is checked, both kinds are counted, and memory is
 * back to baseline at the end.
 */
#define CREATES		512	/* per creator: 2,048 at -smp 4, 32 of them killed */
#define KILL_EVERY	64

enum kill_mode { KILL_NONE, KILL_WIN, KILL_LOSE };

struct creator {
	int index, cpu;
	struct task_struct *task, *killer;
	int nr;				/* the creation in progress */
	enum kill_mode mode;		/* of that creation */
	bool kill_now;			/* for the killer */
	bool killed_branch;		/* KT_CREATOR_KILLED seen, this creation */
	bool gave_up;			/* KT_CREATOR_GAVE_UP seen, this creation */
	int won, lost, plain;		/* outcomes */
	int bad;			/* outcomes that do not match the mode */
	/* The first of those: creation, mode, result, what the hooks saw. */
	int bad_nr, bad_mode, bad_killed, bad_gave_up, bad_pending, bad_sent, sent;
	long bad_result;
	int hook_timeouts;
	bool done;
};

static struct creator creators[SMP_TEST_CPUS];
static int nr_creators;

static struct creator *creator_of_task(struct task_struct *p)
{
	for (int i = 0; i < nr_creators; i++)
		if (creators[i].task == p)
			return &creators[i];
	return NULL;
}

/* The creator whose thread @p is ("smp_kc<i>/<n>", the creation in progress). */
static struct creator *creator_of_child(struct task_struct *p)
{
	int i;

	if (strncmp(p->comm, "smp_kc", 6) || p->comm[6] < '0' || p->comm[6] > '9')
		return NULL;
	i = p->comm[6] - '0';
	return i < nr_creators ? &creators[i] : NULL;
}

/*
 * Ask @c's killer for a SIGKILL now. The killer sleeps between kills
 * rather than polling every tick: 2,048 creations would otherwise wait
 * up to a tick each for it.
 */
static void kill_creator(struct creator *c)
{
	WRITE_ONCE(c->kill_now, true);
	wake_up_process(c->killer);
}

static void wait_for_killed_branch(struct creator *c)
{
	if (!wait_until(READ_ONCE(c->killed_branch), 10000))
		c->hook_timeouts++;
}

static void smp_step_hook(int step)
{
	struct creator *c;

	switch (step) {
	case KT_CREATE_WAIT:
		c = creator_of_task(current);
		if (c && c->mode == KILL_WIN)
			kill_creator(c);
		break;
	case KT_CREATOR_KILLED:
		c = creator_of_task(current);
		if (c)
			WRITE_ONCE(c->killed_branch, true);
		break;
	case KT_KTHREAD_START:
		c = creator_of_child(current);
		if (c && READ_ONCE(c->mode) == KILL_WIN)
			wait_for_killed_branch(c);
		break;
	case KT_CREATOR_GAVE_UP:
		c = creator_of_child(current);
		if (c)
			WRITE_ONCE(c->gave_up, true);
		break;
	}
}

static void smp_after_take_done(struct task_struct *self)
{
	struct creator *c = creator_of_child(self);

	if (c && READ_ONCE(c->mode) == KILL_LOSE) {
		kill_creator(c);
		wait_for_killed_branch(c);
	}
}

static int killer_fn(void *data)
{
	struct creator *c = data;

	for (;;) {
		/* Set the state first: a kill_creator() after the check still wakes us. */
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		if (!READ_ONCE(c->kill_now)) {
			schedule();
			continue;
		}
		__set_current_state(TASK_RUNNING);
		WRITE_ONCE(c->kill_now, false);
		send_sig(SIGKILL, c->task, 1);
		c->sent++;
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

static int created_fn(void *unused)
{
	return 0;
}

static void outcome_bad(struct creator *c, struct task_struct *t)
{
	if (!c->bad++) {
		c->bad_nr = c->nr;
		c->bad_mode = c->mode;
		c->bad_result = IS_ERR(t) ? PTR_ERR(t) : 0;
		c->bad_killed = c->killed_branch;
		c->bad_gave_up = c->gave_up;
		c->bad_pending = fatal_signal_pending(current);
		c->bad_sent = c->sent;
	}
}

static void check_outcome(struct creator *c, struct task_struct *t)
{
	switch (c->mode) {
	case KILL_NONE:
		if (IS_ERR(t) || c->killed_branch)
			outcome_bad(c, t);
		else
			c->plain++;
		break;
	case KILL_WIN:
		/* The thread gives up after we return: give it a moment. */
		if (t == ERR_PTR(-EINTR) && c->killed_branch &&
		    wait_until(READ_ONCE(c->gave_up), 10000))
			c->won++;
		else
			outcome_bad(c, t);
		break;
	case KILL_LOSE:
		if (!IS_ERR(t) && c->killed_branch && !c->gave_up)
			c->lost++;
		else
			outcome_bad(c, t);
		break;
	}
}

static int creator_fn(void *data)
{
	struct creator *c = data;

	allow_signal(SIGKILL);
	for (int n = 0; n < CREATES; n++) {
		struct task_struct *t;

		c->nr = n;
		c->killed_branch = false;
		c->gave_up = false;
		WRITE_ONCE(c->mode, n % KILL_EVERY ? KILL_NONE :
			   (n / KILL_EVERY) % 2 ? KILL_LOSE : KILL_WIN);
		t = kthread_create(created_fn, NULL, "smp_kc%d/%d", c->index, n);
		check_outcome(c, t);
		WRITE_ONCE(c->mode, KILL_NONE);
		if (!IS_ERR(t))
			kthread_stop(t);
		/* Our SIGKILL was for that creation only. */
		flush_signals(current);
	}
	WRITE_ONCE(c->done, true);
	sleep_until_stopped();
	return 0;
}

static void smp_create_from_every_cpu_with_kills(struct kunit *test)
{
	struct mem_snapshot base;
	int won = 0, lost = 0, plain = 0;

	needs_smp(test);
	nr_creators = smp_test_cpus();
	memset(creators, 0, sizeof(creators));
	for (int i = 0; i < nr_creators; i++) {
		struct creator *c = &creators[i];

		c->index = i;
		c->cpu = nth_online_cpu(i);
		c->task = kthread_create_on_cpu(creator_fn, c, c->cpu, "smp_creator/%u");
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, c->task);
		c->killer = kthread_create_on_cpu(killer_fn, c,
						  nth_online_cpu((i + 1) % nr_creators),
						  "smp_killer/%u");
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, c->killer);
	}
	mem_snapshot_take(&base);
	WRITE_ONCE(kthread_after_take_done_hook, smp_after_take_done);
	WRITE_ONCE(kthread_step_hook, smp_step_hook);
	for (int i = 0; i < nr_creators; i++) {
		wake_up_process(creators[i].killer);
		wake_up_process(creators[i].task);
	}
	for (int i = 0; i < nr_creators; i++)
		KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(creators[i].done), 120000));
	WRITE_ONCE(kthread_step_hook, NULL);
	WRITE_ONCE(kthread_after_take_done_hook, NULL);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
	for (int i = 0; i < nr_creators; i++) {
		struct creator *c = &creators[i];

		if (c->bad)
			KUNIT_FAIL(test, "creator %d: %d outcomes not as steered, the first: creation "
				   "%d, mode %d, result %ld, killed branch %d, gave up %d, SIGKILL "
				   "pending %d, sent %d", i, c->bad,
				   c->bad_nr, c->bad_mode, c->bad_result, c->bad_killed,
				   c->bad_gave_up, c->bad_pending, c->bad_sent);
		KUNIT_EXPECT_EQ(test, c->hook_timeouts, 0);
		won += c->won;
		lost += c->lost;
		plain += c->plain;
		kthread_stop(c->killer);
		kthread_stop(c->task);
	}
	kunit_info(test, "%d creators: %d created, %d killed creators won the xchg, %d lost it",
		   nr_creators, plain + lost, won, lost);
	KUNIT_EXPECT_EQ(test, won, nr_creators * CREATES / KILL_EVERY / 2);
	KUNIT_EXPECT_EQ(test, lost, nr_creators * CREATES / KILL_EVERY / 2);
	KUNIT_EXPECT_EQ(test, plain, nr_creators * (CREATES - CREATES / KILL_EVERY));
}

static struct kunit_case smp_cases[] = {
	KUNIT_CASE(smp_bound_threads_stay_on_their_cpu),
	KUNIT_CASE(smp_set_cpus_allowed_moves_running_thread),
	KUNIT_CASE(smp_spinlock_counter_exact_two_cpus),
	KUNIT_CASE(smp_spinlock_counter_exact_every_cpu),
	KUNIT_CASE(smp_pv_spinlock_waiter_kicked),
	KUNIT_CASE(smp_call_function_many_reaches_every_cpu),
	KUNIT_CASE(smp_completion_ping_pong),
	KUNIT_CASE(smp_kthreadd_fifo_and_bound_not_inherited),
	KUNIT_CASE(smp_create_from_every_cpu_with_kills),
	{}
};

static struct kunit_suite smp_suite = {
	.name = "smp",
	.test_cases = smp_cases,
};
kunit_test_suite(smp_suite);
