// SPDX-License-Identifier: GPL-2.0
/*
 * Making new tasks: kernel_clone() -> copy_process() -> wake_up_new_task().
 *
 * copy_process() builds the child step by step in Linux's order,
 *	dup_task_struct, sched_fork, copy_files, copy_fs, copy_sighand,
 *	copy_signal, copy_mm, copy_thread, alloc_pid,
 * and if a step fails it unwinds exactly the steps done so far, through
 * the bad_fork_* labels in reverse order, so a failed fork leaves nothing
 * behind (the fork tests check every step with fault injection).
 * Only after every step succeeded is the child linked into the task list
 * and its parent's children: until then nobody else can see it.
 *
 * Locking: tasklist_lock guards the task list and parent/child links.
 * A task_struct is freed when its usage count drops to zero: one
 * reference belongs to whoever reaps it (release_task()), one to the
 * scheduler until its last switch (finish_task_switch()).
 * Linux: kernel/fork.c
 */
#include <linux/cpumask.h>
#include <linux/fdtable.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/numa.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/topology.h>
#include <linux/vmalloc.h>
#include <trace/events/sched.h>
#include <asm/pgtable.h>

/*
 * Guards the task list, parent/child links and exit_state; irqs off. A
 * pid is attached (copy_process()) and freed (release_task()) under it
 * too, so a task found by pid under it is linked and not yet released.
 */
DEFINE_SPINLOCK(tasklist_lock);
int nr_threads = 1;	/* the idle task */

static struct kmem_cache *task_struct_cachep;
static struct kmem_cache *sighand_cachep;
static struct kmem_cache *signal_cachep;
static struct kmem_cache *mm_cachep;
static atomic_long_t task_structs_allocated;

static struct sighand_struct init_sighand = {
	.count = ATOMIC_INIT(1),
	.siglock = __SPIN_LOCK_UNLOCKED(init_sighand.siglock),
};
static struct signal_struct init_signals = {
	.sigcnt = ATOMIC_INIT(1),
	.nr_threads = 1,
	.thread_head = LIST_HEAD_INIT(init_signals.thread_head),
	.live = ATOMIC_INIT(1),
};

/**
 * fork_init - caches for task structures; the idle task's shared state
 * Linux: fork_init() + proc_caches_init()
 */
void fork_init(void)
{
	itimer_init(&init_signals);
	for (int i = 0; i < RLIM_NLIMITS; i++)
		init_signals.rlim[i].rlim_cur = init_signals.rlim[i].rlim_max = RLIM_INFINITY;
	init_signals.rlim[RLIMIT_STACK].rlim_cur = INIT_RLIMITS_STACK;
	init_signals.rlim[RLIMIT_NOFILE].rlim_cur = NR_OPEN_DEFAULT;
	init_signals.rlim[RLIMIT_NOFILE].rlim_max = NR_OPEN_DEFAULT;
	task_struct_cachep = kmem_cache_create("task_struct", sizeof(struct task_struct),
					       64, 0, NULL);
	sighand_cachep = kmem_cache_create("sighand_cache", sizeof(struct sighand_struct),
					   0, 0, NULL);
	signal_cachep = kmem_cache_create("signal_cache", sizeof(struct signal_struct),
					  0, 0, NULL);
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 0, 0, NULL);
	BUG_ON(!task_struct_cachep || !sighand_cachep || !signal_cachep || !mm_cachep);
	mmap_init();
	init_task.files = &init_files;
	init_task.fs = &init_fs;
	init_task.sighand = &init_sighand;
	init_task.signal = &init_signals;
	list_add(&init_task.thread_node, &init_signals.thread_head);
}

/**
 * nr_task_structs - task_structs allocated now (for leak tests)
 * Return: that number.
 */
unsigned long nr_task_structs(void)
{
	return atomic_long_read(&task_structs_allocated);
}

