// SPDX-License-Identifier: GPL-2.0
/*
 * sync(2): write every dirty page out. Spindle's files live in memory
 * only (ramfs, tmpfs), with nothing behind them to write to, so there is
 * no work; the call succeeds as it does on Linux with only ramfs mounted.
 * Linux: fs/sync.c
 */
#include <linux/kernel.h>
#include <linux/syscalls.h>

SYSCALL_DEFINE0(sync)
{
	return 0;
}
