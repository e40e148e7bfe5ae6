# Spindle's GDB settings, sourced by tools/gdb.sh (`make gdb`).
#
# Two traps when debugging a kernel under QEMU's gdbstub:
#
# 1. "Remote 'g' packet reply is too long". QEMU sends the registers of
#    the CPU as it is now, in 64-bit layout, but Spindle's ELF file starts
#    in 32-bit code (the multiboot entry), so a GDB that guesses the
#    architecture from the file or from a CPU stopped at reset expects
#    the short i386 register set. GDB must be told
#        set architecture i386:x86-64
#    *before* `target remote`; tools/gdb.sh passes it first with -ex.
#
# 2. Software breakpoints (`break`) do not survive the boot. GDB writes
#    an int3 into memory at the breakpoint's address; while the kernel is
#    still in 32-bit mode with paging off, the high address of
#    start_kernel (0xffffffff8...) is not mapped and cannot be written, and
#    the code moves from the low identity mapping to the high one on the
#    way. A hardware breakpoint (`hbreak start_kernel`) is checked by the
#    CPU (by QEMU) against the program counter instead, so it fires once
#    the kernel runs there in long mode.

set pagination off
set print pretty on
set confirm off
