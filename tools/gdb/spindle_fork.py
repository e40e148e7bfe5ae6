# SPDX-License-Identifier: GPL-2.0
"""spindle-fork-path: follow one user fork() through the kernel, in GDB.

Sourced by tools/gdb/spindle.py after its helpers (current_task(),
task_name(), task_at()...), which it uses. The user-process twin of
spindle-kthread-path: where a kthread comes from kthreadd's
kernel_clone(), a user process comes from its parent's fork() system
call, through the same kernel_clone() and copy_process(), and copy_mm()
duplicates the parent's address space copy-on-write.
"""
import gdb

# (function, who runs it, what happens): the steps in order.
FORK_STEPS = [
    ("__do_sys_fork", "parent", "fork(): kernel_clone_args with exit_signal = SIGCHLD, no fn"),
    ("kernel_clone", "parent", "copy_process(), then wake_up_new_task(); the parent returns the pid"),
    ("copy_process", "parent", "dup_task_struct, sched_fork, copy_files/fs/sighand/signal, copy_mm..."),
    ("dup_mm", "parent", "no CLONE_VM: a new mm_struct with its own PGD (mm_alloc)"),
    ("dup_mmap", "parent", "each VMA copied into the child's tree and list"),
    ("copy_page_range", "parent", "PTEs shared read-only in both: copy-on-write"),
    ("copy_thread", "parent", "the child's pt_regs = the parent's, with ax = 0"),
    ("wake_up_new_task", "parent", "the child on a run queue"),
    ("ret_from_fork", "child", "schedule_tail(), no fn: straight back towards user mode"),
    ("syscall_exit_to_user_mode", "child", "returns from fork() in user mode"),
]
SYSCALLS = ("__do_sys_fork", "__do_sys_vfork", "__do_sys_clone")


class ForkWalk:
    """One walk: PathBreakpoint (spindle.py) calls hit() at each stop."""

    command = "spindle-fork-path"

    def __init__(self, comm):
        self.comm, self.parent, self.child = comm, None, None
        self.next, self.done, self.failed, self.steps = 0, False, False, 0
        functions = list(SYSCALLS) + [f for f, _, _ in FORK_STEPS[1:]]
        self.breakpoints = [PathBreakpoint(self, f) for f in functions]
        gdb.events.stop.connect(self.on_stop)

    def delete(self):
        for bp in self.breakpoints:
            if bp.is_valid():
                bp.delete()
        self.breakpoints = []
        gdb.events.stop.disconnect(self.on_stop)

    def on_stop(self, event):
        if self.done or self.failed:
            self.delete()
            if self.failed:
                gdb.write("spindle-fork-path: walk ended, breakpoints removed.\n")
            else:
                gdb.write("spindle-fork-path: done, %d steps; breakpoints removed\n" % self.steps)

    def emit(self, function, task, text):
        self.steps += 1
        gdb.write("%4d  %-26s %-18s %s\n" % (self.steps, function, task_name(task), text))

    def hit(self, function):
        if self.done or self.failed or self.next >= len(FORK_STEPS):
            return False
        me = current_task()
        want, who, text = FORK_STEPS[self.next]
        if self.next == 0:
            # The walk starts at the fork() of a user task (named COMM).
            if function not in SYSCALLS or int(me["flags"]) & PF_KTHREAD or \
                    (self.comm and array_string(me["comm"]) != self.comm):
                return False
            self.parent = int(me.address)
            self.next = 1
            self.emit(function, me, text.replace("fork()", function[len("__do_sys_"):] + "()"))
            return False
        if function != want:
            return False
        runner = self.parent if who == "parent" else self.child
        if int(me.address) != runner:
            return False
        frame = gdb.selected_frame()
        if function == "dup_mmap":
            # oldmm is the parent's mm, current->mm: read it there, as
            # -O2 may optimise the argument out (dup_mmap() inlined).
            text += " (%d VMAs)" % int(me["mm"]["map_count"])
        elif function == "copy_page_range":
            try:
                vma = frame.read_var("src_vma")
                text += " [%#x-%#x)" % (int(vma["vm_start"]), int(vma["vm_end"]))
            except (gdb.error, ValueError):     # optimised out: the step without it
                pass
        elif function == "wake_up_new_task":
            child = frame.read_var("p").dereference()
            self.child = int(child.address)
            text += ": %s" % task_name(child)
        elif function == "syscall_exit_to_user_mode":
            regs = frame.read_var("regs")
            text += " at ip %#x with ax = %d" % (int(regs["ip"]), int(regs["ax"]))
        self.emit(function, me, text)
        self.next += 1
        if self.next == len(FORK_STEPS):
            self.done = True
            return True
        return False


class SpindleForkPath(SpindleCommand):
    """Follow the next fork() of a user task: spindle-fork-path [COMM]

Sets breakpoints on the user process creation path and prints one line
per step, with the task running it (comm-pid), as the kernel goes:

  fork() -> __do_sys_fork -> kernel_clone -> copy_process -> dup_mm
    -> dup_mmap -> copy_page_range -> copy_thread -> wake_up_new_task
    -> ret_from_fork (the child) -> syscall_exit_to_user_mode

then stops in the child, about to return 0 from fork(). With COMM only
a task of that name is followed (vfork() and clone() start it too).
Compare with spindle-kthread-path: the same kernel_clone() and
copy_process(), reached from kthreadd instead of a system call."""

    def __init__(self):
        super().__init__("spindle-fork-path", gdb.COMMAND_USER)

    def run(self, arg, from_tty):
        walk = ForkWalk(arg.strip() or None)
        gdb.write("spindle-fork-path: %d breakpoints set; following the next fork()%s\n"
                  % (len(walk.breakpoints), " of " + arg.strip() if arg.strip() else ""))
        gdb.write("step  function                   task               what happens\n")


SpindleForkPath()
