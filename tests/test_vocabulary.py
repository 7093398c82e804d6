"""statusquo.vocabulary is the one place the allowed values live: the data package and the code agree with it,
and no list of it is written out a second time in statusquo/ or tools/."""

import ast
import json
import re
from pathlib import Path

import pytest

from statusquo import vocabulary

REPO_ROOT = Path(__file__).resolve().parents[1]

# Which columns of data/datapackage.json take their allowed values from which list of the vocabulary.
COLUMNS = {
    "PARAGRAPH_LABELS": [("paragraphs", "paragraph")],
    "CLAIM_KINDS": [("claims", "kind")],
    "CLAIM_TOPICS": [("claims", "topic")],
    "ACTOR_NAMINGS": [("actors", "naming")],
    "EVENT_PHASES": [("events", "phase")],
    "SOURCE_KINDS": [("sources", "kind")],
    "SOURCE_TIERS": [("sources", "tier")],
    "ALLIES": [("alliance_allies", "ally")],
    "ALLIANCE_INDICATORS": [("alliance_allies", "indicator"), ("alliance_weights", "indicator")],
    "WEIGHT_DIRECTIONS": [("alliance_weights", "direction")],
    "PRODUCT_GROUPS": [("trade_scenarios", "product_group"), ("aftermath_model_rates", "product_group")],
    "TRADE_FLOWS": [("trade_us_japan_goods", "flow")],
    "INVESTMENT_ENTITIES": [("trade_investment_ties", "entity")],
    "BARGAINING_OPTIONS": [("bargaining_offer_sizes", "option_id"), ("bargaining_option_scores", "option_id")],
    "BARGAINING_AREAS": [("bargaining_demands", "area"), ("bargaining_option_scores", "area")],
    "VISIBLE_BANDS": [("bargaining_roleplay_responses", "visible_band")],
    "US_RESPONSES": [("bargaining_roleplay_responses", "response")],
    "COUNCIL_SIDES": [("council_roles", "side")],
    "COUNCIL_ROLE_IDS": [("council_roles", "role_id"), ("council_role_weights", "role_id")],
    "COUNCIL_CRITERIA": [("council_role_weights", "criterion")],
    "RED_LINE_MEASURES": [("council_roles", "red_line_measure")],
    "AFTERMATH_CATEGORIES": [("aftermath_events", "category")],
    "AFTERMATH_OUTCOMES": [("aftermath_ledger", "outcome")],
    "AFTERMATH_VERDICTS": [("aftermath_scorecard", "verdict")],
    "LEDGER_SIDES": [("aftermath_ledger", "side")],
    "TARIFF_PRODUCTS": [("aftermath_tariffs", "product")],
    "EXPORT_MEASURES": [("aftermath_outcomes_2025", "measure")],
}
CHECKED_HELPERS = {"keyed_by", "reordered"}   # a literal passed to these is checked against the vocabulary


def vocabulary_lists() -> dict[str, list[str]]:
    """Every list of allowed values in statusquo.vocabulary, by name (EVIDENCE_KINDS by its keys)."""
    lists = {name: value for name, value in vars(vocabulary).items()
             if name.isupper() and isinstance(value, list) and all(isinstance(v, str) for v in value)}
    return {**lists, "EVIDENCE_KINDS": list(vocabulary.EVIDENCE_KINDS)}


