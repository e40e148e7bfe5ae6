// SPDX-License-Identifier: GPL-2.0
/*
 * usertests' thread cases: musl's pthreads (clone() with CLONE_THREAD and
 * friends, set_tid_address(), the CHILD_CLEARTID futex wake that
 * pthread_join() sleeps on), futex(2) itself, thread groups and their
 * signals, exit() against exit_group(), and waitid(). Each case that
 * could take a process down with it (a thread's segfault, exit_group())
 * runs in a child, so usertests (pid 1) survives to report. Like the rest
 * of usertests it relies on Linux's ABI only: it passes on Linux too.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "usertests.h"

/* Linux's uapi values (musl's headers have no <linux/futex.h>). */
#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_WAIT_PRIVATE	(FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_PRIVATE	(FUTEX_WAKE | FUTEX_PRIVATE_FLAG)

#define CLONE_VM		0x00000100
#define CLONE_SIGHAND		0x00000800
#define CLONE_THREAD		0x00010000
#define CLONE_PARENT_SETTID	0x00100000
#define CLONE_CHILD_SETTID	0x01000000

static long futex(void *uaddr, int op, unsigned int val, const struct timespec *ts,
		  void *uaddr2, unsigned int val3)
{
	return syscall(SYS_futex, uaddr, op, val, ts, uaddr2, val3);
}

static pid_t gettid_(void)
{
	return syscall(SYS_gettid);
}

/*
 * Spin (not sleep) for @ms: two runnable threads on one CPU for that
 * long are split across CPUs by the load balancer on SMP, so each keeps
 * its own TLB, which is what the shootdown cases need.
 */
static void busy_ms(long ms)
{
	struct timespec start, now;

	clock_gettime(CLOCK_MONOTONIC, &start);
	do
		clock_gettime(CLOCK_MONOTONIC, &now);
	while ((now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000 < ms);
}

static void *twice(void *arg)
{
	uintptr_t n = (uintptr_t)arg;

	/* A thread of this process: its own tid, the process's pid. */
	if (gettid_() == getpid())
		return (void *)-1;
	return (void *)(n * 2);
}

/* Many threads, created and joined in rounds: each returns its value. */
static void test_threads_create_join(void)
{
	enum { N = 24, ROUNDS = 4 };
	pthread_t t[N];

	for (int round = 0; round < ROUNDS; round++) {
		int created = 0;

		for (uintptr_t i = 0; i < N; i++)
			if (pthread_create(&t[i], NULL, twice, (void *)i) == 0)
				created++;
		CHECK(created == N);
		for (int i = 0; i < created; i++) {
			void *ret = NULL;

			CHECK(pthread_join(t[i], &ret) == 0);
			CHECK((uintptr_t)ret == (uintptr_t)i * 2);
		}
	}
	CHECK(gettid_() == getpid());	/* the main thread is the group leader */
}

enum { COUNTER_THREADS = 4, COUNTER_LOOPS = 20000 };
static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;
static atomic_int counter_go;

static void *count_up(void *arg)
{
	(void)arg;
	while (!atomic_load(&counter_go))
		;
	for (int i = 0; i < COUNTER_LOOPS; i++) {
		pthread_mutex_lock(&counter_lock);
		/* Non-atomic on purpose: only the mutex keeps increments from being lost. */
		long v = counter;
		for (volatile int d = 0; d < 3; d++)
			;
		counter = v + 1;
		pthread_mutex_unlock(&counter_lock);
	}
	return NULL;
}

/* A mutex (futex wait and wake under contention) keeps a shared counter exact. */
static void test_threads_mutex_counter(void)
{
	pthread_t t[COUNTER_THREADS];

	counter = 0;
	atomic_store(&counter_go, 0);
	for (int i = 0; i < COUNTER_THREADS; i++)
		CHECK(pthread_create(&t[i], NULL, count_up, NULL) == 0);
	atomic_store(&counter_go, 1);
	for (int i = 0; i < COUNTER_THREADS; i++)
		CHECK(pthread_join(t[i], NULL) == 0);
	CHECK(counter == (long)COUNTER_THREADS * COUNTER_LOOPS);
}

static pthread_mutex_t cond_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int cond_generation, cond_woken;

static void *cond_waiter(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&cond_lock);
	while (cond_generation == 0)
		pthread_cond_wait(&cond, &cond_lock);
	cond_woken++;
	pthread_mutex_unlock(&cond_lock);
	return NULL;
}

