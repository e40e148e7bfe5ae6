// SPDX-License-Identifier: GPL-2.0
/*
 * Decompressing DEFLATE (RFC 1951) inside a gzip member (RFC 1952), for
 * gzip-compressed initramfs images. Written for clarity, not speed:
 * Huffman codes are decoded canonically, one bit at a time (the method
 * of zlib's contrib/puff), and the whole output stays in memory, so it
 * is its own window for back-references.
 *
 * The output buffer grows as needed through the caller's @grow function
 * (the kernel: vmalloc and copy; the host tests: realloc).
 * Linux: lib/zlib_inflate/ and lib/decompress_inflate.c (zlib's code)
 */
#include <linux/errno.h>
#include <linux/inflate.h>
#include <linux/string.h>

#define MAXBITS		15	/* longest code */
#define MAXLCODES	286	/* literal/length codes */
#define MAXDCODES	30	/* distance codes */
#define FIXLCODES	288

struct inflate_state {
	const u8 *in;
	size_t in_len, in_pos;
	u32 bitbuf;
	int bitcnt;
	struct inflate_out *out;
};

/* A canonical Huffman code: how many codes of each length, the symbols in order. */
struct huffman {
	short count[MAXBITS + 1];
	short symbol[FIXLCODES];
};

static int getbits(struct inflate_state *s, int need, u32 *val)
{
	u32 v = s->bitbuf;

	while (s->bitcnt < need) {
		if (s->in_pos >= s->in_len)
			return -EINVAL;		/* ran out of input */
		v |= (u32)s->in[s->in_pos++] << s->bitcnt;
		s->bitcnt += 8;
	}
	s->bitbuf = v >> need;
	s->bitcnt -= need;
	*val = v & ((1UL << need) - 1);
	return 0;
}

static int put_byte(struct inflate_state *s, u8 b)
{
	struct inflate_out *o = s->out;

	if (o->len == o->size && o->grow(o))
		return -ENOMEM;
	o->buf[o->len++] = b;
	return 0;
}

/* Decode one symbol: read bits until the code so far is one of length len. */
static int decode(struct inflate_state *s, const struct huffman *h)
{
	int code = 0, first = 0, index = 0;

	for (int len = 1; len <= MAXBITS; len++) {
		u32 bit;
		int count = h->count[len];

		if (getbits(s, 1, &bit))
			return -EINVAL;
		code |= bit;
		if (code - count < first)
			return h->symbol[index + (code - first)];
		index += count;
		first += count;
		first <<= 1;
		code <<= 1;
	}
	return -EINVAL;		/* no such code */
}

/* Build @h from @n code lengths. 0 if complete or allowed-incomplete, <0 if over-subscribed. */
static int construct(struct huffman *h, const short *length, int n)
{
	short offs[MAXBITS + 1];
	int left = 1;

	memset(h->count, 0, sizeof(h->count));
	for (int sym = 0; sym < n; sym++)
		h->count[length[sym]]++;
	if (h->count[0] == n)
		return 0;
	for (int len = 1; len <= MAXBITS; len++) {
		left <<= 1;
		left -= h->count[len];
		if (left < 0)
			return -EINVAL;
	}
	offs[1] = 0;
	for (int len = 1; len < MAXBITS; len++)
		offs[len + 1] = offs[len] + h->count[len];
	for (int sym = 0; sym < n; sym++)
		if (length[sym])
			h->symbol[offs[length[sym]]++] = sym;
	return left;
}

static const short length_base[29] = {
	3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
	35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258 };
static const short length_extra[29] = {
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0 };
static const short dist_base[30] = {
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
	257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577 };
static const short dist_extra[30] = {
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13 };

/* The literals, lengths and distances of one compressed block. */
static int codes(struct inflate_state *s, const struct huffman *lencode,
		 const struct huffman *distcode)
{
	for (;;) {
		int symbol = decode(s, lencode);
		u32 extra;
		size_t len, dist;

		if (symbol < 0)
			return symbol;
		if (symbol < 256) {
			if (put_byte(s, symbol))
				return -ENOMEM;
			continue;
		}
		if (symbol == 256)
			return 0;		/* end of block */
		symbol -= 257;
		if (symbol >= 29)
			return -EINVAL;
		if (getbits(s, length_extra[symbol], &extra))
			return -EINVAL;
		len = length_base[symbol] + extra;
		symbol = decode(s, distcode);
		if (symbol < 0 || symbol >= 30)
			return -EINVAL;
		if (getbits(s, dist_extra[symbol], &extra))
			return -EINVAL;
		dist = dist_base[symbol] + extra;
		if (dist > s->out->len)
			return -EINVAL;		/* refers before the start */
		while (len--)
			if (put_byte(s, s->out->buf[s->out->len - dist]))
				return -ENOMEM;
	}
}

static int stored(struct inflate_state *s)
{
	u32 len, nlen;

	s->bitbuf = 0;			/* to a byte boundary */
	s->bitcnt = 0;
	if (s->in_pos + 4 > s->in_len)
		return -EINVAL;
	len = s->in[s->in_pos] | (s->in[s->in_pos + 1] << 8);
	nlen = s->in[s->in_pos + 2] | (s->in[s->in_pos + 3] << 8);
	s->in_pos += 4;
	if (len != (~nlen & 0xffff) || s->in_pos + len > s->in_len)
		return -EINVAL;
	while (len--)
		if (put_byte(s, s->in[s->in_pos++]))
			return -ENOMEM;
	return 0;
}

