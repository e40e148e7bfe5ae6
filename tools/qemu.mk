# SPDX-License-Identifier: GPL-2.0
#
# How Spindle runs under QEMU: the one definition of the machine, the exit
# device and its statuses, and the UEFI firmware. Every reader takes it from
# here: the Makefile includes it (make run, run-iso, run-efi, gdb), it
# becomes build/include/generated/qemu.h for the kernel (asm/qemu.h), and
# tools/qemu_conf.py reads it for tests/runner.py, the shell and GDB tests,
# tools/lab.py and tools/boot-times.py.
#
# Keep to "NAME := value" and "NAME = value" lines (a trailing backslash
# continues a line) and $(NAME) references to names defined here: that is
# all tools/qemu_conf.py understands. No Linux counterpart.

# isa-debug-exit: a write of V to this port makes QEMU exit with status
# (V << 1) | 1. The statuses are chosen so that a pass and a failure cannot
# be taken for QEMU's own (0 after a normal quit, 1 after an error); the
# kernel writes (status >> 1), see the generated header.
QEMU_DEBUG_EXIT_PORT := 0xf4
QEMU_EXIT_STATUS_SUCCESS := 33
QEMU_EXIT_STATUS_FAILURE := 35

# The machine every boot uses; -smp, -m and the media are each run's own.
# A reset restarts it, as a PC's does: the shell's reboot under make run
# boots Spindle again.
QEMU_MACHINE := -machine q35 -cpu qemu64,+nx \
	-device isa-debug-exit,iobase=$(QEMU_DEBUG_EXIT_PORT),iosize=0x04

# Boots nobody watches: no window, no monitor on the serial line, and a
# reset (a triple fault too) ends QEMU instead of booting again unseen.
QEMU_HEADLESS := -display none -monitor none -no-reboot

# The benchmarks' clock (make bench, make profile): one nanosecond of
# virtual time per instruction, so the TSC counts instructions, and no
# waiting in real time when the CPU idles (the clock jumps to the next
# timer instead): the same figures at every run, whatever the host's load.
QEMU_ICOUNT := -icount shift=0,sleep=off

# The labs' grading clock (make grade, make test's handouts): also virtual
# time, so a grade does not depend on the host's load and a case that
# waits out a timeout takes no real time; 8 ns per instruction (shift=3,
# a 125 MHz CPU), near what TCG runs here, so a case that spins for a
# time spins as many seconds as it would without -icount, not eight
# times more.
QEMU_GRADE_ICOUNT := -icount shift=3,sleep=off

# UEFI (make run-efi, the OVMF test boot): Debian's ovmf package. The
# firmware code is read-only; each boot gets its own copy of the variable
# store, named by the reader in OVMF_VARS_COPY. No network card: OVMF would
# load its option ROM and add network boot entries for nothing.
OVMF_CODE := /usr/share/OVMF/OVMF_CODE.fd
OVMF_VARS := /usr/share/OVMF/OVMF_VARS.fd
QEMU_UEFI = -nic none \
	-drive if=pflash,format=raw,unit=0,readonly=on,file=$(OVMF_CODE) \
	-drive if=pflash,format=raw,unit=1,file=$(OVMF_VARS_COPY)

# NUMA machines (make run NUMA=1|2|4, the NUMA test boots). Memory comes
# from memory-backend-ram objects (QEMU 7.2's q35 refuses -numa node,mem=).
# Each has its CPU count and memory size, which replace SMP= and MEM=.
#  NUMA=1: one node with everything (an SRAT with one node, not none);
#  NUMA=2: the usual two-socket shape, 256 MiB and two CPUs per node;
#  NUMA=4: node 2 has a CPU and no memory, node 3 memory and no CPU, and a
#          SLIT with uneven distances, so fallback order is not just 0, 1, ...
QEMU_NUMA1_SMP := 2
QEMU_NUMA1_MEM := 256M
QEMU_NUMA1 := -object memory-backend-ram,id=m0,size=256M \
	-numa node,nodeid=0,memdev=m0,cpus=0-1
QEMU_NUMA2_SMP := 4
QEMU_NUMA2_MEM := 512M
QEMU_NUMA2 := -object memory-backend-ram,id=m0,size=256M \
	-object memory-backend-ram,id=m1,size=256M \
	-numa node,nodeid=0,memdev=m0,cpus=0-1 -numa node,nodeid=1,memdev=m1,cpus=2-3
QEMU_NUMA4_SMP := 4
QEMU_NUMA4_MEM := 384M
QEMU_NUMA4 := -object memory-backend-ram,id=m0,size=128M \
	-object memory-backend-ram,id=m1,size=128M \
	-object memory-backend-ram,id=m3,size=128M \
	-numa node,nodeid=0,memdev=m0,cpus=0 -numa node,nodeid=1,memdev=m1,cpus=1-2 \
	-numa node,nodeid=2,cpus=3 -numa node,nodeid=3,memdev=m3 \
	-numa dist,src=0,dst=1,val=15 -numa dist,src=0,dst=2,val=20 \
	-numa dist,src=0,dst=3,val=25 -numa dist,src=1,dst=2,val=30 \
	-numa dist,src=1,dst=3,val=20 -numa dist,src=2,dst=3,val=17
