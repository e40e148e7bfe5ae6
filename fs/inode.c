// SPDX-License-Identifier: GPL-2.0
/*
 * Inodes: made by a file system (ramfs_get_inode(), proc, pipefs), held
 * by the dentries that name them (i_count: one, or more for hard links)
 * and freed when the last lets go (iput()). Inode numbers come from one
 * counter, as Linux's get_next_ino().
 * Linux: fs/inode.c
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <linux/vmalloc.h>

static atomic_t last_ino = ATOMIC_INIT(1);

/**
 * current_time_sec - the time to stamp on an inode
 * Return: the wall clock's seconds since 1970.
 * Linux: current_time()
 */
long long current_time_sec(void)
{
	return ktime_get_real_ns() / 1000000000ULL;
}

/**
 * new_inode - an empty inode of @sb
 * @sb: its file system (whose s_inode_size, if set, is what to allocate:
 *	proc's inodes are inside a struct proc_inode)
 * Return: the inode (one link, the current time), or NULL without memory.
 * Linux: new_inode() + get_next_ino()
 */
struct inode *new_inode(struct super_block *sb)
{
	size_t size = sb && sb->s_inode_size ? sb->s_inode_size : sizeof(struct inode);
	struct inode *inode = kzalloc(size, GFP_KERNEL);

	if (!inode)
		return NULL;
	inode->i_ino = atomic_inc_return(&last_ino);
	inode->i_nlink = 1;
	atomic_set(&inode->i_count, 1);
	inode->i_sb = sb;
	inode->i_mtime = inode->i_ctime = inode->i_atime = current_time_sec();
	mutex_init(&inode->i_mutex);
	return inode;
}

/**
 * ihold - one more reference to @inode, for another dentry (a hard link)
 * @inode: an inode the caller holds a reference to
 * Linux: ihold()
 */
void ihold(struct inode *inode)
{
	atomic_inc(&inode->i_count);
}

/**
 * iput - drop a reference to @inode; the last frees it
 * @inode: the inode
 * Linux: iput() / evict()
 */
void iput(struct inode *inode)
{
	if (!atomic_dec_and_test(&inode->i_count))
		return;
	if (inode->i_data)
		vfree(inode->i_data);
	kfree(inode);
}

/**
 * dt_type - the DT_* type of @inode, for getdents64(2)
 * @inode: the inode
 * Return: DT_DIR, DT_REG, DT_LNK, DT_CHR, DT_FIFO or DT_UNKNOWN.
 * Linux: fs_umode_to_dtype()
 */
unsigned int dt_type(struct inode *inode)
{
	return (inode->i_mode & S_IFMT) >> 12;
}

/**
 * init_special_inode - make @inode a character device
 * @inode: a new inode
 * @mode: S_IFCHR and permission bits (other types get no file_operations)
 * @rdev: the device number
 *
 * A device without a driver gets no file_operations: open says -ENXIO.
 * Linux: init_special_inode()
 */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	if (S_ISCHR(mode)) {
		inode->i_rdev = rdev;
		inode->i_fop = chrdev_fops(rdev);
	}
}
