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
 * There is one reader at a time: the shell thread, or the line
 * discipline's thread once user space has the console (Ctrl-] swaps). out_lock (below) guards output.
 * Linux: drivers/tty/n_tty.c (read_buf, read_wait, n_tty_read()),
 * drivers/tty/serial/8250/8250_port.c (serial8250_handle_irq())
 */
#include <linux/delay.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/printer.h>
#include <linux/printk.h>
#include <linux/shell.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/wait.h>
#include <asm/apic.h>
#include <asm/io_apic.h>
#include <asm/processor.h>
#include <asm/serial.h>
#include <asm/traps.h>

#define COM1_IRQ	4
#define COM1_VECTOR	(IRQ0_VECTOR + COM1_IRQ)
#define READ_BUF_SIZE	256	/* a power of two: head and tail wrap freely */

static char read_buf[READ_BUF_SIZE];
static unsigned int read_head;	/* next byte the handler writes */
static unsigned int read_tail;	/* next byte the reader takes */
static bool rx_throttled;	/* read_buf filled up: bytes wait in the UART */
/* Guards read_buf, read_head, read_tail and rx_throttled; irqs off (the COM1 handler fills them). */
static DEFINE_RAW_SPINLOCK(read_lock);
static DECLARE_WAIT_QUEUE_HEAD(read_wait);

static bool tty_ready;		/* tty_init() has run */
static bool tty_polled;		/* no receive interrupt: poll every tick */
unsigned long tty_rx_count;

/*
 * Move the bytes the UART holds into read_buf; true if any was kept.
 * The line is edge triggered and stays raised while a byte waits, so
 * leaving one behind means no further interrupt: drain until the receive
 * FIFO is empty, or until read_buf is full. Then the rest waits in the
 * UART (rx_throttled), the sender is held back by the full FIFO (QEMU
 * stops reading its socket), and the reader drains again once it has
 * made room (tty_read_char()): a line pasted faster than the reader runs
 * is delayed, not cut. Interrupts are off.
 * Linux: serial8250_rx_chars() (Linux's flip buffers, 64 KiB, throttle
 * the line at their limit)
 */
