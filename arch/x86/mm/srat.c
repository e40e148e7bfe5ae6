// SPDX-License-Identifier: GPL-2.0
/*
 * Reading the NUMA topology from ACPI: the SRAT says which proximity
 * domain (PXM) each CPU (by local APIC or x2APIC id) and each range of
 * memory belongs to; the SLIT gives the distance between domains.
 * Proximity domains become node numbers in the order they are first
 * seen: PXM 0 is usually node 0, but nothing promises that.
 *
 * The table is checked whole before anything is registered: an entry
 * that runs past the table's end or is too short for its type makes the
 * whole SRAT unused (one line), and the kernel fakes a single node
 * (arch/x86/mm/numa.c). Hot-pluggable memory ranges are ignored, with a
 * line: Spindle has no memory hotplug. A SLIT that does not make sense
 * (a distance to itself other than 10, or another below 10) is not used:
 * nodes are then 10 from themselves and 20 from each other.
 * Locking: runs once, at boot, on the boot CPU.
 * Linux: drivers/acpi/numa/srat.c (acpi_numa_init, the memory and SLIT
 * parsers, the PXM map), arch/x86/mm/srat.c (the CPU entries)
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <asm/acpi.h>
#include <asm/numa.h>

#define MAX_PXM_DOMAINS		256	/* PXMs we can map; a bigger one makes the SRAT unused */

static int pxm_to_node_map[MAX_PXM_DOMAINS] = { [0 ... MAX_PXM_DOMAINS - 1] = NUMA_NO_NODE };
static int node_to_pxm_map[MAX_NUMNODES] = { [0 ... MAX_NUMNODES - 1] = -1 };

/* Why the SRAT is not used, or NULL. */
static const char *srat_failure;

/**
 * pxm_to_node - the node of a proximity domain
 * @pxm: the firmware's domain number
 * Return: the node, or NUMA_NO_NODE if @pxm has none.
 * Linux: pxm_to_node() in drivers/acpi/numa/srat.c
 */
int pxm_to_node(int pxm)
{
	if (pxm < 0 || pxm >= MAX_PXM_DOMAINS)
		return NUMA_NO_NODE;
	return pxm_to_node_map[pxm];
}

/**
 * node_to_pxm - the proximity domain of a node
 * @node: a node number
 * Return: its PXM, or -1 if it has none (the faked node).
 * Linux: node_to_pxm() in drivers/acpi/numa/srat.c
 */
int node_to_pxm(int node)
{
	if (node < 0 || node >= MAX_NUMNODES)
		return -1;
	return node_to_pxm_map[node];
}

/**
 * acpi_map_pxm_to_node - the node of @pxm, giving it the next free one
 * @pxm: the firmware's domain number
 * Return: the node, or NUMA_NO_NODE when @pxm is too big or all
 * MAX_NUMNODES nodes are taken.
 * Linux: acpi_map_pxm_to_node() in drivers/acpi/numa/srat.c
 */
int __init acpi_map_pxm_to_node(int pxm)
{
	int node;

	if (pxm < 0 || pxm >= MAX_PXM_DOMAINS)
		return NUMA_NO_NODE;
	node = pxm_to_node_map[pxm];
	if (node != NUMA_NO_NODE)
		return node;
	for (node = 0; node < MAX_NUMNODES; node++)
		if (node_to_pxm_map[node] < 0)
			break;
	if (node == MAX_NUMNODES)
		return NUMA_NO_NODE;
	pxm_to_node_map[pxm] = node;
	node_to_pxm_map[node] = pxm;
	return node;
}

/* The node of @pxm, or mark the SRAT unusable. */
static int __init srat_node(int pxm)
{
	int node = acpi_map_pxm_to_node(pxm);

	if (node == NUMA_NO_NODE)
		srat_failure = "Too many proximity domains";
	return node;
}

