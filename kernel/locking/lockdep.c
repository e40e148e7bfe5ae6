// SPDX-License-Identifier: GPL-2.0
/*
 * The lock validator: deadlocks reported the first time the pattern that
 * makes them possible is seen, not the rare time the interleaving hangs.
 *
 * Locks are grouped in classes (one per init call site, or per static
 * lock). Each task keeps a stack of the locks it holds (held_locks[]).
 * Taking lock B with lock A on top of the stack adds the edge A -> B to a
 * graph of classes, keeping the backtrace of the first time; a
 * breadth-first search for a path B -> ... -> A first proves the new edge
 * closes no cycle. Taking a class already held is recursion, unless a
 * nesting annotation (spin_lock_nested()) made the second one a subclass.
 * Each class also records whether it was taken in hardirq context and
 * whether with interrupts enabled: both is a deadlock as soon as the
 * interrupt arrives while the lock is held.
 *
 * A sequence of classes held at once, once validated, is a "lock chain":
 * its hash (the chain key) is cached, and the next acquire that builds the
 * same chain skips the graph. The graph lock is taken only for something
 * new (a class, a chain, a usage bit), with interrupts off, and the
 * tables only grow.
 *
 * The first report turns the validator off (debug_locks = 0).
 * Locking: __lockdep_lock (an arch spinlock, interrupts off, never seen by
 * the validator itself) guards every table; a task's held-lock stack is
 * changed only by the task, with interrupts off.
 * Linux: kernel/locking/lockdep.c
 */
#include <generated/compile.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/smp.h>
#include <linux/stacktrace.h>
#include <linux/string.h>
#include <asm/setup.h>
#include "lockdep_internals.h"

#if CONFIG_LOCKDEP

unsigned int lockdep_reports;

/* lockdep_off() adds this: no count of nested lockdep entries reaches it. */
#define LOCKDEP_OFF		(1U << 16)
#define INITIAL_CHAIN_KEY	(~0ULL)
/* A backtrace kept for a report: enough to find the caller's caller's caller. */
#define LOCK_TRACE_DEPTH	16U
#define LOCK_TRACE_SIZE_IN_LONGS \
	((sizeof(struct lock_trace) + sizeof(long) - 1) / sizeof(long))

static arch_spinlock_t __lockdep_lock = __ARCH_SPIN_LOCK_UNLOCKED;

struct lock_class lock_classes[MAX_LOCKDEP_KEYS];
unsigned long nr_lock_classes;
static struct lock_list list_entries[MAX_LOCKDEP_ENTRIES];
unsigned long nr_list_entries;
struct lock_chain lock_chains[MAX_LOCKDEP_CHAINS];
unsigned long nr_lock_chains;
u16 chain_hlocks[MAX_LOCKDEP_CHAIN_HLOCKS];
static unsigned long nr_chain_hlocks;
static unsigned long stack_trace[MAX_STACK_TRACE_ENTRIES];
unsigned long nr_stack_trace_entries;

#define CLASSHASH_BITS		9
#define CHAINHASH_BITS		12
static struct lock_class *classhash_table[1 << CLASSHASH_BITS];
static struct lock_chain *chainhash_table[1 << CHAINHASH_BITS];

/* The frame of the hook (lock_acquire()...) running on each CPU: saved traces start above it. */
static unsigned long *lockdep_frame[NR_CPUS];

static const char *const usage_str[] = {
#define LOCKDEP_STATE(__STATE)		\
	"IN-" #__STATE "-W",		\
	"IN-" #__STATE "-R",		\
	#__STATE "-ON-W",		\
	#__STATE "-ON-R",
#include "lockdep_states.h"
#undef LOCKDEP_STATE
	[LOCK_USED] = "INITIAL USE",
	[LOCK_USED_READ] = "INITIAL READ USE",
};

#define LOCK_CHAIN_HARDIRQ_CONTEXT	1
#define LOCK_CHAIN_SOFTIRQ_CONTEXT	2

/* The context a lock is taken in: its chain starts anew at each change. */
static inline unsigned int task_irq_context(void)
{
	return (in_hardirq() ? LOCK_CHAIN_HARDIRQ_CONTEXT : 0) |
	       (in_serving_softirq() ? LOCK_CHAIN_SOFTIRQ_CONTEXT : 0);
}

static inline struct lock_class *hlock_class(const struct held_lock *hlock)
{
	return lock_classes + hlock->class_idx;
}

static int graph_lock(void)
{
	arch_spin_lock(&__lockdep_lock);
	/* Another CPU may have reported (and turned us off) while we waited. */
	if (!debug_locks) {
		arch_spin_unlock(&__lockdep_lock);
		return 0;
	}
	return 1;
}

static inline void graph_unlock(void)
{
	arch_spin_unlock(&__lockdep_lock);
}

/*
 * A bug was found: count it and decide whether to print it. Only the
 * first report of a run prints (it turns debug_locks off); a silent one
 * (the validator's tests) leaves the validator on.
 */
static int lockdep_report_begin(void)
{
	lockdep_reports++;
	if (debug_locks_silent)
		return 0;
	return debug_locks_off();
}

/* As lockdep_report_begin(), for a caller holding the graph lock. */
static int debug_locks_off_graph_unlock(void)
{
	int ret = lockdep_report_begin();

	graph_unlock();
	return ret;
}

/* A table is full: Linux's words for giving up. */
static void print_lockdep_off(const char *bug_msg)
{
	printk(KERN_DEBUG "%s\n", bug_msg);
	printk(KERN_DEBUG "turning off the locking correctness validator.\n");
}

/* A table is full, found with the graph lock held: give up (and unlock). */
static void lockdep_table_full(const char *bug_msg)
{
	if (!debug_locks_off_graph_unlock())
		return;
	print_lockdep_off(bug_msg);
	dump_stack();
}

/* --- backtraces ---------------------------------------------------- */

static unsigned int save_entries(unsigned long *entries, unsigned int max)
{
	unsigned long *bp = lockdep_frame[smp_processor_id()];

	/* From the hook's caller outwards (the lock operation's). */
	return bp ? stack_trace_save_bp(bp, entries, max) : stack_trace_save(entries, max, 0);
}

