"""Fixtures the test modules share."""

import shutil
from pathlib import Path

import pytest

REPO_DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def data_copy(tmp_path):
    """A private copy of data/, for tests that damage files to see what the loader says."""
    target = tmp_path / "data"
    shutil.copytree(REPO_DATA, target)
    return target
