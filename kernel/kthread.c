// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel threads.
 *
 * Every kthread is created by one thread, kthreadd (pid 2), so that each
 * starts from the same clean context (kthreadd's: no signals, all CPUs,
 * default policy) whoever asked for it. The request travels like this
 * (docs/creation-path.md numbers the steps, and kthread_create_step() in
 * kernel/kthread_steps.c records them):
 *
 *   creator                        kthreadd                  new thread
 *   kthread_create_on_node()
 *   __kthread_create_on_node():
 *     kmalloc a copy of the request,
 *     queue it on kthread_create_list,
 *     wake kthreadd, wait (killable)
 *                                  kthreadd(): dequeue
 *                                  create_kthread():
 *                                    kernel_clone()
 *                                    -> copy_process()
 *                                    -> wake_up_new_task()
 *                                                            ret_from_fork
 *                                                            kthread():
 *                                                              complete(done)
 *                                                              schedule()
 *   woken: return the task
 *
 * Who frees the request? Normally the creator, after its wait. But the
 * creator's wait is killable, and a killed creator must not wait any
 * longer. Then exactly one of two parties must clean up, decided by
 * whoever swaps create->done to NULL first (xchg is atomic): if the
 * creator wins, it returns -EINTR and leaves the request to the other
 * side, which will find done == NULL and free it; if the other side
 * (kthread(), or kthreadd after a failed clone) won, it is about to
 * complete(), and the creator waits for that, uninterruptibly.
 *
 * Locking: kthread_create_lock guards kthread_create_list. A struct
 * kthread belongs to its task (allocated in copy_process(), freed with
 * the task_struct); its flags are atomic bits; worker->lock guards a
 * worker's lists.
 * Linux: kernel/kthread.c
 */
#include <linux/bitops.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/lockdep.h>
#include <linux/pid.h>
#include <linux/printer.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/isolation.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <linux/trace.h>
#include <linux/uaccess.h>
#include <trace/events/sched.h>
#include <asm/pgtable.h>

/*
 * Guards kthread_create_list; process context only, so plain spin_lock().
 * Nests inside tasklist_lock (show_tasks() prints the queue within its
 * snapshot of the task list): never take tasklist_lock while holding it.
 */
static DEFINE_SPINLOCK(kthread_create_lock);
static LIST_HEAD(kthread_create_list);
struct task_struct *kthreadd_task;

struct kthread_create_info {
	/* Information passed to kthread() from kthreadd. */
	char *full_name;
	int (*threadfn)(void *data);
	void *data;
	int node;
	u32 kthread_worker:1;	/* create a kthread_worker around it */

	/* Result passed back to the creator from kthreadd or kthread(). */
	struct task_struct *result;
	struct completion *done;	/* NULL once someone gave up on it */

	/* Who asked, for kthread_show_queue(): set before it is queued. */
	pid_t creator_pid, creator_ppid;
	struct list_head list;
};

enum KTHREAD_BITS {
	KTHREAD_IS_PER_CPU = 0,
	KTHREAD_SHOULD_STOP,
	KTHREAD_SHOULD_PARK,
};

struct kthread {
	unsigned long flags;		/* KTHREAD_* bits */
	unsigned int cpu;		/* for kthread_create_on_cpu() threads */
	int result;			/* threadfn's return, for kthread_stop() */
	int (*threadfn)(void *);
	void *data;
	struct completion parked;	/* completed each time it parks */
	struct completion exited;	/* completed by do_exit() (vfork_done) */
	char *full_name;		/* the untruncated name, or NULL */
};

/* ---- struct kthread ---- */

static inline struct kthread *to_kthread(struct task_struct *k)
{
	WARN_ON(!(k->flags & PF_KTHREAD));
	return k->worker_private;
}

/* NULL for tasks that are not kthreads (or not yet). Linux: __to_kthread() */
static inline struct kthread *__to_kthread(struct task_struct *p)
{
	return (p->flags & PF_KTHREAD) ? p->worker_private : NULL;
}

/**
 * set_kthread_struct - give a new kthread its struct kthread
 * @p: the task copy_process() is building
 * Return: false when out of memory.
 * Linux: set_kthread_struct()
 */
bool set_kthread_struct(struct task_struct *p)
{
	struct kthread *kthread;

	if (WARN_ON_ONCE(p->worker_private))
		return false;
	/*
	 * Beside its task_struct, on the node asked for. (Linux 6.1 uses
	 * kzalloc(): the node of the CPU running kthreadd.)
	 */
	kthread = kzalloc_node(sizeof(*kthread), GFP_KERNEL, page_to_nid(virt_to_page(p)));
	if (!kthread)
		return false;
	init_completion(&kthread->exited);
	init_completion(&kthread->parked);
	/* do_exit() completes vfork_done: that is what kthread_stop() waits for. */
	p->vfork_done = &kthread->exited;
	p->worker_private = kthread;
	return true;
}

/**
 * free_kthread_struct - free @k's struct kthread (with the task)
 * @k: the task being freed
 * Linux: free_kthread_struct()
 */
void free_kthread_struct(struct task_struct *k)
{
	struct kthread *kthread = k->worker_private;

	if (!kthread)
		return;
	k->worker_private = NULL;
	kfree(kthread->full_name);
	kfree(kthread);
}

/**
 * kthread_should_stop - has kthread_stop() been called on this thread?
 *
 * Return: true once kthread_stop() has been called on current.
 *
 * A thread's loop checks this and returns when true; the return value
 * goes to kthread_stop().
 * Linux: kthread_should_stop()
 */
bool kthread_should_stop(void)
{
	return test_bit(KTHREAD_SHOULD_STOP, &to_kthread(current)->flags);
}

/**
 * __kthread_should_park - has kthread_park() been called on @k?
 * @k: a kthread
 *
 * Return: true while a kthread_park() on @k is in force (until
 * kthread_unpark()).
 * Linux: __kthread_should_park()
 */
bool __kthread_should_park(struct task_struct *k)
{
	return test_bit(KTHREAD_SHOULD_PARK, &to_kthread(k)->flags);
}

/**
 * kthread_should_park - has kthread_park() been called on this thread?
 *
 * Return: true while a kthread_park() on current is in force (until
 * kthread_unpark()): the thread should call kthread_parkme().
 * Linux: kthread_should_park()
 */
