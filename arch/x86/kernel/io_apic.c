// SPDX-License-Identifier: GPL-2.0
/*
 * The I/O APIC(s). Each has a redirection table, one 64-bit entry per
 * input pin: which vector to send, to which local APIC, with which
 * polarity and trigger mode, and a mask bit. GSI n is pin n - gsi_base of
 * the I/O APIC whose range holds it.
 *
 * At boot every pin is masked (setup_IO_APIC()); a driver that wants its
 * ISA IRQ calls ioapic_route_isa_irq(), which looks up the MADT's
 * interrupt source overrides (IRQ -> GSI, polarity, trigger), programs
 * the entry for the boot CPU and unmasks it. Only ISA IRQs are routed:
 * Spindle has no PCI interrupt routing (that needs the AML in the DSDT).
 *
 * The registers are reached indirectly: write the register number to
 * IOREGSEL, then read or write IOWIN. That pair of accesses must not be
 * interleaved with another, so every access holds ioapic_lock with
 * interrupts off. The tables (ioapics[], isa_overrides[]) are filled at
 * boot on one CPU and read-only afterwards, except the routed bitmaps,
 * which are changed under ioapic_lock.
 * Linux: arch/x86/kernel/apic/io_apic.c (mp_register_ioapic,
 * clear_IO_APIC, ioapic_write_entry), arch/x86/kernel/acpi/boot.c
 * (mp_override_legacy_irq)
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/io_apic.h>
#include <asm/traps.h>

#define IO_APIC_REGSEL		0x00
#define IO_APIC_WINDOW		0x10
#define IO_APIC_REG_ID		0x00
#define IO_APIC_REG_VERSION	0x01
#define IO_APIC_REG_TABLE	0x10	/* entry n: registers 0x10 + 2n (low), + 1 (high) */
#define IO_APIC_MAX_PINS	256	/* the version register holds pins - 1 in 8 bits */

struct ioapic {
	u8 apic_id;
	u8 version;
	u32 phys;
	void *base;			/* the registers, mapped by ioremap() */
	u32 gsi_base;
	unsigned int nr_pins;
	u64 routed[IO_APIC_MAX_PINS / 64];	/* pins programmed and unmasked */
};

static struct ioapic ioapics[MAX_IO_APICS];
int nr_ioapics;

/* The MADT's interrupt source overrides; without one, IRQ n is GSI n. */
static struct {
	bool present;
	u16 flags;		/* MP_IRQPOL_* | MP_IRQTRIG_* */
	u32 gsi;
} isa_overrides[NR_IRQS_LEGACY];

/* Guards each IOREGSEL/IOWIN access pair and the routed bitmaps; irqs off. */
static DEFINE_RAW_SPINLOCK(ioapic_lock);

static u32 io_apic_read(struct ioapic *a, u32 reg)
{
	writel(reg, (u8 *)a->base + IO_APIC_REGSEL);
	return readl((u8 *)a->base + IO_APIC_WINDOW);
}

static void io_apic_write(struct ioapic *a, u32 reg, u32 val)
{
	writel(reg, (u8 *)a->base + IO_APIC_REGSEL);
	writel(val, (u8 *)a->base + IO_APIC_WINDOW);
}

/* Caller holds ioapic_lock. */
static u64 __ioapic_read_entry(struct ioapic *a, unsigned int pin)
{
	u32 lo, hi;

	lockdep_assert_held(&ioapic_lock);
	lo = io_apic_read(a, IO_APIC_REG_TABLE + 2 * pin);
	hi = io_apic_read(a, IO_APIC_REG_TABLE + 2 * pin + 1);
	return (u64)hi << 32 | lo;
}

/*
 * Caller holds ioapic_lock. The entry is written in two halves; mask it
 * first, so no interrupt is ever sent from a half-old, half-new entry.
 */
static void __ioapic_write_entry(struct ioapic *a, unsigned int pin, u64 entry)
{
	lockdep_assert_held(&ioapic_lock);
	io_apic_write(a, IO_APIC_REG_TABLE + 2 * pin, IO_APIC_RTE_MASKED);
	io_apic_write(a, IO_APIC_REG_TABLE + 2 * pin + 1, (u32)(entry >> 32));
	io_apic_write(a, IO_APIC_REG_TABLE + 2 * pin, (u32)entry);
}

