# SPDX-License-Identifier: GPL-2.0
"""Linux's scripts/kernel-doc over every C source and header of the tree.

The test "kernel_doc" passes when Linux 6.1's kernel-doc, run as
`kernel-doc -v -none` (-v adds the checks for a missing "Return:" section
and a description that comes before the sections), prints no warning and
no error, and no comment opens with "/**" and closes on the same line:
kernel-doc silently skips those, so a one-line kernel-doc is documentation
the tool never checks. It fails on the first of either, listing them all.

tools/install-deps.sh unpacks scripts/kernel-doc into build/kernel-doc/.
`python3 tests/kernel_doc.py [FILE...]` runs the same check alone (on the
whole tree without arguments) and prints what it finds.
"""
import os
import re
import subprocess
import sys
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
KERNEL_DOC = TOP / "build/kernel-doc/linux-source-6.1/scripts/kernel-doc"
# Directories that hold no Spindle sources of their own (for a tree without git).
SKIP_DIRS = {"build", ".git", "__pycache__", "labs/work"}
ONE_LINE = re.compile(r"^\s*/\*\*.*\*/\s*$")
SCANNED = re.compile(r": info: Scanning doc for (\w+) (\S+)")


def sources(top=TOP):
    """Every .c and .h file of the tree, sorted.

    The files git knows or would add (tracked, or new and not ignored: so
    build/ and students' labs/work/ are out); without git, a walk that
    skips SKIP_DIRS.
    """
    try:
        out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard",
                              "--", "*.c", "*.h"], cwd=top, capture_output=True, text=True,
                             check=True).stdout
        return sorted({Path(f) for f in out.splitlines() if (top / f).is_file()})
    except (OSError, subprocess.CalledProcessError):
        pass
    found = []
    for dirpath, dirnames, filenames in os.walk(top):
        rel = Path(dirpath).relative_to(top)
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS
                       and str(rel / d) not in SKIP_DIRS]
        found += [rel / f for f in filenames if f.endswith((".c", ".h"))]
    return sorted(found)


def one_line_comments(files, top=TOP):
    """file:line: text, for each "/** ... */" comment on a single line."""
    found = []
    for rel in files:
        text = (top / rel).read_text(errors="replace")
        for n, line in enumerate(text.splitlines(), 1):
            if ONE_LINE.match(line):
                found.append(f"{rel}:{n}: {line.strip()}")
    return found


def check(files, top=TOP):
    """Run the check: (problems, number of kernel-doc comments read)."""
    if not KERNEL_DOC.is_file():
        return [f"{KERNEL_DOC.relative_to(top)} missing: tools/install-deps.sh "
                "unpacks it"], 0
    try:
        proc = subprocess.run(["perl", str(KERNEL_DOC), "-v", "-none"] + [str(f) for f in files],
                              cwd=top, stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, errors="replace")
    except OSError as e:
        return [f"cannot run perl ({e.strerror}): tools/install-deps.sh installs it"], 0
    out = proc.stdout + proc.stderr
    problems = [line for line in out.splitlines()
                if ": warning:" in line or ": error:" in line or "Can't locate" in line]
    if proc.returncode and not problems:
        problems.append(f"kernel-doc exited with status {proc.returncode}")
    problems += [f"{p} (kernel-doc skips one-line /** comments: open it on its own line)"
                 for p in one_line_comments(files, top)]
    return problems, len(SCANNED.findall(out))


def run(args, results):
    """The test "kernel_doc" of make test."""
    name = "kernel_doc"
    files = sources()
    problems, comments = check(files)
    if problems:
        results.fail(name, f"{len(problems)} problems in {len(files)} files", problems)
    elif not files or comments == 0:
        results.fail(name, f"kernel-doc read {comments} comments in {len(files)} files")
    else:
        results.ok(f"{name} ({comments} comments in {len(files)} files, 0 warnings)")


def main():
    files = [Path(f).resolve() for f in sys.argv[1:]] or sources()
    problems, comments = check(files)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problems, {comments} kernel-doc comments in {len(files)} files")
    return 1 if problems or not comments else 0


if __name__ == "__main__":
    sys.exit(main())
