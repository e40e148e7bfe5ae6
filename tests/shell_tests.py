# SPDX-License-Identifier: GPL-2.0
"""The shell on the serial console, driven like a user would drive it.

One QEMU boot without test parameters, so the kernel ends at the
`spindle#` prompt. COM1 is a Unix socket (QEMU waits for us to connect
before it starts, so nothing is lost); we type scripted lines into it,
byte by byte as a terminal would send them, and check each reply. Every
check is one test, named shell.<check>. The boot lets QEMU reset, as
make run does: `reboot` must boot the kernel again. The last command,
`halt`, must end QEMU with exit status 33 (tools/qemu.mk). Everything received is kept in
build/test-logs/shell.log.

tests/runner.py calls run(); `python3 tests/shell_tests.py [--elf F]`
runs the checks alone.
"""
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from qemu_conf import EXIT_PASS     # noqa: E402  (tools/qemu.mk)

PROMPT = "spindle# "
LINE_MAX = 127             # kernel/shell.c: SHELL_LINE_MAX less the NUL
PANIC_END = "---[ end Kernel panic"
UP, DOWN = "\x1b[A", "\x1b[B"
BACKSPACE, CTRL_U, CTRL_C = "\x7f", "\x15", "\x03"


class ShellError(Exception):
    """The console stopped answering: the remaining checks cannot run."""


class Console:
    """COM1 over a Unix socket: send keys, collect what comes back."""

    def __init__(self, path, log_path, timeout):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.sock.connect(path)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise ShellError(f"QEMU never opened {path}")
                time.sleep(0.05)
        self.text = ""
        self.log = open(log_path, "w", errors="backslashreplace")

    def close(self):
        self.sock.close()
        self.log.close()

    def _receive(self, until):
        self.sock.settimeout(max(0.01, until - time.monotonic()))
        try:
            data = self.sock.recv(65536)
        except socket.timeout:
            return
        if not data:
            raise ShellError("the console closed (QEMU exited?)")
        text = data.decode(errors="backslashreplace")
        self.log.write(text)
        self.log.flush()
        self.text += text.replace("\r", "")

    def wait_for(self, what, start, timeout):
        """Index of `what` (a string) in the output after `start`."""
        deadline = time.monotonic() + timeout
        while True:
            i = self.text.find(what, start)
            if i >= 0:
                return i
            if PANIC_END in self.text[start:]:
                raise ShellError("the kernel panicked; last output: "
                                 + repr(self.text[-300:]))
            if time.monotonic() > deadline:
                raise ShellError(f"no {what!r} within {timeout}s; last output: "
                                 + repr(self.text[-300:]))
            self._receive(deadline)

    def send(self, keys):
        self.sock.sendall(keys.encode())

    def type(self, keys, timeout=20):
        """Send keys ending in Enter; return what came before the next prompt.

        The first line of the result is the echo of what was typed. For a
        plain line (printable ASCII the shell keeps whole) the echo of the
        whole line is waited for first: a kernel message printed while we
        type makes the shell redraw its prompt and the line so far, and
        the prompt of that redraw is not the reply's.
        """
        start = len(self.text)
        self.send(keys)
        line = keys[:-1]
        if keys.endswith("\r") and len(line) <= LINE_MAX and \
                all(" " <= ch <= "~" for ch in line):
            echo = self.wait_for(line + "\n", start, timeout) + len(line) + 1
            end = self.wait_for(PROMPT, echo, timeout)
            return line + "\n" + self.text[echo:end]
        end = self.wait_for(PROMPT, start, timeout)
        return self.text[start:end]


def strip_echo(out):
    """The reply to a command: its output without the echoed line."""
    return out.split("\n", 1)[1] if "\n" in out else ""


def kernel_lines(out):
    """Lines without printk's "[    1.234567] " prefix."""
    return [re.sub(r"^\[\s*\d+\.\d+\] ", "", l) for l in out.splitlines()]


PS_LINE = re.compile(r"\s*(?P<pid>\d+)\s+(?P<ppid>\d+)\s+(?P<state>\S+)\s+(?P<cpu>\d+)\s+"
                     r"(?P<node>\d+)\s+(?P<affinity>all|[\d,-]+)\s+(?P<flags>[0-9a-f]{8})\s+\[?(?P<comm>[^\]]+)\]?$")


def ps_rows(out):
    """{name: match} from a ps table (PID PPID STATE CPU NODE AFFINITY FLAGS COMM)."""
    rows = {}
    for line in kernel_lines(out):
        m = PS_LINE.match(line)
        if m:
            rows[m.group("comm")] = m
    return rows


def ps_pids(out):
    """{name: (pid, state)} from a ps table."""
    return {name: (int(m.group("pid")), m.group("state")) for name, m in ps_rows(out).items()}


