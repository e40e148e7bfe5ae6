// SPDX-License-Identifier: GPL-2.0
/*
 * utimensat(2): set a file's access and modification times (touch).
 * Spindle keeps seconds only; the nanoseconds are checked, then dropped.
 * Linux: fs/utimes.c
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include "internal.h"

#define UTIME_NOW	((1L << 30) - 1L)
#define UTIME_OMIT	((1L << 30) - 2L)

/* A time utimensat() may be given: nanoseconds in range, or one of the two specials. */
static bool nsec_valid(long nsec)
{
	if (nsec == UTIME_OMIT || nsec == UTIME_NOW)
		return true;
	return nsec >= 0 && nsec <= 999999999;
}

/*
 * Set @inode's atime and mtime from @times (NULL: both now); ctime to now
 * if either changes.
 * Linux: vfs_utimes()
 */
static int vfs_utimes(struct inode *inode, struct __kernel_timespec *times)
{
	long long now = current_time_sec();

	if (times && times[0].tv_nsec == UTIME_OMIT && times[1].tv_nsec == UTIME_OMIT)
		return 0;
	if (!times || times[0].tv_nsec != UTIME_OMIT)
		inode->i_atime = !times || times[0].tv_nsec == UTIME_NOW ? now : times[0].tv_sec;
	if (!times || times[1].tv_nsec != UTIME_OMIT)
		inode->i_mtime = !times || times[1].tv_nsec == UTIME_NOW ? now : times[1].tv_sec;
	inode->i_ctime = now;
	return 0;
}

/*
 * A NULL @filename means the open file @dfd itself (futimens() in
 * glibc), a Linux extension kept for it.
 * Linux: do_utimes() (do_utimes_path() + do_utimes_fd())
 */
static long do_utimes(int dfd, const char __user *filename, struct __kernel_timespec *times,
		      int flags)
{
	struct dentry *d;
	struct file *f;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (!filename) {
		if (flags & AT_SYMLINK_NOFOLLOW)
			return -EINVAL;
		f = fget(dfd);
		if (!f)
			return -EBADF;
		err = f->f_inode ? vfs_utimes(f->f_inode, times) : -EBADF;
		fput(f);
		return err;
	}
	d = user_path_at(dfd, filename, (flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW) |
			 (flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0), &err);
	if (!d)
		return err;
	err = vfs_utimes(d->d_inode, times);
	dput(d);
	return err;
}

SYSCALL_DEFINE4(utimensat, int, dfd, const char __user *, filename,
		struct __kernel_timespec __user *, utimes, int, flags)
{
	struct __kernel_timespec tstimes[2];

	if (utimes) {
		if (copy_from_user(tstimes, utimes, sizeof(tstimes)))
			return -EFAULT;
		if (!nsec_valid(tstimes[0].tv_nsec) || !nsec_valid(tstimes[1].tv_nsec))
			return -EINVAL;
	}
	return do_utimes(dfd, filename, utimes ? tstimes : NULL, flags);
}
