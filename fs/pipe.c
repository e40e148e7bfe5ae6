// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes: a ring of PIPE_SIZE bytes between a reading and a writing
 * file. A reader sleeps while the ring is empty and a writer exists; a
 * writer sleeps while it is full and a reader exists. A write of at most
 * PIPE_BUF bytes goes in whole or not at all (it waits for the room), so
 * the lines of writers sharing a pipe never mix; a longer one may be
 * split. With no reader left a write gets -EPIPE and the writer SIGPIPE.
 * Locking: pipe->mutex guards the ring, its counts and readers/writers;
 * sleepers wait on rd_wait/wr_wait without it.
 * Linux: fs/pipe.c
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uio.h>
#include <linux/vmalloc.h>
#include <linux/wait.h>

#define PIPE_BUF	4096			/* atomic writes up to this (POSIX) */
#define PIPE_SIZE	(4 * PIPE_BUF)		/* the ring */
#define PIPEFS_MAGIC	0x50495045

struct pipe_inode_info {
	/* Guards buf's head and tail, readers and writers. */
	struct mutex mutex;
	wait_queue_head_t rd_wait, wr_wait;
	unsigned int head, tail;		/* bytes written, bytes read (wrap freely) */
	unsigned int readers, writers;		/* open ends */
	char *buf;
};

static struct super_block pipefs_sb = {
	.s_type = "pipefs",
	.s_magic = PIPEFS_MAGIC,
	.s_dev = MKDEV(0, 12),
};

static unsigned int pipe_used(struct pipe_inode_info *pipe)
{
	return pipe->head - pipe->tail;
}

/* Is there something to read, or no writer left to wait for? */
static bool pipe_readable(struct pipe_inode_info *pipe)
{
	return READ_ONCE(pipe->head) != READ_ONCE(pipe->tail) || !READ_ONCE(pipe->writers);
}

/* Room for @want bytes, or no reader left? */
static bool pipe_writable(struct pipe_inode_info *pipe, unsigned int want)
{
	return PIPE_SIZE - (READ_ONCE(pipe->head) - READ_ONCE(pipe->tail)) >= want ||
	       !READ_ONCE(pipe->readers);
}

/* Linux: pipe_read() */
static ssize_t pipe_read(struct file *filp, char __user *buf, size_t total_len, loff_t *ppos)
{
	struct pipe_inode_info *pipe = filp->private_data;
	size_t done = 0;

	if (!total_len)
		return 0;
	mutex_lock(&pipe->mutex);
	while (!pipe_used(pipe)) {
		mutex_unlock(&pipe->mutex);
		if (!READ_ONCE(pipe->writers))
			return 0;	/* end of file */
		if (filp->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible(pipe->rd_wait, pipe_readable(pipe)))
			return -ERESTARTSYS;
		mutex_lock(&pipe->mutex);
	}
	while (done < total_len && pipe_used(pipe)) {
		unsigned int off = pipe->tail % PIPE_SIZE;
		size_t n = min3(total_len - done, (size_t)pipe_used(pipe), (size_t)(PIPE_SIZE - off));

		if (copy_to_user(buf + done, pipe->buf + off, n)) {
			if (!done)
				done = -EFAULT;
			break;
		}
		pipe->tail += n;
		done += n;
	}
	mutex_unlock(&pipe->mutex);
	wake_up_interruptible_all(&pipe->wr_wait);
	return done;
}

/* Linux: pipe_write() */
static ssize_t pipe_write_iter(struct file *filp, struct iov_iter *from, loff_t *ppos)
{
	struct pipe_inode_info *pipe = filp->private_data;
	size_t total_len = iov_iter_count(from), done = 0;

	if (!total_len)
		return 0;
	mutex_lock(&pipe->mutex);
	while (done < total_len) {
		size_t left = total_len - done;
		/* Up to PIPE_BUF: all the room at once. Beyond: what there is. */
		unsigned int want = left <= PIPE_BUF ? left : 1;
		unsigned int off;
		size_t n;

		if (!pipe->readers) {
			mutex_unlock(&pipe->mutex);
			send_sig(SIGPIPE, current, 0);
			return done ? (ssize_t)done : -EPIPE;
		}
		if (PIPE_SIZE - pipe_used(pipe) < want) {
			mutex_unlock(&pipe->mutex);
			wake_up_interruptible_all(&pipe->rd_wait);
			if (filp->f_flags & O_NONBLOCK)
				return done ? (ssize_t)done : -EAGAIN;
			if (wait_event_interruptible(pipe->wr_wait, pipe_writable(pipe, want)))
				return done ? (ssize_t)done : -ERESTARTSYS;
			mutex_lock(&pipe->mutex);
			continue;
		}
		off = pipe->head % PIPE_SIZE;
		n = min3(left, (size_t)(PIPE_SIZE - pipe_used(pipe)), (size_t)(PIPE_SIZE - off));
		if (copy_from_iter(pipe->buf + off, n, from) != n) {
			mutex_unlock(&pipe->mutex);
			return done ? (ssize_t)done : -EFAULT;
		}
		pipe->head += n;
		done += n;
	}
	mutex_unlock(&pipe->mutex);
	wake_up_interruptible_all(&pipe->rd_wait);
	return done;
}

