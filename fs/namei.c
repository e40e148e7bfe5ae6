// SPDX-License-Identifier: GPL-2.0
/*
 * Path names: resolving a path to its dentry, from the root, the working
 * directory or a directory fd; following symbolic links (at most 8 deep:
 * Linux's MAXSYMLINKS = 40 would be overkill here); crossing into file
 * systems mounted on a directory and back out through ".."; asking a
 * directory without a list of children (proc) to look a name up. Then
 * the system calls that make and remove names: mkdir, rmdir, unlink,
 * rename, symlink, link (a second name: the inode counts its dentries,
 * i_count), mknod, and the kernel's own vfs_*() for the initramfs.
 * Locking: rootfs_lock guards the shape of every tree (lists, parents,
 * names, mounts); it is a mutex: lookups allocate, and proc's look at
 * the task list. Everything here returns dentries with a reference.
 * Linux: fs/namei.c (path_lookupat, link_path_walk, filename_create,
 * vfs_mkdir, do_rmdir, do_unlinkat, do_renameat2, do_symlinkat)
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include "internal.h"

#define MAXSYMLINKS	8

/* Guards the shape of every tree (d_subdirs, d_parent, d_name, d_mounted); a mutex: lookups allocate. */
DEFINE_MUTEX(rootfs_lock);
struct dentry *root_dentry;

/* The root "/", made on first use. Under rootfs_lock. */
static struct dentry *get_root(void)
{
	lockdep_assert_held(&rootfs_lock);
	if (!root_dentry) {
		struct inode *inode = ramfs_get_inode(&ramfs_sb, S_IFDIR | 0755, 0);

		if (inode) {
			root_dentry = d_make_root(inode);
			ramfs_sb.s_root = root_dentry;
		}
	}
	return root_dentry;
}

/**
 * d_add_child - put the new dentry @d in its parent's list
 * @d: from d_alloc(), with its inode; the tree takes over the caller's reference
 * Linux: d_add()
 */
void d_add_child(struct dentry *d)
{
	lockdep_assert_held(&rootfs_lock);
	d->d_unhashed = false;
	list_add_tail(&d->d_child, &d->d_parent->d_subdirs);
}

/* Into what is mounted on @d, if anything: consumes and returns a reference. */
static struct dentry *follow_mount(struct dentry *d)
{
	while (d->d_mounted) {
		struct dentry *root = dget(d->d_mounted->s_root);

		dput(d);
		d = root;
	}
	return d;
}

/* "..": out of a mounted file system's root first. Consumes and returns a reference. */
static struct dentry *follow_dotdot(struct dentry *d)
{
	struct dentry *up;

	while (d->d_parent == d && d->d_sb && d->d_sb->s_mountpoint) {
		up = dget(d->d_sb->s_mountpoint);
		dput(d);
		d = up;
	}
	up = dget(d->d_parent);
	dput(d);
	return up;
}

/* The child @name of directory @dir, referenced, or NULL. Linux: lookup_fast() / lookup_slow() */
static struct dentry *lookup_one(struct dentry *dir, const char *name, size_t len)
{
	struct inode *inode = dir->d_inode;
	struct dentry *d;

	if (inode->i_op && inode->i_op->lookup)
		return inode->i_op->lookup(dir, name, len);
	d = d_lookup(dir, name, len);
	return d ? dget(d) : NULL;
}

/*
 * A symlink's target as text: ramfs keeps it, proc computes it into
 * @buf. Linux: vfs_get_link()
 */
static const char *get_link(struct dentry *link, char *buf, size_t size)
{
	struct inode *inode = link->d_inode;

	if (inode->i_op && inode->i_op->get_link)
		return inode->i_op->get_link(link, buf, size);
	return inode->i_data;
}

static struct dentry *walk(struct dentry *d, const char *path, unsigned int flags,
			   struct qstr *last, int depth, int *err);

/* Resolve the symlink @link found in @dir: consumes the reference to @dir. */
static struct dentry *follow_link(struct dentry *dir, struct dentry *link, int depth, int *err)
{
	char *buf;
	const char *target;
	struct dentry *d;

