/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Files as system calls see them: an open struct file (fdtable.h) calls
 * its file_operations; an inode is a file in the in-memory file tree
 * (fs/ramfs), whose names are dentries (fs/namei.c).
 * Linux: include/linux/fs.h, include/linux/dcache.h, include/uapi/linux/stat.h
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/list.h>
#include <linux/types.h>

typedef long long loff_t;
typedef unsigned short umode_t;
typedef unsigned int dev_t;

#define S_IFMT		00170000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_IXUGO		00111

#define MKDEV(ma, mi)	(((ma) << 20) | (mi))
#define MAJOR(dev)	((unsigned int)((dev) >> 20))
#define MINOR(dev)	((unsigned int)((dev) & ((1U << 20) - 1)))

#define NAME_MAX	255
#define PATH_MAX	4096

struct file;
struct inode;

/* poll(2) events */
#define POLLIN		0x0001
#define POLLOUT		0x0004
#define POLLERR		0x0008
#define POLLHUP		0x0010
#define POLLNVAL	0x0020

struct file_operations {
	unsigned int (*poll)(struct file *file);	/* POLL* now; NULL: always ready */
	ssize_t (*read)(struct file *file, char __user *buf, size_t count, loff_t *pos);
	ssize_t (*write)(struct file *file, const char __user *buf, size_t count, loff_t *pos);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
};

/*
 * A file of the in-memory tree. A regular file's bytes are one vmalloc()
 * block (i_data, i_size bytes); a symlink's target is kept the same way.
 * Inodes live as long as the tree: Spindle unlinks nothing.
 * Linux: struct inode
 */
struct inode {
	umode_t i_mode;
	dev_t i_rdev;			/* character devices */
	loff_t i_size;
	void *i_data;
	const struct file_operations *i_fop;
};

/* A name in the tree. Locking: rootfs_lock (fs/namei.c) guards the tree. */
struct dentry {
	char d_name[NAME_MAX + 1];
	struct dentry *d_parent;	/* the root's is itself */
	struct inode *d_inode;
	struct list_head d_subdirs;	/* children */
	struct list_head d_child;	/* in the parent's d_subdirs */
};

/* fs/namei.c */
struct dentry *lookup_path(const char *path, bool follow, int *err);
int vfs_mkdir(const char *path, umode_t mode);
int vfs_mknod(const char *path, umode_t mode, dev_t dev);
int vfs_symlink(const char *target, const char *path);
int vfs_create_file(const char *path, umode_t mode, const void *data, size_t size);
extern struct dentry *root_dentry;

/* drivers/tty/tty_io.c: /dev/console, character device 5:1 */
extern const struct file_operations tty_fops;
#define TTYAUX_MAJOR	5

/* fs/open.c */
struct file *filp_open(const char *path, int *err);

/* fs/read_write.c */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);

#endif /* _LINUX_FS_H */
