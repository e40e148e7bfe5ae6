// SPDX-License-Identifier: GPL-2.0
/*
 * Switching address spaces, and keeping every CPU's TLB true to them.
 *
 * Loading CR3 drops the user mappings from the TLB (they are not global);
 * kernel mappings are global and stay. Each CPU records the mm it has
 * loaded (cpu_tlbstate.loaded_mm), and each mm the CPUs that have it
 * loaded (mm_cpumask()): a CPU sets its bit before it loads the mm's
 * CR3 and clears it after loading another's.
 *
 * Lazy TLB. A kernel thread has no mm of its own (p->mm == NULL): it
 * touches only kernel addresses, which every mm maps alike, so the
 * scheduler leaves the previous task's page tables loaded and lends the
 * thread that mm as its active_mm (enter_lazy_tlb()), sparing a CR3
 * write and the refill of the TLB when the user task comes back. The
 * lender takes no reference: like Linux's MMU_LAZY_TLB_SHOOTDOWN, the
 * last user of an mm shoots the lazy borrowers off it before the mm is
 * freed (flush_tlb_mm_range() with freed_tables, from __mmput()).
 *
 * TLB shootdown. A CPU caches translations in its own TLB: clearing or
 * write-protecting a PTE and flushing the local TLB (invlpg) leaves every
 * other CPU free to use the old translation, and so to write a page that
 * was freed, or shared copy-on-write. So whoever makes a user PTE
 * stricter flushes it on every CPU in the mm's mm_cpumask() as well,
 * with an IPI, and waits for them: only then may the page be reused
 * (flush_tlb_mm_range()). A CPU that runs the mm only lazily leaves it
 * for init_mm instead of flushing (Linux defers that flush to the switch
 * back, with a generation count; leaving is simpler and just as safe).
 * The kernel's own mappings are flushed everywhere
 * (flush_tlb_kernel_range()).
 * Linux: arch/x86/mm/tlb.c
 */
#include <linux/cpumask.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/smp.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

/*
 * Each CPU's view: which mm its CR3 holds (NULL before the first switch:
 * init_mm), and whether only a kernel thread borrows it. Changed by its
 * own CPU only, with interrupts off. Linux: struct tlb_state, cpu_tlbstate
 */
struct tlb_state {
	struct mm_struct *loaded_mm;
	bool is_lazy;
} __aligned(64);

static struct tlb_state cpu_tlbstate[NR_CPUS];

static struct mm_struct *this_loaded_mm(void)
{
	struct mm_struct *mm = cpu_tlbstate[smp_processor_id()].loaded_mm;

	return mm ? mm : &init_mm;
}

/**
 * switch_mm_irqs_off - run on @next's page tables from now on
 * @prev: the address space the caller thinks it leaves (unused: the
 *	CPU's loaded_mm says what CR3 really holds, which a lazy TLB
 *	shootdown may have changed)
 * @next: the address space to enter
 * @tsk: the task that will run on it (unused)
 *
 * Interrupts are off (the context switch, or exec/exit with them off).
 * Linux: switch_mm_irqs_off()
 */
void switch_mm_irqs_off(struct mm_struct *prev, struct mm_struct *next, struct task_struct *tsk)
{
	int cpu = smp_processor_id();
	struct tlb_state *ts = &cpu_tlbstate[cpu];
	struct mm_struct *real_prev = this_loaded_mm();

	ts->is_lazy = false;
	if (real_prev == next)
		return;
	/*
	 * In the mask before CR3 points at @next (the locked or is a full
	 * barrier): a CPU changing a PTE of @next either did so before our
	 * CR3 load, which then reads the new entry, or sees our bit and
	 * flushes us.
	 */
	if (next != &init_mm)
		cpumask_set_cpu(cpu, mm_cpumask(next));
	write_cr3(__pa(next->pgd));
	/* Out of the old mask only now: its translations went with the CR3 load. */
	if (real_prev != &init_mm)
		cpumask_clear_cpu(cpu, mm_cpumask(real_prev));
	ts->loaded_mm = next;
}

/**
 * enter_lazy_tlb - a kernel thread will run on @mm's page tables
 * @mm: the mm loaded now (the previous task's)
 * @tsk: the kernel thread (unused)
 *
 * Nothing is switched: the CPU only notes that no task of @mm runs here,
 * so a shootdown sends it to init_mm rather than flushing.
 * Linux: enter_lazy_tlb()
 */
void enter_lazy_tlb(struct mm_struct *mm, struct task_struct *tsk)
{
	if (this_loaded_mm() != &init_mm)
		cpu_tlbstate[smp_processor_id()].is_lazy = true;
}