	if (depth >= MAXSYMLINKS) {
		dput(dir);
		*err = -ELOOP;
		return NULL;
	}
	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!buf) {
		dput(dir);
		*err = -ENOMEM;
		return NULL;
	}
	target = get_link(link, buf, PATH_MAX);
	if (!target || !*target) {
		dput(dir);
		*err = -ENOENT;
		d = NULL;
	} else {
		d = walk(dir, target, LOOKUP_FOLLOW, NULL, depth + 1, err);
	}
	kfree(buf);
	return d;
}

/*
 * Walk @path from @d (whose reference is consumed). With @last, stop
 * before the last component and return its directory, with the last
 * name in *@last ("." and ".." included: the callers refuse them).
 * Linux: link_path_walk() + walk_component() + pick_link()
 */
static struct dentry *walk(struct dentry *d, const char *path, unsigned int flags,
			   struct qstr *last, int depth, int *err)
{
	lockdep_assert_held(&rootfs_lock);
	if (*path == '/') {
		dput(d);
		d = dget(root_dentry);
	}
	d = follow_mount(d);
	for (;;) {
		const char *name;
		struct dentry *next;
		size_t len;
		bool final;

		while (*path == '/')
			path++;
		if (!*path) {
			if (last) {
				/* "/" or "dir/": there is no last name to create or remove */
				last->name = ".";
				last->len = 1;
			}
			return d;
		}
		name = path;
		len = strcspn(name, "/");
		path = name + len;
		if (len > NAME_MAX) {
			*err = -ENAMETOOLONG;
			goto fail;
		}
		if (!S_ISDIR(d->d_inode->i_mode)) {
			*err = -ENOTDIR;
			goto fail;
		}
		final = !path[strspn(path, "/")];
		if (final && last) {
			last->name = name;
			last->len = len;
			return d;
		}
		if (len == 1 && name[0] == '.')
			continue;
		if (len == 2 && name[0] == '.' && name[1] == '.') {
			d = follow_mount(follow_dotdot(d));
			continue;
		}
		next = lookup_one(d, name, len);
		if (!next) {
			*err = -ENOENT;
			goto fail;
		}
		/* A trailing slash means "a directory": follow a link there too. */
		if (S_ISLNK(next->d_inode->i_mode) &&
		    (!final || *path || (flags & LOOKUP_FOLLOW))) {
			struct dentry *target = follow_link(d, next, depth, err);

			dput(next);
			if (!target)
				return NULL;
			next = target;
		} else {
			dput(d);
		}
		d = follow_mount(next);
		if (final && *path && !S_ISDIR(d->d_inode->i_mode)) {
			*err = -ENOTDIR;
			goto fail;
		}
	}
fail:
	dput(d);
	return NULL;
}

/*
 * Where a lookup starts: "/" for an absolute path, else the working
 * directory or the directory @dfd. Referenced, or NULL with *@err.
 */
static struct dentry *path_start(int dfd, const char *name, int *err)
{
	struct dentry *d;
	struct file *f;

	if (*name == '/' || dfd == AT_FDCWD)
		return current->fs ? current_pwd() : dget(root_dentry);
	f = fget(dfd);
	if (!f || !f->f_dentry) {
		if (f)
			fput(f);
		*err = -EBADF;
		return NULL;
	}
	d = dget(f->f_dentry);
	fput(f);
	/* "" (LOOKUP_EMPTY) names @dfd itself, which may be any file. */
	if (*name && !S_ISDIR(d->d_inode->i_mode)) {
		dput(d);
		*err = -ENOTDIR;
		return NULL;
	}
	return d;
}

/**
 * path_lookupat - the dentry that @name names
 * @dfd: AT_FDCWD or a directory's fd, for a relative @name
 * @name: a kernel string
 * @flags: LOOKUP_FOLLOW to follow a symlink in the last component
 * @last: NULL; or stop at the parent of the last component and set it
 * @err: set to a negative errno on failure
 * Return: the dentry, referenced (dput() it), or NULL. Under rootfs_lock.
 * Linux: path_lookupat() / path_parentat()
 */
