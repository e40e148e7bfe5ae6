#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The multiboot a.out kludge (arch/x86/boot/head.S) makes QEMU copy the file
# from the first loadable byte to _edata as one block, so every PT_LOAD
# segment must sit in the file at the same distance from its load address.
# A section aligned above a page breaks that silently; this catches it.
# READELF names the readelf to use (the Makefile passes $(CROSS_COMPILE)readelf).
elf=$1
first=
"${READELF:-readelf}" -lW "$elf" | grep '^  LOAD' | while read -r _ off _ pa _; do
	d=$((pa - off))
	if [ -z "$first" ]; then
		first=$d
	elif [ "$d" -ne "$first" ]; then
		echo "$elf: PT_LOAD at paddr $pa is at file offset $off: the file is not contiguous" >&2
		echo "  (the multiboot a.out kludge would load it wrongly; keep section alignment <= 4 KiB)" >&2
		exit 1
	fi
done
