// SPDX-License-Identifier: GPL-2.0
/*
 * execve(): replacing the current program.
 *
 *   do_execve -> bprm: open the file, copy argv and envp into the kernel
 *     -> search_binary_handler: "#!" script (binfmt_script, re-entered
 *        with the interpreter) or ELF (load_elf_binary)
 *       -> begin_new_exec: the point of no return; a new mm replaces the
 *          old one (exec_mmap), the name becomes the file's, handlers reset
 *       -> map the segments, build the stack, start_thread()
 *
 * Before the point of no return an error returns to the old program;
 * after it, the process dies with SIGSEGV (Linux: force_fatal_sig()).
 * kernel_execve() is the same for pid 1, with kernel-space arguments.
 * Linux: fs/exec.c, fs/binfmt_script.c
 */
#include <linux/binfmts.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/vmalloc.h>
#include <trace/events/sched.h>
#include <asm/pgtable.h>

#define ARG_MAX_BYTES	(MAX_ARG_PAGES * PAGE_SIZE)
#define BINPRM_MAX_RECURSION 4

/**
 * exec_mmap - make @mm current's address space, dropping the old one
 * @mm: a new address space
 *
 * The CPU switches to it at once; a vfork() parent waiting for us to
 * let go of its mm is woken (exec_mm_release()).
 * Return: 0.
 * Linux: exec_mmap()
 */
int exec_mmap(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old_mm = tsk->mm;
	unsigned long flags;

	if (old_mm)
		exec_mm_release(tsk, old_mm);
	task_lock(tsk);
	local_irq_save(flags);
	tsk->mm = tsk->active_mm = mm;
	switch_mm_irqs_off(old_mm, mm, tsk);
	local_irq_restore(flags);
	task_unlock(tsk);
	if (old_mm)
		mmput(old_mm);
	return 0;
}

/* Are all of @tsk's threads gone but @tsk (and a zombie leader)? Under tasklist_lock. */
static bool other_threads_gone(struct task_struct *tsk)
{
	struct task_struct *t;

	for_each_thread(tsk, t)
		if (t != tsk && !(t == tsk->group_leader && t->exit_state))
			return false;
	return true;
}

/*
 * execve() in a thread group: the new program starts alone. Every other
 * thread gets SIGKILL and exits (with code 0: it is not a group exit),
 * and we wait, killably, until they are gone. If we are not the leader,
 * we then take its place: its pid (so the process keeps its pid), its
 * parent and its place among the parent's children, and the old leader,
 * a zombie now, is released under our old tid.
 * Return: 0, or -EAGAIN if a fatal signal or another thread's exit_group()
 * came first (we die on the way out anyway).
 * Linux: de_thread()
 */
static int de_thread(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	struct task_struct *leader, *t;

	spin_lock_irq(&tasklist_lock);
	if (thread_group_empty(tsk)) {
		spin_unlock_irq(&tasklist_lock);
		return 0;
	}
	if ((sig->flags & SIGNAL_GROUP_EXIT) || sig->group_exec_task) {
		spin_unlock_irq(&tasklist_lock);
		return -EAGAIN;
	}
	sig->group_exec_task = tsk;
	for_each_thread(tsk, t)
		if (t != tsk && !t->exit_state)
			send_sig(SIGKILL, t, 1);	/* Linux: zap_other_threads() */
	for (;;) {
		set_current_state(TASK_KILLABLE);
		if (other_threads_gone(tsk) || fatal_signal_pending(tsk))
			break;
		spin_unlock_irq(&tasklist_lock);
		schedule();
		spin_lock_irq(&tasklist_lock);
	}
	__set_current_state(TASK_RUNNING);
	if (!other_threads_gone(tsk)) {
		sig->group_exec_task = NULL;
		spin_unlock_irq(&tasklist_lock);
		return -EAGAIN;
	}
	leader = tsk->group_leader;
	if (leader != tsk) {
		/* Become the leader: its pid, its parent, its place in the family. */
		exchange_tids(tsk, leader);
		tsk->group_leader = tsk;
		leader->group_leader = tsk;
		tsk->real_parent = leader->real_parent;
		tsk->parent = leader->parent;
		/* Its place among the parent's children (a thread is on no children list). */
		list_add(&tsk->sibling, &leader->sibling);
		list_del_init(&leader->sibling);
		tsk->exit_signal = leader->exit_signal;
		tsk->start_time = leader->start_time;
		leader->exit_signal = -1;
	}
	sig->group_exec_task = NULL;
	spin_unlock_irq(&tasklist_lock);
	if (leader != tsk)
		release_task(leader);	/* a zombie nobody will wait for any more */
	return 0;
}

