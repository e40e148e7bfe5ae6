/* SPDX-License-Identifier: GPL-2.0 */
/*
 * printk() and its helpers. A message may start with a KERN_* level; the
 * level decides whether the console shows it (console_loglevel, set with
 * the boot parameter loglevel=), and every message is kept in log_buf.
 * Linux: include/linux/printk.h, include/linux/kern_levels.h
 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <stdarg.h>
#include <linux/compiler.h>
#include <linux/types.h>

/* A level is the ASCII SOH character followed by a digit, as in Linux. */
#define KERN_SOH	"\001"
#define KERN_SOH_ASCII	'\001'
#define KERN_EMERG	KERN_SOH "0"	/* system is unusable */
#define KERN_ALERT	KERN_SOH "1"	/* action must be taken immediately */
#define KERN_CRIT	KERN_SOH "2"	/* critical conditions */
#define KERN_ERR	KERN_SOH "3"	/* error conditions */
#define KERN_WARNING	KERN_SOH "4"	/* warning conditions */
#define KERN_NOTICE	KERN_SOH "5"	/* normal but significant condition */
#define KERN_INFO	KERN_SOH "6"	/* informational */
#define KERN_DEBUG	KERN_SOH "7"	/* debug-level messages */
#define KERN_DEFAULT	""		/* the default level (KERN_WARNING's) */
#define KERN_CONT	KERN_SOH "c"	/* continues the previous line */

#define LOGLEVEL_DEFAULT	(-1)	/* the text's KERN_* prefix, if any */
#define LOGLEVEL_EMERG		0
#define LOGLEVEL_ERR		3
#define LOGLEVEL_WARNING	4
#define LOGLEVEL_NOTICE		5
#define LOGLEVEL_INFO		6
#define LOGLEVEL_DEBUG		7

#define CONSOLE_LOGLEVEL_DEFAULT 7	/* show everything but KERN_DEBUG */
#define MESSAGE_LOGLEVEL_DEFAULT 4

extern int console_loglevel;
/*
 * Non-zero while an oops or a panic is being reported: the console may
 * then write without its lock, which the dying code may hold.
 * Linux: oops_in_progress (include/linux/printk.h)
 */
extern int oops_in_progress;

__printf(1, 2) int printk(const char *fmt, ...);
__printf(1, 0) int vprintk(const char *fmt, va_list args);
__printf(2, 0) int vprintk_emit(int level, const char *fmt, va_list args);
/* Push out a line printk() is still holding because it had no newline. */
void printk_flush(void);
/* At most 10 messages per 5 s from all callers together (Linux's defaults). */
int printk_ratelimit(void);
/* Reading log_buf back: the range of sequence numbers it holds, and one record. */
void log_buf_seq_range(u64 *first, u64 *next);
int log_buf_read(u64 seq, char *buf, size_t size, int *level);

/* panic(): take logbuf_lock back from a CPU it stopped. */
void printk_zap_locks(void);

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...)	printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)	printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)	printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)	printk(KERN_CONT fmt, ##__VA_ARGS__)

#endif /* _LINUX_PRINTK_H */
