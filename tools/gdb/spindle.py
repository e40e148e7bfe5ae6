# SPDX-License-Identifier: GPL-2.0
"""GDB helpers for Spindle, loaded by tools/gdb.sh (`make gdb`).

They read the kernel's own data structures through its debug info, in the
spirit of Linux's scripts/gdb (lx-ps, lx-dmesg), and work on a running,
stopped or crashed kernel alike:

  spindle-ps             the task list, from init_task (pid 0)
  spindle-task-mem PID   where a task's task_struct, struct kthread and stack lie:
                         physical addresses and NUMA nodes
  spindle-dmesg          the printk log buffer, with timestamps
  spindle-rq             each CPU's run queue: fair tree by vruntime, RT queues
  spindle-trace          the trace ring buffer, in ftrace's text format
  spindle-held-locks     the locks a task holds, as the lock validator sees them
  spindle-kthread-path   follow one kthread creation, step by step
  spindle-fork-path      follow one user fork(), step by step (spindle_fork.py)
  $container_of(p, "struct T", "member")   the kernel's container_of()

`help spindle-ps` (and so on) tells more. docs/gdb.md shows a session.
The layouts read here are those of kernel/printk.c (struct printk_log),
kernel/trace/trace.c (struct trace_entry), kernel/sched/sched.h (struct rq)
and include/linux/sched.h (struct task_struct); field offsets come from the
debug info, so only the names must stay in step with the C code.
"""
import fnmatch
import shlex
import struct

import gdb

# --- reading the kernel ------------------------------------------------

_types = {}


def lookup_type(name):
    """A type by name ("struct task_struct"), cached; the debug info is fixed."""
    if name not in _types:
        _types[name] = gdb.lookup_type(name)
    return _types[name]


def offset_of(type_name, member):
    """offsetof(type, member), with dotted members: offset_of(t, "se.run_node")."""
    t, off = lookup_type(type_name), 0
    for name in member.split("."):
        field = next(f for f in t.strip_typedefs().fields() if f.name == name)
        off += field.bitpos // 8
        t = field.type
    return off


def container_of(ptr, type_name, member):
    """The struct holding the member at address @ptr (an int or a gdb.Value)."""
    addr = int(ptr) - offset_of(type_name, member)
    return gdb.Value(addr).cast(lookup_type(type_name).pointer()).dereference()


def list_for_each_entry(head, type_name, member):
    """Yield each entry of the list whose struct list_head is @head (a value)."""
    head_addr = int(head.address)
    node = head["next"]
    seen = 0
    while int(node) != head_addr:
        yield container_of(node, type_name, member)
        node = node["next"]
        seen += 1
        if seen > 100000:
            raise gdb.GdbError("list at 0x%x does not end: corrupted?" % head_addr)


def read_bytes(addr, length):
    return bytes(gdb.selected_inferior().read_memory(int(addr), length))


def c_string(addr, limit=256):
    """The NUL-terminated string at @addr (at most @limit bytes), or None for NULL."""
    addr = int(addr)
    if not addr:
        return None
    data = b""
    while len(data) < limit:
        chunk = read_bytes(addr + len(data), min(64, limit - len(data)))
        data += chunk
        if b"\0" in chunk:
            break
    return data.split(b"\0")[0].decode(errors="backslashreplace")


def array_string(value):
    """A char array field (comm[16]) as a str, up to its first NUL."""
    data = read_bytes(value.address, value.type.sizeof)
    return data.split(b"\0")[0].decode(errors="backslashreplace")


def u64(value):
    return int(value) & 0xFFFFFFFFFFFFFFFF


def symbol_name(addr):
    """The function at @addr as "name", or its hex address."""
    addr = int(addr)
    if not addr:
        return "NULL"
    block = gdb.block_for_pc(addr)
    while block is not None and block.function is None:
        block = block.superblock
    if block is not None and block.function is not None:
        return block.function.name
    sym = gdb.execute("info symbol 0x%x" % addr, to_string=True).split()
    return sym[0] if sym and sym[0] != "No" else "0x%x" % addr


def current_task():
    """This CPU's current task: GS base -> struct pcpu_hot -> current_task.

    QEMU's gdbstub reports the GS base as the register $gs_base; a GDB that
    does not know it (or a kernel stopped before setup_per_cpu_areas_for()
    loaded GS) falls back to CPU 0's area, which is right on one CPU.
    """
    pcpu_hot = lookup_type("struct pcpu_hot").pointer()
    try:
        gs_base = u64(gdb.parse_and_eval("$gs_base"))
    except gdb.error:
        gs_base = 0
    if gs_base:
        return gdb.Value(gs_base).cast(pcpu_hot)["current_task"].dereference()
    return gdb.parse_and_eval("pcpu_hot_area[0].current_task").dereference()


def current_cpu():
    """The CPU number of the vCPU GDB has selected (pcpu_hot.cpu_number through GS)."""
    try:
        gs_base = u64(gdb.parse_and_eval("$gs_base"))
    except gdb.error:
        gs_base = 0
    if not gs_base:
        return 0
    return int(gdb.Value(gs_base).cast(lookup_type("struct pcpu_hot").pointer())["cpu_number"])


def cpulist(bits, nbits=64):
    """"0-2,5" for a bitmap, as the kernel's %*pbl prints it."""
    runs, n = [], 0
    while n < nbits:
        if not bits >> n & 1:
            n += 1
            continue
        start = n
        while n + 1 < nbits and bits >> (n + 1) & 1:
            n += 1
        runs.append(str(start) if start == n else "%d-%d" % (start, n))
        n += 1
    return ",".join(runs)


def task_affinity(task):
    """What kernel/ps.c prints in AFFINITY: "all", or the CPU list of a restricted task."""
    bits = u64(task["cpus_mask"]["bits"][0])
    possible = u64(gdb.parse_and_eval("__cpu_possible_mask")["bits"][0])
    return "all" if possible & ~bits == 0 else cpulist(bits)


# --- addresses and nodes (arch/x86/include/asm/page.h, include/linux/mm.h) ---

