# SPDX-License-Identifier: GPL-2.0
"""`make compile_commands.json` lists every kernel source file with the
command the build really runs for it.

Two sources the database does not come from are held against it:
  - the files: every .c and .S git knows outside the host-side and user
    folders (tests/host, user, labs, tools) must have an entry, and no
    entry may name another file;
  - the commands: `make -n -B V=1` prints each recipe make would run for
    build/spindle.elf, and the compile command in it must be the entry's,
    word for word (compiler, flags, include folders, output).

tests/runner.py calls run(); `python3 tests/compile_commands.py` runs it
alone (from the top of the tree, after `make`).
"""
import json
import re
import subprocess
import sys
from pathlib import Path

DATABASE = Path("compile_commands.json")
NOT_KERNEL = ("tests/host/", "user/", "labs/", "tools/")
# A compile step in a recipe line: "... -c -o OBJ SRC" or "... -S -o OUT SRC".
COMPILE = re.compile(r" -[cS] -o \S+ (\S+\.[cS])$")


def kernel_sources():
    out = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "*.c", "*.S"],
                         check=True, capture_output=True, text=True).stdout
    return {f for f in out.splitlines() if not f.startswith(NOT_KERNEL) and Path(f).is_file()}


def make_commands():
    """Source file -> the compile command make would run for it."""
    out = subprocess.run(["make", "-n", "-B", "V=1", "build/spindle.elf"],
                         capture_output=True, text=True, check=True).stdout
    commands = {}
    for line in out.splitlines():
        for step in line.split("; "):
            m = COMPILE.search(step)
            if m and not step.startswith(("echo", "printf")):
                commands[m.group(1)] = step.strip()
    return commands


def problems():
    build = subprocess.run(["make", "-s", str(DATABASE)], capture_output=True, text=True)
    if build.returncode:
        return [f"make {DATABASE} failed"] + (build.stdout + build.stderr).splitlines()[-10:]
    top = Path.cwd().resolve()
    entries = json.loads(DATABASE.read_text())
    listed = {}
    for e in entries:
        rel = str(Path(e["file"]).relative_to(top))
        if rel in listed:
            return [f"{rel} is listed twice"]
        if e["directory"] != str(top):
            return [f"{rel}: directory {e['directory']}, not {top}"]
        listed[rel] = e["command"]
    sources, commands = kernel_sources(), make_commands()
    out = [f"{f}: not in {DATABASE}" for f in sorted(sources - set(listed))]
    out += [f"{f}: listed, but not a kernel source" for f in sorted(set(listed) - sources)]
    for f in sorted(set(listed) & sources):
        if f not in commands:
            out.append(f"{f}: make -n -B prints no compile command for it")
        elif commands[f] != listed[f]:
            out.append(f"{f}: the database says {listed[f]!r}, make runs {commands[f]!r}")
    if not listed:
        out.append(f"{DATABASE} is empty")
    return out


def run(args, results):
    name = "compile_commands"
    found = problems()
    if found:
        results.fail(name, found[0], found[1:20])
    else:
        results.ok(f"{name} (every kernel .c and .S with the command make runs)")


if __name__ == "__main__":
    found = problems()
    print("\n".join(found) if found else "ok: every kernel .c and .S with the command make runs")
    sys.exit(1 if found else 0)
