/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The scheduler's part of CPU hotplug (kernel/cpu.c calls it).
 * Linux: include/linux/sched/hotplug.h
 */
#ifndef _LINUX_SCHED_HOTPLUG_H
#define _LINUX_SCHED_HOTPLUG_H

int sched_cpu_dying(unsigned int cpu);

#endif /* _LINUX_SCHED_HOTPLUG_H */