/* Handlers go back to SIG_DFL; what was ignored stays ignored. Linux: flush_signal_handlers() */
static void flush_signal_handlers(struct task_struct *t)
{
	struct sighand_struct *sighand = t->sighand;

	spin_lock_irq(&sighand->siglock);
	for (int i = 0; i < _NSIG; i++) {
		struct k_sigaction *ka = &sighand->action[i];

		if (ka->sa.sa_handler != SIG_IGN)
			ka->sa.sa_handler = SIG_DFL;
		ka->sa.sa_flags = 0;
		ka->sa.sa_mask = 0;
	}
	spin_unlock_irq(&sighand->siglock);
}

/**
 * begin_new_exec - the point of no return: the old program ends here
 * @bprm: the program being started
 *
 * Return: 0, or -ENOMEM if the new address space could not be made
 * (then the old program goes on, none the wiser).
 * Linux: begin_new_exec()
 */
int begin_new_exec(struct linux_binprm *bprm)
{
	const char *name = strrchr(bprm->filename, '/');
	int retval;

	bprm->mm = mm_alloc();
	if (!bprm->mm)
		return -ENOMEM;
	bprm->mm->exe_file = get_file(bprm->file);
	/* Before the point of no return: a fatal signal here kills us anyway. */
	retval = de_thread(current);
	if (retval) {
		mmput(bprm->mm);
		bprm->mm = NULL;
		return retval;
	}
	bprm->point_of_no_return = true;
	exec_mmap(bprm->mm);
	do_close_on_exec(current->files);
	__set_task_comm(current, name ? name + 1 : bprm->filename);
	flush_signal_handlers(current);
	current->flags &= ~PF_FORKNOEXEC;
	current->set_child_tid = current->clear_child_tid = NULL;
	return 0;
}

/**
 * setup_new_exec - the new mm's layout before the loader maps anything
 * @bprm: the program
 * Linux: setup_new_exec() / arch_pick_mmap_layout()
 */
void setup_new_exec(struct linux_binprm *bprm)
{
	bprm->mm->mmap_base = TASK_UNMAPPED_BASE;
	bprm->mm->task_size = TASK_SIZE;
}

/*
 * Append @count strings to bprm->strings, from user space (@user) or the
 * kernel. Linux: copy_strings() / copy_string_kernel()
 */
static int copy_strings(struct linux_binprm *bprm, const char *const *argv, bool user,
			int *count)
{
	for (int i = 0; argv; i++) {
		const char __user *ustr;
		const char *kstr;
		long len;

		if (user) {
			if (get_user(ustr, (const char __user *const __user *)argv + i))
				return -EFAULT;
			if (!ustr)
				return 0;
			len = strnlen_user(ustr, ARG_MAX_BYTES);
			if (!len)
				return -EFAULT;
		} else {
			kstr = argv[i];
			if (!kstr)
				return 0;
			len = strlen(kstr) + 1;
		}
		if (len > (long)(ARG_MAX_BYTES - bprm->strings_len))
			return -E2BIG;
		if (user) {
			if (copy_from_user(bprm->strings + bprm->strings_len, ustr, len))
				return -EFAULT;
			/* It may have changed under us: terminate where we counted. */
			bprm->strings[bprm->strings_len + len - 1] = '\0';
		} else {
			memcpy(bprm->strings + bprm->strings_len, kstr, len);
		}
		bprm->strings_len += len;
		(*count)++;
	}
	return 0;
}

/* Read the first bytes of the file into bprm->buf. Linux: prepare_binprm() */
static int prepare_binprm(struct linux_binprm *bprm)
{
	loff_t pos = 0;
	struct inode *inode = bprm->file->f_inode;

	if (!S_ISREG(inode->i_mode) || !(inode->i_mode & S_IXUGO))
		return -EACCES;
	memset(bprm->buf, 0, sizeof(bprm->buf));
	return kernel_read(bprm->file, bprm->buf, sizeof(bprm->buf), &pos) < 0 ? -EIO : 0;
}

/*
 * "#!interpreter [one-argument]": run the interpreter with the script's
 * name in place of argv[0]. The strings are rebuilt in front of the old
 * ones, argv[0] dropped. Linux: load_script() in fs/binfmt_script.c
 */
