// SPDX-License-Identifier: GPL-2.0
/*
 * The line discipline between the serial port and user space, as
 * Linux's N_TTY: each byte typed goes through n_tty_receive_char(),
 * which applies termios. With ISIG, ^C, ^\ and ^Z become SIGINT, SIGQUIT
 * and SIGTSTP for the foreground process group (and throw away the
 * input); with ICANON the input is edited into lines (erase, kill, word
 * erase, ^D for end of file) and read() returns a line at a time; without
 * it, bytes are readable as they come (VMIN/VTIME). ECHO echoes, control
 * characters as ^X with ECHOCTL.
 *
 * The bytes come from a kthread, ldisc/ttyS0, that reads the console's
 * raw buffer (kernel/tty.c) and calls n_tty_receive_char(): Linux runs
 * the same code from a workqueue (flush_to_ldisc()), out of the
 * interrupt, because sending a signal needs the task list.
 *
 * Locking: ldata->lock (irqs off) guards the buffer and its indices;
 * readers sleep on read_wait without it. The ldisc thread is the only
 * writer, readers the only ones to advance read_tail.
 * Linux: drivers/tty/n_tty.c
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/tty.h>
#include <linux/wait.h>

#define N_TTY_BUF_SIZE	4096	/* a power of two: the indices wrap freely */

struct n_tty_data {
	/* Guards read_buf, read_flags and the indices; irqs off. */
	spinlock_t lock;
	unsigned int read_head;		/* where the next byte typed goes */
	unsigned int canon_head;	/* end of the last complete line (ICANON) */
	unsigned int read_tail;		/* next byte a reader takes */
	char read_buf[N_TTY_BUF_SIZE];
	unsigned long read_flags[N_TTY_BUF_SIZE / BITS_PER_LONG];	/* line ends */
	wait_queue_head_t read_wait;
};

#define RB(ld, i)	((ld)->read_buf[(i) & (N_TTY_BUF_SIZE - 1)])

static bool test_line_end(struct n_tty_data *ld, unsigned int i)
{
	i &= N_TTY_BUF_SIZE - 1;
	return ld->read_flags[i / BITS_PER_LONG] & (1UL << (i % BITS_PER_LONG));
}

static void set_line_end(struct n_tty_data *ld, unsigned int i, bool on)
{
	unsigned long bit;

	i &= N_TTY_BUF_SIZE - 1;
	bit = 1UL << (i % BITS_PER_LONG);
	if (on)
		ld->read_flags[i / BITS_PER_LONG] |= bit;
	else
		ld->read_flags[i / BITS_PER_LONG] &= ~bit;
}

#define L_FLAG(tty, f)	((tty)->termios.c_lflag & (f))
#define I_FLAG(tty, f)	((tty)->termios.c_iflag & (f))

/* Echo @c, a control character as ^X. Linux: echo_char() */
static void echo_char(struct tty_struct *tty, unsigned char c)
{
	if (L_FLAG(tty, ECHOCTL) && c < 0x20 && c != '\t' && c != '\n') {
		char ctl[2] = { '^', c ^ 0100 };

		tty_write(ctl, 2);
	} else if (c == 0x7f && L_FLAG(tty, ECHOCTL)) {
		tty_write("^?", 2);
	} else {
		tty_write((char *)&c, 1);
	}
}

/* Take back the last character of the line being edited (under ld->lock). */
static bool erase_one(struct tty_struct *tty, struct n_tty_data *ld)
{
	unsigned char c;

	if (ld->read_head == ld->canon_head)
		return false;
	c = RB(ld, --ld->read_head);
	if (L_FLAG(tty, ECHO) && L_FLAG(tty, ECHOE)) {
		tty_write("\b \b", 3);
		if (L_FLAG(tty, ECHOCTL) && (c < 0x20 || c == 0x7f) && c != '\t')
			tty_write("\b \b", 3);	/* the ^ of ^X too */
	}
	return true;
}

/**
 * n_tty_flush_input - throw away everything typed and not read
 * @tty: the terminal
 * Linux: n_tty_flush_buffer() / reset_buffer_flags()
 */
void n_tty_flush_input(struct tty_struct *tty)
{
	struct n_tty_data *ld = tty->disc_data;
	unsigned long flags;

	if (!ld)
		return;
	spin_lock_irqsave(&ld->lock, flags);
	ld->read_tail = ld->canon_head = ld->read_head;
	memset(ld->read_flags, 0, sizeof(ld->read_flags));
	spin_unlock_irqrestore(&ld->lock, flags);
}

/* ^C, ^\, ^Z: the signal to the foreground group. Linux: isig() / n_tty_receive_signal_char() */
static void n_tty_receive_signal_char(struct tty_struct *tty, int sig, unsigned char c)
{
	unsigned long flags;
	pid_t pgrp;

	if (!L_FLAG(tty, NOFLSH))
		n_tty_flush_input(tty);
	if (L_FLAG(tty, ECHO))
		echo_char(tty, c);
	spin_lock_irqsave(&tty->ctrl_lock, flags);
	pgrp = tty->pgrp;
	spin_unlock_irqrestore(&tty->ctrl_lock, flags);
	if (pgrp)
		kill_pgrp(pgrp, sig, 1);
	wake_up_interruptible_all(&tty->disc_data->read_wait);
}

