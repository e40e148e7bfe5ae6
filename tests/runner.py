#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The host side of `make test` and `make bench`.

`make test` runs, and counts as tests:
  - every host unit-test binary build/host/test_* (KTAP on stdout, one suite),
  - the in-kernel KUnit suites: one QEMU boot with kunit.run=1 whose serial
    log is parsed as KTAP, then parsed again by Linux's kunit.py to check
    that both parsers agree (test "ktap_matches_kunit_py"),
  - the shell at the end of a normal boot, driven over COM1 with scripted
    input (tests/shell_tests.py),
  - the boots of the BOOTS table below: the GRUB ISO, expected faults
    (lkdtm=NAME), a bad boot parameter, too little memory, and a scripted
    GDB session,
  - Linux's kernel-doc over the sources, which must not warn
    (tests/kernel_doc.py), and a rule at every lock's declaration
    (tests/lock_rules.py),
  - make profile's folding on a fixed log, and make profile itself on the
    debug kernel, its total against the kernel's own figure
    (tests/profile_tests.py).
A boot that prints a WARNING nobody announced fails (unexpected_warnings()).
Up to --jobs QEMUs run at once. One line is printed per test as it ends,
and the last line is "N passed, N failed[, N skipped]". Serial logs are
kept in build/test-logs/<boot>.log.

`make bench` boots the release kernel, then the debug one, with -icount
(deterministic instruction counts) and bench=1 at -smp 1 and -smp 2, then
at -smp 4 with bench=smp, and prints the kernel's "BENCH name value unit"
lines (the debug ones as name_debug), with Linux 6.1's figure and the
ratio beside those Linux has (tests/bench_linux.py); see run_bench().
"""
import argparse
import concurrent.futures
import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

import bench_linux
import gdb_doc_tests
import gdb_tests
import gdb_user_tests
import make_gdb_test
import compile_commands
import kernel_doc
import lock_rules
import profile_tests
from ktap import incomplete_suites, ktap_cases, ktap_totals, parse_ktap
from qemu import (BENCH_MEM, ELF, EXIT_FAIL, EXIT_PASS, LOG_DIR, QEMU_FLAGS, numa_machine,
                  qemu_boot, read_log)
import acpi_tables
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import qemu_conf                    # tools/qemu.mk: the UEFI firmware
import busybox_tests
import shell_tests

INITRAMFS = Path("build/initramfs.cpio")
HOST_DIR = Path("build/host")
KUNIT_PY = Path("build/kunit-tool/linux-source-6.1/tools/testing/kunit/kunit.py")
GDB_SCRIPT = Path("tools/gdb/boot-check.gdb")

KUNIT_CMDLINE = "kunit.run=1 loglevel=7"
# What GRUB must not print on the serial console when it boots the ISO.
GRUB_COMPLAINTS = ["WARNING: no console will be available to OS",
                   "error: no suitable video mode found",
                   re.compile(r"^\s*error: .*$", re.M)]
CLANG_ELF = Path("build/clang/spindle.elf")
CLANG_BUILD = ["make", "-s", f"-j{os.cpu_count() or 1}", f"O={CLANG_ELF.parent}", "LLVM=1",
               str(CLANG_ELF)]
# The release kernel (make RELEASE=1: every debug check off), its own folder.
RELEASE_ELF = Path("build/release/spindle.elf")
RELEASE_BUILD = ["make", "-s", f"-j{os.cpu_count() or 1}", "RELEASE=1", str(RELEASE_ELF)]

# lkdtm=NAME boots: the fault each one provokes must end in an oops saying
# all of these (plain strings are substrings, compiled ones are regexes),
# and in exit status 35 (panic in test mode).
LKDTM = [
    ("EXCEPTION", ["BUG: kernel NULL pointer dereference",
                   re.compile(r"Call Trace:.*lkdtm_", re.S)]),
    ("WRITE_RO", ["#PF: error_code(0x0003) - permissions violation"]),
    ("EXEC_DATA", ["NX violation"]),
    ("EXHAUST_STACK", ["kernel stack overflow", "stack guard page was hit"]),
    ("BUG", ["kernel BUG at"]),
    ("DIVIDE_ERROR", ["Oops: divide error"]),
]

# lkdtm=LOCKDEP_* boots: the lock validator's report, word for word as
# Linux's, naming both locks (or both acquisitions), before anything
# hangs; then boot goes on (the report is the boot's one WARNING).
LKDTM_LOCKDEP = [
    ("LOCKDEP_AB_BA", [
        "WARNING: possible circular locking dependency detected",
        re.compile(r"lkdtm_ba/\d+ is trying to acquire lock:\n.*\(lkdtm_lock_A\)\{\+\.\+\.\}-\{3:3\}, "
                   r"at: lkdtm_take_in_order\+"),
        re.compile(r"but task is already holding lock:\n.*\(lkdtm_lock_B\)"),
        re.compile(r"-> #1 \(lkdtm_lock_B\)\{\+\.\+\.\}-\{3:3\}:\n.*_raw_spin_lock\+"),
        re.compile(r"CPU0 +CPU1\n.*----\n.*  lock\(lkdtm_lock_B\);\n.* {31}lock\(lkdtm_lock_A\);\n"
                   r".* {31}lock\(lkdtm_lock_B\);\n.*  lock\(lkdtm_lock_A\);\n"),
        "*** DEADLOCK ***", "1 lock held by lkdtm_ba/"]),
    ("LOCKDEP_RECURSION", [
        "WARNING: possible recursive locking detected",
        re.compile(r"init/1 is trying to acquire lock:\n.*([0-9a-f]{16}) \(&lkdtm_same_class\[i\]\)"),
        re.compile(r"but task is already holding lock:\n.*[0-9a-f]{16} \(&lkdtm_same_class\[i\]\)"),
        "May be due to missing lock nesting notation"]),
    ("LOCKDEP_IRQ_INVERSION", [
        "WARNING: inconsistent lock state",
        "inconsistent {SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W} usage.",
        re.compile(r"\[HC0\[0\]:SC1\[1\]:HE1:SE0\] takes:\n.*\(lkdtm_irq_lock\)\{\+\.\?\.\}"),
        re.compile(r"\{SOFTIRQ-ON-W\} state was registered at:\n(.*\n)*.*lkdtm_LOCKDEP_IRQ_INVERSION\+"),
        re.compile(r"  lock\(lkdtm_irq_lock\);\n.*  <Interrupt>\n.*    lock\(lkdtm_irq_lock\);")]),
    ("LOCKDEP_BAD_UNLOCK", [
        "WARNING: bad unlock balance detected!",
        "is trying to release lock (lkdtm_handed_over) at:",
        "but there are no more locks to release!"]),
]


# --- results -----------------------------------------------------------

class Results:
    """Counts tests and prints one line for each as it ends (thread-safe)."""

    def __init__(self):
        self.passed = self.failed = self.skipped = 0
        self.lock = threading.Lock()

    def _count(self, kind, count, line, details=()):
        with self.lock:
            setattr(self, kind, getattr(self, kind) + count)
            print("\n".join([line] + [f"       {d}" for d in details]), flush=True)

    def ok(self, name):
        self._count("passed", 1, f"ok   {name}")

    def skip(self, name, why):
        self._count("skipped", 1, f"skip {name}: {why}")

    def fail(self, name, why, details=(), log=None, count=1):
        self._count("failed", count, f"FAIL {name}: {why}",
                    list(details) + ([f"log: {log}"] if log else []))

    def summary(self):
        line = f"{self.passed} passed, {self.failed} failed"
        if self.skipped:
            line += f", {self.skipped} skipped"
        return line


# --- KTAP (parsing in tests/ktap.py) ---

def report_ktap(results, root, log_path, prefix="", each_ok=True):
    """Report every case of a parsed KTAP tree; return the failure count.

    @prefix names the boot when one tree is run twice (e.g. "smp4",
    "clang"). With @each_ok False a passing case prints no line of its
    own (the clang boot: its passes are summed up in its boot's line; its
    failures and skips are listed).
    """
    failed, crashed, unseen = 0, False, []
    for name, case in list(ktap_cases(root, prefix)) + [(None, None)]:
        if unseen and not (case and case.missing and not case.log):
            # The cases after the first one that never came: one line for all.
            names = unseen[0] if len(unseen) == 1 else f"{unseen[0]} to {unseen[-1]}"
            results.fail(names, f"no results either ({len(unseen)} counted as failed)",
                         log=log_path, count=len(unseen))
            unseen = []
        if case is None:
            break
        if case.status == "ok":
            if each_ok:
                results.ok(name)
        elif case.status == "skip":
            results.skip(name, case.reason or "skipped")
        elif case.missing and not case.log and crashed:
            unseen.append(name)
        else:
            why = "failed" if case.status == "fail" else \
                "no result: it crashed or hung before this case"
            crashed |= case.missing
            log = textwrap.dedent("\n".join(case.log)).strip("\n").splitlines()
            results.fail(name, why, log[-40:], log_path)
        failed += case.status in ("fail", "crash")
    return failed


# --- WARNINGs ----------------------------------------------------------

# __warn()'s line (kernel/panic.c), the lock validator's headlines
# (kernel/locking/lockdep.c, each a WARNING too), and what
# kunit_expect_warning() prints.
WARNING_LINE = re.compile(
    r"WARNING: CPU: \d+ PID: \d+ at "
    r"|WARNING: (possible circular locking dependency detected|possible recursive locking"
    r" detected|inconsistent lock state|bad unlock balance detected!|held lock freed!"
    r"|\S+ still has locks held!|lock held when returning to user space!)"
    r"|INFO: trying to register non-static key\.|BUG: key \S+ has not been registered!"
    r"|BUG: MAX_\w+ too low!|BUG: looking up invalid subclass")
WARNING_ANNOUNCED = re.compile(r"# \S+: expects a WARNING: ")


def unexpected_warnings(log, allowed=0):
    """The WARNING lines of a boot log that nothing announced.

    A KUnit case that provokes a WARNING on purpose announces it first
    (kunit_expect_warning()); a boot may allow `allowed` more (its BOOTS
    entry says warnings=N). Each announcement covers the next WARNING
    only, so one announced WARNING cannot hide a second.
    """
    credit, bad = allowed, []
    for line in log.splitlines():
        if WARNING_ANNOUNCED.search(line):
            credit += 1
        elif WARNING_LINE.search(line):
            if credit:
                credit -= 1
            else:
                bad.append(line.strip())
    return bad


def warning_problems(log, allowed=0):
    bad = unexpected_warnings(log, allowed)
    return [f"{len(bad)} unexpected WARNING(s), the first: {bad[0]}"] if bad else []


# --- running things (QEMU in tests/qemu.py) ---

def missing_expectations(log, expected):
    return [e.pattern if isinstance(e, re.Pattern) else e for e in expected
            if not (e.search(log) if isinstance(e, re.Pattern) else e in log)]


def run_host_tests(args, results):
    """Each build/host/test_* binary prints KTAP for one suite."""
    bins = sorted(p for p in HOST_DIR.glob("test_*")
                  if p.is_file() and os.access(p, os.X_OK))
    env = dict(os.environ, UBSAN_OPTIONS="print_stacktrace=1")
    for binary in bins:
        name = f"host/{binary.name}"
        log_path = LOG_DIR / f"host-{binary.name}.log"
        try:
            proc = subprocess.run([str(binary)], stdin=subprocess.DEVNULL,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  env=env, timeout=args.timeout, text=True,
                                  errors="backslashreplace")
            out, status = proc.stdout, proc.returncode
        except subprocess.TimeoutExpired as e:
            out, status = (e.stdout or b"").decode(errors="replace"), None
        log_path.write_text(out)
        root = parse_ktap(out)
        if root is None:
            results.fail(name, "printed no KTAP", out.splitlines()[-15:], log_path)
            continue
        failed = report_ktap(results, root, log_path)
        if status is None:
            results.fail(name, f"timed out after {args.timeout}s", [], log_path)
        elif status != (1 if failed else 0):
            results.fail(name, f"exit status {status} with {failed} failed cases",
                         out.splitlines()[-15:], log_path)


def check_kunit_boot(results, name, boot, failed_cases, root, linked):
    """The boot itself is a test: it ended as its cases say, and completely
    (and ran some case at all: an empty selection is not a pass)."""
    want = EXIT_FAIL if failed_cases else EXIT_PASS
    problems = []
    if boot.how != "exited" or boot.status != want:
        problems.append(f"{boot.describe()}, expected exit status {want}")
    problems += [f"suite {s} printed no result line" for s in incomplete_suites(root)]
    problems += warning_problems(boot.log)
    # The lock validator must still be on after every suite (lockdep_stats_show()).
    if re.search(r"^\[[ \d.]+\]  debug_locks: +0$", boot.log, re.M):
        problems.append("the lock validator turned itself off (debug_locks: 0)")
    totals = ktap_totals(root)
    if not any(totals.values()):
        problems.append("no test case ran")
    if linked is not None and linked != len(root.subtests):
        problems.append(f"{len(root.subtests)} suites in the KTAP output, but "
                        f"the ELF links {linked} (__kunit_suite_ptr_* symbols)")
    if problems:
        results.fail(name, "; ".join(problems), boot.tail(), boot.log_path)
    else:
        results.ok(f"{name} ({len(root.subtests)} suites, {totals['passed']} cases "
                   f"passed, exit status {boot.status})")


def linked_suite_count(elf):
    try:
        out = subprocess.run([os.environ.get("NM", "nm"), str(elf)], text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
    except OSError:
        return None
    return len(re.findall(r" __kunit_suite_ptr_\w+$", out, re.M)) or None


# Boots that other jobs read instead of booting the same kernel again (the
# labs' solution grades read these): job name -> a Future of its Boot, made
# by run_tests() when the job runs; None if it ended without one.
SHARED_BOOTS = ("kunit_all", "kunit_all_smp4")


def share_boot(args, name, boot):
    future = args.shared_boots.get(name)
    if future and not future.done():
        future.set_result(boot)


def shared_boot(args, name):
    """Job @name's Boot, once it is there, if the job runs; else None."""
    future = args.shared_boots.get(name)
    return future.result() if future else None


