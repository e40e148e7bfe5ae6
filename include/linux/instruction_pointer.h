/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where the code is: _RET_IP_ is the caller's return address (the lock
 * operation's caller, for an out-of-line lock function), _THIS_IP_ the
 * address of this very spot. The lock validator records them as "at:".
 * Linux: include/linux/instruction_pointer.h
 */
#ifndef _LINUX_INSTRUCTION_POINTER_H
#define _LINUX_INSTRUCTION_POINTER_H

#define _RET_IP_	((unsigned long)__builtin_return_address(0))
#define _THIS_IP_	({ __label__ __here; __here: (unsigned long)&&__here; })

#endif /* _LINUX_INSTRUCTION_POINTER_H */