static struct ioapic *ioapic_get(int apic)
{
	BUG_ON(apic < 0 || apic >= nr_ioapics);
	return &ioapics[apic];
}

/**
 * mp_register_ioapic - make an I/O APIC known: map it, read its size
 * @id: its APIC id (from the MADT)
 * @address: physical address of its registers
 * @gsi_base: the GSI its pin 0 receives
 *
 * Prints the Linux-style "IOAPIC[n]: ..." line.
 * Return: its index, or -ENOSPC (too many) / -ENOMEM / -ENODEV (nothing
 * answers at @address).
 * Linux: mp_register_ioapic() in arch/x86/kernel/apic/io_apic.c
 */
int __init mp_register_ioapic(int id, u32 address, u32 gsi_base)
{
	struct ioapic *a;
	u32 page = address & ~(u32)(PAGE_SIZE - 1);
	void *base;
	u32 ver;

	if (nr_ioapics >= MAX_IO_APICS) {
		pr_warn("IOAPIC: more than %d I/O APICs; ignoring the one at %#x\n",
			MAX_IO_APICS, address);
		return -ENOSPC;
	}
	base = ioremap(page, PAGE_SIZE);
	if (!base) {
		pr_err("IOAPIC: cannot map the I/O APIC at %#x\n", address);
		return -ENOMEM;
	}
	a = &ioapics[nr_ioapics];
	a->base = (u8 *)base + (address - page);
	ver = io_apic_read(a, IO_APIC_REG_VERSION);
	if (ver == ~0U) {
		/* Reads of nothing return all ones. */
		pr_err("IOAPIC: nothing answers at %#x; ignored\n", address);
		return -ENODEV;
	}
	a->apic_id = id;
	a->phys = address;
	a->gsi_base = gsi_base;
	a->version = ver & 0xff;
	a->nr_pins = ((ver >> 16) & 0xff) + 1;
	pr_info("IOAPIC[%d]: apic_id %d, version %u, address %#x, GSI %u-%u\n",
		nr_ioapics, id, a->version, address, gsi_base, gsi_base + a->nr_pins - 1);
	return nr_ioapics++;
}

/**
 * mp_override_legacy_irq - record that ISA IRQ @bus_irq is really @gsi
 * @bus_irq: 0..15
 * @flags: MP_IRQPOL_* | MP_IRQTRIG_* (0: the ISA defaults, high and edge)
 * @gsi: the global system interrupt it is wired to
 *
 * From the MADT's interrupt source override entries.
 * Linux: mp_override_legacy_irq() in arch/x86/kernel/acpi/boot.c
 */
void __init mp_override_legacy_irq(u8 bus_irq, u16 flags, u32 gsi)
{
	if (bus_irq >= NR_IRQS_LEGACY) {
		pr_warn("ACPI: override of ISA IRQ %u, which does not exist: ignored\n", bus_irq);
		return;
	}
	isa_overrides[bus_irq].present = true;
	isa_overrides[bus_irq].flags = flags;
	isa_overrides[bus_irq].gsi = gsi;
}

/**
 * isa_irq_to_gsi - the GSI an ISA IRQ arrives on
 * @isa_irq: 0..15
 * Return: the override's GSI, else @isa_irq itself.
 * Linux: mp_find_ioapic_pin() / acpi_isa_irq_to_gsi()
 */
u32 isa_irq_to_gsi(unsigned int isa_irq)
{
	BUG_ON(isa_irq >= NR_IRQS_LEGACY);
	return isa_overrides[isa_irq].present ? isa_overrides[isa_irq].gsi : isa_irq;
}

/**
 * mp_find_ioapic - which I/O APIC receives @gsi
 * @gsi: a global system interrupt
 * Return: its index, or -1 if none does.
 * Linux: mp_find_ioapic()
 */
int mp_find_ioapic(u32 gsi)
{
	for (int i = 0; i < nr_ioapics; i++)
		if (gsi >= ioapics[i].gsi_base && gsi < ioapics[i].gsi_base + ioapics[i].nr_pins)
			return i;
	return -1;
}

