/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Port I/O and MMIO accessors.
 * Linux: arch/x86/include/asm/io.h, asm/shared/io.h
 */
#ifndef _ASM_X86_IO_H
#define _ASM_X86_IO_H

#include <linux/types.h>

static inline void outb(u8 value, u16 port)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(value), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 value;

	__asm__ __volatile__("inb %1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

static inline void outw(u16 value, u16 port)
{
	__asm__ __volatile__("outw %0, %1" : : "a"(value), "Nd"(port));
}

static inline void outl(u32 value, u16 port)
{
	__asm__ __volatile__("outl %0, %1" : : "a"(value), "Nd"(port));
}

static inline u32 readl(const volatile void *addr)
{
	return *(const volatile u32 *)addr;
}

static inline void writel(u32 value, volatile void *addr)
{
	*(volatile u32 *)addr = value;
}

/* ioremap - map a physical MMIO range uncached; see arch/x86/mm/ioremap.c */
void *ioremap(phys_addr_t phys_addr, unsigned long size);

#endif /* _ASM_X86_IO_H */
