// SPDX-License-Identifier: GPL-2.0
/*
 * The serial console as a terminal for user processes: /dev/console
 * (5:1), /dev/ttyS0 (4:64) and /dev/tty (5:0, the caller's controlling
 * terminal) are one tty_struct, console_tty. Reads go through the line
 * discipline (n_tty.c); writes straight out, "\n" as "\r\n" (OPOST,
 * ONLCR). The ioctls are Linux's: termios (TCGETS, TCSETS*), the window
 * size, and job control (TIOCSCTTY, TIOCNOTTY, TIOCGPGRP, TIOCSPGRP,
 * TIOCGSID): a session's leader makes the terminal its controlling one,
 * the shell puts each job's process group in the foreground, and a
 * background job that reads (or changes termios) gets SIGTTIN (SIGTTOU).
 * Locking: console_tty.ctrl_lock guards pgrp and session (irqs off);
 * termios_lock (a mutex) guards termios and winsize and keeps the ldisc
 * thread from seeing half a change; tty_open_lock guards the first open
 * and the start of the line discipline's thread.
 * Linux: drivers/tty/tty_io.c, tty_ioctl.c, tty_jobctrl.c
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/syscalls.h>
#include <linux/tty.h>
#include <linux/uio.h>

#define TCGETS		0x5401
#define TCSETS		0x5402
#define TCSETSW		0x5403
#define TCSETSF		0x5404
#define TCSBRK		0x5409
#define TCXONC		0x540a
#define TCFLSH		0x540b
#define TIOCSCTTY	0x540e
#define TIOCGPGRP	0x540f
#define TIOCSPGRP	0x5410
#define TIOCOUTQ	0x5411
#define TIOCGWINSZ	0x5413
#define TIOCSWINSZ	0x5414
#define FIONREAD	0x541b
#define TIOCNOTTY	0x5422
#define TIOCGSID	0x5429
#define TCIFLUSH	0
#define TCIOFLUSH	2

/* Linux's tty_std_termios: ICRNL|IXON, OPOST|ONLCR, B38400|CS8|CREAD|HUPCL, ISIG|ICANON|ECHO... */
static const struct termios tty_std_termios = {
	.c_iflag = 0x0500, .c_oflag = 0x0005, .c_cflag = 0x04bf, .c_lflag = 0x8a3b,
	/* ^C ^\ DEL ^U ^D, VTIME 0, VMIN 1, -, ^Q ^S ^Z, -, ^R ^O ^W ^V */
	.c_cc = { 3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22 },
};

static struct tty_struct console_tty = {
	.name = "ttyS0",
	.termios_lock = __MUTEX_INITIALIZER(console_tty.termios_lock),
	.ctrl_lock = __SPIN_LOCK_UNLOCKED(console_tty.ctrl_lock),
	.winsize = { .ws_row = 24, .ws_col = 80 },
};

/* Guards the first open of console_tty and the start of its ldisc thread. */
static DEFINE_MUTEX(tty_open_lock);

/* There is one terminal; a file the kernel made without tty_open() (tests) is it too. */
static struct tty_struct *file_tty(struct file *file)
{
	return file->private_data ? file->private_data : &console_tty;
}

/**
 * tty_check_change - may current (reading, or changing the terminal) go on?
 * @tty: its terminal
 * @sig: SIGTTIN for a read, SIGTTOU for a change
 *
 * A process of a background group of the terminal's session gets @sig,
 * sent to its whole group, and the call is restarted once it is
 * continued; one that ignores or blocks @sig gets -EIO for a read and
 * goes on for a change, as Linux does.
 * Return: 0, -EIO or -ERESTARTSYS.
 * Linux: __tty_check_change()
 */
int tty_check_change(struct tty_struct *tty, int sig)
{
	unsigned long flags;
	pid_t pgrp, tty_pgrp;

	if (current->signal->tty != tty)
		return 0;	/* not its controlling terminal: no job control */
	spin_lock_irqsave(&tty->ctrl_lock, flags);
	tty_pgrp = tty->pgrp;
	spin_unlock_irqrestore(&tty->ctrl_lock, flags);
	pgrp = task_pgrp_nr(current);
	if (!tty_pgrp || pgrp == tty_pgrp)
		return 0;
	if (sig_ignored_or_blocked(current, sig))
		return sig == SIGTTIN ? -EIO : 0;
	kill_pgrp(pgrp, sig, 1);
	return -ERESTARTSYS;
}

