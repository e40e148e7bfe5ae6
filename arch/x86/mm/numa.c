// SPDX-License-Identifier: GPL-2.0
/*
 * NUMA at boot: turning what the firmware said (arch/x86/mm/srat.c) into
 * nodes the kernel uses.
 *
 *   initmem_init()          (setup_arch(), before the page allocator)
 *     x86_numa_init()
 *       numa_init(x86_acpi_numa_init)    the SRAT and SLIT, or else
 *       numa_init(dummy_numa_init)       one node over all RAM
 *       numa_register_memblks()          memblock ranges tagged with their
 *                                        node, NODE_DATA() on each node
 *   init_cpu_to_node()      (prefill_possible_map(): the MADT numbered the CPUs)
 *
 * A node is set up (online, with a pg_data_t) if it has memory or CPUs.
 * Each CPU's node comes from its APIC id; its memory node (numa_mem_id())
 * is the nearest node with memory, by distance then by number.
 * Locking: boot-time data, written on the boot CPU before the others run.
 * Linux: arch/x86/mm/numa.c
 */
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <asm/apic.h>
#include <asm/numa.h>
#include <asm/processor.h>

int x86_cpu_to_node_map[NR_CPUS];
int _numa_mem_[NR_CPUS];
struct pglist_data *node_data[MAX_NUMNODES];
nodemask_t numa_nodes_parsed;

/* A cache line (Linux: SMP_CACHE_BYTES): NODE_DATA() shares none with other data. */
#define NODE_DATA_ALIGN		64

static int __apicid_to_node[MAX_LOCAL_APIC] = { [0 ... MAX_LOCAL_APIC - 1] = NUMA_NO_NODE };
static struct numa_meminfo numa_meminfo;
static u8 numa_distance[MAX_NUMNODES][MAX_NUMNODES];
static bool numa_distance_set;	/* the SLIT gave distances */
static bool numa_off;

static int __init numa_setup(char *opt)
{
	if (!opt || strcmp(opt, "off"))
		return -EINVAL;
	numa_off = true;
	return 0;
}
early_param("numa", numa_setup);

/**
 * numa_add_memblk - record that [@start, @end) is memory of node @nid
 * @nid: the node
 * @start: physical start
 * @end: one past the last byte
 * Return: 0, or -EINVAL when the table of ranges is full.
 * Linux: numa_add_memblk()
 */
int __init numa_add_memblk(int nid, u64 start, u64 end)
{
	struct numa_meminfo *mi = &numa_meminfo;

	if (start >= end)
		return 0;
	if (mi->nr_blks == NR_NODE_MEMBLKS)
		return -EINVAL;
	mi->blk[mi->nr_blks++] = (struct numa_memblk){ start, end, nid };
	return 0;
}

/**
 * numa_set_distance - the distance from node @from to node @to
 * @from: a node
 * @to: a node
 * @distance: as the SLIT gives it (10 to itself)
 * Linux: numa_set_distance()
 */
void __init numa_set_distance(int from, int to, int distance)
{
	if (from >= MAX_NUMNODES || to >= MAX_NUMNODES || distance > 255)
		return;
	numa_distance[from][to] = distance;
	numa_distance_set = true;
}

/**
 * __node_distance - how far node @to's memory is from node @from's CPUs
 * @from: a node
 * @to: a node
 * Return: the SLIT's distance, or LOCAL_DISTANCE (10) to itself and
 * REMOTE_DISTANCE (20) to another node without a SLIT.
 * Linux: __node_distance() in arch/x86/mm/numa.c (node_distance())
 */
int __node_distance(int from, int to)
{
	if (from < 0 || to < 0 || from >= MAX_NUMNODES || to >= MAX_NUMNODES)
		return from == to ? LOCAL_DISTANCE : REMOTE_DISTANCE;
	if (!numa_distance_set || !numa_distance[from][to])
		return from == to ? LOCAL_DISTANCE : REMOTE_DISTANCE;
	return numa_distance[from][to];
}

/**
 * set_apicid_to_node - the SRAT says the CPU with @apicid is on @node
 * @apicid: local APIC id
 * @node: its node
 * Linux: set_apicid_to_node()
 */
void __init set_apicid_to_node(int apicid, int node)
{
	if (apicid >= 0 && apicid < MAX_LOCAL_APIC)
		__apicid_to_node[apicid] = node;
}

/* The nearest node with memory to @node: itself if it has some. Linux: local_memory_node() */
static int local_memory_node(int node)
{
	int best = NUMA_NO_NODE, n;

	for_each_node_state(n, N_MEMORY)
		if (best == NUMA_NO_NODE || node_distance(node, n) < node_distance(node, best))
			best = n;
	return best == NUMA_NO_NODE ? 0 : best;
}

/**
 * numa_set_node - put @cpu on @node
 * @cpu: a CPU number
 * @node: its node (an offline node: the first online one)
 *
 * Also sets the CPU's memory node, numa_mem_id(): @node itself, or the
 * nearest node with memory when @node has none.
 * Linux: numa_set_node() + set_cpu_numa_mem()
 */
