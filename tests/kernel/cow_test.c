// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "cow": fork()'s copy-on-write, seen from the page tables.
 * A kthread takes an address space of its own (kthread_use_mm()), maps
 * anonymous memory and writes to it; then it forks children the way a
 * user process forks (kernel_clone() without CLONE_VM: copy_mm() ->
 * dup_mm() -> dup_mmap() -> copy_page_range()). Each child runs in the
 * kernel on its copy of the mm, so both sides can be watched exactly:
 * which page frame each PTE maps, whether it is writable, the page's
 * reference count, and how many copies were made (nr_cow_copies).
 * This suite grades Lab 6 (labs/lab6-fork-cow.md).
 * Linux: mm/memory.c (copy_page_range, do_wp_page), LTP's fork tests
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/uaccess.h>
#include <asm/pgtable.h>
#include "test_util.h"

#define COW_PAGES	2

/* One side's view of the first page, as its own page tables say. */
struct pte_view {
	unsigned long pfn;
	bool present, writable;
	int refcount;
	u32 value;		/* what the side reads at the address */
};

struct cow_child {
	struct cow_case *c;
	struct completion looked;	/* the child recorded @before */
	struct completion go;		/* the parent says: write now */
	bool write;
	u32 new_value;
	int put_ret;
	struct pte_view before, after;
};

struct cow_case {
	struct kunit *test;
	struct completion done;
	unsigned long addr;	/* the mapping, in the parent and every child */
	struct mm_struct *mm;	/* the parent's */
	void (*body)(struct cow_case *c);
	long copies_before;
};

static void view_pte(struct mm_struct *mm, unsigned long addr, struct pte_view *v)
{
	unsigned long *pte;

	mutex_lock(&mm->mmap_lock);
	pte = follow_pte(mm, addr);
	v->present = pte;
	v->pfn = pte ? (*pte & PTE_PFN_MASK) >> PAGE_SHIFT : 0;
	v->writable = pte && (*pte & _PAGE_RW);
	v->refcount = pte ? page_ref_count(pfn_to_page(v->pfn)) : 0;
	mutex_unlock(&mm->mmap_lock);
}

/* The child: look, wait for the parent's word, write (or only read), look again. */
static int cow_child_fn(void *data)
{
	struct cow_child *ch = data;
	u32 __user *p = (u32 __user *)ch->c->addr;

	view_pte(current->mm, ch->c->addr, &ch->before);
	if (get_user(ch->before.value, p))
		ch->before.value = ~0u;
	complete(&ch->looked);
	wait_for_completion(&ch->go);
	if (ch->write)
		ch->put_ret = put_user(ch->new_value, p);
	else
		ch->put_ret = get_user(ch->after.value, p);
	view_pte(current->mm, ch->c->addr, &ch->after);
	if (ch->write && get_user(ch->after.value, p))
		ch->after.value = ~0u;
	return 0;
}

static pid_t fork_child(struct cow_child *ch, struct cow_case *c, bool write, u32 value)
{
	struct kernel_clone_args args = {
		.exit_signal = SIGCHLD,
		.fn = cow_child_fn,
		.fn_arg = ch,
		.name = "cow_child",
	};

	memset(ch, 0, sizeof(*ch));
	ch->c = c;
	ch->write = write;
	ch->new_value = value;
	init_completion(&ch->looked);
	init_completion(&ch->go);
	return kernel_clone(&args);	/* no CLONE_VM: the child gets a copy of our mm */
}

static void run_child(struct kunit *test, struct cow_child *ch, pid_t pid)
{
	int status = -1;

	complete(&ch->go);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status), pid);
	KUNIT_EXPECT_EQ(test, status, 0);
}

/* The parent kthread: an mm of its own with COW_PAGES written pages, then the case. */
static int cow_parent_fn(void *data)
{
	struct cow_case *c = data;
	struct kunit *test = c->test;
	struct mm_struct *mm = mm_alloc();
	unsigned long addr;

	if (!mm) {
		KUNIT_FAIL(test, "mm_alloc() failed");
		goto out;
	}
	/* Our children are ours to reap (kthreadd's children ignore SIGCHLD). */
	allow_signal(SIGCHLD);
	kthread_use_mm(mm);
	mutex_lock(&mm->mmap_lock);
	addr = do_mmap(mm, 0, COW_PAGES * PAGE_SIZE, VM_READ | VM_WRITE, NULL);
	mutex_unlock(&mm->mmap_lock);
	if (IS_ERR_VALUE(addr)) {
		KUNIT_FAIL(test, "do_mmap() failed: %ld", (long)addr);
	} else {
		c->addr = addr;
		c->mm = mm;
		for (int i = 0; i < COW_PAGES; i++)
			KUNIT_EXPECT_EQ(test, put_user(0x1000u + i, (u32 __user *)(addr + i * PAGE_SIZE)), 0);
		c->copies_before = atomic_long_read(&nr_cow_copies);
		c->body(c);
	}
	kthread_unuse_mm(mm);
	mmput(mm);
out:
	complete(&c->done);
	sleep_until_stopped();
	return 0;
}

