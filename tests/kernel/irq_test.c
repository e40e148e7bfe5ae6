// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "irq": the interrupt controllers as init_IRQ() left them.
 * The legacy PICs masked and silent, the local APIC enabled with the
 * spurious vector and the periodic tick, every I/O APIC pin masked unless
 * routed, and one line routed end to end: the PIT's ISA IRQ 0, through
 * the MADT override (GSI 2 on PCs), to a vector, and masked again.
 * Linux: no direct counterpart (Linux checks these at boot, in
 * arch/x86/kernel/apic/io_apic.c's check_timer(), among others)
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <linux/timekeeping.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/i8259.h>
#include <asm/io.h>
#include <asm/io_apic.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/time.h>
#include <asm/traps.h>

#define PIT_CH0_PORT	0x40
#define PIT_MODE_PORT	0x43

static void irq_test_legacy_pic_masked(struct kunit *test)
{
	unsigned long stray = 0;

	KUNIT_EXPECT_EQ(test, inb(PIC_MASTER_IMR), 0xff);
	KUNIT_EXPECT_EQ(test, inb(PIC_SLAVE_IMR), 0xff);
	KUNIT_EXPECT_EQ(test, i8259_read_imr(), 0xffff);
	/* Nothing ever came through the PICs' vectors, or as a fake double fault. */
	for (int v = PIC_MASTER_VECTOR; v < PIC_SLAVE_VECTOR + 8; v++)
		stray += vector_count_all_cpus(v);
	KUNIT_EXPECT_EQ(test, stray, 0);
	KUNIT_EXPECT_EQ(test, vector_count_all_cpus(X86_TRAP_DF), 0);
}

/* Every CPU's local APIC is set up alike; this reads the one we are on. */
static void irq_test_local_apic(struct kunit *test)
{
	u32 svr, lvtt, id;
	int cpu;

	preempt_disable();	/* the registers and the id of one CPU */
	cpu = smp_processor_id();
	svr = apic_read(APIC_SPIV);
	lvtt = apic_read(APIC_LVTT);
	id = read_apic_id();
	preempt_enable();

	KUNIT_EXPECT_TRUE(test, rdmsr(MSR_IA32_APICBASE) & MSR_IA32_APICBASE_ENABLE);
	KUNIT_EXPECT_EQ(test, svr & 0xff, SPURIOUS_APIC_VECTOR);
	KUNIT_EXPECT_TRUE(test, svr & APIC_SPIV_APIC_ENABLED);
	KUNIT_EXPECT_EQ(test, apic_read(APIC_TASKPRI) & 0xff, 0);
	KUNIT_EXPECT_TRUE(test, apic_read(APIC_LVT0) & APIC_LVT_MASKED);	/* PIC input */
	KUNIT_EXPECT_EQ(test, id, x86_cpu_to_apicid[cpu]);
	KUNIT_EXPECT_EQ(test, x86_cpu_to_apicid[0], boot_cpu_physical_apicid);
	/* The tick: periodic, unmasked, on its vector, with the measured period. */
	KUNIT_EXPECT_EQ(test, lvtt & 0xff, LOCAL_TIMER_VECTOR);
	KUNIT_EXPECT_TRUE(test, lvtt & APIC_LVT_TIMER_PERIODIC);
	KUNIT_EXPECT_FALSE(test, lvtt & APIC_LVT_MASKED);
	KUNIT_EXPECT_EQ(test, apic_read(APIC_TMICT), lapic_timer_period);
	KUNIT_EXPECT_GT(test, lapic_timer_period, 0);
}

static void irq_test_acpi_madt(struct kunit *test)
{
	bool boot_cpu_listed = false;

	KUNIT_ASSERT_GT(test, nr_ioapics, 0);
	if (!acpi_ioapic)
		kunit_skip(test, "no usable MADT (acpi=off or broken tables): defaults in use");
	KUNIT_EXPECT_GE(test, acpi_num_processors, 1);
	for (unsigned int i = 0; i < acpi_num_processors && i < NR_CPUS; i++)
		if (acpi_cpu_apicid[i] == boot_cpu_physical_apicid)
			boot_cpu_listed = true;
	KUNIT_EXPECT_TRUE(test, boot_cpu_listed);
}

static void irq_test_isa_irq_to_gsi(struct kunit *test)
{
	/* Every PC's MADT (QEMU's too), and the no-ACPI default, put IRQ 0 on GSI 2. */
	KUNIT_EXPECT_EQ(test, isa_irq_to_gsi(0), 2);
	KUNIT_EXPECT_EQ(test, isa_irq_to_gsi(1), 1);
	KUNIT_EXPECT_EQ(test, isa_irq_to_gsi(4), 4);
}

/* Every pin is masked exactly when it is not routed. */
static void irq_test_ioapic_masked_unless_routed(struct kunit *test)
{
	unsigned int checked = 0, wrong = 0;

	for (int apic = 0; apic < nr_ioapics; apic++) {
		for (unsigned int pin = 0; pin < ioapic_nr_pins(apic); pin++) {
			u64 e = ioapic_read_entry(apic, pin);
			bool masked = e & IO_APIC_RTE_MASKED;

			checked++;
			if (masked == ioapic_pin_routed(apic, pin)) {
				kunit_info(test, "IOAPIC[%d] pin %u: entry %#llx, routed %d",
					   apic, pin, (unsigned long long)e,
					   ioapic_pin_routed(apic, pin));
				wrong++;
			}
			/* A routed pin goes to the boot CPU on a device vector. */
			if (!masked) {
				KUNIT_EXPECT_GE(test, e & IO_APIC_RTE_VECTOR_MASK, IRQ0_VECTOR);
				KUNIT_EXPECT_EQ(test, e >> 56, boot_cpu_physical_apicid);
			}
		}
	}
	KUNIT_EXPECT_GE(test, checked, 16);	/* at least the ISA range */
	KUNIT_EXPECT_EQ(test, wrong, 0);
}

static void irq_test_route_rejects_bad_input(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, ioapic_route_isa_irq(16, IRQ0_VECTOR), -EINVAL);
	KUNIT_EXPECT_EQ(test, ioapic_route_isa_irq(2, IRQ0_VECTOR + 2), -EINVAL);
	KUNIT_EXPECT_EQ(test, ioapic_route_isa_irq(3, 0x10), -EINVAL);
	KUNIT_EXPECT_EQ(test, ioapic_route_isa_irq(3, LOCAL_TIMER_VECTOR), -EINVAL);
	KUNIT_EXPECT_EQ(test, ioapic_route_isa_irq(3, PIC_MASTER_VECTOR + 3), -EINVAL);
}

