// SPDX-License-Identifier: GPL-2.0
/*
 * /proc itself: the system-wide files, "self", and a directory per
 * process (fs/proc/base.c), listed in pid order. `mount -t proc proc
 * /proc` puts it in the tree (fs/namespace.c).
 * Linux: fs/proc/root.c, fs/proc/generic.c (proc_root_lookup, proc_root_readdir)
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/string.h>
#include "internal.h"

static const struct proc_entry proc_root_entries[] = {
	{ "self",	 S_IFLNK | 0777, .get_link = proc_self_get_link },
	{ "meminfo",	 S_IFREG | 0444, .show = meminfo_proc_show },
	{ "uptime",	 S_IFREG | 0444, .show = uptime_proc_show },
	{ "loadavg",	 S_IFREG | 0444, .show = loadavg_proc_show },
	{ "stat",	 S_IFREG | 0444, .show = show_stat },
	{ "cpuinfo",	 S_IFREG | 0444, .show = cpuinfo_proc_show },
	{ "version",	 S_IFREG | 0444, .show = version_proc_show },
	{ "mounts",	 S_IFREG | 0444, .show = mounts_proc_show },
	{ "filesystems", S_IFREG | 0444, .show = filesystems_proc_show },
};

#define FIRST_PROCESS_ENTRY	(2 + ARRAY_SIZE(proc_root_entries))

/* Linux: proc_root_lookup() / proc_lookup() */
static struct dentry *proc_root_lookup(struct dentry *dir, const char *name, size_t len)
{
	if (PROC_I(dir->d_inode)->pid)
		return proc_pid_lookup(dir, name, len);
	for (size_t i = 0; i < ARRAY_SIZE(proc_root_entries); i++)
		if (strlen(proc_root_entries[i].name) == len &&
		    !memcmp(proc_root_entries[i].name, name, len))
			return proc_make_dentry(dir->d_inode, dir, &proc_root_entries[i], 0, name, len);
	return proc_pid_lookup(dir, name, len);
}

/* Linux: proc_root_readdir() + proc_readdir() */
static int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_dentry;

	if (PROC_I(dir->d_inode)->pid)
		return proc_pid_readdir(file, ctx, 2);
	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, dir->d_inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, 1, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	for (; ctx->pos < (loff_t)FIRST_PROCESS_ENTRY; ctx->pos++) {
		const struct proc_entry *e = &proc_root_entries[ctx->pos - 2];

		if (!dir_emit(ctx, e->name, strlen(e->name), 0x1000 + ctx->pos,
			      (e->mode & S_IFMT) >> 12))
			return 0;
	}
	return proc_pid_readdir(file, ctx, FIRST_PROCESS_ENTRY);
}

const struct inode_operations proc_root_inode_operations = {
	.lookup = proc_root_lookup,
};

const struct file_operations proc_root_operations = {
	.iterate_shared = proc_root_readdir,
	.llseek = generic_file_llseek,
};

/**
 * proc_get_root - the root of proc, made at the first mount
 * Return: its dentry (kept by proc_sb), or NULL without memory.
 * Linux: proc_fill_super()
 */
struct dentry *proc_get_root(void)
{
	if (!proc_sb.s_root) {
		struct inode *inode = new_inode(&proc_sb);

		if (!inode)
			return NULL;
		inode->i_ino = 1;	/* PROC_ROOT_INO */
		inode->i_mode = S_IFDIR | 0555;
		inode->i_nlink = 2;
		inode->i_op = &proc_root_inode_operations;
		inode->i_fop = &proc_root_operations;
		proc_sb.s_root = d_make_root(inode);
	}
	return proc_sb.s_root;
}
