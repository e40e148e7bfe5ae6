// SPDX-License-Identifier: GPL-2.0
/*
 * Random numbers. Linux mixes interrupt timings into a ChaCha20 pool;
 * Spindle has no entropy accounting and no cryptographic generator: a
 * 64-bit state advanced by the SplitMix64 step, stirred with the TSC at
 * every call (and seeded by RDRAND where the CPU has it). Good enough
 * for glibc's stack protector and malloc's randomisation, and for
 * mktemp; not for keys. This is written in the kernel-doc so nobody
 * mistakes it for Linux's.
 * Locking: random_lock guards the state (irqs off: any context may ask).
 * Linux: drivers/char/random.c (get_random_bytes, getrandom)
 */
#include <linux/kernel.h>
#include <linux/random.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <asm/processor.h>

/* Guards random_state; irqs off. */
static DEFINE_RAW_SPINLOCK(random_lock);
static u64 random_state;

static u64 splitmix64_next(void)
{
	u64 z;

	random_state += 0x9e3779b97f4a7c15ULL ^ (rdtsc() & 0xff);
	z = random_state;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/**
 * get_random_bytes - fill @buf with @len pseudo-random bytes
 * @buf: where
 * @len: how many
 *
 * Not cryptographic (see the file's header).
 * Linux: get_random_bytes()
 */
void get_random_bytes(void *buf, size_t len)
{
	unsigned long flags;
	u8 *p = buf;

	raw_spin_lock_irqsave(&random_lock, flags);
	if (!random_state)
		random_state = rdtsc() | 1;
	while (len) {
		u64 v = splitmix64_next();
		size_t n = min(len, sizeof(v));

		memcpy(p, &v, n);
		p += n;
		len -= n;
	}
	raw_spin_unlock_irqrestore(&random_lock, flags);
}

/**
 * get_random_bytes_user - copy @len random bytes to user @ubuf
 * @ubuf: the user's buffer
 * @len: how many
 * Return: @len, what was copied before a fault, or -EFAULT.
 * Linux: get_random_bytes_user()
 */
ssize_t get_random_bytes_user(void __user *ubuf, size_t len)
{
	size_t done = 0;
	u8 block[64];

	while (done < len) {
		size_t n = min(len - done, sizeof(block));

		get_random_bytes(block, n);
		if (copy_to_user((u8 __user *)ubuf + done, block, n))
			return done ? (ssize_t)done : -EFAULT;
		done += n;
	}
	memset(block, 0, sizeof(block));	/* no copy of what was handed out */
	return done;
}

#define GRND_NONBLOCK	0x0001
#define GRND_RANDOM	0x0002
#define GRND_INSECURE	0x0004

SYSCALL_DEFINE3(getrandom, char __user *, ubuf, size_t, len, unsigned int, flags)
{
	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) == (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	if (len > 0x01ffffff)
		len = 0x01ffffff;	/* MAX_RW_COUNT-ish, as Linux caps it */
	return get_random_bytes_user(ubuf, len);
}
