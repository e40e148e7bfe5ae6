#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write a cpio "newc" archive (an initramfs) from a list of entries.

The list format is Linux's usr/gen_init_cpio one, one entry a line:
    dir   <name> <mode> <uid> <gid>
    file  <name> <location> <mode> <uid> <gid>
    nod   <name> <mode> <uid> <gid> <c|b> <maj> <min>
    slink <name> <target> <mode> <uid> <gid>
Modes are octal; '#' starts a comment. Relative locations are taken from
the current directory. Usage: gen_init_cpio.py LIST OUTPUT
Linux: usr/gen_init_cpio.c (which this rewrites in Python)
"""
import os
import stat
import sys


def header(ino, mode, uid, gid, nlink, size, rmaj, rmin, name):
    fields = [ino, mode, uid, gid, nlink, 0, size, 0, 0, rmaj, rmin, len(name) + 1, 0]
    hdr = b"070701" + b"".join(b"%08X" % f for f in fields)
    out = hdr + name.encode() + b"\0"
    return out + b"\0" * (-len(out) % 4)


def pad4(data):
    return data + b"\0" * (-len(data) % 4)


def build(lines):
    out, ino = [], 721
    for lineno, line in enumerate(lines, 1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        kind, args = words[0], words[1:]
        want = {"dir": 4, "file": 5, "nod": 7, "slink": 5}.get(kind)
        if want is None or len(args) != want:
            raise SystemExit(f"line {lineno}: cannot parse {line.strip()!r}")
        name = args[0].lstrip("/") or "."
        ino += 1
        if kind == "dir":
            mode, uid, gid = int(args[1], 8), int(args[2]), int(args[3])
            out.append(header(ino, stat.S_IFDIR | mode, uid, gid, 2, 0, 0, 0, name))
        elif kind == "file":
            with open(args[1], "rb") as f:
                data = f.read()
            mode, uid, gid = int(args[2], 8), int(args[3]), int(args[4])
            out.append(header(ino, stat.S_IFREG | mode, uid, gid, 1, len(data), 0, 0, name))
            out.append(pad4(data))
        elif kind == "nod":
            mode, uid, gid = int(args[1], 8), int(args[2]), int(args[3])
            kind_bits = {"c": stat.S_IFCHR, "b": stat.S_IFBLK}.get(args[4])
            if kind_bits is None:
                raise SystemExit(f"line {lineno}: device type must be c or b")
            out.append(header(ino, kind_bits | mode, uid, gid, 1, 0,
                              int(args[5]), int(args[6]), name))
        else:
            target = args[1].encode()
            mode, uid, gid = int(args[2], 8), int(args[3]), int(args[4])
            out.append(header(ino, stat.S_IFLNK | mode, uid, gid, 1, len(target), 0, 0, name))
            out.append(pad4(target))
    out.append(header(0, 0, 0, 0, 1, 0, 0, 0, "TRAILER!!!"))
    data = b"".join(out)
    return data + b"\0" * (-len(data) % 512)


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__.split("\n\n")[0] + "\nusage: gen_init_cpio.py LIST OUTPUT")
    with open(sys.argv[1]) as f:
        data = build(f.readlines())
    tmp = sys.argv[2] + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, sys.argv[2])


if __name__ == "__main__":
    main()
