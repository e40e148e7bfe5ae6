/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86 side of NUMA: the memory ranges and CPUs the firmware gives each
 * node, gathered at boot by the SRAT parser (arch/x86/mm/srat.c) and
 * registered by arch/x86/mm/numa.c. Boot-time data: written by the boot
 * CPU before the others run, read-only afterwards; no locking.
 * Linux: arch/x86/include/asm/numa.h, arch/x86/mm/numa_internal.h
 */
#ifndef _ASM_X86_NUMA_H
#define _ASM_X86_NUMA_H

#include <linux/nodemask.h>
#include <linux/types.h>

#define MAX_LOCAL_APIC		256	/* xAPIC ids; larger x2APIC ids have no node here */
#define NR_NODE_MEMBLKS		(MAX_NUMNODES * 4)

struct numa_memblk {
	u64 start;
	u64 end;		/* one past the last byte */
	int nid;
};

struct numa_meminfo {
	int nr_blks;
	struct numa_memblk blk[NR_NODE_MEMBLKS];
};

/* Nodes the firmware named (CPUs or memory), before they are set up. */
extern nodemask_t numa_nodes_parsed;

int numa_add_memblk(int nid, u64 start, u64 end);
void numa_set_distance(int from, int to, int distance);
void set_apicid_to_node(int apicid, int node);
void numa_set_node(int cpu, int node);
void initmem_init(void);
void init_cpu_to_node(void);

/* arch/x86/mm/srat.c (Linux: include/acpi/acpi_numa.h) */
int x86_acpi_numa_init(void);
int pxm_to_node(int pxm);
int node_to_pxm(int node);
int acpi_map_pxm_to_node(int pxm);

#endif /* _ASM_X86_NUMA_H */
