// SPDX-License-Identifier: GPL-2.0
/*
 * Finding the ACPI tables, and the interrupt controllers in the MADT.
 *
 *   RSDP  "RSD PTR ": handed over by a multiboot2 loader, else found by
 *         scanning the EBDA's first KiB and the BIOS area 0xe0000-0xfffff
 *         on 16-byte boundaries; it points at
 *   XSDT  (64-bit pointers, ACPI 2.0+) or RSDT (32-bit): the list of
 *         tables; among them
 *   MADT  (signature "APIC"): the local APIC address, each I/O APIC
 *         (id, address, first GSI), the ISA interrupt source overrides,
 *         the CPUs and their NMI wiring; and the SRAT and SLIT, the NUMA
 *         topology, which arch/x86/mm/srat.c reads (acpi_table_parse()).
 *
 * Two steps, as Linux: acpi_boot_table_init() finds and lists the tables
 * early in setup_arch(), before the page allocator, because the nodes
 * must be known before memory is handed out; acpi_boot_init() reads the
 * MADT later, when the interrupt controllers are set up.
 *
 * Every structure is checked (signature, length, checksum) before it is
 * believed. If anything is missing or broken, acpi_boot_init() prints one
 * warning and fails; init_IRQ() then uses the PC defaults (local APIC at
 * 0xfee00000, one I/O APIC at 0xfec00000, ISA IRQ n on GSI n but the
 * PIT's IRQ 0 on GSI 2).
 *
 * The tables are read where they lie. paging_init() maps RAM and the
 * e820 ACPI ranges into the direct map, but firmware often keeps the
 * tables in "reserved" memory (SeaBIOS does), and the BIOS area is not
 * RAM: those pages are added to the direct map read-only (before the page
 * allocator exists, when ioremap() cannot work yet) or mapped with
 * ioremap() (afterwards), once per page range, and kept.
 * Locking: runs once, at boot, on the boot CPU; nothing is shared.
 * Linux: arch/x86/kernel/acpi/boot.c (the MADT), drivers/acpi/tables.c,
 * drivers/acpi/acpica/tbxfroot.c (the RSDP scan), tbutils.c (the root table)
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/io_apic.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/setup.h>

#define EBDA_SEGMENT_PTR	0x40e	/* BIOS data area: EBDA segment (u16) */
#define EBDA_SCAN_LENGTH	1024
#define BIOS_AREA_START		0xe0000
#define BIOS_AREA_END		0x100000
#define RSDP_ALIGN		16
/* No real table is this big; a larger length is a corrupted header. */
#define ACPI_MAX_TABLE_LENGTH	(1U << 20)
#define ACPI_MAX_MAPS		16
#define ACPI_MAX_TABLES		32

bool acpi_disabled;
bool acpi_ioapic;
unsigned int acpi_num_processors;
u32 acpi_cpu_apicid[NR_CPUS];

/* Why the tables were rejected: the one warning acpi_boot_init() prints. */
static const char *acpi_failure;

static int __init parse_acpi(char *arg)
{
	if (!arg || strcmp(arg, "off"))
		return -EINVAL;
	acpi_disabled = true;
	return 0;
}
early_param("acpi", parse_acpi);

/* --- reading physical memory ---------------------------------------- */

static struct {
	phys_addr_t phys;
	unsigned long size;
	void *virt;
} acpi_maps[ACPI_MAX_MAPS];
static int nr_acpi_maps;

/* Did paging_init() put every page of [start, end) in the direct map? */
static bool __init in_direct_map(phys_addr_t start, phys_addr_t end)
{
	int level;

	if (end > max_pfn_mapped_end)
		return false;
	for (phys_addr_t p = start; p < end; p += PAGE_SIZE)
		if (!lookup_address((unsigned long)__va(p), &level))
			return false;
	return true;
}

/*
 * Before the page allocator exists ioremap() cannot work (it needs
 * vmalloc space): map the table's pages into the direct map instead,
 * read-only, with page tables from memblock. Firmware tables are
 * ordinary memory, so the direct map's write-back caching is right for
 * them (as Linux's early_memremap() of ACPI tables). Kept for good.
 */
static void *__init acpi_early_map(phys_addr_t start, phys_addr_t end)
{
	int level;

	for (phys_addr_t p = start; p < end; p += PAGE_SIZE)
		if (!lookup_address((unsigned long)__va(p), &level) &&
		    map_kernel_range((unsigned long)__va(p), p, PAGE_SIZE, PAGE_KERNEL_RO))
			return NULL;
	return __va(start);
}

