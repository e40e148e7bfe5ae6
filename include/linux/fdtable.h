/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Open files and the per-task filesystem context. Spindle has no
 * filesystem: a struct file is a named, refcounted object, enough for
 * fork to show what CLONE_FILES and CLONE_FS mean: with the flag the
 * child shares the parent's table (an fd opened by one is seen by the
 * other); without it the child gets a copy (the same files, referenced
 * again, in a table of its own).
 * Linux: include/linux/fdtable.h, include/linux/fs_struct.h, include/linux/fs.h
 */
#ifndef _LINUX_FDTABLE_H
#define _LINUX_FDTABLE_H

#include <linux/atomic.h>
#include <linux/spinlock.h>

#define NR_OPEN_DEFAULT	16

struct file_operations;
struct inode;

struct file {
	atomic_t f_count;
	char f_name[32];
	const struct file_operations *f_op;	/* NULL: no I/O (fork demos) */
	struct inode *f_inode;			/* the file in the tree, if any */
	long long f_pos;
};

struct files_struct {
	atomic_t count;			/* tasks sharing this table */
	spinlock_t file_lock;		/* guards fd[] */
	struct file *fd[NR_OPEN_DEFAULT];
};

struct fs_struct {
	int users;			/* tasks sharing it, under lock */
	spinlock_t lock;		/* guards users */
	int umask;
	char pwd[64];
};

extern struct files_struct init_files;
extern struct fs_struct init_fs;

struct file *file_alloc(const char *name);
void fput(struct file *file);
static inline struct file *get_file(struct file *f)
{
	atomic_inc(&f->f_count);
	return f;
}
/* Install @file in current's table: the new fd, or -EMFILE. */
int fd_install_new(struct file *file);
/* Close @fd in current's table: 0 or -EBADF. */
int close_fd(unsigned int fd);
/* Put @file at @fd, closing what was there: 0 or -EBADF. */
int replace_fd(unsigned int fd, struct file *file);
/* current's file at @fd with a reference, or NULL. */
struct file *fget(unsigned int fd);
struct file *fget_task(struct task_struct *task, unsigned int fd);

void exit_files(struct task_struct *tsk);
void exit_fs(struct task_struct *tsk);
int copy_files(unsigned long clone_flags, struct task_struct *tsk, int no_files);
int copy_fs(unsigned long clone_flags, struct task_struct *tsk);

#endif /* _LINUX_FDTABLE_H */
