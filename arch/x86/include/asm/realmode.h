/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where the AP trampoline lives and what it is told.
 *
 * A STARTUP IPI can only start a CPU at a page below 1 MiB, in real mode.
 * The first MiB is reserved from the allocators (setup.c), so a fixed
 * address is safe from them; 0x2000..0x5fff is also clear of the real-mode
 * IVT and BIOS data (below 0x500) and of QEMU's multiboot information (at
 * 0x9000), and smpboot.c checks the loader's information does not overlap
 * it. TRAMPOLINE_BASE holds the code (one page), followed by
 * three pages of page tables (PML4, PDPT, PD) that map that page at its
 * own address and share the kernel's upper half.
 * Linux: arch/x86/include/asm/realmode.h (struct trampoline_header)
 */
#ifndef _ASM_X86_REALMODE_H
#define _ASM_X86_REALMODE_H

#define TRAMPOLINE_BASE		0x2000
/* The STARTUP IPI's vector: the page number of TRAMPOLINE_BASE. */
#define TRAMPOLINE_SIPI_VECTOR	(TRAMPOLINE_BASE >> 12)
#define TRAMPOLINE_PGD		(TRAMPOLINE_BASE + 0x1000)
#define TRAMPOLINE_PUD		(TRAMPOLINE_BASE + 0x2000)
#define TRAMPOLINE_PMD		(TRAMPOLINE_BASE + 0x3000)
#define TRAMPOLINE_END		(TRAMPOLINE_BASE + 0x4000)

/* The trampoline's own GDT selectors. */
#define TR_KERNEL32_CS		0x08
#define TR_KERNEL_DS		0x10
#define TR_KERNEL_CS		0x18

#ifndef __ASSEMBLY__
#include <linux/types.h>

/* What smpboot.c writes at the end of the copied trampoline. */
struct trampoline_header {
	u64 start;		/* 64-bit entry: secondary_startup_64 */
	u32 cr3;		/* physical address of the trampoline PML4 */
	u32 efer;		/* EFER to load: LME, NX, as on the boot CPU */
} __attribute__((packed));

extern const char trampoline_start[], trampoline_end[], trampoline_header[];
#endif

#endif /* _ASM_X86_REALMODE_H */