/*
 * Kernel stacks: THREAD_SIZE bytes of vmalloc space each, with an
 * unmapped guard page below (mm/vmalloc.c). Making one is many steps: a
 * vmap_area from the free tree, four pages from the buddy allocator,
 * four page-table entries written; freeing one undoes them and also
 * shoots down every CPU's TLB entries for the range. A kthread that lives
 * a moment pays all of that twice.
 *
 * The fast path, as Linux's: each CPU keeps the last NR_CACHED_STACKS
 * stacks freed on it, still mapped, in cached_stacks[cpu][], and the next
 * task made on that CPU takes one of those instead. Only the array is
 * touched, with interrupts off for the few loads and stores: the task
 * can then neither be preempted nor moved to another CPU between reading
 * smp_processor_id() and using that CPU's slots, and no interrupt handler
 * on this CPU gets in between. No lock: no other CPU touches this CPU's
 * slots, except drain_cached_thread_stacks(), which asks this CPU to
 * empty them itself, and the CPU taking this one down, once it is dead
 * (free_vm_stack_cache()).
 * A stack is cached only if it lies on this CPU's memory node, and handed
 * out only for that node, so a thread asked for on a node still gets its
 * stack there (the NUMA suite checks it).
 *
 * The zeroing rule. A stack from vmalloc() is zeroed (THREADINFO_GFP has
 * __GFP_ZERO), and a cached one must be zeroed again, all THREAD_SIZE
 * bytes of it, before another task gets it, because:
 *   - it holds whatever the last task left in its frames: kernel pointers,
 *     keys, data copied from its user space. The new task could read them
 *     back through an uninitialised local, or copy them out through a
 *     structure's padding (copy_to_user() of a stack struct): a leak
 *     from one task to another, which is why Linux memsets it too;
 *   - the new task would otherwise start from different bytes depending
 *     on which stack it got, and a bug reading stale stack (an
 *     uninitialised variable) would show up only sometimes;
 *   - any mark at the end of the stack must be written again for the new
 *     task. Linux writes STACK_END_MAGIC at the lowest word and checks it
 *     to catch overflows; Spindle has no such word, since the guard page
 *     below catches an overflow by faulting, and the guard page needs no
 *     clearing: it is never mapped.
 * Not cleared: the area itself (vm_struct, its pages, their node), which
 * stays the same. The zeroing is clear_page() per page: one rep stosq.
 *
 * Accounting: NR_KERNEL_STACK_KB counts the stacks tasks own, as in
 * Linux; a cached stack belongs to no task, so it is not counted there,
 * but its pages are still vmalloc()'s (VmallocUsed) and not free. Tests
 * and figures that compare memory before and after empty the caches
 * first (drain_cached_thread_stacks()).
 *
 * Linux: alloc_thread_stack_node(), free_thread_stack(),
 * try_release_thread_stack_to_cache(), free_vm_stack_cache() in kernel/fork.c
 */
#define NR_CACHED_STACKS	2
#define THREADINFO_GFP		(GFP_KERNEL | __GFP_ZERO)

static struct vm_struct *cached_stacks[NR_CPUS][NR_CACHED_STACKS];

/*
 * Count a stack's pages on their nodes' NR_KERNEL_STACK_KB; the pages
 * come from the area, no page-table walk. Linux: account_kernel_stack()
 */
static void account_kernel_stack(struct vm_struct *vm, int account)
{
	for (unsigned int i = 0; i < vm->nr_pages; i++)
		mod_node_page_state(page_pgdat(vm->pages[i]), NR_KERNEL_STACK_KB,
				    account * (long)(PAGE_SIZE / 1024));
}

/* The node a stack's pages are on (vmalloc takes them all from one, unless it is full). */
static int stack_node(const struct vm_struct *vm)
{
	return page_to_nid(vm->pages[0]);
}

/* A stack from this CPU's cache for @node, or NULL. */
static struct vm_struct *take_cached_stack(int node)
{
	struct vm_struct **slots, *vm = NULL;
	unsigned long flags;

	local_irq_save(flags);
	if (node == NUMA_NO_NODE || node == numa_mem_id()) {
		slots = cached_stacks[smp_processor_id()];
		for (int i = 0; i < NR_CACHED_STACKS; i++) {
			if (slots[i]) {
				vm = slots[i];
				slots[i] = NULL;
				break;
			}
		}
	}
	local_irq_restore(flags);
	return vm;
}

/*
 * Give @vm to this CPU's cache. Return: false when the cache is full or
 * the stack is on another node: the caller frees it.
 * Linux: try_release_thread_stack_to_cache()
 */
static bool try_release_thread_stack_to_cache(struct vm_struct *vm)
{
	struct vm_struct **slots;
	bool cached = false;
	unsigned long flags;

	local_irq_save(flags);
	if (stack_node(vm) == numa_mem_id()) {
		slots = cached_stacks[smp_processor_id()];
		for (int i = 0; i < NR_CACHED_STACKS; i++) {
			if (!slots[i]) {
				slots[i] = vm;
				cached = true;
				break;
			}
		}
	}
	local_irq_restore(flags);
	return cached;
}

/*
 * A kernel stack for @tsk on @node, with an unmapped guard page below it:
 * a cached one, zeroed, or a new one. Return: 0 or -ENOMEM.
 * Linux: alloc_thread_stack_node()
 */
static int alloc_thread_stack_node(struct task_struct *tsk, int node)
{
	struct vm_struct *vm = take_cached_stack(node);
	void *stack;

	if (vm) {
		/* The zeroing rule above: every byte, before anyone uses it. */
		for (unsigned int i = 0; i < vm->nr_pages; i++)
			clear_page((char *)vm->addr + i * PAGE_SIZE);
	} else {
		stack = __vmalloc_node(THREAD_SIZE, PAGE_SIZE, THREADINFO_GFP, node,
				       __builtin_return_address(0));
		if (!stack)
			return -ENOMEM;
		/* Found once here, kept in the task: freeing needs no lookup. */
		vm = find_vm_area(stack);
	}
	account_kernel_stack(vm, 1);
	tsk->stack_vm_area = vm;
	tsk->stack = vm->addr;
	return 0;
}

