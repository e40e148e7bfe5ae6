// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "fork": kernel_clone() and copy_process() seen from the
 * parent. The tests run in pid 1, so the children made here with
 * kernel_thread() are pid 1's own: they stay zombies until kernel_wait()
 * reaps them. Covered: the family links, pid numbers, zombies and their
 * exit codes, what CLONE_FILES, CLONE_FS and CLONE_VFORK change, the
 * flag combinations copy_process() refuses, references that keep a
 * reaped task_struct alive, and an allocation failure injected at every
 * step of copy_process(), each of which must unwind to nothing.
 * Linux: kernel/fork.c, kernel/exit.c (no KUnit suite; LTP's fork and
 * clone tests and the fail-nth selftest cover the same ground)
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/fdtable.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/topology.h>
#include <linux/sched/clock.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <asm/processor.h>
#include "test_util.h"

/* What a child reads and writes; the parent owns it (on its stack). */
struct child_state {
	struct completion started;	/* the child runs */
	struct completion go;		/* the child may exit now */
	int ran;
	int exit_code;
	/* files and fs tests */
	struct file *file;		/* the child installs this reference */
	int fd;				/* where it landed in the child's table */
	struct files_struct *files;	/* the child's table, as it saw it */
	struct fs_struct *fs;		/* the child's fs_struct */
	int set_umask;			/* nonzero: the child sets this umask */
	/* CLONE_VFORK */
	unsigned int sleep_ms;
	int done;
};

static void child_state_init(struct child_state *st)
{
	memset(st, 0, sizeof(*st));
	init_completion(&st->started);
	init_completion(&st->go);
	st->fd = -1;
}

/* Say we run, wait for the parent's go, exit with st->exit_code. */
static int wait_then_exit_fn(void *data)
{
	struct child_state *st = data;

	WRITE_ONCE(st->ran, 1);
	complete(&st->started);
	wait_for_completion(&st->go);
	return st->exit_code;
}

/* Install st->file in whatever table we have, then as above. */
static int install_file_fn(void *data)
{
	struct child_state *st = data;

	st->files = current->files;
	st->fd = fd_install_new(st->file);
	return wait_then_exit_fn(data);
}

/* Set our umask (in the fs_struct we have), then as above. */
static int set_umask_fn(void *data)
{
	struct child_state *st = data;

	st->fs = current->fs;
	spin_lock(&current->fs->lock);
	current->fs->umask = st->set_umask;
	spin_unlock(&current->fs->lock);
	return wait_then_exit_fn(data);
}

/* Sleep, then mark the work done and exit: the CLONE_VFORK child. */
static int sleep_then_exit_fn(void *data)
{
	struct child_state *st = data;

	WRITE_ONCE(st->ran, 1);
	msleep(st->sleep_ms);
	WRITE_ONCE(st->done, 1);
	return st->exit_code;
}

/* Wait for the parent's go, but no longer than sleep_ms; then exit. */
static int wait_go_or_timeout_fn(void *data)
{
	struct child_state *st = data;

	WRITE_ONCE(st->ran, 1);
	wait_for_completion_timeout(&st->go, msecs_to_jiffies(st->sleep_ms));
	WRITE_ONCE(st->done, 1);
	return st->exit_code;
}

/* A child of pid 1 that exits with SIGCHLD: it waits to be reaped. */
static pid_t spawn(int (*fn)(void *), struct child_state *st, const char *name,
		   unsigned long clone_flags)
{
	return kernel_thread(fn, st, name, clone_flags | SIGCHLD);
}

/* Is @p on current's children list? */
static bool is_my_child(struct task_struct *p)
{
	struct task_struct *c;
	bool found = false;

	spin_lock_irq(&tasklist_lock);
	list_for_each_entry(c, &current->children, sibling)
		if (c == p)
			found = true;
	spin_unlock_irq(&tasklist_lock);
	return found;
}

static bool have_children(void)
{
	bool ret;

	spin_lock_irq(&tasklist_lock);
	ret = !list_empty(&current->children);
	spin_unlock_irq(&tasklist_lock);
	return ret;
}

static void fork_test_family_links(struct kunit *test)
{
	struct child_state st[2];
	struct task_struct *t[2];
	pid_t pid[2];
	int status;

	for (int i = 0; i < 2; i++) {
		child_state_init(&st[i]);
		st[i].exit_code = 10 + i;
		pid[i] = spawn(wait_then_exit_fn, &st[i], i ? "fork_second" : "fork_first", 0);
		KUNIT_ASSERT_GT(test, pid[i], 0);
		wait_for_completion(&st[i].started);
		/* Only we can reap it, and we have not: the pointer stays good. */
		t[i] = find_task_by_pid(pid[i]);
		KUNIT_ASSERT_NOT_NULL(test, t[i]);
	}
	for (int i = 0; i < 2; i++) {
		KUNIT_EXPECT_EQ(test, t[i]->pid, pid[i]);
		KUNIT_EXPECT_EQ(test, t[i]->tgid, pid[i]);
		KUNIT_EXPECT_PTR_EQ(test, t[i]->group_leader, t[i]);
		KUNIT_EXPECT_PTR_EQ(test, t[i]->real_parent, current);
		KUNIT_EXPECT_PTR_EQ(test, t[i]->parent, current);
		KUNIT_EXPECT_EQ(test, t[i]->exit_signal, SIGCHLD);
		KUNIT_EXPECT_TRUE(test, t[i]->flags & PF_KTHREAD);
		KUNIT_EXPECT_TRUE(test, list_empty(&t[i]->children));
		KUNIT_EXPECT_TRUE(test, is_my_child(t[i]));
	}
	KUNIT_EXPECT_STREQ(test, t[0]->comm, "fork_first");
	KUNIT_EXPECT_STREQ(test, t[1]->comm, "fork_second");
	/* Siblings, in creation order (list_add_tail). */
	spin_lock_irq(&tasklist_lock);
	KUNIT_EXPECT_PTR_EQ(test, t[0]->sibling.next, &t[1]->sibling);
	KUNIT_EXPECT_PTR_EQ(test, t[1]->sibling.prev, &t[0]->sibling);
	spin_unlock_irq(&tasklist_lock);

	for (int i = 0; i < 2; i++) {
		complete(&st[i].go);
		/* A zombie until we reap it (were it gone, kernel_wait() would sleep on). */
		KUNIT_ASSERT_TRUE(test, wait_until(READ_ONCE(t[i]->exit_state) == EXIT_ZOMBIE, 1000));
		KUNIT_EXPECT_EQ(test, kernel_wait(pid[i], &status), pid[i]);
		KUNIT_EXPECT_EQ(test, status, 10 + i);
	}
	KUNIT_EXPECT_FALSE(test, have_children());
}