/* A broadcast wakes every waiter of a condition variable (FUTEX_REQUEUE in musl). */
static void test_threads_cond_broadcast(void)
{
	enum { N = 6 };
	struct timespec pause_ = { 0, 20 * 1000 * 1000 };
	pthread_t t[N];

	cond_generation = cond_woken = 0;
	for (int i = 0; i < N; i++)
		CHECK(pthread_create(&t[i], NULL, cond_waiter, NULL) == 0);
	nanosleep(&pause_, NULL);	/* let them sleep in pthread_cond_wait() */
	pthread_mutex_lock(&cond_lock);
	cond_generation = 1;
	pthread_cond_broadcast(&cond);
	pthread_mutex_unlock(&cond_lock);
	for (int i = 0; i < N; i++)
		CHECK(pthread_join(t[i], NULL) == 0);
	CHECK(cond_woken == N);
}

static void *exit_thread_only(void *arg)
{
	(void)arg;
	pthread_exit((void *)9);	/* exit(), not exit_group(): this thread only */
}

static void *exit_whole_group(void *arg)
{
	struct timespec t = { 0, 30 * 1000 * 1000 };

	(void)arg;
	nanosleep(&t, NULL);
	exit(3);	/* exit_group(): every thread, the status the parent sees */
}

/* Child: a thread's exit() leaves the process; another's exit_group() ends it. */
static void exit_vs_exit_group(void)
{
	pthread_t t;

	void *ret = NULL;

	if (pthread_create(&t, NULL, exit_thread_only, NULL) || pthread_join(t, &ret) || ret != (void *)9)
		_exit(100);
	/* Still here: the thread's exit was not ours. */
	if (pthread_create(&t, NULL, exit_whole_group, NULL))
		_exit(101);
	for (;;)
		pause();	/* the other thread's exit_group() kills us here */
}

static void *leader_gone_then_exit(void *arg)
{
	struct timespec t = { 0, 60 * 1000 * 1000 };

	(void)arg;
	nanosleep(&t, NULL);
	syscall(SYS_exit, 4);	/* the last thread: its exit() ends the process */
	return NULL;
}

/* Child: the leader exits first; the process lives on in its other thread. */
static void leader_exits_first(void)
{
	pthread_t t;

	if (pthread_create(&t, NULL, leader_gone_then_exit, NULL))
		_exit(100);
	syscall(SYS_exit, 6);	/* leader only: the parent must not see us dead yet */
}

static void test_thread_exit_vs_exit_group(void)
{
	struct timespec t = { 0, 20 * 1000 * 1000 };
	int status;
	pid_t pid;

	status = in_child(exit_vs_exit_group);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 3);
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		leader_exits_first();
	nanosleep(&t, NULL);
	/* The leader is gone, its thread is not: nothing to reap yet. */
	CHECK(waitpid(pid, &status, WNOHANG) == 0);
	CHECK(kill(pid, 0) == 0);
	CHECK(waitpid(pid, &status, 0) == pid);
	/* exit() of each thread, no exit_group(): the leader's code is the status. */
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 6);
}

/* Address 0x10, hidden from the compiler (which would refuse the store). */
static int *volatile thread_bad_address = (int *)0x10;

static void *segfault_thread(void *arg)
{
	(void)arg;
	*thread_bad_address = 1;
	return NULL;
}

/* Child: one thread's SIGSEGV kills every thread. */
static void thread_segfault(void)
{
	pthread_t t;

	if (pthread_create(&t, NULL, segfault_thread, NULL))
		_exit(100);
	for (;;)
		pause();
}

static void *spin_forever(void *arg)
{
	(void)arg;
	for (;;)
		;
	return NULL;
}

/* Child: threads spinning in user mode; the parent kills the process. */
static void spinning_threads(void)
{
	pthread_t t;

	for (int i = 0; i < 3; i++)
		if (pthread_create(&t, NULL, spin_forever, NULL))
			_exit(100);
	for (;;)
		pause();
}

static void test_thread_segfault_kills_group(void)
{
	struct timespec t = { 0, 30 * 1000 * 1000 };
	int status;
	pid_t pid;

	status = in_child(thread_segfault);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	/* kill() of the process reaches every thread, spinning ones too. */
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		spinning_threads();
	nanosleep(&t, NULL);
	CHECK(kill(pid, SIGKILL) == 0);
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}

static volatile pid_t handled_by;

static void note_handler_tid(int sig)
{
	(void)sig;
	handled_by = gettid_();
}

static atomic_int sig_thread_ready;
static volatile int sig_thread_stop;
static volatile pid_t sig_thread_tid;

static void *signal_taker(void *arg)
{
	(void)arg;
	sig_thread_tid = gettid_();
	atomic_store(&sig_thread_ready, 1);
	while (!sig_thread_stop)
		;
	return NULL;
}