bool kthread_should_park(void)
{
	return __kthread_should_park(current);
}

/**
 * kthread_should_stop_or_park - kthread_should_stop() || kthread_should_park()
 *
 * Return: true if current is a kthread asked to stop or to park; false
 * for a task that is not a kthread.
 * Linux: kthread_should_stop_or_park(), added after 6.1
 */
bool kthread_should_stop_or_park(void)
{
	struct kthread *kthread = __to_kthread(current);

	return kthread && (test_bit(KTHREAD_SHOULD_STOP, &kthread->flags) ||
			   test_bit(KTHREAD_SHOULD_PARK, &kthread->flags));
}

/**
 * kthread_data - the @data a kthread was created with
 * @k: a kthread
 * Return: that @data.
 * Linux: kthread_data()
 */
void *kthread_data(struct task_struct *k)
{
	return to_kthread(k)->data;
}

/**
 * kthread_probe_data - the @data of a task that may not be a kthread
 * @task: any task, possibly exiting or freed, whose memory is still there
 *
 * For reports about a task the caller may not be sure of (Linux's
 * workqueue uses it in its dumps): the read cannot fault.
 * Return: the @data it was created with, or NULL if @task is no kthread
 * or its struct kthread cannot be read.
 * Linux: kthread_probe_data()
 */
void *kthread_probe_data(struct task_struct *task)
{
	struct kthread *kthread = __to_kthread(task);
	void *data = NULL;

	if (kthread && copy_from_kernel_nofault(&data, &kthread->data, sizeof(data)))
		data = NULL;
	return data;
}

/**
 * kthread_func - the threadfn of @k
 * @k: any task
 * Return: the threadfn, or NULL if @k is not a kthread.
 * Linux: kthread_func()
 */
void *kthread_func(struct task_struct *k)
{
	struct kthread *kthread = __to_kthread(k);

	return kthread ? (void *)kthread->threadfn : NULL;
}

/**
 * kthread_is_per_cpu - is @k the per-CPU thread of its CPU?
 * @k: any task
 * Return: true once kthread_set_per_cpu() marked it (smpboot's threads,
 *	migration/N); false otherwise, and for a task that is not a kthread.
 * Linux: kthread_is_per_cpu()
 */
bool kthread_is_per_cpu(struct task_struct *k)
{
	struct kthread *kthread = __to_kthread(k);

	return kthread && test_bit(KTHREAD_IS_PER_CPU, &kthread->flags);
}

/**
 * get_kthread_comm - @tsk's name: the full one if it was truncated in comm
 * @buf: where to write it
 * @buf_size: its size
 * @tsk: a task
 * Linux: get_kthread_comm()
 */
void get_kthread_comm(char *buf, size_t buf_size, struct task_struct *tsk)
{
	struct kthread *kthread = __to_kthread(tsk);

	if (!kthread || !kthread->full_name) {
		__get_task_comm(buf, buf_size, tsk);
		return;
	}
	strscpy(buf, kthread->full_name, buf_size);
}

/**
 * kthread_exit - end the current kthread
 * @result: what kthread_stop() returns
 * Linux: kthread_exit()
 */
void kthread_exit(long result)
{
	struct kthread *kthread = to_kthread(current);

	kthread->result = result;
	do_exit(0);
}

/**
 * kthread_complete_and_exit - complete @comp, then kthread_exit(@code)
 * @comp: the completion to complete, or NULL
 * @code: the exit code, for kthread_stop()
 *
 * For threads whose creator waits on @comp and may then unload the code:
 * the completion and the exit happen without returning to it.
 * Linux: kthread_complete_and_exit()
 */
void kthread_complete_and_exit(struct completion *comp, long code)
{
	if (comp)
		complete(comp);
	kthread_exit(code);
}

/* Sleep in TASK_PARKED for as long as the park bit is set. */
static void __kthread_parkme(struct kthread *self)
{
	/* LAB 4: __kthread_parkme */
	for (;;) {
		/*
		 * TASK_PARKED is a state only kthread_unpark() wakes (it
		 * uses wake_up_state(TASK_PARKED)): a stray wake_up_process()
		 * cannot unpark us.
		 */
		set_special_state(TASK_PARKED);
		if (!test_bit(KTHREAD_SHOULD_PARK, &self->flags))
			break;
		/* Tell kthread_park() and sleep, without being preempted between. */
		preempt_disable();
		complete(&self->parked);
		schedule_preempt_disabled();
		preempt_enable();
	}
	__set_current_state(TASK_RUNNING);
}

/**
 * kthread_parkme - park here if kthread_park() asked
 * Linux: kthread_parkme()
 */
void kthread_parkme(void)
{
	__kthread_parkme(to_kthread(current));
}

/*
 * Both sides of the hand-off: kthread() and kthreadd (after a failed clone)
 * take the creator's completion before they answer. The creator's killed
 * path swaps the same pointer: whoever gets it first decides.
 * Return: the completion to complete(), or NULL if the creator gave up
 * (then @create is freed here: nobody else will).
 */
static struct completion *kthread_take_done(struct kthread_create_info *create)
{
	/* LAB 2: kthread_take_done */
	struct completion *done = xchg(&create->done, NULL);

	if (!done) {
		kthread_create_step(KT_CREATOR_GAVE_UP);
		kfree(create->full_name);
		kfree(create);
	}
	return done;
}

/*
 * The first function of every kthread, run from ret_from_fork.
 * Linux: kthread()
 */
