# SPDX-License-Identifier: GPL-2.0
"""KTAP, the output format of Linux's KUnit: a parser that builds the tree
of suites and cases the way kunit.py's kunit_parser does.

Used by tests/runner.py (make test) and tools/lab.py (make grade).
"""
import re


KTAP_START = re.compile(r"^\s*KTAP version (\d+)$")
KTAP_ANYWHERE = re.compile(r"KTAP version (\d+)$")     # after a prefix
SUBTEST = re.compile(r"^\s*# Subtest: (.*)$")
PLAN = re.compile(r"^\s*1\.\.(\d+)")
RESULT = re.compile(r"^\s*(ok|not ok) (\d+) (?:- )?([^#]*?)\s*(?:# (.*))?$")


class KtapTest:
    """One test of a KTAP tree: a suite (has subtests) or a case."""

    def __init__(self, name=""):
        self.name = name
        self.status = "crash"           # ok, fail, skip or crash
        self.reason = ""                # the SKIP reason
        self.parent = False             # had a KTAP or "# Subtest" header
        self.subtests = []
        self.log = []                   # diagnostic lines before its result
        self.missing_result = False     # a suite whose result line never came
        self.missing = False            # a subtest the plan promised, never seen


class Lines:
    def __init__(self, lines):
        self.lines, self.i = lines, 0

    def peek(self):
        return self.lines[self.i] if self.i < len(self.lines) else None

    def pop(self):
        self.i += 1
        return self.lines[self.i - 1]


def ktap_lines(text):
    """The KTAP part of a log, with the printk timestamp prefix removed.

    As kunit.py does: the prefix is whatever precedes "KTAP version" on the
    first KTAP line, and that many characters are cut from every line after.
    """
    lines = [line.rstrip() for line in text.splitlines()]
    for i, line in enumerate(lines):
        if KTAP_ANYWHERE.search(line):
            prefix = len(line.split("KTAP version")[0])
            return [l[prefix:] for l in lines[i:]]
    return None


def _diagnostics(lines):
    out = []
    while lines.peek() is not None and not any(
            r.match(lines.peek()) for r in (RESULT, SUBTEST, KTAP_START)):
        out.append(lines.pop())
    return out


def _parse_test(lines, log, top):
    """Parse one test (recursively), the way kunit_parser.parse_test() does."""
    test = KtapTest()
    test.log = log + _diagnostics(lines)
    plan = None
    if KTAP_START.match(lines.peek() or ""):
        lines.pop()
        test.parent = True
    test.parent |= top
    if not top and SUBTEST.match(lines.peek() or ""):
        test.name = SUBTEST.match(lines.pop()).group(1)
        test.parent = True
    if test.parent and PLAN.match(lines.peek() or ""):
        plan = int(PLAN.match(lines.pop()).group(1))
    while test.parent and (plan is None or len(test.subtests) < plan):
        sub_log = _diagnostics(lines)
        line = lines.peek()
        own_result = (not top and line is not None and RESULT.match(line)
                      and RESULT.match(line).group(3) == test.name)
        if line is None or own_result:
            if plan is None:
                test.log += sub_log
                break
            # The plan promised more: the kernel crashed or hung here.
            number = len(test.subtests) + 1
            missing = KtapTest(f"suite #{number}" if top else f"#{number}")
            missing.log, missing.missing = sub_log, True
            test.subtests.append(missing)
            continue
        test.subtests.append(_parse_test(lines, sub_log, False))
    if top:
        test.status = "ok"
        return test
    test.log += _diagnostics(lines)
    m = RESULT.match(lines.peek() or "")
    if m and (not test.name or m.group(3) == test.name):
        lines.pop()
        test.name = m.group(3)
        directive = m.group(4) or ""
        if directive.startswith("SKIP"):
            test.status, test.reason = "skip", directive[4:].strip()
        else:
            test.status = "ok" if m.group(1) == "ok" else "fail"
    else:
        test.missing_result = True
    return test


def parse_ktap(text):
    """Parse a log holding KTAP; None if it has none."""
    lines = ktap_lines(text)
    if lines is None:
        return None
    return _parse_test(Lines(lines), [], True)


def ktap_cases(test, prefix=""):
    """Yield (full name, test) for every leaf case, as kunit.py counts them."""
    name = f"{prefix}.{test.name}" if prefix and test.name else prefix or test.name
    if test.subtests:
        for sub in test.subtests:
            yield from ktap_cases(sub, name)
    elif not (test.parent and test.status in ("ok", "crash")):
        yield name, test        # a suite that ran no case counts as nothing


def ktap_totals(root):
    totals = {"passed": 0, "failed": 0, "skipped": 0}
    for _, case in ktap_cases(root):
        key = {"ok": "passed", "skip": "skipped"}.get(case.status, "failed")
        totals[key] += 1
    return totals


def incomplete_suites(test, prefix=""):
    name = f"{prefix}.{test.name}" if prefix and test.name else prefix or test.name
    # A suite cut short already shows as missing cases: no need to say it twice.
    if test.missing_result and test.parent and not any(s.missing for s in test.subtests):
        yield name
    for sub in test.subtests:
        yield from incomplete_suites(sub, name)
