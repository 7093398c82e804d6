"""Benchmarks of the bundle: prints a table and writes build/bench.json.  Run:  make bench

What it measures, and the target for each:
1. Each notebook under nbval, one at a time, as a ratio to a floor: a trivial notebook that only starts
   a kernel and imports pandas, matplotlib, ipywidgets and statusquo. Median of three alternating runs;
   target ratio <= 1.3.
2. Each notebook's Run All time (first cell's start to last cell's reply; target <= 3 s) and its
   kernel's peak memory (max RSS; target <= 300 MB).
3. Each interactive panel's update, timed by pytest-benchmark over 20 slider moves (target <= 100 ms).
4. Wall time of `make test` (skip with --no-make-test).

Performance is measured here, never asserted by timed tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
sys.path.insert(0, str(ROOT / "notebooks"))
from statusquo.contents import notebook_paths  # noqa: E402

NOTEBOOKS = notebook_paths()
sys.path.insert(0, str(Path(__file__).resolve().parent))

FLOOR_CELL = "import pandas, matplotlib.pyplot, ipywidgets, statusquo"
PEAK_MEMORY_CELL = "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
NBVAL_ARGS = ["--nbval", "--nbval-current-env", "-n", "0", "-q", "-p", "no:cacheprovider",
              f"--nbval-sanitize-with={ROOT / 'tests' / 'nbval_sanitize.cfg'}"]


def write_floor_notebook() -> Path:
    """A trivial notebook beside a copy of statusquo (which finds data/ by searching upwards): it only
    starts the kernel and imports the libraries every notebook imports."""
    folder = BUILD / "bench" / "floor"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copytree(ROOT / "notebooks" / "statusquo", folder / "statusquo",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "notebooks" / "contents.csv", folder / "contents.csv")
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(FLOOR_CELL)]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(notebook, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    path = folder / "00_floor.ipynb"
    nbformat.write(notebook, path)
    return path


def timed_nbval(path: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"),
                             f"--rootdir={ROOT}", "-o", "addopts=", *NBVAL_ARGS, str(path)],
                            cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, PYTHONHASHSEED="0"))
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"nbval run of {path.name} failed:\n{result.stdout[-3000:]}")
    return elapsed


def nbval_against_floor(notebooks: list[Path], runs: int = 3) -> list[dict]:
    """Each notebook under nbval, one at a time (in parallel the content's cost would hide), against the
    floor notebook; runs alternate so drift in machine load hits both alike. Medians."""
    floor_path = write_floor_notebook()
    rows = []
    for path in notebooks:
        floors, reals = [], []
        for _ in range(runs):
            floors.append(timed_nbval(floor_path))
            reals.append(timed_nbval(path))
        floor, real = statistics.median(floors), statistics.median(reals)
        rows.append({"notebook": path.stem, "nbval_s": round(real, 2), "floor_s": round(floor, 2),
                     "ratio": round(real / floor, 2), "target_ratio": 1.3})
    return rows


def _run_all_seconds(notebook) -> float:
    """From the first cell's start to the last cell's reply, as the kernel recorded them (Run All
    without the kernel's start-up)."""
    stamps = [c.metadata.get("execution", {}) for c in notebook.cells if c.cell_type == "code"]
    first = min(s["iopub.execute_input"] for s in stamps if "iopub.execute_input" in s)
    last = max(s["shell.execute_reply"] for s in stamps if "shell.execute_reply" in s)
    from datetime import datetime

    parse = lambda text: datetime.fromisoformat(text.replace("Z", "+00:00"))  # noqa: E731
    return (parse(last) - parse(first)).total_seconds()


def per_notebook(notebooks: list[Path], runs: int = 3) -> list[dict]:
    """Run All of each notebook in a fresh kernel; the median of `runs` runs, and the largest peak memory."""
    rows = []
    for path in notebooks:
        seconds, peaks = [], []
        for _ in range(runs):
            run_all_s, peak_mb = _run_all(path)
            seconds.append(run_all_s)
            peaks.append(peak_mb)
        rows.append({"notebook": path.stem, "run_all_s": round(statistics.median(seconds), 2), "target_s": 3.0,
                     "peak_rss_mb": max(peaks), "target_mb": 300})
    return rows


def _run_all(path: Path) -> tuple[float, float]:
    """(Run All seconds, kernel peak memory in MB) of one execution of the notebook at `path`."""
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(PEAK_MEMORY_CELL))
    client = NotebookClient(notebook, kernel_name="python3", timeout=300, record_timing=True,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    peak_kb = int(notebook.cells[-1].outputs[0]["text"].strip())
    return _run_all_seconds(notebook), round(peak_kb / 1024, 1)


def panel_updates() -> list[dict]:
    """Every panel's update, timed by pytest-benchmark (benchmarks/test_panel_updates.py)."""
    report = BUILD / "bench_panels.json"
    BUILD.mkdir(exist_ok=True)
    result = subprocess.run([sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), f"--rootdir={ROOT}",
                             "-o", "addopts=", "-p", "no:nbval", "-q", f"--benchmark-json={report}",
                             "benchmarks/test_panel_updates.py"], cwd=ROOT, capture_output=True, text=True,
                            env=dict(os.environ, PYTHONHASHSEED="0", MPLBACKEND="Agg"))
    if result.returncode != 0:
        raise SystemExit(f"panel benchmark failed:\n{result.stdout[-3000:]}")
    rows = []
    for bench in json.loads(report.read_text(encoding="utf-8"))["benchmarks"]:
        stats = bench["stats"]
        rows.append({"panel": bench["param"].split("-")[0] if bench.get("param") else bench["name"],
                     "rounds": stats["rounds"], "median_ms": round(stats["median"] * 1000, 1),
                     "max_ms": round(stats["max"] * 1000, 1), "target_ms": 100})
    return rows


def make_test_wall_time() -> dict:
    start = time.perf_counter()
    result = subprocess.run(["make", "--no-print-directory", "test"], cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    summaries = [line.strip("= ") for line in result.stdout.splitlines() if " passed" in line or " failed" in line]
    summary = summaries[-1] if summaries else "(no pytest summary line)"
    # Keep the whole output: a failure inside the benchmark must be diagnosable afterwards.
    BUILD.mkdir(exist_ok=True)
    (BUILD / "bench_make_test.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    failed = [line for line in result.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
    return {"wall_s": round(elapsed, 1), "exit_code": result.returncode, "summary": summary, "failed": failed}


def machine() -> dict:
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)}


def print_table(title: str, rows: list[dict]) -> None:
    if not rows:
        print(f"\n{title}: none")
        return
    columns = list(rows[0])
    widths = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in columns}
    print(f"\n{title}")
    print("  ".join(c.ljust(widths[c]) for c in columns))
    for row in rows:
        print("  ".join(str(row[c]).ljust(widths[c]) for c in columns))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-make-test", action="store_true", help="skip timing `make test`")
    parser.add_argument("--runs", type=int, default=3, help="alternating nbval runs, and Run All runs (medians)")
    parser.add_argument("--notebook", action="append", metavar="NUMBER",
                        help="only this notebook (its number, e.g. 03); repeat for more; default: all")
    parser.add_argument("--skip", action="append", default=[], choices=["nbval", "run-all", "panels"],
                        help="leave out one part; repeat for more")
    parser.add_argument("--json", type=Path, default=BUILD / "bench.json", help="where to write the results")
    options = parser.parse_args()
    notebooks = [p for p in NOTEBOOKS if not options.notebook or p.name[:2] in options.notebook]
    if not notebooks:
        parser.error(f"no notebook numbered {options.notebook}; known: {[p.name[:2] for p in NOTEBOOKS]}")

    results = {"machine": machine()}
    if "nbval" not in options.skip:
        results["nbval"] = nbval_against_floor(notebooks, options.runs)
    if "run-all" not in options.skip:
        results["notebooks"] = per_notebook(notebooks, options.runs)
    if "panels" not in options.skip:
        results["panels"] = panel_updates()
    if not options.no_make_test:
        results["make_test"] = make_test_wall_time()

    print(f"Machine: {results['machine']}")
    titles = {"nbval": "1. nbval, each notebook alone vs a floor notebook (median of alternating runs)",
              "notebooks": "2. Each notebook: Run All time (kernel start excluded; median) and kernel peak memory",
              "panels": "3. Panel updates (ms)"}
    for part, title in titles.items():
        if part in results:
            print_table(title, results[part])
    if "make_test" in results:
        print_table("4. make test", [results["make_test"]])
    options.json.parent.mkdir(parents=True, exist_ok=True)
    options.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {options.json}")


if __name__ == "__main__":
    main()
