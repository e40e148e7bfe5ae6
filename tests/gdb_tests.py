# SPDX-License-Identifier: GPL-2.0
"""The scripted GDB session of `make test`: tools/gdb/spindle.py at work.

One QEMU boot, halted (-S) with its gdbstub on a free port, and one
`gdb -batch` that loads tools/gdb/spindle.py and drives the kernel:

  1. hbreak start_kernel, then software breakpoints from there on;
  2. spindle-kthread-path --name spindle_demo/2: the walk through the
     creation of the boot demo's third thread;
  3. a breakpoint in create_kthread, then copy_process, and `bt` there;
  4. spindle-kthread-path with no name: it follows the next creation,
     the boot demo's kthread worker;
  5. a breakpoint on show_tasks(), `finish`, then spindle-ps, spindle-dmesg,
     spindle-rq and spindle-trace, to compare with what the kernel printed;
  6. info threads (one per vCPU) and another CPU's $current().

The boot has SMP (4) CPUs, so the walk follows a creation whose creator,
kthreadd and new thread may each run on a CPU of their own.

Each check is one test line: the order of the walk, the backtrace, the
task list (against the kernel's own table in the serial log), the log
buffer (against the serial log), and rq/trace printing without error.
tests/runner.py calls run_gdb_helpers() from its table of boots.
"""
import re
import socket
import subprocess
import time
from pathlib import Path

SPINDLE_PY = Path("tools/gdb/spindle.py")
ELF = Path("build/spindle.elf")
MARK = "@@@ "            # printed between the session's parts

# The walk of tools/gdb/spindle.py, as docs/gdb.md documents it:
# (function, who runs it) for each step, in order.
CREATOR, KTHREADD, CHILD = "creator", "kthreadd", "child"
PATH = [
    ("kthread_create_on_node", CREATOR),
    ("__kthread_create_on_node", CREATOR),
    ("create_kthread", KTHREADD),
    ("kernel_clone", KTHREADD),
    ("copy_process", KTHREADD),
    ("wake_up_new_task", KTHREADD),
    ("ret_from_fork", CHILD),
    ("kthread", CHILD),
    ("complete", CHILD),
    ("schedule", CHILD),
    ("finish_task_switch", CREATOR),
]
# A worker's creation starts in kthread_create_worker_on_node() instead.
WORKER_PATH = [("kthread_create_worker_on_node", CREATOR)] + PATH[1:]

# The frames `bt` must show at copy_process, innermost first, in order.
BT_FRAMES = ["copy_process", "kernel_clone", "create_kthread", "kthreadd"]

# Tasks spindle-ps must list once the boot demo has run: comm -> parent pid.
PS_EXPECTED = {"swapper/0": 0, "init": 0, "kthreadd": 0, "spindle_demo/1": 2,
               "spindle_demo/2": 2, "spindle_demo/3": 2, "spindle_worker": 2}

STEP_LINE = re.compile(r"^\s*(\d+)\s+([\d-]+)\s+(\d+)\s+(\S+)\s+(\S+)-(\d+)\s+(.*)$")
PS_LINE = re.compile(r"^[>* ]\s*(\d+)\s+(\d+)\s+(\S+)\s+(\d+)\s+(\d+)\s+(all|[\d,-]+)\s+"
                     r"([0-9a-f]{8})\s.*?(\S+)$")
KERNEL_PS_LINE = re.compile(r"^\[\s*\d+\.\d+\]\s+(\d+)\s+(\d+)\s+(\S+)\s+\d+\s+(\d+)\s+(all|[\d,-]+)\s+"
                            r"([0-9a-f]{8})\s+(.*)$")
SMP = 4                 # the boot's CPUs: creator, kthreadd and child may each be on another
LOG_LINE = re.compile(r"^\[\s*\d+\.\d{6}\] ")