/* @tsk's stack to this CPU's cache, or back to vmalloc. Linux: free_thread_stack() */
static void free_thread_stack(struct task_struct *tsk)
{
	struct vm_struct *vm = tsk->stack_vm_area;

	account_kernel_stack(vm, -1);
	tsk->stack = NULL;
	tsk->stack_vm_area = NULL;
	if (!try_release_thread_stack_to_cache(vm))
		vfree(vm->addr);
}

/**
 * free_vm_stack_cache - a CPU went offline: free the stacks it cached
 * @cpu: the dead CPU
 *
 * They would stay cached for as long as it is offline, or for good. Run
 * on another CPU after @cpu is dead, so nothing else touches its slots.
 * Return: 0.
 * Linux: free_vm_stack_cache() (the "fork:vm_stack_cache" cpuhp state)
 */
int free_vm_stack_cache(unsigned int cpu)
{
	for (int i = 0; i < NR_CACHED_STACKS; i++) {
		struct vm_struct *vm = cached_stacks[cpu][i];

		if (!vm)
			continue;
		cached_stacks[cpu][i] = NULL;
		vfree(vm->addr);
	}
	return 0;
}

/* On each CPU, interrupts off (on_each_cpu()): hand its cached stacks to @info. */
static void take_cpu_cached_stacks(void *info)
{
	struct vm_struct *(*taken)[NR_CACHED_STACKS] = info;
	int cpu = smp_processor_id();

	for (int i = 0; i < NR_CACHED_STACKS; i++) {
		taken[cpu][i] = cached_stacks[cpu][i];
		cached_stacks[cpu][i] = NULL;
	}
}

/**
 * drain_cached_thread_stacks - free the stacks every CPU has cached
 *
 * For tests and figures that compare memory before and after making
 * threads (tests/kernel/test_util.h's snapshots, make bench's memory
 * figure): with the caches empty on both sides, what is left over is what
 * the threads really kept, and the next stack comes from vmalloc(), where
 * fault injection can fail its pages. Each CPU empties its own slots (the
 * only safe way to touch them while it runs), then the stacks are freed
 * here, where interrupts are on as vfree()'s TLB shootdown needs. Linux
 * has no such call: its caches are only emptied when a CPU goes offline.
 * May sleep.
 */
void drain_cached_thread_stacks(void)
{
	/* Serialises drains: one taken[] for them all. */
	static DEFINE_MUTEX(drain_mutex);
	static struct vm_struct *taken[NR_CPUS][NR_CACHED_STACKS];

	mutex_lock(&drain_mutex);
	cpus_read_lock();		/* no CPU leaves with its slots unread */
	on_each_cpu(take_cpu_cached_stacks, taken, 1);
	cpus_read_unlock();
	for (int cpu = 0; cpu < NR_CPUS; cpu++) {
		for (int i = 0; i < NR_CACHED_STACKS; i++) {
			if (taken[cpu][i])
				vfree(taken[cpu][i]->addr);
			taken[cpu][i] = NULL;
		}
	}
	mutex_unlock(&drain_mutex);
}

/**
 * nr_cached_thread_stacks - stacks held in a CPU's cache now
 * @cpu: the CPU
 *
 * Each is THREAD_SIZE bytes of pages that are neither free nor any task's
 * stack. For tests.
 * Return: that number (racy unless @cpu is the caller's, interrupts off,
 * or offline).
 */
unsigned int nr_cached_thread_stacks(unsigned int cpu)
{
	unsigned int n = 0;

	for (int i = 0; i < NR_CACHED_STACKS; i++)
		n += READ_ONCE(cached_stacks[cpu][i]) != NULL;
	return n;
}

/**
 * tsk_fork_get_node - the node a task's children are allocated on
 * @tsk: the task calling copy_process()
 * Return: for kthreadd, the node of the thread it is creating
 * (pref_node_fork, set by create_kthread()); NUMA_NO_NODE for every other
 * task: the node of the CPU that runs copy_process().
 * Linux: tsk_fork_get_node() in kernel/fork.c
 */
int tsk_fork_get_node(struct task_struct *tsk)
{
	if (tsk == kthreadd_task)
		return tsk->pref_node_fork;
	return NUMA_NO_NODE;
}

static void free_task(struct task_struct *tsk)
{
	if (tsk->stack_vm_area)
		free_thread_stack(tsk);
	free_kthread_struct(tsk);
	kmem_cache_free(task_struct_cachep, tsk);
	atomic_long_dec(&task_structs_allocated);
}

