/* SPDX-License-Identifier: GPL-2.0 */
/*
 * current: the task running on this CPU, read from per-CPU data.
 * Linux: arch/x86/include/asm/current.h
 */
#ifndef _ASM_X86_CURRENT_H
#define _ASM_X86_CURRENT_H

#include <asm/percpu.h>

static __always_inline struct task_struct *get_current(void)
{
	return this_cpu_read_8(current_task);
}

#define current get_current()

static __always_inline int raw_smp_processor_id(void)
{
	return this_cpu_read_4(cpu_number);
}

#define smp_processor_id() raw_smp_processor_id()

#endif /* _ASM_X86_CURRENT_H */