/*
 * A kernel pointer to [@phys, @phys + @size): the direct map if it covers
 * the range, else an ioremap() window (reused for later requests inside
 * it; kept for good, the tables stay where they are). NULL if it cannot
 * be mapped. Linux: acpi_os_map_memory() in drivers/acpi/osl.c
 */
static void *__init acpi_os_map_memory(phys_addr_t phys, unsigned long size)
{
	phys_addr_t start = ALIGN_DOWN(phys, PAGE_SIZE);
	phys_addr_t end = PAGE_ALIGN(phys + size);
	void *virt;

	if (!size || phys + size < phys)
		return NULL;
	if (in_direct_map(start, end))
		return __va(phys);
	for (int i = 0; i < nr_acpi_maps; i++)
		if (start >= acpi_maps[i].phys &&
		    end <= acpi_maps[i].phys + acpi_maps[i].size)
			return (u8 *)acpi_maps[i].virt + (phys - acpi_maps[i].phys);
	if (nr_acpi_maps == ACPI_MAX_MAPS)
		return NULL;
	virt = page_alloc_ready ? ioremap(start, end - start) : acpi_early_map(start, end);
	if (!virt)
		return NULL;
	acpi_maps[nr_acpi_maps].phys = start;
	acpi_maps[nr_acpi_maps].size = end - start;
	acpi_maps[nr_acpi_maps].virt = virt;
	nr_acpi_maps++;
	return (u8 *)virt + (phys - start);
}

/* ACPI checksums: all bytes of the structure, checksum included, sum to 0. */
static u8 __init acpi_checksum(const void *buf, u32 len)
{
	const u8 *p = buf;
	u8 sum = 0;

	while (len--)
		sum += *p++;
	return sum;
}

/* Copy @n characters for printing, '?' for the unprintable (OEM ids are not NUL-terminated). */
static const char *__init acpi_fix_string(char *dst, const char *src, int n)
{
	for (int i = 0; i < n; i++)
		dst[i] = (src[i] >= 0x20 && src[i] < 0x7f) ? src[i] : '?';
	dst[n] = '\0';
	return dst;
}

/* --- the RSDP --------------------------------------------------------- */

/* Is there a valid RSDP (signature and ACPI 1.0 checksum) at @p? */
static bool __init rsdp_valid(const struct acpi_table_rsdp *p)
{
	return !memcmp(p->signature, ACPI_SIG_RSDP, 8) &&
	       acpi_checksum(p, ACPI_RSDP_REV0_SIZE) == 0;
}

static phys_addr_t __init scan_for_rsdp(phys_addr_t start, unsigned long length)
{
	const u8 *area = acpi_os_map_memory(start, length);

	if (!area)
		return 0;
	for (unsigned long off = 0; off + ACPI_RSDP_REV0_SIZE <= length; off += RSDP_ALIGN)
		if (rsdp_valid((const struct acpi_table_rsdp *)(area + off)))
			return start + off;
	return 0;
}

/**
 * acpi_find_root_pointer - where the RSDP is
 *
 * Return: its physical address, or 0 if there is none.
 * Linux: acpi_find_root_pointer() in drivers/acpi/acpica/tbxfroot.c
 * (the boot loader's copy is Linux's boot_params.acpi_rsdp_addr)
 */
static phys_addr_t __init acpi_find_root_pointer(void)
{
	const u16 *ebda_seg;
	phys_addr_t ebda, rsdp;

	/* A multiboot2 loader copies the RSDP into its information. */
	if (boot_acpi_rsdp)
		return boot_acpi_rsdp;

	ebda_seg = acpi_os_map_memory(EBDA_SEGMENT_PTR, sizeof(*ebda_seg));
	if (ebda_seg) {
		ebda = (phys_addr_t)*ebda_seg << 4;
		/* A believable EBDA sits in low memory, below the VGA hole. */
		if (ebda >= 0x400 && ebda < 0xa0000) {
			rsdp = scan_for_rsdp(ebda, EBDA_SCAN_LENGTH);
			if (rsdp)
				return rsdp;
		}
	}
	return scan_for_rsdp(BIOS_AREA_START, BIOS_AREA_END - BIOS_AREA_START);
}

/* --- tables ----------------------------------------------------------- */

