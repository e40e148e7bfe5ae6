// SPDX-License-Identifier: GPL-2.0
/*
 * Reading what the boot loader handed over: the command line, the memory
 * map and (multiboot2) the ACPI RSDP, from either protocol's structure.
 *
 * This runs before the kernel's own page tables exist, on the boot page
 * tables of head.S, which map the first GiB of physical memory at
 * __START_KERNEL_map: boot_ptr() turns a physical address into a pointer
 * through that mapping. Loaders place their structures low, but we check.
 * Linux has no counterpart: its boot protocol hands over struct boot_params
 * (arch/x86/kernel/head64.c copies it just as this file does).
 */
#include <linux/ctype.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/multiboot.h>
#include <asm/page.h>
#include <asm/setup.h>

#define BOOT_MAP_LIMIT	(1UL << 30)	/* head.S maps the first GiB */

int boot_protocol;
char boot_command_line[COMMAND_LINE_SIZE];
char boot_loader_name[64];
phys_addr_t boot_acpi_rsdp;
phys_addr_t boot_info_start, boot_info_end;
/* The first boot module: the initramfs (Linux: boot_params' ramdisk_image/size). */
phys_addr_t phys_initrd_start;
unsigned long phys_initrd_size;

/* Keep the first module as the initrd; Linux takes one ramdisk too. */
static void note_module(u64 start, u64 end)
{
	if (phys_initrd_size || end <= start)
		return;
	phys_initrd_start = start;
	phys_initrd_size = end - start;
}

static const char *boot_error;

/* A pointer to physical @addr..@addr+@len through the boot mapping. */
static const void *boot_ptr(u64 addr, u64 len)
{
	if (addr + len > BOOT_MAP_LIMIT || addr + len < addr) {
		boot_error = "boot information lies above the first GiB";
		return NULL;
	}
	return (const void *)(addr + __START_KERNEL_map);
}

static void copy_string(char *dst, size_t size, u64 phys)
{
	const char *s = boot_ptr(phys, 1);

	if (s)
		strscpy(dst, s, size);
}

/*
 * Keep @line as boot_command_line. A line too long for it is cut at a word
 * boundary: a word cut in two could change its meaning (loglevel=15 would
 * become loglevel=1), so the cut word goes with the rest, and one line
 * says what was dropped. (Linux's boot protocol cuts silently; its EFI
 * stub says "Command line is too long".)
 */
static void set_command_line(const char *line)
{
	size_t len = strlen(line), keep = sizeof(boot_command_line) - 1;

	if (len <= keep) {
		memcpy(boot_command_line, line, len + 1);
		return;
	}
	/* Back to the start of the word that does not fit whole. */
	while (keep && !isspace(line[keep]))
		keep--;
	memcpy(boot_command_line, line, keep);
	boot_command_line[keep] = '\0';
	strim(boot_command_line);
	pr_warn("Command line is too long: truncated to %zu of %zu bytes, dropped from \"%.32s\"\n",
		strlen(boot_command_line), len, skip_spaces(line + keep));
}

/*
 * Multiboot 1 loaders put the image's name before the arguments (QEMU's
 * -kernel makes "build/spindle.elf loglevel=7", GRUB's multiboot command
 * the same), and a name can hold spaces (-kernel "my dir/spindle.elf").
 * A guess, then: the name runs up to the last word, before any that sets
 * a value ("=") or starts init's arguments ("--"), that holds a '/' or
 * ends in ".elf"; with none such, it is the first word, unless that one
 * sets a value (a loader that passes the arguments alone).
 */
static const char *skip_image_name(const char *line)
{
	const char *p = line, *name_end = NULL;

	for (;;) {
		const char *word = skip_spaces(p);
		size_t len = 0;

		while (word[len] && !isspace(word[len]))
			len++;
		if (!len || memchr(word, '=', len) || (len == 2 && !strncmp(word, "--", 2)))
			break;
		if (!name_end || memchr(word, '/', len) ||
		    (len >= 4 && !strncmp(word + len - 4, ".elf", 4)))
			name_end = word + len;
		p = word + len;
	}
	return name_end ? skip_spaces(name_end) : line;
}