static int kthread(void *_create)
{
	static const struct sched_param param = { .sched_priority = 0 };
	/* Copy what we need: the creator may free @create once we complete. */
	struct kthread_create_info *create = _create;
	int (*threadfn)(void *data) = create->threadfn;
	void *data = create->data;
	struct kthread *self = to_kthread(current);
	struct completion *done;
	int ret;

	kthread_create_step(KT_KTHREAD_START);
	done = kthread_take_done(create);
	if (!done)
		kthread_exit(-EINTR);
	if (kthread_after_take_done_hook)
		kthread_after_take_done_hook(current);

	self->full_name = create->full_name;	/* ours now */
	self->threadfn = threadfn;
	self->data = data;

	/*
	 * We inherited kthreadd's policy and CPUs, and someone may have
	 * changed those: back to the defaults, every housekeeping CPU.
	 */
	sched_setscheduler_nocheck(current, SCHED_NORMAL, &param);
	set_cpus_allowed_ptr(current, housekeeping_cpumask(HK_TYPE_KTHREAD));

	/* Tell the creator we exist; sleep until woken or stopped. */
	__set_current_state(TASK_UNINTERRUPTIBLE);
	create->result = current;
	/*
	 * No preemption between complete() and schedule(): the woken creator
	 * must find us asleep already, or kthread_bind()'s
	 * wait_task_inactive() would have to wait for us to get there.
	 */
	preempt_disable();
	kthread_create_step(KT_KTHREAD_COMPLETE);
	complete(done);
	kthread_create_step(KT_KTHREAD_SLEEP);
	schedule_preempt_disabled();
	preempt_enable();

	ret = -EINTR;
	if (!test_bit(KTHREAD_SHOULD_STOP, &self->flags)) {
		__kthread_parkme(self);
		kthread_create_step(KT_THREADFN);
		ret = threadfn(data);
	}
	kthread_exit(ret);
}

/*
 * kthreadd's half: clone a thread that starts in kthread(). Never
 * inlined into kthreadd(): it is a step of the path GDB follows
 * (spindle-kthread-path), which reads @create at its breakpoint.
 * Linux: create_kthread()
 */
static noinline void create_kthread(struct kthread_create_info *create)
{
	/* LAB 2: create_kthread */
	struct kernel_clone_args args = {
		.flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_UNTRACED,
		.exit_signal = SIGCHLD,
		.fn = kthread,
		.fn_arg = create,
		.name = create->full_name,
		.kthread = 1,
	};
	int pid;

	kthread_create_step(KT_CREATE_KTHREAD);
	/* copy_process() puts the task, its struct kthread and stack on this node. */
	current->pref_node_fork = create->node;
	/* We want our own signal handler (we take no signals by default). */
	pid = kernel_clone(&args);
	if (pid < 0) {
		/* No thread will answer: we do, unless the creator gave up. */
		struct completion *done = kthread_take_done(create);

		if (done) {
			create->result = ERR_PTR(pid);
			complete(done);
		}
	}
}

/*
 * Put @create on kthreadd's list, noting who asked (the creator and its
 * parent, as ps shows them: kthread_show_queue()). The parent is read
 * first: task_ppid_nr() takes tasklist_lock, which kthread_create_lock
 * nests inside (see its declaration), and the list is all that
 * kthread_create_lock guards.
 * (__maybe_unused: lab 2's handout creator does not queue at all.)
 * Linux: none (Linux keeps no creator in the request)
 */
static __maybe_unused void kthread_queue_create(struct kthread_create_info *create)
{
	/* LAB 7: kthread_queue_create */
	create->creator_pid = task_pid_nr(current);
	create->creator_ppid = task_ppid_nr(current);
	spin_lock(&kthread_create_lock);
	list_add_tail(&create->list, &kthread_create_list);
	spin_unlock(&kthread_create_lock);
}

/**
 * kthread_show_queue - print the creation requests kthreadd has not taken yet
 * @out: where the lines go
 *
 * One line per request: the new thread's name, the creator's pid and its
 * parent's. show_tasks() calls it with tasklist_lock held.
 * Linux: none (Spindle's, to watch the creation path)
 */
void kthread_show_queue(const struct printer *out)
{
	struct kthread_create_info *create;

	spin_lock(&kthread_create_lock);
	list_for_each_entry(create, &kthread_create_list, list)
		printer_printf(out, "  queued for kthreadd: %s (creator %d, its parent %d)\n",
			       create->full_name, create->creator_pid, create->creator_ppid);
	spin_unlock(&kthread_create_lock);
}

/*
 * The creator's half, shared by threads and workers.
 * Linux: __kthread_create_on_node() (after the 2026 struct refactor)
 */
static __printf(2, 0) struct task_struct *
__kthread_create_on_node(const struct kthread_create_info *info, const char namefmt[],
			 va_list args)
{
	DECLARE_COMPLETION_ONSTACK(done);
	struct kthread_worker *worker = NULL;
	struct kthread_create_info *create;
	struct task_struct *task;

	create = kmalloc(sizeof(*create), GFP_KERNEL);
	if (!create)
		return ERR_PTR(-ENOMEM);
	*create = *info;
	if (create->kthread_worker) {
		worker = kzalloc(sizeof(*worker), GFP_KERNEL);
		if (!worker) {
			kfree(create);
			return ERR_PTR(-ENOMEM);
		}
		kthread_init_worker(worker);
		create->threadfn = kthread_worker_fn;
		create->data = worker;
	}
	create->done = &done;
	create->full_name = kvasprintf(GFP_KERNEL, namefmt, args);
	if (!create->full_name) {
		task = ERR_PTR(-ENOMEM);
		goto free_create;
	}

	/* LAB 2: creator */
	kthread_queue_create(create);
	kthread_create_step(KT_CREATE_QUEUED);
	wake_up_process(kthreadd_task);

	/*
	 * Killable: the creator may be chosen by the OOM killer (or a test)
	 * while kthreadd is busy allocating for it.
	 */
	kthread_create_step(KT_CREATE_WAIT);
	if (unlikely(wait_for_completion_killable(&done))) {
		kthread_create_step(KT_CREATOR_KILLED);
		/*
		 * Killed before anyone completed us. If we take done first,
		 * the request is no longer ours: kthreadd or the new thread
		 * will find done == NULL and free it. The worker is still
		 * ours: the thread it was meant for never runs threadfn.
		 */
		if (xchg(&create->done, NULL)) {
			kfree(worker);
			return ERR_PTR(-EINTR);
		}
		/* They took it first and are about to complete(): wait for it. */
		wait_for_completion(&done);
	}
	task = create->result;
	kthread_create_step(KT_CREATE_RETURN);
free_create:
	if (IS_ERR(task)) {
		/* No thread took the name (clone failed, or it was never made). */
		kfree(create->full_name);
		kfree(worker);
	}
	kfree(create);
	return task;
}

