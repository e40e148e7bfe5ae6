// SPDX-License-Identifier: GPL-2.0
/*
 * Switching address spaces: loading CR3. User mappings are not global,
 * so loading CR3 drops them from the TLB; kernel mappings are global and
 * stay. Kernel threads run on init_mm (Linux lends them the previous
 * task's mm, "lazy TLB", to spare the switch; Spindle does not, so an
 * mm is never in use on a CPU after its last task left it).
 *
 * TLB shootdown. Each CPU caches translations in its own TLB; clearing
 * a page-table entry and flushing the local TLB (invlpg) leaves every
 * other CPU free to use the old translation, so freed memory could still
 * be written through it. Whoever removes a kernel mapping therefore asks
 * every online CPU to flush it too, with an IPI, and waits: only then may
 * the pages or the address range be reused. User mappings need no
 * shootdown while an mm runs on one CPU at a time: a CPU that switched
 * away from it loaded another CR3, dropping them.
 * Linux: arch/x86/mm/tlb.c (switch_mm_irqs_off, flush_tlb_kernel_range)
 */
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/smp.h>
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

struct flush_tlb_info {
	unsigned long start, end;
};

/* Beyond this many pages one full flush is cheaper. Linux: tlb_single_page_flush_ceiling */
#define TLB_SINGLE_PAGE_FLUSH_CEILING	33

/* Flush everything but global entries, then the global ones too (CR4.PGE toggle). */
static void __flush_tlb_all(void)
{
	unsigned long cr4 = read_cr4();

	write_cr4(cr4 & ~X86_CR4_PGE);
	write_cr4(cr4);
}

static void do_kernel_range_flush(void *arg)
{
	struct flush_tlb_info *info = arg;

	if ((info->end - info->start) >> PAGE_SHIFT > TLB_SINGLE_PAGE_FLUSH_CEILING) {
		__flush_tlb_all();
		return;
	}
	for (unsigned long va = info->start; va < info->end; va += PAGE_SIZE)
		__flush_tlb_one(va);
}

/**
 * flush_tlb_kernel_range - drop kernel translations of [@start, @end) everywhere
 * @start: first address
 * @end: one past the last
 *
 * Runs the flush on every online CPU and waits for all of them, so it
 * needs interrupts on (a CPU waiting for us with interrupts off could
 * deadlock); with only this CPU online it is a local flush.
 * Linux: flush_tlb_kernel_range()
 */
void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	struct flush_tlb_info info = { start, end };

	if (num_online_cpus() == 1) {
		unsigned long flags;

		local_irq_save(flags);
		do_kernel_range_flush(&info);
		local_irq_restore(flags);
		return;
	}
	WARN_ON_ONCE(irqs_disabled());
	on_each_cpu(do_kernel_range_flush, &info, 1);
}