/* Linux: acpi_numa_processor_affinity_init() in arch/x86/mm/srat.c */
static void __init acpi_numa_processor_affinity_init(const struct acpi_srat_cpu_affinity *pa,
						     u8 srat_revision)
{
	int pxm = pa->proximity_domain_lo, node;

	if (!(pa->flags & ACPI_SRAT_CPU_ENABLED))
		return;
	/* The high bytes were reserved (zero, or garbage) before revision 2. */
	if (srat_revision >= 2)
		pxm |= pa->proximity_domain_hi[0] << 8 | pa->proximity_domain_hi[1] << 16 |
		       pa->proximity_domain_hi[2] << 24;
	node = srat_node(pxm);
	if (node == NUMA_NO_NODE)
		return;
	set_apicid_to_node(pa->apic_id, node);
	node_set(node, numa_nodes_parsed);
	pr_info("SRAT: PXM %u -> APIC 0x%02x -> Node %u\n", pxm, pa->apic_id, node);
}

/* Linux: acpi_numa_x2apic_affinity_init() in arch/x86/mm/srat.c */
static void __init acpi_numa_x2apic_affinity_init(const struct acpi_srat_x2apic_cpu_affinity *pa)
{
	int node;

	if (!(pa->flags & ACPI_SRAT_CPU_ENABLED))
		return;
	node = srat_node(pa->proximity_domain);
	if (node == NUMA_NO_NODE)
		return;
	if (pa->apic_id >= MAX_LOCAL_APIC) {
		pr_info("SRAT: PXM %u -> APIC 0x%04x -> Node %u skipped apicid that is too big\n",
			pa->proximity_domain, pa->apic_id, node);
		return;
	}
	set_apicid_to_node(pa->apic_id, node);
	node_set(node, numa_nodes_parsed);
	pr_info("SRAT: PXM %u -> APIC 0x%04x -> Node %u\n", pa->proximity_domain, pa->apic_id, node);
}

/* Linux: acpi_numa_memory_affinity_init() in drivers/acpi/numa/srat.c */
static void __init acpi_numa_memory_affinity_init(const struct acpi_srat_mem_affinity *ma)
{
	u64 start = ma->base_address, end = start + ma->length;
	bool hotpluggable = ma->flags & ACPI_SRAT_MEM_HOT_PLUGGABLE;
	int node;

	if (!ma->length || !(ma->flags & ACPI_SRAT_MEM_ENABLED))
		return;
	node = srat_node(ma->proximity_domain);
	if (node == NUMA_NO_NODE)
		return;
	pr_info("ACPI: SRAT: Node %u PXM %u [mem %#010llx-%#010llx]%s%s%s\n", node,
		ma->proximity_domain, (unsigned long long)start, (unsigned long long)end - 1,
		hotpluggable ? " hotplug" : "",
		ma->flags & ACPI_SRAT_MEM_NON_VOLATILE ? " non-volatile" : "",
		/* Linux would add it as movable memory; Spindle cannot hot-add or remove. */
		hotpluggable ? " (ignored: no memory hotplug)" : "");
	if (hotpluggable)
		return;
	if (numa_add_memblk(node, start, end) < 0)
		srat_failure = "too many memory ranges";
	else
		node_set(node, numa_nodes_parsed);
}

/* The size each known SRAT entry type needs; 0 for types we skip. */
static unsigned int __init srat_entry_min_size(u8 type)
{
	switch (type) {
	case ACPI_SRAT_TYPE_CPU_AFFINITY:	 return sizeof(struct acpi_srat_cpu_affinity);
	case ACPI_SRAT_TYPE_MEMORY_AFFINITY:	 return sizeof(struct acpi_srat_mem_affinity);
	case ACPI_SRAT_TYPE_X2APIC_CPU_AFFINITY: return sizeof(struct acpi_srat_x2apic_cpu_affinity);
	default:				 return 0;
	}
}

/*
 * Walk the SRAT's entries: first (@commit false) only check that each
 * lies inside the table and is long enough for its type, then register.
 */
