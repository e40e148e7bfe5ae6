/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NUMA nodes. Spindle has one memory node; allocation interfaces keep
 * Linux's @node arguments, and NUMA_NO_NODE means "any".
 * Linux: include/linux/numa.h
 */
#ifndef _LINUX_NUMA_H
#define _LINUX_NUMA_H

#define NUMA_NO_NODE	(-1)

#endif /* _LINUX_NUMA_H */
