// SPDX-License-Identifier: GPL-2.0
/*
 * Mounting: a file system's root hangs on a directory of the tree
 * (dentry->d_mounted), and path walks cross into it (fs/namei.c). Types:
 * "proc" (one instance, fs/proc), and "tmpfs"/"ramfs", a new empty
 * in-memory tree each time. "/" is ramfs, filled from the initramfs.
 * The mount table is a short array in mount order (/proc/mounts).
 * Locking: rootfs_lock guards the table and every d_mounted.
 * Linux: fs/namespace.c (do_mount, path_umount), fs/proc_namespace.c,
 * fs/filesystems.c
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include "internal.h"
#include "proc/internal.h"

#define MAX_MOUNTS	16
#define MS_RDONLY	1
#define MS_REMOUNT	32
#define MNT_FORCE	1
#define MNT_DETACH	2
#define TMPFS_MAGIC	0x01021994


/* Mounted file systems after "/", in mount order. Under rootfs_lock. */
static struct super_block *mount_table[MAX_MOUNTS];

/* A new tmpfs: its own root directory. Linux: shmem_fill_super() */
static struct super_block *tmpfs_new(const char *dev_name)
{
	static unsigned int tmpfs_count;	/* under rootfs_lock: device numbers */
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);
	struct inode *inode;

	if (!sb)
		return NULL;
	sb->s_type = "tmpfs";
	sb->s_magic = TMPFS_MAGIC;
	sb->s_dev_name = kstrdup(dev_name, GFP_KERNEL);
	sb->s_dev = MKDEV(0, 20 + tmpfs_count++);
	inode = ramfs_get_inode(sb, S_IFDIR | 01777, 0);
	if (inode)
		sb->s_root = d_make_root(inode);
	if (!sb->s_root || !sb->s_dev_name) {
		dput(sb->s_root);
		kfree(sb->s_dev_name);
		kfree(sb);
		return NULL;
	}
	return sb;
}

/* Hang @sb on @mountpoint (a ramfs or tmpfs directory). Under rootfs_lock. Linux: do_add_mount() */
static int do_add_mount(struct super_block *sb, struct dentry *mountpoint)
{
	int slot = -1;

	lockdep_assert_held(&rootfs_lock);
	if (!S_ISDIR(mountpoint->d_inode->i_mode))
		return -ENOTDIR;
	if (mountpoint->d_mounted || sb->s_mountpoint)
		return -EBUSY;
	for (int i = 0; i < MAX_MOUNTS; i++)
		if (!mount_table[i] && slot < 0)
			slot = i;
	if (slot < 0)
		return -ENOMEM;
	mount_table[slot] = sb;
	sb->s_mountpoint = dget(mountpoint);
	mountpoint->d_mounted = sb;
	return 0;
}

/**
 * vfs_mount_proc - mount proc on @dir, for the kernel (tests)
 * @dir: an existing directory
 * Return: 0, -EBUSY if proc is mounted already, or a lookup error.
 */
int vfs_mount_proc(const char *dir)
{
	struct dentry *d;
	int err;

	mutex_lock(&rootfs_lock);
	d = path_lookupat(AT_FDCWD, dir, LOOKUP_FOLLOW, NULL, &err);
	if (d) {
		err = proc_get_root() ? do_add_mount(&proc_sb, d) : -ENOMEM;
		dput(d);
	}
	mutex_unlock(&rootfs_lock);
	return err;
}

/* A short string from user space (a type or a device name). */
static int copy_mount_string(char *buf, size_t size, const char __user *s)
{
	long len = strncpy_from_user(buf, s, size);

	if (len < 0)
		return len;
	return (size_t)len >= size ? -ENAMETOOLONG : 0;
}