/**
 * __put_task_struct - free a task whose last reference went
 * @tsk: a dead, reaped task
 * Linux: __put_task_struct()
 */
void __put_task_struct(struct task_struct *tsk)
{
	WARN_ON(!tsk->exit_state);
	WARN_ON(tsk == current);
	free_task(tsk);
}

/*
 * The child starts as a byte copy of the parent; then everything that
 * must not be shared is reset. The task_struct and the stack go on @node
 * (NUMA_NO_NODE: the node tsk_fork_get_node() gives, else the running
 * CPU's). Linux: dup_task_struct()
 */
static struct task_struct *dup_task_struct(struct task_struct *orig, int node)
{
	struct task_struct *tsk;

	if (node == NUMA_NO_NODE)
		node = tsk_fork_get_node(orig);
	tsk = kmem_cache_alloc_node(task_struct_cachep, GFP_KERNEL, node);
	if (!tsk)
		return NULL;
	memcpy(tsk, orig, sizeof(*tsk));
	if (alloc_thread_stack_node(tsk, node)) {
		kmem_cache_free(task_struct_cachep, tsk);
		return NULL;
	}
	lockdep_init_task(tsk);		/* the parent's held locks are not the child's */
	raw_spin_lock_init(&tsk->pi_lock);
	atomic_long_inc(&task_structs_allocated);
	tsk->thread_info.flags = 0;
	/* One reference for the reaper, one for the scheduler's last switch. */
	atomic_set(&tsk->usage, 2);
	tsk->worker_private = NULL;
	spin_lock_init(&tsk->alloc_lock);
	return tsk;
}

static int copy_sighand(unsigned long clone_flags, struct task_struct *tsk)
{
	struct sighand_struct *sig;

	if (clone_flags & CLONE_SIGHAND) {
		atomic_inc(&current->sighand->count);
		return 0;
	}
	sig = kmem_cache_alloc(sighand_cachep, GFP_KERNEL);
	if (!sig)
		return -ENOMEM;
	atomic_set(&sig->count, 1);
	spin_lock_init(&sig->siglock);
	spin_lock_irq(&current->sighand->siglock);
	memcpy(sig->action, current->sighand->action, sizeof(sig->action));
	spin_unlock_irq(&current->sighand->siglock);
	tsk->sighand = sig;
	return 0;
}

/**
 * __cleanup_sighand - drop a reference to a signal handler table
 * @sighand: the table; the last reference frees it
 *
 * Tasks made with CLONE_SIGHAND share one table, counted in @sighand->count.
 * Linux: __cleanup_sighand() in kernel/fork.c
 */
void __cleanup_sighand(struct sighand_struct *sighand)
{
	if (atomic_dec_and_test(&sighand->count)) {
		BUG_ON(sighand == &init_sighand);
		kmem_cache_free(sighand_cachep, sighand);
	}
}

static int copy_signal(unsigned long clone_flags, struct task_struct *tsk)
{
	struct signal_struct *sig;

	/* A thread joins current's group: copy_process() links it in. */
	if (clone_flags & CLONE_THREAD) {
		atomic_inc(&current->signal->sigcnt);
		return 0;
	}
	sig = kmem_cache_zalloc(signal_cachep, GFP_KERNEL);
	if (!sig)
		return -ENOMEM;
	atomic_set(&sig->sigcnt, 1);
	atomic_set(&sig->live, 1);
	sig->nr_threads = 1;
	itimer_init(sig);	/* a child starts with no alarm (POSIX: fork clears it) */
	INIT_LIST_HEAD(&sig->thread_head);
	/* The child is in its parent's process group and session, on its terminal. */
	spin_lock_irq(&tasklist_lock);
	sig->pgrp = current->signal->pgrp;
	sig->session = current->signal->session;
	sig->tty = current->signal->tty;
	spin_unlock_irq(&tasklist_lock);
	task_lock(current);
	memcpy(sig->rlim, current->signal->rlim, sizeof(sig->rlim));
	task_unlock(current);
	tsk->signal = sig;
	return 0;
}

/**
 * put_signal_struct - drop a reference to a thread group's signal_struct
 * @sig: the signal_struct; the last reference frees it
 * Linux: put_signal_struct() in include/linux/sched/signal.h
 */
void put_signal_struct(struct signal_struct *sig)
{
	if (atomic_dec_and_test(&sig->sigcnt)) {
		BUG_ON(sig == &init_signals);
		kmem_cache_free(signal_cachep, sig);
	}
}

static atomic_long_t mm_structs_allocated;

/**
 * nr_mm_structs - address spaces allocated now (for leak tests)
 * Return: how many mm_structs exist besides init_mm.
 */