/**
 * kthread_create_on_node - create a kthread
 * @threadfn: the function to run until kthread_should_stop()
 * @data: its argument
 * @node: node for the task_struct, its struct kthread and its stack
 *	(NUMA_NO_NODE: the node of the CPU that runs kthreadd's copy_process())
 * @namefmt: printf-style name of the thread
 *
 * The new thread has SCHED_NORMAL policy, may run on every CPU, and
 * sleeps until woken with wake_up_process() (see kthread_run()). When it
 * runs, threadfn(data) either returns on kthread_should_stop() (its value
 * then goes to kthread_stop()) or ends with kthread_exit().
 *
 * Return: the task, ERR_PTR(-ENOMEM), or ERR_PTR(-EINTR) if the caller
 * was killed while waiting.
 * Linux: kthread_create_on_node()
 */
struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data, int node,
					   const char namefmt[], ...)
{
	struct kthread_create_info info = {
		.threadfn = threadfn,
		.data = data,
		.node = node,
	};
	struct task_struct *task;
	va_list args;

	kthread_create_step(KT_CREATE_ON_NODE);
	va_start(args, namefmt);
	task = __kthread_create_on_node(&info, namefmt, args);
	va_end(args);
	return task;
}

/*
 * Bind @p, asleep in @state, to @mask. Only a thread that is not running
 * can be bound this way: do_set_cpus_allowed() does not move a task, it
 * only sets where its next wakeup may put it. So wait until @p is off
 * its CPU (wait_task_inactive() spins while it is on one, as kthread()
 * goes to sleep right after it answered its creator); if it was woken
 * meanwhile, binding it would be a bug of the caller: WARN and leave it.
 * A mask without an online CPU is refused too: its wakeup would find no
 * CPU of the mask and select_fallback_rq() would silently widen it.
 * Linux: __kthread_bind_mask()
 */
static void __kthread_bind_mask(struct task_struct *p, const struct cpumask *mask,
				unsigned int state)
{
	if (WARN(!cpumask_intersects(mask, cpu_online_mask),
		 "kthread_bind: %s/%d: no CPU of the mask is online\n", p->comm, p->pid))
		return;
	if (!wait_task_inactive(p, state)) {
		WARN(1, "kthread_bind: %s/%d is not sleeping\n", p->comm, p->pid);
		return;
	}
	/* Under p->pi_lock (task_rq_lock()): no wakeup reads a half-set mask. */
	do_set_cpus_allowed(p, mask);
	p->flags |= PF_NO_SETAFFINITY;
}

/* Linux: __kthread_bind() */
static void __kthread_bind(struct task_struct *p, unsigned int cpu, unsigned int state)
{
	if (WARN(!cpu_online(cpu), "kthread_bind: %s/%d: CPU %u is not online\n",
		 p->comm, p->pid, cpu))
		return;
	__kthread_bind_mask(p, cpumask_of(cpu), state);
}

/**
 * kthread_bind_mask - restrict a just-created thread to @mask
 * @p: a thread from kthread_create(), not yet woken
 * @mask: the CPUs; at least one of them online
 *
 * As kthread_bind(), for a set of CPUs.
 * Linux: kthread_bind_mask()
 */
void kthread_bind_mask(struct task_struct *p, const struct cpumask *mask)
{
	__kthread_bind_mask(p, mask, TASK_UNINTERRUPTIBLE);
}

/**
 * kthread_bind - bind a just-created thread to @cpu
 * @p: a thread from kthread_create(), not yet woken (asleep in kthread(),
 *     TASK_UNINTERRUPTIBLE: a woken one WARNs and is left as it is)
 * @cpu: an online CPU (an offline or absent one WARNs and is refused)
 *
 * The thread's affinity is then fixed: sched_setaffinity() refuses to
 * change it (PF_NO_SETAFFINITY); in-kernel set_cpus_allowed_ptr() still may.
 * Linux: kthread_bind()
 */
void kthread_bind(struct task_struct *p, unsigned int cpu)
{
	__kthread_bind(p, cpu, TASK_UNINTERRUPTIBLE);
}

/**
 * kthread_create_on_cpu - create a thread bound to @cpu
 * @threadfn: its function
 * @data: its argument
 * @cpu: an online CPU
 * @namefmt: its name, which may contain one %u for the CPU number
 *
 * Its memory comes from @cpu's node. It is not yet a per-CPU thread in
 * the hotplug sense (kthread_is_per_cpu()): smpboot makes it one with
 * kthread_set_per_cpu(). It remembers @cpu, though, for that call.
 * Return: the task, ERR_PTR(-EINVAL) for a CPU that is not online, or
 *	the error of kthread_create_on_node().
 * Linux: kthread_create_on_cpu()
 */
struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data,
					  unsigned int cpu, const char *namefmt)
{
	struct task_struct *p;

	if (!cpu_online(cpu))
		return ERR_PTR(-EINVAL);
	p = kthread_create_on_node(threadfn, data, cpu_to_node(cpu), namefmt, cpu);
	if (IS_ERR(p))
		return p;
	kthread_bind(p, cpu);
	/* CPU hotplug binds it again when it unparks it (kthread_unpark()). */
	to_kthread(p)->cpu = cpu;
	return p;
}

/**
 * kthread_set_per_cpu - mark @k as the per-CPU thread of @cpu, or not
 * @k: a kthread bound to @cpu (kthread_create_on_cpu(), kthread_bind())
 * @cpu: its CPU; a negative number clears the mark
 *
 * What it changes: kthread_unpark() binds @k to @cpu again (its CPU may
 * have gone away and come back while it was parked), and the scheduler
 * lets it run on its CPU while that CPU is coming up or going down,
 * when other tasks may not. Called by smpboot for the threads it
 * manages (kernel/smpboot.c), not by kthread_create_on_cpu(): a thread
 * merely created on a CPU has no one to park and unpark it with the CPU.
 * Linux: kthread_set_per_cpu()
 */
