// SPDX-License-Identifier: GPL-2.0
/*
 * Small system calls about the caller and the system: ids, uname,
 * reboot. Spindle has one user, root: every id is 0.
 * Linux: kernel/sys.c, kernel/reboot.c
 */
#include <linux/kernel.h>
#include <linux/pid.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/sched/loadavg.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/syscalls.h>
#include <linux/fdtable.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <generated/compile.h>
#include <asm/qemu.h>

SYSCALL_DEFINE0(getpid)
{
	return current->tgid;
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

/* The parent as the child sees it. */
SYSCALL_DEFINE0(getppid)
{
	return task_ppid_nr(current);
}

SYSCALL_DEFINE0(getuid)
{
	return 0;
}

SYSCALL_DEFINE0(geteuid)
{
	return 0;
}

SYSCALL_DEFINE0(getgid)
{
	return 0;
}

SYSCALL_DEFINE0(getegid)
{
	return 0;
}

#define __NEW_UTS_LEN 64

struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

/* uname(2): struct new_utsname, as Linux fills it (init_uts_ns). */
SYSCALL_DEFINE1(uname, struct new_utsname __user *, name)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strscpy(u.sysname, "Spindle", sizeof(u.sysname));
	strscpy(u.nodename, "(none)", sizeof(u.nodename));
	strscpy(u.release, SPINDLE_VERSION "-spindle", sizeof(u.release));
	strscpy(u.version, "#" SPINDLE_BUILD, sizeof(u.version));
	strscpy(u.machine, "x86_64", sizeof(u.machine));
	strscpy(u.domainname, "(none)", sizeof(u.domainname));
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

#define LINUX_REBOOT_MAGIC1	0xfee1dead
#define LINUX_REBOOT_MAGIC2	672274793
#define LINUX_REBOOT_MAGIC2A	85072278
#define LINUX_REBOOT_MAGIC2B	369367448
#define LINUX_REBOOT_MAGIC2C	537993216
#define LINUX_REBOOT_CMD_RESTART	0x01234567
#define LINUX_REBOOT_CMD_HALT		0xcdef0123
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321fedc

/*
 * reboot(2): restart, halt or power off; under QEMU (isa-debug-exit)
 * power-off and halt end QEMU with the "success" status, restart resets
 * the machine (QEMU with -no-reboot exits).
 * Linux: SYSCALL_DEFINE4(reboot) in kernel/reboot.c
 */
SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd, void __user *, arg)
{
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
		pr_emerg("reboot: Restarting system\n");
		machine_restart();
	case LINUX_REBOOT_CMD_HALT:
		pr_emerg("reboot: System halted\n");
		qemu_exit(QEMU_EXIT_SUCCESS);
	case LINUX_REBOOT_CMD_POWER_OFF:
		pr_emerg("reboot: Power down\n");
		qemu_exit(QEMU_EXIT_SUCCESS);
	default:
		return -EINVAL;
	}
}

/*
 * Process groups and sessions, for a shell's job control: each job is
 * a process group; a login shell's session owns the terminal, and the
 * terminal's foreground group gets its Ctrl-C. All under tasklist_lock.
 * Linux: kernel/sys.c (setpgid, getpgid, setsid, getsid)
 */

/* The process @pid, or current for 0; tasklist_lock held. */
static struct task_struct *find_task_or_current(pid_t pid)
{
	struct task_struct *p;

	if (!pid)
		return current;
	for_each_process(p)
		if (p->pid == pid && !p->exit_state)
			return p;
	return NULL;
}

/* Is there a process of group @pgrp in session @sid? tasklist_lock held. */
static bool pgrp_in_session(pid_t pgrp, pid_t sid)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->signal && p->signal->pgrp == pgrp && p->signal->session == sid)
			return true;
	return false;
}

