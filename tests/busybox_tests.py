# SPDX-License-Identifier: GPL-2.0
"""Debian's busybox (busybox-static, glibc, unmodified) as the whole user
space, driven over the serial port as a user at its prompt would.

One boot of build/busybox.cpio: its /init (user/busybox-init) mounts
/proc and starts `sh -i` in a session of its own on the console. COM1 is
a Unix socket (QEMU waits for us before it starts); we type lines into
it and check each reply. Every check is one test, busybox.<check>; the
last, `poweroff -f`, must end QEMU with the "success" status. What was
received is kept in build/test-logs/busybox.log.

tests/runner.py calls run(); `python3 tests/busybox_tests.py [--elf F]`
runs the checks alone.
"""
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shell_tests import (CheckSet, Console, ShellError, boot_on_socket,  # noqa: E402
                         drive_boot, ps_pids)

PROMPT = "bb$ "             # PS1, set by the first check
CTRL_C, CTRL_BACKSLASH, CTRL_Z, CTRL_RBRACKET = "\x03", "\x1c", "\x1a", "\x1d"
# What may say -ENOSYS in this boot: rseq (334; glibc runs without it).
KNOWN_ENOSYS = {334}
KERNEL_LINE = re.compile(r"\[\s*\d+\.\d{6}\] ")
# The loop the memory check runs twice: forks, pipes, files in /tmp.
WORKLOAD = ("i=0; while [ $i -lt 50 ]; do (true); echo $i | cat > /tmp/w$i; i=$((i+1)); done; "
            "cat /tmp/w* | wc -l; rm /tmp/w*")


def clean(out):
    """Output without busybox's cursor-position query (ESC [ 6 n) and colours."""
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out)


