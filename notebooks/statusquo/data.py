"""Load the bundle's tables, checked against data/datapackage.json.

Every notebook gets its numbers through `load(name)`. Before a table reaches a reader it is checked
against its Table Schema in datapackage.json: types, required cells, allowed values, patterns and
ranges, primary key and foreign keys, and the tables it refers to are checked the same way first.
A problem stops the load with one `DataError` that says which file, which line, which column, what
was expected and what to do, so a teacher who edits a CSV in a spreadsheet can fix it without reading
a traceback (in Jupyter the error shows as those few lines only). What a spreadsheet does harmlessly,
a byte-order mark, CRLF line endings, quoted cells, is accepted. The rules live in table_schema.py.

Loading only reads files; it never writes, downloads or repairs anything. A table is checked once per
state of its file, its referenced files and the descriptor (compared by content), because notebooks
load the same tables many times.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import table_schema
from .table_schema import DataError

__all__ = ["DATA_DIR", "REPO_ROOT", "DataError", "TableInfo", "UnknownTableError", "descriptor", "load",
           "table_info", "table_names", "unsupported_features"]


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
REGENERATE = "restore it from the bundle, or regenerate it with: python tools/build_datapackage.py"


class UnknownTableError(DataError, KeyError):
    """load() was asked for a table the data package does not list (also a KeyError, as for a dict)."""


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
        return _shown(self.path, self.data_dir)


def _shown(path: Path, data_dir: Path) -> str:
    return (Path(data_dir.name) / path.relative_to(data_dir)).as_posix()


def descriptor(data_dir: Path = DATA_DIR) -> dict:
    """The data package descriptor (datapackage.json) as a dict (a fresh copy: change it freely)."""
    return json.loads(_package(Path(data_dir)).text)


def table_names(data_dir: Path = DATA_DIR) -> list[str]:
    """Names of every table in the data package, in the order the descriptor lists them."""
    return list(_package(Path(data_dir)).resources)


def table_info(name: str, data_dir: Path = DATA_DIR) -> TableInfo:
    """Where table `name` lives and what its schema says."""
    return _package(Path(data_dir)).info(name)


def load(name: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Return table `name` as a typed DataFrame, after checking it (and the tables it refers to).

    Raises DataError when a file is missing or unreadable, is not UTF-8 CSV, or breaks its schema.
    `data_dir` exists for tests, which check the loader on broken copies of data/.
    """
    package = _package(Path(data_dir))
    return _checked(package, name, (), {}).frame.copy()


# --- what a descriptor may ask for -----------------------------------------------------------

# Properties that change how cells are read or add rules, and that this loader does not implement.
# Any other property (a title, a unit, the bundle's own "evidence_kind") is description and is kept.
RULE_KEYS = {
    "resource": {"dialect", "hash", "bytes", "compression", "layout", "control", "innerpath", "scheme", "data",
                 "pipeline", "checklist", "extrapaths"},
    "schema": {"uniqueKeys", "fieldsMatch"},
    "field": {"bareNumber", "groupChar", "decimalChar", "missingValues", "arrayItem", "categories",
              "categoriesOrdered"},
}


def unsupported_features(resource: dict) -> list[str]:
    """What in one resource of the descriptor this module does not check, described for a reader."""
    found = [f"resource property '{key}'" for key in resource if key in RULE_KEYS["resource"]]
    if str(resource.get("format", "csv")).lower() != "csv":
        found.append(f"format '{resource['format']}'")
    if str(resource.get("encoding", "utf-8")).lower().replace("_", "-") not in ("utf-8", "utf8"):
        found.append(f"encoding '{resource['encoding']}'")
    schema = resource.get("schema", {})
    found += [f"schema property '{key}'" for key in schema if key in RULE_KEYS["schema"]]
    if schema.get("missingValues", [""]) != [""]:
        found.append("missingValues other than [\"\"]")
    for field in schema.get("fields", []):
        name, kind = field.get("name"), field.get("type", "string")
        if kind not in table_schema.SUPPORTED:
            found.append(f"type '{kind}' (field '{name}')")
            continue
        found += [f"field property '{key}' (field '{name}')" for key in field if key in RULE_KEYS["field"]]
        found += [f"constraint '{key}' on a {kind} (field '{name}')"
                  for key in field.get("constraints", {}) if key not in table_schema.SUPPORTED[kind]]
        fmt = field.get("format", "default")
        if fmt != "default" and not (kind == "date" and "%" in fmt):
            found.append(f"format '{fmt}' on a {kind} (field '{name}')")
        if ("trueValues" in field or "falseValues" in field) and kind != "boolean":
            found.append(f"trueValues/falseValues on a {kind} (field '{name}')")
    return found