/**
 * n_tty_receive_char - one byte typed, through termios
 * @tty: the terminal
 * @c: the byte
 * Linux: n_tty_receive_char_special() / n_tty_receive_char()
 */
static void n_tty_receive_char(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ld = tty->disc_data;
	const unsigned char *cc = tty->termios.c_cc;
	unsigned long flags;
	bool wake = false;

	if (c == '\r') {
		if (I_FLAG(tty, IGNCR))
			return;
		if (I_FLAG(tty, ICRNL))
			c = '\n';
	} else if (c == '\n' && I_FLAG(tty, INLCR)) {
		c = '\r';
	}
	if (L_FLAG(tty, ISIG)) {
		int sig = c == cc[VINTR] ? SIGINT : c == cc[VQUIT] ? SIGQUIT :
			  c == cc[VSUSP] ? SIGTSTP : 0;

		if (sig && c) {
			n_tty_receive_signal_char(tty, sig, c);
			return;
		}
	}
	spin_lock_irqsave(&ld->lock, flags);
	if (L_FLAG(tty, ICANON)) {
		if (c == cc[VERASE] || (c == '\b' && cc[VERASE] == 0x7f)) {
			erase_one(tty, ld);
			goto out;
		}
		if (c == cc[VKILL]) {
			while (erase_one(tty, ld))
				;
			goto out;
		}
		if (c == cc[VWERASE] && L_FLAG(tty, IEXTEN)) {
			while (ld->read_head != ld->canon_head && RB(ld, ld->read_head - 1) == ' ')
				erase_one(tty, ld);
			while (ld->read_head != ld->canon_head && RB(ld, ld->read_head - 1) != ' ')
				erase_one(tty, ld);
			goto out;
		}
		if (c == '\n' || c == cc[VEOF] || (c && (c == cc[VEOL] || c == cc[VEOL2]))) {
			if (ld->read_head - ld->read_tail >= N_TTY_BUF_SIZE)
				goto out;
			if (c == '\n' ? L_FLAG(tty, ECHO | ECHONL) : (c != cc[VEOF] && L_FLAG(tty, ECHO)))
				echo_char(tty, c);
			set_line_end(ld, ld->read_head, true);
			RB(ld, ld->read_head++) = c;
			ld->canon_head = ld->read_head;
			wake = true;
			goto out;
		}
		/* Keep room for the newline that ends the line. */
		if (ld->read_head - ld->read_tail >= N_TTY_BUF_SIZE - 1)
			goto out;
	} else if (ld->read_head - ld->read_tail >= N_TTY_BUF_SIZE) {
		goto out;
	}
	if (L_FLAG(tty, ECHO))
		echo_char(tty, c);
	set_line_end(ld, ld->read_head, false);
	RB(ld, ld->read_head++) = c;
	if (!L_FLAG(tty, ICANON)) {
		ld->canon_head = ld->read_head;
		wake = true;
	}
out:
	spin_unlock_irqrestore(&ld->lock, flags);
	if (wake)
		wake_up_interruptible_all(&ld->read_wait);
}

/* ldisc/ttyS0: every byte typed while user space has the console. Linux: flush_to_ldisc() */
static int n_tty_receive_thread(void *data)
{
	struct tty_struct *tty = data;

	for (;;) {
		int c = tty_read_char_user();

		mutex_lock(&tty->termios_lock);
		n_tty_receive_char(tty, c);
		mutex_unlock(&tty->termios_lock);
	}
	return 0;
}

/**
 * n_tty_open - attach the line discipline to @tty
 * @tty: the terminal, opened for the first time
 *
 * The bytes typed keep going to the spindle# shell until a user program
 * reads the terminal (n_tty_start()): pid 1 opens /dev/console for its
 * fds 0, 1 and 2 whether or not it ever runs a program.
 * Return: 0, or -ENOMEM.
 * Linux: n_tty_open()
 */
int n_tty_open(struct tty_struct *tty)
{
	struct n_tty_data *ld = kzalloc(sizeof(*ld), GFP_KERNEL);

	if (!ld)
		return -ENOMEM;
	spin_lock_init(&ld->lock);
	init_waitqueue_head(&ld->read_wait);
	tty->disc_data = ld;
	return 0;
}

/**
 * n_tty_start - user space reads @tty: take the console's input from now on
 * @tty: the terminal (tty_open_lock held)
 * Return: 0, or the error of kthread_run().
 */
int n_tty_start(struct tty_struct *tty)
{
	struct task_struct *t;

	if (tty->ldisc_thread)
		return 0;
	t = kthread_run(n_tty_receive_thread, tty, "ldisc/%s", tty->name);
	if (IS_ERR(t))
		return PTR_ERR(t);
	WRITE_ONCE(tty->ldisc_thread, t);
	tty_register_user_reader();
	return 0;
}

