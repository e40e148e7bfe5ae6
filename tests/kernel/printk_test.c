// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "printk": kernel/printk.c's log ring buffer and console
 * path, read back through log_buf_read() and a capturing console.
 * A line becomes the newest record with its level; pr_cont() pieces make
 * one record; a level at or above console_loglevel is kept but not
 * shown; several lines in one call make several records; an overlong
 * line is cut, not spilled; and the ring wraps, dropping the oldest
 * records whole, with every record it keeps intact.
 * Linux: kernel/printk/printk.c (its ring buffer has a stress test,
 * kernel/printk/printk_ringbuffer_kunit_test.c; lib/test_printf.c covers
 * the formatting)
 */
#include <kunit/test.h>
#include <linux/console.h>
#include <linux/irqflags.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <linux/start_kernel.h>
#include <linux/string.h>

#define LOG_TEXT_MAX	1024	/* longer than any record's text */

/* A console that keeps what it is given. */
static char captured[1024];
static unsigned int captured_len, captured_lines;

static void capture_write(struct console *con, const char *s, unsigned int len)
{
	for (unsigned int i = 0; i < len; i++) {
		if (captured_len < sizeof(captured) - 1)
			captured[captured_len++] = s[i];
		if (s[i] == '\n')
			captured_lines++;
	}
	captured[captured_len] = '\0';
}

static struct console capture_console = {
	.name = "kunit_capture",
	.write = capture_write,
};

static void capture_reset(void)
{
	unsigned long flags;

	local_irq_save(flags);
	captured_len = captured_lines = 0;
	captured[0] = '\0';
	local_irq_restore(flags);
}

static int printk_suite_init(struct kunit *test)
{
	capture_reset();
	register_console(&capture_console);
	return 0;
}

static void printk_suite_exit(struct kunit *test)
{
	unregister_console(&capture_console);
}

static u64 next_seq(void)
{
	u64 first, next;

	log_buf_seq_range(&first, &next);
	return next;
}

/* The newest record's text (in a static buffer) and level. */
static const char *newest(int *level)
{
	static char text[LOG_TEXT_MAX + 1];

	if (log_buf_read(next_seq() - 1, text, sizeof(text), level) < 0)
		return "(no record)";
	return text;
}

static void printk_test_newest_record(struct kunit *test)
{
	u64 before = next_seq();
	int level = -1, ret;

	ret = printk(KERN_INFO "printk_test: newest %d\n", 12345);
	KUNIT_EXPECT_EQ(test, ret, (int)strlen("printk_test: newest 12345\n"));
	KUNIT_EXPECT_EQ(test, next_seq(), before + 1);
	KUNIT_EXPECT_STREQ(test, newest(&level), "printk_test: newest 12345");
	KUNIT_EXPECT_EQ(test, level, LOGLEVEL_INFO);
	/* No level: the default one. */
	printk("printk_test: default level\n");
	KUNIT_EXPECT_STREQ(test, newest(&level), "printk_test: default level");
	KUNIT_EXPECT_EQ(test, level, MESSAGE_LOGLEVEL_DEFAULT);
	/* Gone before it was written, or not yet written: no record. */
	KUNIT_EXPECT_EQ(test, log_buf_read(next_seq(), NULL, 0, NULL), -ENOENT);
}

static void printk_test_cont_joins_pieces(struct kunit *test)
{
	u64 before = next_seq();
	int level = -1;

	capture_reset();
	printk(KERN_NOTICE "printk_test: joined:");
	pr_cont(" a");
	pr_cont(" %s", "b");
	/* Held: nothing stored or shown until the newline. */
	KUNIT_EXPECT_EQ(test, next_seq(), before);
	KUNIT_EXPECT_EQ(test, captured_lines, 0);
	pr_cont(" c\n");
	KUNIT_EXPECT_EQ(test, next_seq(), before + 1);
	KUNIT_EXPECT_STREQ(test, newest(&level), "printk_test: joined: a b c");
	KUNIT_EXPECT_EQ(test, level, LOGLEVEL_NOTICE);
	KUNIT_EXPECT_EQ(test, captured_lines, 1);
	KUNIT_EXPECT_NOT_NULL(test, strstr(captured, "] printk_test: joined: a b c\n"));

	/* A new level ends a line that was never finished. */
	before = next_seq();
	printk(KERN_INFO "printk_test: unfinished");
	printk(KERN_INFO "printk_test: next\n");
	KUNIT_EXPECT_EQ(test, next_seq(), before + 2);
	KUNIT_EXPECT_STREQ(test, newest(NULL), "printk_test: next");
	{
		char text[64];

		log_buf_read(before, text, sizeof(text), NULL);
		KUNIT_EXPECT_STREQ(test, text, "printk_test: unfinished");
	}
}

