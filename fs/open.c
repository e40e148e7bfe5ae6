// SPDX-License-Identifier: GPL-2.0
/*
 * Opening files of the in-memory tree: filp_open() for the kernel (exec,
 * /dev/console), open(2)/openat(2) for programs. The tree is read-only
 * to them: O_CREAT and writing a regular file get -EROFS.
 * Linux: fs/open.c
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/syscalls.h>

#define O_ACCMODE	00000003
#define O_RDONLY	00000000
#define O_CREAT		00000100
#define O_TRUNC		00001000
#define O_DIRECTORY	00200000
#define O_NOFOLLOW	00400000
#define AT_FDCWD	-100

/**
 * filp_open - open the file at @path
 * @path: a path in the tree
 * @err: set to a negative errno on failure (-ENOENT, -EISDIR...)
 * Return: a new struct file with one reference, or NULL.
 * Linux: filp_open()
 */
struct file *filp_open(const char *path, int *err)
{
	struct dentry *d = lookup_path(path, true, err);
	struct file *f;

	if (!d)
		return NULL;
	if (S_ISDIR(d->d_inode->i_mode)) {
		*err = -EISDIR;
		return NULL;
	}
	if (!d->d_inode->i_fop) {
		*err = -ENXIO;	/* a device node without a driver */
		return NULL;
	}
	f = file_alloc(path);
	if (!f) {
		*err = -ENOMEM;
		return NULL;
	}
	f->f_inode = d->d_inode;
	f->f_op = d->d_inode->i_fop;
	return f;
}

/* Copy a path name from user space. Linux: getname() / strncpy_from_user() */
static int getname(char *buf, const char __user *filename)
{
	long len = strncpy_from_user(buf, filename, PATH_MAX);

	if (len < 0)
		return len;
	if (len == PATH_MAX)
		return -ENAMETOOLONG;
	if (!len)
		return -ENOENT;
	return 0;
}

static long do_sys_open(const char __user *filename, int flags)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	struct file *f;
	int err, fd;

	if (!name)
		return -ENOMEM;
	err = getname(name, filename);
	if (err)
		goto out;
	f = filp_open(name, &err);
	if (!f)
		goto out;
	if (S_ISREG(f->f_inode->i_mode) &&
	    ((flags & (O_CREAT | O_TRUNC)) || (flags & O_ACCMODE) != O_RDONLY)) {
		fput(f);
		err = -EROFS;
		goto out;
	}
	fd = fd_install_new(f);
	if (fd < 0)
		fput(f);
	err = fd;
out:
	kfree(name);
	return err;
}

SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_open(filename, flags);
}

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags, umode_t, mode)
{
	/* Every working directory is "/": only AT_FDCWD and absolute paths. */
	if (dfd != AT_FDCWD) {
		char c;

		if (get_user(c, filename))
			return -EFAULT;
		if (c != '/')
			return -EBADF;
	}
	return do_sys_open(filename, flags);
}