static void __init acpi_print_table(phys_addr_t phys, const struct acpi_table_header *t)
{
	char sig[5], oem[7], oem_table[9], asl[5];

	pr_info("ACPI: %s 0x%016llX %06X (v%02u %-6s %-8s %08X %-4s %08X)\n",
		acpi_fix_string(sig, t->signature, 4), (unsigned long long)phys, t->length,
		t->revision, acpi_fix_string(oem, t->oem_id, 6),
		acpi_fix_string(oem_table, t->oem_table_id, 8), t->oem_revision,
		acpi_fix_string(asl, t->asl_compiler_id, 4), t->asl_compiler_revision);
}

/* Set acpi_failure to "the SIG table at 0x...: @what". */
static void __init table_failure(const char *sig, phys_addr_t phys, const char *what)
{
	static char buf[96];
	char s[5];

	snprintf(buf, sizeof(buf), "the %s table at 0x%llx %s",
		 sig ? acpi_fix_string(s, sig, 4) : "????", (unsigned long long)phys, what);
	acpi_failure = buf;
}

/*
 * Map the table at @phys and check it: a sane length, a good checksum and
 * (if @sig) the expected signature. NULL, with acpi_failure set, if not.
 */
static const struct acpi_table_header *__init acpi_map_table(phys_addr_t phys, const char *sig)
{
	const struct acpi_table_header *t;
	char found[4];
	u32 length;

	t = acpi_os_map_memory(phys, sizeof(*t));
	if (!t) {
		table_failure(sig, phys, "cannot be mapped");
		return NULL;
	}
	length = t->length;
	memcpy(found, t->signature, 4);
	if (sig && memcmp(t->signature, sig, 4)) {
		table_failure(sig, phys, "has the wrong signature");
		return NULL;
	}
	if (length < sizeof(*t) || length > ACPI_MAX_TABLE_LENGTH) {
		table_failure(found, phys, "has an impossible length");
		return NULL;
	}
	t = acpi_os_map_memory(phys, length);
	if (!t) {
		table_failure(found, phys, "cannot be mapped");
		return NULL;
	}
	if (acpi_checksum(t, length)) {
		table_failure(found, phys, "has a bad checksum");
		return NULL;
	}
	return t;
}

/* Entry @i of the RSDT (4-byte pointers) or XSDT (8-byte, unaligned). */
static phys_addr_t __init root_table_entry(const struct acpi_table_header *root,
					   unsigned int size, unsigned int i)
{
	const u8 *p = (const u8 *)root + sizeof(*root) + i * size;
	u64 addr = 0;

	memcpy(&addr, p, size);
	return addr;
}

/* --- the MADT --------------------------------------------------------- */

/*
 * One enabled CPU. Past NR_CPUS they are only counted: the summary after
 * the walk says how many were left out, in one line.
 * Linux: acpi_register_lapic() / generic_processor_info()
 */
static void __init acpi_register_lapic(u32 apicid)
{
	if (acpi_num_processors < NR_CPUS)
		acpi_cpu_apicid[acpi_num_processors] = apicid;
	acpi_num_processors++;
}

static const char *const mps_inti_polarity[] = { "dfl", "high", "res", "low" };
static const char *const mps_inti_trigger[] = { "dfl", "edge", "res", "level" };

/* The size each known entry type needs; 0 for types we skip. */
static unsigned int __init madt_entry_min_size(u8 type)
{
	switch (type) {
	case ACPI_MADT_TYPE_LOCAL_APIC:		return sizeof(struct acpi_madt_local_apic);
	case ACPI_MADT_TYPE_IO_APIC:		return sizeof(struct acpi_madt_io_apic);
	case ACPI_MADT_TYPE_INTERRUPT_OVERRIDE:	return sizeof(struct acpi_madt_interrupt_override);
	case ACPI_MADT_TYPE_NMI_SOURCE:		return sizeof(struct acpi_madt_nmi_source);
	case ACPI_MADT_TYPE_LOCAL_APIC_NMI:	return sizeof(struct acpi_madt_local_apic_nmi);
	case ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE: return sizeof(struct acpi_madt_local_apic_override);
	case ACPI_MADT_TYPE_LOCAL_X2APIC:	return sizeof(struct acpi_madt_local_x2apic);
	default:				return 0;
	}
}

/*
 * Walk the MADT entries. The first pass (@commit false) only checks that
 * every entry lies inside the table and is long enough for its type, and
 * finds the local APIC address; the second registers what it finds. So a
 * malformed table is refused whole, before anything was registered.
 */
