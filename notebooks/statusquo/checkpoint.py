"""The checkpoint: five questions on the bundle's core ideas, asked before (notebook 00) and after (notebook 06).

The same questions, in the same order, are asked twice, so the difference between the two attempts shows
what a student (or a class) learned. Everything here is a pure function except `show` and `report`, which
only print what the pure functions return.

A student's answers travel as one short line, the *answer code*, for example::

    SQ1-PRE-BCADB

`SQ1` names this question set (a changed set gets a new name, so old codes are never scored against new
questions), `PRE` or `POST` says when it was written, and the letters are the answers to Q1..Q5 in order
(`-` for a question left blank). No name is in the code: a teacher who wants to pair a student's two codes
can ask for initials after a space (`SQ1-PRE-BCADB jk`), which `tally` keeps but never needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

SET_NAME = "SQ1"
STAGES = ("pre", "post")
BLANK = "-"


@dataclass(frozen=True)
class Question:
    question_id: str
    idea: str            # the core idea it checks, and where the bundle teaches it
    prompt: str
    options: dict[str, str]
    answer: str
    explanations: dict[str, str]  # one per option: why it is right, or why it is wrong


QUESTIONS: tuple[Question, ...] = (
    Question(
        "Q1", "export revenue at risk is not a cost to Japan (notebook 02)",
        "A model finds that a 10% US tariff would cut the value of Japan's goods exports to the US by about "
        "1 trillion yen a year. What does that number measure?",
        {"A": "What Japan's economy (its GDP) would lose each year",
         "B": "The fall in the gross value of those sales: export revenue at risk",
         "C": "The tariff revenue the US government would collect each year",
         "D": "The rise in the prices US consumers would pay for Japanese goods"},
        "B",
        {"A": "Not GDP: exports contain imported parts, exporters can sell elsewhere, and prices adjust, so lost "
              "GDP is smaller than lost export revenue, and different in kind.",
         "B": "Right: the model computes the gross value of sales that may be lost; what that does to Japan's "
              "income depends on import content, other markets and prices.",
         "C": "Tariff revenue is the tariff rate times the value of what is still imported, a different number.",
         "D": "Higher US prices follow from pass-through; the model's number is the fall in Japan's sales."},
    ),
    Question(
        "Q2", "a dependence index is a ranking judgement (notebook 01)",
        "A dependence index rescales each indicator from the least to the most dependent ally in a group and "
        "gives Japan 100 and Germany 40. What can you conclude?",
        {"A": "Japan is two and a half times as dependent on the US as Germany",
         "B": "Japan is the most dependent of this group; the numbers are positions, not amounts",
         "C": "Japan would lose all of its security if the US left, Germany 40% of it",
         "D": "Adding a seventh ally to the group could not change Germany's score"},
        "B",
        {"A": "A min-max score is not a ratio scale: 100 only means 'most dependent of these allies on every "
              "weighted indicator', so 100/40 is not a meaningful ratio.",
         "B": "Right: the index orders allies within the group compared, under weights we chose.",
         "C": "The index has no unit of security; 100 is the top of a rescaled range.",
         "D": "A new ally can move the minimum or maximum of an indicator, and so every score."},
    ),
    Question(
        "Q3", "a dominated offer (notebook 03)",
        "Offer X costs Japan more than offer Y and gives the US side a less visible win. Which statement is right?",
        {"A": "X is dominated: as a single offer, Japan should prefer Y",
         "B": "X is on the frontier, because it costs Japan more",
         "C": "X should never appear in any package of offers",
         "D": "X and Y are equally good, since each has an advantage"},
        "A",
        {"A": "Right: Y is better on both criteria, so X is dominated as a single offer; a package is judged as a "
              "whole, so dominance of one offer does not settle package choice.",
         "B": "The frontier holds the offers nothing beats on both criteria; X is beaten by Y.",
         "C": "Too strong: a package is judged on its total, and an offer dominated on its own can still fit one.",
         "D": "X has no advantage here: it is worse on both criteria."},
    ),
    Question(
        "Q4", "the two-level game (notebooks 04 and 05)",
        "In Putnam's two-level game, why can a leader whose parliament will accept only a narrow range of deals "
        "sometimes get a better deal abroad?",
        {"A": "Because the other side must give in to a weak government",
         "B": "Because a narrow win-set is a credible limit: 'I cannot get more ratified'",
         "C": "Because the deal then no longer needs to be ratified at home",
         "D": "Because international law protects minority governments"},
        "B",
        {"A": "Nothing forces the other side; a narrow win-set can also mean no deal at all.",
         "B": "Right: a credible domestic constraint shifts the bargain, though it also makes failure more likely.",
         "C": "The constraint exists precisely because the deal must be ratified at home.",
         "D": "The argument is about bargaining, not about legal protection."},
    ),
    Question(
        "Q5", "kinds of evidence (notebook 00)",
        "A table gives each expectation in the article a verdict, 'borne out' or 'not borne out', written after "
        "the events. What kind of evidence is the verdict?",
        {"A": "A public source measured it",
         "B": "A source reported it",
         "C": "Our judgement",
         "D": "The article says it"},
        "C",
        {"A": "No office measured a verdict: people weighed the evidence and reached it.",
         "B": "The events behind the verdict were reported; the verdict itself is ours.",
         "C": "Right: a verdict we reached from sourced events is a judgement and is labelled as one.",
         "D": "The article states the expectation; it cannot judge what happened afterwards."},
    ),
)
QUESTION_IDS = tuple(q.question_id for q in QUESTIONS)
CODE_PATTERN = re.compile(rf"^(?P<set>SQ\d+)-(?P<stage>PRE|POST)-(?P<letters>[A-D{BLANK}]{{{len(QUESTIONS)}}})$")


# --- Rendering ------------------------------------------------------------------------------------

def render(stage: str = "pre") -> str:
    """The questions as Markdown, with the line that tells the student how to answer."""
    stage = _checked_stage(stage)
    intro = ("Answer from what you know now; a guess is fine, nothing is graded." if stage == "pre" else
             "The same five questions as in notebook 00. Answer without looking back, then compare.")
    lines = [f"**Checkpoint ({stage}-check).** {intro}", ""]
    for q in QUESTIONS:
        lines.append(f"**{q.question_id}.** {q.prompt}")
        lines.append("")
        lines.extend(f"- **{letter}** {text}" for letter, text in q.options.items())
        lines.append("")
    return "\n".join(lines)


def show(stage: str = "pre"):
    """Display `render(stage)` in a notebook."""
    from IPython.display import Markdown

    return Markdown(render(stage))


# --- Scoring (pure) -------------------------------------------------------------------------------

def normalise(answers) -> dict[str, str]:
    """Answers as {"Q1": "B", ...}, from a dict or from a string of five letters ("BCADB").

    Raises ValueError with a sentence a student can act on for anything else.
    """
    if isinstance(answers, str):
        letters = answers.strip().upper().replace(" ", "")
        if len(letters) != len(QUESTIONS):
            raise ValueError(f"Give {len(QUESTIONS)} letters, one per question (for example 'BCADB'); "
                             f"got {len(letters)}.")
        answers = dict(zip(QUESTION_IDS, letters))
    if not isinstance(answers, Mapping):
        raise ValueError("Give your answers as a dict such as {'Q1': 'B', 'Q2': 'C', ...} or as a string of "
                         f"{len(QUESTIONS)} letters.")
    unknown = sorted(set(map(str, answers)) - set(QUESTION_IDS))
    if unknown:
        raise ValueError(f"Unknown question(s) {unknown}; the questions are {list(QUESTION_IDS)}.")
    result = {}
    for q in QUESTIONS:
        value = answers.get(q.question_id, ...)
        if value is ... or value is None or (isinstance(value, str) and value.strip() in ("", BLANK)):
            result[q.question_id] = BLANK
            continue
        letter = str(value).strip().upper()
        if letter not in q.options:
            raise ValueError(f"{q.question_id}: answer with one of {list(q.options)}, got {value!r}.")
        result[q.question_id] = letter
    return result


def score(answers) -> pd.DataFrame:
    """One row per question: the answer given, whether it is right, and the explanation for that answer."""
    given = normalise(answers)
    rows = []
    for q in QUESTIONS:
        letter = given[q.question_id]
        rows.append({
            "question": q.question_id,
            "idea": q.idea,
            "answer": letter,
            "correct": letter == q.answer,
            "explanation": q.explanations.get(letter, "Not answered."),
        })
    return pd.DataFrame(rows)


def answer_code(answers, stage: str = "pre") -> str:
    """The one-line code a student pastes for the teacher, e.g. 'SQ1-PRE-BCADB'."""
    given = normalise(answers)
    return f"{SET_NAME}-{_checked_stage(stage).upper()}-" + "".join(given[q] for q in QUESTION_IDS)


def parse_code(line: str) -> dict:
    """Read one answer code back: {'stage', 'answers', 'alias'}. Raises ValueError naming what is wrong."""
    text = str(line).strip()
    code, _, alias = text.partition(" ")
    match = CODE_PATTERN.match(code.upper())
    if not match:
        raise ValueError(f"{text!r} is not an answer code; codes look like '{SET_NAME}-PRE-BCADB'.")
    if match["set"] != SET_NAME:
        raise ValueError(f"{text!r} answers question set {match['set']}, not {SET_NAME}.")
    return {"stage": match["stage"].lower(), "answers": dict(zip(QUESTION_IDS, match["letters"])),
            "alias": alias.strip()}


def tally(lines: str | Iterable[str]) -> pd.DataFrame:
    """For a class: the share answering each question correctly, before and after.

    `lines` is the pasted text (one code per line) or a list of codes. Blank lines are skipped; lines that
    are not codes are listed in `result.attrs["rejected"]` with the reason, never silently dropped.
    Returns one row per question with the number of pre and post codes and the percent correct in each.
    """
    if isinstance(lines, str):
        lines = lines.splitlines()
    counts = {stage: 0 for stage in STAGES}
    right = {(stage, q): 0 for stage in STAGES for q in QUESTION_IDS}
    rejected = []
    for line in lines:
        if not str(line).strip():
            continue
        try:
            parsed = parse_code(line)
        except ValueError as error:
            rejected.append(str(error))
            continue
        counts[parsed["stage"]] += 1
        for q in QUESTIONS:
            right[(parsed["stage"], q.question_id)] += parsed["answers"][q.question_id] == q.answer
    rows = []
    for q in QUESTIONS:
        row = {"question": q.question_id, "idea": q.idea}
        for stage in STAGES:
            n = counts[stage]
            row[f"{stage}_codes"] = n
            row[f"{stage}_percent_correct"] = round(100 * right[(stage, q.question_id)] / n, 1) if n else float("nan")
        row["change_points"] = row["post_percent_correct"] - row["pre_percent_correct"]
        rows.append(row)
    result = pd.DataFrame(rows)
    result.attrs["rejected"] = rejected
    return result


# --- What the notebook cells call -----------------------------------------------------------------

def report(stage: str, answers) -> None:
    """Print the student's answer code and, after the post-check, what each answer means.

    The pre-check shows only how many questions were answered, not which are right, so the same questions
    still measure something at the end of the bundle.
    """
    try:
        stage = _checked_stage(stage)
        table = score(answers)
    except ValueError as error:
        print(f"Not yet: {error}")
        return
    answered = int((table["answer"] != BLANK).sum())
    if answered == 0:
        print("Not answered yet: put a letter for each question in `my_answers`, then run the cell.")
        return
    code = answer_code(answers, stage)
    if stage == "pre":
        print(f"You answered {answered} of {len(QUESTIONS)}. Your answer code: {code}")
        print("Copy that line for your teacher, and keep it: notebook 06 asks the same questions again.")
        return
    print(f"{int(table['correct'].sum())} of {len(QUESTIONS)} right. Your answer code: {code}")
    for row in table.itertuples():
        mark = "right" if row.correct else "not right"
        print(f"{row.question} ({row.answer}, {mark}): {row.explanation}")


def _checked_stage(stage: str) -> str:
    if stage not in STAGES:
        raise ValueError(f"stage must be one of {list(STAGES)}, got {stage!r}")
    return stage
