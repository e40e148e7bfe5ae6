# SPDX-License-Identifier: GPL-2.0
"""Linux 6.1's figures for `make bench` to print beside Spindle's.

Where they come from (issue 13): Debian's 6.1 kernel in QEMU 7.2 under
`-icount shift=0` (guest instructions, so the figures repeat exactly),
booted with `mitigations=off`, no lockdep, no slub_debug: a production
build. An out-of-tree module timed each operation with rdtsc_ordered(),
median of 2,000. Units are Spindle's bench units (cycles: TSC ticks, one
per guest instruction under -icount shift=0; bytes).

Keys are Spindle's BENCH names; a figure Linux has no counterpart for is
simply absent. kthread_mem_beyond_stack: "about 9.5 KiB" in the issue.
"""

SOURCE = "Linux 6.1 (Debian), QEMU 7.2 -icount shift=0, median of 2000 (issue 13)"

LINUX_6_1 = {
    "kthread_create_wake_stop": 48926,
    "context_switch": 2447,
    "spin_lock_unlock": 21.1,
    "complete_wait_done": 128,
    "kmalloc_kfree_64": 275,
    "kthread_mem_beyond_stack": 9728,
}


def beside(name, value):
    """' linux-6.1 N xR' for a figure Linux has, R = Spindle / Linux; else ''."""
    linux = LINUX_6_1.get(name)
    try:
        ours = float(value)
    except ValueError:
        return ""
    if not linux:
        return ""
    return f"  linux-6.1 {linux:g}  x{ours / linux:.2f}"


def derived(figures, suffix=""):
    """Lines computed from Spindle's figures: how creation cost grows with
    the number of live threads (issue 13's goal: at most 1.1x at 2,000).
    @suffix ("_debug") goes after each name, as after the figures'."""
    lines = []
    base = figures.get("kthread_create_10_live")
    for n in (100, 1000, 2000, 10000):
        other = figures.get(f"kthread_create_{n}_live")
        if base and other and float(base):
            lines.append(f"kthread_create_{n}_vs_10_live{suffix} "
                         f"{float(other) / float(base):.2f} x")
    return lines
