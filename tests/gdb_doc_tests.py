# SPDX-License-Identifier: GPL-2.0
"""The GDB sessions the docs show, run for real: `make test`'s gdb_docs.

A doc that shows GDB sessions says how to start one, in a comment:

    <!-- gdb-doc-test: CMDLINE="trace_event=all" -->

and every fenced block of it that holds "(gdb) " lines (up to a line
`<!-- gdb-doc-test: end -->`, if any) is a part of one session, in the
order of the doc: the "(gdb) " lines are the commands, the
lines under each its output. This file boots the kernel with that command
line, halted, starts GDB on an 80-column pseudo-terminal and attaches it as
`make gdb` does (tools/gdb.sh: spindle.gdb, spindle.py, `hbreak
start_kernel`, `continue`), types every command in order, and checks that each command's output still says what
the doc says, line for line, after hiding what changes from build to build
(addresses, line numbers, times, breakpoint and value numbers: see
normalize()). A doc line "..." stands for any number of lines; a line
ending in " ..." for any line that starts with the rest.

A doc whose commands no longer give its output fails here, with the first
line that differs. `python3 tests/gdb_doc_tests.py --show DOC` runs a doc's
session and prints each command with its real output, to write the doc
from (make first).
"""
import argparse
import fcntl
import functools
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import gdb_tests
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import qemu_conf  # noqa: E402  (tools/qemu.mk: the -icount flags)

DOCS = [Path("docs/gdb.md"), Path("docs/creation-path.md")]
DECLARE = re.compile(r'<!-- gdb-doc-test: CMDLINE="([^"]*)" -->')
# Time from the instruction count, not the host's clock: where the timer
# ticks fall, and so which task a stop finds running, preempted or asleep,
# is then the same in every run (make gdb's own runs vary; the docs say so).
ICOUNT = qemu_conf.flags("QEMU_ICOUNT")
END = "<!-- gdb-doc-test: end -->"       # what follows needs another boot (its own test)
FENCE = re.compile(r"^(\s*)```")
PROMPT = "(gdb) "
ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")     # readline's bracketed-paste mode

# What differs from one build or boot to the next, hidden on both sides.
NORMALIZE = [
    (re.compile(r"0x[0-9a-f]{5,}"), "0x…"),                 # addresses
    (re.compile(r"(\.[chS]):\d+"), r"\1:N"),                # file:line
    (re.compile(r"\bline \d+"), "line N"),
    (re.compile(r"^\d+\t.*"), "N\t(a source line)"),         # its text moves with the code
    (re.compile(r"\b(Breakpoint|breakpoint|watchpoint|Watchpoint) -?\d+"), r"\1 N"),
    (re.compile(r"\$\d+ = "), "$N = "),                     # value history
    (re.compile(r"\b\d+\.\d{6}\b"), "T"),                   # timestamps
    (re.compile(r"\b(nr_switches|clock|min_vruntime|vruntime|sum_exec_runtime) \d+"), r"\1 N"),
    (re.compile(r"entries-written: \d+/\d+"), "entries-written: N/N"),
    (re.compile(r"\s+$"), ""),
]


def normalize(line):
    for pattern, repl in NORMALIZE:
        line = pattern.sub(repl, line)
    return line


def parse_doc(path):
    """(cmdline, [(doc line number, command, [expected lines])]) of a doc."""
    text = path.read_text()
    m = DECLARE.search(text)
    cmdline = m.group(1) if m else None
    commands, block, indent = [], None, ""
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip() == END:
            break
        fence = FENCE.match(line)
        if fence:
            if block is None:
                block, indent = [], fence.group(1)
            else:
                commands += block
                block = None
            continue
        if block is None:
            continue
        line = line[len(indent):] if line.startswith(indent) else line.lstrip()
        if line.startswith(PROMPT):
            block.append((n, line[len(PROMPT):].strip(), []))
        elif block:
            block[-1][2].append(line)
    return cmdline, commands


def table_commands(path):
    """The commands a doc's tables give in a column headed "watch in GDB":
    [(doc line number, command)]. Each must be one its sessions run."""
    found, column = [], None
    for n, line in enumerate(path.read_text().splitlines(), 1):
        if not line.startswith("|"):
            column = None
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if column is None:
            column = next((i for i, c in enumerate(cells) if c.lower() == "watch in gdb"), -1)
            continue
        if column < 0 or column >= len(cells) or set(cells[column]) <= set("-: "):
            continue
        for command in re.findall(r"`([^`]+)`", cells[column]):
            if "<" not in command:          # a placeholder: `b <your threadfn>`
                found.append((n, command))
    return found