static int exit_at_once_fn(void *data)
{
	struct child_state *st = data;

	WRITE_ONCE(st->ran, 1);
	return st->exit_code;
}

/* A zombie keeps its pid; reaping frees it. Numbers go up, not back. */
static void fork_test_pids_increase_and_are_freed(struct kunit *test)
{
	enum { N = 5 };
	struct child_state st[N];
	unsigned int base = nr_pids_in_use();
	pid_t pid[N], later;

	for (int i = 0; i < N; i++) {
		child_state_init(&st[i]);
		pid[i] = spawn(exit_at_once_fn, &st[i], "fork_pid", 0);
		KUNIT_ASSERT_GT(test, pid[i], 0);
		if (i)
			KUNIT_EXPECT_GT(test, pid[i], pid[i - 1]);
	}
	/* They exit at once, but as zombies they hold their numbers. */
	for (int i = 0; i < N; i++) {
		struct task_struct *t = find_task_by_pid(pid[i]);

		KUNIT_ASSERT_NOT_NULL(test, t);
		KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(t->exit_state) == EXIT_ZOMBIE, 1000));
	}
	KUNIT_EXPECT_EQ(test, nr_pids_in_use(), base + N);
	for (int i = 0; i < N; i++) {
		KUNIT_EXPECT_EQ(test, kernel_wait(pid[i], NULL), pid[i]);
		KUNIT_EXPECT_NULL(test, find_task_by_pid(pid[i]));
	}
	KUNIT_EXPECT_EQ(test, nr_pids_in_use(), base);
	/* A freed number is not handed out again right away. */
	later = spawn(exit_at_once_fn, &st[0], "fork_pid", 0);
	KUNIT_ASSERT_GT(test, later, 0);
	KUNIT_EXPECT_GT(test, later, pid[N - 1]);
	KUNIT_EXPECT_EQ(test, kernel_wait(later, NULL), later);
	KUNIT_EXPECT_EQ(test, nr_pids_in_use(), base);
}

static void fork_test_zombie_until_waited(struct kunit *test)
{
	struct child_state st;
	struct task_struct *t;
	int status = -1;
	pid_t pid;

	child_state_init(&st);
	st.exit_code = 42;
	pid = spawn(wait_then_exit_fn, &st, "fork_zombie", 0);
	KUNIT_ASSERT_GT(test, pid, 0);
	wait_for_completion(&st.started);
	t = find_task_by_pid(pid);
	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_EXPECT_EQ(test, READ_ONCE(t->exit_state), 0);

	complete(&st.go);
	KUNIT_ASSERT_TRUE(test, wait_until(READ_ONCE(t->exit_state) == EXIT_ZOMBIE, 1000));
	/* It stays one: nobody but its parent may reap it. */
	msleep(30);
	KUNIT_EXPECT_EQ(test, READ_ONCE(t->exit_state), EXIT_ZOMBIE);
	KUNIT_EXPECT_TRUE(test, t->flags & PF_EXITING);
	KUNIT_EXPECT_TRUE(test, is_my_child(t));
	KUNIT_EXPECT_PTR_EQ(test, find_task_by_pid(pid), t);
	/* Its resources went at exit; only the task_struct and pid remain. */
	KUNIT_EXPECT_NULL(test, t->files);
	KUNIT_EXPECT_NULL(test, t->fs);
	KUNIT_EXPECT_NULL(test, t->sighand);

	KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status), pid);
	KUNIT_EXPECT_EQ(test, status, 42);
	KUNIT_EXPECT_NULL(test, find_task_by_pid(pid));
	KUNIT_EXPECT_FALSE(test, have_children());
	/* Reaped once: a second wait finds no such child. */
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status), -ECHILD);
}

static void fork_test_wait_any_and_echild(struct kunit *test)
{
	struct child_state st;
	int status = -1;
	pid_t pid;

	KUNIT_ASSERT_FALSE(test, have_children());
	KUNIT_EXPECT_EQ(test, kernel_wait(-1, &status), -ECHILD);
	/* kthreadd (pid 2) is not our child. */
	KUNIT_EXPECT_EQ(test, kernel_wait(2, &status), -ECHILD);
	KUNIT_EXPECT_EQ(test, status, -1);

	/* -1 waits for any child, sleeping until one exits. */
	child_state_init(&st);
	st.exit_code = -5;
	st.sleep_ms = 30;
	pid = spawn(sleep_then_exit_fn, &st, "fork_any", 0);
	KUNIT_ASSERT_GT(test, pid, 0);
	KUNIT_EXPECT_EQ(test, kernel_wait(-1, &status), pid);
	KUNIT_EXPECT_EQ(test, READ_ONCE(st.done), 1);
	KUNIT_EXPECT_EQ(test, status, -5);
	KUNIT_EXPECT_EQ(test, kernel_wait(-1, &status), -ECHILD);
}

/* The middle generation of the orphan test: a kthread with a child. */
struct orphan_ctx {
	struct child_state grandchild;
	pid_t gpid;
	struct task_struct *gtask;
};

static int orphan_parent_fn(void *data)
{
	struct orphan_ctx *ctx = data;

	/* Let pid 1 fall asleep in kernel_wait() first. */
	msleep(50);
	/* kthreads ignore SIGCHLD (kthreadd's handlers): then children self-reap. */
	allow_signal(SIGCHLD);
	ctx->gpid = kernel_thread(exit_at_once_fn, &ctx->grandchild, "fork_orphan", SIGCHLD);
	if (ctx->gpid < 0)
		return ctx->gpid;
	ctx->gtask = find_task_by_pid(ctx->gpid);
	/* Our zombie child, when we exit: init must adopt it and be told. */
	while (READ_ONCE(ctx->gtask->exit_state) != EXIT_ZOMBIE)
		msleep(1);
	return 0;
}

/*
 * A task that exits leaves its children to init (pid 1, where the tests
 * run). An adopted zombie must wake init if it is waiting already.
 */
/* The caller of the CLONE_PARENT case: a kthread, kthreadd's child. */
struct sibling_ctx {
	struct child_state child;
	pid_t pid;
	int exit_signal, my_exit_signal;
	struct task_struct *real_parent, *my_parent;
	struct completion made;
};

static int sibling_maker_fn(void *data)
{
	struct sibling_ctx *ctx = data;
	struct task_struct *c;

	/* Asks for SIGUSR1; a CLONE_PARENT child gets our leader's signal instead. */
	ctx->pid = kernel_thread(wait_then_exit_fn, &ctx->child, "fork_sibling",
				 CLONE_PARENT | SIGUSR1);
	if (ctx->pid > 0) {
		wait_for_completion(&ctx->child.started);
		spin_lock_irq(&tasklist_lock);
		c = find_task_by_pid(ctx->pid);
		ctx->exit_signal = c ? c->exit_signal : -1;
		ctx->real_parent = c ? c->real_parent : NULL;
		spin_unlock_irq(&tasklist_lock);
	}
	ctx->my_exit_signal = current->group_leader->exit_signal;
	ctx->my_parent = current->real_parent;
	complete(&ctx->made);
	sleep_until_stopped();
	return 0;
}