PAGE_SHIFT = 12
PAGE_OFFSET = 0xffff888000000000        # the direct map
START_KERNEL_MAP = 0xffffffff80000000   # the kernel image
VMALLOC_START, VMALLOC_END = 0xffffc90000000000, 0xffffe8ffffffffff
PTE_PFN_MASK = 0x000ffffffffff000
PAGE_PRESENT, PAGE_PSE = 0x1, 0x80
NODES_SHIFT = 3                         # include/linux/numa.h
THREAD_SIZE = 16 << 10                  # arch/x86/include/asm/thread_info.h (a macro: not in the debug info)


def read_u64(addr):
    return struct.unpack("<Q", read_bytes(addr, 8))[0]


def virt_to_phys(addr):
    """The physical address behind kernel address @addr: the direct map
    and the image by arithmetic, vmalloc space by walking init_top_pgt
    (4 levels, 2 MiB and 1 GiB pages too). None if it is not mapped."""
    addr = u64(addr)
    if START_KERNEL_MAP <= addr:
        return addr - START_KERNEL_MAP
    if PAGE_OFFSET <= addr < VMALLOC_START:
        return addr - PAGE_OFFSET
    table = u64(gdb.parse_and_eval("init_top_pgt"))
    for level, shift in enumerate((39, 30, 21, 12)):
        entry = read_u64(table + ((addr >> shift) & 511) * 8)
        if not entry & PAGE_PRESENT:
            return None
        if level == 3 or (level in (1, 2) and entry & PAGE_PSE):
            return (entry & PTE_PFN_MASK & ~((1 << shift) - 1)) | (addr & ((1 << shift) - 1))
        table = PAGE_OFFSET + (entry & PTE_PFN_MASK)
    return None


def phys_to_nid(phys):
    """page_to_nid() of the frame at @phys: the top NODES_SHIFT bits of its page->flags."""
    page = gdb.parse_and_eval("mem_map") + (phys >> PAGE_SHIFT)
    return u64(page.dereference()["flags"]) >> (64 - NODES_SHIFT)


def task_stack_node(task):
    """kernel/ps.c's task_stack_node(): the node of the first page of @task's stack."""
    phys = virt_to_phys(task["stack"])
    return phys_to_nid(phys) if phys is not None else -1


def task_at(addr):
    """The struct task_struct at address @addr."""
    return gdb.Value(int(addr)).cast(lookup_type("struct task_struct").pointer()).dereference()


def task_name(task):
    """ftrace's "comm-pid" for a task."""
    return "%s-%d" % (array_string(task["comm"]), int(task["pid"]))


def for_each_task():
    """pid 0 (init_task), then every task on its tasks list: for_each_process()."""
    init_task = gdb.parse_and_eval("init_task")
    yield init_task
    yield from list_for_each_entry(init_task["tasks"], "struct task_struct", "tasks")


def enum_values(type_name):
    """{name: value} of an enum in the debug info."""
    return {f.name: f.enumval for f in lookup_type(type_name).fields()}


# ps's one-letter states, in the order kernel/ps.c task_state_name() tests them.
TASK_STATES = [
    (0x0040, "P"),          # TASK_PARKED
    (0x0080, "X"),          # TASK_DEAD
    (0x0800, "N"),          # TASK_NEW
    (0x0102, "D+K"),        # TASK_KILLABLE (both bits)
    (0x0002, "D"),          # TASK_UNINTERRUPTIBLE
    (0x0001, "S"),          # TASK_INTERRUPTIBLE
]
PF_KTHREAD = 0x00200000
EXIT_ZOMBIE = 0x20


def task_state_name(task):
    if int(task["exit_state"]) == EXIT_ZOMBIE:
        return "Z"
    state = int(task["__state"])
    if state == 0:
        return "R"
    for mask, name in TASK_STATES:
        if state & mask == mask:
            return name
    return "?"


def kthread_of(task):
    """The task's struct kthread (private to kernel/kthread.c), or None."""
    if not int(task["flags"]) & PF_KTHREAD or not int(task["worker_private"]):
        return None
    return task["worker_private"].cast(lookup_type("struct kthread").pointer()).dereference()


def kthread_flags(kthread):
    """The KTHREAD_* bits that are set, as words: "should_stop,should_park"."""
    flags = int(kthread["flags"])
    names = []
    for name, bit in sorted(enum_values("enum KTHREAD_BITS").items(), key=lambda e: e[1]):
        if flags >> bit & 1:
            names.append(name[len("KTHREAD_"):].lower())
    return ",".join(names) or "-"


def require_kernel(name):
    """Refuse to run without a kernel to read. With only the ELF file
    loaded, GDB would read the file's initial data (init_task alone, an
    empty log buffer) and a helper would print it as if it were the
    kernel's state."""
    if gdb.selected_thread() is None:
        raise gdb.GdbError("%s: not connected to a kernel (make gdb connects; or "
                           "target remote :PORT to a QEMU started with -gdb)" % name)


class SpindleCommand(gdb.Command):
    """A command whose run() reads kernel memory: say plainly when it cannot."""

    def invoke(self, arg, from_tty):
        require_kernel(self._name)
        try:
            self.run(arg, from_tty)
        except gdb.MemoryError as e:
            raise gdb.GdbError("%s: %s (is the kernel running in 64-bit mode yet? "
                               "hbreak start_kernel and continue first)" % (self._name, e))

    def __init__(self, name, command_class):
        super().__init__(name, command_class)
        self._name = name


# --- spindle-ps ----------------------------------------------------------