def prelude(port, elf):
    """make gdb's start (tools/gdb.sh), on an 80-column terminal."""
    return ["set style enabled off", "set pagination off", "set confirm off",
            "set architecture i386:x86-64", f"file {elf}", f"target remote :{port}",
            "source tools/gdb/spindle.gdb", "source tools/gdb/spindle.py",
            "hbreak start_kernel", "continue"]


class Terminal:
    """GDB on a pseudo-terminal of 80 columns, as a student runs it: it
    prints what it prints interactively ("Continuing.") and wraps lines
    where it does on a terminal. @argv is GDB's command line, or one that
    starts GDB (make gdb); the terminal is its controlling terminal, so
    Ctrl-C (interrupt()) signals its foreground process group as a
    student's keyboard does."""

    def __init__(self, argv, timeout, env=None):
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 80, 0, 0))

        def controlling_tty():          # in the child: a session whose terminal it is
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave,
                                     start_new_session=True, env=env,
                                     preexec_fn=controlling_tty)
        os.close(slave)
        self.timeout, self.buf = timeout, b""

    def interrupt(self):
        """Ctrl-C typed at the terminal; the output up to the next prompt."""
        os.write(self.master, b"\x03")
        return self.until_prompt()

    def until_prompt(self):
        """The output up to the next prompt; None if GDB ended or hung."""
        end = time.monotonic() + self.timeout
        while not self.buf.endswith(PROMPT.encode()):
            left = end - time.monotonic()
            if left <= 0 or not select.select([self.master], [], [], left)[0]:
                return None
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return None
            if not data:
                return None
            self.buf += data
        out, self.buf = self.buf[:-len(PROMPT)], b""
        text = ESCAPE.sub("", out.decode(errors="backslashreplace").replace("\r", ""))
        return text.splitlines()

    def run(self, command):
        os.write(self.master, command.encode() + b"\n")
        out = self.until_prompt()
        if out is None:
            return None
        return out[1:] if out and out[0].strip() == command else out   # the echo

    def close(self):
        try:
            os.write(self.master, b"kill\nquit\n")
        except OSError:
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)


def drive(gdb, port, elf, commands, timeout):
    """Run @commands after the prelude: (each one's output lines or None,
    the whole transcript)."""
    term = Terminal(gdb + ["-nx", "-q"], timeout)
    transcript, outputs = [], []
    try:
        ok = term.until_prompt() is not None
        for command in prelude(port, elf):
            out = term.run(command) if ok else None
            ok = out is not None
            transcript += [PROMPT + command] + (out or ["(no prompt came back)"])
        for _, command, _ in commands:
            out = term.run(command) if ok else None
            ok = out is not None
            outputs.append(out)
            transcript += [PROMPT + command] + (out if out is not None
                                                else ["(no prompt came back)"])
    finally:
        term.close()
    return outputs, "\n".join(transcript) + "\n"


def match(expected, actual):
    """None if @actual says what @expected says, else the first expected
    line that is not there (with what came instead). "..." matches any
    run of lines, trying every length (a later line may need it)."""
    exp = [normalize(l) for l in expected if l.strip()]
    act = [normalize(l) for l in actual if l.strip()]

    def same(a, e):
        return a == e or (e.endswith(" ...") and a.startswith(e[:-4]))

    best = [0, 0]           # the furthest (expected, actual) reached, for the message
    sys.setrecursionlimit(max(10000, 4 * (len(exp) + len(act))))

    @functools.lru_cache(maxsize=None)
    def ok(i, j):
        if (i, j) > tuple(best):
            best[:] = [i, j]
        if i == len(exp):
            return j == len(act)
        if exp[i].strip() == "...":
            return any(ok(i + 1, k) for k in range(j, len(act) + 1))
        return j < len(act) and same(act[j], exp[i]) and ok(i + 1, j + 1)

    if ok(0, 0):
        return None
    i, j = best
    if i >= len(exp):
        return f"expected nothing more, got: {act[j]}"
    got = act[j] if j < len(act) else "(nothing more)"
    return f"expected: {exp[i]}\n  got:      {got}"


