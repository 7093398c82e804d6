"""The folder and the descriptor around the tables: a missing or broken data/ folder or datapackage.json,
a folder or unreadable file where a CSV should be, an unknown table, a descriptor that asks for checks
the loader does not make. Each is one DataError; none changes anything on disk."""

import json
import pathlib
import shutil
from pathlib import Path

import pytest

from statusquo import data
from statusquo.data import DataError

REPO_DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(REPO_DATA, target)
    return target


def tree(folder: Path) -> dict:
    def content(path: Path):
        if path.is_symlink() or not path.is_file():
            return None
        with open(path, "rb") as handle:       # not Path.read_bytes, which one test makes fail
            return handle.read()
    return {p.relative_to(folder.parent).as_posix(): content(p) for p in sorted(folder.parent.rglob("*"))}


def refused(table: str, data_dir: Path) -> DataError:
    before = tree(data_dir)
    with pytest.raises(DataError) as caught:
        data.load(table, data_dir=data_dir)
    assert tree(data_dir) == before, "the load changed something on disk"
    return caught.value


def test_missing_data_folder(tmp_path):
    error = refused("claims", tmp_path / "data")
    assert "data folder is missing" in str(error) and "beside notebooks/" in str(error)


def test_data_is_a_file_not_a_folder(tmp_path):
    (tmp_path / "data").write_text("oops", encoding="utf-8")
    assert "is a file, not a folder" in str(refused("claims", tmp_path / "data"))


def test_missing_descriptor(data_copy):
    (data_copy / "datapackage.json").unlink()
    error = refused("claims", data_copy)
    assert str(error).startswith("data/datapackage.json: file not found")
    assert "tools/build_datapackage.py" in str(error)


def test_descriptor_with_broken_json_names_its_line(data_copy):
    path = data_copy / "datapackage.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"resources": [', '"resources": [,', 1), encoding="utf-8")
    error = refused("claims", data_copy)
    assert error.file == "data/datapackage.json" and error.line == text[: text.index('"resources"')].count("\n") + 1
    assert "broken JSON" in str(error) and "tools/build_datapackage.py" in str(error)


def test_descriptor_saved_with_a_byte_order_mark_still_loads(data_copy):
    path = data_copy / "datapackage.json"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert data.load("options", data_dir=data_copy).equals(data.load("options"))


@pytest.mark.parametrize("breakage, fragment", [
    (lambda d: d.pop("resources"), "no list of resources"),
    (lambda d: d["resources"][0].pop("schema"), "lacks a name, a path or a schema"),
    (lambda d: d["resources"][0]["schema"]["fields"][0].pop("name"), "lacks a name, a path or a schema"),
    (lambda d: d["resources"][2]["schema"]["foreignKeys"][0]["reference"].update(resource="nowhere"),
     "refers to a table 'nowhere' that is not listed"),
    (lambda d: d["resources"][2]["schema"]["foreignKeys"][0].update(fields=["no_such_column"]),
     "names columns that do not match"),
    (lambda d: d["resources"][0]["schema"].update(primaryKey=["no_such_column"]),
     "primary key of 'sources' names a column 'no_such_column'"),
])
def test_descriptor_with_a_broken_structure(data_copy, breakage, fragment):
    path = data_copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    breakage(descriptor)
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    assert fragment in str(refused("options", data_copy))


@pytest.mark.parametrize("change, fragment", [
    (lambda field: field.update(type="year"), "type 'year'"),
    (lambda field: field["constraints"].update(unique=True), "constraint 'unique'"),
    (lambda field: field["constraints"].update(minLength=1), "constraint 'minLength'"),
    (lambda field: field.update(format="email"), "format 'email'"),
    (lambda field: field.update(groupChar=","), "field property 'groupChar'"),
])
def test_a_rule_the_loader_does_not_check_is_refused_not_skipped(data_copy, change, fragment):
    path = data_copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    options = next(r for r in descriptor["resources"] if r["name"] == "options")
    change(options["schema"]["fields"][1])
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    error = str(refused("options", data_copy))
    assert fragment in error and "does not check" in error and "table_schema.py" in error


@pytest.mark.parametrize("change, fragment", [
    (lambda resource: resource.update(dialect={"delimiter": ";"}), "resource property 'dialect'"),
    (lambda resource: resource.update(encoding="shift_jis"), "encoding 'shift_jis'"),
    (lambda resource: resource["schema"].update(missingValues=["", "NA"]), "missingValues"),
])
def test_a_resource_setting_the_loader_does_not_follow_is_refused(data_copy, change, fragment):
    path = data_copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(next(r for r in descriptor["resources"] if r["name"] == "options"))
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    assert fragment in str(refused("options", data_copy))


def test_properties_that_only_describe_are_accepted(data_copy):
    """Data Package allows any property of one's own; those that set no rule must not block a load."""
    path = data_copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    options = next(r for r in descriptor["resources"] if r["name"] == "options")
    options["evidence_kind"] = "the article says it"
    options["schema"]["notes"] = "a note"
    options["schema"]["fields"][0].update(unit="none", rdfType="https://schema.org/identifier")
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    assert data.load("options", data_dir=data_copy).equals(data.load("options"))


