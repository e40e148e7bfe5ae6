/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel timers: run a function in interrupt context once jiffies reaches
 * @expires. Used by schedule_timeout() (and so msleep(), the timeouts of
 * completions and wait queues) and by delayed kthread work.
 * Linux: include/linux/timer.h
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/list.h>
#include <linux/types.h>

struct timer_list {
	struct list_head entry;		/* in the pending list, by expiry */
	unsigned long expires;		/* in jiffies */
	void (*function)(struct timer_list *t);
	u32 flags;			/* TIMER_*; the low bits: its base's CPU */
};

/*
 * timer->flags. Linux: include/linux/timer.h. Every Spindle timer runs its
 * callback in the tick's interrupt, interrupts off; TIMER_IRQSAFE says the
 * owner relies on that (Linux runs the others with interrupts on) and may
 * call del_timer_sync() with interrupts off or from an interrupt.
 */
#define TIMER_CPUMASK		0x0003ffff
#define TIMER_MIGRATING		0x00040000
#define TIMER_IRQSAFE		0x00200000

/*
 * A timer defined statically, on CPU 0's base. Linux's takes the function
 * and flags only (its pending mark needs no address); Spindle's empty list
 * entry points at itself, so it needs the timer's name too.
 */
#define __TIMER_INITIALIZER(_timer, _function, _flags) {		\
	.entry = LIST_HEAD_INIT((_timer).entry),			\
	.function = (_function),					\
	.flags = (_flags),						\
}

#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, __typeof__(*var), timer_fieldname)

void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags);
void add_timer(struct timer_list *timer);
int mod_timer(struct timer_list *timer, unsigned long expires);
int del_timer(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);
/*
 * Test hook (NULL but in tests): runs as del_timer_sync() begins, in its
 * caller, so a test can make another command race the caller's wait
 * (kthread_mod_delayed_work() against a cancel) every time.
 */
extern void (*del_timer_sync_hook)(struct timer_list *timer);
int timer_pending(const struct timer_list *timer);

/* Called from the timer tick: run this CPU's expired timers. */
void run_local_timers(void);
int timers_dead_cpu(unsigned int cpu);
void init_timers(void);

void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);

#endif /* _LINUX_TIMER_H */
