#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""make profile: where the instructions of one kthread creation go.

One boot of the kernel with bench=profile_kthread under -icount, halted
(-S) with its gdbstub open. The benchmark (tests/kernel/bench_kthread.c)
runs one untimed kthread_create() + wake_up_process() + kthread_stop()
cycle, then calls profile_mark(), times one more cycle as one sample of
make bench's kthread_create_wake_stop is timed, and calls profile_mark()
again. GDB stops at each mark: at the first it lists the tasks (whose
stack is where) and turns QEMU's log on through the monitor,

    log exec,cpu,in_asm,int,nochain

at the second it turns the log off, and the kernel prints its own figure
for the cycle (BENCH kthread_profile_round). The log then holds every
translation block (TB) the CPU ran between the marks: "exec" names each
one run (nochain: every one, none chained past the log), "in_asm" its
instructions (each translation once), "cpu" the registers before it (the
stack pointer says which task runs), "int" the interrupts taken.

fold() turns the log into instructions per function (`nm -n` of the
ELF), per task, and into call stacks (calls, returns and interrupts seen
in the TB stream, one shadow stack per task). The counted span is the
kernel's own: from after the cycle's first rdtsc to its second, so the
total is the benchmark's figure plus the timing overhead, exactly, and
kprofile.py checks that it is. It prints the table, writes the folded
stacks and a flame graph (our own SVG) under build/profile/.

docs/profile.md shows the profile and explains it; tests/profile_tests.py
checks fold() on a small fixed log. No Linux counterpart: perf record
samples; this counts every instruction, which only an emulator can.

Usage: tools/kprofile.py [--elf build/release/spindle.elf] [--out build/profile] [--top N]
                         [--annotate FUNCTION]... [--tree PERCENT]
       tools/kprofile.py --diff OLD.folded NEW.folded [--top N]
"""
import argparse
import bisect
import colorsys
import copy
import hashlib
import html
import os
import re
import shlex
import subprocess
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import gdb_tests  # noqa: E402  (free_port(), wait_for_port())
import qemu  # noqa: E402  (qemu_boot(): the one QEMU command line of the tests)
import qemu_conf  # noqa: E402  (tools/qemu.mk: the -icount flags of the benchmarks)

THREAD_SIZE = 16 << 10          # arch/x86/include/asm/thread_info.h
LOG_FLAGS = "exec,cpu,in_asm,int,nochain"
CMDLINE = "bench=profile_kthread"
FIGURE = "kthread_profile_round"
# What a task is in the table (Tasks, fold()): the creator runs the
# benchmark (pid 1); the new thread is the timed cycle's, the previous
# thread the cycle's before.
CREATOR, NEW_THREAD, PREVIOUS_THREAD = "creator", "new thread", "previous thread"
FOLDED_TASKS = ("new_thread", "previous_thread")   # their names in folded stacks
ROLES = {"kthreadd": "kthreadd", "swapper/0": "idle"}
FORK_ENTRY = "ret_from_fork"    # where every new task's own code starts (entry_64.S)

# --- QEMU's log ---------------------------------------------------------

# "0xffffffff8010bad0:  c3                       retq     ": an instruction of
# an in_asm listing; a long one's further bytes go on a line of their own,
# with no mnemonic (a continuation, not an instruction).
INSN = re.compile(r"^0x([0-9a-f]+):\s+((?:[0-9a-f]{2} )*[0-9a-f]{2})\s*(.*?)\s*$")
# "Trace 0: 0x7f7f68000100 [cs_base/pc/flags/cflags] sym": one TB about to run.
TRACE = re.compile(r"^Trace \d+: 0x([0-9a-f]+) \[[0-9a-f]+/([0-9a-f]+)/[0-9a-f]+/[0-9a-f]+\]")
# The TB just logged did not start (the instruction budget ran out, or an
# interrupt is pending): it ran no instruction.
STOPPED = re.compile(r"^Stopped execution of TB chain before 0x[0-9a-f]+ \[([0-9a-f]+)\]")
# An I/O access (MMIO) in the middle of a TB: the instructions before it
# ran, the rest did not; it runs again as a TB of its own.
REWOUND = re.compile(r"^cpu_io_recompile: rewound execution of TB to ([0-9a-f]+)")
# Interrupt and exception delivery (-d int): "N: v=ec e=0000 i=0 ... pc=...",
# the vector, whether an instruction raised it (int, int3: i=1) and the pc
# it returns to (a fault's: the faulting instruction).
VECTOR = re.compile(r"^\s*\d+: v=([0-9a-f]+) e=[0-9a-f]+ i=(\d) .* pc=([0-9a-f]+) ")
RSP = re.compile(r"\bRSP=([0-9a-f]+)")


class Block:
    """One TB as it ran: the instructions that executed (address,
    mnemonic and operands), the stack pointer before it, and whether an
    interrupt or exception was entered just before it (entry: the pc it
    returns to, else None)."""

    def __init__(self, insns, rsp, entry=None):
        self.insns, self.rsp, self.entry = insns, rsp, entry

    def truncate(self, pc):
        """Keep the instructions before @pc (the rest did not run)."""
        for i, (addr, _) in enumerate(self.insns):
            if addr == pc:
                self.insns = self.insns[:i]
                return True
        return False


def parse_insn(line):
    """(address, "mnemonic operands") of an in_asm line; mnemonic "" for a
    continuation line of a long instruction's bytes; None for any other."""
    m = INSN.match(line)
    return (int(m.group(1), 16), m.group(3)) if m else None


