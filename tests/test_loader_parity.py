"""Frictionless stays the reference: for every type and constraint the loader implements, one table that
breaks it and one that keeps it, judged by both; they must agree, both ways, except where the loader is
deliberately stricter (listed with the reason). A descriptor that uses a type, constraint or format with
no case here fails the last tests, so the loader cannot silently fall behind the schema."""

import csv
import json
from pathlib import Path

import pytest

from statusquo import data, table_schema
from statusquo.data import DataError

# (type, constraint or "type", extra field properties, cell text, the loader accepts it, why stricter or None)
# The constraint "type" means: the text must be readable as the type at all.
FIELD_CASES = [
    ("string", "type", {}, "any text, with ; and 'quotes'", True, None),
    ("string", "required", {"constraints": {"required": True}}, "", False, None),
    ("string", "required", {"constraints": {"required": True}}, " ", True, None),
    ("string", "enum", {"constraints": {"enum": ["low", "high"]}}, "medium", False, None),
    ("string", "enum", {"constraints": {"enum": ["low", "high"]}}, "high", True, None),
    ("string", "pattern", {"constraints": {"pattern": "^[a-z0-9_]+$"}}, "Bad-Id", False, None),
    ("string", "pattern", {"constraints": {"pattern": "^[a-z0-9_]+$"}}, "good_id_2", True, None),
    ("string", "maxLength", {"constraints": {"maxLength": 5}}, "sixsix", False, None),
    ("string", "maxLength", {"constraints": {"maxLength": 5}}, "fives", True, None),
    ("integer", "type", {}, "7", True, None),
    ("integer", "type", {}, "+07", True, None),
    ("integer", "type", {}, " 7 ", True, None),
    ("integer", "type", {}, "seven", False, None),
    ("integer", "type", {}, "7.0", False, None),
    ("integer", "type", {}, "1_000", False, "Python's int() reads 1_000; Table Schema does not"),
    ("integer", "type", {}, "\uff17", False, "Python's int() reads full-width digits; Table Schema does not"),
    ("integer", "type", {}, "9" * 20, False, "Python's int has no limit; a pandas Int64 column does"),
    ("integer", "required", {"constraints": {"required": True}}, "", False, None),
    ("integer", "enum", {"constraints": {"enum": [1, 2]}}, "3", False, None),
    ("integer", "enum", {"constraints": {"enum": [1, 2]}}, "02", True, None),
    ("integer", "minimum", {"constraints": {"minimum": 1}}, "0", False, None),
    ("integer", "minimum", {"constraints": {"minimum": 1}}, "1", True, None),
    ("integer", "maximum", {"constraints": {"maximum": 11}}, "12", False, None),
    ("integer", "maximum", {"constraints": {"maximum": 11}}, "11", True, None),
    ("number", "type", {}, "-2.5", True, None),
    ("number", "type", {}, "2.5e3", True, None),
    ("number", "type", {}, ".5", True, None),
    ("number", "type", {}, "2,5", False, None),
    ("number", "type", {}, "25%", False, None),
    ("number", "type", {}, "NaN", False, "Table Schema allows NaN; no quantity in the bundle is NaN"),
    ("number", "type", {}, "-INF", False, "Table Schema allows INF; no quantity in the bundle is infinite"),
    ("number", "type", {}, "1_0.5", False, "Python's float() reads 1_0.5; Table Schema does not"),
    ("number", "type", {}, "\uff12.\uff15", False, "Python's float() reads full-width digits"),
    ("number", "required", {"constraints": {"required": True}}, "", False, None),
    ("number", "enum", {"constraints": {"enum": [1.5, 2]}}, "2.0", True, None),
    ("number", "enum", {"constraints": {"enum": [1.5, 2]}}, "2.5", False, None),
    ("number", "minimum", {"constraints": {"minimum": 0}}, "-0.1", False, None),
    ("number", "minimum", {"constraints": {"minimum": 0}}, "0", True, None),
    ("number", "maximum", {"constraints": {"maximum": 100}}, "100.01", False, None),
    ("number", "maximum", {"constraints": {"maximum": 100}}, "100", True, None),
    ("boolean", "type", {}, "TRUE", True, None),
    ("boolean", "type", {}, "0", True, None),
    ("boolean", "type", {}, "yes", False, None),
    ("boolean", "type", {}, " true", False, None),
    ("boolean", "type", {"trueValues": ["Y"], "falseValues": ["N"]}, "N", True, None),
    ("boolean", "type", {"trueValues": ["Y"], "falseValues": ["N"]}, "true", False, None),
    ("boolean", "required", {"constraints": {"required": True}}, "", False, None),
    ("boolean", "enum", {"constraints": {"enum": [True]}}, "false", False, None),
    ("boolean", "enum", {"constraints": {"enum": [True]}}, "true", True, None),
    ("date", "type", {"format": "%Y-%m-%d"}, "2025-02-28", True, None),
    ("date", "type", {"format": "%Y-%m-%d"}, "2025-2-8", True, None),
    ("date", "type", {"format": "%Y-%m-%d"}, "2025-02-29", False, None),
    ("date", "type", {"format": "%Y-%m-%d"}, "28/02/2025", False, None),
    ("date", "type", {"format": "%Y-%m-%d"}, "\uff12\uff10\uff12\uff15-02-28", False,
     "Python's strptime() reads full-width digits; the codebook promises ASCII YYYY-MM-DD"),
    ("date", "type", {"format": "%d/%m/%Y"}, "28/02/2025", True, None),
    ("date", "type", {}, "2025-02-28", True, None),
    ("date", "type", {}, "2025-2-8", True, None),        # both read the default format with strptime
    ("date", "type", {}, "2025-02-28T00:00", False, None),
    ("date", "required", {"format": "%Y-%m-%d", "constraints": {"required": True}}, "", False, None),
    ("date", "enum", {"constraints": {"enum": ["2025-02-07"]}}, "2025-02-08", False, None),
    ("date", "enum", {"constraints": {"enum": ["2025-02-07"]}}, "2025-02-07", True, None),
    ("integer", "minimum", {"constraints": {"minimum": "1"}}, "0", False, None),
    ("date", "minimum", {"constraints": {"minimum": "2025-01-01"}}, "2024-12-31", False, None),
    ("date", "minimum", {"constraints": {"minimum": "2025-01-01"}}, "2025-01-01", True, None),
    ("date", "maximum", {"constraints": {"maximum": "2025-12-31"}}, "2026-01-01", False, None),
    ("date", "maximum", {"constraints": {"maximum": "2025-12-31"}}, "2025-12-31", True, None),
]

