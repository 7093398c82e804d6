"""Self-check feedback for the notebooks' "Your turn" cells.

A "Your turn" cell sets `answer = ...` and calls `check("00.1", answer)`. The expected value is
computed here from the data, not typed in, so the check stays right if a table is corrected.
`check` prints one of three verdicts, which tests and the student copies rely on:

    Not answered yet: ...   (the answer is still `...`)
    Correct! ...
    Not quite: ...          (with a nudge, never the answer itself)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

NOT_ANSWERED = "Not answered yet"
CORRECT = "Correct!"
WRONG = "Not quite"


@dataclass(frozen=True)
class Exercise:
    exercise_id: str
    question: str
    expected: Callable[[], Any]
    nudge: str


EXERCISES: dict[str, Exercise] = {}


def exercise(exercise_id: str, question: str, nudge: str):
    """Register the function that computes an exercise's expected answer."""

    def register(expected: Callable[[], Any]) -> Callable[[], Any]:
        EXERCISES[exercise_id] = Exercise(exercise_id, question, expected, nudge)
        return expected

    return register


def same_answer(answer: Any, expected: Any) -> bool:
    """Compare loosely enough for students: numbers to 0.5%, text without case, lists as sets."""
    if isinstance(expected, (set, frozenset, list, tuple, pd.Index, pd.Series)):
        try:
            return {str(a).strip().lower() for a in answer} == {str(e).strip().lower() for e in expected}
        except TypeError:
            return False
    if isinstance(expected, str):
        return str(answer).strip().lower() == expected.strip().lower()
    try:
        answer, expected = float(answer), float(expected)
    except (TypeError, ValueError):
        return False
    return abs(answer - expected) <= 0.005 * max(abs(expected), 1e-9)


def verdict(exercise_id: str, answer: Any) -> str:
    """The verdict on `answer` for exercise `exercise_id`, as one line of text."""
    if exercise_id not in EXERCISES:
        raise KeyError(f"No exercise {exercise_id!r}; known: {sorted(EXERCISES)}")
    item = EXERCISES[exercise_id]
    if answer is Ellipsis:
        return f"{NOT_ANSWERED}: replace ... with your answer to exercise {exercise_id}, then run the cell."
    if same_answer(answer, item.expected()):
        return f"{CORRECT} Exercise {exercise_id} ({item.question})"
    return f"{WRONG}: {answer!r} is not it yet. {item.nudge}"


def check(exercise_id: str, answer: Any) -> None:
    """Print the verdict on `answer` (what a "Your turn" cell calls)."""
    print(verdict(exercise_id, answer))
