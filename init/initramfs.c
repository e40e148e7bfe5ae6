// SPDX-License-Identifier: GPL-2.0
/*
 * The initramfs: a cpio archive ("newc" format) the boot loader loaded
 * (QEMU's -initrd, GRUB's module2), unpacked into the in-memory file tree
 * before pid 1 looks for /init. Each member is a 110-byte ASCII header
 * ("070701", then 13 eight-digit hex fields), its name (NUL-terminated,
 * padded with the header to a multiple of 4), and its data (padded to 4);
 * "TRAILER!!!" ends an archive, and archives may follow one another,
 * with zero padding between them. A gzip-compressed archive (Linux's
 * default for initramfs images) is decompressed first (lib/inflate.c).
 * As Linux's built-in image does, /dev, /dev/console and /root exist
 * before the archive is unpacked.
 * Linux: init/initramfs.c, usr/default_cpio_list
 */
#include <linux/ctype.h>
#include <linux/fs.h>
#include <linux/inflate.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/mm.h>
#include <linux/params.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/page.h>
#include <asm/setup.h>

/* What the last unpack_to_rootfs() made, for tests and the log. */
unsigned long initramfs_files, initramfs_dirs, initramfs_nodes, initramfs_symlinks;

/* The header field @i, or -1 if it is not 8 hex digits. */
static long cpio_field(const char *hdr, int i)
{
	unsigned long v = 0;

	for (int k = 0; k < 8; k++) {
		char c = hdr[6 + i * 8 + k];
		int d = isdigit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 :
			(c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;

		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

enum { F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE, F_MAJ, F_MIN,
       F_RMAJ, F_RMIN, F_NAMESIZE, F_CHKSUM, NR_FIELDS };

/* Make one member. Failures to create are ignored, as Linux ignores them. */
static void do_member(const char *name, umode_t mode, dev_t rdev, const char *data, size_t size)
{
	char path[PATH_MAX + 1];

	/* Names are relative ("init", "./bin/sh"): they hang off the root. */
	while (name[0] == '.' && name[1] == '/')
		name += 2;
	if (!strcmp(name, ".") || !*name)
		return;
	snprintf(path, sizeof(path), "/%s", name);
	if (S_ISDIR(mode)) {
		if (!vfs_mkdir(path, mode))
			initramfs_dirs++;
	} else if (S_ISREG(mode)) {
		if (!vfs_create_file(path, mode, data, size))
			initramfs_files++;
	} else if (S_ISLNK(mode)) {
		char target[PATH_MAX + 1];

		if (size > PATH_MAX)
			return;
		memcpy(target, data, size);
		target[size] = '\0';
		if (!vfs_symlink(target, path))
			initramfs_symlinks++;
	} else if (S_ISCHR(mode)) {
		if (!vfs_mknod(path, mode, rdev))
			initramfs_nodes++;
	}
	/* Block devices, FIFOs and sockets have no use here. */
}

char *unpack_to_rootfs(char *buf, unsigned long len);

/* inflate_out.grow(): twice the room, in a new vmalloc() block. */
static int grow_vmalloc(struct inflate_out *out)
{
	size_t size = out->size ? out->size * 2 : 1 << 20;
	u8 *buf = vmalloc(size);

	if (!buf)
		return -ENOMEM;
	if (out->buf) {
		memcpy(buf, out->buf, out->len);
		vfree(out->buf);
	}
	out->buf = buf;
	out->size = size;
	return 0;
}

/*
 * A gzip-compressed archive: decompress it (lib/inflate.c) and unpack
 * what came out. *@used is the compressed member's length.
 * Linux: unpack_to_rootfs()'s call of decompress_method()
 */
static char *unpack_gzip(char *buf, unsigned long len, unsigned long *used)
{
	struct inflate_out out = { .grow = grow_vmalloc };
	size_t consumed;
	char *err;
	int ret = gunzip((const u8 *)buf, len, &out, &consumed);

	if (ret) {
		if (out.buf)
			vfree(out.buf);
		return ret == -ENOMEM ? "out of memory" : "decompressor failed";
	}
	err = unpack_to_rootfs((char *)out.buf, out.len);
	vfree(out.buf);
	*used = consumed;
	return err;
}

/**
 * unpack_to_rootfs - unpack the cpio archive(s) at @buf into the tree
 * @buf: the archive
 * @len: its length
 *
 * Return: NULL, or Linux's words for what was wrong ("no cpio magic"...).
 * Linux: unpack_to_rootfs()
 */
char *unpack_to_rootfs(char *buf, unsigned long len)
{
	unsigned long pos = 0;

	while (pos < len) {
		long f[NR_FIELDS];
		const char *hdr = buf + pos, *name;
		unsigned long name_end, data_end;

		if (!buf[pos]) {		/* zero padding between archives */
			pos++;
			continue;
		}
		if (pos % 4)
			return "broken padding";
		if (len - pos >= 2 && (u8)buf[pos] == 0x1f && (u8)buf[pos + 1] == 0x8b) {
			unsigned long used;
			char *err = unpack_gzip(buf + pos, len - pos, &used);

			if (err)
				return err;
			pos += used;
			continue;
		}
		if (len - pos >= 2 && (u8)buf[pos] == 0x28 && (u8)buf[pos + 1] == 0xb5)
			return "invalid magic at start of compressed archive";	/* zstd etc. */
		if (len - pos < 110 || (memcmp(hdr, "070701", 6) && memcmp(hdr, "070702", 6)))
			return "no cpio magic";
		for (int i = 0; i < NR_FIELDS; i++) {
			f[i] = cpio_field(hdr, i);
			if (f[i] < 0)
				return "no cpio magic";
		}
		name = hdr + 110;
		name_end = pos + ALIGN(110 + f[F_NAMESIZE], 4);
		data_end = name_end + ALIGN(f[F_FILESIZE], 4);
		if (!f[F_NAMESIZE] || name_end > len || name_end + f[F_FILESIZE] > len ||
		    name[f[F_NAMESIZE] - 1] != '\0' || f[F_NAMESIZE] > PATH_MAX)
			return "broken padding";
		if (!strcmp(name, "TRAILER!!!")) {
			pos = data_end;
			continue;
		}
		do_member(name, f[F_MODE], MKDEV(f[F_RMAJ], f[F_RMIN]), buf + name_end,
			  f[F_FILESIZE]);
		pos = data_end;
	}
	return NULL;
}

/* The nodes Linux's built-in initramfs has. Linux: usr/default_cpio_list */
static void default_rootfs(void)
{
	vfs_mkdir("/dev", 0755);
	vfs_mknod("/dev/console", S_IFCHR | 0600, MKDEV(TTYAUX_MAJOR, 1));
	vfs_mkdir("/root", 0700);
}

/**
 * populate_rootfs - the tree pid 1 starts from: the defaults, then the initrd
 *
 * Return: true if an initramfs was unpacked without error.
 * Linux: populate_rootfs() / do_populate_rootfs()
 */
bool populate_rootfs(void)
{
	char *start, *err;

	default_rootfs();
	if (!phys_initrd_size)
		return false;
	start = __va(phys_initrd_start);
	pr_info("Trying to unpack rootfs image as initramfs...\n");
	initramfs_files = initramfs_dirs = initramfs_nodes = initramfs_symlinks = 0;
	err = unpack_to_rootfs(start, phys_initrd_size);
	if (err)
		pr_emerg("Initramfs unpacking failed: %s\n", err);
	else
		pr_info("initramfs: %lu files, %lu directories, %lu symlinks, %lu device nodes\n",
			initramfs_files, initramfs_dirs, initramfs_symlinks, initramfs_nodes);
	/* Every file was copied out: the archive's pages can go. Linux: free_initrd_mem() */
	free_reserved_area(start, start + phys_initrd_size, "initrd");
	phys_initrd_size = 0;
	return !err;
}
