/* SPDX-License-Identifier: GPL-2.0 */
/*
 * gunzip(): gzip/DEFLATE decompression (lib/inflate.c).
 * Linux: include/linux/decompress/inflate.h
 */
#ifndef _LINUX_INFLATE_H
#define _LINUX_INFLATE_H

#include <linux/types.h>

/* A growing output buffer: grow() enlarges buf/size, 0 or -ENOMEM. */
struct inflate_out {
	u8 *buf;
	size_t len, size;
	int (*grow)(struct inflate_out *out);
	void *priv;
};

int gunzip(const u8 *in, size_t in_len, struct inflate_out *out, size_t *consumed);

#endif /* _LINUX_INFLATE_H */