unsigned long nr_mm_structs(void)
{
	return atomic_long_read(&mm_structs_allocated);
}

/*
 * Make @mm a live address space with no VMAs yet and a PGD of its own
 * (the kernel half shared). Its layout fields (mmap_base, brk...) are
 * the caller's: zero for mm_alloc(), the parent's for dup_mm().
 * Linux: mm_init()
 */
static struct mm_struct *mm_init(struct mm_struct *mm)
{
	mm->mmap = NULL;
	mm->mm_rb = RB_ROOT;
	mm->map_count = 0;
	mm->total_vm = 0;
	atomic_long_set(&mm->pgtables_bytes, 0);
	atomic_set(&mm->mm_users, 1);
	cpumask_clear(mm_cpumask(mm));	/* dup_mm() copied the parent's */
	mutex_init(&mm->mmap_lock);
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		kmem_cache_free(mm_cachep, mm);
		return NULL;
	}
	atomic_long_inc(&mm_structs_allocated);
	return mm;
}

/**
 * mm_alloc - a new, empty address space with one user
 * Return: the mm, or NULL when out of memory.
 * Linux: mm_alloc()
 */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kmem_cache_zalloc(mm_cachep, GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->mmap_base = TASK_UNMAPPED_BASE;
	mm->task_size = TASK_SIZE;
	return mm_init(mm);
}

/* Free an mm nobody uses: its mappings, page tables, PGD. Linux: __mmput() */
static void __mmput(struct mm_struct *mm)
{
	BUG_ON(mm == &init_mm);
	/* Kernel threads may still borrow it (lazy TLB): send them away first. */
	cleanup_lazy_tlbs(mm);
	exit_mmap(mm);
	if (mm->exe_file)
		fput(mm->exe_file);
	WARN_ON(atomic_long_read(&mm->pgtables_bytes));
	pgd_free(mm, mm->pgd);
	kmem_cache_free(mm_cachep, mm);
	atomic_long_dec(&mm_structs_allocated);
}

/**
 * mmput - drop a user of @mm; the last one frees it
 * @mm: an address space no CPU is running on for this user any more
 * Linux: mmput()
 */
void mmput(struct mm_struct *mm)
{
	if (atomic_dec_and_test(&mm->mm_users))
		__mmput(mm);
}

/*
 * Copy every VMA of @oldmm into @mm and share their pages copy-on-write.
 * Both mmap_locks are held (the parent's is taken first; the child's
 * cannot be contended, nobody else knows the child's mm yet).
 * Linux: dup_mmap()
 */
static int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	int retval = 0;

	mutex_lock(&oldmm->mmap_lock);
	/* One class for every mmap_lock: the child's is the nested one. */
	mutex_lock_nested(&mm->mmap_lock, SINGLE_DEPTH_NESTING);
	for (struct vm_area_struct *mpnt = oldmm->mmap; mpnt; mpnt = mpnt->vm_next) {
		struct vm_area_struct *tmp = vm_area_dup(mpnt);

		if (!tmp) {
			retval = -ENOMEM;
			break;
		}
		tmp->vm_mm = mm;
		if (insert_vm_struct(mm, tmp)) {
			vm_area_free(tmp);
			retval = -ENOMEM;
			break;
		}
		retval = copy_page_range(tmp, mpnt);
		if (retval)
			break;
	}
	mutex_unlock(&mm->mmap_lock);
	mutex_unlock(&oldmm->mmap_lock);
	return retval;
}

/*
 * A copy of current's address space for a child: what fork() without
 * CLONE_VM gives. On failure the half-built copy is freed (mmput()).
 * Reading oldmm's fields without its mmap_lock is safe: only its own
 * task changes them, and that task is here, forking.
 * Linux: dup_mm()
 */
static struct mm_struct *dup_mm(struct task_struct *tsk, struct mm_struct *oldmm)
{
	struct mm_struct *mm = kmem_cache_alloc(mm_cachep, GFP_KERNEL);

