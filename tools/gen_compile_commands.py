#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write compile_commands.json (the JSON compilation database clangd and
clang-tidy read) from the commands the build really ran.

`make compile_commands.json` passes the kernel's objects; next to each,
the build left Kbuild's .cmd file (build/kernel/.fork.o.cmd) holding

    savedcmd_build/kernel/fork.o := gcc -std=gnu11 ... -c -o build/kernel/fork.o kernel/fork.c

and each such line becomes one entry: the folder make ran in, the source
file (the command's last word), and the command. Linux's counterpart is
scripts/clang-tools/gen_compile_commands.py, which walks the tree for the
.cmd files instead of being told the objects.

Usage: tools/gen_compile_commands.py -o compile_commands.json OBJECT...
"""
import argparse
import json
import os
import shlex
import sys
from pathlib import Path

SOURCE_SUFFIXES = (".c", ".S")


def cmd_file(obj):
    """Kbuild's name for @obj's .cmd file: a dot before the file name."""
    return obj.with_name(f".{obj.name}.cmd")


def entry(obj, top):
    """The database entry for @obj, from its .cmd file."""
    path = cmd_file(obj)
    try:
        text = path.read_text()
    except OSError as e:
        sys.exit(f"gen_compile_commands: {path}: {e.strerror} (was {obj} built by make?)")
    prefix = f"savedcmd_{obj} := "
    line = next((l for l in text.splitlines() if l.startswith(prefix)), None)
    if line is None:
        sys.exit(f"gen_compile_commands: {path} has no '{prefix.strip()}' line")
    command = line[len(prefix):]
    source = shlex.split(command)[-1]
    if not source.endswith(SOURCE_SUFFIXES):
        sys.exit(f"gen_compile_commands: {path}: the command does not end with a "
                 f"{' or '.join(SOURCE_SUFFIXES)} file: {command}")
    return {"directory": str(top), "file": str((top / source).resolve()),
            "command": command}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("objects", nargs="+", type=Path)
    a = p.parse_args()
    top = Path(os.getcwd())
    entries = sorted((entry(obj, top) for obj in a.objects), key=lambda e: e["file"])
    tmp = a.output.with_name(a.output.name + ".tmp")
    tmp.write_text(json.dumps(entries, indent=2) + "\n")
    tmp.replace(a.output)


if __name__ == "__main__":
    main()
