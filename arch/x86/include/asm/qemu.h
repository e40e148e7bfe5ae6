/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Ending QEMU from inside: the isa-debug-exit device (iobase 0xf4) makes
 * QEMU exit with status (value << 1) | 1. The values are picked so that a
 * pass (33) and a failure (35) can never be confused with QEMU's own exit
 * statuses (0 for a normal quit, 1 for its errors).
 * No Linux counterpart: Linux powers off through ACPI.
 */
#ifndef _ASM_X86_QEMU_H
#define _ASM_X86_QEMU_H

#include <linux/compiler.h>

#define QEMU_DEBUG_EXIT_PORT	0xf4
#define QEMU_EXIT_SUCCESS	0x10	/* QEMU exits with 33 */
#define QEMU_EXIT_FAILURE	0x11	/* QEMU exits with 35 */

/* Leave QEMU with @code; halts if there is no isa-debug-exit device. */
__noreturn void qemu_exit(int code);

#endif /* _ASM_X86_QEMU_H */