void __init numa_set_node(int cpu, int node)
{
	if (node == NUMA_NO_NODE || !node_online(node))
		node = first_node(node_online_map);
	WRITE_ONCE(x86_cpu_to_node_map[cpu], node);
	WRITE_ONCE(_numa_mem_[cpu], local_memory_node(node));
}

/* The boot CPU's initial APIC id, from CPUID (the local APIC is not mapped yet). */
static u32 __init boot_cpu_initial_apicid(void)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	return b >> 24;
}

static void __init numa_reset(void)
{
	memset(&numa_meminfo, 0, sizeof(numa_meminfo));
	nodes_clear(numa_nodes_parsed);
	memset(numa_distance, 0, sizeof(numa_distance));
	numa_distance_set = false;
	for (int i = 0; i < MAX_LOCAL_APIC; i++)
		__apicid_to_node[i] = NUMA_NO_NODE;
}

/* One node over all RAM. Linux: dummy_numa_init() */
static int __init dummy_numa_init(void)
{
	pr_info("%s\n", numa_off ? "NUMA turned off" : "No NUMA configuration found");
	pr_info("Faking a node at [mem %#018llx-%#018llx]\n",
		0ULL, (unsigned long long)memblock_end_of_DRAM() - 1);
	node_set(0, numa_nodes_parsed);
	return numa_add_memblk(0, 0, memblock_end_of_DRAM());
}

/*
 * Do the ranges make sense? Ranges of two nodes must not overlap, and
 * together they must cover the RAM (Linux allows 1 MiB of slack: firmware
 * rounds). Linux: numa_cleanup_meminfo() + numa_meminfo_cover_memory()
 */
static int __init numa_check_meminfo(const struct numa_meminfo *mi)
{
	u64 ram = memblock_phys_mem_size(), covered = 0;

	for (int i = 0; i < mi->nr_blks; i++) {
		const struct numa_memblk *a = &mi->blk[i];

		for (int j = i + 1; j < mi->nr_blks; j++) {
			const struct numa_memblk *b = &mi->blk[j];

			if (a->nid != b->nid && a->start < b->end && b->start < a->end) {
				pr_err("NUMA: node %d [mem %#010llx-%#010llx] overlaps with node %d [mem %#010llx-%#010llx]\n",
				       a->nid, (unsigned long long)a->start,
				       (unsigned long long)a->end - 1, b->nid,
				       (unsigned long long)b->start, (unsigned long long)b->end - 1);
				return -EINVAL;
			}
		}
	}
	for (unsigned long r = 0; r < memblock.memory.cnt; r++) {
		const struct memblock_region *m = &memblock.memory.regions[r];

		for (int i = 0; i < mi->nr_blks; i++) {
			u64 lo = max(m->base, mi->blk[i].start);
			u64 hi = min(m->base + m->size, mi->blk[i].end);

			if (lo < hi)
				covered += hi - lo;
		}
	}
	if (ram > covered && ram - covered >= (1ULL << 20)) {
		pr_err("NUMA: nodes only cover %lluMB of your %lluMB e820 RAM. Not used.\n",
		       (unsigned long long)covered >> 20, (unsigned long long)ram >> 20);
		return -EINVAL;
	}
	return 0;
}

/* NODE_DATA(@nid), on the node itself when it has memory. Linux: alloc_node_data() */
static void __init alloc_node_data(int nid)
{
	const size_t nd_size = ALIGN(sizeof(pg_data_t), NODE_DATA_ALIGN);
	phys_addr_t nd_pa = memblock_phys_alloc_try_nid(nd_size, NODE_DATA_ALIGN, nid);
	int tnid;

	if (!nd_pa)
		panic("Cannot allocate %zu bytes for node %d data", nd_size, nid);
	memset(__va(nd_pa), 0, nd_size);
	pr_info("NODE_DATA(%d) allocated [mem %#010llx-%#010llx]\n", nid,
		(unsigned long long)nd_pa, (unsigned long long)nd_pa + nd_size - 1);
	tnid = memblock_phys_addr_to_nid(nd_pa);
	if (tnid != nid)
		pr_info("    NODE_DATA(%d) on node %d\n", nid, tnid);
	node_data[nid] = __va(nd_pa);
	node_data[nid]->node_id = nid;
	node_set_online(nid);
}

/* The span of node @nid's memory, in pfns; start == end for none. */
static void __init node_span(int nid, unsigned long *start, unsigned long *end)
{
	*start = ~0UL;
	*end = 0;
	for (unsigned long r = 0; r < memblock.memory.cnt; r++) {
		const struct memblock_region *m = &memblock.memory.regions[r];

		if (m->nid != nid)
			continue;
		*start = min(*start, PFN_UP(m->base));
		*end = max(*end, PFN_DOWN(m->base + m->size));
	}
	if (*start >= *end)
		*start = *end = 0;
}

/*
 * Tag memblock's memory with the nodes and set up each node that has
 * memory or CPUs. RAM the ranges left out (under 1 MiB, see
 * numa_check_meminfo()) goes to the first node: it must belong to one.
 * Linux: numa_register_memblks()
 */
