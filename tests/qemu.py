# SPDX-License-Identifier: GPL-2.0
"""Booting Spindle in QEMU, headless, for the host tools: the flags every
test boot uses (from tools/qemu.mk), the isa-debug-exit codes, and
qemu_boot(), which runs one boot with the serial port in a log file and
says how it ended.

Used by tests/runner.py (make test) and tools/lab.py (make grade).
"""
import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import qemu_conf  # noqa: E402  (tools/qemu.mk: machine, exit statuses)

ELF = Path("build/spindle.elf")
ISO = Path("build/spindle.iso")
LOG_DIR = Path("build/test-logs")

QEMU_FLAGS = (qemu_conf.flags("QEMU_MACHINE") + qemu_conf.flags("QEMU_HEADLESS")
              + ["-smp", "1"])
EXIT_PASS, EXIT_FAIL = qemu_conf.EXIT_PASS, qemu_conf.EXIT_FAIL

PANIC_END = "---[ end Kernel panic"
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
PANIC_GRACE = 3     # seconds a panicked kernel gets to exit before we kill it
BENCH_MEM = "512M"  # the bench boots': 10,000 live kthreads need ~200 MiB


class Boot:
    """What one QEMU run left: its exit status (None if killed) and log.

    how: "exited", "done" (the caller's condition was met), "timeout", or
    "halted" (the kernel panicked and stopped without exiting QEMU).
    """

    def __init__(self, status, how, log, stderr, log_path, timeout):
        self.status, self.how, self.log, self.stderr = status, how, log, stderr
        self.log_path, self.timeout = log_path, timeout

    def describe(self):
        return {"exited": f"QEMU exit status {self.status}",
                "done": "stopped once the log said enough",
                "timeout": f"timed out after {self.timeout}s (QEMU killed)",
                "halted": "the kernel panicked and halted instead of exiting"}[self.how]

    def tail(self, n=15):
        """The end of the log, without GRUB's terminal escapes and blank lines."""
        log = ANSI_ESCAPE.sub("", self.log).splitlines()
        lines = [l for l in log if l.strip()][-n:] or ["(the serial log is empty)"]
        return lines + self.stderr.splitlines()[-5:]


def qemu_flags(smp=1):
    """QEMU_FLAGS with @smp CPUs instead of one."""
    flags = list(QEMU_FLAGS)
    flags[flags.index("-smp") + 1] = str(smp)
    return flags


def numa_machine(nodes):
    """tools/qemu.mk's NUMA=@nodes machine as qemu_boot() arguments."""
    return dict(smp=int(qemu_conf.value(f"QEMU_NUMA{nodes}_SMP")),
                mem=qemu_conf.value(f"QEMU_NUMA{nodes}_MEM"),
                extra=qemu_conf.flags(f"QEMU_NUMA{nodes}"))


def qemu_boot(args, name, append=None, mem="128M", cdrom=False, extra=(),
              done=None, timeout=None, elf=None, log_dir=None, smp=1):
    """Boot QEMU headless with the serial port in build/test-logs/NAME.log.

    Waits until QEMU exits, done(log text) is true, the kernel has
    panicked and halted, or the timeout ends; QEMU is killed but in the
    first case.
    """
    log_dir = log_dir or LOG_DIR
    log_path = log_dir / f"{name}.log"
    log_path.unlink(missing_ok=True)
    iso = cdrom if isinstance(cdrom, Path) else ISO      # cdrom=True: the GRUB ISO
    media = ["-cdrom", str(iso)] if cdrom else ["-kernel", str(elf or ELF)]
    if append is not None:
        media += ["-append", append]
    cmd = (args.qemu + qemu_flags(smp) + ["-m", mem, "-serial", f"file:{log_path}"]
           + media + list(extra))
    timeout = timeout or args.timeout
    with args.qemu_slots, open(log_dir / f"{name}.stderr", "w+") as err:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                                stdout=err, stderr=subprocess.STDOUT)
        how, panicked = None, None
        while how is None:
            time.sleep(0.1)
            now, log = time.monotonic(), read_log(log_path)
            if proc.poll() is not None:
                how = "exited"
            elif done and done(log):
                how = "done"
            elif now - start > timeout:
                how = "timeout"
            elif PANIC_END in log:
                panicked = panicked or now
                if now - panicked > PANIC_GRACE:
                    how = "halted"
        if how != "exited":
            proc.kill()
            proc.wait()
        err.seek(0)
        stderr = err.read()
    os.unlink(err.name)
    status = proc.returncode if how == "exited" else None
    return Boot(status, how, read_log(log_path), stderr, log_path, timeout)


def read_log(path):
    return path.read_text(errors="backslashreplace") if path.exists() else ""
