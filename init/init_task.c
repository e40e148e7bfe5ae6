// SPDX-License-Identifier: GPL-2.0
/*
 * init_task: pid 0, the task the boot CPU already is when C code starts.
 * It runs start_kernel() on the boot stack (head.S's init_stack) and then
 * becomes this CPU's idle task, "swapper/0". Its tasks list head is the
 * global task list that for_each_process() walks.
 * Linux: init/init_task.c
 */
#include <linux/numa.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/task.h>
#include <asm/setup.h>

struct task_struct init_task = {
	.__state = TASK_RUNNING,
	.stack = init_stack,
	.usage = ATOMIC_INIT(2),
	.flags = PF_KTHREAD,
	.prio = MAX_PRIO - 20,
	.static_prio = MAX_PRIO - 20,
	.normal_prio = MAX_PRIO - 20,
	.policy = SCHED_NORMAL,
	.cpus_mask = { { 1UL } },
	.nr_cpus_allowed = 1,
	.pid = 0,
	.pref_node_fork = NUMA_NO_NODE,
	.tgid = 0,
	.real_parent = &init_task,
	.parent = &init_task,
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
	.group_leader = &init_task,
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.thread_node = LIST_HEAD_INIT(init_task.thread_node),
	.active_mm = &init_mm,
	.comm = "swapper",
	.alloc_lock = __SPIN_LOCK_UNLOCKED(init_task.alloc_lock),
	.pi_lock = __RAW_SPIN_LOCK_UNLOCKED(init_task.pi_lock),
	.se.weight = 1024,
	.rt.run_list = LIST_HEAD_INIT(init_task.rt.run_list),
	.wake_entry = LIST_HEAD_INIT(init_task.wake_entry),
};
