"""What a spreadsheet or an editor does to a CSV: the loader accepts the harmless edits, refuses the rest with
one DataError that names file, line and column and says what to do, changes nothing on disk, and agrees
with Frictionless, the reference implementation, except where this file says why it is stricter."""

import csv
import hashlib
import io
from decimal import Decimal
from pathlib import Path

import pytest

from statusquo import data
from statusquo.data import DataError


def snapshot(folder: Path) -> dict[str, tuple]:
    """Content, mode and modification time of every file and folder: a load may change none of them."""
    return {p.relative_to(folder).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else
                                               "folder", p.stat().st_mode, p.stat().st_mtime_ns)
            for p in sorted([folder, *folder.rglob("*")])}


# --- edits -----------------------------------------------------------------------------------------

def whole_file(change):
    return lambda raw, info: change(raw)


def cell(column: str, text, row: int = 0):
    """Set one cell of the first data row, written back as a spreadsheet would (quoted where needed).
    `text` is the new text, or a function of the old text (so accepted edits keep the value)."""
    def change(raw: bytes, info) -> bytes:
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
        old = rows[row + 1][rows[0].index(column)]
        rows[row + 1][rows[0].index(column)] = text(old) if callable(text) else text
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        return out.getvalue().encode("utf-8")
    return change


def lines(change):
    """Edit the list of physical lines (without line breaks)."""
    def apply(raw: bytes, info) -> bytes:
        return "\n".join(change(raw.decode("utf-8").split("\n"))).encode("utf-8")
    return apply


def header_quoted(raw: bytes) -> bytes:
    head, rest = raw.split(b"\n", 1)
    return b",".join(b'"' + label + b'"' for label in head.split(b",")) + b"\n" + rest


BOM = b"\xef\xbb\xbf"
P = "paragraphs"                 # position: integer 1..11; paragraph: string enum P1..P11 (the key)
G = "trade_us_japan_goods"       # year: integer 2014..2024; value_usd_bn: number, unbounded; used: boolean
R = "aftermath_model_rates"      # tariff_increase_percent: number 0..100; from_date: date
S = "sources"                    # published: date; referred to by most tables

