// SPDX-License-Identifier: GPL-2.0
/*
 * read(2), write(2), their vector and positioned forms, lseek(2) and
 * sendfile(2): find the file of the descriptor, check it was opened for
 * that, and call its file_operations (->read or ->read_iter for a read,
 * ->write_iter over the user's buffer for a write).
 * Linux: fs/read_write.c
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uio.h>

#define MAX_RW_COUNT	(0x7fffffffL & PAGE_MASK)
#define UIO_MAXIOV	1024

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

static ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	struct iov_iter iter;

	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (!file->f_op || (!file->f_op->read && !file->f_op->read_iter))
		return S_ISDIR(file->f_inode->i_mode) ? -EISDIR : -EINVAL;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	if (!access_ok(buf, count))
		return -EFAULT;
	if (file->f_op->read)
		return file->f_op->read(file, buf, count, pos);
	iov_iter_ubuf(&iter, buf, count);
	return file->f_op->read_iter(file, &iter, pos);
}

static ssize_t vfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	struct iov_iter iter;

	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op || !file->f_op->write_iter)
		return -EINVAL;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	if (!access_ok(buf, count))
		return -EFAULT;
	iov_iter_ubuf(&iter, (void __user *)buf, count);
	return file->f_op->write_iter(file, &iter, pos);
}

/**
 * kernel_read - read from a file into a kernel buffer
 * @file: an open file whose bytes can be read into kernel memory
 *	(->read_iter: a regular file of ramfs or tmpfs)
 * @buf: kernel buffer
 * @count: bytes
 * @pos: file position, advanced
 * Return: bytes read, -EINVAL for a file without ->read_iter (proc's,
 * a tty's), or another negative errno.
 * Linux: kernel_read()
 */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct iov_iter iter;

	if (!file->f_op || !file->f_op->read_iter)
		return -EINVAL;
	iov_iter_kvec(&iter, buf, count);
	return file->f_op->read_iter(file, &iter, pos);
}

/* Only files with a position can be read at one. Linux: FMODE_PREAD */
static bool has_position(struct file *f)
{
	return f->f_op && f->f_op->llseek;
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	struct file *f = fget(fd);
	ssize_t ret;

	if (!f)
		return -EBADF;
	ret = vfs_read(f, buf, count, &f->f_pos);
	fput(f);
	return ret;
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
{
	struct file *f = fget(fd);
	ssize_t ret;

	if (!f)
		return -EBADF;
	ret = vfs_write(f, buf, count, &f->f_pos);
	fput(f);
	return ret;
}

/*
 * What pread64() and pwrite64() refuse: a negative offset, and a file
 * with no position to read at (a pipe, a tty). Linux: ksys_pread64()
 */
static ssize_t positioned_io_check(struct file *f, loff_t pos)
{
	if (pos < 0)
		return -EINVAL;
	return has_position(f) ? 0 : -ESPIPE;
}

SYSCALL_DEFINE4(pread64, unsigned int, fd, char __user *, buf, size_t, count, loff_t, pos)
{
	struct file *f = fget(fd);
	ssize_t ret;

	if (!f)
		return -EBADF;
	ret = positioned_io_check(f, pos);
	if (!ret)
		ret = vfs_read(f, buf, count, &pos);
	fput(f);
	return ret;
}

SYSCALL_DEFINE4(pwrite64, unsigned int, fd, const char __user *, buf, size_t, count, loff_t, pos)
{
	struct file *f = fget(fd);
	ssize_t ret;

	if (!f)
		return -EBADF;
	ret = positioned_io_check(f, pos);
	if (!ret)
		ret = vfs_write(f, buf, count, &pos);
	fput(f);
	return ret;
}

SYSCALL_DEFINE3(lseek, unsigned int, fd, loff_t, offset, unsigned int, whence)
{
	struct file *f = fget(fd);
	loff_t ret;

	if (!f)
		return -EBADF;
	ret = has_position(f) ? f->f_op->llseek(f, offset, whence) : -ESPIPE;
	fput(f);
	return ret;
}

/*
 * Each iovec in turn; a short transfer ends it, as Linux's
 * do_loop_readv_writev(). Linux: do_readv() / do_writev()
 */
static ssize_t do_loop_readv_writev(unsigned long fd, const struct iovec __user *vec,
				    unsigned long vlen, bool write)
{
	struct file *f;
	ssize_t total = 0;

	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	for (unsigned long i = 0; i < vlen; i++) {
		struct iovec iov;
		ssize_t n;

		if (copy_from_user(&iov, &vec[i], sizeof(iov))) {
			total = total ? total : -EFAULT;
			break;
		}
		if (!iov.iov_len)
			continue;
		n = write ? vfs_write(f, iov.iov_base, iov.iov_len, &f->f_pos)
			  : vfs_read(f, iov.iov_base, iov.iov_len, &f->f_pos);
		if (n < 0) {
			total = total ? total : n;
			break;
		}
		total += n;
		if ((size_t)n < iov.iov_len)
			break;
	}
	fput(f);
	return total;
}

SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec, unsigned long, vlen)
{
	return do_loop_readv_writev(fd, vec, vlen, false);
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_loop_readv_writev(fd, vec, vlen, true);
}

