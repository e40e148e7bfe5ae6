#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# `make gdb`: QEMU halted at reset (-S) with its gdbstub on GDBPORT, and
# GDB attached and stopped at start_kernel(). The kernel's serial output
# goes to gdb-serial.log beside the ELF (build/gdb-serial.log; `tail -f` it
# in another terminal), QEMU's own messages to gdb-qemu.log and its pid to
# gdb-qemu.pid. Quitting GDB ends QEMU.
#
# Ctrl-C is GDB's: it stops the guest (GDB sends the stub a break) and
# GDB's prompt comes back. For that QEMU runs in a session of its own
# (setsid), away from the terminal and so from the SIGINT the terminal
# sends its foreground process group: QEMU would take that signal as an
# order to quit ("terminating on signal 2"). GDB itself runs as a job of
# its own in the terminal's foreground (set -m), so make and this script
# do not see the Ctrl-C either. tools/gdb/spindle.py (spindle-ps, spindle-dmesg,
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

out=$(dirname "$elf")
serial=$out/gdb-serial.log pidfile=$out/gdb-qemu.pid
: > "$serial"
rm -f "$pidfile"
# $qemu_cmd is a command and its flags: split it into words on purpose.
# Job control is still off here, so QEMU's process is no group leader and
# setsid makes the new session in it, without a fork: $! is QEMU.
# shellcheck disable=SC2086
setsid $qemu_cmd -monitor none -S -gdb "tcp:127.0.0.1:$port" -serial "file:$serial" \
	-pidfile "$pidfile" -kernel "$elf" -append "$cmdline" </dev/null 2>"$out/gdb-qemu.log" &
qemu_pid=$!
# However GDB ends (quit, a closed terminal, a kill of this script), QEMU
# ends with it: it no longer hears the terminal's signals by itself.
stop_qemu() {
	kill "$qemu_pid" 2>/dev/null || true
	wait "$qemu_pid" 2>/dev/null || true
	rm -f "$pidfile"
}
trap stop_qemu EXIT
trap 'exit 129' HUP
trap 'exit 143' TERM

# Wait (up to ~5 s) for the gdbstub to listen; QEMU dying first means it
# could not start, e.g. the port was taken after all.
for _ in $(seq 50); do
	(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
	if ! kill -0 "$qemu_pid" 2>/dev/null; then
		echo "gdb.sh: QEMU exited before GDB could attach:" >&2
		cat "$out/gdb-qemu.log" >&2
		grep -qi "address already in use" "$out/gdb-qemu.log" &&
			echo "gdb.sh: port $port is busy; try make gdb GDBPORT=N" >&2
		exit 1
	fi
	sleep 0.1
done

echo "gdb.sh: kernel serial output: $serial; quit GDB to stop QEMU"
# On a terminal, GDB becomes a foreground job of its own: the terminal's
# Ctrl-C reaches GDB alone, not make (which would report "Interrupt" and
# fail once GDB quits) nor this script.
if [ -t 0 ]; then
	set -m
fi
"$gdb" -nx -q \
	-ex 'set architecture i386:x86-64' \
	-ex "file $elf" \
	-ex "target remote :$port" \
	-ex "source $here/gdb/spindle.gdb" \
	-ex "source $here/gdb/spindle.py" \
	-ex 'hbreak start_kernel' \
	-ex 'continue'