def executed_blocks(lines):
    """The TBs that ran, in order, from QEMU's log: each TB run ("exec")
    with its instructions (the in_asm listing of its translation) less what
    did not run: a TB stopped before it started is dropped, one rewound at
    an I/O access or left by an exception keeps what ran before it."""
    blocks = []
    listing, listings = None, {}     # the translation being read; host code -> insns
    pending = {}                     # pc -> insns of a translation not yet run
    entry = None                     # an interrupt entered before the next TB
    it = iter(lines)
    for line in it:
        line = line.rstrip("\n")
        if listing is not None:
            insn = parse_insn(line)
            if insn is not None:
                if insn[1]:
                    listing.append(insn)
                continue
            if listing:
                pending[listing[0][0]] = listing
            listing = None
        if line.startswith("IN:"):
            listing = []
            continue
        m = TRACE.match(line)
        if m:
            host, pc = int(m.group(1), 16), int(m.group(2), 16)
            if pc in pending:        # just translated: bind the listing to its code
                listings[host] = pending.pop(pc)
            insns = listings.get(host)
            if insns is None or insns[0][0] != pc:
                raise ValueError(f"TB at {pc:#x} ran with no in_asm listing: was the log "
                                 "on before its translation?")
            rsp = None
            for reg_line in it:         # -d cpu: the registers follow
                r = RSP.search(reg_line)
                if r:
                    rsp = int(r.group(1), 16)
                    break
            blocks.append(Block(list(insns), rsp, entry))
            entry = None
            continue
        m = STOPPED.match(line)
        if m:
            if blocks and blocks[-1].insns and blocks[-1].insns[0][0] == int(m.group(1), 16):
                blocks.pop()
            continue
        m = REWOUND.match(line)
        if m:
            if blocks:
                blocks[-1].truncate(int(m.group(1), 16))
            continue
        m = VECTOR.match(line)
        if m:
            vector, soft, pc = int(m.group(1), 16), m.group(2) == "1", int(m.group(3), 16)
            if not soft and vector < 32 and blocks:
                blocks[-1].truncate(pc)   # a fault: its instruction did not complete
            entry = pc
    return blocks


# --- symbols and tasks -------------------------------------------------


