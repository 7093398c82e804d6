"""Version drift: stored notebook outputs are only valid for the pinned versions."""

import re
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;#]+)")


def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match:
            found[match.group(1)] = match.group(2)
    return found


def drift(pinned: dict[str, str]) -> list[str]:
    problems = []
    for package, wanted in sorted(pinned.items()):
        try:
            installed = version(package)
        except PackageNotFoundError:
            problems.append(f"{package}: pinned {wanted} in requirements, but not installed")
            continue
        if installed != wanted:
            problems.append(f"{package}: pinned {wanted} in requirements, but {installed} is installed")
    return problems


def test_every_requirement_is_pinned_exactly():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (REPO_ROOT / name).read_text(encoding="utf-8").splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-r "):
                assert PIN.match(line), f"{name}: {line!r} is not an exact pin (name==version)"


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-dev.txt", "requirements-book.txt",
                                  "requirements-hub.txt"])
def test_installed_versions_match_the_pins(name):
    problems = drift(pins(REPO_ROOT / name))
    assert not problems, ("installed packages differ from the pins, so stored notebook outputs may not "
                          "match; run `make test` (which reinstalls) or `pip install -r " + name + "`:\n"
                          + "\n".join(problems))


def test_drift_names_the_package():
    problems = drift({"pandas": "0.0.1", "no-such-package-xyz": "1.0"})
    assert any(p.startswith("pandas: pinned 0.0.1") for p in problems)
    assert any(p.startswith("no-such-package-xyz: pinned 1.0") for p in problems)


def test_readers_install_only_what_readers_need():
    """Binder and JupyterHub read requirements.txt: the card's packages and what the notebooks import,
    never the test-only tools."""
    reader = pins(REPO_ROOT / "requirements.txt")
    for package in ("jupyterlab", "pandas", "matplotlib", "ipywidgets", "nbval"):
        assert package in reader, f"{package} belongs in requirements.txt"
    for package in ("frictionless", "pytest-xdist", "playwright"):
        assert package not in reader, f"{package} is for tests: requirements-dev.txt"