static void printk_test_lines_of_one_call(struct kunit *test)
{
	u64 before = next_seq();
	char text[64];
	int level = -1;

	printk(KERN_ERR "printk_test: one\nprintk_test: two\n");
	KUNIT_EXPECT_EQ(test, next_seq(), before + 2);
	log_buf_read(before, text, sizeof(text), &level);
	KUNIT_EXPECT_STREQ(test, text, "printk_test: one");
	KUNIT_EXPECT_EQ(test, level, LOGLEVEL_ERR);
	level = -1;
	log_buf_read(before + 1, text, sizeof(text), &level);
	KUNIT_EXPECT_STREQ(test, text, "printk_test: two");
	KUNIT_EXPECT_EQ(test, level, LOGLEVEL_ERR);
	/* A short buffer gets a cut, terminated copy; the length is the record's. */
	KUNIT_EXPECT_EQ(test, log_buf_read(before + 1, text, 5, NULL), 16);
	KUNIT_EXPECT_STREQ(test, text, "prin");
}

static void printk_test_console_loglevel(struct kunit *test)
{
	int saved = console_loglevel;
	int level = -1;

	capture_reset();
	pr_info("printk_test: shown\n");
	KUNIT_EXPECT_EQ(test, captured_lines, 1);
	/* "[    1.234567] text\n" */
	KUNIT_EXPECT_EQ(test, captured[0], '[');
	KUNIT_EXPECT_EQ(test, captured[13], ']');
	KUNIT_EXPECT_EQ(test, captured[6], '.');
	KUNIT_EXPECT_STREQ(test, captured + 14, " printk_test: shown\n");

	/* KERN_DEBUG is at console_loglevel (7): kept, not shown. */
	capture_reset();
	KUNIT_EXPECT_EQ(test, console_loglevel, CONSOLE_LOGLEVEL_DEFAULT);
	pr_debug("printk_test: kept quiet\n");
	KUNIT_EXPECT_EQ(test, captured_lines, 0);
	KUNIT_EXPECT_EQ(test, captured_len, 0);
	KUNIT_EXPECT_STREQ(test, newest(&level), "printk_test: kept quiet");
	KUNIT_EXPECT_EQ(test, level, LOGLEVEL_DEBUG);

	/* loglevel=4: only levels 0..3 reach the console. */
	console_loglevel = LOGLEVEL_WARNING;
	pr_warn("printk_test: warning, quiet\n");
	pr_notice("printk_test: notice, quiet\n");
	KUNIT_EXPECT_EQ(test, captured_lines, 0);
	pr_err("printk_test: error, shown\n");
	console_loglevel = saved;
	KUNIT_EXPECT_EQ(test, captured_lines, 1);
	KUNIT_EXPECT_NOT_NULL(test, strstr(captured, "] printk_test: error, shown\n"));
	KUNIT_EXPECT_STREQ(test, newest(NULL), "printk_test: error, shown");
}

static void printk_test_symbol(struct kunit *test)
{
	unsigned long size = 0, offset;
	char want[KSYM_SYMBOL_LEN + 32];

	KUNIT_ASSERT_TRUE(test, kallsyms_lookup_size_offset((unsigned long)start_kernel,
							     &size, &offset));
	pr_info("printk_test: at %pS\n", (void *)start_kernel);
	snprintf(want, sizeof(want), "printk_test: at start_kernel+0x0/0x%lx", size);
	KUNIT_EXPECT_STREQ(test, newest(NULL), want);
	pr_info("printk_test: at %ps\n", (void *)((unsigned long)start_kernel + 4));
	KUNIT_EXPECT_STREQ(test, newest(NULL), "printk_test: at start_kernel");
}

