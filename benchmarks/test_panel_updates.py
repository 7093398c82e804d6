"""Panel update times, measured by pytest-benchmark (run by `make bench`, never by `make test`):
each panel is built once, then a slider is moved through values inside its range, as a student drags it."""

import itertools

import pytest

import panel_cases

CASES = panel_cases.cases(calls=20)


@pytest.mark.parametrize("name,update,inputs", CASES, ids=[c[0] for c in CASES])
def test_panel_update(benchmark, name, update, inputs):
    values = itertools.cycle(inputs)
    benchmark.pedantic(lambda: update(**next(values)), rounds=len(inputs), iterations=1, warmup_rounds=1)
