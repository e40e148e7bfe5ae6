// SPDX-License-Identifier: GPL-2.0
/*
 * stat(2) and its relatives (fstat, lstat, newfstatat, statx), and
 * readlink(2): what an inode says about itself. Everything belongs to
 * root; a block is 512 bytes, as st_blocks counts them.
 * Linux: fs/stat.c
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include "internal.h"

/* x86-64's struct stat. Linux: arch/x86/include/uapi/asm/stat.h */
struct stat {
	unsigned long st_dev;
	unsigned long st_ino;
	unsigned long st_nlink;
	unsigned int st_mode;
	unsigned int st_uid;
	unsigned int st_gid;
	unsigned int __pad0;
	unsigned long st_rdev;
	long st_size;
	long st_blksize;
	long st_blocks;
	unsigned long st_atime, st_atime_nsec;
	unsigned long st_mtime, st_mtime_nsec;
	unsigned long st_ctime, st_ctime_nsec;
	long __unused[3];
};

struct statx_timestamp {
	s64 tv_sec;
	u32 tv_nsec;
	s32 __reserved;
};

/* Linux: include/uapi/linux/stat.h */
struct statx {
	u32 stx_mask;
	u32 stx_blksize;
	u64 stx_attributes;
	u32 stx_nlink;
	u32 stx_uid;
	u32 stx_gid;
	u16 stx_mode;
	u16 __spare0[1];
	u64 stx_ino;
	u64 stx_size;
	u64 stx_blocks;
	u64 stx_attributes_mask;
	struct statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	u32 stx_rdev_major;
	u32 stx_rdev_minor;
	u32 stx_dev_major;
	u32 stx_dev_minor;
	u64 stx_mnt_id;
	u32 stx_dio_mem_align;
	u32 stx_dio_offset_align;
	u64 __spare3[12];
};

#define STATX_BASIC_STATS	0x000007ffU

/* The user's dev_t: 12 bits of major, 20 of minor. Linux: new_encode_dev() */
static unsigned long new_encode_dev(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

static dev_t inode_dev(struct inode *inode)
{
	return inode->i_sb ? inode->i_sb->s_dev : 0;
}

/* Linux: cp_new_stat() */
static int cp_new_stat(struct inode *inode, void __user *statbuf)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_dev = new_encode_dev(inode_dev(inode));
	st.st_ino = inode->i_ino;
	st.st_nlink = inode->i_nlink;
	st.st_mode = inode->i_mode;
	st.st_rdev = new_encode_dev(inode->i_rdev);
	st.st_size = inode->i_size;
	st.st_blksize = PAGE_SIZE;
	st.st_blocks = (inode->i_alloc + 511) / 512;
	st.st_atime = inode->i_atime;
	st.st_mtime = inode->i_mtime;
	st.st_ctime = inode->i_ctime;
	return copy_to_user(statbuf, &st, sizeof(st)) ? -EFAULT : 0;
}

/* Linux: cp_statx() */
static int cp_statx(struct inode *inode, void __user *buffer)
{
	struct statx tmp;

	memset(&tmp, 0, sizeof(tmp));
	tmp.stx_mask = STATX_BASIC_STATS;
	tmp.stx_blksize = PAGE_SIZE;
	tmp.stx_nlink = inode->i_nlink;
	tmp.stx_mode = inode->i_mode;
	tmp.stx_ino = inode->i_ino;
	tmp.stx_size = inode->i_size;
	tmp.stx_blocks = (inode->i_alloc + 511) / 512;
	tmp.stx_atime.tv_sec = inode->i_atime;
	tmp.stx_ctime.tv_sec = inode->i_ctime;
	tmp.stx_mtime.tv_sec = inode->i_mtime;
	tmp.stx_rdev_major = MAJOR(inode->i_rdev);
	tmp.stx_rdev_minor = MINOR(inode->i_rdev);
	tmp.stx_dev_major = MAJOR(inode_dev(inode));
	tmp.stx_dev_minor = MINOR(inode_dev(inode));
	return copy_to_user(buffer, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

/* What stat(2) and statx(2) copy out: cp_new_stat() or cp_statx(). */
typedef int (*stat_copy_t)(struct inode *inode, void __user *buf);

/* Linux: vfs_fstat() */
static long vfs_fstat(int fd, stat_copy_t cp, void __user *buf)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	err = f->f_inode ? cp(f->f_inode, buf) : -EBADF;
	fput(f);
	return err;
}

/*
 * True if @path is "" (or NULL) and @dfd a descriptor: with AT_EMPTY_PATH
 * the call is about the open file itself, which may be a pipe or a tty
 * with no name to walk (glibc 2.33+ makes fstat() fstatat(fd, "",
 * AT_EMPTY_PATH)). A bad pointer is not empty: the walk reports it.
 * Linux: vfs_empty_path()
 */
static bool vfs_empty_path(int dfd, const char __user *path)
{
	char c;

	if (dfd < 0)
		return false;
	if (!path)
		return true;
	if (get_user(c, path))
		return false;
	return !c;
}

/*
 * Copy out by @cp what the inode @dfd and @filename name says: the open
 * file for AT_EMPTY_PATH and "", else the path walked (the symlink
 * itself with AT_SYMLINK_NOFOLLOW).
 * Linux: vfs_statx() / vfs_fstatat()
 */
static long vfs_statx(int dfd, const char __user *filename, int flags, stat_copy_t cp,
		      void __user *buf)
{
	struct dentry *d;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | 0x800 /* AT_NO_AUTOMOUNT */ |
		      0x6000 /* AT_STATX_SYNC_TYPE */))
		return -EINVAL;
	if ((flags & AT_EMPTY_PATH) && vfs_empty_path(dfd, filename))
		return vfs_fstat(dfd, cp, buf);
	d = user_path_at(dfd, filename, (flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW) |
			 (flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0), &err);
	if (!d)
		return err;
	err = cp(d->d_inode, buf);
	dput(d);
	return err;
}

SYSCALL_DEFINE2(newstat, const char __user *, filename, struct stat __user *, statbuf)
{
	return vfs_statx(AT_FDCWD, filename, 0, cp_new_stat, statbuf);
}

SYSCALL_DEFINE2(newlstat, const char __user *, filename, struct stat __user *, statbuf)
{
	return vfs_statx(AT_FDCWD, filename, AT_SYMLINK_NOFOLLOW, cp_new_stat, statbuf);
}

SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename,
		struct stat __user *, statbuf, int, flag)
{
	return vfs_statx(dfd, filename, flag, cp_new_stat, statbuf);
}

SYSCALL_DEFINE2(newfstat, unsigned int, fd, struct stat __user *, statbuf)
{
	return vfs_fstat(fd, cp_new_stat, statbuf);
}

SYSCALL_DEFINE5(statx, int, dfd, const char __user *, filename, unsigned int, flags,
		unsigned int, mask, struct statx __user *, buffer)
{
	return vfs_statx(dfd, filename, flags, cp_statx, buffer);
}

SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, pathname, char __user *, buf,
		int, bufsiz)
{
	struct dentry *d;
	int err;

	if (bufsiz <= 0)
		return -EINVAL;
	d = user_path_at(dfd, pathname, LOOKUP_EMPTY, &err);
	if (!d)
		return err;
	err = vfs_readlink(d, buf, bufsiz);
	dput(d);
	return err;
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf, int, bufsiz)
{
	return __do_sys_readlinkat(AT_FDCWD, path, buf, bufsiz);
}
