/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Creating and ending tasks: struct kernel_clone_args and the entry
 * points of kernel/fork.c and kernel/exit.c.
 * Linux: include/linux/sched/task.h, include/uapi/linux/sched.h (CLONE_*)
 */
#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H

#include <linux/sched.h>

/* clone() flags, Linux's values. The low byte is the exit signal. */
#define CSIGNAL			0x000000ff
#define CLONE_VM		0x00000100	/* share the address space */
#define CLONE_FS		0x00000200	/* share cwd/umask (fs_struct) */
#define CLONE_FILES		0x00000400	/* share the file table */
#define CLONE_SIGHAND		0x00000800	/* share signal dispositions */
#define CLONE_PTRACE		0x00002000
#define CLONE_VFORK		0x00004000	/* parent sleeps until child exits */
#define CLONE_PARENT		0x00008000	/* sibling, not child, of the caller */
#define CLONE_THREAD		0x00010000	/* same thread group */
#define CLONE_SETTLS		0x00080000	/* the child's FS base is tls */
#define CLONE_PARENT_SETTID	0x00100000	/* store the child's tid at parent_tid */
#define CLONE_CHILD_CLEARTID	0x00200000	/* clear child_tid (and wake it) at exit */
#define CLONE_UNTRACED		0x00800000	/* no ptrace, ever */
#define CLONE_CHILD_SETTID	0x01000000	/* store the child's tid at child_tid */

struct kernel_clone_args {
	u64 flags;
	int exit_signal;		/* sent to the parent at exit */
	int (*fn)(void *);		/* kernel threads: run this */
	void *fn_arg;
	const char *name;		/* the new task's comm */
	unsigned long stack;		/* clone(): the child's user stack, 0: same */
	unsigned long tls;		/* CLONE_SETTLS */
	int __user *parent_tid;		/* CLONE_PARENT_SETTID */
	int __user *child_tid;		/* CLONE_CHILD_SETTID / CLONE_CHILD_CLEARTID */
	u32 kthread:1;			/* PF_KTHREAD, with a struct kthread */
	u32 io_thread:1;
	u32 user_worker:1;
	u32 no_files:1;
	u32 idle:1;			/* fork_idle(): a CPU's idle task */
};

extern spinlock_t tasklist_lock;	/* the task list, family links, exit_state */
extern int nr_threads;

pid_t kernel_clone(struct kernel_clone_args *args);
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name, unsigned long flags);
pid_t user_mode_thread(int (*fn)(void *), void *arg, unsigned long flags);
struct task_struct *copy_process(struct pid *pid, int trace, int node,
				 struct kernel_clone_args *args);
void fork_init(void);
int tsk_fork_get_node(struct task_struct *tsk);
struct task_struct *fork_idle(int cpu);
/* Tasks (task_structs) currently allocated, for leak tests. */
unsigned long nr_task_structs(void);
unsigned int nr_cached_thread_stacks(unsigned int cpu);
void drain_cached_thread_stacks(void);
int free_vm_stack_cache(unsigned int cpu);

__noreturn void do_exit(long code);
void release_task(struct task_struct *p);
/* Wait for a child (@pid, or -1 for any) to exit and reap it. */
pid_t kernel_wait(pid_t pid, int *stat);
bool wait_for_dead_tasks(unsigned int timeout_ms);
int wait_for_zombie_child(void);

void __cleanup_sighand(struct sighand_struct *sighand);
void put_signal_struct(struct signal_struct *sig);
int copy_thread(struct task_struct *p, const struct kernel_clone_args *args);

#endif /* _LINUX_SCHED_TASK_H */
