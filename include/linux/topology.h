/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which NUMA node a CPU belongs to.
 * Linux: include/linux/topology.h, include/asm-generic/topology.h
 */
#ifndef _LINUX_TOPOLOGY_H
#define _LINUX_TOPOLOGY_H

#include <linux/numa.h>

/**
 * cpu_to_node - the memory node closest to @cpu
 * @cpu: a possible CPU
 *
 * Spindle knows one memory node (include/linux/numa.h), node 0, as a
 * Linux kernel built without CONFIG_NUMA does: every CPU is on it.
 * Return: the node number.
 * Linux: cpu_to_node() (asm-generic/topology.h without NUMA)
 */
static inline int cpu_to_node(int cpu)
{
	(void)cpu;
	return 0;
}

#endif /* _LINUX_TOPOLOGY_H */