struct dentry *path_lookupat(int dfd, const char *name, unsigned int flags, struct qstr *last,
			     int *err)
{
	struct dentry *start;

	lockdep_assert_held(&rootfs_lock);
	if (!get_root()) {
		*err = -ENOMEM;
		return NULL;
	}
	if (!*name && !(flags & LOOKUP_EMPTY)) {
		*err = -ENOENT;
		return NULL;
	}
	start = path_start(dfd, name, err);
	if (!start)
		return NULL;
	return walk(start, name, flags, last, 0, err);
}

/**
 * lookup_path - the dentry named @path, for the kernel
 * @path: absolute, or relative to current's working directory
 * @follow: follow a symlink in the last component too
 * @err: set to -ENOENT, -ENOTDIR, -ELOOP or -ENAMETOOLONG on failure
 * Return: the dentry, referenced (dput() it), or NULL.
 * Linux: kern_path()
 */
struct dentry *lookup_path(const char *path, bool follow, int *err)
{
	struct dentry *d;

	mutex_lock(&rootfs_lock);
	d = path_lookupat(AT_FDCWD, path, follow ? LOOKUP_FOLLOW : 0, NULL, err);
	mutex_unlock(&rootfs_lock);
	return d;
}

/**
 * getname - copy a path name from user space
 * @buf: PATH_MAX bytes
 * @filename: the user's string
 * Return: 0, -EFAULT, -ENAMETOOLONG, or -ENOENT for "".
 * Linux: getname() / strncpy_from_user()
 */
int getname(char *buf, const char __user *filename)
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

/**
 * user_path_at - the dentry a user's path names
 * @dfd: AT_FDCWD or a directory's fd
 * @name: the user's string
 * @flags: LOOKUP_FOLLOW, LOOKUP_EMPTY (AT_EMPTY_PATH: "" names @dfd itself)
 * @err: set to a negative errno on failure
 * Return: the dentry, referenced (dput() it), or NULL.
 * Linux: user_path_at()
 */
struct dentry *user_path_at(int dfd, const char __user *name, unsigned int flags, int *err)
{
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	struct dentry *d = NULL;

	if (!buf) {
		*err = -ENOMEM;
		return NULL;
	}
	*err = getname(buf, name);
	if (*err == -ENOENT && (flags & LOOKUP_EMPTY))
		*err = 0;
	if (!*err) {
		mutex_lock(&rootfs_lock);
		d = path_lookupat(dfd, buf, flags, NULL, err);
		mutex_unlock(&rootfs_lock);
	}
	kfree(buf);
	return d;
}

/* A ramfs directory (not proc's): names can be made and removed in it. */
static int may_change(struct dentry *dir)
{
	if (!S_ISDIR(dir->d_inode->i_mode))
		return -ENOTDIR;
	if (dir->d_sb != &ramfs_sb && (!dir->d_sb || strcmp(dir->d_sb->s_type, "tmpfs")))
		return -EACCES;	/* proc: nothing to make there */
	if (dir->d_unhashed && dir->d_parent != dir)
		return -ENOENT;	/* a removed directory takes no new names */
	return 0;
}

static bool is_dot_or_dotdot(const struct qstr *q)
{
	return (q->len == 1 && q->name[0] == '.') ||
	       (q->len == 2 && q->name[0] == '.' && q->name[1] == '.');
}

/*
 * The directory a new name @name goes in, with that name in *@last:
 * referenced, or NULL with *@err (-EEXIST if the name is taken, -ENOENT
 * for "name/" unless @is_dir, -EACCES in proc). Under rootfs_lock.
 * Linux: filename_create()
 */
static struct dentry *filename_create(int dfd, const char *name, bool is_dir, struct qstr *last,
				      int *err)
{
	struct dentry *dir;

	lockdep_assert_held(&rootfs_lock);
	dir = path_lookupat(dfd, name, LOOKUP_FOLLOW, last, err);
	if (!dir)
		return NULL;
	*err = may_change(dir);
	if (!*err && (is_dot_or_dotdot(last) || d_lookup(dir, last->name, last->len)))
		*err = -EEXIST;
	/* "name/" may only make a directory */
	if (!*err && last->name[last->len] && !is_dir)
		*err = -ENOENT;
	if (*err) {
		dput(dir);
		return NULL;
	}
	return dir;
}

