"""Tests of what notebook 00 teaches from: the checkpoint (pre/post questions, answer codes, class tally),
the evidence kinds and source tiers of statusquo.article, exercises 00.x, and the glossary its links point to."""

from __future__ import annotations

import json
import re

import pytest

from statusquo import article, checkpoint, exercises, load
from statusquo.data import REPO_ROOT, descriptor

KEY = "".join(q.answer for q in checkpoint.QUESTIONS)


# --- checkpoint: questions ---------------------------------------------------------------------------

def test_every_question_has_four_options_an_answer_and_an_explanation_for_each():
    assert len(checkpoint.QUESTIONS) == 5
    for q in checkpoint.QUESTIONS:
        assert sorted(q.options) == ["A", "B", "C", "D"] and q.answer in q.options
        assert set(q.explanations) == set(q.options)
        assert q.explanations[q.answer].startswith("Right")
        assert not any(text.startswith("Right") for letter, text in q.explanations.items() if letter != q.answer)


def test_the_answer_key_is_not_one_letter_repeated():
    assert len(set(KEY)) >= 3


def test_render_shows_every_question_and_option_and_no_dollar_sign():
    for stage in checkpoint.STAGES:
        text = checkpoint.render(stage)
        for q in checkpoint.QUESTIONS:
            assert q.prompt in text and all(option in text for option in q.options.values())
        assert "$" not in text
    assert "notebook 00" in checkpoint.render("post")
    with pytest.raises(ValueError, match="stage must be one of"):
        checkpoint.render("mid")


# --- checkpoint: scoring -----------------------------------------------------------------------------

def test_score_marks_right_and_wrong_answers_with_their_explanations():
    wrong = "".join("A" if letter != "A" else "B" for letter in KEY)
    table = checkpoint.score(wrong)
    assert not table["correct"].any()
    assert list(table["explanation"]) == [q.explanations[w] for q, w in zip(checkpoint.QUESTIONS, wrong)]
    assert checkpoint.score(KEY)["correct"].all()
    assert checkpoint.score(KEY.lower())["correct"].all()


def test_blank_answers_count_as_not_answered():
    table = checkpoint.score({"Q1": KEY[0], "Q2": ...})
    assert list(table["answer"]) == [KEY[0], "-", "-", "-", "-"]
    assert table["correct"].sum() == 1


@pytest.mark.parametrize("answers, words", [
    ("BCA", "Give 5 letters"),
    ({"Q9": "A"}, "Unknown question"),
    ({"Q1": "E"}, "answer with one of"),
    ({"Q1": 3}, "answer with one of"),
    (["B", "C"], "as a dict"),
    (42, "as a dict"),
])
def test_bad_answers_get_a_sentence_not_a_traceback(answers, words, capsys):
    with pytest.raises(ValueError, match=words):
        checkpoint.score(answers)
    checkpoint.report("pre", answers)
    assert capsys.readouterr().out.startswith("Not yet:")


def test_report_pre_hides_the_key_post_explains(capsys):
    checkpoint.report("pre", KEY)
    pre = capsys.readouterr().out
    assert f"{checkpoint.SET_NAME}-PRE-{KEY}" in pre and "right" not in pre
    checkpoint.report("post", KEY)
    post = capsys.readouterr().out
    assert post.startswith("5 of 5 right") and f"{checkpoint.SET_NAME}-POST-{KEY}" in post
    checkpoint.report("pre", {q: ... for q in checkpoint.QUESTION_IDS})
    assert capsys.readouterr().out.startswith("Not answered yet")


# --- checkpoint: answer codes and the class tally ---------------------------------------------------

def test_answer_code_round_trips():
    code = checkpoint.answer_code({"Q1": "b", "Q3": "a"}, "post")
    assert code == f"{checkpoint.SET_NAME}-POST-B-A--"
    parsed = checkpoint.parse_code(code + " jk")
    assert parsed == {"stage": "post", "alias": "jk",
                      "answers": {"Q1": "B", "Q2": "-", "Q3": "A", "Q4": "-", "Q5": "-"}}
    assert checkpoint.parse_code(code.lower())["stage"] == "post"