static bool serial_receive_chars(void)
{
	bool got = false;
	int c;

	raw_spin_lock(&read_lock);
	while (!(rx_throttled = read_head - read_tail == READ_BUF_SIZE) &&
	       (c = serial8250_getc()) >= 0) {
		tty_rx_count++;
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

/*
 * Who reads the console: the spindle# shell, or (once a user program has
 * opened /dev/console) the line discipline that feeds it. Ctrl-] (0x1d,
 * telnet's escape) hands the console from one to the other; the shell is
 * started the first time it is asked for. Guarded by read_lock.
 */
static bool console_user;		/* the line discipline reads now */
static bool console_user_registered;	/* ... and it exists */
static DECLARE_WAIT_QUEUE_HEAD(owner_wait);

#define CONSOLE_SWITCH_CHAR	0x1d	/* Ctrl-] */

/* Ctrl-] came to @user's reader: give the console to the other one. */
static void console_switch(bool user)
{
	console_user = !user;
	if (!user)	/* not printk(): that would show the shell's prompt again */
		tty_puts("\n[console back to user space; Ctrl-] for the spindle# shell]\n");
	else if (shell_start_on_demand() == 0)
		pr_info("tty: console to the spindle# shell (Ctrl-] gives it back)\n");
	else
		console_user = true;	/* no shell to give it to */
	wake_up_interruptible_all(&owner_wait);
	wake_up_interruptible_all(&read_wait);
}

static bool may_read(bool user)
{
	return READ_ONCE(console_user) == user || !READ_ONCE(console_user_registered);
}

static int __tty_read_char(bool interruptible, bool user)
{
	unsigned long flags;
	bool throttled;
	int c = -1;

	if (WARN_ON_ONCE(!tty_ready))
		tty_init();
	while (c < 0) {
		if (interruptible && signal_pending(current))
			return -ERESTARTSYS;
		if (!may_read(user)) {
			wait_event_interruptible(owner_wait, may_read(user));
			continue;
		}
		if (tty_polled) {
			c = serial8250_getc();
			if (c < 0)
				schedule_timeout_interruptible(1);
		} else {
			/* Only a signal ends the wait early; kthreads ignore them. */
			wait_event_interruptible(read_wait, !read_buf_empty() || !may_read(user));
			raw_spin_lock_irqsave(&read_lock, flags);
			if (read_head != read_tail && may_read(user))
				c = (unsigned char)read_buf[read_tail++ % READ_BUF_SIZE];
			throttled = rx_throttled;
			raw_spin_unlock_irqrestore(&read_lock, flags);
			/* Room again: take what waited in the UART (no interrupt says so). */
			if (throttled) {
				local_irq_save(flags);
				serial_receive_chars();
				local_irq_restore(flags);
			}
		}
		if (c == CONSOLE_SWITCH_CHAR && READ_ONCE(console_user_registered)) {
			console_switch(user);
			c = -1;
		}
	}
	return c;
}

/**
 * tty_register_user_reader - user space has the console from now on
 *
 * Called when /dev/console is first opened for a user program: its line
 * discipline (drivers/tty/n_tty.c) reads with tty_read_char_user(), the
 * spindle# shell waits for a Ctrl-].
 */
void tty_register_user_reader(void)
{
	console_user = console_user_registered = true;
	wake_up_interruptible_all(&read_wait);
}

/**
 * tty_read_char_user - the next byte for user space's line discipline
 *
 * Return: the byte, waiting while the spindle# shell has the console.
 */
int tty_read_char_user(void)
{
	return __tty_read_char(false, true);
}

/*
 * Output. Three writers share the line: the shell's replies, the echo of
 * what is typed, and printk() lines from any thread or interrupt. out_lock,
 * taken with interrupts off, makes each write whole, and guards the state
 * below (where the cursor is, and the line being typed), so that a printk()
 * line never lands in the middle of another line: it starts on a line of
 * its own, and the prompt and the line being typed are shown again below
 * it (Linux's n_tty does the same for its input with the "reprint" of
 * canonical mode; here the line editor is the shell's).
 * Lock order: logbuf_lock (printk) before out_lock.
 */
static DEFINE_RAW_SPINLOCK(out_lock);
static bool out_mid_line;		/* the last byte sent was not '\n' */
static const char *edit_prompt;		/* NULL: nobody is typing a line */
static char *edit_line;			/* the line being typed, NUL-terminated */
static size_t edit_size;		/* bytes at edit_line */

/* How long an oops's console write waits for out_lock (tty_oops_trylock()). */
#define TTY_CONSOLE_WAIT_MS	1000
/*
 * A wait in an oops ran out: the holder is not coming back (stopped by the
 * panic, or this CPU), so later oops writes try once. Written without a
 * lock: any CPU whose wait ran out may set it, and nothing clears it.
 */
static bool out_lock_abandoned;

/*
 * Send @len bytes, "\n" as "\r\n". Called with out_lock, or without it by
 * tty_console_write() in an oops. Not checked here: a WARN would printk()
 * and come back through the console into this very function.
 */
static void tty_put_locked(const char *buf, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (buf[i] == '\n')
			serial8250_putc('\r');
		serial8250_putc(buf[i]);
	}
	if (len)
		out_mid_line = buf[len - 1] != '\n';
}

/**
 * tty_input_ready - has a byte come that tty_read_char() would return at once?
 *
 * Return: true if one is waiting; always true without the receive
 * interrupt (the UART cannot be peeked at without taking the byte: a
 * read then polls for it).
 */
bool tty_input_ready(void)
{
	return tty_polled || !read_buf_empty();
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
	return __tty_read_char(false, false);
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
	return __tty_read_char(true, false);
}

/**
 * tty_write - send @len bytes to the console, "\n" as "\r\n"
 * @buf: the bytes
 * @len: how many
 * Linux: tty_write() -> n_tty_write() with ONLCR
 */
void tty_write(const char *buf, size_t len)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&out_lock, flags);
	tty_put_locked(buf, len);
	raw_spin_unlock_irqrestore(&out_lock, flags);
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
 * tty_vprintf - format and tty_write() a message
 * @fmt: printf-style format
 * @args: its arguments
 *
 * A message longer than TTY_PRINTF_MAX - 1 bytes is cut, and ends with
 * "[...]" so that the cut shows.
 */
void tty_vprintf(const char *fmt, va_list args)
{
	static char buf[TTY_PRINTF_MAX];	/* under out_lock */
	static const char cut[] = "[...]\n";
	unsigned long flags;
	int n;

	raw_spin_lock_irqsave(&out_lock, flags);
	n = vsnprintf(buf, sizeof(buf), fmt, args);
	if (n >= (int)sizeof(buf)) {
		n = sizeof(buf) - sizeof(cut);
		memcpy(buf + n, cut, sizeof(cut));
		n += sizeof(cut) - 1;
	}
	tty_put_locked(buf, n);
	raw_spin_unlock_irqrestore(&out_lock, flags);
}

/**
 * tty_printf - format and tty_write() a message (see tty_vprintf())
 * @fmt: printf-style format
 */
void tty_printf(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	tty_vprintf(fmt, args);
	va_end(args);
}

static void console_printer_vprintf(const struct printer *p, const char *fmt, va_list args)
{
	tty_vprintf(fmt, args);
}

