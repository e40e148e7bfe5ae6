/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by the in-kernel test suites: memory snapshots to prove
 * nothing leaked, waiting for a condition with a timeout, and aiming
 * fault injection at one function, and running an instruction that faults
 * on purpose under the exception fixup.
 */
#ifndef _TESTS_KERNEL_TEST_UTIL_H
#define _TESTS_KERNEL_TEST_UTIL_H

#include <kunit/test.h>
#include <linux/fault-inject.h>
#include <linux/jiffies.h>
#include <linux/kallsyms.h>
#include <linux/kthread.h>
#include <linux/pid.h>
#include <linux/printk.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/vmalloc.h>
#include <asm/traps.h>

/* Everything a task creation allocates, counted. */
struct mem_snapshot {
	unsigned long slab_objs;	/* live objects in all slab caches */
	unsigned long vmalloc_pages;	/* kernel stacks live here */
	unsigned long tasks;		/* task_structs */
	unsigned int pids;
};

static inline void mem_snapshot_take(struct mem_snapshot *s)
{
	wait_for_dead_tasks(1000);
	/* Cached stacks are no task's: counted, they would depend on which CPU freed what. */
	drain_cached_thread_stacks();
	s->slab_objs = slab_total_active_objs();
	s->vmalloc_pages = vmalloc_nr_pages();
	s->tasks = nr_task_structs();
	s->pids = nr_pids_in_use();
}

static inline bool mem_snapshot_equal(const struct mem_snapshot *a,
				      const struct mem_snapshot *b)
{
	return a->slab_objs == b->slab_objs && a->vmalloc_pages == b->vmalloc_pages &&
	       a->tasks == b->tasks && a->pids == b->pids;
}

/*
 * Exited kthreads are freed on the far side of their last context switch:
 * give the system up to @ms to settle back to @base.
 */
static inline bool mem_settles_to(const struct mem_snapshot *base, unsigned int ms)
{
	struct mem_snapshot now;
	unsigned long end = jiffies + msecs_to_jiffies(ms);

	for (;;) {
		mem_snapshot_take(&now);
		if (mem_snapshot_equal(base, &now))
			return true;
		if (time_after(jiffies, end))
			return false;
		msleep(1);
	}
}

#define KUNIT_EXPECT_MEM_BACK_TO(test, base) do {			\
	struct mem_snapshot __now;					\
	bool __ok = mem_settles_to(base, 2000);				\
	mem_snapshot_take(&__now);					\
	if (!__ok)							\
		KUNIT_FAIL(test, "memory not back to baseline: slab objs %lu -> %lu, " \
			   "vmalloc pages %lu -> %lu, tasks %lu -> %lu, pids %u -> %u", \
			   (base)->slab_objs, __now.slab_objs,		\
			   (base)->vmalloc_pages, __now.vmalloc_pages,	\
			   (base)->tasks, __now.tasks, (base)->pids, __now.pids); \
} while (0)

/* A test kthread's last act: sleep until kthread_stop() (which wakes it). */
static inline void sleep_until_stopped(void)
{
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

/* The sequence number the kernel log's next record will get. */
static inline u64 log_next(void)
{
	u64 first, next;

	log_buf_seq_range(&first, &next);
	return next;
}

/* Is a line containing @needle in the kernel log since record @seq? */
static inline bool log_has_since(u64 seq, const char *needle)
{
	static char line[256];
	u64 first, next;

	log_buf_seq_range(&first, &next);
	for (seq = max(seq, first); seq < next; seq++)
		if (log_buf_read(seq, line, sizeof(line), NULL) >= 0 && strstr(line, needle))
			return true;
	return false;
}

/* Wait up to @ms for @cond; true if it became true. */
#define wait_until(cond, ms) ({						\
	unsigned long __end = jiffies + msecs_to_jiffies(ms);		\
	bool __r;							\
	for (;;) {							\
		if ((__r = (cond)))					\
			break;						\
		if (time_after(jiffies, __end))				\
			break;						\
		msleep(1);						\
	}								\
	__r; })

/*
 * Suites about what one CPU's scheduler does (shares between nice
 * levels, preemption by the tick, yield, a lock held across a tick)
 * run on CPU 0 only, whatever -smp says: on more CPUs their threads
 * would just run side by side and prove nothing. Their suite_init and
 * suite_exit pin pid 1 (which runs the cases) and unpin it, and their
 * threads are made with kthread_run_here(): bound to CPU 0 before they
 * first run. The SMP suite (smp_test.c) is where CPUs meet.
 */
#define TEST_CPU	0

/*
 * Cases that measure CPU time against the clock. At -smp 4 on this
 * 2-core build machine TCG runs four vCPU threads on two host cores; a
 * vCPU descheduled by the host loses ticks and then gets them back to
 * back, which swamps a share or a sleep length. The -smp 1 boot measures
 * them; the SMP boot says it skipped them.
 */
#define skip_timing_on_smp(test) do {					\
	if (num_online_cpus() > 1)					\
		kunit_skip(test, "timing measured by the -smp 1 boot (TCG vCPUs stall on SMP)"); \
} while (0)

static inline int pin_to_test_cpu(struct kunit_suite *suite)
{
	return set_cpus_allowed_ptr(current, cpumask_of(TEST_CPU));
}

static inline void unpin_from_test_cpu(struct kunit_suite *suite)
{
	set_cpus_allowed_ptr(current, cpu_possible_mask);
}

