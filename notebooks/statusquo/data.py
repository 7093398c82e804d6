"""Load the bundle's tables, checked against data/datapackage.json.

Every notebook gets its numbers through `load(name)`. Before a table reaches a reader it is validated
by Frictionless (the reference implementation of the Table Schema standard) against the schema in
datapackage.json: types, required cells, allowed values, primary key and foreign keys. A problem
stops the load with one `DataError` that says which file, which line, which column and what was
expected, so a teacher who edits a CSV can fix it without reading a traceback.

Loading only reads files; it never writes, downloads or repairs anything.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
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
    """Validate the table's cells, keys and foreign keys with Frictionless.

    A table whose file, foreign-key tables and descriptor are unchanged since it last passed is not
    checked again: notebooks load the same tables many times, and re-validating each time would make
    up most of their run time.
    """
    descriptor_path = info.data_dir / "datapackage.json"
    signature = (info.name, _file_signature([descriptor_path, info.path, *_referenced_paths(info)]))
    if signature in _VALIDATED:
        return
    package = _package(str(descriptor_path), descriptor_path.stat().st_mtime_ns)
    report = package.get_resource(info.name).validate()
    if report.valid:
        _VALIDATED.add(signature)
        return
    errors = [error for task in report.tasks for error in task.errors]
    if not errors:
        raise DataError(info.relative_path, "Frictionless reported the table invalid without details")
    raise _describe(info, errors[0], len(errors))


# Signatures (table, file states) of tables that passed validation in this process.
_VALIDATED: set[tuple] = set()


@lru_cache(maxsize=4)
def _package(descriptor_path: str, _mtime_ns: int):
    """The Frictionless package, built once per version of datapackage.json (building it is slow)."""
    # Frictionless checks descriptors with jsonschema, which imports the optional URI-syntax checker
    # rfc3987_syntax when it is installed (Jupyter installs it). That one import compiles a grammar and
    # takes about 0.7 s, a quarter of a notebook's run time, for a check our descriptors never use
    # (no field has format "iri"). Marking it absent makes jsonschema skip that checker.
    if "rfc3987_syntax" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None
    # Imported here: Frictionless is only needed when a table is actually checked.
    from frictionless import Package

    return Package(descriptor_path)


def _referenced_paths(info: TableInfo) -> list[Path]:
    """Files of the tables that `info`'s foreign keys point to (their content decides validity too)."""
    resources = {r["name"]: r for r in descriptor(info.data_dir)["resources"]}
    names = {key["reference"]["resource"] for key in resources[info.name]["schema"].get("foreignKeys", [])}
    return [info.data_dir / resources[n]["path"] for n in sorted(names) if n in resources and n != info.name]


def _file_signature(paths: list[Path]) -> tuple:
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) if p.exists() else (str(p), None, None)
                 for p in paths)


def _describe(info: TableInfo, error, count: int) -> DataError:
    """Turn one Frictionless error into a DataError a reader can act on."""
    data = error.to_dict()
    line = data.get("rowNumber")
    column = data.get("fieldName") or (data.get("fieldNames") or [None])[0]
    cell = data.get("cell")
    if cell is None and data.get("fieldCells"):
        cell = data["fieldCells"][0]
    field = next((f for f in info.fields if f["name"] == column), None)
    more = f" ({count - 1} more problem{'s' if count > 2 else ''} after this one)" if count > 1 else ""
    kind = data["type"]
    if kind == "type-error":
        return DataError(info.relative_path, f"cannot read {cell!r} as a {field['type']}{more}",
                         line=line, column=column, expected=_expected_value(field))
    if kind == "constraint-error":
        if cell in (None, ""):
            problem = "the cell is empty"
        else:
            problem = f"{cell!r} is not allowed"
        return DataError(info.relative_path, problem + more, line=line, column=column,
                         expected=_expected_value(field))
    if kind in ("primary-key", "unique-error"):
        key = ", ".join(info.primary_key)
        values = [c for c in (data.get("cells") or [])][:1]
        return DataError(info.relative_path, f"duplicate key {values[0] if values else ''!r}{more}", line=line,
                         column=key, expected=f"each row to have a different {key}")
    if kind == "foreign-key":
        reference = data.get("referenceName", "another table")
        ref_fields = ", ".join(data.get("referenceFieldNames") or [])
        return DataError(info.relative_path, f"{cell!r} is not in table '{reference}'{more}", line=line,
                         column=column, expected=f"a {ref_fields} that exists in table '{reference}'")
    if kind in ("missing-cell", "extra-cell", "blank-row"):
        return DataError(info.relative_path, f"{data['title'].lower()}: the row has the wrong number of cells{more}",
                         line=line, column=column, expected=f"{len(info.fields)} cells per row")
    return DataError(info.relative_path, f"{data['note'] or data['title']}{more}", line=line, column=column)


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
