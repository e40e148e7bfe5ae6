/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The serial console as a terminal: bytes typed on COM1 arrive by
 * interrupt into a small raw buffer (kernel/tty.c) that one reader at a
 * time takes from: the spindle# shell, which edits its own lines, or user
 * space's line discipline (drivers/tty/n_tty.c, behind struct tty_struct
 * and /dev/console). Text goes out with "\n" turned into "\r\n".
 * Linux: include/linux/tty.h, drivers/tty/tty_buffer.c, n_tty.c
 */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <stdarg.h>
#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

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

/* Bytes received from COM1 (none is dropped: a full buffer holds the line back). */
extern unsigned long tty_rx_count;

/* User space's side of the console (drivers/tty/): who reads the raw bytes. */
void tty_register_user_reader(void);
int tty_read_char_user(void);

/* termios, x86-64 layout. Linux: include/uapi/asm-generic/termbits.h */
#define NCCS	19
struct termios {
	unsigned int c_iflag, c_oflag, c_cflag, c_lflag;
	unsigned char c_line;
	unsigned char c_cc[NCCS];
};

struct winsize {
	unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel;
};

/* c_cc[] */
#define VINTR	0
#define VQUIT	1
#define VERASE	2
#define VKILL	3
#define VEOF	4
#define VTIME	5
#define VMIN	6
#define VSUSP	10
#define VEOL	11
#define VWERASE	14
#define VEOL2	16
/* c_iflag */
#define IGNCR	0000200
#define ICRNL	0000400
#define INLCR	0000100
/* c_lflag */
#define ISIG	0000001
#define ICANON	0000002
#define ECHO	0000010
#define ECHOE	0000020
#define ECHOK	0000040
#define ECHONL	0000100
#define NOFLSH	0000200
#define ECHOCTL	0001000
#define ECHOKE	0004000
#define IEXTEN	0100000

struct n_tty_data;
struct file;
struct task_struct;

/*
 * A terminal: the serial console is the only one. Locking: ctrl_lock
 * guards pgrp and session (with irqs off: signals are sent from the
 * ldisc thread); termios changes under termios_lock.
 * Linux: struct tty_struct (include/linux/tty.h)
 */
struct tty_struct {
	const char *name;
	struct termios termios;
	struct mutex termios_lock;	/* guards termios and winsize */
	struct winsize winsize;
	spinlock_t ctrl_lock;		/* guards pgrp and session */
	pid_t pgrp;			/* the foreground process group, 0: none */
	pid_t session;			/* the session it controls, 0: none */
	struct n_tty_data *disc_data;
	struct task_struct *ldisc_thread;	/* feeds n_tty the bytes typed */
};

/* drivers/tty/n_tty.c */
int n_tty_open(struct tty_struct *tty);
int n_tty_start(struct tty_struct *tty);
ssize_t n_tty_read(struct tty_struct *tty, struct file *file, char __user *buf, size_t nr);
unsigned int n_tty_poll(struct tty_struct *tty);
void n_tty_set_termios(struct tty_struct *tty, const struct termios *old);
void n_tty_flush_input(struct tty_struct *tty);
size_t n_tty_chars_in_buffer(struct tty_struct *tty);
/* drivers/tty/tty_io.c: -ERESTARTSYS after SIGTTIN/SIGTTOU to a background job, -EIO, or 0 */
int tty_check_change(struct tty_struct *tty, int sig);

#endif /* _LINUX_TTY_H */
