#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# `make gdb`: QEMU halted at reset (-S) with its gdbstub on GDBPORT, and
# GDB attached and stopped at start_kernel(). The kernel's serial output
# goes to build/gdb-serial.log (`tail -f` it in another terminal).
# Quitting GDB ends QEMU. tools/gdb/spindle.py (spindle-ps, spindle-dmesg,
# spindle-rq, spindle-trace, spindle-kthread-path; see docs/gdb.md) is
# sourced explicitly: GDB's auto-load safe-path would refuse a script
# found next to the ELF.
#
# usage: tools/gdb.sh ELF GDBPORT "QEMU_CMD_WITH_COMMON_FLAGS" "CMDLINE"
set -euo pipefail

if [ $# -ne 4 ]; then
	echo "usage: $0 ELF GDBPORT \"QEMU_CMD_WITH_COMMON_FLAGS\" \"CMDLINE\"" >&2
	exit 2
fi
elf=$1 port=$2 qemu_cmd=$3 cmdline=$4
here=$(dirname "$0")
gdb=${GDB:-gdb}

# Something already listening there (another `make gdb`?).
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
	echo "gdb.sh: port $port is busy (another QEMU or gdbserver?);" \
	     "pick another with: make gdb GDBPORT=N" >&2
	exit 1
fi

mkdir -p build
serial=build/gdb-serial.log
: > "$serial"
# $qemu_cmd is a command and its flags: split it into words on purpose.
# shellcheck disable=SC2086
$qemu_cmd -monitor none -S -gdb "tcp:127.0.0.1:$port" -serial "file:$serial" \
	-kernel "$elf" -append "$cmdline" </dev/null 2>build/gdb-qemu.log &
qemu_pid=$!
trap 'kill "$qemu_pid" 2>/dev/null || true; wait "$qemu_pid" 2>/dev/null || true' EXIT

# Wait (up to ~5 s) for the gdbstub to listen; QEMU dying first means it
# could not start, e.g. the port was taken after all.
for _ in $(seq 50); do
	(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
	if ! kill -0 "$qemu_pid" 2>/dev/null; then
		echo "gdb.sh: QEMU exited before GDB could attach:" >&2
		cat build/gdb-qemu.log >&2
		grep -qi "address already in use" build/gdb-qemu.log &&
			echo "gdb.sh: port $port is busy; try make gdb GDBPORT=N" >&2
		exit 1
	fi
	sleep 0.1
done

echo "gdb.sh: kernel serial output: $serial; quit GDB to stop QEMU"
"$gdb" -nx -q \
	-ex 'set architecture i386:x86-64' \
	-ex "file $elf" \
	-ex "target remote :$port" \
	-ex "source $here/gdb/spindle.gdb" \
	-ex "source $here/gdb/spindle.py" \
	-ex 'hbreak start_kernel' \
	-ex 'continue'
