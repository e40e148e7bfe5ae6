#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Labs: make a student tree from Spindle, and grade one, as xv6's
`make grade` does (labs/README.md is the guide).

The code a lab's students write is marked in the sources with one line,

    /* LAB 2: kthreadd */

and the region it marks runs from the next line to the end of the block
the marker sits in (the last line before the first line indented less
than the marker: a closing brace, or a label). The handout's version of
the region, a TODO comment and code that still builds and boots, is
labs/stubs/lab2/kthreadd.c: `handout` puts it in place of the region.

`handout N` copies the tree (the files git knows, less the teacher's
notes) with lab N's regions replaced (other labs' are solved),
and records what it wrote in .spindle-handout, so that it can tell later
whether the student changed the tree. `grade N` builds a tree and boots it
once per suite of lab N with kunit.filter_glob, and scores every case of
the suite's source: one point each. `grade N --submission DIR` grades a
student's tree with this tree's tests and grader copied over it.

Usage: tools/lab.py list | check | handout N|all [--out DIR] [--force]
       | grade N [--tree DIR | --submission DIR]
"""
import argparse
import difflib
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import ktap  # noqa: E402  (KTAP parsing, shared with tests/runner.py)
import qemu  # noqa: E402  (QEMU boots, shared with tests/runner.py)
import qemu_conf  # noqa: E402  (tools/qemu.mk: the -icount flags)

# Lab number -> (title, handout file, KUnit suites graded).
LABS = {
    0: ("Boot and GDB: symbols for backtraces", "labs/lab0-boot-gdb.md", ["exceptions"]),
    1: ("Spinlocks and completions", "labs/lab1-locks-completions.md", ["spinlock", "completion"]),
    2: ("kthreadd and the creation path", "labs/lab2-creation-path.md", ["kthread"]),
    3: ("The scheduler: the fair class", "labs/lab3-scheduler.md", ["sched"]),
    4: ("Stopping and parking kthreads, workers", "labs/lab4-stop-park.md",
        ["kthread", "kthread_worker"]),
    5: ("Per-CPU kthreads and CPU hotplug", "labs/lab5-percpu-hotplug.md", ["cpu_hotplug"]),
    6: ("fork() and copy-on-write", "labs/lab6-fork-cow.md", ["cow"]),
    7: ("Deadlocks: reading the lock validator", "labs/lab7-deadlocks.md", ["lockdep"]),
}
# The CPUs a lab's suites boot on (1 if not listed): taking a CPU down needs another.
LAB_SMP = {5: 4}

MARK = re.compile(r"^(\s*)/\* LAB (\d+): (\S+) \*/\s*$")
MARK_LIKE = re.compile(r"/\* LAB \d+\b")        # anything that looks like one
STUBS = Path("labs/stubs")
SOURCE_SUFFIXES = (".c", ".h", ".S")
TEACHER_ONLY = ("labs/README.md", "labs/stubs/")   # never in a student tree
MANIFEST = ".spindle-handout"
NOT_COPIED = ("build/", ".git/", "labs/work/", MANIFEST)
REFERENCE = ("tests/", "tools/", "Makefile")    # what grading takes from this tree
DEFAULT_WORK = Path("labs/work")                # make handout's default: labs/work/lab-N
BOOT_TIMEOUT = 120
# A grading boot keeps time by the instruction count (tools/qemu.mk says
# why): the grade does not depend on the machine's load, and a case of an
# unfinished lab that waits out a timeout does so in no time.
GRADE_QEMU = qemu_conf.flags("QEMU_GRADE_ICOUNT")

STUDENT_README = """\
# Lab {lab}: {title}

This is the student tree for lab {lab}. Read [{doc_name}]({doc_name}), write
the code at each `TODO (lab {lab})` comment (keep the comment line: the code
below it, to the end of its block, is yours), and check your work:

    make grade LAB={lab}     # this tree's own tests: your teacher grades with the reference ones
    make test                # every suite; the lab checks themselves run in the full tree

