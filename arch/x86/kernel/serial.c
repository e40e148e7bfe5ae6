// SPDX-License-Identifier: GPL-2.0
/*
 * A polled driver for the 16550 UART on COM1 (I/O ports 0x3f8..0x3ff),
 * 115200 baud, 8 data bits, no parity, 1 stop bit. Polled, not interrupt
 * driven, so printk() works from the first instruction of C to a panic
 * with interrupts off. Input may be interrupt driven: kernel/tty.c turns
 * on the receive interrupt (serial8250_enable_rx_irq()) for the shell.
 * Linux: drivers/tty/serial/8250/8250_early.c
 */
#include <linux/console.h>
#include <linux/tty.h>
#include <asm/io.h>
#include <asm/serial.h>

/* Register offsets from the base port. */
#define UART_TX		0	/* transmit holding register (write) */
#define UART_RX		0	/* receive buffer (read) */
#define UART_DLL	0	/* divisor latch low (when DLAB is set) */
#define UART_DLM	1	/* divisor latch high (when DLAB is set) */
#define UART_IER	1	/* interrupt enable */
#define UART_FCR	2	/* FIFO control */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */

#define UART_LCR_DLAB	0x80
#define UART_LCR_8N1	0x03
#define UART_LSR_DR	0x01	/* a received byte is waiting */
#define UART_LSR_THRE	0x20	/* room to transmit */
#define UART_IER_RDI	0x01	/* interrupt when a received byte is waiting */
#define UART_MCR_DTR	0x01
#define UART_MCR_RTS	0x02
#define UART_MCR_OUT2	0x08	/* on PCs, connects the UART's IRQ to the board */

#define BASE_BAUD	115200

/**
 * serial8250_init - program COM1 for 115200 8N1 with FIFOs on
 *
 * Interrupts stay off in the UART: output is polled. Safe to call twice.
 * Linux: early_serial_init() in arch/x86/kernel/early_printk.c
 */
void serial8250_init(void)
{
	unsigned int divisor = BASE_BAUD / 115200;

	outb(0x00, COM1_BASE + UART_IER);
	outb(UART_LCR_DLAB, COM1_BASE + UART_LCR);
	outb(divisor & 0xff, COM1_BASE + UART_DLL);
	outb(divisor >> 8, COM1_BASE + UART_DLM);
	outb(UART_LCR_8N1, COM1_BASE + UART_LCR);
	outb(0x07, COM1_BASE + UART_FCR);	/* enable and clear FIFOs */
	outb(UART_MCR_DTR | UART_MCR_RTS, COM1_BASE + UART_MCR);
}

/**
 * serial8250_enable_rx_irq - interrupt on every received byte
 *
 * Sets the receive-data interrupt in IER and OUT2 in MCR (a PC board
 * only passes the UART's interrupt to ISA IRQ 4 while OUT2 is set).
 * Output stays polled: no transmit interrupt is enabled. The caller
 * routes IRQ 4 and drains the bytes with serial8250_getc() in its
 * handler: the line stays raised while a byte is waiting.
 * Linux: serial8250_do_startup() in drivers/tty/serial/8250/8250_port.c
 */
void serial8250_enable_rx_irq(void)
{
	outb(UART_MCR_DTR | UART_MCR_RTS | UART_MCR_OUT2, COM1_BASE + UART_MCR);
	outb(UART_IER_RDI, COM1_BASE + UART_IER);
}

/**
 * serial8250_putc - send one byte, waiting for room in the transmitter
 * @c: the byte
 */
void serial8250_putc(char c)
{
	while (!(inb(COM1_BASE + UART_LSR) & UART_LSR_THRE))
		;
	outb(c, COM1_BASE + UART_TX);
}

/**
 * serial8250_getc - one received byte, without waiting
 *
 * Return: the byte, or -1 if nothing has arrived.
 */
int serial8250_getc(void)
{
	if (!(inb(COM1_BASE + UART_LSR) & UART_LSR_DR))
		return -1;
	return inb(COM1_BASE + UART_RX);
}

/*
 * The tty shares COM1 with printk(): it puts each line on a line of its
 * own and redraws the shell's prompt under it (kernel/tty.c).
 */
static void serial_console_write(struct console *con, const char *s, unsigned int len)
{
	tty_console_write(s, len);
}

static struct console serial_console = {
	.name = "ttyS0",
	.write = serial_console_write,
};

/**
 * serial_console_init - make COM1 printk()'s console
 * Linux: univ8250_console_init()
 */
void serial_console_init(void)
{
	serial8250_init();
	register_console(&serial_console);
}