static unsigned long pit_irqs;

static void pit_test_interrupt(struct pt_regs *regs)
{
	pit_irqs++;
	apic_eoi();
}

/* PIT channel 0 at 100 Hz (mode 2, rate generator), or stopped (mode 0). */
static void pit_ch0_set(bool run)
{
	unsigned int divisor = run ? PIT_TICK_RATE / 100 : 0xffff;

	outb(run ? 0x34 : 0x30, PIT_MODE_PORT);	/* ch0, lo/hi byte, mode 2 or 0 */
	outb(divisor & 0xff, PIT_CH0_PORT);
	outb(divisor >> 8, PIT_CH0_PORT);
}

/* ISA IRQ 0 through the override, the I/O APIC and a vector, and back off. */
static void irq_test_route_pit_irq0(struct kunit *test)
{
	unsigned int vector = IRQ0_VECTOR;
	u32 gsi = isa_irq_to_gsi(0);
	unsigned long flags, got;
	int apic, pin;
	u64 e, end;

	apic = mp_find_ioapic(gsi);
	KUNIT_ASSERT_GE(test, apic, 0);
	pin = mp_find_ioapic_pin(apic, gsi);
	if (ioapic_pin_routed(apic, pin))
		kunit_skip(test, "ISA IRQ 0 is in use");

	local_irq_save(flags);
	pit_irqs = 0;
	set_vector_handler(vector, pit_test_interrupt, "test: PIT");
	pit_ch0_set(true);
	KUNIT_EXPECT_EQ(test, ioapic_route_isa_irq(0, vector), 0);
	e = ioapic_read_entry(apic, pin);
	KUNIT_EXPECT_FALSE(test, e & IO_APIC_RTE_MASKED);
	KUNIT_EXPECT_EQ(test, e & IO_APIC_RTE_VECTOR_MASK, vector);
	KUNIT_EXPECT_TRUE(test, ioapic_pin_routed(apic, pin));

	/* 100 Hz for up to 500 ms: expect a few, allow a slow host. */
	local_irq_enable();
	end = ktime_get_ns() + 500 * NSEC_PER_MSEC;
	while (READ_ONCE(pit_irqs) < 3 && ktime_get_ns() < end)
		cpu_relax();
	got = READ_ONCE(pit_irqs);

	ioapic_mask_isa_irq(0);
	pit_ch0_set(false);
	mdelay(20);		/* one already on its way may still land */
	local_irq_disable();
	set_vector_handler(vector, NULL, NULL);
	local_irq_restore(flags);

	kunit_info(test, "ISA IRQ 0 -> GSI %u -> vector %#x: %lu interrupts", gsi, vector, got);
	KUNIT_EXPECT_GE(test, got, 3);
	e = ioapic_read_entry(apic, pin);
	KUNIT_EXPECT_TRUE(test, e & IO_APIC_RTE_MASKED);
	KUNIT_EXPECT_FALSE(test, ioapic_pin_routed(apic, pin));
}

static struct kunit_case irq_test_cases[] = {
	KUNIT_CASE(irq_test_legacy_pic_masked),
	KUNIT_CASE(irq_test_local_apic),
	KUNIT_CASE(irq_test_acpi_madt),
	KUNIT_CASE(irq_test_isa_irq_to_gsi),
	KUNIT_CASE(irq_test_ioapic_masked_unless_routed),
	KUNIT_CASE(irq_test_route_rejects_bad_input),
	KUNIT_CASE(irq_test_route_pit_irq0),
	{}
};

static struct kunit_suite irq_test_suite = {
	.name = "irq",
	.test_cases = irq_test_cases,
};
kunit_test_suite(irq_test_suite);