/*
 * The copy of sendfile(): @count bytes at most from @in at *@ppos to
 * @out, through a kernel buffer a page at a time: read with ->read_iter
 * (so @in must keep its bytes where the kernel can copy them: a regular
 * file of ramfs or tmpfs, as Linux's @in needs ->splice_read), written
 * with ->write_iter from that buffer. A short write ends it, and *@ppos
 * counts only what was written. Stops early for a signal once something
 * was sent, as a write would.
 * Return: the bytes sent, or a negative errno if none were.
 * Linux: do_sendfile() -> do_splice_direct() (through a pipe there)
 */
static ssize_t do_sendfile_copy(struct file *out, struct file *in, loff_t *ppos, size_t count)
{
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	struct iov_iter iter;
	ssize_t done = 0, ret = 0;

	if (!buf)
		return -ENOMEM;
	while ((size_t)done < count) {
		loff_t pos = *ppos;
		ssize_t n = kernel_read(in, buf, min_t(size_t, count - done, PAGE_SIZE), &pos);

		if (n <= 0) {
			ret = n;
			break;
		}
		iov_iter_kvec(&iter, buf, n);
		ret = out->f_op->write_iter(out, &iter, &out->f_pos);
		if (ret <= 0)
			break;
		*ppos += ret;
		done += ret;
		if (ret < n || signal_pending(current))
			break;
	}
	kfree(buf);
	return done ? done : ret;
}

/*
 * sendfile(2) (sendfile64 in Linux's table): busybox's cat, cp and tar
 * copy with it. @offset NULL: from @in's own position, which advances;
 * else from *@offset, updated, and @in's position is left alone.
 * Return: bytes sent; -EBADF for fds not open for reading and writing;
 * -EINVAL for an @in whose bytes the kernel cannot read into its own
 * buffer (a pipe, a tty, proc: the caller then reads and writes itself,
 * as busybox and coreutils do), an @out opened O_APPEND or without
 * ->write_iter, or a negative offset; -ESPIPE for an @offset on a file
 * without a position.
 * Linux: SYSCALL_DEFINE4(sendfile64) / do_sendfile() in fs/read_write.c
 */
SYSCALL_DEFINE4(sendfile64, int, out_fd, int, in_fd, loff_t __user *, offset, size_t, count)
{
	struct file *in = fget(in_fd), *out = NULL;
	loff_t pos;
	ssize_t ret = -EBADF;

	if (!in || !(in->f_mode & FMODE_READ))
		goto out;
	out = fget(out_fd);
	if (!out || !(out->f_mode & FMODE_WRITE))
		goto out;
	ret = -EINVAL;
	if (!in->f_op || !in->f_op->read_iter || !out->f_op || !out->f_op->write_iter ||
	    (out->f_flags & O_APPEND))
		goto out;
	if (offset) {
		ret = -EFAULT;
		if (get_user(pos, offset))
			goto out;
		ret = positioned_io_check(in, pos);
		if (ret)
			goto out;
	} else {
		pos = in->f_pos;
	}
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	ret = count ? do_sendfile_copy(out, in, &pos, count) : 0;
	if (offset) {
		if (put_user(pos, offset))
			ret = -EFAULT;
	} else {
		in->f_pos = pos;
	}
out:
	if (out)
		fput(out);
	if (in)
		fput(in);
	return ret;
}
