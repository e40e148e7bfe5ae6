// SPDX-License-Identifier: GPL-2.0
/*
 * Switching address spaces: loading CR3. User mappings are not global,
 * so loading CR3 drops them from the TLB; kernel mappings are global and
 * stay. Kernel threads run on init_mm (Linux lends them the previous
 * task's mm, "lazy TLB", to spare the switch; Spindle does not, so an
 * mm is never in use on a CPU after its last task left it).
 * Linux: arch/x86/mm/tlb.c
 */
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

/**
 * switch_mm_irqs_off - run on @next's page tables from now on
 * @prev: the address space being left (unused)
 * @next: the address space to enter
 * @tsk: the task that will run on it (unused)
 *
 * Interrupts are off (the context switch, or exec/exit with them off).
 * Linux: switch_mm_irqs_off()
 */
void switch_mm_irqs_off(struct mm_struct *prev, struct mm_struct *next, struct task_struct *tsk)
{
	unsigned long cr3 = __pa(next->pgd);

	if (read_cr3() != cr3)
		write_cr3(cr3);
}
