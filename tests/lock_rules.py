# SPDX-License-Identifier: GPL-2.0
"""Every lock of the kernel says its rule where it is declared.

The test "lock_rules" finds each lock declared in the kernel's sources
(KERNEL_DIRS): DEFINE_SPINLOCK(), DEFINE_RAW_SPINLOCK() and DEFINE_MUTEX()
definitions, and variables or structure fields of type spinlock_t,
raw_spinlock_t or struct mutex. Each must carry a comment, on its own line
or on the line just above: what the lock guards (and whether interrupts
are off while it is held); a field's trailing comment on the line above
does not count. It fails listing the locks without one.

`python3 tests/lock_rules.py` runs the check alone and lists every lock
with its rule.
"""
import re
import sys
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
KERNEL_DIRS = ("arch", "drivers", "fs", "include", "init", "kernel", "lib", "mm")
LOCK_DECL = re.compile(
    r"^\s*(?:static\s+|extern\s+)?(?:"
    r"DEFINE_(?:RAW_)?SPINLOCK\(\s*(\w+)\s*\)|DEFINE_MUTEX\(\s*(\w+)\s*\)|"
    r"(?:raw_spinlock_t|spinlock_t|struct\s+mutex)\s+(\w+)\s*(?:=[^;]*)?;)")
COMMENT_LINE = re.compile(r"^\s*(/\*|\*|//).*?(\*/)?\s*$")


def kernel_sources(top=TOP):
    """The kernel's .c and .h files, sorted."""
    return sorted(p.relative_to(top) for d in KERNEL_DIRS for p in (top / d).rglob("*")
                  if p.suffix in (".c", ".h") and p.is_file())


def locks(files, top=TOP):
    """(place, name, rule or None) for every lock declared in @files."""
    found = []
    for rel in files:
        lines = (top / rel).read_text(errors="replace").splitlines()
        for n, line in enumerate(lines):
            if line.lstrip().startswith("#define"):
                continue
            m = LOCK_DECL.match(line)
            if not m:
                continue
            name = next(g for g in m.groups() if g)
            if "/*" in line or "//" in line:
                rule = line[line.index("/") :].strip()
            elif n and COMMENT_LINE.match(lines[n - 1]) and lines[n - 1].rstrip().endswith("*/"):
                rule = lines[n - 1].strip()
            else:
                rule = None
            found.append((f"{rel}:{n + 1}", name, rule))
    return found


def run(args, results):
    """The test "lock_rules" of make test."""
    name = "lock_rules"
    found = locks(kernel_sources())
    missing = [f"{place}: {lock} has no rule at its declaration"
               for place, lock, rule in found if rule is None]
    if missing:
        results.fail(name, f"{len(missing)} of {len(found)} locks without a rule", missing)
    elif not found:
        results.fail(name, "no lock found: the search is broken")
    else:
        results.ok(f"{name} ({len(found)} locks, each with its rule)")


def main():
    found = locks(kernel_sources())
    for place, lock, rule in found:
        print(f"{place}: {lock}: {rule or 'NO RULE'}")
    missing = sum(1 for f in found if f[2] is None)
    print(f"{len(found)} locks, {missing} without a rule")
    return 1 if missing or not found else 0


if __name__ == "__main__":
    sys.exit(main())
