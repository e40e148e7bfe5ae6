// SPDX-License-Identifier: GPL-2.0
/*
 * Names in the in-memory tree: resolving a path to its dentry (following
 * symbolic links, at most 8 deep, as Linux's MAXSYMLINKS = 40 would be
 * overkill here), and creating directories, device nodes, symlinks and
 * files. There is one tree and one root; every process's working
 * directory is "/", so a relative path is taken from the root.
 * Locking: rootfs_lock guards the whole tree (a mutex: lookups and
 * creations may allocate).
 * Linux: fs/namei.c (path_lookupat, link_path_walk, vfs_mkdir...),
 * fs/dcache.c (d_alloc, d_lookup)
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>

#define MAXSYMLINKS	8

struct inode *ramfs_get_inode(umode_t mode, dev_t dev);
int ramfs_set_data(struct inode *inode, const void *data, size_t size);

/* Guards the whole tree (dentries, inodes' children); a mutex: lookups allocate. */
static DEFINE_MUTEX(rootfs_lock);
struct dentry *root_dentry;

static struct dentry *d_alloc(struct dentry *parent, const char *name, size_t len,
			      struct inode *inode)
{
	struct dentry *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return NULL;
	memcpy(d->d_name, name, len);
	d->d_name[len] = '\0';
	d->d_inode = inode;
	INIT_LIST_HEAD(&d->d_subdirs);
	d->d_parent = parent ? parent : d;
	if (parent)
		list_add_tail(&d->d_child, &parent->d_subdirs);
	else
		INIT_LIST_HEAD(&d->d_child);
	return d;
}

/* The root "/", made on first use. Under rootfs_lock. */
static struct dentry *get_root(void)
{
	lockdep_assert_held(&rootfs_lock);
	if (!root_dentry) {
		struct inode *inode = ramfs_get_inode(S_IFDIR | 0755, 0);

		if (inode)
			root_dentry = d_alloc(NULL, "/", 1, inode);
	}
	return root_dentry;
}

static struct dentry *d_lookup(struct dentry *dir, const char *name, size_t len)
{
	struct dentry *d;

	list_for_each_entry(d, &dir->d_subdirs, d_child)
		if (strlen(d->d_name) == len && !memcmp(d->d_name, name, len))
			return d;
	return NULL;
}

/*
 * Walk @path from @dir. With @parent_only, stop before the last
 * component and return its directory, with the last name in *@last.
 * Linux: link_path_walk() + walk_component() + pick_link()
 */
static struct dentry *walk(struct dentry *dir, const char *path, bool follow, bool parent_only,
			   const char **last, int depth, int *err)
{
	struct dentry *d = *path == '/' ? get_root() : dir;

	if (!d) {
		*err = -ENOMEM;
		return NULL;
	}
	for (;;) {
		const char *name, *end;
		size_t len;
		struct dentry *next;

		while (*path == '/')
			path++;
		if (!*path) {
			if (parent_only) {
				*err = -EEXIST;	/* "/" itself: nothing to create */
				return NULL;
			}
			return d;
		}
		name = path;
		end = strchr(name, '/');
		len = end ? (size_t)(end - name) : strlen(name);
		path = name + len;
		if (len > NAME_MAX) {
			*err = -ENAMETOOLONG;
			return NULL;
		}
		if (!S_ISDIR(d->d_inode->i_mode)) {
			*err = -ENOTDIR;
			return NULL;
		}
		while (*path == '/')
			path++;
		if (parent_only && !*path) {
			*last = name;
			return d;
		}
		if (len == 1 && name[0] == '.')
			continue;
		if (len == 2 && name[0] == '.' && name[1] == '.') {
			d = d->d_parent;
			continue;
		}
		next = d_lookup(d, name, len);
		if (!next) {
			*err = -ENOENT;
			return NULL;
		}
		if (S_ISLNK(next->d_inode->i_mode) && (*path || follow)) {
			if (depth >= MAXSYMLINKS) {
				*err = -ELOOP;
				return NULL;
			}
			next = walk(d, next->d_inode->i_data, true, false, NULL, depth + 1, err);
			if (!next)
				return NULL;
		}
		d = next;
	}
}

