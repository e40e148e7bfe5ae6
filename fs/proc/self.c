// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/self: a symlink to the reader's own /proc/<pid>.
 * Linux: fs/proc/self.c
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sprintf.h>
#include "internal.h"

/**
 * proc_self_get_link - the target of /proc/self
 * @task: current (the one following the link)
 * @ei: the link's inode (unused)
 * @buf: room for the target
 * @size: its size
 * Return: @buf, holding current's thread group id.
 * Linux: proc_self_get_link()
 */
const char *proc_self_get_link(struct task_struct *task, const struct proc_inode *ei, char *buf,
			       size_t size)
{
	snprintf(buf, size, "%d", task->tgid);
	return buf;
}
