"""Load the bundle's tables, checked against data/datapackage.json.

Every notebook gets its numbers through `load(name)`. Before a table reaches a reader it is checked
against its Table Schema in datapackage.json: types, required cells, allowed values, patterns and
ranges, primary key and foreign keys (Frictionless checks the same package in the tests). A problem
stops the load with one `DataError` that says which file, which line, which column and what was
expected, so a teacher who edits a CSV can fix it without reading a traceback.

Loading only reads files; it never writes, downloads or repairs anything.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import pandas as pd



def _find_repo_root(start: Path) -> Path:
    """The nearest folder above `start` that holds data/datapackage.json.

    Searching upwards (rather than assuming notebooks/statusquo/) lets copies of the package, such as
    the student copies in build/student/, find the same data.
    """
    for folder in start.parents:
        if (folder / "data" / "datapackage.json").is_file():
            return folder
    return start.parents[2]


REPO_ROOT = _find_repo_root(Path(__file__).resolve())
DATA_DIR = REPO_ROOT / "data"


class DataError(ValueError):
    """A data file does not match its schema. The message names file, line, column and expectation."""

    def __init__(self, file: str, problem: str, *, line: int | None = None, column: str | None = None,
                 expected: str | None = None):
        self.file, self.line, self.column, self.expected = file, line, column, expected
        where = [file]
        if line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column '{column}'")
        message = f"{', '.join(where)}: {problem}"
        if expected:
            message += f" (expected {expected})"
        super().__init__(message)


@dataclass(frozen=True)
class TableInfo:
    """What the data package says about one table."""

    name: str
    title: str
    path: Path
    fields: tuple[dict, ...]
    primary_key: tuple[str, ...]

    data_dir: Path

    @property
    def relative_path(self) -> str:
        """The file as a reader would name it: data/article/claims.csv."""
        return self.path.relative_to(self.data_dir.parent).as_posix()


def descriptor(data_dir: Path = DATA_DIR) -> dict:
    """The data package descriptor (datapackage.json) as a dict."""
    return json.loads((Path(data_dir) / "datapackage.json").read_text(encoding="utf-8"))


def table_names(data_dir: Path = DATA_DIR) -> list[str]:
    """Names of every table in the data package, in the order the descriptor lists them."""
    return [resource["name"] for resource in descriptor(data_dir)["resources"]]


def table_info(name: str, data_dir: Path = DATA_DIR) -> TableInfo:
    """Where table `name` lives and what its schema says."""
    data_dir = Path(data_dir)
    for resource in descriptor(data_dir)["resources"]:
        if resource["name"] == name:
            schema = resource["schema"]
            return TableInfo(
                name=name,
                title=resource.get("title", name),
                path=data_dir / resource["path"],
                fields=tuple(schema["fields"]),
                primary_key=tuple(schema.get("primaryKey", ())),
                data_dir=data_dir,
            )
    raise KeyError(f"No table named {name!r} in data/datapackage.json; known tables: {table_names(data_dir)}")


def load(name: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Return table `name` as a typed DataFrame, after checking it against its schema.

    Raises DataError when the file is missing, is not UTF-8, or breaks its schema.
    `data_dir` exists for tests, which check the loader on broken copies of data/.
    """
    info = table_info(name, data_dir)
    _check_readable(info)
    _check_header(info)
    _check_rows(info)
    stat = info.path.stat()
    return _cached_frame(name, str(info.data_dir), stat.st_mtime_ns, stat.st_size).copy()


def _check_readable(info: TableInfo) -> None:
    if not info.path.exists():
        raise DataError(info.relative_path, "file not found",
                        expected=f"the CSV for table '{info.name}' listed in data/datapackage.json")
    raw = info.path.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(info.relative_path, f"byte 0x{raw[error.start]:02x} is not valid UTF-8",
                        line=line, expected="text saved as UTF-8") from None


def _check_header(info: TableInfo) -> None:
    header = info.path.read_text(encoding="utf-8").splitlines()[0:1]
    columns = header[0].split(",") if header else []
    wanted = [f["name"] for f in info.fields]
    missing = [c for c in wanted if c not in columns]
    extra = [c for c in columns if c not in wanted]
    if missing:
        raise DataError(info.relative_path, "column is missing from the header", line=1, column=missing[0],
                        expected=f"columns {wanted}")
    if extra:
        raise DataError(info.relative_path, "column is not in the schema", line=1, column=extra[0],
                        expected=f"columns {wanted}")
    if columns != wanted:
        raise DataError(info.relative_path, f"columns are in the order {columns}", line=1,
                        expected=f"the order {wanted}")


def _check_rows(info: TableInfo) -> None:
    """Check every cell, the primary key and the foreign keys against the table's Table Schema.

    Frictionless, the reference implementation of the standard, validates the whole package in the
    test suite on every run. Here the same rules are applied with the standard library, because
    starting Frictionless in each notebook's kernel cost about 0.6 s, more than the rest of a typical
    notebook's content; a test checks that Frictionless rejects every bad file this loader rejects.
    A table whose file, foreign-key tables and descriptor are unchanged since it last passed is not
    checked again.
    """
    descriptor_path = info.data_dir / "datapackage.json"
    resources = {r["name"]: r for r in descriptor(info.data_dir)["resources"]}
    schema = resources[info.name]["schema"]
    references = {key["reference"]["resource"] for key in schema.get("foreignKeys", [])}
    referenced_paths = [info.data_dir / resources[r]["path"] for r in sorted(references) if r in resources]
    signature = (info.name, _file_signature([descriptor_path, info.path, *referenced_paths]))
    if signature in _VALIDATED:
        return
    rows = _read_rows(info)
    for line, row in rows:
        for field in info.fields:
            _check_cell(info, field, row[field["name"]], line)
    _check_primary_key(info, rows)
    for key in schema.get("foreignKeys", []):
        _check_foreign_key(info, key, rows, resources)
    _VALIDATED.add(signature)