static int __init numa_register_memblks(const struct numa_meminfo *mi)
{
	int nid;

	/* node_states[] start with node 0 in each (for code that runs before us). */
	nodes_clear(node_states[N_POSSIBLE]);
	nodes_clear(node_states[N_ONLINE]);
	nodes_clear(node_states[N_MEMORY]);
	nodes_clear(node_states[N_CPU]);
	for (int i = 0; i < mi->nr_blks; i++)
		if (memblock_set_node(mi->blk[i].start, mi->blk[i].end - mi->blk[i].start,
				      mi->blk[i].nid))
			return -ENOMEM;
	for (unsigned long r = 0; r < memblock.memory.cnt; r++)
		if (memblock.memory.regions[r].nid == MAX_NUMNODES)
			memblock.memory.regions[r].nid = mi->blk[0].nid;

	for_each_node_mask(nid, numa_nodes_parsed) {
		unsigned long start, end;

		node_set(nid, node_possible_map);
		node_span(nid, &start, &end);
		if (end > start)
			node_set_state(nid, N_MEMORY);
	}
	if (nodes_empty(node_states[N_MEMORY])) {
		pr_err("NUMA: no node has memory\n");
		return -EINVAL;
	}
	for_each_node_mask(nid, numa_nodes_parsed) {
		unsigned long start, end;

		alloc_node_data(nid);
		node_span(nid, &start, &end);
		NODE_DATA(nid)->node_start_pfn = start;
		NODE_DATA(nid)->node_spanned_pages = end - start;
		if (!node_state(nid, N_MEMORY))
			pr_info("Initmem setup node %d: no memory (its CPUs use node %d's)\n",
				nid, local_memory_node(nid));
		else
			pr_info("Initmem setup node %d [mem %#018llx-%#018llx]\n", nid,
				(unsigned long long)PFN_PHYS(start),
				(unsigned long long)PFN_PHYS(end) - 1);
	}
	return 0;
}

/* Try one source of topology; on failure leave nothing behind. Linux: numa_init() */
static int __init numa_init(int (*init_func)(void))
{
	int ret;

	numa_reset();
	ret = init_func();
	if (ret < 0)
		return ret;
	return numa_check_meminfo(&numa_meminfo);
}

/* Print the distance table, as numactl --hardware shows it. */
static void __init numa_print_distances(void)
{
	char line[16 + MAX_NUMNODES * 4];
	int from, to, n;

	pr_info("NUMA: node distances%s:\n", numa_distance_set ? "" : " (no SLIT: default)");
	n = scnprintf(line, sizeof(line), "node ");
	for_each_online_node(to)
		n += scnprintf(line + n, sizeof(line) - n, " %3d", to);
	pr_info("NUMA:   %s\n", line);
	for_each_online_node(from) {
		n = scnprintf(line, sizeof(line), "%3d: ", from);
		for_each_online_node(to)
			n += scnprintf(line + n, sizeof(line) - n, " %3d", node_distance(from, to));
		pr_info("NUMA:   %s\n", line);
	}
}

/**
 * initmem_init - find the NUMA nodes and give memblock's memory its nodes
 *
 * Called from setup_arch() after acpi_boot_table_init(), before the page
 * allocator. The SRAT (and SLIT) when it is there and makes sense, else a
 * single node (numa=off forces that). The boot CPU gets its node here;
 * the others in init_cpu_to_node().
 * Linux: initmem_init() / x86_numa_init() in arch/x86/mm/numa.c
 */
void __init initmem_init(void)
{
	if (numa_off || numa_init(x86_acpi_numa_init) < 0) {
		if (numa_init(dummy_numa_init) < 0)
			panic("NUMA: cannot fake a node over all of RAM");
	}
	if (numa_register_memblks(&numa_meminfo) < 0) {
		numa_reset();
		if (dummy_numa_init() || numa_register_memblks(&numa_meminfo))
			panic("NUMA: cannot register a node over all of RAM");
	}
	if (num_online_nodes() > 1)
		numa_print_distances();
	numa_set_node(0, __apicid_to_node[boot_cpu_initial_apicid() % MAX_LOCAL_APIC]);
	node_set_state(cpu_to_node(0), N_CPU);
}

/**
 * init_cpu_to_node - give every present CPU its node
 *
 * Called from smp_prepare_cpus() once the MADT's CPUs have numbers. A CPU
 * the SRAT does not name goes to the first online node.
 * Linux: init_cpu_to_node() in arch/x86/mm/numa.c
 */
void __init init_cpu_to_node(void)
{
	unsigned int cpu;

	for_each_present_cpu(cpu) {
		u32 apicid = x86_cpu_to_apicid[cpu];
		int node = apicid < MAX_LOCAL_APIC ? __apicid_to_node[apicid] : NUMA_NO_NODE;

		numa_set_node(cpu, node);
		node_set_state(cpu_to_node(cpu), N_CPU);
	}
}
