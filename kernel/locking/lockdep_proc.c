// SPDX-License-Identifier: GPL-2.0
/*
 * What the lock validator has learnt, as Linux's /proc files show it: the
 * classes with their dependencies (/proc/lockdep), the validated lock
 * chains (/proc/lockdep_chains) and the table sizes (/proc/lockdep_stats).
 * The shell's `lockdep` command prints them; a KUnit boot prints the
 * stats at its end.
 * The tables only grow, and an entry is complete before the count or the
 * list shows it, so these readers take no lock (the dependency counts
 * take the graph lock for their search).
 * Linux: kernel/locking/lockdep_proc.c
 */
#include <linux/atomic.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/printer.h>
#include "lockdep_internals.h"

#if CONFIG_LOCKDEP

/**
 * lockdep_show - list every lock class and what is taken after it
 * @p: where the lines go
 *
 * One line per class: its key, how many classes can follow it (FD) and
 * precede it (BD), its usage letters and name; then one "->" line per
 * class taken right after it.
 * Linux: /proc/lockdep (l_show())
 */
void lockdep_show(const struct printer *p)
{
	unsigned long nr = smp_load_acquire(&nr_lock_classes);
	char name[KSYM_NAME_LEN], usage[LOCK_USAGE_CHARS];

	printer_printf(p, "all lock classes:\n");
	for (unsigned long i = 0; i < nr; i++) {
		struct lock_class *class = lock_classes + i;
		struct list_head *pos;

		get_usage_chars(class, usage);
		sprint_lock_name(name, sizeof(name), class);
		printer_printf(p, "%p FD: %5lu BD: %5lu %s: %s\n", class->key,
			       lockdep_count_forward_deps(class),
			       lockdep_count_backward_deps(class), usage, name);
		for (pos = READ_ONCE(class->locks_after.next); pos != &class->locks_after;
		     pos = READ_ONCE(pos->next)) {
			struct lock_list *entry = list_entry(pos, struct lock_list, entry);

			if (entry->distance != 1)
				continue;
			sprint_lock_name(name, sizeof(name), entry->class);
			printer_printf(p, " -> [%p] %s\n", entry->class->key, name);
		}
		printer_printf(p, "\n");
	}
}

/**
 * lockdep_chains_show - list every validated lock chain
 * @p: where the lines go
 *
 * Each chain: its interrupt context, then its classes, outermost first.
 * Linux: /proc/lockdep_chains (lc_show())
 */
void lockdep_chains_show(const struct printer *p)
{
	static const char *const irq_strs[] = { "0", "hardirq", "softirq", "softirq|hardirq" };
	unsigned long nr = smp_load_acquire(&nr_lock_chains);
	char name[KSYM_NAME_LEN];

	printer_printf(p, "all lock chains:\n");
	for (unsigned long i = 0; i < nr; i++) {
		struct lock_chain *chain = lock_chains + i;

		printer_printf(p, "irq_context: %s\n", irq_strs[chain->irq_context]);
		for (unsigned int j = 0; j < chain->depth; j++) {
			struct lock_class *class = lock_classes + chain_hlocks[chain->base + j];

			sprint_lock_name(name, sizeof(name), class);
			printer_printf(p, "[%p] %s\n", class->key, name);
		}
		printer_printf(p, "\n");
	}
}

/**
 * lockdep_stats_show - the validator's table use, and whether it is on
 * @p: where the lines go
 * Linux: /proc/lockdep_stats (lockdep_stats_show())
 */
void lockdep_stats_show(const struct printer *p)
{
	printer_printf(p, " lock-classes:                          %11lu [max: %lu]\n",
		       READ_ONCE(nr_lock_classes), MAX_LOCKDEP_KEYS);
	printer_printf(p, " direct dependencies:                   %11lu [max: %lu]\n",
		       lockdep_nr_direct_deps(), MAX_LOCKDEP_ENTRIES / 2);
	printer_printf(p, " dependency chains:                     %11lu [max: %lu]\n",
		       READ_ONCE(nr_lock_chains), MAX_LOCKDEP_CHAINS);
	printer_printf(p, " stack-trace entries:                   %11lu [max: %lu]\n",
		       READ_ONCE(nr_stack_trace_entries), MAX_STACK_TRACE_ENTRIES);
	printer_printf(p, " debug_locks:                           %11u\n", READ_ONCE(debug_locks));
}

#endif /* CONFIG_LOCKDEP */
