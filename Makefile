# SPDX-License-Identifier: GPL-2.0
#
# Spindle's build. `make` builds build/spindle.elf; `make help` lists the rest.
#
# Kernel sources are found by directory (no list to keep in sync); every
# object lands under build/ with a .d file (-MMD), so touching a header
# rebuilds exactly what includes it.

VERSION     := 0.1.0
CROSS_COMPILE ?=

# The toolchain, as Linux picks it: GNU by default, LLVM=1 for clang and
# the LLVM binutils (LLVM=/usr/lib/llvm-14/bin/ for a folder, LLVM=-14
# for a suffix), or CC=clang alone with the GNU linker and binutils.
ifneq ($(LLVM),)
ifneq ($(filter %/,$(LLVM)),)
LLVM_PREFIX := $(LLVM)
else ifneq ($(filter -%,$(LLVM)),)
LLVM_SUFFIX := $(LLVM)
endif
CC          := $(LLVM_PREFIX)clang$(LLVM_SUFFIX)
LD          := $(LLVM_PREFIX)ld.lld$(LLVM_SUFFIX)
NM          := $(LLVM_PREFIX)llvm-nm$(LLVM_SUFFIX)
OBJCOPY     := $(LLVM_PREFIX)llvm-objcopy$(LLVM_SUFFIX)
READELF     := $(LLVM_PREFIX)llvm-readelf$(LLVM_SUFFIX)
else
CC          := $(CROSS_COMPILE)gcc
LD          := $(CROSS_COMPILE)ld
NM          := $(CROSS_COMPILE)nm
OBJCOPY     := $(CROSS_COMPILE)objcopy
READELF     := $(CROSS_COMPILE)readelf
endif
HOSTCC      ?= gcc
PYTHON      ?= python3
QEMU        ?= qemu-system-x86_64
GDB         ?= gdb
GDBPORT     ?= 1234
MEM         ?= 128M
SMP         ?= 1
CMDLINE     ?=
TEST_TIMEOUT ?= 120
TEST_JOBS   ?= 2
DEBUG       ?= 0
# QEMU_DISPLAY=gtk (or sdl) opens a QEMU window; the console stays on serial.
QEMU_DISPLAY ?= none

# RELEASE=1: the kernel as one would ship it, every debug check off (the
# CONFIG_ switches below), in its own folder build/release/ so it never
# mixes objects with the debug build, the default of make run and make test.
RELEASE     ?= 0

# The build folder, Linux's O=: make O=build/clang LLVM=1 keeps a clang
# build beside the gcc one.
ifeq ($(RELEASE),1)
O ?= build/release
else
O ?= build
endif
B := $(O)

# No built-in rules or variables: every file here is made by a rule below,
# and a missing one is an error instead of a surprise (as Linux does).
MAKEFLAGS += -rR

# Kbuild's output: one "  CC      kernel/fork.o" line per command (the
# target, named from the build folder), the whole command with V=1, and
# nothing with make -s. $(call cmd,NAME) prints quiet_cmd_NAME (or, with
# V=1, cmd_NAME itself) and runs cmd_NAME, as scripts/Kbuild.include does.
ifeq ($(V),1)
quiet :=
Q :=
else
quiet := quiet_
Q := @
endif
ifneq ($(findstring s,$(firstword -$(MAKEFLAGS))),)
quiet := silent_
endif
escsq = $(subst ','\'',$(1))
cmd = @set -e; $(if $($(quiet)cmd_$(1)),echo '  $(call escsq,$($(quiet)cmd_$(1)))';) $(cmd_$(1))
# The target as Kbuild names it: relative to the build folder.
kobj = $(@:$(B)/%=%)
# As cmd, and the command is saved next to the target in Kbuild's .cmd file
# (build/kernel/.fork.o.cmd: "savedcmd_build/kernel/fork.o := gcc ..."),
# which tools/gen_compile_commands.py reads.
dot-target = $(dir $@).$(notdir $@)
cmd_and_savecmd = $(cmd); printf '%s\n' 'savedcmd_$@ := $(call escsq,$(cmd_$(1)))' > $(dot-target).cmd

