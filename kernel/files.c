// SPDX-License-Identifier: GPL-2.0
/*
 * The file table and the filesystem context of a task, as much as fork
 * needs: refcounted tables that CLONE_FILES / CLONE_FS share and their
 * absence copies. Locking: files->file_lock guards a table's slots,
 * fs->lock guards fs->users; the counts themselves are atomic.
 * Linux: fs/file.c (dup_fd, put_files_struct), fs/fs_struct.c,
 * kernel/fork.c (copy_files, copy_fs)
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>

struct files_struct init_files = {
	.count = ATOMIC_INIT(1),
	.file_lock = __SPIN_LOCK_UNLOCKED(init_files.file_lock),
};

struct fs_struct init_fs = {
	.users = 1,
	.lock = __SPIN_LOCK_UNLOCKED(init_fs.lock),
	.umask = 0022,
};

/**
 * file_alloc - a new file object with one reference
 * @name: its name, copied (truncated to the field)
 * Return: the file, or NULL when out of memory.
 */
struct file *file_alloc(const char *name)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	atomic_set(&f->f_count, 1);
	strscpy(f->f_name, name, sizeof(f->f_name));
	return f;
}

/**
 * fput - drop a reference to @file; the last one releases and frees it
 * @file: the file
 *
 * The last reference calls ->release() (a pipe's end closes there) and
 * drops the dentry, which may free a removed file's inode.
 * Linux: fput() / __fput()
 */
void fput(struct file *file)
{
	if (!atomic_dec_and_test(&file->f_count))
		return;
	if (file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	if (file->f_dentry)
		dput(file->f_dentry);
	kfree(file);
}

/**
 * fd_install_from - put @file (its reference) in current's lowest free slot >= @start
 * @file: the open file; the table takes over the caller's reference
 * @start: the lowest fd wanted (fcntl(F_DUPFD)'s argument)
 * @cloexec: mark the fd close-on-exec (O_CLOEXEC, F_DUPFD_CLOEXEC)
 * Return: the fd, -EMFILE if no slot is free, -EINVAL if @start is past the table.
 * Linux: get_unused_fd_flags() / alloc_fd() + fd_install()
 */
int fd_install_from(struct file *file, unsigned int start, bool cloexec)
{
	struct files_struct *files = current->files;
	int fd = start < NR_OPEN_DEFAULT ? -EMFILE : -EINVAL;

	spin_lock(&files->file_lock);
	for (unsigned int i = start; i < NR_OPEN_DEFAULT; i++) {
		if (!files->fd[i]) {
			files->fd[i] = file;
			if (cloexec)
				files->close_on_exec |= 1UL << i;
			else
				files->close_on_exec &= ~(1UL << i);
			fd = i;
			break;
		}
	}
	spin_unlock(&files->file_lock);
	return fd;
}

/**
 * fd_install_new - put @file (its reference) in current's lowest free slot
 * @file: the open file; the table takes over the caller's reference
 * Return: the fd, or -EMFILE if the table is full.
 * Linux: get_unused_fd_flags() + fd_install()
 */
int fd_install_new(struct file *file)
{
	return fd_install_from(file, 0, false);
}

/**
 * set_close_on_exec - set or clear @fd's close-on-exec bit in current's table
 * @fd: an open descriptor
 * @on: the new value
 * Linux: __set_close_on_exec() / __clear_close_on_exec()
 */
void set_close_on_exec(unsigned int fd, bool on)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	if (on)
		files->close_on_exec |= 1UL << fd;
	else
		files->close_on_exec &= ~(1UL << fd);
	spin_unlock(&files->file_lock);
}

/**
 * get_close_on_exec - is @fd of current close-on-exec?
 * @fd: a descriptor below NR_OPEN_DEFAULT
 * Return: its bit.
 * Linux: get_close_on_exec()
 */
bool get_close_on_exec(unsigned int fd)
{
	return READ_ONCE(current->files->close_on_exec) & (1UL << fd);
}

/**
 * do_close_on_exec - close the descriptors marked close-on-exec
 * @files: the table of a task in execve(), past the point of no return
 * Linux: do_close_on_exec()
 */
void do_close_on_exec(struct files_struct *files)
{
	for (;;) {
		struct file *file = NULL;
		int fd;

		spin_lock(&files->file_lock);
		if (!files->close_on_exec) {
			spin_unlock(&files->file_lock);
			return;
		}
		fd = __builtin_ctzl(files->close_on_exec);
		files->close_on_exec &= ~(1UL << fd);
		swap(file, files->fd[fd]);
		spin_unlock(&files->file_lock);
		if (file)
			fput(file);
	}
}

/**
 * close_fd - close @fd of current
 * @fd: the descriptor
 * Return: 0, or -EBADF if @fd is not open.
 * Linux: close_fd()
 */
int close_fd(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *file = NULL;

	if (fd >= NR_OPEN_DEFAULT)
		return -EBADF;
	spin_lock(&files->file_lock);
	swap(file, files->fd[fd]);
	files->close_on_exec &= ~(1UL << fd);
	spin_unlock(&files->file_lock);
	if (!file)
		return -EBADF;
	fput(file);
	return 0;
}

/**
 * replace_fd - install @file (its reference) at @fd of current
 * @fd: the slot; whatever was open there is closed
 * @file: the file
 * Return: @fd, or -EBADF if @fd is out of range.
 * Linux: replace_fd() / do_dup2()
 */
int replace_fd(unsigned int fd, struct file *file)
{
	struct files_struct *files = current->files;
	struct file *old;

	if (fd >= NR_OPEN_DEFAULT)
		return -EBADF;
	spin_lock(&files->file_lock);
	old = files->fd[fd];
	files->fd[fd] = file;
	files->close_on_exec &= ~(1UL << fd);
	spin_unlock(&files->file_lock);
	if (old)
		fput(old);
	return fd;
}

