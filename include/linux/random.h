/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Random bytes for the kernel and for programs (getrandom(2),
 * /dev/urandom). Linux: include/linux/random.h
 */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/compiler.h>
#include <linux/types.h>

void get_random_bytes(void *buf, size_t len);
ssize_t get_random_bytes_user(void __user *ubuf, size_t len);

#endif /* _LINUX_RANDOM_H */
