/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The serial console as a terminal: bytes typed on COM1 arrive by
 * interrupt into a small buffer that a reader sleeps on, and text goes
 * out with "\n" turned into "\r\n". The tty is raw: no echo, no line
 * editing (the shell does both, as a user-space readline would).
 * Linux: include/linux/tty.h, drivers/tty/n_tty.c (much reduced)
 */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <stdarg.h>
#include <linux/compiler.h>
#include <linux/types.h>

#define TTY_PRINTF_MAX	1024	/* bytes of one tty_printf(), with its NUL */

int tty_init(void);
int tty_read_char(void);
/* Would tty_read_char() return at once? */
bool tty_input_ready(void);
/* The same, but a pending signal ends the wait with -ERESTARTSYS. */
int tty_read_char_interruptible(void);
void tty_write(const char *buf, size_t len);
void tty_puts(const char *s);
__printf(1, 2) void tty_printf(const char *fmt, ...);
__printf(1, 0) void tty_vprintf(const char *fmt, va_list args);
/* printk()'s lines, put below what is on the screen (the serial console). */
void tty_console_write(const char *s, unsigned int len);

/*
 * The line being typed: the shell's editor changes it only through these,
 * so that a printk() line can show the prompt and the line again after it.
 */
void tty_edit_begin(const char *prompt, char *line, size_t size);
void tty_edit_end(const char *tail);
bool tty_edit_append(char c);
void tty_edit_erase(void);
void tty_edit_replace(const char *text);

/* Bytes received, and bytes dropped because the buffer was full. */
extern unsigned long tty_rx_count, tty_rx_dropped;

#endif /* _LINUX_TTY_H */