# name: (table loaded, table whose file is edited, edit, None to accept, or fragments the message must hold)
CASES = {
    # harmless: accepted, as Frictionless does
    "UTF-8 byte-order mark (Excel 'CSV UTF-8')": (P, P, whole_file(lambda b: BOM + b), None),
    "CRLF line endings (Windows)": (P, P, whole_file(lambda b: b.replace(b"\n", b"\r\n")), None),
    "CR line endings (old Mac Excel)": (P, P, whole_file(lambda b: b.replace(b"\n", b"\r")), None),
    "quoted header": (P, P, whole_file(header_quoted), None),
    "BOM, CRLF and quoted header together": (
        P, P, whole_file(lambda b: BOM + header_quoted(b).replace(b"\n", b"\r\n")), None),
    "every cell quoted": (P, P, whole_file(lambda b: b"\n".join(
        b",".join(b'"' + c + b'"' for c in line.split(b",")) if line.count(b",") == 2 else line
        for line in b.split(b"\n"))), None),
    "no line break after the last row": (P, P, whole_file(lambda b: b.rstrip(b"\n")), None),
    "spaces after commas in the header": (P, P, lines(lambda ls: [ls[0].replace(",", ", ")] + ls[1:]), None),
    "spaces around an integer": (P, P, cell("position", lambda old: f" {old} "), None),
    "leading zero and plus sign": (P, P, cell("position", lambda old: f"+0{old}"), None),
    "TRUE written by Excel": (G, G, cell("used", str.upper), None),
    "number in exponent form": (G, G, cell("value_usd_bn", lambda old: f"{Decimal(old).scaleb(-1)}E1"), None),
    "BOM in a table other tables refer to": (
        "actors", S, whole_file(lambda b: BOM + b), None),
    # refused, with what to do
    "semicolon-separated (European Excel)": (P, P, whole_file(lambda b: b.replace(b",", b";")),
        ["data/article/paragraphs.csv", "line 1", "semicolon-separated", "comma-separated CSV, UTF-8"]),
    "tab-separated (copied from a sheet)": (P, P, whole_file(lambda b: b.replace(b",", b"\t")),
        ["line 1", "tab-separated", "comma-separated CSV, UTF-8"]),
    "Windows-1252 (Excel plain 'CSV')": (S, S, whole_file(lambda b: b.decode("utf-8").replace(
        "data", "d\u00e4ta").encode("cp1252", errors="replace")),
        ["data/sources.csv", "not UTF-8", "byte 0x", "CSV UTF-8"]),
    "Shift_JIS (Japanese Excel plain 'CSV')": (P, P, whole_file(lambda b: b.decode("utf-8").replace(
        "summit", "\u9996\u8133\u4f1a\u8ac7").encode("shift_jis")),
        ["data/article/paragraphs.csv", "line 3", "not UTF-8", "Shift_JIS", "CSV UTF-8"]),
    "UTF-16 ('Unicode Text')": (P, P, whole_file(lambda b: b.decode("utf-8").encode("utf-16")),
        ["line 1", "UTF-16", "CSV UTF-8"]),
    "Excel 'sep=,' line above the header": (P, P, whole_file(lambda b: b"sep=,\n" + b),
        ["line 1", "'sep=,' hint", "delete line 1"]),
    "blank lines above the header": (P, P, whole_file(lambda b: b"\n\n" + b), None),
    "empty file": (P, P, whole_file(lambda b: b""), ["line 1", "the file is empty", "restore"]),
    "header but no rows": (P, P, lines(lambda ls: ls[:1] + [""]),
        ["line 2", "a header but no rows", "restore"]),
    "blank line above the header and one in the middle": (P, P, lines(lambda ls: [""] + ls[:3] + [""] + ls[3:]),
        ["line 5", "the line is blank", "delete line 5"]),
    "blank line in the middle": (P, P, lines(lambda ls: ls[:3] + [""] + ls[3:]),
        ["line 4", "the line is blank", "delete line 4"]),
    "blank line at the end": (P, P, whole_file(lambda b: b + b"\n"), ["the line is blank", "delete line"]),
    "row of empty cells (cleared row)": (P, P, lines(lambda ls: ls[:2] + [",,"] + ls[2:]),
        ["line 3", "no values", "delete line 3"]),
    "empty column saved at the right": (P, P, lines(lambda ls: [line + "," if line else line for line in ls]),
        ["line 1", "empty column name", "delete the empty column"]),
    "empty cells at the end of one row": (P, P, lines(lambda ls: ls[:2] + [ls[2] + ",,"] + ls[3:]),
        ["line 3", "5 cells", "delete the empty cells"]),
    "unquoted comma inside a cell": (P, P, cell("summary", "x"), None),  # replaced below
    "column renamed with a capital": (P, P, lines(lambda ls: [ls[0].replace("summary", "Summary")] + ls[1:]),
        ["line 1", "column 'summary'", "case-sensitive"]),
    "duplicated column": (P, P, lines(lambda ls: [ls[0].replace("summary", "position")] + ls[1:]),
        ["line 1", "column 'position'", "twice"]),
    "decimal comma": (R, R, cell("tariff_increase_percent", "12,5"),
        ["line 2", "column 'tariff_increase_percent'", "decimal comma", "12.5"]),
    "thousands separator": (G, G, cell("value_usd_bn", "1,234"),
        ["line 2", "column 'value_usd_bn'", "comma", "no thousands separator"]),
    "nan in a number column": (G, G, cell("value_usd_bn", "nan"),
        ["line 2", "column 'value_usd_bn'", "not a finite number"]),
    "NaN in a bounded number column": (R, R, cell("tariff_increase_percent", "NaN"),
        ["line 2", "not a finite number"]),
    "inf in a number column": (G, G, cell("value_usd_bn", "inf"), ["line 2", "not a finite number"]),
    "-Infinity in a number column": (G, G, cell("value_usd_bn", "-Infinity"), ["not a finite number"]),
    "1e999 (overflows to infinity)": (G, G, cell("value_usd_bn", "1e999"), ["too large"]),
    "underscore in a number (1_0)": (G, G, cell("value_usd_bn", "1_0"),
        ["column 'value_usd_bn'", "underscore", "write 10"]),
    "underscore in an integer": (P, P, cell("position", "1_0"), ["column 'position'", "underscore"]),
    "full-width digits in a number": (G, G, cell("value_usd_bn", "\uff16\uff16.\uff19"),
        ["column 'value_usd_bn'", "full-width", "ASCII digits 0-9"]),
    "full-width digits in an integer": (P, P, cell("position", "\uff11"),
        ["line 2", "column 'position'", "full-width", "half-width"]),
    "Arabic-Indic digits in an integer": (P, P, cell("position", "\u0661"), ["non-ASCII", "0-9"]),
    "full-width digits in a date": (S, S, cell("accessed", "\uff12\uff10\uff12\uff16-12-01"),
        ["column 'accessed'", "full-width", "YYYY-MM-DD"]),
    "non-breaking space inside a number": (G, G, cell("value_usd_bn", "1\u00a0234"),
        ["column 'value_usd_bn'", "space inside", "1234"]),
    "spreadsheet error value (#DIV/0!)": (G, G, cell("value_usd_bn", "#DIV/0!"), ["spreadsheet error value"]),
    "n/a for a missing number": (G, G, cell("value_usd_bn", "n/a"), ["missing value", "leave the cell empty"]),
    "typographic minus sign": (G, G, cell("value_usd_bn", "\u22125"), ["minus", "'-'"]),
    "percent sign": (R, R, cell("tariff_increase_percent", "25%"), ["percent sign", "number alone"]),
    "currency in a number cell": (G, G, cell("value_usd_bn", "USD 67"), ["column 'value_usd_bn'", "currency or unit", "number alone"]),
    "decimal in an integer column": (P, P, cell("position", "1.0"), ["whole number"]),
    "date reformatted by a spreadsheet (01/12/2026)": (S, S, cell("accessed", "01/12/2026"),
        ["column 'accessed'", "spreadsheet reformatted", "YYYY-MM-DD"]),
    "date as a serial number": (S, S, cell("accessed", "46357"), ["serial number", "YYYY-MM-DD"]),
    "date with a time": (S, S, cell("accessed", "2026-12-01 00:00:00"), ["time of day"]),
    "impossible date": (S, S, cell("accessed", "2026-02-30"), ["not a real date"]),
    "yes for a boolean": (G, G, cell("used", "yes"), ["column 'used'", "'true'", "write true or false"]),
    "space after an allowed value": (P, P, cell("paragraph", "P1 "), ["column 'paragraph'", "spaces around it"]),
    "allowed value in the wrong case": (P, P, cell("paragraph", "p1"), ["upper and lower case"]),
    "number below its minimum": (R, R, cell("tariff_increase_percent", "-1"), ["below the minimum 0"]),
    "integer above its maximum": (P, P, cell("position", "12"), ["above the maximum 11"]),
    "empty key cell": (P, P, cell("paragraph", ""), ["column 'paragraph'", "empty", "key"]),
    "duplicated row (copy-paste)": (P, P, lines(lambda ls: ls[:2] + ls[1:]),
        ["line 3", "duplicate key 'P1'", "change or delete"]),
    "problem in a table another refers to": ("actors", S, cell("accessed", "2026-13-01"),
        ["data/sources.csv", "line 2", "column 'accessed'", "Table 'actors' needs this file"]),
    "quote opened and never closed": (P, P, lines(lambda ls: ls[:-2] + [",".join(ls[-2].split(",")[:2]) + ',"A summary that opens a quote'] + ls[-1:]),
        ["never closed", "double quotes"]),
}
CASES["unquoted comma inside a cell"] = (
    P, P, lines(lambda ls: ls[:1] + [ls[1].split(",")[0] + ",1,a summary, with a comma"] + ls[2:]),
    ["line 2", "4 cells", "double quotes"])

