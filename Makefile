# SPDX-License-Identifier: GPL-2.0
#
# Spindle's build. `make` builds build/spindle.elf; `make help` lists the rest.
#
# Kernel sources are found by directory (no list to keep in sync); every
# object lands under build/ with a .d file (-MMD), so touching a header
# rebuilds exactly what includes it.

VERSION     := 0.1.0
CROSS_COMPILE ?=
CC          := $(CROSS_COMPILE)gcc
LD          := $(CROSS_COMPILE)ld
NM          := $(CROSS_COMPILE)nm
OBJCOPY     := $(CROSS_COMPILE)objcopy
HOSTCC      ?= gcc
PYTHON      ?= python3
QEMU        ?= qemu-system-x86_64
GDB         ?= gdb
GDBPORT     ?= 1234
MEM         ?= 128M
SMP         ?= 1
CMDLINE     ?=
TEST_TIMEOUT ?= 120
DEBUG       ?= 0
# QEMU_DISPLAY=gtk (or sdl) opens a QEMU window; the console stays on serial.
QEMU_DISPLAY ?= none

B := build

# DEBUG=1 trades speed for a kernel GDB steps through line by line.
ifeq ($(DEBUG),1)
OPT := -Og
else
OPT := -O2
endif

KCFLAGS := -std=gnu11 $(OPT) -g -ffreestanding -fno-builtin -nostdlib \
	-fno-pic -fno-pie -mcmodel=kernel -mno-red-zone -mgeneral-regs-only \
	-mno-mmx -mno-sse -mno-sse2 -fno-stack-protector -fno-common \
	-fno-omit-frame-pointer -fno-optimize-sibling-calls \
	-fno-asynchronous-unwind-tables -fno-strict-aliasing \
	-fno-tree-loop-distribute-patterns -fno-delete-null-pointer-checks \
	-Wall -Wextra -Werror -Wno-unused-parameter -Wmissing-prototypes \
	-Iinclude -Iarch/x86/include -I$(B)/include -MMD -MP
KASFLAGS := -D__ASSEMBLY__ -g -Iinclude -Iarch/x86/include -MMD -MP
KLDFLAGS := -nostdlib -z max-page-size=0x1000 -z noexecstack -z norelro \
	--no-warn-rwx-segments -T linker.ld

KDIRS := arch/x86/boot arch/x86/kernel arch/x86/entry arch/x86/mm \
	arch/x86/lib init kernel kernel/sched kernel/locking kernel/time kernel/trace \
	mm lib lib/kunit \
	tests/kernel
