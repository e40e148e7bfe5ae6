/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Consoles: where printk()'s lines go. Spindle has one, the 16550 UART on
 * COM1, but printk() only knows this interface.
 * Linux: include/linux/console.h
 */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

#include <linux/list.h>

struct console {
	const char *name;
	/* Write @len bytes; called with interrupts off, must not sleep. */
	void (*write)(struct console *con, const char *s, unsigned int len);
	struct list_head node;
};

void register_console(struct console *con);
int unregister_console(struct console *con);

#endif /* _LINUX_CONSOLE_H */
