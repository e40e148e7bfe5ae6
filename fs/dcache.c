// SPDX-License-Identifier: GPL-2.0
/*
 * Dentries: the names of the file tree. A dentry is referenced by its
 * parent's list while it is in the tree, by its children (each holds its
 * parent), by open files, working directories and lookups in progress.
 * The last dput() of a dentry no longer in the tree frees it with its
 * inode and drops its parent. There is no cache of negative entries and
 * no hash table: a directory's children are a list, searched in order.
 * Locking: rootfs_lock (fs/namei.c) guards the lists, d_parent, d_name
 * and d_unhashed; d_count is atomic, so dput() takes no lock.
 * Linux: fs/dcache.c, fs/d_path.c
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

/**
 * d_alloc - a new dentry for @name under @parent, not yet in its list
 * @parent: the directory (referenced by the new dentry), or NULL for a root
 * @name: the name, not NUL-terminated
 * @len: its length (at most NAME_MAX)
 *
 * The caller links it with d_instantiate() and, for a tree, by adding it
 * to @parent's d_subdirs under rootfs_lock (namei.c's d_add_child()).
 * Return: the dentry with one reference, or NULL without memory.
 * Linux: d_alloc()
 */
struct dentry *d_alloc(struct dentry *parent, const char *name, size_t len)
{
	struct dentry *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return NULL;
	atomic_set(&d->d_count, 1);
	d->d_unhashed = true;
	memcpy(d->d_name, name, len);
	d->d_name[len] = '\0';
	INIT_LIST_HEAD(&d->d_subdirs);
	INIT_LIST_HEAD(&d->d_child);
	d->d_parent = parent ? dget(parent) : d;
	d->d_sb = parent ? parent->d_sb : NULL;
	return d;
}

/**
 * d_make_root - the root dentry of a file system, for @inode
 * @inode: the root directory; the dentry takes it over
 * Return: the dentry (its own parent), or NULL without memory.
 * Linux: d_make_root()
 */
struct dentry *d_make_root(struct inode *inode)
{
	struct dentry *d = d_alloc(NULL, "/", 1);

	if (!d) {
		iput(inode);
		return NULL;
	}
	d->d_sb = inode->i_sb;
	d->d_unhashed = false;		/* a root is always "in" its tree */
	d_instantiate(d, inode);
	return d;
}

/**
 * d_instantiate - give @dentry its inode
 * @dentry: a new dentry
 * @inode: the inode; the dentry takes over the caller's reference
 * Linux: d_instantiate()
 */
void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	dentry->d_inode = inode;
	if (inode && inode->i_sb)
		dentry->d_sb = inode->i_sb;
}

/**
 * dget - take a reference to @dentry
 * @dentry: a dentry the caller already holds (or finds under rootfs_lock)
 * Return: @dentry.
 * Linux: dget()
 */
struct dentry *dget(struct dentry *dentry)
{
	atomic_inc(&dentry->d_count);
	return dentry;
}

/**
 * dput - drop a reference to @dentry
 * @dentry: the dentry, or NULL
 *
 * The last reference of a dentry that is no longer in a tree frees it
 * and its inode, then drops the parent's reference, which may free the
 * parent too (a removed directory whose last child just went).
 * Linux: dput() / dentry_kill()
 */
void dput(struct dentry *dentry)
{
	while (dentry && atomic_dec_and_test(&dentry->d_count)) {
		struct dentry *parent = dentry->d_parent;

		WARN_ON(!dentry->d_unhashed || !list_empty(&dentry->d_subdirs));
		if (dentry->d_inode)
			iput(dentry->d_inode);
		kfree(dentry);
		dentry = parent == dentry ? NULL : parent;
	}
}

/**
 * d_lookup - the child of @dir called @name
 * @dir: a directory of a tree; under rootfs_lock
 * @name: the name, not NUL-terminated
 * @len: its length
 * Return: the child (no reference taken), or NULL.
 * Linux: d_lookup()
 */
struct dentry *d_lookup(struct dentry *dir, const char *name, size_t len)
{
	struct dentry *d;

	list_for_each_entry(d, &dir->d_subdirs, d_child)
		if (strlen(d->d_name) == len && !memcmp(d->d_name, name, len))
			return d;
	return NULL;
}

/**
 * d_delete - take @dentry out of its tree (unlink, rmdir, a rename's victim)
 * @dentry: a dentry in a tree; under rootfs_lock
 *
 * Drops the tree's reference: open files and working directories keep
 * the dentry and its inode until they let go, as on Linux.
 * Linux: d_delete() + __d_drop()
 */
void d_delete(struct dentry *dentry)
{
	list_del_init(&dentry->d_child);
	dentry->d_unhashed = true;
	/* One name fewer; a directory has none left. Linux: drop_nlink() / clear_nlink() */
	if (dentry->d_inode && S_ISDIR(dentry->d_inode->i_mode))
		dentry->d_inode->i_nlink = 0;
	else if (dentry->d_inode && dentry->d_inode->i_nlink)
		dentry->d_inode->i_nlink--;
	dput(dentry);
}

/**
 * d_move - rename @dentry to @name in @dir
 * @dentry: a dentry in a tree; under rootfs_lock
 * @dir: the new parent (same file system)
 * @name: the new name
 * @len: its length
 * Linux: d_move()
 */
void d_move(struct dentry *dentry, struct dentry *dir, const char *name, size_t len)
{
	struct dentry *old = dentry->d_parent;

	list_del(&dentry->d_child);
	memcpy(dentry->d_name, name, len);
	dentry->d_name[len] = '\0';
	dentry->d_parent = dget(dir);
	list_add_tail(&dentry->d_child, &dir->d_subdirs);
	dput(old);	/* still referenced by its own parent: never the last */
}

/**
 * d_path - the absolute name of @dentry, built at the end of @buf
 * @dentry: any dentry; under rootfs_lock
 * @buf: room for the name
 * @buflen: its size
 *
 * Goes up through the parents, and from a mounted file system's root to
 * its mount point. A dentry in no tree at all (a pipe's, not a file
 * system's root) is its name alone, "pipe:[inode]" (Linux's d_dname()).
 * Return: a pointer into @buf, or NULL if the name does not fit or the
 * dentry is no longer in its tree (getcwd(2) says -ENOENT for a removed
 * working directory).
 * Linux: d_path() / prepend_path()
 */
char *d_path(struct dentry *dentry, char *buf, int buflen)
{
	char *p = buf + buflen;
	bool empty = true;

	if (dentry->d_parent == dentry && dentry->d_sb && dentry->d_sb->s_root != dentry) {
		if (strlen(dentry->d_name) >= (size_t)buflen)
			return NULL;
		strscpy(buf, dentry->d_name, buflen);
		return buf;
	}
	*--p = '\0';
	for (;;) {
		size_t len;

		if (dentry->d_parent == dentry) {
			struct super_block *sb = dentry->d_sb;

			if (!sb || !sb->s_mountpoint)
				break;		/* the root of "/" (or of pipefs) */
			dentry = sb->s_mountpoint;
			continue;
		}
		if (dentry->d_unhashed)
			return NULL;
		len = strlen(dentry->d_name);
		if (p - buf < (long)len + 2)
			return NULL;
		p -= len;
		memcpy(p, dentry->d_name, len);
		*--p = '/';
		empty = false;
		dentry = dentry->d_parent;
	}
	if (empty) {
		if (p - buf < 2)
			return NULL;
		*--p = '/';
	}
	return p;
}