static int __init acpi_parse_madt(const struct acpi_table_madt *madt, bool commit)
{
	const u8 *p = (const u8 *)(madt + 1);
	const u8 *end = (const u8 *)madt + madt->header.length;
	u64 lapic_addr = madt->address;
	unsigned int nr_ioapic_entries = 0;

	while (p < end) {
		const struct acpi_subtable_header *h = (const void *)p;

		if (end - p < (long)sizeof(*h) || h->length < sizeof(*h) ||
		    h->length > end - p || h->length < madt_entry_min_size(h->type)) {
			acpi_failure = "the MADT has a malformed entry";
			return -EINVAL;
		}

		switch (h->type) {
		case ACPI_MADT_TYPE_LOCAL_APIC: {
			const struct acpi_madt_local_apic *e = (const void *)h;
			bool enabled = e->lapic_flags & ACPI_MADT_ENABLED;

			if (!commit)
				break;
			pr_info("ACPI: LAPIC (acpi_id[0x%02x] lapic_id[0x%02x] %s)\n",
				e->processor_id, e->id, enabled ? "enabled" : "disabled");
			if (enabled)
				acpi_register_lapic(e->id);
			break;
		}
		case ACPI_MADT_TYPE_LOCAL_X2APIC: {
			const struct acpi_madt_local_x2apic *e = (const void *)h;
			bool enabled = e->lapic_flags & ACPI_MADT_ENABLED;

			if (!commit)
				break;
			pr_info("ACPI: X2APIC (apic_id[0x%02x] uid[0x%02x] %s)\n",
				e->local_apic_id, e->uid, enabled ? "enabled" : "disabled");
			if (enabled)
				acpi_register_lapic(e->local_apic_id);
			break;
		}
		case ACPI_MADT_TYPE_IO_APIC: {
			const struct acpi_madt_io_apic *e = (const void *)h;

			nr_ioapic_entries++;
			if (commit)
				mp_register_ioapic(e->id, e->address, e->global_irq_base);
			break;
		}
		case ACPI_MADT_TYPE_INTERRUPT_OVERRIDE: {
			const struct acpi_madt_interrupt_override *e = (const void *)h;

			if (!commit)
				break;
			pr_info("ACPI: INT_SRC_OVR (bus %u bus_irq %u global_irq %u %s %s)\n",
				e->bus, e->source_irq, e->global_irq,
				mps_inti_polarity[e->inti_flags & 3],
				mps_inti_trigger[(e->inti_flags >> 2) & 3]);
			if (e->bus != 0)
				pr_warn("ACPI: override for bus %u (not ISA) ignored\n", e->bus);
			else
				mp_override_legacy_irq(e->source_irq, e->inti_flags, e->global_irq);
			break;
		}
		case ACPI_MADT_TYPE_NMI_SOURCE: {
			const struct acpi_madt_nmi_source *e = (const void *)h;

			if (commit)
				pr_info("ACPI: NMI_SRC (%s %s global_irq %u) (not used)\n",
					mps_inti_polarity[e->inti_flags & 3],
					mps_inti_trigger[(e->inti_flags >> 2) & 3], e->global_irq);
			break;
		}
		case ACPI_MADT_TYPE_LOCAL_APIC_NMI: {
			const struct acpi_madt_local_apic_nmi *e = (const void *)h;

			if (commit)
				pr_info("ACPI: LAPIC_NMI (acpi_id[0x%02x] %s %s lint[0x%x])\n",
					e->processor_id, mps_inti_polarity[e->inti_flags & 3],
					mps_inti_trigger[(e->inti_flags >> 2) & 3], e->lint);
			break;
		}
		case ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE: {
			const struct acpi_madt_local_apic_override *e = (const void *)h;

			/* A 64-bit address that replaces the 32-bit one. */
			lapic_addr = e->address;
			break;
		}
		default:
			/* x2APIC NMI entries and the like: nothing Spindle uses. */
			break;
		}
		p += h->length;
	}

	if (!nr_ioapic_entries) {
		acpi_failure = "the MADT lists no I/O APIC";
		return -ENODEV;
	}
	if (commit)
		register_lapic_address(lapic_addr);
	return 0;
}

/* --- the table list ------------------------------------------------ */

/*
 * The tables the root table lists, as acpi_table_init() found them: a
 * good table is mapped and checked (@table); a bad one keeps why it was
 * refused (@failure), so that acpi_boot_init() can report a bad MADT as
 * the reason it fell back to the PC defaults.
 */
static struct acpi_table_desc {
	phys_addr_t phys;
	char signature[4];
	const struct acpi_table_header *table;
	const char *failure;
} acpi_tables[ACPI_MAX_TABLES];
static unsigned int nr_acpi_tables;
/* 0 once the RSDP and root table were good; else why not is in acpi_failure. */
static int acpi_tables_status = -ENODEV;

