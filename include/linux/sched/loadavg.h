/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The load averages: exponentially decaying means, over 1, 5 and 15
 * minutes, of the tasks runnable or in uninterruptible sleep, sampled
 * every 5 seconds. 11-bit fixed point, as Linux.
 * Linux: include/linux/sched/loadavg.h
 */
#ifndef _LINUX_SCHED_LOADAVG_H
#define _LINUX_SCHED_LOADAVG_H

#define FSHIFT		11
#define FIXED_1		(1 << FSHIFT)
#define LOAD_FREQ	(5 * HZ + 1)	/* 5 s and a tick: not in step with periodic work */
#define EXP_1		1884		/* 1/exp(5s/1min) as fixed point */
#define EXP_5		2014
#define EXP_15		2037

#define LOAD_INT(x)	((x) >> FSHIFT)
#define LOAD_FRAC(x)	LOAD_INT(((x) & (FIXED_1 - 1)) * 100)

void calc_global_load(void);
void get_avenrun(unsigned long *loads, unsigned long offset, int shift);

#endif /* _LINUX_SCHED_LOADAVG_H */