/*
 * kill() is to the process: a thread that does not block the signal
 * takes it when the one the sender named does. tgkill() is to one thread.
 */
static void test_thread_group_signals(void)
{
	struct sigaction sa = { .sa_handler = note_handler_tid }, old;
	sigset_t set, oldset;
	pthread_t t;
	int waited = 0;

	CHECK(sigaction(SIGUSR2, &sa, &old) == 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	atomic_store(&sig_thread_ready, 0);
	sig_thread_stop = 0;
	CHECK(pthread_create(&t, NULL, signal_taker, NULL) == 0);
	while (!atomic_load(&sig_thread_ready))
		;
	/* The main thread blocks it now; the new thread does not. */
	CHECK(pthread_sigmask(SIG_BLOCK, &set, &oldset) == 0);
	handled_by = 0;
	CHECK(kill(getpid(), SIGUSR2) == 0);
	while (!handled_by && waited++ < 200) {
		struct timespec ms = { 0, 1000 * 1000 };

		nanosleep(&ms, NULL);
	}
	CHECK(handled_by == sig_thread_tid);
	/* tgkill() to the main thread: pending on it alone until it unblocks. */
	handled_by = 0;
	CHECK(syscall(SYS_tgkill, getpid(), gettid_(), SIGUSR2) == 0);
	CHECK(handled_by == 0);
	CHECK(pthread_sigmask(SIG_SETMASK, &oldset, NULL) == 0);
	CHECK(handled_by == gettid_());
	CHECK(syscall(SYS_tgkill, getpid() + 100000, gettid_(), SIGUSR2) == -1);
	sig_thread_stop = 1;
	CHECK(pthread_join(t, NULL) == 0);
	CHECK(sigaction(SIGUSR2, &old, NULL) == 0);
}

static volatile int futex_word;

struct waker {
	int op;			/* FUTEX_WAKE or FUTEX_WAKE_PRIVATE */
	long delay_ms;
	long woke;		/* what its FUTEX_WAKE returned */
};

static void *futex_waker(void *arg)
{
	struct waker *w = arg;
	struct timespec t = { 0, w->delay_ms * 1000 * 1000 };

	nanosleep(&t, NULL);
	futex_word = 1;
	w->woke = futex((void *)&futex_word, w->op, 1, NULL, NULL, 0);
	return NULL;
}

static void on_usr1_plain(int sig)
{
	(void)sig;
}

static void *send_usr1_later(void *arg)
{
	struct timespec t = { 0, 30 * 1000 * 1000 };

	nanosleep(&t, NULL);
	syscall(SYS_tgkill, getpid(), (pid_t)(uintptr_t)arg, SIGUSR1);
	return NULL;
}

/* futex(2) by hand: each outcome of WAIT, and WAKE's count. */
static void test_futex(void)
{
	struct timespec ms20 = { 0, 20 * 1000 * 1000 }, before, after, bad_ts = { 0, -1 };
	struct sigaction sa = { .sa_handler = on_usr1_plain }, old;
	struct waker w;
	pthread_t t;
	long elapsed;

	futex_word = 0;
	/* The word changed already: -EAGAIN, without sleeping. */
	CHECK(futex((void *)&futex_word, FUTEX_WAIT, 1, NULL, NULL, 0) == -1 && errno == EAGAIN);
	/* Nobody waits: nobody woken. */
	CHECK(futex((void *)&futex_word, FUTEX_WAKE, 1, NULL, NULL, 0) == 0);
	/* A timeout: -ETIMEDOUT, not before it. */
	clock_gettime(CLOCK_MONOTONIC, &before);
	CHECK(futex((void *)&futex_word, FUTEX_WAIT_PRIVATE, 0, &ms20, NULL, 0) == -1 &&
	      errno == ETIMEDOUT);
	clock_gettime(CLOCK_MONOTONIC, &after);
	elapsed = (after.tv_sec - before.tv_sec) * 1000 + (after.tv_nsec - before.tv_nsec) / 1000000;
	CHECK(elapsed >= 20);
	CHECK(futex((void *)&futex_word, FUTEX_WAIT, 0, &bad_ts, NULL, 0) == -1 && errno == EINVAL);
	/* Woken by another thread, shared and private alike. */
	for (int i = 0; i < 2; i++) {
		w = (struct waker){ .op = i ? FUTEX_WAKE_PRIVATE : FUTEX_WAKE, .delay_ms = 20 };
		futex_word = 0;
		CHECK(pthread_create(&t, NULL, futex_waker, &w) == 0);
		long r = futex((void *)&futex_word, i ? FUTEX_WAIT_PRIVATE : FUTEX_WAIT, 0, NULL, NULL, 0);
		/* Woken (0), or the word was 1 before we slept (EAGAIN): never anything else. */
		CHECK(r == 0 || (r == -1 && errno == EAGAIN));
		CHECK(pthread_join(t, NULL) == 0);
		CHECK(w.woke == (r == 0 ? 1 : 0));
		CHECK(futex_word == 1);
	}
	/* A private waiter is not woken by a shared wake of the word (Linux's keys). */
	w = (struct waker){ .op = FUTEX_WAKE, .delay_ms = 5 };
	futex_word = 0;
	CHECK(pthread_create(&t, NULL, futex_waker, &w) == 0);
	CHECK(futex((void *)&futex_word, FUTEX_WAIT_PRIVATE, 0, &ms20, NULL, 0) == -1 &&
	      (errno == ETIMEDOUT || errno == EAGAIN));
	CHECK(pthread_join(t, NULL) == 0);
	CHECK(w.woke == 0);
	/* A handled signal ends the wait: -EINTR. */
	CHECK(sigaction(SIGUSR1, &sa, &old) == 0);
	futex_word = 0;
	CHECK(pthread_create(&t, NULL, send_usr1_later, (void *)(uintptr_t)gettid_()) == 0);
	CHECK(futex((void *)&futex_word, FUTEX_WAIT, 0, NULL, NULL, 0) == -1 && errno == EINTR);
	CHECK(pthread_join(t, NULL) == 0);
	CHECK(sigaction(SIGUSR1, &old, NULL) == 0);
	/* Bad words: unaligned -EINVAL, unmapped or kernel -EFAULT; unknown op -ENOSYS. */
	CHECK(futex((char *)&futex_word + 1, FUTEX_WAIT, 0, NULL, NULL, 0) == -1 && errno == EINVAL);
	CHECK(futex((void *)0x10, FUTEX_WAIT, 0, NULL, NULL, 0) == -1 && errno == EFAULT);
	CHECK(futex((void *)0xffffffff80100000UL, FUTEX_WAIT, 0, NULL, NULL, 0) == -1 &&
	      errno == EFAULT);
	CHECK(futex((void *)0xffffffff80100000UL, FUTEX_WAKE, 1, NULL, NULL, 0) == -1 &&
	      errno == EFAULT);
	CHECK(futex((void *)&futex_word, FUTEX_WAIT, 1, (void *)0x10, NULL, 0) == -1 &&
	      errno == EFAULT);
	CHECK(futex((void *)&futex_word, 77, 0, NULL, NULL, 0) == -1 && errno == ENOSYS);
	/* FUTEX_CMP_REQUEUE (4): a bad second word, and a changed first one. */
	futex_word = 0;
	CHECK(syscall(SYS_futex, &futex_word, 4, 1, (void *)1, (void *)0x10, 0) == -1 && errno == EFAULT);
	CHECK(syscall(SYS_futex, &futex_word, 4, 1, (void *)1, &futex_word, 1) == -1 && errno == EAGAIN);
	CHECK(syscall(SYS_futex, &futex_word, 4, 1, (void *)1, &futex_word, 0) == 0);
}

/*
 * Robust futexes: Linux's uapi list (include/uapi/linux/futex.h), built
 * by hand as glibc builds it for its robust mutexes.
 */
struct robust_lock {
	struct robust_lock *next;	/* struct robust_list: the next lock, or the head */
	volatile unsigned int word;	/* the futex word: owner's tid | FUTEX_WAITERS | OWNER_DIED */
};

struct robust_head {
	void *next;			/* the first lock; the head itself when empty */
	long futex_offset;		/* from a lock's list entry to its word */
	void *pending;			/* list_op_pending */
};

#define FUTEX_WAITERS		0x80000000u
#define FUTEX_OWNER_DIED	0x40000000u

static struct robust_head rhead;
static struct robust_lock rlocks[3];

/* A thread that fills the list (knowing its tid), registers it and exits holding it. */
struct robust_case {
	void (*setup)(pid_t tid);
	void *head;			/* what set_robust_list() is given */
	volatile pid_t tid;
	atomic_int ready;		/* 1 registered, -1 set_robust_list() failed */
};

static void *die_with_robust_list(void *arg)
{
	struct robust_case *c = arg;

	c->tid = gettid_();
	c->setup(c->tid);
	atomic_store(&c->ready, syscall(SYS_set_robust_list, c->head, sizeof(rhead)) ? -1 : 1);
	busy_ms(20);		/* the main thread is asleep on the word by then */
	/*
	 * musl's pthread_exit() leaves a list it did not register alone, and
	 * a raw exit would leave pthread_join() waiting forever (musl clears
	 * the joinable state in pthread_exit()).
	 */
	return NULL;
}

/*
 * Run case @c; wait (shared, @wait_ms at most) on @word while it holds
 * the dying thread's tid plus @wait_bits (~0: while it is 0). Return: the
 * wait's result, 0 (woken) or an errno: ETIMEDOUT means nobody woke us.
 */
static int robust_death(struct robust_case *c, volatile unsigned int *word,
			unsigned int wait_bits, long wait_ms)
{
	struct timespec timeout = { wait_ms / 1000, wait_ms % 1000 * 1000000 };
	pthread_t t;
	int err = 0;

	atomic_store(&c->ready, 0);
	if (pthread_create(&t, NULL, die_with_robust_list, c))
		return -1;
	while (!atomic_load(&c->ready))
		;
	if (atomic_load(&c->ready) < 0)
		err = -1;
	else if (futex((void *)word, FUTEX_WAIT, (wait_bits == ~0u ? 0 : c->tid | wait_bits),
		       &timeout, NULL, 0))
		err = errno;
	pthread_join(t, NULL);
	return err;
}

/* Two held locks, the first with a waiter. */
static void hold_two(pid_t tid)
{
	rlocks[0] = (struct robust_lock){ &rlocks[1], tid | FUTEX_WAITERS };
	rlocks[1] = (struct robust_lock){ (void *)&rhead, tid };
	rhead = (struct robust_head){ &rlocks[0], offsetof(struct robust_lock, word), NULL };
}

/* Nothing held; list_op_pending names a lock just released (word 0). */
static void pending_released(pid_t tid)
{
	(void)tid;
	rlocks[2] = (struct robust_lock){ NULL, 0 };
	rhead = (struct robust_head){ &rhead, offsetof(struct robust_lock, word), &rlocks[2] };
}

/* A lock held by another thread, and one whose list loops on itself forever. */
static void others_and_circular(pid_t tid)
{
	rlocks[0] = (struct robust_lock){ &rlocks[1], 1 };	/* pid 1's, not ours */
	rlocks[1] = (struct robust_lock){ &rlocks[1], tid };	/* next: itself */
	rhead = (struct robust_head){ &rlocks[0], offsetof(struct robust_lock, word), NULL };
}

/* The list's first pointer is unreadable: the walk ends at once. */
static void bad_first(pid_t tid)
{
	(void)tid;
	rhead = (struct robust_head){ (void *)0x10, 0, NULL };
}

static void robust_list_child(void)
{
	struct robust_case c = { .head = &rhead };
	struct robust_head *head;
	size_t len;
	int r;

	/* Error paths: a wrong size, no such thread, bad result pointers. */
	if (syscall(SYS_set_robust_list, &rhead, sizeof(rhead) - 1) != -1 || errno != EINVAL)
		_exit(10);
	if (syscall(SYS_set_robust_list, &rhead, sizeof(rhead)) ||
	    syscall(SYS_get_robust_list, 0, &head, &len) || head != &rhead || len != sizeof(rhead))
		_exit(11);
	if (syscall(SYS_get_robust_list, 999999, &head, &len) != -1 || errno != ESRCH)
		_exit(12);
	if (syscall(SYS_get_robust_list, 0, (void *)0x10, &len) != -1 || errno != EFAULT)
		_exit(13);
	if (syscall(SYS_get_robust_list, getpid(), &head, &len) || head != &rhead)
		_exit(14);
	syscall(SYS_set_robust_list, NULL, sizeof(rhead));

	/* Death holding two: both marked OWNER_DIED, FUTEX_WAITERS kept, the waiter woken. */
	c.setup = hold_two;
	r = robust_death(&c, &rlocks[0].word, FUTEX_WAITERS, 2000);
	if (r != 0 && r != EAGAIN)
		_exit(20);
	if (rlocks[0].word != (FUTEX_WAITERS | FUTEX_OWNER_DIED) ||
	    rlocks[1].word != FUTEX_OWNER_DIED)
		_exit(21);
	/*
	 * Death just after releasing: list_op_pending's waiter woken, the word
	 * left 0. The word does not change, so a waiter that comes too late
	 * (a loaded host) just times out: three tries, one wake is enough.
	 */
	c.setup = pending_released;
	for (int i = 0; i < 3; i++) {
		r = robust_death(&c, &rlocks[2].word, ~0u, 2000);
		if (r != ETIMEDOUT)
			break;
	}
	if (r != 0 || rlocks[2].word != 0)
		_exit(30);
	/*
	 * Another owner's lock is left alone; a looping list is walked a
	 * bounded number of times (we wait on our tid in the loop's lock: no
	 * waiter bit, so no wake, and EAGAIN if it was marked before we slept).
	 */
	c.setup = others_and_circular;
	r = robust_death(&c, &rlocks[1].word, 0, 2000);
	if (r != EAGAIN && r != ETIMEDOUT)
		_exit(40);
	if (rlocks[0].word != 1 || rlocks[1].word != FUTEX_OWNER_DIED)
		_exit(41);
	/* Bad pointers end the walk quietly: the thread still exits, the process lives. */
	c.setup = bad_first;
	if (robust_death(&c, &rlocks[0].word, 0, 2000) != EAGAIN)	/* word 1: never our tid */
		_exit(50);
	c.head = (void *)0xffffffff80100000UL;	/* a kernel address: set, never read */
	c.setup = hold_two;
	if (robust_death(&c, &rlocks[0].word, FUTEX_WAITERS, 100) != ETIMEDOUT ||
	    rlocks[0].word != (c.tid | FUTEX_WAITERS))
		_exit(51);
	_exit(0);
}

/*
 * set_robust_list() and what exit does with the list (exit_robust_list()):
 * in a child, so a hung or broken walk cannot take the suite with it.
 */
static void test_robust_list(void)
{
	int status = in_child(robust_list_child);

	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	if (WIFEXITED(status) && WEXITSTATUS(status))
		printf("    # robust_list_child: exit status %d\n", WEXITSTATUS(status));
}

/* clone()'s flag rules, as Linux checks them in copy_process(). */
static void test_clone_thread_flags(void)
{
	static char stack[16384] __attribute__((aligned(16)));

	/* CLONE_THREAD needs CLONE_SIGHAND; CLONE_SIGHAND needs CLONE_VM. */
	CHECK(syscall(SYS_clone, CLONE_VM | CLONE_THREAD, stack + sizeof(stack), NULL, NULL, 0) == -1 &&
	      errno == EINVAL);
	CHECK(syscall(SYS_clone, CLONE_SIGHAND | SIGCHLD, 0, NULL, NULL, 0) == -1 && errno == EINVAL);
	/* Bad tid pointers are not errors: the stores just fail (as Linux ignores them). */
	fflush(stdout);
	long pid = syscall(SYS_clone, SIGCHLD | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID, 0,
			   (void *)0x10, (void *)0xffffffff80100000UL, 0);
	if (pid == 0)
		_exit(0);
	int status;

	CHECK(pid > 0);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static volatile pid_t bad_tid_thread;

static void *exit_with_bad_cleartid(void *arg)
{
	(void)arg;
	bad_tid_thread = gettid_();
	/* Returns our tid; the address is only used at our exit, where it must just fail. */
	if (syscall(SYS_set_tid_address, (void *)0x10) != bad_tid_thread)
		bad_tid_thread = -1;
	syscall(SYS_exit, 0);
	return NULL;
}

/* Child: a thread whose CHILD_CLEARTID word is a bad pointer exits; nothing else happens. */
static void bad_cleartid(void)
{
	pthread_t t;
	int tries = 0;

	if (pthread_create(&t, NULL, exit_with_bad_cleartid, NULL))
		_exit(100);
	while (!bad_tid_thread)
		;
	if (bad_tid_thread < 0)
		_exit(101);
	/* It cannot be joined (nothing clears its tid): wait until it is gone. */
	while (syscall(SYS_tgkill, getpid(), bad_tid_thread, 0) == 0 && tries++ < 1000) {
		struct timespec ms = { 0, 1000 * 1000 };

		nanosleep(&ms, NULL);
	}
	_exit(errno == ESRCH ? 0 : 102);
}

static void test_clone_bad_cleartid(void)
{
	int status = in_child(bad_cleartid);

	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/*
 * usertests --exec-alone PID TID: run by a thread's execve(). The program
 * must have the process's pid (a thread other than the leader took the
 * leader's), be its only thread (gettid() == getpid()), and the thread
 * that was spinning beside it must be gone.
 */
int exec_alone_check(pid_t pid, pid_t other_tid)
{
	if (getpid() != pid)
		return 1;
	if (gettid_() != pid)
		return 2;
	if (syscall(SYS_tgkill, pid, other_tid, 0) != -1 || errno != ESRCH)
		return 3;
	return 0;
}

static volatile pid_t spinner_tid;

static void *spin_and_note_tid(void *arg)
{
	(void)arg;
	spinner_tid = gettid_();
	for (;;)
		;
	return NULL;
}

static void exec_alone(void)
{
	char pid[16], tid[16];
	char *argv[] = { "/usertests", "--exec-alone", pid, tid, NULL };
	char *envp[] = { NULL };

	snprintf(pid, sizeof(pid), "%d", (int)getpid());
	snprintf(tid, sizeof(tid), "%d", (int)spinner_tid);
	execve("/usertests", argv, envp);
	_exit(100);
}

static void *exec_from_thread(void *arg)
{
	(void)arg;
	exec_alone();
	return NULL;
}

/* Child: a spinning thread, then execve() from the leader (@from_thread 0) or a new thread. */
static void exec_with_threads(int from_thread)
{
	pthread_t t;

	if (pthread_create(&t, NULL, spin_and_note_tid, NULL))
		_exit(101);
	while (!spinner_tid)
		;
	if (!from_thread)
		exec_alone();
	if (pthread_create(&t, NULL, exec_from_thread, NULL))
		_exit(102);
	for (;;)
		pause();	/* killed by the other thread's execve() */
}

static void exec_from_leader_child(void) { exec_with_threads(0); }
static void exec_from_thread_child(void) { exec_with_threads(1); }

/* execve() in a thread group: the other threads die, the process keeps its pid. */
static void test_thread_execve(void)
{
	int status = in_child(exec_from_leader_child);

	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	status = in_child(exec_from_thread_child);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static pid_t fork_exit(int code, long delay_ms)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		struct timespec t = { 0, delay_ms * 1000 * 1000 };

		nanosleep(&t, NULL);
		_exit(code);
	}
	return pid;
}

/* waitid(): what it reports in the siginfo, WNOWAIT, WNOHANG, and its errors. */
static void test_waitid(void)
{
	siginfo_t info;
	pid_t pid;
	int status;

	pid = fork_exit(7, 0);
	memset(&info, 0xff, sizeof(info));
	CHECK(waitid(P_PID, pid, &info, WEXITED | WNOWAIT) == 0);
	CHECK(info.si_signo == SIGCHLD && info.si_pid == pid && info.si_code == CLD_EXITED &&
	      info.si_status == 7);
	/* WNOWAIT left it a zombie: still there for waitpid(). */
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 7);
	CHECK(waitid(P_PID, pid, &info, WEXITED) == -1 && errno == ECHILD);
	/* Nothing yet with WNOHANG: 0, and a cleared siginfo. */
	pid = fork_exit(1, 50);
	memset(&info, 0xff, sizeof(info));
	CHECK(waitid(P_ALL, 0, &info, WEXITED | WNOHANG) == 0);
	CHECK(info.si_pid == 0 && info.si_signo == 0);
	CHECK(waitid(P_ALL, 0, &info, WEXITED) == 0 && info.si_pid == pid && info.si_status == 1);
	/* The caller's own process group (children inherit it). */
	pid = fork_exit(2, 0);
	CHECK(waitid(P_PGID, 0, &info, WEXITED) == 0 && info.si_pid == pid && info.si_status == 2);
	CHECK(waitid(P_PGID, 31337, &info, WEXITED | WNOHANG) == -1 && errno == ECHILD);
	/* Killed: CLD_KILLED and the signal. */
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		for (;;)
			pause();
	CHECK(kill(pid, SIGTERM) == 0);
	CHECK(waitid(P_PID, pid, &info, WEXITED) == 0 && info.si_code == CLD_KILLED &&
	      info.si_status == SIGTERM);
	/* Errors: no event asked for, a bad idtype, a bad siginfo pointer. */
	pid = fork_exit(0, 0);
	CHECK(waitid(P_PID, pid, &info, WNOHANG) == -1 && errno == EINVAL);
	CHECK(waitid(7, pid, &info, WEXITED) == -1 && errno == EINVAL);
	CHECK(syscall(SYS_waitid, P_PID, pid, (void *)0x10, WEXITED, NULL) == -1 && errno == EFAULT);
	CHECK(waitid(P_PID, pid, &info, WEXITED) == -1 && errno == ECHILD);	/* reaped anyway */
}

/* Child: burn some CPU time, so wait4() has something to report. */
static void spin_a_while(void)
{
	busy_ms(40);
	_exit(0);
}

/* wait4()'s rusage: the child's CPU time, and -EFAULT for a bad pointer. */
static void test_wait4_rusage(void)
{
	struct rusage ru;
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		spin_a_while();
	memset(&ru, 0xff, sizeof(ru));
	CHECK(wait4(pid, &status, 0, &ru) == pid);
	/* It spun 40 ms: most of that was on a CPU (other CPUs may have been busy too). */
	CHECK(ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec + ru.ru_stime.tv_sec * 1000000 +
	      ru.ru_stime.tv_usec >= 10000);
	CHECK(ru.ru_maxrss >= 0 && ru.ru_nvcsw >= 0);
	pid = fork_exit(0, 0);
	CHECK(wait4(pid, &status, 0, (void *)0x10) == -1 && errno == EFAULT);
	CHECK(waitpid(pid, &status, WNOHANG) == -1 && errno == ECHILD);	/* reaped anyway */
}

static volatile int *shoot_page;
static atomic_int shoot_reading, shoot_done;

/* Read the page in a loop: its translation stays in this CPU's TLB. */
static void *read_until_unmapped(void *arg)
{
	(void)arg;
	for (;;) {
		(void)*shoot_page;
		atomic_store(&shoot_reading, 1);
		if (atomic_load(&shoot_done)) {
			/* Unmapped (or made read-only) and flushed everywhere: this must fault. */
			*shoot_page = 1;
			exit(1);	/* a stale TLB entry let it through */
		}
	}
	return NULL;
}

/* Child: one thread uses a page, another unmaps (or write-protects) it. */
static void shootdown_child(int mprotect_it)
{
	pthread_t t;

	shoot_page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (shoot_page == MAP_FAILED)
		_exit(100);
	*shoot_page = 0;
	if (pthread_create(&t, NULL, read_until_unmapped, NULL))
		_exit(101);
	while (!atomic_load(&shoot_reading))
		;
	busy_ms(30);
	if (mprotect_it ? mprotect((void *)shoot_page, 4096, PROT_READ) :
			  munmap((void *)shoot_page, 4096))
		_exit(102);
	atomic_store(&shoot_done, 1);
	for (;;)
		pause();	/* the reader's fault ends us all */
}

static void shootdown_munmap(void) { shootdown_child(0); }
static void shootdown_mprotect(void) { shootdown_child(1); }

/* On a page of its own, which the child never writes (a write would copy it). */
static volatile long *cow_counter;
static atomic_int cow_stop, cow_writing;

static void *keep_writing(void *arg)
{
	(void)arg;
	while (!atomic_load(&cow_stop)) {
		(*cow_counter)++;
		atomic_store(&cow_writing, 1);
	}
	return NULL;
}

/*
 * A thread on another CPU goes on writing while its process forks: the
 * fork write-protects the page for copy-on-write, and unless that CPU's
 * TLB is shot down, its writes land in the page the child now shares.
 */
static void cow_fork_child(void)
{
	struct timespec ms20 = { 0, 20 * 1000 * 1000 };
	pthread_t t;
	int status;
	pid_t pid;

	cow_counter = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (cow_counter == MAP_FAILED || pthread_create(&t, NULL, keep_writing, NULL))
		_exit(100);
	while (!atomic_load(&cow_writing))
		;
	busy_ms(30);
	pid = fork();
	if (pid == 0) {
		long seen = *cow_counter;

		nanosleep(&ms20, NULL);
		_exit(*cow_counter == seen ? 0 : 1);	/* our copy: nobody else writes it */
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		_exit(101);
	atomic_store(&cow_stop, 1);
	pthread_join(t, NULL);
	_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 102);
}

/* The TLB shootdown of a shared mm: munmap, mprotect, a fork's copy-on-write. */
static void test_tlb_shootdown(void)
{
	int status = in_child(shootdown_munmap);

	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	status = in_child(shootdown_mprotect);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	status = in_child(cow_fork_child);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

const struct usertest thread_tests[] = {
	{ "threads_create_join", test_threads_create_join },
	{ "threads_mutex_counter", test_threads_mutex_counter },
	{ "threads_cond_broadcast", test_threads_cond_broadcast },
	{ "thread_exit_vs_exit_group", test_thread_exit_vs_exit_group },
	{ "thread_segfault_kills_group", test_thread_segfault_kills_group },
	{ "thread_group_signals", test_thread_group_signals },
	{ "thread_execve", test_thread_execve },
	{ "futex", test_futex },
	{ "robust_list", test_robust_list },
	{ "tlb_shootdown", test_tlb_shootdown },
	{ "clone_thread_flags", test_clone_thread_flags },
	{ "clone_bad_cleartid", test_clone_bad_cleartid },
	{ "waitid", test_waitid },
	{ "wait4_rusage", test_wait4_rusage },
};
const int nr_thread_tests = sizeof(thread_tests) / sizeof(thread_tests[0]);