/* Record and print every table the root table lists. */
static void __init acpi_list_tables(const struct acpi_table_header *root,
				    phys_addr_t root_phys, unsigned int entry_size)
{
	unsigned int n = (root->length - sizeof(*root)) / entry_size;

	acpi_print_table(root_phys, root);
	for (unsigned int i = 0; i < n; i++) {
		phys_addr_t phys = root_table_entry(root, entry_size, i);
		struct acpi_table_desc *d = &acpi_tables[nr_acpi_tables];
		const char *sig;

		if (!phys)
			continue;
		if (nr_acpi_tables == ACPI_MAX_TABLES) {
			pr_warn("ACPI: more than %d tables: the rest are ignored\n", ACPI_MAX_TABLES);
			break;
		}
		nr_acpi_tables++;
		d->phys = phys;
		sig = acpi_os_map_memory(phys, 4);
		if (sig)
			memcpy(d->signature, sig, 4);
		d->table = acpi_map_table(phys, NULL);
		if (d->table) {
			acpi_print_table(phys, d->table);
			continue;
		}
		/* Kept for the report (a bad MADT is fatal to acpi_boot_init()). */
		d->failure = acpi_failure;
		acpi_failure = NULL;
		if (memcmp(d->signature, ACPI_SIG_MADT, 4))
			pr_warn("ACPI: %s: ignored\n", d->failure);
	}
}

/* The first listed table with signature @id (good or bad), or NULL. */
static const struct acpi_table_desc *__init acpi_find_table(const char *id)
{
	if (acpi_disabled || acpi_tables_status)
		return NULL;
	for (unsigned int i = 0; i < nr_acpi_tables; i++)
		if (!memcmp(acpi_tables[i].signature, id, 4))
			return &acpi_tables[i];
	return NULL;
}

/**
 * acpi_table_parse - hand the table with signature @id to @handler
 * @id: a signature such as ACPI_SIG_SRAT
 * @handler: called with the mapped, checked table
 *
 * Return: what @handler returned; -ENODEV when there is no such table
 * (or no ACPI), -EINVAL when the table is listed but failed its checks
 * (acpi_table_init() has said why).
 * Linux: acpi_table_parse() in drivers/acpi/tables.c
 */
int __init acpi_table_parse(const char *id,
			    int (*handler)(const struct acpi_table_header *table))
{
	const struct acpi_table_desc *d = acpi_find_table(id);

	if (!d)
		return -ENODEV;
	if (!d->table)
		return -EINVAL;
	return handler(d->table);
}

/* Find the RSDP and the root table, and list the tables; acpi_failure says why not. */
static int __init __acpi_table_init(void)
{
	const struct acpi_table_rsdp *rsdp;
	const struct acpi_table_header *root = NULL;
	phys_addr_t rsdp_phys, root_phys = 0;
	unsigned int entry_size = 4;
	char oem[7];

	rsdp_phys = acpi_find_root_pointer();
	if (!rsdp_phys) {
		acpi_failure = "no RSDP found";
		return -ENODEV;
	}
	rsdp = acpi_os_map_memory(rsdp_phys, ACPI_RSDP_REV0_SIZE);
	if (!rsdp || !rsdp_valid(rsdp)) {
		acpi_failure = "the RSDP is invalid (signature or checksum)";
		return -EINVAL;
	}
	pr_info("ACPI: RSDP 0x%016llX %06X (v%02u %-6s)\n", (unsigned long long)rsdp_phys,
		rsdp->revision >= 2 ? rsdp->length : ACPI_RSDP_REV0_SIZE, rsdp->revision,
		acpi_fix_string(oem, rsdp->oem_id, 6));

	/* ACPI 2.0+: prefer the XSDT when its RSDP part and the table are good. */
	if (rsdp->revision >= 2) {
		u32 length = rsdp->length;

		/* Check the length before mapping that much. */
		rsdp = NULL;
		if (length >= sizeof(*rsdp) && length <= PAGE_SIZE)
			rsdp = acpi_os_map_memory(rsdp_phys, length);
		if (rsdp && !acpi_checksum(rsdp, length) && rsdp->xsdt_physical_address) {
			root_phys = rsdp->xsdt_physical_address;
			root = acpi_map_table(root_phys, ACPI_SIG_XSDT);
			entry_size = 8;
		}
		if (!root)
			pr_warn("ACPI: XSDT unusable (%s), using the RSDT\n",
				acpi_failure ? acpi_failure : "bad extended RSDP");
		acpi_failure = NULL;
		rsdp = acpi_os_map_memory(rsdp_phys, ACPI_RSDP_REV0_SIZE);
	}
	if (!root) {
		entry_size = 4;
		root_phys = rsdp->rsdt_physical_address;
		root = acpi_map_table(root_phys, ACPI_SIG_RSDT);
		if (!root)
			return -EINVAL;
	}
	acpi_list_tables(root, root_phys, entry_size);
	return 0;
}

