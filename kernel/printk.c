// SPDX-License-Identifier: GPL-2.0
/*
 * printk(): format a message, keep it in the log ring buffer (log_buf),
 * and show it on the consoles if its level is below console_loglevel.
 *
 * log_buf holds records, each a struct printk_log header followed by the
 * text (no newline), padded to 8 bytes. When the next record does not fit
 * before the end of the buffer, a header with len == 0 marks the wrap and
 * writing goes on at offset 0; the oldest records are dropped to make room.
 * log_first_idx/log_first_seq name the oldest record kept, log_next_idx/
 * log_next_seq where the next goes. tools/gdb/spindle.py walks the same
 * structure, so GDB can print the log of a stopped or crashed kernel.
 *
 * A message without a trailing newline is held in a line buffer and
 * completed by the next printk() (pr_cont()), as Linux does.
 *
 * syslog(2) reads the records (busybox's dmesg) at the end of this file.
 *
 * Locking: logbuf_lock, taken with interrupts off, guards log_buf, the
 * indexes, the line buffer and console output, so lines from an interrupt
 * handler never land inside another line.
 * Linux: kernel/printk/printk.c (the pre-5.10 log_buf design, before the
 * lockless ring buffer)
 */
#include <linux/console.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/printer.h>
#include <linux/printk.h>
#include <linux/sched/clock.h>
#include <linux/spinlock.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define LOG_BUF_SHIFT	17			/* 128 KiB */
#define LOG_BUF_LEN	(1U << LOG_BUF_SHIFT)
#define LOG_LINE_MAX	1024
#define LOG_LINE_PREFIX_MAX	32		/* "[12345.123456] " and more */

/* One record's header in log_buf; the text follows it. */
struct printk_log {
	u64 ts_nsec;		/* local_clock() when the line was finished */
	u16 len;		/* header + text + padding; 0 marks a wrap */
	u16 text_len;
	u8 level;
	u8 pad[3];
};

static char __log_buf[LOG_BUF_LEN] __aligned(8);
/* GDB reads these by name. */
char *log_buf = __log_buf;
u32 log_buf_len = LOG_BUF_LEN;
u32 log_first_idx, log_next_idx;
u64 log_first_seq, log_next_seq;

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

static LIST_HEAD(console_list);
/* Guards log_buf, its indexes, the cont_* line and console output; irqs off. */
static DEFINE_RAW_SPINLOCK(logbuf_lock);
/*
 * The CPU holding logbuf_lock, or -1, for printk_zap_locks(): set just
 * after taking the lock, cleared just before releasing it, so it is right
 * whenever the holder is stopped. Kept here, not read from the lock: the
 * release build's spinlock records no owner. Linux: logbuf_cpu
 */
static int logbuf_cpu = -1;

#define logbuf_lock_irqsave(flags) do {					\
	raw_spin_lock_irqsave(&logbuf_lock, flags);			\
	WRITE_ONCE(logbuf_cpu, smp_processor_id());			\
} while (0)
#define logbuf_unlock_irqrestore(flags) do {				\
	WRITE_ONCE(logbuf_cpu, -1);					\
	raw_spin_unlock_irqrestore(&logbuf_lock, flags);		\
} while (0)

/* The line being built by printk()s without a newline. */
static char cont_buf[LOG_LINE_MAX];
static unsigned int cont_len;
static int cont_level = -1;

static struct printk_log *log_at(u32 idx)
{
	return (struct printk_log *)(log_buf + idx);
}

/* Record @seq, or NULL if it is no longer (or not yet) kept. Under logbuf_lock. */
static struct printk_log *log_find(u64 seq)
{
	u32 idx = log_first_idx;

	lockdep_assert_held(&logbuf_lock);
	if (seq < log_first_seq || seq >= log_next_seq)
		return NULL;
	for (u64 s = log_first_seq; s < seq; s++) {
		idx += log_at(idx)->len;
		if (log_at(idx)->len == 0)
			idx = 0;	/* the wrap marker */
	}
	return log_at(idx);
}

/* Drop the oldest record; a wrap marker after it sends us back to 0. */
static void log_drop_first(void)
{
	log_first_idx += log_at(log_first_idx)->len;
	log_first_seq++;
	if (log_first_seq < log_next_seq && log_at(log_first_idx)->len == 0)
		log_first_idx = 0;
}