/* Keep the current backtrace; NULL (and the validator off) when the table is full. */
static const struct lock_trace *save_trace(void)
{
	struct lock_trace *trace = (struct lock_trace *)(stack_trace + nr_stack_trace_entries);
	unsigned long room = MAX_STACK_TRACE_ENTRIES - nr_stack_trace_entries;

	if (room < LOCK_TRACE_SIZE_IN_LONGS + LOCK_TRACE_DEPTH) {
		lockdep_table_full("BUG: MAX_STACK_TRACE_ENTRIES too low!");
		return NULL;
	}
	trace->nr_entries = save_entries(trace->entries, LOCK_TRACE_DEPTH);
	nr_stack_trace_entries += LOCK_TRACE_SIZE_IN_LONGS + trace->nr_entries;
	return trace;
}

static void print_lock_trace(const struct lock_trace *trace, int spaces)
{
	if (trace)
		stack_trace_print(trace->entries, trace->nr_entries, spaces);
}

/* --- printing locks, as every report does ---------------------------- */

/**
 * get_usage_chars - the usage letters of @class, e.g. "+.+."
 * @class: the class
 * @usage: LOCK_USAGE_CHARS bytes to fill
 *
 * Per state, write then read: '.' never with interrupts on nor in the
 * interrupt, '+' with them on, '-' in the interrupt, '?' both (a bug).
 * Linux: get_usage_chars()
 */
void get_usage_chars(struct lock_class *class, char usage[LOCK_USAGE_CHARS])
{
	int i = 0;

	for (int bit = 0; bit < LOCK_USED; bit += LOCK_USAGE_DIR_MASK * 2) {
		for (int read = 0; read <= 1; read++) {
			unsigned int in = 1U << (bit + read);
			unsigned int on = 1U << (bit + read + LOCK_USAGE_DIR_MASK);
			char c = '.';

			if (class->usage_mask & on)
				c = (class->usage_mask & in) ? '?' : '+';
			else if (class->usage_mask & in)
				c = '-';
			usage[i++] = c;
		}
	}
	usage[i] = '\0';
}

/**
 * sprint_lock_name - write @class's name as reports print it
 * @buf: where
 * @size: room in @buf
 * @class: the class
 *
 * The variable's name, "#2" for the second class of that name, "/1" for
 * subclass 1: "&rq->lock/1".
 * Return: the length written (as snprintf()).
 * Linux: __print_lock_name()
 */
int sprint_lock_name(char *buf, size_t size, struct lock_class *class)
{
	int len = snprintf(buf, size, "%s", class->name);

	if (class->name_version > 1 && len < (int)size)
		len += snprintf(buf + len, size - len, "#%d", class->name_version);
	if (class->subclass && len < (int)size)
		len += snprintf(buf + len, size - len, "/%u", class->subclass);
	return len;
}

static void __print_lock_name(struct lock_class *class)
{
	char name[KSYM_NAME_LEN];

	sprint_lock_name(name, sizeof(name), class);
	printk(KERN_CONT "%s", name);
}

static void print_lock_name(struct lock_class *class)
{
	char usage[LOCK_USAGE_CHARS];

	get_usage_chars(class, usage);
	printk(KERN_CONT " (");
	__print_lock_name(class);
	printk(KERN_CONT "){%s}-{%d:%d}", usage, class->wait_type_inner, class->wait_type_inner);
}

static void print_lock(struct held_lock *hlock)
{
	printk(KERN_CONT "%px", hlock->instance);
	print_lock_name(hlock_class(hlock));
	printk(KERN_CONT ", at: %pS\n", (void *)hlock->acquire_ip);
}

/**
 * lockdep_print_held_locks - list the locks @p holds, oldest first
 * @p: the task (current, or one that is not running)
 * Linux: lockdep_print_held_locks()
 */
void lockdep_print_held_locks(struct task_struct *p)
{
	int depth = READ_ONCE(p->lockdep_depth);

	if (!depth)
		printk("no locks held by %s/%d.\n", p->comm, p->pid);
	else
		printk("%d lock%s held by %s/%d:\n", depth, depth > 1 ? "s" : "", p->comm, p->pid);
	for (int i = 0; i < depth; i++) {
		printk(" #%d: ", i);
		print_lock(p->held_locks + i);
	}
}

/* "6.1.0 #1 Not tainted": which kernel printed the report. */
static void print_kernel_ident(void)
{
	printk("%s #%s %s\n", SPINDLE_VERSION, SPINDLE_BUILD,
	       warn_count ? "Tainted: G        W" : "Not tainted");
}

/* A report's opening: @title between rules as long as it, and the kernel. */
static void print_report_header(const char *title)
{
	char rule[64];
	unsigned int len = strlen(title);

	if (len >= sizeof(rule))
		len = sizeof(rule) - 1;
	memset(rule, '=', len);
	rule[len] = '\0';
	pr_warn("\n");
	pr_warn("%s\n", rule);
	pr_warn("%s\n", title);
	print_kernel_ident();
	memset(rule, '-', len);
	pr_warn("%s\n", rule);
}

static void print_report_footer(struct task_struct *curr)
{
	lockdep_print_held_locks(curr);
	pr_warn("\nstack backtrace:\n");
	dump_stack();
}

/* --- classes ------------------------------------------------------- */

/* In the kernel image's data: a key that lives as long as the classes. */
static bool static_obj(const void *obj)
{
	unsigned long addr = (unsigned long)obj;

	return addr >= (unsigned long)_sdata && addr < (unsigned long)_end;
}

static inline unsigned int classhash(const void *key)
{
	return ((unsigned long)key * 0x9E3779B97F4A7C15UL) >> (64 - CLASSHASH_BITS);
}

/* A map without a key is a static lock: its own address is the key. */
static bool assign_lock_key(struct lockdep_map *lock)
{
	if (static_obj(lock)) {
		lock->key = (struct lock_class_key *)lock;
		return true;
	}
	debug_locks_off();
	pr_err("INFO: trying to register non-static key.\n");
	pr_err("The code is fine but needs lockdep annotation, or maybe\n");
	pr_err("you didn't initialize this object before use?\n");
	pr_err("turning off the locking correctness validator.\n");
	dump_stack();
	return false;
}

static struct lock_class *look_up_lock_class(const struct lock_class_key *subkey)
{
	struct lock_class *class = READ_ONCE(classhash_table[classhash(subkey)]);

	for (; class; class = READ_ONCE(class->hash_next))
		if (class->key == subkey)
			return class;
	return NULL;
}

