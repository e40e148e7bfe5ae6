// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/maps: a process's mappings, one line each, lowest address
 * first, in Linux's format: range, rwxp, offset, device, inode, name (the
 * file's path, [heap] or [stack]). Spindle keeps no file offset in a VMA
 * (its file mappings are copies made at exec), so the offset says 0.
 * Linux: fs/proc/task_mmu.c (show_map_vma())
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include "../internal.h"
#include "internal.h"

/* The task's mm with a reference (mmput() it), or NULL for a kthread or a zombie. */
static struct mm_struct *proc_task_mm(struct task_struct *task)
{
	struct mm_struct *mm = NULL;

	task_lock(task);
	if (task->mm && !(task->flags & PF_KTHREAD)) {
		mm = task->mm;
		mmget(mm);
	}
	task_unlock(task);
	return mm;
}

/* What one line needs, copied under mmap_lock; the file referenced. */
struct map_line {
	unsigned long start, end, flags;
	struct file *file;
	const char *name;		/* [heap], [stack], or NULL */
};

/*
 * One VMA's line; the name starts at column 74, as in Linux. Called with
 * no lock held: the file's path is made under rootfs_lock, which may not
 * nest inside mmap_lock (readlink() faults on its buffer, taking
 * mmap_lock, under rootfs_lock). Linux: show_map_vma()
 */
static void show_map_line(struct seq_file *m, const struct map_line *l, char *buf)
{
	struct inode *inode = l->file ? l->file->f_inode : NULL;
	dev_t dev = inode && inode->i_sb ? inode->i_sb->s_dev : 0;
	const char *name = l->name;
	char head[96];
	int len;

	len = snprintf(head, sizeof(head), "%08lx-%08lx %c%c%c%c %08x %02x:%02x %lu",
		       l->start, l->end, l->flags & VM_READ ? 'r' : '-',
		       l->flags & VM_WRITE ? 'w' : '-', l->flags & VM_EXEC ? 'x' : '-',
		       l->flags & VM_SHARED ? 's' : 'p', 0, MAJOR(dev), MINOR(dev),
		       inode ? inode->i_ino : 0);
	if (l->file && l->file->f_dentry) {
		mutex_lock(&rootfs_lock);
		name = d_path(l->file->f_dentry, buf, PATH_MAX);	/* a copy, in @buf */
		mutex_unlock(&rootfs_lock);
	}
	if (name)
		seq_printf(m, "%s%*s%s\n", head, len < 73 ? 73 - len : 1, "", name);
	else
		seq_printf(m, "%s\n", head);
}

/**
 * proc_pid_maps - /proc/<pid>/maps
 * @m: where to print
 * @task: the process
 * Return: 0 (a kernel thread has no mappings: an empty file), or -ENOMEM.
 * Linux: show_map() / the m_start()/m_next() walk
 */
int proc_pid_maps(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = proc_task_mm(task);
	struct vm_area_struct *vma;
	struct map_line *lines = NULL;
	int n = 0, err = 0;
	char *buf;

	if (!mm)
		return 0;
	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	mutex_lock(&mm->mmap_lock);
	if (buf)
		lines = kmalloc_array(mm->map_count, sizeof(*lines), GFP_KERNEL);
	for (vma = mm->mmap; lines && vma && n < mm->map_count; vma = vma->vm_next, n++) {
		lines[n] = (struct map_line){ vma->vm_start, vma->vm_end, vma->vm_flags,
					      vma->vm_file ? get_file(vma->vm_file) : NULL, NULL };
		if (vma->vm_file)
			continue;
		if (vma->vm_start < mm->brk && vma->vm_end > mm->start_brk)	/* vma_is_initial_heap() */
			lines[n].name = "[heap]";
		else if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack)
			lines[n].name = "[stack]";
	}
	mutex_unlock(&mm->mmap_lock);
	mmput(mm);
	if (!lines)
		err = -ENOMEM;
	for (int i = 0; i < n; i++) {
		show_map_line(m, &lines[i], buf);
		if (lines[i].file)
			fput(lines[i].file);
	}
	kfree(lines);
	kfree(buf);
	return err;
}