/**
 * fget - current's file at @fd, with a reference
 * @fd: the descriptor
 * Return: the file (fput() it when done), or NULL if @fd is not open.
 * Linux: fget()
 */
struct file *fget(unsigned int fd)
{
	return fget_task(current, fd);
}

/**
 * fget_task - @task's file at @fd, with a reference
 * @task: whose file table
 * @fd: the descriptor
 * Return: the file (fput() it when done), or NULL if @fd is not open or
 *	@task has no file table (it is exiting).
 * Linux: fget_task()
 */
struct file *fget_task(struct task_struct *task, unsigned int fd)
{
	struct files_struct *files;
	struct file *file = NULL;

	task_lock(task);
	files = task->files;
	if (files && fd < NR_OPEN_DEFAULT) {
		spin_lock(&files->file_lock);
		file = files->fd[fd];
		if (file)
			get_file(file);
		spin_unlock(&files->file_lock);
	}
	task_unlock(task);
	return file;
}

/* A copy of @old: every open file referenced again. Linux: dup_fd() */
static struct files_struct *dup_fd(struct files_struct *old)
{
	struct files_struct *newf = kmalloc(sizeof(*newf), GFP_KERNEL);

	if (!newf)
		return NULL;
	atomic_set(&newf->count, 1);
	spin_lock_init(&newf->file_lock);
	spin_lock(&old->file_lock);
	newf->close_on_exec = old->close_on_exec;
	for (int i = 0; i < NR_OPEN_DEFAULT; i++) {
		newf->fd[i] = old->fd[i];
		if (newf->fd[i])
			get_file(newf->fd[i]);
	}
	spin_unlock(&old->file_lock);
	return newf;
}

static void put_files_struct(struct files_struct *files)
{
	if (!atomic_dec_and_test(&files->count))
		return;
	BUG_ON(files == &init_files);
	for (int i = 0; i < NR_OPEN_DEFAULT; i++)
		if (files->fd[i])
			fput(files->fd[i]);
	kfree(files);
}

/**
 * copy_files - share (CLONE_FILES) or copy the parent's file table
 * @clone_flags: CLONE_* flags
 * @tsk: the new task (its ->files is the parent's until this runs)
 * @no_files: start with no table at all (Linux's io/user workers)
 * Return: 0 or -ENOMEM.
 * Linux: copy_files() in kernel/fork.c
 */
int copy_files(unsigned long clone_flags, struct task_struct *tsk, int no_files)
{
	struct files_struct *oldf = current->files;

	if (no_files || !oldf) {
		tsk->files = NULL;
		return 0;
	}
	if (clone_flags & CLONE_FILES) {
		atomic_inc(&oldf->count);
		return 0;
	}
	tsk->files = dup_fd(oldf);
	return tsk->files ? 0 : -ENOMEM;
}

/**
 * exit_files - drop @tsk's file table
 * @tsk: the exiting task
 * Linux: exit_files()
 */
void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (!files)
		return;
	task_lock(tsk);
	tsk->files = NULL;
	task_unlock(tsk);
	put_files_struct(files);
}

static struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kmalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	fs->users = 1;
	spin_lock_init(&fs->lock);
	spin_lock(&old->lock);
	fs->umask = old->umask;
	fs->pwd = old->pwd ? dget(old->pwd) : NULL;
	spin_unlock(&old->lock);
	return fs;
}

/**
 * current_pwd - current's working directory
 * Return: the dentry, referenced (dput() it); the root's when there is none yet.
 * Linux: get_fs_pwd()
 */
struct dentry *current_pwd(void)
{
	struct fs_struct *fs = current->fs;
	struct dentry *d;

	spin_lock(&fs->lock);
	d = fs->pwd ? dget(fs->pwd) : NULL;
	spin_unlock(&fs->lock);
	return d ? d : dget(root_dentry);
}

/**
 * set_fs_pwd - make @dentry @fs's working directory
 * @fs: the context
 * @dentry: a directory; the context takes over the caller's reference
 * Linux: set_fs_pwd()
 */
void set_fs_pwd(struct fs_struct *fs, struct dentry *dentry)
{
	struct dentry *old;

	spin_lock(&fs->lock);
	old = fs->pwd;
	fs->pwd = dentry;
	spin_unlock(&fs->lock);
	dput(old);
}

/**
 * copy_fs - share (CLONE_FS) or copy the parent's filesystem context
 * @clone_flags: CLONE_FS shares it
 * @tsk: the new task
 * Return: 0 or -ENOMEM.
 * Linux: copy_fs() in kernel/fork.c
 */
int copy_fs(unsigned long clone_flags, struct task_struct *tsk)
{
	struct fs_struct *fs = current->fs;

	if (clone_flags & CLONE_FS) {
		spin_lock(&fs->lock);
		fs->users++;
		spin_unlock(&fs->lock);
		return 0;
	}
	tsk->fs = copy_fs_struct(fs);
	return tsk->fs ? 0 : -ENOMEM;
}

/**
 * exit_fs - drop @tsk's filesystem context
 * @tsk: the exiting task
 * Linux: exit_fs()
 */
void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;
	int kill;

	if (!fs)
		return;
	task_lock(tsk);
	spin_lock(&fs->lock);
	tsk->fs = NULL;
	kill = !--fs->users;
	spin_unlock(&fs->lock);
	task_unlock(tsk);
	if (kill) {
		BUG_ON(fs == &init_fs);
		dput(fs->pwd);
		kfree(fs);
	}
}
