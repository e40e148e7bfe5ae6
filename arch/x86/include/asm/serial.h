/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The 16550 UART on COM1: the console, and input for the shell.
 * Linux: drivers/tty/serial/8250/, arch/x86/kernel/early_printk.c
 */
#ifndef _ASM_X86_SERIAL_H
#define _ASM_X86_SERIAL_H

#include <linux/types.h>

#define COM1_BASE	0x3f8

void serial8250_init(void);
void serial8250_putc(char c);
/* The next received byte, or -1 if none is waiting. */
int serial8250_getc(void);
/* Interrupt (ISA IRQ 4) when a byte arrives; output stays polled. */
void serial8250_enable_rx_irq(void);
/* Program COM1 and register it as printk()'s console. */
void serial_console_init(void);

#endif /* _ASM_X86_SERIAL_H */