static int load_script(struct linux_binprm *bprm)
{
	char *cp, *interp, *arg = NULL, *end, *rest;
	size_t old0, prefix;
	int err;

	if (bprm->buf[0] != '#' || bprm->buf[1] != '!')
		return -ENOEXEC;
	end = memchr(bprm->buf, '\n', sizeof(bprm->buf));
	if (!end)
		return -ENOEXEC;	/* the interpreter line was cut short */
	*end = '\0';
	for (cp = bprm->buf + 2; *cp == ' ' || *cp == '\t'; cp++)
		;
	if (!*cp)
		return -ENOEXEC;
	interp = cp;
	while (*cp && *cp != ' ' && *cp != '\t')
		cp++;
	if (*cp) {
		*cp++ = '\0';
		while (*cp == ' ' || *cp == '\t')
			cp++;
		if (*cp) {
			arg = cp;
			/* Trailing blanks are not part of the argument. */
			for (rest = arg + strlen(arg); rest > arg && (rest[-1] == ' ' || rest[-1] == '\t'); )
				*--rest = '\0';
		}
	}
	/* New argv: interp [arg] filename argv[1..]. */
	old0 = bprm->argc ? strlen(bprm->strings) + 1 : 0;
	prefix = strlen(interp) + 1 + (arg ? strlen(arg) + 1 : 0) + strlen(bprm->filename) + 1;
	if (bprm->strings_len - old0 + prefix > ARG_MAX_BYTES)
		return -E2BIG;
	memmove(bprm->strings + prefix, bprm->strings + old0, bprm->strings_len - old0);
	cp = bprm->strings;
	strcpy(cp, interp);
	cp += strlen(interp) + 1;
	if (arg) {
		strcpy(cp, arg);
		cp += strlen(arg) + 1;
	}
	strcpy(cp, bprm->filename);
	bprm->strings_len = bprm->strings_len - old0 + prefix;
	bprm->argc = (arg ? 2 : 1) + 1 + (bprm->argc ? bprm->argc - 1 : 0);
	/* Open the interpreter; bprm->filename stays the script (AT_EXECFN). */
	fput(bprm->file);
	bprm->file = filp_open(bprm->strings, O_RDONLY, &err);
	if (!bprm->file)
		return err;
	return 0;
}

/* Try each format on the file. Linux: search_binary_handler() / exec_binprm() */
static int exec_binprm(struct linux_binprm *bprm)
{
	for (int depth = 0; depth <= BINPRM_MAX_RECURSION; depth++) {
		int ret = prepare_binprm(bprm);

		if (ret)
			return ret;
		ret = load_script(bprm);
		if (ret == -ENOEXEC)
			return load_elf_binary(bprm);
		if (ret)
			return ret;
	}
	return -ELOOP;
}

/*
 * The common part of execve() and kernel_execve(): @filename is a kernel
 * string, @argv and @envp user (@user) or kernel pointers.
 * Linux: do_execveat_common()
 */
static int do_execveat_common(const char *filename, const char *const *argv,
			      const char *const *envp, bool user)
{
	struct linux_binprm bprm = { .filename = filename };
	int retval;

	bprm.file = filp_open(filename, O_RDONLY, &retval);
	if (!bprm.file)
		return retval == -EISDIR ? -EACCES : retval;	/* as do_open_execat() */
	retval = -ENOMEM;
	bprm.strings = vmalloc(ARG_MAX_BYTES);
	if (!bprm.strings)
		goto out;
	retval = copy_strings(&bprm, argv, user, &bprm.argc);
	if (!retval)
		retval = copy_strings(&bprm, envp, user, &bprm.envc);
	if (retval)
		goto out;
	retval = exec_binprm(&bprm);
	if (!retval)
		trace_sched_process_exec(current, task_pid_nr(current), bprm.filename);
	if (retval < 0 && bprm.point_of_no_return) {
		/* Nothing to go back to: the process dies. Linux: force_fatal_sig() */
		force_sig(SIGSEGV);
	}
out:
	if (bprm.strings)
		vfree(bprm.strings);
	if (bprm.file)
		fput(bprm.file);
	return retval;
}

/**
 * kernel_execve - start @filename in current, from the kernel
 * @filename: path of the program
 * @argv: NULL-terminated kernel array of kernel strings
 * @envp: the same for the environment
 *
 * Used by pid 1 (run_init_process()): on success the task returns to
 * user mode in the new program when its kernel function returns.
 * Return: 0 or a negative errno.
 * Linux: kernel_execve()
 */
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp)
{
	return do_execveat_common(filename, argv, envp, false);
}

SYSCALL_DEFINE3(execve, const char __user *, filename, const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;
	int ret;

	if (!name)
		return -ENOMEM;
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len < 0)
		ret = len;
	else if (len == PATH_MAX)
		ret = -ENAMETOOLONG;
	else if (!len)
		ret = -ENOENT;
	else
		ret = do_execveat_common(name, (const char *const *)argv,
					 (const char *const *)envp, true);
	kfree(name);
	return ret;
}