/*
 * CLONE_PARENT makes the child its caller's sibling: its parent is the
 * caller's parent (kthreadd here), and the signal that parent gets when
 * it exits is the one the caller's group leader would send, not the one
 * asked for (Linux: copy_process(), "CLONE_PARENT re-uses the old parent").
 */
static void fork_test_clone_parent_sibling(struct kunit *test)
{
	static struct sibling_ctx ctx;
	struct mem_snapshot base;
	struct task_struct *k;

	mem_snapshot_take(&base);
	memset(&ctx, 0, sizeof(ctx));
	child_state_init(&ctx.child);
	init_completion(&ctx.made);
	k = kthread_run(sibling_maker_fn, &ctx, "fork_sibmaker");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, k);
	wait_for_completion(&ctx.made);
	KUNIT_EXPECT_GT(test, ctx.pid, 0);
	KUNIT_EXPECT_PTR_EQ(test, ctx.real_parent, ctx.my_parent);
	KUNIT_EXPECT_PTR_EQ(test, ctx.real_parent, kthreadd_task);
	KUNIT_EXPECT_EQ(test, ctx.exit_signal, ctx.my_exit_signal);
	KUNIT_EXPECT_NE(test, ctx.exit_signal, SIGUSR1);
	complete(&ctx.child.go);	/* kthreadd ignores SIGCHLD: the child reaps itself */
	kthread_stop(k);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

static void fork_test_orphans_adopted_by_init(struct kunit *test)
{
	static struct orphan_ctx ctx;
	struct mem_snapshot base;
	struct child_state st;
	struct task_struct *k;
	pid_t pid, reaped;
	int status = -1;

	mem_snapshot_take(&base);
	memset(&ctx, 0, sizeof(ctx));
	child_state_init(&ctx.grandchild);
	ctx.grandchild.exit_code = 77;
	/*
	 * Our own child, which exits when told or after 2 s: kernel_wait(-1)
	 * has it to wait for, and must not need it to wake up.
	 */
	child_state_init(&st);
	st.sleep_ms = 2000;
	pid = spawn(wait_go_or_timeout_fn, &st, "fork_late", 0);
	KUNIT_ASSERT_GT(test, pid, 0);
	/* A kthread (kthreadd's child, self-reaping) with a child of its own. */
	k = kthread_run(orphan_parent_fn, &ctx, "fork_orphaner");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, k);

	reaped = kernel_wait(-1, &status);
	KUNIT_EXPECT_GT(test, ctx.gpid, 0);
	KUNIT_EXPECT_EQ(test, reaped, ctx.gpid);
	KUNIT_EXPECT_EQ(test, status, 77);
	KUNIT_EXPECT_EQ(test, READ_ONCE(st.done), 0);
	complete(&st.go);
	if (reaped == pid)	/* the adopted zombie was missed: still ours to reap */
		reaped = kernel_wait(ctx.gpid, NULL);
	else
		reaped = kernel_wait(pid, NULL);
	KUNIT_EXPECT_GT(test, reaped, 0);
	KUNIT_EXPECT_FALSE(test, have_children());
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* The parent of the autoreap test: a kthread, so it ignores SIGCHLD. */
struct autoreap_ctx {
	struct child_state child;
	pid_t pid;
	int wait_ret;
	struct completion waiting, returned;
};

static int autoreap_parent_fn(void *data)
{
	struct autoreap_ctx *ctx = data;

	allow_signal(SIGUSR1);		/* the test's way out if the wakeup is lost */
	ctx->pid = kernel_thread(wait_then_exit_fn, &ctx->child, "fork_selfreap", SIGCHLD);
	complete(&ctx->waiting);
	ctx->wait_ret = ctx->pid < 0 ? ctx->pid : kernel_wait(ctx->pid, NULL);
	complete(&ctx->returned);
	sleep_until_stopped();
	return 0;
}

/*
 * A parent that ignores SIGCHLD waits for a child: the child reaps itself
 * when it exits, and the parent's wait must end with -ECHILD then, not
 * sleep on (Linux: do_notify_parent() wakes the parent either way).
 */
static void fork_test_autoreap_wakes_waiting_parent(struct kunit *test)
{
	static struct autoreap_ctx ctx;
	struct mem_snapshot base;
	struct task_struct *k;
	bool woke;

	mem_snapshot_take(&base);
	memset(&ctx, 0, sizeof(ctx));
	child_state_init(&ctx.child);
	init_completion(&ctx.waiting);
	init_completion(&ctx.returned);
	k = kthread_run(autoreap_parent_fn, &ctx, "fork_ignorer");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, k);
	wait_for_completion(&ctx.waiting);
	KUNIT_ASSERT_GT(test, ctx.pid, 0);
	wait_for_completion(&ctx.child.started);
	msleep(20);			/* the parent is asleep in kernel_wait() now */
	KUNIT_EXPECT_FALSE(test, completion_done(&ctx.returned));
	complete(&ctx.child.go);	/* the child exits and reaps itself */
	woke = wait_for_completion_timeout(&ctx.returned, msecs_to_jiffies(1000));
	KUNIT_EXPECT_TRUE(test, woke);
	if (!woke) {
		send_sig(SIGUSR1, k, 0);
		wait_for_completion(&ctx.returned);
	}
	KUNIT_EXPECT_EQ(test, ctx.wait_ret, -ECHILD);
	kthread_stop(k);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* CLONE_FILES: one table; an fd the child opens is the parent's too. */
static void fork_test_clone_files_shares_table(struct kunit *test)
{
	struct files_struct *mine = current->files;
	struct mem_snapshot base;
	struct child_state st;
	struct file *f, *seen;
	int count, status;
	pid_t pid;

	KUNIT_ASSERT_NOT_NULL(test, mine);
	mem_snapshot_take(&base);
	count = atomic_read(&mine->count);
	child_state_init(&st);
	st.file = file_alloc("shared");
	KUNIT_ASSERT_NOT_NULL(test, st.file);
	f = st.file;
	pid = spawn(install_file_fn, &st, "fork_files", CLONE_FILES);
	KUNIT_ASSERT_GT(test, pid, 0);
	wait_for_completion(&st.started);

	KUNIT_EXPECT_PTR_EQ(test, st.files, mine);
	KUNIT_EXPECT_EQ(test, atomic_read(&mine->count), count + 1);
	KUNIT_ASSERT_GE(test, st.fd, 0);
	seen = fget_task(current, st.fd);
	KUNIT_EXPECT_PTR_EQ(test, seen, f);
	if (seen)
		fput(seen);
	/* One table holds one reference. */
	KUNIT_EXPECT_EQ(test, atomic_read(&f->f_count), 1);

	complete(&st.go);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status), pid);
	/* The child is gone; the table and the file stay with us. */
	KUNIT_EXPECT_EQ(test, atomic_read(&mine->count), count);
	seen = fget_task(current, st.fd);
	KUNIT_EXPECT_PTR_EQ(test, seen, f);
	if (seen)
		fput(seen);
	KUNIT_EXPECT_EQ(test, close_fd(st.fd), 0);
	KUNIT_EXPECT_EQ(test, close_fd(st.fd), -EBADF);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* No CLONE_FILES: a copy of the table; the same files, referenced twice. */
