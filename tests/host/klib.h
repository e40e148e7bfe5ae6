/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The host tests' view of lib/. The host build (tests/host/host.mk)
 * compiles lib/ for the host and renames every symbol it defines from NAME
 * to k_NAME, so Spindle's memcpy() and the C library's can live in one
 * program and be compared. Tests call the k_ names declared here; the
 * C library keeps the plain ones as the reference.
 *
 * Only libc-compatible types are used here, so a test can include this
 * next to <string.h> and <stdio.h> without Spindle's headers.
 */
#ifndef SPINDLE_TESTS_HOST_KLIB_H
#define SPINDLE_TESTS_HOST_KLIB_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define K_PRINTF(a, b) __attribute__((__format__(printf, a, b)))

/* lib/string.c */
void *k_memcpy(void *dest, const void *src, size_t count);
void *k_memmove(void *dest, const void *src, size_t count);
void *k_memset(void *s, int c, size_t count);
int k_memcmp(const void *cs, const void *ct, size_t count);
void *k_memchr(const void *s, int c, size_t n);
size_t k_strlen(const char *s);
size_t k_strnlen(const char *s, size_t count);
int k_strcmp(const char *cs, const char *ct);
int k_strncmp(const char *cs, const char *ct, size_t count);
char *k_strcpy(char *dest, const char *src);
char *k_strncpy(char *dest, const char *src, size_t count);
ssize_t k_strscpy(char *dest, const char *src, size_t count);
char *k_strcat(char *dest, const char *src);
char *k_strncat(char *dest, const char *src, size_t count);
char *k_strchr(const char *s, int c);
char *k_strrchr(const char *s, int c);
char *k_strstr(const char *s1, const char *s2);
char *k_strpbrk(const char *cs, const char *ct);
char *k_strsep(char **s, const char *ct);
size_t k_strspn(const char *s, const char *accept);
size_t k_strcspn(const char *s, const char *reject);
char *k_skip_spaces(const char *str);
char *k_strim(char *s);

/* lib/vsprintf.c */
K_PRINTF(3, 0) int k_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
K_PRINTF(3, 4) int k_snprintf(char *buf, size_t size, const char *fmt, ...);
K_PRINTF(3, 0) int k_vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
K_PRINTF(3, 4) int k_scnprintf(char *buf, size_t size, const char *fmt, ...);
K_PRINTF(2, 0) int k_vsprintf(char *buf, const char *fmt, va_list args);
K_PRINTF(2, 3) int k_sprintf(char *buf, const char *fmt, ...);

/* lib/kasprintf.c */
K_PRINTF(2, 0) char *k_kvasprintf(unsigned int gfp, const char *fmt, va_list ap);
K_PRINTF(2, 3) char *k_kasprintf(unsigned int gfp, const char *fmt, ...);

/* lib/kstrtox.c */
int k_kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int k_kstrtoll(const char *s, unsigned int base, long long *res);
int k_kstrtoul(const char *s, unsigned int base, unsigned long *res);
int k_kstrtol(const char *s, unsigned int base, long *res);
int k_kstrtouint(const char *s, unsigned int base, unsigned int *res);
int k_kstrtoint(const char *s, unsigned int base, int *res);
int k_kstrtobool(const char *s, bool *res);
unsigned long long k_simple_strtoull(const char *cp, char **endp, unsigned int base);
unsigned long k_simple_strtoul(const char *cp, char **endp, unsigned int base);
long long k_simple_strtoll(const char *cp, char **endp, unsigned int base);
long k_simple_strtol(const char *cp, char **endp, unsigned int base);

/*
 * tests/host/shims.c: what lib/ expects from the rest of the kernel, faked
 * for the host (kmalloc()/kfree() on malloc()/free(), and sprint_symbol()
 * on a small made-up symbol table), plus knobs for the tests.
 */
void *kmalloc(size_t size, unsigned int flags);
void kfree(const void *objp);
extern int shim_kmalloc_fail;		/* > 0: the next kmalloc()s fail */
extern size_t shim_kmalloc_last_size;	/* size of the last kmalloc() */
extern unsigned int shim_kmalloc_last_gfp; /* flags of the last kmalloc() */
extern int shim_kmalloc_live;		/* kmalloc()s not yet kfree()d */

/* Addresses of the fake symbols sprint_symbol() knows. */
#define SHIM_SYM_START_KERNEL	0xffffffff81000000UL	/* size 0x80 */
#define SHIM_SYM_LONG_NAME	0xffffffff81000100UL	/* size 0x100 */
#define SHIM_LONG_NAME \
	"a_very_long_function_name_used_to_check_that_percent_pS_is_cut_cleanly_at_the_end_of_a_small_buffer"

#endif /* SPINDLE_TESTS_HOST_KLIB_H */
