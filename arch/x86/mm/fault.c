// SPDX-License-Identifier: GPL-2.0
/*
 * Page faults. A fault on a kernel address is a kernel bug unless the
 * exception table allows it (the report is page_fault_oops()). A fault
 * on a user address, from user mode or from the kernel copying user
 * memory, is resolved through the faulting task's VMAs:
 *
 *   exc_page_fault -> do_user_addr_fault -> find_vma (expand_stack)
 *     -> access_error? -> handle_mm_fault (mm/memory.c)
 *
 * which maps a zeroed page (demand paging), copies a shared one (copy
 * on write), or fails: then a user-mode access gets SIGSEGV, with
 * Linux's "segfault at" line, and only that process dies; a kernel
 * access (copy_to_user() with a bad pointer) resumes at its exception
 * table fixup, and the system call returns -EFAULT.
 * Linux: arch/x86/mm/fault.c
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/fdtable.h>
#include <linux/string.h>
#include <asm/irqflags.h>
#include <asm/processor-flags.h>
#include <asm/processor.h>
#include <asm/traps.h>

/**
 * print_vma_addr - " in NAME[START+SIZE]" for the file mapping @ip
 * @prefix: printed first (with its log level)
 * @ip: a user address
 *
 * Prints nothing if no file-backed mapping holds @ip, or if the mm is
 * busy (this is only a report: it never waits).
 * Linux: print_vma_addr() in mm/memory.c
 */
void print_vma_addr(const char *prefix, unsigned long ip)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;

	if (!mm || !mutex_trylock(&mm->mmap_lock))
		return;
	vma = find_vma(mm, ip);
	if (vma && vma->vm_start <= ip && vma->vm_file) {
		const char *name = strrchr(vma->vm_file->f_name, '/');

		printk("%s%s[%lx+%lx]", prefix, name ? name + 1 : vma->vm_file->f_name,
		       vma->vm_start, vma->vm_end - vma->vm_start);
	}
	mutex_unlock(&mm->mmap_lock);
}

/*
 * The segfault line, when the signal will kill the task: pid 1's at
 * KERN_EMERG, since the kernel panics next. Linux: show_signal_msg()
 */
static void show_signal_msg(struct pt_regs *regs, unsigned long error_code,
			    unsigned long address, struct task_struct *tsk)
{
	const char *loglvl = task_pid_nr(tsk) > 1 ? KERN_INFO : KERN_EMERG;

	if (!unhandled_signal(tsk, SIGSEGV) || !printk_ratelimit())
		return;
	printk("%s%s[%d]: segfault at %lx ip %px sp %px error %lx", loglvl, tsk->comm,
	       task_pid_nr(tsk), address, (void *)regs->ip, (void *)regs->sp, error_code);
	print_vma_addr(KERN_CONT " in ", regs->ip);
	pr_cont("\n");
}

/*
 * Nothing may be mapped there, or not this way. A user access gets
 * SIGSEGV; a kernel one is fixed up by the exception table or oopses.
 * Linux: __bad_area_nosemaphore() + kernelmode_fixup_or_oops()
 */
static void bad_area_nosemaphore(struct pt_regs *regs, unsigned long error_code,
				 unsigned long address, int si_code)
{
	if (user_mode(regs)) {
		show_signal_msg(regs, error_code, address, current);
		force_sig_fault(SIGSEGV, si_code, address);
		return;
	}
	if (fixup_exception(regs, X86_TRAP_PF, error_code, address))
		return;
	page_fault_oops(regs, error_code, address);
}

/* Does the VMA forbid this access? Linux: access_error() */
static bool access_error(unsigned long error_code, struct vm_area_struct *vma)
{
	if (error_code & X86_PF_WRITE)
		return !(vma->vm_flags & VM_WRITE);
	if (error_code & X86_PF_INSTR)
		return !(vma->vm_flags & VM_EXEC);
	/* A read of a present page that faulted: a protection we keep. */
	if (error_code & X86_PF_PROT)
		return true;
	return !(vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC));
}