static void fork_test_no_clone_files_copies_table(struct kunit *test)
{
	struct files_struct *mine = current->files;
	struct file *f0, *f1, *f2, *seen;
	struct mem_snapshot base;
	struct child_state st;
	struct task_struct *t;
	int fd0, fd2, status;
	pid_t pid;

	mem_snapshot_take(&base);
	f0 = file_alloc("before_fork");
	KUNIT_ASSERT_NOT_NULL(test, f0);
	fd0 = fd_install_new(f0);
	KUNIT_ASSERT_GE(test, fd0, 0);

	child_state_init(&st);
	st.file = f1 = file_alloc("childs_own");
	KUNIT_ASSERT_NOT_NULL(test, f1);
	get_file(f1);		/* ours, to watch its count after the child */
	pid = spawn(install_file_fn, &st, "fork_nofiles", 0);
	KUNIT_ASSERT_GT(test, pid, 0);
	wait_for_completion(&st.started);
	t = find_task_by_pid(pid);
	KUNIT_ASSERT_NOT_NULL(test, t);

	KUNIT_EXPECT_PTR_NE(test, st.files, mine);
	KUNIT_EXPECT_EQ(test, atomic_read(&st.files->count), 1);
	/* f0 is in both tables now. */
	KUNIT_EXPECT_EQ(test, atomic_read(&f0->f_count), 2);
	seen = fget_task(t, fd0);
	KUNIT_EXPECT_PTR_EQ(test, seen, f0);
	if (seen)
		fput(seen);
	/* The child's new fd is not in our table... */
	KUNIT_ASSERT_GE(test, st.fd, 0);
	KUNIT_EXPECT_NULL(test, fget_task(current, st.fd));
	/* ...so our next file takes the same number, for another file. */
	f2 = file_alloc("parents_own");
	KUNIT_ASSERT_NOT_NULL(test, f2);
	fd2 = fd_install_new(f2);
	KUNIT_EXPECT_EQ(test, fd2, st.fd);
	seen = fget_task(t, st.fd);
	KUNIT_EXPECT_PTR_EQ(test, seen, f1);
	if (seen)
		fput(seen);
	KUNIT_EXPECT_EQ(test, atomic_read(&f1->f_count), 2);	/* its table + ours */
	KUNIT_EXPECT_EQ(test, atomic_read(&f2->f_count), 1);

	/* The child's exit drops its table: one reference on each file. */
	complete(&st.go);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status), pid);
	KUNIT_EXPECT_EQ(test, atomic_read(&f0->f_count), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&f1->f_count), 1);
	fput(f1);
	KUNIT_EXPECT_EQ(test, close_fd(fd0), 0);
	KUNIT_EXPECT_EQ(test, close_fd(fd2), 0);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

static int read_umask(struct fs_struct *fs)
{
	int umask;

	spin_lock(&fs->lock);
	umask = fs->umask;
	spin_unlock(&fs->lock);
	return umask;
}

static int fs_users(struct fs_struct *fs)
{
	int users;

	spin_lock(&fs->lock);
	users = fs->users;
	spin_unlock(&fs->lock);
	return users;
}

/* CLONE_FS shares the fs_struct; without it the child changes a copy. */
static void fork_test_clone_fs(struct kunit *test)
{
	struct fs_struct *mine = current->fs;
	int old_umask = read_umask(mine), users = fs_users(mine);
	struct mem_snapshot base;
	struct child_state st;
	pid_t pid;

	KUNIT_ASSERT_NE(test, old_umask, 0077);
	mem_snapshot_take(&base);

	/* Shared: the child's umask is ours. */
	child_state_init(&st);
	st.set_umask = 0077;
	pid = spawn(set_umask_fn, &st, "fork_fs", CLONE_FS);
	KUNIT_ASSERT_GT(test, pid, 0);
	wait_for_completion(&st.started);
	KUNIT_EXPECT_PTR_EQ(test, st.fs, mine);
	KUNIT_EXPECT_EQ(test, fs_users(mine), users + 1);
	KUNIT_EXPECT_EQ(test, read_umask(mine), 0077);
	complete(&st.go);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, NULL), pid);
	KUNIT_EXPECT_EQ(test, fs_users(mine), users);
	spin_lock(&mine->lock);
	mine->umask = old_umask;
	spin_unlock(&mine->lock);

	/* Copied: same contents, its own users count, changes stay there. */
	child_state_init(&st);
	st.set_umask = 0077;
	pid = spawn(set_umask_fn, &st, "fork_nofs", 0);
	KUNIT_ASSERT_GT(test, pid, 0);
	wait_for_completion(&st.started);
	KUNIT_EXPECT_PTR_NE(test, st.fs, mine);
	KUNIT_EXPECT_EQ(test, fs_users(st.fs), 1);
	KUNIT_EXPECT_PTR_EQ(test, st.fs->pwd, mine->pwd);
	KUNIT_EXPECT_EQ(test, read_umask(st.fs), 0077);
	KUNIT_EXPECT_EQ(test, read_umask(mine), old_umask);
	KUNIT_EXPECT_EQ(test, fs_users(mine), users);
	complete(&st.go);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, NULL), pid);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

/* kernel_clone() of @fn with @flags; -errno or the pid. */
static pid_t clone_with(unsigned long flags, int (*fn)(void *), struct child_state *st)
{
	struct kernel_clone_args args = {
		.flags = flags,
		.exit_signal = SIGCHLD,
		.fn = fn,
		.fn_arg = st,
		.name = "fork_flags",
	};

	return kernel_clone(&args);
}