Keep your work under version control (`git init` here): nothing in this tree
is regenerated behind your back, but a new handout is a new tree.
"""


class LabError(Exception):
    """A problem with the input (a tree, a marker, a lab number): printed, exit 2."""


# --- regions -------------------------------------------------------------

def width(line):
    """The indentation of @line in columns (tabs are 8)."""
    text = line.expandtabs(8)
    return len(text) - len(text.lstrip())


def block_end(lines, start, indent):
    """Index after the last line of the region starting at @start: the
    first later non-blank line indented less than @indent ends it."""
    end = start
    while end < len(lines) and (not lines[end].strip() or width(lines[end]) >= indent):
        end += 1
    while end > start and not lines[end - 1].strip():
        end -= 1            # trailing blank lines are not the region's
    return end


def find_regions(text, path):
    """The markers of @text: (marker index, region end, lab, id, indent)."""
    lines = text.splitlines(keepends=True)
    found = []
    for i, line in enumerate(lines):
        m = MARK.match(line)
        if not m:
            if MARK_LIKE.search(line):
                raise LabError(f"{path}:{i + 1}: not a lab marker "
                               f"('/* LAB n: id */' alone on its line): {line.strip()}")
            continue
        end = block_end(lines, i + 1, width(line))
        found.append((i, end, int(m.group(2)), m.group(3), m.group(1)))
    return lines, found


def stub_path(top, lab, rid):
    return top / STUBS / f"lab{lab}" / f"{rid}.c"


def stub_lines(top, lab, rid, indent, path):
    f = stub_path(top, lab, rid)
    if not f.is_file():
        raise LabError(f"{path}: LAB {lab} region '{rid}' has no stub: "
                       f"{f.relative_to(top)} is missing")
    return [f"{indent}{line}" if line.strip() else line
            for line in f.read_text().splitlines(keepends=True)]


def strip_regions(text, lab, path, top):
    """@text with lab @lab's regions replaced by their stubs; returns (new
    text, regions replaced). Other labs' markers stay: a file the lab does
    not change stays byte for byte the same, so objects built from it can
    be reused (seed_build())."""
    lines, found = find_regions(text, path)
    out, pos, n = [], 0, 0
    for i, end, rlab, rid, indent in found:
        if rlab == lab:
            out.extend(lines[pos:i])
            out.extend(stub_lines(top, lab, rid, indent, path))
            pos, n = end, n + 1
    out.extend(lines[pos:])
    return "".join(out), n


def check(top):
    """Every marker has its stub and every stub its marker; every lab of
    LABS has regions, each more than one line. Returns the problems."""
    problems, seen = [], {}
    for f in tree_files(top):
        if not f.endswith(SOURCE_SUFFIXES) or f.startswith(str(STUBS)):
            continue
        try:
            lines, found = find_regions((top / f).read_text(), f)
        except LabError as e:
            problems.append(str(e))
            continue
        for i, end, lab, rid, _ in found:
            where = f"{f}:{i + 1}"
            if lab not in LABS:
                problems.append(f"{where}: LAB {lab} is not in LABS (tools/lab.py)")
            if (lab, rid) in seen:
                problems.append(f"{where}: LAB {lab} region '{rid}' also at {seen[lab, rid]}")
            seen[lab, rid] = where
            if sum(1 for line in lines[i + 1:end] if line.strip()) < 2:
                problems.append(f"{where}: LAB {lab} region '{rid}' is less than two lines")
            stub = stub_path(top, lab, rid)
            if not stub.is_file():
                problems.append(f"{where}: no stub {stub.relative_to(top)}")
            elif f"TODO (lab {lab})" not in stub.read_text().split("\n", 1)[0]:
                problems.append(f"{stub.relative_to(top)}: the first line must be a "
                                f"'/* TODO (lab {lab}): ... */' comment")
    for stub in sorted((top / STUBS).glob("lab*/*.c")):
        lab, rid = int(stub.parent.name[3:]), stub.stem
        if (lab, rid) not in seen:
            problems.append(f"{stub.relative_to(top)}: no '/* LAB {lab}: {rid} */' marker")
    for lab in LABS:
        if not any(k[0] == lab for k in seen):
            problems.append(f"lab {lab}: no LAB {lab} regions in the sources")
    return problems


# --- trees -----------------------------------------------------------------

def skipped(rel):
    return any(rel == p or rel.startswith(p) for p in NOT_COPIED)


def tree_files(top):
    """The files of a tree: those git knows in a checkout (tracked, or
    untracked but not ignored), else every file but build/ and .git/."""
    if (top / ".git").exists():
        out = subprocess.run(["git", "-C", str(top), "ls-files", "-co", "--exclude-standard"],
                             check=True, capture_output=True, text=True).stdout
        files = out.splitlines()
    else:
        files = [str(p.relative_to(top)) for p in top.rglob("*")]
    return sorted(f for f in files if (top / f).is_file() and not skipped(f))


def handout_texts(lab, top):
    """What lab @lab's student tree holds: {path: bytes}."""
    title, doc, _ = LABS[lab]
    texts, total = {}, 0
    for f in tree_files(top):
        if any(f == t or f.startswith(t) for t in TEACHER_ONLY):
            continue
        data = (top / f).read_bytes()
        if f.endswith(SOURCE_SUFFIXES):
            text, n = strip_regions(data.decode(), lab, f, top)
            total += n
            data = text.encode()
        texts[f] = data
    if total == 0:
        raise LabError(f"lab {lab}: no LAB {lab} regions found in {top}")
    doc_name = Path(doc).name
    texts["labs/README.md"] = STUDENT_README.format(lab=lab, title=title,
                                                    doc_name=doc_name).encode()
    return texts, total