@pytest.mark.parametrize("line, words", [
    ("hello", "not an answer code"),
    ("SQ1-PRE-ABC", "not an answer code"),
    ("SQ1-MID-ABCDA", "not an answer code"),
    ("SQ9-PRE-ABCDA", "question set SQ9"),
])
def test_parse_code_rejects_what_is_not_a_code(line, words):
    with pytest.raises(ValueError, match=words):
        checkpoint.parse_code(line)


def test_tally_counts_percent_correct_before_and_after_and_lists_rejected_lines():
    all_wrong = "".join("A" if letter != "A" else "B" for letter in KEY)
    pasted = "\n".join([f"SQ1-PRE-{all_wrong}", f"SQ1-PRE-{KEY[0]}----", "", f"SQ1-POST-{KEY} ab",
                        f"sq1-post-{KEY}", "my answers: B C A", f"SQ2-POST-{KEY}"])
    result = checkpoint.tally(pasted)
    first = result.set_index("question").loc["Q1"]
    assert first["pre_codes"] == 2 and first["post_codes"] == 2
    assert first["pre_percent_correct"] == 50.0 and first["post_percent_correct"] == 100.0
    assert first["change_points"] == 50.0
    assert result.set_index("question").loc["Q2", "pre_percent_correct"] == 0.0
    assert len(result.attrs["rejected"]) == 2


def test_tally_of_nothing_is_empty_not_an_error():
    result = checkpoint.tally("")
    assert (result["pre_codes"] == 0).all() and result["pre_percent_correct"].isna().all()


# --- evidence kinds and source tiers ---------------------------------------------------------------

def test_every_table_resolves_to_one_of_the_six_kinds():
    inventory = article.evidence_inventory()
    resources = [r for r in descriptor()["resources"] if article.folder_of(r)]
    assert len(inventory) == len(resources)
    assert set(inventory["evidence_kind"]) <= set(article.EVIDENCE_KINDS)
    assert set(inventory["evidence_kind"]) == set(article.EVIDENCE_KINDS)  # every kind is in use


@pytest.mark.parametrize("table, kind", [
    ("aftermath_ledger", "our judgement"), ("aftermath_scorecard", "our judgement"),
    ("bargaining_option_scores", "our judgement"), ("alliance_weights", "we assume it"),
    ("trade_deficit_claims", "a source reported it"), ("bargaining_demands", "a source reported it"),
    ("alliance_concepts", "published scholarship"), ("claims", "the article says it"),
    ("alliance_allies", "a public source measured it"), ("events", "a source reported it"),
    ("aftermath_retaliation", "a source reported it"),
])
def test_judgements_and_statements_are_not_filed_as_measurements(table, kind):
    assert article.evidence_inventory().set_index("table").loc[table, "evidence_kind"] == kind


def test_a_declared_kind_wins_and_an_unknown_kind_is_refused():
    declared = {"name": "aftermath_ledger", "path": "context/x.csv", "evidence_kind": "a public source measured it"}
    assert article.evidence_kind(declared)[0] == "a public source measured it"
    assert article.evidence_kind({"name": "new_table", "path": "assumptions/x.csv"})[0] == "we assume it"
    with pytest.raises(ValueError, match="not one of"):
        article.evidence_kind({"name": "t", "path": "context/t.csv", "evidence_kind": "we measured it"})
    with pytest.raises(ValueError, match="no default for folder"):
        article.evidence_kind({"name": "t", "path": "other/t.csv"})


def test_tiers_match_the_schema_and_count_every_source():
    schema = next(f for f in descriptor()["resources"][0]["schema"]["fields"] if f["name"] == "tier")
    assert list(article.SOURCE_TIERS) == schema["constraints"]["enum"]
    assert article.tier_table()["sources"].sum() == len(load("sources"))


