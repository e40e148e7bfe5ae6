/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Ending QEMU from inside: the isa-debug-exit device (its port is in tools/qemu.mk) makes
 * QEMU exit with status (value << 1) | 1. The port and the two statuses
 * (33 for a pass, 35 for a failure: never QEMU's own 0 or 1) are defined
 * once, in tools/qemu.mk, which the host tools read too; the build turns
 * them into <generated/qemu.h>.
 * No Linux counterpart: Linux powers off through ACPI.
 */
#ifndef _ASM_X86_QEMU_H
#define _ASM_X86_QEMU_H

#include <linux/compiler.h>

/* QEMU_DEBUG_EXIT_PORT, QEMU_EXIT_SUCCESS, QEMU_EXIT_FAILURE */
#include <generated/qemu.h>

/* Leave QEMU with @code; halts if there is no isa-debug-exit device. */
__noreturn void qemu_exit(int code);

#endif /* _ASM_X86_QEMU_H */
