// SPDX-License-Identifier: GPL-2.0
/*
 * Backtraces by frame pointer. The kernel is built with
 * -fno-omit-frame-pointer, so every function starts with
 * "push %rbp; mov %rsp, %rbp": at any moment %rbp points at the caller's
 * saved %rbp, with the return address right above it. Following the chain
 * and symbolizing each return address (%pS) gives the call trace. The
 * chain ends at a zero %rbp (head.S and ret_from_fork set one).
 * Every frame is checked to be mapped before it is read, so a corrupted
 * stack cannot fault inside a report.
 * Linux: arch/x86/kernel/dumpstack.c, arch/x86/kernel/unwind_frame.c
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/stacktrace.h>
#include <asm/pgtable.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

#define MAX_FRAMES 32

static bool frame_readable(unsigned long *bp)
{
	int level;

	if ((unsigned long)bp < PAGE_OFFSET || ((unsigned long)bp & 7))
		return false;
	/* Both words of the frame, which may straddle a page boundary. */
	return lookup_address((unsigned long)bp, &level) &&
	       lookup_address((unsigned long)(bp + 1), &level);
}

/**
 * show_iret_regs - print where an exception or interrupt stopped the CPU
 * @regs: the saved registers
 * @log_lvl: KERN_* level of the lines
 *
 * The two lines the CPU's own frame fills: "RIP: cs:symbol+off/size" and
 * "RSP: ss:sp EFLAGS: flags".
 * Linux: arch/x86/kernel/dumpstack.c
 */
void show_iret_regs(struct pt_regs *regs, const char *log_lvl)
{
	printk("%sRIP: %04lx:%pS\n", log_lvl, regs->cs, (void *)regs->ip);
	printk("%sRSP: %04lx:%016lx EFLAGS: %08lx\n", log_lvl, regs->ss, regs->sp,
	       regs->flags);
}

/**
 * show_stack - print the return addresses of the frame chain at @bp
 * @task: unused (Spindle reads the chain it is given), kept for the API
 * @bp: a frame pointer; NULL means the caller's own frame
 * @loglvl: KERN_* level of the lines
 *
 * A frame that entry_64.S made for an exception or interrupt holds the
 * interrupted ip, not a return address: where the CPU stopped, printed as
 * is (show_iret_regs()), where a return address is printed less one, to
 * name the call instruction (a fault in a function's first instruction
 * would otherwise be shown in the function before it).
 * Linux: show_stack() / show_trace_log_lvl(), which print the pt_regs the
 * unwinder finds on the stack the same way
 */
void show_stack(struct task_struct *task, unsigned long *bp, const char *loglvl)
{
	bool regs_frame = false;

	if (!bp)
		bp = __builtin_frame_address(0);
	for (int i = 0; i < MAX_FRAMES && bp && frame_readable(bp); i++) {
		unsigned long ret = bp[1];
		struct pt_regs *regs = (struct pt_regs *)(bp + 2);

		if (!ret)
			break;
		if (regs_frame && frame_readable(&regs->sp))
			show_iret_regs(regs, loglvl);
		else	/* A return address points after the call: print the call's. */
			printk("%s %pS\n", loglvl, (void *)(ret - 1));
		regs_frame = ret == exception_frame_return;
		bp = (unsigned long *)bp[0];
	}
}

/**
 * dump_stack - print current's backtrace from the caller's frame
 * Linux: dump_stack() in lib/dump_stack.c
 */
void dump_stack(void)
{
	struct task_struct *tsk = current;

	printk(KERN_DEFAULT "CPU: %d PID: %d Comm: %s\n", smp_processor_id(),
	       tsk ? tsk->pid : 0, tsk ? tsk->comm : "?");
	printk(KERN_DEFAULT "Call Trace:\n");
	show_stack(NULL, __builtin_frame_address(0), KERN_DEFAULT);
}

/**
 * stack_trace_save_bp - store the return addresses of the frame chain at @bp
 * @bp: a frame pointer: its return address is the first entry
 * @store: where to put them
 * @size: room in @store
 *
 * For a trace that starts at a known frame (the lock validator's hook)
 * instead of a count of frames to skip.
 * Return: how many entries were stored.
 * Linux: none (stack_trace_save_regs() starts at a register set instead)
 */
unsigned int stack_trace_save_bp(unsigned long *bp, unsigned long *store, unsigned int size)
{
	unsigned int nr = 0;

	for (int i = 0; i < MAX_FRAMES && nr < size && bp && frame_readable(bp); i++) {
		unsigned long ret = bp[1];

		if (!ret)
			break;
		store[nr++] = ret - 1;	/* the call, as show_stack() prints */
		bp = (unsigned long *)bp[0];
	}
	return nr;
}

/**
 * stack_trace_save - store current's return addresses for printing later
 * @store: where to put them
 * @size: room in @store
 * @skipnr: innermost frames to leave out (the saver's own callers)
 *
 * The lock validator keeps one for each dependency it learns, to show
 * where it was first seen when a later acquire completes a cycle.
 * Return: how many entries were stored.
 * Linux: stack_trace_save() in kernel/stacktrace.c
 */
unsigned int stack_trace_save(unsigned long *store, unsigned int size, unsigned int skipnr)
{
	unsigned long *bp = __builtin_frame_address(0);

	for (; skipnr && bp && frame_readable(bp); skipnr--)
		bp = (unsigned long *)bp[0];
	return stack_trace_save_bp(bp, store, size);
}

/**
 * stack_trace_print - print a trace stack_trace_save() stored
 * @entries: the addresses
 * @nr_entries: how many
 * @spaces: indentation, after one space
 * Linux: stack_trace_print() in kernel/stacktrace.c
 */
void stack_trace_print(const unsigned long *entries, unsigned int nr_entries, int spaces)
{
	for (unsigned int i = 0; i < nr_entries; i++)
		printk("%*c%pS\n", 1 + spaces, ' ', (void *)entries[i]);
}