KSRCS := $(filter-out arch/x86/kernel/asm-offsets.c,\
	$(foreach d,$(KDIRS),$(wildcard $(d)/*.c) $(wildcard $(d)/*.S)))
KOBJS := $(patsubst %,$(B)/%.o,$(basename $(KSRCS)))

.PHONY: all iso run run-iso gdb test bench deps clean help host-tests handout grade
.DEFAULT_GOAL := all

all: $(B)/spindle.elf

help:
	@echo "make           build build/spindle.elf (DEBUG=1 for -Og, CROSS_COMPILE=x86_64-elf-)"
	@echo "make run       boot in QEMU, serial on this terminal (Ctrl-A X quits)"
	@echo "make run-iso   the same through GRUB (build/spindle.iso)"
	@echo "make iso       build the GRUB rescue ISO"
	@echo "make test      every test: host unit tests and in-kernel KTAP suites"
	@echo "make gdb       QEMU halted + GDB stopped at start_kernel (GDBPORT=$(GDBPORT))"
	@echo "make bench     deterministic micro-benchmarks (-icount)"
	@echo "make handout LAB=n   a student tree for lab n in build/lab-n; make grade LAB=n there"
	@echo "make deps      install the Debian packages the above need"

# --- kernel ------------------------------------------------------------

# Version banner data, rewritten only when it changes.
$(B)/include/generated/compile.h: FORCE
	@mkdir -p $(dir $@)
	@{ echo '#define SPINDLE_VERSION "$(VERSION)"'; \
	   echo '#define SPINDLE_COMPILE_BY "$(shell whoami)@$(shell hostname)"'; \
	   echo '#define SPINDLE_COMPILER "$(shell $(CC) --version | head -n1)"'; \
	   echo '#define SPINDLE_BUILD "$(shell git describe --always --dirty 2>/dev/null || echo unknown)"'; \
	 } > $@.tmp; \
	 cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
FORCE:

# The flags are a dependency too: `make DEBUG=1` after a normal build
# rebuilds everything instead of mixing -O2 and -Og objects.
$(B)/kflags: FORCE
	@mkdir -p $(B)
	@echo '$(CC) $(KCFLAGS) $(KASFLAGS)' > $@.tmp; cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

# The version header exists before anything compiles (order-only: only
# init/main.c includes it, and its .d file makes it rebuild on a change).
$(B)/%.o: %.c $(B)/kflags | $(B)/include/generated/compile.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(KCFLAGS) -c $< -o $@

$(B)/%.o: %.S $(B)/include/generated/asm-offsets.h $(B)/kflags

	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	@$(CC) $(KASFLAGS) -I$(B)/include -c $< -o $@

# Structure offsets for assembly (see arch/x86/kernel/asm-offsets.c).
$(B)/include/generated/asm-offsets.h: arch/x86/kernel/asm-offsets.c $(B)/kflags
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"
	@$(CC) $(KCFLAGS) -MF $(B)/asm-offsets.d -MT $@ -S $< -o $(B)/asm-offsets.s
	@{ echo '/* Generated from arch/x86/kernel/asm-offsets.c: do not edit. */'; \
	   sed -n 's/.*->\([A-Z_][A-Z_0-9]*\) \([0-9][0-9]*\).*/#define \1 \2/p' $(B)/asm-offsets.s; \
	 } > $@

# kallsyms, Linux's idea: link once with an empty symbol table, list the
# text symbols of that link, link again with the table. The table sits after
# all code (linker.ld), so code addresses cannot move between the passes;
# the check below proves it on every build.
$(B)/kallsyms0.S:
	@mkdir -p $(B)
	@awk -f tools/kallsyms.awk < /dev/null > $@

$(B)/spindle.pass1.elf: $(KOBJS) $(B)/kallsyms0.o linker.ld
	@echo "  LD      $@"
	@$(LD) $(KLDFLAGS) -o $@ $(KOBJS) $(B)/kallsyms0.o

$(B)/kallsyms.S: $(B)/spindle.pass1.elf tools/kallsyms.awk
	@echo "  KSYMS   $@"
	@$(NM) -n -S --defined-only $< | awk -f tools/kallsyms.awk > $@

$(B)/spindle.elf: $(B)/spindle.pass1.elf $(B)/kallsyms.o
	@echo "  LD      $@"
	@$(LD) $(KLDFLAGS) -o $@ $(KOBJS) $(B)/kallsyms.o
	@$(NM) -n -S --defined-only $(B)/spindle.pass1.elf | awk -f tools/kallsyms.awk -v check=1 > $(B)/syms1.txt
	@$(NM) -n -S --defined-only $@ | awk -f tools/kallsyms.awk -v check=1 > $(B)/syms2.txt
	@cmp -s $(B)/syms1.txt $(B)/syms2.txt || { echo "kallsyms: code moved between link passes" >&2; rm -f $@; exit 1; }
	@tools/check-aout-kludge.sh $@ || { rm -f $@; exit 1; }
	@echo "  built $@ ($$(stat -c %s $@) bytes)"

# --- GRUB ISO ----------------------------------------------------------

$(B)/spindle.iso: $(B)/spindle.elf boot/grub.cfg
	@rm -rf $(B)/isodir && mkdir -p $(B)/isodir/boot/grub
	cp $(B)/spindle.elf $(B)/isodir/boot/spindle.elf
	cp boot/grub.cfg $(B)/isodir/boot/grub/grub.cfg
	grub-mkrescue -o $@ $(B)/isodir 2>$(B)/grub-mkrescue.log || { cat $(B)/grub-mkrescue.log; exit 1; }

iso: deps $(B)/spindle.iso

# --- running -----------------------------------------------------------

QEMU_COMMON := -machine q35 -cpu qemu64,+nx -smp $(SMP) -m $(MEM) -display $(QEMU_DISPLAY) -no-reboot \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04

# The shell's "halt" leaves through isa-debug-exit with status 33: a clean end.
QEMU_EXIT_OK := s=$$?; [ $$s -eq 0 ] || [ $$s -eq 33 ]

run: deps all
	$(QEMU) $(QEMU_COMMON) -serial mon:stdio -kernel $(B)/spindle.elf -append "$(CMDLINE)"; $(QEMU_EXIT_OK)

run-iso: deps $(B)/spindle.iso
	$(QEMU) $(QEMU_COMMON) -serial mon:stdio -cdrom $(B)/spindle.iso; $(QEMU_EXIT_OK)

gdb: deps all
	tools/gdb.sh $(B)/spindle.elf $(GDBPORT) "$(QEMU) $(QEMU_COMMON)" "$(CMDLINE)"

# --- tests -------------------------------------------------------------

include tests/host/host.mk

test: deps all $(B)/spindle.iso
	$(MAKE) --no-print-directory host-bins
	$(PYTHON) tests/runner.py --timeout $(TEST_TIMEOUT) --qemu "$(QEMU)" --gdb "$(GDB)"

# Labs (labs/README.md): make handout LAB=n, then make grade LAB=n there.
handout: deps
	@test -n "$(LAB)" || { echo "usage: make handout LAB=n (labs: python3 tools/lab.py list)"; exit 2; }
	$(PYTHON) tools/lab.py handout $(LAB)

grade: deps
	@test -n "$(LAB)" || { echo "usage: make grade LAB=n"; exit 2; }
	$(PYTHON) tools/lab.py grade $(LAB)

bench: deps all
	$(PYTHON) tests/runner.py --bench --timeout $(TEST_TIMEOUT) --qemu "$(QEMU)"

deps:
	@tools/install-deps.sh

clean:
	rm -rf $(B)

-include $(shell find $(B) -name '*.d' 2>/dev/null)