SYSCALL_DEFINE2(setpgid, pid_t, pid, pid_t, pgid)
{
	struct task_struct *p;
	int err = -ESRCH;

	if (pgid < 0)
		return -EINVAL;
	spin_lock_irq(&tasklist_lock);
	p = find_task_or_current(pid);
	if (!p)
		goto out;
	if (!pgid)
		pgid = p->tgid;
	if (p != current && p->real_parent != current)
		goto out;	/* only oneself or one's own children */
	err = -EPERM;
	if (p->signal->session == p->tgid)
		goto out;	/* a session leader stays in its group */
	if (p->signal->session != current->signal->session)
		goto out;
	if (pgid != p->tgid && !pgrp_in_session(pgid, current->signal->session))
		goto out;
	p->signal->pgrp = pgid;
	err = 0;
out:
	spin_unlock_irq(&tasklist_lock);
	return err;
}

SYSCALL_DEFINE1(getpgid, pid_t, pid)
{
	struct task_struct *p;
	pid_t ret = -ESRCH;

	spin_lock_irq(&tasklist_lock);
	p = find_task_or_current(pid);
	if (p)
		ret = p->signal->pgrp;
	spin_unlock_irq(&tasklist_lock);
	return ret;
}

SYSCALL_DEFINE0(getpgrp)
{
	return __do_sys_getpgid(0);
}

SYSCALL_DEFINE1(getsid, pid_t, pid)
{
	struct task_struct *p;
	pid_t ret = -ESRCH;

	spin_lock_irq(&tasklist_lock);
	p = find_task_or_current(pid);
	if (p)
		ret = p->signal->session;
	spin_unlock_irq(&tasklist_lock);
	return ret;
}

/**
 * ksys_setsid - make current the leader of a new session and process group
 *
 * Return: the new session id (current's pid), or -EPERM if current
 * already leads a process group.
 *
 * The new session has no controlling terminal until its leader opens
 * or TIOCSCTTYs one.
 * Linux: ksys_setsid()
 */
int ksys_setsid(void)
{
	struct task_struct *p;
	pid_t sid = current->tgid;
	int err = -EPERM;

	spin_lock_irq(&tasklist_lock);
	for_each_process(p)
		if (p->signal && p->signal->pgrp == sid)
			goto out;
	current->signal->pgrp = current->signal->session = sid;
	current->signal->tty = NULL;
	err = sid;
out:
	spin_unlock_irq(&tasklist_lock);
	return err;
}

SYSCALL_DEFINE0(setsid)
{
	return ksys_setsid();
}

/*
 * Resource limits: kept, inherited and reported, but only RLIMIT_NOFILE
 * means anything here (the file table has NR_OPEN_DEFAULT slots, and the
 * limit says so). Linux: kernel/sys.c (do_prlimit)
 */
static int do_prlimit(struct task_struct *tsk, unsigned int resource, struct rlimit *new_rlim,
		      struct rlimit *old_rlim)
{
	struct rlimit *rlim;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new_rlim && new_rlim->rlim_cur > new_rlim->rlim_max)
		return -EINVAL;
	if (new_rlim && resource == RLIMIT_NOFILE && new_rlim->rlim_max > NR_OPEN_DEFAULT)
		return -EPERM;	/* Linux: above sysctl_nr_open */
	task_lock(tsk);
	rlim = &tsk->signal->rlim[resource];
	if (old_rlim)
		*old_rlim = *rlim;
	if (new_rlim)
		*rlim = *new_rlim;
	task_unlock(tsk);
	return 0;
}