def test_kinds_summary_lists_every_table_once():
    inventory = article.evidence_inventory()
    summary = article.kinds_summary(inventory)
    listed = [t for cell in summary["which tables"] for t in cell.split(", ") if t]
    assert sorted(listed) == sorted(inventory["table"]) and summary["tables"].sum() == len(inventory)


# --- exercises of notebook 00 -----------------------------------------------------------------------

def test_exercises_00_cover_the_four_kinds_and_follow_the_data():
    items = {i: exercises.EXERCISES[f"00.{i}"] for i in range(1, 6)}
    assert {item.kind for item in items.values()} == set(exercises.KINDS)
    claims = load("claims")
    assert items[1].expected() == pytest.approx(100 * (claims["kind"] == "fact").sum() / len(claims))
    tiers = load("sources").set_index("source_id")["tier"]
    assert tiers[article.TIER_ROWS[items[3].expected()]] == "secondary"
    assert sorted(tiers[list(article.TIER_ROWS.values())]) == sorted(article.SOURCE_TIERS)  # one row per tier


def test_exercise_00_4_names_its_slips():
    expected = exercises.EXERCISES["00.4"].expected()
    assert "percent written as a fraction" in exercises.verdict("00.4", expected / 100)
    primary_only = article._timeline_tier_share({"primary"})
    if abs(primary_only - expected) > 0.01 * expected:
        assert "only primary" in exercises.verdict("00.4", primary_only)
    assert exercises.verdict("00.4", expected).startswith(exercises.CORRECT)


# --- glossary ---------------------------------------------------------------------------------------

SLUGS = ["pass-through", "elasticity", "mfn", "section-122", "section-232", "section-301", "ieepa", "fms",
         "host-nation-support", "win-set", "disagreement-point", "nash-bargaining-solution", "two-level-game",
         "dominated-offer", "frontier", "bilateral-balance", "export-revenue-at-risk", "reciprocal-tariffs",
         "abandonment-and-entrapment", "ratification", "source-tier", "evidence-kinds"]
GLOSSARY = REPO_ROOT / "glossary.md"


def glossary_entries() -> dict[str, str]:
    """{anchor: body} for each `### heading`, with the anchor both JupyterLab and GitHub compute for it."""
    entries, current = {}, None
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if line.startswith("### "):
            heading = line[4:].strip()
            # JupyterLab keeps case and punctuation; GitHub lower-cases and drops punctuation. A lower-case
            # heading of letters, digits, spaces and hyphens gives the same anchor in both.
            assert re.fullmatch(r"[a-z0-9 -]+", heading), f"heading {heading!r} would get different anchors"
            current = heading.replace(" ", "-")
            entries[current] = ""
        elif current:
            entries[current] += line + " "
    return entries


def test_glossary_has_every_slug_with_a_short_entry():
    entries = glossary_entries()
    assert set(SLUGS) <= set(entries)
    for slug in SLUGS:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", entries[slug].strip()) if s]
        assert 1 <= len(sentences) <= 5, f"{slug}: {len(sentences)} sentences"
        assert "$" not in entries[slug]


def test_glossary_cites_exactly_the_sources_its_table_lists():
    table = load("glossary_sources")
    entries = glossary_entries()
    assert set(table["slug"]) <= set(entries)
    for slug, body in entries.items():
        cited = set(re.findall(r"`([a-z0-9_]+)`", body))
        assert cited == set(table.loc[table["slug"] == slug, "source_id"]), slug


@pytest.mark.parametrize("notebook", ["00_start_here.ipynb", "01_alliance_dependence.ipynb"])
def test_notebook_glossary_links_resolve(notebook):
    cells = json.loads((REPO_ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    links = re.findall(r"\]\(\.\./glossary\.md#([^)]+)\)", text)
    assert links, f"{notebook} links no glossary term"
    assert set(links) <= set(glossary_entries())