def run_kunit(args, results, name="kunit_all", smp=1, elf=ELF, prefix="", each_ok=True,
              numa=None, glob=None):
    """The in-kernel suites in one boot, then kunit.py's opinion of it.

    Run once on one CPU and once on four (kunit_all_smp4): every suite
    must pass on both, and only the second meets real concurrency. The
    clang kernel (@elf, run_clang()) is booted through here too.
    """
    cmdline = KUNIT_CMDLINE
    if args.filter or glob:
        cmdline = f"kunit.filter_glob={args.filter or glob} loglevel=7"
    machine = numa_machine(numa) if numa else dict(smp=smp)
    boot = qemu_boot(args, name, cmdline, elf=elf, **machine)
    smp = machine["smp"]
    root = parse_ktap(boot.log)
    if root is None:
        results.fail(name, "no KTAP output", boot.tail(), boot.log_path)
        return
    failed = report_ktap(results, root, boot.log_path,
                         prefix or (f"numa{numa}" if numa else "" if smp == 1 else f"smp{smp}"),
                         each_ok)
    linked = None if args.filter or glob else linked_suite_count(elf)
    check_kunit_boot(results, name, boot, failed, root, linked)
    share_boot(args, name, boot)
    if smp == 1 and elf == ELF and not numa:    # one comparison of the parsers is enough
        compare_with_kunit_py(results, root, boot.log_path)


