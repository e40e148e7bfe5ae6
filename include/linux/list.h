/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Circular doubly linked lists with a sentinel head: the list_head API.
 * A struct embeds a struct list_head and list_entry() (container_of) gets
 * back from the node to the struct. No locking here: callers protect a
 * list with whatever lock guards the structure that owns the head.
 * Linux: include/linux/list.h
 */
#ifndef _LINUX_LIST_H
#define _LINUX_LIST_H

#include <linux/atomic.h>	/* smp_load_acquire(), smp_store_release() */
#include <linux/stddef.h>
#include <linux/types.h>

/* Freed-and-unlinked nodes point here, so a use after list_del() faults. */
#define LIST_POISON1 ((struct list_head *)0xdead000000000100UL)
#define LIST_POISON2 ((struct list_head *)0xdead000000000122UL)

#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)

static inline void INIT_LIST_HEAD(struct list_head *list)
{
	/* next, then prev: list_empty_careful() relies on that order. */
	WRITE_ONCE(list->next, list);
	WRITE_ONCE(list->prev, list);
}

/* Link @entry between two known consecutive nodes. */
static inline void __list_add(struct list_head *entry, struct list_head *prev,
			      struct list_head *next)
{
	next->prev = entry;
	entry->next = next;
	entry->prev = prev;
	prev->next = entry;
}

/* list_add - insert @entry right after @head (stack order). */
static inline void list_add(struct list_head *entry, struct list_head *head)
{
	__list_add(entry, head, head->next);
}

/* list_add_tail - insert @entry right before @head (queue order). */
static inline void list_add_tail(struct list_head *entry, struct list_head *head)
{
	__list_add(entry, head->prev, head);
}

static inline void __list_del(struct list_head *prev, struct list_head *next)
{
	next->prev = prev;
	prev->next = next;
}

/* list_del - unlink @entry and poison it: it is on no list afterwards. */
static inline void list_del(struct list_head *entry)
{
	__list_del(entry->prev, entry->next);
	entry->next = LIST_POISON1;
	entry->prev = LIST_POISON2;
}

/* list_del_init - unlink @entry and leave it an empty list of its own. */
static inline void list_del_init(struct list_head *entry)
{
	__list_del(entry->prev, entry->next);
	INIT_LIST_HEAD(entry);
}

/*
 * list_del_init_careful - list_del_init() for an entry whose owner may
 * test it with list_empty_careful() without the lock
 * @entry: the entry to unlink, under the lock that guards its list
 *
 * prev is set first and next last, with release order: a CPU that sees
 * next pointing back at @entry (list_empty_careful()'s acquire load)
 * sees every store of the unlinking, and we touch @entry no more. Its
 * owner may then reuse the memory (a wait entry on its stack).
 * Linux: list_del_init_careful()
 */
static inline void list_del_init_careful(struct list_head *entry)
{
	__list_del(entry->prev, entry->next);
	WRITE_ONCE(entry->prev, entry);
	smp_store_release(&entry->next, entry);
}

/* list_move_tail - unlink @entry and add it at the tail of @head. */
static inline void list_move_tail(struct list_head *entry, struct list_head *head)
{
	__list_del(entry->prev, entry->next);
	list_add_tail(entry, head);
}

/* list_move - unlink @entry and add it right after @head. */
static inline void list_move(struct list_head *entry, struct list_head *head)
{
	__list_del(entry->prev, entry->next);
	list_add(entry, head);
}

static inline int list_empty(const struct list_head *head)
{
	return READ_ONCE(head->next) == head;
}

/*
 * list_empty_careful - is @head empty, with no unlinking still under way?
 * @head: the list (or entry) to test, possibly without its lock
 *
 * list_empty() looks at next alone. Another CPU unlinking @head under the
 * lock writes next and then prev (list_del_init()): list_empty() can say
 * "empty" between the two stores, and an owner that then frees or reuses
 * @head (finish_wait()'s entry is on its stack; the function returns)
 * has the other CPU's prev store land in memory that is no longer a
 * list_head. Here both must point back at @head. Only safe when all
 * other users of the list hold its lock, so one CPU at most is changing
 * @head at a time; otherwise take the lock.
 * Return: true if @head is empty and nobody is still writing it.
 * Linux: list_empty_careful()
 */