void kthread_set_per_cpu(struct task_struct *k, int cpu)
{
	struct kthread *kthread = __to_kthread(k);

	if (!kthread)
		return;
	/* Only for a bound thread: a per-CPU thread that may move is a contradiction. */
	WARN_ON_ONCE(!(k->flags & PF_NO_SETAFFINITY));
	if (cpu < 0) {
		clear_bit(KTHREAD_IS_PER_CPU, &kthread->flags);
		return;
	}
	kthread->cpu = cpu;
	set_bit(KTHREAD_IS_PER_CPU, &kthread->flags);
}

/**
 * kthread_unpark - let a parked thread run again
 * @k: a thread parked with kthread_park()
 *
 * A per-CPU thread is re-bound first: its CPU may have gone and come back.
 * Linux: kthread_unpark()
 */
void kthread_unpark(struct task_struct *k)
{
	/* LAB 4: kthread_unpark */
	struct kthread *kthread = to_kthread(k);

	if (!test_bit(KTHREAD_SHOULD_PARK, &kthread->flags))
		return;
	/*
	 * Parked while its CPU went offline, a per-CPU thread may have been
	 * moved off it (its binding lost): bind it again before it runs.
	 */
	if (test_bit(KTHREAD_IS_PER_CPU, &kthread->flags))
		__kthread_bind(k, kthread->cpu, TASK_PARKED);
	clear_bit(KTHREAD_SHOULD_PARK, &kthread->flags);
	/* Only TASK_PARKED: a thread not yet parked is not disturbed. */
	wake_up_state(k, TASK_PARKED);
}

/**
 * kthread_park - make a thread stop at its next kthread_parkme()
 * @k: the thread
 *
 * Waits until it is parked (asleep in TASK_PARKED), unless @k is the
 * caller. The thread must call kthread_parkme() when
 * kthread_should_park() is true (a thread not yet woken parks before
 * running threadfn).
 * Return: 0, -ENOSYS if @k is exiting, -EBUSY (with a WARNING, once) if
 * it is already parked or asked to park.
 * Linux: kthread_park()
 */
int kthread_park(struct task_struct *k)
{
	/* LAB 4: kthread_park */
	struct kthread *kthread = to_kthread(k);

	if (WARN_ON(k->flags & PF_EXITING))
		return -ENOSYS;
	/* Parking twice is the caller's bug: Linux 6.1 warns (once) too. */
	if (WARN_ON_ONCE(test_bit(KTHREAD_SHOULD_PARK, &kthread->flags)))
		return -EBUSY;
	set_bit(KTHREAD_SHOULD_PARK, &kthread->flags);
	if (k != current) {
		wake_up_process(k);
		/* complete(&parked) is right before its schedule(): then it sleeps. */
		wait_for_completion(&kthread->parked);
		WARN_ON_ONCE(!wait_task_inactive(k, TASK_PARKED));
	}
	return 0;
}

/**
 * kthread_stop - ask a thread to exit and wait for it
 * @k: a thread from kthread_create()
 *
 * Sets kthread_should_stop() for @k, unparks and wakes it, and waits for
 * it to exit. May be called instead of waking a new thread: it then exits
 * without running threadfn. The caller must make sure @k still exists
 * (a thread that may exit by itself needs get_task_struct() first, and
 * kthread_stop_put() then).
 * Return: what threadfn returned, or -EINTR if it never ran.
 * Linux: kthread_stop()
 */
int kthread_stop(struct task_struct *k)
{
	struct kthread *kthread;
	int ret;

	trace_sched_kthread_stop(k);
	get_task_struct(k);
	kthread = to_kthread(k);
	set_bit(KTHREAD_SHOULD_STOP, &kthread->flags);
	kthread_unpark(k);
	/*
	 * A thread asleep in wait_event_interruptible() or
	 * schedule_timeout_interruptible() wakes for a signal only: this
	 * flag makes signal_pending() true for it, so its wait returns and
	 * it can see kthread_should_stop(). Nobody clears it (the thread
	 * exits), so its interruptible sleeps from now on return at once.
	 */
	set_tsk_thread_flag(k, TIF_NOTIFY_SIGNAL);
	wake_up_process(k);
	wait_for_completion(&kthread->exited);
	ret = kthread->result;
	put_task_struct(k);
	trace_sched_kthread_stop_ret(ret);
	return ret;
}

/**
 * kthread_stop_put - kthread_stop() and drop the caller's reference
 * @k: a kthread the caller holds a reference to (get_task_struct())
 * Return: what kthread_stop() returns.
 * Linux: kthread_stop_put()
 */
int kthread_stop_put(struct task_struct *k)
{
	int ret = kthread_stop(k);

	put_task_struct(k);
	return ret;
}

/**
 * kthreadd - the thread that creates all other kthreads (pid 2)
 * @unused: nothing
 *
 * Sleeps until kthread_create_list has requests, then serves them one at
 * a time, dropping the lock while it clones.
 * Return: never returns (an int for the thread function's type).
 * Linux: kthreadd()
 */
int kthreadd(void *unused)
{
	struct task_struct *tsk = current;

	/* A clean context for our children to inherit. */
	set_task_comm(tsk, "kthreadd");
	ignore_signals(tsk);
	set_cpus_allowed_ptr(tsk, housekeeping_cpumask(HK_TYPE_KTHREAD));
	current->flags |= PF_NOFREEZE;

	/* LAB 2: kthreadd */
	for (;;) {
		/* Test hook: a request queued here must still be served. */
		if (unlikely(kthreadd_before_sleep_hook))
			kthreadd_before_sleep_hook();
		set_current_state(TASK_INTERRUPTIBLE);
		/* Re-check after setting the state: a request queued since is not lost. */
		if (list_empty(&kthread_create_list))
			schedule();
		__set_current_state(TASK_RUNNING);

		spin_lock(&kthread_create_lock);
		while (!list_empty(&kthread_create_list)) {
			struct kthread_create_info *create;

			create = list_first_entry(&kthread_create_list,
						  struct kthread_create_info, list);
			list_del_init(&create->list);
			spin_unlock(&kthread_create_lock);

			kthread_create_step(KT_KTHREADD_DEQUEUE);
			create_kthread(create);

			spin_lock(&kthread_create_lock);
		}
		spin_unlock(&kthread_create_lock);
	}
	return 0;
}

/* ---- borrowing an address space ---- */