def run_session(args, boot, name, cmdline, commands, elf):
    """Boot halted, run the session: (outputs, transcript, the Boot)."""
    port = gdb_tests.free_port()
    res = {}

    def attach(_log):
        if not gdb_tests.wait_for_port(port):
            res["out"] = ([None] * len(commands), "(QEMU's gdbstub never listened)\n")
        else:
            res["out"] = drive(args.gdb, port, elf, commands, args.timeout)
        return True

    result = boot(args, name, cmdline, extra=ICOUNT + ["-S", "-gdb", f"tcp:127.0.0.1:{port}"],
                  done=attach)
    outputs, transcript = res.get("out", ([None] * len(commands), "(no session)\n"))
    return outputs, transcript, result


HELPERS = ["spindle-ps", "spindle-dmesg", "spindle-rq", "spindle-trace",
           "spindle-kthread-path", "p $current()"]


def check_not_connected(args, results, elf):
    """With the ELF file loaded and no kernel attached, every helper says
    so, instead of printing the file's initial data as the kernel's state
    (a lone [swapper/0] row, an empty log)."""
    cmd = args.gdb + ["-batch", "-nx", "-ex", f"file {elf}", "-ex",
                      "source tools/gdb/spindle.py"]
    for helper in HELPERS:
        cmd += ["-ex", f"echo @@@ {helper}\\n", "-ex", helper]
    out = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                         timeout=args.timeout)
    text = out.stdout + out.stderr
    problems = [f"{h}: no 'not connected to a kernel'" for h in HELPERS
                if f"{h.split()[-1]}: not connected to a kernel" not in text]
    if "swapper" in text:
        problems.append("a helper printed the ELF file's init_task as a task")
    if problems:
        results.fail("gdb_docs.not_connected", problems[0], problems[1:] + text.splitlines()[-8:])
    else:
        results.ok("gdb_docs.not_connected")


def run_gdb_docs(args, results, boot, elf="build/spindle.elf"):
    """One boot under GDB per doc in DOCS; a result per doc."""
    check_not_connected(args, results, elf)
    for doc in DOCS:
        name = f"gdb_docs.{doc.stem}"
        cmdline, commands = parse_doc(doc)
        if cmdline is None:
            results.fail(name, f"{doc} has no gdb-doc-test comment (its CMDLINE)")
            continue
        if not commands:
            results.fail(name, f"{doc}: no '(gdb) ' command in its fenced blocks")
            continue
        run = {command for _, command, _ in commands}
        untested = [f"{doc}:{n}: `{c}` is in the table but in no session of the doc"
                    for n, c in table_commands(doc) if c not in run]
        if untested:
            results.fail(f"{name}.table", f"{len(untested)} commands of the table "
                         "are never run", untested[:8])
        elif table_commands(doc):
            results.ok(f"{name}.table ({len(table_commands(doc))} commands)")
        outputs, text, result = run_session(args, boot, f"gdb_docs-{doc.stem}", cmdline,
                                            commands, elf)
        log_path = Path(result.log_path).with_suffix(".gdb.log")
        log_path.write_text(text)
        problems = []
        for (n, command, expected), actual in zip(commands, outputs):
            if actual is None:
                problems.append(f"{doc}:{n}: `{command}` never ran (GDB stopped before it)")
                break
            why = match(expected, actual)
            if why:
                problems.append(f"{doc}:{n}: `{command}`: {why}")
        if problems:
            results.fail(name, f"{len(problems)} of {len(commands)} commands do not "
                         "give what the doc shows", problems[:8], log_path)
        else:
            results.ok(f"{name} ({len(commands)} commands)")


def main():
    """--show DOC: run a doc's session, print each command and its output."""
    import qemu
    p = argparse.ArgumentParser(description=main.__doc__)
    p.add_argument("--show", type=Path, required=True)
    p.add_argument("--gdb", default="gdb")
    a = p.parse_args()
    cmdline, commands = parse_doc(a.show)
    if cmdline is None or not commands:
        sys.exit(f"{a.show}: no gdb-doc-test comment, or no commands")
    args = argparse.Namespace(qemu=["qemu-system-x86_64"], gdb=[a.gdb], timeout=120,
                              qemu_slots=threading.BoundedSemaphore(1))
    qemu.LOG_DIR.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    outputs, _, _ = run_session(args, qemu.qemu_boot, "gdb_docs-show", cmdline, commands,
                                "build/spindle.elf")
    for (n, command, expected), actual in zip(commands, outputs):
        why = match(expected, actual or [])
        print(f"{'   ' if not why else 'XX '}{PROMPT}{command}")
        for line in actual if actual is not None else ["(never ran)"]:
            print(line)
        if why:
            print(f"XX  {a.show}:{n}: {why}")
    print(f"({time.monotonic() - start:.1f}s)", file=sys.stderr)


if __name__ == "__main__":
    main()