def session_commands(port):
    """The gdb -batch session, one -ex each; MARK lines split its output."""
    def part(name):
        return f"echo \\n{MARK}{name}\\n"
    return [
        "set pagination off", "set confirm off", "set width 0",
        "set architecture i386:x86-64",
        f"file {ELF}",
        f"target remote :{port}",
        f"source {SPINDLE_PY}",
        # Software breakpoints need the kernel in long mode: see spindle.gdb.
        "hbreak start_kernel", "continue", "delete",
        part("path"),
        "spindle-kthread-path --name spindle_demo/2",
        part("path-breakpoints"),
        "maint info breakpoints",
        part("bt"),
        "tbreak create_kthread", "continue",
        "tbreak copy_process", "continue",
        "bt",
        part("worker-path"),
        "spindle-kthread-path",
        # show_one() runs with tasklist_lock held (show_tasks()): what the
        # lock validator records for pid 1 there.
        part("held-locks"),
        "break show_tasks", "continue", "break show_one", "continue", "delete",
        "spindle-held-locks 1", "spindle-held-locks",
        part("ps"),
        "finish", "finish",
        "spindle-ps",
        part("task-mem"),
        "spindle-task-mem 2", "p/x (unsigned long)kthreadd_task - 0xffff888000000000",
        part("dmesg"),
        "spindle-dmesg",
        part("rq"),
        "spindle-rq",
        part("trace"),
        "spindle-trace",
        part("threads"),
        "info threads",
        part("other-cpu"),
        "thread 2", "p $current()->comm", "p ((struct pcpu_hot *)$gs_base)->cpu_number",
        "thread 1",
        part("end"),
        "kill",
    ]


def split_parts(out):
    parts, name = {}, "start"
    for line in out.splitlines():
        if line.startswith(MARK):
            name = line[len(MARK):].strip()
            continue
        parts.setdefault(name, []).append(line)
    return {k: "\n".join(v) for k, v in parts.items()}


# --- the checks: each returns a list of problems ---------------------------

def check_path(text, child_comm, path):
    """The walk printed every step of @path in order, in the right tasks."""
    steps = [m.groups() for m in map(STEP_LINE.match, text.splitlines()) if m]
    problems = []
    got = [s[3] for s in steps]
    want = [f for f, _ in path]
    if got != want:
        problems.append(f"functions in this order: {got}, expected {want}")
    if [int(s[0]) for s in steps] != list(range(1, len(steps) + 1)):
        problems.append("step numbers are not 1, 2, 3...")
    runs_in = {CREATOR: ("init", "1"), KTHREADD: ("kthreadd", "2")}
    for (n, _, cpu, function, comm, pid, _), (_, who) in zip(steps, path):
        if who == CHILD:
            ok = comm == child_comm and pid not in ("0", "1", "2")
        else:
            ok = (comm, pid) == runs_in[who]
        if not ok:
            problems.append(f"step {n} ({function}) ran in {comm}-{pid}, expected the {who}")
        if not 0 <= int(cpu) < SMP:
            problems.append(f"step {n} ({function}) ran on cpu {cpu}, not one of 0..{SMP - 1}")
    if f"done, {len(path)} steps; breakpoints removed" not in text:
        problems.append("no 'done, N steps; breakpoints removed' line")
    return problems


def check_breakpoints_removed(text):
    left = [f for f, _ in PATH if re.search(rf"\bin {re.escape(f)}\b", text)]
    return [f"breakpoints left after the walk: {left}"] if left else []


def check_backtrace(text):
    frames = re.findall(r"^#\d+\s+(?:0x[0-9a-f]+ in )?(\S+) \(", text, re.M)
    if frames[:1] != ["copy_process"]:
        return [f"not stopped in copy_process: frames {frames}"]
    at = 0
    for name in BT_FRAMES:
        if name not in frames[at:]:
            return [f"no {name} below {BT_FRAMES[BT_FRAMES.index(name) - 1]}: frames {frames}"]
        at = frames.index(name, at) + 1
    return []