/**
 * kthread_use_mm - make the current kthread run on @mm's page tables
 * @mm: an address space the caller holds a reference to (mm_users)
 *
 * From now on current->mm is @mm: user addresses mean @mm's, and a task
 * it forks (not a kthread) gets a copy of @mm, as a user process's child
 * would. No reference is taken: kthread_unuse_mm() before it is dropped.
 * Linux: kthread_use_mm()
 */
void kthread_use_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;

	WARN_ON_ONCE(!(tsk->flags & PF_KTHREAD));
	WARN_ON_ONCE(tsk->mm);
	task_lock(tsk);
	/* No switch may come between the pointers and CR3: the scheduler reads them. */
	local_irq_disable();
	tsk->mm = tsk->active_mm = mm;
	switch_mm_irqs_off(&init_mm, mm, tsk);
	local_irq_enable();
	task_unlock(tsk);
}

/**
 * kthread_unuse_mm - back to the kernel's page tables
 * @mm: the address space given to kthread_use_mm()
 *
 * Back on init_mm's page tables at once (Linux stays on @mm lazily):
 * afterwards @mm may be freed.
 * Linux: kthread_unuse_mm()
 */
void kthread_unuse_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;

	WARN_ON_ONCE(!(tsk->flags & PF_KTHREAD));
	WARN_ON_ONCE(tsk->mm != mm);
	task_lock(tsk);
	local_irq_disable();
	tsk->mm = NULL;
	tsk->active_mm = &init_mm;
	switch_mm_irqs_off(mm, &init_mm, tsk);
	local_irq_enable();
	task_unlock(tsk);
}

/* ---- kthread workers ---- */

/**
 * kthread_init_worker - initialise a worker (before its thread starts)
 * @worker: the worker
 * Linux: kthread_init_worker()
 */
void kthread_init_worker(struct kthread_worker *worker)
{
	memset(worker, 0, sizeof(*worker));
	raw_spin_lock_init(&worker->lock);
	INIT_LIST_HEAD(&worker->work_list);
	INIT_LIST_HEAD(&worker->delayed_work_list);
}

/**
 * kthread_init_work - initialise @work to run @fn
 * @work: the work
 * @fn: what a worker calls with @work
 * Linux: kthread_init_work()
 */
void kthread_init_work(struct kthread_work *work, kthread_work_func_t fn)
{
	memset(work, 0, sizeof(*work));
	INIT_LIST_HEAD(&work->node);
	work->func = fn;
}

/**
 * kthread_init_delayed_work - initialise @dwork, work and timer, to run @fn
 * @dwork: the delayed work
 * @fn: what a worker calls with &@dwork->work
 *
 * The timer is TIMER_IRQSAFE, as KTHREAD_DELAYED_WORK_INIT() makes it: its
 * callback runs with interrupts off, and kthread_cancel_delayed_work_sync()
 * may wait for it with them off.
 * Linux: kthread_init_delayed_work()
 */
void kthread_init_delayed_work(struct kthread_delayed_work *dwork, kthread_work_func_t fn)
{
	kthread_init_work(&dwork->work, fn);
	timer_setup(&dwork->timer, kthread_delayed_work_timer_fn, TIMER_IRQSAFE);
}

/**
 * kthread_worker_fn - the thread function of a worker
 * @worker_ptr: the struct kthread_worker
 *
 * Runs queued works one at a time, in queueing order, until stopped.
 * Return: 0, when kthread_stop() stops it.
 * Linux: kthread_worker_fn()
 */
int kthread_worker_fn(void *worker_ptr)
{
	struct kthread_worker *worker = worker_ptr;
	struct kthread_work *work;

	WARN_ON(worker->task && worker->task != current);
	worker->task = current;
repeat:
	set_current_state(TASK_INTERRUPTIBLE);	/* pairs with kthread_stop()'s wakeup */
	if (kthread_should_stop()) {
		__set_current_state(TASK_RUNNING);
		raw_spin_lock_irq(&worker->lock);
		worker->task = NULL;
		raw_spin_unlock_irq(&worker->lock);
		return 0;
	}
	work = NULL;
	raw_spin_lock_irq(&worker->lock);
	if (!list_empty(&worker->work_list)) {
		work = list_first_entry(&worker->work_list, struct kthread_work, node);
		list_del_init(&work->node);
	}
	worker->current_work = work;
	raw_spin_unlock_irq(&worker->lock);

	if (work) {
		__set_current_state(TASK_RUNNING);
		work->func(work);
	} else {
		schedule();
	}
	cond_resched();
	goto repeat;
}

/*
 * A work is on one list at a time and serves one worker: queued twice, or
 * on a second worker, its node would join two lists (Linux 6.1 warns).
 */
static void kthread_insert_work_sanity_check(struct kthread_worker *worker,
					     struct kthread_work *work)
{
	lockdep_assert_held(&worker->lock);
	WARN_ON_ONCE(!list_empty(&work->node));
	/* Do not use a work with more than one worker: see kthread_queue_work(). */
	WARN_ON_ONCE(work->worker && work->worker != worker);
}

/* Queue @work at @pos and wake the worker if idle. The caller holds worker->lock. */
static void kthread_insert_work(struct kthread_worker *worker, struct kthread_work *work,
				struct list_head *pos)
{
	kthread_insert_work_sanity_check(worker, work);
	list_add_tail(&work->node, pos);
	work->worker = worker;
	if (!worker->current_work && likely(worker->task))
		wake_up_process(worker->task);
}

static bool queuing_blocked(struct kthread_work *work)
{
	return !list_empty(&work->node) || work->canceling;
}

/**
 * kthread_queue_work - queue @work on @worker
 * @worker: the worker
 * @work: the work (kthread_init_work() first)
 * Return: true if queued, false if it was already pending (or canceling).
 * Linux: kthread_queue_work()
 */
bool kthread_queue_work(struct kthread_worker *worker, struct kthread_work *work)
{
	unsigned long flags;
	bool ret = false;

	raw_spin_lock_irqsave(&worker->lock, flags);
	if (!queuing_blocked(work)) {
		kthread_insert_work(worker, work, &worker->work_list);
		ret = true;
	}
	raw_spin_unlock_irqrestore(&worker->lock, flags);
	return ret;
}