/*
 * Make @name's last component an inode of @mode in its directory, under
 * rootfs_lock. The new dentry (referenced) goes to *@res if @res is not
 * NULL. Linux: filename_create() + vfs_mkdir()/vfs_mknod()/vfs_symlink()/vfs_create()
 */
int vfs_create_locked(int dfd, const char *name, umode_t mode, dev_t dev, const void *data,
		      size_t size, struct dentry **res)
{
	struct qstr last;
	struct dentry *dir, *d;
	struct inode *inode;
	int err = 0;

	lockdep_assert_held(&rootfs_lock);
	dir = filename_create(dfd, name, S_ISDIR(mode), &last, &err);
	if (!dir)
		return err;
	err = -ENOMEM;
	inode = ramfs_get_inode(dir->d_sb, mode, dev);
	if (!inode)
		goto out;
	if ((S_ISREG(mode) || S_ISLNK(mode)) && size && ramfs_set_data(inode, data, size)) {
		iput(inode);
		goto out;
	}
	d = d_alloc(dir, last.name, last.len);
	if (!d) {
		iput(inode);
		goto out;
	}
	d_instantiate(d, inode);
	d_add_child(d);
	if (S_ISDIR(mode))
		dir->d_inode->i_nlink++;
	dir->d_inode->i_mtime = dir->d_inode->i_ctime = current_time_sec();
	if (res)
		*res = dget(d);
	err = 0;
out:
	dput(dir);
	return err;
}

/*
 * A second name @name for @old's inode (a hard link): not for a directory
 * (-EPERM), only within one file system (-EXDEV), and not for a file
 * already unlinked (-ENOENT). Under rootfs_lock.
 * Linux: vfs_link() (+ filename_create() in do_linkat())
 */
static int vfs_link(struct dentry *old, int newdfd, const char *name)
{
	struct inode *inode = old->d_inode;
	struct dentry *dir, *d;
	struct qstr last;
	int err;

	lockdep_assert_held(&rootfs_lock);
	dir = filename_create(newdfd, name, false, &last, &err);
	if (!dir)
		return err;
	if (dir->d_sb != old->d_sb)
		err = -EXDEV;
	else if (S_ISDIR(inode->i_mode))
		err = -EPERM;
	else if (!inode->i_nlink)
		err = -ENOENT;
	if (err)
		goto out;
	err = -ENOMEM;
	d = d_alloc(dir, last.name, last.len);
	if (!d)
		goto out;
	ihold(inode);
	d_instantiate(d, inode);
	d_add_child(d);
	inode->i_nlink++;
	inode->i_ctime = dir->d_inode->i_mtime = dir->d_inode->i_ctime = current_time_sec();
	err = 0;
out:
	dput(dir);
	return err;
}

static int vfs_create(const char *path, umode_t mode, dev_t dev, const void *data, size_t size)
{
	int err;

	mutex_lock(&rootfs_lock);
	err = get_root() ? vfs_create_locked(AT_FDCWD, path, mode, dev, data, size, NULL) : -ENOMEM;
	if (err == -EEXIST && !S_ISDIR(mode)) {
		/* The initramfs may give a file twice: the later copy wins. */
		struct dentry *d = path_lookupat(AT_FDCWD, path, 0, NULL, &err);

		if (d && (d->d_inode->i_mode & S_IFMT) == (mode & S_IFMT)) {
			d->d_inode->i_mode = mode;
			err = (S_ISREG(mode) || S_ISLNK(mode)) ?
			      ramfs_set_data(d->d_inode, data, size) : 0;
		} else if (d) {
			err = -EEXIST;
		}
		dput(d);
	} else if (err == -EEXIST) {
		err = 0;	/* a directory that exists already is fine */
	}
	mutex_unlock(&rootfs_lock);
	return err;
}

/**
 * vfs_mkdir - make directory @path (the kernel's: initramfs, tests)
 * @path: the name
 * @mode: permission bits
 * Return: 0 (also if it exists) or a negative errno.
 * Linux: init_mkdir()
 */
int vfs_mkdir(const char *path, umode_t mode)
{
	return vfs_create(path, S_IFDIR | (mode & 07777), 0, NULL, 0);
}

