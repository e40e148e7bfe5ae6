# SPDX-License-Identifier: GPL-2.0
"""ACPI tables made on purpose, for boots that hand them to QEMU
(-acpitable file=...): a malformed SRAT, a SLIT that makes no sense.
QEMU adds such a table to its own list as it is (it fixes the checksum),
so the kernel's checks, not QEMU's, decide what happens.

The layouts are the ACPI specification's (6.x, 5.2.16 SRAT, 5.2.17 SLIT).
"""
import struct


def table(signature, body, revision=1):
    """A whole table: the 36-byte header, then @body, summing to 0."""
    header = struct.pack("<4sIBB6s8sI4sI", signature, 36 + len(body), revision, 0,
                         b"SPNDL ", b"SPINDLE ", 1, b"SPDL", 1)
    data = bytearray(header + body)
    data[9] = -sum(data) & 0xff
    return bytes(data)


def srat_malformed():
    """An SRAT whose first entry (offset 0x30) says its length is 0."""
    memory_affinity = struct.pack("<BBIHQQIIQ", 1, 0, 0, 0, 0, 0x8000000, 0, 1, 0)
    return table(b"SRAT", struct.pack("<IQ", 1, 0) + memory_affinity, revision=3)


def srat_hotplug():
    """One node: CPU (APIC 0) and the first 128 MiB, plus a hot-pluggable
    range at 4 GiB that the kernel must ignore (and say so)."""
    cpu = struct.pack("<BBBBIB3sI", 0, 16, 0, 0, 1, 0, b"\0\0\0", 0)
    ram = struct.pack("<BBIHQQIIQ", 1, 40, 0, 0, 0, 0x8000000, 0, 1, 0)
    hotplug = struct.pack("<BBIHQQIIQ", 1, 40, 0, 0, 0x100000000, 0x40000000, 0, 1 | 2, 0)
    return table(b"SRAT", struct.pack("<IQ", 1, 0) + cpu + ram + hotplug, revision=3)


def slit_bad_local(nodes=2):
    """A SLIT where each node is 20 from itself (must be 10)."""
    matrix = bytes(20 if i == j else 30 for i in range(nodes) for j in range(nodes))
    return table(b"SLIT", struct.pack("<Q", nodes) + matrix)


def write(path, data):
    """Write @data to @path and return QEMU's flags to add it."""
    path.write_bytes(data)
    return ["-acpitable", f"file={path}"]