def test_a_folder_where_the_csv_should_be(data_copy):
    path = data_copy / "article" / "quotes.csv"
    path.unlink()
    path.mkdir()
    error = refused("quotes", data_copy)
    assert str(error).startswith("data/article/quotes.csv: this is a folder, not a file")


def test_a_link_to_nothing_where_the_csv_should_be(data_copy):
    path = data_copy / "article" / "quotes.csv"
    path.unlink()
    path.symlink_to(data_copy / "article" / "gone.csv")
    assert "link to a file that does not exist" in str(refused("quotes", data_copy))


def test_a_missing_subfolder(data_copy):
    shutil.rmtree(data_copy / "assumptions")
    error = refused("alliance_weights", data_copy)
    assert "data/assumptions/alliance_weights.csv: file not found: the folder data/assumptions/ is missing" \
        in str(error)


def test_an_unreadable_file(data_copy, monkeypatch):
    """Permissions cannot be tested with chmod when the suite runs as root, so the read itself fails here,
    exactly as the operating system makes it fail for a file without read permission."""
    target = data_copy / "article" / "quotes.csv"
    real = pathlib.Path.read_bytes

    def read_bytes(path):
        if path == target:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    error = refused("quotes", data_copy)
    assert "data/article/quotes.csv: the file cannot be read: permission denied" in str(error)
    assert "chmod" in str(error)


def test_a_problem_in_a_referenced_table_names_that_file_and_the_table_loaded(data_copy):
    path = data_copy / "article" / "paragraphs.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("P2,2,", "P2,two,", 1), encoding="utf-8")
    error = refused("aftermath_ledger", data_copy)   # refers to paragraphs directly and through claims
    assert error.file == "data/article/paragraphs.csv" and error.line == 3 and error.column == "position"
    assert error.needed_by == "aftermath_ledger" and "Table 'aftermath_ledger' needs this file" in str(error)


def test_a_broken_referenced_table_is_refused_every_time_not_only_the_first(data_copy):
    path = data_copy / "sources.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\n\n", 1))
    for _ in range(2):
        assert refused("actors", data_copy).file == "data/sources.csv"
    assert refused("sources", data_copy).needed_by is None


def test_unknown_table_is_a_data_error_and_a_key_error_listing_the_known_ones():
    with pytest.raises(KeyError) as caught:
        data.load("claim")
    assert isinstance(caught.value, DataError)
    assert "there is no table named 'claim'" in str(caught.value) and "claims" in str(caught.value)
    assert not str(caught.value).startswith('"'), "shown as a message, not as a quoted key"
    assert "did you mean 'claims'?" in str(caught.value)


def test_an_edit_of_the_same_size_within_the_same_clock_tick_is_seen(data_copy):
    """The check is skipped only for content it has seen: a one-character edit that keeps size and mtime
    is still checked."""
    path = data_copy / "article" / "paragraphs.csv"
    data.load("paragraphs", data_dir=data_copy)
    stat = path.stat()
    path.write_bytes(path.read_bytes().replace(b"P2,2,", b"P2,x,", 1))
    import os
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert refused("paragraphs", data_copy).column == "position"


def test_an_edit_of_a_referenced_table_is_seen_by_the_table_that_refers_to_it(data_copy):
    assert len(data.load("actors", data_dir=data_copy)) > 0
    path = data_copy / "sources.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    identified = data.load("actors")["identified_by"].dropna().iloc[0]
    path.write_text("\n".join(line for line in lines if not line.startswith(identified + ",")), encoding="utf-8")
    error = refused("actors", data_copy)
    assert error.file == "data/article/actors.csv" and f"{identified!r} is not in table 'sources'" in str(error)


def test_a_successful_load_changes_nothing_and_returns_a_fresh_copy(data_copy):
    before = tree(data_copy)
    for name in data.table_names(data_dir=data_copy):
        frame = data.load(name, data_dir=data_copy)
        frame.iloc[0, 0] = None                      # a reader's change to one copy
        assert data.load(name, data_dir=data_copy).iloc[0, 0] is not None
    descriptor = data.descriptor(data_dir=data_copy)
    descriptor["resources"].clear()
    assert data.table_names(data_dir=data_copy)
    assert tree(data_copy) == before


def test_the_real_descriptor_asks_for_nothing_the_loader_does_not_check():
    for resource in data.descriptor()["resources"]:
        assert data.unsupported_features(resource) == [], resource["name"]


def test_loading_does_not_need_frictionless():
    """Readers' installs do not carry Frictionless (a test-only package): the loader must not import it."""
    import subprocess
    import sys

    code = ("import sys; from statusquo import data\n"
            "[data.load(n) for n in data.table_names()]\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'frictionless'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1] / "notebooks").stdout
    assert out.strip() == "[]"


def test_a_data_error_survives_pickling_with_its_parts():
    import pickle

    error = DataError("data/x.csv", "bad", line=3, column="c", expected="a number", fix="retype it", needed_by="t")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.file, copy.line, copy.column, copy.fix, copy.needed_by, str(copy)) == \
        ("data/x.csv", 3, "c", "retype it", "t", str(error))