static void fork_test_bad_flags_einval(struct kunit *test)
{
	static const unsigned long bad[] = {
		CLONE_SIGHAND,				/* shared handlers, not VM */
		CLONE_THREAD,				/* a thread without SIGHAND */
		CLONE_THREAD | CLONE_VM,
		CLONE_THREAD | CLONE_SIGHAND,		/* ... and without VM */
		CLONE_PARENT,				/* init's sibling (we are pid 1) */
	};
	struct sighand_struct *sighand = current->sighand;
	struct mem_snapshot base;
	struct child_state st;
	int count;
	pid_t pid;

	child_state_init(&st);
	mem_snapshot_take(&base);
	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		pid = clone_with(bad[i], exit_at_once_fn, &st);
		if (pid != -EINVAL)
			KUNIT_FAIL(test, "flags %#lx: expected -EINVAL, got %d", bad[i], pid);
		if (pid > 0)
			kernel_wait(pid, NULL);
	}
	/* No function to run: copy_thread() refuses, late, and all unwinds. */
	KUNIT_EXPECT_EQ(test, clone_with(0, NULL, &st), -EINVAL);
	KUNIT_EXPECT_EQ(test, clone_with(CLONE_FILES | CLONE_FS, NULL, &st), -EINVAL);
	KUNIT_EXPECT_EQ(test, READ_ONCE(st.ran), 0);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);

	/* The legal neighbour: CLONE_SIGHAND with CLONE_VM shares the handlers. */
	count = atomic_read(&sighand->count);
	pid = clone_with(CLONE_VM | CLONE_SIGHAND, wait_then_exit_fn, &st);
	KUNIT_ASSERT_GT(test, pid, 0);
	wait_for_completion(&st.started);
	KUNIT_EXPECT_PTR_EQ(test, find_task_by_pid(pid)->sighand, sighand);
	KUNIT_EXPECT_EQ(test, atomic_read(&sighand->count), count + 1);
	complete(&st.go);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, NULL), pid);
	KUNIT_EXPECT_EQ(test, atomic_read(&sighand->count), count);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);
}

#define MAX_INJECT	64

/* The distinct places a failure was injected at: (site in copy_process, callee). */
struct inject_sites {
	unsigned long site[MAX_INJECT][2];
	int n;
};

static void note_site(struct inject_sites *s, unsigned long site, unsigned long callee)
{
	for (int i = 0; i < s->n; i++)
		if (s->site[i][0] == site && s->site[i][1] == callee)
			return;
	if (s->n < MAX_INJECT) {
		s->site[s->n][0] = site;
		s->site[s->n][1] = callee;
		s->n++;
	}
}

/*
 * Fail the 1st, 2nd, 3rd, ... allocation of @attr made inside
 * copy_process() (nothing shared: flags 0, so every copy_* allocates),
 * until a clone gets through untouched. Every failure must come back as
 * -ENOMEM with the child never run and memory as before.
 */
static int inject_every_step(struct kunit *test, struct fault_attr *attr, bool kthread,
			     struct inject_sites *sites)
{
	struct child_state st;
	struct kernel_clone_args args = {
		.flags = 0,
		.exit_signal = SIGCHLD,
		.fn = exit_at_once_fn,
		.fn_arg = &st,
		.name = "fork_inject",
		.kthread = kthread,
	};
	struct mem_snapshot base;
	unsigned long free_pages;
	unsigned long n;
	int status;
	pid_t pid;

	child_state_init(&st);
	st.exit_code = 3;
	/* One clone first: page tables and slabs it needs exist from now on. */
	pid = kernel_clone(&args);
	KUNIT_ASSERT_GT(test, pid, 0);
	KUNIT_ASSERT_EQ(test, kernel_wait(pid, NULL), pid);
	st.ran = 0;

	for (n = 1; n <= MAX_INJECT; n++) {
		mem_snapshot_take(&base);
		free_pages = nr_free_pages();
		KUNIT_ASSERT_TRUE(test, fail_nth_alloc_in(attr, "copy_process", n));
		pid = kernel_clone(&args);
		fault_attr_disarm(attr);
		if (!fault_attr_failures(attr)) {
			/* Fewer than n allocations: this clone ran untouched. */
			KUNIT_EXPECT_GT(test, pid, 0);
			if (pid > 0) {
				KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status), pid);
				KUNIT_EXPECT_EQ(test, status, 3);
				KUNIT_EXPECT_EQ(test, READ_ONCE(st.ran), 1);
			}
			break;
		}
		kunit_info(test, "%s n=%lu: %d, failed in %pS called from %pS", attr->name, n,
			   pid, (void *)attr->fail_site_callee, (void *)attr->fail_site);
		note_site(sites, attr->fail_site, attr->fail_site_callee);
		KUNIT_EXPECT_EQ(test, pid, -ENOMEM);
		if (pid > 0)
			kernel_wait(pid, NULL);
		KUNIT_EXPECT_EQ(test, READ_ONCE(st.ran), 0);
		KUNIT_EXPECT_MEM_BACK_TO(test, &base);
		KUNIT_EXPECT_EQ(test, nr_free_pages(), free_pages);
	}
	KUNIT_EXPECT_LE(test, n, MAX_INJECT);
	return n - 1;
}

/* Every slab allocation of copy_process(), failed in turn. */
static void fork_test_enomem_each_step_unwinds(struct kunit *test)
{
	static struct inject_sites sites;
	int failed;

	/* A kernel thread: also struct kthread (set_kthread_struct()). */
	memset(&sites, 0, sizeof(sites));
	failed = inject_every_step(test, &failslab, true, &sites);
	kunit_info(test, "kthread clone: %d allocations, %d distinct steps", failed, sites.n);
	/*
	 * dup_task_struct's task_struct and stack (vmalloc's area and page
	 * array), set_kthread_struct, copy_files, copy_fs, copy_sighand,
	 * copy_signal, alloc_pid.
	 */
	KUNIT_EXPECT_GE(test, sites.n, 7);

	memset(&sites, 0, sizeof(sites));
	failed = inject_every_step(test, &failslab, false, &sites);
	kunit_info(test, "task clone: %d allocations, %d distinct steps", failed, sites.n);
	KUNIT_EXPECT_GE(test, sites.n, 6);
}

/* The kernel stack's pages (vmalloc), failed in turn. */
static void fork_test_enomem_stack_pages_unwind(struct kunit *test)
{
	static struct inject_sites sites;
	int failed;

	memset(&sites, 0, sizeof(sites));
	failed = inject_every_step(test, &fail_page_alloc, true, &sites);
	kunit_info(test, "%d page allocations failed in turn", failed);
	/* At least every page of the stack. */
	KUNIT_EXPECT_GE(test, failed, (int)(THREAD_SIZE / PAGE_SIZE));
}

/* CLONE_VFORK: kernel_clone() returns only once the child has exited. */
static void fork_test_vfork_waits_for_child(struct kunit *test)
{
	struct child_state st;
	unsigned long start;
	int status;
	pid_t pid;

	child_state_init(&st);
	st.sleep_ms = 50;
	st.exit_code = 9;
	start = jiffies;
	pid = spawn(sleep_then_exit_fn, &st, "fork_vfork", CLONE_VFORK);
	KUNIT_ASSERT_GT(test, pid, 0);
	KUNIT_EXPECT_EQ(test, READ_ONCE(st.done), 1);
	KUNIT_EXPECT_GE(test, jiffies - start, msecs_to_jiffies(50));
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status), pid);
	KUNIT_EXPECT_EQ(test, status, 9);

	/* Without it the parent runs on while the child sleeps. */
	child_state_init(&st);
	st.sleep_ms = 50;
	pid = spawn(sleep_then_exit_fn, &st, "fork_novfork", 0);
	KUNIT_ASSERT_GT(test, pid, 0);
	KUNIT_EXPECT_EQ(test, READ_ONCE(st.done), 0);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status), pid);
	KUNIT_EXPECT_EQ(test, READ_ONCE(st.done), 1);
}