def check_ps(text, serial_log):
    """spindle-ps lists what show_tasks() printed, with the same fields.

    States are compared only where they cannot change between the kernel's
    table and ours: the demo threads still running wake every tick.
    """
    rows, kthread_bits = {}, {}
    for line in text.splitlines():
        m = PS_LINE.match(line)
        if m:
            pid, ppid, state, _cpu, node, affinity, flags, comm = m.groups()
            rows[comm.strip("[]")] = (int(pid), int(ppid), state, flags, affinity, node)
            kthread_bits[comm.strip("[]")] = line.split()[-2]
    problems = []
    for comm, ppid in PS_EXPECTED.items():
        if comm not in rows:
            problems.append(f"no task {comm}")
        elif rows[comm][1] != ppid:
            problems.append(f"{comm}: parent pid {rows[comm][1]}, expected {ppid}")
    if {0, 1, 2} - {r[0] for r in rows.values()}:
        problems.append("pids 0, 1 and 2 are not all listed")
    kernel = [m.groups() for m in map(KERNEL_PS_LINE.match, serial_log.splitlines()) if m]
    if not kernel:
        problems.append("the serial log has no show_tasks() table to compare with")
    for pid, ppid, state, node, affinity, flags, comm in kernel:
        mine = rows.get(comm.strip().strip("[]"))
        if mine is None or (mine[0], mine[1], mine[3], mine[4], mine[5]) != (
                int(pid), int(ppid), flags, affinity, node):
            problems.append(f"kernel says {pid} {ppid} {state} {node} {affinity} {flags} {comm}, "
                            f"spindle-ps says {mine}")
    for cpu in range(SMP):
        if rows.get(f"migration/{cpu}", (0,) * 6)[4] != str(cpu):
            problems.append(f"migration/{cpu} is not shown bound to CPU {cpu}")
    parked = rows.get("spindle_demo/1")
    if parked and (parked[2], kthread_bits["spindle_demo/1"]) != ("P", "should_park"):
        problems.append(f"spindle_demo/1 (parked by the demo): state {parked[2]}, "
                        f"kthread bits {kthread_bits['spindle_demo/1']}")
    return problems


TASK_MEM_LINE = re.compile(r"^  (task_struct|struct kthread|stack page \d)\s+0x([0-9a-f]{16}) "
                           r"0x([0-9a-f]{16}) (\d+)$", re.M)


def check_task_mem(text):
    """spindle-task-mem 2: kthreadd's task_struct, struct kthread and four
    stack pages, each with a physical address and node 0 (one node); the
    task_struct's physical address is its direct-map address less PAGE_OFFSET."""
    rows = {m.group(1): m.groups()[1:] for m in TASK_MEM_LINE.finditer(text)}
    problems = []
    want = ["task_struct", "struct kthread"] + [f"stack page {i}" for i in range(4)]
    if sorted(rows) != sorted(want):
        problems.append(f"rows {sorted(rows)}, expected {want}")
    if any(node != "0" for _, _, node in rows.values()):
        problems.append("a node other than 0 on a one-node machine")
    m = re.search(r"^\$\d+ = 0x([0-9a-f]+)$", text, re.M)
    if not m or "task_struct" not in rows or int(rows["task_struct"][1], 16) != int(m.group(1), 16):
        problems.append("the task_struct's physical address is not __pa(kthreadd_task)")
    return problems


HELD_TASKLIST = (r"1 lock held by init/1:\n #0: [0-9a-f]{16} \(tasklist_lock\)"
                 r"\{[.+?-]{4}\}-\{3:3\}, at: show_tasks\+0x[0-9a-f]+\n")


def check_held_locks(text):
    """spindle-held-locks, in show_one(): pid 1 holds tasklist_lock, taken in
    show_tasks(); the list of all holders says so too."""
    problems = []
    if not re.search(HELD_TASKLIST, text):
        problems.append("spindle-held-locks 1 does not show tasklist_lock taken in show_tasks()")
    rest = text.split("Showing all locks held in the system:", 1)
    if len(rest) != 2:
        problems.append("spindle-held-locks without a pid printed no system-wide list")
    elif not re.search(HELD_TASKLIST, rest[1]):
        problems.append("the system-wide list lacks pid 1's tasklist_lock")
    return problems


def check_dmesg(text, serial_log):
    """Every line the console showed is in spindle-dmesg, in the same order."""
    problems = []
    if "Spindle version" not in text:
        problems.append("no 'Spindle version' banner")
    def log_lines(s):
        return [l.rstrip("\r") for l in s.splitlines() if LOG_LINE.match(l)]
    shown, mine = log_lines(serial_log), log_lines(text)
    at = 0
    for line in shown:
        try:
            at = mine.index(line, at) + 1
        except ValueError:
            problems.append(f"console line missing or out of order: {line!r}")
            break
    return problems