/*
 * A user program reads (or polls) the terminal: from now on the line
 * discipline, not the spindle# shell, takes what is typed.
 */
static int tty_start_ldisc(struct tty_struct *tty)
{
	int ret;

	if (READ_ONCE(tty->ldisc_thread) || !tty->disc_data)
		return 0;
	mutex_lock(&tty_open_lock);
	ret = n_tty_start(tty);
	mutex_unlock(&tty_open_lock);
	return ret;
}

static ssize_t tty_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	struct tty_struct *tty = file_tty(file);
	int ret = tty_start_ldisc(tty);

	return ret ? ret : n_tty_read(tty, file, buf, count);
}

static ssize_t tty_write_iter(struct file *file, struct iov_iter *from, loff_t *pos)
{
	size_t count = iov_iter_count(from), done = 0;
	char chunk[128];

	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));

		if (copy_from_iter(chunk, n, from) != n)
			return done ? (ssize_t)done : -EFAULT;
		tty_write(chunk, n);
		done += n;
	}
	return done;
}

/* Make @tty current's session's controlling terminal. Linux: __proc_set_tty() */
static void proc_set_tty(struct tty_struct *tty)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->ctrl_lock, flags);
	tty->session = task_session_nr(current);
	tty->pgrp = task_pgrp_nr(current);
	spin_unlock_irqrestore(&tty->ctrl_lock, flags);
	spin_lock_irq(&tasklist_lock);
	current->signal->tty = tty;
	spin_unlock_irq(&tasklist_lock);
}

/*
 * open(2) of a terminal. /dev/tty is the caller's controlling terminal
 * (-ENXIO without one). Opening /dev/ttyS0 makes it the controlling
 * terminal of a session leader that has none, unless O_NOCTTY;
 * /dev/console never becomes one that way (Linux's rule).
 * Linux: tty_open() / tty_open_current_tty()
 */
static int tty_open(struct inode *inode, struct file *filp)
{
	struct tty_struct *tty = &console_tty;
	dev_t dev = inode ? inode->i_rdev : MKDEV(TTYAUX_MAJOR, 1);
	int ret = 0;

	if (dev == MKDEV(TTYAUX_MAJOR, 0) && current->signal->tty != tty)
		return -ENXIO;
	mutex_lock(&tty_open_lock);
	if (!tty->disc_data) {
		tty->termios = tty_std_termios;
		ret = n_tty_open(tty);
	}
	mutex_unlock(&tty_open_lock);
	if (ret)
		return ret;
	filp->private_data = tty;
	if (dev == MKDEV(TTY_MAJOR, 64) && !(filp->f_flags & O_NOCTTY) &&
	    task_session_nr(current) == current->tgid && !current->signal->tty && !tty->session)
		proc_set_tty(tty);
	return 0;
}

/* Linux: tiocsctty() */
static int tiocsctty(struct tty_struct *tty, int arg)
{
	if (current->signal->tty == tty && task_session_nr(current) == tty->session)
		return 0;
	if (task_session_nr(current) != current->tgid || current->signal->tty)
		return -EPERM;	/* only a session leader without a terminal */
	if (tty->session && arg != 1)
		return -EPERM;	/* another session's; root may steal it with 1 */
	if (tty->session) {
		struct task_struct *p;

		/* Linux: session_clear_tty() of the old session */
		spin_lock_irq(&tasklist_lock);
		for_each_process(p)
			if (p->signal && p->signal->tty == tty)
				p->signal->tty = NULL;
		spin_unlock_irq(&tasklist_lock);
	}
	proc_set_tty(tty);
	return 0;
}

/* Linux: tiocspgrp() */
static int tiocspgrp(struct tty_struct *tty, pid_t __user *p)
{
	struct task_struct *t;
	unsigned long flags;
	bool found = false;
	pid_t pgrp;
	int ret;

	ret = tty_check_change(tty, SIGTTOU);
	if (ret)
		return ret;
	if (get_user(pgrp, p))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	if (current->signal->tty != tty || task_session_nr(current) != tty->session)
		return -ENOTTY;
	spin_lock_irq(&tasklist_lock);
	for_each_process(t)
		if (t->signal && t->signal->pgrp == pgrp && t->signal->session == tty->session)
			found = true;
	spin_unlock_irq(&tasklist_lock);
	if (!found)
		return -EPERM;
	spin_lock_irqsave(&tty->ctrl_lock, flags);
	tty->pgrp = pgrp;
	spin_unlock_irqrestore(&tty->ctrl_lock, flags);
	return 0;
}

