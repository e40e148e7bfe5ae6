/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the files of fs/proc share: proc's inodes (a pid and an entry
 * of a table), the tables' shape, and the show functions.
 * Linux: fs/proc/internal.h
 */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

#include <linux/fs.h>
#include <linux/seq_file.h>

struct proc_inode;
struct task_struct;

/*
 * One name in a proc directory: a file whose text @show makes (with the
 * task, for /proc/<pid>/), a symlink whose target @get_link makes (from
 * the task and the link's inode: /proc/<pid>/fd/N's fd), or a directory
 * (/proc/<pid>/fd). Linux: struct pid_entry (base.c), struct proc_dir_entry
 */
struct proc_entry {
	const char *name;
	umode_t mode;
	int (*show)(struct seq_file *m, struct task_struct *task);
	const char *(*get_link)(struct task_struct *task, const struct proc_inode *ei, char *buf,
				size_t size);
};

/* Linux: struct proc_inode */
struct proc_inode {
	struct inode vfs_inode;		/* first: iput() frees the whole */
	pid_t pid;			/* the process of /proc/<pid>/..., 0 for /proc's own */
	const struct proc_entry *entry;
	unsigned int fd;		/* /proc/<pid>/fd/N: N */
};

static inline struct proc_inode *PROC_I(struct inode *inode)
{
	return container_of(inode, struct proc_inode, vfs_inode);
}

extern struct super_block proc_sb;

/* fs/proc/inode.c */
struct dentry *proc_make_dentry(struct inode *dir_inode, struct dentry *parent,
				const struct proc_entry *entry, pid_t pid, const char *name,
				size_t len);
extern const struct file_operations proc_entry_operations;
extern const struct inode_operations proc_link_inode_operations;

/* fs/proc/root.c */
struct dentry *proc_get_root(void);

/* fs/proc/base.c */
struct dentry *proc_pid_lookup(struct dentry *parent, const char *name, size_t len);
int proc_pid_readdir(struct file *file, struct dir_context *ctx, loff_t first);
/* fs/proc/self.c */
const char *proc_self_get_link(struct task_struct *task, const struct proc_inode *ei, char *buf,
			       size_t size);

/* fs/proc/array.c */
int proc_pid_stat(struct seq_file *m, struct task_struct *task);
int proc_pid_status(struct seq_file *m, struct task_struct *task);
int proc_pid_statm(struct seq_file *m, struct task_struct *task);
/* fs/proc/task_mmu.c */
int proc_pid_maps(struct seq_file *m, struct task_struct *task);
/* the others: fs/proc/meminfo.c, uptime.c, loadavg.c, stat.c, cpuinfo.c, version.c */
int meminfo_proc_show(struct seq_file *m, struct task_struct *unused);
int uptime_proc_show(struct seq_file *m, struct task_struct *unused);
int loadavg_proc_show(struct seq_file *m, struct task_struct *unused);
int show_stat(struct seq_file *m, struct task_struct *unused);
int cpuinfo_proc_show(struct seq_file *m, struct task_struct *unused);
int version_proc_show(struct seq_file *m, struct task_struct *unused);
int mounts_proc_show(struct seq_file *m, struct task_struct *unused);
int filesystems_proc_show(struct seq_file *m, struct task_struct *unused);

/* Idle time over every CPU, ns: for /proc/uptime and /proc/stat. */
u64 proc_idle_ns(void);

#endif /* _FS_PROC_INTERNAL_H */