/**
 * mp_find_ioapic_pin - the pin of I/O APIC @apic that receives @gsi
 * @apic: as returned by mp_find_ioapic(@gsi)
 * @gsi: a global system interrupt in its range
 * Return: the pin, 0-based (a @gsi outside the range is a BUG).
 * Linux: mp_find_ioapic_pin()
 */
int mp_find_ioapic_pin(int apic, u32 gsi)
{
	struct ioapic *a = ioapic_get(apic);

	BUG_ON(gsi < a->gsi_base || gsi >= a->gsi_base + a->nr_pins);
	return gsi - a->gsi_base;
}

/* Which I/O APIC receives @gsi, and on which pin. -1 if none. */
static int find_ioapic_pin(u32 gsi, unsigned int *pin)
{
	int apic = mp_find_ioapic(gsi);

	if (apic >= 0)
		*pin = mp_find_ioapic_pin(apic, gsi);
	return apic;
}

/**
 * setup_IO_APIC - mask every pin of every I/O APIC
 *
 * The firmware may have left entries programmed; none may fire until a
 * driver routes its line. Call after the I/O APICs are registered.
 * Linux: setup_IO_APIC() / clear_IO_APIC()
 */
void __init setup_IO_APIC(void)
{
	unsigned long flags;

	BUG_ON(nr_ioapics == 0);
	raw_spin_lock_irqsave(&ioapic_lock, flags);
	for (int i = 0; i < nr_ioapics; i++) {
		struct ioapic *a = &ioapics[i];

		for (unsigned int pin = 0; pin < a->nr_pins; pin++)
			__ioapic_write_entry(a, pin, IO_APIC_RTE_MASKED);
		memset(a->routed, 0, sizeof(a->routed));
	}
	raw_spin_unlock_irqrestore(&ioapic_lock, flags);
	for (int i = 0; i < nr_ioapics; i++)
		pr_info("IOAPIC[%d]: all %u pins masked\n", i, ioapics[i].nr_pins);
}

/**
 * ioapic_route_isa_irq - deliver ISA IRQ @isa_irq to this vector, unmasked
 * @isa_irq: 0..15, not 2 (the PIC cascade, which no device uses)
 * @vector: IRQ0_VECTOR..LOCAL_TIMER_VECTOR-1 (by convention IRQ0_VECTOR + @isa_irq)
 *
 * Applies the MADT override for @isa_irq (GSI, polarity, trigger; ISA
 * defaults are active high, edge), sends it to the boot CPU's local APIC
 * in fixed, physical destination mode, and unmasks it. Register the
 * vector's handler (set_vector_handler()) first: the line may fire at
 * once. The handler must end with apic_eoi().
 * Return: 0, -EINVAL for a bad IRQ or vector, -ENODEV if no I/O APIC
 * receives the GSI.
 * Linux: the ISA part of setup_IO_APIC_irqs() / mp_map_pin_to_irq() +
 * ioapic_configure_entry()
 */
int ioapic_route_isa_irq(unsigned int isa_irq, unsigned int vector)
{
	unsigned long flags;
	unsigned int pin;
	u16 irqflags;
	u64 entry;
	u32 gsi;
	int apic;

	if (isa_irq >= NR_IRQS_LEGACY || isa_irq == 2 ||
	    vector < IRQ0_VECTOR || vector >= LOCAL_TIMER_VECTOR) {
		pr_err("IOAPIC: cannot route ISA IRQ %u to vector %#x\n", isa_irq, vector);
		return -EINVAL;
	}
	gsi = isa_irq_to_gsi(isa_irq);
	irqflags = isa_overrides[isa_irq].present ? isa_overrides[isa_irq].flags : 0;
	apic = find_ioapic_pin(gsi, &pin);
	if (apic < 0) {
		pr_err("IOAPIC: no I/O APIC receives GSI %u (ISA IRQ %u)\n", gsi, isa_irq);
		return -ENODEV;
	}

	entry = vector;		/* delivery mode fixed (0), physical destination (0) */
	if ((irqflags & MP_IRQPOL_MASK) == MP_IRQPOL_ACTIVE_LOW)
		entry |= IO_APIC_RTE_ACTIVE_LOW;
	if ((irqflags & MP_IRQTRIG_MASK) == MP_IRQTRIG_LEVEL)
		entry |= IO_APIC_RTE_LEVEL;
	entry |= (u64)boot_cpu_physical_apicid << 56;

	raw_spin_lock_irqsave(&ioapic_lock, flags);
	__ioapic_write_entry(&ioapics[apic], pin, entry);
	ioapics[apic].routed[pin / 64] |= 1ULL << (pin % 64);
	raw_spin_unlock_irqrestore(&ioapic_lock, flags);

	pr_info("IOAPIC[%d]: ISA IRQ %u -> GSI %u (pin %u) -> vector %#x on APIC id %u (%s %s)\n",
		apic, isa_irq, gsi, pin, vector, boot_cpu_physical_apicid,
		(irqflags & MP_IRQPOL_MASK) == MP_IRQPOL_ACTIVE_LOW ? "low" : "high",
		(irqflags & MP_IRQTRIG_MASK) == MP_IRQTRIG_LEVEL ? "level" : "edge");
	return 0;
}

