"""A LOCAL TRIAL classroom server for the bundle:  make hub   (or  python hub/run_hub.py --help)

Starts JupyterHub on 127.0.0.1 with a shared-password login for a list of student names, one local
JupyterLab process per student (each with its own home folder under build/hub/homes/), the bundle's own
virtual environment, and nbgitpuller. It publishes the bundle's committed files (git HEAD), or with
--handout the student copies of `make student`, as a small local git repository, the "class
repository", and prints the nbgitpuller link that clones it into a
student's home and opens notebook 00. Ctrl-C stops the hub and every student's server.

It is a trial on this machine only, not an internet-facing server: see teacher/classroom_server.md.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = Path(__file__).resolve().parent / "jupyterhub_config.py"
LOOPBACK = "127.0.0.1"
FOLDER = "status-quo-ask"  # the folder each student's copy is cloned into
FIRST_NOTEBOOK = "notebooks/00_start_here.ipynb"
BRANCH = "main"
DEFAULT_STUDENTS = ("ann", "ben", "chiara", "dev", "emi")
TEACHER = "teacher"
# Commits in the class repository are made by "the teacher", whoever runs this.
GIT_IDENTITY = {"GIT_AUTHOR_NAME": "Teacher", "GIT_AUTHOR_EMAIL": "teacher@localhost",
                "GIT_COMMITTER_NAME": "Teacher", "GIT_COMMITTER_EMAIL": "teacher@localhost"}
RUN_MARKER = "STATUSQUO_HUB_RUN"


def git(*args: str, cwd: Path, check: bool = True) -> str:
    env = dict(os.environ, **GIT_IDENTITY, LANG="C")
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=check).stdout


def publish_bundle(class_dir: Path, source: Path = ROOT) -> Path:
    """Publish the bundle's committed files (HEAD) as a commit on `main` of the git repository
    class_dir/status-quo-ask, what a teacher pushes to the class's repository. Returns its folder.

    A repository already there keeps its history and gets the new files as one more commit (when anything
    changed): students who pulled before can pull again. A fresh history would make their next pull
    fail (git refuses to merge unrelated histories). Outside a git checkout (a downloaded zip), or for
    another source folder (the student handout of `make student`), the files on disk are published."""
    repository = class_dir / FOLDER
    existing = (repository / ".git").is_dir()
    if existing:
        for entry in repository.iterdir():  # the new snapshot replaces the files, never the history
            if entry.name != ".git":
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    else:
        if repository.exists():
            shutil.rmtree(repository)
        repository.mkdir(parents=True)
        git("init", "--quiet", "--initial-branch", BRANCH, cwd=repository)
    try:
        if Path(source).resolve() != ROOT:
            raise FileNotFoundError("not the repository itself: publish its files as they are")
        archive = subprocess.run(["git", "archive", "--format=tar", "HEAD"], cwd=source,
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(repository)], input=archive, check=True)
    except (OSError, subprocess.CalledProcessError):
        shutil.copytree(source, repository, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns(".git", ".venv*", "build", "node_modules", "__pycache__"))
    git("add", "--all", cwd=repository)
    if not existing or git("status", "--porcelain", cwd=repository).strip():
        message = "Update from the bundle" if existing else "The bundle as published to the class"
        git("commit", "--quiet", "-m", message, cwd=repository)
    return repository


def pull_link(hub_url: str, repository_url: str, notebook: str = FIRST_NOTEBOOK) -> str:
    """The nbgitpuller link: clone (or update) the class repository into ~/status-quo-ask, open `notebook`."""
    query = urllib.parse.urlencode({
        "repo": repository_url, "branch": BRANCH, "targetpath": FOLDER,
        "urlpath": f"lab/tree/{FOLDER}/{notebook}",
    })
    return f"{hub_url.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind((LOOPBACK, port))
        except OSError:
            return False
    return True


@dataclass
class Hub:
    """A running hub: its process (a session of its own), where it listens, and its run marker."""
    process: subprocess.Popen
    url: str
    state: Path
    homes: Path
    run_id: str
    students: list[str]
    password: str
    teacher_password: str
    extra_processes: list[subprocess.Popen] = field(default_factory=list)

    @property
    def log_path(self) -> Path:
        return self.state / "jupyterhub.log"

    def log_tail(self, characters: int = 4000) -> str:
        with contextlib.suppress(OSError):
            return self.log_path.read_text(errors="replace")[-characters:]
        return ""

    def stop(self) -> None:
        """Stop the hub (which stops the students' servers and the proxy), then end every process group
        still carrying this run's marker: servers, kernels and anything they started."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        for extra in self.extra_processes:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(extra.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                extra.wait(timeout=10)
        stop_run(self.run_id)


def processes_of_run(run_id: str) -> list[int]:
    """Process ids whose environment carries this run's marker (Linux /proc; empty elsewhere)."""
    return processes_with_variable(RUN_MARKER, run_id)


def processes_with_variable(name: str, value: str) -> list[int]:
    """Process ids whose environment sets `name` to `value` (Linux /proc; empty elsewhere)."""
    needle = f"{name}={value}".encode()
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError):
            if needle in (entry / "environ").read_bytes().split(b"\0"):
                found.append(int(entry.name))
    return found


