// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for lib/inflate.c: gzip members made by Python's zlib
 * (inflate_vectors.h) with dynamic Huffman codes, stored blocks and
 * fixed codes decompress to the original bytes, whatever the output
 * buffer's first size; corrupted data, a wrong CRC or length, and a cut
 * member are refused with -EINVAL, and a buffer that cannot grow gives
 * -ENOMEM.
 */
#include <linux/errno.h>
#include <linux/inflate.h>

#include <stdlib.h>
#include <string.h>

#include "ktap.h"
#include "inflate_vectors.h"

int k_gunzip(const unsigned char *in, size_t in_len, struct inflate_out *out, size_t *consumed);

#define N(a) (sizeof(a) / sizeof((a)[0]))

static int grow_realloc(struct inflate_out *out)
{
	size_t size = out->size ? out->size * 2 : 7;	/* odd: many growths */
	unsigned char *buf = realloc(out->buf, size);

	if (!buf)
		return -ENOMEM;
	out->buf = buf;
	out->size = size;
	return 0;
}

static int grow_never(struct inflate_out *out)
{
	(void)out;
	return -ENOMEM;
}

static int run(const unsigned char *in, size_t len, struct inflate_out *out, size_t *used)
{
	memset(out, 0, sizeof(*out));
	out->grow = grow_realloc;
	return k_gunzip(in, len, out, used);
}

static void check_member(const unsigned char *gz, size_t gz_len, const unsigned char *want,
			 size_t want_len)
{
	struct inflate_out out;
	size_t used = 0;

	KT_EXPECT_EQ(run(gz, gz_len, &out, &used), 0);
	KT_EXPECT_UEQ(used, gz_len);
	KT_EXPECT_UEQ(out.len, want_len);
	KT_EXPECT_TRUE(out.len == want_len && !memcmp(out.buf, want, want_len));
	free(out.buf);
}

static void inflate_dynamic_codes(void)
{
	check_member(gz_dynamic, N(gz_dynamic), plain, N(plain));
}

static void inflate_stored_blocks(void)
{
	check_member(gz_stored, N(gz_stored), plain, N(plain));
}

static void inflate_fixed_codes(void)
{
	check_member(gz_fixed_small, N(gz_fixed_small), small, N(small));
}

/* Two members back to back: the first's length says where the second starts. */
static void inflate_concatenated_members(void)
{
	unsigned char both[N(gz_fixed_small) + N(gz_dynamic)];
	struct inflate_out out;
	size_t used;

	memcpy(both, gz_fixed_small, N(gz_fixed_small));
	memcpy(both + N(gz_fixed_small), gz_dynamic, N(gz_dynamic));
	KT_EXPECT_EQ(run(both, sizeof(both), &out, &used), 0);
	KT_EXPECT_UEQ(used, N(gz_fixed_small));
	free(out.buf);
}

static void inflate_rejects_bad_input(void)
{
	unsigned char bad[N(gz_dynamic)];
	struct inflate_out out;
	size_t used;

	memcpy(bad, gz_dynamic, sizeof(bad));
	bad[0] = 0x1e;					/* no gzip magic */
	KT_EXPECT_EQ(run(bad, sizeof(bad), &out, &used), -EINVAL);
	free(out.buf);
	memcpy(bad, gz_dynamic, sizeof(bad));
	bad[sizeof(bad) - 8] ^= 1;			/* CRC-32 */
	KT_EXPECT_EQ(run(bad, sizeof(bad), &out, &used), -EINVAL);
	free(out.buf);
	memcpy(bad, gz_dynamic, sizeof(bad));
	bad[sizeof(bad) - 4] ^= 1;			/* ISIZE */
	KT_EXPECT_EQ(run(bad, sizeof(bad), &out, &used), -EINVAL);
	free(out.buf);
	memcpy(bad, gz_dynamic, sizeof(bad));
	bad[40] ^= 0x55;				/* the compressed data */
	KT_EXPECT_EQ(run(bad, sizeof(bad), &out, &used), -EINVAL);
	free(out.buf);
	/* Cut short anywhere: never a crash, always -EINVAL. */
	for (size_t len = 0; len < N(gz_dynamic); len += 13) {
		KT_EXPECT_EQ(run(gz_dynamic, len, &out, &used), -EINVAL);
		free(out.buf);
	}
}

static void inflate_output_cannot_grow(void)
{
	struct inflate_out out = { .grow = grow_never };
	size_t used;

	KT_EXPECT_EQ(k_gunzip(gz_dynamic, N(gz_dynamic), &out, &used), -ENOMEM);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(inflate_dynamic_codes),
	KTAP_CASE(inflate_stored_blocks),
	KTAP_CASE(inflate_fixed_codes),
	KTAP_CASE(inflate_concatenated_members),
	KTAP_CASE(inflate_rejects_bad_input),
	KTAP_CASE(inflate_output_cannot_grow),
};

int main(void)
{
	return ktap_run_suite("host-inflate", cases, N(cases));
}
