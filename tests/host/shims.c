// SPDX-License-Identifier: GPL-2.0
/*
 * What lib/ calls outside lib/, faked for the host tests: the allocator
 * (mm/ in the kernel) and the symbol lookup (kernel/kallsyms.c). Built
 * from Spindle's headers so that a prototype change there breaks the
 * build here rather than the test at run time. Uses the C library only
 * (never k_ functions), so it cannot hide a bug in the code under test.
 */
/*
 * Spindle's headers first: compiler.h defines __always_inline, which glibc's
 * <sys/cdefs.h> also defines; glibc's redefinition is silent (a system
 * header), ours after glibc's would be an error.
 */
#include <linux/compiler.h>
#include <linux/kallsyms.h>
#include <linux/slab.h>

#include <stdio.h>
#include <stdlib.h>

#include "klib.h"

int shim_kmalloc_fail;
size_t shim_kmalloc_last_size;
unsigned int shim_kmalloc_last_gfp;
int shim_kmalloc_live;

/*
 * kmalloc() is inline (<linux/slab.h>): a size known at run time calls
 * __kmalloc(), a constant one kmalloc_trace() with its cache, which the
 * host has none of (kmalloc_caches[] stays NULL); both come here.
 */
struct kmem_cache *kmalloc_caches[KMALLOC_SHIFT_HIGH + 1];

void *__kmalloc(size_t size, gfp_t flags)
{
	void *p;

	shim_kmalloc_last_size = size;
	shim_kmalloc_last_gfp = flags;
	if (shim_kmalloc_fail > 0) {
		shim_kmalloc_fail--;
		return NULL;
	}
	/* malloc(size) exactly, so ASan catches a write one past the end. */
	p = malloc(size ? size : 1);
	if (p)
		shim_kmalloc_live++;
	return p;
}

void *kmalloc_trace(struct kmem_cache *s, gfp_t flags, size_t size)
{
	(void)s;
	return __kmalloc(size, flags);
}

void kfree(const void *objp)
{
	if (objp)
		shim_kmalloc_live--;
	free((void *)objp);
}

struct fake_sym {
	unsigned long addr, size;
	const char *name;
};

static const struct fake_sym fake_syms[] = {
	{ SHIM_SYM_START_KERNEL, 0x80, "start_kernel" },
	{ SHIM_SYM_LONG_NAME, 0x100, SHIM_LONG_NAME },
};

static const struct fake_sym *lookup(unsigned long address)
{
	size_t i;

	for (i = 0; i < sizeof(fake_syms) / sizeof(fake_syms[0]); i++)
		if (address - fake_syms[i].addr < fake_syms[i].size)
			return &fake_syms[i];
	return NULL;
}

/*
 * Same output format as Linux's: "name+0xoff/0xsize", else "0xaddr". Not
 * "%#lx": for 0 that gives "0", not "0x0".
 */
int sprint_symbol(char *buffer, unsigned long address)
{
	const struct fake_sym *sym = lookup(address);

	if (!sym)
		return snprintf(buffer, KSYM_SYMBOL_LEN, "0x%lx", address);
	return snprintf(buffer, KSYM_SYMBOL_LEN, "%s+0x%lx/0x%lx", sym->name,
			address - sym->addr, sym->size);
}

int sprint_symbol_no_offset(char *buffer, unsigned long address)
{
	const struct fake_sym *sym = lookup(address);

	if (!sym)
		return snprintf(buffer, KSYM_SYMBOL_LEN, "0x%lx", address);
	return snprintf(buffer, KSYM_SYMBOL_LEN, "%s", sym->name);
}