def check_rq_trace(rq, trace):
    problems = []
    if not re.search(r"^cpu \d: curr init-1 ", rq, re.M):
        problems.append("spindle-rq: no 'cpu N: curr init-1' line")
    cpus = [int(c) for c in re.findall(r"^cpu (\d+): curr ", rq, re.M)]
    if cpus != list(range(SMP)):
        problems.append(f"spindle-rq shows CPUs {cpus}, not 0..{SMP - 1}")
    if "# entries-in-buffer/entries-written:" not in trace:
        problems.append("spindle-trace: no ftrace header")
    for name, text in (("spindle-rq", rq), ("spindle-trace", trace)):
        if "Python Exception" in text or "Error occurred in Python" in text:
            problems.append(f"{name}: a Python error")
    return problems


# --- the test --------------------------------------------------------------

def check_threads(threads, other):
    """Every vCPU is a GDB thread; on thread 2, $current() is CPU 1's task."""
    problems = []
    ids = re.findall(r"^[* ]\s*(\d+)\s+Thread ", threads, re.M)
    if sorted(map(int, ids)) != list(range(1, SMP + 1)):
        problems.append(f"info threads lists threads {ids}, not 1..{SMP}")
    if not re.search(r"^\$\d+ = 1$", other, re.M):
        problems.append("thread 2's per-CPU area is not CPU 1's")
    if not re.search(r'^\$\d+ = "[^"]+"', other, re.M):
        problems.append("no comm for $current() on thread 2")
    return problems


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, seconds=10):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


def run_gdb_helpers(args, results, boot):
    """One boot under GDB; @boot is the runner's qemu_boot()."""
    name = "gdb_helpers"
    port = free_port()
    out, timing = [], {}

    def attach(_log):
        # A probe connection to the gdbstub is harmless: QEMU takes the
        # next one once it closes.
        if not wait_for_port(port):
            out.append("(QEMU's gdbstub never listened)")
            return True
        cmd = args.gdb + ["-batch", "-nx"]
        for c in session_commands(port):
            cmd += ["-ex", c]
        start = time.monotonic()
        try:
            proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True,
                                  errors="backslashreplace", timeout=args.timeout)
            out.append(proc.stdout)
        except subprocess.TimeoutExpired as e:
            out.append((e.stdout or b"").decode(errors="replace") + "\n(gdb timed out)")
        timing["gdb"] = time.monotonic() - start
        return True                     # GDB is done: kill QEMU

    started = time.monotonic()
    result = boot(args, name, "", extra=["-S", "-gdb", f"tcp:127.0.0.1:{port}"],
                  done=attach, smp=SMP)
    elapsed = time.monotonic() - started
    text = "".join(out)
    log_path = Path(result.log_path).with_suffix(".gdb.log")
    log_path.write_text(f"# gdb session {timing.get('gdb', 0):.1f}s, "
                        f"the whole boot under GDB {elapsed:.1f}s\n" + text)
    parts = split_parts(text)
    serial = result.log
    checks = [
        ("kthread_path_order", check_path(parts.get("path", ""), "spindle_demo/2", PATH)
         + check_breakpoints_removed(parts.get("path-breakpoints", ""))),
        ("kthread_path_worker", check_path(parts.get("worker-path", ""), "spindle_worker",
                                           WORKER_PATH)),
        ("copy_process_backtrace", check_backtrace(parts.get("bt", ""))),
        ("spindle_held_locks", check_held_locks(parts.get("held-locks", ""))),
        ("spindle_ps", check_ps(parts.get("ps", ""), serial)),
        ("spindle_task_mem", check_task_mem(parts.get("task-mem", ""))),
        ("spindle_dmesg", check_dmesg(parts.get("dmesg", ""), serial)),
        ("spindle_rq_trace", check_rq_trace(parts.get("rq", ""), parts.get("trace", ""))),
        ("info_threads", check_threads(parts.get("threads", ""), parts.get("other-cpu", ""))),
    ]
    for check, problems in checks:
        test = f"{name}.{check}"
        if problems:
            results.fail(test, problems[0], problems[1:8] + text.splitlines()[-10:], log_path)
        else:
            results.ok(test)