class Checks(CheckSet):
    """The checks at busybox's prompt."""

    def run(self, line, timeout=30):
        """Type @line and Enter; its output, without the echo, before the next prompt."""
        start = len(self.con.text)
        self.con.send(line + "\r")
        end = self.con.wait_for("\n" + PROMPT, start + len(line), timeout) + 1
        out = clean(self.con.text[start:end])
        out = out.split("\n", 1)[1] if "\n" in out else ""
        # The kernel's console lines (an -ENOSYS note) may come between.
        return "".join(l for l in out.splitlines(True) if not KERNEL_LINE.match(l))

    def lines(self, line, timeout=30):
        return [l.rstrip() for l in self.run(line, timeout).splitlines() if l.strip()]

    def mem_free_kb(self):
        out = self.run("grep MemFree /proc/meminfo")
        m = re.search(r"MemFree:\s+(\d+) kB", out)
        self.expect(m, "no MemFree in /proc/meminfo", out)
        return int(m.group(1))

    # --- the checks, in the order they run ---

    def prompt(self):
        start = len(self.con.text)
        self.con.send(f"PS1='{PROMPT}'\r")
        self.con.wait_for("\n" + PROMPT, start, 20)
        # A wide terminal: the line editor then never wraps what is typed.
        self.run("stty cols 1000")
        out = self.lines("stty size")
        self.expect(out == ["24 1000"], "stty cols (TIOCSWINSZ, TIOCGWINSZ) did not stick",
                    str(out))

    def uname(self):
        out = self.lines("uname -sr")
        self.expect(out == ["Spindle 0.1.0-spindle"], "uname -sr does not say Spindle", str(out))

    def command_substitution(self):
        out = self.lines('echo "x$(echo in)y" "$(echo a; echo b)"')
        self.expect(out == ["xiny a", "b"], "$(...) did not substitute", str(out))

    def three_stage_pipe(self):
        out = self.lines("printf 'pear\\napple\\nfig\\n' | sort | tr a-z A-Z")
        self.expect(out == ["APPLE", "FIG", "PEAR"], "printf | sort | tr is wrong", str(out))

    def redirection(self):
        out = self.lines("echo saved > /tmp/f; echo more >> /tmp/f; cat /tmp/f; wc -l < /tmp/f; "
                         "ls -l /tmp/f; rm /tmp/f; cat /tmp/f")
        self.expect(out[:3] == ["saved", "more", "2"], "> and >> to /tmp/f did not read back",
                    str(out))
        self.expect(re.match(r"-rw-r--r-- +1 0 +0 +11 .* /tmp/f$", out[3]),
                    "ls -l /tmp/f is not an 11-byte 0644 file", str(out))
        self.expect(out[4:] == ["cat: can't open '/tmp/f': No such file or directory"],
                    "rm did not remove /tmp/f", str(out))

    def files(self):
        out = self.lines("mkdir -p /tmp/d/e && cd /tmp/d/e && pwd && cd .. && ls && "
                         "mv e f && ls && rmdir /tmp/d || echo fails; cd /; rm -r /tmp/d; ls /tmp")
        self.expect(out == ["/tmp/d/e", "e", "f",
                            "rmdir: '/tmp/d': Directory not empty", "fails"],
                    "mkdir, cd, pwd, mv, rmdir, rm -r did not behave", str(out))

    def subshell_loop(self):
        out = self.lines("i=0; while [ $i -lt 300 ]; do (true); i=$((i+1)); done; echo done $i",
                         timeout=120)
        self.expect(out == ["done 300"], "300 (true) subshells did not all run", str(out))

    def background_kill_wait(self):
        # The pause lets the child reset SIGTERM, which an interactive sh
        # ignores: sent before, it would be dropped (as on Linux).
        out = self.lines("sleep 100 & pid=$!; sleep 0.2; kill $pid; wait $pid; echo status $?")
        self.expect("status 143" in out, "a killed background job's status is not 143", str(out))

    def ctrl_c(self):
        start = len(self.con.text)
        self.con.send("sleep 100\r")
        time.sleep(0.7)
        self.con.send(CTRL_C)
        self.con.wait_for("\n" + PROMPT, start + 10, 10)
        out = self.lines("echo status $?")
        self.expect(out == ["status 130"], "Ctrl-C did not end sleep with SIGINT", str(out))

    def ctrl_backslash(self):
        start = len(self.con.text)
        self.con.send("sleep 100\r")
        time.sleep(0.7)
        self.con.send(CTRL_BACKSLASH)
        self.con.wait_for("\n" + PROMPT, start + 10, 10)
        out = self.lines("echo status $?")
        self.expect(out == ["status 131"], "Ctrl-\\ did not end sleep with SIGQUIT", str(out))

    def job_control(self):
        """Ctrl-Z stops the foreground job (SIGTSTP), fg continues it (SIGCONT)."""
        start = len(self.con.text)
        self.con.send("sleep 100\r")
        time.sleep(0.7)
        self.con.send(CTRL_Z)
        self.con.wait_for("\n" + PROMPT, start + 10, 10)
        self.expect(re.search(r"\[1\]\+ +Stopped +sleep 100", self.con.text[start:]),
                    "Ctrl-Z did not stop sleep", self.con.text[start:])
        out = self.lines("cut -d' ' -f3 /proc/$(pidof sleep)/stat")
        self.expect(out == ["T"], "the stopped sleep is not in state T", str(out))
        start = len(self.con.text)
        self.con.send("fg\r")
        self.con.wait_for("sleep 100\n", start, 10)
        time.sleep(0.5)
        self.con.send(CTRL_C)
        self.con.wait_for("\n" + PROMPT, start + 10, 10)
        out = self.lines("echo status $?")
        self.expect(out == ["status 130"], "fg did not bring back sleep for Ctrl-C", str(out))

    def line_editing(self):
        """The kernel's canonical mode (read has no line editor): DEL erases, ^U kills the line."""
        start = len(self.con.text)
        self.con.send("read x; echo got $x\r")
        time.sleep(0.5)
        self.con.send("junk\x15abcx\x7f\x7fd\r")
        end = self.con.wait_for("\n" + PROMPT, start + 10, 10)
        out = clean(self.con.text[start:end])
        self.expect("got abd" in out, "DEL and ^U did not edit the line `read` read", out)

    # --- the applet sweep: what a Linux user types, each asserting real output ---

    def text_tools(self):
        out = self.lines("printf 'b\\na\\nc\\na\\n' > /tmp/t; sort /tmp/t | uniq -c; wc /tmp/t; "
                         "sed -n 's/a/A/p' /tmp/t; awk '{n[$1]++} END {print n[\"a\"], NR}' /tmp/t; "
                         "seq 1 10 | head -3 | tail -1; seq 5 -2 1 | tr '\\n' ' '; echo; "
                         "grep -c a /tmp/t; cut -c1 /tmp/t | sort -u | tr -d '\\n'; echo; rm /tmp/t")
        self.expect([l.split() for l in out[:3]] == [["2", "a"], ["1", "b"], ["1", "c"]],
                    "sort | uniq -c is wrong", str(out))
        self.expect(out[3].split() == ["4", "4", "8", "/tmp/t"], "wc is wrong", str(out))
        self.expect(out[4:] == ["A", "A", "2 4", "3", "5 3 1", "2", "abc"],
                    "sed, awk, seq | head | tail, grep -c or cut is wrong", str(out))

    def find_grep_xargs(self):
        out = self.lines("mkdir -p /tmp/g/h && echo needle > /tmp/g/h/x && echo hay > /tmp/g/y && "
                         "grep -r needle /tmp/g; find /tmp/g -type f | sort; "
                         "find /tmp/g -name x | xargs cat; seq 3 | xargs -I{} echo item {}; "
                         "rm -r /tmp/g")
        self.expect(out == ["/tmp/g/h/x:needle", "/tmp/g/h/x", "/tmp/g/y", "needle",
                            "item 1", "item 2", "item 3"], "grep -r, find or xargs is wrong",
                    str(out))

    def tar_gzip_md5sum(self):
        """tar's own fstat() of its archive is fstatat(fd, "", AT_EMPTY_PATH)."""
        out = self.lines("cd /tmp && mkdir -p a/b && echo 1 > a/b/f && tar cf t.tar a && tar tf t.tar"
                         " && tar czf t.tgz a && mkdir x && cd x && tar xzf ../t.tgz && cat a/b/f;"
                         " cd /tmp && seq 1000 > z && md5sum z > z.md5 && gzip z && ls -1 z* && "
                         "gunzip z.gz && md5sum -c z.md5; echo -n abc | md5sum; cd /; "
                         "rm -r /tmp/a /tmp/x /tmp/t.tar /tmp/t.tgz /tmp/z /tmp/z.md5")
        self.expect(out[:3] == ["a/", "a/b/", "a/b/f"], "tar cf / tar tf in /tmp is wrong", str(out))
        self.expect(out[3:] == ["1", "z.gz", "z.md5", "z: OK",
                                "900150983cd24fb0d6963f7d28e17f72  -"],
                    "tar xzf, the gzip/gunzip round trip or md5sum is wrong", str(out))

    def file_times_and_fs(self):
        """touch (utimensat), stat -f (statfs), sync, cp, chown to root."""
        out = self.lines("touch /tmp/t1 && touch -d '2020-01-02 03:04:05' /tmp/t1 && "
                         "date -r /tmp/t1 +%F.%T; stat -f -c %T / /proc; sync && echo synced; "
                         "cp /tmp/t1 /tmp/t2 && chown 0:0 /tmp/t2 && ls -1 /tmp; rm /tmp/t1 /tmp/t2")
        self.expect(out == ["2020-01-02.03:04:05", "ramfs", "proc", "synced", "t1", "t2"],
                    "touch -d, stat -f, sync, cp or chown is wrong", str(out))

    def hard_links(self):
        out = self.lines("echo data > /tmp/h1 && ln /tmp/h1 /tmp/h2 && stat -c '%h %i' /tmp/h1 /tmp/h2; "
                         "rm /tmp/h1; cat /tmp/h2; stat -c %h /tmp/h2; rm /tmp/h2")
        self.expect(len(out) == 4 and out[0] == out[1] and out[0].split()[0] == "2" and
                    out[2:] == ["data", "1"], "ln (a hard link) is wrong", str(out))

    def shell_language(self):
        out = self.lines("trap 'echo trapped' USR1; kill -USR1 $$; trap - USR1; "
                         "echo $(( 7 * 6 )) $(( 10 % 3 )) $(( 1 << 4 )); "
                         "[ 3 -gt 2 ] && test -d / && [ ! -f /nonexistent ] && echo tests; "
                         "printf '1 a\\n2 b\\n' | while read n w; do echo $w$n; done; "
                         "f() { echo fn $1; return 3; }; f z; echo ret $?; "
                         "case foo in f*) echo matched;; esac")
        self.expect(out == ["trapped", "42 1 16", "tests", "a1", "b2", "fn z", "ret 3", "matched"],
                    "trap, $(( )), test/[, while read, a function or case is wrong", str(out))

    def here_document(self):
        start = len(self.con.text)
        self.con.send("cat <<EOF\rline $((1+2))\rEOF\r")
        end = self.con.wait_for("\n" + PROMPT, start + 20, 10)
        out = clean(self.con.text[start:end])
        self.expect(re.search(r"^line 3$", out, re.M), "the here-document did not expand", out)

    def exec_redirections(self):
        out = self.lines("exec 3>/tmp/fd3; echo via3 >&3; exec 3>&-; exec 4</tmp/fd3; "
                         "read l <&4; echo got $l; exec 4<&-; echo again >&4 || echo closed; "
                         "rm /tmp/fd3")
        self.expect(out[0] == "got via3" and out[-1] == "closed",
                    "exec 3> / exec 4< / exec 4<&- did not redirect", str(out))

    def script_by_path(self):
        out = self.lines("printf '#!/bin/sh\\necho script $1 $#\\n' > /tmp/s.sh; /tmp/s.sh a; "
                         "chmod +x /tmp/s.sh; /tmp/s.sh arg two; cd /tmp && ./s.sh; cd /; "
                         "rm /tmp/s.sh")
        self.expect(out[1:] == ["script arg 2", "script 0"] and "Permission denied" in out[0],
                    "a #!/bin/sh script: not refused before chmod +x, or not run after", str(out))

    def timers(self):
        """sleep's time, timeout's SIGTERM; date from the RTC, date -s, a new file's time."""
        out = self.lines("time sleep 0.5; timeout 1 sleep 5; echo timeout $?; "
                         "touch /tmp/new; date -r /tmp/new +%Y; rm /tmp/new; date -u +%s; "
                         "date -s '2031-02-03 04:05:06' > /dev/null; date +%F")
        m = re.search(r"real\s+0m (\d+\.\d+)s", "\n".join(out))
        self.expect(m and 0.45 <= float(m.group(1)) < 2, "sleep 0.5 did not take about 0.5 s",
                    str(out))
        self.expect("timeout 143" in out, "timeout 1 did not end sleep 5 with SIGTERM", str(out))
        host = time.time()
        self.expect(len(out) >= 3 and out[-3] == time.strftime("%Y", time.gmtime(host)) and
                    out[-2].isdigit() and abs(int(out[-2]) - host) < 120,
                    "date, or a new file's time, is not the host's (QEMU's RTC)", str(out))
        self.expect(out[-1:] == ["2031-02-03"], "date -s did not set the clock", str(out))

    def dmesg(self):
        """The kernel log through syslog(2): READ_ALL, -r's raw levels, -c's clear."""
        # "got " in front: a line like the kernel's own would be taken for one (KERNEL_LINE).
        out = self.lines("dmesg | head -1 | sed 's/^/got /'; dmesg -r | grep -m1 'Spindle version'; "
                         "dmesg -c > /dev/null; dmesg | wc -l")
        self.expect(len(out) == 3 and re.match(r"got \[ *0\.0+\] Spindle version 0\.1\.0", out[0]),
                    "dmesg does not start with the kernel's first line", str(out))
        self.expect(len(out) == 3 and re.match(r"<5>\[ *0\.0+\] Spindle version", out[1]),
                    "dmesg -r does not show the level", str(out))
        self.expect(out[-1:] == ["0"], "dmesg -c did not clear the log", str(out))

    def unknown_syscalls(self):
        """The -ENOSYS census: every number the boot and the sweep hit (each logged once)."""
        seen = sorted({int(n) for n in re.findall(r"unknown system call (\d+): -ENOSYS",
                                                   self.con.text)})
        print(f"    busybox: -ENOSYS census: {seen or 'none'}")
        self.expect(set(seen) <= KNOWN_ENOSYS,
                    f"-ENOSYS for {sorted(set(seen) - KNOWN_ENOSYS)} (known: {sorted(KNOWN_ENOSYS)})",
                    "")

    def ps(self):
        rows = {}
        for line in self.lines("ps"):
            m = re.match(r"\s*(\d+)\s+\S+\s+(.*)$", line)
            if m:
                rows[int(m.group(1))] = m.group(2)
        self.expect(rows.get(2) == "[kthreadd]", "ps does not list [kthreadd] as pid 2", str(rows))
        self.expect("init" in rows.get(1, ""), "ps does not list init as pid 1", str(rows))
        out = self.lines("cut -d' ' -f1-5 /proc/2/stat /proc/1/stat; cat /proc/2/cmdline | wc -c")
        self.expect(out[0] == "2 (kthreadd) S 0 0", "kthreadd's ppid is not 0", str(out))
        self.expect(out[1].startswith("1 (init) S 0 "), "init's ppid is not 0", str(out))
        self.expect(out[2] == "0", "kthreadd's cmdline is not empty", str(out))
        # Field 9 is the flags: PF_KTHREAD (0x00200000) marks the kthreads.
        out = self.lines("for p in /proc/[0-9]*; do read pid comm s ppid x x x x flags x < $p/stat; "
                         "[ $((flags & 0x200000)) = 0 ] || echo $ppid; done | sort | uniq -c")
        self.expect(len(out) == 2 and out[0].split() == ["1", "0"] and out[1].split()[1] == "2",
                    "the kthreads' parents are not 0 (kthreadd) and 2 (the others)", str(out))

    def proc_files(self):
        out = self.run("free; uptime; cat /proc/loadavg /proc/uptime /proc/version; "
                       "head -1 /proc/stat; grep -c ^processor /proc/cpuinfo; "
                       "readlink /proc/self/exe; cat /proc/self/comm; top -n 1 | head -4")
        for want in (r"^Mem: +\d+ +\d+ +\d+", r"load average: \d+\.\d\d",
                     r"^\d+\.\d\d \d+\.\d\d \d+\.\d\d \d+/\d+ \d+$", r"^\d+\.\d\d \d+\.\d\d$",
                     r"^Spindle version 0\.1\.0", r"^cpu  \d+ 0 \d+ \d+", r"^1$",
                     r"^/bin/busybox$", r"^cat$", r"^Mem: \d+K used", r"PID +PPID +USER"):
            self.expect(re.search(want, out, re.M), f"no line matching {want!r}", out)

    def proc_fd(self):
        """/proc/<pid>/fd: a link per open descriptor, to its path or pipe:[inode]."""
        out = self.lines("exec 7</init; ls /proc/$$/fd | tr '\\n' ' '; echo; readlink /proc/$$/fd/7; "
                         "exec 7<&-; ls /proc/$$/fd/7; echo | readlink /proc/self/fd/0")
        self.expect(len(out) == 4 and {"0", "1", "2", "7"} <= set(out[0].split()),
                    "ls /proc/$$/fd does not list 0, 1, 2 and 7", str(out))
        self.expect(len(out) == 4 and out[1] == "/init" and
                    re.match(r"ls: /proc/\d+/fd/7: No such file or directory$", out[2]),
                    "fd 7 does not link to /init, or is still there once closed", str(out))
        self.expect(re.match(r"pipe:\[\d+\]$", out[-1] if out else ""),
                    "a pipe's fd does not link to pipe:[inode]", str(out))

    def proc_maps(self):
        """/proc/<pid>/maps: the program's mappings by name, the heap, the stack."""
        out = self.lines("cat /proc/self/maps; wc -c < /proc/2/maps")
        self.expect(re.match(r"00400000-[0-9a-f]{8} r--p 00000000 \d\d:\d\d \d+ +/bin/busybox$",
                             out[0] if out else ""), "the first mapping is not /bin/busybox's",
                    str(out))
        self.expect(any(re.match(r"[0-9a-f]+-[0-9a-f]+ r-xp .* /bin/busybox$", l) for l in out) and
                    any(l.endswith(" [heap]") for l in out) and out[-2].endswith(" [stack]"),
                    "no text, [heap] or [stack] line", str(out))
        self.expect(out[-1:] == ["0"], "kthreadd's maps is not empty", str(out))

    def ls_l(self):
        out = self.run("ls -l /")
        for want in (r"^dr-xr-xr-x +\d+ 0 +0 +0 .* proc$", r"^drwxrwxrwt .* tmp$",
                     r"^-rwxr-xr-x .* init$"):
            self.expect(re.search(want, out, re.M), f"ls -l / has no line {want!r}", out)

    def kernel_shell(self):
        """Ctrl-] hands the console to the spindle# shell and back."""
        out = self.kernel_command("ps")
        self.expect("ldisc/ttyS0" in out and "kthreadd" in out,
                    "the spindle# shell's ps does not list the kthreads", out)
        out = self.lines("echo back in sh")
        self.expect(out == ["back in sh"], "sh does not answer after Ctrl-] back", str(out))

    def kernel_command(self, line):
        """@line at the spindle# shell (Ctrl-] there and back); its output."""
        start = len(self.con.text)
        self.con.send(CTRL_RBRACKET)
        self.con.wait_for("\nspindle# ", start, 10)
        time.sleep(0.2)
        start = len(self.con.text)
        self.con.send(line + "\r")
        end = self.con.wait_for("\nspindle# ", start + len(line), 10)
        out = self.con.text[start:end]
        start = len(self.con.text)
        self.con.send(CTRL_RBRACKET)
        self.con.wait_for("Ctrl-] for the spindle# shell]\n", start, 10)
        return out

    def long_line_starved_reader(self):
        """A line typed while the line discipline's thread cannot run arrives
        whole: COM1's 256-byte buffer fills and the rest waits in the UART
        instead of being dropped. A CPU hog at nice -20 and ldisc/ttyS0 at
        19 (the spindle# shell's nice) starve the reader for two seconds."""
        self.run("timeout -s KILL 2 sh -c 'while :; do :; done' & sleep 0.3")
        pids = ps_pids(self.kernel_command("ps"))
        hog = [pid for name, (pid, state) in pids.items() if name == "sh" and state == "R"]
        self.expect(hog and "ldisc/ttyS0" in pids, "no running hog or ldisc/ttyS0 in ps", str(pids))
        ldisc = pids["ldisc/ttyS0"][0]
        self.kernel_command(f"nice {hog[0]} -20")
        self.kernel_command(f"nice {ldisc} 19")
        out = self.lines("echo " + "y" * 600 + " | wc -c", timeout=30)
        self.kernel_command(f"nice {ldisc} 0")
        self.expect(out[:1] == ["601"], "a 600-byte line typed to a starved reader lost bytes",
                    str(out)[-200:])

    def memory_baseline(self):
        """The same work twice leaves the same free memory: nothing leaks."""
        self.run(WORKLOAD, timeout=120)
        before = self.mem_free_kb()
        out = self.lines(WORKLOAD, timeout=120)
        after = self.mem_free_kb()
        self.expect(out == ["50"], "the workload did not run", str(out))
        self.expect(abs(after - before) <= 32, f"MemFree {before} kB before, {after} kB after",
                    "")

    def poweroff(self):
        self.con.send("poweroff -f\r")