/* Two classes of one name (two init sites of "&x->lock") print as name and name#2. */
static int count_matching_names(struct lock_class *new_class)
{
	int count = 0;

	for (unsigned long i = 0; i < nr_lock_classes; i++)
		if (lock_classes[i].subclass == 0 && new_class->subclass == 0 &&
		    !strcmp(lock_classes[i].name, new_class->name))
			count = max(count, lock_classes[i].name_version);
	return count + 1;
}

static struct lock_class *register_lock_class(struct lockdep_map *lock, unsigned int subclass)
{
	const struct lock_class_key *subkey;
	struct lock_class *class;
	unsigned int hash;

	if (subclass >= MAX_LOCKDEP_SUBCLASSES) {
		if (lockdep_report_begin()) {
			pr_err("BUG: looking up invalid subclass: %u\n", subclass);
			pr_err("turning off the locking correctness validator.\n");
			dump_stack();
		}
		return NULL;
	}
	if (!lock->key && !assign_lock_key(lock))
		return NULL;
	subkey = (const struct lock_class_key *)(lock->key->subkeys + subclass);
	class = look_up_lock_class(subkey);
	if (class)
		goto out_set_class_cache;
	if (!graph_lock())
		return NULL;
	class = look_up_lock_class(subkey);	/* another CPU may have won */
	if (class) {
		graph_unlock();
		goto out_set_class_cache;
	}
	if (nr_lock_classes >= MAX_LOCKDEP_KEYS) {
		lockdep_table_full("BUG: MAX_LOCKDEP_KEYS too low!");
		return NULL;
	}
	class = lock_classes + nr_lock_classes;
	class->key = subkey;
	class->name = lock->name ? lock->name : "NULL";
	class->subclass = subclass;
	class->wait_type_inner = lock->wait_type_inner;
	INIT_LIST_HEAD(&class->locks_after);
	INIT_LIST_HEAD(&class->locks_before);
	class->name_version = count_matching_names(class);
	hash = classhash(subkey);
	class->hash_next = classhash_table[hash];
	/* Lock-free readers see the class whole, or not at all. */
	smp_store_release(&classhash_table[hash], class);
	smp_store_release(&nr_lock_classes, nr_lock_classes + 1);
	graph_unlock();
out_set_class_cache:
	if (!subclass)
		WRITE_ONCE(lock->class_cache, class);
	return class;
}

/**
 * lockdep_init_map_wait - give a lock its name and class key
 * @lock: the lock's map
 * @name: the name reports print
 * @key: a static key: all locks with this key are one class
 * @subclass: the nesting level the lock is normally taken at
 * @inner: enum lockdep_wait_type
 *
 * Called by the lock init functions; lockdep_set_class() calls it again.
 * Linux: lockdep_init_map_type()
 */
void lockdep_init_map_wait(struct lockdep_map *lock, const char *name,
			   struct lock_class_key *key, int subclass, u8 inner)
{
	lock->class_cache = NULL;
	lock->name = name ? name : "NULL";
	lock->wait_type_inner = inner;
	lock->key = key;
	if (!key || !debug_locks)
		return;
	if (!static_obj(key)) {
		if (lockdep_report_begin()) {
			pr_err("BUG: key %px has not been registered!\n", key);
			pr_err("turning off the locking correctness validator.\n");
			dump_stack();
		}
		lock->key = NULL;
		return;
	}
	if (subclass) {
		unsigned long flags = arch_local_irq_save();

		current->lockdep_recursion++;
		register_lock_class(lock, subclass);
		current->lockdep_recursion--;
		arch_local_irq_restore(flags);
	}
}

/* --- the graph ----------------------------------------------------- */

static struct lock_list *alloc_list_entry(void)
{
	if (nr_list_entries >= MAX_LOCKDEP_ENTRIES) {
		lockdep_table_full("BUG: MAX_LOCKDEP_ENTRIES too low!");
		return NULL;
	}
	return list_entries + nr_list_entries++;
}

/* Append an edge; readers without the graph lock (the shell) see it whole. */
static int add_lock_to_list(struct lock_class *this, struct lock_class *links_to,
			    struct list_head *head, unsigned long distance,
			    const struct lock_trace *trace)
{
	struct lock_list *entry = alloc_list_entry();

	if (!entry)
		return 0;
	entry->class = this;
	entry->links_to = links_to;
	entry->distance = distance;
	entry->trace = trace;
	entry->entry.next = head;
	entry->entry.prev = head->prev;
	smp_wmb();
	WRITE_ONCE(head->prev->next, &entry->entry);
	head->prev = &entry->entry;
	return 1;
}

#define MAX_CIRCULAR_QUEUE_SIZE	4096UL
#define CQ_MASK			(MAX_CIRCULAR_QUEUE_SIZE - 1)

/* The breadth-first search's queue (one search at a time: graph lock). */
static struct lock_list *bfs_queue[MAX_CIRCULAR_QUEUE_SIZE];
static unsigned int bfs_head, bfs_tail;
static unsigned int lockdep_dependency_gen_id;

enum bfs_result {
	BFS_EQUEUEFULL = -1,
	BFS_RMATCH = 0,
	BFS_RNOMATCH = 1,
};

static bool bfs_enqueue(struct lock_list *elem)
{
	if (((bfs_tail + 1) & CQ_MASK) == bfs_head)
		return false;
	bfs_queue[bfs_tail] = elem;
	bfs_tail = (bfs_tail + 1) & CQ_MASK;
	return true;
}

/*
 * Search the graph from @src's class along @forwards (locks_after) or
 * backwards (locks_before) edges; stop at @target (NULL: visit all, and
 * count them in *@count). Each visited entry's @parent leads back to @src.
 */
static enum bfs_result __bfs(struct lock_list *src, struct lock_class *target, bool forwards,
			     struct lock_list **target_entry, unsigned long *count)
{
	struct lock_list *lock;

