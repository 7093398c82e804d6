"""A class on one machine: N simulated students log in to the local hub (hub/run_hub.py), spawn their
servers, pull the bundle with the nbgitpuller link and run every cell of notebook 00, all at the same
moment.  Run:  .venv/bin/python benchmarks/hub_class.py [--sizes 5 15 30]

Reported per class size: spawn time (login to the nbgitpuller page: the hub starts the student's
server), pull time, run-all time (kernel start plus every code cell of notebook 00), each as median and
95th percentile; failures; memory per student (peak PSS of the student's server and kernel, median over
students; and the largest peak RSS, which counts shared libraries in full) and in total (peak of the
sum of PSS over every process of the hub); CPU seconds per student; the machine's load average
(os.getloadavg) before and after, because on a shared machine other work slows the class down too.
The class size where p95 of run-all passes 60 s is the first measured size beyond it, with a linear
estimate between the measured sizes. Writes build/bench-hub.json.  Not a test: nothing is asserted.
With --whole-bundle each student runs every notebook in order: run it with --sizes 1 to see what one
student needs at most (memory limits).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hub"))
import run_hub  # noqa: E402
from student_client import Student  # noqa: E402

sys.path.insert(0, str(ROOT / "notebooks"))
from statusquo.contents import entries  # noqa: E402

PASSWORD = "benchmark-class"
RUN_ALL_LIMIT = 60.0  # seconds: a student waiting longer than a minute for the first notebook
NOTEBOOK = f"{run_hub.FOLDER}/{run_hub.FIRST_NOTEBOOK}"


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile (p95 of 5 values is the largest)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))  # ceil(n * share)
    return ordered[int(rank) - 1]


def memory_kib(pid: int) -> tuple[int, int]:
    """(PSS, RSS) in KiB. PSS divides shared pages among the processes sharing them (what the machine
    needs per student); RSS counts them in full (what a per-student limit may see, at most)."""
    values = {"Pss:": 0, "Rss:": 0}
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key = line.split(maxsplit=1)[0] if line else ""
            if key in values:
                values[key] = int(line.split()[1])
    return values["Pss:"], values["Rss:"]


def owner_of(pid: int) -> str | None:
    """The student a process belongs to (servers and kernels carry JUPYTERHUB_USER), '' for the hub."""
    with contextlib.suppress(OSError):
        for item in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0"):
            if item.startswith(b"JUPYTERHUB_USER="):
                return item.split(b"=", 1)[1].decode()
        return ""
    return None


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time the process has used so far."""
    with contextlib.suppress(OSError, IndexError, ValueError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return 0.0


class MemorySampler(threading.Thread):
    """Samples every process of the run once a second: peak memory per student and of the total, and
    the CPU time each student's processes used (last value seen for each process)."""

    def __init__(self, run_id: str):
        super().__init__(daemon=True)
        self.run_id, self.stopped = run_id, threading.Event()
        self.peak_student: dict[str, int] = {}
        self.peak_student_rss: dict[str, int] = {}
        self.peak_total = 0
        self.cpu_seen: dict[int, tuple[str, float]] = {}

    def cpu_per_student(self) -> dict[str, float]:
        totals: dict[str, float] = {}
        for owner, seconds in self.cpu_seen.values():
            if owner:
                totals[owner] = totals.get(owner, 0.0) + seconds
        return totals

    def run(self):
        while not self.stopped.wait(1.0):
            per_owner: dict[str, int] = {}
            rss_per_owner: dict[str, int] = {}
            for pid in run_hub.processes_of_run(self.run_id):
                owner = owner_of(pid)
                if owner is not None:
                    pss, rss = memory_kib(pid)
                    per_owner[owner] = per_owner.get(owner, 0) + pss
                    rss_per_owner[owner] = rss_per_owner.get(owner, 0) + rss
                    self.cpu_seen[pid] = (owner, cpu_seconds(pid))
            for owner, kib in rss_per_owner.items():
                if owner:
                    self.peak_student_rss[owner] = max(self.peak_student_rss.get(owner, 0), kib)
            self.peak_total = max(self.peak_total, sum(per_owner.values()))
            for owner, kib in per_owner.items():
                if owner:
                    self.peak_student[owner] = max(self.peak_student.get(owner, 0), kib)


def one_student(hub, name: str, repository: str, start_line: threading.Barrier, notebooks: list[str]) -> dict:
    student = Student(hub.url, name, PASSWORD, timeout=900)
    record = {"student": name}
    try:
        start_line.wait()
        begin = time.perf_counter()
        student.log_in()
        student.open_link(run_hub.pull_link(hub.url, repository))
        record["spawn_s"] = time.perf_counter() - begin
        begin = time.perf_counter()
        student.pull(repository, run_hub.BRANCH, run_hub.FOLDER)
        record["pull_s"] = time.perf_counter() - begin
        begin = time.perf_counter()
        student.request_token()
        results = [result for notebook in notebooks for result in student.run_notebook(notebook, cell_timeout=600)]
        record["run_all_s"] = time.perf_counter() - begin
        bad = [f"cell {r.index}: {r.status} {r.errors}" for r in results if not r.ok]
        if bad:
            record["failure"] = "; ".join(bad)[:300]
    except Exception as error:  # a failure is a result here, not a crash of the benchmark
        record["failure"] = f"{type(error).__name__}: {error}"[:300]
    return record


def run_class(size: int, work: Path, notebooks: list[str]) -> dict:
    load_before = os.getloadavg()
    state = work / f"class-{size}"
    if state.exists():
        shutil.rmtree(state)  # fresh homes: every student clones, as in a first lesson
    repository = run_hub.publish_bundle(state / "class").as_uri()
    os.environ["STATUSQUO_HUB_START_TIMEOUT"] = "900"
    hub = run_hub.start_hub(state, [f"student{i:02d}" for i in range(size)], PASSWORD)
    sampler = MemorySampler(hub.run_id)
    sampler.start()
    wall = time.perf_counter()
    try:
        start_line = threading.Barrier(size)
        with ThreadPoolExecutor(size) as pool:
            records = list(pool.map(lambda name: one_student(hub, name, repository, start_line, notebooks), hub.students))
    finally:
        wall = time.perf_counter() - wall
        sampler.stopped.set()
        sampler.join()
        hub.stop()
    ok = [r for r in records if "failure" not in r]
    summary = {"students": size, "notebooks": notebooks, "wall_s": wall, "load_before": load_before, "load_after": os.getloadavg(),
               "failures": len(records) - len(ok), "failure_messages": sorted({r["failure"] for r in records
                                                                                 if "failure" in r})[:5],
               "student_peak_mib_median": statistics.median(sampler.peak_student.values()) / 1024
               if sampler.peak_student else None,
               "student_peak_rss_mib_max": max(sampler.peak_student_rss.values()) / 1024
               if sampler.peak_student_rss else None,
               "total_peak_mib": sampler.peak_total / 1024,
               "student_cpu_s_median": statistics.median(sampler.cpu_per_student().values())
               if sampler.cpu_per_student() else None, "records": records}
    for phase in ("spawn_s", "pull_s", "run_all_s"):
        values = [r[phase] for r in records if phase in r]
        summary[phase] = {"median": statistics.median(values) if values else None, "p95": percentile(values, 0.95)}
    return summary


def crossing(results: list[dict]) -> dict:
    """Where p95 of run-all passes the limit: first measured size beyond it, and a linear estimate."""
    points = [(r["students"], r["run_all_s"]["p95"]) for r in results if r["run_all_s"]["p95"] is not None]
    first = next((n for n, p95 in points if p95 > RUN_ALL_LIMIT), None)
    estimate = None
    for (n0, t0), (n1, t1) in zip(points, points[1:]):
        if t0 <= RUN_ALL_LIMIT < t1:
            estimate = n0 + (RUN_ALL_LIMIT - t0) * (n1 - n0) / (t1 - t0)
    if points and points[0][1] > RUN_ALL_LIMIT:
        estimate = f"below {points[0][0]}"
    return {"limit_s": RUN_ALL_LIMIT, "first_measured_size_over": first, "linear_estimate": estimate}


def fmt(value, digits=1):
    return "-" if value is None else f"{value:.{digits}f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 15, 30])
    parser.add_argument("--output", type=Path, default=ROOT / "build" / "bench-hub.json")
    parser.add_argument("--whole-bundle", action="store_true",
                        help="each student runs every notebook in order, not only 00 (for memory limits)")
    options = parser.parse_args()
    work = ROOT / "build" / "bench" / "hub"
    notebooks = [f"{run_hub.FOLDER}/notebooks/{entry.file}" for entry in entries()] if options.whole_bundle \
        else [NOTEBOOK]
    results = []
    for size in options.sizes:
        print(f"class of {size}: started {time.strftime('%H:%M:%S')}, load {os.getloadavg()}", flush=True)
        results.append(run_class(size, work, notebooks))
        options.output.parent.mkdir(parents=True, exist_ok=True)
        options.output.write_text(json.dumps({"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
                                              "classes": results,
                                              "crossing": None if options.whole_bundle else crossing(results)},
                                             indent=1))
    print(f"\n{'students':>8} {'spawn med/p95 s':>16} {'pull med/p95 s':>15} {'run-all med/p95 s':>18} "
          f"{'fail':>4} {'MiB/student':>11} {'RSS max':>8} {'MiB total':>9} {'CPU s/st.':>9} {'load 1-min before/after':>23}")
    for r in results:
        print(f"{r['students']:>8} {fmt(r['spawn_s']['median']):>7}/{fmt(r['spawn_s']['p95']):<8} "
              f"{fmt(r['pull_s']['median']):>7}/{fmt(r['pull_s']['p95']):<7} "
              f"{fmt(r['run_all_s']['median']):>9}/{fmt(r['run_all_s']['p95']):<8} {r['failures']:>4} "
              f"{fmt(r['student_peak_mib_median'], 0):>11} {fmt(r['student_peak_rss_mib_max'], 0):>8} "
              f"{fmt(r['total_peak_mib'], 0):>9} "
              f"{fmt(r['student_cpu_s_median']):>9} "
              f"{r['load_before'][0]:>11.2f}/{r['load_after'][0]:<11.2f}")
        for message in r["failure_messages"]:
            print(f"         failure: {message}")
    if not options.whole_bundle:
        print(f"\np95 of run-all passes {RUN_ALL_LIMIT:.0f} s: {crossing(results)}")
    print(f"The machine is shared: load averages above are for all its work, not only this class. "
          f"JSON: {options.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