/*
 * Is there room for @size bytes plus a following header (a possible wrap
 * marker)? The free space is either after the newest record up to the end
 * and before the oldest (wrapping there is allowed), or the gap between.
 */
static bool log_has_space(u32 size)
{
	u32 free;

	if (log_next_seq == log_first_seq || log_next_idx > log_first_idx) {
		free = log_buf_len - log_next_idx;
		if (log_first_idx > free)
			free = log_first_idx;
	} else {
		free = log_first_idx - log_next_idx;
	}
	return free >= size + sizeof(struct printk_log);
}

static void log_store(int level, u64 ts, const char *text, u16 text_len)
{
	u32 size = ALIGN(sizeof(struct printk_log) + text_len, 8);
	struct printk_log *msg;

	while (log_first_seq < log_next_seq && !log_has_space(size))
		log_drop_first();
	if (log_next_seq == log_first_seq)
		log_first_idx = log_next_idx = 0;
	if (log_next_idx + size + sizeof(struct printk_log) > log_buf_len) {
		/* No room before the end: leave a marker and go on at 0. */
		log_at(log_next_idx)->len = 0;
		log_next_idx = 0;
	}
	msg = log_at(log_next_idx);
	msg->ts_nsec = ts;
	msg->len = size;
	msg->text_len = text_len;
	msg->level = level;
	memcpy(msg + 1, text, text_len);
	log_next_idx += size;
	log_next_seq++;
}

static void console_emit(const char *s, unsigned int len)
{
	struct console *con;

	list_for_each_entry(con, &console_list, node)
		con->write(con, s, len);
}

/*
 * Print "[    1.234567] text\n" on the consoles if the level allows it,
 * in one write: a console that has to redraw a line being typed (the
 * shell's, kernel/tty.c) sees each message whole.
 */
static void console_emit_line(int level, u64 ts, const char *text, unsigned int len)
{
	static char line[LOG_LINE_PREFIX_MAX + LOG_LINE_MAX + 1];
	unsigned long rem_nsec = ts % 1000000000;
	int n;

	if (level >= console_loglevel)
		return;
	n = scnprintf(line, LOG_LINE_PREFIX_MAX + 1, "[%5lu.%06lu] ",
		      (unsigned long)(ts / 1000000000), rem_nsec / 1000);
	memcpy(line + n, text, len);
	line[n + len] = '\n';
	console_emit(line, n + len + 1);
}

/* Finish the held line: store it and show it. Called with logbuf_lock. */
static void cont_flush(void)
{
	u64 ts;

	lockdep_assert_held(&logbuf_lock);
	if (cont_level < 0)
		return;
	ts = local_clock();
	log_store(cont_level, ts, cont_buf, cont_len);
	console_emit_line(cont_level, ts, cont_buf, cont_len);
	cont_len = 0;
	cont_level = -1;
}

/**
 * vprintk_emit - printk() at a level given apart from the text
 * @level: a LOGLEVEL_*, or LOGLEVEL_DEFAULT to take the KERN_* prefix of
 *         the text (or MESSAGE_LOGLEVEL_DEFAULT without one)
 * @fmt: format
 * @args: its arguments
 *
 * Return: the number of characters of text stored.
 * Linux: vprintk_emit() in kernel/printk/printk.c (without its facility
 * and device info)
 */
int vprintk_emit(int level, const char *fmt, va_list args)
{
	static char textbuf[LOG_LINE_MAX];
	unsigned long flags;
	bool cont = false;
	char *text;
	int len;

	logbuf_lock_irqsave(flags);
	len = vscnprintf(textbuf, sizeof(textbuf), fmt, args);
	text = textbuf;
	/* Strip the level prefixes. */
	while (len >= 2 && text[0] == KERN_SOH_ASCII) {
		if (text[1] >= '0' && text[1] <= '7' && level == LOGLEVEL_DEFAULT)
			level = text[1] - '0';
		else if (text[1] == 'c')
			cont = true;
		text += 2;
		len -= 2;
	}
	/* A new level (or no continuation) ends a line still being built. */
	if (cont_level >= 0 && (!cont || level >= 0))
		cont_flush();
	if (cont_level < 0)
		cont_level = level >= 0 ? level : MESSAGE_LOGLEVEL_DEFAULT;

	/* Split into lines; the last piece waits for its newline. */
	for (int i = 0; i < len; i++) {
		if (text[i] == '\n') {
			cont_flush();
			if (i + 1 < len)
				cont_level = level >= 0 ? level : MESSAGE_LOGLEVEL_DEFAULT;
			continue;
		}
		if (cont_len < sizeof(cont_buf))
			cont_buf[cont_len++] = text[i];
	}
	logbuf_unlock_irqrestore(flags);
	return len;
}

