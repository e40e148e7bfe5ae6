// SPDX-License-Identifier: GPL-2.0
/*
 * The in-memory file tree's nodes: an inode per file, its bytes in one
 * vmalloc() block, and a dentry per name. The initramfs is unpacked into
 * it (init/initramfs.c); nothing is ever written back or removed.
 * Linux: fs/ramfs/inode.c, fs/libfs.c (simple_read_from_buffer),
 * fs/dcache.c (d_alloc)
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/vmalloc.h>

/* read(2) of a regular file: from its bytes. Linux: simple_read_from_buffer() */
static ssize_t ramfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	struct inode *inode = file->f_inode;
	size_t n;

	if (*pos >= inode->i_size)
		return 0;
	n = min((loff_t)count, inode->i_size - *pos);
	if (copy_to_user(buf, (char *)inode->i_data + *pos, n))
		return -EFAULT;
	*pos += n;
	return n;
}

static const struct file_operations ramfs_file_operations = {
	.read = ramfs_read,
};

/**
 * ramfs_get_inode - a new inode
 * @mode: S_IF* type and permission bits
 * @dev: the device number of a character device, else 0
 * Return: the inode, or NULL without memory.
 * Linux: ramfs_get_inode()
 */
struct inode *ramfs_get_inode(umode_t mode, dev_t dev);
struct inode *ramfs_get_inode(umode_t mode, dev_t dev)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	inode->i_mode = mode;
	inode->i_rdev = dev;
	if (S_ISREG(mode))
		inode->i_fop = &ramfs_file_operations;
	else if (S_ISCHR(mode) && MAJOR(dev) == TTYAUX_MAJOR && MINOR(dev) == 1)
		inode->i_fop = &tty_fops;	/* /dev/console */
	return inode;
}

/**
 * ramfs_set_data - give @inode a copy of @size bytes at @data
 * @inode: a regular file or symlink
 * @data: the bytes (a cpio archive's, say)
 * @size: how many
 * Return: 0, or -ENOMEM (then the old contents stay).
 */
int ramfs_set_data(struct inode *inode, const void *data, size_t size);
int ramfs_set_data(struct inode *inode, const void *data, size_t size)
{
	void *copy = NULL;

	if (size) {
		copy = vmalloc(size);
		if (!copy)
			return -ENOMEM;
		memcpy(copy, data, size);
	}
	if (inode->i_data)
		vfree(inode->i_data);
	inode->i_data = copy;
	inode->i_size = size;
	return 0;
}
