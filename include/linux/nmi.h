/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NMIs for debugging: another CPU's backtrace, even from a CPU spinning
 * with interrupts off (an NMI cannot be masked); and the lockup
 * detectors (kernel/watchdog.c) that use it.
 * Linux: include/linux/nmi.h
 */
#ifndef _LINUX_NMI_H
#define _LINUX_NMI_H

#include <linux/cpumask.h>
#include <linux/types.h>

struct pt_regs;

/* kernel/watchdog.c */
void touch_softlockup_watchdog(void);
void touch_nmi_watchdog(void);
void watchdog_tick(struct pt_regs *regs);
void lockup_detector_init(void);

/* arch/x86/kernel/hw_nmi.c */
bool trigger_single_cpu_backtrace(int cpu);
void trigger_all_cpu_backtrace(void);
bool nmi_cpu_backtrace(struct pt_regs *regs);
bool nmi_backtrace_printing(void);

#endif /* _LINUX_NMI_H */