/**
 * lookup_path - the dentry named @path
 * @path: absolute (or relative to "/")
 * @follow: follow a symlink in the last component too
 * @err: set to -ENOENT, -ENOTDIR, -ELOOP or -ENAMETOOLONG on failure
 * Return: the dentry, or NULL.
 * Linux: kern_path() / path_lookupat()
 */
struct dentry *lookup_path(const char *path, bool follow, int *err)
{
	struct dentry *d;

	mutex_lock(&rootfs_lock);
	d = get_root() ? walk(root_dentry, path, follow, false, NULL, 0, err) : NULL;
	if (!root_dentry)
		*err = -ENOMEM;
	mutex_unlock(&rootfs_lock);
	return d;
}

/*
 * Create @path's last component as a new inode of @mode, or hand back
 * the existing one of the same type. Linux: filename_create() + vfs_*()
 */
static int vfs_create(const char *path, umode_t mode, dev_t dev, const void *data,
		      size_t size)
{
	const char *last = NULL;
	struct dentry *dir, *d;
	struct inode *inode;
	int err = 0;

	mutex_lock(&rootfs_lock);
	dir = get_root() ? walk(root_dentry, path, true, true, &last, 0, &err) : NULL;
	if (!dir) {
		err = err ? err : -ENOMEM;
		goto out;
	}
	if (!S_ISDIR(dir->d_inode->i_mode)) {
		err = -ENOTDIR;
		goto out;
	}
	d = d_lookup(dir, last, strcspn(last, "/"));
	if (d) {
		/* Existing: a directory stays; a file of the same type is rewritten. */
		inode = d->d_inode;
		if ((inode->i_mode & S_IFMT) != (mode & S_IFMT)) {
			err = -EEXIST;
			goto out;
		}
		inode->i_mode = mode;
		if (S_ISREG(mode) || S_ISLNK(mode))
			err = ramfs_set_data(inode, data, size);
		goto out;
	}
	inode = ramfs_get_inode(mode, dev);
	if (!inode) {
		err = -ENOMEM;
		goto out;
	}
	if ((S_ISREG(mode) || S_ISLNK(mode)) && ramfs_set_data(inode, data, size)) {
		kfree(inode);
		err = -ENOMEM;
		goto out;
	}
	if (!d_alloc(dir, last, strcspn(last, "/"), inode)) {
		ramfs_set_data(inode, NULL, 0);
		kfree(inode);
		err = -ENOMEM;
	}
out:
	mutex_unlock(&rootfs_lock);
	return err;
}

/**
 * vfs_mkdir - make directory @path
 * @path: the name
 * @mode: permission bits
 * Return: 0 or a negative errno.
 * Linux: do_mkdirat()
 */
int vfs_mkdir(const char *path, umode_t mode)
{
	return vfs_create(path, S_IFDIR | (mode & 07777), 0, NULL, 0);
}

/**
 * vfs_mknod - make a device node
 * @path: the name
 * @mode: S_IFCHR and permission bits
 * @dev: the device number
 * Return: 0 or a negative errno.
 * Linux: do_mknodat()
 */
int vfs_mknod(const char *path, umode_t mode, dev_t dev)
{
	return vfs_create(path, mode, dev, NULL, 0);
}

/**
 * vfs_symlink - make @path a symlink to @target
 * @target: what it points to
 * @path: the name
 * Return: 0 or a negative errno.
 * Linux: do_symlinkat()
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

/*
 * getcwd(2): every process works in "/" (there is no chdir), so that
 * is the answer. Return: the length with the NUL, -ERANGE if @size is
 * too small, -EFAULT for a bad @buf. Linux: SYSCALL_DEFINE2(getcwd) in fs/d_path.c
 */
SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	if (size < 2)
		return -ERANGE;
	return copy_to_user(buf, "/", 2) ? -EFAULT : 2;
}