/*
 * A lazy CPU gives its borrowed mm back: init_mm from now on, for the
 * kernel thread running here too. Interrupts off. Linux: leave_mm()
 */
static void leave_mm(void)
{
	switch_mm_irqs_off(NULL, &init_mm, current);
	if (!current->mm)
		current->active_mm = &init_mm;
}

/* What to flush. Linux: struct flush_tlb_info */
struct flush_tlb_info {
	struct mm_struct *mm;		/* NULL: kernel mappings */
	unsigned long start, end;	/* end TLB_FLUSH_ALL: everything */
	bool freed_tables;		/* page tables were freed: lazy CPUs must leave */
};

/* Beyond this many pages one full flush is cheaper. Linux: tlb_single_page_flush_ceiling */
#define TLB_SINGLE_PAGE_FLUSH_CEILING	33

/*
 * On each CPU of the mm's mask, this one included: flush the range if
 * the mm is still loaded here, or leave it if only a kernel thread
 * borrows it. Interrupts off. Linux: flush_tlb_func()
 */
static void flush_tlb_func(void *arg)
{
	struct flush_tlb_info *info = arg;
	struct tlb_state *ts = &cpu_tlbstate[smp_processor_id()];

	if (this_loaded_mm() != info->mm)
		return;		/* switched away meanwhile: its CR3 load flushed it */
	if (ts->is_lazy) {
		leave_mm();
		return;
	}
	if (info->end == TLB_FLUSH_ALL ||
	    (info->end - info->start) >> PAGE_SHIFT > TLB_SINGLE_PAGE_FLUSH_CEILING) {
		write_cr3(read_cr3());	/* user entries are not global */
		return;
	}
	for (unsigned long va = info->start; va < info->end; va += PAGE_SIZE)
		__flush_tlb_one(va);
}

/**
 * flush_tlb_mm_range - make every CPU forget [@start, @end) of @mm
 * @mm: the address space whose PTEs were made stricter or cleared
 * @start: first address
 * @end: one past the last, or TLB_FLUSH_ALL
 * @stride_shift: PAGE_SHIFT (Spindle maps 4 KiB user pages only)
 * @freed_tables: page tables were freed too: even lazy CPUs must leave @mm
 *
 * This CPU flushes at once; the other CPUs in mm_cpumask(@mm) get an IPI
 * and are waited for, so when this returns no CPU can use the old
 * translations. Needs interrupts on (a CPU waiting for us with them off
 * would deadlock); the callers hold only mmap_lock, a mutex.
 * Linux: flush_tlb_mm_range()
 */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end,
			unsigned int stride_shift, bool freed_tables)
{
	struct flush_tlb_info info = {
		.mm = mm, .start = start, .end = end, .freed_tables = freed_tables,
	};
	unsigned long flags;
	int cpu;

	preempt_disable();
	cpu = smp_processor_id();
	local_irq_save(flags);
	flush_tlb_func(&info);
	local_irq_restore(flags);
	if (num_online_cpus() > 1) {
		cpumask_t others;

		cpumask_copy(&others, mm_cpumask(mm));
		cpumask_clear_cpu(cpu, &others);
		if (!cpumask_empty(&others)) {
			WARN_ON_ONCE(irqs_disabled());
			smp_call_function_many(&others, flush_tlb_func, &info, true);
		}
	}
	preempt_enable();
}

/**
 * flush_tlb_page - flush one user page of @vma everywhere
 * @vma: its mapping
 * @a: the address
 * Linux: flush_tlb_page()
 */
void flush_tlb_page(struct vm_area_struct *vma, unsigned long a)
{
	flush_tlb_mm_range(vma->vm_mm, a, a + PAGE_SIZE, PAGE_SHIFT, false);
}

/**
 * cleanup_lazy_tlbs - make sure no CPU still runs on @mm, about to be freed
 * @mm: an mm with no users left
 *
 * Kernel threads borrow an mm without a reference (enter_lazy_tlb()):
 * every CPU still in its mask is sent to init_mm before the page tables
 * go. Linux: cleanup_lazy_tlbs() in kernel/fork.c (MMU_LAZY_TLB_SHOOTDOWN)
 */
void cleanup_lazy_tlbs(struct mm_struct *mm)
{
	flush_tlb_mm_range(mm, 0, TLB_FLUSH_ALL, PAGE_SHIFT, true);
	WARN_ON_ONCE(!cpumask_empty(mm_cpumask(mm)));
}

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
	struct flush_tlb_info info = { .start = start, .end = end };

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