def run_kunit_smap(args, results, name="kunit_user_smap"):
    """The SMAP case of the user suite on -cpu max, where it must run, not skip."""
    boot = qemu_boot(args, name, "kunit.filter_glob=user.user_test_smap* loglevel=7",
                     extra=["-cpu", "max"])
    root = parse_ktap(boot.log)
    cases = list(ktap_cases(root)) if root else []
    if not cases:
        results.fail(name, "no KTAP cases (the filter matched nothing?)", boot.tail(),
                     boot.log_path)
        return
    failed = report_ktap(results, root, boot.log_path, "smap")
    skipped = [n for n, c in cases if c.status == "skip"]
    if skipped:
        results.fail(name, f"{skipped[0]} skipped: no SMAP on -cpu max?", [], boot.log_path)
    elif boot.how != "exited" or boot.status != (EXIT_FAIL if failed else EXIT_PASS):
        results.fail(name, boot.describe(), boot.tail(), boot.log_path)
    else:
        results.ok(f"{name} (exit status {boot.status})")


def build_other_kernel(results, name, command):
    """Build a second kernel (@command: make in its own build folder);
    True when it built. The build is test @name, timed in its line."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}  # not the caller's flags
    start = time.monotonic()
    # Niced: the boots beside it measure time, the build does not.
    build = subprocess.run(command, env=env, stdin=subprocess.DEVNULL,
                           capture_output=True, text=True, preexec_fn=lambda: os.nice(10))
    if build.returncode:
        results.fail(name, f"{shlex.join(command)}: exit status {build.returncode}",
                     (build.stdout + build.stderr).splitlines()[-20:])
        return False
    results.ok(f"{name} ({time.monotonic() - start:.0f} s)")
    return True


def run_clang(args, results):
    """clang as the second compiler: the kernel built with `make LLVM=1`
    (clang, ld.lld, llvm-nm...) in its own build folder, then booted once
    with every in-kernel suite. Its failing cases are listed as
    clang.SUITE.CASE; its passes are counted in the boot's line."""
    if build_other_kernel(results, "clang_build", CLANG_BUILD):
        run_kunit(args, results, "clang_kunit_all", elf=CLANG_ELF, prefix="clang",
                  each_ok=False)


def run_release(args, results):
    """The release kernel (`make RELEASE=1`: no spinlock debugging, no
    lockdep, no slab poisoning, no might_sleep() checks), built in
    build/release/, then booted once with every in-kernel suite: the fast
    paths the debug build does not run are tested too. A case that needs
    a debug check skips, saying which. Listed as release.SUITE.CASE when
    it fails or skips; its passes are counted in the boot's line."""
    if build_other_kernel(results, "release_build", RELEASE_BUILD):
        run_kunit(args, results, "release_kunit_all", elf=RELEASE_ELF, prefix="release",
                  each_ok=False)


def compare_with_kunit_py(results, root, log_path):
    name = "ktap_matches_kunit_py"
    if not KUNIT_PY.is_file():
        results.skip(name, f"{KUNIT_PY} not found (tools/install-deps.sh extracts it)")
        return
    proc = subprocess.run([sys.executable, str(KUNIT_PY), "parse",
                           str(log_path.resolve())],  # kunit.py chdirs,
                          stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    m = re.search(r"Testing complete\. Ran (\d+) tests:?(.*)", proc.stdout)
    if not m:
        results.fail(name, "kunit.py printed no summary", proc.stdout.splitlines()[-10:])
        return
    counts = {k: int(v) for k, v in re.findall(r"(\w+): (\d+)", m.group(2))}
    theirs = {"passed": counts.get("passed", 0), "skipped": counts.get("skipped", 0),
              "failed": counts.get("failed", 0) + counts.get("crashed", 0)}
    ours = ktap_totals(root)
    if ours == theirs:
        results.ok(name)
    else:
        results.fail(name, f"runner counted {ours}, kunit.py {theirs}",
                     [m.group(0)], log_path)


def run_expect(args, results, name, append=None, mem="128M", cdrom=False,
               expect=(), status=None, give_up=None, timeout=None, warnings=0,
               extra=(), forbid=(), uefi=False, smp=1, acpi=(), elf=None, once=(),
               check=None):
    """A boot whose log must say all of `expect`, none of `forbid`, then
    exit with `status`. @elf is the -kernel image (build/spindle.elf).

    With status None the kernel is not expected to exit: QEMU is killed
    as soon as the log says everything (or `give_up`, a hopeless sign).
    It may print `warnings` WARNINGs, no more. @uefi boots under OVMF
    (tools/qemu.mk's QEMU_UEFI), with a fresh copy of its variable store
    in the log folder. @acpi: (file name, bytes) of ACPI tables to add.
    Each of `once` must be in the log exactly once; `check(log)` may
    return one more problem (a string) or None.
    """
    def done(log):
        return status is None and not missing_expectations(log, expect) \
            or bool(give_up and give_up in log)
    extra = list(extra)
    if uefi:
        vars_copy = LOG_DIR / f"{name}.OVMF_VARS.fd"
        shutil.copyfile(qemu_conf.value("OVMF_VARS"), vars_copy)
        extra += qemu_conf.flags("QEMU_UEFI", OVMF_VARS_COPY=vars_copy)
    for file_name, data in acpi:
        extra += acpi_tables.write(LOG_DIR / f"{name}.{file_name}", data)
    boot = qemu_boot(args, name, append, mem=mem, cdrom=cdrom, done=done,
                     timeout=timeout, extra=extra, smp=smp, elf=elf)
    missing = missing_expectations(boot.log, expect)
    twice = [f"{o!r} {boot.log.count(o)} times" for o in once if boot.log.count(o) != 1]
    other = check(boot.log) if check and not missing else None
    warned = warning_problems(boot.log, warnings)
    present = [f.pattern if isinstance(f, re.Pattern) else f for f in forbid
               if (f.search(boot.log) if isinstance(f, re.Pattern) else f in boot.log)]
    if present:
        results.fail(name, "the log says " + ", ".join(map(repr, present)),
                     boot.tail(), boot.log_path)
    elif missing:
        hint = [] if boot.log or not cdrom else [
            "(GRUB prints its errors on the VGA screen only, unless boot/grub.cfg",
            " says 'serial' and 'terminal_output serial console')"]
        results.fail(name, f"{boot.describe()}; the log lacks "
                     + ", ".join(map(repr, missing)), boot.tail() + hint, boot.log_path)
    elif twice or other:
        results.fail(name, "the log says " + ", ".join(twice + ([other] if other else [])),
                     boot.tail(), boot.log_path)
    elif status is not None and boot.status != status:
        results.fail(name, f"{boot.describe()}, expected exit status {status}",
                     boot.tail(), boot.log_path)
    elif warned:
        results.fail(name, warned[0], boot.tail(), boot.log_path)
    else:
        results.ok(name)


# A command line of 2048 bytes whose last word, loglevel=15, would be cut to
# loglevel=1 (a console that says nothing more) by a cut at 2047 bytes.
LONG_CMDLINE = "loglevel=7 " * 185 + "  loglevel=15"


def run_cmdline_cut(args, results, name="cmdline_cut"):
    """QEMU's multiboot1 command line is the -kernel path, a space and the
    -append line: from a folder with a space in its name, the kernel must
    drop the whole path; and a line too long is cut before its last word,
    with a line that says so."""
    spaced = LOG_DIR / "my dir" / "spindle.elf"
    spaced.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ELF, spaced)
    run_expect(args, results, name, append=LONG_CMDLINE, elf=spaced, expect=[
        'Command line is too long: truncated to 2034 of 2048 bytes, dropped from "loglevel=15"',
        re.compile(r"^\[\s*[\d.]+\] Kernel command line: loglevel=7 .*loglevel=7$", re.M),
        "Spindle: boot finished"], forbid=["Unknown kernel command line parameter"],
        give_up="Spindle shell: type help")


