/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Checked invariants. BUG_ON() stops the machine with a report and a
 * backtrace; WARN_ON() reports with a backtrace and carries on (and says
 * whether the condition was true, so it can guard a recovery path).
 * Linux: include/asm-generic/bug.h (Linux traps with ud2 and looks the
 * site up in a table; Spindle calls a function, which reads the same)
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>

__noreturn __cold void __bug(const char *file, int line, const char *cond);
__printf(4, 5) __cold void __warn(const char *file, int line, const char *func,
				  const char *fmt, ...);

/* How many WARN*() fired since boot: tests check it did not grow. */
extern int warn_count;

#define BUG() __bug(__FILE__, __LINE__, NULL)

#define BUG_ON(cond) do {						\
	if (unlikely(cond))						\
		__bug(__FILE__, __LINE__, #cond);			\
} while (0)

#define WARN(cond, fmt, ...) ({						\
	int __ret_warn_on = !!(cond);					\
	if (unlikely(__ret_warn_on))					\
		__warn(__FILE__, __LINE__, __func__, fmt, ##__VA_ARGS__); \
	unlikely(__ret_warn_on);					\
})

#define WARN_ON(cond) WARN(cond, "%s", #cond)

#define WARN_ON_ONCE(cond) ({						\
	static bool __warned;						\
	int __ret_warn_once = !!(cond);					\
	if (unlikely(__ret_warn_once && !__warned)) {			\
		__warned = true;					\
		__warn(__FILE__, __LINE__, __func__, "%s", #cond);	\
	}								\
	unlikely(__ret_warn_once);					\
})

#endif /* _LINUX_BUG_H */
