# SPDX-License-Identifier: GPL-2.0
"""The tests of make profile (tools/kprofile.py), two in make test:

  profile_fold     the folding on a small fixed QEMU log (below, written by
                   hand in QEMU 7.2's format): what each task and function
                   ran, the call stacks, and each case the log reader must
                   get right: a TB stopped before it started, one rewound
                   at an I/O access, one left by a fault, an interrupt,
                   a long instruction's continuation line, a task switch,
                   a task's callers learnt from its returns, a new thread
                   on a dead one's stack (ret_from_fork), the new and the
                   previous thread told apart by their lives, the counted
                   span (the timer's two rdtsc, not the other one), and
                   the --annotate, --tree and --diff views;
  profile_kthread  make profile itself on the debug kernel (one boot, a few
                   seconds): its total is the kernel's figure for the same
                   cycle plus the timing overhead, the folded stacks and
                   the table sum to it, the creator, kthreadd and the new
                   thread all ran, and the flame graph is well-formed SVG.

tests/runner.py runs both; `python3 tests/profile_tests.py` runs the first.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import kprofile  # noqa: E402  (tools/kprofile.py)

NM = """\
0000000000001000 T outer
0000000000001100 t work
0000000000001200 t leaf
0000000000001300 T irq_entry
0000000000001400 T sched
0000000000001500 t other
0000000000001600 t kthreadd_fn
0000000000001700 T ret_from_fork
0000000000001800 t dead_fn
0000000000001900 t exit_fn
0000000000002000 D not_code
"""

# The creator's stack at 0x10000, kthreadd's at 0x20000, as GDB lists them;
# the new thread's (0x30000, a dead thread's before) and the previous
# thread's (0x40000, its life begun before the span) are made after.
TASKS = """\
PROFILE-TASK 65536 1 1 init
PROFILE-TASK 131072 2 0 kthreadd
"""
RSP = {"creator": "0000000000013f00", "kthreadd": "0000000000023f00",
       "new": "0000000000033f00", "previous": "0000000000043f00"}


def tb_listing(*insns):
    """An in_asm listing: (address, bytes, text) each."""
    lines = ["----------------", "IN: "]
    for addr, code, text in insns:
        lines.append(f"0x{addr:016x}:  {code:<24} {text}")
    return lines + [""]


def trace(host, pc, task, cflags=0xff020200):
    """An exec line and the start of its -d cpu register dump."""
    return [f"Trace 0: 0x{host:x} [0000000000000000/{pc:016x}/0040c2b0/{cflags:08x}] ",
            "RAX=0000000000000000 RBX=0000000000000000 RCX=0000000000000000 RDX=0000000000000000",
            f"RSI=0000000000000000 RDI=0000000000000000 RBP=0000000000000000 RSP={RSP[task]}",
            "RIP=0000000000000000 RFL=00000002 [-------] CPL=0 II=0 A20=1 SMM=0 HLT=0"]


def vector(number, v, pc, task):
    return [f"{number:6d}: v={v:02x} e=0000 i=0 cpl=0 IP=0010:{pc:016x} pc={pc:016x} "
            f"SP=0018:{RSP[task]} env->regs[R_EAX]=0000000000000000",
            f"RAX=0000000000000000 RSP={RSP[task]}"]


def fixed_log():
    """The log of a made-up run, one TB (T-1, X1..X3, P1..P3, T0..T24) after another."""
    out = tb_listing((0x1500, "0f 31", "rdtsc"), (0x1502, "c3", "retq"))
    out += trace(0x50, 0x1500, "creator")                          # T-1: a read before
    # X1..X3: a thread that dies on the stack the new thread will have
    out += tb_listing((0x1900, "e8 fb fe ff ff", "callq    0x1800"))
    out += trace(0x60, 0x1900, "new")                              # X1
    out += tb_listing((0x1800, "e8 fb fb ff ff", "callq    0x1400"))
    out += trace(0xf00, 0x1800, "new")                             # X2
    out += tb_listing((0x1400, "48 89 27", "movq     %rsp, (%rdi)"),
                      (0x1403, "48 8b 26", "movq     (%rsi), %rsp"),
                      (0x1406, "eb 08", "jmp      0x1410"))
    out += trace(0xb00, 0x1400, "new")                             # X3: and is gone
    # P1..P3: the previous thread's life begins, before the span
    out += tb_listing((0x1410, "c3", "retq"))
    out += trace(0xc00, 0x1410, "previous")                        # P1
    out += tb_listing((0x1700, "e8 fb fc ff ff", "callq    0x1400"))
    out += trace(0xe00, 0x1700, "previous")                        # P2: ret_from_fork
    out += trace(0xb00, 0x1400, "previous")                        # P3
    out += tb_listing((0x1000, "90", "nop"), (0x1001, "0f 31", "rdtsc"))
    out += trace(0x100, 0x1000, "creator")                         # T0: before the span
    out += tb_listing((0x1003, "b8 01 00 00 00", "movl     $1, %eax"),
                      (0x1008, "e8 f3 00 00 00", "callq    0x1100"))
    out += trace(0x200, 0x1003, "creator")                         # T1
    out += ["----------------", "IN: ",
            "0x0000000000001100:  55                       pushq    %rbp",
            "0x0000000000001101:  c7 80 b0 00 00 00 00 00  movl     $0, 0xb0(%rax)",
            "0x0000000000001109:  00 00",                          # its last two bytes
            "0x000000000000110b:  e8 f0 03 00 00           callq    0x1500", ""]
    out += trace(0x300, 0x1100, "creator")                         # T2: pushq only
    out += ["cpu_io_recompile: rewound execution of TB to 0000000000001101"]
    out += ["----------------", "IN: ",
            "0x0000000000001101:  c7 80 b0 00 00 00 00 00  movl     $0, 0xb0(%rax)",
            "0x0000000000001109:  00 00", ""]
    out += trace(0x400, 0x1101, "creator", 0xff038001)             # T3: the I/O access
    out += tb_listing((0x110b, "e8 f0 03 00 00", "callq    0x1500"))
    out += trace(0x500, 0x110b, "creator")                         # T4
    out += tb_listing((0x1500, "0f 31", "rdtsc"), (0x1502, "c3", "retq"))
    out += trace(0x600, 0x1500, "creator")                         # T5: another rdtsc
    out += tb_listing((0x1110, "e9 eb 00 00 00", "jmp      0x1200"))
    out += trace(0x700, 0x1110, "creator")
    out += ["Stopped execution of TB chain before 0x700 [0000000000001110] "]
    out += trace(0x700, 0x1110, "creator")                         # T6: runs now
    out += tb_listing((0x1200, "48 8b 18", "movq     (%rax), %rbx"),
                      (0x1203, "48 83 c3 01", "addq     $1, %rbx"),
                      (0x1207, "e8 f4 01 00 00", "callq    0x1400"))
    out += trace(0x800, 0x1200, "creator")                         # T7: movq, then a fault
    out += ["check_exception old: 0xffffffff new 0xe"] + vector(1, 0x0e, 0x1203, "creator")
    out += tb_listing((0x1300, "6a ff", "pushq    $-1"), (0x1302, "48 cf", "iretq"))
    out += trace(0x900, 0x1300, "creator")                         # T8: the fault's handler
    out += tb_listing((0x1203, "48 83 c3 01", "addq     $1, %rbx"),
                      (0x1207, "e8 f4 01 00 00", "callq    0x1400"))
    out += trace(0xa00, 0x1203, "creator")                         # T9
    out += trace(0xb00, 0x1400, "creator")                         # T10: switch to kthreadd
    out += trace(0xc00, 0x1410, "kthreadd")                        # T11
    out += tb_listing((0x1605, "ff c0", "incl     %eax"), (0x1607, "e8 f4 fd ff ff", "callq    0x1400"))
    out += trace(0xd00, 0x1605, "kthreadd")                        # T12
    out += ["Servicing hardware INT=0xec"] + vector(2, 0xec, 0x1400, "kthreadd")
    out += trace(0x900, 0x1300, "kthreadd")                        # T13: the tick
    out += trace(0xb00, 0x1400, "kthreadd")                        # T14: to the new thread
    out += trace(0xc00, 0x1410, "new")                             # T15
    out += trace(0xe00, 0x1700, "new")                             # T16
    out += trace(0xb00, 0x1400, "new")                             # T17: to the previous
    out += trace(0xc00, 0x1410, "previous")                        # T18
    out += trace(0xf00, 0x1800, "previous")                        # T19
    out += trace(0xb00, 0x1400, "previous")                        # T20: back to the creator
    out += trace(0xc00, 0x1410, "creator")                         # T21
    out += tb_listing((0x120c, "c3", "retq"))
    out += trace(0x1000, 0x120c, "creator")                        # T22
    out += tb_listing((0x100d, "0f 31", "rdtsc"))
    out += trace(0x1100, 0x100d, "creator")                        # T23: the span's end
    out += tb_listing((0x100f, "e8 ec ff ff ff", "callq    0x1000"))
    out += trace(0x1200, 0x100f, "creator")                        # T24: after it
    return [line + "\n" for line in out]


EXPECTED = {
    "creator;outer": 3, "creator;outer;work": 4, "creator;outer;work;other": 2,
    "creator;outer;leaf": 4, "creator;outer;leaf;irq_entry": 2, "creator;outer;leaf;sched": 4,
    "kthreadd;kthreadd_fn": 2, "kthreadd;kthreadd_fn;sched": 4,
    "kthreadd;kthreadd_fn;sched;irq_entry": 2,
    "new_thread;ret_from_fork": 1, "new_thread;ret_from_fork;sched": 4,
    "previous_thread;ret_from_fork;sched": 1,     # T18: its stack from before the span
    "previous_thread;dead_fn": 1, "previous_thread;dead_fn;sched": 3,
}
EXPECTED_TASKS = {"creator": 19, "kthreadd": 8, "new thread": 5, "previous thread": 5}
# work()'s instructions as --annotate counts them: the rewound TB's first,
# the MMIO access run alone, and the jump once (its first try stopped).
EXPECTED_WORK = {(0x1100, "pushq    %rbp"): 1, (0x1101, "movl     $0, 0xb0(%rax)"): 1,
                 (0x110b, "callq    0x1500"): 1, (0x1110, "jmp      0x1200"): 1}

# --tree 10: frames of 10% (3.7 instructions) and more, "(its own)" where
# a frame's own instructions are as many.
EXPECTED_TREE = """\
      19   51.4%  creator
      19   51.4%    outer
      10   27.0%      leaf
       4   10.8%        (its own)
       4   10.8%        sched
       6   16.2%      work
       4   10.8%        (its own)
       8   21.6%  kthreadd
       8   21.6%    kthreadd_fn
       6   16.2%      sched
       4   10.8%        (its own)
       5   13.5%  new_thread
       5   13.5%    ret_from_fork
       4   10.8%      sched
       5   13.5%  previous_thread
       4   10.8%    dead_fn"""


def fold_fixed():
    blocks = kprofile.executed_blocks(fixed_log())
    return kprofile.fold(blocks, kprofile.Symbols.from_nm(NM), kprofile.Tasks.from_lines(TASKS))


def diff(name, got, want):
    if got == want:
        return []
    keys = sorted(set(got) | set(want))
    return [f"{name}: {k}: got {got.get(k)}, want {want.get(k)}"
            for k in keys if got.get(k) != want.get(k)]


def check_svg(text, total):
    """Problems with a flame graph: not XML, or its bottom row not @total wide."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        return [f"the flame graph is not well-formed XML: {e}"]
    ns = "{http://www.w3.org/2000/svg}"
    rects = [g.find(f"{ns}rect") for g in root.iter(f"{ns}g")]
    tips = [g.find(f"{ns}title").text for g in root.iter(f"{ns}g")]
    bottom = max(float(r.get("y")) for r in rects)
    roots = [t for r, t in zip(rects, tips) if float(r.get("y")) == bottom]
    width = sum(int(t.split(": ")[1].split()[0]) for t in roots)
    return [] if width == total else [f"the flame graph's tasks add up to {width}, not {total}"]


