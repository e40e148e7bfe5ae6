// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>: one directory per process (thread group), with stat,
 * status, statm, maps, cmdline, comm, the links exe and cwd, and fd/ (a link
 * per open descriptor: its path, or pipe:[inode]). A kernel
 * thread has no memory, so its cmdline is empty: that is how ps knows to
 * print [kthreadd].
 * Linux: fs/proc/base.c
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include "../internal.h"
#include "internal.h"

/* The argument strings, NUL-separated, as execve() put them on the stack. Linux: proc_pid_cmdline_read() */
static int proc_pid_cmdline(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm;
	unsigned long start, len;
	char *buf;

	task_lock(task);
	mm = task->mm;
	if (mm && !(task->flags & PF_KTHREAD))
		atomic_inc(&mm->mm_users);
	else
		mm = NULL;
	task_unlock(task);
	if (!mm)
		return 0;	/* a kernel thread, or one exiting */
	start = mm->arg_start;
	len = min(mm->arg_end - mm->arg_start, (unsigned long)PAGE_SIZE * 4);
	buf = kmalloc(len + 1, GFP_KERNEL);
	if (buf) {
		len = access_remote_vm_read(mm, start, buf, len);
		seq_write(m, buf, len);
		kfree(buf);
	}
	mmput(mm);
	return buf ? 0 : -ENOMEM;
}

/* Linux: comm_show() */
static int proc_pid_comm(struct seq_file *m, struct task_struct *task)
{
	char comm[TASK_COMM_LEN];

	get_task_comm(comm, task);
	seq_printf(m, "%s\n", comm);
	return 0;
}

/* Linux: proc_exe_link() */
static const char *proc_exe_link(struct task_struct *task, const struct proc_inode *ei, char *buf,
				 size_t size)
{
	struct dentry *d = NULL;
	const char *p = NULL;

	task_lock(task);
	if (task->mm && task->mm->exe_file && task->mm->exe_file->f_dentry)
		d = dget(task->mm->exe_file->f_dentry);
	task_unlock(task);
	if (!d)
		return NULL;
	p = d_path(d, buf, size);	/* rootfs_lock is held: we are in a path walk */
	dput(d);
	return p;
}

/* Linux: proc_cwd_link() */
static const char *proc_cwd_link(struct task_struct *task, const struct proc_inode *ei, char *buf,
				 size_t size)
{
	struct dentry *d = NULL;
	const char *p;

	task_lock(task);
	if (task->fs) {
		spin_lock(&task->fs->lock);
		d = task->fs->pwd ? dget(task->fs->pwd) : NULL;
		spin_unlock(&task->fs->lock);
		if (!d)
			d = dget(root_dentry);
	}
	task_unlock(task);
	if (!d)
		return NULL;
	p = d_path(d, buf, size);
	dput(d);
	return p;
}

/*
 * /proc/<pid>/fd/N: what descriptor N is open on: its path, or for a
 * pipe "pipe:[inode]" (its dentry's name, d_path()), as in Linux.
 * Linux: proc_fd_link()
 */
static const char *proc_fd_link(struct task_struct *task, const struct proc_inode *ei, char *buf,
				size_t size)
{
	struct file *f = fget_task(task, ei->fd);
	const char *p = NULL;

	if (!f)
		return NULL;
	if (f->f_dentry)
		p = d_path(f->f_dentry, buf, size);	/* rootfs_lock: in a path walk */
	fput(f);
	return p;
}

static const struct proc_entry proc_fd_link_entry = {
	"fd/N", S_IFLNK | 0700, .get_link = proc_fd_link
};

static const struct proc_entry tgid_base_stuff[] = {
	{ "stat",	S_IFREG | 0444, .show = proc_pid_stat },
	{ "status",	S_IFREG | 0444, .show = proc_pid_status },
	{ "statm",	S_IFREG | 0444, .show = proc_pid_statm },
	{ "maps",	S_IFREG | 0444, .show = proc_pid_maps },
	{ "cmdline",	S_IFREG | 0444, .show = proc_pid_cmdline },
	{ "comm",	S_IFREG | 0444, .show = proc_pid_comm },
	{ "exe",	S_IFLNK | 0777, .get_link = proc_exe_link },
	{ "cwd",	S_IFLNK | 0777, .get_link = proc_cwd_link },
	{ "fd",		S_IFDIR | 0500, .show = NULL },
};

/* Is descriptor @fd of process @pid open? */
static bool proc_fd_open(pid_t pid, unsigned int fd)
{
	struct task_struct *task = get_pid_task_by_nr(pid);
	struct file *f = task ? fget_task(task, fd) : NULL;

	if (f)
		fput(f);
	if (task)
		put_task_struct(task);
	return f;
}

