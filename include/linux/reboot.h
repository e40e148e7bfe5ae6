/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Leaving the machine. machine_restart() resets it through the keyboard
 * controller (under QEMU's -no-reboot, QEMU exits instead); for a halt
 * that ends QEMU with a status, see qemu_exit() in <asm/qemu.h>.
 * Linux: include/linux/reboot.h
 */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#include <linux/compiler.h>

/* arch/x86/kernel/reboot.c */
__noreturn void machine_restart(void);

#endif /* _LINUX_REBOOT_H */