class Symbols:
    """The ELF's functions, from `nm -n`: the function at an address is the
    last text symbol at or below it."""

    def __init__(self, pairs):
        pairs = sorted(pairs)
        self.addrs = [a for a, _ in pairs]
        self.names = [n for _, n in pairs]

    @classmethod
    def from_nm(cls, text):
        pairs = []
        for line in text.splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[1] in "tTwW":
                pairs.append((int(parts[0], 16), parts[2]))
        return cls(pairs)

    def addr(self, name):
        """The address of function @name (None if there is none)."""
        return self.addrs[self.names.index(name)] if name in self.names else None

    def name(self, addr):
        i = bisect.bisect_right(self.addrs, addr) - 1
        return self.names[i] if i >= 0 else f"{addr:#x}"


class Tasks:
    """Which task a stack pointer belongs to. The tasks GDB listed at
    profile_start() ("PROFILE-TASK stack pid current comm" lines) have
    their stacks, [stack, stack + THREAD_SIZE), and names: their role (the
    current one is the creator; kthreadd; idle) or comm-pid. A stack made
    after it (the benchmark's threads') is known only by the stack
    pointers seen on it: a pointer within STACK_NEAR of those of an
    unknown stack is on it (the threads here use the top few KiB of their
    stacks, and two stacks are a stack and a guard page apart), and it is
    named "?N" until replay() tells its lives apart."""

    STACK_NEAR = 8 << 10

    def __init__(self, tasks):
        self.tasks = tasks              # (stack, label)
        self.unknown = []               # [lowest, highest] pointer seen on each

    @classmethod
    def from_lines(cls, text):
        tasks = []
        for m in re.finditer(r"^PROFILE-TASK (\d+) (\d+) ([01]) (.*)$", text, re.M):
            stack, pid, comm = int(m.group(1)), int(m.group(2)), m.group(4)
            label = CREATOR if m.group(3) == "1" else ROLES.get(comm, f"{comm}-{pid}")
            tasks.append((stack, label))
        return cls(tasks)

    def of(self, rsp):
        for stack, label in self.tasks:
            if stack < rsp <= stack + THREAD_SIZE:
                return label
        for i, seen in enumerate(self.unknown):
            if seen[0] - self.STACK_NEAR <= rsp <= seen[1] + self.STACK_NEAR:
                seen[0], seen[1] = min(seen[0], rsp), max(seen[1], rsp)
                return f"?{i}"
        self.unknown.append([rsp, rsp])
        return f"?{len(self.unknown) - 1}"


# --- folding ------------------------------------------------------------


def transfer(mnemonic):
    """What the last instruction of a TB does to the call stack."""
    op = mnemonic.split(" ", 1)[0]
    if op.startswith("call"):
        return "call"
    if op.startswith("iret"):
        return "iret"
    if op.startswith("ret"):
        return "ret"
    return None


class Fold:
    """The result of fold(): per-instruction records of the counted span
    (task, stack outermost first, address, mnemonic and operands) and
    its summaries."""

    def __init__(self, records, total_seen):
        self.records, self.total_seen = records, total_seen

    @property
    def total(self):
        return len(self.records)

    def by_function(self):
        """{(function, task): instructions}, the self cost of each."""
        counts = {}
        for task, stack, _, _ in self.records:
            key = (stack[-1], task)
            counts[key] = counts.get(key, 0) + 1
        return counts

    def by_task(self):
        counts = {}
        for task, _, _, _ in self.records:
            counts[task] = counts.get(task, 0) + 1
        return counts

    def inclusive(self):
        """{function: instructions run in it or in what it called}."""
        counts = {}
        for _, stack, _, _ in self.records:
            for name in set(stack):
                counts[name] = counts.get(name, 0) + 1
        return counts

    def annotate(self, function):
        """{(address, mnemonic): instructions run there} in @function."""
        counts = {}
        for _, stack, addr, mnemonic in self.records:
            if stack[-1] == function:
                counts[(addr, mnemonic)] = counts.get((addr, mnemonic), 0) + 1
        return counts

    def folded(self):
        """{"task;outer;...;inner": instructions}: flame graph input (a
        task's name with _ for its spaces: a line ends " count")."""
        counts = {}
        for task, stack, _, _ in self.records:
            key = ";".join((task.replace(" ", "_"),) + stack)
            counts[key] = counts.get(key, 0) + 1
        return counts


