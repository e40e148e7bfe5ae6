#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Make sure the host has what `make`, `make run/test/gdb/bench` need, and
# unpack Linux's KUnit tool (kunit.py) once into build/kunit-tool/ so
# tests/runner.py can cross-check its KTAP parser against Linux's.
#
# Silent and fast when everything is there: `make` runs it every time.
# As root it installs what is missing with apt-get (Debian 12); otherwise
# it prints the exact apt-get line to run and exits 1.

set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
kunit_tarball=/usr/src/linux-source-6.1.tar.xz
kunit_dir=$top/build/kunit-tool
kunit_path=linux-source-6.1/tools/testing/kunit

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
need binutils			have objcopy
need binutils			have nm
need binutils			have ld
need binutils			have ar
need mawk			have awk
need python3			have python3
need qemu-system-x86		have qemu-system-x86_64
need grub-common		have grub-mkrescue
need grub-pc-bin		test -d /usr/lib/grub/i386-pc
need xorriso			have xorriso
need mtools			have mformat
need gdb			have gdb
need xz-utils			have xz
need linux-source-6.1		test -f "$kunit_tarball"

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

# kunit.py: extract into a temporary directory and rename it, so an
# interrupted run never leaves a half tree that looks complete.
if [ ! -f "$kunit_dir/$kunit_path/kunit.py" ]; then
	rm -rf "$kunit_dir.tmp"
	mkdir -p "$kunit_dir.tmp"
	tar -xf "$kunit_tarball" -C "$kunit_dir.tmp" --wildcards "$kunit_path/*"
	rm -rf "$kunit_dir"
	mv "$kunit_dir.tmp" "$kunit_dir"
fi