def stop_run(run_id: str, grace: float = 10) -> list[int]:
    """SIGTERM, then SIGKILL, each process group holding a process of this run. Returns the groups."""
    own_group = os.getpgrp()
    groups = set()
    for pid in processes_of_run(run_id):
        with contextlib.suppress(ProcessLookupError):
            groups.add(os.getpgid(pid))
    groups.discard(own_group)
    for signal_number in (signal.SIGTERM, signal.SIGKILL):
        for group in groups:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(group, signal_number)
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline and processes_of_run(run_id):
            time.sleep(0.2)
        if not processes_of_run(run_id):
            break
    return sorted(groups)


def start_hub(state: Path, students: list[str], password: str, port: int = 0, teacher: str = TEACHER,
              timeout: float = 90) -> Hub:
    """Start JupyterHub with hub/jupyterhub_config.py in a session of its own; wait until it answers."""
    if len(password) < 8:
        raise SystemExit("The shared password must have at least 8 characters.")
    state.mkdir(parents=True, exist_ok=True)
    homes = state / "homes"
    homes.mkdir(exist_ok=True)
    port = port or free_port()
    run_id = secrets.token_hex(8)
    teacher_password = secrets.token_urlsafe(24)  # 32 characters, JupyterHub's minimum for an admin
    env = dict(
        os.environ,
        PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        PYTHONHASHSEED="0",
        STATUSQUO_HUB_STATE=str(state), STATUSQUO_HUB_HOMES=str(homes),
        STATUSQUO_HUB_STUDENTS=",".join(students), STATUSQUO_HUB_PASSWORD=password,
        STATUSQUO_HUB_TEACHER=teacher, STATUSQUO_HUB_TEACHER_PASSWORD=teacher_password,
        STATUSQUO_HUB_PORT=str(port), STATUSQUO_HUB_INTERNAL_PORT=str(free_port()),
        STATUSQUO_HUB_PROXY_API_PORT=str(free_port()), **{RUN_MARKER: run_id},
    )
    log = (state / "jupyterhub.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(CONFIG)], cwd=state, env=env,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    hub = Hub(process, f"http://{LOOPBACK}:{port}", state, homes, run_id, list(students), password,
              teacher_password)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"JupyterHub exited early:\n{hub.log_tail()}")
            try:
                with urllib.request.urlopen(f"{hub.url}/hub/health", timeout=3) as response:
                    if response.status == 200:
                        return hub
            except OSError:
                time.sleep(0.3)
    except BaseException:  # Ctrl-C while it starts, too: never leave a hub behind
        hub.stop()
        raise
    hub.stop()
    raise RuntimeError(f"JupyterHub did not answer within {timeout} s:\n{hub.log_tail()}")


