// SPDX-License-Identifier: GPL-2.0
/*
 * ioremap(): map a physical range (device registers, firmware tables)
 * into the vmalloc space, uncached, so every read and write reaches the
 * device in program order. The area comes from mm/vmalloc.c (with its
 * guard page), the mapping from map_kernel_range().
 * Spindle does not refuse RAM (Linux does, because a second mapping of RAM
 * with another cache type is undefined on real hardware); tests map a
 * known RAM page to check the mapping, which is safe under QEMU.
 * Locking: none of its own; see mm/vmalloc.c and arch/x86/mm/init.c.
 * Linux: arch/x86/mm/ioremap.c
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <asm/io.h>
#include <asm/pgtable.h>

/**
 * ioremap - map device memory uncached
 * @phys_addr: physical address, need not be page-aligned
 * @size: bytes
 * Return: the virtual address of @phys_addr, or NULL.
 * Linux: arch/x86/mm/ioremap.c
 */
void *ioremap(phys_addr_t phys_addr, unsigned long size)
{
	unsigned long offset = phys_addr & ~PAGE_MASK;
	phys_addr_t base = phys_addr - offset;
	struct vm_struct *area;
	unsigned long va;

	if (WARN(!size || phys_addr + size < phys_addr, "ioremap(%#llx, %lu): bad range",
		 (unsigned long long)phys_addr, size))
		return NULL;
	size = PAGE_ALIGN(size + offset);
	area = get_vm_area_caller(size, VM_IOREMAP, __builtin_return_address(0));
	if (!area)
		return NULL;
	area->phys_addr = base;
	va = (unsigned long)area->addr;
	/*
	 * Page by page: map_kernel_range() would use 2 MiB pages for an
	 * aligned range, and unmap_kernel_range() only removes 4 KiB ones.
	 */
	for (unsigned long off = 0; off < size; off += PAGE_SIZE) {
		if (map_kernel_range(va + off, base + off, PAGE_SIZE, PAGE_KERNEL_NOCACHE)) {
			free_vm_area(area);
			return NULL;
		}
	}
	return (void *)(va + offset);
}

/**
 * iounmap - undo ioremap()
 * @addr: an address ioremap() returned; NULL is ignored
 *
 * Anything else is reported (WARN) and ignored.
 * Linux: arch/x86/mm/ioremap.c
 */
void iounmap(volatile void *addr)
{
	void *start = (void *)((unsigned long)addr & PAGE_MASK);
	struct vm_struct *area;

	if (!addr)
		return;
	area = find_vm_area(start);
	if (WARN(!area || area->addr != start || !(area->flags & VM_IOREMAP),
		 "iounmap: %px was not returned by ioremap()", addr))
		return;
	free_vm_area(area);
}