/**
 * acpi_boot_table_init - find and list the ACPI tables, early in boot
 *
 * Called from setup_arch() before the page allocator exists, so that the
 * NUMA topology (SRAT, SLIT) is known before memory is handed out. The
 * tables are mapped into the direct map (acpi_os_map_memory()). Failure
 * is kept for acpi_boot_init() to report in its one warning.
 * Linux: acpi_boot_table_init() in arch/x86/kernel/acpi/boot.c,
 * acpi_table_init() in drivers/acpi/tables.c
 */
void __init acpi_boot_table_init(void)
{
	if (acpi_disabled)
		return;
	acpi_tables_status = __acpi_table_init();
	BUG_ON(acpi_tables_status && !acpi_failure);
}

/* The real work; on failure acpi_failure says why. */
static int __init __acpi_boot_init(void)
{
	const struct acpi_table_desc *d;
	const struct acpi_table_madt *madt;

	if (acpi_tables_status)
		return acpi_tables_status;
	d = acpi_find_table(ACPI_SIG_MADT);
	if (!d) {
		acpi_failure = "no MADT (\"APIC\" table) found";
		return -ENODEV;
	}
	if (!d->table) {
		acpi_failure = d->failure;
		return -EINVAL;
	}
	madt = (const struct acpi_table_madt *)d->table;
	if (madt->header.length < sizeof(*madt)) {
		acpi_failure = "the MADT is too short";
		return -EINVAL;
	}
	if (acpi_parse_madt(madt, false))
		return -EINVAL;

	pr_info("ACPI: MADT 0x%016llX: local APIC address 0x%08x%s\n",
		(unsigned long long)d->phys, madt->address,
		(madt->flags & ACPI_MADT_PCAT_COMPAT) ? ", dual 8259 PICs present (PCAT_COMPAT)" : "");
	acpi_parse_madt(madt, true);
	if (acpi_num_processors > NR_CPUS) {
		pr_warn("smpboot: %u Processors exceeds NR_CPUS limit of %u\n",
			acpi_num_processors, NR_CPUS);
		acpi_num_processors = NR_CPUS;
	}
	acpi_ioapic = true;
	pr_info("ACPI: Using ACPI (MADT) for interrupt controller information: %u CPU(s), %d I/O APIC(s)\n",
		acpi_num_processors, nr_ioapics);
	return 0;
}

/**
 * acpi_boot_init - find the interrupt controllers in the ACPI tables
 *
 * Return: 0, or a negative errno.
 *
 * On success the local APIC address is registered (register_lapic_address()),
 * each I/O APIC (mp_register_ioapic()) and each ISA override
 * (mp_override_legacy_irq()), and the CPUs are listed in acpi_cpu_apicid[].
 * On failure (no ACPI, acpi=off, a malformed or badly summed table) one
 * warning is printed and nothing is registered; the caller falls back to
 * the PC defaults.
 * Linux: acpi_boot_init() / acpi_process_madt() in arch/x86/kernel/acpi/boot.c
 */
int __init acpi_boot_init(void)
{
	int ret;

	if (acpi_disabled) {
		pr_warn("ACPI: disabled by acpi=off; using the default local APIC at 0x%08lx, I/O APIC at 0x%08lx, ISA IRQ n = GSI n (IRQ 0 = GSI 2)\n",
			APIC_DEFAULT_PHYS_BASE, IO_APIC_DEFAULT_PHYS_BASE);
		return -ENODEV;
	}
	ret = __acpi_boot_init();
	if (ret) {
		BUG_ON(!acpi_failure);
		pr_warn("ACPI: %s; using the default local APIC at 0x%08lx, I/O APIC at 0x%08lx, ISA IRQ n = GSI n (IRQ 0 = GSI 2)\n",
			acpi_failure, APIC_DEFAULT_PHYS_BASE, IO_APIC_DEFAULT_PHYS_BASE);
	}
	return ret;
}