/**
 * vprintk - printk() with a va_list
 * @fmt: format, optionally starting with a KERN_* level
 * @args: its arguments
 *
 * Return: the number of characters of text stored.
 * Linux: vprintk() in kernel/printk/printk.c
 */
int vprintk(const char *fmt, va_list args)
{
	return vprintk_emit(LOGLEVEL_DEFAULT, fmt, args);
}

static void printk_printer_vprintf(const struct printer *p, const char *fmt, va_list args)
{
	vprintk_emit(LOGLEVEL_INFO, fmt, args);
}

/* The kernel log, at KERN_INFO: see <linux/printer.h>. */
const struct printer printk_printer = {
	.vprintf = printk_printer_vprintf,
};

/**
 * printk - print a kernel message
 * @fmt: format, optionally starting with a KERN_* level
 *
 * Return: the number of characters of text stored.
 * Linux: printk() in kernel/printk/printk.c
 */
int printk(const char *fmt, ...)
{
	va_list args;
	int r;

	va_start(args, fmt);
	r = vprintk(fmt, args);
	va_end(args);
	return r;
}

/**
 * printk_flush - finish a line held for lack of a newline
 *
 * panic() calls this so a half-printed line is never lost.
 */
void printk_flush(void)
{
	unsigned long flags;

	logbuf_lock_irqsave(flags);
	cont_flush();
	logbuf_unlock_irqrestore(flags);
}

/**
 * register_console - add a console; later printk() lines go to it too
 * @con: the console
 * Linux: register_console() in kernel/printk/printk.c
 */
void register_console(struct console *con)
{
	unsigned long flags;

	logbuf_lock_irqsave(flags);
	list_add_tail(&con->node, &console_list);
	logbuf_unlock_irqrestore(flags);
}

/**
 * unregister_console - stop sending printk() lines to @con
 * @con: a console added with register_console()
 * Return: 0, or -ENODEV if @con was not registered.
 * Linux: unregister_console() in kernel/printk/printk.c
 */
int unregister_console(struct console *con)
{
	struct console *c;
	unsigned long flags;
	int ret = -ENODEV;

	logbuf_lock_irqsave(flags);
	list_for_each_entry(c, &console_list, node) {
		if (c == con) {
			list_del_init(&con->node);
			ret = 0;
			break;
		}
	}
	logbuf_unlock_irqrestore(flags);
	return ret;
}

/**
 * log_buf_seq_range - the sequence numbers log_buf holds now
 * @first: set to the oldest record's
 * @next: set to the one the next record will get (newest + 1)
 */
void log_buf_seq_range(u64 *first, u64 *next)
{
	unsigned long flags;

	logbuf_lock_irqsave(flags);
	*first = log_first_seq;
	*next = log_next_seq;
	logbuf_unlock_irqrestore(flags);
}

/**
 * log_buf_read - copy the text of record @seq out of log_buf
 * @seq: a sequence number in [log_first_seq, log_next_seq)
 * @buf: where the text goes, NUL-terminated (truncated to fit)
 * @size: bytes at @buf
 * @level: set to the record's level, if not NULL
 *
 * Walks the records from the oldest, following wrap markers, as a reader
 * of the log (GDB's, or Linux's syslog) does.
 * Return: the record's full text length, or -ENOENT if @seq is no longer
 * (or not yet) in the buffer.
 * Linux: the reading side of kernel/printk/printk.c (syslog_print())
 */
int log_buf_read(u64 seq, char *buf, size_t size, int *level)
{
	struct printk_log *msg;
	unsigned long flags;
	int ret = -ENOENT;

	logbuf_lock_irqsave(flags);
	msg = log_find(seq);
	if (msg) {
		ret = msg->text_len;
		if (level)
			*level = msg->level;
		if (size) {
			size_t n = min_t(size_t, ret, size - 1);

			memcpy(buf, msg + 1, n);
			buf[n] = '\0';
		}
	}
	logbuf_unlock_irqrestore(flags);
	return ret;
}

