// SPDX-License-Identifier: GPL-2.0
/*
 * Leaving the machine: QEMU's isa-debug-exit for tests, the keyboard
 * controller reset for reboot.
 * Linux: arch/x86/kernel/reboot.c
 */
#include <linux/irqflags.h>
#include <linux/printk.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <linux/reboot.h>
#include <asm/qemu.h>

/**
 * qemu_exit - end QEMU with exit status (@code << 1) | 1
 * @code: QEMU_EXIT_SUCCESS or QEMU_EXIT_FAILURE
 *
 * Without the isa-debug-exit device the write does nothing and we halt.
 */
void qemu_exit(int code)
{
	printk_flush();
	outl(code, QEMU_DEBUG_EXIT_PORT);
	local_irq_disable();
	for (;;)
		native_halt();
}

/**
 * machine_restart - reset the machine through the keyboard controller
 * Linux: machine_restart() / native_machine_emergency_restart()
 */
void machine_restart(void)
{
	local_irq_disable();
	/* Wait for the controller's input buffer, then pulse the reset line. */
	for (int i = 0; i < 0x10000 && (inb(0x64) & 0x02); i++)
		cpu_relax();
	outb(0xfe, 0x64);
	for (;;)
		native_halt();
}