/**
 * kthread_delayed_work_timer_fn - the delay is over: queue the work for real
 * @t: &kthread_delayed_work.timer
 *
 * The timer callback of every delayed work (kthread_init_delayed_work(),
 * KTHREAD_DELAYED_WORK_INIT()): moves the work from the worker's
 * delayed_work_list to its work_list, unless it is being canceled.
 * Linux: kthread_delayed_work_timer_fn()
 */
void kthread_delayed_work_timer_fn(struct timer_list *t)
{
	struct kthread_delayed_work *dwork = from_timer(dwork, t, timer);
	struct kthread_work *work = &dwork->work;
	struct kthread_worker *worker = work->worker;
	unsigned long flags;

	/* A pending work initialised again: used the wrong way. */
	if (WARN_ON_ONCE(!worker))
		return;
	raw_spin_lock_irqsave(&worker->lock, flags);
	/* Work must not be used with more than one worker. */
	WARN_ON_ONCE(work->worker != worker);
	WARN_ON_ONCE(list_empty(&work->node));
	list_del_init(&work->node);	/* off delayed_work_list */
	if (!work->canceling)
		kthread_insert_work(worker, work, &worker->work_list);
	raw_spin_unlock_irqrestore(&worker->lock, flags);
}

static void __kthread_queue_delayed_work(struct kthread_worker *worker,
					 struct kthread_delayed_work *dwork, unsigned long delay)
{
	struct kthread_work *work = &dwork->work;

	if (!delay) {
		kthread_insert_work(worker, work, &worker->work_list);
		return;
	}
	kthread_insert_work_sanity_check(worker, work);
	work->worker = worker;
	list_add(&work->node, &worker->delayed_work_list);
	mod_timer(&dwork->timer, jiffies + delay);
}

/**
 * kthread_queue_delayed_work - queue @dwork after @delay jiffies
 * @worker: the worker
 * @dwork: the delayed work (kthread_init_delayed_work() first)
 * @delay: jiffies to wait; 0 queues at once
 * Return: true if queued, false if it was already pending.
 * Linux: kthread_queue_delayed_work()
 */
bool kthread_queue_delayed_work(struct kthread_worker *worker,
				struct kthread_delayed_work *dwork, unsigned long delay)
{
	unsigned long flags;
	bool ret = false;

	raw_spin_lock_irqsave(&worker->lock, flags);
	if (!queuing_blocked(&dwork->work)) {
		__kthread_queue_delayed_work(worker, dwork, delay);
		ret = true;
	}
	raw_spin_unlock_irqrestore(&worker->lock, flags);
	return ret;
}

struct kthread_flush_work {
	struct kthread_work work;
	struct completion done;
};

static void kthread_flush_work_fn(struct kthread_work *work)
{
	struct kthread_flush_work *fwork = container_of(work, struct kthread_flush_work, work);

	complete(&fwork->done);
}

/**
 * kthread_flush_work - wait until @work, if queued or running, has run
 * @work: the work
 * Linux: kthread_flush_work()
 */
void kthread_flush_work(struct kthread_work *work)
{
	struct kthread_flush_work fwork;
	struct kthread_worker *worker = work->worker;
	bool noop = false;

	if (!worker)
		return;
	kthread_init_work(&fwork.work, kthread_flush_work_fn);
	init_completion(&fwork.done);
	raw_spin_lock_irq(&worker->lock);
	if (!list_empty(&work->node))
		/* Queued: run our flush right after it. */
		kthread_insert_work(worker, &fwork.work, work->node.next);
	else if (worker->current_work == work)
		/* Running: run our flush next. */
		kthread_insert_work(worker, &fwork.work, worker->work_list.next);
	else
		noop = true;
	raw_spin_unlock_irq(&worker->lock);
	if (!noop)
		wait_for_completion(&fwork.done);
}

/**
 * kthread_flush_worker - wait until every work queued now has run
 * @worker: the worker
 * Linux: kthread_flush_worker()
 */
void kthread_flush_worker(struct kthread_worker *worker)
{
	struct kthread_flush_work fwork;

	kthread_init_work(&fwork.work, kthread_flush_work_fn);
	init_completion(&fwork.done);
	kthread_queue_work(worker, &fwork.work);
	wait_for_completion(&fwork.done);
}

/*
 * Make sure @work's timer is neither armed nor running. del_timer_sync()
 * must wait for a running callback, which takes worker->lock: so the
 * lock is dropped meanwhile, and work->canceling blocks any queueing
 * until it is retaken. The caller holds work->worker's lock.
 * Linux: kthread_cancel_delayed_work_timer()
 */
static void kthread_cancel_delayed_work_timer(struct kthread_work *work, unsigned long *flags)
{
	struct kthread_delayed_work *dwork = container_of(work, struct kthread_delayed_work, work);
	struct kthread_worker *worker = work->worker;

	lockdep_assert_held(&worker->lock);
	work->canceling++;
	raw_spin_unlock_irqrestore(&worker->lock, *flags);
	del_timer_sync(&dwork->timer);
	raw_spin_lock_irqsave(&worker->lock, *flags);
	work->canceling--;
}

/*
 * Take @work off the worker's list it is on (work_list, or
 * delayed_work_list with its timer already cancelled). The caller holds
 * work->worker's lock. It may still be running (worker->current_work).
 * Return: true if it was pending.
 * Linux: __kthread_cancel_work()
 */
static bool __kthread_cancel_work(struct kthread_work *work)
{
	lockdep_assert_held(&work->worker->lock);
	if (!list_empty(&work->node)) {
		list_del_init(&work->node);
		return true;
	}
	return false;
}

static bool __kthread_cancel_work_sync(struct kthread_work *work, bool is_dwork)
{
	struct kthread_worker *worker = work->worker;
	unsigned long flags;
	bool ret;

	if (!worker)
		return false;
	raw_spin_lock_irqsave(&worker->lock, flags);
	if (is_dwork)
		kthread_cancel_delayed_work_timer(work, &flags);
	ret = __kthread_cancel_work(work);
	if (worker->current_work == work) {
		/* Running now: block re-queueing and wait for it to finish. */
		work->canceling++;
		raw_spin_unlock_irqrestore(&worker->lock, flags);
		kthread_flush_work(work);
		raw_spin_lock_irqsave(&worker->lock, flags);
		work->canceling--;
	}
	raw_spin_unlock_irqrestore(&worker->lock, flags);
	return ret;
}

