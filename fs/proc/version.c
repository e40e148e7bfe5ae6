// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/version: the banner the kernel printed first.
 * Linux: fs/proc/version.c
 */
#include <linux/kernel.h>
#include <linux/start_kernel.h>
#include "internal.h"

/**
 * version_proc_show - /proc/version
 * @m: where to print
 * @unused: no task
 * Return: 0.
 * Linux: version_proc_show()
 */
int version_proc_show(struct seq_file *m, struct task_struct *unused)
{
	seq_printf(m, "%s", linux_banner);
	return 0;
}
