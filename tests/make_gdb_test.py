# SPDX-License-Identifier: GPL-2.0
"""`make gdb` on a terminal, as a student types at it (tools/gdb.sh).

One `make gdb` on a pseudo-terminal: wait for GDB's prompt at
start_kernel, `continue`, let the boot finish, type Ctrl-C, and check:

  - GDB stops the guest and gives its prompt back ("Program received
    signal SIGINT"), instead of QEMU dying of the terminal's SIGINT
    ("Remote communication error. Target disconnected.");
  - QEMU is still running, and spindle-ps then lists the boot's tasks;
  - `quit` ends GDB, make (status 0: make never saw the Ctrl-C) and QEMU.

tests/runner.py calls run_make_gdb() from its table of boots.
"""
import os
import subprocess
import time
from pathlib import Path

import gdb_doc_tests
import gdb_tests

BUILD = Path("build")
PIDFILE = BUILD / "gdb-qemu.pid"          # tools/gdb.sh's QEMU, beside the ELF
SERIAL = BUILD / "gdb-serial.log"
BOOTED = "Spindle: boot finished"
# What spindle-ps must list once the boot has finished.
PS_TASKS = ["[swapper/0]", "[kthreadd]", "[spindle_sh]"]


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


def make_env():
    """The environment for a make of its own: not the calling make's
    jobserver (MAKEFLAGS); a terminal without colours."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    env["TERM"] = "dumb"
    return env


def session(args, term, port):
    """Drive one make gdb; return (what failed or None, details)."""
    out = term.until_prompt()
    if out is None or not any("start_kernel" in l for l in out):
        return "GDB never stopped at start_kernel", out or []
    try:
        qemu = int(PIDFILE.read_text())
    except (OSError, ValueError):
        return f"tools/gdb.sh left no {PIDFILE}", []
    os.write(term.master, b"continue\n")
    end = time.monotonic() + args.timeout
    while BOOTED not in SERIAL.read_text(errors="replace"):
        if time.monotonic() > end or not alive(qemu):
            return f"the boot never said {BOOTED!r} (QEMU {'alive' if alive(qemu) else 'dead'})", []
        time.sleep(0.2)
    out = term.interrupt()
    if out is None or not any("Program received signal SIGINT" in l for l in out):
        return "Ctrl-C did not stop the guest with GDB's prompt back", out or []
    time.sleep(0.5)                         # QEMU would be dying now, if it got the SIGINT
    if not alive(qemu):
        return "QEMU died of the Ctrl-C meant for GDB", out
    ps = term.run("spindle-ps")
    missing = [t for t in PS_TASKS if not any(l.rstrip().endswith(t) for l in ps or [])]
    if ps is None or missing:
        return f"spindle-ps after Ctrl-C lists no {missing}", ps or []
    os.write(term.master, b"quit\n")
    try:
        status = term.proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        return "make gdb did not end after quit", []
    if status != 0:
        return f"make gdb ended with status {status} after quit", []
    for _ in range(50):
        if not alive(qemu):
            return None, []
        time.sleep(0.1)
    return "QEMU is still running after GDB quit", []


def run_make_gdb(args, results, name="make_gdb"):
    """One make gdb on a terminal; one result."""
    port = gdb_tests.free_port()
    argv = ["make", "-s", "gdb", f"GDBPORT={port}", f"QEMU={' '.join(args.qemu)}",
            f"GDB={' '.join(args.gdb)}"]
    with args.qemu_slots:
        term = gdb_doc_tests.Terminal(argv, args.timeout, env=make_env())
        try:
            failure, details = session(args, term, port)
        finally:
            if term.proc.poll() is None:
                term.close()
            try:                            # whatever happened, no QEMU is left behind
                os.kill(int(PIDFILE.read_text()), 9)
            except (OSError, ValueError):
                pass
    if failure:
        results.fail(name, failure, details[-12:], log=SERIAL)
    else:
        results.ok(name)