# How Spindle runs under QEMU (machine, exit statuses, UEFI firmware).
include tools/qemu.mk

# DEBUG=1 trades speed for a kernel GDB steps through line by line.
ifeq ($(DEBUG),1)
OPT := -Og
else
OPT := -O2
endif

# clang is a cross compiler by itself: say which target, as Linux's
# scripts/Makefile.clang does (from CROSS_COMPILE when one is given).
CC_IS_CLANG := $(if $(findstring clang,$(shell $(CC) --version 2>/dev/null | head -n1)),y)
ifeq ($(CC_IS_CLANG),y)
CLANG_TARGET := $(if $(CROSS_COMPILE),$(notdir $(CROSS_COMPILE:%-=%)),x86_64-linux-gnu)
CLANG_FLAGS := --target=$(CLANG_TARGET)
endif

# Linux's cc-option/ld-option: the flag if this compiler or linker takes
# it, nothing otherwise (gcc-only flags under clang, new ld flags).
cc-option = $(shell $(CC) $(CLANG_FLAGS) -Werror $(1) -c -x c /dev/null -o /dev/null >/dev/null 2>&1 && echo $(1))
ld-option = $(shell $(LD) $(1) -v >/dev/null 2>&1 && echo $(1))

KCFLAGS := $(CLANG_FLAGS) -std=gnu11 $(OPT) -g -ffreestanding -fno-builtin -nostdlib \
	-fno-pic -fno-pie -mcmodel=kernel -mno-red-zone -mgeneral-regs-only \
	-mno-mmx -mno-sse -mno-sse2 -fno-stack-protector -fno-common \
	-fno-omit-frame-pointer -fno-optimize-sibling-calls \
	-fno-asynchronous-unwind-tables -fno-strict-aliasing \
	$(call cc-option,-fno-tree-loop-distribute-patterns) -fno-delete-null-pointer-checks \
	-Wall -Wextra -Werror -Wno-unused-parameter -Wmissing-prototypes \
	-Iinclude -Iarch/x86/include -I$(B)/include -MMD -MP
# The debug checks, each on in the (default) debug build and off with
# RELEASE=1; each can also be set alone (make CONFIG_LOCKDEP=0):
#  CONFIG_LOCKDEP          the lock validator (kernel/locking/lockdep.c)
#  CONFIG_DEBUG_SPINLOCK   each spinlock's owner, recursion and wrong-owner
#                          reports, lockup detection; off, spin_lock() is
#                          the inline ticket lock (include/linux/spinlock.h)
#  CONFIG_SLUB_DEBUG       slab poisoning, double-free and bad-pointer checks
#                          (mm/slub.c), Linux's slub_debug=PF
#  CONFIG_DEBUG_ATOMIC_SLEEP  might_sleep()'s "sleeping function called from
#                          invalid context" (kernel/sched/core.c)
DEBUG_CONFIGS := CONFIG_LOCKDEP CONFIG_DEBUG_SPINLOCK CONFIG_SLUB_DEBUG CONFIG_DEBUG_ATOMIC_SLEEP
$(foreach c,$(DEBUG_CONFIGS),$(eval $(c) ?= $(if $(filter 1,$(RELEASE)),0,1)))
KCFLAGS += $(foreach c,$(DEBUG_CONFIGS),-D$(c)=$($(c)))
KASFLAGS := $(CLANG_FLAGS) -D__ASSEMBLY__ -g -Iinclude -Iarch/x86/include -I$(B)/include -MMD -MP
KLDFLAGS := -nostdlib -z max-page-size=0x1000 -z noexecstack -z norelro \
	$(call ld-option,--no-warn-rwx-segments) -T linker.ld

KDIRS := arch/x86/boot arch/x86/realmode/rm arch/x86/kernel arch/x86/entry arch/x86/mm \
	arch/x86/lib init kernel kernel/entry kernel/sched kernel/locking kernel/time kernel/trace kernel/futex \
	mm fs fs/ramfs fs/proc drivers/tty drivers/char lib lib/kunit \
	tests/kernel