	lockdep_dependency_gen_id++;
	bfs_head = bfs_tail = 0;
	src->parent = NULL;
	src->class->dep_gen_id = lockdep_dependency_gen_id;
	bfs_enqueue(src);
	while (bfs_head != bfs_tail) {
		struct list_head *head;
		struct lock_list *entry;

		lock = bfs_queue[bfs_head];
		bfs_head = (bfs_head + 1) & CQ_MASK;
		if (lock->class == target) {
			*target_entry = lock;
			return BFS_RMATCH;
		}
		head = forwards ? &lock->class->locks_after : &lock->class->locks_before;
		list_for_each_entry(entry, head, entry) {
			if (entry->class->dep_gen_id == lockdep_dependency_gen_id)
				continue;
			entry->class->dep_gen_id = lockdep_dependency_gen_id;
			entry->parent = lock;
			if (count)
				(*count)++;
			if (!bfs_enqueue(entry))
				return BFS_EQUEUEFULL;
		}
	}
	return BFS_RNOMATCH;
}

static void print_bfs_bug(int ret)
{
	if (!debug_locks_off_graph_unlock())
		return;
	WARN(1, "lockdep bfs error:%d\n", ret);
}

static unsigned int get_lock_depth(struct lock_list *child)
{
	unsigned int depth = 0;

	while ((child = child->parent))
		depth++;
	return depth;
}

static void print_circular_bug_entry(struct lock_list *target, unsigned int depth)
{
	printk("\n-> #%u", depth);
	print_lock_name(target->class);
	printk(KERN_CONT ":\n");
	print_lock_trace(target->trace, 6);
}

/*
 * CPU0 holds @tgt and wants @src; CPU1 went the other way round: it holds
 * @parent, the last class of the existing path before @tgt, and wants @tgt.
 */
static void print_circular_lock_scenario(struct held_lock *src, struct held_lock *tgt,
					 struct lock_list *prt)
{
	struct lock_class *source = hlock_class(src);
	struct lock_class *target = hlock_class(tgt);
	struct lock_class *parent = prt->class;

	if (parent != source) {
		printk("Chain exists of:\n  ");
		__print_lock_name(source);
		printk(KERN_CONT " --> ");
		__print_lock_name(parent);
		printk(KERN_CONT " --> ");
		__print_lock_name(target);
		printk(KERN_CONT "\n\n");
	}
	printk(" Possible unsafe locking scenario:\n\n");
	printk("       CPU0                    CPU1\n");
	printk("       ----                    ----\n");
	printk("  lock(");
	__print_lock_name(target);
	printk(KERN_CONT ");\n");
	printk("                               lock(");
	__print_lock_name(parent);
	printk(KERN_CONT ");\n");
	printk("                               lock(");
	__print_lock_name(target);
	printk(KERN_CONT ");\n");
	printk("  lock(");
	__print_lock_name(source);
	printk(KERN_CONT ");\n");
	printk("\n *** DEADLOCK ***\n\n");
}

/*
 * @this is the new lock's entry (the search's start), @target where the
 * search found the held lock: the existing path is target -> ... -> this
 * through the parents, printed from the held lock down to the new one.
 */
static void print_circular_bug(struct lock_list *this, struct lock_list *target,
			       struct held_lock *check_src, struct held_lock *check_tgt)
{
	/* The new dependency's trace: this report is the only one printed. */
	static unsigned long now[LOCK_TRACE_SIZE_IN_LONGS + LOCK_TRACE_DEPTH];
	struct lock_trace *trace = (struct lock_trace *)now;
	struct task_struct *curr = current;
	struct lock_list *parent;
	unsigned int depth;

	if (!debug_locks_off_graph_unlock())
		return;
	trace->nr_entries = save_entries(trace->entries, LOCK_TRACE_DEPTH);
	this->trace = trace;

	depth = get_lock_depth(target);
	print_report_header("WARNING: possible circular locking dependency detected");
	pr_warn("%s/%d is trying to acquire lock:\n", curr->comm, curr->pid);
	print_lock(check_src);
	pr_warn("\nbut task is already holding lock:\n");
	print_lock(check_tgt);
	pr_warn("\nwhich lock already depends on the new lock.\n\n");
	pr_warn("\nthe existing dependency chain (in reverse order) is:\n");
	print_circular_bug_entry(target, depth);
	for (parent = target->parent; parent; parent = parent->parent)
		print_circular_bug_entry(parent, --depth);
	printk("\nother info that might help us debug this:\n\n");
	print_circular_lock_scenario(check_src, check_tgt, target->parent);
	print_report_footer(curr);
	this->trace = NULL;
}

/* Would the edge @target -> @src close a cycle, i.e. is there a path src -> target? */
static int check_noncircular(struct held_lock *src, struct held_lock *target)
{
	struct lock_list src_entry = { .class = hlock_class(src) };
	struct lock_list *target_entry;
	enum bfs_result ret;

	ret = __bfs(&src_entry, hlock_class(target), true, &target_entry, NULL);
	if (ret == BFS_RMATCH) {
		print_circular_bug(&src_entry, target_entry, src, target);
		return 0;
	}
	if (ret == BFS_EQUEUEFULL) {
		print_bfs_bug(ret);
		return 0;
	}
	return 1;
}

/* Count the classes one search from @class reaches, under the graph lock. */
static unsigned long lockdep_count_deps(struct lock_class *class, bool forwards)
{
	struct lock_list this = { .class = class }, *unused;
	unsigned long count = 0, flags = arch_local_irq_save();

	arch_spin_lock(&__lockdep_lock);
	__bfs(&this, NULL, forwards, &unused, &count);
	arch_spin_unlock(&__lockdep_lock);
	arch_local_irq_restore(flags);
	return count;
}

/**
 * lockdep_count_forward_deps - how many classes can be taken after @class
 * @class: the class
 *
 * Takes the graph lock (interrupts off) for the search.
 * Return: the classes reachable along locks_after edges.
 * Linux: lockdep_count_forward_deps() (the FD column of /proc/lockdep)
 */
unsigned long lockdep_count_forward_deps(struct lock_class *class)
{
	return lockdep_count_deps(class, true);
}

/**
 * lockdep_count_backward_deps - how many classes can be held when @class is taken
 * @class: the class
 * Return: the classes reachable along locks_before edges.
 * Linux: lockdep_count_backward_deps() (the BD column of /proc/lockdep)
 */
unsigned long lockdep_count_backward_deps(struct lock_class *class)
{
	return lockdep_count_deps(class, false);
}

/**
 * lockdep_nr_direct_deps - how many edges the graph has
 * Return: the number of A -> B dependencies learnt.
 * Linux: nr_list_entries / 2 ("direct dependencies" in /proc/lockdep_stats)
 */
