// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/cpuinfo: a block per online CPU, from CPUID and the TSC's
 * calibrated frequency.
 * Linux: arch/x86/kernel/cpu/proc.c (show_cpuinfo), fs/proc/cpuinfo.c
 */
#include <linux/cpumask.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/processor.h>
#include <asm/time.h>
#include "internal.h"

/**
 * cpuinfo_proc_show - /proc/cpuinfo
 * @m: where to print
 * @unused: no task
 * Return: 0.
 * Linux: show_cpuinfo()
 */
int cpuinfo_proc_show(struct seq_file *m, struct task_struct *unused)
{
	u32 regs[12], eax, ebx, ecx, edx, max_ext;
	char vendor[13], model[49];
	int cpu;

	cpuid(0, &eax, &ebx, &ecx, &edx);
	memcpy(vendor, &ebx, 4);
	memcpy(vendor + 4, &edx, 4);
	memcpy(vendor + 8, &ecx, 4);
	vendor[12] = '\0';
	cpuid(1, &eax, &ebx, &ecx, &edx);
	cpuid(0x80000000, &max_ext, &ebx, &ecx, &edx);
	strscpy(model, "unknown", sizeof(model));
	if (max_ext >= 0x80000004) {
		for (int i = 0; i < 3; i++)
			cpuid(0x80000002 + i, &regs[i * 4], &regs[i * 4 + 1], &regs[i * 4 + 2],
			      &regs[i * 4 + 3]);
		memcpy(model, regs, 48);
		model[48] = '\0';
	}
	for_each_online_cpu(cpu) {
		seq_printf(m, "processor\t: %d\nvendor_id\t: %s\ncpu family\t: %u\n"
			   "model\t\t: %u\nmodel name\t: %s\nstepping\t: %u\n"
			   "cpu MHz\t\t: %lu.%03lu\ncpu cores\t: %u\n\n",
			   cpu, vendor, (eax >> 8) & 0xf, (eax >> 4) & 0xf, model, eax & 0xf,
			   tsc_khz / 1000, tsc_khz % 1000, num_online_cpus());
	}
	return 0;
}
