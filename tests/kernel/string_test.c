// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "string": the kernel's own memcpy() and memset(), which on
 * x86-64 are arch/x86/lib/memcpy_64.S and memset_64.S, not lib/string.c
 * (tests/host/test_string.c checks those C ones on the host). Every
 * pairing of source and destination alignment within a word, lengths
 * around each word boundary and a few pages' worth: the bytes asked for
 * are right, the bytes around them untouched, and the return value is
 * the destination.
 * Linux: lib/memcpy_kunit.c
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/page.h>

#define GUARD		16		/* untouched bytes checked on each side */
#define GUARD_BYTE	0xee
#define MAX_LEN		(PAGE_SIZE + 40)

static u8 src_buf[MAX_LEN + 2 * GUARD];
static u8 dst_buf[MAX_LEN + 2 * GUARD];

static const size_t lengths[] = {
	0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 32, 33, 63, 64, 65,
	127, 128, 129, 255, 256, 300, 1000, PAGE_SIZE - 1, PAGE_SIZE, PAGE_SIZE + 3,
	PAGE_SIZE + 33,
};

/* Bytes of dst_buf wrong after @len bytes at offset @doff got @want(i). */
static unsigned long wrong_bytes(size_t doff, size_t len, const u8 *want)
{
	unsigned long wrong = 0;

	for (size_t i = 0; i < sizeof(dst_buf); i++) {
		bool inside = i >= GUARD + doff && i < GUARD + doff + len;
		u8 expect = inside ? want[i - GUARD - doff] : GUARD_BYTE;

		wrong += dst_buf[i] != expect;
	}
	return wrong;
}

static void string_test_memcpy(struct kunit *test)
{
	unsigned long wrong = 0, bad_return = 0, cases = 0;

	for (size_t i = 0; i < sizeof(src_buf); i++)
		src_buf[i] = (u8)(i * 7 + 3);
	for (size_t soff = 0; soff < 8; soff++) {
		for (size_t doff = 0; doff < 8; doff++) {
			for (size_t l = 0; l < ARRAY_SIZE(lengths); l++) {
				size_t len = lengths[l];
				u8 *dst = dst_buf + GUARD + doff;
				const u8 *src = src_buf + GUARD + soff;

				for (size_t i = 0; i < sizeof(dst_buf); i++)
					dst_buf[i] = GUARD_BYTE;
				bad_return += memcpy(dst, src, len) != dst;
				wrong += wrong_bytes(doff, len, src) != 0;
				cases++;
			}
		}
	}
	kunit_info(test, "%lu copies", cases);
	KUNIT_EXPECT_EQ(test, wrong, 0);
	KUNIT_EXPECT_EQ(test, bad_return, 0);
}

static void string_test_memset(struct kunit *test)
{
	static u8 want[MAX_LEN];
	unsigned long wrong = 0, bad_return = 0;
	/* Only the low byte counts: 0x1a5 fills with 0xa5. */
	static const int fills[] = { 0, 0xff, 0x1a5, 0x5a };

	for (size_t f = 0; f < ARRAY_SIZE(fills); f++) {
		for (size_t i = 0; i < sizeof(want); i++)
			want[i] = (u8)fills[f];
		for (size_t doff = 0; doff < 8; doff++) {
			for (size_t l = 0; l < ARRAY_SIZE(lengths); l++) {
				size_t len = lengths[l];
				u8 *dst = dst_buf + GUARD + doff;

				for (size_t i = 0; i < sizeof(dst_buf); i++)
					dst_buf[i] = GUARD_BYTE;
				bad_return += memset(dst, fills[f], len) != dst;
				wrong += wrong_bytes(doff, len, want) != 0;
			}
		}
	}
	KUNIT_EXPECT_EQ(test, wrong, 0);
	KUNIT_EXPECT_EQ(test, bad_return, 0);
}

/* The page-sized helper of <asm/page.h>: every byte of the page, no more. */
static void string_test_clear_page(struct kunit *test)
{
	static u8 pages[3 * PAGE_SIZE] __aligned(PAGE_SIZE);
	unsigned long wrong = 0;

	memset(pages, GUARD_BYTE, sizeof(pages));
	clear_page(pages + PAGE_SIZE);
	for (size_t i = 0; i < sizeof(pages); i++) {
		bool inside = i >= PAGE_SIZE && i < 2 * PAGE_SIZE;

		wrong += pages[i] != (inside ? 0 : GUARD_BYTE);
	}
	KUNIT_EXPECT_EQ(test, wrong, 0);
}

static struct kunit_case string_cases[] = {
	KUNIT_CASE(string_test_memcpy),
	KUNIT_CASE(string_test_memset),
	KUNIT_CASE(string_test_clear_page),
	{}
};

static struct kunit_suite string_suite = {
	.name = "string",
	.test_cases = string_cases,
};
kunit_test_suite(string_suite);
