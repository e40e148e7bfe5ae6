// SPDX-License-Identifier: GPL-2.0
/*
 * Small system calls about the caller and the system: ids, uname,
 * reboot. Spindle has one user, root: every id is 0.
 * Linux: kernel/sys.c, kernel/reboot.c
 */
#include <linux/kernel.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/syscalls.h>
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

/* The parent as the child sees it; tasklist_lock keeps it from changing. */
SYSCALL_DEFINE0(getppid)
{
	pid_t pid;

	spin_lock_irq(&tasklist_lock);
	pid = current->real_parent ? current->real_parent->tgid : 0;
	spin_unlock_irq(&tasklist_lock);
	return pid;
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
	strscpy(u.release, SPINDLE_VERSION, sizeof(u.release));
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