CHECKS = ["prompt", "uname", "command_substitution", "three_stage_pipe", "redirection", "files",
          "subshell_loop", "background_kill_wait", "ctrl_c", "ctrl_backslash", "job_control",
          "line_editing",
          "text_tools", "find_grep_xargs", "tar_gzip_md5sum", "file_times_and_fs", "hard_links",
          "shell_language", "here_document", "exec_redirections", "script_by_path", "timers",
          "dmesg",
          "ps", "proc_files", "proc_fd", "proc_maps", "ls_l", "kernel_shell", "long_line_starved_reader", "memory_baseline",
          "unknown_syscalls"]


def run(args, results, qemu_flags, elf, log_dir, smp=1):
    """Boot the busybox initramfs, run every check at its prompt, power off."""
    log_path = Path(log_dir) / "busybox.log"
    tmp = tempfile.mkdtemp(prefix="spindle-busybox-")
    sock = os.path.join(tmp, "ttyS0")
    flags = list(qemu_flags)
    flags[flags.index("-smp") + 1] = str(smp)
    cpio = Path(elf).parent / "busybox.cpio"        # beside the kernel: make's $(B)
    cmd = args.qemu + flags + ["-m", "128M", "-kernel", str(elf), "-initrd", str(cpio),
                               "-append", ""]
    boot_on_socket(args, cmd, sock, tmp, Path(log_dir) / "busybox.stderr",
                   lambda proc, err: drive_boot(args, results, proc, sock, log_path, err,
                                                "busybox", " # ", "boot", Checks, CHECKS,
                                                "poweroff", timed=("subshell_loop",)))