static int parse_multiboot1(const struct multiboot_info *mbi)
{
	u64 pos, end;

	boot_info_start = (u64)(unsigned long)mbi - __START_KERNEL_map;
	boot_info_end = boot_info_start + sizeof(*mbi);
	if (mbi->flags & MULTIBOOT_INFO_CMDLINE) {
		const char *line = boot_ptr(mbi->cmdline, 1);

		if (line)
			set_command_line(skip_image_name(line));
	}
	if (mbi->flags & MULTIBOOT_INFO_BOOT_LOADER_NAME)
		copy_string(boot_loader_name, sizeof(boot_loader_name), mbi->boot_loader_name);
	if ((mbi->flags & MULTIBOOT_INFO_MODS) && mbi->mods_count) {
		const struct multiboot_mod_list *mod = boot_ptr(mbi->mods_addr, sizeof(*mod));

		if (mod)
			note_module(mod->mod_start, mod->mod_end);
	}
	if (!(mbi->flags & MULTIBOOT_INFO_MEM_MAP) || mbi->mmap_length == 0) {
		boot_error = "the multiboot loader passed no memory map (flag bit 6 clear)";
		return -EINVAL;
	}
	if (!boot_ptr(mbi->mmap_addr, mbi->mmap_length))
		return -EINVAL;
	/* Each entry's size field does not count itself. */
	pos = mbi->mmap_addr;
	end = pos + mbi->mmap_length;
	while (pos + sizeof(struct multiboot_mmap_entry) <= end) {
		const struct multiboot_mmap_entry *e = boot_ptr(pos, sizeof(*e));

		if (e->size < 20) {
			boot_error = "malformed multiboot memory map entry (size < 20)";
			return -EINVAL;
		}
		e820__range_add(e->addr, e->len, e->type);
		pos += e->size + sizeof(e->size);
	}
	return 0;
}

static int parse_mb2_mmap(const struct multiboot2_tag_mmap *tag)
{
	const u8 *p = (const u8 *)(tag + 1);
	const u8 *end = (const u8 *)tag + tag->size;

	if (tag->entry_size < sizeof(struct multiboot2_mmap_entry)) {
		boot_error = "malformed multiboot2 memory map (entry_size too small)";
		return -EINVAL;
	}
	for (; p + tag->entry_size <= end; p += tag->entry_size) {
		const struct multiboot2_mmap_entry *e = (const void *)p;

		e820__range_add(e->addr, e->len, e->type);
	}
	return 0;
}

static int parse_multiboot2(phys_addr_t info)
{
	const struct multiboot2_info *mbi = boot_ptr(info, sizeof(*mbi));
	const u8 *p, *end;
	bool have_mmap = false;

	if (!mbi || !boot_ptr(info, mbi->total_size))
		return -EINVAL;
	boot_info_start = info;
	boot_info_end = info + mbi->total_size;
	p = (const u8 *)(mbi + 1);
	end = (const u8 *)mbi + mbi->total_size;
	while (p + sizeof(struct multiboot2_tag) <= end) {
		const struct multiboot2_tag *tag = (const void *)p;

		if (tag->type == MULTIBOOT2_TAG_END)
			break;
		if (tag->size < sizeof(*tag) || p + tag->size > end) {
			boot_error = "malformed multiboot2 tag list";
			return -EINVAL;
		}
		switch (tag->type) {
		case MULTIBOOT2_TAG_CMDLINE:
			set_command_line(((const struct multiboot2_tag_string *)tag)->string);
			break;
		case MULTIBOOT2_TAG_BOOT_LOADER_NAME:
			strscpy(boot_loader_name, ((const struct multiboot2_tag_string *)tag)->string,
				sizeof(boot_loader_name));
			break;
		case MULTIBOOT2_TAG_MODULE: {
			const struct multiboot2_tag_module *mod = (const void *)tag;

			note_module(mod->mod_start, mod->mod_end);
			break;
		}
		case MULTIBOOT2_TAG_MMAP:
			if (parse_mb2_mmap((const void *)tag))
				return -EINVAL;
			have_mmap = true;
			break;
		case MULTIBOOT2_TAG_ACPI_OLD:
		case MULTIBOOT2_TAG_ACPI_NEW:
			/* The RSDP is copied into the tag: remember where. */
			boot_acpi_rsdp = info + (p - (const u8 *)mbi) +
					 offsetof(struct multiboot2_tag_acpi, rsdp);
			break;
		}
		p += ALIGN(tag->size, 8);
	}
	if (!have_mmap) {
		boot_error = "the multiboot2 loader passed no memory map tag";
		return -EINVAL;
	}
	return 0;
}

/**
 * parse_multiboot - copy out the command line and memory map
 * @magic: %eax at entry (head.S already checked it is one of the two)
 * @info: %ebx at entry: physical address of the loader's structure
 *
 * On failure, prints one line saying what was wrong.
 * Return: 0, or -EINVAL for a missing or malformed memory map.
 */
int parse_multiboot(u32 magic, phys_addr_t info)
{
	int ret;

	if (magic == MULTIBOOT2_BOOTLOADER_MAGIC) {
		boot_protocol = 2;
		ret = parse_multiboot2(info);
	} else {
		const struct multiboot_info *mbi = boot_ptr(info, sizeof(*mbi));

		boot_protocol = 1;
		ret = mbi ? parse_multiboot1(mbi) : -EINVAL;
	}
	if (!ret && e820_table.nr_entries == 0) {
		boot_error = "the memory map is empty";
		ret = -EINVAL;
	}
	if (ret)
		pr_emerg("Spindle: cannot boot: %s\n", boot_error ? boot_error : "bad boot information");
	return ret;
}
