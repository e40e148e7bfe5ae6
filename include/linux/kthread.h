/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel threads: creating, stopping, parking, binding them, and kthread
 * workers (a thread that runs queued work items).
 * Linux: include/linux/kthread.h
 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/completion.h>
#include <linux/kthread_types.h>
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/numa.h>
#include <linux/sched.h>
#include <linux/timer.h>


__printf(4, 5)
struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data, int node,
					   const char namefmt[], ...);

/**
 * kthread_create - create a kthread on the current node
 * @threadfn: the function to run in the thread
 * @data: its argument
 * @namefmt: printf-style name of the thread
 *
 * The thread sleeps until wake_up_process() (see kthread_run()).
 * Return: the task, or ERR_PTR(-ENOMEM) / ERR_PTR(-EINTR).
 */
#define kthread_create(threadfn, data, namefmt, arg...) \
	kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##arg)

struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data,
					  unsigned int cpu, const char *namefmt);
void kthread_set_per_cpu(struct task_struct *k, int cpu);
bool kthread_is_per_cpu(struct task_struct *k);

/**
 * kthread_run - create and wake a thread
 * @threadfn: the function the thread runs
 * @data: its argument
 * @namefmt: printf-style name, followed by its arguments
 *
 * kthread_create() followed by wake_up_process().
 * Return: the task, or an ERR_PTR.
 */
#define kthread_run(threadfn, data, namefmt, ...) ({			\
	struct task_struct *__k = kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
	if (!IS_ERR(__k))						\
		wake_up_process(__k);					\
	__k;								\
})

/**
 * kthread_run_on_cpu - create a thread bound to @cpu and wake it
 * @threadfn: the function the thread runs
 * @data: its argument
 * @cpu: an online CPU
 * @namefmt: its name, which may contain one %u for the CPU number
 *
 * kthread_create_on_cpu() followed by wake_up_process().
 * Return: the task, or an ERR_PTR.
 * Linux: kthread_run_on_cpu()
 */
static inline struct task_struct *kthread_run_on_cpu(int (*threadfn)(void *data), void *data,
						     unsigned int cpu, const char *namefmt)
{
	struct task_struct *p = kthread_create_on_cpu(threadfn, data, cpu, namefmt);

	if (!IS_ERR(p))
		wake_up_process(p);
	return p;
}

bool set_kthread_struct(struct task_struct *p);
void free_kthread_struct(struct task_struct *k);
void kthread_bind(struct task_struct *k, unsigned int cpu);
void kthread_bind_mask(struct task_struct *k, const struct cpumask *mask);
int kthread_stop(struct task_struct *k);
int kthread_stop_put(struct task_struct *k);
bool kthread_should_stop(void);
bool kthread_should_park(void);
bool __kthread_should_park(struct task_struct *k);
bool kthread_should_stop_or_park(void);
void *kthread_data(struct task_struct *k);
void *kthread_func(struct task_struct *k);
void *kthread_probe_data(struct task_struct *task);
int kthread_park(struct task_struct *k);
void kthread_unpark(struct task_struct *k);

struct mm_struct;
/* Run on a user address space for a while (and fork copies of it). */
void kthread_use_mm(struct mm_struct *mm);
void kthread_unuse_mm(struct mm_struct *mm);
void kthread_parkme(void);
__noreturn void kthread_exit(long result);
__noreturn void kthread_complete_and_exit(struct completion *comp, long code);
void get_kthread_comm(char *buf, size_t buf_size, struct task_struct *tsk);
struct printer;
/* The requests kthreadd has not taken yet, one line each (ps shows them). */
void kthread_show_queue(const struct printer *out);

int kthreadd(void *unused);
extern struct task_struct *kthreadd_task;

/*
 * Steps of the creation path, recorded as they happen: printed with the
 * boot parameter kthread_trace=1, traced as the kthread_create_step event,
 * and logged for the tests. The numbers are those of
 * docs/creation-path.md.
 */
enum kthread_step {
	KT_CREATE_ON_NODE = 1,		/* creator: kthread_create_on_node() */
	KT_CREATE_QUEUED,		/* creator: queued, kthreadd woken */
	KT_CREATE_WAIT,			/* creator: wait_for_completion_killable() */
	KT_KTHREADD_DEQUEUE,		/* kthreadd: took the request */
	KT_CREATE_KTHREAD,		/* kthreadd: create_kthread() */
	KT_KERNEL_CLONE,		/* kthreadd: kernel_clone() */
	KT_COPY_PROCESS,		/* kthreadd: copy_process() done */
	KT_WAKE_UP_NEW_TASK,		/* kthreadd: wake_up_new_task() */
	KT_KTHREAD_START,		/* child: kthread() entered via ret_from_fork */
	KT_KTHREAD_COMPLETE,		/* child: complete(done) */
	KT_KTHREAD_SLEEP,		/* child: schedule(), TASK_UNINTERRUPTIBLE */
	KT_CREATE_RETURN,		/* creator: got the task back */
	KT_THREADFN,			/* child: woken, runs threadfn */
	KT_CREATOR_GAVE_UP,		/* child or kthreadd: done was NULL, cleaning up */
	KT_CREATOR_KILLED,		/* creator: killed while waiting */
	KT_NR_STEPS
};

