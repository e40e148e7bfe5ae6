// SPDX-License-Identifier: GPL-2.0
/*
 * getdents64(2): a directory's entries, as many linux_dirent64 records
 * as fit in the user's buffer, from the file's position on. The file
 * system's ->iterate_shared() walks; filldir64() writes each record.
 * Linux: fs/readdir.c
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include "internal.h"

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

struct getdents_callback64 {
	struct dir_context ctx;
	struct linux_dirent64 __user *current_dir;
	int count;		/* room left */
	int error;
};

/* One record, or false when it does not fit. Linux: filldir64() */
static bool filldir64(struct dir_context *ctx, const char *name, int namlen, loff_t offset,
		      u64 ino, unsigned int d_type)
{
	struct getdents_callback64 *buf = container_of(ctx, struct getdents_callback64, ctx);
	struct linux_dirent64 __user *dirent = buf->current_dir;
	int reclen = ALIGN(offsetof(struct linux_dirent64, d_name) + namlen + 1, sizeof(u64));
	struct linux_dirent64 head = {
		.d_ino = ino, .d_off = offset + 1, .d_reclen = reclen, .d_type = d_type,
	};

	if (reclen > buf->count) {
		buf->error = -EINVAL;	/* too small for even one: said only if none fit */
		return false;
	}
	if (copy_to_user(dirent, &head, offsetof(struct linux_dirent64, d_name)) ||
	    copy_to_user(dirent->d_name, name, namlen) ||
	    put_user(0, dirent->d_name + namlen)) {
		buf->error = -EFAULT;
		return false;
	}
	buf->current_dir = (void __user *)dirent + reclen;
	buf->count -= reclen;
	return true;
}

SYSCALL_DEFINE3(getdents64, unsigned int, fd, struct linux_dirent64 __user *, dirent,
		unsigned int, count)
{
	struct getdents_callback64 buf = {
		.ctx.actor = filldir64, .current_dir = dirent, .count = count,
	};
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	if (!f->f_inode || !S_ISDIR(f->f_inode->i_mode) || !f->f_op->iterate_shared) {
		fput(f);
		return -ENOTDIR;
	}
	if (!access_ok(dirent, count)) {
		fput(f);
		return -EFAULT;
	}
	mutex_lock(&rootfs_lock);
	buf.ctx.pos = f->f_pos;
	err = f->f_op->iterate_shared(f, &buf.ctx);
	f->f_pos = buf.ctx.pos;
	mutex_unlock(&rootfs_lock);
	fput(f);
	if (err)
		return err;
	if ((unsigned int)buf.count != count)
		return count - buf.count;	/* something fit: say how much */
	return buf.error;	/* 0 at the end, -EINVAL for a buffer too small */
}
