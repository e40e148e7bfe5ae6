// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU descriptor setup: a GDT with Linux's segment layout and a TSS
 * whose interrupt stack table gives the double fault (and NMI, machine
 * check) a known-good stack of their own: a double fault caused by a
 * kernel stack overflow could not push its frame on the broken stack.
 * Also the per-CPU areas reached through GS (asm/percpu.h).
 * Linux: arch/x86/kernel/cpu/common.c (cpu_init, load_percpu_segment),
 * arch/x86/kernel/setup_percpu.c
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/current.h>
#include <asm/desc.h>
#include <linux/preempt.h>
#include <asm/fpu.h>
#include <asm/processor-flags.h>
#include <asm/processor.h>
#include <asm/msr.h>
#include <asm/percpu.h>

struct pcpu_hot pcpu_hot_area[NR_CPUS];

struct cpu_entry_area {
	u64 gdt[GDT_ENTRIES];
	struct x86_hw_tss tss;
	char exception_stacks[N_EXCEPTION_STACKS][EXCEPTION_STACK_SIZE] __aligned(16);
};

static struct cpu_entry_area cpu_entry_area[NR_CPUS] __aligned(4096);

/* A 16-byte system descriptor for the TSS (type 9: available 64-bit TSS). */
static void set_tss_desc(u64 *gdt, struct x86_hw_tss *tss)
{
	u64 base = (u64)tss, limit = sizeof(*tss) - 1;

	gdt[GDT_ENTRY_TSS] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
			     (0x89ULL << 40) | (((limit >> 16) & 0xf) << 48) |
			     (((base >> 24) & 0xff) << 56);
	gdt[GDT_ENTRY_TSS + 1] = base >> 32;
}

/**
 * setup_per_cpu_areas_for - point GS at @cpu's struct pcpu_hot
 * @cpu: the CPU running this
 *
 * The first thing the boot CPU does in C: current, smp_processor_id()
 * and preempt_count() all read through GS.
 * Linux: setup_per_cpu_areas() + load_percpu_segment()
 */
void setup_per_cpu_areas_for(int cpu)
{
	struct pcpu_hot *hot = &pcpu_hot_area[cpu];

	hot->self = hot;
	hot->cpu_number = cpu;
	/* Count 0, no reschedule pending: the bit is inverted (<linux/preempt.h>). */
	hot->preempt_count = PREEMPT_ENABLED;
	wrmsr(MSR_GS_BASE, (u64)hot);
}

/**
 * update_task_stack - the stack the CPU switches to on entry from ring 3
 * @sp0: top of the next task's kernel stack
 * Linux: update_task_stack() in arch/x86/include/asm/switch_to.h
 */
void update_task_stack(unsigned long sp0)
{
	cpu_entry_area[smp_processor_id()].tss.sp0 = sp0;
}

extern const char entry_SYSCALL_64[];

/**
 * syscall_init - turn on `syscall` for this CPU and aim it at the kernel
 *
 * MSR_STAR holds two selector bases: `syscall` loads CS from bits 47:32
 * (__KERNEL_CS, and SS = CS + 8 = __KERNEL_DS); a 64-bit `sysret` loads
 * CS = bits 63:48 + 16 and SS = bits 63:48 + 8, which the GDT order
 * USER32_CS, USER_DS, USER_CS (segment.h) makes __USER_CS and __USER_DS.
 * MSR_SYSCALL_MASK clears IF (entry_SYSCALL_64 runs on the user stack
 * until it switches: no interrupt may come before), DF (the C ABI), TF
 * and AC. The user's GS base starts at 0 in MSR_KERNEL_GS_BASE.
 * Per-CPU: every CPU runs it from cpu_init().
 * Linux: syscall_init() in arch/x86/kernel/cpu/common.c
 */
