"""`make html`: the bundle's pages are its website, built by tools/build_book.py into build/html/ (the full
edition) and build/html/student/ (without worked solutions, for printing). They open from file:// or any
static host without asking another host for anything: formulas are typeset by a local MathJax 3, the
panels show their saved state through a local copy of the widgets' HTML manager, and links are
underlined (book/_static/site.css). See tools/build_book.py.
Run:  python tools/build_html.py  (or `make html`)
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import build_book  # noqa: E402
from build_book import entries  # noqa: E402

TARGET = build_book.SITE


def main() -> list[Path]:
    """Build both editions; return the full edition's notebook pages, in order."""
    build_book.main()
    return [TARGET / "notebooks" / f"{entry.stem}.html" for entry in entries()]


if __name__ == "__main__":
    main()
