"""Bad input: each broken file gives one DataError naming file, line, column and expectation,
and nothing on disk is changed or lost."""

import hashlib
from pathlib import Path

import pytest

from statusquo import data
from statusquo.data import DataError


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Each case: table, file, (old text, new text) to break it, and what the message must contain.
CASES = {
    "wrong type": ("paragraphs", "article/paragraphs.csv", ("P2,2,", "P2,two,"),
                   ["data/article/paragraphs.csv", "line 3", "column 'position'", "'two'", "integer"]),
    "impossible date": ("events", "article/events.csv", ("2025-02-07", "2025-02-30"),
                        ["data/article/events.csv", "line 18", "column 'date'", "'2025-02-30'", "YYYY-MM-DD"]),
    "duplicate key": ("claims", "article/claims.csv", ("C02,P1,", "C01,P1,"),
                      ["data/article/claims.csv", "line 3", "column 'claim_id'", "duplicate key 'C01'"]),
    "broken foreign key": ("claims", "article/claims.csv",
                           ("C02,P1,expectation,bargaining,ishiba", "C02,P1,expectation,bargaining,nobody"),
                           ["data/article/claims.csv", "line 3", "column 'actor_id'", "'nobody'",
                            "table 'actors'"]),
    "value outside its allowed set": ("claims", "article/claims.csv", ("C02,P1,expectation", "C02,P1,guess"),
                                      ["data/article/claims.csv", "line 3", "column 'kind'", "'guess'",
                                       "'fact', 'expectation'"]),
    "empty required cell": ("claims", "article/claims.csv",
                            ("C02,P1,expectation,bargaining,ishiba", "C02,P1,expectation,bargaining,"),
                            ["data/article/claims.csv", "line 3", "column 'actor_id'", "empty"]),
    "missing column": ("options", "article/options.csv", (",claim_id\n", "\n"),
                       ["data/article/options.csv", "line 1", "column 'claim_id'", "missing"]),
    "extra column": ("options", "article/options.csv", ("claim_id\n", "claim_id,comment\n"),
                     ["data/article/options.csv", "line 1", "column 'comment'", "not in the schema"]),
    "columns out of order": ("options", "article/options.csv", ("option_id,label,", "label,option_id,"),
                             ["data/article/options.csv", "line 1", "order"]),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_file_gives_one_clear_error_and_changes_nothing(case, data_copy):
    table, relative, (old, new), expected_fragments = CASES[case]
    edit(data_copy / relative, old, new)
    before = snapshot(data_copy)
    with pytest.raises(DataError) as caught:
        data.load(table, data_dir=data_copy)
    message = str(caught.value)
    for fragment in expected_fragments:
        assert fragment in message, f"{case}: {fragment!r} not in {message!r}"
    assert snapshot(data_copy) == before


def test_missing_file(data_copy):
    (data_copy / "article" / "quotes.csv").unlink()
    before = snapshot(data_copy)
    with pytest.raises(DataError, match=r"data/article/quotes.csv: file not found"):
        data.load("quotes", data_dir=data_copy)
    assert snapshot(data_copy) == before


def test_bytes_that_are_not_utf8(data_copy):
    path = data_copy / "article" / "claims.csv"
    path.write_bytes(path.read_bytes().replace(b"Ishiba hopes", b"Ishiba \xff hopes"))
    before = snapshot(data_copy)
    with pytest.raises(DataError) as caught:
        data.load("claims", data_dir=data_copy)
    message = str(caught.value)
    assert "data/article/claims.csv, line 3" in message and "not UTF-8: byte 0xff" in message and "CSV UTF-8" in message
    assert snapshot(data_copy) == before


def test_error_carries_its_parts_for_programs():
    error = DataError("data/x.csv", "bad", line=4, column="c", expected="an integer")
    assert (error.file, error.line, error.column, error.expected) == ("data/x.csv", 4, "c", "an integer")
    assert str(error) == "data/x.csv, line 4, column 'c': bad (expected an integer)"


def test_unknown_table_name_lists_the_known_ones():
    with pytest.raises(KeyError, match="known tables"):
        data.load("no_such_table")


def test_an_edited_file_is_read_again(data_copy):
    assert len(data.load("options", data_dir=data_copy)) == 4
    path = data_copy / "article" / "options.csv"
    path.write_text(path.read_text(encoding="utf-8") + "extra_offer,Extra,purchase,More.,P4,C14\n",
                    encoding="utf-8")
    assert len(data.load("options", data_dir=data_copy)) == 5


def test_a_row_with_the_wrong_number_of_cells(data_copy):
    path = data_copy / "article" / "options.csv"
    path.write_text(path.read_text(encoding="utf-8") + "x,y,purchase\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"data/article/options.csv, line 6: the row has 3 cells \(expected 6 cells"):
        data.load("options", data_dir=data_copy)


@pytest.mark.parametrize("case", CASES)
def test_frictionless_rejects_every_file_the_loader_rejects(case, data_copy):
    """The loader applies Table Schema itself for speed; Frictionless, the reference implementation,
    must agree that each broken file is invalid."""
    from frictionless import Package

    table, relative, (old, new), _ = CASES[case]
    edit(data_copy / relative, old, new)
    report = Package(str(data_copy / "datapackage.json")).get_resource(table).validate()
    assert not report.valid, f"Frictionless accepts the {case} case that the loader refuses"