	if (!mm)
		return NULL;
	/* The parent's layout (brk, stack, arguments...); mm_init() resets the rest. */
	memcpy(mm, oldmm, sizeof(*mm));
	if (!mm_init(mm))
		return NULL;
	if (mm->exe_file)
		get_file(mm->exe_file);	/* the copy's own reference, for /proc/<pid>/exe */
	if (dup_mmap(mm, oldmm)) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

/*
 * Kernel threads have no mm. Otherwise share it (CLONE_VM: threads,
 * vfork) or duplicate it copy-on-write (fork).
 * Linux: copy_mm()
 */
static int copy_mm(unsigned long clone_flags, struct task_struct *tsk)
{
	struct mm_struct *oldmm = current->mm;

	tsk->mm = NULL;
	tsk->active_mm = NULL;
	if (!oldmm || (tsk->flags & PF_KTHREAD))
		return 0;
	if (clone_flags & CLONE_VM) {
		mmget(oldmm);
		tsk->mm = oldmm;
	} else {
		tsk->mm = dup_mm(tsk, oldmm);
		if (!tsk->mm)
			return -ENOMEM;
	}
	tsk->active_mm = tsk->mm;
	return 0;
}

/**
 * copy_process - create a copy of current, not yet running
 * @pid: unused (Linux: a preallocated pid for the idle task)
 * @trace: unused (ptrace event)
 * @node: NUMA node for the task_struct and the stack; NUMA_NO_NODE lets
 *	dup_task_struct() choose (kthreadd's pref_node_fork, else the
 *	running CPU's node). fork_idle() passes the CPU's node.
 * @args: what to create
 *
 * Return: the new task in TASK_NEW, or an ERR_PTR: -EINVAL for flags
 * that contradict each other or CLONE_PARENT from init, -ENOMEM when an
 * allocation fails, -EAGAIN when no pid is left.
 * Linux: copy_process()
 */
struct task_struct *copy_process(struct pid *pid, int trace, int node,
				 struct kernel_clone_args *args)
{
	unsigned long clone_flags = args->flags;
	struct task_struct *p;
	struct pid *new_pid;		/* @pid is Linux's preallocated one: unused */
	int retval;

	/* Threads share signal handlers, which need a shared address space. */
	if ((clone_flags & CLONE_THREAD) && !(clone_flags & CLONE_SIGHAND))
		return ERR_PTR(-EINVAL);
	if ((clone_flags & CLONE_SIGHAND) && !(clone_flags & CLONE_VM))
		return ERR_PTR(-EINVAL);
	/*
	 * init's siblings would have no parent to reap them (the idle task
	 * waits for nobody), and the tree of processes would have two roots.
	 */
	if ((clone_flags & CLONE_PARENT) && (current->signal->flags & SIGNAL_UNKILLABLE))
		return ERR_PTR(-EINVAL);

	retval = -ENOMEM;
	p = dup_task_struct(current, node);
	if (!p)
		goto fork_out;
	p->flags &= ~(PF_KTHREAD | PF_IDLE | PF_EXITING | PF_NO_SETAFFINITY);
	p->flags |= PF_FORKNOEXEC;
	p->vfork_done = NULL;	/* before set_kthread_struct(), which sets it */
	if (args->kthread) {
		p->flags |= PF_KTHREAD;
		if (!set_kthread_struct(p))
			goto bad_fork_free;
	}
	if (args->name)
		strscpy(p->comm, args->name, sizeof(p->comm));
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->tasks);
	INIT_LIST_HEAD(&p->thread_node);
	INIT_LIST_HEAD(&p->wake_entry);
	p->pending.signal = 0;
	p->exit_state = 0;
	p->exit_code = 0;
	p->thread_pid = NULL;
	p->pid = -1;
	p->start_time = local_clock();
	p->set_child_tid = (clone_flags & CLONE_CHILD_SETTID) ? args->child_tid : NULL;
	p->clear_child_tid = (clone_flags & CLONE_CHILD_CLEARTID) ? args->child_tid : NULL;
	p->robust_list = NULL;		/* the child registers its own (glibc does at start) */

