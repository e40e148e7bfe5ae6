// SPDX-License-Identifier: GPL-2.0
/*
 * Character devices: which driver a device number belongs to. Linux
 * keeps a table that drivers register in (register_chrdev()); Spindle's
 * few drivers are known here by their Linux numbers.
 * Linux: fs/char_dev.c (chrdev_open)
 */
#include <linux/fs.h>
#include <linux/kernel.h>

/**
 * chrdev_fops - the file_operations of character device @dev
 * @dev: MKDEV(major, minor)
 *
 * 1:3 null, 1:5 zero, 1:8 random, 1:9 urandom (drivers/char/mem.c);
 * 4:64 ttyS0, 5:0 tty, 5:1 console: the one serial terminal
 * (drivers/tty/tty_io.c).
 * Return: the operations, or NULL for a device without a driver.
 * Linux: chrdev_open() / kobj_lookup()
 */
const struct file_operations *chrdev_fops(dev_t dev)
{
	switch (MAJOR(dev)) {
	case MEM_MAJOR:
		return memory_fops(MINOR(dev));
	case TTY_MAJOR:
		return MINOR(dev) == 64 ? &tty_fops : NULL;
	case TTYAUX_MAJOR:
		return MINOR(dev) <= 1 ? &tty_fops : NULL;
	default:
		return NULL;
	}
}
