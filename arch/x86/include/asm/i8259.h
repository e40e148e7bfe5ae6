/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The legacy 8259A programmable interrupt controllers (a master and a
 * slave chained on its line 2). Spindle routes interrupts through the
 * I/O APIC, so the PICs are only remapped out of the way and masked.
 * Linux: arch/x86/include/asm/i8259.h
 */
#ifndef _ASM_X86_I8259_H
#define _ASM_X86_I8259_H

#include <linux/types.h>

#define PIC_MASTER_CMD		0x20
#define PIC_MASTER_IMR		0x21
#define PIC_SLAVE_CMD		0xa0
#define PIC_SLAVE_IMR		0xa1

/* Where the PICs' 16 lines would arrive: below IRQ0_VECTOR, unused. */
#define PIC_MASTER_VECTOR	0x20
#define PIC_SLAVE_VECTOR	0x28

/* Remap both chips to PIC_*_VECTOR and mask all 16 lines. */
void init_8259A(void);
/* Mask all 16 lines (again). */
void mask_8259A(void);
/* The two interrupt mask registers: slave << 8 | master. 0xffff: all masked. */
u16 i8259_read_imr(void);

#endif /* _ASM_X86_I8259_H */