# --- the descriptor, read once per content ---------------------------------------------------------

@dataclass(frozen=True)
class _Package:
    data_dir: Path
    text: str
    digest: bytes
    resources: dict[str, dict]

    def info(self, name: str) -> TableInfo:
        if name not in self.resources:
            close = difflib.get_close_matches(str(name), self.resources, n=1)
            raise UnknownTableError("data/datapackage.json", f"there is no table named {name!r}",
                                    expected=f"one of the known tables: {', '.join(self.resources)}",
                                    fix=f"did you mean {close[0]!r}?" if close else "check the spelling")
        resource = self.resources[name]
        schema = resource["schema"]
        return TableInfo(name=name, title=resource.get("title", name), path=self.data_dir / resource["path"],
                         fields=tuple(dict(f) for f in schema["fields"]),
                         primary_key=tuple(schema.get("primaryKey", ())), data_dir=self.data_dir)


_PACKAGES: dict[str, _Package] = {}


def _read(path: Path, shown: str, what: str) -> bytes:
    """The file's bytes, or a DataError that says why they cannot be read."""
    if path.is_dir():
        raise DataError(shown, "this is a folder, not a file", expected=what,
                        fix=f"move the folder away and put the file {path.name} in its place")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        if path.is_symlink():
            problem = "this is a link to a file that does not exist"
        elif not path.parent.is_dir():
            problem = f"file not found: the folder {Path(shown).parent.as_posix()}/ is missing"
        else:
            problem = "file not found"
        raise DataError(shown, problem, expected=what, fix=table_schema.RESTORE.format(file=shown)) from None
    except PermissionError:
        raise DataError(shown, "the file cannot be read: permission denied", expected=what,
                        fix="make it readable for your user (e.g. chmod a+r), or ask who runs the server") from None
    except OSError as error:
        raise DataError(shown, f"the file cannot be read: {error.strerror or error}", expected=what) from None


def _package(data_dir: Path) -> _Package:
    shown = "data/datapackage.json"
    if not data_dir.is_dir():
        problem = "is a file, not a folder" if data_dir.exists() else "is missing"
        raise DataError("data/", f"the data folder {problem} ({data_dir})",
                        expected="the folder data/ that comes with the notebooks",
                        fix="put the bundle's data/ folder back beside notebooks/ (copy the whole bundle, "
                            "not only the notebooks)")
    try:
        raw = _read(data_dir / "datapackage.json", shown, "the data package descriptor")
    except DataError as error:
        error.fix = REGENERATE
        raise
    digest = hashlib.blake2b(raw, digest_size=16).digest()
    cached = _PACKAGES.get(str(data_dir))
    if cached is not None and cached.digest == digest:
        return cached
    try:
        text = raw.decode("utf-8-sig")
        parsed = json.loads(text)
    except UnicodeDecodeError:
        raise DataError(shown, "the file is not UTF-8", expected="JSON text in UTF-8", fix=REGENERATE) from None
    except json.JSONDecodeError as error:
        raise DataError(shown, f"broken JSON at character {error.colno}: {error.msg}", line=error.lineno,
                        expected="valid JSON", fix=REGENERATE) from None
    resources = _check_descriptor(parsed, shown)
    package = _Package(data_dir=data_dir, text=text, digest=digest, resources=resources)
    _PACKAGES[str(data_dir)] = package
    return package


