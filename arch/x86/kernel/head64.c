// SPDX-License-Identifier: GPL-2.0
/*
 * The first C code: called by head.S in 64-bit mode on the boot stack,
 * with the boot page tables. Sets up the per-CPU base (so `current` works)
 * and the console, then enters the generic start_kernel().
 * Linux: arch/x86/kernel/head64.c
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/start_kernel.h>
#include <asm/processor.h>
#include <asm/serial.h>
#include <asm/setup.h>

u64 boot_tsc_at_entry;
static u32 boot_magic;
static u32 boot_info;

/**
 * boot_parse_multiboot - read what the boot loader handed over
 *
 * Return: what parse_multiboot() returns for the magic and information
 * pointer saved at the entry.
 *
 * parse_multiboot() needs the magic and info pointer, which only this file
 * keeps; setup_arch() calls this.
 */
int boot_parse_multiboot(void)
{
	return parse_multiboot(boot_magic, boot_info);
}

/**
 * x86_64_start_kernel - from head.S to start_kernel()
 * @magic: the boot loader's magic (%eax at entry)
 * @info: physical address of the loader's information (%ebx at entry)
 * Linux: x86_64_start_kernel()
 */
void x86_64_start_kernel(u32 magic, u32 info)
{
	boot_tsc_at_entry = rdtsc();
	boot_magic = magic;
	boot_info = info;
	setup_per_cpu_areas_for(0);
	this_cpu_write_8(current_task, &init_task);
	serial_console_init();
	start_kernel();
}
