"""Table Schema checks for one CSV file: bytes in, typed columns out, or one DataError that says what to do.

statusquo.data finds the files and caches the results; this module knows what a table may contain.
It implements the part of Table Schema (https://specs.frictionlessdata.io/table-schema/) that
data/datapackage.json uses, listed in SUPPORTED, and refuses a descriptor that asks for more, so no
rule is ever skipped silently. Frictionless, the reference implementation, judges the same files in
the tests (tests/test_loader_parity.py, tests/test_loader_spreadsheet.py) and must agree, except where
this module is stricter on purpose: it refuses NaN and infinities, digits other than ASCII 0-9 and
'_' inside numbers (Python's int() and float() read them, Table Schema does not), integers beyond
Int64, a table with a header but no rows, a tab-separated file and a quote that is never closed.

The messages are for a teacher who has just saved a CSV from a spreadsheet: each names the file, the
line, the column and what was expected, and most say what to do about it.
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from datetime import datetime

# Types and the constraints checked for each. Anything else in a descriptor is refused (see
# statusquo.data.unsupported_features); a new entry here needs a case in tests/test_loader_parity.py.
SUPPORTED = {
    "string": {"required", "enum", "pattern", "maxLength"},
    "integer": {"required", "enum", "minimum", "maximum"},
    "number": {"required", "enum", "minimum", "maximum"},
    "boolean": {"required", "enum"},
    "date": {"required", "enum", "minimum", "maximum"},
}
# Table Schema's default spellings of booleans.
TRUE_VALUES, FALSE_VALUES = ["true", "True", "TRUE", "1"], ["false", "False", "FALSE", "0"]

UTF8_BOM = b"\xef\xbb\xbf"
SAVE_AS_UTF8 = ("save it again as 'CSV UTF-8 (Comma delimited)' (Excel) or as Text CSV with character set "
                "Unicode (UTF-8) (LibreOffice)")
RESTORE = "restore the file from the bundle (with git: git checkout -- {file})"

_INTEGER = re.compile(r"[+-]?[0-9]+")
_NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
_NON_FINITE = re.compile(r"[+-]?(nan|inf|infinity)", re.IGNORECASE)
_THOUSANDS = re.compile(r"[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?")
_SPREADSHEET_DATE = re.compile(r"[0-9]{1,2}[/.][0-9]{1,2}[/.][0-9]{2,4}")
_MISSING_MARKERS = {"na", "n/a", "n.a.", "none", "null", "-", "--", "?", "missing", "unknown", "nil"}
_DELIMITERS = {";": "semicolon", "\t": "tab", "|": "pipe"}


class DataError(ValueError):
    """A data file does not match its schema. The message names file, line, column and expectation,
    and where it can, what to do (`fix`)."""

    def __init__(self, file: str, problem: str, *, line: int | None = None, column: str | None = None,
                 expected: str | None = None, fix: str | None = None, needed_by: str | None = None):
        self.file, self.problem, self.line, self.column = file, problem, line, column
        self.expected, self.fix, self.needed_by = expected, fix, needed_by
        super().__init__(str(self))

    @property
    def where(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.column is not None:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts)

    def __str__(self) -> str:
        message = f"{self.where}: {self.problem}"
        if self.expected:
            message += f" (expected {self.expected})"
        if self.fix:
            message += f". What to do: {self.fix}"
        if self.needed_by:
            message += f". Table '{self.needed_by}' needs this file, so it cannot load until it is fixed"
        return message

    def __reduce__(self):
        return (_rebuild_error, (self.file, self.problem, self.line, self.column, self.expected, self.fix,
                                 self.needed_by))

    def _render_traceback_(self) -> list[str]:
        """What IPython and Jupyter show instead of a traceback: the message, a few lines long.
        The code that raised it is the loader, not the reader's cell, so its frames would only hide
        the one line that matters."""
        lines = [f"DataError: {self.where}", f"  problem:    {self.problem}"]
        if self.expected:
            lines.append(f"  expected:   {self.expected}")
        if self.fix:
            lines.append(f"  what to do: {self.fix}")
        if self.needed_by:
            lines.append(f"  (table '{self.needed_by}' needs this file, so it cannot load until it is fixed)")
        return lines


def _rebuild_error(file, problem, line, column, expected, fix, needed_by):
    return DataError(file, problem, line=line, column=column, expected=expected, fix=fix, needed_by=needed_by)


# --- reading the file ----------------------------------------------------------------------------

def decode(raw: bytes, file: str) -> str:
    """The file's text. A UTF-8 byte-order mark (what Excel's 'CSV UTF-8' writes) is dropped."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw[1:200:2].count(0) > 20 or raw[0:200:2].count(0) > 20:
        raise DataError(file, "the file is saved as UTF-16 ('Unicode Text'), not UTF-8", line=1,
                        expected="text saved as UTF-8", fix=SAVE_AS_UTF8)
    raw = raw.removeprefix(UTF8_BOM)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(file, f"the file is not UTF-8: byte 0x{raw[error.start]:02x} cannot be read", line=line,
                        expected="text saved as UTF-8 (Excel's plain 'CSV' saves Windows-1252 or Shift_JIS)",
                        fix=SAVE_AS_UTF8) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise DataError(file, "the file contains a NUL (zero) byte", line=line,
                        expected="plain text", fix=RESTORE.format(file=file))
    return text