class TaskState:
    """A task's shadow stack in replay(): the functions, outermost first
    (the last is running); what the last TB's final instruction will do to
    it (pending: "call", "ret", "iret" or None); how many interrupts deep
    it is; since when it runs (the first record since it was switched in,
    and how many frames lay below the running one then); and, on a stack
    made between the marks, which life of that stack this is."""

    def __init__(self, base, life):
        self.stack, self.pending, self.depth = list(base), "call", 0
        self.since, self.below, self.life = 0, 0, life


def replay(blocks, symbols, tasks, bases):
    """Run the call-stack model over @blocks: one shadow stack per task,
    pushed by a call (the next TB of that task is the callee) or an
    interrupt entry, popped by a return; a jump to another function (a
    tail call) replaces the top. A task's first return past what it was
    seen to call lands in its caller, which the model learns (underflows);
    @bases are what an earlier pass learnt, the stack each task starts with.
    A return into FORK_ENTRY (ret_from_fork) starts a new task's life: a
    stack once a thread's that died may be a new thread's, and what the
    dead one had called is no part of the new one's stack (nor are the
    frames below its first instructions, __switch_to's, since it was
    switched in: they are rewritten to stand on FORK_ENTRY). A stack made
    between the marks ("?N", Tasks) names each life "?N.L", and @forks
    gets the index of each life's first record.
    Returns ([(task, stack tuple, address, mnemonic, irq depth)], underflows,
    forks)."""
    state = {}                          # stack's task -> TaskState
    records, underflows, forks = [], {}, {}
    fork_entry = symbols.addr(FORK_ENTRY)

    def land(st, task, pc):
        name = symbols.name(pc)
        if st.pending in ("ret", "iret") and pc == fork_entry:
            st.stack = [name]           # a new life: see above
            old, lives = st.life, int(st.life.rsplit(".", 1)[1]) + 1 if "." in st.life else 0
            st.life = f"{task}.{lives}" if task.startswith("?") else task
            forks[st.life] = st.since
            for i in range(st.since, len(records)):
                if records[i][0] == old:
                    _, stack, addr, mnemonic, depth = records[i]
                    records[i] = (st.life, (name,) + stack[st.below:], addr, mnemonic, depth)
            st.since, st.below = len(records), 0
        elif st.pending == "call":
            st.stack.append(name)
        elif st.pending in ("ret", "iret"):
            if st.pending == "iret":
                st.depth = max(0, st.depth - 1)
            if st.stack:
                st.stack.pop()
            if not st.stack:
                underflows.setdefault(st.life, []).append(name)
        if not st.stack:
            st.stack.append(name)
        elif st.stack[-1] != name:
            st.stack[-1] = name         # a jump into another function
        st.pending = None

    running = None
    for block in blocks:
        if not block.insns:
            continue
        task = tasks.of(block.rsp)
        if task not in state:           # its first TB: its function on top of what it returns into
            life = f"{task}.0" if task.startswith("?") else task
            state[task] = TaskState(bases.get(life, ()), life)
        st = state[task]
        if block.entry is not None:
            land(st, task, block.entry)   # the interrupted instruction, then the handler
            st.pending = "call"
            st.depth += 1
        for i, (addr, mnemonic) in enumerate(block.insns):
            land(st, task, addr)
            if i == 0 and task != running:
                st.since, st.below, running = len(records), len(st.stack) - 1, task
            records.append((st.life, tuple(st.stack), addr, mnemonic, st.depth))
        st.pending = transfer(block.insns[-1][1])
    return records, underflows, forks