SYSCALL_DEFINE5(mount, char __user *, dev_name, char __user *, dir_name, char __user *, type,
		unsigned long, flags, void __user *, data)
{
	char fstype[16], dev[64] = "none";
	struct super_block *sb;
	struct dentry *d;
	int err;

	if (flags & MS_REMOUNT) {
		d = user_path_at(AT_FDCWD, dir_name, LOOKUP_FOLLOW, &err);
		dput(d);
		return d ? 0 : err;	/* nothing to change: every mount is read-write */
	}
	if (!type)
		return -EINVAL;
	err = copy_mount_string(fstype, sizeof(fstype), type);
	if (!err && dev_name)
		err = copy_mount_string(dev, sizeof(dev), dev_name);
	if (err)
		return err;
	d = user_path_at(AT_FDCWD, dir_name, LOOKUP_FOLLOW, &err);
	if (!d)
		return err;
	mutex_lock(&rootfs_lock);
	if (!strcmp(fstype, "proc")) {
		sb = proc_get_root() ? &proc_sb : NULL;
	} else if (!strcmp(fstype, "tmpfs") || !strcmp(fstype, "ramfs")) {
		sb = tmpfs_new(dev);
	} else {
		err = -ENODEV;	/* "unknown filesystem type" */
		goto out;
	}
	if (!sb) {
		err = -ENOMEM;
		goto out;
	}
	err = do_add_mount(sb, d);
	if (err && sb != &proc_sb) {
		dput(sb->s_root);
		kfree(sb->s_dev_name);
		kfree(sb);
	}
out:
	mutex_unlock(&rootfs_lock);
	dput(d);
	return err;
}

SYSCALL_DEFINE2(umount2, char __user *, name, int, flags)
{
	struct super_block *sb = NULL;
	struct dentry *d;
	int err = -EINVAL, slot = -1;

	if (flags & ~(MNT_FORCE | MNT_DETACH | 4 /* MNT_EXPIRE */ | 8 /* UMOUNT_NOFOLLOW */))
		return -EINVAL;
	d = user_path_at(AT_FDCWD, name, LOOKUP_FOLLOW, &err);
	if (!d)
		return err;
	mutex_lock(&rootfs_lock);
	for (int i = 0; i < MAX_MOUNTS; i++)
		if (mount_table[i] && mount_table[i]->s_root == d) {
			sb = mount_table[i];
			slot = i;
		}
	if (!sb)
		goto out;	/* not a mount point: -EINVAL */
	err = -EBUSY;
	if (sb != &proc_sb && (!list_empty(&sb->s_root->d_subdirs) ||
			       atomic_read(&sb->s_root->d_count) > 2))
		goto out;	/* files in it, or someone's working directory */
	sb->s_mountpoint->d_mounted = NULL;
	dput(sb->s_mountpoint);
	sb->s_mountpoint = NULL;
	mount_table[slot] = NULL;
	if (sb != &proc_sb) {
		dput(d);
		d = NULL;
		dput(sb->s_root);
		kfree(sb->s_dev_name);
		kfree(sb);
	}
	err = 0;
out:
	mutex_unlock(&rootfs_lock);
	dput(d);
	return err;
}

/**
 * mounts_proc_show - /proc/mounts
 * @m: where to print
 * @unused: no task
 * Return: 0.
 * Linux: show_vfsmnt() in fs/proc_namespace.c
 */
int mounts_proc_show(struct seq_file *m, struct task_struct *unused)
{
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	seq_printf(m, "rootfs / rootfs rw 0 0\n");
	mutex_lock(&rootfs_lock);
	for (int i = 0; i < MAX_MOUNTS; i++) {
		struct super_block *sb = mount_table[i];
		char *path;

		if (!sb)
			continue;
		path = d_path(sb->s_mountpoint, buf, PATH_MAX);
		seq_printf(m, "%s %s %s rw 0 0\n", sb->s_dev_name, path ? path : "?", sb->s_type);
	}
	mutex_unlock(&rootfs_lock);
	kfree(buf);
	return 0;
}

/**
 * filesystems_proc_show - /proc/filesystems: the types mount(2) knows
 * @m: where to print
 * @unused: no task
 * Return: 0.
 * Linux: filesystems_proc_show() in fs/filesystems.c
 */
int filesystems_proc_show(struct seq_file *m, struct task_struct *unused)
{
	seq_printf(m, "nodev\tramfs\nnodev\ttmpfs\nnodev\tproc\nnodev\tpipefs\n");
	return 0;
}
