// SPDX-License-Identifier: GPL-2.0
/*
 * Text made at open: single_open() runs the show function into a
 * buffer, a page first, twice as big each time it overflows, and keeps
 * it for the file's reads, so what a reader sees is one snapshot however
 * small its reads (ps reading /proc/<pid>/stat in pieces gets one line).
 * Linux: fs/seq_file.c
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/vmalloc.h>

#define SEQ_BUF_MAX	(1 << 20)

/**
 * seq_printf - print into @m's buffer
 * @m: the seq_file
 * @fmt: printf-style format
 *
 * Past the end of the buffer the bytes are counted, not written:
 * single_open() then runs show again with a bigger one.
 * Linux: seq_printf()
 */
void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list args;
	size_t room = m->count < m->size ? m->size - m->count : 0;
	int len;

	va_start(args, fmt);
	len = vsnprintf(room ? m->buf + m->count : NULL, room, fmt, args);
	va_end(args);
	m->count += len;
}

/**
 * seq_write - put @len bytes into @m's buffer
 * @m: the seq_file
 * @data: the bytes
 * @len: how many
 * Linux: seq_write()
 */
void seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (m->count + len <= m->size)
		memcpy(m->buf + m->count, data, len);
	m->count += len;
}

/**
 * seq_putc - put one byte into @m's buffer
 * @m: the seq_file
 * @c: the byte
 * Linux: seq_putc()
 */
void seq_putc(struct seq_file *m, char c)
{
	seq_write(m, &c, 1);
}

/**
 * single_open - make @file's text with @show, now
 * @file: the file being opened
 * @show: prints the text; returns 0 or a negative errno
 * @data: for @show, in m->private
 * Return: 0, what @show returned, or -ENOMEM.
 * Linux: single_open() (which runs show at the first read instead)
 */
int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data)
{
	struct seq_file *m = kzalloc(sizeof(*m), GFP_KERNEL);
	size_t size = PAGE_SIZE;
	int ret;

	if (!m)
		return -ENOMEM;
	m->private = data;
	for (;;) {
		m->buf = vmalloc(size);
		if (!m->buf) {
			ret = -ENOMEM;
			break;
		}
		m->size = size;
		m->count = 0;
		ret = show(m, data);
		if (ret || m->count <= m->size)
			break;
		vfree(m->buf);
		m->buf = NULL;
		size *= 2;
		if (size > SEQ_BUF_MAX) {
			ret = -ENOMEM;
			break;
		}
	}
	if (ret) {
		if (m->buf)
			vfree(m->buf);
		kfree(m);
		return ret;
	}
	file->private_data = m;
	return 0;
}

/**
 * seq_read - read(2) of a single_open() file
 * @file: the file
 * @buf: the user's buffer
 * @size: its size
 * @ppos: the position, advanced
 * Return: bytes read, 0 at the end, or -EFAULT.
 * Linux: seq_read()
 */
ssize_t seq_read(struct file *file, char __user *buf, size_t size, loff_t *ppos)
{
	struct seq_file *m = file->private_data;

	return simple_read_from_buffer(buf, size, ppos, m->buf, m->count);
}

/**
 * seq_lseek - lseek(2) of a single_open() file
 * @file: the file
 * @offset: where to
 * @whence: SEEK_SET or SEEK_CUR (SEEK_END: the text's end)
 * Return: the new position, or -EINVAL.
 * Linux: seq_lseek()
 */
loff_t seq_lseek(struct file *file, loff_t offset, int whence)
{
	struct seq_file *m = file->private_data;
	loff_t pos = whence == SEEK_SET ? offset : whence == SEEK_CUR ? file->f_pos + offset :
		     whence == SEEK_END ? (loff_t)m->count + offset : -1;

	if (pos < 0)
		return -EINVAL;
	file->f_pos = pos;
	return pos;
}

/**
 * single_release - free what single_open() made
 * @inode: the file's inode
 * @file: the file
 * Return: 0.
 * Linux: single_release()
 */
int single_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	if (m) {
		vfree(m->buf);
		kfree(m);
	}
	return 0;
}
