# SPDX-License-Identifier: GPL-2.0
"""tools/qemu.mk for Python: how Spindle runs under QEMU.

The Makefile includes tools/qemu.mk; the test runner, the shell and GDB
tests, tools/lab.py and tools/boot-times.py read it through this module,
so the QEMU machine, the exit statuses and the UEFI firmware are written
once. Only the subset of make syntax qemu.mk promises is understood:
"NAME := value" / "NAME = value", backslash continuations, comments and
$(NAME) references; anything else is an error, not a silent guess.
"""
import re
import shlex
from pathlib import Path

QEMU_MK = Path(__file__).resolve().parent / "qemu.mk"
_ASSIGN = re.compile(r"^([A-Za-z_][A-Za-z_0-9]*)\s*:?=\s*(.*)$")
_REF = re.compile(r"\$\(([A-Za-z_][A-Za-z_0-9]*)\)")


def read(path=QEMU_MK):
    """The NAME -> raw value pairs of @path, references left unexpanded."""
    text = re.sub(r"\\\n\s*", " ", path.read_text())
    values = {}
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        m = _ASSIGN.match(line)
        if not m:
            raise ValueError(f"{path}: cannot read {line!r}")
        values[m.group(1)] = m.group(2).strip()
    return values


_VALUES = read()


def value(name, **extra):
    """qemu.mk's @name with every $(NAME) expanded; @extra supplies names
    the reader defines itself (OVMF_VARS_COPY)."""
    def expand(m):
        ref = m.group(1)
        if ref in extra:
            return str(extra[ref])
        if ref not in _VALUES:
            raise KeyError(f"{QEMU_MK}: $({ref}) is not defined")
        return value(ref, **extra)
    return _REF.sub(expand, _VALUES[name])


def flags(name, **extra):
    """qemu.mk's @name as a list of QEMU arguments."""
    return shlex.split(value(name, **extra))


EXIT_PASS = int(value("QEMU_EXIT_STATUS_SUCCESS"), 0)
EXIT_FAIL = int(value("QEMU_EXIT_STATUS_FAILURE"), 0)
