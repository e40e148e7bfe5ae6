// SPDX-License-Identifier: GPL-2.0
/*
 * Recording the steps of the kthread creation path, for students and
 * tests: kernel/kthread.c and kernel/fork.c call kthread_create_step() at
 * each step that docs/creation-path.md numbers. A step is printed with the
 * boot parameter kthread_trace=1, traced as the kthread_create_step event,
 * and appended to the log a test installs in kthread_step_log.
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
#include <linux/trace.h>

static bool kthread_trace;
struct kthread_step_log *kthread_step_log;
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
 * kthread_create_step - record that @step of the creation path happens now
 * @step: enum kthread_step
 *
 * Prints it (kthread_trace=1), traces it (event kthread_create_step) and
 * logs it for a test that set kthread_step_log.
 */
void kthread_create_step(int step)
{
	struct kthread_step_log *log = READ_ONCE(kthread_step_log);

	if (unlikely(kthread_trace))
		pr_info("kthread: step %2d %-16s %s\n", step, current->comm,
			kthread_step_name(step));
	TRACE_EVENT_CALL(kthread_create_step, "step=%d %s", step, kthread_step_name(step));
	if (log) {
		unsigned long flags;

		local_irq_save(flags);
		if (log->n < (int)ARRAY_SIZE(log->rec))
			log->rec[log->n++] = (struct kthread_step_record){ step, current->pid };
		local_irq_restore(flags);
	}
	if (unlikely(kthread_step_hook))
		kthread_step_hook(step);
}

static int __init kthread_trace_setup(char *str)
{
	return kstrtobool(str, &kthread_trace);
}
early_param("kthread_trace", kthread_trace_setup);
