// SPDX-License-Identifier: GPL-2.0
/*
 * The exception table: (instruction, fixup) address pairs that
 * _ASM_EXTABLE() puts in the __ex_table section, one for each kernel
 * instruction allowed to fault on a user address (copy_user_generic and
 * __clear_user in arch/x86/lib/copy_user_64.S). A fault at one of them
 * resumes at its fixup instead of becoming an oops, and the copy returns
 * what it could not do: the caller turns that into -EFAULT.
 *
 * The table has a handful of entries, so it is searched in order;
 * Linux sorts it at build time (scripts/sorttable) and bisects.
 * Tests also register a range of their own that may fault
 * (struct exception_fixup in asm/traps.h).
 * Linux: arch/x86/mm/extable.c, kernel/extable.c
 */
#include <linux/kernel.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

struct exception_table_entry {
	unsigned long insn, fixup;
};

extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

/* Set by a test that provokes a fault on purpose. */
struct exception_fixup *exception_fixup;

/**
 * search_exception_tables - the table entry for a faulting instruction
 * @addr: the instruction's address
 * Return: the entry, or NULL if @addr may not fault.
 * Linux: search_exception_tables()
 */
const struct exception_table_entry *search_exception_tables(unsigned long addr);
const struct exception_table_entry *search_exception_tables(unsigned long addr)
{
	for (const struct exception_table_entry *e = __start___ex_table;
	     e < __stop___ex_table; e++)
		if (e->insn == addr)
			return e;
	return NULL;
}

/* A test expects this fault: record it and resume at the test's target. */
static bool fixup_expected_fault(struct pt_regs *regs, int trapnr,
				 unsigned long error_code, unsigned long fault_addr)
{
	struct exception_fixup *f = READ_ONCE(exception_fixup);

	if (!f || regs->ip < f->start || regs->ip >= f->end)
		return false;
	f->hits++;
	f->last_vector = trapnr;
	f->last_error_code = error_code;
	f->last_cr2 = fault_addr;
	regs->ip = f->target;
	return true;
}

/**
 * fixup_exception - resume after a kernel fault that was allowed
 * @regs: the faulting context (its ip is changed to the fixup)
 * @trapnr: the exception vector
 * @error_code: the exception's error code (or -1)
 * @fault_addr: CR2 for a page fault, else 0
 *
 * Return: true if the fault was fixed up, false if it is a kernel bug.
 * Linux: fixup_exception()
 */
bool fixup_exception(struct pt_regs *regs, int trapnr, unsigned long error_code,
		     unsigned long fault_addr)
{
	const struct exception_table_entry *e = search_exception_tables(regs->ip);

	if (e) {
		regs->ip = e->fixup;
		return true;
	}
	return fixup_expected_fault(regs, trapnr, error_code, fault_addr);
}
