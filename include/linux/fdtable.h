/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Open files and the per-task filesystem context. A struct file is a
 * refcounted open file: its dentry (fs.h), position, flags and
 * operations. With CLONE_FILES the child shares the parent's table (an
 * fd opened by one is seen by the other); without it the child gets a
 * copy (the same files, referenced again, in a table of its own). The
 * same goes for the fs_struct (working directory, umask) and CLONE_FS.
 * Linux: include/linux/fdtable.h, include/linux/fs_struct.h, include/linux/fs.h
 */
#ifndef _LINUX_FDTABLE_H
#define _LINUX_FDTABLE_H

#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/spinlock.h>

#define NR_OPEN_DEFAULT	BITS_PER_LONG	/* one word of close_on_exec bits */

struct file_operations;
struct inode;
struct dentry;

struct file {
	atomic_t f_count;
	char f_name[32];
	const struct file_operations *f_op;	/* NULL: no I/O (fork demos) */
	struct dentry *f_dentry;		/* referenced; NULL for fork demos' files */
	struct inode *f_inode;			/* f_dentry's, if any */
	unsigned int f_flags;			/* O_APPEND, O_NONBLOCK... as open(2) had them */
	unsigned int f_mode;			/* FMODE_READ, FMODE_WRITE */
	long long f_pos;
	void *private_data;			/* the pipe, a /proc file's text */
};

struct files_struct {
	atomic_t count;			/* tasks sharing this table */
	spinlock_t file_lock;		/* guards fd[] and close_on_exec */
	unsigned long close_on_exec;	/* bit n: close fd n at execve() */
	struct file *fd[NR_OPEN_DEFAULT];
};

struct fs_struct {
	int users;			/* tasks sharing it, under lock */
	spinlock_t lock;		/* guards users, umask and pwd */
	int umask;
	struct dentry *pwd;		/* referenced; NULL: the root */
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
/* The same, at the lowest free fd >= @start, close-on-exec if @cloexec. */
int fd_install_from(struct file *file, unsigned int start, bool cloexec);
void set_close_on_exec(unsigned int fd, bool on);
bool get_close_on_exec(unsigned int fd);
/* execve(): close every close-on-exec fd. Linux: do_close_on_exec() */
void do_close_on_exec(struct files_struct *files);
/* The working directory of current, referenced (the root if none). */
struct dentry *current_pwd(void);
void set_fs_pwd(struct fs_struct *fs, struct dentry *dentry);
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
