/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which node each CPU belongs to, and how far nodes are from each other.
 *
 * x86_cpu_to_node_map[] is filled at boot (arch/x86/mm/numa.c: the boot
 * CPU in initmem_init(), the others in init_cpu_to_node() once the MADT
 * has numbered them) and only read afterwards.
 * Linux: arch/x86/include/asm/topology.h
 */
#ifndef _ASM_X86_TOPOLOGY_H
#define _ASM_X86_TOPOLOGY_H

#include <linux/compiler.h>
#include <asm/percpu.h>

extern int x86_cpu_to_node_map[NR_CPUS];

/* The node of @cpu (0 until the SRAT has been read). Linux: cpu_to_node() */
static inline int cpu_to_node(int cpu)
{
	return READ_ONCE(x86_cpu_to_node_map[cpu]);
}

int __node_distance(int from, int to);
#define node_distance(a, b) __node_distance(a, b)

#endif /* _ASM_X86_TOPOLOGY_H */