/*
 * Cases that order tasks by priority alone need them on one CPU: on
 * another, a task runs at once whatever its priority. task_pin() moves
 * @p to TEST_CPU, saving its mask in @saved; task_unpin() gives it back.
 */
static inline void task_pin(struct task_struct *p, struct cpumask *saved)
{
	cpumask_copy(saved, &p->cpus_mask);
	set_cpus_allowed_ptr(p, cpumask_of(TEST_CPU));
}

static inline void task_unpin(struct task_struct *p, const struct cpumask *saved)
{
	set_cpus_allowed_ptr(p, saved);
}

/*
 * Cases that order a FIFO creator before kthreadd (the creator queues
 * and waits before kthreadd may run) need both on one CPU: kthreadd
 * would otherwise run at once on another. kthreadd_pin() moves kthreadd
 * to TEST_CPU, kthreadd_unpin() gives it its mask back.
 */
static inline void kthreadd_pin(struct cpumask *saved)
{
	task_pin(kthreadd_task, saved);
}

static inline void kthreadd_unpin(const struct cpumask *saved)
{
	task_unpin(kthreadd_task, saved);
}

#define kthread_run_here(threadfn, data, namefmt, ...) ({		\
	struct task_struct *__k = kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
	if (!IS_ERR(__k)) {						\
		kthread_bind(__k, TEST_CPU);				\
		wake_up_process(__k);					\
	}								\
	__k; })

/*
 * Make the @nth allocation (counting from 1) made from inside @func (on
 * the call chain) fail, once.
 */
static inline bool fail_nth_alloc_in(struct fault_attr *attr, const char *func, unsigned long nth)
{
	unsigned long addr = kallsyms_lookup_name(func), size, off;

	if (!addr || !kallsyms_lookup_size_offset(addr, &size, &off))
		return false;
	fault_attr_arm_range(attr, addr, addr + size, 1);
	attr->nth = nth;
	return true;
}

/* Is there a line containing @needle among the last @n of the log? */
static inline bool log_has(const char *needle, int n)
{
	char msg[256];
	u64 first, next;
	int level;

	log_buf_seq_range(&first, &next);
	for (u64 seq = next; seq > first && n-- > 0; seq--)
		if (log_buf_read(seq - 1, msg, sizeof(msg), &level) > 0 && strstr(msg, needle))
			return true;
	return false;
}

/* What a probe returns when its faulting instruction was skipped. */
#define PROBE_SKIPPED	0x5e771eUL

/*
 * EXC_PROBE(name, setup, insn) defines
 *	unsigned long name(unsigned long arg);	(arg in %rdi)
 * which loads PROBE_SKIPPED into %rax, runs @setup, then @insn between
 * the labels .Lname_fault and .Lname_resume, and returns %rax; and
 *	const unsigned long name_range[2] = { .Lname_fault, .Lname_resume };
 * in rodata, for the fixup.
 */
#define EXC_PROBE(name, setup, insn)					\
	asm(".pushsection .text\n"					\
	    "	.balign 16\n"						\
	    "	.globl " #name "\n"					\
	    "	.type " #name ", @function\n"				\
	    #name ":\n"							\
	    "	movq $0x5e771e, %rax\n"					\
	    "	" setup "\n"						\
	    ".L" #name "_fault:\n"					\
	    "	" insn "\n"						\
	    ".L" #name "_resume:\n"					\
	    "	ret\n"							\
	    "	.size " #name ", . - " #name "\n"			\
	    ".popsection\n"						\
	    ".pushsection .rodata\n"					\
	    "	.balign 8\n"						\
	    "	.globl " #name "_range\n"				\
	    #name "_range:\n"						\
	    "	.quad .L" #name "_fault, .L" #name "_resume\n"		\
	    ".popsection\n");						\
	unsigned long name(unsigned long arg);				\
	extern const unsigned long name##_range[2]

/* What run_probe() saw. */
struct probe_result {
	unsigned long ret;		/* what the probe returned */
	unsigned long hits;		/* faults fixed up */
	unsigned long vector, error_code, cr2;
	unsigned long count;		/* how much vector_counts[] grew */
};

/*
 * Run @probe(@arg) with the exception fixup (asm/traps.h) aimed at its
 * faulting instruction, [@range[0], @range[1]): a fault there resumes at
 * @range[1]; any other fault still oopses. Counts the faults of @vector.
 */
static inline void run_probe(unsigned long (*probe)(unsigned long), const unsigned long range[2],
			     unsigned long arg, unsigned long vector, struct probe_result *r)
{
	static struct exception_fixup fixup;
	unsigned long before = vector_count_all_cpus(vector);

	memset(&fixup, 0, sizeof(fixup));
	fixup.start = range[0];
	fixup.end = range[1];
	fixup.target = range[1];	/* resume after the instruction */
	WRITE_ONCE(exception_fixup, &fixup);
	barrier();
	r->ret = probe(arg);
	barrier();
	WRITE_ONCE(exception_fixup, NULL);
	r->hits = fixup.hits;
	r->vector = fixup.last_vector;
	r->error_code = fixup.last_error_code;
	r->cr2 = fixup.last_cr2;
	r->count = vector_count_all_cpus(vector) - before;
}

#endif /* _TESTS_KERNEL_TEST_UTIL_H */