unsigned long lockdep_nr_direct_deps(void)
{
	return READ_ONCE(nr_list_entries) / 2;
}

/* @prev is held and @next is being taken: add prev -> next unless it closes a cycle. */
static int check_prev_add(struct task_struct *curr, struct held_lock *prev,
			  struct held_lock *next, unsigned long distance,
			  const struct lock_trace **trace)
{
	struct lock_class *pc = hlock_class(prev), *nc = hlock_class(next);
	struct lock_list *entry;

	/*
	 * An edge we have is no news: it was checked when added, and the
	 * graph has stayed free of cycles since.
	 */
	list_for_each_entry(entry, &pc->locks_after, entry) {
		if (entry->class == nc) {
			if (distance == 1)
				entry->distance = 1;
			return 1;
		}
	}
	if (!check_noncircular(next, prev))
		return 0;
	if (!*trace) {
		*trace = save_trace();
		if (!*trace)
			return 0;
	}
	if (!add_lock_to_list(nc, pc, &pc->locks_after, distance, *trace))
		return 0;
	if (!add_lock_to_list(pc, nc, &nc->locks_before, distance, *trace))
		return 0;
	return 2;
}

/*
 * Edges from the held locks to @next: from the top one, and from each
 * trylock above the first real acquire (a trylock's own edges were never
 * added). Only within @next's interrupt context: an interrupt's locks do
 * not wait for what the interrupted code holds.
 */
static int check_prevs_add(struct task_struct *curr, struct held_lock *next)
{
	const struct lock_trace *trace = NULL;
	int depth = curr->lockdep_depth;

	for (;;) {
		struct held_lock *hlock = curr->held_locks + depth - 1;
		unsigned long distance = curr->lockdep_depth - depth + 1;

		if (hlock->check) {
			if (!check_prev_add(curr, hlock, next, distance, &trace))
				return 0;
			if (!hlock->trylock)
				break;
		}
		depth--;
		if (!depth)
			break;
		if (curr->held_locks[depth].irq_context != curr->held_locks[depth - 1].irq_context)
			break;
	}
	return 1;
}

/* --- recursion ----------------------------------------------------- */

static void print_deadlock_scenario(struct held_lock *nxt, struct held_lock *prv)
{
	struct lock_class *next = hlock_class(nxt);
	struct lock_class *prev = hlock_class(prv);

	printk(" Possible unsafe locking scenario:\n\n");
	printk("       CPU0\n");
	printk("       ----\n");
	printk("  lock(");
	__print_lock_name(prev);
	printk(KERN_CONT ");\n");
	printk("  lock(");
	__print_lock_name(next);
	printk(KERN_CONT ");\n");
	printk("\n *** DEADLOCK ***\n\n");
	printk(" May be due to missing lock nesting notation\n\n");
}

static void print_deadlock_bug(struct task_struct *curr, struct held_lock *prev,
			       struct held_lock *next)
{
	if (!debug_locks_off_graph_unlock())
		return;
	print_report_header("WARNING: possible recursive locking detected");
	pr_warn("%s/%d is trying to acquire lock:\n", curr->comm, curr->pid);
	print_lock(next);
	pr_warn("\nbut task is already holding lock:\n");
	print_lock(prev);
	pr_warn("\nother info that might help us debug this:\n");
	print_deadlock_scenario(next, prev);
	print_report_footer(curr);
}

/* Taking a class this task already holds: the second waits for the first forever. */
static int check_deadlock(struct task_struct *curr, struct held_lock *next)
{
	for (int i = 0; i < curr->lockdep_depth; i++) {
		struct held_lock *prev = curr->held_locks + i;

		if (prev->class_idx != next->class_idx)
			continue;
		print_deadlock_bug(curr, prev, next);
		return 0;
	}
	return 1;
}

/* --- lock chains --------------------------------------------------- */

static inline u64 iterate_chain_key(u64 key, u32 idx)
{
	/* Order matters: A then B is another chain than B then A. */
	key ^= (u64)idx + 0x9E3779B97F4A7C15ULL + (key << 6) + (key >> 2);
	return key;
}

static inline unsigned int chainhash(u64 chain_key)
{
	return (chain_key * 0x9E3779B97F4A7C15ULL) >> (64 - CHAINHASH_BITS);
}

/* The first held lock of @hlock's interrupt context: where its chain starts. */
static int get_first_held_lock(struct task_struct *curr, struct held_lock *hlock)
{
	int i;

	for (i = curr->lockdep_depth - 1; i >= 0; i--)
		if (curr->held_locks[i].irq_context != hlock->irq_context)
			break;
	return i + 1;
}

/* The classes of @chain are held_locks[first..] and then @hlock's: not a hash collision. */
static bool chain_matches(struct lock_chain *chain, struct task_struct *curr,
			  struct held_lock *hlock, int first, int depth)
{
	if (chain->depth != depth || chain->irq_context != hlock->irq_context)
		return false;
	for (int j = 0; j < depth - 1; j++)
		if (chain_hlocks[chain->base + j] != curr->held_locks[first + j].class_idx)
			return false;
	return chain_hlocks[chain->base + depth - 1] == hlock->class_idx;
}

static struct lock_chain *lookup_chain_cache(struct task_struct *curr, struct held_lock *hlock,
					     u64 chain_key, int first, int depth)
{
	struct lock_chain *chain = READ_ONCE(chainhash_table[chainhash(chain_key)]);

	for (; chain; chain = READ_ONCE(chain->hash_next))
		if (chain->chain_key == chain_key &&
		    chain_matches(chain, curr, hlock, first, depth))
			return chain;
	return NULL;
}

/*
 * Return 1 with the graph lock held if the chain is new (the caller
 * validates it), 0 if it was validated before (or the validator is off).
 */
