// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers file systems share: reading from a buffer, seeking, and
 * listing a directory from its dentries (ramfs's directories).
 * Linux: fs/libfs.c, fs/read_write.c (generic_file_llseek)
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/syscalls.h>

/**
 * simple_read_from_buffer - copy from @from at *@ppos to user @to
 * @to: the user buffer
 * @count: its size
 * @ppos: the position in @from, advanced
 * @from: the kernel buffer
 * @available: its size
 * Return: bytes copied (0 at the end), or -EFAULT.
 * Linux: simple_read_from_buffer()
 */
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos,
				const void *from, size_t available)
{
	loff_t pos = *ppos;
	size_t n;

	if (pos < 0)
		return -EINVAL;
	if ((size_t)pos >= available || !count)
		return 0;
	n = min(count, available - (size_t)pos);
	if (copy_to_user(to, (const char *)from + pos, n))
		return -EFAULT;
	*ppos = pos + n;
	return n;
}

/**
 * generic_file_llseek - lseek(2) for a file with a size
 * @file: the file
 * @offset: where to
 * @whence: SEEK_SET, SEEK_CUR or SEEK_END
 * Return: the new position, or -EINVAL (a bad @whence, or before 0).
 * Linux: generic_file_llseek()
 */
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t pos;

	switch (whence) {
	case SEEK_SET:
		pos = offset;
		break;
	case SEEK_CUR:
		pos = file->f_pos + offset;
		break;
	case SEEK_END:
		pos = file->f_inode->i_size + offset;
		break;
	default:
		return -EINVAL;
	}
	if (pos < 0)
		return -EINVAL;
	file->f_pos = pos;
	return pos;
}

/**
 * dcache_readdir - list a ramfs directory
 * @file: the open directory
 * @ctx: where getdents64(2) is; ctx->pos 0 is ".", 1 "..", n + 2 the n-th child
 *
 * Positions count children, so a name removed between two calls may make
 * the next call skip one: POSIX allows it, and rm -r reads again.
 * Return: 0.
 * Linux: dcache_readdir()
 */
int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_dentry, *d;
	loff_t n = 2;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, dir->d_inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, dir->d_parent->d_inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	list_for_each_entry(d, &dir->d_subdirs, d_child) {
		if (n++ < ctx->pos)
			continue;
		if (!dir_emit(ctx, d->d_name, strlen(d->d_name), d->d_inode->i_ino,
			      dt_type(d->d_inode)))
			return 0;
		ctx->pos++;
	}
	return 0;
}

const struct file_operations simple_dir_operations = {
	.iterate_shared = dcache_readdir,
	.llseek = generic_file_llseek,
};
