// SPDX-License-Identifier: GPL-2.0
/*
 * ramfs: the file system at "/", in memory only. The initramfs is
 * unpacked into it (init/initramfs.c) and programs then change it as
 * they like: a regular file's bytes are one vmalloc() block that grows
 * by doubling as it is written, freed with the inode. Directories are
 * their dentries' lists (fs/libfs.c's dcache_readdir()).
 * Locking: inode_lock() guards a file's bytes and size.
 * Linux: fs/ramfs/inode.c, fs/ramfs/file-mmu.c, mm/shmem.c (the writes)
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uio.h>
#include <linux/vmalloc.h>

#define RAMFS_MAGIC	0x858458f6
#define RAMFS_MAX_FILE	(64UL << 20)	/* one file: at most 64 MiB */

struct super_block ramfs_sb = {
	.s_type = "rootfs",
	.s_magic = RAMFS_MAGIC,
	.s_dev_name = "rootfs",
	.s_dev = MKDEV(0, 1),
};

/* Make room for @size bytes (under inode_lock): 0 or -ENOMEM / -EFBIG. */
static int ramfs_reserve(struct inode *inode, size_t size)
{
	size_t alloc = inode->i_alloc ? inode->i_alloc : PAGE_SIZE;
	void *data;

	if (size <= inode->i_alloc)
		return 0;
	if (size > RAMFS_MAX_FILE)
		return -EFBIG;
	while (alloc < size)
		alloc *= 2;
	data = vmalloc(alloc);
	if (!data)
		return -ENOMEM;
	if (inode->i_data) {
		memcpy(data, inode->i_data, inode->i_size);
		vfree(inode->i_data);
	}
	inode->i_data = data;
	inode->i_alloc = alloc;
	return 0;
}

/* read(2) of a regular file: from its bytes. Linux: generic_file_read_iter() */
static ssize_t ramfs_read_iter(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct inode *inode = file->f_inode;
	size_t want = iov_iter_count(to), n;
	ssize_t ret = 0;

	if (*pos < 0)
		return -EINVAL;
	inode_lock(inode);
	if (*pos < inode->i_size && want) {
		n = min_t(size_t, want, inode->i_size - *pos);
		ret = copy_to_iter((char *)inode->i_data + *pos, n, to);
		if (!ret)
			ret = -EFAULT;
		else
			*pos += ret;
	}
	inode_unlock(inode);
	return ret;
}

/*
 * write(2): at *@pos, or at the end with O_APPEND; a hole left by a seek
 * past the end reads as zeros. Linux: generic_perform_write()
 */
static ssize_t ramfs_write_iter(struct file *file, struct iov_iter *from, loff_t *pos)
{
	struct inode *inode = file->f_inode;
	size_t count = iov_iter_count(from);
	loff_t start;
	ssize_t ret;

	inode_lock(inode);
	start = (file->f_flags & O_APPEND) ? inode->i_size : *pos;
	if (start < 0 || (u64)start + count > RAMFS_MAX_FILE) {
		ret = -EFBIG;
		goto out;
	}
	ret = ramfs_reserve(inode, start + count);
	if (ret)
		goto out;
	if (start > inode->i_size)
		memset((char *)inode->i_data + inode->i_size, 0, start - inode->i_size);
	if (copy_from_iter((char *)inode->i_data + start, count, from) != count) {
		ret = -EFAULT;
		goto out;
	}
	if (start + (loff_t)count > inode->i_size)
		inode->i_size = start + count;
	inode->i_mtime = inode->i_ctime = current_time_sec();
	*pos = start + count;
	ret = count;
out:
	inode_unlock(inode);
	return ret;
}

static const struct file_operations ramfs_file_operations = {
	.read_iter = ramfs_read_iter,
	.write_iter = ramfs_write_iter,
	.llseek = generic_file_llseek,
};

/**
 * ramfs_get_inode - a new inode of @sb
 * @sb: the file system (&ramfs_sb)
 * @mode: S_IF* type and permission bits
 * @dev: the device number of a character device, else 0
 * Return: the inode, or NULL without memory.
 * Linux: ramfs_get_inode()
 */
struct inode *ramfs_get_inode(struct super_block *sb, umode_t mode, dev_t dev)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_mode = mode;
	if (S_ISREG(mode)) {
		inode->i_fop = &ramfs_file_operations;
	} else if (S_ISDIR(mode)) {
		inode->i_fop = &simple_dir_operations;
		inode->i_nlink = 2;
	} else if (!S_ISLNK(mode)) {
		init_special_inode(inode, mode, dev);
	}
	return inode;
}

/**
 * ramfs_set_data - make @inode's contents a copy of @size bytes at @data
 * @inode: a regular file or symlink
 * @data: the bytes (a cpio archive's, say), or NULL to empty it (truncate)
 * @size: how many
 * Return: 0, or -ENOMEM (then the old contents stay).
 */
int ramfs_set_data(struct inode *inode, const void *data, size_t size)
{
	void *copy = NULL;

	if (size) {
		copy = vmalloc(size);
		if (!copy)
			return -ENOMEM;
		memcpy(copy, data, size);
	}
	inode_lock(inode);
	if (inode->i_data)
		vfree(inode->i_data);
	inode->i_data = copy;
	inode->i_size = size;
	inode->i_alloc = size;
	inode->i_mtime = inode->i_ctime = current_time_sec();
	inode_unlock(inode);
	return 0;
}