/* The console, plain text, not logged: see <linux/printer.h>. */
const struct printer console_printer = {
	.vprintf = console_printer_vprintf,
};

/*
 * out_lock for a write in an oops: wait while someone holds it, a second at
 * most (a line of another CPU's, finishing), then give up. The wait is
 * timed, not counted: 10^8 tries were minutes under QEMU's TCG. A
 * trylock that fails on a lock nobody holds (lab 1's handout stub) gives
 * up at once: no unlock is coming that would make it succeed.
 */
static bool tty_oops_trylock(void)
{
	for (int waited_ms = 0;; waited_ms++) {
		if (raw_spin_trylock(&out_lock))
			return true;
		if (!raw_spin_is_locked(&out_lock) || READ_ONCE(out_lock_abandoned))
			return false;
		if (waited_ms >= TTY_CONSOLE_WAIT_MS) {
			WRITE_ONCE(out_lock_abandoned, true);
			return false;
		}
		udelay(1000);	/* whole milliseconds: right before tsc_init() too */
	}
}

/**
 * tty_console_write - write printk() lines to the console
 * @s: whole lines, each ending with "\n"
 * @len: bytes at @s
 *
 * The serial console's write: it puts the lines below whatever is on the
 * screen, and shows the prompt and the line being typed again after them.
 * Called with interrupts off.
 */
void tty_console_write(const char *s, unsigned int len)
{
	bool locked;

	/*
	 * An oops in the middle of a tty write comes here with out_lock held
	 * on this CPU: then, after a while, write without it rather than hang,
	 * as serial8250_console_write() does when oops_in_progress. Otherwise
	 * wait for the lock as any other writer does.
	 */
	if (READ_ONCE(oops_in_progress)) {
		locked = tty_oops_trylock();
	} else {
		raw_spin_lock(&out_lock);
		locked = true;
	}
	if (out_mid_line)
		tty_put_locked("\n", 1);
	tty_put_locked(s, len);
	if (edit_prompt) {
		tty_put_locked(edit_prompt, strlen(edit_prompt));
		tty_put_locked(edit_line, strlen(edit_line));
	}
	if (locked)
		raw_spin_unlock(&out_lock);
}

/**
 * tty_edit_begin - show @prompt and start editing a line in @line
 * @prompt: shown now, and again under any printk() line that comes
 * @line: the buffer, emptied here; change it only with tty_edit_*()
 * @size: bytes at @line, the NUL included
 */
void tty_edit_begin(const char *prompt, char *line, size_t size)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&out_lock, flags);
	line[0] = '\0';
	edit_line = line;
	edit_size = size;
	edit_prompt = prompt;
	tty_put_locked(prompt, strlen(prompt));
	raw_spin_unlock_irqrestore(&out_lock, flags);
}

/**
 * tty_edit_end - the line is done: write @tail ("\n", or "^C\n") after it
 * @tail: what ends the line on the screen
 */
void tty_edit_end(const char *tail)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&out_lock, flags);
	edit_prompt = NULL;
	tty_put_locked(tail, strlen(tail));
	raw_spin_unlock_irqrestore(&out_lock, flags);
}

/**
 * tty_edit_append - add @c to the line being typed, and echo it
 * @c: a printable character
 * Return: false (nothing done) if the line is full.
 */
bool tty_edit_append(char c)
{
	unsigned long flags;
	size_t len;
	bool ok;

	raw_spin_lock_irqsave(&out_lock, flags);
	len = strlen(edit_line);
	ok = len + 1 < edit_size;
	if (ok) {
		edit_line[len] = c;
		edit_line[len + 1] = '\0';
		tty_put_locked(&c, 1);
	}
	raw_spin_unlock_irqrestore(&out_lock, flags);
	return ok;
}

/*
 * Erase the last @n characters of the line, on the screen too: backspace,
 * space, backspace erases one on any terminal, with no escape sequence.
 */
static void edit_erase_locked(size_t n)
{
	size_t len = strlen(edit_line);

	lockdep_assert_held(&out_lock);

	for (n = min(n, len); n; n--) {
		edit_line[--len] = '\0';
		tty_put_locked("\b \b", 3);
	}
}

/**
 * tty_edit_erase - erase the last character of the line being typed
 */
void tty_edit_erase(void)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&out_lock, flags);
	edit_erase_locked(1);
	raw_spin_unlock_irqrestore(&out_lock, flags);
}

/**
 * tty_edit_replace - make @text the line being typed, on the screen too
 * @text: the new line (cut to the buffer; the shell's history lines fit)
 */
void tty_edit_replace(const char *text)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&out_lock, flags);
	edit_erase_locked(edit_size);
	strscpy(edit_line, text, edit_size);
	tty_put_locked(edit_line, strlen(edit_line));
	raw_spin_unlock_irqrestore(&out_lock, flags);
}