/**
 * ioapic_mask_isa_irq - stop delivering ISA IRQ @isa_irq
 * @isa_irq: 0..15, previously routed
 *
 * Masks the entry (the rest of it is kept). An interrupt already on its
 * way to the local APIC may still arrive once after this returns.
 * Linux: mask_ioapic_irq()
 */
void ioapic_mask_isa_irq(unsigned int isa_irq)
{
	unsigned long flags;
	unsigned int pin;
	struct ioapic *a;
	int apic;

	if (WARN(isa_irq >= NR_IRQS_LEGACY, "IOAPIC: no ISA IRQ %u\n", isa_irq))
		return;
	apic = find_ioapic_pin(isa_irq_to_gsi(isa_irq), &pin);
	if (WARN(apic < 0, "IOAPIC: ISA IRQ %u has no I/O APIC pin\n", isa_irq))
		return;
	a = &ioapics[apic];
	raw_spin_lock_irqsave(&ioapic_lock, flags);
	/* Setting the mask bit in the low half alone is atomic for the device. */
	io_apic_write(a, IO_APIC_REG_TABLE + 2 * pin,
		      (u32)__ioapic_read_entry(a, pin) | IO_APIC_RTE_MASKED);
	a->routed[pin / 64] &= ~(1ULL << (pin % 64));
	raw_spin_unlock_irqrestore(&ioapic_lock, flags);
}

/**
 * ioapic_nr_pins - how many input pins I/O APIC @apic has
 * @apic: 0..nr_ioapics-1
 * Return: the number of pins (redirection entries).
 * Linux: mp_ioapic_pin_count()
 */
unsigned int ioapic_nr_pins(int apic)
{
	return ioapic_get(apic)->nr_pins;
}

/**
 * ioapic_read_entry - read a redirection table entry
 * @apic: 0..nr_ioapics-1
 * @pin: 0..ioapic_nr_pins(@apic)-1
 * Return: the 64-bit entry (IO_APIC_RTE_* bits, destination in 63:56).
 * Linux: ioapic_read_entry()
 */
u64 ioapic_read_entry(int apic, unsigned int pin)
{
	struct ioapic *a = ioapic_get(apic);
	unsigned long flags;
	u64 entry;

	BUG_ON(pin >= a->nr_pins);
	raw_spin_lock_irqsave(&ioapic_lock, flags);
	entry = __ioapic_read_entry(a, pin);
	raw_spin_unlock_irqrestore(&ioapic_lock, flags);
	return entry;
}

/**
 * ioapic_pin_routed - did ioapic_route_isa_irq() unmask this pin?
 * @apic: 0..nr_ioapics-1
 * @pin: 0..ioapic_nr_pins(@apic)-1
 * Return: true while routed and not masked again.
 * Linux: no counterpart (Linux asks the irq_desc); Spindle's tests use it
 */
bool ioapic_pin_routed(int apic, unsigned int pin)
{
	struct ioapic *a = ioapic_get(apic);

	BUG_ON(pin >= a->nr_pins);
	return (READ_ONCE(a->routed[pin / 64]) >> (pin % 64)) & 1;
}