# The user-space suite (user/usertests.c) as pid 1: its KTAP cases count
# as tests; it powers off (status 33) when done. The kernel must have
# printed Linux's segfault line for the child it saw die of SIGSEGV.
USERTESTS_EXPECT = [
    re.compile(r"usertests\[\d+\]: segfault at 10 ip [0-9a-f]{16} sp [0-9a-f]{16} "
               r"error 6 in usertests\[401000\+[0-9a-f]+\]"),
    re.compile(r"traps: usertests\[\d+\] trap invalid opcode ip:[0-9a-f]+ sp:[0-9a-f]+ "
               r"error:0 in usertests\[401000\+[0-9a-f]+\]"),
]


def run_usertests(args, results, name="usertests", smp=1):
    """Boot the project's initramfs with rdinit=/usertests and count its cases."""
    if not INITRAMFS.is_file():
        results.fail(name, f"{INITRAMFS} missing: run make first")
        return
    boot = qemu_boot(args, name, "rdinit=/usertests", smp=smp,
                     extra=["-initrd", str(INITRAMFS)])
    root = parse_ktap(boot.log)
    if root is None:
        results.fail(name, "no KTAP output", boot.tail(), boot.log_path)
        return
    failed = report_ktap(results, root, boot.log_path, "" if smp == 1 else f"smp{smp}")
    problems = []
    if boot.how != "exited" or boot.status != (EXIT_PASS if not failed else None):
        if not (failed and boot.how == "exited"):
            problems.append(f"{boot.describe()}, expected exit status {EXIT_PASS} (poweroff)")
    problems += warning_problems(boot.log)
    missing = missing_expectations(boot.log, USERTESTS_EXPECT)
    if missing:
        problems.append("the log lacks " + ", ".join(map(repr, missing)))
    if not root.subtests or not root.subtests[0].subtests:
        problems.append("no test cases")
    if problems:
        results.fail(name, "; ".join(problems), boot.tail(), boot.log_path)
    else:
        results.ok(f"{name} ({len(root.subtests[0].subtests)} cases, exit status {boot.status})")


def run_gdb(args, results):
    """QEMU waits for GDB; GDB must stop in start_kernel via a hardware bp."""
    name = "gdb_boot"
    port = gdb_tests.free_port()
    gdb_out = []

    def attach(_log):
        try:
            proc = subprocess.run(
                args.gdb + ["-batch", "-nx", "-ex", f"set $spindle_port = {port}",
                            "-x", str(GDB_SCRIPT)],
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT, text=True, timeout=args.timeout)
            gdb_out.append(proc.stdout)
        except subprocess.TimeoutExpired as e:
            gdb_out.append((e.stdout or b"").decode(errors="replace") + "\n(gdb timed out)")
        return True                     # GDB is done: kill QEMU

    boot = qemu_boot(args, name, "", extra=["-S", "-gdb", f"tcp:127.0.0.1:{port}"],
                     done=attach)
    out = "".join(gdb_out)
    checks = [re.compile(r"Breakpoint 1, .*start_kernel"), re.compile(r"#0 .*start_kernel"),
              re.compile(r"#\d+ .*x86_64_start_kernel"), re.compile(r"rip\s+0x")]
    missing = missing_expectations(out, checks)
    if missing:
        results.fail(name, "GDB output lacks " + ", ".join(map(repr, missing)),
                     out.splitlines()[-20:] + boot.stderr.splitlines()[-5:], boot.log_path)
    else:
        results.ok(name)


def elf_entry(elf):
    """The ELF entry point (the physical _start both loaders jump to)."""
    out = subprocess.run([os.environ.get("READELF", "readelf"), "-h", str(elf)],
                         capture_output=True, text=True).stdout
    return int(re.search(r"Entry point address:\s+(0x[0-9a-f]+)", out).group(1), 16)


def run_bad_magic(args, results):
    """A wrong boot magic in %eax: head.S must say so on COM1 and halt.

    QEMU's loaders always pass the right magic, so GDB stops at the entry
    (32-bit, paging off) and puts a wrong one in %eax before head.S reads it.
    qemu-system-x86_64's gdbstub always speaks x86-64, hence the x86-64
    architecture and $rax (whose low half is %eax).
    """
    name, port, state = "bad_boot_magic", gdb_tests.free_port(), {}
    expect = "not started by a multiboot loader (bad magic in %eax); halting"

    def poke_then_wait(log):
        if "gdb" not in state:
            cmds = ["set pagination off", "set confirm off", "set architecture i386:x86-64",
                    f"target remote 127.0.0.1:{port}", f"hbreak *{elf_entry(ELF):#x}",
                    "continue", "set $rax = 0x12345678", "detach"]
            proc = subprocess.run(args.gdb + ["-batch", "-nx"] + sum((["-ex", c] for c in cmds), []),
                                  stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                  timeout=args.timeout)
            state["gdb"] = proc.stdout + proc.stderr
        return expect in log

    boot = qemu_boot(args, name, "", extra=["-S", "-gdb", f"tcp:127.0.0.1:{port}"],
                     done=poke_then_wait, timeout=min(args.timeout, 60))
    if expect in boot.log and "Spindle version" not in boot.log:
        results.ok(name)
    else:
        results.fail(name, f"no '{expect}' line (or the kernel went on booting)",
                     boot.tail() + state.get("gdb", "").splitlines()[-8:], boot.log_path)


def doctor(tree):
    """Cheat in lab 2's handout @tree as a student might, to raise the score
    without the work: keep only the first case in the kthread suite's list
    (the deleted ones stay defined, so the tree builds), make a failing
    expectation pass, and change a file outside the regions, and one
    inside. Returns the files changed outside the regions."""
    test = tree / "tests/kernel/kthread_test.c"
    text = test.read_text()
    first = text.index("\tKUNIT_CASE(", text.index("kthread_cases[] = {"))
    text = text.replace("static struct kunit_case kthread_cases[] = {",
                        "static struct kunit_case kthread_cases[] = {\n"
                        + text[first:text.index("\n", first) + 1] + "\t{}\n};\n\n"
                        "static struct kunit_case kthread_spare_cases[] __maybe_unused = {", 1)
    text = text.replace("KUNIT_EXPECT_PTR_EQ(test, t->real_parent, kthreadd_task);",
                        "KUNIT_EXPECT_TRUE(test, true);", 1)
    test.write_text(text)
    fork = tree / "kernel/fork.c"
    fork.write_text(fork.read_text() + "/* a change outside the lab's regions */\n")
    kthread = tree / "kernel/kthread.c"
    stub = "\treturn create->done;\n"         # the kthread_take_done region
    assert stub in kthread.read_text(), "lab 2's kthread_take_done stub changed: fix doctor()"
    kthread.write_text(kthread.read_text().replace(
        stub, "\t/* the student's work, inside the region */\n" + stub, 1))
    return [("kernel/fork.c", "changed"), ("tests/kernel/kthread_test.c", "changed")]


def check_grade_output(name, lines, results):
    """Every case that lost its point says why: a FAIL its first failed
    expectation and a log that exists, a NOT RUN its reason; the last line
    is the score."""
    problems = []
    for i, line in enumerate(lines):
        if ": FAIL (0/1)" in line:
            why = lines[i + 1:i + 6]
            log = [l for l in why if l.strip().startswith("log: ")]
            if len(why) < 2 or not why[0].startswith("    ") or why[0].strip().startswith("log:"):
                problems.append(f"no reason under: {line}")
            if not log or not Path(log[0].split("log: ", 1)[1]).is_file():
                problems.append(f"no log that exists under: {line}")
        if "NOT RUN" in line and not re.search(r"NOT RUN \(0/1\): \S", line):
            problems.append(f"no reason: {line}")
    if not lines or not re.fullmatch(r"Score: \d+/\d+", lines[-1]):
        problems.append(f"the last line is not 'Score: a/b': {lines[-1:]}")
    if problems:
        results.fail(name, "the grade does not say why each case lost its point",
                     problems[:10] + lines[-12:])
    return not problems