/* TCSETS, TCSETSW, TCSETSF. Linux: set_termios() */
static int set_termios(struct tty_struct *tty, unsigned int cmd, const void __user *arg)
{
	struct termios new, old;
	int ret = tty_check_change(tty, SIGTTOU);

	if (ret)
		return ret;
	if (copy_from_user(&new, arg, sizeof(new)))
		return -EFAULT;
	mutex_lock(&tty->termios_lock);
	old = tty->termios;
	tty->termios = new;
	if (cmd == TCSETSF)
		n_tty_flush_input(tty);
	n_tty_set_termios(tty, &old);
	mutex_unlock(&tty->termios_lock);
	return 0;
}

/* Linux: tty_ioctl() + tty_mode_ioctl() + tty_jobctrl_ioctl() */
static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file_tty(file);
	void __user *p = (void __user *)arg;
	unsigned long flags;
	pid_t pid;

	switch (cmd) {
	case TCGETS: {
		struct termios t;

		mutex_lock(&tty->termios_lock);
		t = tty->termios;
		mutex_unlock(&tty->termios_lock);
		return copy_to_user(p, &t, sizeof(t)) ? -EFAULT : 0;
	}
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return set_termios(tty, cmd, p);
	case TIOCGWINSZ: {
		struct winsize ws;

		mutex_lock(&tty->termios_lock);
		ws = tty->winsize;
		mutex_unlock(&tty->termios_lock);
		return copy_to_user(p, &ws, sizeof(ws)) ? -EFAULT : 0;
	}
	case TIOCSWINSZ: {
		struct winsize ws;

		if (copy_from_user(&ws, p, sizeof(ws)))
			return -EFAULT;
		mutex_lock(&tty->termios_lock);
		tty->winsize = ws;
		mutex_unlock(&tty->termios_lock);
		spin_lock_irqsave(&tty->ctrl_lock, flags);
		pid = tty->pgrp;
		spin_unlock_irqrestore(&tty->ctrl_lock, flags);
		if (pid)
			kill_pgrp(pid, SIGWINCH, 1);
		return 0;
	}
	case TCSBRK:
	case TCXONC:
		return 0;	/* output is never held back */
	case TCFLSH:
		if (arg == TCIFLUSH || arg == TCIOFLUSH)
			n_tty_flush_input(tty);
		return arg <= TCIOFLUSH ? 0 : -EINVAL;
	case TIOCOUTQ:
		return put_user(0, (int __user *)p);	/* written at once, polled */
	case FIONREAD:
		return put_user((int)n_tty_chars_in_buffer(tty), (int __user *)p);
	case TIOCSCTTY:
		return tiocsctty(tty, arg);
	case TIOCNOTTY:
		if (current->signal->tty != tty)
			return -ENOTTY;
		spin_lock_irq(&tasklist_lock);
		current->signal->tty = NULL;
		spin_unlock_irq(&tasklist_lock);
		return 0;
	case TIOCGPGRP:
	case TIOCGSID:
		if (current->signal->tty != tty)
			return -ENOTTY;
		spin_lock_irqsave(&tty->ctrl_lock, flags);
		pid = cmd == TIOCGPGRP ? tty->pgrp : tty->session;
		spin_unlock_irqrestore(&tty->ctrl_lock, flags);
		return put_user(pid, (pid_t __user *)p);
	case TIOCSPGRP:
		return tiocspgrp(tty, p);
	default:
		return -ENOTTY;
	}
}

static unsigned int tty_poll(struct file *file)
{
	struct tty_struct *tty = file_tty(file);

	return tty_start_ldisc(tty) ? POLLERR : n_tty_poll(tty);
}

const struct file_operations tty_fops = {
	.open = tty_open,
	.poll = tty_poll,
	.read = tty_read,
	.write_iter = tty_write_iter,
	.unlocked_ioctl = tty_ioctl,
};
