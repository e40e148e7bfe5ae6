/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Files whose text is made when they are opened (/proc): the show
 * function prints into a buffer with seq_printf(), reads copy from it.
 * Linux: include/linux/seq_file.h (single_open() files only)
 */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <linux/compiler.h>
#include <linux/types.h>

struct file;
struct inode;

struct seq_file {
	char *buf;
	size_t size;		/* bytes at buf */
	size_t count;		/* bytes written; > size: it overflowed, try a bigger one */
	void *private;		/* what single_open() was given */
};

__printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);
int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data);
ssize_t seq_read(struct file *file, char __user *buf, size_t size, loff_t *ppos);
int single_release(struct inode *inode, struct file *file);
loff_t seq_lseek(struct file *file, loff_t offset, int whence);

#endif /* _LINUX_SEQ_FILE_H */
