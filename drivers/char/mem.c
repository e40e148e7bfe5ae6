// SPDX-License-Identifier: GPL-2.0
/*
 * The memory devices: /dev/null (reads end at once, writes vanish),
 * /dev/zero (reads zeros) and /dev/random, /dev/urandom (reads
 * get_random_bytes()).
 * Linux: drivers/char/mem.c, drivers/char/random.c (the read side)
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/random.h>
#include <linux/syscalls.h>
#include <linux/uio.h>

static ssize_t read_null(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return 0;
}

static ssize_t write_iter_null(struct file *file, struct iov_iter *from, loff_t *ppos)
{
	size_t count = iov_iter_count(from);

	iov_iter_advance(from, count);
	return count;
}

static loff_t null_lseek(struct file *file, loff_t offset, int orig)
{
	file->f_pos = 0;
	return 0;
}

static ssize_t read_zero(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return clear_user(buf, count) ? -EFAULT : (ssize_t)count;
}

/* Linux: urandom_read_iter() / get_random_bytes_user() */
static ssize_t urandom_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return get_random_bytes_user(buf, count);
}

static const struct file_operations null_fops = {
	.llseek = null_lseek, .read = read_null, .write_iter = write_iter_null,
};

static const struct file_operations zero_fops = {
	.llseek = null_lseek, .read = read_zero, .write_iter = write_iter_null,
};

static const struct file_operations urandom_fops = {
	.llseek = null_lseek, .read = urandom_read, .write_iter = write_iter_null,
};

/**
 * memory_fops - the driver of memory device 1:@minor
 * @minor: 3 null, 5 zero, 8 random, 9 urandom
 * Return: its file_operations, or NULL.
 * Linux: memory_open() / devlist[]
 */
const struct file_operations *memory_fops(unsigned int minor)
{
	switch (minor) {
	case 3:
		return &null_fops;
	case 5:
		return &zero_fops;
	case 8:
	case 9:
		return &urandom_fops;
	default:
		return NULL;
	}
}
