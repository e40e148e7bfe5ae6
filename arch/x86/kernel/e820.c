// SPDX-License-Identifier: GPL-2.0
/*
 * The physical memory map, in the BIOS's e820 terms: ranges of RAM,
 * reserved memory and ACPI tables. Filled from the multiboot map, sorted,
 * printed at boot, and read by memblock to find usable RAM.
 * Linux: arch/x86/kernel/e820.c
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/setup.h>

struct e820_table e820_table;

/**
 * e820__range_add - append a range to the memory map
 * @start: physical start
 * @size: length in bytes (0 is ignored)
 * @type: E820_TYPE_*; unknown loader types are kept as reserved
 * Linux: e820__range_add()
 */
void e820__range_add(u64 start, u64 size, enum e820_type type)
{
	struct e820_table *t = &e820_table;

	if (size == 0)
		return;
	if (t->nr_entries >= E820_MAX_ENTRIES) {
		pr_err("e820: too many entries; ignoring [mem %#018llx-%#018llx]\n",
		       (unsigned long long)start, (unsigned long long)(start + size - 1));
		return;
	}
	if (type < E820_TYPE_RAM || type > E820_TYPE_UNUSABLE)
		type = E820_TYPE_RESERVED;
	t->entries[t->nr_entries++] = (struct e820_entry){ start, size, type };
}

/**
 * e820__update_table - sort by address and merge touching same-type ranges
 * @table: the table
 *
 * Loaders give sorted, non-overlapping maps in practice; insertion sort is
 * plenty for a few dozen entries.
 * Linux: e820__update_table() (which also resolves overlaps)
 */
void e820__update_table(struct e820_table *table)
{
	struct e820_entry *e = table->entries;
	u32 i, j, n = table->nr_entries;

	for (i = 1; i < n; i++) {
		struct e820_entry key = e[i];

		for (j = i; j > 0 && e[j - 1].addr > key.addr; j--)
			e[j] = e[j - 1];
		e[j] = key;
	}
	for (i = 0, j = 0; i < n; i++) {
		if (j > 0 && e[j - 1].type == e[i].type &&
		    e[j - 1].addr + e[j - 1].size == e[i].addr) {
			e[j - 1].size += e[i].size;
			continue;
		}
		e[j++] = e[i];
	}
	table->nr_entries = j;
}

static const char *e820_type_name(enum e820_type type)
{
	switch (type) {
	case E820_TYPE_RAM:		return "usable";
	case E820_TYPE_ACPI:		return "ACPI data";
	case E820_TYPE_NVS:		return "ACPI NVS";
	case E820_TYPE_UNUSABLE:	return "unusable";
	default:			return "reserved";
	}
}

/**
 * e820__print_table - print the map as Linux's boot log does
 * @who: the source, e.g. "multiboot2"
 * Linux: e820__print_table()
 */
void e820__print_table(const char *who)
{
	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		struct e820_entry *e = &e820_table.entries[i];

		pr_info("%s: [mem %#018llx-%#018llx] %s\n", who,
			(unsigned long long)e->addr,
			(unsigned long long)(e->addr + e->size - 1),
			e820_type_name(e->type));
	}
}

/**
 * e820__end_of_ram - the address just past the highest usable RAM
 * Return: that address; 0 if the map has no usable RAM.
 * Linux: e820__end_of_ram_pfn() (in pages)
 */
u64 e820__end_of_ram(void)
{
	u64 end = 0;

	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		struct e820_entry *e = &e820_table.entries[i];

		if (e->type == E820_TYPE_RAM && e->addr + e->size > end)
			end = e->addr + e->size;
	}
	return end;
}

/**
 * e820__mapped_any - does any range of @type overlap [@start, @end)?
 * @start: physical start
 * @end: physical end (exclusive)
 * @type: the type to look for
 * Return: true if some entry of @type overlaps the range.
 * Linux: e820__mapped_any()
 */
bool e820__mapped_any(u64 start, u64 end, enum e820_type type)
{
	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		struct e820_entry *e = &e820_table.entries[i];

		if (e->type == type && e->addr < end && e->addr + e->size > start)
			return true;
	}
	return false;
}