static int lookup_chain_cache_add(struct task_struct *curr, struct held_lock *hlock,
				  u64 chain_key)
{
	int first = get_first_held_lock(curr, hlock);
	int depth = curr->lockdep_depth + 1 - first;
	struct lock_chain *chain;
	unsigned int hash;

	if (lookup_chain_cache(curr, hlock, chain_key, first, depth))
		return 0;
	if (!graph_lock())
		return 0;
	if (lookup_chain_cache(curr, hlock, chain_key, first, depth)) {
		graph_unlock();
		return 0;
	}
	if (nr_lock_chains >= MAX_LOCKDEP_CHAINS) {
		lockdep_table_full("BUG: MAX_LOCKDEP_CHAINS too low!");
		return 0;
	}
	if (nr_chain_hlocks + depth > MAX_LOCKDEP_CHAIN_HLOCKS) {
		lockdep_table_full("BUG: MAX_LOCKDEP_CHAIN_HLOCKS too low!");
		return 0;
	}
	chain = lock_chains + nr_lock_chains;
	chain->chain_key = chain_key;
	chain->irq_context = hlock->irq_context;
	chain->depth = depth;
	chain->base = nr_chain_hlocks;
	for (int j = 0; j < depth - 1; j++)
		chain_hlocks[chain->base + j] = curr->held_locks[first + j].class_idx;
	chain_hlocks[chain->base + depth - 1] = hlock->class_idx;
	nr_chain_hlocks += depth;
	hash = chainhash(chain_key);
	chain->hash_next = chainhash_table[hash];
	smp_store_release(&chainhash_table[hash], chain);
	smp_store_release(&nr_lock_chains, nr_lock_chains + 1);
	return 1;
}

/* A new chain: no class twice, and no edge that closes a cycle. */
static int validate_chain(struct task_struct *curr, struct held_lock *hlock, int chain_head,
			  u64 chain_key)
{
	if (hlock->trylock || !hlock->check)
		return 1;
	if (!lookup_chain_cache_add(curr, hlock, chain_key))
		return debug_locks;
	if (!check_deadlock(curr, hlock))
		return 0;
	if (!chain_head && !check_prevs_add(curr, hlock))
		return 0;
	graph_unlock();
	return 1;
}

/* --- interrupt state ----------------------------------------------- */

static void print_usage_bug_scenario(struct held_lock *lock)
{
	struct lock_class *class = hlock_class(lock);

	printk(" Possible unsafe locking scenario:\n\n");
	printk("       CPU0\n");
	printk("       ----\n");
	printk("  lock(");
	__print_lock_name(class);
	printk(KERN_CONT ");\n");
	printk("  <Interrupt>\n");
	printk("    lock(");
	__print_lock_name(class);
	printk(KERN_CONT ");\n");
	printk("\n *** DEADLOCK ***\n\n");
}

static void print_usage_bug(struct task_struct *curr, struct held_lock *this,
			    enum lock_usage_bit prev_bit, enum lock_usage_bit new_bit)
{
	if (!debug_locks_off_graph_unlock())
		return;
	print_report_header("WARNING: inconsistent lock state");
	pr_warn("inconsistent {%s} -> {%s} usage.\n", usage_str[prev_bit], usage_str[new_bit]);
	pr_warn("%s/%d [HC%u[%lu]:SC%u[%lu]:HE%u:SE%u] takes:\n", curr->comm, curr->pid,
		!!(this->irq_context & LOCK_CHAIN_HARDIRQ_CONTEXT),
		(unsigned long)(preempt_count() & HARDIRQ_MASK) >> HARDIRQ_SHIFT,
		!!(this->irq_context & LOCK_CHAIN_SOFTIRQ_CONTEXT),
		(unsigned long)(preempt_count() & SOFTIRQ_MASK) >> SOFTIRQ_SHIFT,
		(unsigned int)!this->hardirqs_off, !in_softirq());
	print_lock(this);
	pr_warn("{%s} state was registered at:\n", usage_str[prev_bit]);
	print_lock_trace(hlock_class(this)->usage_traces[prev_bit], 1);
	pr_warn("\nother info that might help us debug this:\n");
	print_usage_bug_scenario(this);
	print_report_footer(curr);
}

/* The opposite direction's bit, e.g. HARDIRQ-ON-W for IN-HARDIRQ-W/R. */
static inline int exclusive_bit(int new_bit)
{
	int state = new_bit & LOCK_USAGE_STATE_MASK;
	int dir = new_bit & LOCK_USAGE_DIR_MASK;

	return state | (dir ^ LOCK_USAGE_DIR_MASK);
}

static int valid_state(struct task_struct *curr, struct held_lock *this,
		       enum lock_usage_bit new_bit, enum lock_usage_bit bad_bit)
{
	if (unlikely(hlock_class(this)->usage_mask & (1U << bad_bit))) {
		print_usage_bug(curr, this, bad_bit, new_bit);
		return 0;
	}
	return 1;
}

/* With the graph lock held: may the class have both @new_bit and what it had? */
static int mark_lock_irq(struct task_struct *curr, struct held_lock *this,
			 enum lock_usage_bit new_bit)
{
	int excl_bit = exclusive_bit(new_bit);
	int read = new_bit & LOCK_USAGE_READ_MASK;

	if (!valid_state(curr, this, new_bit, excl_bit))
		return 0;
	if (!read && !valid_state(curr, this, new_bit, excl_bit + LOCK_USAGE_READ_MASK))
		return 0;
	return 1;
}

/* Set a usage bit of @this's class (first time: with its backtrace, and checked). */
static int mark_lock(struct task_struct *curr, struct held_lock *this,
		     enum lock_usage_bit new_bit)
{
	struct lock_class *class = hlock_class(this);
	unsigned int new_mask = 1U << new_bit;

	if (likely(READ_ONCE(class->usage_mask) & new_mask))
		return 1;
	if (!graph_lock())
		return 0;
	if (unlikely(class->usage_mask & new_mask)) {
		graph_unlock();
		return 1;
	}
	WRITE_ONCE(class->usage_mask, class->usage_mask | new_mask);
	class->usage_traces[new_bit] = save_trace();
	if (!class->usage_traces[new_bit])
		return 0;
	if (new_bit < LOCK_USED && !mark_lock_irq(curr, this, new_bit))
		return 0;
	graph_unlock();
	return 1;
}

/*
 * Which contexts @hlock's class is now known to be taken in. Softirqs are
 * "enabled" unless one is being served (Spindle has no local_bh_disable()).
 */
