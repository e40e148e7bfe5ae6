/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Descriptor tables: the GDT with its TSS, and the IDT.
 * Linux: arch/x86/include/asm/desc.h, desc_defs.h, processor.h (TSS)
 */
#ifndef _ASM_X86_DESC_H
#define _ASM_X86_DESC_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/segment.h>

/* The 64-bit task state segment: only stack pointers matter in long mode. */
struct x86_hw_tss {
	u32 reserved1;
	u64 sp0;		/* stack for entries from ring 3 */
	u64 sp1;
	u64 sp2;
	u64 reserved2;
	u64 ist[7];		/* interrupt stack table */
	u32 reserved3;
	u32 reserved4;
	u16 reserved5;
	u16 io_bitmap_base;
} __packed;

struct gate_struct {
	u16 offset_low;
	u16 segment;
	u16 bits;		/* ist:3, zero:5, type:4, zero:1, dpl:2, p:1 */
	u16 offset_middle;
	u32 offset_high;
	u32 reserved;
} __packed;

struct desc_ptr {
	u16 size;
	u64 address;
} __packed;

#define NR_VECTORS		256
#define FIRST_EXTERNAL_VECTOR	0x20

void cpu_init(void);		/* this CPU's GDT, TSS, IST stacks */
void syscall_init(void);	/* this CPU's syscall MSRs */
void idt_setup(void);		/* fill and load the IDT */
void load_idt_this_cpu(void);
void update_task_stack(unsigned long sp0);

#endif /* _ASM_X86_DESC_H */