def write_like(dst, data, src):
    """Write @data to @dst with @src's mode; with its time too if it is
    @src's content, so that objects seeded from @src's tree (seed_build())
    stay valid and make rebuilds only what differs."""
    dst.write_bytes(data)
    if src.is_file():
        shutil.copymode(src, dst)
        if src.read_bytes() == data:
            st = src.stat()
            os.utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns))


def digest(data):
    return hashlib.sha256(data).hexdigest()


def student_changes(tree):
    """What changed in a handout tree since it was written:
    [(path, 'changed'|'added'|'deleted')], or None if it is no handout."""
    try:
        manifest = json.loads((tree / MANIFEST).read_text())
    except (OSError, ValueError):
        return None
    files = manifest["files"]
    changes = []
    for f, d in sorted(files.items()):
        p = tree / f
        if not p.is_file():
            changes.append((f, "deleted"))
        elif digest(p.read_bytes()) != d:
            changes.append((f, "changed"))
    for p in sorted(tree.rglob("*")):
        rel = str(p.relative_to(tree))
        if p.is_file() and not skipped(rel) and rel not in files:
            changes.append((rel, "added"))
    return changes


def inside(path, top):
    try:
        path.resolve().relative_to(top.resolve())
        return True
    except ValueError:
        return False


def handout(lab, out, top, force=False):
    """Write the student tree for @lab to @out; returns the regions replaced.

    Refuses to write over a tree the student changed (unless @force), over
    a folder that is not a handout, or into the checkout where git would
    see it (it would then be copied into the next handouts).
    """
    if (top / MANIFEST).exists():
        raise LabError(f"{top} is a student tree: make handouts in the full Spindle tree")
    if inside(out, top) and not inside(out, top / DEFAULT_WORK) and subprocess.run(
            ["git", "-C", str(top), "check-ignore", "-q", str(out.resolve())]).returncode:
        raise LabError(f"{out} is inside the checkout and not ignored by git: "
                       f"use {DEFAULT_WORK}/lab-{lab} (the default) or a folder outside it")
    texts, total = handout_texts(lab, top)
    if out.exists() and any(out.iterdir()):
        changes = student_changes(out)
        how = f"make handout LAB={lab} DIR={out} FORCE=1"
        if changes is None:
            raise LabError(f"{out} exists and is not a handout (no {MANIFEST}): not "
                           f"touching it; choose another DIR")
        if changes and not force:
            shown = ", ".join(f"{f} ({h})" for f, h in changes[:5])
            more = f" and {len(changes) - 5} more" if len(changes) > 5 else ""
            raise LabError(f"{out}: the student's work would be lost: {len(changes)} "
                           f"file(s) changed since the handout: {shown}{more}.\n"
                           f"Move it away, or replace it anyway with: {how}")
        shutil.rmtree(out)
    for f, data in texts.items():
        dst = out / f
        dst.parent.mkdir(parents=True, exist_ok=True)
        write_like(dst, data, top / f)
    (out / MANIFEST).write_text(json.dumps(
        {"lab": lab, "files": {f: digest(d) for f, d in texts.items()}}, indent=0) + "\n")
    return total


# --- grading ---------------------------------------------------------------

