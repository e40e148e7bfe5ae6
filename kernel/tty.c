// SPDX-License-Identifier: GPL-2.0
/*
 * The serial console as a terminal for the shell. printk() writes to
 * COM1 by polling (arch/x86/kernel/serial.c) and so do we; reading is
 * interrupt driven: tty_init() turns on the UART's receive interrupt and
 * routes ISA IRQ 4 through the I/O APIC to serial_interrupt(), which moves
 * every waiting byte into read_buf and wakes read_wait. tty_read_char()
 * sleeps there until a byte has come, so an idle shell costs nothing.
 *
 * The tty is raw: bytes are handed over as typed, with no echo and no
 * line editing; the shell does both (Linux's n_tty would do them in
 * canonical mode; here the shell is its own readline). On output, "\n"
 * becomes "\r\n", as Linux's ONLCR does.
 *
 * Locking: read_lock, taken with interrupts off, guards read_buf and its
 * head and tail (written by the interrupt handler, read by the reader).
 * There is one reader and one writer, the shell thread; the writer takes
 * no lock, so a printk() from elsewhere may land between two tty_write()s.
 * Linux: drivers/tty/n_tty.c (read_buf, read_wait, n_tty_read()),
 * drivers/tty/serial/8250/8250_port.c (serial8250_handle_irq())
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/wait.h>
#include <asm/apic.h>
#include <asm/io_apic.h>
#include <asm/serial.h>
#include <asm/traps.h>

#define COM1_IRQ	4
#define COM1_VECTOR	(IRQ0_VECTOR + COM1_IRQ)
#define READ_BUF_SIZE	256	/* a power of two: head and tail wrap freely */

static char read_buf[READ_BUF_SIZE];
static unsigned int read_head;	/* next byte the handler writes */
static unsigned int read_tail;	/* next byte the reader takes */
/* Guards read_buf, read_head and read_tail; irqs off (the COM1 handler fills them). */
static DEFINE_RAW_SPINLOCK(read_lock);
static DECLARE_WAIT_QUEUE_HEAD(read_wait);

static bool tty_ready;		/* tty_init() has run */
static bool tty_polled;		/* no receive interrupt: poll every tick */
unsigned long tty_rx_count, tty_rx_dropped;

/*
 * Move every byte the UART holds into read_buf; true if any was kept.
 * The line is edge triggered and stays raised while a byte waits, so
 * leaving one behind would mean no further interrupt: drain until the
 * receive FIFO is empty. Interrupts are off.
 * Linux: serial8250_rx_chars()
 */
static bool serial_receive_chars(void)
{
	bool got = false;
	int c;

	raw_spin_lock(&read_lock);
	while ((c = serial8250_getc()) >= 0) {
		tty_rx_count++;
		if (read_head - read_tail == READ_BUF_SIZE) {
			tty_rx_dropped++;	/* nobody reads: drop the newest */
			continue;
		}
		read_buf[read_head++ % READ_BUF_SIZE] = (char)c;
		got = true;
	}
	raw_spin_unlock(&read_lock);
	return got;
}

/* ISA IRQ 4. Linux: serial8250_handle_irq() */
static void serial_interrupt(struct pt_regs *regs)
{
	bool got = serial_receive_chars();

	apic_eoi();
	if (got)
		wake_up_interruptible(&read_wait);
}

/**
 * tty_init - start taking input from COM1 by interrupt
 *
 * Return: 0 with the interrupt, or the routing error (input is then polled).
 *
 * Registers the handler for ISA IRQ 4, enables the UART's receive
 * interrupt and routes the line. If the line cannot be routed the tty
 * still works, by polling the UART once per tick. Safe to call twice.
 * Linux: uart_startup() / serial8250_startup()
 */
int tty_init(void)
{
	unsigned long flags;
	int ret;

	if (tty_ready)
		return tty_polled ? -ENODEV : 0;
	set_vector_handler(COM1_VECTOR, serial_interrupt, "ttyS0");
	serial8250_enable_rx_irq();
	ret = ioapic_route_isa_irq(COM1_IRQ, COM1_VECTOR);
	if (ret) {
		pr_warn("tty: cannot route COM1's IRQ %d (%d): polling for input\n",
			COM1_IRQ, ret);
		set_vector_handler(COM1_VECTOR, NULL, NULL);
		tty_polled = true;
	} else {
		/*
		 * Bytes typed before now wait in the UART's FIFO and raised
		 * the line before it was routed; an edge-triggered line sends
		 * no second edge, so take them by hand.
		 */
		local_irq_save(flags);
		serial_receive_chars();
		local_irq_restore(flags);
	}
	tty_ready = true;
	return ret;
}

static bool read_buf_empty(void)
{
	return READ_ONCE(read_head) == READ_ONCE(read_tail);
}

static int __tty_read_char(bool interruptible)
{
	unsigned long flags;
	int c = -1;

	if (WARN_ON_ONCE(!tty_ready))
		tty_init();
	while (c < 0) {
		if (interruptible && signal_pending(current))
			return -ERESTARTSYS;
		if (tty_polled) {
			c = serial8250_getc();
			if (c < 0)
				schedule_timeout_interruptible(1);
			continue;
		}
		/* Only a signal ends the wait early; kthreads ignore them. */
		wait_event_interruptible(read_wait, !read_buf_empty());
		raw_spin_lock_irqsave(&read_lock, flags);
		if (read_head != read_tail)
			c = (unsigned char)read_buf[read_tail++ % READ_BUF_SIZE];
		raw_spin_unlock_irqrestore(&read_lock, flags);
	}
	return c;
}

/**
 * tty_read_char - the next byte typed on the console, waiting for it
 *
 * Return: the byte, 0..255.
 *
 * Sleeps (TASK_INTERRUPTIBLE) on read_wait until the interrupt handler
 * has put a byte in read_buf. Process context only.
 * Linux: n_tty_read()
 */
int tty_read_char(void)
{
	return __tty_read_char(false);
}

/**
 * tty_read_char_interruptible - tty_read_char(), ended by a signal
 *
 * Return: the byte, or -ERESTARTSYS.
 *
 * For user processes reading the console: a signal must not leave them
 * stuck here.
 */
int tty_read_char_interruptible(void)
{
	return __tty_read_char(true);
}

/**
 * tty_write - send @len bytes to the console, "\n" as "\r\n"
 * @buf: the bytes
 * @len: how many
 * Linux: tty_write() -> n_tty_write() with ONLCR
 */
void tty_write(const char *buf, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (buf[i] == '\n')
			serial8250_putc('\r');
		serial8250_putc(buf[i]);
	}
}

/**
 * tty_puts - tty_write() a NUL-terminated string
 * @s: the string
 */
void tty_puts(const char *s)
{
	tty_write(s, strlen(s));
}

/**
 * tty_printf - format and tty_write() a message (up to 255 bytes)
 * @fmt: printf-style format
 */
void tty_printf(const char *fmt, ...)
{
	char buf[256];
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	tty_write(buf, n);
}