/* A name in /proc/<pid>/fd: an open descriptor's number. Linux: proc_lookupfd() */
static struct dentry *proc_fd_lookup(struct dentry *parent, pid_t pid, const char *name,
				     size_t len)
{
	struct dentry *d;
	char num[12];
	unsigned int fd;

	if (len >= sizeof(num))
		return NULL;
	memcpy(num, name, len);
	num[len] = '\0';
	if (kstrtouint(num, 10, &fd) || !proc_fd_open(pid, fd))
		return NULL;
	d = proc_make_dentry(parent->d_inode, parent, &proc_fd_link_entry, pid, name, len);
	if (d)
		PROC_I(d->d_inode)->fd = fd;
	return d;
}

/* Linux: proc_readfd() */
static int proc_fd_readdir(struct dir_context *ctx, pid_t pid)
{
	for (; ctx->pos - 2 < NR_OPEN_DEFAULT; ctx->pos++) {
		unsigned int fd = ctx->pos - 2;
		char name[12];

		if (!proc_fd_open(pid, fd))
			continue;
		if (!dir_emit(ctx, name, snprintf(name, sizeof(name), "%u", fd), 0x3000 + fd,
			      DT_LNK))
			return 0;
	}
	return 0;
}

/* Is there a process (a thread group leader) @pid? */
static bool pid_alive_nr(pid_t pid)
{
	struct task_struct *task = get_pid_task_by_nr(pid);
	bool alive = task && task->tgid == pid && !task->exit_state;

	if (task)
		put_task_struct(task);
	return alive;
}

/**
 * proc_pid_lookup - a name in /proc (a pid) or in /proc/<pid> (a file)
 * @parent: /proc or a /proc/<pid>
 * @name: the name
 * @len: its length
 * Return: the dentry, referenced, or NULL (no such process or file).
 * Linux: proc_pid_lookup() / proc_tgid_base_lookup()
 */
struct dentry *proc_pid_lookup(struct dentry *parent, const char *name, size_t len)
{
	pid_t pid = PROC_I(parent->d_inode)->pid;
	char num[12];
	int tgid;

	if (pid && PROC_I(parent->d_inode)->entry)	/* /proc/<pid>/fd */
		return proc_fd_lookup(parent, pid, name, len);
	if (pid) {
		for (size_t i = 0; i < ARRAY_SIZE(tgid_base_stuff); i++)
			if (strlen(tgid_base_stuff[i].name) == len &&
			    !memcmp(tgid_base_stuff[i].name, name, len))
				return proc_make_dentry(parent->d_inode, parent, &tgid_base_stuff[i],
							pid, name, len);
		return NULL;
	}
	if (len >= sizeof(num))
		return NULL;
	memcpy(num, name, len);
	num[len] = '\0';
	if (kstrtoint(num, 10, &tgid) || tgid <= 0 || !pid_alive_nr(tgid))
		return NULL;
	return proc_make_dentry(parent->d_inode, parent, NULL, tgid, name, len);
}

/* The lowest process id >= @from, or 0. Linux: next_tgid() */
static pid_t next_tgid(pid_t from)
{
	struct task_struct *p;
	pid_t best = 0;

	spin_lock_irq(&tasklist_lock);
	for_each_process(p)
		if (p->pid == p->tgid && p->pid >= from && !p->exit_state &&
		    (!best || p->pid < best))
			best = p->pid;
	spin_unlock_irq(&tasklist_lock);
	return best;
}

/**
 * proc_pid_readdir - list /proc's processes, or a /proc/<pid>'s files
 * @file: the open directory
 * @ctx: getdents64's position: from @first on, @first + pid for a process
 * @first: the position of the first process (or file) entry
 * Return: 0.
 * Linux: proc_pid_readdir() / proc_tgid_base_readdir()
 */
int proc_pid_readdir(struct file *file, struct dir_context *ctx, loff_t first)
{
	struct dentry *dir = file->f_dentry;
	pid_t pid = PROC_I(dir->d_inode)->pid;

	if (pid) {
		if (ctx->pos == 0) {
			if (!dir_emit(ctx, ".", 1, dir->d_inode->i_ino, DT_DIR))
				return 0;
			ctx->pos = 1;
		}
		if (ctx->pos == 1) {
			if (!dir_emit(ctx, "..", 2, 1, DT_DIR))
				return 0;
			ctx->pos = 2;
		}
		if (PROC_I(dir->d_inode)->entry)	/* /proc/<pid>/fd */
			return proc_fd_readdir(ctx, pid);
		for (; ctx->pos - 2 < (loff_t)ARRAY_SIZE(tgid_base_stuff); ctx->pos++) {
			const struct proc_entry *e = &tgid_base_stuff[ctx->pos - 2];

			if (!dir_emit(ctx, e->name, strlen(e->name), 0x2000 + ctx->pos,
				      (e->mode & S_IFMT) >> 12))
				return 0;
		}
		return 0;
	}
	for (;;) {
		pid_t tgid = next_tgid(ctx->pos - first);
		char name[12];
		int len;

		if (!tgid)
			return 0;
		ctx->pos = first + tgid;
		len = snprintf(name, sizeof(name), "%d", tgid);
		if (!dir_emit(ctx, name, len, 0x10000 + tgid, DT_DIR))
			return 0;
		ctx->pos++;
	}
}
