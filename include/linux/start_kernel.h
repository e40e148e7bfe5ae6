/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_START_KERNEL_H
#define _LINUX_START_KERNEL_H

#include <linux/compiler.h>
#include <linux/types.h>

/* The generic kernel's entry, called by the arch once per boot. */
__noreturn void start_kernel(void);

extern const char linux_banner[];

/* What pid 1 runs after boot (init/demo.c). */
void boot_demo(void);
/* Trigger the crash named by lkdtm= (tests/kernel/lkdtm.c); false if none. */
bool lkdtm_run(void);

#endif /* _LINUX_START_KERNEL_H */