# (name, schema of table "t", rows of t, rows of table "ref" (key "code"), the loader accepts it)
KEY_CASES = [
    ("primary key, distinct", {"primaryKey": ["id"]}, [["a", "1"], ["b", "1"]], None, True),
    ("primary key, duplicated", {"primaryKey": ["id"]}, [["a", "1"], ["a", "2"]], None, False),
    ("primary key, duplicated after typing", {"primaryKey": ["x"], "x": "integer"}, [["a", "1"], ["b", "01"]],
     None, False),
    ("composite key, distinct", {"primaryKey": ["id", "x"]}, [["a", "1"], ["a", "2"]], None, True),
    ("composite key, duplicated", {"primaryKey": ["id", "x"]}, [["a", "1"], ["a", "1"]], None, False),
    ("primary key cell empty", {"primaryKey": ["x"]}, [["a", ""], ["b", "1"]], None, False),
    ("foreign key, present", {"foreignKeys": "ref"}, [["a", "k1"], ["b", ""]], [["k1"], ["k2"]], True),
    ("foreign key, absent", {"foreignKeys": "ref"}, [["a", "k1"], ["b", "k3"]], [["k1"], ["k2"]], False),
    ("foreign key, to this table", {"foreignKeys": ""}, [["a", ""], ["b", "a"]], None, True),
    ("foreign key, to this table, absent", {"foreignKeys": ""}, [["a", ""], ["b", "c"]], None, False),
    ("keys written as strings, duplicated", {"primaryKey": "id", "foreignKeys": "ref", "as string": True},
     [["a", "k1"], ["a", "k2"]], [["k1"], ["k2"]], False),
    ("keys written as strings, absent", {"primaryKey": "id", "foreignKeys": "ref", "as string": True},
     [["a", "k1"], ["b", "k3"]], [["k1"], ["k2"]], False),
    ("keys written as strings, valid", {"primaryKey": "id", "foreignKeys": "ref", "as string": True},
     [["a", "k1"], ["b", "k2"]], [["k1"], ["k2"]], True),
]


