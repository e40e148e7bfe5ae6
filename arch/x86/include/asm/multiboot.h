/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The two boot protocols Spindle speaks. GRUB boots the ISO with
 * multiboot2; "qemu -kernel" only speaks multiboot (version 1), and only
 * loads an ELF64 file if its header carries the a.out-kludge address fields
 * (flag bit 16), which arch/x86/boot/head.S provides.
 * Linux has no counterpart: it boots through its own boot protocol.
 * The layouts follow the Multiboot 0.6.96 and Multiboot2 1.0 specifications.
 */
#ifndef _ASM_X86_MULTIBOOT_H
#define _ASM_X86_MULTIBOOT_H

/* What the loader leaves in %eax. */
#define MULTIBOOT_BOOTLOADER_MAGIC	0x2badb002
#define MULTIBOOT2_BOOTLOADER_MAGIC	0x36d76289

/* What the kernel's header starts with. */
#define MULTIBOOT_HEADER_MAGIC		0x1badb002
#define MULTIBOOT2_HEADER_MAGIC		0xe85250d6
/* A multiboot2 header tag the loader may ignore. */
#define MULTIBOOT2_HEADER_TAG_OPTIONAL	1

#define MULTIBOOT_PAGE_ALIGN		(1 << 0)
#define MULTIBOOT_MEMORY_INFO		(1 << 1)
#define MULTIBOOT_AOUT_KLUDGE		(1 << 16)

#ifndef __ASSEMBLY__
#include <linux/types.h>
#include <linux/compiler.h>

/* Multiboot 1: the information structure at %ebx. */
#define MULTIBOOT_INFO_MEMORY		(1 << 0)
#define MULTIBOOT_INFO_CMDLINE		(1 << 2)
#define MULTIBOOT_INFO_MODS		(1 << 3)
#define MULTIBOOT_INFO_MEM_MAP		(1 << 6)
#define MULTIBOOT_INFO_BOOT_LOADER_NAME	(1 << 9)

struct multiboot_info {
	u32 flags;
	u32 mem_lower;		/* KiB below 1 MiB */
	u32 mem_upper;		/* KiB above 1 MiB, up to the first hole */
	u32 boot_device;
	u32 cmdline;		/* physical address of a C string */
	u32 mods_count;
	u32 mods_addr;
	u32 syms[4];
	u32 mmap_length;	/* bytes */
	u32 mmap_addr;		/* physical address of the first entry */
	u32 drives_length;
	u32 drives_addr;
	u32 config_table;
	u32 boot_loader_name;
} __packed;

/* A boot module (QEMU's -initrd, GRUB's module): physical [mod_start, mod_end). */
struct multiboot_mod_list {
	u32 mod_start;
	u32 mod_end;
	u32 cmdline;
	u32 pad;
} __packed;

struct multiboot2_tag_module {
	u32 type;
	u32 size;
	u32 mod_start;
	u32 mod_end;
	char cmdline[];
} __packed;

/* One memory map entry; @size does not count itself. */
struct multiboot_mmap_entry {
	u32 size;
	u64 addr;
	u64 len;
	u32 type;
} __packed;

/* Multiboot 2: a fixed header followed by 8-byte aligned tags. */
struct multiboot2_info {
	u32 total_size;
	u32 reserved;
} __packed;

struct multiboot2_tag {
	u32 type;
	u32 size;		/* including this header, not the padding */
} __packed;

#define MULTIBOOT2_TAG_END		0
#define MULTIBOOT2_TAG_CMDLINE		1
#define MULTIBOOT2_TAG_BOOT_LOADER_NAME	2
#define MULTIBOOT2_TAG_MODULE		3
#define MULTIBOOT2_TAG_BASIC_MEMINFO	4
#define MULTIBOOT2_TAG_MMAP		6
#define MULTIBOOT2_TAG_ACPI_OLD		14
#define MULTIBOOT2_TAG_ACPI_NEW		15

struct multiboot2_tag_string {
	u32 type;
	u32 size;
	char string[];
} __packed;

struct multiboot2_tag_mmap {
	u32 type;
	u32 size;
	u32 entry_size;
	u32 entry_version;
	/* entries of entry_size bytes follow */
} __packed;

struct multiboot2_mmap_entry {
	u64 addr;
	u64 len;
	u32 type;
	u32 reserved;
} __packed;

struct multiboot2_tag_acpi {
	u32 type;
	u32 size;
	u8 rsdp[];
} __packed;

/* Memory types, the same in both protocols (and in the BIOS's e820). */
#define MULTIBOOT_MEMORY_AVAILABLE	1
#define MULTIBOOT_MEMORY_RESERVED	2
#define MULTIBOOT_MEMORY_ACPI_RECLAIM	3
#define MULTIBOOT_MEMORY_NVS		4
#define MULTIBOOT_MEMORY_BADRAM		5
#endif /* __ASSEMBLY__ */

#endif /* _ASM_X86_MULTIBOOT_H */
