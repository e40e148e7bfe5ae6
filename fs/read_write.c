// SPDX-License-Identifier: GPL-2.0
/*
 * read(2), write(2), their vector and positioned forms, and lseek(2):
 * find the file of the descriptor, check it was opened for that, and
 * call its file_operations.
 * Linux: fs/read_write.c
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/syscalls.h>

#define MAX_RW_COUNT	(0x7fffffffL & PAGE_MASK)
#define UIO_MAXIOV	1024

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

static ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (!file->f_op || !file->f_op->read)
		return S_ISDIR(file->f_inode->i_mode) ? -EISDIR : -EINVAL;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	if (!access_ok(buf, count))
		return -EFAULT;
	return file->f_op->read(file, buf, count, pos);
}

static ssize_t vfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op || !file->f_op->write)
		return -EINVAL;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	if (!access_ok(buf, count))
		return -EFAULT;
	return file->f_op->write(file, buf, count, pos);
}

/**
 * kernel_read - read from a regular file into a kernel buffer
 * @file: an open regular file of ramfs
 * @buf: kernel buffer
 * @count: bytes
 * @pos: file position, advanced
 * Return: bytes read, or a negative errno.
 * Linux: kernel_read()
 */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct inode *inode = file->f_inode;

	if (!inode || !S_ISREG(inode->i_mode))
		return -EINVAL;
	inode_lock(inode);
	if (*pos >= inode->i_size) {
		count = 0;
	} else {
		if ((loff_t)count > inode->i_size - *pos)
			count = inode->i_size - *pos;
		memcpy(buf, (char *)inode->i_data + *pos, count);
		*pos += count;
	}
	inode_unlock(inode);
	return count;
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