SYSCALL_DEFINE4(prlimit64, pid_t, pid, unsigned int, resource,
		const struct rlimit __user *, new_rlim, struct rlimit __user *, old_rlim)
{
	struct rlimit old, new;
	int ret;

	if (pid && pid != current->tgid)
		return -EPERM;	/* only one's own */
	if (new_rlim && copy_from_user(&new, new_rlim, sizeof(new)))
		return -EFAULT;
	ret = do_prlimit(current, resource, new_rlim ? &new : NULL, old_rlim ? &old : NULL);
	if (!ret && old_rlim && copy_to_user(old_rlim, &old, sizeof(old)))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit value;
	int ret = do_prlimit(current, resource, NULL, &value);

	if (!ret && copy_to_user(rlim, &value, sizeof(value)))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE2(setrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit value;

	if (copy_from_user(&value, rlim, sizeof(value)))
		return -EFAULT;
	return do_prlimit(current, resource, &value, NULL);
}

/* Linux: include/uapi/linux/sysinfo.h */
struct sysinfo {
	long uptime;
	unsigned long loads[3];
	unsigned long totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	unsigned short procs;
	unsigned short pad;
	unsigned long totalhigh, freehigh;
	unsigned int mem_unit;
	char _f[20 - 2 * sizeof(long) - sizeof(int)];
};

#define SI_LOAD_SHIFT	16

/* sysinfo(2): what free and uptime print. Linux: do_sysinfo() */
SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo val;

	memset(&val, 0, sizeof(val));
	val.uptime = ktime_get_ns() / 1000000000ULL;
	get_avenrun(val.loads, 0, SI_LOAD_SHIFT - FSHIFT);
	val.procs = nr_threads;
	val.totalram = totalram_pages();
	val.freeram = nr_free_pages();
	val.mem_unit = PAGE_SIZE;
	return copy_to_user(info, &val, sizeof(val)) ? -EFAULT : 0;
}

struct __kernel_old_timeval_rusage {
	long tv_sec, tv_usec;
};

/* Linux: include/uapi/linux/resource.h */
struct rusage {
	struct __kernel_old_timeval_rusage ru_utime, ru_stime;
	long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt, ru_nswap,
	     ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw;
};

#define RUSAGE_SELF	0
#define RUSAGE_CHILDREN	(-1)
#define RUSAGE_THREAD	1

/*
 * getrusage(2): run time, all counted as user time (Spindle does not
 * split it), and context switches. Linux: getrusage() in kernel/sys.c
 */
SYSCALL_DEFINE2(getrusage, int, who, struct rusage __user *, ru)
{
	struct rusage r;
	u64 ns;

	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	memset(&r, 0, sizeof(r));
	ns = who == RUSAGE_CHILDREN ? current->signal->cutime_ns : current->se.sum_exec_runtime;
	r.ru_utime.tv_sec = ns / 1000000000ULL;
	r.ru_utime.tv_usec = ns % 1000000000ULL / 1000;
	if (who != RUSAGE_CHILDREN) {
		r.ru_nvcsw = current->nvcsw;
		r.ru_nivcsw = current->nivcsw;
	}
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}

struct tms {
	long tms_utime, tms_stime, tms_cutime, tms_cstime;
};

/* times(2): the same in clock ticks (USER_HZ); returns ticks since boot. Linux: do_sys_times() */
SYSCALL_DEFINE1(times, struct tms __user *, tbuf)
{
	u64 tick = 1000000000ULL / 100;

	if (tbuf) {
		struct tms t = {
			.tms_utime = current->se.sum_exec_runtime / tick,
			.tms_cutime = current->signal->cutime_ns / tick,
		};

		if (copy_to_user(tbuf, &t, sizeof(t)))
			return -EFAULT;
	}
	return ktime_get_ns() / tick;
}

SYSCALL_DEFINE2(getgroups, int, gidsetsize, unsigned int __user *, grouplist)
{
	return gidsetsize < 0 ? -EINVAL : 0;	/* root, in no supplementary group */
}

#define PR_SET_PDEATHSIG	1
#define PR_GET_PDEATHSIG	2
#define PR_SET_NAME		15
#define PR_GET_NAME		16

/* prctl(2): a process's name (comm). Linux: SYSCALL_DEFINE5(prctl) */
SYSCALL_DEFINE5(prctl, int, option, unsigned long, arg2, unsigned long, arg3,
		unsigned long, arg4, unsigned long, arg5)
{
	char comm[TASK_COMM_LEN];

	switch (option) {
	case PR_SET_NAME:
		if (strncpy_from_user(comm, (const char __user *)arg2, sizeof(comm)) < 0)
			return -EFAULT;
		comm[sizeof(comm) - 1] = '\0';
		set_task_comm(current, comm);
		return 0;
	case PR_GET_NAME:
		get_task_comm(comm, current);
		return copy_to_user((char __user *)arg2, comm, sizeof(comm)) ? -EFAULT : 0;
	default:
		return -EINVAL;
	}
}
