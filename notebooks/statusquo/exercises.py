"""Self-check feedback for the notebooks' "Your turn" cells.

A "Your turn" cell sets `answer = ...` (or `guess = ...`) and calls `check("02.4", answer)`. Expected
values are computed here from the data, never typed in, so a check stays right when a table is corrected.
`check` prints one verdict; tests and the student copies rely on how it starts:

    Not answered yet: ...   (the answer is still `...`)
    Correct! ...
    Not quite: ...          (with feedback that names the likely slip, never the answer itself)
    Wrong kind of answer: ...  (a whole table where one number is wanted, text for a number, ...)

Four kinds of exercise, registered by the module of the notebook that uses them:
- `numeric_exercise`: compute a number; `slips` name the mistakes the question invites (a factor of
  1,000, a percent written as a fraction, the sign of a balance, the wrong year) and what to do about each.
- `choice_exercise`: a concept check or an interpretation, as one option among several; every wrong
  option has its own explanation, and the right one explains why it is right.
- `prediction`: the student commits to a guess before the cell that reveals the result; the check
  then says how far off the guess was and what the gap means.
"""

from __future__ import annotations

import contextlib
import html
import io
import math
import numbers
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

NOT_ANSWERED = "Not answered yet"
CORRECT = "Correct!"
WRONG = "Not quite"
WRONG_KIND = "Wrong kind of answer"

KINDS = ("compute", "predict", "interpret", "concept")


@dataclass(frozen=True)
class Slip:
    """A mistake a question invites: `value(expected)` is the answer that mistake would give."""

    description: str
    value: Callable[[float], float]
    advice: str


PERCENT_AS_FRACTION = Slip("a percent written as a fraction", lambda expected: expected / 100,
                           "The question asks for percent: multiply a fraction by 100.")
FRACTION_AS_PERCENT = Slip("a fraction written as a percent", lambda expected: expected * 100,
                           "The question asks for a fraction (0 to 1), not a percent: divide by 100.")
THOUSAND_TOO_BIG = Slip("a factor of 1,000 too big", lambda expected: expected * 1000,
                        "Check the units: billions and millions (or trillions and billions) differ by 1,000.")
THOUSAND_TOO_SMALL = Slip("a factor of 1,000 too small", lambda expected: expected / 1000,
                          "Check the units: billions and millions (or trillions and billions) differ by 1,000.")
SIGN_FLIPPED = Slip("the right size with the wrong sign", lambda expected: -expected,
                    "A deficit is a negative balance for one side and a surplus for the other: whose balance "
                    "does the question ask for?")


@dataclass(frozen=True)
class Exercise:
    exercise_id: str
    question: str
    expected: Callable[[], Any]
    nudge: str = ""
    kind: str = "compute"
    slips: tuple[Slip, ...] = ()
    tolerance: float = 0.005
    options: dict[str, str] = field(default_factory=dict)
    explanations: dict[str, str] = field(default_factory=dict)
    meaning: Callable[[float, float], str] | None = None
    minutes: float = 3.0

    @property
    def is_choice(self) -> bool:
        return bool(self.options)


EXERCISES: dict[str, Exercise] = {}


def _register(item: Exercise) -> None:
    if item.kind not in KINDS:
        raise ValueError(f"Exercise {item.exercise_id}: kind must be one of {KINDS}, not {item.kind!r}")
    if item.is_choice:
        missing = set(item.options) - set(item.explanations)
        if missing:
            raise ValueError(f"Exercise {item.exercise_id}: options {sorted(missing)} have no explanation")
    EXERCISES[item.exercise_id] = item


def exercise(exercise_id: str, question: str, nudge: str, **details):
    """Register the function that computes an exercise's expected answer (any kind of value)."""

    def register(expected: Callable[[], Any]) -> Callable[[], Any]:
        _register(Exercise(exercise_id, question, expected, nudge, **details))
        return expected

    return register


def numeric_exercise(exercise_id: str, question: str, *, nudge: str, kind: str = "compute",
                     slips: list[Slip] | tuple[Slip, ...] = (), tolerance: float = 0.005, minutes: float = 4):
    """Register a number to compute; `tolerance` is relative (0.005 accepts answers within 0.5%)."""
    return exercise(exercise_id, question, nudge, kind=kind, slips=tuple(slips), tolerance=tolerance,
                    minutes=minutes)


def choice_exercise(exercise_id: str, question: str, *, options: dict[str, str], explanations: dict[str, str],
                    kind: str = "concept", minutes: float = 3):
    """Register a multiple-choice question; the registered function returns the right option's key."""
    return exercise(exercise_id, question, "", kind=kind, options=dict(options),
                    explanations=dict(explanations), minutes=minutes)


def prediction(exercise_id: str, question: str, *, meaning: Callable[[float, float], str],
               tolerance: float = 0.25, minutes: float = 2):
    """Register a guess to make before the result is shown; within `tolerance` (relative) counts as close."""
    return exercise(exercise_id, question, "", kind="predict", tolerance=tolerance, meaning=meaning,
                    minutes=minutes)


# --- Comparing answers ---------------------------------------------------------------------------------