def fold(blocks, symbols, tasks):
    """Fold the TBs that ran into a Fold of the counted span.

    Two passes of replay(): the first learns where each task's stack
    starts (the callers it returns into), the second starts each task's
    stack with them, so a frame is never missing below. The counted span
    is the kernel's: the creator's last rdtsc outside an interrupt ends
    the timed cycle; the one before it in the same function (the timer,
    time_cycles()) starts it. From after the first to the second,
    inclusive: rdtsc under -icount reads the count of instructions run,
    itself included. (The scheduler's own reads, sched_clock(), are in a
    function of their own.) A thread made between the marks whose life
    began (in ret_from_fork) within the span is the new thread; one made
    before it, still dying, is the previous thread."""
    _, underflows, _ = replay(blocks, symbols, copy.deepcopy(tasks), {})
    bases = {task: list(reversed(names)) for task, names in underflows.items()}
    records, _, forks = replay(blocks, symbols, tasks, bases)
    reads = [i for i, (task, stack, _, mnemonic, depth) in enumerate(records)
             if mnemonic.split(" ", 1)[0] == "rdtsc" and depth == 0 and task == CREATOR]
    if not reads:
        raise ValueError("the creator ran no rdtsc outside interrupts")
    timer = records[reads[-1]][1][-1]
    reads = [i for i in reads if records[i][1][-1] == timer]
    if len(reads) != 2:
        raise ValueError(f"the creator ran {len(reads)} rdtsc in {timer}, not the "
                         "benchmark's two")
    first, last = reads[0] + 1, reads[-1] + 1

    def name(life):                     # see the docstring
        if not life.startswith("?"):
            return life
        return NEW_THREAD if forks.get(life, -1) >= first else PREVIOUS_THREAD
    return Fold([(name(task), stack, addr, mnemonic)
                 for task, stack, addr, mnemonic, _ in records[first:last]], len(records))


# --- output ---------------------------------------------------------------


def table(fold, top=None):
    """The table: function, task, instructions, share, largest first."""
    rows = sorted(fold.by_function().items(), key=lambda kv: (-kv[1], kv[0]))
    shown = rows[:top] if top else rows
    width = max([len("function")] + [len(f) for (f, _), _ in shown])
    twidth = max([len("task")] + [len(t) for (_, t), _ in shown])
    lines = [f"{'function':<{width}}  {'task':<{twidth}}  {'instructions':>12}  {'share':>6}"]
    for (function, task), n in shown:
        lines.append(f"{function:<{width}}  {task:<{twidth}}  {n:>12}  "
                     f"{100 * n / fold.total:>5.1f}%")
    if top and len(rows) > top:
        rest = sum(n for _, n in rows[top:])
        lines.append(f"{f'({len(rows) - top} more)':<{width}}  {'':<{twidth}}  {rest:>12}  "
                     f"{100 * rest / fold.total:>5.1f}%")
    lines.append(f"{'total':<{width}}  {'':<{twidth}}  {fold.total:>12}  100.0%")
    return lines


def annotate_lines(fold, function):
    """perf annotate's view of @function: each of its instructions that ran,
    in address order, with how many times (a rep-prefixed one counts each
    iteration) and its share of the function."""
    counts = fold.annotate(function)
    total = sum(counts.values())
    if not total:
        return [f"{function}: no instruction of it ran in the counted span"]
    lines = [f"{function}: {total} instructions"]
    for (addr, mnemonic), n in sorted(counts.items()):
        lines.append(f"  {addr:x}  {n:>6}  {100 * n / total:5.1f}%  {mnemonic}")
    return lines


def tree_lines(fold, share):
    """The call tree of each task, every frame with the instructions run in
    it and all it called, down to frames of at least @share percent of
    the cycle, children largest first; "(its own)" under a frame is what
    ran in the function itself, when that is as much."""
    tree = {}                           # name -> [count, children]
    for stack, n in fold.folded().items():
        level = tree
        for name in stack.split(";"):
            node = level.setdefault(name, [0, {}])
            node[0] += n
            level = node[1]
    lines, least = [], fold.total * share / 100

    def line(n, indent, name):
        lines.append(f"{n:>8}  {100 * n / fold.total:5.1f}%  {'  ' * indent}{name}")

    def walk(level, indent):
        for name, (n, children) in sorted(level.items(), key=lambda kv: (-kv[1][0], kv[0])):
            if n >= least:
                line(n, indent, name)
                own = n - sum(c for c, _ in children.values())
                if children and own >= least:
                    line(own, indent + 1, "(its own)")
                walk(children, indent + 1)

    walk(tree, 0)
    return lines