static int mark_usage(struct task_struct *curr, struct held_lock *hlock, int check)
{
	if (check) {
		if (!hlock->trylock && (hlock->irq_context & LOCK_CHAIN_HARDIRQ_CONTEXT) &&
		    !mark_lock(curr, hlock, LOCK_USED_IN_HARDIRQ))
			return 0;
		if (!hlock->trylock && (hlock->irq_context & LOCK_CHAIN_SOFTIRQ_CONTEXT) &&
		    !mark_lock(curr, hlock, LOCK_USED_IN_SOFTIRQ))
			return 0;
		if (!hlock->hardirqs_off) {
			if (!mark_lock(curr, hlock, LOCK_ENABLED_HARDIRQ))
				return 0;
			if (!in_softirq() && !mark_lock(curr, hlock, LOCK_ENABLED_SOFTIRQ))
				return 0;
		}
	}
	return mark_lock(curr, hlock, LOCK_USED);
}

/* --- acquire and release ------------------------------------------- */

static void print_lock_depth_bug(struct task_struct *curr)
{
	if (!lockdep_report_begin())
		return;
	print_lockdep_off("BUG: MAX_LOCK_DEPTH too low!");
	printk(KERN_DEBUG "depth: %i  max: %lu!\n", curr->lockdep_depth, MAX_LOCK_DEPTH);
	lockdep_print_held_locks(curr);
	dump_stack();
}

/* Push @lock on current's stack, validating it first. Interrupts are off. */
static int __lock_acquire(struct lockdep_map *lock, unsigned int subclass, int trylock,
			  int check, int hardirqs_off, unsigned long ip)
{
	struct task_struct *curr = current;
	struct lock_class *class = NULL;
	struct held_lock *hlock;
	int depth = curr->lockdep_depth;
	int chain_head = 0;
	u64 chain_key;

	if (!subclass)
		class = READ_ONCE(lock->class_cache);
	if (!class) {
		class = register_lock_class(lock, subclass);
		if (!class)
			return 0;
	}
	if (depth >= (int)MAX_LOCK_DEPTH) {
		print_lock_depth_bug(curr);
		return 0;
	}
	hlock = curr->held_locks + depth;
	hlock->class_idx = class - lock_classes;
	hlock->acquire_ip = ip;
	hlock->instance = lock;
	hlock->trylock = trylock;
	hlock->check = check;
	hlock->hardirqs_off = !!hardirqs_off;
	hlock->irq_context = task_irq_context();

	if (!mark_usage(curr, hlock, check) && !(debug_locks && debug_locks_silent))
		return 0;

	chain_key = curr->curr_chain_key;
	if (!depth || curr->held_locks[depth - 1].irq_context != hlock->irq_context) {
		/* The first lock of this context starts a new chain. */
		chain_key = INITIAL_CHAIN_KEY;
		chain_head = 1;
	}
	hlock->prev_chain_key = chain_key;
	chain_key = iterate_chain_key(chain_key, hlock->class_idx);
	/* A silenced report (the validator's tests) still takes the lock. */
	if (!validate_chain(curr, hlock, chain_head, chain_key) &&
	    !(debug_locks && debug_locks_silent))
		return 0;
	curr->curr_chain_key = chain_key;
	curr->lockdep_depth++;
	return 1;
}

/*
 * Entering the validator from a hook: interrupts off (an interrupt's locks
 * go on this same stack), and the recursion count up, so the locks the
 * validator itself takes (printk()'s) are not validated.
 */
static __always_inline bool lockdep_enter(unsigned long *flags)
{
	struct task_struct *curr = current;

	if (unlikely(!debug_locks || !curr || curr->lockdep_recursion))
		return false;
	*flags = arch_local_irq_save();
	curr->lockdep_recursion++;
	/* Inlined: the hook's own frame, whose return address is the lock operation. */
	lockdep_frame[smp_processor_id()] = __builtin_frame_address(0);
	return true;
}

static void lockdep_exit(unsigned long flags)
{
	lockdep_frame[smp_processor_id()] = NULL;
	current->lockdep_recursion--;
	arch_local_irq_restore(flags);
}

/**
 * lock_acquire - the validator's hook: @lock is about to be taken
 * @lock: the lock's map
 * @subclass: the nesting level (0 unless spin_lock_nested() and friends)
 * @trylock: 1 for a trylock that succeeded (it cannot deadlock)
 * @read: 0 (Spindle has no reader-writer locks)
 * @check: 1 to validate, 0 only to track
 * @nest_lock: NULL (Spindle has no nest_lock users)
 * @ip: where (_RET_IP_ of the lock operation)
 *
 * Called before spinning or sleeping, so a deadlock is reported before
 * it happens.
 * Linux: lock_acquire()
 */
void lock_acquire(struct lockdep_map *lock, unsigned int subclass, int trylock, int read,
		  int check, struct lockdep_map *nest_lock, unsigned long ip)
{
	unsigned long flags;

	if (!lockdep_enter(&flags))
		return;
	__lock_acquire(lock, subclass, trylock, check, arch_irqs_disabled_flags(flags), ip);
	lockdep_exit(flags);
}

static void print_unlock_imbalance_bug(struct task_struct *curr, struct lockdep_map *lock,
				       unsigned long ip)
{
	if (!lockdep_report_begin())
		return;
	print_report_header("WARNING: bad unlock balance detected!");
	pr_warn("%s/%d is trying to release lock (%s) at:\n", curr->comm, curr->pid, lock->name);
	printk("[<%px>] %pS\n", (void *)ip, (void *)ip);
	pr_warn("but there are no more locks to release!\n");
	pr_warn("\nother info that might help us debug this:\n");
	print_report_footer(curr);
}

static struct held_lock *find_held_lock(struct task_struct *curr, const struct lockdep_map *lock,
					int depth, int *idx)
{
	for (int i = depth - 1; i >= 0; i--) {
		if (curr->held_locks[i].instance == lock) {
			*idx = i;
			return curr->held_locks + i;
		}
	}
	return NULL;
}

/*
 * Locks above a released (or re-classed) one go back on the stack, each
 * validated again: their chains changed.
 */
static int reacquire_held_locks(struct task_struct *curr, int depth, int idx)
{
	for (; idx < depth; idx++) {
		struct held_lock saved = curr->held_locks[idx];

		if (!__lock_acquire(saved.instance, hlock_class(&saved)->subclass, saved.trylock,
				    saved.check, saved.hardirqs_off, saved.acquire_ip))
			return 0;
	}
	return 1;
}