const char *kthread_step_name(int step);
void kthread_create_step(int step);

/*
 * A test's record of steps, from every CPU, in the order they were
 * taken: kthread_step_log_start() installs it, kthread_step_log_stop()
 * ends the recording (then nobody writes it any more).
 */
struct kthread_step_record {
	int step;
	pid_t pid;
};
struct kthread_step_log {
	struct kthread_step_record rec[64];
	int n;
};
void kthread_step_log_start(struct kthread_step_log *log);
void kthread_step_log_stop(void);
/* Guards the log being filled (kernel/kthread_steps.c says how). */
extern raw_spinlock_t kthread_step_lock;

/* Called in kthread() after it took @create->done (tests of the race). */
extern void (*kthread_after_take_done_hook)(struct task_struct *self);

/*
 * Test hooks (NULL but in tests): kthread_step_hook runs at each step,
 * right after it is recorded, in the task taking the step (a test injects
 * a preemption or a signal at an exact point of the path);
 * kthreadd_before_sleep_hook runs in kthreadd each time it has emptied
 * the list and is about to sleep (a request queued from it lands in the
 * lost-wakeup window).
 */
extern void (*kthread_step_hook)(int step);
extern void (*kthreadd_before_sleep_hook)(void);

/* ---- kthread workers ---- */

struct kthread_worker {
	unsigned int flags;
	/* Guards both lists, current_work and each queued work's node; irqs off. */
	raw_spinlock_t lock;
	struct list_head work_list;
	struct list_head delayed_work_list;
	struct task_struct *task;
	struct kthread_work *current_work;
};

struct kthread_delayed_work {
	struct kthread_work work;
	struct timer_list timer;
};

void kthread_init_worker(struct kthread_worker *worker);
void kthread_init_work(struct kthread_work *work, kthread_work_func_t fn);
void kthread_init_delayed_work(struct kthread_delayed_work *dwork, kthread_work_func_t fn);
void kthread_delayed_work_timer_fn(struct timer_list *t);

/*
 * Static initialisers, as kthread_init_worker(), kthread_init_work() and
 * kthread_init_delayed_work() set things up at run time. Linux: the same
 * names in include/linux/kthread.h
 */
#define KTHREAD_WORKER_INIT(worker) {					\
	.lock = __RAW_SPIN_LOCK_UNLOCKED((worker).lock),		\
	.work_list = LIST_HEAD_INIT((worker).work_list),		\
	.delayed_work_list = LIST_HEAD_INIT((worker).delayed_work_list), \
}

#define KTHREAD_WORK_INIT(work, fn) {					\
	.node = LIST_HEAD_INIT((work).node),				\
	.func = (fn),							\
}

#define KTHREAD_DELAYED_WORK_INIT(dwork, fn) {				\
	.work = KTHREAD_WORK_INIT((dwork).work, (fn)),			\
	.timer = __TIMER_INITIALIZER((dwork).timer, kthread_delayed_work_timer_fn, \
				     TIMER_IRQSAFE),			\
}

#define DEFINE_KTHREAD_WORKER(worker)					\
	struct kthread_worker worker = KTHREAD_WORKER_INIT(worker)

#define DEFINE_KTHREAD_WORK(work, fn)					\
	struct kthread_work work = KTHREAD_WORK_INIT(work, fn)

#define DEFINE_KTHREAD_DELAYED_WORK(dwork, fn)				\
	struct kthread_delayed_work dwork = KTHREAD_DELAYED_WORK_INIT(dwork, fn)

int kthread_worker_fn(void *worker_ptr);

__printf(3, 4)
struct kthread_worker *kthread_create_worker_on_node(unsigned int flags, int node,
						     const char namefmt[], ...);
__printf(3, 4)
struct kthread_worker *kthread_create_worker_on_cpu(int cpu, unsigned int flags,
						    const char namefmt[], ...);
#define kthread_create_worker(flags, namefmt, ...) \
	kthread_create_worker_on_node(flags, NUMA_NO_NODE, namefmt, ##__VA_ARGS__)
/* kthread_run_worker - create a worker and wake its thread. */
#define kthread_run_worker(flags, namefmt, ...) ({			\
	struct kthread_worker *__w = kthread_create_worker(flags, namefmt, ##__VA_ARGS__); \
	if (!IS_ERR(__w))						\
		wake_up_process(__w->task);				\
	__w;								\
})

bool kthread_queue_work(struct kthread_worker *worker, struct kthread_work *work);
bool kthread_queue_delayed_work(struct kthread_worker *worker,
				struct kthread_delayed_work *dwork, unsigned long delay);
bool kthread_mod_delayed_work(struct kthread_worker *worker,
			      struct kthread_delayed_work *dwork, unsigned long delay);
void kthread_flush_work(struct kthread_work *work);
void kthread_flush_worker(struct kthread_worker *worker);
bool kthread_cancel_work_sync(struct kthread_work *work);
bool kthread_cancel_delayed_work_sync(struct kthread_delayed_work *work);
void kthread_destroy_worker(struct kthread_worker *worker);

#endif /* _LINUX_KTHREAD_H */
