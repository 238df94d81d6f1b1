"""Measure what the per-file cache (.kb-cache/) and the single load per build save.

For each size N the script generates the build benchmark's corpus (N practices), then runs, as
an editor would, each in a fresh process and timed in CPU seconds (user + system) and wall:

* `kb validate`: cold (no cache), warm (nothing changed), after touching one practice;
* `kb build` with Pagefind off and the staging folder on (its default): cold, warm, after
  touching one practice;
* the build as it was before the single load: `kb validate` then `mkdocs build`, cache off
  (each loaded and checked everything).

This is a script, not a test: run it by hand, e.g.

    python benchmarks/cache_benchmark.py --sizes 1000 --repeat 3
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_benchmark import MKDOCS_YML, kb_config_text, write_corpus  # noqa: E402

CACHE_DIR = ".kb-cache"


def run(project: Path, *command: str) -> tuple[float, float]:
    """CPU and wall seconds of one command run in `project`; aborts when it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=project, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return cpu, wall


def kb(project: Path, *args: str) -> tuple[float, float]:
    return run(project, sys.executable, "-m", "build_tools.engine.cli", *args)


def touch_one(content: Path, round_number: int) -> None:
    practice = sorted((content / "practices").glob("*.md"))[0]
    with practice.open("a", encoding="utf-8") as file:
        file.write(f"\nПравка {round_number}.\n")


def cache_off(config: Path) -> None:
    """`cache: false` beside the other kb options, at their indentation."""
    text = config.read_text(encoding="utf-8")
    start = text.index("staged: true")
    indent = text[text.rindex("\n", 0, start) + 1:start]
    config.write_text(text.replace("staged: true\n", f"staged: true\n{indent}cache: false\n"),
                      encoding="utf-8")


def bench(size: int, work: Path, repeat: int) -> list[tuple[str, float, float]]:
    """Each row's run with the least CPU time of `repeat` rounds (CPU time of a run varies by
    a second or more on a shared virtual machine; the least is the one least disturbed)."""
    project = work / "project"
    project.mkdir(parents=True)
    content = project / "content"
    write_corpus(size, content)
    config = project / "mkdocs.yml"
    best: dict[str, tuple[float, float]] = {}

    def measure(label: str, cpu_wall: tuple[float, float]) -> None:
        if label not in best or cpu_wall[0] < best[label][0]:
            best[label] = cpu_wall

    for round_number in range(repeat):
        # Staged, as `kb build` is by default: a build then takes unchanged pages from the
        # site it replaces (engine/output_reuse.py).
        config.write_text(kb_config_text(MKDOCS_YML, content, project / "site", staged=True),
                          encoding="utf-8")
        for command, args in (("kb validate", ("validate",)), ("kb build", ("build",))):
            shutil.rmtree(project / CACHE_DIR, ignore_errors=True)
            measure(f"{command}, cold", kb(project, *args))
            measure(f"{command}, warm", kb(project, *args))
            touch_one(content, round_number * 10 + len(best))
            measure(f"{command}, one practice touched", kb(project, *args))
        cache_off(config)
        measure("kb build, cache off", kb(project, "build"))
        validate = kb(project, "validate")
        mkdocs = run(project, sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config))
        measure("two loads as before (validate + mkdocs build)",
                (validate[0] + mkdocs[0], validate[1] + mkdocs[1]))
    return [(label, cpu, wall) for label, (cpu, wall) in best.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds per size; each row reports its least CPU time")
    args = parser.parse_args()
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="kb-cache-bench-") as folder:
            rows = bench(size, Path(folder), max(1, args.repeat))
        print(f"\n{size} practices (Pagefind off; least CPU of {max(1, args.repeat)} rounds)")
        print(f"{'run':<48} {'CPU s':>8} {'wall s':>8}")
        for label, cpu, wall in rows:
            print(f"{label:<48} {cpu:>8.2f} {wall:>8.2f}")
        cpu = {label: value for label, value, _ in rows}
        ratio = cpu["kb build, one practice touched"] / cpu["kb build, cold"]
        print(f"kb build after one edit / cold kb build, CPU: {ratio:.2f} (goal: at most 0.5)")


if __name__ == "__main__":
    main()