# Where the loader is stricter than Frictionless (which accepts these), and why.
STRICTER_THAN_FRICTIONLESS = {
    "header but no rows": "an empty table is valid Table Schema, but every table here has rows: "
                          "an empty one is a file damaged by an edit",
    "tab-separated (copied from a sheet)": "Frictionless guesses the delimiter; the bundle's files are "
                                           "comma-separated and pandas users read them so",
    "nan in a number column": "Table Schema allows NaN; no number in the bundle is unknown-but-present, "
                              "and a NaN passes every comparison silently in the notebooks",
    "inf in a number column": "as NaN: Table Schema allows INF, but no quantity here is infinite",
    "-Infinity in a number column": "as INF",
    "1e999 (overflows to infinity)": "as INF",
    "underscore in a number (1_0)": "Frictionless reads numbers with Python's float(), which allows 1_0; "
                                    "Table Schema does not",
    "underscore in an integer": "as for numbers: Python's int() allows 1_0, Table Schema does not",
    "full-width digits in a number": "Python's float() reads full-width digits, Table Schema does not: "
                                     "pandas and other readers would refuse the file",
    "full-width digits in an integer": "as for numbers",
    "Arabic-Indic digits in an integer": "as for numbers",
    "quote opened and never closed": "Frictionless reads the rest of the file into that cell; before the last "
                                     "line, rows after it would vanish without a word",
    "full-width digits in a date": "Python's strptime() reads full-width digits; the codebook promises "
                                   "YYYY-MM-DD in ASCII",
}