/*
 * syslog(2)'s own position: READ_CLEAR and CLEAR move it to the newest
 * record, and READ_ALL starts there. Under syslog_mutex.
 * Linux: clear_seq
 */
static u64 clear_seq;
static DEFINE_MUTEX(syslog_mutex);	/* guards clear_seq; sleeps (copies to user under it) */
static int saved_console_loglevel = -1;	/* CONSOLE_OFF's; under syslog_mutex */

#define SYSLOG_ACTION_CLOSE		0
#define SYSLOG_ACTION_OPEN		1
#define SYSLOG_ACTION_READ_ALL		3
#define SYSLOG_ACTION_READ_CLEAR	4
#define SYSLOG_ACTION_CLEAR		5
#define SYSLOG_ACTION_CONSOLE_OFF	6
#define SYSLOG_ACTION_CONSOLE_ON	7
#define SYSLOG_ACTION_CONSOLE_LEVEL	8
#define SYSLOG_ACTION_SIZE_BUFFER	10
#define MINIMUM_CONSOLE_LOGLEVEL	1

/*
 * Record @seq as syslog(2) gives it, "<level>[seconds.micros] text\n",
 * into @buf (LOG_LINE_PREFIX_MAX + LOG_LINE_MAX + 8 bytes).
 * Return: its length, or -ENOENT if it is gone. Linux: record_print_text()
 */
static int syslog_format(u64 seq, char *buf, size_t size)
{
	struct printk_log *msg;
	unsigned long flags;
	int n = -ENOENT;

	logbuf_lock_irqsave(flags);
	msg = log_find(seq);
	if (msg) {
		n = scnprintf(buf, size, "<%u>[%5lu.%06lu] ", msg->level,
			      (unsigned long)(msg->ts_nsec / 1000000000),
			      (unsigned long)(msg->ts_nsec % 1000000000) / 1000);
		n += scnprintf(buf + n, size - n, "%.*s\n", msg->text_len, (char *)(msg + 1));
	}
	logbuf_unlock_irqrestore(flags);
	return n;
}

/*
 * The newest records since clear_seq that fit in @size bytes, oldest
 * first, copied to @ubuf; with @clear, clear_seq moves past them. Each
 * record is formatted under logbuf_lock and copied to the user after,
 * as a copy may fault and sleep. Under syslog_mutex.
 * Return: the bytes copied, or -EFAULT / -ENOMEM.
 * Linux: syslog_print_all()
 */
static int syslog_print_all(char __user *ubuf, int size, bool clear)
{
	size_t bufsize = LOG_LINE_PREFIX_MAX + LOG_LINE_MAX + 8;
	char *text = kmalloc(bufsize, GFP_KERNEL);
	u64 first, next, seq;
	long total = 0;
	int len = 0, n;

	if (!text)
		return -ENOMEM;
	log_buf_seq_range(&first, &next);
	seq = max(clear_seq, first);
	for (u64 s = seq; s < next; s++)
		total += max(syslog_format(s, text, bufsize), 0);
	/* Too much: the oldest go first. */
	for (; total > size && seq < next; seq++)
		total -= max(syslog_format(seq, text, bufsize), 0);
	for (; seq < next; seq++) {
		n = syslog_format(seq, text, bufsize);
		if (n < 0)
			continue;	/* overwritten meanwhile */
		if (len + n > size)
			break;
		if (copy_to_user(ubuf + len, text, n)) {
			len = -EFAULT;
			break;
		}
		len += n;
	}
	if (clear && len >= 0)
		clear_seq = next;
	kfree(text);
	return len;
}

/*
 * syslog(2) (klogctl() in glibc): busybox's dmesg reads the log with
 * READ_ALL, sized by SIZE_BUFFER; -c clears it, -n sets the console's
 * level. READ (2) and SIZE_UNREAD (9), the /proc/kmsg-style reader that
 * consumes records, are not there: -EINVAL. Everybody is root, so no
 * permission check (Linux's check_syslog_permissions()).
 * Linux: do_syslog() / SYSCALL_DEFINE3(syslog) in kernel/printk/printk.c
 */
