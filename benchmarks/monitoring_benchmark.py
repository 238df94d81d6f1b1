"""Monitoring at scale: time and peak memory of the whole monitoring step (not a test).

    python benchmarks/monitoring_benchmark.py                  # 500 schools × 40 × 50 periods
    python benchmarks/monitoring_benchmark.py --schools 100    # 200,000 rows

Each phase runs in a fresh child process so that its peak resident memory is its own. The
`validate` phase writes the rows as a Windows-1251 CSV with `;` and decimal commas, then reads and
checks it with the project's reader and validator, as a real delivery would be. The `publish`
phase does what a build does with the checked rows: the report (aggregates, dynamics,
candidates), every indicator's chart, every school's block and every download (CSV and XLSX,
the all-rows table included), each download's time reported on its own. `whole` adds the two:
the build's monitoring step (the aggregate phase alone is repeated inside publish).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from build_tools.monitoring.aggregate import (  # noqa: E402
    district_summary,
    school_dynamics,
    with_districts,
)
from build_tools.monitoring.indicators import Aggregation, Direction, Indicator  # noqa: E402
from build_tools.monitoring.periods import period_column  # noqa: E402
from build_tools.monitoring.selection import SelectionRule, assess  # noqa: E402


def make_rows(schools: int, indicators: int, periods: int, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    school = np.repeat(np.arange(schools), indicators * periods)
    indicator = np.tile(np.repeat(np.arange(indicators), periods), schools)
    period = np.tile(np.arange(periods), schools * indicators)
    walk = rng.normal(0.3, 2.0, size=school.size).reshape(-1, periods).cumsum(axis=1).ravel()
    return pd.DataFrame({
        "school": pd.Categorical([f"s{n:04d}" for n in school]),
        "indicator": pd.Categorical([f"i{n:02d}" for n in indicator]),
        "period": period_column(pd.Series(pd.Categorical.from_codes(
            period, categories=[f"{2000 + p}/{2001 + p}" for p in range(periods)]))),
        # Two decimals, as schools deliver them: a float's full repr has 17 digits, which the
        # validator refuses (MAX_DIGITS), and would measure the error path instead.
        "value": np.round(np.clip(50 + walk, 0, 100), 2),
    })


def registry(schools: int, indicators: int) -> tuple[dict[str, str], dict[str, int],
                                                      dict[str, Indicator]]:
    districts = {f"s{n:04d}": f"район {n % 18:02d}" for n in range(schools)}
    members: dict[str, int] = {}
    for district in districts.values():
        members[district] = members.get(district, 0) + 1
    specs = {f"i{n:02d}": Indicator(f"i{n:02d}", f"показатель {n}", "%",
                                    Direction.HIGHER if n % 3 else Direction.LOWER, 0, 100,
                                    Aggregation.MEAN, "1") for n in range(indicators)}
    return districts, members, specs


def aggregate_phase(args: argparse.Namespace, queue: mp.Queue) -> None:
    rows = make_rows(args.schools, args.indicators, args.periods)
    districts, members, specs = registry(args.schools, args.indicators)
    start = time.perf_counter()
    located = with_districts(rows, districts)
    summary = district_summary(located, members, min_group=3)
    school_dynamics(located, specs)  # the school pages still need it
    candidates = assess(located, specs, SelectionRule()).schools
    seconds = time.perf_counter() - start
    queue.put({"rows": len(rows), "seconds": seconds, "summary_rows": len(summary),
               "candidates": len(candidates), "peak_rss_mb": _peak_mb()})


def validate_phase(args: argparse.Namespace, queue: mp.Queue) -> None:
    from build_tools.content.registries import School, Schools
    from build_tools.monitoring.reader import read_table
    from build_tools.monitoring.table import validate_table

    rows = make_rows(args.schools, args.indicators, args.periods)
    _, _, specs = registry(args.schools, args.indicators)
    schools = Schools({f"s{n:04d}": School(f"s{n:04d}", "", "", "", "новостройка", 2020, 2020)
                       for n in range(args.schools)})
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.csv"
        rows[["school", "period", "indicator", "value"]].rename(columns={
            "school": "Школа", "period": "Период", "indicator": "Показатель",
            "value": "Значение"}).to_csv(path, sep=";", decimal=",", index=False,
                                         encoding="cp1251")
        cpu, start = time.process_time(), time.perf_counter()
        raw, problems = read_table(path)
        assert raw is not None, problems
        checked, problems = validate_table(raw, path.name, schools, specs)
        seconds = time.perf_counter() - start
        cpu = time.process_time() - cpu
    assert checked is not None, problems[:3]  # a benchmark of the error path measures nothing
    queue.put({"rows": len(rows), "seconds": seconds, "cpu_seconds": cpu,
               "problems": len(problems),
               "valid": checked is not None, "peak_rss_mb": _peak_mb()})


def publish_phase(args: argparse.Namespace, queue: mp.Queue) -> None:
    from build_tools.content.registries import Registry, School, Schools
    from build_tools.monitoring import Monitoring
    from build_tools.monitoring.site import MonitoringReport

    rows = make_rows(args.schools, args.indicators, args.periods)
    districts, _, specs = registry(args.schools, args.indicators)
    schools = Schools({key: School(key, f"Школа {key}", key, district, "новостройка", 2020, 2020)
                       for key, district in districts.items()})
    monitoring = Monitoring(specs, rows[["school", "period", "indicator", "value"]])
    cpu, start = time.process_time(), time.perf_counter()
    report = MonitoringReport(monitoring, Registry({}, schools))
    for indicator in report.indicators:
        report.chart(indicator)
    for key in districts:
        report.school_rows(key)
    report.internship_lists()
    report.programme_rows()
    downloads, sizes = {}, 0
    clock = time.process_time()
    for download in report.downloads():
        # The generator builds each file when asked for it: the time since the last one is its own.
        now = time.process_time()
        downloads[download.src_uri] = round(now - clock, 3)
        sizes += len(download.content)
        clock = now
    largest = sorted(downloads.items(), key=lambda item: -item[1])[:3]
    queue.put({"rows": len(rows), "seconds": time.perf_counter() - start,
               "cpu_seconds": time.process_time() - cpu, "downloads": len(downloads),
               "download_mb": round(sizes / 1e6, 1), "slowest_downloads": dict(largest),
               "peak_rss_mb": _peak_mb()})


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(phase: str, args: argparse.Namespace) -> dict:
    queue: mp.Queue = mp.Queue()
    target = {"aggregate": aggregate_phase, "validate": validate_phase,
              "publish": publish_phase}[phase]
    process = mp.Process(target=target, args=(args, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=500)
    parser.add_argument("--indicators", type=int, default=40)
    parser.add_argument("--periods", type=int, default=50)
    parser.add_argument("--skip-validate", action="store_true")
    parser.add_argument("--skip-publish", action="store_true")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out"))
    args = parser.parse_args()
    results = {"aggregate": run("aggregate", args)}
    if not args.skip_validate:
        results["validate"] = run("validate", args)
    if not args.skip_publish:
        results["publish"] = run("publish", args)
    for phase, result in results.items():
        cpu = f", {result['cpu_seconds']:.2f} s CPU" if "cpu_seconds" in result else ""
        print(f"{phase:>9}: {result['rows']:,} rows in {result['seconds']:.2f} s{cpu}, "
              f"peak RSS {result['peak_rss_mb']:.0f} MB (whole process, data generation included)")
    if "validate" in results and "publish" in results:
        # The build's monitoring step: read and check, then aggregate, pages and downloads.
        step = [results["validate"], results["publish"]]
        print(f"{'whole':>9}: {sum(r['seconds'] for r in step):.2f} s, "
              f"{sum(r['cpu_seconds'] for r in step):.2f} s CPU, peak RSS "
              f"{max(r['peak_rss_mb'] for r in step):.0f} MB (goal: 5 s and 1,000 MB)")
    if "publish" in results:
        publish = results["publish"]
        slowest = ", ".join(f"{name} {seconds:.2f} s"
                            for name, seconds in publish["slowest_downloads"].items())
        print(f"{'':>9}  {publish['downloads']} downloads, {publish['download_mb']} MB; "
              f"slowest (CPU): {slowest}")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "monitoring_benchmark.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
