/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The shell on the serial console (kernel/shell.c): pid 1 starts it
 * once boot is finished, as a kthread named spindle_sh.
 * No Linux counterpart: Linux's init would exec a user-space shell.
 */
#ifndef _LINUX_SHELL_H
#define _LINUX_SHELL_H

int shell_init(void);
int shell_start_on_demand(void);

#endif /* _LINUX_SHELL_H */