class SpindlePs(SpindleCommand):
    """List every task, as the kernel's show_tasks() does: spindle-ps

Walks the task list from the idle task init_task (pid 0), like
for_each_process(). Columns: PID, PPID (the real parent), STATE (R running
or runnable, S interruptible, D uninterruptible, D+K killable, P parked,
N new, Z zombie, X dead), CPU (where it runs or ran last), NODE (the NUMA
node its kernel stack lies on), AFFINITY (the CPUs
it may run on: "all", or a list such as "3" for a bound task), FLAGS (PF_*),
KTHREAD (for kthreads, the
bits of their struct kthread: should_stop, should_park, is_per_cpu; "-"
for none) and COMM, in [brackets] for kthreads, with the full name when
comm cut it. ">" marks the task running on the CPU GDB has selected (the
vCPU of `thread N`: CPU N-1), "*" those running on the other CPUs now."""

    def __init__(self):
        super().__init__("spindle-ps", gdb.COMMAND_DATA)

    def run(self, arg, from_tty):
        if arg.strip():
            raise gdb.GdbError("spindle-ps takes no arguments")
        try:
            current = int(current_task().address)
        except gdb.error:
            current = 0
        running = set()
        runqueues = gdb.parse_and_eval("runqueues")
        for cpu in range(runqueues.type.range()[1] + 1):
            running.add(u64(runqueues[cpu]["curr"]))
        out = ["    PID  PPID STATE CPU NODE AFFINITY FLAGS    KTHREAD      COMM\n"]
        for task in for_each_task():
            parent = task["real_parent"]
            ppid = int(parent["pid"]) if int(parent) else 0
            kthread = kthread_of(task)
            name = array_string(task["comm"])
            if kthread is not None and int(kthread["full_name"]):
                name = c_string(kthread["full_name"]) or name
            if int(task["flags"]) & PF_KTHREAD:
                name = "[%s]" % name
            addr = int(task.address)
            mark = ">" if addr == current else "*" if addr in running else " "
            out.append("%s %5d %5d %-5s %3d %4d %-8s %08x %-12s %s\n" % (
                mark, int(task["pid"]), ppid, task_state_name(task), int(task["cpu"]),
                task_stack_node(task), task_affinity(task), int(task["flags"]) & 0xFFFFFFFF,
                kthread_flags(kthread) if kthread is not None else "", name))
        gdb.write("".join(out))


# --- spindle-task-mem ------------------------------------------------------

class SpindleTaskMem(SpindleCommand):
    """Where a task's memory lies: spindle-task-mem PID

Prints the virtual and physical address, and the NUMA node (page_to_nid()
of the frame), of the task_struct, of its struct kthread (kthreads only)
and of each page of its kernel stack (vmalloc space: physical pages need
not be contiguous). After kthread_create_on_node(..., node, ...) all of
them should be on that node, or on the nearest node with memory if that
node has none (see docs/creation-path.md, "Where the node goes")."""

    def __init__(self):
        super().__init__("spindle-task-mem", gdb.COMMAND_DATA)

    def run(self, arg, from_tty):
        try:
            pid = int(arg)
        except ValueError:
            raise gdb.GdbError("usage: spindle-task-mem PID")
        task = next((t for t in for_each_task() if int(t["pid"]) == pid), None)
        if task is None:
            raise gdb.GdbError("no task with pid %d" % pid)
        rows = [("task_struct", u64(task.address))]
        kthread = kthread_of(task)
        if kthread is not None:
            rows.append(("struct kthread", u64(kthread.address)))
        for i in range(THREAD_SIZE >> PAGE_SHIFT):
            rows.append(("stack page %d" % i, u64(task["stack"]) + (i << PAGE_SHIFT)))
        out = ["%s (pid %d)\n" % (array_string(task["comm"]), pid),
               "  %-15s %-18s %-18s %s\n" % ("WHAT", "VIRTUAL", "PHYSICAL", "NODE")]
        for what, virt in rows:
            phys = virt_to_phys(virt)
            out.append("  %-15s 0x%016x %-18s %s\n" % (
                what, virt, "0x%016x" % phys if phys is not None else "not mapped",
                phys_to_nid(phys) if phys is not None else "-"))
        gdb.write("".join(out))


# --- spindle-held-locks --------------------------------------------------

def lock_class_name(cls):
    """A lock class's name as lockdep prints it: name, #version, /subclass."""
    name = c_string(cls["name"]) if int(cls["name"]) else "NULL"
    if int(cls["name_version"]) > 1:
        name += "#%d" % int(cls["name_version"])
    if int(cls["subclass"]):
        name += "/%d" % int(cls["subclass"])
    return name


def lock_usage_chars(cls):
    """The "{+.+.}" letters of get_usage_chars() (kernel/locking/lockdep.c)."""
    mask, out = int(cls["usage_mask"]), ""
    for state in range(2):                  # HARDIRQ, SOFTIRQ
        for read in range(2):
            used_in, enabled = 1 << (state * 4 + read), 1 << (state * 4 + read + 2)
            if mask & enabled:
                out += "?" if mask & used_in else "+"
            else:
                out += "-" if mask & used_in else "."
    return out


def held_lock_lines(task):
    """lockdep_print_held_locks()'s lines for @task."""
    depth = int(task["lockdep_depth"])
    who = "%s/%d" % (array_string(task["comm"]), int(task["pid"]))
    if not depth:
        return ["no locks held by %s.\n" % who]
    classes = gdb.parse_and_eval("lock_classes")
    out = ["%d lock%s held by %s:\n" % (depth, "s" if depth > 1 else "", who)]
    for i in range(min(depth, int(task["held_locks"].type.range()[1]) + 1)):
        hlock = task["held_locks"][i]
        cls = classes[int(hlock["class_idx"])]
        ip = u64(hlock["acquire_ip"])
        out.append(" #%d: %016x (%s){%s}-{%d:%d}, at: %s\n" % (
            i, u64(hlock["instance"]), lock_class_name(cls), lock_usage_chars(cls),
            int(cls["wait_type_inner"]), int(cls["wait_type_inner"]), symbol_offset(ip)))
    return out


def symbol_offset(addr):
    """@addr as "function+0xoffset" (the kernel's %pS without the size)."""
    sym = gdb.execute("info symbol 0x%x" % addr, to_string=True).split()
    if not sym or sym[0] == "No":
        return "0x%x" % addr
    return "%s+0x%x" % (sym[0], int(sym[2]) if len(sym) > 2 and sym[1] == "+" else 0)