static void fork_test_child_start_time(struct kunit *test)
{
	struct child_state st;
	struct task_struct *t;
	u64 before, after;
	pid_t pid;

	child_state_init(&st);
	before = local_clock();
	pid = spawn(wait_then_exit_fn, &st, "fork_time", 0);
	after = local_clock();
	KUNIT_ASSERT_GT(test, pid, 0);
	t = find_task_by_pid(pid);
	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_EXPECT_GT(test, t->start_time, current->start_time);
	KUNIT_EXPECT_GE(test, t->start_time, before);
	KUNIT_EXPECT_LE(test, t->start_time, after);
	complete(&st.go);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, NULL), pid);
}

/* A reference keeps the task_struct after the reaper let it go. */
static void fork_test_ref_outlives_reaping(struct kunit *test)
{
	struct child_state st;
	struct task_struct *t;
	unsigned long allocated;
	pid_t pid;

	child_state_init(&st);
	pid = spawn(wait_then_exit_fn, &st, "fork_held", 0);
	KUNIT_ASSERT_GT(test, pid, 0);
	wait_for_completion(&st.started);
	t = get_pid_task_by_nr(pid);
	KUNIT_ASSERT_NOT_NULL(test, t);
	complete(&st.go);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, NULL), pid);
	/*
	 * Reaped, and once off the CPU for good (it may be reaped before its
	 * last switch) the reaper's and the scheduler's references are gone:
	 * ours is the last.
	 */
	KUNIT_EXPECT_TRUE(test, wait_until(atomic_read(&t->usage) == 1, 1000));
	KUNIT_EXPECT_EQ(test, task_state(t), TASK_DEAD);
	KUNIT_EXPECT_EQ(test, t->exit_state, EXIT_DEAD);
	KUNIT_EXPECT_STREQ(test, t->comm, "fork_held");	/* not freed: not poisoned */
	KUNIT_EXPECT_NULL(test, find_task_by_pid(pid));
	allocated = nr_task_structs();
	put_task_struct(t);
	KUNIT_EXPECT_EQ(test, nr_task_structs(), allocated - 1);
}

/* A kthread on another CPU that forks one child when told. */
struct linked_fork {
	struct completion go;
	struct completion forked;
	int forking;
	pid_t pid;
	struct child_state child;
};

static int fork_when_told_fn(void *data)
{
	struct linked_fork *lf = data;

	wait_for_completion(&lf->go);
	WRITE_ONCE(lf->forking, 1);
	lf->pid = kernel_thread(exit_at_once_fn, &lf->child, "fork_linked", SIGCHLD);
	complete(&lf->forked);
	sleep_until_stopped();
	return 0;
}

/*
 * A pid names a task only once the task is linked: we hold tasklist_lock
 * on CPU 0 while a kthread on another CPU forks, until the fork spins on
 * the lock (at its linking step). No pid may then lead to a task that is
 * not on the task list: attach_pid() comes under the same lock, after
 * the links. (It used to come before, so such a task was found.)
 */
static void fork_test_pid_found_only_when_linked(struct kunit *test)
{
	struct linked_fork lf = {};
	struct task_struct *t, *half = NULL;
	struct cpumask saved;
	int contended = 0;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two CPUs: the fork runs while we hold tasklist_lock");
	init_completion(&lf.go);
	init_completion(&lf.forked);
	child_state_init(&lf.child);
	task_pin(current, &saved);
	t = kthread_create(fork_when_told_fn, &lf, "fork_linker");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	kthread_bind(t, cpumask_next(TEST_CPU, cpu_online_mask));
	wake_up_process(t);

	spin_lock_irq(&tasklist_lock);
	complete(&lf.go);
	for (int us = 0; us < 2000000; us += 10) {
		if (READ_ONCE(lf.forking) && spin_is_contended(&tasklist_lock)) {
			contended = 1;
			break;
		}
		udelay(10);
	}
	for (pid_t nr = 1; nr < pid_max && !half; nr++) {
		struct task_struct *p = find_task_by_pid(nr);

		if (p && list_empty(&p->tasks))
			half = p;
	}
	spin_unlock_irq(&tasklist_lock);

	KUNIT_EXPECT_TRUE(test, contended);
	if (half)
		KUNIT_FAIL(test, "pid %d leads to a task not yet linked (%s, parent %s)",
			   half->pid, half->comm, half->real_parent->comm);
	wait_for_completion(&lf.forked);
	KUNIT_EXPECT_GT(test, lf.pid, 0);
	kthread_stop(t);
	task_unpin(current, &saved);
	/* The child (a kthread's: it reaps itself) ran; it is gone before lf is. */
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(lf.child.ran), 1000));
	KUNIT_EXPECT_TRUE(test, wait_for_dead_tasks(1000));
}

/* ---- children of kthreads (which ignore SIGCHLD: their children reap themselves) ---- */

struct kt_fork {
	struct completion forked;	/* the parent kthread is done forking */
	struct completion child_done;	/* the child did its checks */
	pid_t pid;			/* what kernel_clone() returned */
	pid_t child_pid;		/* what the child saw as its pid */
	int child_ran;
	bool kthread_child;		/* fork_one_child_fn(): the child is a kthread */
	bool child_first;		/* ... and preempts us as soon as it is woken */
	bool ran_before_return;		/* the child ran before kernel_clone() returned */
	bool no_setaffinity;		/* the child had PF_NO_SETAFFINITY */
	int setaffinity;		/* its set_cpus_allowed_ptr(all) */
};

static void kt_fork_init(struct kt_fork *f)
{
	memset(f, 0, sizeof(*f));
	init_completion(&f->forked);
	init_completion(&f->child_done);
}

static int affinity_child_fn(void *data)
{
	struct kt_fork *f = data;

	f->no_setaffinity = current->flags & PF_NO_SETAFFINITY;
	f->setaffinity = set_cpus_allowed_ptr(current, cpu_all_mask);
	complete(&f->child_done);
	return 0;
}

static int fork_affinity_child_fn(void *data)
{
	struct kt_fork *f = data;

	f->pid = kernel_thread(affinity_child_fn, f, "fork_unbound", SIGCHLD);
	if (f->pid > 0)
		wait_for_completion(&f->child_done);
	complete(&f->forked);
	sleep_until_stopped();
	return 0;
}