DOCTORED_LAB = 2        # doctor() knows its suite and stubs


def run_lab(args, results, lab):
    """A lab works: its handout builds and grades below full marks, the
    full tree grades full marks, the grade says why each point was lost
    (tools/lab.py, labs/README.md). Lab 2's handout is also graded as a
    doctored submission, which must score no more than the honest one.
    The handouts are written to temporary folders, removed after."""
    import lab as labs           # tools/lab.py
    name, top = f"lab{lab}", Path(".").resolve()
    with tempfile.TemporaryDirectory(prefix=f"spindle-lab{lab}-") as tmp:
        out, lines = Path(tmp) / "handout", []
        labs.handout(lab, out, top)
        honest_dir = out
        if lab == DOCTORED_LAB:
            honest_dir = Path(tmp) / "honest"
            shutil.copytree(out, honest_dir, symlinks=True)
        labs.seed_build(top, honest_dir)
        score, total = labs.grade(lab, honest_dir, args=args, log_dir=LOG_DIR,
                                  log_prefix="handout-", out=lines.append)
        honest_ok = {l.split(":")[0] for l in lines if l.endswith(": OK (1/1)")}
        if total == 0:
            results.fail(f"{name}.handout", "no test cases found for the lab's suites")
        elif score >= total:
            results.fail(f"{name}.handout", f"the handout already scores {score}/{total}: "
                         "its TODO regions change nothing the tests check")
        elif check_grade_output(f"{name}.handout", lines, results):
            results.ok(f"{name}.handout ({score}/{total} before the student's work)")
        if lab == 1:
            # Its trylock stub makes spinlock_debug_recursion crash the kernel.
            not_run = [l for l in lines if "NOT RUN (0/1): the kernel crashed during" in l]
            if not_run:
                results.ok(f"{name}.not_run ({len(not_run)} cases after the crash)")
            else:
                results.fail(f"{name}.not_run", "no case said NOT RUN after the crash",
                             lines[-12:])
        if lab == DOCTORED_LAB:
            expected = doctor(out)
            sub_lines = []
            sub, sub_total, changes = labs.grade_submission(
                lab, top, out, args=args, scratch=Path(tmp) / "scratch", log_dir=LOG_DIR,
                log_prefix="submission-", out=sub_lines.append, build_top=False)
            sub_ok = {l.split(":")[0] for l in sub_lines if l.endswith(": OK (1/1)")}
            test = f"{name}.doctored_submission"
            if (sub, sub_total) != (score, total) or sub_ok != honest_ok:
                results.fail(test, f"scores {sub}/{sub_total}, the honest handout "
                             f"{score}/{total}", sorted(sub_ok ^ honest_ok) + sub_lines[-8:])
            elif changes != expected:
                results.fail(test, "wrong list of files changed outside the regions",
                             [f"listed:   {changes}", f"expected: {expected}"])
            elif check_grade_output(test, sub_lines, results):
                results.ok(f"{test} (deleted cases, edited test, changed kernel/fork.c: "
                           f"{sub}/{sub_total})")
    # The full tree's kernel has run the lab's suites already, on the lab's
    # machine, in the kunit boot of as many CPUs: its log is graded.
    smp = labs.LAB_SMP.get(lab, 1)
    source = "kunit_all" if smp == 1 else f"kunit_all_smp{smp}"
    boot = shared_boot(args, source)
    boots = {suite: (source, boot) for suite in labs.LABS[lab][2]} if boot else None
    lost = []
    full, total = labs.grade(lab, top, args=args, build=False, log_dir=LOG_DIR,
                             log_prefix="solution-", out=lost.append, boots=boots)
    lost = [l.split(":")[0] for l in lost if ": OK (1/1)" not in l and "(0/1)" in l]
    again = ""
    if full < total and total:
        # The timing cases (msleep, tick shares) can lose a point on a
        # loaded machine; kunit_all reports those cases on their own. A
        # boot of the lab's own tells a lab broken by the tree from one
        # unlucky boot (or one whose earlier suites disturbed it).
        full, total = labs.grade(lab, top, args=args, build=False, log_dir=LOG_DIR,
                                 log_prefix="solution-again-", out=lambda line: None)
        again = f"; the {source if boots else 'first'} boot lost {', '.join(lost)}"
    if full == total and total:
        graded = f", graded from the {source} boot's log" if boots and not again else ""
        results.ok(f"{name}.solution ({full}/{total}{graded}{again})")
    else:
        results.fail(f"{name}.solution", f"the full tree scores {full}/{total} twice"
                     f" (first lost {', '.join(lost)})", log=LOG_DIR / f"solution-lab{lab}-*.log")


def run_lab_check(results):
    """tools/lab.py check: every marker has its stub and every stub its
    marker, each lab has regions of more than one line."""
    import lab as labs
    problems = labs.check(Path(".").resolve())
    if problems:
        results.fail("labs_check", f"{len(problems)} problems with the lab markers", problems)
    else:
        results.ok("labs_check")


def run_handout_safety(results):
    """make handout writes where asked, says where as its last line, and
    never writes over a student's work, a folder that is no handout, or
    into the checkout where git would see it."""
    import lab as labs
    name, problems = "lab_handout_safety", []

    def handout(out, *extra):
        p = subprocess.run([sys.executable, "tools/lab.py", "handout", "0", "--out", str(out),
                            *extra], capture_output=True, text=True)
        return p.returncode, p.stdout.strip().splitlines(), p.stderr

    with tempfile.TemporaryDirectory(prefix="spindle-handout-") as tmp:
        out = Path(tmp) / "lab-0"
        rc, lines, err = handout(out)
        if rc or lines[-1:] != [str(out)]:
            problems.append(f"first handout: status {rc}, last line {lines[-1:]}: {err}")
        readme = out / "labs/README.md"
        if (out / "labs/stubs").exists() or not readme.is_file() \
                or "Grading submissions" in readme.read_text():
            problems.append("the teacher's notes (labs/README.md, labs/stubs/) are in the "
                            "student tree")
        if any("/* LAB 0:" in f.read_text() for f in out.rglob("*.[chS]")):
            problems.append("a LAB 0 marker is left in lab 0's student tree")
        rc, lines, err = handout(out)
        if rc:
            problems.append(f"an unchanged handout was not replaced: {err}")
        work = out / "kernel/kallsyms.c"
        work.write_text(work.read_text() + "/* the student's work */\n")
        (out / "notes.txt").write_text("mine\n")
        rc, lines, err = handout(out)
        if rc != 2 or "kernel/kallsyms.c (changed)" not in err or "notes.txt (added)" not in err \
                or "FORCE=1" not in err or "the student's work" not in work.read_text():
            problems.append(f"a changed handout: status {rc}, {err.strip()}")
        rc, lines, err = handout(out, "--force")
        if rc or "the student's work" in work.read_text():
            problems.append(f"--force did not replace it: status {rc} {err}")
        other = Path(tmp) / "other"
        other.mkdir()
        (other / "thesis.tex").write_text("")
        rc, lines, err = handout(other)
        if rc != 2 or "not a handout" not in err or not (other / "thesis.tex").exists():
            problems.append(f"a folder that is no handout: status {rc}, {err.strip()}")
    rc, lines, err = handout(Path("kernel/lab-0"))
    if rc != 2 or "not ignored by git" not in err or Path("kernel/lab-0").exists():
        problems.append(f"into the checkout: status {rc}, {err.strip()}")
    if labs.DEFAULT_WORK.as_posix() + "/" not in Path(".gitignore").read_text().split():
        problems.append(f"{labs.DEFAULT_WORK}/ is not in .gitignore")
    if problems:
        results.fail(name, "make handout is not safe", problems)
    else:
        results.ok(name)


