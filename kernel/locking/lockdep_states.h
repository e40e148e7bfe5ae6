/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The interrupt states the validator tracks, one LOCKDEP_STATE() each:
 * every state gives a lock class four usage bits (used in that context,
 * used with it enabled; write and read), in this order. The timer
 * callbacks run in softirq context (kernel/softirq.c).
 * Linux: kernel/locking/lockdep_states.h
 */
LOCKDEP_STATE(HARDIRQ)
LOCKDEP_STATE(SOFTIRQ)