/**
 * vfs_mknod - make a device node (the kernel's)
 * @path: the name
 * @mode: S_IFCHR and permission bits
 * @dev: the device number
 * Return: 0 or a negative errno.
 * Linux: init_mknod()
 */
int vfs_mknod(const char *path, umode_t mode, dev_t dev)
{
	return vfs_create(path, mode, dev, NULL, 0);
}

/**
 * vfs_symlink - make @path a symlink to @target (the kernel's)
 * @target: what it points to
 * @path: the name
 * Return: 0 or a negative errno.
 * Linux: init_symlink()
 */
int vfs_symlink(const char *target, const char *path)
{
	return vfs_create(path, S_IFLNK | 0777, 0, target, strlen(target) + 1);
}

/**
 * vfs_create_file - make @path a regular file holding @size bytes of @data
 * @path: the name
 * @mode: permission bits (S_IFREG is added)
 * @data: the contents, copied
 * @size: their length
 * Return: 0 or a negative errno.
 */
int vfs_create_file(const char *path, umode_t mode, const void *data, size_t size)
{
	return vfs_create(path, S_IFREG | (mode & 07777), 0, data, size);
}

/* mkdirat/mknodat/symlinkat from user space: copy the name, apply the umask. */
static long do_create_user(int dfd, const char __user *pathname, umode_t mode, dev_t dev,
			   const char *target)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long err;

	if (!name)
		return -ENOMEM;
	err = getname(name, pathname);
	if (!err) {
		if (!S_ISLNK(mode))
			mode &= ~(current->fs->umask & 0777);
		mutex_lock(&rootfs_lock);
		err = get_root() ? vfs_create_locked(dfd, name, mode, dev, target,
						     target ? strlen(target) + 1 : 0, NULL) : -ENOMEM;
		mutex_unlock(&rootfs_lock);
	}
	kfree(name);
	return err;
}

SYSCALL_DEFINE3(mkdirat, int, dfd, const char __user *, pathname, umode_t, mode)
{
	return do_create_user(dfd, pathname, S_IFDIR | (mode & 07777), 0, NULL);
}

SYSCALL_DEFINE2(mkdir, const char __user *, pathname, umode_t, mode)
{
	return do_create_user(AT_FDCWD, pathname, S_IFDIR | (mode & 07777), 0, NULL);
}

SYSCALL_DEFINE4(mknodat, int, dfd, const char __user *, filename, umode_t, mode, unsigned int, dev)
{
	if (!S_ISCHR(mode) && !S_ISREG(mode) && (mode & S_IFMT))
		return -EPERM;	/* no block devices, FIFOs or sockets */
	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	return do_create_user(dfd, filename, mode, dev, NULL);
}

SYSCALL_DEFINE3(mknod, const char __user *, filename, umode_t, mode, unsigned int, dev)
{
	return __do_sys_mknodat(AT_FDCWD, filename, mode, dev);
}

SYSCALL_DEFINE3(symlinkat, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	char *target = kmalloc(PATH_MAX, GFP_KERNEL);
	long err;

	if (!target)
		return -ENOMEM;
	err = getname(target, oldname);
	if (!err)
		err = do_create_user(newdfd, newname, S_IFLNK | 0777, 0, target);
	kfree(target);
	return err;
}

SYSCALL_DEFINE2(symlink, const char __user *, oldname, const char __user *, newname)
{
	return __do_sys_symlinkat(oldname, AT_FDCWD, newname);
}

/*
 * linkat(2): @newname another name of what @oldname names, the symlink
 * itself unless AT_SYMLINK_FOLLOW. Linux: do_linkat()
 */
SYSCALL_DEFINE5(linkat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, int, flags)
{
	char *name;
	struct dentry *old;
	int err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	old = user_path_at(olddfd, oldname, (flags & AT_SYMLINK_FOLLOW ? LOOKUP_FOLLOW : 0) |
			   (flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0), &err);
	if (!old)
		return err;
	name = kmalloc(PATH_MAX, GFP_KERNEL);
	err = name ? getname(name, newname) : -ENOMEM;
	if (!err) {
		mutex_lock(&rootfs_lock);
		err = vfs_link(old, newdfd, name);
		mutex_unlock(&rootfs_lock);
	}
	kfree(name);
	dput(old);
	return err;
}

