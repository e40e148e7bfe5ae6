/* SPDX-License-Identifier: GPL-2.0 */
/*
 * _AC(): a constant that both C (with a type suffix) and the assembler
 * (without one) can read, so one header serves both.
 * Linux: include/uapi/linux/const.h
 */
#ifndef _LINUX_CONST_H
#define _LINUX_CONST_H

#ifdef __ASSEMBLY__
#define _AC(X, Y)	X
#else
#define __AC(X, Y)	(X##Y)
#define _AC(X, Y)	__AC(X, Y)
#endif

#endif /* _LINUX_CONST_H */
