// SPDX-License-Identifier: GPL-2.0
/*
 * proc's inodes and dentries. Nothing in /proc is stored: each lookup
 * makes a dentry and inode for the name (never in a tree's list, so the
 * last dput() frees them), and each open of a file runs its show
 * function into a seq_file. A process that has gone makes its files
 * read as -ESRCH, as on Linux.
 * Linux: fs/proc/inode.c, fs/proc/generic.c
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include "internal.h"

struct super_block proc_sb = {
	.s_type = "proc",
	.s_magic = 0x9fa0,		/* PROC_SUPER_MAGIC */
	.s_dev_name = "proc",
	.s_dev = MKDEV(0, 4),
	.s_inode_size = sizeof(struct proc_inode),
};

/* single_open()'s show: the entry's, with the task looked up again now. */
static int proc_single_show(struct seq_file *m, void *v)
{
	struct inode *inode = m->private;
	struct proc_inode *ei = PROC_I(inode);
	struct task_struct *task = NULL;
	int ret;

	if (ei->pid) {
		task = get_pid_task_by_nr(ei->pid);
		if (!task)
			return -ESRCH;
	}
	ret = ei->entry->show(m, task);
	if (task)
		put_task_struct(task);
	return ret;
}

static int proc_single_open(struct inode *inode, struct file *filp)
{
	if (filp->f_mode & FMODE_WRITE)
		return -EACCES;
	return single_open(filp, proc_single_show, inode);
}

const struct file_operations proc_entry_operations = {
	.open = proc_single_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

/* A symlink's target, made now: /proc/self, /proc/<pid>/exe, fd/N. Linux: proc_pid_get_link() */
static const char *proc_get_link(struct dentry *dentry, char *buf, size_t size)
{
	struct proc_inode *ei = PROC_I(dentry->d_inode);
	struct task_struct *task;
	const char *ret;

	task = ei->pid ? get_pid_task_by_nr(ei->pid) : current;
	if (!task)
		return NULL;
	if (!ei->pid)
		get_task_struct(task);
	ret = ei->entry->get_link(task, ei, buf, size);
	put_task_struct(task);
	return ret;
}

const struct inode_operations proc_link_inode_operations = {
	.get_link = proc_get_link,
};

/**
 * proc_make_dentry - the dentry and inode for one name of a proc directory
 * @dir_inode: the directory (for its pid if @pid is 0 and it has one)
 * @parent: the directory's dentry
 * @entry: what the name is (a table's entry), or NULL for a /proc/<pid> directory
 *	(a directory entry, /proc/<pid>/fd, looks its names up the same way)
 * @pid: the process, or 0
 * @name: the name
 * @len: its length
 * Return: the dentry, referenced, or NULL without memory.
 * Linux: proc_pid_make_inode() + d_splice_alias()
 */
struct dentry *proc_make_dentry(struct inode *dir_inode, struct dentry *parent,
				const struct proc_entry *entry, pid_t pid, const char *name,
				size_t len)
{
	struct inode *inode = new_inode(&proc_sb);
	struct proc_inode *ei;
	struct dentry *d;

	if (!inode)
		return NULL;
	ei = PROC_I(inode);
	ei->pid = pid;
	ei->entry = entry;
	if (!entry || S_ISDIR(entry->mode)) {
		inode->i_mode = entry ? entry->mode : S_IFDIR | 0555;
		inode->i_nlink = 2;
		inode->i_op = &proc_root_inode_operations;	/* looks names up by pid */
		inode->i_fop = &proc_root_operations;
	} else {
		inode->i_mode = entry->mode;
		if (S_ISLNK(entry->mode))
			inode->i_op = &proc_link_inode_operations;
		else if (!S_ISDIR(entry->mode))
			inode->i_fop = &proc_entry_operations;
	}
	d = d_alloc(parent, name, len);
	if (!d) {
		iput(inode);
		return NULL;
	}
	d_instantiate(d, inode);
	return d;
}