def make_kernel(top, **kwargs):
    """Build @top's kernel on every CPU and return the subprocess result
    (in a handout seeded with this tree's objects, seed_build(), only the
    files with a region and their link are made again: keep regions out
    of headers, which every file includes). The caller's make flags are not passed on: under
    `make test` they name the outer make's jobserver, which -j would reset
    with a warning."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    return subprocess.run(["make", "-s", f"-j{os.cpu_count() or 1}", "-C", str(top),
                           "build/spindle.elf"], env=env, **kwargs)


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
    raise LabError(f"suite '{suite}' not found under {top}/tests/kernel")


PANIC = re.compile(r"(Kernel panic - not syncing.*|BUG: .*|kernel BUG at.*|Oops.*)")
EXPECTATION = re.compile(r"(EXPECTATION|ASSERTION) FAILED")


def first_failure(case):
    """The first failed expectation of @case's diagnostics (where, then
    what, as KUnit prints it), or its first diagnostic line."""
    log = [line.strip() for line in case.log if line.strip()]
    for i, line in enumerate(log):
        if EXPECTATION.search(line):
            rest = []
            for more in log[i + 1:i + 5]:
                if more.startswith("#"):
                    break
                rest.append(f"  {more}")
            return [line.lstrip("# ").split(": ", 1)[-1]] + rest
    return [line.lstrip("# ") for line in log[:1]] or ["(no message: read the log)"]


def why_not_run(boot, crashed):
    """Why the cases after @crashed (a case name or None) never ran."""
    panic = PANIC.search(boot.log)
    where = f" during {crashed}" if crashed else ""
    if panic:
        return f"the kernel crashed{where}: {panic.group(1).strip()}"
    if boot.how == "timeout":
        return f"the boot timed out after {boot.timeout}s{where}"
    if boot.how == "exited" and boot.status not in (qemu.EXIT_PASS, qemu.EXIT_FAIL):
        return f"the kernel stopped{where} (QEMU exit status {boot.status})"
    return f"the kernel stopped{where} before it"


def grade(lab, top, args=None, build=True, log_dir=None, log_prefix="", out=print,
          boots=None):
    """Build @top and score lab @lab's cases; returns (score, total).

    @args: the test runner's options (QEMU command, slots) when called from
    `make test`; a standalone grade makes its own. @build=False grades a
    kernel already built (the runner's own tree: several labs run at once,
    and parallel makes of one tree would trip over each other). @out prints
    a line (the runner collects them). @boots: {suite: (name, Boot)} of
    boots already made of this very kernel, on the lab's machine, that ran
    the suite among others (the runner's kunit_all): graded from their
    logs, and the grade says so, instead of booting once more.
    """
    title, _, suites = LABS[lab]
    cases = [(s, c) for s in suites for c in suite_cases(top, s)]
    out(f"== Lab {lab}: {title} ==")
    made = make_kernel(top, capture_output=True, text=True) if build else \
        subprocess.CompletedProcess([], 0, "", "")
    if made.returncode:
        for line in (made.stdout + made.stderr).splitlines()[-30:]:
            out(line)
        out(f"The kernel does not build (above): every case fails.")
        out(f"Score: 0/{len(cases)}")
        return 0, len(cases)
    log_dir = log_dir or top / "build/lab-logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    args = args or argparse.Namespace(qemu=["qemu-system-x86_64"], timeout=BOOT_TIMEOUT,
                                      qemu_slots=threading.BoundedSemaphore(1))
    verdicts = {}
    for suite in suites:
        if suite in (boots or {}):
            name, boot = boots[suite]
            out(f"{suite}: graded from the {name} boot ({shown_path(boot.log_path)}): "
                f"the same kernel ran every suite, this one among them")
        else:
            boot = qemu.qemu_boot(args, f"{log_prefix}lab{lab}-{suite}",
                                  f"kunit.filter_glob={suite}", elf=top / "build/spindle.elf",
                                  log_dir=log_dir, smp=LAB_SMP.get(lab, 1), extra=GRADE_QEMU)
        root = ktap.parse_ktap(boot.log)
        crashed, names = None, suite_cases(top, suite)
        for name, case in (ktap.ktap_cases(root) if root else []):
            if not name.startswith(f"{suite}."):
                continue            # another suite of a boot that ran them all
            m = re.fullmatch(rf"{re.escape(suite)}\.#(\d+)", name)
            if m and int(m.group(1)) <= len(names):
                name = f"{suite}.{names[int(m.group(1)) - 1]}"   # never printed its name
            if case.status == "ok":
                verdicts[name] = ("OK", [], boot)
            elif case.status == "skip":
                verdicts[name] = ("FAIL", [f"skipped: {case.reason}"], boot)
            elif case.missing and not case.log:
                verdicts[name] = ("NOT RUN", [why_not_run(boot, crashed)], boot)
            elif case.status == "crash":
                crashed = crashed or name
                verdicts[name] = ("FAIL", [why_not_run(boot, None).replace(
                    "the kernel crashed", "it crashed the kernel")], boot)
            else:
                verdicts[name] = ("FAIL", first_failure(case), boot)
        for case in names:
            name = f"{suite}.{case}"
            if name not in verdicts:
                verdicts[name] = ("NOT RUN", [why_not_run(boot, crashed) if root else
                                              "no KTAP output: the kernel never reached "
                                              "the tests"], boot)
    score = 0
    for suite, case in cases:
        verdict, why, boot = verdicts[f"{suite}.{case}"]
        score += verdict == "OK"
        out(f"{suite}.{case}: {verdict} ({int(verdict == 'OK')}/1)"
            + (f": {why[0]}" if verdict == "NOT RUN" else ""))
        if verdict == "FAIL":
            for line in why:
                out(f"    {line}")
            out(f"    log: {shown_path(boot.log_path)}")
    out(f"Score: {score}/{len(cases)}")
    return score, len(cases)


def shown_path(path):
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def region_spans(text):
    """The line spans [start, end) of the TODO regions of a handout file:
    the TODO line to the end of its block."""
    lines = text.splitlines(keepends=True)
    spans = []
    for i, line in enumerate(lines):
        if re.match(r"^\s*/\* TODO \(lab \d+\)", line):
            spans.append((i, block_end(lines, i + 1, width(line))))
    return spans


def outside_regions(reference, submitted):
    """Does @submitted differ from the handout text @reference anywhere but
    in its TODO regions (where the student writes)?"""
    ref, sub = reference.splitlines(keepends=True), submitted.splitlines(keepends=True)
    spans = region_spans(reference)
    for tag, i1, i2, _, _ in difflib.SequenceMatcher(None, ref, sub, autojunk=False).get_opcodes():
        if tag != "equal" and not any(s <= i1 and i2 <= e for s, e in spans):
            return True
    return False


def submission_changes(texts, sub):
    """The files of submission @sub that differ from the handout @texts
    outside the lab's regions: [(path, how)]."""
    files = {f for f in tree_files(sub) if f != MANIFEST}
    changes = []
    for f in sorted(set(texts) | files):
        if f not in files:
            changes.append((f, "deleted"))
        elif f not in texts:
            changes.append((f, "added"))
        else:
            data = (sub / f).read_bytes()
            if data == texts[f]:
                continue
            if f.endswith(SOURCE_SUFFIXES) and region_spans(texts[f].decode()):
                try:
                    if not outside_regions(texts[f].decode(), data.decode()):
                        continue
                except UnicodeDecodeError:
                    pass
            changes.append((f, "changed"))
    return changes


def grade_submission(lab, top, sub, args=None, scratch=None, log_dir=None, log_prefix="",
                     out=print, build_top=True):
    """Grade the student tree @sub with @top's tests, grader and case list:
    @sub is copied to @scratch, and @top's REFERENCE files over it.
    Returns (score, total, changes outside the regions)."""
    if not sub.is_dir():
        raise LabError(f"{sub}: no such folder")
    if inside(sub, top) and not inside(sub, top / DEFAULT_WORK):
        raise LabError(f"{sub} is inside this tree: give the student's tree")
    texts, _ = handout_texts(lab, top)
    changes = submission_changes(texts, sub)
    reference = [f for f in tree_files(top) if any(f == r or f.startswith(r) for r in REFERENCE)]
    scratch = scratch or top / "build/grade" / f"{sub.resolve().name}-lab{lab}"
    if scratch.exists():
        shutil.rmtree(scratch)
    if build_top and make_kernel(top).returncode:
        raise LabError(f"{top}: the reference tree does not build")
    files = {f: (sub / f).read_bytes() for f in tree_files(sub) if f != MANIFEST
             and not any(f == r or f.startswith(r) for r in REFERENCE)}
    files.update({f: (top / f).read_bytes() for f in reference})
    if (top / "build").is_dir():
        seed_build(top, scratch)
    for f, data in files.items():
        dst = scratch / f
        dst.parent.mkdir(parents=True, exist_ok=True)
        write_like(dst, data, top / f)
    out(f"Grading {sub} (lab {lab}) in {shown_path(scratch)}, with this tree's "
        f"{', '.join(REFERENCE)}")
    if changes:
        out(f"Files changed outside lab {lab}'s regions:")
        for f, how in changes:
            ref = " (replaced by the reference for grading)" if f in reference else ""
            out(f"  {f}: {how}{ref}")
    else:
        out(f"No file changed outside lab {lab}'s regions.")
    score, total = grade(lab, scratch, args=args, log_dir=log_dir, log_prefix=log_prefix,
                         out=out)
    return score, total, changes


def seed_build(src, dst):
    """Copy @src's kernel objects to @dst's build/, times kept, so that make
    there recompiles only the files that differ."""
    for sub in ("arch", "init", "kernel", "mm", "lib", "tests", "include", "fs", "user"):
        if (src / "build" / sub).is_dir():
            shutil.copytree(src / "build" / sub, dst / "build" / sub, dirs_exist_ok=True)
    for f in (src / "build").glob("*"):
        if f.is_file() and f.suffix in ("", ".o", ".S", ".s", ".d", ".txt"):
            (dst / "build").mkdir(parents=True, exist_ok=True)
            shutil.copy2(f, dst / "build" / f.name)


# --- command line ----------------------------------------------------------

def lab_number(text):
    if text == "all":
        return text
    try:
        n = int(text)
    except ValueError:
        n = None
    if n not in LABS:
        raise argparse.ArgumentTypeError(
            f"no lab {text!r}: the labs are {', '.join(map(str, sorted(LABS)))} "
            "(python3 tools/lab.py list)")
    return n


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    h = sub.add_parser("handout", help="write a student tree")
    h.add_argument("lab", type=lab_number, help="a lab number, or 'all'")
    h.add_argument("--out", type=Path, help=f"where (default: {DEFAULT_WORK}/lab-N)")
    h.add_argument("--force", action="store_true", help="replace a tree the student changed")
    g = sub.add_parser("grade", help="grade a tree")
    g.add_argument("lab", type=lab_number)
    g.add_argument("--tree", type=Path, default=Path("."), help="build and grade this tree")
    g.add_argument("--submission", type=Path,
                   help="grade this student tree with this tree's tests and grader")
    sub.add_parser("list", help="the labs")
    sub.add_parser("check", help="markers and stubs agree")
    a = p.parse_args()
    top = Path(".").resolve()
    try:
        if a.cmd == "list":
            for n, (title, doc, suites) in LABS.items():
                print(f"lab {n}: {title} ({doc}; suites: {', '.join(suites)})")
        elif a.cmd == "check":
            problems = check(top)
            print("\n".join(problems) or f"labs: {len(LABS)} labs, markers and stubs agree")
            return 1 if problems else 0
        elif a.cmd == "handout":
            if a.lab == "all" and a.out:
                raise LabError("handout all writes labs/work/lab-N: no --out")
            labs = sorted(LABS) if a.lab == "all" else [a.lab]
            refused = 0
            for lab in labs:
                out = (a.out or top / DEFAULT_WORK / f"lab-{lab}").absolute()
                try:
                    n = handout(lab, out, top, a.force)
                except LabError as e:
                    if len(labs) == 1:
                        raise
                    print(f"lab {lab}: {e}", file=sys.stderr)
                    refused += 1
                    continue
                print(f"lab {lab}: {n} regions to write; read {LABS[lab][1]} there, "
                      f"then run 'make grade LAB={lab}' there")
                print(out)
            return 1 if refused else 0
        else:
            if a.lab == "all":
                raise LabError("grade one lab at a time")
            if a.submission:
                score, total, _ = grade_submission(a.lab, top, a.submission.resolve())
            else:
                tree = a.tree.resolve()
                if (tree / MANIFEST).exists():
                    print(f"(a self-check with this tree's own tests; the teacher grades "
                          f"with the reference ones)")
                score, total = grade(a.lab, tree)
            return 0 if score == total else 1
    except LabError as e:
        print(f"lab.py: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
