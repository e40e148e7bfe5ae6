# SPDX-License-Identifier: GPL-2.0
"""The scripted GDB session for user processes: spindle-fork-path.

One QEMU boot of the project's initramfs with "-- /forktest" (so /init
runs forktest first), halted (-S) with its gdbstub on a free port, and
one `gdb -batch` that loads tools/gdb/spindle.py, stops at start_kernel,
runs `spindle-fork-path forktest` and continues: the walk must print
every step of FORK_PATH in order, the parent's steps in forktest, the
child's in its new pid, and end in the child about to return 0 from
fork(). tests/runner.py calls run_gdb_fork_path() from its table.
"""
import re
import subprocess

from gdb_tests import free_port

FORK_PATH = [
    ("__do_sys_fork", "parent"), ("kernel_clone", "parent"), ("copy_process", "parent"),
    ("dup_mm", "parent"), ("dup_mmap", "parent"), ("copy_page_range", "parent"),
    ("copy_thread", "parent"), ("wake_up_new_task", "parent"),
    ("ret_from_fork", "child"), ("syscall_exit_to_user_mode", "child"),
]
STEP = re.compile(r"^\s*(\d+)\s+(\S+)\s+(\S+)-(\d+)\s+(.*)$")


def check_walk(out):
    """Problems with the walk printed in @out (empty if it is right)."""
    steps = [STEP.match(l) for l in out.splitlines()]
    steps = [m for m in steps if m and m.group(2) in dict(FORK_PATH)]
    got = [m.group(2) for m in steps]
    want = [f for f, _ in FORK_PATH]
    if got != want:
        return [f"functions in this order: {got}, expected {want}"]
    parent = {(m.group(3), m.group(4)) for m, (_, who) in zip(steps, FORK_PATH) if who == "parent"}
    child = {(m.group(3), m.group(4)) for m, (_, who) in zip(steps, FORK_PATH) if who == "child"}
    problems = []
    if len(parent) != 1 or next(iter(parent))[0] != "forktest":
        problems.append(f"the parent's steps ran in {sorted(parent)}, expected one forktest task")
    if len(child) != 1 or child == parent:
        problems.append(f"the child's steps ran in {sorted(child)}, expected one new task")
    if not re.search(r"syscall_exit_to_user_mode .* with ax = 0$", out, re.M):
        problems.append("the child does not return 0 from fork()")
    if "done, 10 steps; breakpoints removed" not in out:
        problems.append("no 'done, 10 steps; breakpoints removed' line")
    return problems


def run_gdb_fork_path(args, results, boot, initramfs):
    name, port, out = "gdb_fork_path", free_port(), []
    cmds = ["set pagination off", "set confirm off", f"target remote 127.0.0.1:{port}",
            "source tools/gdb/spindle.py", "hbreak start_kernel", "continue",
            "spindle-fork-path forktest", "continue", "kill"]

    def attach(_log):
        try:
            proc = subprocess.run(args.gdb + ["-batch", "-nx", "build/spindle.elf"]
                                  + sum((["-ex", c] for c in cmds), []),
                                  stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                  timeout=args.timeout)
            out.append(proc.stdout + proc.stderr)
        except subprocess.TimeoutExpired as e:
            out.append((e.stdout or b"").decode(errors="replace") + "\n(gdb timed out)")
        return True

    booted = boot(args, name, "-- /forktest", done=attach,
                  extra=["-initrd", str(initramfs), "-S", "-gdb", f"tcp:127.0.0.1:{port}"])
    text = "".join(out)
    problems = check_walk(text)
    if problems:
        results.fail(name, "; ".join(problems), text.splitlines()[-20:], booted.log_path)
    else:
        results.ok(name)
