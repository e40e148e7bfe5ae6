// SPDX-License-Identifier: GPL-2.0
/*
 * PID allocation: a bitmap of numbers in use, searched a word at a time
 * from a cursor (last_pid), and a hash table from number to struct pid. pidmap_lock guards both (interrupts off: a
 * lookup may come from anywhere).
 * Linux: kernel/pid.c (which uses an IDR and pid namespaces)
 */
#include <linux/bitops.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define PID_HASH_SIZE	256

int pid_max = PID_MAX_DEFAULT;
static unsigned long pid_bitmap[PID_MAX_DEFAULT / (8 * sizeof(long))];
static struct list_head pid_hash[PID_HASH_SIZE];
static int last_pid = -1;
static unsigned int pids_in_use;
/* Guards pid_bitmap, pid_hash, last_pid and pids_in_use; irqs off. */
static DEFINE_RAW_SPINLOCK(pidmap_lock);
static struct kmem_cache *pid_cachep;

static void pid_set(int nr, bool on)
{
	if (on)
		pid_bitmap[nr / 64] |= 1UL << (nr % 64);
	else
		pid_bitmap[nr / 64] &= ~(1UL << (nr % 64));
}

/**
 * pid_idr_init - set up the pid allocator (after the slab allocator)
 * Linux: pid_idr_init()
 */
void __init pid_idr_init(void)
{
	for (int i = 0; i < PID_HASH_SIZE; i++)
		INIT_LIST_HEAD(&pid_hash[i]);
	pid_set(0, true);	/* the idle task's, never handed out */
	pid_cachep = kmem_cache_create("pid", sizeof(struct pid), 0, 0, NULL);
	BUG_ON(!pid_cachep);
}

/*
 * The first clear bit of pid_bitmap in [@from, pid_max), or pid_max. A
 * word at a time: the bits below @from are masked as used, and ffz()
 * finds the lowest clear one of the first word that has one.
 * Linux: find_next_zero_bit() in include/linux/find.h
 */
static int find_next_zero_pid(int from)
{
	int i = from / BITS_PER_LONG, nr;
	unsigned long word;

	if (from >= pid_max)
		return pid_max;
	word = pid_bitmap[i] | ((1UL << (from % BITS_PER_LONG)) - 1);
	while (word == ~0UL) {
		if (++i * BITS_PER_LONG >= pid_max)
			return pid_max;
		word = pid_bitmap[i];
	}
	nr = i * BITS_PER_LONG + ffz(word);
	return min(nr, pid_max);
}

/*
 * The next free number after last_pid (the cursor), wrapping to
 * RESERVED_PIDS: numbers are handed out in a cycle, so a pid just freed
 * is not reused at once. Linux: alloc_pidmap() before 4.15,
 * idr_alloc_cyclic() since.
 */
static int next_free_nr(void)
{
	int nr = find_next_zero_pid(last_pid + 1);

	if (nr >= pid_max)
		nr = find_next_zero_pid(RESERVED_PIDS);
	return nr < pid_max ? nr : -1;
}

/**
 * alloc_pid - a new struct pid with an unused number
 *
 * Return: the pid, ERR_PTR(-ENOMEM) if the allocation failed or
 * ERR_PTR(-EAGAIN) if every number is in use.
 * Linux: alloc_pid()
 */
struct pid *alloc_pid(void)
{
	struct pid *pid = kmem_cache_alloc(pid_cachep, GFP_KERNEL);
	unsigned long flags;
	int nr;

	if (!pid)
		return ERR_PTR(-ENOMEM);
	raw_spin_lock_irqsave(&pidmap_lock, flags);
	nr = next_free_nr();
	if (nr < 0) {
		raw_spin_unlock_irqrestore(&pidmap_lock, flags);
		kmem_cache_free(pid_cachep, pid);
		return ERR_PTR(-EAGAIN);
	}
	pid_set(nr, true);
	last_pid = nr;
	pids_in_use++;
	pid->nr = nr;
	pid->task = NULL;
	list_add(&pid->hash_node, &pid_hash[nr % PID_HASH_SIZE]);
	raw_spin_unlock_irqrestore(&pidmap_lock, flags);
	return pid;
}