/* A bound kthread's child inherits its CPUs, not its fixed affinity. */
static void fork_test_child_of_bound_thread(struct kunit *test)
{
	struct kt_fork f;
	struct task_struct *t;

	kt_fork_init(&f);
	t = kthread_create(fork_affinity_child_fn, &f, "fork_bound");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	kthread_bind(t, 0);
	KUNIT_EXPECT_TRUE(test, t->flags & PF_NO_SETAFFINITY);
	wake_up_process(t);
	wait_for_completion(&f.forked);
	KUNIT_EXPECT_GT(test, f.pid, 0);
	KUNIT_EXPECT_FALSE(test, f.no_setaffinity);
	KUNIT_EXPECT_EQ(test, f.setaffinity, 0);
	kthread_stop(t);
}

static int note_pid_and_exit_fn(void *data)
{
	struct kt_fork *f = data;

	f->child_pid = current->pid;
	WRITE_ONCE(f->child_ran, 1);
	return 0;
}

static struct task_struct *boosting_parent;

/*
 * Test hook, at the step before wake_up_new_task(): make our newest child
 * SCHED_FIFO, so that it preempts us the moment it is woken.
 */
static void boost_new_child(int step)
{
	static const struct sched_param fifo = { .sched_priority = 1 };
	struct task_struct *child;

	if (step != KT_WAKE_UP_NEW_TASK || current != boosting_parent)
		return;
	spin_lock_irq(&tasklist_lock);
	child = list_last_entry(&current->children, struct task_struct, sibling);
	spin_unlock_irq(&tasklist_lock);
	sched_setscheduler_nocheck(child, SCHED_FIFO, &fifo);
}

/* A kthread that forks one child (a kthread or not), then waits to be stopped. */
static int fork_one_child_fn(void *data)
{
	struct kt_fork *f = data;
	struct kernel_clone_args args = {
		.exit_signal = SIGCHLD,
		.fn = note_pid_and_exit_fn,
		.fn_arg = f,
		.name = "fork_kt_child",
		.kthread = f->kthread_child,
	};

	if (f->child_first) {
		boosting_parent = current;
		WRITE_ONCE(kthread_step_hook, boost_new_child);
	}
	f->pid = kernel_clone(&args);
	WRITE_ONCE(kthread_step_hook, NULL);
	f->ran_before_return = READ_ONCE(f->child_ran);
	complete(&f->forked);
	sleep_until_stopped();
	return 99;
}

/*
 * A kthread's vfork_done is its struct kthread's "exited", what
 * kthread_stop() waits on. Its forked child (not a kthread) must not
 * carry it: the child's exit would end kthread_stop() early.
 */
static void fork_test_kthread_child_exit_not_parent_exit(struct kunit *test)
{
	struct kt_fork f;
	struct task_struct *t;

	kt_fork_init(&f);	/* a child that is not a kthread: no vfork_done of its own */
	t = kthread_run(fork_one_child_fn, &f, "fork_kt_parent");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	wait_for_completion(&f.forked);
	KUNIT_EXPECT_GT(test, f.pid, 0);
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(f.child_ran), 1000));
	KUNIT_EXPECT_TRUE(test, wait_for_dead_tasks(1000));	/* the child is gone */
	KUNIT_EXPECT_FALSE(test, t->flags & PF_EXITING);
	/* kthread_stop() returns what threadfn returned: it waited for the real exit. */
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 99);
}

/*
 * The child runs, exits and (a kthread's child) reaps itself, so its
 * task_struct is freed, all before kernel_clone() returns in the parent:
 * the pid returned is still the child's, read while it was alive.
 */
static void fork_test_pid_of_child_gone_before_return(struct kunit *test)
{
	struct kt_fork f;
	struct task_struct *t;

	kt_fork_init(&f);
	f.kthread_child = true;		/* kernel_clone() records its steps */
	f.child_first = true;
	t = kthread_run(fork_one_child_fn, &f, "fork_preempted");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	wait_for_completion(&f.forked);
	KUNIT_EXPECT_TRUE(test, f.ran_before_return);	/* the injection worked */
	KUNIT_EXPECT_GT(test, f.pid, 0);
	KUNIT_EXPECT_EQ(test, f.pid, f.child_pid);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 99);
}

struct mm_fork {
	struct kunit *test;
	struct completion done;
};

/*
 * In a kthread running on a fresh address space (kthread_use_mm()): a
 * clone that fails after copy_mm() gives back the child's mm, whether a
 * copy (no CLONE_VM: its mm_struct and page tables) or a share
 * (CLONE_VM: its mm_users). The checks run here; only EXPECTs, no ASSERT
 * (that would jump back to the case's stack from ours).
 */
static int fork_on_mm_fn(void *data)
{
	static const unsigned long flags[] = { 0, CLONE_VM };
	struct mm_fork *c = data;
	struct kunit *test = c->test;
	struct mm_struct *mm = mm_alloc();
	struct mem_snapshot base;
	unsigned long free_pages;
	struct child_state st;

	if (!mm) {
		KUNIT_FAIL(test, "mm_alloc() failed");
		goto out;
	}
	child_state_init(&st);
	kthread_use_mm(mm);
	KUNIT_EXPECT_EQ(test, read_cr3(), __pa(mm->pgd));
	for (unsigned int i = 0; i < ARRAY_SIZE(flags); i++) {
		mem_snapshot_take(&base);
		free_pages = nr_free_pages();
		/* copy_thread() refuses a NULL function: after copy_mm(). */
		KUNIT_EXPECT_EQ(test, clone_with(flags[i], NULL, &st), -EINVAL);
		KUNIT_EXPECT_EQ(test, atomic_read(&mm->mm_users), 1);
		KUNIT_EXPECT_MEM_BACK_TO(test, &base);
		KUNIT_EXPECT_EQ(test, nr_free_pages(), free_pages);
		/* alloc_pid() fails: later still. */
		if (fail_nth_alloc_in(&failslab, "alloc_pid", 1)) {
			KUNIT_EXPECT_EQ(test, clone_with(flags[i], exit_at_once_fn, &st), -ENOMEM);
			fault_attr_disarm(&failslab);
		} else {
			KUNIT_FAIL(test, "alloc_pid not found for fault injection");
		}
		KUNIT_EXPECT_EQ(test, atomic_read(&mm->mm_users), 1);
		KUNIT_EXPECT_MEM_BACK_TO(test, &base);
		KUNIT_EXPECT_EQ(test, nr_free_pages(), free_pages);
	}
	kthread_unuse_mm(mm);
	KUNIT_EXPECT_EQ(test, read_cr3(), __pa(init_mm.pgd));
	KUNIT_EXPECT_PTR_EQ(test, current->mm, NULL);
	mmput(mm);
	KUNIT_EXPECT_EQ(test, READ_ONCE(st.ran), 0);
out:
	complete(&c->done);
	sleep_until_stopped();
	return 0;
}