	/* Perform scheduler related setup. Assign this task to a CPU. */
	retval = sched_fork(clone_flags, p);
	if (retval)
		goto bad_fork_free;
	retval = copy_files(clone_flags, p, args->no_files);
	if (retval)
		goto bad_fork_cleanup_sched;
	retval = copy_fs(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_files;
	retval = copy_sighand(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_fs;
	retval = copy_signal(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_sighand;
	retval = copy_mm(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_signal;
	retval = copy_thread(p, args);
	if (retval)
		goto bad_fork_cleanup_mm;
	if (args->idle) {
		/*
		 * An idle task has pid 0 like init_task and is on no list:
		 * nobody may find it, signal it or wait for it.
		 */
		p->pid = 0;
		p->tgid = 0;
		p->group_leader = p;
		p->real_parent = p->parent = &init_task;
		return p;
	}
	new_pid = alloc_pid();
	if (IS_ERR(new_pid)) {
		retval = PTR_ERR(new_pid);
		goto bad_fork_cleanup_thread;
	}
	p->pid = new_pid->nr;
	p->tgid = (clone_flags & CLONE_THREAD) ? current->tgid : p->pid;
	p->group_leader = (clone_flags & CLONE_THREAD) ? current->group_leader : p;
	/*
	 * A thread is nobody's child to wait for: it reaps itself
	 * (exit_notify()). A CLONE_PARENT child is its parent's parent's, and
	 * tells that parent what the caller's group leader would have: the
	 * signal is the one that parent chose, not the caller's.
	 */
	if (clone_flags & CLONE_THREAD)
		p->exit_signal = -1;
	else if (clone_flags & CLONE_PARENT)
		p->exit_signal = current->group_leader->exit_signal;
	else
		p->exit_signal = args->exit_signal;

	/*
	 * Past the last point of failure: the child becomes visible, all of
	 * it at once under tasklist_lock: parent, siblings, thread group,
	 * task list, and its pid last, so that a pid lookup on another CPU
	 * (kill(), a pid in the shell) never finds a task with no parent
	 * links and its parent's group_leader. Linux: the same block in
	 * copy_process()
	 */
	spin_lock_irq(&tasklist_lock);
	/*
	 * A group exit (exit_group(), a fatal signal) has already killed every
	 * thread it found: a thread made now would escape it. Linux: the
	 * fatal_signal_pending() check, -ERESTARTNOINTR ("the caller dies anyway").
	 */
	if ((clone_flags & CLONE_THREAD) && (current->signal->flags & SIGNAL_GROUP_EXIT)) {
		spin_unlock_irq(&tasklist_lock);
		retval = -ERESTARTNOINTR;
		goto bad_fork_free_pid;
	}
	if (clone_flags & (CLONE_PARENT | CLONE_THREAD))
		p->real_parent = current->real_parent;
	else
		p->real_parent = current;
	p->parent = p->real_parent;
	if (clone_flags & CLONE_THREAD) {
		p->signal->nr_threads++;
		atomic_inc(&p->signal->live);	/* past every failure: it will do_exit() */
		/* A thread is on no children list: only the leader is the parent's child. */
	} else {
		list_add_tail(&p->sibling, &p->real_parent->children);
	}
	list_add_tail(&p->thread_node, &p->signal->thread_head);
	list_add_tail(&p->tasks, &init_task.tasks);
	attach_pid(p, new_pid);
	nr_threads++;
	spin_unlock_irq(&tasklist_lock);
	return p;

bad_fork_free_pid:
	spin_lock_irq(&tasklist_lock);
	p->thread_pid = NULL;
	free_pid(new_pid);
	spin_unlock_irq(&tasklist_lock);

bad_fork_cleanup_thread:
	/* copy_thread() only wrote the new stack: nothing to undo. */
bad_fork_cleanup_mm:
	if (p->mm)
		mmput(p->mm);
bad_fork_cleanup_signal:
	if (!(clone_flags & CLONE_THREAD))
		put_signal_struct(p->signal);
	else
		atomic_dec(&p->signal->sigcnt);
bad_fork_cleanup_sighand:
	__cleanup_sighand(p->sighand);
bad_fork_cleanup_fs:
	exit_fs(p);
bad_fork_cleanup_files:
	exit_files(p);
bad_fork_cleanup_sched:
	/* sched_fork() only initialised fields of p: nothing to undo. */
bad_fork_free:
	p->exit_state = EXIT_DEAD;
	free_task(p);
fork_out:
	return ERR_PTR(retval);
}

/*
 * The vfork() parent sleeps until the child execs or exits (it borrows
 * our address space until then). A fatal signal ends the wait early:
 * the child then clears vfork_done so it never touches our stack frame.
 * Linux: wait_for_vfork_done()
 */
static void wait_for_vfork_done(struct task_struct *child, struct completion *vfork)
{
	int killed = wait_for_completion_killable(vfork);

	if (killed) {
		task_lock(child);
		child->vfork_done = NULL;
		task_unlock(child);
	}
	put_task_struct(child);
}

/**
 * kernel_clone - create a task and start it
 * @args: what to create (flags, exit signal, function for kernel threads)
 *
 * Return: the child's pid, or a negative errno.
 * Linux: kernel_clone() (formerly _do_fork())
 */
pid_t kernel_clone(struct kernel_clone_args *args)
{
	struct completion vfork;
	struct task_struct *p;
	pid_t nr;

	if (args->kthread)
		kthread_create_step(KT_KERNEL_CLONE);
	p = copy_process(NULL, 0, NUMA_NO_NODE, args);
	if (IS_ERR(p))
		return PTR_ERR(p);
	if (args->kthread)
		kthread_create_step(KT_COPY_PROCESS);
	/*
	 * Trace and read the pid before waking the child: once it runs it
	 * may exit and be freed at any moment.
	 */
	trace_sched_process_fork(current, p);
	nr = p->pid;
	if (args->flags & CLONE_PARENT_SETTID)
		put_user(nr, args->parent_tid);	/* a bad pointer is ignored, as in Linux */
	if (args->flags & CLONE_VFORK) {
		p->vfork_done = &vfork;
		init_completion(&vfork);
		get_task_struct(p);
	}
	if (args->kthread)
		kthread_create_step(KT_WAKE_UP_NEW_TASK);
	wake_up_new_task(p);
	if (args->flags & CLONE_VFORK)
		wait_for_vfork_done(p, &vfork);
	return nr;
}

SYSCALL_DEFINE0(fork)
{
	struct kernel_clone_args args = {
		.exit_signal = SIGCHLD,
	};

	return kernel_clone(&args);
}

SYSCALL_DEFINE0(vfork)
{
	struct kernel_clone_args args = {
		.flags = CLONE_VFORK | CLONE_VM,
		.exit_signal = SIGCHLD,
	};

	return kernel_clone(&args);
}

/* x86-64's argument order: flags, newsp, parent_tid, child_tid, tls. */
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, int __user *, child_tidptr, unsigned long, tls)
{
	struct kernel_clone_args args = {
		.flags = (clone_flags & ~CSIGNAL),
		.exit_signal = (clone_flags & CSIGNAL),
		.stack = newsp,
		.tls = tls,
		.parent_tid = parent_tidptr,
		.child_tid = child_tidptr,
	};

	if ((clone_flags & CSIGNAL) > _NSIG)
		return -EINVAL;
	return kernel_clone(&args);
}

/*
 * set_tid_address(2): where to write 0, and wake a futex, when this
 * thread exits (musl's threads and pthread_join() rely on it).
 * Linux: SYSCALL_DEFINE1(set_tid_address) in kernel/fork.c
 */
SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = tidptr;
	return task_pid_nr(current);
}

/**
 * fork_idle - make the idle task of @cpu
 * @cpu: the CPU it will run on
 *
 * A copy of current sharing nothing it would need to give back, with
 * pid 0, not linked anywhere, made the idle task of @cpu by init_idle().
 * The CPU starts on its stack (arch/x86/kernel/smpboot.c), so it never
 * goes through ret_from_fork.
 * Return: the task, or an ERR_PTR from copy_process().
 * Linux: fork_idle()
 */
struct task_struct *fork_idle(int cpu)
{
	struct kernel_clone_args args = {
		.flags = CLONE_VM,
		.idle = 1,
		.no_files = 1,
	};
	struct task_struct *task;

	task = copy_process(NULL, 0, cpu_to_node(cpu), &args);
	if (IS_ERR(task))
		return task;
	/*
	 * Like init_task it lives for ever and is not one of nr_threads:
	 * not counted in nr_task_structs() either, which leak checks
	 * compare with nr_threads.
	 */
	atomic_long_dec(&task_structs_allocated);
	init_idle(task, cpu);
	return task;
}

/**
 * kernel_thread - start a kernel thread running @fn(@arg)
 * @fn: the function; its return value is the exit code
 * @arg: its argument
 * @name: the thread's comm
 * @flags: CLONE_* flags and the exit signal in the low byte
 * Return: the pid or a negative errno.
 * Linux: kernel_thread()
 */
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name, unsigned long flags)
{
	struct kernel_clone_args args = {
		.flags = ((flags | CLONE_VM | CLONE_UNTRACED) & ~CSIGNAL),
		.exit_signal = (flags & CSIGNAL),
		.fn = fn,
		.fn_arg = arg,
		.name = name,
		.kthread = 1,
	};

	return kernel_clone(&args);
}

/**
 * user_mode_thread - start a task that will become a user process
 * @fn: what it runs in the kernel first (pid 1 runs kernel_init())
 * @arg: its argument
 * @flags: CLONE_* flags and the exit signal
 *
 * Unlike kernel_thread() the task is not PF_KTHREAD. Spindle has no user
 * mode yet, so it stays in the kernel: this is the kernel side only.
 * Return: the pid or a negative errno.
 * Linux: user_mode_thread()
 */
pid_t user_mode_thread(int (*fn)(void *), void *arg, unsigned long flags)
{
	struct kernel_clone_args args = {
		.flags = ((flags | CLONE_UNTRACED) & ~CSIGNAL),
		.exit_signal = (flags & CSIGNAL),
		.fn = fn,
		.fn_arg = arg,
	};

	return kernel_clone(&args);
}

/**
 * __set_task_comm - set @tsk's name, truncated to TASK_COMM_LEN - 1
 * @tsk: the task
 * @buf: the new name
 * Linux: __set_task_comm() in fs/exec.c
 */
void __set_task_comm(struct task_struct *tsk, const char *buf)
{
	task_lock(tsk);
	strscpy(tsk->comm, buf, sizeof(tsk->comm));
	task_unlock(tsk);
}

/**
 * __get_task_comm - copy @tsk's name into @buf
 * @buf: where the name goes (always terminated)
 * @buf_size: its size
 * @tsk: the task
 * Return: @buf.
 * Linux: __get_task_comm() in fs/exec.c
 */
char *__get_task_comm(char *buf, size_t buf_size, struct task_struct *tsk)
{
	task_lock(tsk);
	strscpy(buf, tsk->comm, buf_size);
	task_unlock(tsk);
	return buf;
}