SYSCALL_DEFINE2(link, const char __user *, oldname, const char __user *, newname)
{
	return __do_sys_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

/*
 * Remove the name @pathname: a directory (rmdir, which must be empty)
 * or anything else (unlink). Linux: do_rmdir() / do_unlinkat()
 */
static long do_remove(int dfd, const char __user *pathname, bool dir_wanted)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	struct dentry *dir = NULL, *d;
	struct qstr last;
	int err;

	if (!name)
		return -ENOMEM;
	err = getname(name, pathname);
	if (err)
		goto out_free;
	mutex_lock(&rootfs_lock);
	dir = path_lookupat(dfd, name, LOOKUP_FOLLOW, &last, &err);
	if (!dir)
		goto out;
	err = may_change(dir);
	if (err)
		goto out;
	if (is_dot_or_dotdot(&last)) {
		err = !dir_wanted ? -EISDIR : (last.len == 1 ? -EINVAL : -ENOTEMPTY);
		goto out;
	}
	d = d_lookup(dir, last.name, last.len);
	if (!d) {
		err = -ENOENT;
		goto out;
	}
	if (dir_wanted) {
		if (!S_ISDIR(d->d_inode->i_mode))
			err = -ENOTDIR;
		else if (!list_empty(&d->d_subdirs))
			err = -ENOTEMPTY;
		else if (d->d_mounted)
			err = -EBUSY;
	} else if (S_ISDIR(d->d_inode->i_mode)) {
		err = -EISDIR;
	} else if (last.name[last.len]) {
		err = -ENOTDIR;	/* "file/" */
	}
	if (err)
		goto out;
	if (dir_wanted)
		dir->d_inode->i_nlink--;
	dir->d_inode->i_mtime = dir->d_inode->i_ctime = current_time_sec();
	d_delete(d);
out:
	dput(dir);
	mutex_unlock(&rootfs_lock);
out_free:
	kfree(name);
	return err;
}

SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
	return do_remove(AT_FDCWD, pathname, true);
}

SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
	return do_remove(AT_FDCWD, pathname, false);
}

SYSCALL_DEFINE3(unlinkat, int, dfd, const char __user *, pathname, int, flag)
{
	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	return do_remove(dfd, pathname, flag & AT_REMOVEDIR);
}

/* Is @d @ancestor or below it? Under rootfs_lock. Linux: is_subdir() */
static bool is_subdir(struct dentry *d, struct dentry *ancestor)
{
	for (;;) {
		if (d == ancestor)
			return true;
		if (d->d_parent == d)
			return false;
		d = d->d_parent;
	}
}

#define RENAME_NOREPLACE	(1 << 0)

/*
 * rename(2): move a name, replacing what the new name named (a file by
 * a file, an empty directory by a directory). Linux: do_renameat2() / vfs_rename()
 */