/**
 * n_tty_set_termios - termios changed: what that does to the input
 * @tty: the terminal (termios_lock held)
 * @old: the termios before
 *
 * Leaving canonical mode makes the line being edited readable at once.
 * Linux: n_tty_set_termios()
 */
void n_tty_set_termios(struct tty_struct *tty, const struct termios *old)
{
	struct n_tty_data *ld = tty->disc_data;
	unsigned long flags;

	if (!ld || !((old->c_lflag ^ tty->termios.c_lflag) & ICANON))
		return;
	spin_lock_irqsave(&ld->lock, flags);
	if (!L_FLAG(tty, ICANON))
		ld->canon_head = ld->read_head;
	spin_unlock_irqrestore(&ld->lock, flags);
	wake_up_interruptible_all(&ld->read_wait);
}

/* Can a read return now? Canonical: a whole line; raw: @min bytes. */
static bool input_available(struct tty_struct *tty, unsigned int min)
{
	struct n_tty_data *ld = tty->disc_data;

	if (L_FLAG(tty, ICANON))
		return READ_ONCE(ld->canon_head) != READ_ONCE(ld->read_tail);
	return READ_ONCE(ld->canon_head) - READ_ONCE(ld->read_tail) >= min;
}

/**
 * n_tty_chars_in_buffer - bytes a read could take now (FIONREAD)
 * @tty: the terminal
 * Return: the count.
 */
size_t n_tty_chars_in_buffer(struct tty_struct *tty)
{
	struct n_tty_data *ld = tty->disc_data;

	return ld ? READ_ONCE(ld->canon_head) - READ_ONCE(ld->read_tail) : 0;
}

/* Copy what a read may take: a line (ICANON), else what is there. Linux: canon_copy_from_read_buf() */
static ssize_t copy_from_read_buf(struct tty_struct *tty, char __user *buf, size_t nr)
{
	struct n_tty_data *ld = tty->disc_data;
	bool canon = L_FLAG(tty, ICANON);
	unsigned char veof = tty->termios.c_cc[VEOF];
	size_t done = 0;

	while (done < nr) {
		unsigned long flags;
		bool end;
		char c;

		spin_lock_irqsave(&ld->lock, flags);
		if (ld->read_tail == ld->canon_head) {
			spin_unlock_irqrestore(&ld->lock, flags);
			break;
		}
		c = RB(ld, ld->read_tail);
		end = canon && test_line_end(ld, ld->read_tail);
		ld->read_tail++;
		spin_unlock_irqrestore(&ld->lock, flags);
		if (end && (unsigned char)c == veof && c != '\n')
			break;		/* ^D: the line ends here, unsent */
		if (put_user(c, buf + done))
			return done ? (ssize_t)done : -EFAULT;
		done++;
		if (end)
			break;
	}
	return done;
}

/**
 * n_tty_read - read(2) of the terminal
 * @tty: the terminal
 * @file: the open file (O_NONBLOCK)
 * @buf: the user's buffer
 * @nr: its size
 *
 * A background process gets SIGTTIN (tty_check_change()). Canonical
 * mode waits for a line; raw mode for VMIN bytes, or with VMIN 0 up to
 * VTIME tenths of a second for any.
 * Return: bytes read (0 at ^D), -EAGAIN, -EIO, -ERESTARTSYS or -EFAULT.
 * Linux: n_tty_read()
 */
ssize_t n_tty_read(struct tty_struct *tty, struct file *file, char __user *buf, size_t nr)
{
	struct n_tty_data *ld = tty->disc_data;
	unsigned int min = 1;
	long timeout = MAX_SCHEDULE_TIMEOUT;
	int ret;

	if (!ld)
		return -EIO;	/* never opened: no line discipline */
	ret = tty_check_change(tty, SIGTTIN);
	if (ret)
		return ret;
	if (!nr)
		return 0;
	if (!L_FLAG(tty, ICANON)) {
		unsigned char vmin = tty->termios.c_cc[VMIN], vtime = tty->termios.c_cc[VTIME];

		min = vmin ? min_t(size_t, vmin, nr) : 1;
		if (!vmin)
			timeout = vtime ? msecs_to_jiffies(vtime * 100) : 0;
	}
	while (!input_available(tty, min)) {
		long left;

		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (!timeout)
			return 0;	/* VMIN 0, VTIME 0: only what is there */
		left = wait_event_interruptible_timeout(ld->read_wait, input_available(tty, min),
							timeout);
		if (left < 0)
			return -ERESTARTSYS;
		if (timeout != MAX_SCHEDULE_TIMEOUT) {
			if (!left)
				break;	/* VTIME is up: what there is, maybe nothing */
			timeout = left;
		}
	}
	return copy_from_read_buf(tty, buf, nr);
}

/**
 * n_tty_poll - poll(2) of the terminal
 * @tty: the terminal
 * Return: POLLOUT, and POLLIN when a read would not wait.
 * Linux: n_tty_poll()
 */
unsigned int n_tty_poll(struct tty_struct *tty)
{
	return POLLOUT | POLLWRNORM |
	       (tty->disc_data && input_available(tty, 1) ? POLLIN | POLLRDNORM : 0);
}
