/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Odds and ends every file uses: min/max, alignment, panic().
 * Linux: include/linux/kernel.h, minmax.h, panic.h
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <stdarg.h>
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/kstrtox.h>
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <linux/stddef.h>
#include <linux/types.h>
#include <asm/page.h>

#define min(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a < _b ? _a : _b; })
#define max(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })
#define min_t(type, a, b) min((type)(a), (type)(b))
#define max_t(type, a, b) max((type)(a), (type)(b))
#define clamp(val, lo, hi) min(max(val, lo), hi)
#define min3(x, y, z) min(min(x, y), z)
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define round_up(x, y) ((((x) - 1) | ((__typeof__(x))(y) - 1)) + 1)
#define round_down(x, y) ((x) & ~((__typeof__(x))(y) - 1))
#define SZ_1K	0x400UL
#define SZ_1M	0x100000UL
#define SZ_1G	0x40000000UL

#define swap(a, b) do { __typeof__(a) __tmp = (a); (a) = (b); (b) = __tmp; } while (0)

__printf(1, 2) __noreturn __cold void panic(const char *fmt, ...);

/* How far boot has got. Linux: enum system_states in include/linux/kernel.h */
enum system_states {
	SYSTEM_BOOTING,		/* start_kernel(), no scheduling yet */
	SYSTEM_SCHEDULING,	/* rest_init() started the scheduler */
	SYSTEM_RUNNING,		/* pid 1 is running */
};
extern enum system_states system_state;

/*
 * Report sleeping in atomic context (kernel/sched/core.c), a debug check:
 * CONFIG_DEBUG_ATOMIC_SLEEP=0 (make RELEASE=1) makes might_sleep() nothing.
 */
#ifndef CONFIG_DEBUG_ATOMIC_SLEEP
#define CONFIG_DEBUG_ATOMIC_SLEEP 1
#endif
void __might_sleep(const char *file, int line);
#if CONFIG_DEBUG_ATOMIC_SLEEP
#define might_sleep() __might_sleep(__FILE__, __LINE__)
#else
#define might_sleep() do { } while (0)
#endif
extern int might_sleep_bug_count;

/* Non-zero while in-kernel tests run (boot parameter kunit.*). */
extern int spindle_test_mode;

#endif /* _LINUX_KERNEL_H */