/**
 * attach_pid - make @pid name @task
 * @task: the new task, fully built and linked into the task list
 * @pid: its pid, from alloc_pid()
 *
 * Called under tasklist_lock, last of copy_process()'s linking: from
 * here on find_task_by_pid() returns @task.
 * Linux: attach_pid()
 */
void attach_pid(struct task_struct *task, struct pid *pid)
{
	unsigned long flags;

	lockdep_assert_held(&tasklist_lock);
	raw_spin_lock_irqsave(&pidmap_lock, flags);
	pid->task = task;
	task->pid = pid->nr;
	task->thread_pid = pid;
	raw_spin_unlock_irqrestore(&pidmap_lock, flags);
}

/**
 * free_pid - release @pid and its number
 * @pid: a pid no task uses any more
 * Linux: free_pid()
 */
void free_pid(struct pid *pid)
{
	unsigned long flags;

	if (!pid)
		return;
	raw_spin_lock_irqsave(&pidmap_lock, flags);
	list_del(&pid->hash_node);
	pid_set(pid->nr, false);
	pids_in_use--;
	raw_spin_unlock_irqrestore(&pidmap_lock, flags);
	kmem_cache_free(pid_cachep, pid);
}

/**
 * task_ppid_nr - the pid of @tsk's parent process, as getppid() returns it
 * @tsk: the task
 *
 * The parent can change under us (an exiting parent hands its children
 * to init): tasklist_lock keeps it still while we read it.
 * Return: the real parent's tgid, 0 for a task without one (pid 0).
 * Linux: task_ppid_nr() in include/linux/sched.h (under RCU)
 */
pid_t task_ppid_nr(struct task_struct *tsk)
{
	pid_t pid;

	spin_lock_irq(&tasklist_lock);
	pid = tsk->real_parent ? tsk->real_parent->tgid : 0;
	spin_unlock_irq(&tasklist_lock);
	return pid;
}

/**
 * find_task_by_pid - the task with pid @nr
 * @nr: the number (0 is the idle task of CPU 0)
 * Return: the task, without a reference (it may exit: see
 *	get_pid_task_by_nr()), or NULL if no task has that pid.
 * Linux: find_task_by_vpid()
 */
struct task_struct *find_task_by_pid(pid_t nr)
{
	struct task_struct *task = NULL;
	unsigned long flags;
	struct pid *pid;

	if (nr == 0)
		return &init_task;
	if (nr < 0 || nr >= pid_max)
		return NULL;
	raw_spin_lock_irqsave(&pidmap_lock, flags);
	list_for_each_entry(pid, &pid_hash[nr % PID_HASH_SIZE], hash_node) {
		if (pid->nr == nr) {
			task = pid->task;
			break;
		}
	}
	raw_spin_unlock_irqrestore(&pidmap_lock, flags);
	return task;
}

/**
 * get_pid_task_by_nr - find_task_by_pid() plus a reference
 * @nr: the pid
 * Return: the task, to be put_task_struct() by the caller, or NULL.
 * Linux: find_get_task_by_vpid()
 */
struct task_struct *get_pid_task_by_nr(pid_t nr)
{
	struct task_struct *task;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	task = find_task_by_pid(nr);
	if (task)
		get_task_struct(task);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return task;
}

/**
 * exchange_tids - swap the pids of two tasks
 * @left: one task
 * @right: the other
 *
 * For de_thread(): a thread other than the leader that execs takes the
 * leader's pid (the process keeps its pid), the dying leader the thread's.
 * Under tasklist_lock. Linux: exchange_tids()
 */
void exchange_tids(struct task_struct *left, struct task_struct *right)
{
	struct pid *pid1 = left->thread_pid, *pid2 = right->thread_pid;
	unsigned long flags;

	lockdep_assert_held(&tasklist_lock);
	raw_spin_lock_irqsave(&pidmap_lock, flags);
	pid1->task = right;
	pid2->task = left;
	left->thread_pid = pid2;
	right->thread_pid = pid1;
	left->pid = pid2->nr;
	right->pid = pid1->nr;
	raw_spin_unlock_irqrestore(&pidmap_lock, flags);
}

/**
 * nr_pids_in_use - how many pids are allocated (for leak tests)
 * Return: that number.
 */
unsigned int nr_pids_in_use(void)
{
	return pids_in_use;
}