# Signatures (table, file states) of tables that passed validation in this process.
_VALIDATED: set[tuple] = set()

# Table Schema's default spellings of booleans.
_TRUE, _FALSE = {"true", "True", "TRUE", "1"}, {"false", "False", "FALSE", "0"}


def _read_rows(info: TableInfo) -> list[tuple[int, dict[str, str]]]:
    """(line number, {column: text}) for every data row; a row with the wrong number of cells is an error."""
    with info.path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        rows = []
        for cells in reader:
            if not cells:
                continue
            if len(cells) != len(header):
                raise DataError(info.relative_path, f"the row has {len(cells)} cells", line=reader.line_num,
                                expected=f"{len(header)} cells per row, one per column")
            rows.append((reader.line_num, dict(zip(header, cells))))
    return rows


def _check_cell(info: TableInfo, field: dict, text: str, line: int) -> None:
    name, kind, constraints = field["name"], field["type"], field.get("constraints", {})
    if text == "":
        if constraints.get("required"):
            raise DataError(info.relative_path, "the cell is empty", line=line, column=name,
                            expected=_expected_value(field))
        return
    value = _typed(text, field)
    if value is None:
        raise DataError(info.relative_path, f"cannot read {text!r} as a {kind}", line=line, column=name,
                        expected=_expected_value(field))
    broken = (
        ("enum" in constraints and text not in [str(v) for v in constraints["enum"]])
        or ("pattern" in constraints and re.fullmatch(constraints["pattern"], text) is None)
        or ("minimum" in constraints and value < constraints["minimum"])
        or ("maximum" in constraints and value > constraints["maximum"])
        or ("maxLength" in constraints and len(text) > constraints["maxLength"])
    )
    if broken:
        raise DataError(info.relative_path, f"{text!r} is not allowed", line=line, column=name,
                        expected=_expected_value(field))


def _typed(text: str, field: dict):
    """The cell's value in its schema type, or None when the text cannot be read as that type."""
    kind = field["type"]
    try:
        if kind == "integer":
            return int(text) if re.fullmatch(r"[+-]?\d+", text) else None
        if kind == "number":
            return float(text)
        if kind == "boolean":
            return True if text in _TRUE else False if text in _FALSE else None
        if kind == "date":
            return datetime.strptime(text, field.get("format", "%Y-%m-%d")).date()
    except ValueError:
        return None
    return text


def _check_primary_key(info: TableInfo, rows: list[tuple[int, dict[str, str]]]) -> None:
    key = info.primary_key
    seen: dict[tuple, int] = {}
    for line, row in rows:
        value = tuple(row[c] for c in key)
        if value in seen:
            shown = value[0] if len(value) == 1 else value
            raise DataError(info.relative_path, f"duplicate key {shown!r} (first on line {seen[value]})",
                            line=line, column=", ".join(key), expected=f"each row to have a different {', '.join(key)}")
        seen[value] = line


def _check_foreign_key(info: TableInfo, key: dict, rows, resources: dict) -> None:
    (column,), (ref_column,) = key["fields"], key["reference"]["fields"]
    reference = key["reference"]["resource"]
    ref_path = info.data_dir / resources[reference]["path"]
    with ref_path.open(encoding="utf-8", newline="") as handle:
        allowed = {row[ref_column] for row in csv.DictReader(handle)}
    for line, row in rows:
        if row[column] != "" and row[column] not in allowed:
            raise DataError(info.relative_path, f"{row[column]!r} is not in table '{reference}'", line=line,
                            column=column, expected=f"a {ref_column} that exists in table '{reference}'")


def _file_signature(paths: list[Path]) -> tuple:
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) if p.exists() else (str(p), None, None)
                 for p in paths)


def _expected_value(field: dict | None) -> str:
    if field is None:
        return "a value that fits the schema"
    constraints = field.get("constraints", {})
    if "enum" in constraints:
        return "one of " + ", ".join(repr(v) for v in constraints["enum"])
    if field["type"] == "date":
        return "a real date written YYYY-MM-DD"
    parts = [f"a {field['type']}"]
    if constraints.get("required"):
        parts.append("that is not empty")
    if "pattern" in constraints:
        parts.append(f"matching {constraints['pattern']}")
    if "minimum" in constraints or "maximum" in constraints:
        parts.append(f"between {constraints.get('minimum', '-inf')} and {constraints.get('maximum', 'inf')}")
    if "maxLength" in constraints:
        parts.append(f"of at most {constraints['maxLength']} characters")
    return " ".join(parts)


# pandas dtypes for Table Schema types; nullable so that optional cells stay empty, not NaN floats.
_DTYPES = {"string": "str", "integer": "Int64", "number": "Float64", "boolean": "boolean"}


@lru_cache(maxsize=64)
def _cached_frame(name: str, data_dir: str, _mtime_ns: int, _size: int) -> pd.DataFrame:
    """Read a validated table. The file's mtime and size are part of the cache key, so edits are seen."""
    info = table_info(name, Path(data_dir))
    dtypes = {f["name"]: _DTYPES.get(f["type"], "str") for f in info.fields if f["type"] != "date"}
    frame = pd.read_csv(info.path, dtype=dtypes, keep_default_na=False, na_values=[""], encoding="utf-8")
    for f in info.fields:
        if f["type"] == "date":
            frame[f["name"]] = pd.to_datetime(frame[f["name"]], format="%Y-%m-%d")
    frame.attrs["source_file"] = info.relative_path
    frame.attrs["title"] = info.title
    return frame
