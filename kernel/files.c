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
	.pwd = "/",
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
 * fput - drop a reference to @file; the last one frees it
 * @file: the file
 * Linux: fput()
 */
void fput(struct file *file)
{
	if (atomic_dec_and_test(&file->f_count))
		kfree(file);
}

/**
 * fd_install_new - put @file (its reference) in current's lowest free slot
 * @file: the open file; the table takes over the caller's reference
 * Return: the fd, or -EMFILE if the table is full.
 * Linux: get_unused_fd_flags() + fd_install()
 */
int fd_install_new(struct file *file)
{
	struct files_struct *files = current->files;
	int fd = -EMFILE;

	spin_lock(&files->file_lock);
	for (int i = 0; i < NR_OPEN_DEFAULT; i++) {
		if (!files->fd[i]) {
			files->fd[i] = file;
			fd = i;
			break;
		}
	}
	spin_unlock(&files->file_lock);
	return fd;
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
	memcpy(fs->pwd, old->pwd, sizeof(fs->pwd));
	spin_unlock(&old->lock);
	return fs;
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
		kfree(fs);
	}
}
