/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the files of fs/ share and nothing else needs: the tree's lock,
 * the path walk's flags and its entry points.
 * Linux: fs/internal.h, include/linux/namei.h
 */
#ifndef _FS_INTERNAL_H
#define _FS_INTERNAL_H

#include <linux/fs.h>
#include <linux/mutex.h>

/* fs/namei.c: guards the shape of every tree; see there. */
extern struct mutex rootfs_lock;

/* A name inside a path: not NUL-terminated. Linux: struct qstr */
struct qstr {
	const char *name;
	size_t len;
};

#define LOOKUP_FOLLOW	0x0001	/* follow a symlink in the last component */
#define LOOKUP_EMPTY	0x4000	/* "" names the start (AT_EMPTY_PATH) */

struct dentry *path_lookupat(int dfd, const char *name, unsigned int flags, struct qstr *last,
			     int *err);
int vfs_create_locked(int dfd, const char *name, umode_t mode, dev_t dev, const void *data,
		      size_t size, struct dentry **res);
void d_add_child(struct dentry *d);
int vfs_readlink(struct dentry *dentry, char __user *buf, int buflen);

#endif /* _FS_INTERNAL_H */