class CheckSet:
    """A boot's checks: each check method is one test; a failed
    expectation raises Failed. The kernel shell's and busybox's
    (tests/busybox_tests.py) both are."""

    class Failed(Exception):
        pass

    def __init__(self, con):
        self.con = con

    def expect(self, cond, why, out=""):
        if not cond:
            raise self.Failed(why, out)


class Checks(CheckSet):
    """The kernel shell's checks."""

    def run(self, line, timeout=20):
        return strip_echo(self.con.type(line + "\r", timeout))

    def tasks(self):
        return ps_pids(self.run("ps"))

    def one_error(self, line, pattern):
        """`line` must answer with exactly one line matching `pattern`, then the prompt."""
        out = self.run(line)
        lines = [l for l in out.splitlines() if l.strip()]
        self.expect(len(lines) == 1 and re.fullmatch(pattern, lines[0]),
                    f"{line!r} should answer one line matching {pattern!r}", out)

    # --- the checks, in the order they run ---

    def help(self):
        out = self.run("help")
        missing = [c for c in ("help", "ps", "cpus", "spawn", "stop", "park", "unpark", "bind",
                               "kill", "nice", "worker", "trace", "dmesg", "mem",
                               "bench", "test", "halt", "reboot")
                   if not re.search(rf"^\s+{c}\b", out, re.M)]
        self.expect(not missing, f"help does not list {missing}", out)

    def ps(self):
        tasks = ps_pids(self.run("ps"))
        for name in ("kthreadd", "spindle_sh", "init"):
            self.expect(name in tasks, f"ps lacks {name}", str(tasks))
        self.shell_pid = tasks["spindle_sh"][0]
        self.demo_pid = tasks.get("spindle_demo/2", (None,))[0]

    def spawn(self):
        out = self.run("spawn t 2")
        got = dict(re.findall(r"^spawned (\S+): pid (\d+)$", out, re.M))
        self.expect(set(got) == {"t/0", "t/1"}, "spawn t 2 did not report t/0 and t/1", out)
        self.t0, self.t1 = int(got["t/0"]), int(got["t/1"])
        tasks = ps_pids(self.run("ps"))
        self.expect(tasks.get("t/0", (0,))[0] == self.t0 and
                    tasks.get("t/1", (0,))[0] == self.t1, "ps does not show t/0 and t/1",
                    str(tasks))

    def park(self):
        out = self.run(f"park {self.t0}")
        self.expect("kthread_park(t/0) returned 0" in out, "park did not return 0", out)
        state = ps_pids(self.run("ps"))["t/0"][1]
        self.expect(state == "P", f"t/0 is {state} in ps, not P", "")
        # A second park is refused by the shell itself: kthread_park() would
        # return -EBUSY with a WARNING, the mark of a caller's bug.
        self.one_error(f"park {self.t0}",
                       rf"spindle: pid {self.t0} \(t/0\) is parked, or asked to park, "
                       rf"already \(try unpark {self.t0}\)")

    def unpark(self):
        out = self.run(f"unpark {self.t0}")
        self.expect("kthread_unpark(t/0) done" in out, "unpark did not say done", out)
        state = ps_pids(self.run("ps"))["t/0"][1]
        self.expect(state in ("S", "R"), f"t/0 is {state} in ps after unpark", "")

    def bind(self):
        out = self.run(f"bind {self.t0} 0")
        self.expect(re.search(r"^sched_setaffinity\(t/0, CPU 0\) returned 0: ", out, re.M),
                    "bind to CPU 0 did not return 0", out)
        row = ps_rows(self.run("ps")).get("t/0")
        # On one CPU, CPU 0 is every CPU: ps says "all".
        self.expect(row and row.group("affinity") in ("0", "all"),
                    "ps does not show t/0 bound to 0", row.group(0) if row else "")

    def nice(self):
        out = self.run(f"nice {self.t0} 5")
        self.expect("nice 0 -> 5" in out, "nice did not go 0 -> 5", out)

    def stop(self):
        out = self.run(f"stop {self.t0}")
        self.expect(re.search(r"^kthread_stop\(t/0\) returned \d+ \(its thread function's "
                              r"return: the times it woke\)$", out, re.M),
                    "stop did not print what the thread returned, and what that is", out)
        self.expect("t/0" not in self.tasks(), "t/0 is still in ps after stop", "")

    def kill_allowed(self):
        out = self.run(f"kill {self.t1}")
        self.expect("returned 0: t/1 allows it" in out, "kill of t/1 not reported", out)
        for _ in range(20):
            if "t/1" not in self.tasks():
                return
            time.sleep(0.1)
        self.expect(False, "t/1 is still in ps after SIGKILL", "")

    def kill_parked(self):
        """A parked thread dies of SIGKILL only once unparked, and the shell says so."""
        out = self.run("spawn kp")
        pid = int(re.search(r"spawned kp: pid (\d+)", out).group(1))
        # At nice 19 it does not preempt the shell when unparked: the shell
        # shows its prompt, and echoes what was typed, before kp runs.
        self.run(f"nice {pid} 19")
        self.run(f"park {pid}")
        out = self.run(f"kill {pid}")
        self.expect(f"kp allows it, but is parked: it exits once unparked (try unpark {pid})"
                    in out, "kill of a parked thread did not say it waits for unpark", out)
        time.sleep(0.3)
        self.expect(self.tasks().get("kp", (0, ""))[1] == "P",
                    "the parked thread did not stay parked after SIGKILL", "")
        # Type the start of a line at once, so that it is on the screen
        # when kp prints its last words: they must come on a line of their
        # own, and the prompt and "he" again after them.
        start = len(self.con.text)
        self.con.send(f"unpark {pid}\rhe")
        said = self.con.wait_for("kp: SIGKILL, exiting", start, 10)
        try:
            self.con.wait_for(PROMPT + "he", said, 3)
            redrawn = True
        except ShellError:
            redrawn = False
        seen = self.con.text[start:]
        self.con.type("lp\r")
        self.expect(redrawn, "the prompt and the line being typed were not shown again "
                    "after kp's message", seen)
        self.expect(re.search(r"^\[\s*\d+\.\d+\] kp: SIGKILL, exiting$", seen, re.M),
                    "kp's message is not on a line of its own", seen)
        for _ in range(20):
            if "kp" not in self.tasks():
                return
            time.sleep(0.1)
        self.expect(False, "kp is still in ps after unpark", "")

    def kill_ignored(self):
        self.expect(self.demo_pid, "no spindle_demo/2 in ps to kill", "")
        out = self.run(f"kill {self.demo_pid}")
        self.expect("ignores it" in out, "kill of a kthread did not say it is ignored", out)
        self.expect("spindle_demo/2" in self.tasks(), "spindle_demo/2 died of SIGKILL", "")

    def errors_unknown_command(self):
        self.one_error("frobnicate", r"spindle: unknown command 'frobnicate' \(try help\)")

    def errors_no_such_pid(self):
        self.one_error("stop 99999", r"spindle: no such pid 99999")

    def errors_not_a_kthread(self):
        self.one_error("stop 1", r"spindle: pid 1 \(init\) is not a kthread")

    def errors_kthreadd(self):
        self.one_error("stop 2", r"spindle: pid 2 \(kthreadd\) cannot be stopped")

    def errors_the_shell(self):
        self.one_error(f"stop {self.shell_pid}", r"spindle: pid \d+ \(spindle_sh\) is this shell.*")

    def errors_cpu_out_of_range(self):
        self.one_error(f"bind {self.shell_pid} 99",
                       r"spindle: CPU 99 out of range \(this machine has CPUs 0(-\d+)?\)")

    def errors_bad_number(self):
        self.one_error("nice x 3", r"spindle: bad number 'x'")

    def errors_usage(self):
        self.one_error("spawn", r"spindle: usage: spawn NAME \[COUNT\] \[cpu=C\] \[node=N\]")

    def errors_long_line(self):
        """A line over 127 characters is refused whole, not cut and run."""
        self.one_error("spawn " + "x" * 300 + " 2",
                       r"spindle: line too long \(at most 127 characters\): not run")
        self.expect("x" * 20 not in str(self.tasks()), "a cut line was run", "")

    def errors_non_ascii(self):
        """Bytes that are not printable ASCII are refused, not dropped."""
        out = self.run("spawn h\u00e9llo")
        lines = [l for l in out.splitlines() if l.strip()]
        self.expect(lines == ["spindle: 2 bytes are not printable ASCII (the first: 0xc3): "
                              "not run"], "spawn h\u00e9llo was not refused", out)
        self.expect("hllo" not in self.tasks(), "[hllo] was spawned", "")

    def errors_spawn_count(self):
        self.one_error("spawn z 65", r"spindle: count 65 out of range \(1\.\.64\)")

    def edit_backspace(self):
        out = self.con.type("psx" + BACKSPACE + "\r")
        self.expect("PID  PPID" in out and "unknown" not in out,
                    "psx, Backspace, Enter did not run ps", out)

    def edit_ctrl_u(self):
        out = self.con.type("frob" + CTRL_U + "ps\r")
        self.expect("PID  PPID" in out and "unknown" not in out,
                    "Ctrl-U did not erase the line", out)

    def edit_ctrl_c(self):
        out = self.con.type("frob" + CTRL_C)
        self.expect("^C" in out and "spindle:" not in out, "Ctrl-C did not cancel", out)

    def edit_history(self):
        self.run("help ps")
        self.run("help kill")
        out = self.con.type(UP + "\r")
        self.expect("kill_pid" in out, "Up, Enter did not run the last line again", out)
        out = self.con.type(UP + UP + DOWN + UP + "\r")
        self.expect("show_tasks" in out, "Up, Up, Down, Up did not recall 'help ps'", out)

    def trace(self):
        self.run("trace clear")
        out = self.run("trace on sched_switch")
        self.expect("trace: recording sched_switch" in out, "trace on was not confirmed", out)
        self.run("spawn tr")
        time.sleep(0.3)
        out = self.run("trace show")
        self.run("trace off")
        self.expect(re.search(r"\bsched_switch: ", out), "trace show has no sched_switch", out)

    def trace_paused(self):
        """trace show prints what the buffer held when it began: recording is
        paused while it prints (or the dump, which switches tasks, would trace
        itself), and the lines are plain text on the console, not printk()'s."""
        self.run("trace clear")
        self.run("trace on all")
        self.run("spawn tp 4")
        time.sleep(0.5)
        out = self.run("trace show", timeout=60)
        self.run("trace off")
        m = re.search(r"^# entries-in-buffer/entries-written: (\d+)/(\d+)$", out, re.M)
        self.expect(m, "trace show has no entries-in-buffer line", out[:500])
        events = re.findall(r"^\s*\S+-\d+\s+\[\d+\]\s+(\d+\.\d+): ", out, re.M)
        self.expect(len(events) == int(m.group(1)),
                    f"the header says {m.group(1)} entries, {len(events)} were printed",
                    out[-500:])
        self.expect(not re.search(r"^\[\s*\d+\.\d+\] ", out, re.M),
                    "trace show's lines carry printk timestamps", out[:500])
        dmesg = self.run("dmesg 50")
        self.expect("entries-in-buffer" not in dmesg, "trace show went into the kernel log",
                    dmesg)

    def plain_output(self):
        """ps and mem print to the console, not into the kernel log."""
        out = self.run("ps") + self.run("mem")
        self.expect(not re.search(r"^\[\s*\d+\.\d+\] ", out, re.M),
                    "ps or mem lines carry printk timestamps", out[:500])
        dmesg = self.run("dmesg 30")
        self.expect("slabinfo" not in dmesg and "spindle_sh" not in dmesg,
                    "ps or mem went into the kernel log", dmesg)

    def errors_trace_event(self):
        self.one_error("trace on nosuch", r"spindle: unknown trace event 'nosuch'.*")

    def worker(self):
        out = self.run("worker create w")
        self.expect(re.search(r"created worker w: pid \d+", out), "worker create failed", out)
        out = self.run("worker queue w")
        self.expect("worker w: work item run 1 in w" in out and "returned true" in out,
                    "the queued work item did not run", out)
        out = self.run("worker destroy w")
        self.expect("destroyed worker w" in out, "worker destroy failed", out)
        # kthread_stop() returns once the thread said it exited (do_exit()'s
        # complete of kthread->exited), a moment before it leaves the task
        # list, as in Linux: give it that moment.
        tasks = self.poll(self.tasks, lambda t: "w" not in t, 3)
        self.expect("w" not in tasks, "the worker's thread is still in ps after 3 s", "")

    def mem(self):
        out = self.run("mem")
        for what in ("MemTotal:", "MemFree:", "VmallocUsed:", "slabinfo", "kmalloc-"):
            self.expect(what in out, f"mem lacks {what}", out)

    def dmesg(self):
        out = self.run("dmesg")
        self.expect("Spindle: boot finished" in out, "dmesg lacks the boot log", out[-2000:])

    def kunit(self):
        out = self.run("test list")
        self.expect(re.search(r"^suites:.* time\b", out, re.M), "test list lacks time", out)
        out = self.run("test time", timeout=60)
        lines = kernel_lines(out)
        self.expect("KTAP version 1" in lines and "ok 1 time" in lines and
                    "test: 0 failed" in out, "test time did not pass", out)

    def errors_test_nothing(self):
        """Test selections that match nothing are errors, not "0 failed"."""
        self.one_error("test nosuch", r"spindle: no suite matches 'nosuch' \(try test list\)")
        self.one_error("test time.nosuch",
                       r"spindle: no test case of the suite matches 'time.nosuch'")

    def reboot(self):
        """reboot restarts the machine (make run lets QEMU reset): the kernel
        boots again to a new prompt, instead of QEMU ending."""
        start = len(self.con.text)
        self.con.send("reboot\r")
        self.con.wait_for("reboot: Restarting system", start, 10)
        again = self.con.wait_for("Spindle: boot finished", start, 60)
        self.con.wait_for(PROMPT, again, 10)

    # --- CPU hotplug (at -smp 4 too) ---

    def hotplug_offline(self):
        """cpu offline 1: Linux's line, its per-CPU threads parked, a second time said so."""
        out = self.run("cpu offline 1", timeout=60)
        self.expect("smpboot: CPU 1 is now offline" in out and "remove_cpu(1) returned 0" in out,
                    "cpu offline 1 did not say CPU 1 is now offline and returned 0", out)
        tasks = ps_pids(self.run("ps"))
        for name in ("ksoftirqd/1", "migration/1", "watchdog/1"):
            self.expect(tasks.get(name, (0, "?"))[1] == "P",
                        f"{name} is not parked (P) while CPU 1 is offline", str(tasks))
        out = self.run("cpu offline 1")
        self.expect("CPU 1 is already offline" in out, "a second offline was not refused", out)

    def hotplug_online(self):
        """cpu online 1: booted again (Linux's line), its threads run, work goes on."""
        out = self.run("cpu online 1", timeout=60)
        self.expect(re.search(r"smpboot: Booting Node \d+ Processor 1 APIC 0x1$", out, re.M) and
                    "add_cpu(1) returned 0" in out,
                    "cpu online 1 did not boot processor 1 and return 0", out)
        tasks = ps_pids(self.run("ps"))
        for name in ("ksoftirqd/1", "migration/1", "watchdog/1"):
            self.expect(tasks.get(name, (0, "?"))[1] in ("S", "R"),
                        f"{name} is still parked after cpu online 1", str(tasks))
        out = self.run("spawn after_online")
        self.expect("spawned after_online" in out, "no thread could be made after", out)

    def errors_cpu_hotplug(self):
        """CPU 0, an absent CPU, a bad word: one clear line each."""
        self.one_error("cpu offline 0", r"spindle: CPU 0 is the boot CPU: it cannot go offline")
        self.one_error(f"cpu online {self.smp + 1}",
                       rf"spindle: CPU {self.smp + 1} is not present \(present: 0-{self.smp - 1}\)")
        self.one_error("cpu sideways 1", r"spindle: usage: cpu offline\|online N")

    def halt(self):
        self.con.send("halt\r")

    # --- at -smp 4 (SMP_CHECKS) ---

    def smp_cpus(self):
        """cpus: a row per CPU, online, its current task, and counters that move."""
        out = self.run("cpus")
        rows = {int(m.group(1)): m for m in re.finditer(
            r"^\s*(\d+) (online|offline)\s+(\S+)\s+(-?\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)$",
            out, re.M)}
        self.expect(re.search(r"^CPU STATE\s+CURRENT\s+PID NR_RUNNING\s+TICKS SWITCHES\s+IPIS$",
                              out, re.M), "cpus has no header", out)
        self.expect(sorted(rows) == list(range(self.smp)),
                    f"cpus does not list CPUs 0..{self.smp - 1}", out)
        self.expect(all(m.group(2) == "online" for m in rows.values()), "a CPU is offline", out)
        # The shell runs the command, so it is current on the CPU it runs on.
        self.expect(any(m.group(3) == "[spindle_sh]" for m in rows.values()),
                    "no CPU has the shell as its current task", out)
        self.expect(all(int(m.group(6)) > 0 for m in rows.values()), "a CPU took no tick", out)
        self.expect(any(int(m.group(8)) > 0 for m in rows.values()), "no CPU received an IPI",
                    out)
        time.sleep(0.5)
        later = self.run("cpus")
        ticks = {int(m.group(1)): int(m.group(2)) for m in re.finditer(
            r"^\s*(\d+) online\s+\S+\s+-?\d+\s+\d+\s+(\d+)", later, re.M)}
        # An idle CPU may have stopped its tick; the machine as a whole has not.
        self.expect(all(ticks.get(c, 0) >= int(m.group(6)) for c, m in rows.items()) and
                    sum(ticks.values()) > sum(int(m.group(6)) for m in rows.values()),
                    "TICKS did not grow in half a second", out + later)
        self.expect(not re.search(r"^\[\s*\d+\.\d+\] ", out, re.M),
                    "cpus lines carry printk timestamps", out)
        self.expect("NR_RUNNING" not in self.run("dmesg 40"), "cpus went into the kernel log")

    def smp_ps_cpu_column(self):
        """ps: migration/N runs on CPU N, bound to N; kthreadd may run on all."""
        rows = ps_rows(self.run("ps"))
        for cpu in range(self.smp):
            m = rows.get(f"migration/{cpu}")
            self.expect(m and m.group("cpu") == str(cpu) and m.group("affinity") == str(cpu),
                        f"ps does not show migration/{cpu} on CPU {cpu}, bound to it",
                        m.group(0) if m else str(list(rows)))
        self.expect(rows["kthreadd"].group("affinity") == "all",
                    "kthreadd is not affine to every CPU", rows["kthreadd"].group(0))
        self.expect(len({m.group("cpu") for m in rows.values()}) == self.smp,
                    "ps shows tasks on fewer CPUs than there are", "")

    def smp_bind_moves(self):
        """bind moves a thread: ps then shows it on that CPU, and only that one."""
        out = self.run("spawn mv")
        self.mv = int(re.search(r"spawned mv: pid (\d+)", out).group(1))
        for cpu in (self.smp - 1, 1, 0, self.smp - 1):
            out = self.run(f"bind {self.mv} {cpu}")
            self.expect(re.search(rf"^sched_setaffinity\(mv, CPU {cpu}\) returned 0: "
                                  rf"(on CPU {cpu} now|asleep, last on CPU \d+; it runs on "
                                  rf"CPU {cpu} when it wakes)$", out, re.M),
                        f"bind mv {cpu} did not say where mv is", out)
            m = self.wait_on_cpu("mv", cpu)
            self.expect(m and m.group("cpu") == str(cpu) and m.group("affinity") == str(cpu),
                        f"mv is not on CPU {cpu}, bound to it, after bind", m.group(0) if m else "")

    def poll(self, fetch, done, seconds):
        """fetch() again every 100 ms until done(its value) or @seconds
        have passed; the last value."""
        deadline = time.monotonic() + seconds
        while True:
            value = fetch()
            if done(value) or time.monotonic() > deadline:
                return value
            time.sleep(0.1)

    def wait_on_cpu(self, name, cpu, seconds=5):
        """ps's row of @name once it shows CPU @cpu (mv moves when it next
        wakes, every 100 ms of the guest's time; a loaded host stretches
        that), or the last row seen."""
        return self.poll(lambda: ps_rows(self.run("ps")).get(name),
                         lambda m: m and m.group("cpu") == str(cpu), seconds)

    def smp_bind_refused(self):
        """A kernel-bound thread, an absent CPU, an offline one: each one clear line."""
        pid = ps_pids(self.run("ps"))["migration/1"][0]
        out = self.run(f"bind {pid} 0")
        self.expect(re.search(r"^sched_setaffinity\(migration/1, CPU 0\) returned -22 "
                              r"\(EINVAL: the kernel bound this thread, it keeps its CPUs\)$",
                              out, re.M), "bind of migration/1 was not refused", out)
        m = ps_rows(self.run("ps"))["migration/1"]
        self.expect(m.group("cpu") == "1" and m.group("affinity") == "1",
                    "migration/1 moved", m.group(0))
        self.one_error(f"bind {self.mv} {self.smp}",
                       rf"spindle: CPU {self.smp} out of range \(this machine has CPUs "
                       rf"0-{self.smp - 1}\)")
        if not re.search(r"^\s+cpu\b", self.run("help"), re.M):
            return                      # no CPU hotplug command: no CPU can be offline
        last = self.smp - 1
        self.run(f"cpu offline {last}")
        try:
            self.one_error(f"bind {self.mv} {last}",
                           rf"spindle: CPU {last} is offline \(online: 0(-{last - 1})?\)")
        finally:
            self.run(f"cpu online {last}")

    def smp_trace_cpus(self):
        """Every event names its CPU; IPIs, wakeups' target_cpu, migrations are traced."""
        self.run("trace clear")
        self.run("trace on all")
        self.run(f"bind {self.mv} 1")
        self.wait_on_cpu("mv", 1)
        self.run("spawn tc 4")
        self.run(f"bind {self.mv} 2")
        self.wait_on_cpu("mv", 2)
        out = self.run("trace show", timeout=60)
        self.run("trace off")
        cpus = set(re.findall(r"^\s*\S+-\d+\s+\[(\d{3})\]\s+\d+\.\d+: ", out, re.M))
        self.expect(len(cpus) >= 2, f"events from CPUs {sorted(cpus)} only", out[-1500:])
        for what in (r"sched_wakeup: comm=\S+ pid=\d+ prio=\d+ target_cpu=\d{3}",
                     r"sched_migrate_task: comm=mv pid=\d+ prio=\d+ orig_cpu=\d+ dest_cpu=2",
                     r"ipi_raise: target_mask=[0-9a-f]{8},[0-9a-f]{8} \((Rescheduling|"
                     r"Function call|Single function call) interrupts\)",
                     r"ipi_entry: \((Rescheduling|Function call|Single function call) "
                     r"interrupts\)"):
            self.expect(re.search(what, out), f"trace show has no {what}", out[-1500:])
        self.run(f"stop {self.mv}")


    # --- on the four-node machine (tools/qemu.mk's QEMU_NUMA4) ---

    def numa_spawn_node(self):
        """spawn node=N: ps shows each thread's stack on node N."""
        for node in (0, 1, 3):
            out = self.run(f"spawn tn{node} 2 node={node}")
            self.expect(re.search(rf"^spawned tn{node}/1: pid \d+$", out, re.M),
                        f"spawn tn{node} 2 node={node} did not spawn tn{node}/1", out)
        rows = ps_rows(self.run("ps"))
        for node in (0, 1, 3):
            for i in range(2):
                row = rows.get(f"tn{node}/{i}")
                self.expect(row is not None and row.group("node") == str(node),
                            f"ps does not show tn{node}/{i} on node {node}",
                            row.group(0) if row else str(sorted(rows)))

    def numa_spawn_refused(self):
        """A node without memory, and one that does not exist: one line each."""
        self.one_error("spawn tz node=2",
                       r"spindle: node 2 has no memory \(its CPUs allocate from node 3\)")
        self.one_error("spawn tz node=7", r"spindle: node 7 does not exist \(online nodes: 0-3\)")
        self.one_error("spawn tz node=x", r"spindle: bad number 'x'")
        self.expect("tz" not in ps_rows(self.run("ps")), "a refused spawn made a thread")

    def numa_spawn_cpu(self):
        """spawn cpu=C: bound to C, on C's node (CPU 3's node 2 has no memory: node 3)."""
        for cpu, node in ((1, 1), (3, 3)):
            self.run(f"spawn tc{cpu} cpu={cpu}")
            row = ps_rows(self.run("ps")).get(f"tc{cpu}")
            self.expect(row is not None and row.group("affinity") == str(cpu) and
                        row.group("node") == str(node),
                        f"tc{cpu} should be bound to CPU {cpu} with its stack on node {node}",
                        row.group(0) if row else "no tc%d in ps" % cpu)

    def numa_mem(self):
        """mem: free memory of each node; node 2 has none."""
        out = self.run("mem")
        for node in range(4):
            self.expect(re.search(rf"^Node {node} MemFree: +\d+ kB \(\d+ pages\)$", out, re.M),
                        f"mem does not show node {node}'s free memory", out)
        self.expect(re.search(r"^Node 2 MemTotal: +0 kB$", out, re.M),
                    "mem does not show node 2 without memory", out)
        free = {int(n): int(p) for n, p in
                re.findall(r"^Node (\d) MemFree: +\d+ kB \((\d+) pages\)$", out, re.M)}
        self.expect(all(free[n] > 10000 for n in (0, 1, 3)), f"free pages per node: {free}", out)

    def errors_spawn_node(self):
        self.one_error("spawn z node=1", r"spindle: node 1 does not exist \(online nodes: 0\)")