static long do_renameat2(int olddfd, const char __user *oldname, int newdfd,
			 const char __user *newname, unsigned int flags)
{
	char *oldbuf = kmalloc(PATH_MAX, GFP_KERNEL), *newbuf = kmalloc(PATH_MAX, GFP_KERNEL);
	struct dentry *olddir = NULL, *newdir = NULL, *old, *victim;
	struct qstr oldlast, newlast;
	int err;

	if (flags & ~RENAME_NOREPLACE) {
		err = -EINVAL;
		goto out_free;
	}
	err = -ENOMEM;
	if (!oldbuf || !newbuf)
		goto out_free;
	err = getname(oldbuf, oldname);
	if (!err)
		err = getname(newbuf, newname);
	if (err)
		goto out_free;
	mutex_lock(&rootfs_lock);
	olddir = path_lookupat(olddfd, oldbuf, LOOKUP_FOLLOW, &oldlast, &err);
	if (!olddir)
		goto out;
	newdir = path_lookupat(newdfd, newbuf, LOOKUP_FOLLOW, &newlast, &err);
	if (!newdir)
		goto out;
	err = may_change(olddir);
	if (!err)
		err = may_change(newdir);
	if (err)
		goto out;
	if (is_dot_or_dotdot(&oldlast) || is_dot_or_dotdot(&newlast)) {
		err = -EBUSY;
		goto out;
	}
	if (olddir->d_sb != newdir->d_sb) {
		err = -EXDEV;
		goto out;
	}
	old = d_lookup(olddir, oldlast.name, oldlast.len);
	if (!old) {
		err = -ENOENT;
		goto out;
	}
	victim = d_lookup(newdir, newlast.name, newlast.len);
	if (victim == old)
		goto out;	/* the same name: nothing to do, and no error */
	if (S_ISDIR(old->d_inode->i_mode) && is_subdir(newdir, old)) {
		err = -EINVAL;	/* a directory into itself */
		goto out;
	}
	if (victim) {
		if (flags & RENAME_NOREPLACE)
			err = -EEXIST;
		else if (S_ISDIR(old->d_inode->i_mode) && !S_ISDIR(victim->d_inode->i_mode))
			err = -ENOTDIR;
		else if (!S_ISDIR(old->d_inode->i_mode) && S_ISDIR(victim->d_inode->i_mode))
			err = -EISDIR;
		else if (!list_empty(&victim->d_subdirs))
			err = -ENOTEMPTY;
		else if (victim->d_mounted)
			err = -EBUSY;
		if (err)
			goto out;
		if (S_ISDIR(victim->d_inode->i_mode))
			newdir->d_inode->i_nlink--;
		d_delete(victim);
	}
	if (S_ISDIR(old->d_inode->i_mode)) {
		olddir->d_inode->i_nlink--;
		newdir->d_inode->i_nlink++;
	}
	d_move(old, newdir, newlast.name, newlast.len);
	old->d_inode->i_ctime = current_time_sec();
out:
	dput(olddir);
	dput(newdir);
	mutex_unlock(&rootfs_lock);
out_free:
	kfree(oldbuf);
	kfree(newbuf);
	return err;
}

SYSCALL_DEFINE5(renameat2, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, unsigned int, flags)
{
	return do_renameat2(olddfd, oldname, newdfd, newname, flags);
}

SYSCALL_DEFINE4(renameat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return do_renameat2(olddfd, oldname, newdfd, newname, 0);
}

SYSCALL_DEFINE2(rename, const char __user *, oldname, const char __user *, newname)
{
	return do_renameat2(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

/**
 * vfs_readlink - copy @dentry's symlink target to user @buf
 * @dentry: a symlink
 * @buf: the user's buffer
 * @buflen: its size; the target is cut there and not NUL-terminated
 * Return: bytes copied, -EINVAL if @dentry is not a symlink, or -EFAULT.
 * Linux: vfs_readlink()
 */
int vfs_readlink(struct dentry *dentry, char __user *buf, int buflen)
{
	char *tmp;
	const char *target;
	int len;

	if (!S_ISLNK(dentry->d_inode->i_mode))
		return -EINVAL;
	if (buflen <= 0)
		return -EINVAL;
	tmp = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!tmp)
		return -ENOMEM;
	mutex_lock(&rootfs_lock);
	target = get_link(dentry, tmp, PATH_MAX);
	len = target ? (int)strlen(target) : -ENOENT;
	if (len > buflen)
		len = buflen;
	if (len > 0 && copy_to_user(buf, target, len))
		len = -EFAULT;
	mutex_unlock(&rootfs_lock);
	kfree(tmp);
	return len;
}

/*
 * getcwd(2): the working directory's absolute name. Return: its length
 * with the NUL, -ERANGE if @size is too small, -ENOENT if the directory
 * was removed, -EFAULT for a bad @buf. Linux: SYSCALL_DEFINE2(getcwd) in fs/d_path.c
 */
SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	struct dentry *pwd;
	char *p;
	long len;

	if (!page)
		return -ENOMEM;
	pwd = current_pwd();
	mutex_lock(&rootfs_lock);
	p = d_path(pwd, page, PATH_MAX);
	mutex_unlock(&rootfs_lock);
	dput(pwd);
	if (!p) {
		len = -ENOENT;
	} else {
		len = page + PATH_MAX - p;
		if ((unsigned long)len > size)
			len = -ERANGE;
		else if (copy_to_user(buf, p, len))
			len = -EFAULT;
	}
	kfree(page);
	return len;
}