static int __init acpi_parse_srat(const struct acpi_table_header *table, bool commit)
{
	const struct acpi_table_srat *srat = (const void *)table;
	const u8 *p = (const u8 *)(srat + 1), *end = (const u8 *)table + table->length;
	static char why[64];

	if (table->length < sizeof(*srat)) {
		srat_failure = "table too short";
		return -EINVAL;
	}
	while (p < end) {
		const struct acpi_subtable_header *h = (const void *)p;

		if (end - p < (long)sizeof(*h) || h->length < sizeof(*h) ||
		    h->length > end - p || h->length < srat_entry_min_size(h->type)) {
			snprintf(why, sizeof(why), "malformed entry at offset %#lx",
				 (unsigned long)(p - (const u8 *)table));
			srat_failure = why;
			return -EINVAL;
		}
		if (commit) {
			switch (h->type) {
			case ACPI_SRAT_TYPE_CPU_AFFINITY:
				acpi_numa_processor_affinity_init((const void *)h, table->revision);
				break;
			case ACPI_SRAT_TYPE_MEMORY_AFFINITY:
				acpi_numa_memory_affinity_init((const void *)h);
				break;
			case ACPI_SRAT_TYPE_X2APIC_CPU_AFFINITY:
				acpi_numa_x2apic_affinity_init((const void *)h);
				break;
			default:	/* GICC, generic initiators: not x86 CPUs or memory */
				break;
			}
		}
		p += h->length;
	}
	return srat_failure ? -EINVAL : 0;
}

static int __init acpi_parse_srat_table(const struct acpi_table_header *table)
{
	int ret = acpi_parse_srat(table, false);

	return ret ? ret : acpi_parse_srat(table, true);
}

/* Linux: slit_valid() in drivers/acpi/numa/srat.c */
static bool __init slit_valid(const struct acpi_table_slit *slit)
{
	u64 d = slit->locality_count;

	for (u64 i = 0; i < d; i++)
		for (u64 j = 0; j < d; j++) {
			u8 val = slit->entry[d * i + j];

			if (i == j ? val != LOCAL_DISTANCE : val <= LOCAL_DISTANCE)
				return false;
		}
	return true;
}

/* Linux: acpi_parse_slit() / acpi_numa_slit_init() in drivers/acpi/numa/srat.c */
static int __init acpi_parse_slit(const struct acpi_table_header *table)
{
	const struct acpi_table_slit *slit = (const void *)table;
	u64 d;

	if (table->length < sizeof(*slit) || slit->locality_count > MAX_PXM_DOMAINS ||
	    slit->locality_count * slit->locality_count > table->length - sizeof(*slit) ||
	    !slit_valid(slit)) {
		pr_info("ACPI: SLIT table looks invalid. Not used.\n");
		return -EINVAL;
	}
	d = slit->locality_count;
	for (u64 i = 0; i < d; i++) {
		int from = pxm_to_node(i);

		if (from == NUMA_NO_NODE)
			continue;
		for (u64 j = 0; j < d; j++) {
			int to = pxm_to_node(j);

			if (to != NUMA_NO_NODE)
				numa_set_distance(from, to, slit->entry[d * i + j]);
		}
	}
	return 0;
}

/**
 * x86_acpi_numa_init - read the SRAT, then the SLIT
 *
 * Return: 0 when the SRAT named at least one node, -ENOENT without an SRAT
 * (or without ACPI), -EINVAL when it was malformed (said in one line). A
 * missing or bad SLIT leaves the default distances.
 * Linux: x86_acpi_numa_init() in arch/x86/mm/srat.c, acpi_numa_init()
 */
int __init x86_acpi_numa_init(void)
{
	int ret = acpi_table_parse(ACPI_SIG_SRAT, acpi_parse_srat_table);

	if (ret == -ENODEV)
		return -ENOENT;
	if (ret == -EINVAL && !srat_failure)
		srat_failure = "the table failed its checks";
	if (!ret && nodes_empty(numa_nodes_parsed))
		srat_failure = "no enabled CPU or memory entry";
	if (srat_failure) {
		pr_err("ACPI: SRAT: %s: SRAT not used.\n", srat_failure);
		return -EINVAL;
	}
	acpi_table_parse(ACPI_SIG_SLIT, acpi_parse_slit);
	return 0;
}
