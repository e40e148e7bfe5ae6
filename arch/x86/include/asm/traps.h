/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU exceptions and interrupt vectors.
 * Linux: arch/x86/include/asm/trapnr.h, irq_vectors.h, traps.h
 */
#ifndef _ASM_X86_TRAPS_H
#define _ASM_X86_TRAPS_H

#include <asm/ptrace.h>

#define X86_TRAP_DE	0	/* divide error */
#define X86_TRAP_DB	1	/* debug */
#define X86_TRAP_NMI	2
#define X86_TRAP_BP	3	/* int3 */
#define X86_TRAP_OF	4
#define X86_TRAP_BR	5
#define X86_TRAP_UD	6	/* invalid opcode */
#define X86_TRAP_NM	7
#define X86_TRAP_DF	8	/* double fault */
#define X86_TRAP_TS	10
#define X86_TRAP_NP	11
#define X86_TRAP_SS	12
#define X86_TRAP_GP	13	/* general protection */
#define X86_TRAP_PF	14	/* page fault */
#define X86_TRAP_MF	16
#define X86_TRAP_AC	17
#define X86_TRAP_MC	18
#define X86_TRAP_XF	19

/* Page fault error code bits. */
#define X86_PF_PROT	(1 << 0)	/* 0: page not present */
#define X86_PF_WRITE	(1 << 1)
#define X86_PF_USER	(1 << 2)
#define X86_PF_RSVD	(1 << 3)
#define X86_PF_INSTR	(1 << 4)

/* Device vectors (the local APIC's, as in Linux). */
#define IRQ0_VECTOR		0x30	/* legacy IRQ n arrives at 0x30 + n */
#define LOCAL_TIMER_VECTOR	0xec
/* Interprocessor interrupts (arch/x86/kernel/smp.c). Linux: irq_vectors.h */
/* Wakes a CPU halted for a ticket lock (asm/paravirt.h). Linux: Xen's XEN_SPIN_UNLOCK_VECTOR */
#define PVLOCK_KICK_VECTOR		0xfa
#define CALL_FUNCTION_SINGLE_VECTOR	0xfb
#define CALL_FUNCTION_VECTOR	0xfc
#define RESCHEDULE_VECTOR	0xfd
#define SPURIOUS_APIC_VECTOR	0xff

typedef void (*vector_handler_t)(struct pt_regs *regs);
/* Where a handler called by entry_64.S returns to (the backtrace's landmark). */
extern const unsigned long exception_frame_return;

/* Route @vector to @handler (called with interrupts off, in hardirq). */
void set_vector_handler(int vector, vector_handler_t handler, const char *name);

/*
 * How many times each vector fired on each CPU (for tests and the shell);
 * each CPU writes only its own row, from its interrupt entry.
 * Linux: irq_stat (per CPU), /proc/interrupts
 */
extern unsigned long vector_counts[][256];
/* @vector's count summed over every CPU. */
unsigned long vector_count_all_cpus(int vector);

void trap_init(void);
/* Entered from entry_64.S for every vector. */
void do_IRQ_or_exception(struct pt_regs *regs, unsigned long vector);
/* arch/x86/mm/extable.c: resume after an allowed kernel fault. */
bool fixup_exception(struct pt_regs *regs, int trapnr, unsigned long error_code,
		     unsigned long fault_addr);
/* arch/x86/mm/fault.c */
void exc_page_fault(struct pt_regs *regs, unsigned long error_code);
void page_fault_oops(struct pt_regs *regs, unsigned long error_code, unsigned long address);
__noreturn void die(const char *str, struct pt_regs *regs, unsigned long err);
/* arch/x86/kernel/traps.c: a user-mode exception becomes a signal. */
void do_trap_user(struct pt_regs *regs, int trapnr, const char *str, int signr,
		  unsigned long error_code);

/*
 * Hook for tests of the exception path: when set, a kernel fault at an
 * address inside [fixup_start, fixup_end) is reported, counted, and
 * resumed at fixup_target instead of ending in a panic.
 */
struct exception_fixup {
	unsigned long start, end, target;
	unsigned long hits;
	unsigned long last_vector, last_error_code, last_cr2;
};
extern struct exception_fixup *exception_fixup;

#endif /* _ASM_X86_TRAPS_H */
