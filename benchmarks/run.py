"""Benchmarks of the bundle: prints a table and writes build/bench.json.  Run:  make bench

What it measures, and the target for each:
1. nbval over every notebook, as a ratio to a floor: the same number of trivial notebooks that only
   start a kernel and import pandas, matplotlib, ipywidgets and statusquo. Median of three alternating
   runs; target ratio <= 1.5.
2. Each notebook's execution time and its kernel's peak memory (max RSS); target <= 300 MB.
3. Each interactive panel's update function, called 20 times with changing inputs: median and p95 in
   ms; target p95 <= 100 ms.
4. Wall time of `make test` (skip with --no-make-test).

Performance is measured here, never asserted by timed tests.
"""

from __future__ import annotations

import argparse
import contextlib
import io
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
NBVAL_ARGS = ["--nbval", "--nbval-current-env", "-n", "2", "--dist", "loadscope", "-q", "-p", "no:cacheprovider",
              f"--nbval-sanitize-with={ROOT / 'tests' / 'nbval_sanitize.cfg'}"]


def write_floor_notebooks(count: int) -> Path:
    """Trivial notebooks beside a copy of statusquo (which finds data/ by searching upwards)."""
    folder = BUILD / "bench" / "floor"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copytree(ROOT / "notebooks" / "statusquo", folder / "statusquo",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for i in range(count):
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [nbformat.v4.new_code_cell(FLOOR_CELL)]
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        NotebookClient(notebook, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
        nbformat.write(notebook, folder / f"{i:02d}_floor.ipynb")
    return folder


def timed_nbval(paths: list[Path]) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"),
                             f"--rootdir={ROOT}", "-o", "addopts=", *NBVAL_ARGS, *map(str, paths)],
                            cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, PYTHONHASHSEED="0"))
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"nbval run failed:\n{result.stdout[-3000:]}")
    return elapsed


def nbval_ratio(runs: int = 3) -> dict:
    floor_dir = write_floor_notebooks(len(NOTEBOOKS))
    floor_paths = sorted(floor_dir.glob("*.ipynb"))
    floors, reals = [], []
    for _ in range(runs):  # alternate, so drift in machine load hits both sides alike
        floors.append(timed_nbval(floor_paths))
        reals.append(timed_nbval(NOTEBOOKS))
    floor, real = statistics.median(floors), statistics.median(reals)
    return {"floor_s": round(floor, 2), "notebooks_s": round(real, 2), "ratio": round(real / floor, 2),
            "floor_runs_s": [round(x, 2) for x in floors], "notebook_runs_s": [round(x, 2) for x in reals],
            "target_ratio": 1.5}


def per_notebook() -> list[dict]:
    rows = []
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        notebook.cells.append(nbformat.v4.new_code_cell(PEAK_MEMORY_CELL))
        client = NotebookClient(notebook, kernel_name="python3", timeout=300,
                                resources={"metadata": {"path": str(path.parent)}})
        start = time.perf_counter()
        client.execute()
        elapsed = time.perf_counter() - start
        peak_kb = int(notebook.cells[-1].outputs[0]["text"].strip())
        rows.append({"notebook": path.name, "execute_s": round(elapsed, 2), "peak_rss_mb": round(peak_kb / 1024, 1),
                     "target_mb": 300})
    return rows


def panel_updates(calls: int = 20) -> list[dict]:
    """Time every panel's update function; panels register themselves in panel_cases.py."""
    import matplotlib

    matplotlib.use("Agg")
    import panel_cases

    # Building a panel draws its first state; outside a kernel its Output widget would print it.
    with contextlib.redirect_stdout(io.StringIO()):
        panel_list = panel_cases.cases(calls)
    rows = []
    for name, update, inputs in panel_list:
        timings = []
        for arguments in inputs:
            start = time.perf_counter()
            update(**arguments)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        p95 = timings[min(len(timings) - 1, int(round(0.95 * (len(timings) - 1))))]
        rows.append({"panel": name, "calls": len(timings), "median_ms": round(statistics.median(timings), 1),
                     "p95_ms": round(p95, 1), "target_p95_ms": 100})
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
    parser.add_argument("--runs", type=int, default=3, help="alternating nbval runs (median is reported)")
    options = parser.parse_args()

    results = {"machine": machine(), "nbval": nbval_ratio(options.runs), "notebooks": per_notebook(),
               "panels": panel_updates()}
    if not options.no_make_test:
        results["make_test"] = make_test_wall_time()

    print(f"Machine: {results['machine']}")
    print_table("1. nbval, all notebooks vs floor (median of alternating runs)", [results["nbval"]])
    print_table("2. Each notebook: execution time and kernel peak memory", results["notebooks"])
    print_table("3. Panel updates (ms)", results["panels"])
    if "make_test" in results:
        print_table("4. make test", [results["make_test"]])
    BUILD.mkdir(exist_ok=True)
    (BUILD / "bench.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {(BUILD / 'bench.json').relative_to(ROOT)}")


if __name__ == "__main__":
    main()
