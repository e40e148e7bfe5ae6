// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl(2): the file's unlocked_ioctl, or -ENOTTY.
 * Linux: fs/ioctl.c
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/syscalls.h>

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *f = fget(fd);
	long ret = -ENOTTY;

	if (!f)
		return -EBADF;
	if (f->f_op && f->f_op->unlocked_ioctl)
		ret = f->f_op->unlocked_ioctl(f, cmd, arg);
	fput(f);
	return ret;
}
