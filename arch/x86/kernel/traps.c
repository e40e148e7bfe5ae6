// SPDX-License-Identifier: GPL-2.0
/*
 * The IDT and what happens on each vector: the 32 CPU exceptions get a
 * report (what, error code, CR2 for page faults, registers, a symbolized
 * backtrace) and, when the kernel itself faulted, a panic; device vectors
 * go to the handler registered with set_vector_handler(), inside
 * irq_enter()/irq_exit(), which is also where a pending reschedule turns
 * into preemption.
 * Linux: arch/x86/kernel/traps.c, idt.c, irq.c, arch/x86/mm/fault.c
 */
#include <linux/debug_locks.h>
#include <linux/hardirq.h>
#include <linux/kernel.h>
#include <linux/nmi.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/sched/signal.h>
#include <linux/entry-common.h>
#include <linux/mm.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include <asm/desc.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/traps.h>

extern const char irq_entries_start[];

static struct gate_struct idt_table[NR_VECTORS] __aligned(4096);
static vector_handler_t vector_handlers[NR_VECTORS];
static const char *vector_names[NR_VECTORS];
unsigned long vector_counts[NR_CPUS][NR_VECTORS];
static int die_counter;

static const char *const exception_names[32] = {
	[0] = "divide error",		[1] = "debug",
	[2] = "nmi",			[3] = "int3",
	[4] = "overflow",		[5] = "bounds",
	[6] = "invalid opcode",		[7] = "device not available",
	[8] = "double fault",		[9] = "coprocessor segment overrun",
	[10] = "invalid TSS",		[11] = "segment not present",
	[12] = "stack segment",		[13] = "general protection fault",
	[14] = "page fault",		[15] = "spurious interrupt bug",
	[16] = "coprocessor error",	[17] = "alignment check",
	[18] = "machine check",		[19] = "SIMD exception",
	[20] = "virtualization exception", [21] = "control protection",
	[22] = "reserved (22)",		[23] = "reserved (23)",
	[24] = "reserved (24)",		[25] = "reserved (25)",
	[26] = "reserved (26)",		[27] = "reserved (27)",
	[28] = "hypervisor injection",	[29] = "VMM communication",
	[30] = "security exception",	[31] = "reserved (31)",
};

static void set_gate(int vector, unsigned long addr, int ist)
{
	struct gate_struct *g = &idt_table[vector];

	g->offset_low = addr & 0xffff;
	g->segment = __KERNEL_CS;
	/*
	 * present, type 0xE: interrupt gate (IF cleared on entry); DPL 0,
	 * but 3 for int3 and into, which user code may execute (a debugger's
	 * breakpoint; Linux: SYSG() in arch/x86/kernel/idt.c). An `int N` of
	 * any other vector from ring 3 is a #GP.
	 */
	int dpl = (vector == X86_TRAP_BP || vector == X86_TRAP_OF) ? 3 : 0;

	g->bits = (ist & 7) | (0xe << 8) | (dpl << 13) | (1 << 15);
	g->offset_middle = (addr >> 16) & 0xffff;
	g->offset_high = addr >> 32;
	g->reserved = 0;
}

/**
 * load_idt_this_cpu - load the IDT into this CPU
 * Linux: load_idt()
 */
void load_idt_this_cpu(void)
{
	struct desc_ptr idt_descr = { sizeof(idt_table) - 1, (u64)idt_table };

	__asm__ __volatile__("lidt %0" : : "m"(idt_descr));
}

/**
 * trap_init - fill the IDT with the entry stubs and load it
 *
 * The double fault, NMI and machine check run on IST stacks (cpu_init()
 * set them up), every other vector on the current stack.
 * Linux: trap_init() + idt_setup_traps() in arch/x86/kernel/idt.c
 */
void trap_init(void)
{
	for (int v = 0; v < NR_VECTORS; v++) {
		int ist = 0;

		if (v == X86_TRAP_DF)
			ist = IST_INDEX_DF + 1;
		else if (v == X86_TRAP_NMI)
			ist = IST_INDEX_NMI + 1;
		else if (v == X86_TRAP_MC)
			ist = IST_INDEX_MCE + 1;
		set_gate(v, (unsigned long)irq_entries_start + v * 16, ist);
	}
	load_idt_this_cpu();
}

/**
 * vector_count_all_cpus - how often @vector fired, on all CPUs together
 * @vector: 0..255
 * Return: the sum of every CPU's count (each read once, without a lock).
 */
unsigned long vector_count_all_cpus(int vector)
{
	unsigned long sum = 0;

	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		sum += READ_ONCE(vector_counts[cpu][vector]);
	return sum;
}

/**
 * set_vector_handler - route a device vector to @handler
 * @vector: FIRST_EXTERNAL_VECTOR..255
 * @handler: called with interrupts off, in hardirq context
 * @name: shown in reports
 * Linux: request_irq() / sysvec tables, much simplified
 */
