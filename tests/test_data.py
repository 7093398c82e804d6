"""The data package: every table loads typed and valid, and the package passes Frictionless."""

import json
import sys
from pathlib import Path

import pandas as pd
import pytest
from frictionless import Package

from statusquo import data

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "tools"))
import build_codebook  # noqa: E402
import build_datapackage  # noqa: E402


@pytest.mark.parametrize("name", data.table_names())
def test_every_table_loads_with_its_schema_columns_and_types(name):
    frame = data.load(name)
    info = data.table_info(name)
    assert list(frame.columns) == [f["name"] for f in info.fields]
    assert len(frame) > 0, f"{info.relative_path} has no rows"
    for field in info.fields:
        column = frame[field["name"]]
        if field["type"] == "date":
            assert pd.api.types.is_datetime64_any_dtype(column), field["name"]
        elif field["type"] in ("integer", "number"):
            assert pd.api.types.is_numeric_dtype(column), field["name"]
        if field.get("constraints", {}).get("required"):
            assert column.notna().all(), f"{info.relative_path}: empty required cell in {field['name']}"
    assert not frame.duplicated(list(info.primary_key)).any()


def test_frictionless_validates_the_whole_package():
    report = Package(str(REPO_ROOT / "data" / "datapackage.json")).validate()
    problems = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors]
    assert report.valid, "\n".join(problems[:20])


def test_every_csv_under_data_is_described_in_the_package():
    described = {r["path"] for r in data.descriptor()["resources"]}
    on_disk = {p.relative_to(REPO_ROOT / "data").as_posix() for p in (REPO_ROOT / "data").rglob("*.csv")}
    assert on_disk == described


def test_stored_datapackage_and_codebook_match_their_generators():
    stored = (REPO_ROOT / "data" / "datapackage.json").read_text(encoding="utf-8")
    assert stored == build_datapackage.render(), "run: python tools/build_datapackage.py"
    codebook = (REPO_ROOT / "data" / "README.md").read_text(encoding="utf-8")
    assert codebook == build_codebook.render(json.loads(stored)), "run: python tools/build_codebook.py"


def test_every_source_is_cited_by_a_table_or_a_notebook():
    """A source is listed because something rests on it: a table's row, or a notebook that cites it by id
    (a reading behind a box of prose, such as the published economics in notebook 02)."""
    import json
    import re

    cited = set()
    for name in data.table_names():
        frame = data.load(name)
        for column in ("source_id", "identified_by", "source_ids"):
            if column in frame.columns and name != "sources":
                cited |= {part for cell in frame[column].dropna() for part in str(cell).split(";")}
    listed = set(data.load("sources")["source_id"])
    for path in (data.REPO_ROOT / "notebooks").glob("*.ipynb"):
        code = "\n".join("".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
                         if c["cell_type"] == "code")
        cited |= set(re.findall(r"[\"']([a-z0-9_]+)[\"']", code)) & listed
    unused = sorted(listed - cited)
    assert not unused, f"sources listed but never cited: {unused}"


def test_every_paragraph_has_at_least_one_claim():
    claims = data.load("claims")
    assert set(claims["paragraph"]) == {f"P{i}" for i in range(1, 12)}


def test_actors_the_article_only_alludes_to_are_identified_by_a_source():
    actors = data.load("actors")
    alluded = actors[actors["naming"] == "identified_not_named"]
    assert set(alluded["actor_id"]) >= {"son", "akie_abe"}
    assert alluded["identified_by"].notna().all()
    assert actors.loc[actors["naming"] != "identified_not_named", "identified_by"].isna().all()


def test_every_option_is_stated_in_p4():
    options = data.load("options")
    claims = data.load("claims").set_index("claim_id")
    assert (options["paragraph"] == "P4").all()
    assert (claims.loc[options["claim_id"], "paragraph"] == "P4").all()


def test_events_cover_the_run_up_and_the_summit_on_7_february_2025():
    events = data.load("events")
    summit = events[events["phase"] == "summit"]
    assert list(summit["date"].dt.strftime("%Y-%m-%d")) == ["2025-02-07"]
    assert (events["date"] <= pd.Timestamp("2025-02-07")).all()
    assert events["date"].is_monotonic_increasing, "keep events.csv in date order"


@pytest.mark.parametrize("name", data.table_names())
def test_every_table_equals_what_pandas_reads_from_the_same_file(name):
    """The loader builds its frames from the values it checked; pandas' own CSV reader, an independent
    parser, must give the same table (same values, dtypes and missing cells)."""
    info = data.table_info(name)
    dtypes = {"string": "str", "integer": "Int64", "number": "Float64", "boolean": "boolean"}
    frame = pd.read_csv(info.path, dtype={f["name"]: dtypes[f["type"]] for f in info.fields if f["type"] != "date"},
                        keep_default_na=False, na_values=[""], encoding="utf-8-sig")
    for field in info.fields:
        if field["type"] == "date":
            frame[field["name"]] = pd.to_datetime(frame[field["name"]], format=field.get("format", "%Y-%m-%d"))
    pd.testing.assert_frame_equal(data.load(name), frame, check_exact=True)


def test_loading_twice_gives_equal_frames_and_the_source_file():
    first, second = data.load("claims"), data.load("claims")
    assert first is not second and first.equals(second)
    assert first.attrs == {"source_file": "data/article/claims.csv", "title": data.table_info("claims").title}


def test_no_two_sources_point_to_the_same_page_unless_they_record_two_editions():
    """One page, one id: two ids for one address split its citations and its notes. A page updated in
    place may keep one id per edition read, if each row says so."""
    sources = data.load("sources")
    page = (sources["url"].str.replace(r"^https?://(www\.)?", "", regex=True)
            .str.replace(r"\?reqfrom=share$", "", regex=True).str.rstrip("/"))
    shared = sources[page.duplicated(keep=False)]
    undocumented = shared[~shared["note"].fillna("").str.contains("edition")]
    assert undocumented.empty, f"ids sharing a page: {sorted(undocumented['source_id'])}"