def records(text: str, file: str) -> list[tuple[int, list[str]]]:
    """(first line, cells) for each CSV record; a record may span lines inside quotes.

    Strict parsing first, to catch a quote that is opened and never closed (it would swallow the rest
    of the file into one cell); lenient parsing, as Frictionless does, for a stray quote inside a cell.
    """
    for strict in (True, False):
        reader = csv.reader(io.StringIO(text, newline=""), strict=strict)
        found, start = [], 1
        try:
            for cells in reader:
                found.append((start, cells))
                start = reader.line_num + 1
            return found
        except csv.Error as error:
            if strict and "unexpected end of data" not in str(error):
                continue
            problem = ("a double quote opened here is never closed" if "end of data" in str(error)
                       else f"the CSV cannot be read: {error}")
            raise DataError(file, problem, line=start,
                            fix="check the quotes on this line: a cell that contains a comma, a quote or a "
                                "line break must be in double quotes, with quotes inside doubled (\"\")") from None
    raise AssertionError("unreachable")


def check_header(header: list[str], wanted: list[str], first_line: str, file: str, line: int = 1) -> None:
    """The header must name the schema's columns in order. Surrounding spaces and quotes are harmless."""
    labels = [label.strip() for label in header]
    if labels == wanted:
        return
    if first_line.strip().lower().startswith("sep="):
        raise DataError(file, f"the first line is a spreadsheet's {first_line.strip()!r} hint", line=line,
                        expected=f"the header {','.join(wanted)}", fix=f"delete line {line}")
    for delimiter, name in _DELIMITERS.items():
        split = [label.strip() for label in next(csv.reader([first_line], delimiter=delimiter), [])]
        if split == wanted or (len(labels) == 1 and delimiter in first_line):
            raise DataError(file, f"the file looks {name}-separated", line=line,
                            expected="commas between the cells",
                            fix="save it as comma-separated CSV, UTF-8 (a spreadsheet set to a language that "
                                "writes decimal commas uses ';' unless told otherwise)")
    if "" in labels:
        raise DataError(file, "the header has an empty column name", line=line, column="",
                        expected=f"the columns {wanted}",
                        fix="delete the empty column(s) at the right of the sheet before saving")
    repeated = sorted({label for label in labels if labels.count(label) > 1})
    if repeated:
        raise DataError(file, "the column appears twice in the header", line=line, column=repeated[0],
                        expected=f"the columns {wanted}, each once")
    missing = [c for c in wanted if c not in labels]
    extra = [c for c in labels if c not in wanted]
    case_hint = ""
    if missing and extra and missing[0].lower() in [e.lower() for e in extra]:
        case_hint = " (column names are case-sensitive)"
    if missing:
        raise DataError(file, f"the column is missing from the header{case_hint}", line=line, column=missing[0],
                        expected=f"the columns {wanted}", fix=RESTORE.format(file=file) + " if it was deleted")
    if extra:
        raise DataError(file, "the column is not in the schema", line=line, column=extra[0],
                        expected=f"the columns {wanted}",
                        fix="delete the column, or add it to tools/build_datapackage.py and regenerate")
    raise DataError(file, f"the columns are in the order {labels}", line=line, expected=f"the order {wanted}",
                    fix="move the columns back into the expected order")


