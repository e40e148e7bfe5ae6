# SPDX-License-Identifier: GPL-2.0
#
# Host unit tests for lib/. Included by the top-level Makefile (paths are
# relative to the top of the tree); `make host-tests` builds and runs them.
#
# lib/*.c is compiled for the host with ASan and UBSan, then every global
# symbol lib/ defines is renamed NAME -> k_NAME with objcopy, so that
# Spindle's memcpy(), vsnprintf()... and the C library's can be linked into
# one test program and compared (tests call the k_ names, see klib.h). The
# renaming uses the union of the names all lib/ objects define, applied to
# every object, so lib/'s calls between its own files (vsnprintf() calling
# strnlen()) stay inside lib/ instead of binding to the C library.
# Undefined names that are not lib/'s own (kmalloc, sprint_symbol) are left
# alone and come from tests/host/shims.c.
#
# The renamed objects go into an archive, so a test links only the lib/
# files it uses.

HOSTCC	?= gcc
# Host tools, never $(CROSS_COMPILE)'s: these objects run on this machine.
HOSTOBJCOPY ?= objcopy
HOSTNM	?= nm
HOSTAR	?= ar

HOST_OUT ?= build/host

# Keep whatever default goal the including Makefile has (see the end).
host_saved_default_goal := $(.DEFAULT_GOAL)

HOST_SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all
HOST_CFLAGS := -std=gnu11 -D__SPINDLE_HOST__ -Wall -Wextra -Werror -g -O1 \
	       $(HOST_SANITIZE) -Iinclude -Iarch/x86/include
# lib/ as the kernel builds it: these functions are the builtins, and a
# copy loop must not be turned into a call to memcpy, i.e. to itself.
HOST_LIB_CFLAGS := $(HOST_CFLAGS) -fno-builtin -fno-tree-loop-distribute-patterns

# lib/kunit/ is in-kernel only; $(wildcard lib/*.c) does not descend into it.
HOST_LIB_SRCS ?= $(wildcard lib/*.c)
HOST_LIB_RAW := $(patsubst lib/%.c,$(HOST_OUT)/lib/%.raw.o,$(HOST_LIB_SRCS))
HOST_LIB_OBJS := $(patsubst lib/%.c,$(HOST_OUT)/lib/%.o,$(HOST_LIB_SRCS))
HOST_KSYMS := $(HOST_OUT)/lib/k_syms.map
HOST_LIBK := $(HOST_OUT)/libk.a

HOST_SUPPORT_OBJS := $(HOST_OUT)/tests/ktap.o $(HOST_OUT)/tests/shims.o
HOST_TEST_SRCS := $(wildcard tests/host/test_*.c)
HOST_TEST_OBJS := $(patsubst tests/host/%.c,$(HOST_OUT)/tests/%.o,$(HOST_TEST_SRCS))
HOST_TEST_BINS := $(patsubst tests/host/%.c,$(HOST_OUT)/%,$(HOST_TEST_SRCS))

# Output as the kernel's: $(call cmd,...) from the top-level Makefile.
quiet_cmd_host_lib_cc = HOSTCC  $@
      cmd_host_lib_cc = $(HOSTCC) $(HOST_LIB_CFLAGS) -MMD -MP -c -o $@ $<
quiet_cmd_host_cc = HOSTCC  $@
      cmd_host_cc = $(HOSTCC) $(HOST_CFLAGS) -MMD -MP -c -o $@ $<
quiet_cmd_host_ksyms = GEN     $@
      cmd_host_ksyms = $(HOSTNM) --defined-only -g $^ | \
		awk 'NF == 3 && $$3 !~ /^__(asan|ubsan|odr_asan|sancov)/ { print $$3, "k_" $$3 }' | \
		sort -u > $@.tmp; mv $@.tmp $@
quiet_cmd_host_redefine = OBJCOPY $@
      cmd_host_redefine = $(HOSTOBJCOPY) --redefine-syms=$(HOST_KSYMS) $< $@
quiet_cmd_host_ar = AR      $@
      cmd_host_ar = rm -f $@; $(HOSTAR) rcs $@ $^
quiet_cmd_host_ld = HOSTLD  $@
      cmd_host_ld = $(HOSTCC) $(HOST_SANITIZE) -g $^ -o $@

$(HOST_OUT)/lib/%.raw.o: lib/%.c
	@mkdir -p $(@D)
	$(call cmd,host_lib_cc)

# "NAME k_NAME" for every global lib/ defines; not the sanitizers' own.
$(HOST_KSYMS): $(HOST_LIB_RAW)
	$(call cmd,host_ksyms)

$(HOST_OUT)/lib/%.o: $(HOST_OUT)/lib/%.raw.o $(HOST_KSYMS)
	$(call cmd,host_redefine)

$(HOST_LIBK): $(HOST_LIB_OBJS)
	$(call cmd,host_ar)

$(HOST_OUT)/tests/%.o: tests/host/%.c
	@mkdir -p $(@D)
	$(call cmd,host_cc)

# shims.o before libk.a: the archive's members need its kmalloc().
$(HOST_TEST_BINS): $(HOST_OUT)/%: $(HOST_OUT)/tests/%.o $(HOST_SUPPORT_OBJS) $(HOST_LIBK)
	$(call cmd,host_ld)

.PHONY: host-tests host-bins host-tests-clean

# Build only; tests/runner.py (or host-tests) runs $(HOST_TEST_BINS).
host-bins: $(HOST_TEST_BINS)

# Run every binary even after a failure, then fail if any did.
host-tests: $(HOST_TEST_BINS)
	@status=0; \
	for t in $(HOST_TEST_BINS); do \
		UBSAN_OPTIONS=print_stacktrace=1 $$t || status=1; \
	done; \
	exit $$status

host-tests-clean:
	rm -rf $(HOST_OUT)

.SECONDARY: $(HOST_LIB_RAW) $(HOST_TEST_OBJS) $(HOST_SUPPORT_OBJS)

-include $(HOST_LIB_RAW:.o=.d) $(HOST_TEST_OBJS:.o=.d) $(HOST_SUPPORT_OBJS:.o=.d)

.DEFAULT_GOAL := $(host_saved_default_goal)