def fold_problems():
    """What is wrong with the folding of the fixed log (empty: nothing)."""
    try:
        result = fold_fixed()
    except ValueError as e:
        return [f"fold() failed: {e}"]
    problems = diff("stack", result.folded(), EXPECTED) + diff("task", result.by_task(),
                                                              EXPECTED_TASKS)
    problems += diff("work()", result.annotate("work"), EXPECTED_WORK)
    text = "".join(f"{k} {v}\n" for k, v in result.folded().items())
    old = kprofile.read_folded(text)
    problems += diff("kthread.folded read back", old, result.by_function())
    new = {**old, ("sched", "new thread"): 1}
    changes = kprofile.diff_lines(old, new, 5)
    if changes[1].split() != ["sched", "new", "thread", "4", "1", "-3"] or \
            changes[-1].split() != ["total", "37", "34", "-3"]:
        problems += ["--diff of a run with 3 fewer in sched (new thread):"] + changes
    tree = "\n".join(kprofile.tree_lines(result, 10))
    if tree != EXPECTED_TREE:
        problems += ["the call tree (--tree 10) is not the one expected:"] + tree.splitlines()
    if result.total != sum(EXPECTED.values()):
        problems.append(f"total {result.total}, want {sum(EXPECTED.values())}")
    rows = kprofile.table(result)
    listed = sum(int(line.split()[-2]) for line in rows[1:-1])
    if listed != result.total or not rows[-1].split()[-2] == str(result.total):
        problems.append(f"the table's rows add up to {listed}, its total says {rows[-1]}")
    return problems + check_svg(kprofile.flame_svg(result.folded(), "test"), result.total)


