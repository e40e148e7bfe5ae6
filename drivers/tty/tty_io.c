// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/console for user processes: the serial console of kernel/tty.c
 * as a file. Reads are canonical, as Linux's n_tty in its default mode:
 * bytes are echoed, Backspace/DEL erase, Ctrl-U kills the line, Ctrl-D
 * at the start of a line is end of file, and read() returns once a whole
 * line (or as much as fits) is there. Writes turn "\n" into "\r\n".
 * Locking: console_read_lock lets one reader at a time edit the line.
 * Linux: drivers/tty/tty_io.c (tty_read, tty_write, tty_ioctl),
 * drivers/tty/n_tty.c (n_tty_read in canonical mode)
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/syscalls.h>
#include <linux/tty.h>

#define TCGETS		0x5401
#define TIOCGPGRP	0x540f
#define TIOCGWINSZ	0x5413

/* One reader at a time: guards line[], line_len, line_pos and line_done. */
static DEFINE_MUTEX(console_read_lock);
static char line[256];
static size_t line_len, line_pos;	/* bytes in line[], bytes handed out */
static bool line_done;			/* a newline (or EOF) ended line[] */

/* Edit one line into line[]: -ERESTARTSYS if a signal came first. */
static int n_tty_fill_line(void)
{
	line_len = line_pos = 0;
	line_done = false;
	while (!line_done) {
		int c = tty_read_char_interruptible();

		if (c < 0)
			return c;
		if (c == '\r')
			c = '\n';		/* ICRNL */
		if (c == 0x7f || c == '\b') {	/* VERASE */
			if (line_len) {
				line_len--;
				tty_write("\b \b", 3);
			}
			continue;
		}
		if (c == 0x15) {		/* VKILL: Ctrl-U */
			while (line_len) {
				line_len--;
				tty_write("\b \b", 3);
			}
			continue;
		}
		if (c == 0x04) {		/* VEOF: Ctrl-D ends the line, unsent */
			line_done = true;
			break;
		}
		if (line_len == sizeof(line) - 1 && c != '\n')
			continue;		/* full: only a newline fits */
		line[line_len++] = c;
		tty_write((char *)&line[line_len - 1], 1);	/* ECHO */
		if (c == '\n')
			line_done = true;
	}
	return 0;
}

static ssize_t tty_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	size_t n;
	int ret;

	if (mutex_lock_interruptible(&console_read_lock))
		return -ERESTARTSYS;
	if (line_pos == line_len) {
		ret = n_tty_fill_line();
		if (ret) {
			mutex_unlock(&console_read_lock);
			return ret;
		}
	}
	n = min(count, line_len - line_pos);
	if (copy_to_user(buf, line + line_pos, n)) {
		mutex_unlock(&console_read_lock);
		return -EFAULT;
	}
	line_pos += n;
	mutex_unlock(&console_read_lock);
	return n;
}

static ssize_t tty_write_file(struct file *file, const char __user *buf, size_t count,
			      loff_t *pos)
{
	char chunk[128];
	size_t done = 0;

	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));

		if (copy_from_user(chunk, buf + done, n))
			return done ? (ssize_t)done : -EFAULT;
		tty_write(chunk, n);
		done += n;
	}
	return done;
}

struct winsize {
	unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel;
};

/* The termios of a canonical, echoing tty (Linux's tty_std_termios). */
struct termios {
	unsigned int c_iflag, c_oflag, c_cflag, c_lflag;
	unsigned char c_line;
	unsigned char c_cc[19];
};

static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case TIOCGWINSZ: {
		struct winsize ws = { .ws_row = 24, .ws_col = 80 };

		return copy_to_user((void __user *)arg, &ws, sizeof(ws)) ? -EFAULT : 0;
	}
	case TCGETS: {
		/* ICRNL | IXON, OPOST | ONLCR, B38400 | CS8 | CREAD | HUPCL, ISIG | ICANON | ECHO... */
		struct termios t = {
			.c_iflag = 0x0500, .c_oflag = 0x0005, .c_cflag = 0x04bf, .c_lflag = 0x8a3b,
			.c_cc = { 3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22 },
		};

		return copy_to_user((void __user *)arg, &t, sizeof(t)) ? -EFAULT : 0;
	}
	case TIOCGPGRP:
		return put_user(1, (int __user *)arg);
	default:
		return -ENOTTY;
	}
}

/* POLLIN when a read would not wait: a line begun, or a byte typed. */
static unsigned int tty_poll(struct file *file)
{
	bool ready = READ_ONCE(line_pos) < READ_ONCE(line_len) || tty_input_ready();

	return POLLOUT | (ready ? POLLIN : 0);
}

const struct file_operations tty_fops = {
	.poll = tty_poll,
	.read = tty_read,
	.write = tty_write_file,
	.unlocked_ioctl = tty_ioctl,
};
