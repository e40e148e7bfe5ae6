/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Completions: "wait until this has happened". @done counts complete()
 * calls not yet consumed by a waiter; complete_all() sets it to UINT_MAX,
 * where it stays (saturated) so every later waiter passes too, until
 * reinit_completion().
 * Linux: include/linux/completion.h
 */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

#include <linux/wait.h>

struct completion {
	unsigned int done;
	wait_queue_head_t wait;
};

#define COMPLETION_INITIALIZER(work) \
	{ 0, __WAIT_QUEUE_HEAD_INITIALIZER((work).wait) }

#define DECLARE_COMPLETION(work) struct completion work = COMPLETION_INITIALIZER(work)
/*
 * On the stack. The queue head points at itself, so the completion must
 * be initialised in place: a copy of one initialised elsewhere would
 * still point at the original. (An initialiser may take the address of
 * the variable it initialises.) Its lock needs a static class key, so
 * with the validator it is initialised at run time (init_completion()).
 */
#if CONFIG_LOCKDEP
#define COMPLETION_INITIALIZER_ONSTACK(work) (*({ init_completion(&work); &work; }))
#else
#define COMPLETION_INITIALIZER_ONSTACK(work) COMPLETION_INITIALIZER(work)
#endif
#define DECLARE_COMPLETION_ONSTACK(work) \
	struct completion work = COMPLETION_INITIALIZER_ONSTACK(work)

static inline void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

static inline void reinit_completion(struct completion *x)
{
	x->done = 0;
}

void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
int wait_for_completion_interruptible(struct completion *x);
long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout);
int wait_for_completion_killable(struct completion *x);
long wait_for_completion_killable_timeout(struct completion *x, unsigned long timeout);
bool try_wait_for_completion(struct completion *x);
bool completion_done(struct completion *x);

#endif /* _LINUX_COMPLETION_H */