def run_fold(args, results):
    """The test "profile_fold" of make test."""
    problems = fold_problems()
    if problems:
        results.fail("profile_fold", problems[0], problems[1:])
    else:
        results.ok("profile_fold")


def run_profile(args, results, elf):
    """The test "profile_kthread": make profile on @elf, into build/test-logs/profile/."""
    name = "profile_kthread"
    out = Path("build/test-logs/profile")
    out.mkdir(parents=True, exist_ok=True)
    try:
        result, figure, overhead, problems = kprofile.profile(args, elf, out)
    except ValueError as e:
        result, problems = None, [f"the log did not fold: {e}"]
    if result is not None:
        if figure is None:
            problems.append(f"the kernel printed no {kprofile.FIGURE} figure")
        elif result.total != figure + overhead:
            problems.append(f"profile total {result.total} != {kprofile.FIGURE} {figure} "
                            f"+ overhead {overhead}")
        if sum(result.folded().values()) != result.total:
            problems.append("the folded stacks do not add up to the total")
        rows = kprofile.table(result)
        if sum(int(line.split()[-2]) for line in rows[1:-1]) != result.total:
            problems.append("the table's rows do not add up to the total")
        missing = {kprofile.CREATOR, "kthreadd", kprofile.NEW_THREAD} - set(result.by_task())
        if missing:
            problems.append(f"no instructions of {', '.join(sorted(missing))}")
        problems += check_svg(kprofile.flame_svg(result.folded(), name), result.total)
    if problems:
        results.fail(name, problems[0], problems[1:], out / "profile_kthread.log")
    else:
        (out / "qemu.log").unlink()    # 150 MB of it: kept only when the test fails
        results.ok(f"{name} ({result.total} instructions, = the kernel's figure + overhead)")


def main():
    problems = fold_problems()
    for problem in problems:
        print(problem)
    print("profile_fold: " + ("FAIL" if problems else "ok"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
