// SPDX-License-Identifier: GPL-2.0
/*
 * Recording the steps of the kthread creation path, for students and
 * tests: kernel/kthread.c and kernel/fork.c call kthread_create_step() at
 * each step that docs/creation-path.md numbers. A step is printed with the
 * boot parameter kthread_trace=1, traced as the kthread_create_step event,
 * and appended to the log a test installs with kthread_step_log_start().
 *
 * Linux has no such file: its tracepoints (sched_process_fork,
 * sched_wakeup_new, ...) mark fewer points of the same path.
 */
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/kthread.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/trace.h>

static bool kthread_trace;
/*
 * Guards kthread_step_log (the pointer) and the n and rec[] of the log it
 * points to. Steps are taken on every CPU at once (creators, kthreadd
 * and new threads each on their own), so disabling interrupts is not
 * enough: two CPUs would take the same slot. Interrupts off: a step may
 * be taken with them off. Taken only while a test has a log installed
 * (and by a test that stands for a CPU halfway through a record).
 */
DEFINE_RAW_SPINLOCK(kthread_step_lock);
static struct kthread_step_log *kthread_step_log;
void (*kthread_after_take_done_hook)(struct task_struct *self);
/* Test hooks, see <linux/kthread.h>. */
void (*kthread_step_hook)(int step);
void (*kthreadd_before_sleep_hook)(void);

static const char *const kthread_step_names[KT_NR_STEPS] = {
	[KT_CREATE_ON_NODE] = "kthread_create_on_node: fill kthread_create_info",
	[KT_CREATE_QUEUED] = "__kthread_create_on_node: queued on kthread_create_list, wake_up_process(kthreadd)",
	[KT_CREATE_WAIT] = "__kthread_create_on_node: wait_for_completion_killable(&done)",
	[KT_KTHREADD_DEQUEUE] = "kthreadd: took the request off kthread_create_list",
	[KT_CREATE_KTHREAD] = "create_kthread: fill kernel_clone_args",
	[KT_KERNEL_CLONE] = "kernel_clone",
	[KT_COPY_PROCESS] = "copy_process: new task built",
	[KT_WAKE_UP_NEW_TASK] = "wake_up_new_task",
	[KT_KTHREAD_START] = "kthread: started (ret_from_fork)",
	[KT_KTHREAD_COMPLETE] = "kthread: complete(done)",
	[KT_KTHREAD_SLEEP] = "kthread: schedule() until woken or stopped",
	[KT_CREATE_RETURN] = "__kthread_create_on_node: woken, returns the task",
	[KT_THREADFN] = "kthread: woken, runs threadfn",
	[KT_CREATOR_GAVE_UP] = "done was NULL: the creator gave up, free the request",
	[KT_CREATOR_KILLED] = "__kthread_create_on_node: creator killed while waiting",
};

/**
 * kthread_step_name - the description of creation step @step
 * @step: enum kthread_step
 * Return: the description, or "?" for a number that is not a step.
 */
const char *kthread_step_name(int step)
{
	return step > 0 && step < KT_NR_STEPS ? kthread_step_names[step] : "?";
}

/**
 * kthread_step_log_start - record every creation step in @log from now on
 * @log: the log, emptied here (a test's; one at a time)
 */
void kthread_step_log_start(struct kthread_step_log *log)
{
	unsigned long flags;

	memset(log, 0, sizeof(*log));
	raw_spin_lock_irqsave(&kthread_step_lock, flags);
	WARN_ON_ONCE(kthread_step_log);
	kthread_step_log = log;
	raw_spin_unlock_irqrestore(&kthread_step_lock, flags);
}

/**
 * kthread_step_log_stop - stop recording into the log being filled
 *
 * When it returns no step on any CPU is being written to the log any
 * more: the caller may read it (steps taken later are not recorded).
 */
void kthread_step_log_stop(void)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&kthread_step_lock, flags);
	kthread_step_log = NULL;
	raw_spin_unlock_irqrestore(&kthread_step_lock, flags);
}

/* Append a record of @step to the test's log, if one is installed. */
static void kthread_step_record(int step)
{
	struct kthread_step_log *log;
	unsigned long flags;

	/* Unlocked peek: without a log (always, but in tests) no lock is taken. */
	if (!READ_ONCE(kthread_step_log))
		return;
	raw_spin_lock_irqsave(&kthread_step_lock, flags);
	log = kthread_step_log;		/* again: it may have been stopped since */
	if (log && log->n < (int)ARRAY_SIZE(log->rec))
		log->rec[log->n++] = (struct kthread_step_record){ step, current->pid };
	raw_spin_unlock_irqrestore(&kthread_step_lock, flags);
}

/**
 * kthread_create_step - record that @step of the creation path happens now
 * @step: enum kthread_step
 *
 * Prints it (kthread_trace=1), traces it (event kthread_create_step) and
 * logs it for a test that called kthread_step_log_start().
 */
void kthread_create_step(int step)
{
	if (unlikely(kthread_trace))
		pr_info("kthread: step %2d %-16s %s\n", step, current->comm,
			kthread_step_name(step));
	TRACE_EVENT_CALL(kthread_create_step, "step=%d %s", step, kthread_step_name(step));
	kthread_step_record(step);
	if (unlikely(kthread_step_hook))
		kthread_step_hook(step);
}

static int __init kthread_trace_setup(char *str)
{
	return kstrtobool(str, &kthread_trace);
}
early_param("kthread_trace", kthread_trace_setup);
