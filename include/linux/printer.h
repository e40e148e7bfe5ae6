/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where a listing goes. The functions that print a table (show_tasks(),
 * show_mem(), slab_show_all(), trace_print(), ...) take a struct printer
 * and write each line through printer_printf():
 *  - &printk_printer sends the lines to printk() at KERN_INFO, so they
 *    are kept in the kernel log with timestamps (the boot demo, a panic);
 *  - &console_printer writes them to the console as plain text, without
 *    timestamps and not into the kernel log, as the output of a command
 *    typed at the shell should be (a user-space ps writes to its terminal,
 *    not to dmesg).
 * Each printer_printf() call prints whole lines: its text ends with "\n"
 * (printk() would otherwise hold the piece back and give the next call's
 * text a line of its own). Build a line in a buffer first if need be.
 * Linux: the SEQ_printf() pattern of kernel/sched/debug.c (one function
 * prints to printk() or to a seq_file) and struct drm_printer in
 * include/drm/drm_print.h (an output chosen by a function pointer).
 */
#ifndef _LINUX_PRINTER_H
#define _LINUX_PRINTER_H

#include <stdarg.h>
#include <linux/compiler.h>

struct printer {
	/* Print the formatted text; called in process or interrupt context. */
	void (*vprintf)(const struct printer *p, const char *fmt, va_list args);
};

/* printk() at KERN_INFO (kernel/printk.c). */
extern const struct printer printk_printer;
/* The console, plain text, not logged (kernel/tty.c). */
extern const struct printer console_printer;

/**
 * printer_printf - print through @p
 * @p: where the text goes
 * @fmt: printf-style format
 */
static inline __printf(2, 3) void printer_printf(const struct printer *p, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	p->vprintf(p, fmt, args);
	va_end(args);
}

#endif /* _LINUX_PRINTER_H */