BENCH_SUBSHELLS = 1000


def bench(args, qemu_flags, elf, cpio, log_dir):
    """make bench's busybox figures, from one boot of @elf under -icount
    (guest time counts instructions, so it repeats): the guest time of a
    shell loop of BENCH_SUBSHELLS `(true)` subshells (busybox's `time`,
    10 ms steps), the guest's uptime at the prompt, and the host's wall
    time from starting QEMU to the first prompt (this one depends on the
    host). Return: ([(name, value, unit)], [problem])."""
    tmp = tempfile.mkdtemp(prefix="spindle-busybox-bench-")
    sock = os.path.join(tmp, "ttyS0")
    log_path = Path(log_dir) / "bench_busybox.log"
    cmd = args.qemu + list(qemu_flags) + ["-m", "128M", "-kernel", str(elf), "-initrd", str(cpio),
                                          "-append", "", "-icount", "shift=0,sleep=off"]
    figures, problems = [], []

    def body(proc, err):
        start = time.monotonic()
        try:
            con = Console(sock, log_path, 10)
        except ShellError as e:
            problems.append(f"bench_busybox: {e}")
            return
        try:
            con.wait_for(" # ", 0, args.timeout)
            figures.append(("busybox_boot_to_prompt_wall", f"{time.monotonic() - start:.2f}", "s"))
            checks = Checks(con)
            checks.prompt()
            up = checks.lines("cut -d' ' -f1 /proc/uptime")
            figures.append(("busybox_uptime_at_prompt", up[0], "s"))
            out = checks.run(f"time sh -c 'i=0; while [ $i -lt {BENCH_SUBSHELLS} ]; do (true); "
                             "i=$((i+1)); done'", timeout=10 * args.timeout)
            m = re.search(r"real\s+(\d+)m\s*(\d+\.\d+)s", out)
            if m:
                figures.append((f"busybox_{BENCH_SUBSHELLS}_subshells",
                                f"{int(m.group(1)) * 60 + float(m.group(2)):.2f}", "s"))
            else:
                problems.append(f"bench_busybox: no `time` figure in {out!r}")
            checks.poweroff()
            proc.wait(timeout=10)
        except (ShellError, Checks.Failed, subprocess.TimeoutExpired) as e:
            problems.append(f"bench_busybox: {e}; log: {log_path}")
        finally:
            con.close()

    boot_on_socket(args, cmd, sock, tmp, Path(log_dir) / "bench_busybox.stderr", body)
    return figures, problems


def main():
    import argparse
    import threading
    import runner
    p = argparse.ArgumentParser(description="Run only the busybox checks.")
    p.add_argument("--elf", default=str(runner.ELF))
    p.add_argument("--qemu", default="qemu-system-x86_64")
    p.add_argument("--timeout", type=int, default=120)
    args = p.parse_args()
    args.qemu = args.qemu.split()
    args.qemu_slots = threading.BoundedSemaphore(1)
    os.chdir(Path(__file__).resolve().parent.parent)
    runner.LOG_DIR.mkdir(parents=True, exist_ok=True)
    results = runner.Results()
    start = time.monotonic()
    run(args, results, runner.QEMU_FLAGS, args.elf, runner.LOG_DIR)
    print(results.summary() + f" in {time.monotonic() - start:.1f}s")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
