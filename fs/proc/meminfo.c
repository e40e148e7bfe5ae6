// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/meminfo: the page allocator's count of free and managed pages,
 * and the vmalloc area, with Linux's names (what free and top read).
 * There is no page cache and no swap: Buffers, Cached and Swap* are 0.
 * Linux: fs/proc/meminfo.c
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include "internal.h"

static void show_val_kb(struct seq_file *m, const char *s, unsigned long num)
{
	seq_printf(m, "%-16s%8lu kB\n", s, num << (PAGE_SHIFT - 10));
}

/**
 * meminfo_proc_show - /proc/meminfo
 * @m: where to print
 * @unused: no task
 * Return: 0.
 * Linux: meminfo_proc_show()
 */
int meminfo_proc_show(struct seq_file *m, struct task_struct *unused)
{
	unsigned long total = totalram_pages(), free = nr_free_pages();

	show_val_kb(m, "MemTotal:", total);
	show_val_kb(m, "MemFree:", free);
	show_val_kb(m, "MemAvailable:", free);
	show_val_kb(m, "Buffers:", 0);
	show_val_kb(m, "Cached:", 0);
	show_val_kb(m, "SwapCached:", 0);
	show_val_kb(m, "SwapTotal:", 0);
	show_val_kb(m, "SwapFree:", 0);
	show_val_kb(m, "Shmem:", 0);
	seq_printf(m, "%-16s%8lu kB\n", "VmallocTotal:", (VMALLOC_END - VMALLOC_START) >> 10);
	show_val_kb(m, "VmallocUsed:", vmalloc_nr_pages());
	return 0;
}