def task_lines(fold):
    rows = sorted(fold.by_task().items(), key=lambda kv: (-kv[1], kv[0]))
    width = max(len(task) for task, _ in rows)
    return [f"  {task:<{width}}  {n:>8}  {100 * n / fold.total:5.1f}%" for task, n in rows]


def inclusive_lines(fold, top):
    rows = sorted(fold.inclusive().items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    width = max(len(f) for f, _ in rows)
    return [f"  {f:<{width}}  {n:>8}  {100 * n / fold.total:5.1f}%" for f, n in rows]


def read_folded(text):
    """{(function, task): instructions} from folded stacks (kthread.folded)."""
    counts = {}
    for line in text.splitlines():
        stack, n = line.rsplit(" ", 1)
        frames = stack.split(";")
        key = (frames[-1], frames[0].replace("_", " ") if frames[0] in FOLDED_TASKS
               else frames[0])
        counts[key] = counts.get(key, 0) + int(n)
    return counts


def diff_lines(old, new, top):
    """What changed from the profile @old to @new ({(function, task): n}):
    the @top largest changes, then the totals."""
    keys = set(old) | set(new)
    rows = sorted(((new.get(k, 0) - old.get(k, 0), k) for k in keys),
                  key=lambda r: (-abs(r[0]), r[1]))
    rows = [r for r in rows if r[0]][:top]
    width = max([len("function")] + [len(f) for _, (f, _) in rows])
    twidth = max([len("task")] + [len(t) for _, (_, t) in rows])
    lines = [f"{'function':<{width}}  {'task':<{twidth}}  {'before':>8}  {'after':>8}  "
             f"{'change':>8}"]
    for change, (function, task) in rows:
        lines.append(f"{function:<{width}}  {task:<{twidth}}  {old.get((function, task), 0):>8}"
                     f"  {new.get((function, task), 0):>8}  {change:>+8}")
    before, after = sum(old.values()), sum(new.values())
    lines.append(f"{'total':<{width}}  {'':<{twidth}}  {before:>8}  {after:>8}  "
                 f"{after - before:>+8}")
    return lines


def frame_color(name):
    """A warm colour fixed by the name (flame graphs' usual palette)."""
    h = int(hashlib.md5(name.encode()).hexdigest()[:8], 16)
    r, g, b = colorsys.hls_to_rgb((h % 60) / 360, 0.6, 0.8 + (h >> 8) % 20 / 100)
    return f"rgb({int(r * 255)},{int(g * 255)},{int(b * 255)})"


def flame_svg(folded, title, width=1200, row=16):
    """A flame graph of @folded ({"a;b;c": count}) as SVG text: the root
    at the bottom, each frame as wide as the instructions run in it and
    what it called, children left to right by name. A frame's tooltip
    (<title>) gives its instructions and share."""
    root = {}                           # name -> [count, children]
    for stack, n in folded.items():
        level = root
        for name in stack.split(";"):
            node = level.setdefault(name, [0, {}])
            node[0] += n
            level = node[1]
    total = sum(n for n, _ in root.values()) or 1

    def depth(level):
        return 1 + max((depth(c) for _, c in level.values()), default=0) if level else 0

    height = (depth(root) + 2) * row + 8
    scale = (width - 20) / total
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'font-family="monospace" font-size="11">',
           f'<rect width="100%" height="100%" fill="#f8f8f8"/>',
           f'<text x="{width / 2}" y="{row}" text-anchor="middle" font-size="14">'
           f'{html.escape(title)}</text>']

    def draw(level, x, d):
        for name in sorted(level):
            n, children = level[name]
            w = n * scale
            y = height - (d + 1) * row - 4
            tip = f"{name}: {n} instructions, {100 * n / total:.2f}%"
            out.append(f'<g><title>{html.escape(tip)}</title><rect x="{x:.2f}" y="{y}" '
                       f'width="{max(w - 0.5, 0.1):.2f}" height="{row - 1}" '
                       f'fill="{frame_color(name)}"/>')
            chars = int(w / 7)
            if chars >= 3:
                label = name if len(name) <= chars else name[:chars - 2] + ".."
                out.append(f'<text x="{x + 3:.2f}" y="{y + row - 4}">{html.escape(label)}</text>')
            out.append("</g>")
            draw(children, x, d + 1)
            x += w

    draw(root, 10, 0)
    out.append("</svg>")
    return "\n".join(out) + "\n"