/**
 * do_user_addr_fault - resolve a fault on a user address
 * @regs: the faulting context (user mode, or the kernel in uaccess)
 * @error_code: the CPU's page fault error code
 * @address: CR2
 *
 * Runs with interrupts on if the faulting context had them on, and may
 * sleep (mmap_lock, page allocation): a fault with interrupts off or in
 * an interrupt handler never resolves, it is fixed up or oopses.
 * Linux: do_user_addr_fault()
 */
static void do_user_addr_fault(struct pt_regs *regs, unsigned long error_code,
			       unsigned long address)
{
	struct task_struct *tsk = current;
	struct mm_struct *mm = tsk->mm;
	struct vm_area_struct *vma;
	unsigned int flags = 0;
	vm_fault_t fault;

	/* The kernel executing user memory is never right (Linux: SMEP). */
	if (!user_mode(regs) && (error_code & X86_PF_INSTR)) {
		page_fault_oops(regs, error_code, address);
		return;
	}
	/*
	 * With SMAP, a kernel access to user memory outside stac/clac (AC
	 * clear): a kernel bug, not a page to fault in. The exception
	 * table has no entry for it; only a test's expected fault is fixed up.
	 */
	if (x86_smap_enabled && !user_mode(regs) && !(error_code & X86_PF_USER) &&
	    !(regs->flags & X86_EFLAGS_AC)) {
		if (!fixup_exception(regs, X86_TRAP_PF, error_code, address))
			page_fault_oops(regs, error_code, address);
		return;
	}
	/* No user context, or one that cannot sleep. */
	if (!mm || in_interrupt() || preempt_count() || !(regs->flags & X86_EFLAGS_IF)) {
		bad_area_nosemaphore(regs, error_code, address, SEGV_MAPERR);
		return;
	}
	local_irq_enable();
	if (user_mode(regs))
		flags |= FAULT_FLAG_USER;
	if (error_code & X86_PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (error_code & X86_PF_INSTR)
		flags |= FAULT_FLAG_INSTRUCTION;

	mutex_lock(&mm->mmap_lock);
	vma = find_vma(mm, address);
	if (!vma)
		goto bad_area;
	if (vma->vm_start > address) {
		if (!(vma->vm_flags & VM_GROWSDOWN) || expand_stack(vma, address))
			goto bad_area;
	}
	if (access_error(error_code, vma)) {
		mutex_unlock(&mm->mmap_lock);
		bad_area_nosemaphore(regs, error_code, address, SEGV_ACCERR);
		return;
	}
	fault = handle_mm_fault(vma, address, flags, regs);
	mutex_unlock(&mm->mmap_lock);
	if (!fault)
		return;
	if (fault & VM_FAULT_OOM) {
		if (!user_mode(regs)) {
			bad_area_nosemaphore(regs, error_code, address, SEGV_MAPERR);
			return;
		}
		/* Linux would run the OOM killer; the faulting task is the victim. */
		pr_err("Out of memory: Killed process %d (%s)\n", task_pid_nr(tsk), tsk->comm);
		force_sig(SIGKILL);
		return;
	}
	bad_area_nosemaphore(regs, error_code, address, SEGV_MAPERR);
	return;

bad_area:
	mutex_unlock(&mm->mmap_lock);
	bad_area_nosemaphore(regs, error_code, address, SEGV_MAPERR);
}

/**
 * exc_page_fault - the page fault exception
 * @regs: the faulting context
 * @error_code: the CPU's error code (X86_PF_*)
 *
 * CR2 is read first: a fault taken later (even a nested one in the
 * handler) would overwrite it.
 * Linux: exc_page_fault() / handle_page_fault()
 */
void exc_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long address = read_cr2();

	if (address >= TASK_SIZE_MAX) {
		/* Kernel addresses: nothing is ever faulted in there. */
		if (user_mode(regs)) {
			bad_area_nosemaphore(regs, error_code, address, SEGV_MAPERR);
			return;
		}
		if (fixup_exception(regs, X86_TRAP_PF, error_code, address))
			return;
		page_fault_oops(regs, error_code, address);
		return;
	}
	do_user_addr_fault(regs, error_code, address);
	local_irq_disable();
}