class SpindleHeldLocks(SpindleCommand):
    """Print the locks a task holds, as the lock validator records them:
spindle-held-locks [PID]

Reads task_struct->held_locks (kernel/locking/lockdep.c), oldest first,
in the format of lockdep_print_held_locks(): the lock's address, its class
(the variable's name, "/1" for a nesting level), its usage letters and
where it was taken. Without PID, every task that holds a lock, as Linux's
debug_show_all_locks() ("Showing all locks held in the system:"). Locks an
interrupt handler holds are on the interrupted task's list."""

    def __init__(self):
        super().__init__("spindle-held-locks", gdb.COMMAND_DATA)

    def run(self, arg, from_tty):
        args = arg.split()
        if len(args) > 1 or (args and not args[0].isdigit()):
            raise gdb.GdbError("usage: spindle-held-locks [PID]")
        try:
            lookup_type("struct held_lock")
        except gdb.error:
            raise gdb.GdbError("spindle-held-locks: this kernel has no lock validator "
                               "(built with CONFIG_LOCKDEP=0)")
        if int(gdb.parse_and_eval("debug_locks")) == 0:
            gdb.write("INFO: lockdep is turned off.\n")
        if args:
            for task in for_each_task():
                if int(task["pid"]) == int(args[0]):
                    gdb.write("".join(held_lock_lines(task)))
                    return
            raise gdb.GdbError("spindle-held-locks: no task with pid %s" % args[0])
        out = ["\nShowing all locks held in the system:\n"]
        for task in for_each_task():
            if int(task["lockdep_depth"]):
                out += held_lock_lines(task)
        out.append("\n=============================================\n\n")
        gdb.write("".join(out))


# --- spindle-dmesg -------------------------------------------------------

