// SPDX-License-Identifier: GPL-2.0
/*
 * statfs(2) and fstatfs(2): what a file system says about itself (df,
 * stat -f). Every Spindle file system lives in memory with no fixed
 * size, so each answers as Linux's ramfs does: its magic number, the
 * page as block size, and no block counts.
 * Linux: fs/statfs.c (+ simple_statfs() in fs/libfs.c)
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include "internal.h"

/* x86-64's struct statfs. Linux: include/uapi/asm-generic/statfs.h */
struct statfs {
	long f_type;
	long f_bsize;
	long f_blocks;
	long f_bfree;
	long f_bavail;
	long f_files;
	long f_ffree;
	int f_fsid[2];
	long f_namelen;
	long f_frsize;
	long f_flags;
	long f_spare[4];
};

/*
 * Fill @buf for the file system @inode is on. No file system of Spindle
 * has a size to report, as Linux's ramfs has not (df shows zeros).
 * Linux: simple_statfs() + do_statfs_native()
 */
static int do_statfs_native(struct inode *inode, struct statfs __user *buf)
{
	struct super_block *sb = inode->i_sb;
	struct statfs st;

	memset(&st, 0, sizeof(st));
	st.f_type = sb ? sb->s_magic : 0;
	st.f_bsize = PAGE_SIZE;
	st.f_frsize = PAGE_SIZE;
	st.f_namelen = NAME_MAX;
	return copy_to_user(buf, &st, sizeof(st)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(statfs, const char __user *, pathname, struct statfs __user *, buf)
{
	struct dentry *d;
	int err;

	d = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, &err);
	if (!d)
		return err;
	err = do_statfs_native(d->d_inode, buf);
	dput(d);
	return err;
}

SYSCALL_DEFINE2(fstatfs, unsigned int, fd, struct statfs __user *, buf)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = f->f_inode ? do_statfs_native(f->f_inode, buf) : -EBADF;
	fput(f);
	return err;
}
