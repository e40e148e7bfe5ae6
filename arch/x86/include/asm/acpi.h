/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The little of ACPI Spindle reads: the RSDP (where the tables start),
 * the RSDT/XSDT (the list of tables), and the MADT (signature "APIC"),
 * which describes the interrupt controllers. The layouts are the ACPI
 * specification's; the names are those of Linux's ACPICA headers.
 * All multi-byte fields are little-endian and unaligned: the structs are
 * packed, and read through them only.
 * Linux: include/acpi/actbl.h, actbl2.h, arch/x86/include/asm/acpi.h
 */
#ifndef _ASM_X86_ACPI_H
#define _ASM_X86_ACPI_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/percpu.h>

#define ACPI_SIG_RSDP	"RSD PTR "
#define ACPI_SIG_RSDT	"RSDT"
#define ACPI_SIG_XSDT	"XSDT"
#define ACPI_SIG_MADT	"APIC"
#define ACPI_SIG_SRAT	"SRAT"
#define ACPI_SIG_SLIT	"SLIT"

/* Root System Description Pointer: 20 bytes in ACPI 1.0, 36 from 2.0. */
struct acpi_table_rsdp {
	char signature[8];		/* "RSD PTR " */
	u8 checksum;			/* of the first 20 bytes */
	char oem_id[6];
	u8 revision;			/* 0: ACPI 1.0; 2: 2.0 and later */
	u32 rsdt_physical_address;
	/* ACPI 2.0+ */
	u32 length;			/* of the whole structure */
	u64 xsdt_physical_address;
	u8 extended_checksum;		/* of all @length bytes */
	u8 reserved[3];
} __packed;

#define ACPI_RSDP_REV0_SIZE	20

/* The header every table after the RSDP starts with. */
struct acpi_table_header {
	char signature[4];
	u32 length;			/* of the table, header included */
	u8 revision;
	u8 checksum;			/* makes all @length bytes sum to 0 */
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	char asl_compiler_id[4];
	u32 asl_compiler_revision;
} __packed;

/* Multiple APIC Description Table: a header, then variable entries. */
struct acpi_table_madt {
	struct acpi_table_header header;
	u32 address;			/* of the local APIC */
	u32 flags;
} __packed;

#define ACPI_MADT_PCAT_COMPAT	1	/* flags: the machine also has dual 8259s */

struct acpi_subtable_header {
	u8 type;
	u8 length;
} __packed;

enum acpi_madt_type {
	ACPI_MADT_TYPE_LOCAL_APIC = 0,
	ACPI_MADT_TYPE_IO_APIC = 1,
	ACPI_MADT_TYPE_INTERRUPT_OVERRIDE = 2,
	ACPI_MADT_TYPE_NMI_SOURCE = 3,
	ACPI_MADT_TYPE_LOCAL_APIC_NMI = 4,
	ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE = 5,
	ACPI_MADT_TYPE_LOCAL_X2APIC = 9,
};

struct acpi_madt_local_apic {
	struct acpi_subtable_header header;
	u8 processor_id;		/* ACPI processor UID */
	u8 id;				/* its local APIC id */
	u32 lapic_flags;
} __packed;

/* More than 255 CPUs, or APIC ids above 254: the 32-bit form. */
struct acpi_madt_local_x2apic {
	struct acpi_subtable_header header;
	u16 reserved;
	u32 local_apic_id;
	u32 lapic_flags;
	u32 uid;			/* ACPI processor UID */
} __packed;

#define ACPI_MADT_ENABLED		1
#define ACPI_MADT_ONLINE_CAPABLE	2

struct acpi_madt_io_apic {
	struct acpi_subtable_header header;
	u8 id;
	u8 reserved;
	u32 address;
	u32 global_irq_base;
} __packed;

struct acpi_madt_interrupt_override {
	struct acpi_subtable_header header;
	u8 bus;				/* 0: ISA */
	u8 source_irq;
	u32 global_irq;
	u16 inti_flags;			/* MP_IRQPOL_* | MP_IRQTRIG_* */
} __packed;

struct acpi_madt_nmi_source {
	struct acpi_subtable_header header;
	u16 inti_flags;
	u32 global_irq;
} __packed;

struct acpi_madt_local_apic_nmi {
	struct acpi_subtable_header header;
	u8 processor_id;		/* 0xff: all processors */
	u16 inti_flags;
	u8 lint;			/* 0 or 1 */
} __packed;

struct acpi_madt_local_apic_override {
	struct acpi_subtable_header header;
	u16 reserved;
	u64 address;
} __packed;

/*
 * System Resource Affinity Table: which proximity domain (PXM) each CPU
 * and each range of memory belongs to. A header, then entries.
 */
struct acpi_table_srat {
	struct acpi_table_header header;
	u32 table_revision;		/* 1 */
	u64 reserved;
} __packed;

enum acpi_srat_type {
	ACPI_SRAT_TYPE_CPU_AFFINITY = 0,
	ACPI_SRAT_TYPE_MEMORY_AFFINITY = 1,
	ACPI_SRAT_TYPE_X2APIC_CPU_AFFINITY = 2,
};

struct acpi_srat_cpu_affinity {
	struct acpi_subtable_header header;
	u8 proximity_domain_lo;
	u8 apic_id;
	u32 flags;
	u8 local_sapic_eid;
	u8 proximity_domain_hi[3];	/* from SRAT revision 2 */
	u32 clock_domain;
} __packed;

#define ACPI_SRAT_CPU_ENABLED		1

struct acpi_srat_mem_affinity {
	struct acpi_subtable_header header;
	u32 proximity_domain;
	u16 reserved;
	u64 base_address;
	u64 length;
	u32 reserved1;
	u32 flags;
	u64 reserved2;
} __packed;

#define ACPI_SRAT_MEM_ENABLED		1
#define ACPI_SRAT_MEM_HOT_PLUGGABLE	2
#define ACPI_SRAT_MEM_NON_VOLATILE	4

struct acpi_srat_x2apic_cpu_affinity {
	struct acpi_subtable_header header;
	u16 reserved;
	u32 proximity_domain;
	u32 apic_id;
	u32 flags;
	u32 clock_domain;
	u32 reserved2;
} __packed;

/* System Locality Information Table: a count, then count x count distances. */
struct acpi_table_slit {
	struct acpi_table_header header;
	u64 locality_count;
	u8 entry[];
} __packed;

/* Set by acpi=off: ignore the firmware's tables, use PC defaults. */
extern bool acpi_disabled;
/* The MADT was read and its I/O APICs, overrides and CPUs are in use. */
extern bool acpi_ioapic;
/*
 * The enabled CPUs the MADT lists (at most NR_CPUS: the rest are counted
 * in one warning and left out): their local APIC ids, boot CPU first or not.
 */
extern unsigned int acpi_num_processors;
extern u32 acpi_cpu_apicid[NR_CPUS];

int acpi_boot_init(void);
void acpi_boot_table_init(void);
/* Call @handler with the table of signature @id. Linux: acpi_table_parse() */
int acpi_table_parse(const char *id, int (*handler)(const struct acpi_table_header *table));

#endif /* _ASM_X86_ACPI_H */