CHECKS = ["help", "ps", "spawn", "park", "unpark", "bind", "nice", "stop",
          "kill_allowed", "kill_parked", "kill_ignored",
          "errors_unknown_command", "errors_no_such_pid", "errors_not_a_kthread",
          "errors_kthreadd", "errors_the_shell", "errors_cpu_out_of_range",
          "errors_bad_number", "errors_usage", "errors_long_line", "errors_non_ascii",
          "errors_spawn_count", "errors_spawn_node", "errors_trace_event",
          "edit_backspace", "edit_ctrl_u", "edit_ctrl_c", "edit_history",
          "trace", "trace_paused", "plain_output", "worker", "mem", "dmesg", "kunit",
          "errors_test_nothing", "reboot"]


# The same shell with four CPUs: what a user sees of them.
SMP_CHECKS = ["smp_cpus", "smp_ps_cpu_column", "smp_bind_moves", "smp_bind_refused",
              "smp_trace_cpus", "hotplug_offline", "hotplug_online", "errors_cpu_hotplug"]


# On the four-node machine: spawn on nodes, ps's NODE column, mem per node.
NUMA_CHECKS = ["numa_spawn_node", "numa_spawn_refused", "numa_spawn_cpu", "numa_mem"]


def run(args, results, qemu_flags, elf, log_dir, name="shell", checks=None, smp=1,
        mem="128M", extra=()):
    """Boot (with `smp` CPUs, `mem` of RAM and QEMU's `extra` flags), run
    every check against the prompt, then halt."""
    log_path = Path(log_dir) / f"{name}.log"
    tmp = tempfile.mkdtemp(prefix="spindle-shell-")
    sock = os.path.join(tmp, "ttyS0")
    # As make run boots: a reset restarts the machine (the reboot check).
    flags = [f for f in qemu_flags if f != "-no-reboot"]
    if "-smp" in flags:
        flags[flags.index("-smp") + 1] = str(smp)
    else:
        flags += ["-smp", str(smp)]
    cmd = args.qemu + flags + list(extra) + ["-m", mem, "-kernel", str(elf), "-append", ""]
    # An earlier failure may leave a check nothing to work on (AttributeError, KeyError).
    boot_on_socket(args, cmd, sock, tmp, Path(log_dir) / f"{name}.stderr",
                   lambda proc, err: drive_boot(
                       args, results, proc, sock, log_path, err, name, PROMPT, "prompt",
                       lambda con: _make_checks(con, smp), CHECKS if checks is None else checks,
                       "halt", errors=(ShellError, AttributeError, KeyError)))