def handout_lab():
    """The lab this tree was handed out for, or None in the full tree."""
    import lab as labs
    try:
        return json.loads(Path(labs.MANIFEST).read_text())["lab"]
    except (OSError, ValueError, KeyError):
        return None


def run_shell(args, results, name="shell", smp=1, numa=None):
    """The shell checks (tests/shell_tests.py), then: no WARNING nobody announced.

    At -smp above 1 the SMP checks (cpus, ps's CPU column, bind, trace's
    CPUs) run instead: the others are the same on any number of CPUs. On
    a NUMA machine (@numa nodes), the NUMA checks (spawn node=, NODE, mem).
    """
    if numa:
        machine = numa_machine(numa)
        shell_tests.run(args, results, qemu_flags=QEMU_FLAGS, elf=ELF, log_dir=LOG_DIR,
                        name=name, checks=shell_tests.NUMA_CHECKS, **machine)
    else:
        shell_tests.run(args, results, qemu_flags=QEMU_FLAGS, elf=ELF, log_dir=LOG_DIR,
                        name=name, checks=shell_tests.SMP_CHECKS if smp > 1 else None, smp=smp)
    log_path = LOG_DIR / f"{name}.log"
    warned = warning_problems(read_log(log_path))
    if warned:
        results.fail(f"{name}.no_unexpected_warning", warned[0], log=log_path)
    else:
        results.ok(f"{name}.no_unexpected_warning")


def run_busybox(args, results):
    """Debian's busybox at its prompt (tests/busybox_tests.py), then: no WARNING."""
    busybox_tests.run(args, results, qemu_flags=QEMU_FLAGS, elf=ELF, log_dir=LOG_DIR)
    log_path = LOG_DIR / "busybox.log"
    warned = warning_problems(read_log(log_path))
    if warned:
        results.fail("busybox.no_unexpected_warning", warned[0], log=log_path)
    else:
        results.ok("busybox.no_unexpected_warning")


def boots():
    """The table of QEMU boots `make test` runs: (name, function, kwargs)."""
    table = [
        ("clang", run_clang, {}),       # first: its build starts at once
        ("release", run_release, {}),   # so does the release kernel's
        ("kunit_all", run_kunit, {}),
        ("kunit_all_smp4", run_kunit, dict(name="kunit_all_smp4", smp=4)),
        # Every suite on four nodes (one without memory, one without CPUs);
        # the NUMA suite alone on one node and on two.
        ("kunit_all_numa4", run_kunit, dict(name="kunit_all_numa4", numa=4)),
        ("kunit_numa1", run_kunit, dict(name="kunit_numa1", numa=1, glob="numa*")),
        ("kunit_numa2", run_kunit, dict(name="kunit_numa2", numa=2, glob="numa*")),
        # The user suite on a CPU with SMAP and SMEP (qemu64 has neither).
        ("kunit_user_smap", run_kunit_smap, {}),
        ("kernel_doc", kernel_doc.run, {}),     # not a boot: Linux's kernel-doc
        ("lock_rules", lock_rules.run, {}),     # not a boot: each lock's rule
        ("compile_commands", compile_commands.run, {}),  # not a boot: the json
        ("profile_fold", profile_tests.run_fold, {}),   # not a boot: make profile's folding
        ("profile_kthread", profile_tests.run_profile, dict(elf=ELF)),  # make profile, debug kernel
        ("gdb_boot", run_gdb, {}),
        ("bad_boot_magic", run_bad_magic, {}),
        ("gdb_helpers", gdb_tests.run_gdb_helpers, dict(boot=qemu_boot)),  # tools/gdb/spindle.py
        ("gdb_docs", gdb_doc_tests.run_gdb_docs, dict(boot=qemu_boot)),  # docs' GDB sessions
        ("make_gdb", make_gdb_test.run_make_gdb, {}),   # make gdb on a terminal, Ctrl-C
        ("shell", run_shell, {}),
        ("shell_smp4", run_shell, dict(name="shell_smp4", smp=4)),
        ("busybox", run_busybox, {}),   # Debian's busybox sh driven at its prompt
        ("shell_numa4", run_shell, dict(name="shell_numa4", numa=4)),
        # The ISO under BIOS and under UEFI (OVMF; its boot manager says
        # BdsDxe): boot to the end, the kernel handed a multiboot2 memory
        # map, and nothing from GRUB but its banner on the serial console.
        ("boot_grub_iso", run_expect, dict(
            cdrom=True, expect=["Spindle: boot finished",
                                re.compile(r"^.*multiboot2.*$", re.M)],
            forbid=GRUB_COMPLAINTS,
            give_up="Failed to boot both default and fallback entries")),
        ("boot_uefi_iso", run_expect, dict(
            cdrom=True, uefi=True, forbid=GRUB_COMPLAINTS,
            expect=["BdsDxe: starting", "Spindle: boot finished",
                    re.compile(r"^.*multiboot2.*$", re.M)],
            give_up="Failed to boot both default and fallback entries")),
        # Tabs separate words; a value out of range and an empty glob are said.
        ("bad_boot_param", run_expect, dict(
            append="nosuchparam=1\tloglevel=99\tkunit.filter_glob=\tkunit.filter_glob=nomatch",
            status=EXIT_PASS,
            expect=['Unknown kernel command line parameter "nosuchparam=1"',
                    "loglevel=99 is out of range: 0..15",
                    "Malformed boot parameter: loglevel=99 (ignored)",
                    "kunit: kunit.filter_glob= is empty: no tests run"])),
        ("cmdline_cut", run_cmdline_cut, {}),    # the image's name, the 2047-byte cut
        # The smallest and a large machine both boot to the end.
        ("boot_32M", run_expect, dict(
            mem="32M", append="", expect=["Spindle: boot finished"])),
        ("boot_4G", run_expect, dict(
            mem="4G", append="", expect=["Spindle: boot finished"])),
        # 16M is too little (15867 KiB usable): the kernel says so and ends QEMU.
        ("too_little_memory", run_expect, dict(
            mem="16M", append="", expect=["Spindle needs at least 16 MiB of RAM"],
            status=EXIT_FAIL, timeout=30)),
        ("boot_17M", run_expect, dict(
            mem="17M", append="", expect=["Spindle: boot finished"])),
        # NUMA: the firmware's topology, as Linux prints it; a malformed
        # SRAT gives one faked node, a SLIT that makes no sense the defaults.
        ("boot_numa2", run_expect, dict(
            append="", **numa_machine(2),
            expect=["SRAT: PXM 0 -> APIC 0x00 -> Node 0", "SRAT: PXM 0 -> APIC 0x01 -> Node 0",
                    "SRAT: PXM 1 -> APIC 0x02 -> Node 1", "SRAT: PXM 1 -> APIC 0x03 -> Node 1",
                    "ACPI: SRAT: Node 0 PXM 0 [mem 0x00000000-0x0009ffff]",
                    "ACPI: SRAT: Node 0 PXM 0 [mem 0x00100000-0x0fffffff]",
                    "ACPI: SRAT: Node 1 PXM 1 [mem 0x10000000-0x1fffffff]",
                    "NUMA: node distances (no SLIT: default):",
                    re.compile(r"NUMA: +0: +10 +20$", re.M), re.compile(r"NUMA: +1: +20 +10$", re.M),
                    re.compile(r"\.\.\.\. node  #1, CPUs: +#2 #3"),
                    "smp: Brought up 2 nodes, 4 CPUs", "Spindle: boot finished"],
            forbid=["No NUMA configuration found"])),
        ("boot_numa_bad_srat", run_expect, dict(
            append="", smp=2, acpi=[("srat.bin", acpi_tables.srat_malformed())],
            expect=["ACPI: SRAT: malformed entry at offset 0x30: SRAT not used.",
                    "No NUMA configuration found",
                    "Faking a node at [mem 0x0000000000000000-0x0000000007fdefff]",
                    "PV spinlocks enabled",
                    "smp: Brought up 1 node, 2 CPUs", "Spindle: boot finished"],
            forbid=["SRAT: PXM"])),
        ("boot_numa_hotplug_range", run_expect, dict(
            append="", acpi=[("srat.bin", acpi_tables.srat_hotplug())],
            expect=["SRAT: PXM 0 -> APIC 0x00 -> Node 0",
                    "ACPI: SRAT: Node 0 PXM 0 [mem 0x00000000-0x07ffffff]",
                    "ACPI: SRAT: Node 0 PXM 0 [mem 0x100000000-0x13fffffff] hotplug "
                    "(ignored: no memory hotplug)",
                    "Initmem setup node 0 [mem 0x0000000000000000-0x0000000007fdefff]",
                    "PV spinlocks disabled, single CPU",
                    "smp: Brought up 1 node, 1 CPU", "Spindle: boot finished"],
            forbid=["No NUMA configuration found"])),
        ("boot_numa_bad_slit", run_expect, dict(
            append="nopvspin", **numa_machine(2), acpi=[("slit.bin", acpi_tables.slit_bad_local())],
            expect=["ACPI: SLIT table looks invalid. Not used.",
                    'PV spinlocks disabled, forced by "nopvspin" parameter',
                    "NUMA: node distances (no SLIT: default):",
                    "smp: Brought up 2 nodes, 4 CPUs", "Spindle: boot finished"])),
        # User space: the project's initramfs (build/initramfs.cpio).
        ("usertests", run_usertests, {}),
        ("usertests_smp4", run_usertests, dict(name="usertests_smp4", smp=4)),
        ("gdb_fork_path", gdb_user_tests.run_gdb_fork_path,     # tools/gdb/spindle_fork.py
         dict(boot=qemu_boot, initramfs=INITRAMFS)),
        # The gzip-compressed image (lib/inflate.c), /init with arguments
        # after "--": it runs /forktest segv first.
        ("initramfs_init", run_expect, dict(
            append="-- /forktest segv", extra=["-initrd", str(INITRAMFS) + ".gz"],
            expect=["Trying to unpack rootfs image as initramfs...",
                    "Freeing initrd memory: ", "Run /init as init process",
                    "init: Spindle ", "forktest: a child died of signal 11 (SIGSEGV)",
                    re.compile(r"forktest\[\d+\]: segfault at 10 ip [0-9a-f]{16} sp "
                               r"[0-9a-f]{16} error 6 in forktest\[401000\+"),
                    "parent's shared = 100 (unchanged)", "init: type a program"])),
        # The initramfs as a GRUB multiboot2 module (boot/grub-initramfs.cfg).
        ("boot_grub_initramfs", run_expect, dict(
            cdrom=Path("build/spindle-initramfs.iso"), status=EXIT_PASS,
            expect=["Trying to unpack rootfs image as initramfs...",
                    "Run /usertests as init process", "ok 1 usertests",
                    re.compile(r"^.*multiboot2.*$", re.M)],
            give_up="Failed to boot both default and fallback entries")),
        # A static program built elsewhere (Debian's glibc busybox), as a
        # user would boot one: its "echo" runs as init, then init exits.
        ("busybox_static", run_expect, dict(
            append="rdinit=/bin/busybox -- echo hello from busybox",
            extra=["-initrd", "build/busybox.cpio"],
            expect=["Run /bin/busybox as init process", "hello from busybox",
                    "Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000000"])),
        # No such rdinit: the kernel's own shell, as without an initramfs.
        ("rdinit_missing", run_expect, dict(
            append="rdinit=/nope", extra=["-initrd", str(INITRAMFS)],
            expect=["Spindle: boot finished"])),
        # init= that cannot run: Linux's panic.
        ("init_missing", run_expect, dict(
            append="rdinit=/nope init=/sbin/nope", extra=["-initrd", str(INITRAMFS)],
            expect=["Kernel panic - not syncing: Requested init /sbin/nope failed (error -2)."])),
        # Not a cpio archive: Linux's words, then the shell.
        ("initramfs_garbage", run_expect, dict(
            append="", extra=["-initrd", "user/not-elf"],
            expect=["Initramfs unpacking failed: no cpio magic", "Spindle: boot finished"])),
    ]
    import lab as labs          # tools/lab.py: its LABS table is the list
    if handout_lab() is None:
        for lab in sorted(labs.LABS):
            table.append((f"lab{lab}", run_lab, dict(lab=lab)))
    for fault, expect in LKDTM:
        name = f"lkdtm_{fault}"
        table.append((name, run_expect, dict(append=f"lkdtm={fault}",
                                              expect=expect, status=EXIT_FAIL)))
    for fault, expect in LKDTM_LOCKDEP:
        table.append((f"lkdtm_{fault}", run_expect, dict(
            append=f"lkdtm={fault}", warnings=1,
            expect=expect + ["stack backtrace:", "Spindle: boot finished"])))
    table += lockup_boots()
    # A WARNING is reported and boot goes on; the boot declares the one it expects.
    table.append(("lkdtm_WARNING", run_expect, dict(
        append="lkdtm=WARNING", warnings=1,
        expect=[re.compile(r"WARNING: CPU: 0 PID: \d+ at tests/kernel/lkdtm\.c:\d+ lkdtm_WARNING"),
                "---[ end trace ]---", "Spindle: boot finished"])))
    return table