def stored_enums() -> dict[tuple[str, str], list[str]]:
    package = json.loads((REPO_ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    return {(r["name"], f["name"]): f["constraints"]["enum"]
            for r in package["resources"] for f in r["schema"]["fields"] if "enum" in f["constraints"]}


def test_every_vocabulary_list_is_mapped_to_its_columns():
    assert set(vocabulary_lists()) - {"EVIDENCE_KINDS"} == set(COLUMNS)


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_each_column_allows_exactly_its_vocabulary_list_in_order(name):
    enums = stored_enums()
    for column in COLUMNS[name]:
        assert column in enums, f"{column} has no enum in data/datapackage.json"
        assert enums[column] == getattr(vocabulary, name), (
            f"{column} and statusquo.vocabulary.{name} disagree: run python tools/build_datapackage.py")


def test_no_other_column_holds_the_same_values_in_another_order():
    mapped = {column for columns in COLUMNS.values() for column in columns}
    for column, enum in stored_enums().items():
        for name, values in vocabulary_lists().items():
            if column not in mapped and len(values) > 1 and set(enum) == set(values):
                pytest.fail(f"{column} allows the values of vocabulary.{name}: take them from it")


def test_declared_evidence_kinds_are_the_vocabularys():
    package = json.loads((REPO_ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    declared = {r["evidence_kind"] for r in package["resources"] if "evidence_kind" in r}
    assert declared <= set(vocabulary.EVIDENCE_KINDS)


def test_the_paragraph_pattern_matches_exactly_the_paragraph_labels():
    import sys
    sys.path.insert(0, str(REPO_ROOT / "tools"))
    from datapackage.fields import PARAGRAPH
    candidates = [f"P{i}" for i in range(0, 30)]
    assert [c for c in candidates if re.fullmatch(PARAGRAPH, c)] == vocabulary.PARAGRAPH_LABELS


def test_the_article_and_summit_dates_are_the_descriptors():
    package = json.loads((REPO_ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert vocabulary.ARTICLE_DATE in package["description"]
    demands = next(r for r in package["resources"] if r["name"] == "bargaining_demands")
    period = next(f for f in demands["schema"]["fields"] if f["name"] == "period")
    assert vocabulary.SUMMIT_DATE in period["description"]


# --- No list is written out twice ------------------------------------------------------------------------

def literal_copies(source: str, lists: dict[str, list[str]]) -> list[tuple[int, str]]:
    """(line, vocabulary name) of each list, tuple, set or dict key literal in `source` that holds exactly the
    values of a vocabulary list, except literals passed straight to a checked helper (keyed_by, reordered)."""
    tree = ast.parse(source)
    checked = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in CHECKED_HELPERS:
                checked.update(id(arg) for arg in node.args)
    found = []
    for node in ast.walk(tree):
        if id(node) in checked:
            continue
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            items = node.elts
        elif isinstance(node, ast.Dict):
            items = [key for key in node.keys if key is not None]
        else:
            continue
        strings = {i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)}
        if len(strings) < 2 or len(strings) != len(items):
            continue
        found += [(node.lineno, name) for name, values in lists.items() if strings == set(values)]
    return found


def code_files() -> list[Path]:
    files = [*(REPO_ROOT / "notebooks" / "statusquo").rglob("*.py"), *(REPO_ROOT / "tools").rglob("*.py")]
    return sorted(f for f in files if f.name != "vocabulary.py")


def test_the_scan_finds_a_copied_list_and_lets_a_checked_one_pass():
    lists = {"TRADE_FLOWS": vocabulary.TRADE_FLOWS}
    copied = 'FLOWS = ["balance", "exports_to_japan", "imports_from_japan"]\n'
    labelled = 'L = {"exports_to_japan": "x", "imports_from_japan": "y", "balance": "z"}\n'
    checked = 'L = keyed_by(TRADE_FLOWS, {"exports_to_japan": "x", "imports_from_japan": "y", "balance": "z"})\n'
    assert literal_copies(copied, lists) == [(1, "TRADE_FLOWS")]
    assert literal_copies(labelled, lists) == [(1, "TRADE_FLOWS")]
    assert literal_copies(checked, lists) == []
    assert literal_copies('PAIR = ["exports_to_japan", "balance"]\n', lists) == []   # a subset is not a copy


def test_no_vocabulary_list_is_written_out_again_in_statusquo_or_tools():
    lists = {name: values for name, values in vocabulary_lists().items() if len(values) > 1}
    copies = [f"{path.relative_to(REPO_ROOT)}:{line}: the values of vocabulary.{name}"
              for path in code_files() for line, name in literal_copies(path.read_text(encoding="utf-8"), lists)]
    assert not copies, ("import these from statusquo.vocabulary, or wrap a label table in keyed_by() and a display "
                        "order in reordered():\n" + "\n".join(copies))


def test_no_date_of_the_vocabulary_is_typed_again():
    dates = {vocabulary.ARTICLE_DATE, vocabulary.SUMMIT_DATE}
    typed = [f"{path.relative_to(REPO_ROOT)}:{node.lineno}" for path in code_files()
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Constant) and node.value in dates]
    assert not typed, "use statusquo.vocabulary.ARTICLE_DATE / SUMMIT_DATE:\n" + "\n".join(typed)


# --- The checked helpers ---------------------------------------------------------------------------------

def test_keyed_by_names_what_is_missing_and_what_is_extra():
    assert vocabulary.keyed_by(["a", "b"], {"b": 2, "a": 1}) == {"b": 2, "a": 1}
    with pytest.raises(ValueError, match=r"missing \['b'\], extra \['c'\]"):
        vocabulary.keyed_by(["a", "b"], {"a": 1, "c": 3})


def test_reordered_keeps_the_order_given_and_refuses_other_values():
    assert vocabulary.reordered(["a", "b", "c"], ["c", "a", "b"]) == ["c", "a", "b"]
    with pytest.raises(ValueError, match="is not an ordering"):
        vocabulary.reordered(["a", "b", "c"], ["c", "a"])