def boot_on_socket(args, cmd, sock, tmp, stderr_path, body):
    """Run QEMU's @cmd with COM1 on the Unix socket @sock (in the folder
    @tmp, removed after), holding one of args.qemu_slots; call
    body(proc, err) while it runs (err: QEMU's output, kept in
    @stderr_path), then make sure QEMU is gone."""
    cmd = cmd + ["-chardev", f"socket,id=ttyS0,path={sock},server=on,wait=on",
                 "-serial", "chardev:ttyS0"]
    with args.qemu_slots, open(stderr_path, "w+") as err:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=err,
                                stderr=subprocess.STDOUT)
        try:
            body(proc, err)
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
            try:
                os.unlink(sock)
            except OSError:
                pass
            os.rmdir(tmp)


def drive_boot(args, results, proc, sock, log_path, err, name, prompt, first, make_checks,
               names, last, errors=(ShellError,), timed=()):
    """What a boot driven over the serial console does once QEMU runs (the
    spindle# shell's here, busybox's in tests/busybox_tests.py): connect
    to @sock, wait for @prompt (test NAME.FIRST, with the time it took),
    run each method of make_checks(console) named in @names as test
    NAME.CHECK (those in @timed say how long they took), then call its
    method @last, after which QEMU must exit with EXIT_PASS (test
    NAME.LAST). A check raising one of @errors fails alone; a ShellError
    (the console stopped answering) fails the rest too."""
    start = time.monotonic()
    try:
        con = Console(sock, log_path, 10)
    except ShellError as e:
        err.seek(0)
        results.fail(f"{name}.{first}", str(e), [f"QEMU exit status {proc.poll()}"]
                     + err.read().splitlines()[-5:])
        return
    try:
        try:
            con.wait_for(prompt, 0, args.timeout)
        except ShellError as e:
            results.fail(f"{name}.{first}", str(e), [], log_path)
            return
        results.ok(f"{name}.{first} ({time.monotonic() - start:.1f}s to the prompt)")
        checks = make_checks(con)
        for i, check in enumerate(names):
            try:
                t0 = time.monotonic()
                getattr(checks, check)()
                results.ok(f"{name}.{check}" + (f" ({time.monotonic() - t0:.1f}s)"
                                                if check in timed else ""))
            except CheckSet.Failed as e:
                why, out = e.args
                results.fail(f"{name}.{check}", why, out.splitlines()[-20:], log_path)
            except errors as e:
                results.fail(f"{name}.{check}", f"{type(e).__name__}: {e}", [], log_path)
                if isinstance(e, ShellError):
                    rest = len(names) - i - 1
                    if rest:
                        results.fail(f"{name}.{names[i + 1]} to {name}.{names[-1]}",
                                     f"not run ({rest} counted as failed)", count=rest)
                    return
        getattr(checks, last)()
        try:
            status = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            status = None
        if status == EXIT_PASS:
            results.ok(f"{name}.{last}")
        else:
            results.fail(f"{name}.{last}", f"QEMU exit status {status}, expected {EXIT_PASS}",
                         [], log_path)
    finally:
        con.close()


def _make_checks(con, smp):
    checks = Checks(con)
    checks.smp = smp
    return checks


def main():
    import argparse
    import threading
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import runner
    p = argparse.ArgumentParser(description="Run only the shell checks.")
    p.add_argument("--elf", default=str(runner.ELF))
    p.add_argument("--qemu", default="qemu-system-x86_64")
    p.add_argument("--timeout", type=int, default=120)
    p.add_argument("--smp", type=int, default=1, help="CPUs (above 1: the SMP checks)")
    args = p.parse_args()
    args.qemu = args.qemu.split()
    args.qemu_slots = threading.BoundedSemaphore(1)
    os.chdir(Path(__file__).resolve().parent.parent)
    runner.LOG_DIR.mkdir(parents=True, exist_ok=True)
    results = runner.Results()
    start = time.monotonic()
    if args.smp > 1:
        run(args, results, runner.QEMU_FLAGS, args.elf, runner.LOG_DIR, name="shell_smp",
            checks=SMP_CHECKS, smp=args.smp)
    else:
        run(args, results, runner.QEMU_FLAGS, args.elf, runner.LOG_DIR)
    print(results.summary() + f" in {time.monotonic() - start:.1f}s")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
