// SPDX-License-Identifier: GPL-2.0
/*
 * Generic SMP: bringing up the secondary CPUs at boot.
 * Linux: kernel/smp.c (smp_init)
 */
#include <linux/kernel.h>
#include <linux/smp.h>

/**
 * smp_init - bring every present CPU online
 *
 * Called by pid 1 before it runs anything that creates threads, with
 * Linux's lines around the arch's per-CPU report. A CPU that does not
 * come up has said so itself (its own line) and stays offline.
 * Linux: smp_init()
 */
void smp_init(void)
{
	unsigned int cpu, nodes = 1, ncpus;

	idle_threads_init();
	pr_info("smp: Bringing up secondary CPUs ...\n");
	for_each_present_cpu(cpu) {
		if (!cpu_online(cpu))
			cpu_up(cpu);
	}
	/* The arch's per-CPU line (pr_cont()) ends with the next line. */
	ncpus = num_online_cpus();
	pr_info("smp: Brought up %u node%s, %u CPU%s\n", nodes, nodes > 1 ? "s" : "",
		ncpus, ncpus > 1 ? "s" : "");
}
