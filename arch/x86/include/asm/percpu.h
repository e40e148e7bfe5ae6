/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU data. Each CPU's GS base register points at its own struct
 * pcpu_hot, so "%gs:offset" reads this CPU's copy in one instruction, with
 * no way to be moved to another CPU half-way. Each CPU sets its GS base
 * once, as its first act in C (head64.c for the boot CPU, start_secondary()
 * for the others).
 * Linux: arch/x86/include/asm/percpu.h, asm/current.h (struct pcpu_hot)
 */
#ifndef _ASM_X86_PERCPU_H
#define _ASM_X86_PERCPU_H

#include <linux/compiler.h>
#include <linux/stddef.h>
#include <linux/types.h>

/* The most CPUs Spindle drives; a cpumask is one 64-bit word. */
#define NR_CPUS 64

struct task_struct;

struct pcpu_hot {
	struct pcpu_hot *self;		/* this struct's own address */
	struct task_struct *current_task;
	int preempt_count;
	int cpu_number;
	unsigned long top_of_stack;	/* loaded into the TSS on a switch */
	/* entry_SYSCALL_64 parks the user's %rsp here while it finds its stack */
	unsigned long user_sp_scratch;
	unsigned long irq_stack_ptr;
};

extern struct pcpu_hot pcpu_hot_area[NR_CPUS];

#define __pcpu_off(field) offsetof(struct pcpu_hot, field)

#define this_cpu_read_8(field) ({					\
	__typeof__(((struct pcpu_hot *)0)->field) __v;			\
	__asm__ __volatile__("movq %%gs:%c1, %0"			\
			     : "=r"(__v) : "i"(__pcpu_off(field)));	\
	__v; })

#define this_cpu_read_4(field) ({					\
	__typeof__(((struct pcpu_hot *)0)->field) __v;			\
	__asm__ __volatile__("movl %%gs:%c1, %0"			\
			     : "=r"(__v) : "i"(__pcpu_off(field)));	\
	__v; })

#define this_cpu_write_8(field, val)					\
	__asm__ __volatile__("movq %0, %%gs:%c1"			\
			     : : "r"(val), "i"(__pcpu_off(field)) : "memory")

#define this_cpu_write_4(field, val)					\
	__asm__ __volatile__("movl %0, %%gs:%c1"			\
			     : : "r"(val), "i"(__pcpu_off(field)) : "memory")

/* "op{l} val, %gs:field": one read-modify-write instruction on this CPU's field. */
#define this_cpu_to_op_4(op, field, val)				\
	__asm__ __volatile__(op "l %0, %%gs:%c1"			\
			     : : "ri"(val), "i"(__pcpu_off(field)) : "memory")

#define this_cpu_add_4(field, val)	this_cpu_to_op_4("add", field, val)
#define this_cpu_and_4(field, val)	this_cpu_to_op_4("and", field, val)
#define this_cpu_or_4(field, val)	this_cpu_to_op_4("or", field, val)

/* Decrement; true when the result is 0 (the zero flag of the decl itself). */
#define this_cpu_dec_and_test_4(field) ({				\
	bool __z;							\
	__asm__ __volatile__("decl %%gs:%c1"				\
			     : "=@ccz"(__z) : "i"(__pcpu_off(field)) : "memory"); \
	__z; })

/* This CPU's struct pcpu_hot, as an ordinary pointer. */
static __always_inline struct pcpu_hot *this_cpu_hot(void)
{
	return this_cpu_read_8(self);
}

/* Point GS at @cpu's area; done once per CPU at bring-up. */
void setup_per_cpu_areas_for(int cpu);

#endif /* _ASM_X86_PERCPU_H */