class SpindleDmesg(SpindleCommand):
    """Print the kernel log buffer: spindle-dmesg [-l]

Reads log_buf as kernel/printk.c writes it: records of a struct printk_log
header (ts_nsec, len, text_len, level) and the text, from log_first_idx
(the oldest kept) to log_next_seq; a header with len 0 marks the wrap to
offset 0. Every record is printed, whatever its level and console_loglevel.
-l prefixes each line with its level, <0> (emerg) to <7> (debug).
A line still being built by pr_cont() is not in log_buf yet."""

    def __init__(self):
        super().__init__("spindle-dmesg", gdb.COMMAND_DATA)

    def run(self, arg, from_tty):
        args = shlex.split(arg)
        if args not in ([], ["-l"]):
            raise gdb.GdbError("usage: spindle-dmesg [-l]")
        show_level = args == ["-l"]
        buf = u64(gdb.parse_and_eval("log_buf"))
        buf_len = int(gdb.parse_and_eval("log_buf_len"))
        idx = int(gdb.parse_and_eval("log_first_idx"))
        seq = int(gdb.parse_and_eval("log_first_seq"))
        next_seq = int(gdb.parse_and_eval("log_next_seq"))
        if seq == next_seq:
            return
        hdr = lookup_type("struct printk_log").sizeof
        fields = {f: offset_of("struct printk_log", f)
                  for f in ("ts_nsec", "len", "text_len", "level")}
        # One read of the buffer: records are many and small.
        data = read_bytes(buf, buf_len)
        out = []
        while seq < next_seq:
            if idx + hdr > buf_len:
                raise gdb.GdbError("log_buf: record %d at %d runs past the end" % (seq, idx))
            length = struct.unpack_from("<H", data, idx + fields["len"])[0]
            if length == 0:             # the wrap marker
                idx = 0
                continue
            ts = struct.unpack_from("<Q", data, idx + fields["ts_nsec"])[0]
            text_len = struct.unpack_from("<H", data, idx + fields["text_len"])[0]
            level = data[idx + fields["level"]]
            text = data[idx + hdr:idx + hdr + text_len].decode(errors="backslashreplace")
            prefix = "<%d>" % level if show_level else ""
            out.append("%s[%5d.%06d] %s\n" % (prefix, ts // 1000000000,
                                              ts % 1000000000 // 1000, text))
            idx += length
            seq += 1
        gdb.write("".join(out))


# --- spindle-rq ----------------------------------------------------------

def rb_inorder(node):
    """Yield the nodes of an rbtree, smallest first (iteratively)."""
    stack = []
    while stack or int(node):
        while int(node):
            stack.append(node)
            node = node["rb_left"]
        node = stack.pop()
        yield node
        node = node["rb_right"]


def describe_task(task):
    return "%s (0x%x)" % (task_name(task), int(task.address)) if task is not None else "-"


class SpindleRq(SpindleCommand):
    """Show each CPU's run queue: spindle-rq [CPU]

From runqueues[cpu] (kernel/sched/sched.h): curr, idle, nr_running, the
fair class's queue (cfs_rq: min_vruntime and the tasks_timeline rbtree in
vruntime order; the running fair task is not in the tree, it is cfs.curr),
and the RT class's queues, one list per priority."""

    def __init__(self):
        super().__init__("spindle-rq", gdb.COMMAND_DATA)

    def run(self, arg, from_tty):
        runqueues = gdb.parse_and_eval("runqueues")
        nr_cpus = runqueues.type.range()[1] + 1
        cpus = range(nr_cpus)
        if arg.strip():
            cpus = [int(arg)]
        for cpu in cpus:
            rq = runqueues[cpu]
            if not int(rq["curr"]) and arg.strip() == "":
                continue                # a CPU that never came up
            self.show(cpu, rq)

    @staticmethod
    def show(cpu, rq):
        w = gdb.write
        curr = rq["curr"].dereference() if int(rq["curr"]) else None
        w("cpu %d: curr %s, nr_running %d, nr_switches %d, clock %d\n" % (
            cpu, describe_task(curr), int(rq["nr_running"]), int(rq["nr_switches"]),
            u64(rq["clock"])))
        idle = rq["idle"].dereference() if int(rq["idle"]) else None
        w("  idle %s\n" % describe_task(idle))
        cfs = rq["cfs"]
        w("  cfs: nr_running %d, load %d, min_vruntime %d\n" % (
            int(cfs["nr_running"]), int(cfs["load"]), u64(cfs["min_vruntime"])))
        def entity(what, task):
            se = task["se"]
            w("    %-8s %-24s vruntime %d  weight %d  sum_exec_runtime %d\n" % (
                what, task_name(task), u64(se["vruntime"]), int(se["weight"]),
                u64(se["sum_exec_runtime"])))
        if int(cfs["curr"]):
            entity("running", container_of(cfs["curr"], "struct task_struct", "se"))
        # Smallest vruntime first: the order pick_next_task_fair() takes them.
        for node in rb_inorder(cfs["tasks_timeline"]["rb_root"]["rb_node"]):
            entity("queued", container_of(node, "struct task_struct", "se.run_node"))
        rt = rq["rt"]
        w("  rt: rt_nr_running %d\n" % int(rt["rt_nr_running"]))
        queues = rt["queue"]
        for prio in range(queues.type.range()[1] + 1):
            tasks = list(list_for_each_entry(queues[prio], "struct task_struct", "rt.run_list"))
            if tasks:
                w("    prio %2d: %s\n" % (prio, " ".join(task_name(t) for t in tasks)))


# --- spindle-trace -------------------------------------------------------

class SpindleTrace(SpindleCommand):
    """Print the trace ring buffer in ftrace's text format: spindle-trace

What trace_print() prints, read from trace_buffer, trace_head (the next
entry to write, ever increasing) and trace_count (entries written since
the last clear), oldest first. Events are recorded only when enabled:
boot with trace_event=all (or a list of names)."""

    def __init__(self):
        super().__init__("spindle-trace", gdb.COMMAND_DATA)

    def run(self, arg, from_tty):
        buf = gdb.parse_and_eval("trace_buffer")
        entries = buf.type.range()[1] + 1
        head = int(gdb.parse_and_eval("trace_head"))
        count = int(gdb.parse_and_eval("trace_count"))
        n = min(count, entries)
        names = {v: k[len("TRACE_"):] for k, v in enum_values("enum trace_event_id").items()}
        t = "struct trace_entry"
        size = lookup_type(t).sizeof
        off = {f: offset_of(t, f) for f in ("ts", "cpu", "pid", "id", "comm", "text")}
        comm_len = lookup_type(t)["comm"].type.sizeof
        text_len = lookup_type(t)["text"].type.sizeof
        data = read_bytes(buf.address, entries * size) if n else b""
        out = ["# tracer: nop\n",
               "# entries-in-buffer/entries-written: %d/%d\n" % (n, count),
               "#           TASK-PID     CPU#  TIMESTAMP  FUNCTION\n"]
        for i in range(head - n, head):
            e = (i % entries) * size
            ts = struct.unpack_from("<Q", data, e + off["ts"])[0]
            cpu, pid = struct.unpack_from("<ii", data, e + off["cpu"])
            event = struct.unpack_from("<H", data, e + off["id"])[0]

            def text(field, length):
                raw = data[e + off[field]:e + off[field] + length]
                return raw.split(b"\0")[0].decode(errors="backslashreplace")
            out.append("%16s-%-7d [%03d] %5d.%06d: %s: %s\n" % (
                text("comm", comm_len), pid, cpu, ts // 1000000000, ts % 1000000000 // 1000,
                names.get(event, "?"), text("text", text_len)))
        gdb.write("".join(out))


# --- spindle-kthread-path -------------------------------------------------

# The breakpoints of the walk, in the order they fire for one creation:
# (function, who runs it, creation-path step of docs/creation-path.md).
# Each step happens only after the one before it, whatever the scheduler
# decides: a step in another task waits for something this one does.
# Step 3 (the creator's wait_for_completion_killable()) is left out for that
# reason: the creator may reach it before or after kthreadd runs.
PATH_STEPS = [
    ("kthread_create_on_node", "creator", "1"),
    ("__kthread_create_on_node", "creator", "2"),
    ("create_kthread", "kthreadd", "4-5"),
    ("kernel_clone", "kthreadd", "6"),
    ("copy_process", "kthreadd", "7"),
    ("wake_up_new_task", "kthreadd", "8"),
    ("ret_from_fork", "child", "9"),
    ("kthread", "child", "9"),
    ("complete", "child", "10"),
    ("schedule", "child", "11"),
    ("finish_task_switch", "creator", "12"),
]
# The kernel's high mapping (linker.ld): below it, head.S still runs from
# the low identity mapping and int3 cannot be written at kernel addresses.
KERNEL_START = 0xffffffff80000000
# A worker's creation starts here instead of kthread_create_on_node().
WORKER_START = "kthread_create_worker_on_node"
CREATOR_STEPS = ("kthread_create_on_node", WORKER_START, "__kthread_create_on_node")
# Not a step: where the creator records KT_CREATE_RETURN, which tells the
# walk that a creator that never slept again has its thread (see Walk).
RETURN_PROBE = "kthread_create_step"
# The last two steps race on several CPUs (see Walk.at_finish_task_switch).
COMPLETE_AT = [f for f, _, _ in PATH_STEPS].index("complete")


def kthreadd_task():
    """kthreadd's task address (0 before rest_init() made it)."""
    return u64(gdb.parse_and_eval("kthreadd_task"))


def frame_arg(frame, name):
    """An argument of the function stopped at its breakpoint."""
    return frame.read_var(name)


class PathBreakpoint(gdb.Breakpoint):
    """One software breakpoint of the walk; stop() reports to the walk.

    stop() must not resume, step or change breakpoints (GDB's rule); it
    only reads, prints, and says whether to stop: False to go on, True
    at the end of the walk (Walk.on_stop() then deletes the breakpoints).
    """

    def __init__(self, walk, function):
        super().__init__(function, internal=True)
        self.walk, self.function = walk, function

    def stop(self):
        try:
            return self.walk.hit(self.function)
        except Exception as e:          # never leave the kernel running blind
            gdb.write("%s: error at %s: %s; stopping\n"
                      % (getattr(self.walk, "command", "spindle-kthread-path"), self.function, e))
            self.walk.failed = True
            return True


class Walk:
    """Follow one kthread creation through the PATH_STEPS breakpoints.

    Without a name, the walk follows the first creation that starts; with
    one (an fnmatch pattern), the creator's first steps are held until
    kthreadd shows the name (create->full_name), then printed or dropped.
    The creation is tied together by pointers: the request (create), its
    completion (create->done, on the creator's stack), the child task
    (wake_up_new_task's argument).
    """

    active = None

    def __init__(self, pattern, max_steps):
        self.pattern, self.max_steps = pattern, max_steps
        self.done_at = len(PATH_STEPS) if max_steps is None else min(max_steps, len(PATH_STEPS))
        self.waiting = {}       # creator address -> its steps, not yet printed
        self.creator = None     # the creator followed (address)
        self.create = None      # struct kthread_create_info * (address)
        self.completion = None  # create->done
        self.child = None       # the new task (address)
        self.printed = 0        # steps printed so far; PATH_STEPS[printed] is next
        self.failed = False
        self.breakpoints = []
        self.held = None        # the creator's last step, seen before the child's schedule
        self.end_note = None    # what on_stop() says about where the kernel stopped

    # -- set up and tear down --

    def arm(self):
        functions = [f for f, _, _ in PATH_STEPS] + [WORKER_START]
        # On one CPU a woken creator always comes back through
        # finish_task_switch(); the probe is for a creator on another CPU.
        if bin(u64(gdb.parse_and_eval("__cpu_online_mask")["bits"][0])).count("1") > 1:
            functions.append(RETURN_PROBE)
        for function in functions:
            try:
                self.breakpoints.append(PathBreakpoint(self, function))
            except gdb.error as e:
                self.delete()
                raise gdb.GdbError("spindle-kthread-path: cannot break at %s: %s" % (function, e))
        gdb.events.stop.connect(self.on_stop)
        Walk.active = self

    def delete(self):
        for bp in self.breakpoints:
            if bp.is_valid():
                bp.delete()
        self.breakpoints = []

    def on_stop(self, event):
        """Any stop ends the walk (its last step, Ctrl-C, another breakpoint)."""
        gdb.events.stop.disconnect(self.on_stop)
        self.delete()
        Walk.active = None
        if self.failed:
            gdb.write("spindle-kthread-path: walk ended, breakpoints removed.\n")
            return
        if self.printed >= self.done_at:
            gdb.write("spindle-kthread-path: done, %d steps; breakpoints removed.\n"
                      % self.printed)
            if self.printed == len(PATH_STEPS) and self.end_note:
                gdb.write(self.end_note)
        else:
            gdb.write("spindle-kthread-path: stopped after %d of %d steps; walk ended, "
                      "breakpoints removed.\n" % (self.printed, len(PATH_STEPS)))

    # -- the steps --

    def emit(self, function, task, text, cpu=None):
        """Print the next step; True when it is the last one wanted."""
        _, _, path_step = PATH_STEPS[self.printed]
        self.printed += 1
        self.print_line(self.printed, path_step, current_cpu() if cpu is None else cpu,
                        function, task, text)
        return self.printed >= self.done_at

    @staticmethod
    def print_line(n, path_step, cpu, function, task, text):
        gdb.write("%4d %5s %3d  %-29s %-18s %s\n" % (n, path_step, cpu, function, task, text))

    @staticmethod
    def header():
        gdb.write("step  path cpu  %-29s %-18s %s\n" % ("function", "task", "what happens"))

    def expecting(self, function):
        return self.printed < len(PATH_STEPS) and PATH_STEPS[self.printed][0] == function

    def hit(self, function):
        # Cheap test first: most hits (complete, schedule...) are not ours.
        if self.create is None:
            if function not in CREATOR_STEPS and function != "create_kthread":
                return False
        elif not self.expecting(function) and not (
                function in ("finish_task_switch", RETURN_PROBE) and self.printed > COMPLETE_AT):
            return False
        frame = gdb.selected_frame()
        current = current_task()
        me = int(current.address)
        handler = getattr(self, "at_" + function)
        return bool(handler(frame, current, me))

    def creator_step(self, me, current, function, text):
        """Steps 1-2 run in the creator before the name is known."""
        if self.create is not None or (self.creator is not None and self.creator != me):
            return False
        if self.pattern is None:
            if function == "__kthread_create_on_node":
                if self.printed > 1:
                    return False
                self.printed = 1        # (the walk may start between steps 1 and 2)
            elif self.printed:
                return False
            self.creator = me
            return self.emit(function, task_name(current), text)
        steps = self.waiting.setdefault(me, [])
        if function != "__kthread_create_on_node":
            steps.clear()
        steps.append((function, current_cpu(), task_name(current), text))
        return False

    def at_kthread_create_on_node(self, frame, current, me):
        text = "the request, on the creator's stack: threadfn=%s data=0x%x node=%d" % (
            symbol_name(frame_arg(frame, "threadfn")), u64(frame_arg(frame, "data")),
            int(frame_arg(frame, "node")))
        return self.creator_step(me, current, "kthread_create_on_node", text)

    def at_kthread_create_worker_on_node(self, frame, current, me):
        text = "a kthread_worker's request (threadfn=kthread_worker_fn) node=%d" % (
            int(frame_arg(frame, "node")))
        return self.creator_step(me, current, "kthread_create_worker_on_node", text)

    def at___kthread_create_on_node(self, frame, current, me):
        fmt = c_string(frame_arg(frame, "namefmt"))
        text = ("kmalloc a copy, name it from \"%s\", queue it on kthread_create_list, "
                "wake kthreadd, wait for done" % fmt)
        return self.creator_step(me, current, "__kthread_create_on_node", text)

    def at_create_kthread(self, frame, current, me):
        if me != kthreadd_task() or self.create is not None:
            return False
        create = frame_arg(frame, "create")
        name = c_string(create["full_name"]) or "?"
        completion = u64(create["done"])
        creator = self.find_creator(completion)
        if self.pattern is not None:
            held = self.waiting.pop(creator, [])
            if not fnmatch.fnmatchcase(name, self.pattern):
                return False
            for function, cpu, task, text in held:
                if self.printed >= self.done_at:
                    break
                _, _, path_step = PATH_STEPS[self.printed]
                self.printed += 1
                self.print_line(self.printed, path_step, cpu, function, task, text)
            if self.printed < 2:
                self.printed = 2        # the walk began mid-creation
            self.creator = creator
        elif self.creator is None:
            self.printed = 2            # the walk began mid-creation
            self.creator = creator
        elif creator != self.creator:
            return False
        if self.printed >= self.done_at:
            return True
        if creator is None:
            gdb.write("spindle-kthread-path: create->done of \"%s\" is NULL: its creator gave "
                      "up (killed), nobody will be woken; see docs/creation-path.md\n" % name)
            return True
        self.create, self.completion = u64(create), completion
        text = "kthreadd took create=0x%x \"%s\" off the list; kernel_clone_args: fn=kthread" % (
            self.create, name)
        return self.emit("create_kthread", task_name(current), text)

    def find_creator(self, completion):
        """The task whose stack holds the completion create->done points at."""
        thread_size = self.thread_size()
        for task in for_each_task():
            stack = u64(task["stack"])
            if stack <= completion < stack + thread_size:
                return int(task.address)
        return None

    @staticmethod
    def thread_size():
        """THREAD_SIZE (a macro): the running task's stack top minus its bottom."""
        try:
            gs_base = u64(gdb.parse_and_eval("$gs_base"))
        except gdb.error:
            gs_base = 0
        hot = (gdb.Value(gs_base).cast(lookup_type("struct pcpu_hot").pointer()).dereference()
               if gs_base else gdb.parse_and_eval("pcpu_hot_area[0]"))
        size = u64(hot["top_of_stack"]) - u64(hot["current_task"]["stack"])
        return size if 0 < size <= 1 << 20 else 16384     # THREAD_SIZE today

    def kthreadd_step(self, function, current, me, text):
        if me != kthreadd_task() or self.create is None or not self.expecting(function):
            return False
        return self.emit(function, task_name(current), text)

    def at_kernel_clone(self, frame, current, me):
        return self.kthreadd_step("kernel_clone", current, me,
                                  "copy_process(), then wake_up_new_task(): returns the pid")

    def at_copy_process(self, frame, current, me):
        args = frame_arg(frame, "args")
        text = ("builds the child as a copy of kthreadd (dup_task_struct ... alloc_pid): "
                "flags=0x%x fn=%s" % (u64(args["flags"]), symbol_name(args["fn"])))
        return self.kthreadd_step("copy_process", current, me, text)

    def at_wake_up_new_task(self, frame, current, me):
        if me != kthreadd_task() or self.create is None or not self.expecting("wake_up_new_task"):
            return False
        p = frame_arg(frame, "p").dereference()
        self.child = int(p.address)
        text = ("the child %s (TASK_NEW) becomes TASK_RUNNING, queued on the CPU "
                "select_task_rq() picks (forked on cpu %d)" % (task_name(p), int(p["cpu"])))
        return self.emit("wake_up_new_task", task_name(current), text)

    def child_step(self, function, current, me, text):
        if me != self.child or not self.expecting(function):
            return False
        return self.emit(function, task_name(current), text)

    def at_ret_from_fork(self, frame, current, me):
        return self.child_step("ret_from_fork", current, me,
                               "the child's first instructions: schedule_tail(), then "
                               "fn(fn_arg) from copy_thread()'s frame")

    def at_kthread(self, frame, current, me):
        text = ("kthread(create=0x%x): xchg(&create->done, NULL) takes the completion"
                % u64(frame_arg(frame, "_create")))
        return self.child_step("kthread", current, me, text)

    def at_complete(self, frame, current, me):
        if u64(frame_arg(frame, "x")) != self.completion:
            return False
        creator = task_at(self.creator)
        state = task_state_name(creator)
        if state == "R":
            how = "state R: preempted before it could wait"
        else:
            how = "state %s, in wait_for_completion_killable()" % state
        text = "complete(done=0x%x) wakes the creator %s (%s)" % (
            self.completion, task_name(creator), how)
        return self.child_step("complete", current, me, text)

    def at_schedule(self, frame, current, me):
        text = "sleeps in state %s until wake_up_process() or kthread_stop()" % (
            task_state_name(current))
        if me != self.child or not self.expecting("schedule"):
            return False
        if self.emit("schedule", task_name(current), text):
            return True
        if self.held is None:
            return False
        # The creator got there first, on another CPU: its step, held until now.
        function, cpu, task, text = self.held
        self.end_note = ("  The creator finished on cpu %d while the child was still on its "
                         "way to sleep:\n  the kernel stopped in the child's schedule(); "
                         "`spindle-ps` shows both.\n" % cpu)
        return self.emit(function, task, text, cpu)

    def creator_last_step(self, function, current, text):
        """The creator's step 11: printed now, or held until the child's schedule()."""
        if self.expecting("finish_task_switch"):
            if function == "finish_task_switch":
                self.end_note = ("  The creator has just been switched back in: `bt` shows "
                                 "where; `finish` up to\n  __kthread_create_on_node() to see "
                                 "it return create->result, the new task.\n")
            else:
                self.end_note = ("  The creator did not sleep after complete(): it stopped "
                                 "in kthread_create_step(KT_CREATE_RETURN);\n  `finish` to "
                                 "see __kthread_create_on_node() return create->result.\n")
            return self.emit(function, task_name(current), text)
        self.held = (function, current_cpu(), task_name(current), text)
        return False

    def at_kthread_create_step(self, frame, current, me):
        """The creator reached KT_CREATE_RETURN without being switched back in.

        On several CPUs a creator woken while it was still on its CPU (it
        had not reached its wait, or not left the CPU yet) never sleeps:
        its wait finds done completed. There is no finish_task_switch()
        to show then; this is where it has its thread.
        """
        if me != self.creator or self.held is not None or self.printed >= len(PATH_STEPS):
            return False
        if int(frame_arg(frame, "step")) != enum_values("enum kthread_step")["KT_CREATE_RETURN"]:
            return False
        text = ("never slept after complete(): its wait found done completed; "
                "create->result is the new task")
        return self.creator_last_step("__kthread_create_on_node", current, text)

    def at_finish_task_switch(self, frame, current, me):
        """The creator back on a CPU after complete(), before or after the child's schedule().

        On one CPU the child sleeps first, then the creator runs. On several
        the creator may run on another CPU as soon as complete() woke it,
        while the child is still on its way into schedule(): the two last
        steps are printed in the table's order anyway.
        """
        if (me != self.creator or self.held is not None or self.printed <= COMPLETE_AT
                or self.printed >= len(PATH_STEPS)):
            return False
        callers = self.callers(frame)
        if "wait_for_completion_killable" in callers:
            text = "back on the CPU: schedule() returns into wait_for_completion_killable(); " \
                   "create->result is the new task"
        else:
            # Preempted before it could wait: name where, past the scheduler.
            scheduler = ("context_switch", "__schedule", "schedule", "preempt_schedule",
                         "preempt_schedule_common", "preempt_schedule_irq")
            last = max((i for i, n in enumerate(callers) if n in scheduler), default=-1)
            text = "back on the CPU where it was preempted (%s); its wait will find done " \
                   "completed" % " <- ".join(callers[last + 1:last + 4])
        return self.creator_last_step("finish_task_switch", current, text)

    @staticmethod
    def callers(frame, last="__kthread_create_on_node", limit=16):
        """Function names from @frame's caller up to @last (reading frames only)."""
        names = []
        frame = frame.older()
        while frame is not None and len(names) < limit:
            names.append(frame.name() or "??")
            if names[-1] == last:
                break
            frame = frame.older()
        return names


class SpindleKthreadPath(SpindleCommand):
    """Walk through one kthread creation: spindle-kthread-path [--name PATTERN] [--steps N] [--no-continue]

Sets a software breakpoint on each function of the creation path, then
continues the kernel. At each hit that belongs to the creation followed,
it prints the step number, the step of docs/creation-path.md, the CPU
it ran on, the function, the task it runs in (current, read from the
per-CPU area that GS points at: on several CPUs, the vCPU that hit the
breakpoint) and what happens there, and lets the kernel go on:

  kthread_create_on_node, __kthread_create_on_node    (the creator)
  create_kthread, kernel_clone, copy_process,
  wake_up_new_task                                     (kthreadd)
  ret_from_fork, kthread, complete, schedule           (the new thread)
  finish_task_switch                                   (the creator, woken)

After the last step (or N steps) the kernel stops there and the
breakpoints are deleted; any other stop (Ctrl-C, your own breakpoint)
ends the walk too.

--name PATTERN   follow the creation of a thread whose full name matches
                 (fnmatch: spindle_demo/2, 'spindle_demo/*'); by default
                 the first creation that starts. The name is known once
                 kthreadd has the request: steps 1-2 are printed then.
--steps N        stop after N steps (with --name, not before step 3)
--no-continue    set the breakpoints but do not continue (type continue)

The breakpoints are software ones (int3 written into the code): set them
once the kernel runs in 64-bit mode, e.g. after `make gdb` stops in
start_kernel."""

    def __init__(self):
        super().__init__("spindle-kthread-path", gdb.COMMAND_BREAKPOINTS)

    def run(self, arg, from_tty):
        pattern, max_steps, go = None, None, True
        words = shlex.split(arg)
        try:
            while words:
                word = words.pop(0)
                if word == "--name":
                    pattern = words.pop(0)
                elif word == "--steps":
                    max_steps = int(words.pop(0))
                    if max_steps < 1:
                        raise ValueError
                elif word == "--no-continue":
                    go = False
                else:
                    raise ValueError
        except (IndexError, ValueError):
            raise gdb.GdbError("usage: spindle-kthread-path [--name PATTERN] [--steps N] "
                               "[--no-continue]")
        if Walk.active is not None:
            raise gdb.GdbError("spindle-kthread-path: a walk is already armed")
        try:
            pc = u64(gdb.selected_frame().pc())
        except gdb.error:
            raise gdb.GdbError("spindle-kthread-path: not connected to a kernel (target remote first)")
        if pc < KERNEL_START:
            raise gdb.GdbError("spindle-kthread-path: the kernel is not running in 64-bit mode "
                               "yet, so software breakpoints cannot be written: hbreak "
                               "start_kernel and continue first (make gdb does)")
        walk = Walk(pattern, max_steps)
        walk.arm()
        gdb.write("spindle-kthread-path: %d breakpoints set; following %s\n" % (
            len(walk.breakpoints),
            "the next creation" if pattern is None else "the creation of '%s'" % pattern))
        Walk.header()
        if go:
            gdb.execute("continue", from_tty)


class ContainerOf(gdb.Function):
    """Return the struct holding a member: $container_of(PTR, "TYPE", "MEMBER")

PTR points at MEMBER of a TYPE; the result is a TYPE *, as the kernel's
container_of() gives. E.g. the first request on kthread_create_list:
  p *$container_of(kthread_create_list.next, "struct kthread_create_info", "list")"""

    def __init__(self):
        super().__init__("container_of")

    def invoke(self, ptr, type_name, member):
        return container_of(ptr, type_name.string(), member.string()).address


class Current(gdb.Function):
    """Return this CPU's current task, as the kernel's current does: $current()

`current` is a macro (it reads this CPU's pcpu_hot through the GS
segment), so GDB cannot evaluate it; this function does the same read
(the GS base QEMU reports as $gs_base) and returns a struct task_struct *:
  p $current()->comm
  p/x $current()->__state"""

    def __init__(self):
        super().__init__("current")

    def invoke(self):
        require_kernel("$current()")
        return current_task().address


ContainerOf()
Current()
SpindlePs()
SpindleTaskMem()
SpindleDmesg()
SpindleRq()
SpindleTrace()
SpindleHeldLocks()
SpindleKthreadPath()

# spindle-fork-path, the user fork() walk, uses the helpers above.
gdb.execute("source " + __file__.rsplit("/", 1)[0] + "/spindle_fork.py")