def start_git_daemon(class_dir: Path, hub: Hub) -> tuple[subprocess.Popen, str]:
    """Serve the class repository read-only over git:// on 127.0.0.1, as a class's git server would."""
    port = free_port()
    process = subprocess.Popen(
        ["git", "daemon", f"--listen={LOOPBACK}", f"--port={port}", "--export-all", "--reuseaddr",
         f"--base-path={class_dir}", str(class_dir)],
        env=dict(os.environ, STATUSQUO_HUB_STATE=str(hub.state), **{RUN_MARKER: hub.run_id}), start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(50):
        if not port_is_free(port):
            break
        time.sleep(0.1)
    return process, f"git://{LOOPBACK}:{port}/{FOLDER}"


BANNER = """
================================================================================
  LOCAL TRIAL ONLY: a classroom server on this machine ({url}).
  It is not an internet-facing server: no HTTPS, one shared password, and every
  student's server runs as your own user, so students are not isolated from
  each other's files. For a real class see teacher/classroom_server.md.
================================================================================
Students (log in with the shared password): {students}
Shared password: {password}
Teacher (admin: sees and opens every student's server): {teacher}  password: {teacher_password}

The link to hand out (clones the bundle into the student's home, opens notebook 00):

  {link}

Class repository (the teacher's copy): {repository}
  To try an update: edit files there, `git commit -am "..."`, and open the link again.
Homes: {homes}
Log: {log}
Press Ctrl-C to stop the hub and every student's server.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=int(os.environ.get("HUB_PORT", "8000")),
                        help="port on 127.0.0.1 (default 8000; 0 picks a free one)")
    parser.add_argument("--students", default=",".join(DEFAULT_STUDENTS),
                        help="comma-separated student names, or @FILE with one name a line")
    parser.add_argument("--password", default=None, help="shared student password (default: a random one)")
    parser.add_argument("--state", type=Path, default=ROOT / "build" / "hub",
                        help="folder for the class repository, homes and the hub's database (default build/hub)")
    parser.add_argument("--git-daemon", action="store_true",
                        help="serve the class repository with `git daemon` on 127.0.0.1 instead of file://")
    parser.add_argument("--handout", action="store_true",
                        help="publish the student handout (build/student/status-quo-ask, from `make student`: "
                             "no worked solutions) instead of the whole bundle")
    options = parser.parse_args(argv)
    # Ctrl-C, a closed terminal or a kill all end in a clean stop (KeyboardInterrupt). Set explicitly:
    # a launcher started in the background inherits an ignored SIGINT.
    for signal_number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signal_number, signal.default_int_handler)
    stop = False

    if options.students.startswith("@"):
        names = Path(options.students[1:]).read_text(encoding="utf-8").split()
    else:
        names = options.students.split(",")
    students = sorted({name.strip().lower() for name in names if name.strip()})
    if not students:
        parser.error("no student names given")
    if options.port and not port_is_free(options.port):
        parser.error(f"port {options.port} on {LOOPBACK} is taken: choose another with --port (or HUB_PORT=)")
    password = options.password or secrets.token_urlsafe(6)
    state = options.state.resolve()
    source = ROOT
    if options.handout:
        source = ROOT / "build" / "student" / FOLDER
        if not (source / FIRST_NOTEBOOK).is_file():
            parser.error(f"no handout in {source}: run `make student` first")
    repository = publish_bundle(state / "class", source)
    try:
        hub = start_hub(state, students, password, port=options.port)
    except KeyboardInterrupt:
        return 130
    try:
        repository_url = repository.as_uri()
        if options.git_daemon:
            daemon, repository_url = start_git_daemon(state / "class", hub)
            hub.extra_processes.append(daemon)
        print(BANNER.format(url=hub.url, students=", ".join(students), password=password, teacher=TEACHER,
                            teacher_password=hub.teacher_password, link=pull_link(hub.url, repository_url),
                            repository=repository, homes=hub.homes, log=hub.log_path), flush=True)
        while hub.process.poll() is None:
            time.sleep(0.5)
    except KeyboardInterrupt:
        stop = True
    finally:
        for signal_number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signal_number, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up short
        print("Stopping the hub and every student's server...", flush=True)
        hub.stop()
    if hub.process.returncode not in (0, -signal.SIGTERM, None) and not stop:
        print(hub.log_tail(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
