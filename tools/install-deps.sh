#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Make sure the host has what `make`, `make run/test/gdb/bench` need, and
# unpack two tools of Linux 6.1 once: the KUnit tool (kunit.py) into
# build/kunit-tool/, so tests/runner.py can cross-check its KTAP parser
# against Linux's, and scripts/kernel-doc into build/kernel-doc/, which
# `make test` runs over the sources (tests/kernel_doc.py).
#
# Silent and fast when everything is there: `make` runs it every time.
# As root it installs what is missing with apt-get (Debian 12); otherwise
# it prints the exact apt-get line to run and exits 1.

set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
linux_tarball=/usr/src/linux-source-6.1.tar.xz

missing=""
need() {	# need PACKAGE TEST...: add PACKAGE unless TEST succeeds
	pkg=$1
	shift
	"$@" >/dev/null 2>&1 || case " $missing " in
		*" $pkg "*) ;;
		*) missing="$missing $pkg" ;;
	esac
}
have() { command -v "$1"; }

need make			have make
need gcc			have gcc
need clang			have clang		# the second compiler: make LLVM=1
need lld			have ld.lld
need llvm			have llvm-nm
need llvm			have llvm-objcopy
need llvm			have llvm-readelf
need binutils			have objcopy
need binutils			have nm
need binutils			have ld
need binutils			have ar
need mawk			have awk
need python3			have python3
need qemu-system-x86		have qemu-system-x86_64
need grub-common		have grub-mkrescue
need grub-pc-bin		test -f /usr/lib/grub/i386-pc/moddep.lst	# the ISO under BIOS
need grub-efi-amd64-bin		test -f /usr/lib/grub/x86_64-efi/moddep.lst	# and under UEFI
need ovmf			test -f /usr/share/OVMF/OVMF_CODE.fd	# make run-efi, the UEFI test
need xorriso			have xorriso
need mtools			have mformat
need gdb			have gdb
need musl-tools			have musl-gcc
need busybox-static		test -x /bin/busybox
need xz-utils			have xz
need gzip			have gzip
need linux-source-6.1		test -f "$linux_tarball"
need perl			perl -MPod::Usage -e 1	# scripts/kernel-doc

if [ -n "$missing" ]; then
	if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "install-deps: installing$missing" >&2
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -q >&2
		# shellcheck disable=SC2086 # one word per package
		apt-get install -y -q --no-install-recommends $missing >&2
	else
		echo "install-deps: missing packages:$missing" >&2
		echo "Install them with:" >&2
		echo "  sudo apt-get install --no-install-recommends$missing" >&2
		exit 1
	fi
fi

# unpack DIR FILE PATTERN: unless DIR/FILE exists, extract the members of
# the Linux tarball that match PATTERN into DIR. Into a temporary directory
# first, renamed at the end, so an interrupted run never leaves a half tree
# that looks complete.
unpack() {
	[ -f "$1/$2" ] && return 0
	rm -rf "$1.tmp"
	mkdir -p "$1.tmp"
	tar -xf "$linux_tarball" -C "$1.tmp" --wildcards "$3"
	rm -rf "$1"
	mv "$1.tmp" "$1"
}
unpack "$top/build/kunit-tool" linux-source-6.1/tools/testing/kunit/kunit.py \
	'linux-source-6.1/tools/testing/kunit/*'
unpack "$top/build/kernel-doc" linux-source-6.1/scripts/kernel-doc \
	linux-source-6.1/scripts/kernel-doc
