// SPDX-License-Identifier: GPL-2.0
/*
 * The legacy 8259A PICs, switched off. At power-on the BIOS programs the
 * master to deliver IRQ 0-7 on vectors 0x08-0x0f, which are CPU exception
 * vectors: the PIT's IRQ 0 would arrive as vector 8 and look exactly like
 * a double fault. So before interrupts are ever enabled we reinitialise
 * both chips with vectors 0x20-0x2f (nothing uses them, so a stray PIC
 * interrupt reads as "no handler for vector 0x2N", not as an exception or
 * a device) and mask all 16 lines. Device interrupts then come through
 * the I/O APIC (io_apic.c), and the local APIC keeps its LINT0 input
 * (where the PIC's output is wired) masked too.
 *
 * Locking: only init_IRQ() on the boot CPU, with interrupts off, writes
 * the PICs; reads of the masks are harmless at any time.
 * Linux: arch/x86/kernel/i8259.c (init_8259A, mask_8259A)
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <asm/i8259.h>
#include <asm/io.h>

#define ICW1_INIT	0x10	/* start the initialisation sequence */
#define ICW1_ICW4	0x01	/* ... which will include ICW4 */
#define ICW4_8086	0x01	/* 8086 mode (not 8080), normal EOI */
#define SLAVE_ON_IR2	0x04	/* ICW3 to the master: slave on line 2 (bit mask) */
#define SLAVE_ID	0x02	/* ICW3 to the slave: its cascade identity */

/*
 * Old PICs need a moment between writes. A write to port 0x80 (the POST
 * code port, harmless) takes about a microsecond on real hardware.
 */
static inline void outb_pic(u8 value, u16 port)
{
	outb(value, port);
	outb(0, 0x80);
}

/**
 * mask_8259A - mask all 16 legacy PIC lines
 * Linux: mask_8259A() in arch/x86/kernel/i8259.c
 */
void mask_8259A(void)
{
	outb(0xff, PIC_MASTER_IMR);
	outb(0xff, PIC_SLAVE_IMR);
}

/**
 * i8259_read_imr - read both interrupt mask registers
 *
 * Return: slave IMR << 8 | master IMR; 0xffff when every line is masked.
 *
 * Reading port 0x21/0xa1 with no command pending returns the IMR.
 * Linux: the cached_irq_mask in arch/x86/kernel/i8259.c
 */
u16 i8259_read_imr(void)
{
	return (u16)inb(PIC_SLAVE_IMR) << 8 | inb(PIC_MASTER_IMR);
}

/**
 * init_8259A - move the PICs off the exception vectors and mask them
 *
 * Masks first, so no line can fire while the chips are half programmed,
 * then the four initialisation words to each chip, then masks again
 * (initialisation clears the mask register).
 * Linux: init_8259A() in arch/x86/kernel/i8259.c
 */
void __init init_8259A(void)
{
	u16 imr;

	mask_8259A();

	outb_pic(ICW1_INIT | ICW1_ICW4, PIC_MASTER_CMD);
	outb_pic(PIC_MASTER_VECTOR, PIC_MASTER_IMR);	/* ICW2: vector base */
	outb_pic(SLAVE_ON_IR2, PIC_MASTER_IMR);		/* ICW3 */
	outb_pic(ICW4_8086, PIC_MASTER_IMR);		/* ICW4 */

	outb_pic(ICW1_INIT | ICW1_ICW4, PIC_SLAVE_CMD);
	outb_pic(PIC_SLAVE_VECTOR, PIC_SLAVE_IMR);
	outb_pic(SLAVE_ID, PIC_SLAVE_IMR);
	outb_pic(ICW4_8086, PIC_SLAVE_IMR);

	mask_8259A();

	imr = i8259_read_imr();
	if (imr != 0xffff)
		panic("i8259: PIC masks read back %#06x after masking, expected 0xffff", imr);
	pr_info("i8259: legacy PICs remapped to vectors %#x/%#x and masked\n",
		PIC_MASTER_VECTOR, PIC_SLAVE_VECTOR);
}