static void fork_test_failure_after_copy_mm_unwinds(struct kunit *test)
{
	struct mm_fork c = { .test = test };
	struct mem_snapshot base;
	struct task_struct *t;

	init_completion(&c.done);
	t = kthread_create(fork_on_mm_fn, &c, "fork_on_mm");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	mem_snapshot_take(&base);
	wake_up_process(t);
	wait_for_completion(&c.done);
	KUNIT_EXPECT_MEM_BACK_TO(test, &base);		/* the mm itself is gone too */
	kthread_stop(t);
}

/*
 * The per-CPU stack cache (kernel/fork.c). The parent is bound to the CPU
 * it is on, so its children (which inherit the mask) are made, run, die
 * and are freed there: their stacks go to and come from that CPU's cache.
 */
#define STALE_WORD	0x5a1e5a1e5a1e5a1eUL
#define DEEP_BYTES	(THREAD_SIZE / 2)	/* deeper than any child here goes */

struct stack_child {
	struct completion started;
	struct completion go;
	void *stack;
	unsigned long stale;	/* words of STALE_WORD in the deep half */
	unsigned long nonzero;	/* words not zero there */
};

/*
 * Leave STALE_WORD all over the lower half of our stack, below anything in
 * use, as a task with a deep call chain would leave its frames.
 */
static int scribble_stack_fn(void *data)
{
	struct stack_child *c = data;
	unsigned long *word = current->stack;

	c->stack = current->stack;
	for (unsigned long i = 0; i < DEEP_BYTES / sizeof(long); i++)
		WRITE_ONCE(word[i], STALE_WORD);
	return 0;
}

/* Look at the lower half of the stack we got, then wait for the parent's go. */
static int inspect_stack_fn(void *data)
{
	struct stack_child *c = data;
	unsigned long *word = current->stack;

	c->stack = current->stack;
	for (unsigned long i = 0; i < DEEP_BYTES / sizeof(long); i++) {
		c->stale += READ_ONCE(word[i]) == STALE_WORD;
		c->nonzero += READ_ONCE(word[i]) != 0;
	}
	complete(&c->started);
	wait_for_completion(&c->go);
	return 0;
}

static unsigned long kernel_stack_kb(void)
{
	return node_page_state(NODE_DATA(numa_mem_id()), NR_KERNEL_STACK_KB);
}

/*
 * A stack freed goes to the CPU's cache, not back to vmalloc; the next
 * task made there gets that very stack, zeroed; and NR_KERNEL_STACK_KB
 * counts it only while a task owns it.
 */
static void fork_test_stack_cache_reuses_zeroed(struct kunit *test)
{
	struct stack_child a = {}, b = {};
	struct cpumask saved = current->cpus_mask;
	unsigned long kb, vm_pages;
	unsigned int cpu;
	pid_t pid;

	init_completion(&b.started);
	init_completion(&b.go);
	cpu = raw_smp_processor_id();
	KUNIT_ASSERT_EQ(test, set_cpus_allowed_ptr(current, cpumask_of(cpu)), 0);
	drain_cached_thread_stacks();
	KUNIT_EXPECT_EQ(test, nr_cached_thread_stacks(cpu), 0);
	kb = kernel_stack_kb();
	vm_pages = vmalloc_nr_pages();

	pid = kernel_thread(scribble_stack_fn, &a, "fork_scribble", SIGCHLD);
	KUNIT_ASSERT_GT(test, pid, 0);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, NULL), pid);
	wait_for_dead_tasks(1000);
	KUNIT_EXPECT_EQ(test, nr_cached_thread_stacks(cpu), 1);
	KUNIT_EXPECT_EQ(test, kernel_stack_kb(), kb);

	pid = kernel_thread(inspect_stack_fn, &b, "fork_inspect", SIGCHLD);
	KUNIT_ASSERT_GT(test, pid, 0);
	wait_for_completion(&b.started);
	KUNIT_EXPECT_EQ(test, nr_cached_thread_stacks(cpu), 0);
	KUNIT_EXPECT_PTR_EQ(test, b.stack, a.stack);
	KUNIT_EXPECT_EQ(test, b.stale, 0);
	KUNIT_EXPECT_EQ(test, b.nonzero, 0);
	KUNIT_EXPECT_EQ(test, kernel_stack_kb(), kb + THREAD_SIZE / 1024);
	complete(&b.go);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, NULL), pid);
	wait_for_dead_tasks(1000);
	KUNIT_EXPECT_EQ(test, nr_cached_thread_stacks(cpu), 1);
	KUNIT_EXPECT_EQ(test, kernel_stack_kb(), kb);

	/* Draining gives the pages back to vmalloc: the baseline again. */
	drain_cached_thread_stacks();
	KUNIT_EXPECT_EQ(test, nr_cached_thread_stacks(cpu), 0);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), vm_pages);
	set_cpus_allowed_ptr(current, &saved);
}

static struct kunit_case fork_cases[] = {
	KUNIT_CASE(fork_test_family_links),
	KUNIT_CASE(fork_test_pids_increase_and_are_freed),
	KUNIT_CASE(fork_test_zombie_until_waited),
	KUNIT_CASE(fork_test_wait_any_and_echild),
	KUNIT_CASE(fork_test_orphans_adopted_by_init),
	KUNIT_CASE(fork_test_autoreap_wakes_waiting_parent),
	KUNIT_CASE(fork_test_clone_files_shares_table),
	KUNIT_CASE(fork_test_no_clone_files_copies_table),
	KUNIT_CASE(fork_test_clone_fs),
	KUNIT_CASE(fork_test_bad_flags_einval),
	KUNIT_CASE(fork_test_clone_parent_sibling),
	KUNIT_CASE(fork_test_enomem_each_step_unwinds),
	KUNIT_CASE(fork_test_enomem_stack_pages_unwind),
	KUNIT_CASE(fork_test_vfork_waits_for_child),
	KUNIT_CASE(fork_test_child_start_time),
	KUNIT_CASE(fork_test_ref_outlives_reaping),
	KUNIT_CASE(fork_test_pid_found_only_when_linked),
	KUNIT_CASE(fork_test_child_of_bound_thread),
	KUNIT_CASE(fork_test_kthread_child_exit_not_parent_exit),
	KUNIT_CASE(fork_test_pid_of_child_gone_before_return),
	KUNIT_CASE(fork_test_failure_after_copy_mm_unwinds),
	KUNIT_CASE(fork_test_stack_cache_reuses_zeroed),
	{}
};

static struct kunit_suite fork_suite = {
	.name = "fork",
	.test_cases = fork_cases,
};
kunit_test_suite(fork_suite);
