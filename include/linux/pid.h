/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Process IDs. A struct pid is allocated per task by alloc_pid() and
 * freed when the task is reaped; its number is reused afterwards. Numbers
 * go up from the last one handed out and wrap at pid_max, so a number is
 * not reused soon after it is freed (as in Linux, this makes a stale pid
 * less likely to name the wrong task).
 * Linux: include/linux/pid.h, kernel/pid.c
 */
#ifndef _LINUX_PID_H
#define _LINUX_PID_H

#include <linux/list.h>
#include <linux/types.h>

#define PID_MAX_DEFAULT	32768
#define RESERVED_PIDS	300	/* after wrapping, start here (Linux's rule) */

struct task_struct;

struct pid {
	int nr;
	struct task_struct *task;	/* NULL once the task is gone */
	struct list_head hash_node;
};

extern int pid_max;

struct pid *alloc_pid(void);
void free_pid(struct pid *pid);
void attach_pid(struct task_struct *task, struct pid *pid);
/* de_thread(): the exec'ing thread and the old leader trade pids. */
void exchange_tids(struct task_struct *left, struct task_struct *right);
/* Task by number, or NULL; caller holds tasklist_lock or keeps it alive. */
struct task_struct *find_task_by_pid(pid_t nr);
/* The tgid of @tsk's real parent (0 for none), read under tasklist_lock. */
pid_t task_ppid_nr(struct task_struct *tsk);
/* As above, with a reference taken (put_task_struct() it). */
struct task_struct *get_pid_task_by_nr(pid_t nr);
unsigned int nr_pids_in_use(void);
void pid_idr_init(void);

#endif /* _LINUX_PID_H */
