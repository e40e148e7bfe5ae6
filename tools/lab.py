#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Labs: make a student tree from Spindle, and grade a tree, as xv6's
`make grade` does.

Solution code in the sources is marked, in C comments:

    /* LAB 2 BEGIN: take the creator's completion with xchg() */
    done = xchg(&create->done, NULL);
    /* LAB 2 STUB: done = create->done; */
    /* LAB 2 END */

`handout N` copies the tree (the files git knows) and replaces each LAB N
region by a TODO comment carrying the BEGIN line's text, followed by the
region's STUB lines (uncommented), so the student tree still builds.
Regions of other labs stay as they are (solved).

`grade N` builds a tree and boots it once per suite of lab N with
kunit.filter_glob, and scores every test case: one point each. The total
comes from the suite sources (KUNIT_CASE entries), so a kernel that crashes
early still shows what it missed.

Usage: tools/lab.py handout N [--out DIR] | grade N [--tree DIR] | list
"""
import argparse
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import runner  # noqa: E402  (the test runner's QEMU and KTAP helpers)

# Lab number -> (title, handout file, KUnit suites graded).
LABS = {
    0: ("Boot and GDB: symbols for backtraces", "labs/lab0-boot-gdb.md", ["exceptions"]),
    1: ("Spinlocks and completions", "labs/lab1-locks-completions.md", ["spinlock", "completion"]),
    2: ("kthreadd and the creation path", "labs/lab2-creation-path.md", ["kthread"]),
    3: ("The scheduler: the fair class", "labs/lab3-scheduler.md", ["sched"]),
    4: ("Stopping and parking kthreads, workers", "labs/lab4-stop-park.md",
        ["kthread", "kthread_worker"]),
}

MARK = re.compile(r"^(\s*)/\* LAB (\d+) (BEGIN|STUB|END)\b:?\s?(.*?)\s*\*/\s*$")


def tree_files(top):
    """Files git knows (tracked, or untracked but not ignored)."""
    out = subprocess.run(["git", "-C", str(top), "ls-files", "-co", "--exclude-standard"],
                         check=True, capture_output=True, text=True).stdout
    return [f for f in out.splitlines() if (top / f).is_file()]


def strip_regions(text, lab, path):
    """Replace lab @lab's regions of @text; returns (new text, regions)."""
    out, inside, stubs, regions, begin = [], False, [], 0, None
    for n, line in enumerate(text.splitlines(keepends=True), 1):
        m = MARK.match(line)
        if not m or int(m.group(2)) != lab:
            if not inside:
                out.append(line)
            continue
        indent, kind, rest = m.group(1), m.group(3), m.group(4)
        if kind == "BEGIN":
            if inside:
                sys.exit(f"{path}:{n}: LAB {lab} BEGIN inside a region")
            inside, stubs, begin = True, [], (indent, rest)
        elif kind == "STUB":
            if not inside:
                sys.exit(f"{path}:{n}: LAB {lab} STUB outside a region")
            stubs.append(f"{indent}{rest}\n")
        else:
            if not inside:
                sys.exit(f"{path}:{n}: LAB {lab} END without BEGIN")
            inside, regions = False, regions + 1
            out.append(f"{begin[0]}/* TODO (lab {lab}): {begin[1]} */\n")
            out.extend(stubs)
    if inside:
        sys.exit(f"{path}: LAB {lab} region not closed")
    return "".join(out), regions


def handout(lab, out, top):
    """Write the student tree for @lab to @out."""
    if out.exists():
        shutil.rmtree(out)
    total = 0
    for f in tree_files(top):
        src, dst = top / f, out / f
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.suffix in (".c", ".h", ".S"):
            text = src.read_text()
            new, n = strip_regions(text, lab, f)
            total += n
            if n:
                dst.write_text(new)
                continue
        shutil.copy2(src, dst)
    if total == 0:
        sys.exit(f"lab {lab}: no LAB {lab} regions found")
    return total