static int __lock_release(struct lockdep_map *lock, unsigned long ip)
{
	struct task_struct *curr = current;
	int depth = curr->lockdep_depth, i;
	struct held_lock *hlock;

	if (depth <= 0 || !(hlock = find_held_lock(curr, lock, depth, &i))) {
		print_unlock_imbalance_bug(curr, lock, ip);
		return 0;
	}
	curr->lockdep_depth = i;
	curr->curr_chain_key = hlock->prev_chain_key;
	if (i == depth - 1)
		return 1;
	return reacquire_held_locks(curr, depth, i + 1);
}

/**
 * lock_release - the validator's hook: @lock is being released
 * @lock: the lock's map
 * @ip: where (_RET_IP_ of the unlock operation)
 *
 * Releasing a lock the task does not hold is "bad unlock balance".
 * Linux: lock_release()
 */
void lock_release(struct lockdep_map *lock, unsigned long ip)
{
	unsigned long flags;

	if (!lockdep_enter(&flags))
		return;
	__lock_release(lock, ip);
	lockdep_exit(flags);
}

/**
 * lock_set_subclass - move a held lock to another nesting level
 * @lock: the lock's map, held by current
 * @subclass: the new level
 * @ip: where
 *
 * For a lock taken as the second of two (SINGLE_DEPTH_NESTING) that
 * stays held after the first is released, as after double_unlock_balance().
 * Linux: lock_set_subclass()
 */
void lock_set_subclass(struct lockdep_map *lock, unsigned int subclass, unsigned long ip)
{
	struct task_struct *curr = current;
	struct held_lock *hlock;
	struct lock_class *class;
	unsigned long flags;
	int depth, i;

	if (!lockdep_enter(&flags))
		return;
	depth = curr->lockdep_depth;
	hlock = find_held_lock(curr, lock, depth, &i);
	if (!hlock) {
		print_unlock_imbalance_bug(curr, lock, ip);
	} else if ((class = register_lock_class(lock, subclass))) {
		hlock->class_idx = class - lock_classes;
		curr->lockdep_depth = i;
		curr->curr_chain_key = hlock->prev_chain_key;
		reacquire_held_locks(curr, depth, i);
	}
	lockdep_exit(flags);
}

/**
 * lock_is_held - is @lock on the current task's held-lock stack?
 * @lock: the lock's map
 *
 * Return: 1 if held, 0 if not; 1 while the validator does not track
 * this task (off after its first report, or lockdep_off()), so that the
 * assertions built on it stay quiet when it cannot know.
 * Linux: lock_is_held()
 */
int lock_is_held(const struct lockdep_map *lock)
{
	struct task_struct *curr = current;
	int i;

	if (unlikely(!debug_locks || !curr || curr->lockdep_recursion))
		return 1;
	return find_held_lock(curr, lock, READ_ONCE(curr->lockdep_depth), &i) != NULL;
}

/**
 * lockdep_init_task - a new task holds nothing
 * @task: the task (a copy of its parent until now)
 * Linux: lockdep_init_task()
 */
void lockdep_init_task(struct task_struct *task)
{
	task->lockdep_depth = 0;
	task->curr_chain_key = INITIAL_CHAIN_KEY;
	task->lockdep_recursion = 0;
}

/**
 * lockdep_off - stop validating the current task's lock operations
 *
 * For code that breaks the rules on purpose (the spinlock debug checks'
 * tests): its locks are neither tracked nor checked until lockdep_on().
 * Linux: lockdep_off()
 */
void lockdep_off(void)
{
	current->lockdep_recursion += LOCKDEP_OFF;
}

/**
 * lockdep_on - undo lockdep_off()
 * Linux: lockdep_on()
 */
void lockdep_on(void)
{
	current->lockdep_recursion -= LOCKDEP_OFF;
}

/* --- locks that outlive their memory or their task ----------------- */

static void print_freed_lock_bug(struct task_struct *curr, const void *mem_from,
				 const void *mem_to, struct held_lock *hlock)
{
	if (!lockdep_report_begin())
		return;
	print_report_header("WARNING: held lock freed!");
	pr_warn("%s/%d is freeing memory %px-%px, with a lock still held there!\n",
		curr->comm, curr->pid, mem_from, mem_to - 1);
	print_lock(hlock);
	print_report_footer(curr);
}

/**
 * debug_check_no_locks_freed - report a held lock inside memory being freed
 * @mem_from: the start of the memory
 * @mem_len: its length
 *
 * kfree(), kmem_cache_free(), vfree() and free_pages() call it: the next
 * unlock would write into freed memory.
 * Linux: debug_check_no_locks_freed()
 */
void debug_check_no_locks_freed(const void *mem_from, unsigned long mem_len)
{
	struct task_struct *curr = current;
	unsigned long flags, from = (unsigned long)mem_from;

	if (unlikely(!debug_locks || !curr))
		return;
	flags = arch_local_irq_save();
	for (int i = 0; i < curr->lockdep_depth; i++) {
		struct held_lock *hlock = curr->held_locks + i;
		unsigned long lock = (unsigned long)hlock->instance;

		if (lock + sizeof(*hlock->instance) <= from || lock >= from + mem_len)
			continue;
		print_freed_lock_bug(curr, mem_from, (const char *)mem_from + mem_len, hlock);
		break;
	}
	arch_local_irq_restore(flags);
}

/**
 * debug_check_no_locks_held - report locks held by a task that is exiting
 *
 * do_exit() calls it: nobody would ever release them.
 * Linux: debug_check_no_locks_held()
 */
void debug_check_no_locks_held(void)
{
	struct task_struct *curr = current;
	char title[64];

	if (likely(!curr->lockdep_depth) || !lockdep_report_begin())
		return;
	snprintf(title, sizeof(title), "WARNING: %s/%d still has locks held!",
		 curr->comm, curr->pid);
	print_report_header(title);
	print_report_footer(curr);
}

/**
 * lockdep_sys_exit - report locks held on the way back to user space
 *
 * The exit to user mode calls it: a system call must release what it took.
 * Linux: lockdep_sys_exit()
 */
void lockdep_sys_exit(void)
{
	struct task_struct *curr = current;

	if (likely(!curr->lockdep_depth) || !debug_locks || !lockdep_report_begin())
		return;
	print_report_header("WARNING: lock held when returning to user space!");
	pr_warn("%s/%d is leaving the kernel with locks still held!\n", curr->comm, curr->pid);
	lockdep_print_held_locks(curr);
}

#endif /* CONFIG_LOCKDEP */