@pytest.mark.parametrize("case", CASES)
def test_spreadsheet_edit_is_accepted_or_refused_with_what_to_do(case, data_copy):
    loaded, edited, change, fragments = CASES[case]
    info = data.table_info(edited, data_dir=data_copy)
    info.path.write_bytes(change(info.path.read_bytes(), info))
    before = snapshot(data_copy)
    if fragments is None:
        assert data.load(loaded, data_dir=data_copy).equals(data.load(loaded)), f"{case}: a value changed"
    else:
        with pytest.raises(DataError) as caught:
            data.load(loaded, data_dir=data_copy)
        message = str(caught.value)
        for fragment in fragments:
            assert fragment in message, f"{case}: {fragment!r} not in {message!r}"
        assert "What to do" in message or "expected" in message, message
    assert snapshot(data_copy) == before, f"{case}: the load changed a file"


def frictionless_accepts(table: str, data_dir: Path) -> bool:
    """Frictionless's verdict on the table and on every table it refers to (the loader checks those too)."""
    from frictionless import Package

    package = Package(str(data_dir / "datapackage.json"))
    todo, seen = [table], set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        resource = package.get_resource(name)
        if not resource.validate().valid:
            return False
        todo += [key["reference"]["resource"] for key in resource.schema.to_descriptor().get("foreignKeys", [])]
    return True


@pytest.mark.parametrize("case", CASES)
def test_frictionless_agrees_both_ways_or_the_difference_is_listed(case, data_copy):
    loaded, edited, change, fragments = CASES[case]
    path = data.table_info(edited, data_dir=data_copy).path
    path.write_bytes(change(path.read_bytes(), None))
    try:
        data.load(loaded, data_dir=data_copy)
        loader_accepts = True
    except DataError:
        loader_accepts = False
    assert loader_accepts == (fragments is None)
    reference_accepts = frictionless_accepts(loaded, data_copy)
    if case in STRICTER_THAN_FRICTIONLESS:
        assert reference_accepts and not loader_accepts, \
            f"{case} is listed as stricter than Frictionless, but Frictionless also refuses it: unlist it"
    else:
        assert loader_accepts == reference_accepts, \
            f"{case}: loader {'accepts' if loader_accepts else 'refuses'}, Frictionless " \
            f"{'accepts' if reference_accepts else 'refuses'}"


def test_line_breaks_inside_a_quoted_cell_read_the_same_with_crlf(data_copy):
    """Saved on Windows, a line break inside a cell becomes CRLF too; the text stays the same."""
    path = data.table_info(P, data_dir=data_copy).path
    path.write_bytes(cell("summary", lambda old: old + "\nSecond line.")(path.read_bytes(), None))
    with_lf = data.load(P, data_dir=data_copy)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    with_crlf = data.load(P, data_dir=data_copy)
    assert with_crlf.equals(with_lf) and with_crlf["summary"].iloc[0].endswith(".\nSecond line.")
