#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Wall-clock boot times under QEMU, median of N boots, for the -kernel
(multiboot 1) path, the GRUB ISO (multiboot2) under BIOS, and the same ISO
under UEFI (OVMF, firmware start included): from starting QEMU to the
serial line "start_kernel: reached" and to "Spindle: boot finished".
Usage: tools/boot-times.py [N]   (after `make all build/spindle.iso`)
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import qemu_conf        # tools/qemu.mk

FLAGS = (["qemu-system-x86_64"] + qemu_conf.flags("QEMU_MACHINE")
         + qemu_conf.flags("QEMU_HEADLESS") + ["-m", "128M"])


def one_boot(media):
    with tempfile.NamedTemporaryFile(suffix=".log") as log:
        start = time.monotonic()
        proc = subprocess.Popen(FLAGS + ["-serial", f"file:{log.name}"] + media,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        marks = {}
        while len(marks) < 2 and time.monotonic() - start < 60:
            text = open(log.name, errors="replace").read()
            now = time.monotonic() - start
            for key, needle in (("start_kernel", "start_kernel: reached"),
                                ("boot_finished", "Spindle: boot finished")):
                if key not in marks and needle in text:
                    marks[key] = now
            time.sleep(0.005)
        proc.kill()
        proc.wait()
        return marks


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    vars_copy = "build/boot-times.OVMF_VARS.fd"
    shutil.copyfile(qemu_conf.value("OVMF_VARS"), vars_copy)
    uefi = qemu_conf.flags("QEMU_UEFI", OVMF_VARS_COPY=vars_copy)
    for name, media in (("-kernel", ["-kernel", "build/spindle.elf"]),
                        ("GRUB ISO", ["-cdrom", "build/spindle.iso"]),
                        ("UEFI ISO", uefi + ["-cdrom", "build/spindle.iso"])):
        runs = [one_boot(media) for _ in range(n)]
        for key in ("start_kernel", "boot_finished"):
            vals = [r[key] for r in runs if key in r]
            med = statistics.median(vals) * 1000 if vals else float("nan")
            print(f"{name:9s} {key:14s} median {med:7.0f} ms of {len(vals)} boots")


if __name__ == "__main__":
    os.chdir(os.path.dirname(os.path.abspath(__file__)) + "/..")
    main()