static void printk_test_long_line_cut(struct kunit *test)
{
	static char line[2000];
	static char text[LOG_TEXT_MAX + 1];
	u64 before = next_seq();
	int len;

	memset(line, 'x', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\0';
	pr_debug("%s\n", line);
	pr_debug("printk_test: after the long one\n");
	/* One record each: the cut-off tail did not become a line of its own. */
	KUNIT_EXPECT_EQ(test, next_seq(), before + 2);
	len = log_buf_read(before, text, sizeof(text), NULL);
	KUNIT_EXPECT_GT(test, len, 900);
	KUNIT_EXPECT_LT(test, len, LOG_TEXT_MAX);
	KUNIT_EXPECT_EQ(test, (int)strspn(text, "x"), len);
	KUNIT_EXPECT_STREQ(test, newest(NULL), "printk_test: after the long one");
}

/* Line @i of the wrap test: its number and a length that varies. */
static int wrap_line(char *buf, size_t size, int i)
{
	int n = scnprintf(buf, size, "printk_test wrap %05d ", i);
	int pad = (i * 37) % 101;

	for (int k = 0; k < pad && n < (int)size - 1; k++)
		buf[n++] = 'a' + (i + k) % 26;
	buf[n] = '\0';
	return n;
}

static void printk_test_ring_wraps(struct kunit *test)
{
	enum { LINES = 4000 };
	static char want[256], text[LOG_TEXT_MAX + 1];
	u64 first0, next0, first, next;
	unsigned long bytes = 0, held = 0;
	int bad = 0;

	log_buf_seq_range(&first0, &next0);
	/* KERN_DEBUG: stored, not sent to the (slow) console. */
	for (int i = 0; i < LINES; i++) {
		wrap_line(want, sizeof(want), i);
		bytes += printk(KERN_DEBUG "%s\n", want);
	}
	/* Nothing printed from here to the end of the walk: it would drop records. */
	log_buf_seq_range(&first, &next);
	/* Every record left is one of ours, whole, in order. */
	for (u64 seq = first; seq < next; seq++) {
		int i = (int)(seq - next0);
		int len = log_buf_read(seq, text, sizeof(text), NULL);

		if (i >= LINES)
			break;	/* someone else's, after ours */
		/* A 16-byte header and the text, padded to 8 (kernel/printk.c). */
		held += ALIGN(16 + max(len, 0), 8);
		wrap_line(want, sizeof(want), i);
		if ((len != (int)strlen(want) || strcmp(text, want)) && bad++ < 3)
			KUNIT_FAIL(test, "record %llu: \"%s\" (%d), expected \"%s\"",
				   (unsigned long long)seq, text, len, want);
	}
	kunit_info(test, "%lu bytes of text; the log held records %llu..%llu, %lu bytes",
		   bytes, (unsigned long long)first, (unsigned long long)next - 1, held);
	/* Full: only the gap at the wrap and before the oldest is lost. */
	KUNIT_EXPECT_GE(test, held, 124UL * 1024);
	KUNIT_EXPECT_EQ(test, bad, 0);
	KUNIT_EXPECT_GT(test, bytes, 2UL * 128 * 1024);
	KUNIT_EXPECT_GE(test, next, next0 + LINES);
	/* The oldest records went: all of the earlier ones, some of ours. */
	KUNIT_EXPECT_GT(test, first, next0);
	KUNIT_EXPECT_GT(test, next - first, 500);
	/* And the ring still takes a new record at the newest place. */
	pr_info("printk_test: after the wrap\n");
	KUNIT_EXPECT_STREQ(test, newest(NULL), "printk_test: after the wrap");
}

static struct kunit_case printk_cases[] = {
	KUNIT_CASE(printk_test_newest_record),
	KUNIT_CASE(printk_test_cont_joins_pieces),
	KUNIT_CASE(printk_test_lines_of_one_call),
	KUNIT_CASE(printk_test_console_loglevel),
	KUNIT_CASE(printk_test_symbol),
	KUNIT_CASE(printk_test_long_line_cut),
	KUNIT_CASE(printk_test_ring_wraps),
	{}
};

static struct kunit_suite printk_suite = {
	.name = "printk",
	.init = printk_suite_init,
	.exit = printk_suite_exit,
	.test_cases = printk_cases,
};
kunit_test_suite(printk_suite);