static inline int list_empty_careful(const struct list_head *head)
{
	struct list_head *next = smp_load_acquire(&head->next);

	return next == head && next == READ_ONCE(head->prev);
}

static inline int list_is_singular(const struct list_head *head)
{
	return !list_empty(head) && head->next == head->prev;
}

static inline int list_is_last(const struct list_head *entry,
			       const struct list_head *head)
{
	return entry->next == head;
}

static inline void __list_splice(const struct list_head *list,
				 struct list_head *prev, struct list_head *next)
{
	struct list_head *first = list->next;
	struct list_head *last = list->prev;

	first->prev = prev;
	prev->next = first;
	last->next = next;
	next->prev = last;
}

/* list_splice - join @list in front of @head's entries; @list is left stale. */
static inline void list_splice(const struct list_head *list, struct list_head *head)
{
	if (!list_empty(list))
		__list_splice(list, head, head->next);
}

/* list_splice_tail - join @list after @head's entries; @list is left stale. */
static inline void list_splice_tail(struct list_head *list, struct list_head *head)
{
	if (!list_empty(list))
		__list_splice(list, head->prev, head);
}

/* list_splice_init - as list_splice() and leave @list empty. */
static inline void list_splice_init(struct list_head *list, struct list_head *head)
{
	if (!list_empty(list)) {
		__list_splice(list, head, head->next);
		INIT_LIST_HEAD(list);
	}
}

/* list_splice_tail_init - as list_splice_tail() and leave @list empty. */
static inline void list_splice_tail_init(struct list_head *list, struct list_head *head)
{
	if (!list_empty(list)) {
		__list_splice(list, head->prev, head);
		INIT_LIST_HEAD(list);
	}
}

static inline size_t list_count_nodes(const struct list_head *head)
{
	const struct list_head *pos;
	size_t count = 0;

	for (pos = head->next; pos != head; pos = pos->next)
		count++;
	return count;
}

#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(ptr, type, member) list_entry((ptr)->next, type, member)
#define list_last_entry(ptr, type, member) list_entry((ptr)->prev, type, member)
/* Reads ->next once: a concurrent emptying cannot turn the head into an entry. */
#define list_first_entry_or_null(ptr, type, member) ({			\
	struct list_head *head__ = (ptr);				\
	struct list_head *first__ = READ_ONCE(head__->next);		\
	first__ != head__ ? list_entry(first__, type, member) : NULL;	\
})
#define list_next_entry(pos, member) \
	list_entry((pos)->member.next, __typeof__(*(pos)), member)
#define list_entry_is_head(pos, head, member) (&(pos)->member == (head))

#define list_for_each(pos, head) \
	for (pos = (head)->next; pos != (head); pos = pos->next)

#define list_for_each_safe(pos, n, head) \
	for (pos = (head)->next, n = pos->next; pos != (head); pos = n, n = pos->next)

#define list_for_each_entry(pos, head, member)				\
	for (pos = list_first_entry(head, __typeof__(*pos), member);	\
	     !list_entry_is_head(pos, head, member);			\
	     pos = list_next_entry(pos, member))

#define list_prev_entry(pos, member) \
	list_entry((pos)->member.prev, __typeof__(*(pos)), member)

/* Last to first. */
#define list_for_each_entry_reverse(pos, head, member)			\
	for (pos = list_last_entry(head, __typeof__(*pos), member);	\
	     !list_entry_is_head(pos, head, member);			\
	     pos = list_prev_entry(pos, member))

/* Safe against removal of the current entry: @n already holds the next. */
#define list_for_each_entry_safe(pos, n, head, member)			\
	for (pos = list_first_entry(head, __typeof__(*pos), member),	\
	     n = list_next_entry(pos, member);				\
	     !list_entry_is_head(pos, head, member);			\
	     pos = n, n = list_next_entry(n, member))

#endif /* _LINUX_LIST_H */