/**
 * kthread_cancel_work_sync - unqueue @work and wait if it is running
 * @work: the work
 * Return: true if it was pending (it will not run now).
 * Linux: kthread_cancel_work_sync()
 */
bool kthread_cancel_work_sync(struct kthread_work *work)
{
	return __kthread_cancel_work_sync(work, false);
}

/**
 * kthread_cancel_delayed_work_sync - kthread_cancel_work_sync() for delayed work
 * @dwork: the delayed work; its timer is cancelled too
 * Return: true if it was pending (queued or its timer armed).
 * Linux: kthread_cancel_delayed_work_sync()
 */
bool kthread_cancel_delayed_work_sync(struct kthread_delayed_work *dwork)
{
	return __kthread_cancel_work_sync(&dwork->work, true);
}

/**
 * kthread_mod_delayed_work - (re)queue @dwork to run after @delay
 * @worker: the worker
 * @dwork: the delayed work
 * @delay: jiffies from now; 0 queues at once
 *
 * If a cancel (kthread_cancel_delayed_work_sync(), or another
 * kthread_mod_delayed_work()) is under way at the same time, the other
 * command wins: @dwork is left as that one leaves it, and this returns
 * true, "the number of queued instances did not change". So a caller
 * that counts references (one per queueing that returned false) never
 * counts one for a work that will not run.
 * Return: true if it was pending before (and has been moved, or a
 * concurrent command decides), false if it was queued anew.
 * Linux: kthread_mod_delayed_work()
 */
bool kthread_mod_delayed_work(struct kthread_worker *worker,
			      struct kthread_delayed_work *dwork, unsigned long delay)
{
	struct kthread_work *work = &dwork->work;
	unsigned long flags;
	bool ret = false;

	raw_spin_lock_irqsave(&worker->lock, flags);
	/* Never queued: nothing to cancel. */
	if (!work->worker)
		goto fast_queue;
	WARN_ON_ONCE(work->worker != worker);
	/*
	 * The timer first: this drops the lock, so another command may
	 * start meanwhile. Only then, with the lock held for good, may the
	 * work come off its list, to be queued again at once (the return
	 * value then says it was pending: the count is unchanged).
	 */
	kthread_cancel_delayed_work_timer(work, &flags);
	if (work->canceling) {
		/* Another command is cancelling too: let it win. */
		ret = true;
		goto out;
	}
	ret = __kthread_cancel_work(work);
fast_queue:
	__kthread_queue_delayed_work(worker, dwork, delay);
out:
	raw_spin_unlock_irqrestore(&worker->lock, flags);
	return ret;
}

/*
 * Both ways to make a worker: the same __kthread_create_on_node() as any
 * kthread, with kthread_worker set (the 2026 refactor), then bound to
 * @cpu if one is given. Linux: __kthread_create_worker()
 */
static __printf(4, 0) struct kthread_worker *
__kthread_create_worker(int cpu, unsigned int flags, int node, const char namefmt[],
			va_list args)
{
	struct kthread_create_info info = {
		.node = node,
		.kthread_worker = 1,
	};
	struct kthread_worker *worker;
	struct task_struct *task;

	kthread_create_step(KT_CREATE_ON_NODE);
	task = __kthread_create_on_node(&info, namefmt, args);
	if (IS_ERR(task))
		return ERR_CAST(task);
	if (cpu >= 0)
		kthread_bind(task, cpu);
	worker = kthread_data(task);
	worker->flags = flags;
	worker->task = task;
	return worker;
}

/**
 * kthread_create_worker_on_node - create a worker and its thread
 * @flags: worker flags
 * @node: node of the thread's task_struct and stack (NUMA_NO_NODE:
 *	the node of the CPU that runs kthreadd's copy_process())
 * @namefmt: the thread's name
 *
 * The thread is not woken: use kthread_run_worker(), or
 * wake_up_process(worker->task).
 * Return: the worker, or an ERR_PTR.
 * Linux: kthread_create_worker_on_node()
 */
struct kthread_worker *kthread_create_worker_on_node(unsigned int flags, int node,
						     const char namefmt[], ...)
{
	struct kthread_worker *worker;
	va_list args;

	va_start(args, namefmt);
	worker = __kthread_create_worker(-1, flags, node, namefmt, args);
	va_end(args);
	return worker;
}

/**
 * kthread_create_worker_on_cpu - create a worker whose thread is bound to @cpu
 * @cpu: an online CPU
 * @flags: worker flags
 * @namefmt: the thread's name; its arguments follow (the CPU is not
 *	added by itself: pass it, "name/%d", cpu)
 *
 * The thread's memory comes from @cpu's node, and it is kthread_bind()
 * to @cpu before it ever runs, so every work it runs runs on @cpu. Not
 * woken, as kthread_create_worker_on_node().
 * Return: the worker, ERR_PTR(-EINVAL) for a CPU that is not online, or
 *	another ERR_PTR.
 * Linux: kthread_create_worker_on_cpu()
 */
struct kthread_worker *kthread_create_worker_on_cpu(int cpu, unsigned int flags,
						    const char namefmt[], ...)
{
	struct kthread_worker *worker;
	va_list args;

	if (!cpu_online(cpu))
		return ERR_PTR(-EINVAL);
	va_start(args, namefmt);
	worker = __kthread_create_worker(cpu, flags, cpu_to_node(cpu), namefmt, args);
	va_end(args);
	return worker;
}

/**
 * kthread_destroy_worker - flush, stop the thread, free the worker
 * @worker: from kthread_create_worker()
 * Linux: kthread_destroy_worker()
 */
void kthread_destroy_worker(struct kthread_worker *worker)
{
	struct task_struct *task = worker->task;

	if (WARN_ON(!task))
		return;
	/* The flush's work wakes a worker never woken (kthread_insert_work()). */
	kthread_flush_worker(worker);
	kthread_stop(task);
	WARN_ON(!list_empty(&worker->delayed_work_list));
	WARN_ON(!list_empty(&worker->work_list));
	kfree(worker);
}
