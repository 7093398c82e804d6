"""Self-checks: the verdicts, feedback that names the slip, answers of the wrong kind, choice and
prediction exercises, and every registered exercise computable and never answered above itself."""

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from statusquo import exercises  # noqa: F401  (importing statusquo registers every notebook's exercises)
from statusquo.contents import notebook_paths
from statusquo.exercises import (
    CORRECT,
    EXERCISES,
    NOT_ANSWERED,
    PERCENT_AS_FRACTION,
    SIGN_FLIPPED,
    THOUSAND_TOO_BIG,
    WRONG,
    WRONG_KIND,
    Slip,
    check,
    choice_exercise,
    numeric_exercise,
    prediction,
    same_answer,
    verdict,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = notebook_paths()


@pytest.fixture
def practice():
    """Three throw-away exercises (ids 99.x), removed again after the test."""
    @numeric_exercise("99.1", "a balance in USD bn", nudge="Subtract imports from exports.",
                      slips=[PERCENT_AS_FRACTION, THOUSAND_TOO_BIG, SIGN_FLIPPED,
                             Slip("the 2023 value", lambda expected: -62.6, "Use the 2024 row.")])
    def _balance():
        return -68.5

    @choice_exercise("99.2", "which reading", options={"A": "right", "B": "wrong", "C": "also wrong"},
                     explanations={"A": "A is right because.", "B": "B confuses x with y.", "C": "C ignores z."})
    def _reading():
        return "A"

    @prediction("99.3", "a guess", meaning=lambda guess, actual: f"gap {actual - guess:+.0f}")
    def _guess():
        return 100.0

    yield
    for key in ("99.1", "99.2", "99.3"):
        EXERCISES.pop(key, None)


def test_not_answered_yet_for_ellipsis(practice):
    assert verdict("99.1", ...).startswith(NOT_ANSWERED)
    assert verdict("99.3", ...).startswith(NOT_ANSWERED)


@pytest.mark.parametrize("answer,names", [
    (-0.685, "percent written as a fraction"), (-68500, "factor of 1,000 too big"),
    (68.5, "wrong sign"), (-62.6, "the 2023 value"),
])
def test_a_numeric_check_names_the_slip_it_sees(practice, answer, names):
    said = verdict("99.1", answer)
    assert said.startswith(WRONG) and names in said and "68.5" not in said.replace(str(answer), "")


def test_right_and_plain_wrong_numbers(practice):
    assert verdict("99.1", -68.6).startswith(CORRECT)
    assert verdict("99.1", np.float64(-68.5)).startswith(CORRECT)
    said = verdict("99.1", -40)
    assert said.startswith(WRONG) and "Subtract imports" in said and "68" not in said


@pytest.mark.parametrize("answer,phrase", [
    (pd.Series([-68.5, 1.0]), "Series of 2 values"), (pd.Series([-68.5]), ".iloc[0]"),
    (pd.DataFrame({"a": range(30)}), "whole table (30 rows"), ("-68.5", "without quotes"),
    (None, "one number"), (float("nan"), "not a finite number"), (np.array([1, 2]), "one number"),
])
def test_an_answer_of_the_wrong_kind_gets_one_short_sentence(practice, answer, phrase):
    said = verdict("99.1", answer)
    assert said.startswith(WRONG_KIND) and phrase in said
    assert len(said) < 220 and "\n" not in said


def test_every_option_of_a_choice_has_its_own_explanation(practice):
    assert verdict("99.2", "a").startswith(CORRECT) and "right because" in verdict("99.2", "a")
    assert "confuses x with y" in verdict("99.2", "B")
    assert "ignores z" in verdict("99.2", " c ")
    assert verdict("99.2", "E").startswith(WRONG_KIND)
    assert verdict("99.2", 1).startswith(WRONG_KIND)


def test_a_choice_without_an_explanation_for_every_option_is_refused():
    with pytest.raises(ValueError, match="no explanation"):
        choice_exercise("99.9", "q", options={"A": "a", "B": "b"}, explanations={"A": "x"})(lambda: "A")


def test_a_prediction_says_how_far_off_and_what_the_gap_means(practice):
    close, far = verdict("99.3", 90), verdict("99.3", 10)
    assert close.startswith(CORRECT) and "gap +10" in close
    assert far.startswith(WRONG) and "low" in far and "gap +90" in far


def test_check_prints_the_verdict(capsys, practice):
    check("99.2", "A")
    assert capsys.readouterr().out.startswith(CORRECT)


@pytest.mark.parametrize("answer,expected,same", [
    (4, 4.0, True), (100.4, 100, True), (101, 100, False), ("P4", "p4", True),
    (["a", "B"], {"b", "a"}, True), (["a"], ["a", "b"], False), ("x", 3, False), (None, 3, False),
    (True, 1, False), (float("nan"), 3, False),
])
def test_same_answer(answer, expected, same):
    assert same_answer(answer, expected) is same


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_every_exercise_has_a_computable_expected_answer(exercise_id):
    item = EXERCISES[exercise_id]
    assert item.expected() is not None
    assert verdict(exercise_id, item.expected()).startswith(CORRECT)


def test_unknown_exercise():
    with pytest.raises(KeyError):
        verdict("99.9", 1)


# --- No answer is printed above its exercise -----------------------------------------------------------

CHECK_CALL = re.compile(r'check\("([0-9.]+)"')


def _texts(cell) -> list[str]:
    texts = []
    for output in cell.get("outputs", []):
        if "text" in output:
            texts.append("".join(output["text"]))
        for mime in ("text/plain", "text/html", "text/markdown"):
            if mime in output.get("data", {}):
                texts.append("".join(output["data"][mime]))
    return texts


def _renderings(value: float) -> set[str]:
    """The ways a notebook might print `value` that are specific enough to count (three digits or more)."""
    shown = set()
    for magnitude in (value, abs(value)):
        for decimals in (0, 1, 2):
            for text in (f"{magnitude:.{decimals}f}", f"{magnitude:,.{decimals}f}"):
                if sum(ch.isdigit() for ch in text) >= 3 and text.strip("0.,-"):
                    shown.add(text)
    return shown


def _exercises_with_outputs_above(path: Path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    above: list[str] = []
    for cell in cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if "exercise" in tags:
            for exercise_id in CHECK_CALL.findall("".join(cell["source"])):
                yield exercise_id, "\n".join(above)
        if "solution" not in tags:
            above.extend(_texts(cell))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_numeric_answer_is_printed_above_its_exercise(path):
    for exercise_id, printed in _exercises_with_outputs_above(path):
        item = EXERCISES[exercise_id]
        expected = item.expected()
        if item.is_choice or not isinstance(expected, (int, float)) or isinstance(expected, bool):
            continue
        for text in _renderings(float(expected)):
            pattern = rf"(?<![\d.,]){re.escape(text)}(?![\d])"
            assert not re.search(pattern, printed), f"{path.name}: the answer to {exercise_id} ({text}) is printed above it"
