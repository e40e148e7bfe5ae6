// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmarks of NUMA placement (`make bench NUMA=2`): the kthread
 * create + wake + stop cycle with the thread's task_struct, struct
 * kthread and stack on the creating CPU's node and on another node, and
 * each node's free memory once boot is over.
 *
 * The creator and kthreadd are pinned to CPU 0 and every thread to it,
 * so both figures differ only in where the memory is. Under QEMU's TCG
 * (make bench's -icount) all guest memory costs the same, so the two
 * figures agree: TCG has no NUMA latency. On a two-socket machine the
 * remote figure would be higher by the cross-socket latency of every
 * cache miss on the new task's memory (task_struct, stack, struct
 * kthread): typically 1.3 to 2 times a local miss.
 * On one node it reports the node count and the free memory only.
 * Linux: none (numactl --membind and perf from user space)
 */
#include <linux/bench.h>
#include <linux/cpumask.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/topology.h>

#define NUMA_SAMPLES	101

static u64 samples[NUMA_SAMPLES];

static int return_at_once(void *unused)
{
	return 0;
}

/* One create + wake + stop on @node, the thread kept on CPU 0. */
static int create_wake_stop_on(int node)
{
	struct task_struct *k = kthread_create_on_node(return_at_once, NULL, node, "bench_numa");

	if (IS_ERR(k))
		return PTR_ERR(k);
	kthread_bind(k, 0);
	get_task_struct(k);
	wake_up_process(k);
	kthread_stop_put(k);
	return 0;
}

static long long time_on(int node)
{
	int err = 0;
	u64 cost;

	cost = bench_time(samples, NUMA_SAMPLES, {
		if (!err)
			err = create_wake_stop_on(node);
	});
	return err ?: (long long)cost;
}

static int bench_numa(void)
{
	int local = cpu_to_mem(0), remote = NUMA_NO_NODE, node;
	struct cpumask saved;
	long long cost;
	char name[40];

	bench_report("numa_nodes", num_online_nodes(), "nodes");
	for_each_node_state(node, N_MEMORY) {
		snprintf(name, sizeof(name), "numa_node%d_free", node);
		bench_report(name, sum_zone_node_page_state(node, NR_FREE_PAGES) * (PAGE_SIZE / 1024),
			     "kB");
		if (node != local && remote == NUMA_NO_NODE)
			remote = node;
	}
	if (remote == NUMA_NO_NODE)
		return 0;
	cpumask_copy(&saved, &kthreadd_task->cpus_mask);
	set_cpus_allowed_ptr(kthreadd_task, cpumask_of(0));
	set_cpus_allowed_ptr(current, cpumask_of(0));
	cost = time_on(local);
	if (cost >= 0)
		bench_report("numa_kthread_create_local_node", cost, "cycles");
	if (cost >= 0)
		cost = time_on(remote);
	if (cost >= 0)
		bench_report("numa_kthread_create_remote_node", cost, "cycles");
	set_cpus_allowed_ptr(current, cpu_possible_mask);
	set_cpus_allowed_ptr(kthreadd_task, &saved);
	return cost < 0 ? cost : 0;
}
DEFINE_BENCH(numa, bench_numa);