/* Linux: pipe_poll() */
static unsigned int pipe_poll(struct file *filp)
{
	struct pipe_inode_info *pipe = filp->private_data;
	unsigned int mask = 0;

	mutex_lock(&pipe->mutex);
	if (filp->f_mode & FMODE_READ) {
		if (pipe_used(pipe))
			mask |= POLLIN | POLLRDNORM;
		if (!pipe->writers)
			mask |= POLLHUP;
	}
	if (filp->f_mode & FMODE_WRITE) {
		if (PIPE_SIZE - pipe_used(pipe) >= PIPE_BUF)
			mask |= POLLOUT | POLLWRNORM;
		if (!pipe->readers)
			mask |= POLLERR;
	}
	mutex_unlock(&pipe->mutex);
	return mask;
}

/*
 * One end closes; the last frees the ring. The sleepers on the other end
 * are woken before the mutex is let go: once it is, that end may close
 * too and free the pipe under us. Linux: pipe_release()
 */
static int pipe_release(struct inode *inode, struct file *filp)
{
	struct pipe_inode_info *pipe = filp->private_data;
	bool free;

	mutex_lock(&pipe->mutex);
	if (filp->f_mode & FMODE_READ)
		pipe->readers--;
	if (filp->f_mode & FMODE_WRITE)
		pipe->writers--;
	free = !pipe->readers && !pipe->writers;
	if (!free) {
		wake_up_interruptible_all(&pipe->rd_wait);
		wake_up_interruptible_all(&pipe->wr_wait);
	}
	mutex_unlock(&pipe->mutex);
	if (free) {
		vfree(pipe->buf);
		kfree(pipe);
		if (inode)
			inode->i_private = NULL;
	}
	return 0;
}

const struct file_operations pipefifo_fops = {
	.read = pipe_read,
	.write_iter = pipe_write_iter,
	.poll = pipe_poll,
	.release = pipe_release,
};

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	pipe->buf = vmalloc(PIPE_SIZE);
	if (!pipe->buf) {
		kfree(pipe);
		return NULL;
	}
	mutex_init(&pipe->mutex);
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	pipe->readers = pipe->writers = 1;
	return pipe;
}

/* One end of @pipe, on the shared @dentry (a new reference). */
static struct file *pipe_file(struct dentry *dentry, struct pipe_inode_info *pipe,
			      unsigned int mode, int flags)
{
	struct file *f = file_alloc("pipe");

	if (!f)
		return NULL;
	f->f_dentry = dget(dentry);
	f->f_inode = dentry->d_inode;
	f->f_op = &pipefifo_fops;
	f->f_mode = mode;
	f->f_flags = flags & O_NONBLOCK;
	f->private_data = pipe;
	return f;
}

/* Linux: create_pipe_files() + do_pipe2() */
static int do_pipe2(int __user *fildes, int flags)
{
	struct pipe_inode_info *pipe;
	struct inode *inode;
	struct dentry *dentry;
	struct file *files[2] = { NULL, NULL };
	int fd[2] = { -1, -1 }, err = -ENOMEM;
	char name[32];

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	pipe = alloc_pipe_info();
	if (!pipe)
		return -ENOMEM;
	inode = new_inode(&pipefs_sb);
	if (!inode) {
		vfree(pipe->buf);
		kfree(pipe);
		return -ENOMEM;
	}
	inode->i_mode = S_IFIFO | 0600;
	inode->i_fop = &pipefifo_fops;
	inode->i_private = pipe;
	snprintf(name, sizeof(name), "pipe:[%lu]", inode->i_ino);
	dentry = d_alloc(NULL, name, strlen(name));
	if (!dentry) {
		iput(inode);
		vfree(pipe->buf);
		kfree(pipe);
		return -ENOMEM;
	}
	d_instantiate(dentry, inode);
	files[0] = pipe_file(dentry, pipe, FMODE_READ, flags);
	files[1] = files[0] ? pipe_file(dentry, pipe, FMODE_WRITE, flags) : NULL;
	dput(dentry);		/* the files hold it now */
	if (!files[0]) {
		vfree(pipe->buf);
		kfree(pipe);
		return -ENOMEM;
	}
	if (!files[1]) {
		pipe->writers--;	/* the write end never opened */
		fput(files[0]);		/* its release frees the pipe */
		return -ENOMEM;
	}
	fd[0] = fd_install_from(files[0], 0, flags & O_CLOEXEC);
	if (fd[0] < 0) {
		err = fd[0];
		goto fail;
	}
	fd[1] = fd_install_from(files[1], 0, flags & O_CLOEXEC);
	if (fd[1] < 0) {
		err = fd[1];
		close_fd(fd[0]);
		fput(files[1]);
		return err;
	}
	if (copy_to_user(fildes, fd, sizeof(fd))) {
		close_fd(fd[0]);
		close_fd(fd[1]);
		return -EFAULT;
	}
	return 0;
fail:
	fput(files[0]);
	fput(files[1]);
	return err;
}

SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	return do_pipe2(fildes, flags);
}

SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
	return do_pipe2(fildes, 0);
}