static int fixed(struct inflate_state *s)
{
	static struct huffman lencode, distcode;
	static bool built;
	short lengths[FIXLCODES];

	if (!built) {
		int sym;

		for (sym = 0; sym < 144; sym++)
			lengths[sym] = 8;
		for (; sym < 256; sym++)
			lengths[sym] = 9;
		for (; sym < 280; sym++)
			lengths[sym] = 7;
		for (; sym < FIXLCODES; sym++)
			lengths[sym] = 8;
		construct(&lencode, lengths, FIXLCODES);
		for (sym = 0; sym < MAXDCODES; sym++)
			lengths[sym] = 5;
		construct(&distcode, lengths, MAXDCODES);
		built = true;
	}
	return codes(s, &lencode, &distcode);
}

static int dynamic(struct inflate_state *s)
{
	static const short order[19] = {
		16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15 };
	short lengths[MAXLCODES + MAXDCODES];
	struct huffman lencode, distcode;
	u32 nlen, ndist, ncode, v;
	int index, err;

	if (getbits(s, 5, &nlen) || getbits(s, 5, &ndist) || getbits(s, 4, &ncode))
		return -EINVAL;
	nlen += 257;
	ndist += 1;
	ncode += 4;
	if (nlen > MAXLCODES || ndist > MAXDCODES)
		return -EINVAL;
	for (index = 0; index < (int)ncode; index++) {
		if (getbits(s, 3, &v))
			return -EINVAL;
		lengths[order[index]] = v;
	}
	for (; index < 19; index++)
		lengths[order[index]] = 0;
	if (construct(&lencode, lengths, 19) != 0)
		return -EINVAL;		/* the code-length code must be complete */
	for (index = 0; index < (int)(nlen + ndist); ) {
		int symbol = decode(s, &lencode), len = 0;
		u32 rep;

		if (symbol < 0)
			return symbol;
		if (symbol < 16) {
			lengths[index++] = symbol;
			continue;
		}
		if (symbol == 16) {
			if (index == 0 || getbits(s, 2, &rep))
				return -EINVAL;
			len = lengths[index - 1];
			rep += 3;
		} else if (symbol == 17) {
			if (getbits(s, 3, &rep))
				return -EINVAL;
			rep += 3;
		} else {
			if (getbits(s, 7, &rep))
				return -EINVAL;
			rep += 11;
		}
		if (index + rep > nlen + ndist)
			return -EINVAL;
		while (rep--)
			lengths[index++] = len;
	}
	if (lengths[256] == 0)
		return -EINVAL;		/* no end-of-block code */
	err = construct(&lencode, lengths, nlen);
	if (err < 0 || (err > 0 && nlen - lencode.count[0] != 1))
		return -EINVAL;
	err = construct(&distcode, lengths + nlen, ndist);
	if (err < 0 || (err > 0 && ndist - distcode.count[0] != 1))
		return -EINVAL;
	return codes(s, &lencode, &distcode);
}

/* The CRC-32 of gzip (reflected, polynomial 0xedb88320), bit by bit. */
static u32 crc32_le(u32 crc, const u8 *p, size_t len)
{
	crc = ~crc;
	while (len--) {
		crc ^= *p++;
		for (int k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return ~crc;
}

#define FTEXT		0x01
#define FHCRC		0x02
#define FEXTRA		0x04
#define FNAME		0x08
#define FCOMMENT	0x10

/**
 * gunzip - decompress one gzip member
 * @in: the member (it may be followed by more data)
 * @in_len: bytes available at @in
 * @out: where the output goes; out->len grows, out->grow() makes room
 * @consumed: set to the member's length in @in, trailer included
 *
 * Return: 0, -EINVAL for data that is not a valid gzip member or whose
 * CRC or length does not match, -ENOMEM if the output could not grow.
 * Linux: gunzip() in lib/decompress_inflate.c
 */
int gunzip(const u8 *in, size_t in_len, struct inflate_out *out, size_t *consumed)
{
	struct inflate_state s = { .in = in, .in_len = in_len, .out = out };
	size_t start = out->len, pos = 10;
	u32 last, type, crc, isize;
	u8 flags;
	int err;

	if (in_len < 18 || in[0] != 0x1f || in[1] != 0x8b || in[2] != 8)
		return -EINVAL;		/* not gzip, or not deflate */
	flags = in[3];
	if (flags & FEXTRA) {
		if (pos + 2 > in_len)
			return -EINVAL;
		pos += 2 + (in[pos] | (in[pos + 1] << 8));
	}
	if (flags & FNAME)
		while (pos < in_len && in[pos++])
			;
	if (flags & FCOMMENT)
		while (pos < in_len && in[pos++])
			;
	if (flags & FHCRC)
		pos += 2;
	if (pos >= in_len)
		return -EINVAL;
	s.in_pos = pos;
	do {
		if (getbits(&s, 1, &last) || getbits(&s, 2, &type))
			return -EINVAL;
		if (type == 0)
			err = stored(&s);
		else if (type == 1)
			err = fixed(&s);
		else if (type == 2)
			err = dynamic(&s);
		else
			err = -EINVAL;
		if (err)
			return err;
	} while (!last);
	if (s.in_pos + 8 > in_len)
		return -EINVAL;
	crc = in[s.in_pos] | (in[s.in_pos + 1] << 8) | (in[s.in_pos + 2] << 16) |
	      ((u32)in[s.in_pos + 3] << 24);
	isize = in[s.in_pos + 4] | (in[s.in_pos + 5] << 8) | (in[s.in_pos + 6] << 16) |
		((u32)in[s.in_pos + 7] << 24);
	if (crc != crc32_le(0, out->buf + start, out->len - start) ||
	    isize != (u32)(out->len - start))
		return -EINVAL;
	*consumed = s.in_pos + 8;
	return 0;
}