def panic_stops_bystander(log):
    """No line of the bystander CPU after the panic's first line."""
    start = log.find("Kernel panic - not syncing")
    if "lkdtm: bystander alive on CPU" not in log[:start]:
        return "the bystander never said it was alive"
    if "lkdtm: bystander alive" in log[start:]:
        return "the bystander CPU went on after the panic: not stopped"
    return None


def lockup_boots():
    """The expected-fault boots of issue 10: a panic on CPU 2 and the two
    lockup detectors (kernel/watchdog.c) catching CPU 1, each with that
    CPU's backtrace. watchdog_thresh=1: reported within about 2 s."""
    return [
        ("lkdtm_PANIC_cpu2", run_expect, dict(
            smp=3, append="lkdtm=PANIC lkdtm.cpu=2", status=EXIT_FAIL,
            expect=["lkdtm: on CPU 2", "CPU: 2 PID: 1 Comm: init",
                    re.compile(r"Call Trace:\n(.*\n){0,4}.*lkdtm_PANIC")],
            once=["Kernel panic - not syncing: dumptest\n",
                  "---[ end Kernel panic - not syncing: dumptest ]---"],
            check=panic_stops_bystander)),
        ("lkdtm_SOFTLOCKUP_cpu1", run_expect, dict(
            smp=2, append="lkdtm=SOFTLOCKUP lkdtm.cpu=1 watchdog_thresh=1 softlockup_panic=1",
            status=EXIT_FAIL,
            expect=[re.compile(r"watchdog: BUG: soft lockup - CPU#1 stuck for \d+s! \[init:1\]"),
                    re.compile(r"stuck for \d+s! \[init:1\]\n.*CPU: 1 PID: 1 Comm: init\n"
                               r".*RIP: 0010:lkdtm_SOFTLOCKUP"),
                    "Kernel panic - not syncing: softlockup: hung tasks"],
            once=["watchdog: BUG: soft lockup"])),
        ("lkdtm_HARDLOCKUP_cpu1", run_expect, dict(
            smp=2, append="lkdtm=HARDLOCKUP lkdtm.cpu=1 watchdog_thresh=1 nmi_watchdog=panic",
            status=EXIT_FAIL,
            expect=["watchdog: Watchdog detected hard LOCKUP on cpu 1",
                    re.compile(r"NMI backtrace for cpu 1\n.*CPU: 1 PID: 1 Comm: init\n"
                               r".*RIP: 0010:lkdtm_HARDLOCKUP"),
                    "Kernel panic - not syncing: Hard LOCKUP"],
            once=["Watchdog detected hard LOCKUP"])),
    ]

