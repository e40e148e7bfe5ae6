// SPDX-License-Identifier: GPL-2.0
/*
 * Opening files: filp_open() for the kernel (exec, /dev/console),
 * open(2)/openat(2) for programs, with O_CREAT, O_EXCL, O_TRUNC,
 * O_APPEND, O_DIRECTORY, O_NOFOLLOW and O_CLOEXEC; and the calls Linux
 * keeps beside them: chdir, fchdir, access/faccessat, umask (kernel/sys.c
 * in Linux), truncate/ftruncate, chmod, chown (root's ids only).
 * Linux: fs/open.c
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/vmalloc.h>
#include "internal.h"

/**
 * dentry_open - open the file @dentry names
 * @dentry: referenced; the new file takes the reference over (also on failure)
 * @flags: open(2)'s flags
 * @err: set to a negative errno on failure (-EISDIR, -ENOTDIR, -ENXIO...)
 * Return: a new struct file with one reference, or NULL.
 * Linux: dentry_open() / do_dentry_open()
 */
struct file *dentry_open(struct dentry *dentry, int flags, int *err)
{
	struct inode *inode = dentry->d_inode;
	int acc = flags & O_ACCMODE;
	struct file *f;

	*err = 0;
	if (S_ISDIR(inode->i_mode) && acc != O_RDONLY)
		*err = -EISDIR;
	else if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		*err = -ENOTDIR;
	else if (S_ISLNK(inode->i_mode))
		*err = -ELOOP;		/* O_NOFOLLOW met a link */
	else if (!inode->i_fop)
		*err = -ENXIO;		/* a device node without a driver */
	else if (acc == 3)
		*err = -EINVAL;
	if (*err)
		goto fail;
	f = file_alloc(dentry->d_name);
	if (!f) {
		*err = -ENOMEM;
		goto fail;
	}
	f->f_dentry = dentry;
	f->f_inode = inode;
	f->f_op = inode->i_fop;
	f->f_flags = flags & ~(O_ACCMODE | O_CREAT | O_EXCL | O_TRUNC | O_NOCTTY | O_CLOEXEC);
	f->f_mode = (acc == O_RDONLY || acc == O_RDWR ? FMODE_READ : 0) |
		    (acc == O_WRONLY || acc == O_RDWR ? FMODE_WRITE : 0);
	if ((flags & O_TRUNC) && (f->f_mode & FMODE_WRITE) && S_ISREG(inode->i_mode)) {
		if (!f->f_op->write_iter) {
			*err = -EACCES;	/* a /proc file */
			fput(f);
			return NULL;
		}
		ramfs_set_data(inode, NULL, 0);
	}
	if (f->f_op->open) {
		*err = f->f_op->open(inode, f);
		if (*err) {
			f->f_op = NULL;	/* not opened: nothing to release */
			fput(f);
			return NULL;
		}
	}
	return f;
fail:
	dput(dentry);
	return NULL;
}

/**
 * filp_open - open the file at @path, for the kernel
 * @path: a path, from current's working directory if relative
 * @flags: O_RDONLY, O_RDWR...
 * @err: set to a negative errno on failure (-ENOENT, -EISDIR...)
 * Return: a new struct file with one reference, or NULL.
 * Linux: filp_open()
 */
struct file *filp_open(const char *path, int flags, int *err)
{
	struct dentry *d = lookup_path(path, true, err);

	if (!d)
		return NULL;
	if (S_ISDIR(d->d_inode->i_mode)) {
		dput(d);
		*err = -EISDIR;
		return NULL;
	}
	return dentry_open(d, flags, err);
}

/*
 * The dentry open(2) should open: found, or made by O_CREAT (a regular
 * file, mode less the umask). Linux: path_openat() / open_last_lookups()
 */
