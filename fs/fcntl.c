// SPDX-License-Identifier: GPL-2.0
/*
 * fcntl(2): duplicating a descriptor above a floor (the shell keeps its
 * own copies at 10 and up), the close-on-exec flag, and the status
 * flags O_APPEND and O_NONBLOCK. No locks, no signals on I/O.
 * Linux: fs/fcntl.c
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/syscalls.h>

#define F_DUPFD		0
#define F_GETFD		1
#define F_SETFD		2
#define F_GETFL		3
#define F_SETFL		4
#define F_GETLK		5
#define F_SETLK		6
#define F_SETLKW	7
#define F_DUPFD_CLOEXEC	1030
#define FD_CLOEXEC	1

#define SETFL_MASK	(O_APPEND | O_NONBLOCK)

/* Linux: do_fcntl() */
static long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg, struct file *filp)
{
	long err;

	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg >= NR_OPEN_DEFAULT)
			return -EINVAL;
		err = fd_install_from(get_file(filp), arg, cmd == F_DUPFD_CLOEXEC);
		if (err < 0)
			fput(filp);
		return err;
	case F_GETFD:
		return get_close_on_exec(fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return filp->f_flags | (filp->f_mode & FMODE_WRITE ?
					(filp->f_mode & FMODE_READ ? O_RDWR : O_WRONLY) : O_RDONLY);
	case F_SETFL:
		filp->f_flags = (filp->f_flags & ~SETFL_MASK) | (arg & SETFL_MASK);
		return 0;
	case F_GETLK:
	case F_SETLK:
	case F_SETLKW:
		return -ENOLCK;	/* no record locks */
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	err = do_fcntl(fd, cmd, arg, f);
	fput(f);
	return err;
}