SYSCALL_DEFINE3(syslog, int, type, char __user *, buf, int, len)
{
	int error = 0;

	mutex_lock(&syslog_mutex);
	switch (type) {
	case SYSLOG_ACTION_CLOSE:
	case SYSLOG_ACTION_OPEN:
		break;
	case SYSLOG_ACTION_READ_ALL:
	case SYSLOG_ACTION_READ_CLEAR:
		if (!buf || len < 0)
			error = -EINVAL;
		else if (len && !access_ok(buf, len))
			error = -EFAULT;
		else if (len)
			error = syslog_print_all(buf, len, type == SYSLOG_ACTION_READ_CLEAR);
		break;
	case SYSLOG_ACTION_CLEAR:
		clear_seq = log_next_seq;
		break;
	case SYSLOG_ACTION_CONSOLE_OFF:
		if (saved_console_loglevel == -1)
			saved_console_loglevel = console_loglevel;
		console_loglevel = MINIMUM_CONSOLE_LOGLEVEL;
		break;
	case SYSLOG_ACTION_CONSOLE_ON:
		if (saved_console_loglevel != -1) {
			console_loglevel = saved_console_loglevel;
			saved_console_loglevel = -1;
		}
		break;
	case SYSLOG_ACTION_CONSOLE_LEVEL:
		if (len < 1 || len > 8) {
			error = -EINVAL;
			break;
		}
		console_loglevel = max(len, MINIMUM_CONSOLE_LOGLEVEL);
		saved_console_loglevel = -1;	/* an explicit level: CONSOLE_ON keeps it */
		break;
	case SYSLOG_ACTION_SIZE_BUFFER:
		error = log_buf_len;
		break;
	default:
		error = -EINVAL;
		break;
	}
	mutex_unlock(&syslog_mutex);
	return error;
}

/* loglevel=N: show messages of level < N on the console. */
static int __init loglevel_setup(char *str)
{
	int level;

	if (kstrtoint(str, 0, &level))
		return -EINVAL;
	if (level < 0 || level > 15) {
		/* The "Malformed boot parameter" line follows: say what is allowed. */
		pr_warn("loglevel=%d is out of range: 0..15 (%d shows KERN_DEBUG too)\n",
			level, LOGLEVEL_DEBUG + 1);
		return -EINVAL;
	}
	console_loglevel = level;
	return 0;
}
early_param("loglevel", loglevel_setup);

/**
 * printk_ratelimit - may a frequent message be printed now?
 *
 * Return: 1 if the caller may print, 0 if not.
 *
 * A burst of 10 per 5-second interval, shared by all callers, as Linux's
 * printk_ratelimit_state. Messages over the limit are not printed; the
 * next interval says how many were suppressed.
 * Linux: printk_ratelimit() / ___ratelimit() in lib/ratelimit.c
 */
int printk_ratelimit(void)
{
	/* Guards begin, printed and missed; irqs off (printk() runs anywhere). */
	static DEFINE_RAW_SPINLOCK(ratelimit_lock);
	static unsigned long begin, printed, missed;
	unsigned long flags;
	int ret;

	raw_spin_lock_irqsave(&ratelimit_lock, flags);
	if (!begin || time_after(jiffies, begin + 5 * HZ)) {
		if (missed)
			pr_warn("printk: %lu messages suppressed\n", missed);
		begin = jiffies;
		printed = missed = 0;
	}
	ret = printed < 10;
	if (ret)
		printed++;
	else
		missed++;
	raw_spin_unlock_irqrestore(&ratelimit_lock, flags);
	return ret;
}

/**
 * printk_zap_locks - let a panicking CPU print past a stopped CPU's lock
 *
 * panic() stops the other CPUs wherever they are; one may have been in
 * printk() holding logbuf_lock, which it will never release. Only the
 * panicking CPU runs now, so taking the lock back by force is safe.
 * Linux: zap_locks() in kernel/printk/printk.c (before the lockless ring buffer)
 */
void printk_zap_locks(void)
{
	if (raw_spin_is_locked(&logbuf_lock) && READ_ONCE(logbuf_cpu) != smp_processor_id()) {
		logbuf_lock = (raw_spinlock_t)__RAW_SPIN_LOCK_UNLOCKED(logbuf_lock);
		logbuf_cpu = -1;
	}
}