static struct dentry *open_lookup(int dfd, const char *name, int flags, umode_t mode, int *err)
{
	struct dentry *d = NULL;
	unsigned int lookup = (flags & O_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;

	mutex_lock(&rootfs_lock);
	if (flags & O_CREAT) {
		*err = vfs_create_locked(dfd, name, S_IFREG | (mode & ~current->fs->umask & 07777),
					 0, NULL, 0, &d);
		if (!*err || *err != -EEXIST || (flags & O_EXCL))
			goto out;
		/* It exists: open it as it is (following a symlink to it). */
	}
	d = path_lookupat(dfd, name, lookup, NULL, err);
	if (d && (flags & O_CREAT) && S_ISDIR(d->d_inode->i_mode)) {
		dput(d);
		d = NULL;
		*err = -EISDIR;
	}
out:
	mutex_unlock(&rootfs_lock);
	return d;
}

/* Linux: do_sys_openat2() */
static long do_sys_open(int dfd, const char __user *filename, int flags, umode_t mode)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	struct dentry *d;
	struct file *f;
	int err, fd;

	if (!name)
		return -ENOMEM;
	err = getname(name, filename);
	if (err)
		goto out;
	d = open_lookup(dfd, name, flags, mode, &err);
	if (!d)
		goto out;
	f = dentry_open(d, flags, &err);
	if (!f)
		goto out;
	fd = fd_install_from(f, 0, flags & O_CLOEXEC);
	if (fd < 0)
		fput(f);
	err = fd;
out:
	kfree(name);
	return err;
}

SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, filename, flags, mode);
}

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_open(dfd, filename, flags, mode);
}

SYSCALL_DEFINE2(creat, const char __user *, pathname, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	struct dentry *d;
	int err;

	d = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW, &err);
	if (!d)
		return err;
	if (!S_ISDIR(d->d_inode->i_mode)) {
		dput(d);
		return -ENOTDIR;
	}
	set_fs_pwd(current->fs, d);
	return 0;
}

SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
	struct file *f = fget(fd);
	int err = 0;

	if (!f)
		return -EBADF;
	if (!f->f_dentry || !S_ISDIR(f->f_inode->i_mode))
		err = -ENOTDIR;
	else
		set_fs_pwd(current->fs, dget(f->f_dentry));
	fput(f);
	return err;
}

#define F_OK	0
#define X_OK	1
#define W_OK	2
#define R_OK	4

/*
 * Everyone is root (uid 0): read and write are allowed (but not writing
 * proc's files, which have no write), execute needs some x bit on a
 * file that is not a directory. Linux: do_faccessat() / generic_permission()
 */
static long do_faccessat(int dfd, const char __user *filename, int mode, int flags)
{
	struct dentry *d;
	struct inode *inode;
	int err = 0;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	d = user_path_at(dfd, filename, (flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW) |
			 (flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0), &err);
	if (!d)
		return err;
	inode = d->d_inode;
	if ((mode & X_OK) && !S_ISDIR(inode->i_mode) && !(inode->i_mode & S_IXUGO))
		err = -EACCES;
	if ((mode & W_OK) && S_ISREG(inode->i_mode) && inode->i_fop && !inode->i_fop->write_iter)
		err = -EACCES;
	dput(d);
	return err;
}

SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	return do_faccessat(AT_FDCWD, filename, mode, 0);
}

SYSCALL_DEFINE3(faccessat, int, dfd, const char __user *, filename, int, mode)
{
	return do_faccessat(dfd, filename, mode, 0);
}

SYSCALL_DEFINE4(faccessat2, int, dfd, const char __user *, filename, int, mode, int, flags)
{
	return do_faccessat(dfd, filename, mode, flags);
}

/* Linux: SYSCALL_DEFINE1(umask) in kernel/sys.c */
SYSCALL_DEFINE1(umask, int, mask)
{
	struct fs_struct *fs = current->fs;
	int old;

	spin_lock(&fs->lock);
	old = fs->umask;
	fs->umask = mask & 0777;
	spin_unlock(&fs->lock);
	return old;
}