def write_package(folder: Path, field: dict, rows: list[list[str]], schema_extra: dict | None = None,
                  ref_rows: list[list[str]] | None = None) -> Path:
    data_dir = folder / "data"
    data_dir.mkdir()
    schema = {"fields": [{"name": "id", "type": "string"}, field], **(schema_extra or {})}
    resources = [{"name": "t", "path": "t.csv", "profile": "tabular-data-resource", "format": "csv",
                  "encoding": "utf-8", "schema": schema}]
    tables = {"t.csv": [["id", field["name"]], *rows]}
    if ref_rows is not None:
        resources.append({"name": "ref", "path": "ref.csv", "profile": "tabular-data-resource", "format": "csv",
                          "encoding": "utf-8", "schema": {"fields": [{"name": "code", "type": "string"}],
                                                          "primaryKey": ["code"]}})
        tables["ref.csv"] = [["code"], *ref_rows]
    descriptor = {"name": "parity", "profile": "tabular-data-package", "resources": resources}
    (data_dir / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    for name, table in tables.items():
        with open(data_dir / name, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(table)
    return data_dir


def verdicts(data_dir: Path) -> tuple[bool, bool]:
    """(the loader accepts table t, Frictionless accepts t and every table it refers to)."""
    from frictionless import Package

    try:
        data.load("t", data_dir=data_dir)
        loader = True
    except DataError:
        loader = False
    package = Package(str(data_dir / "datapackage.json"))
    reference = all(package.get_resource(r.name).validate().valid for r in package.resources)
    return loader, reference


def case_id(case) -> str:
    kind, constraint, extra, text, accepts, _ = case
    return f"{kind}-{constraint}-{json.dumps(extra, separators=(',', ':'))}-{text!r}-{'ok' if accepts else 'bad'}"


@pytest.mark.parametrize("case", FIELD_CASES, ids=case_id)
def test_loader_and_frictionless_agree_on_each_type_and_constraint(case, tmp_path):
    kind, _, extra, text, accepts, stricter = case
    data_dir = write_package(tmp_path, {"name": "x", "type": kind, **extra}, [["r1", text]])
    loader, reference = verdicts(data_dir)
    assert loader == accepts, f"the loader {'refuses' if accepts else 'accepts'} {text!r}"
    if stricter:
        assert reference and not loader, f"listed as stricter ({stricter}), but Frictionless refuses it too"
    else:
        assert reference == loader, f"Frictionless {'accepts' if reference else 'refuses'} {text!r}"


@pytest.mark.parametrize("case", KEY_CASES, ids=lambda case: case[0])
def test_loader_and_frictionless_agree_on_keys(case, tmp_path):
    name, spec, rows, ref_rows, accepts = case
    field = {"name": "x", "type": spec.get("x", "string")}
    extra = {}
    if "primaryKey" in spec:
        extra["primaryKey"] = spec["primaryKey"]
    if "foreignKeys" in spec:
        target = spec["foreignKeys"]
        extra["foreignKeys"] = [{"fields": ["x"], "reference": {"resource": target,
                                                                "fields": ["code" if target else "id"]}}]
    if spec.get("as string"):          # Table Schema also allows "id" for ["id"]
        extra["foreignKeys"][0]["fields"] = "x"
        extra["foreignKeys"][0]["reference"]["fields"] = "code"
    data_dir = write_package(tmp_path, field, rows, extra, ref_rows)
    loader, reference = verdicts(data_dir)
    assert (loader, reference) == (accepts, accepts), f"{name}: loader {loader}, Frictionless {reference}"


def features(descriptor: dict) -> set[tuple[str, str]]:
    """Every (type, constraint) a descriptor uses; also (type, "format " + f) and the keys it uses."""
    used = set()
    for resource in descriptor["resources"]:
        schema = resource["schema"]
        for field in schema["fields"]:
            kind = field.get("type", "string")
            used.add((kind, "type"))
            used |= {(kind, constraint) for constraint in field.get("constraints", {})}
            if "format" in field:
                used.add((kind, f"format {field['format']}"))
            used |= {(kind, key) for key in ("trueValues", "falseValues") if key in field}
        used |= {("table", key) for key in ("primaryKey", "foreignKeys") if key in schema}
    return used


def covered() -> set[tuple[str, str]]:
    tested = {(kind, constraint) for kind, constraint, *_ in FIELD_CASES}
    tested |= {(kind, f"format {extra['format']}") for kind, _, extra, *_ in FIELD_CASES if "format" in extra}
    tested |= {(kind, key) for kind, _, extra, *_ in FIELD_CASES for key in ("trueValues", "falseValues")
               if key in extra}
    tested |= {("table", "primaryKey"), ("table", "foreignKeys")}
    return tested


def test_every_type_and_constraint_the_descriptor_uses_has_a_parity_case():
    missing = sorted(features(data.descriptor()) - covered())
    assert not missing, f"data/datapackage.json uses {missing}: the loader does not implement or test these"


def test_every_type_and_constraint_the_loader_implements_has_both_verdicts_here():
    for kind, constraints in table_schema.SUPPORTED.items():
        for constraint in {"type", *constraints}:
            outcomes = {accepts for k, c, _, _, accepts, _ in FIELD_CASES if (k, c) == (kind, constraint)}
            if constraint == "required":
                outcomes.add(True)        # an optional empty cell is accepted in every other case
            if (kind, constraint) == ("string", "type"):
                outcomes.add(False)       # every text is a string
            assert outcomes == {True, False}, f"{kind} {constraint}: a case that passes and one that fails"


def test_the_coverage_check_notices_a_new_type_or_constraint():
    descriptor = data.descriptor()
    descriptor["resources"][0]["schema"]["fields"][0]["constraints"]["unique"] = True
    descriptor["resources"][0]["schema"]["fields"].append({"name": "y", "type": "year"})
    assert {("string", "unique"), ("year", "type")} <= features(descriptor) - covered()