KSRCS := $(filter-out arch/x86/kernel/asm-offsets.c,\
	$(foreach d,$(KDIRS),$(wildcard $(d)/*.c) $(wildcard $(d)/*.S)))
KOBJS := $(patsubst %,$(B)/%.o,$(basename $(KSRCS)))

.PHONY: all iso run run-iso run-efi gdb compile_commands.json test bench profile deps clean help host-tests handout handouts grade
.DEFAULT_GOAL := all

all: $(B)/spindle.elf $(B)/initramfs.cpio $(B)/initramfs.cpio.gz

help:
	@echo "make           build build/spindle.elf (DEBUG=1 for -Og, CROSS_COMPILE=x86_64-elf-, V=1 full commands)"
	@echo "make run       boot in QEMU, serial on this terminal (Ctrl-A X quits)"
	@echo "make run-iso   the same through GRUB (build/spindle.iso) under BIOS"
	@echo "make run-efi   the same ISO under UEFI (OVMF)"
	@echo "make iso       build the GRUB rescue ISO"
	@echo "make test      every test: host unit tests and in-kernel KTAP suites"
	@echo "make compile_commands.json   the compilation database for clangd"
	@echo "make gdb       QEMU halted + GDB stopped at start_kernel (GDBPORT=$(GDBPORT))"
	@echo "make bench     deterministic micro-benchmarks (-icount): release, then debug, beside Linux 6.1"
	@echo "make profile   one kthread create+wake+stop, instructions per function and task, flame graph (PROFILE_KERNEL=debug, ANNOTATE=fn, TREE=2)"
	@echo "make RELEASE=1 the release kernel, debug checks off, in build/release/ (also: make run RELEASE=1)"
	@echo "make handout LAB=n   a student tree for lab n in labs/work/lab-n (or DIR=path); make handouts: all"
	@echo "make grade LAB=n     score this tree, or SUBMISSION=dir: a student's, with this tree's tests"
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

# The isa-debug-exit port and codes for asm/qemu.h, from tools/qemu.mk:
# QEMU exits with (code << 1) | 1, so the kernel writes status >> 1.
quiet_cmd_qemu_h = GEN     $(kobj)
      cmd_qemu_h = mkdir -p $(dir $@); \
	{ echo '/* Generated from tools/qemu.mk: do not edit. */'; \
	  echo '\#define QEMU_DEBUG_EXIT_PORT $(QEMU_DEBUG_EXIT_PORT)'; \
	  echo "\#define QEMU_EXIT_SUCCESS $$(($(QEMU_EXIT_STATUS_SUCCESS) >> 1))"; \
	  echo "\#define QEMU_EXIT_FAILURE $$(($(QEMU_EXIT_STATUS_FAILURE) >> 1))"; \
	} > $@
$(B)/include/generated/qemu.h: tools/qemu.mk
	$(call cmd,qemu_h)

GENERATED_H := $(B)/include/generated/compile.h $(B)/include/generated/qemu.h

# The flags are a dependency too: `make DEBUG=1` after a normal build
# rebuilds everything instead of mixing -O2 and -Og objects.
$(B)/kflags: FORCE
	@mkdir -p $(B)
	@echo '$(CC) $(KCFLAGS) $(KASFLAGS) $(LD) $(KLDFLAGS)' > $@.tmp; \
	 cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

quiet_cmd_cc_o_c = CC      $(kobj)
      cmd_cc_o_c = $(CC) $(KCFLAGS) -c -o $@ $<
quiet_cmd_as_o_S = AS      $(kobj)
      cmd_as_o_S = $(CC) $(KASFLAGS) -c -o $@ $<

# The generated headers exist before anything compiles (order-only: the
# .d files then make exactly their includers rebuild on a change).
# A target without its .cmd file (built before the build saved them) is
# made again, as Kbuild's if_changed does.
.SECONDEXPANSION:
no-savedcmd = $$(if $$(wildcard $$(@D)/.$$(@F).cmd),,FORCE)

$(B)/%.o: %.c $(B)/kflags $(no-savedcmd) | $(GENERATED_H)
	@mkdir -p $(dir $@)
	$(call cmd_and_savecmd,cc_o_c)

$(B)/%.o: %.S $(B)/include/generated/asm-offsets.h $(B)/kflags $(no-savedcmd) | $(GENERATED_H)
	@mkdir -p $(dir $@)
	$(call cmd_and_savecmd,as_o_S)

# Structure offsets for assembly (see arch/x86/kernel/asm-offsets.c),
# compiled to assembly as Linux does, then turned into a header.
ASM_OFFSETS_S := $(B)/arch/x86/kernel/asm-offsets.s
quiet_cmd_cc_s_c = CC      $(kobj)
      cmd_cc_s_c = $(CC) $(KCFLAGS) -S -o $@ $<
$(ASM_OFFSETS_S): arch/x86/kernel/asm-offsets.c $(B)/kflags $(no-savedcmd) | $(GENERATED_H)
	@mkdir -p $(dir $@)
	$(call cmd_and_savecmd,cc_s_c)

quiet_cmd_offsets = GEN     $(kobj)
      cmd_offsets = { echo '/* Generated from arch/x86/kernel/asm-offsets.c: do not edit. */'; \
	  sed -n 's/.*->\([A-Z_][A-Z_0-9]*\) \([0-9][0-9]*\).*/\#define \1 \2/p' $<; \
	} > $@
$(B)/include/generated/asm-offsets.h: $(ASM_OFFSETS_S)
	@mkdir -p $(dir $@)
	$(call cmd,offsets)

# For clangd and other tools: every kernel file's command, from the .cmd
# files of this build (as Linux's scripts/clang-tools/gen_compile_commands.py).
quiet_cmd_compile_commands = GEN     $@
      cmd_compile_commands = $(PYTHON) tools/gen_compile_commands.py -o $@ $(KOBJS) $(ASM_OFFSETS_S)
compile_commands.json: $(KOBJS) $(ASM_OFFSETS_S) tools/gen_compile_commands.py
	$(call cmd,compile_commands)

# kallsyms, Linux's idea: link once with an empty symbol table, list the
# text symbols of that link, link again with the table. The table sits after
# all code (linker.ld), so code addresses cannot move between the passes;
# the check below proves it on every build.
quiet_cmd_kallsyms = KSYMS   $(kobj)
      cmd_kallsyms = $(NM) -n -S --defined-only $< | awk -f tools/kallsyms.awk > $@
quiet_cmd_kallsyms0 = KSYMS   $(kobj)
      cmd_kallsyms0 = awk -f tools/kallsyms.awk < /dev/null > $@
$(B)/kallsyms0.S: tools/kallsyms.awk
	@mkdir -p $(B)
	$(call cmd,kallsyms0)

$(B)/kallsyms.S: $(B)/spindle.pass1.elf tools/kallsyms.awk
	$(call cmd,kallsyms)

# The generated tables are assembly in the build folder, built with the
# kernel's assembler flags like every other .S.
$(B)/kallsyms0.o $(B)/kallsyms.o: $(B)/%.o: $(B)/%.S $(B)/kflags
	$(call cmd,as_o_S)

quiet_cmd_ld = LD      $(kobj)
      cmd_ld = $(LD) $(KLDFLAGS) -o $@ $(KOBJS) $(filter $(B)/kallsyms%.o,$^)

$(B)/spindle.pass1.elf: $(KOBJS) $(B)/kallsyms0.o linker.ld
	$(call cmd,ld)

$(B)/spindle.elf: $(B)/spindle.pass1.elf $(B)/kallsyms.o
	$(call cmd,ld)
	$(Q)$(NM) -n -S --defined-only $(B)/spindle.pass1.elf | awk -f tools/kallsyms.awk -v check=1 > $(B)/syms1.txt
	$(Q)$(NM) -n -S --defined-only $@ | awk -f tools/kallsyms.awk -v check=1 > $(B)/syms2.txt
	$(Q)cmp -s $(B)/syms1.txt $(B)/syms2.txt || { echo "kallsyms: code moved between link passes" >&2; rm -f $@; exit 1; }
	$(Q)READELF="$(READELF)" tools/check-aout-kludge.sh $@ || { rm -f $@; exit 1; }
	@$(if $(quiet:silent_=),echo "  built $@ ($$(stat -c %s $@) bytes)",true)

# --- GRUB ISO ----------------------------------------------------------

# One ISO for both firmwares: grub-mkrescue puts in a GRUB for every
# platform installed under /usr/lib/grub. Which ones are there is a
# dependency (dpkg keeps the packages' old file times, so an installed
# grub-efi-amd64-bin would not look newer than the ISO), and both must be.
GRUB_PLATFORMS := i386-pc x86_64-efi
$(B)/grub-platforms: FORCE
	@mkdir -p $(B)
	@for p in $(GRUB_PLATFORMS); do \
		test -f /usr/lib/grub/$$p/moddep.lst || { \
			echo "GRUB for $$p is missing (/usr/lib/grub/$$p): the ISO would not boot under" \
			     "$$([ $$p = i386-pc ] && echo BIOS || echo UEFI); run tools/install-deps.sh" >&2; exit 1; }; \
		echo "$$p $$(cat /usr/lib/grub/$$p/modinfo.sh 2>/dev/null | grep -m1 grub_version)"; \
	 done > $@.tmp; cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

# CMDLINE= goes into the ISO (GRUB cannot be handed one by QEMU): a change
# rebuilds it. boot/grub.cfg sources cmdline.cfg; GRUB's single quotes keep
# the line as typed.
$(B)/iso-cmdline: FORCE
	@mkdir -p $(B)
	@printf '%s\n' '$(call escsq,$(CMDLINE))' > $@.tmp; cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

quiet_cmd_iso = GENIMAGE $(kobj)
      cmd_iso = rm -rf $(B)/isodir && mkdir -p $(B)/isodir/boot/grub; \
	cp $(B)/spindle.elf $(B)/isodir/boot/spindle.elf; \
	cp boot/grub.cfg $(B)/isodir/boot/grub/grub.cfg; \
	sed "s/'/'\\\\''/g; s/.*/set spindle_cmdline='&'/" $(B)/iso-cmdline > $(B)/isodir/boot/grub/cmdline.cfg; \
	grub-mkrescue -o $@ $(B)/isodir 2>$(B)/grub-mkrescue.log || { cat $(B)/grub-mkrescue.log; exit 1; }
$(B)/spindle.iso: $(B)/spindle.elf boot/grub.cfg $(B)/grub-platforms $(B)/iso-cmdline
	$(call cmd,iso)

# The same with the initramfs as a GRUB module2 (boot/grub-initramfs.cfg).
quiet_cmd_iso_initramfs = GENIMAGE $(kobj)
      cmd_iso_initramfs = rm -rf $(B)/isodir-initramfs && mkdir -p $(B)/isodir-initramfs/boot/grub; \
	cp $(B)/spindle.elf $(B)/initramfs.cpio $(B)/isodir-initramfs/boot/; \
	cp boot/grub-initramfs.cfg $(B)/isodir-initramfs/boot/grub/grub.cfg; \
	grub-mkrescue -o $@ $(B)/isodir-initramfs 2>$(B)/grub-mkrescue.log || { cat $(B)/grub-mkrescue.log; exit 1; }
$(B)/spindle-initramfs.iso: $(B)/spindle.elf $(B)/initramfs.cpio boot/grub-initramfs.cfg $(B)/grub-platforms
	$(call cmd,iso_initramfs)

iso: deps $(B)/spindle.iso

# --- user programs and the initramfs ----------------------------------

# Static programs against Debian's musl (musl-tools): a real libc, Linux's ABI.
MUSL_CC     ?= musl-gcc
USER_CFLAGS := -std=gnu11 -static -O2 -g -Wall -Wextra -Werror
USER_PROGS  := init forktest usertests

quiet_cmd_user_cc = CC [U]  $(kobj)
      cmd_user_cc = $(MUSL_CC) $(USER_CFLAGS) -o $@ $<
$(B)/user/%: user/%.c
	@mkdir -p $(dir $@)
	$(call cmd,user_cc)

# usertests is two files: the process cases, and the thread cases (threadtests.c).
quiet_cmd_usertests_cc = CC [U]  $(kobj)
      cmd_usertests_cc = $(MUSL_CC) $(USER_CFLAGS) -o $@ $(filter %.c,$^)
$(B)/user/usertests: user/usertests.c user/threadtests.c user/usertests.h
	@mkdir -p $(dir $@)
	$(call cmd,usertests_cc)

# The project's initramfs: `make run INITRD=build/initramfs.cpio` runs its /init.
$(B)/initramfs.cpio: user/initramfs.list tools/gen_init_cpio.py user/script-test user/not-elf \
		$(USER_PROGS:%=$(B)/user/%)
	@echo "  CPIO    $@"
	$(Q)sed 's| build/user/| $(B)/user/|' user/initramfs.list > $(B)/initramfs.list
	$(Q)$(PYTHON) tools/gen_init_cpio.py $(B)/initramfs.list $@

# Debian's busybox-static (glibc, built elsewhere) as the whole user space:
# user/busybox.list, and a symlink to it for each of its applets (as
# `busybox --install -s` would make them). make test boots it.
$(B)/busybox.list: user/busybox.list /bin/busybox
	$(Q)mkdir -p $(dir $@)
	$(Q){ cat user/busybox.list; /bin/busybox --list-full | grep -v '^bin/sh$$' | \
		sed 's|.*|slink /& /bin/busybox 0777 0 0|'; } > $@.tmp && mv $@.tmp $@

$(B)/busybox.cpio: $(B)/busybox.list tools/gen_init_cpio.py user/busybox-init /bin/busybox
	@echo "  CPIO    $@"
	$(Q)$(PYTHON) tools/gen_init_cpio.py $(B)/busybox.list $@

# The same, gzip-compressed, as Linux's build makes initramfs images.
$(B)/initramfs.cpio.gz: $(B)/initramfs.cpio
	@echo "  GZIP    $@"
	$(Q)gzip -9 -n -c $< > $@.tmp && mv $@.tmp $@

# --- running -----------------------------------------------------------

# INITRD=file.cpio: an initramfs for -initrd (its /init runs as pid 1).
# USERLAND=busybox: Debian's busybox as the whole user space (build/busybox.cpio).
USERLAND    ?=
INITRD      ?= $(if $(filter busybox,$(USERLAND)),$(B)/busybox.cpio)
QEMU_INITRD := $(if $(INITRD),-initrd $(INITRD))

# NUMA=1, 2 or 4: one of tools/qemu.mk's NUMA machines, its CPUs and memory
# instead of SMP= and MEM=.
NUMA        ?=
ifneq ($(NUMA),)
ifeq ($(QEMU_NUMA$(NUMA)),)
$(error NUMA=$(NUMA): tools/qemu.mk has machines for NUMA=1, 2 and 4)
endif
QEMU_COMMON := $(QEMU_MACHINE) $(QEMU_NUMA$(NUMA)) -smp $(QEMU_NUMA$(NUMA)_SMP) \
	-m $(QEMU_NUMA$(NUMA)_MEM) -display $(QEMU_DISPLAY)
else
QEMU_COMMON := $(QEMU_MACHINE) -smp $(SMP) -m $(MEM) -display $(QEMU_DISPLAY)
endif

# The shell's "halt" leaves through isa-debug-exit: a clean end.
QEMU_EXIT_OK := s=$$?; [ $$s -eq 0 ] || [ $$s -eq $(QEMU_EXIT_STATUS_SUCCESS) ]

run: deps all $(if $(filter busybox,$(USERLAND)),$(B)/busybox.cpio)
	$(QEMU) $(QEMU_COMMON) -serial mon:stdio -kernel $(B)/spindle.elf $(QEMU_INITRD) -append "$(CMDLINE)"; $(QEMU_EXIT_OK)

run-iso: deps $(B)/spindle.iso
	$(QEMU) $(QEMU_COMMON) -serial mon:stdio -cdrom $(B)/spindle.iso; $(QEMU_EXIT_OK)

# UEFI: OVMF's code read-only, a fresh copy of its variable store per run.
OVMF_VARS_COPY := $(B)/OVMF_VARS.fd
run-efi: deps $(B)/spindle.iso
	@cp $(OVMF_VARS) $(OVMF_VARS_COPY)
	$(QEMU) $(QEMU_COMMON) $(QEMU_UEFI) -serial mon:stdio -cdrom $(B)/spindle.iso; $(QEMU_EXIT_OK)

gdb: deps all
	tools/gdb.sh $(B)/spindle.elf $(GDBPORT) "$(QEMU) $(QEMU_COMMON) $(QEMU_INITRD)" "$(CMDLINE)"

# --- tests -------------------------------------------------------------

include tests/host/host.mk

test: deps all $(B)/spindle.iso $(B)/spindle-initramfs.iso $(B)/busybox.cpio
	$(Q)$(MAKE) --no-print-directory host-bins
	$(Q)NM="$(NM)" READELF="$(READELF)" \
	$(PYTHON) tests/runner.py --timeout $(TEST_TIMEOUT) --jobs $(TEST_JOBS) --qemu "$(QEMU)" --gdb "$(GDB)"

# Labs (labs/README.md). A handout goes to labs/work/lab-n (ignored by git,
# untouched by make clean) or DIR, never over a tree the student changed
# (FORCE=1 to replace it). A grade below full marks is a result, not an
# error: it ends with its Score line and status 0 (tools/lab.py says 1).
handout: deps
	@test -n "$(LAB)" || { echo "usage: make handout LAB=n [DIR=path] [FORCE=1] (labs: python3 tools/lab.py list)"; exit 2; }
	@$(PYTHON) tools/lab.py handout $(LAB) $(if $(DIR),--out "$(DIR)") $(if $(FORCE),--force)

handouts: deps
	@$(PYTHON) tools/lab.py handout all $(if $(FORCE),--force)

grade: deps
	@test -n "$(LAB)" || { echo "usage: make grade LAB=n [SUBMISSION=dir]"; exit 2; }
	@$(PYTHON) tools/lab.py grade $(LAB) $(if $(SUBMISSION),--submission "$(SUBMISSION)") || [ $$? -eq 1 ]

# The release kernel's figures first, then the debug build's (tests/runner.py).
bench: deps all $(B)/busybox.cpio
	$(Q)$(MAKE) --no-print-directory RELEASE=1 O=build/release build/release/spindle.elf
	$(PYTHON) tests/runner.py --bench --timeout $(TEST_TIMEOUT) --qemu "$(QEMU)" $(if $(NUMA),--numa $(NUMA))

# One kthread_create() + wake_up_process() + kthread_stop() of the release
# kernel (PROFILE_KERNEL=debug: the debug one), every instruction counted
# under -icount, per function and task, with a flame graph in build/profile/
# (tools/kprofile.py, docs/profile.md); ANNOTATE="f g": each instruction of
# f and g that ran, with its count; TREE=2: the call tree, frames of 2% and more.
PROFILE_KERNEL ?= release
profile: deps all
	$(Q)$(MAKE) --no-print-directory RELEASE=1 O=build/release build/release/spindle.elf
	$(Q)NM="$(NM)" $(PYTHON) tools/kprofile.py --qemu "$(QEMU)" --gdb "$(GDB)" --timeout $(TEST_TIMEOUT) \
	$(if $(filter debug,$(PROFILE_KERNEL)),--elf build/spindle.elf --out build/profile-debug) \
	$(foreach f,$(ANNOTATE),--annotate $(f)) $(if $(TREE),--tree $(TREE))

deps:
	@tools/install-deps.sh

clean:
	rm -rf $(B)

# Only this build's dependency files: not a lab tree's, nor another
# build folder's under build/.
-include $(KOBJS:.o=.d) $(ASM_OFFSETS_S:.s=.d) $(B)/kallsyms0.d $(B)/kallsyms.d