BUILDS_FIRST = {run_clang, run_release, run_lab}


def run_tests(args):
    results = Results()
    if not args.only or "host" in args.only:
        run_host_tests(args, results)
        lab = handout_lab()
        if lab is None:
            run_lab_check(results)
            run_handout_safety(results)
        else:
            print(f"skip labs: this is the student tree of lab {lab}; the labs are "
                  "checked in the full tree (make grade LAB=" f"{lab} grades this one)")
    table = boots()
    unknown = sorted((args.only or set()) - {b[0] for b in table} - {"host"})
    if unknown:
        # A selection that matches nothing must not pass, nor run less than asked.
        print(f"runner.py: no boot named {', '.join(unknown)}; the boots are: host "
              + " ".join(b[0] for b in table), file=sys.stderr)
        return 2
    selected = [b for b in table if not args.only or b[0] in args.only]
    # The jobs that build a kernel first (clang, the labs' handouts) start
    # first: they are the longest. Every job has a thread of its own; what
    # bounds the load is args.qemu_slots (--jobs QEMUs at once) and the
    # builds' nice level, not the pool.
    selected.sort(key=lambda b: b[1] not in BUILDS_FIRST)
    durations = {}
    args.shared_boots = {} if args.filter else {
        name: concurrent.futures.Future() for name, _, _ in selected if name in SHARED_BOOTS}

    def timed(func, name, kwargs):
        start = time.monotonic()
        try:
            func(args, results, **kwargs)
        finally:
            durations[name] = time.monotonic() - start
            share_boot(args, name, None)    # nobody waits for a boot that never came

    with concurrent.futures.ThreadPoolExecutor(max(1, len(selected))) as pool:
        futures = {}
        for name, func, kwargs in selected:
            if func is run_expect:
                kwargs = dict(kwargs, name=name)
            futures[pool.submit(timed, func, name, kwargs)] = name
        for future in concurrent.futures.as_completed(futures):
            try:
                future.result()
            except Exception as e:      # a runner bug must not hide the rest
                results.fail(futures[future], f"runner error: {e!r}")
    if durations:
        # Where the wall time went, for whoever keeps `make test` short.
        slow = sorted(durations.items(), key=lambda d: -d[1])[:6]
        print("slowest: " + ", ".join(f"{n} {d:.0f} s" for n, d in slow), flush=True)
    print(results.summary(), flush=True)
    return 1 if results.failed or not (results.passed or results.skipped) else 0


def bench_boot(args, name, elf, cmdline, machine):
    """One -icount boot of @elf with @cmdline; (its BENCH figures, problems)."""
    unknown = f'Unknown kernel command line parameter "{cmdline}"'
    machine = dict(machine)
    extra = machine.pop("extra", []) + qemu_conf.flags("QEMU_ICOUNT")
    machine.setdefault("mem", BENCH_MEM)
    # 10,000 threads created and stopped under -icount: more than a test boot's time.
    boot = qemu_boot(args, name, cmdline, elf=elf, extra=extra, timeout=3 * args.timeout,
                     done=lambda log: unknown in log, **machine)
    benches = re.findall(r"BENCH (\S+) (\S+) (\S+)", boot.log)
    problems = []
    if not benches:
        problems.append(f"{name}: no benchmarks reported"
                        + (f" (this kernel does not know {cmdline})" if unknown in boot.log else ""))
    if boot.status != EXIT_PASS and unknown not in boot.log:
        problems.append(f"{name}: bench boot failed: {boot.describe()}; log: {boot.log_path}\n"
                        + "\n".join(f"       {line}" for line in boot.tail()))
    return benches, problems


def run_bench(args):
    """Boot with bench=1 under -icount; print the kernel's BENCH lines.

    The release kernel (build/release/, make RELEASE=1) first, under the
    figures' own names, then the debug kernel (build/), each name with a
    _debug suffix; each at -smp 1 and -smp 2, the -smp 2 figure on the
    same line after "smp2", and Linux 6.1's figure and the ratio beside
    those Linux has (tests/bench_linux.py). Then (unless NUMA= chose a
    machine) a boot of the release kernel at -smp 4 runs the benchmark
    that needs several CPUs (bench=smp, tests/kernel/bench_smp.c); its
    figures are printed with "(-smp 4)" after them. Last, the busybox
    figures: the release kernel under Debian's busybox, its shell driven
    over the serial port (tests/busybox_tests.py's bench()). The boots run side by
    side (--jobs QEMUs at once): -icount makes each figure independent of
    the load.
    """
    kernels = [("", RELEASE_ELF), ("_debug", ELF)]
    if args.numa:    # the NUMA machine (make bench NUMA=n) already has several CPUs
        machines = [("", numa_machine(args.numa))]
    else:
        machines = [("", dict(smp=1)), ("smp2", dict(smp=2))]
    jobs = [(f"bench{suffix}{'_' + m if m else ''}", elf, "bench=1", machine, (suffix, m))
            for suffix, elf in kernels for m, machine in machines]
    if not args.numa:
        jobs.append(("bench_smp4", RELEASE_ELF, "bench=smp", dict(smp=4), ("", "smp4")))
    with concurrent.futures.ThreadPoolExecutor(len(jobs) + 1) as pool:
        busybox = pool.submit(busybox_tests.bench, args, QEMU_FLAGS, RELEASE_ELF,
                              ELF.parent / "busybox.cpio", LOG_DIR)
        done = list(pool.map(lambda j: bench_boot(args, *j[:4]), jobs))
        busybox_figures, busybox_problems = busybox.result()
    figures, problems = {}, []
    for job, (benches, trouble) in zip(jobs, done):
        figures[job[4]] = benches
        problems += trouble
    print(f"# beside: {bench_linux.SOURCE}; xR = Spindle / Linux", flush=True)
    for suffix, _ in kernels:
        smp2 = {n: v for n, v, _ in figures.get((suffix, "smp2"), [])}
        for name, value, unit in figures[(suffix, "")]:
            other = f"  smp2 {smp2[name]}" if name in smp2 else ""
            print(f"{name}{suffix} {value} {unit}{other}{bench_linux.beside(name, value)}",
                  flush=True)
        for line in bench_linux.derived({n: v for n, v, _ in figures[(suffix, "")]},
                                        suffix):
            print(line, flush=True)
    for name, value, unit in figures.get(("", "smp4"), []):
        print(f"{name} {value} {unit} (-smp 4)", flush=True)
    for name, value, unit in busybox_figures:
        print(f"{name} {value} {unit}", flush=True)
    problems += busybox_problems
    for problem in problems:
        print(problem, flush=True)
    return 1 if problems else 0


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--timeout", type=int, default=120, help="seconds per boot")
    p.add_argument("--qemu", default="qemu-system-x86_64", help="QEMU command")
    p.add_argument("--gdb", default="gdb", help="GDB command")
    p.add_argument("--jobs", type=int, default=2, help="QEMUs at once")
    p.add_argument("--bench", action="store_true", help="run the benchmarks")
    p.add_argument("--numa", type=int, choices=(1, 2, 4),
                   help="--bench on tools/qemu.mk's NUMA machine of this many nodes")
    p.add_argument("--filter", help="kunit.filter_glob for the KUnit boot")
    p.add_argument("--only", help="comma-separated boots to run ('host' for "
                   "the host tests), e.g. --only kunit_all,lkdtm_BUG")
    args = p.parse_args()
    args.qemu, args.gdb = shlex.split(args.qemu), shlex.split(args.gdb)
    args.only = set(args.only.split(",")) if args.only else None
    args.qemu_slots = threading.BoundedSemaphore(max(1, args.jobs))
    os.chdir(Path(__file__).resolve().parent.parent)
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    if not ELF.is_file():
        print(f"{ELF} missing: run make first", file=sys.stderr)
        return 1
    return run_bench(args) if args.bench else run_tests(args)


if __name__ == "__main__":
    sys.exit(main())
