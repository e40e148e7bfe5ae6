# The scripted GDB test of tests/runner.py (test "gdb_boot"): QEMU waits
# with -S -gdb tcp::PORT; the runner sets $spindle_port before this file:
#   gdb -batch -nx -ex 'set $spindle_port = PORT' -x tools/gdb/boot-check.gdb
# and passes if the breakpoint is hit in start_kernel() with
# x86_64_start_kernel() below it in the backtrace.
# Why the architecture comes first and the breakpoint is a hardware one:
# see tools/gdb/spindle.gdb.
set pagination off
set confirm off
set architecture i386:x86-64
file build/spindle.elf
eval "target remote :%d", $spindle_port
hbreak start_kernel
continue
bt
info registers rip
kill