def check_row_shape(cells: list[str], width: int, line: int, file: str) -> None:
    if not cells or all(not c.strip() for c in cells):
        raise DataError(file, "the line is blank" if len(cells) <= 1 else "the row has no values", line=line,
                        expected="one row of values per line, with no blank lines",
                        fix=f"delete line {line}")
    if len(cells) != width:
        surplus_empty = len(cells) > width and not any(c.strip() for c in cells[width:])
        fix = ("delete the empty cells at the end of the line" if surplus_empty else
               "a cell that contains a comma must be in double quotes (a spreadsheet does this when it saves)")
        raise DataError(file, f"the row has {len(cells)} cells", line=line,
                        expected=f"{width} cells per row, one per column", fix=fix)


# --- cells ---------------------------------------------------------------------------------------

def article(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def expected_value(field: dict) -> str:
    constraints, kind = field.get("constraints", {}), field["type"]
    if "enum" in constraints:
        return "one of " + ", ".join(repr(v) for v in constraints["enum"])
    if kind == "date":
        return "a real date written YYYY-MM-DD" if _date_format(field) == "%Y-%m-%d" else \
            f"a real date in the format {_date_format(field)}"
    if kind == "boolean":
        return "one of " + ", ".join(repr(v) for v in field.get("trueValues", TRUE_VALUES)
                                     + field.get("falseValues", FALSE_VALUES))
    parts = [article(kind) + (" written with the digits 0-9" if kind in ("integer", "number") else "")]
    if "minimum" in constraints and "maximum" in constraints:
        parts.append(f"from {constraints['minimum']} to {constraints['maximum']}")
    elif "minimum" in constraints:
        parts.append(f"of at least {constraints['minimum']}")
    elif "maximum" in constraints:
        parts.append(f"of at most {constraints['maximum']}")
    if "pattern" in constraints:
        parts.append(f"matching {constraints['pattern']}")
    if "maxLength" in constraints:
        parts.append(f"of at most {constraints['maxLength']} characters")
    if constraints.get("required"):
        parts.append("not empty")
    return ", ".join(parts)


def _date_format(field: dict) -> str:
    fmt = field.get("format", "default")
    return "%Y-%m-%d" if fmt == "default" else fmt


def _number_problem(text: str, kind: str) -> tuple[str, str]:
    """Why `text` is not a plain ASCII number, and what to do: the slips spreadsheets and keyboards make."""
    stripped = text.strip()
    folded = unicodedata.normalize("NFKC", stripped)
    if stripped.startswith("#") and stripped.upper().rstrip("!?").lstrip("#").replace("/", "").isalnum():
        return (f"it is a spreadsheet error value ({stripped})",
                "fix the formula in the spreadsheet, or type the number itself")
    if stripped.lower() in _MISSING_MARKERS:
        return ("it marks a missing value",
                "leave the cell empty if the value is unknown and the column allows it; otherwise write the number")
    joined = "".join(ch for ch in folded if not ch.isspace())
    if joined != folded and _NUMBER.fullmatch(joined):
        return "it has a space inside (a thousands separator?)", f"write it without spaces: {joined}"
    if re.search(r"[0-9]", folded) and re.search(r"[A-Za-z$\u20ac\u00a3\u00a5\uffe5]", folded) \
            and not re.fullmatch(r"[+-]?[0-9.]*[eE][+-]?[0-9]+", folded):
        return ("it has a currency or unit beside the number",
                "write the number alone; the column's unit is in its name and in data/README.md")
    if any(not ch.isascii() and (ch.isdigit() or unicodedata.normalize("NFKC", ch) != ch) for ch in stripped) \
            and (_NUMBER.fullmatch(folded) or any(ch.isdigit() for ch in stripped)):
        return ("it is written with full-width or other non-ASCII characters",
                "retype it with the ASCII digits 0-9 (on a Japanese keyboard, switch to half-width/direct input)")
    if "\u2212" in stripped or "\u2013" in stripped:
        return "it uses a typographic minus sign", "write the minus as the plain hyphen-minus '-'"
    if _NON_FINITE.fullmatch(stripped):
        return ("it is not a finite number",
                "write the number, or leave the cell empty if the value is unknown and the column allows it")
    if "_" in stripped and _NUMBER.fullmatch(stripped.replace("_", "")):
        return "it has an underscore between digits", f"write {stripped.replace('_', '')} without '_'"
    if "," in stripped and re.fullmatch(r"[+-]?[0-9.,]+", stripped):
        if _THOUSANDS.fullmatch(stripped):
            return ("it has a comma (a thousands separator, or a decimal comma)",
                    "write it with no thousands separator and a decimal point: 1000, 25.5")
        return ("it has a decimal comma",
                f"write it with a decimal point: {stripped.replace('.', '').replace(',', '.')}")
    if stripped.endswith("%"):
        return ("it has a percent sign",
                "write the number alone; the column's unit is given in data/README.md")
    if kind == "integer" and _NUMBER.fullmatch(stripped):
        return "it is not a whole number", "write a whole number, without a decimal point or exponent"
    example = "12 or -3.5" if kind == "number" else "12"
    return "it is not a plain number", f"write a plain number such as {example}"


def _date_problem(text: str) -> tuple[str, str]:
    if not text.isascii():
        return ("it is written with full-width or other non-ASCII characters",
                "retype it with the ASCII digits 0-9, as YYYY-MM-DD")
    if _SPREADSHEET_DATE.fullmatch(text):
        return ("it looks like a date a spreadsheet reformatted (day and month order are ambiguous)",
                "write it as YYYY-MM-DD, e.g. 2025-02-07; format the column as Text before saving")
    if re.fullmatch(r"[0-9]{5}", text):
        return ("it looks like a spreadsheet's date serial number",
                "write it as YYYY-MM-DD; format the column as Text before saving")
    if re.fullmatch(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[ T].+", text):
        return "it has a time of day after the date", "keep only the date, YYYY-MM-DD"
    if text != text.strip():
        return "it has spaces around it", "delete the spaces"
    return "it is not a real date in this format", "write a date that exists, as YYYY-MM-DD"


def parse(text: str, field: dict):
    """The cell's value in its field's type. Raises ValueError(problem, fix) when it cannot be read."""
    kind = field["type"]
    if kind == "string":
        return text.replace("\r\n", "\n") if "\r" in text else text   # line breaks inside a quoted cell
    if kind == "integer":
        stripped = text.strip()
        if _INTEGER.fullmatch(stripped):
            value = int(stripped)
            if -2**63 <= value < 2**63:
                return value
            raise ValueError("it is too large for a whole-number column", "check the number")
        raise ValueError(*_number_problem(text, kind))
    if kind == "number":
        stripped = text.strip()
        if _NUMBER.fullmatch(stripped):
            value = float(stripped)
            if math.isfinite(value):
                return value
            raise ValueError("it is too large to be a finite number", "check the number")
        raise ValueError(*_number_problem(text, kind))
    if kind == "boolean":
        if text in field.get("trueValues", TRUE_VALUES):
            return True
        if text in field.get("falseValues", FALSE_VALUES):
            return False
        hint = "delete the spaces" if text.strip() != text else "write true or false"
        raise ValueError("it is not one of the allowed spellings", hint)
    if kind == "date":
        if text.isascii():
            try:
                return datetime.strptime(text, _date_format(field)).date()
            except ValueError:
                pass
        raise ValueError(*_date_problem(text))
    raise AssertionError(f"unsupported type {kind}")  # data.unsupported_features refuses these first


def _bound(value, field: dict):
    """A constraint's value in the field's type (a descriptor may write 5 or "5", "2025-01-01")."""
    if not isinstance(value, str) or field["type"] == "string":
        return value
    try:
        return parse(value, field)
    except ValueError:
        raise DataError("data/datapackage.json", f"the constraint value {value!r} of field '{field['name']}' "
                        f"is not {article(field['type'])}", fix="correct it in tools/build_datapackage.py "
                                                                  "and regenerate") from None


def check_value(value, text: str, field: dict) -> str | None:
    """What constraint the typed value breaks, in words, or None."""
    constraints, kind = field.get("constraints", {}), field["type"]
    if "enum" in constraints:
        allowed = [_bound(v, field) for v in constraints["enum"]]
        if value not in allowed:
            if kind == "string" and text.strip() in allowed:
                return f"{text!r} is not allowed: it has spaces around it"
            if kind == "string" and text.lower() in [str(a).lower() for a in allowed]:
                return f"{text!r} is not allowed: check upper and lower case"
            return f"{text!r} is not allowed"
    if "pattern" in constraints and re.fullmatch(constraints["pattern"], text) is None:
        return f"{text!r} is not allowed: it does not match the pattern"
    if "minimum" in constraints and value < _bound(constraints["minimum"], field):
        return f"{text!r} is not allowed: below the minimum {constraints['minimum']}"
    if "maximum" in constraints and value > _bound(constraints["maximum"], field):
        return f"{text!r} is not allowed: above the maximum {constraints['maximum']}"
    if "maxLength" in constraints and len(text) > constraints["maxLength"]:
        return f"{text!r} is not allowed: {len(text)} characters, more than {constraints['maxLength']}"
    return None


# --- the whole table -----------------------------------------------------------------------------

def check_table(raw: bytes, schema: dict, file: str, referenced: dict[str, dict[str, list]]) -> dict[str, list]:
    """Typed columns {name: [value or None, ...]} of a CSV that passes its schema; DataError otherwise.

    `referenced` holds the typed columns of every table a foreign key points to, already checked.
    """
    text = decode(raw, file)
    fields = schema["fields"]
    wanted = [f["name"] for f in fields]
    rows = iter(records(text, file))
    first = next(rows, None)
    while first is not None and first[1] == []:      # blank lines above the header, skipped as Frictionless does
        first = next(rows, None)
    if first is None:
        raise DataError(file, "the file is empty", line=1, expected=f"a header line naming the columns {wanted}",
                        fix=RESTORE.format(file=file))
    check_header(first[1], wanted, text.splitlines()[first[0] - 1], file, first[0])
    key_fields = set(schema.get("primaryKey", []))
    columns: dict[str, list] = {name: [] for name in wanted}
    lines: list[int] = []
    for line, cells in rows:
        check_row_shape(cells, len(wanted), line, file)
        for field, cell in zip(fields, cells):
            columns[field["name"]].append(_checked_cell(cell, field, line, file, field["name"] in key_fields))
        lines.append(line)
    if not lines:
        raise DataError(file, "the table has a header but no rows", line=2, expected="at least one row of values",
                        fix=RESTORE.format(file=file) + " or add the rows back")
    _check_primary_key(columns, schema.get("primaryKey", []), lines, file)
    for key in schema.get("foreignKeys", []):
        target = key["reference"].get("resource", "")
        _check_foreign_key(columns, key, referenced[target] if target else columns, lines, file)
    return columns


def _checked_cell(text: str, field: dict, line: int, file: str, in_key: bool):
    name = field["name"]
    if text == "":
        if field.get("constraints", {}).get("required") or in_key:
            raise DataError(file, "the cell is empty", line=line, column=name, expected=expected_value(field),
                            fix="fill it in" + (" (it is part of the table's key)" if in_key else ""))
        return None
    try:
        value = parse(text, field)
    except ValueError as error:
        problem, fix = error.args
        raise DataError(file, f"cannot read {text!r} as {article(field['type'])}: {problem}", line=line,
                        column=name, expected=expected_value(field), fix=fix) from None
    broken = check_value(value, text, field)
    if broken:
        raise DataError(file, broken, line=line, column=name, expected=expected_value(field))
    return value


def _shown(values: tuple) -> str:
    """A key as a reader wrote it: 'C01', 7, 2025-02-07, or (a, b) for a key of several columns."""
    parts = [repr(v) if isinstance(v, str) else str(v) for v in values]
    return parts[0] if len(parts) == 1 else "(" + ", ".join(parts) + ")"


def _check_primary_key(columns: dict[str, list], key: list[str], lines: list[int], file: str) -> None:
    seen: dict[tuple, int] = {}
    for index, values in enumerate(zip(*(columns[c] for c in key))):
        if values in seen:
            raise DataError(file, f"duplicate key {_shown(values)} (first on line {seen[values]})", line=lines[index],
                            column=", ".join(key), expected=f"each row to have a different {', '.join(key)}",
                            fix="change or delete one of the two rows")
        seen[values] = lines[index]


def _check_foreign_key(columns, key: dict, target: dict[str, list], lines: list[int], file: str) -> None:
    fields, ref_fields = key["fields"], key["reference"]["fields"]
    reference = key["reference"].get("resource") or "this table"
    allowed = set(zip(*(target[c] for c in ref_fields)))
    for index, values in enumerate(zip(*(columns[c] for c in fields))):
        if all(v is None for v in values) or values in allowed:
            continue
        raise DataError(file, f"{_shown(values)} is not in table '{reference}'", line=lines[index],
                        column=", ".join(fields),
                        expected=f"a {', '.join(ref_fields)} that exists in table '{reference}'",
                        fix=f"correct the spelling, or add the row to table '{reference}' first")