void set_vector_handler(int vector, vector_handler_t handler, const char *name)
{
	BUG_ON(vector < FIRST_EXTERNAL_VECTOR || vector >= NR_VECTORS);
	vector_names[vector] = name;
	WRITE_ONCE(vector_handlers[vector], handler);
}

/**
 * show_regs - print the registers of @regs and a backtrace from them
 * @regs: saved registers
 * Linux: show_regs() / __show_regs() in arch/x86/kernel/process_64.c
 */
void show_regs(struct pt_regs *regs)
{
	struct task_struct *tsk = current;

	pr_emerg("CPU: %d PID: %d Comm: %s\n", smp_processor_id(),
		 tsk ? tsk->pid : 0, tsk ? tsk->comm : "?");
	show_iret_regs(regs, KERN_EMERG);
	pr_emerg("RAX: %016lx RBX: %016lx RCX: %016lx\n", regs->ax, regs->bx, regs->cx);
	pr_emerg("RDX: %016lx RSI: %016lx RDI: %016lx\n", regs->dx, regs->si, regs->di);
	pr_emerg("RBP: %016lx R08: %016lx R09: %016lx\n", regs->bp, regs->r8, regs->r9);
	pr_emerg("R10: %016lx R11: %016lx R12: %016lx\n", regs->r10, regs->r11, regs->r12);
	pr_emerg("R13: %016lx R14: %016lx R15: %016lx\n", regs->r13, regs->r14, regs->r15);
	pr_emerg("CR2: %016lx CR3: %016lx CR0: %016lx CR4: %016lx\n",
		 read_cr2(), read_cr3(), read_cr0(), read_cr4());
	pr_emerg("Call Trace:\n");
	pr_emerg(" <TASK>\n");
	pr_emerg(" %pS\n", (void *)regs->ip);
	show_stack(NULL, (unsigned long *)regs->bp, KERN_EMERG);
	pr_emerg(" </TASK>\n");
}

/* Is @addr the guard page under a kernel stack? Sets the stack range. */
static bool stack_guard_hit(unsigned long addr, unsigned long *lo, unsigned long *hi)
{
	struct vm_struct *area;

	if (addr >= (unsigned long)init_stack_guard &&
	    addr < (unsigned long)init_stack_guard + PAGE_SIZE) {
		*lo = (unsigned long)init_stack;
		*hi = (unsigned long)init_stack_top;
		return true;
	}
	if (vmalloc_guard_hit(addr, &area)) {
		*lo = (unsigned long)area->addr;
		*hi = *lo + get_vm_area_size(area);
		return true;
	}
	return false;
}

/**
 * die - the end of a kernel fault: registers, backtrace, panic
 * @str: what happened
 * @regs: where
 * @err: the error code shown
 * Linux: die() in arch/x86/kernel/dumpstack.c
 */
__noreturn void die(const char *str, struct pt_regs *regs, unsigned long err)
{
	static int die_nest;
	static int die_owner = -1;
	int cpu = smp_processor_id();

	/*
	 * One oops report at a time: a second CPU faulting meanwhile waits
	 * here (and is stopped by the first one's panic), so two reports
	 * never interleave. Linux: oops_begin() and its die_lock
	 */
	for (;;) {
		int owner = cmpxchg(&die_owner, -1, cpu);

		if (owner == -1 || owner == cpu)
			break;
		cpu_relax();
	}
	WRITE_ONCE(oops_in_progress, 1);
	debug_locks_off();	/* Linux: oops_enter() */
	printk_flush();
	if (die_nest++) {
		/* Faulted while reporting a fault: report no more, stop. */
		pr_emerg("Oops: %s at %pS while reporting an earlier oops\n", str,
			 (void *)regs->ip);
		panic("Fatal exception in exception report");
	}
	pr_emerg("Oops: %s: %04lx [#%d]\n", str, err & 0xffff, ++die_counter);
	show_regs(regs);
	panic("Fatal exception");
}

/**
 * page_fault_oops - report a kernel page fault nothing could fix, and die
 * @regs: the faulting context
 * @err: the page fault error code
 * @address: the faulting address (CR2)
 * Linux: page_fault_oops() in arch/x86/mm/fault.c
 */
void page_fault_oops(struct pt_regs *regs, unsigned long err, unsigned long address)
{
	unsigned long lo, hi;

	if (stack_guard_hit(address, &lo, &hi)) {
		pr_emerg("BUG: stack guard page was hit at %px (stack is %px..%px)\n",
			 (void *)address, (void *)lo, (void *)(hi - 1));
		die("kernel stack overflow (page fault)", regs, err);
	}
	if (address < PAGE_SIZE)
		pr_emerg("BUG: kernel NULL pointer dereference, address: %016lx\n", address);
	else
		pr_emerg("BUG: unable to handle page fault for address: %016lx\n", address);
	pr_emerg("#PF: supervisor %s access in %s mode\n",
		 (err & X86_PF_INSTR) ? "instruction fetch" :
		 (err & X86_PF_WRITE) ? "write" : "read",
		 (err & X86_PF_USER) ? "user" : "kernel");
	pr_emerg("#PF: error_code(0x%04lx) - %s\n", err,
		 !(err & X86_PF_PROT) ? "not-present page" :
		 (err & X86_PF_RSVD) ? "reserved bit violation" :
		 (err & X86_PF_INSTR) ? "NX violation (executing non-executable memory)" :
		 "permissions violation");
	die("page fault", regs, err);
}

