// SPDX-License-Identifier: GPL-2.0
/*
 * poll(2): which of the given descriptors can be read or written without
 * waiting, waiting up to a timeout for one to be. Each file's ->poll()
 * says (files of the tree are always ready; the console when a line or
 * a byte is there). Spindle's wait is a check every timer tick rather
 * than Linux's wait queues (poll_wait()): simpler, and fine for a
 * console at human speed.
 * Linux: fs/select.c (do_sys_poll, do_poll)
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>

#define POLL_MAX_FDS	NR_OPEN_DEFAULT

struct pollfd {
	int fd;
	short events;
	short revents;
};

/* Fill each revents; the number of descriptors with one. Linux: do_pollfd() */
static int poll_once(struct pollfd *fds, unsigned int nfds)
{
	int count = 0;

	for (unsigned int i = 0; i < nfds; i++) {
		struct file *f;
		unsigned int mask;

		fds[i].revents = 0;
		if (fds[i].fd < 0)
			continue;
		f = fget(fds[i].fd);
		if (!f) {
			fds[i].revents = POLLNVAL;
			count++;
			continue;
		}
		mask = f->f_op && f->f_op->poll ? f->f_op->poll(f) : POLLIN | POLLOUT;
		fput(f);
		fds[i].revents = mask & (fds[i].events | POLLERR | POLLHUP);
		count += !!fds[i].revents;
	}
	return count;
}

SYSCALL_DEFINE3(poll, struct pollfd __user *, ufds, unsigned int, nfds, int, timeout_msecs)
{
	struct pollfd fds[POLL_MAX_FDS];
	unsigned long end = jiffies + (timeout_msecs > 0 ? msecs_to_jiffies(timeout_msecs) : 0);
	int count;

	if (nfds > POLL_MAX_FDS)
		return -EINVAL;
	if (copy_from_user(fds, ufds, nfds * sizeof(fds[0])))
		return -EFAULT;
	for (;;) {
		count = poll_once(fds, nfds);
		if (count || !timeout_msecs || (timeout_msecs > 0 && time_after_eq(jiffies, end)))
			break;
		if (signal_pending(current))
			return -ERESTARTNOHAND;
		schedule_timeout_interruptible(1);
	}
	for (unsigned int i = 0; i < nfds; i++)
		if (put_user(fds[i].revents, &ufds[i].revents))
			return -EFAULT;
	return count;
}
