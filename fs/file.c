// SPDX-License-Identifier: GPL-2.0
/*
 * close(2), dup(2), dup2(2) on the file table of kernel/files.c.
 * Linux: fs/file.c, fs/open.c (close)
 */
#include <linux/fdtable.h>
#include <linux/kernel.h>
#include <linux/syscalls.h>

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return close_fd(fd);
}

SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	struct file *file = fget(fildes);
	int fd;

	if (!file)
		return -EBADF;
	fd = fd_install_new(file);
	if (fd < 0)
		fput(file);
	return fd;
}

SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	struct file *file = fget(oldfd);

	if (!file)
		return -EBADF;
	if (oldfd == newfd) {
		fput(file);
		return newfd;
	}
	if (newfd >= NR_OPEN_DEFAULT) {
		fput(file);
		return -EBADF;
	}
	return replace_fd(newfd, file);
}