/* Which signal a user-mode exception sends (Linux: the do_error_trap() calls). */
static int exception_signal(unsigned long vector)
{
	switch (vector) {
	case X86_TRAP_DE:
	case X86_TRAP_MF:
	case X86_TRAP_XF:
		return SIGFPE;
	case X86_TRAP_UD:
		return SIGILL;
	case X86_TRAP_BP:
	case X86_TRAP_DB:
		return SIGTRAP;
	case X86_TRAP_AC:
		return SIGBUS;
	default:
		return SIGSEGV;
	}
}

/**
 * do_trap_user - an exception in user mode: report it and signal the task
 * @regs: the user context
 * @trapnr: the vector
 * @str: its name
 * @signr: the signal to send
 * @error_code: the error code
 *
 * The line is Linux's show_signal() one, printed if the signal will kill
 * the task (no handler) and the rate limit allows.
 * Linux: do_trap() / show_signal() in arch/x86/kernel/traps.c
 */
void do_trap_user(struct pt_regs *regs, int trapnr, const char *str, int signr,
		  unsigned long error_code)
{
	struct task_struct *tsk = current;

	if (unhandled_signal(tsk, signr) && printk_ratelimit()) {
		pr_info("traps: %s[%d] trap %s ip:%lx sp:%lx error:%lx", tsk->comm,
			task_pid_nr(tsk), str, regs->ip, regs->sp, error_code);
		print_vma_addr(KERN_CONT " in ", regs->ip);
		pr_cont("\n");
	}
	force_sig(signr);
}

static void do_exception(struct pt_regs *regs, unsigned long vector, unsigned long error_code)
{
	unsigned long err = error_code == (unsigned long)-1 ? 0 : error_code;

	if (vector == X86_TRAP_NMI) {
		if (nmi_stop_requested())
			stop_this_cpu();	/* another CPU panics */
		if (nmi_cpu_backtrace(regs))
			return;
		pr_emerg("NMI received on CPU %d at %pS\n", smp_processor_id(), (void *)regs->ip);
		return;
	}
	if (vector == X86_TRAP_PF) {
		exc_page_fault(regs, error_code);
		return;
	}
	if (user_mode(regs)) {
		do_trap_user(regs, vector, exception_names[vector], exception_signal(vector), err);
		return;
	}
	if (vector == X86_TRAP_BP || vector == X86_TRAP_DB) {
		/* Only reached without a debugger attached: report and go on. */
		pr_warn("%s at %pS\n", exception_names[vector], (void *)regs->ip);
		return;
	}
	if (vector != X86_TRAP_DF && fixup_exception(regs, vector, error_code, 0))
		return;
	if (vector == X86_TRAP_DF) {
		unsigned long lo, hi;
		unsigned long cr2;

		/* On overflow the #PF could not push its frame: CR2 tells. */
		cr2 = read_cr2();
		if (stack_guard_hit(cr2, &lo, &hi)) {
			pr_emerg("BUG: stack guard page was hit at %px (stack is %px..%px)\n",
				 (void *)cr2, (void *)lo, (void *)(hi - 1));
			die("kernel stack overflow (double-fault)", regs, error_code);
		}
	}
	die(exception_names[vector], regs, err);
}

/**
 * do_IRQ_or_exception - the C side of every IDT vector
 * @regs: registers saved by entry_64.S
 * @vector: the IDT vector that brought us here
 *
 * Linux splits this into one C entry per vector (DEFINE_IDTENTRY); one
 * dispatcher is easier to follow and to step through. An entry from user
 * mode leaves through irqentry_exit_to_user_mode(), where signals (a
 * segfault's SIGSEGV) are acted on and the task may be rescheduled.
 */
void do_IRQ_or_exception(struct pt_regs *regs, unsigned long vector)
{
	unsigned long error_code = regs->orig_ax;
	vector_handler_t handler;

	/* orig_ax is a system call's number, or -1: not a system call. */
	regs->orig_ax = -1;
	vector_counts[smp_processor_id()][vector]++;
	if (vector < FIRST_EXTERNAL_VECTOR) {
		do_exception(regs, vector, error_code);
	} else {
		irq_enter();
		handler = READ_ONCE(vector_handlers[vector]);
		if (handler)
			handler(regs);
		else
			pr_warn("irq: no handler for vector %#lx\n", vector);
		irq_exit(regs);
	}
	if (user_mode(regs))
		irqentry_exit_to_user_mode(regs);
}