/* Cut or extend a ramfs file to @length. Linux: do_truncate() */
static long do_truncate(struct inode *inode, loff_t length)
{
	void *data;

	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode) || !inode->i_fop || !inode->i_fop->write_iter)
		return -EINVAL;
	if (length < 0)
		return -EINVAL;
	if (length > inode->i_size) {
		/* A write of nothing past the end grows it with zeros. */
		data = vzalloc(length);
		if (!data)
			return -ENOMEM;
		inode_lock(inode);
		memcpy(data, inode->i_data, inode->i_size);
		if (inode->i_data)
			vfree(inode->i_data);
		inode->i_data = data;
		inode->i_alloc = inode->i_size = length;
		inode_unlock(inode);
		return 0;
	}
	inode_lock(inode);
	inode->i_size = length;
	inode->i_mtime = current_time_sec();
	inode_unlock(inode);
	return 0;
}

SYSCALL_DEFINE2(ftruncate, unsigned int, fd, unsigned long, length)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	err = (f->f_inode && (f->f_mode & FMODE_WRITE)) ? do_truncate(f->f_inode, length)
							 : -EINVAL;
	fput(f);
	return err;
}

SYSCALL_DEFINE2(truncate, const char __user *, path, long, length)
{
	struct dentry *d;
	int err;

	d = user_path_at(AT_FDCWD, path, LOOKUP_FOLLOW, &err);
	if (!d)
		return err;
	err = do_truncate(d->d_inode, length);
	dput(d);
	return err;
}

/* Linux: chmod_common() */
static long chmod_common(struct dentry *d, umode_t mode)
{
	struct inode *inode = d->d_inode;

	inode->i_mode = (inode->i_mode & S_IFMT) | (mode & S_IALLUGO);
	inode->i_ctime = current_time_sec();
	return 0;
}

SYSCALL_DEFINE3(fchmodat, int, dfd, const char __user *, filename, umode_t, mode)
{
	struct dentry *d;
	int err;

	d = user_path_at(dfd, filename, LOOKUP_FOLLOW, &err);
	if (!d)
		return err;
	err = chmod_common(d, mode);
	dput(d);
	return err;
}

SYSCALL_DEFINE2(chmod, const char __user *, filename, umode_t, mode)
{
	return __do_sys_fchmodat(AT_FDCWD, filename, mode);
}

SYSCALL_DEFINE2(fchmod, unsigned int, fd, umode_t, mode)
{
	struct file *f = fget(fd);
	long err = -EBADF;

	if (f) {
		err = f->f_dentry ? chmod_common(f->f_dentry, mode) : -EINVAL;
		fput(f);
	}
	return err;
}

/*
 * Spindle keeps no owner: every file belongs to root (fs/stat.c says 0),
 * so root's ids, or -1 for "unchanged", are all a chown can store.
 * Another id is one this kernel cannot represent: -EINVAL, as Linux says
 * for an id it cannot map (make_kuid() failing).
 * Linux: chown_common()
 */
static long chown_common(struct dentry *d, uid_t user, gid_t group)
{
	if ((user != (uid_t)-1 && user != 0) || (group != (gid_t)-1 && group != 0))
		return -EINVAL;
	d->d_inode->i_ctime = current_time_sec();
	return 0;
}

SYSCALL_DEFINE5(fchownat, int, dfd, const char __user *, filename, uid_t, user, gid_t, group,
		int, flag)
{
	struct dentry *d;
	int err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	d = user_path_at(dfd, filename, (flag & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW) |
			 (flag & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0), &err);
	if (!d)
		return err;
	err = chown_common(d, user, group);
	dput(d);
	return err;
}

SYSCALL_DEFINE3(chown, const char __user *, filename, uid_t, user, gid_t, group)
{
	return __do_sys_fchownat(AT_FDCWD, filename, user, group, 0);
}

SYSCALL_DEFINE3(lchown, const char __user *, filename, uid_t, user, gid_t, group)
{
	return __do_sys_fchownat(AT_FDCWD, filename, user, group, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE3(fchown, unsigned int, fd, uid_t, user, gid_t, group)
{
	struct file *f = fget(fd);
	long err = -EBADF;

	if (f) {
		err = f->f_dentry ? chown_common(f->f_dentry, user, group) : -EINVAL;
		fput(f);
	}
	return err;
}