static void run_case(struct kunit *test, void (*body)(struct cow_case *c))
{
	struct cow_case c = { .test = test, .body = body };
	long user_pages = atomic_long_read(&nr_user_pages);
	unsigned long mms = nr_mm_structs();
	struct mem_snapshot base;
	struct task_struct *t;

	init_completion(&c.done);
	mem_snapshot_take(&base);
	t = kthread_create(cow_parent_fn, &c, "cow_parent");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	wake_up_process(t);
	wait_for_completion(&c.done);
	kthread_stop(t);
	/* Every page, page table and mm given back: the parent's, the copies, the children's. */
	KUNIT_EXPECT_EQ(test, atomic_long_read(&nr_user_pages), user_pages);
	KUNIT_EXPECT_EQ(test, nr_mm_structs(), mms);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

static long copies_made(struct cow_case *c)
{
	return atomic_long_read(&nr_cow_copies) - c->copies_before;
}

/* fork() copies no page: both sides map the same frame, read-only, two references. */
static void fork_shares_read_only(struct cow_case *c)
{
	struct kunit *test = c->test;
	struct pte_view parent;
	struct cow_child ch;
	pid_t pid = fork_child(&ch, c, false, 0);

	KUNIT_ASSERT_GT(test, pid, 0);
	wait_for_completion(&ch.looked);
	view_pte(c->mm, c->addr, &parent);
	KUNIT_EXPECT_TRUE(test, ch.before.present);
	KUNIT_EXPECT_EQ(test, ch.before.pfn, parent.pfn);
	KUNIT_EXPECT_FALSE(test, ch.before.writable);
	KUNIT_EXPECT_FALSE(test, parent.writable);
	KUNIT_EXPECT_EQ(test, ch.before.refcount, 2);
	KUNIT_EXPECT_EQ(test, ch.before.value, 0x1000u);
	run_child(test, &ch, pid);
	/* Reading changed nothing. */
	KUNIT_EXPECT_EQ(test, ch.after.pfn, parent.pfn);
	KUNIT_EXPECT_EQ(test, copies_made(c), 0);
}

static void cow_test_fork_shares_read_only(struct kunit *test)
{
	run_case(test, fork_shares_read_only);
}

/* The child's write gives it a copy; the parent's page and value stay. */
static void writer_gets_copy(struct cow_case *c)
{
	struct kunit *test = c->test;
	struct pte_view parent, parent_after;
	struct cow_child ch;
	pid_t pid = fork_child(&ch, c, true, 42);

	KUNIT_ASSERT_GT(test, pid, 0);
	wait_for_completion(&ch.looked);
	view_pte(c->mm, c->addr, &parent);
	run_child(test, &ch, pid);
	KUNIT_EXPECT_EQ(test, ch.put_ret, 0);
	KUNIT_EXPECT_EQ(test, ch.after.value, 42u);
	KUNIT_EXPECT_TRUE(test, ch.after.writable);
	KUNIT_EXPECT_NE(test, ch.after.pfn, parent.pfn);
	KUNIT_EXPECT_EQ(test, ch.after.refcount, 1);
	KUNIT_EXPECT_EQ(test, copies_made(c), 1);
	/* The parent still reads its own value, from its own, unchanged frame. */
	view_pte(c->mm, c->addr, &parent_after);
	KUNIT_EXPECT_EQ(test, parent_after.pfn, parent.pfn);
	KUNIT_EXPECT_EQ(test, *(u32 *)page_address(pfn_to_page(parent.pfn)), 0x1000u);
	/* The child's copy dropped its reference to our frame. */
	KUNIT_EXPECT_EQ(test, parent_after.refcount, 1);
}

static void cow_test_writer_gets_copy(struct kunit *test)
{
	run_case(test, writer_gets_copy);
}

/* The last sharer writes in place: no copy, the same frame made writable. */
static void last_sharer_reuses(struct cow_case *c)
{
	struct kunit *test = c->test;
	struct pte_view before, after;
	struct cow_child ch;
	pid_t pid = fork_child(&ch, c, false, 0);
	u32 v = 0;

	KUNIT_ASSERT_GT(test, pid, 0);
	wait_for_completion(&ch.looked);
	run_child(test, &ch, pid);	/* gone: we are the only mapper again */
	view_pte(c->mm, c->addr, &before);
	KUNIT_EXPECT_FALSE(test, before.writable);	/* still write-protected since the fork */
	KUNIT_EXPECT_EQ(test, before.refcount, 1);
	KUNIT_EXPECT_EQ(test, put_user(7u, (u32 __user *)c->addr), 0);
	view_pte(c->mm, c->addr, &after);
	KUNIT_EXPECT_EQ(test, after.pfn, before.pfn);
	KUNIT_EXPECT_TRUE(test, after.writable);
	KUNIT_EXPECT_EQ(test, copies_made(c), 0);
	KUNIT_EXPECT_EQ(test, get_user(v, (u32 __user *)c->addr), 0);
	KUNIT_EXPECT_EQ(test, v, 7u);
}

static void cow_test_last_sharer_reuses(struct kunit *test)
{
	run_case(test, last_sharer_reuses);
}

/* Three sharers: the two children write and get copies; the parent, last, reuses. */
static void three_sharers(struct cow_case *c)
{
	struct kunit *test = c->test;
	struct cow_child a, b;
	struct pte_view parent, after;
	pid_t pa = fork_child(&a, c, true, 0xa), pb;

	KUNIT_ASSERT_GT(test, pa, 0);
	wait_for_completion(&a.looked);
	pb = fork_child(&b, c, true, 0xb);
	KUNIT_ASSERT_GT(test, pb, 0);
	wait_for_completion(&b.looked);
	view_pte(c->mm, c->addr, &parent);
	KUNIT_EXPECT_EQ(test, parent.refcount, 3);
	KUNIT_EXPECT_EQ(test, a.before.pfn, parent.pfn);
	KUNIT_EXPECT_EQ(test, b.before.pfn, parent.pfn);
	run_child(test, &a, pa);
	KUNIT_EXPECT_EQ(test, a.after.value, 0xau);
	KUNIT_EXPECT_EQ(test, copies_made(c), 1);
	run_child(test, &b, pb);
	KUNIT_EXPECT_EQ(test, b.after.value, 0xbu);
	KUNIT_EXPECT_EQ(test, copies_made(c), 2);
	KUNIT_EXPECT_NE(test, a.after.pfn, parent.pfn);
	KUNIT_EXPECT_NE(test, b.after.pfn, parent.pfn);
	/* Only the writers copied: the parent's write reuses its frame. */
	KUNIT_EXPECT_EQ(test, put_user(0xcu, (u32 __user *)c->addr), 0);
	view_pte(c->mm, c->addr, &after);
	KUNIT_EXPECT_EQ(test, after.pfn, parent.pfn);
	KUNIT_EXPECT_EQ(test, copies_made(c), 2);
}

static void cow_test_three_sharers_only_writers_copy(struct kunit *test)
{
	run_case(test, three_sharers);
}

/* A page never touched before the fork is not shared: each side faults its own. */
static void untouched_page_not_shared(struct cow_case *c)
{
	struct kunit *test = c->test;
	struct cow_child ch;
	struct pte_view parent;
	pid_t pid;

	/* Map the second page afresh (MAP_FIXED replaces it): no frame backs it now. */
	mutex_lock(&c->mm->mmap_lock);
	KUNIT_EXPECT_EQ(test, (long)do_mmap(c->mm, c->addr + PAGE_SIZE, PAGE_SIZE,
					   VM_READ | VM_WRITE, NULL), (long)(c->addr + PAGE_SIZE));
	mutex_unlock(&c->mm->mmap_lock);
	c->addr += PAGE_SIZE;
	pid = fork_child(&ch, c, true, 5);
	KUNIT_ASSERT_GT(test, pid, 0);
	wait_for_completion(&ch.looked);
	run_child(test, &ch, pid);
	c->addr -= PAGE_SIZE;
	KUNIT_EXPECT_FALSE(test, ch.before.present);
	KUNIT_EXPECT_EQ(test, ch.after.value, 5u);
	KUNIT_EXPECT_EQ(test, copies_made(c), 0);	/* a fresh zeroed page, not a copy */
	view_pte(c->mm, c->addr + PAGE_SIZE, &parent);
	KUNIT_EXPECT_FALSE(test, parent.present);
}

static void cow_test_untouched_page_not_shared(struct kunit *test)
{
	run_case(test, untouched_page_not_shared);
}

static struct kunit_case cow_test_cases[] = {
	KUNIT_CASE(cow_test_fork_shares_read_only),
	KUNIT_CASE(cow_test_writer_gets_copy),
	KUNIT_CASE(cow_test_last_sharer_reuses),
	KUNIT_CASE(cow_test_three_sharers_only_writers_copy),
	KUNIT_CASE(cow_test_untouched_page_not_shared),
	{}
};

static struct kunit_suite cow_test_suite = {
	.name = "cow",
	.test_cases = cow_test_cases,
};
kunit_test_suite(cow_test_suite);