def suite_cases(top, suite):
    """The KUNIT_CASE names of @suite, read from tests/kernel/*.c."""
    for src in sorted((top / "tests/kernel").glob("*.c")):
        text = src.read_text()
        m = re.search(r'\.name\s*=\s*"%s"\s*,[^}]*?\.test_cases\s*=\s*(\w+)' % re.escape(suite),
                      text, re.S)
        if not m:
            continue
        arr = re.search(r"%s\[\]\s*=\s*\{(.*?)\n\};" % m.group(1), text, re.S)
        return re.findall(r"KUNIT_CASE\((\w+)\)", arr.group(1)) if arr else []
    sys.exit(f"suite '{suite}' not found under {top}/tests/kernel")


def grade(lab, top, timeout=120, quiet=False, args=None, build=True):
    """Build @top and score lab @lab's cases; returns (score, total).

    @args: the test runner's options (QEMU command, slots) when called
    from `make test`; a standalone grade makes its own. @build=False
    grades a kernel already built (the runner's own tree: several labs
    run at once, and parallel makes of one tree would trip over each other).
    """
    title, _, suites = LABS[lab]
    build = subprocess.run(["make", "-s", "-C", str(top), "build/spindle.elf"] if build
                           else ["true"], capture_output=True, text=True)
    cases = [(s, c) for s in suites for c in suite_cases(top, s)]
    if build.returncode:
        if not quiet:
            print(build.stdout + build.stderr)
            print(f"lab {lab}: the kernel does not build: Score: 0/{len(cases)}")
        return 0, len(cases)
    log_dir = top / "build/lab-logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    args = args or argparse.Namespace(qemu=["qemu-system-x86_64"], timeout=timeout,
                                      qemu_slots=threading.BoundedSemaphore(1))
    passed = {}
    for suite in suites:
        boot = runner.qemu_boot(args, f"lab{lab}-{suite}", f"kunit.filter_glob={suite}",
                                elf=top / "build/spindle.elf", log_dir=log_dir)
        root = runner.parse_ktap(boot.log)
        for name, t in (runner.ktap_cases(root) if root else []):
            passed[name] = t.status == "ok"
    score = 0
    if not quiet:
        print(f"== Lab {lab}: {title} ==")
    for suite, case in cases:
        ok = passed.get(f"{suite}.{case}", False)
        score += ok
        if not quiet:
            print(f"{suite}.{case}: {'OK' if ok else 'FAIL'} ({int(ok)}/1)")
    if not quiet:
        print(f"Score: {score}/{len(cases)}")
    return score, len(cases)


def seed_build(src, dst):
    """Copy @src's kernel objects to @dst's build/, times kept, so that make
    there recompiles only the files the handout changed."""
    for sub in ("arch", "init", "kernel", "mm", "lib", "tests", "include"):
        if (src / "build" / sub).is_dir():
            shutil.copytree(src / "build" / sub, dst / "build" / sub, dirs_exist_ok=True)
    for f in (src / "build").glob("*"):
        if f.is_file() and f.suffix in ("", ".o", ".S", ".s", ".d", ".txt"):
            shutil.copy2(f, dst / "build" / f.name)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    h = sub.add_parser("handout")
    h.add_argument("lab", type=int, choices=sorted(LABS))
    h.add_argument("--out", type=Path)
    g = sub.add_parser("grade")
    g.add_argument("lab", type=int, choices=sorted(LABS))
    g.add_argument("--tree", type=Path, default=Path("."))
    sub.add_parser("list")
    a = p.parse_args()
    top = Path(".").resolve()
    if a.cmd == "list":
        for n, (title, doc, suites) in LABS.items():
            print(f"lab {n}: {title} ({doc}; suites: {', '.join(suites)})")
    elif a.cmd == "handout":
        out = a.out or top / f"build/lab-{a.lab}"
        n = handout(a.lab, out, top)
        print(f"lab {a.lab}: student tree in {out} ({n} regions to write); "
              f"read {LABS[a.lab][1]}, then run 'make grade LAB={a.lab}' there")
    else:
        score, total = grade(a.lab, a.tree.resolve())
        sys.exit(0 if score == total else 1)


if __name__ == "__main__":
    main()