def _check_descriptor(parsed, shown: str) -> dict[str, dict]:
    """The resources by name, after checking that each is a table this loader can check fully."""
    if not isinstance(parsed, dict) or not isinstance(parsed.get("resources"), list):
        raise DataError(shown, "there is no list of resources", expected='an object with "resources": [...]',
                        fix=REGENERATE)
    resources = {}
    for index, resource in enumerate(parsed["resources"]):
        name = resource.get("name") if isinstance(resource, dict) else None
        label = f"resource {name!r}" if name else f"resource number {index + 1}"
        schema = resource.get("schema") if isinstance(resource, dict) else None
        if not name or not isinstance(resource.get("path"), str) or not isinstance(schema, dict) \
                or not isinstance(schema.get("fields"), list) \
                or not all(isinstance(f, dict) and "name" in f for f in schema["fields"]):
            raise DataError(shown, f"{label} lacks a name, a path or a schema with named fields",
                            expected="name, path and schema.fields for every resource", fix=REGENERATE)
        unsupported = unsupported_features(resource)
        if unsupported:
            raise DataError(shown, f"{label} uses {unsupported[0]}, which statusquo.data does not check",
                            expected="only the types and constraints in statusquo/table_schema.py "
                                     "SUPPORTED", fix="extend statusquo/table_schema.py and its parity test, "
                                                       "or change tools/build_datapackage.py")
        for field in schema["fields"]:
            field.setdefault("type", "string")
        # Table Schema lets a one-column key be written as a string; the checks take lists.
        if isinstance(schema.get("primaryKey"), str):
            schema["primaryKey"] = [schema["primaryKey"]]
        for key in schema.get("foreignKeys", []):
            for part in (key, key.setdefault("reference", {})):
                if isinstance(part.get("fields"), str):
                    part["fields"] = [part["fields"]]
        resources[name] = resource
    for name, resource in resources.items():
        columns = {f["name"] for f in resource["schema"]["fields"]}
        for column in resource["schema"].get("primaryKey", []):
            if column not in columns:
                raise DataError(shown, f"the primary key of {name!r} names a column {column!r} it does not have",
                                expected=f"columns of {name!r}", fix=REGENERATE)
        for key in resource["schema"].get("foreignKeys", []):
            target = key["reference"].get("resource", "") or name
            if target not in resources:
                raise DataError(shown, f"resource {name!r} refers to a table {target!r} that is not listed",
                                expected="foreign keys to listed tables", fix=REGENERATE)
            target_columns = {f["name"] for f in resources[target]["schema"]["fields"]}
            local, remote = key.get("fields", []), key["reference"].get("fields", [])
            if not local or len(local) != len(remote) or not set(local) <= columns \
                    or not set(remote) <= target_columns:
                raise DataError(shown, f"a foreign key of {name!r} names columns that do not match: "
                                       f"{local} -> {target}.{remote}",
                                expected="as many existing columns on each side", fix=REGENERATE)
    return resources


# --- tables, checked once per content --------------------------------------------------------------

@dataclass(frozen=True)
class _Checked:
    signature: tuple
    columns: dict[str, list]
    frame: pd.DataFrame


_CHECKED: dict[tuple[str, str], _Checked] = {}


def _checked(package: _Package, name: str, chain: tuple[str, ...], this_load: dict[str, _Checked]) -> _Checked:
    """Table `name` checked against its schema, after the tables its foreign keys refer to.
    `this_load` holds the tables already looked at during this load (many tables refer to sources)."""
    if name in this_load:
        return this_load[name]
    info = package.info(name)
    schema = package.resources[name]["schema"]
    shown = info.relative_path
    targets = sorted({key["reference"].get("resource") or name for key in schema.get("foreignKeys", [])} - {name})
    referenced = {}
    for target in targets:
        if target in chain:
            raise DataError("data/datapackage.json", f"the foreign keys of {name!r} and {target!r} form a cycle",
                            expected="tables that refer to each other in one direction only", fix=REGENERATE)
        try:
            referenced[target] = _checked(package, target, chain + (name,), this_load)
        except DataError as error:
            if error.file != "data/datapackage.json":
                error.needed_by = chain[0] if chain else name
            raise error from None
    raw = _read(info.path, shown, f"the CSV file of table '{name}' listed in data/datapackage.json")
    signature = (package.digest, hashlib.blake2b(raw, digest_size=16).digest(),
                 tuple(referenced[t].signature for t in targets))
    cache_key = (str(package.data_dir), name)
    cached = _CHECKED.get(cache_key)
    if cached is None or cached.signature != signature:
        columns = table_schema.check_table(raw, schema, shown, {t: referenced[t].columns for t in targets})
        cached = _CHECKED[cache_key] = _Checked(signature=signature, columns=columns, frame=_frame(info, columns))
    this_load[name] = cached
    return cached


# pandas dtypes for Table Schema types; nullable so that optional cells stay empty, not NaN floats.
_DTYPES = {"string": "str", "integer": "Int64", "number": "Float64", "boolean": "boolean"}


def _frame(info: TableInfo, columns: dict[str, list]) -> pd.DataFrame:
    """The typed DataFrame, built from the values the check produced (so it holds what was checked)."""
    arrays = {}
    for field in info.fields:
        values = columns[field["name"]]
        if field["type"] == "date":
            arrays[field["name"]] = pd.DatetimeIndex(values).as_unit("us").array
        elif field["type"] == "string":
            arrays[field["name"]] = pd.array([float("nan") if v is None else v for v in values], dtype="str")
        else:
            arrays[field["name"]] = pd.array(values, dtype=_DTYPES[field["type"]])
    frame = pd.DataFrame(arrays)
    frame.attrs["source_file"] = info.relative_path
    frame.attrs["title"] = info.title
    return frame
