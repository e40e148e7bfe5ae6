/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NUMA nodes: how many there can be, and "no node in particular".
 *
 * A node is a set of CPUs and the memory closest to them, as the ACPI
 * SRAT describes them (arch/x86/mm/srat.c). Allocation interfaces take a
 * node; NUMA_NO_NODE means "the node of the CPU doing the allocation"
 * (numa_mem_id(): the nearest node that has memory).
 * Linux: include/linux/numa.h
 */
#ifndef _LINUX_NUMA_H
#define _LINUX_NUMA_H

/* Eight nodes: a nodemask_t stays one word, and QEMU machines rarely have more. */
#define NODES_SHIFT	3
#define MAX_NUMNODES	(1 << NODES_SHIFT)

#define NUMA_NO_NODE	(-1)

#endif /* _LINUX_NUMA_H */
