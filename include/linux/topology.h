/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The NUMA topology as the rest of the kernel asks about it: the node of a
 * CPU, of the running CPU, and the node whose memory a CPU allocates from.
 *
 * numa_node_id() and numa_mem_id() differ only on a node without memory:
 * the first is the node the CPU is on, the second the nearest node that
 * has memory (the first node of the CPU's node's zonelist).
 * _numa_mem_[] is written at boot and read without a lock afterwards.
 * Linux: include/linux/topology.h
 */
#ifndef _LINUX_TOPOLOGY_H
#define _LINUX_TOPOLOGY_H

#include <linux/nodemask.h>
#include <linux/numa.h>
#include <asm/current.h>
#include <asm/topology.h>

#define LOCAL_DISTANCE		10	/* a node to itself (ACPI SLIT) */
#define REMOTE_DISTANCE		20	/* another node, without a SLIT */

extern int _numa_mem_[NR_CPUS];

/* The node of the CPU we run on (may change unless preemption is off). */
static inline int numa_node_id(void)
{
	return cpu_to_node(raw_smp_processor_id());
}

/* The nearest node with memory to @cpu. Linux: cpu_to_mem() */
static inline int cpu_to_mem(int cpu)
{
	return READ_ONCE(_numa_mem_[cpu]);
}

/* The nearest node with memory to the CPU we run on. Linux: numa_mem_id() */
static inline int numa_mem_id(void)
{
	return cpu_to_mem(raw_smp_processor_id());
}

#endif /* _LINUX_TOPOLOGY_H */
