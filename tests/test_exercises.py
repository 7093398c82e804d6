"""Self-checks: the three verdicts, loose comparison, and every registered exercise computable."""

import pytest

from statusquo import exercises  # noqa: F401  (importing statusquo registers every notebook's exercises)
from statusquo.exercises import CORRECT, EXERCISES, NOT_ANSWERED, WRONG, check, same_answer, verdict


def test_not_answered_yet_for_ellipsis():
    assert verdict("00.1", ...).startswith(NOT_ANSWERED)


def test_correct_and_wrong_answers():
    expected = EXERCISES["00.1"].expected()
    assert verdict("00.1", expected).startswith(CORRECT)
    wrong = verdict("00.1", expected + 1)
    assert wrong.startswith(WRONG) and str(expected) not in wrong.split("is not it yet")[1]


def test_check_prints_the_verdict(capsys):
    check("00.2", "p4 ")
    assert capsys.readouterr().out.startswith(CORRECT)


@pytest.mark.parametrize("answer,expected,same", [
    (4, 4.0, True), (100.4, 100, True), (101, 100, False), ("P4", "p4", True),
    (["a", "B"], {"b", "a"}, True), (["a"], ["a", "b"], False), ("x", 3, False), (None, 3, False),
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
