/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The CPU's interrupt flag (IF in RFLAGS). These are the arch halves of
 * local_irq_save()/local_irq_restore() in <linux/irqflags.h>.
 * Linux: arch/x86/include/asm/irqflags.h
 */
#ifndef _ASM_X86_IRQFLAGS_H
#define _ASM_X86_IRQFLAGS_H

#include <asm/processor-flags.h>

static inline unsigned long native_save_fl(void)
{
	unsigned long flags;

	/* "memory": no load or store may move across reading the flag. */
	__asm__ __volatile__("pushfq; popq %0" : "=rm"(flags) : : "memory");
	return flags;
}

static inline void arch_local_irq_disable(void)
{
	__asm__ __volatile__("cli" : : : "memory");
}

static inline void arch_local_irq_enable(void)
{
	__asm__ __volatile__("sti" : : : "memory");
}

static inline unsigned long arch_local_save_flags(void)
{
	return native_save_fl();
}

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = arch_local_save_flags();

	arch_local_irq_disable();
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		arch_local_irq_enable();
}

static inline int arch_irqs_disabled_flags(unsigned long flags)
{
	return !(flags & X86_EFLAGS_IF);
}

static inline int arch_irqs_disabled(void)
{
	return arch_irqs_disabled_flags(arch_local_save_flags());
}

#endif /* _ASM_X86_IRQFLAGS_H */