def _short(value: Any, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def wrong_kind(answer: Any, expected: Any) -> str | None:
    """One sentence on what kind of answer is wanted, or None when `answer` is of a usable kind."""
    wants_text = isinstance(expected, str)
    wants_many = isinstance(expected, (set, frozenset, list, tuple))
    if isinstance(answer, pd.DataFrame):
        return (f"that is a whole table ({answer.shape[0]} rows × {answer.shape[1]} columns); the answer is "
                f"{'one name in quotes' if wants_text else 'a list of names' if wants_many else 'one number'}. "
                "Pick it out, for example with .loc[row, column].")
    if isinstance(answer, (pd.Series, pd.Index)) and not wants_many:
        if len(answer) == 1:
            return "that is a Series holding one value; take the value itself with .iloc[0]."
        return (f"that is a Series of {len(answer)} values; the answer is one "
                f"{'name' if wants_text else 'number'}. Filter to the row you need, then take .iloc[0].")
    if wants_many:
        if isinstance(answer, str) or _as_number(answer) is not None:
            return "the answer is a list of names, for example [\"a\", \"b\"]."
        return None
    if wants_text:
        if not isinstance(answer, str):
            return f"the answer is a name in quotes, for example \"P4\", not {type(answer).__name__} {_short(answer)}."
        return None
    if isinstance(answer, str):
        return f"the answer is a number without quotes or units, not the text {_short(answer)}."
    if _as_number(answer) is None:
        if isinstance(answer, float) or (isinstance(answer, numbers.Real) and not isinstance(answer, bool)):
            return "that is not a finite number (NaN or infinity): check the calculation for a missing value."
        return f"the answer is one number, not {type(answer).__name__} {_short(answer)}."
    return None


def _close(answer: float, expected: float, tolerance: float) -> bool:
    return abs(answer - expected) <= tolerance * max(abs(expected), 1e-9)


def same_answer(answer: Any, expected: Any, tolerance: float = 0.005) -> bool:
    """Compare loosely enough for students: numbers within `tolerance`, text without case, lists as sets."""
    if isinstance(expected, (set, frozenset, list, tuple, pd.Index, pd.Series)):
        try:
            return {str(a).strip().lower() for a in answer} == {str(e).strip().lower() for e in expected}
        except TypeError:
            return False
    if isinstance(expected, str):
        return isinstance(answer, str) and answer.strip().lower() == expected.strip().lower()
    answer_number, expected_number = _as_number(answer), _as_number(expected)
    if answer_number is None or expected_number is None:
        return False
    return _close(answer_number, expected_number, tolerance)


def _matching_slip(item: Exercise, answer: float, expected: float) -> Slip | None:
    for slip in item.slips:
        slipped = slip.value(expected)
        if slipped is not None and not _close(slipped, expected, item.tolerance) and \
                _close(answer, float(slipped), item.tolerance):
            return slip
    return None


def _choice_verdict(item: Exercise, answer: Any, expected: str) -> str:
    keys = sorted(item.options)
    if not isinstance(answer, str) or answer.strip().upper() not in {k.upper() for k in keys}:
        return f"{WRONG_KIND}: choose one of {', '.join(keys)}, as text in quotes, for example \"{keys[0]}\"."
    chosen = next(k for k in keys if k.upper() == answer.strip().upper())
    if chosen.upper() == expected.upper():
        return f"{CORRECT} {chosen}: {item.explanations[chosen]}"
    return f"{WRONG}: {chosen} is not the best reading. {item.explanations[chosen]}"


def _prediction_verdict(item: Exercise, guess: float, actual: float) -> str:
    meaning = item.meaning(guess, actual) if item.meaning else ""
    gap = f"you guessed {guess:,.3g}, the result is {actual:,.3g}"
    if _close(guess, actual, item.tolerance):
        return f"{CORRECT} Close: {gap}. {meaning}".strip()
    direction = "high" if guess > actual else "low"
    return f"{WRONG}: your guess was {direction}: {gap}. {meaning}".strip()


def verdict(exercise_id: str, answer: Any) -> str:
    """The verdict on `answer` for exercise `exercise_id`, as one line of text."""
    if exercise_id not in EXERCISES:
        raise KeyError(f"No exercise {exercise_id!r}; known: {sorted(EXERCISES)}")
    item = EXERCISES[exercise_id]
    if answer is Ellipsis:
        return f"{NOT_ANSWERED}: replace ... with your answer to exercise {exercise_id}, then run the cell."
    expected = item.expected()
    if item.is_choice:
        return _choice_verdict(item, answer, expected)
    problem = wrong_kind(answer, expected)
    if problem:
        return f"{WRONG_KIND}: {problem}"
    if item.kind == "predict":
        return _prediction_verdict(item, float(answer), float(expected))
    if same_answer(answer, expected, item.tolerance):
        return f"{CORRECT} Exercise {exercise_id} ({item.question})"
    if _as_number(expected) is not None:
        slip = _matching_slip(item, float(answer), float(expected))
        if slip:
            return f"{WRONG}: {_short(answer)} looks like {slip.description}. {slip.advice}"
    return f"{WRONG}: {_short(answer)} is not it yet. {item.nudge}".rstrip()


def check(exercise_id: str, answer: Any) -> None:
    """Print the verdict on `answer` (what a "Your turn" cell calls)."""
    print(verdict(exercise_id, answer))


def show_options(exercise_id: str) -> None:
    """Print a choice exercise's options, one per line."""
    item = EXERCISES[exercise_id]
    for key in sorted(item.options):
        print(f"{key}. {item.options[key]}")


@contextlib.contextmanager
def worked_solution():
    """Run a worked solution with what it prints folded away behind a "Show" line.

    A student who presses Run All runs the solutions too; their answers then stay closed until the
    student opens them on purpose. The plain-text form keeps the printout for nbval and the answer guide.
    """
    from IPython.display import display

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        yield
    text = printed.getvalue().rstrip("\n")
    display({"text/plain": text,
             "text/html": f"<details><summary>Show the worked solution's result</summary><pre>{html.escape(text)}</pre>"
                          "</details>"}, raw=True)