# --- the boot under GDB ---------------------------------------------------

# The tasks at profile_start() with their stacks, and which one is current:
# the creator.
GDB_TASKS = """python
me = u64(current_task().address)
for t in for_each_task():
    print("PROFILE-TASK %d %d %d %s" % (u64(t["stack"]), int(t["pid"]),
          u64(t.address) == me, array_string(t["comm"])))
end"""


def gdb_script(port, log):
    """The GDB session: the tasks and the log on at profile_start(), the
    log off at profile_stop(), then the kernel runs to its end."""
    return "\n".join([
        "set pagination off", "set confirm off",
        f"target remote 127.0.0.1:{port}",
        "source tools/gdb/spindle.py",
        "break profile_start", "continue", GDB_TASKS,
        f"monitor log {LOG_FLAGS}", "delete", "break profile_stop", "continue",
        "monitor log none", "delete", "continue", ""])


def profile_boot(args, elf, out):
    """Boot @elf with bench=profile_kthread under GDB; (GDB's output, the
    serial log, problems). QEMU's log goes to @out/qemu.log."""
    port = gdb_tests.free_port()
    log = out / "qemu.log"
    log.unlink(missing_ok=True)
    script = out / "session.gdb"
    script.write_text(gdb_script(port, log))
    gdb_out, problems = [], []

    def attach(_serial):
        if gdb_out:                     # GDB is done: let the kernel end QEMU
            return False
        if not gdb_tests.wait_for_port(port):
            gdb_out.append("(QEMU's gdbstub never listened)")
            return True
        try:
            proc = subprocess.run(args.gdb + ["-batch", "-nx", "-x", str(script), str(elf)],
                                  stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True,
                                  errors="backslashreplace", timeout=args.timeout)
            gdb_out.append(proc.stdout)
        except subprocess.TimeoutExpired as e:
            gdb_out.append((e.stdout or b"").decode(errors="replace") + "\n(gdb timed out)")
            return True
        return False

    boot = qemu.qemu_boot(args, "profile_kthread", CMDLINE, elf=elf, mem=qemu.BENCH_MEM,
                          extra=qemu_conf.flags("QEMU_ICOUNT")
                          + ["-S", "-gdb", f"tcp:127.0.0.1:{port}", "-D", str(log)],
                          done=attach, log_dir=out)
    text = "".join(gdb_out)
    (out / "gdb.log").write_text(text)
    if boot.status != qemu.EXIT_PASS:
        problems.append(f"profile boot: {boot.describe()}; log {boot.log_path}")
    if "Breakpoint 1, profile_start" not in text or "Breakpoint 2, profile_stop" not in text:
        problems.append(f"GDB did not stop at profile_start() and profile_stop() "
                        f"(see {out}/gdb.log)")
    return text, boot.log, problems


def kernel_figures(serial):
    """(the cycle's figure, the timing overhead) the kernel printed."""
    figure = re.search(rf"BENCH {FIGURE} (\d+) cycles", serial)
    overhead = re.search(r"timing overhead (\d+) cycles", serial)
    if not figure or not overhead:
        return None, None
    return int(figure.group(1)), int(overhead.group(1))


