"""Running a build as a child process: its wall and CPU time and the peak memory of its tree."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MB = 1_000_000
POLL_SECONDS = 0.02
SAMPLE_SECONDS = 0.1


@dataclass
class Timing:
    """Wall-clock seconds and CPU seconds (user + system) of one phase.

    CPU time counts the child and every descendant it waited for (the Pagefind binary is one);
    unlike wall time it hardly changes when other jobs share the CPUs.
    """

    wall: float
    cpu: float


@dataclass
class ProcessRun:
    timing: Timing
    peak_rss_mb: float
    """The largest high-water mark (VmHWM) of one process of the tree."""
    tree_peak_rss_mb: float
    """The largest sum of the resident memory of the whole tree at one moment: a build whose
    Pagefind runs while Python still holds its pages needs both at once."""
    returncode: int
    timed_out: bool = False
    peaks_by_name: dict[str, float] = field(default_factory=dict)
    """The largest high-water mark per command name (e.g. the Pagefind binary's), MB."""


class TreeMemory:
    """Samples a process tree's memory from /proc every 0.1 s.

    The kernel's own peak (ru_maxrss of a reaped child) cannot be used: a child forked from
    this script starts with the script's pages counted and keeps that figure across exec, so
    a small build would report this script's size. VmHWM is the high-water mark of the
    memory the process has after exec, and it is kept between samples.
    """

    def __init__(self, root: int) -> None:
        self.root = root
        self.tree_peak = 0
        self.hwm: dict[int, tuple[str, int]] = {}

    def sample(self) -> None:
        total = 0
        for pid, parent in descendants(self.root):
            if pid != self.root and _exe(pid) == _exe(parent):
                # Forked and not yet replaced by its program: its pages are its parent's.
                continue
            status = _status(pid)
            if not status:
                continue
            total += status.get("VmRSS", 0)
            name = status.get("Name", "")
            self.hwm[pid] = (str(name), max(int(status.get("VmHWM", 0)),
                                            self.hwm.get(pid, ("", 0))[1]))
        self.tree_peak = max(self.tree_peak, total)

    def largest(self) -> int:
        return max((hwm for _, hwm in self.hwm.values()), default=0)

    def by_name(self) -> dict[str, float]:
        peaks: dict[str, float] = {}
        for name, hwm in self.hwm.values():
            peaks[name] = max(peaks.get(name, 0.0), hwm / MB)
        return peaks


def run_measured(command: Sequence[str], log_file: Path, *, cwd: Path, env: dict[str, str],
                 timeout: float) -> ProcessRun:
    """Run `command` with its output in `log_file`; reap it with wait4 to read its CPU time."""
    with log_file.open("w", encoding="utf-8") as log:
        start = time.perf_counter()
        process = subprocess.Popen(list(command), stdout=log, stderr=subprocess.STDOUT, cwd=cwd,
                                   env=env)
        memory = TreeMemory(process.pid)
        status, rusage, timed_out = _wait(process, start + timeout, memory)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    # CPU of the child and of every descendant it reaped (the Pagefind binary is one).
    timing = Timing(seconds, rusage.ru_utime + rusage.ru_stime)
    # A single process's high-water mark may fall between two samples of the sum.
    tree_peak = max(memory.tree_peak, memory.largest())
    return ProcessRun(timing, memory.largest() / MB, tree_peak / MB, process.returncode,
                      timed_out, memory.by_name())


def _wait(process: subprocess.Popen[bytes], deadline: float, memory: TreeMemory,
          ) -> tuple[int, Any, bool]:
    timed_out = False
    next_sample = 0.0
    while True:
        now = time.perf_counter()
        if now >= next_sample:
            memory.sample()
            next_sample = now + SAMPLE_SECONDS
        pid, status, rusage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            return status, rusage, timed_out
        if not timed_out and now > deadline:
            process.kill()
            timed_out = True
        time.sleep(POLL_SECONDS)


def descendants(root: int) -> list[tuple[int, int]]:
    """`root` and every process below it now, each with its parent (empty without /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # the process ended meanwhile
            continue
        # The command name may hold spaces and brackets: fields are counted after the last ")".
        parent = int(text[text.rindex(")") + 2:].split()[1])
        children.setdefault(parent, []).append(int(stat.parent.name))
    found, stack = [], [(root, 0)]
    while stack:
        pid, parent = stack.pop()
        found.append((pid, parent))
        stack.extend((child, pid) for child in children.get(pid, ()))
    return found


def _exe(pid: int) -> str:
    try:
        return os.readlink(f"/proc/{pid}/exe")
    except OSError:
        return ""


def _status(pid: int) -> dict[str, int | str]:
    """Name, VmRSS and VmHWM (bytes) of one process; empty once it has ended."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return {}
    out: dict[str, int | str] = {}
    for line in lines:
        key, _, value = line.partition(":")
        if key == "Name":
            out[key] = value.strip()
        elif key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0]) * 1024
    return out
