/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Command-line parsing entry points (kernel/params.c).
 * Linux: include/linux/moduleparam.h, init.h
 */
#ifndef _LINUX_PARAMS_H
#define _LINUX_PARAMS_H

#define COMMAND_LINE_BUF 2048

void parse_early_param(const char *cmdline);
void parse_late_param(const char *cmdline);
/* init/main.c: a word after "--" on the command line, for init's argv. */
void set_init_arg(char *param);
/* init/initramfs.c: unpack the initrd into the file tree. */
bool populate_rootfs(void);

#endif /* _LINUX_PARAMS_H */