def report(fold, figure, overhead, top, out, name, annotate=(), tree=None):
    """Print the profile (and the instructions of each function of
    @annotate, the call tree down to @tree percent), write the folded
    stacks and the flame graph; return the problems (the totals not the
    kernel's)."""
    print(f"# one kthread_create() + wake_up_process() + kthread_stop() ({name}), "
          "instructions under -icount", flush=True)
    for line in table(fold, top):
        print(line)
    print("\nby task:")
    for line in task_lines(fold):
        print(line)
    print("\ninclusive (the function and all it called):")
    for line in inclusive_lines(fold, top):
        print(line)
    if tree is not None:
        print(f"\ncall tree (instructions in the frame and all it called, {tree}% and more):")
        for line in tree_lines(fold, tree):
            print(line)
    for function in annotate:
        print()
        for line in annotate_lines(fold, function):
            print(line)
    folded = out / "kthread.folded"
    if folded.exists():                 # the run before, for --diff
        folded.replace(out / "kthread.folded.old")
    folded.write_text("".join(f"{k} {v}\n" for k, v in sorted(fold.folded().items())))
    svg = out / "kthread.svg"
    svg.write_text(flame_svg(fold.folded(), f"kthread_create + wake_up_process + "
                                            f"kthread_stop ({name}): {fold.total} instructions"))
    print(f"\nflame graph: {svg}; folded stacks: {folded}")
    if (out / "kthread.folded.old").exists():
        print(f"against the run before: tools/kprofile.py --diff {out}/kthread.folded.old "
              f"{folded}")
    problems = []
    if figure is None:
        problems.append(f"the kernel printed no BENCH {FIGURE} figure")
    elif fold.total != figure + overhead:
        problems.append(f"profile total {fold.total} != the kernel's {FIGURE} {figure} "
                        f"+ timing overhead {overhead}")
    else:
        print(f"total {fold.total} = the kernel's {FIGURE} {figure} + timing overhead "
              f"{overhead}: the counts match")
    return problems


def nm_symbols(elf):
    nm = shlex.split(os.environ.get("NM", "nm"))
    return Symbols.from_nm(subprocess.run(nm + ["-n", str(elf)], check=True,
                                          stdout=subprocess.PIPE, text=True).stdout)


def profile(args, elf, out):
    """Boot and fold; returns (Fold or None, figure, overhead, problems)."""
    out.mkdir(parents=True, exist_ok=True)
    gdb_text, serial, problems = profile_boot(args, elf, out)
    if problems:
        return None, None, None, problems
    (out / "tasks").write_text(gdb_text)
    with open(out / "qemu.log", errors="backslashreplace") as f:
        blocks = executed_blocks(f)
    result = fold(blocks, nm_symbols(elf), Tasks.from_lines(gdb_text))
    figure, overhead = kernel_figures(serial)
    return result, figure, overhead, []


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--elf", default="build/release/spindle.elf", help="the kernel to profile")
    p.add_argument("--out", default="build/profile", help="folder for the log and the graph")
    p.add_argument("--top", type=int, default=15, help="rows of the table")
    p.add_argument("--annotate", action="append", default=[], metavar="FUNCTION",
                   help="also each instruction of FUNCTION that ran, with its count")
    p.add_argument("--tree", type=float, metavar="PERCENT",
                   help="also the call tree of each task, frames of PERCENT or more")
    p.add_argument("--diff", nargs=2, metavar=("OLD", "NEW"),
                   help="no boot: compare two runs' kthread.folded, function by function")
    p.add_argument("--qemu", default="qemu-system-x86_64", help="QEMU command")
    p.add_argument("--gdb", default="gdb", help="GDB command")
    p.add_argument("--timeout", type=int, default=120, help="seconds for the boot")
    args = p.parse_args()
    if args.diff:
        old, new = (read_folded(Path(f).read_text()) for f in args.diff)
        print("\n".join(diff_lines(old, new, args.top)))
        return 0
    os.chdir(Path(__file__).resolve().parent.parent)
    args.qemu, args.gdb = shlex.split(args.qemu), shlex.split(args.gdb)
    args.qemu_slots = threading.BoundedSemaphore(1)
    elf, out = Path(args.elf), Path(args.out)
    if not elf.is_file():
        print(f"{elf} missing: run make first", file=sys.stderr)
        return 1
    result, figure, overhead, problems = profile(args, elf, out)
    if result is not None:
        name = "release" if "release" in str(elf) else "debug"
        problems += report(result, figure, overhead, args.top, out, name, args.annotate,
                           args.tree)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