void syscall_init(void)
{
	wrmsr(MSR_STAR, ((u64)(__USER32_CS) << 48) | ((u64)__KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (u64)entry_SYSCALL_64);
	wrmsr(MSR_SYSCALL_MASK, X86_EFLAGS_IF | X86_EFLAGS_DF | X86_EFLAGS_TF |
				X86_EFLAGS_AC | X86_EFLAGS_NT);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

/* Set when the CPUs run with SMAP: the uaccess code then brackets user accesses with stac/clac. */
u8 x86_smap_enabled;

/**
 * setup_smep_smap - stop the kernel executing (SMEP) or touching (SMAP) user pages
 *
 * Where the CPU has them (cpuid leaf 7: qemu64 has neither, -cpu max
 * both). With SMAP, only code between stac and clac (copy_user_generic,
 * __clear_user) may access user memory; anything else faults and oopses.
 * Per-CPU: every CPU runs it from cpu_init().
 * Linux: setup_smep() / setup_smap() in arch/x86/kernel/cpu/common.c
 */
static void setup_smep_smap(void)
{
	u32 max, b, c, d;

	cpuid(0, &max, &b, &c, &d);
	if (max < 7)
		return;
	cpuid(7, &max, &b, &c, &d);
	if (b & (1U << 7))
		write_cr4(read_cr4() | X86_CR4_SMEP);
	if (b & (1U << 20)) {
		write_cr4(read_cr4() | X86_CR4_SMAP);
		x86_smap_enabled = 1;
	}
}

/**
 * cpu_init - load this CPU's GDT and TSS, and enable system calls
 *
 * Reloads every segment register, since the boot GDT of head.S used
 * other selectors. The TSS's sp0 (the stack for entries from ring 3) is
 * set on every context switch by update_task_stack().
 * Linux: cpu_init() in arch/x86/kernel/cpu/common.c
 */
void cpu_init(void)
{
	int cpu = smp_processor_id();
	struct cpu_entry_area *cea = &cpu_entry_area[cpu];
	struct desc_ptr gdt_descr = { sizeof(cea->gdt) - 1, (u64)cea->gdt };
	u64 gs_base = rdmsr(MSR_GS_BASE);

	memset(cea->gdt, 0, sizeof(cea->gdt));
	cea->gdt[GDT_ENTRY_KERNEL32_CS] = 0x00cf9b000000ffffULL;
	cea->gdt[GDT_ENTRY_KERNEL_CS] = 0x00af9b000000ffffULL;	/* L=1 */
	cea->gdt[GDT_ENTRY_KERNEL_DS] = 0x00cf93000000ffffULL;
	cea->gdt[GDT_ENTRY_DEFAULT_USER32_CS] = 0x00cffb000000ffffULL;
	cea->gdt[GDT_ENTRY_DEFAULT_USER_DS] = 0x00cff3000000ffffULL;
	cea->gdt[GDT_ENTRY_DEFAULT_USER_CS] = 0x00affb000000ffffULL;
	set_tss_desc(cea->gdt, &cea->tss);

	/* IST stacks grow down from the end of each one. */
	for (int i = 0; i < N_EXCEPTION_STACKS; i++)
		cea->tss.ist[i] = (u64)&cea->exception_stacks[i][EXCEPTION_STACK_SIZE];
	cea->tss.io_bitmap_base = sizeof(cea->tss);	/* no I/O bitmap */

	__asm__ __volatile__(
		"lgdt %0\n\t"
		"movl %1, %%ds\n\t"
		"movl %1, %%es\n\t"
		"movl %1, %%ss\n\t"
		"pushq %2\n\t"
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"		/* reload CS with a far return */
		"1:"
		: : "m"(gdt_descr), "r"(__KERNEL_DS), "i"((long)__KERNEL_CS)
		: "rax", "memory");
	/* Loading GS (and FS) with a null selector clears its base: restore. */
	__asm__ __volatile__("movl %0, %%fs; movl %0, %%gs" : : "r"(0));
	wrmsr(MSR_GS_BASE, gs_base);
	__asm__ __volatile__("ltr %w0" : : "r"(GDT_ENTRY_TSS * 8));
	syscall_init();
	fpu__init_cpu();
	setup_smep_smap();
}
