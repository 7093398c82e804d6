"""Write static HTML of every notebook, plus an index page, to build/html/.

Figures are stored in the notebooks as images that carry their alt text, which the pages embed, so the
pages work offline and print cleanly. Formulas are typeset by a copy of MathJax 2 placed beside the
pages (from the npm package in tests/web, `npm ci --prefix tests/web`); no script comes
from another host. Links between notebooks are pointed at the HTML pages.
Run:  python tools/build_html.py  (or `make html`)
"""

import html
import re
import shutil
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "notebooks"))
from statusquo.contents import notebook_paths  # noqa: E402

TARGET = ROOT / "build" / "html"
NOTEBOOK_LINK = re.compile(r'href="(\d\d_[a-z0-9_]+)\.ipynb"')
MATHJAX_PACKAGE = ROOT / "tests" / "web" / "node_modules" / "mathjax"
# The parts of MathJax 2 that TeX input with CommonHTML output needs (the package is 73 MB in all).
MATHJAX_PARTS = ["MathJax.js", "config", "extensions", "jax/input/TeX", "jax/output/CommonHTML", "jax/element",
                 "localization/en", "fonts/HTML-CSS/TeX/woff"]
MATHJAX_URL = "mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
# Any other script nbconvert links from a CDN is dropped (widgets are replaced by their static figures),
# so nothing is fetched when a page is opened offline.
REMOTE_SCRIPT = re.compile(r'<script[^>]*\bsrc="https?://[^"]*"[^>]*>\s*</script>')
# Print without prompts; links underlined, so they are told apart from text by more than colour.
PAGE_CSS = ("<style>@media print { .jp-InputPrompt, .jp-OutputPrompt { display: none; } }\n"
            "a:link, a:visited { text-decoration: underline !important; }</style>")


def title_of(notebook) -> str:
    first = notebook.cells[0].source.splitlines()[0] if notebook.cells else ""
    return first.lstrip("# ").strip() or "Notebook"


def copy_mathjax() -> None:
    if not (MATHJAX_PACKAGE / "MathJax.js").is_file():
        raise SystemExit("MathJax is missing: run `npm ci --prefix tests/web` first (make html does)")
    for part in MATHJAX_PARTS:
        source, target = MATHJAX_PACKAGE / part, TARGET / "mathjax" / part
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            shutil.copy2(source, target)


def main() -> list[Path]:
    TARGET.mkdir(parents=True, exist_ok=True)
    copy_mathjax()
    exporter = HTMLExporter(template_name="lab", mathjax_url=MATHJAX_URL)
    pages = []
    for path in notebook_paths():
        notebook = nbformat.read(path, as_version=4)
        # Panels need a live kernel; each is followed by a static figure of its default state. Without the
        # saved widget state nbconvert links no widget script from a CDN.
        notebook.metadata.pop("widgets", None)
        body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": title_of(notebook)}})
        body = REMOTE_SCRIPT.sub("", NOTEBOOK_LINK.sub(r'href="\1.html"', body))
        body = body.replace("</head>", PAGE_CSS + "</head>", 1)
        target = TARGET / f"{path.stem}.html"
        target.write_text(body, encoding="utf-8")
        pages.append((target, title_of(notebook)))
    items = "\n".join(f'  <li><a href="{p.name}">{html.escape(t)}</a></li>' for p, t in pages)
    (TARGET / "index.html").write_text(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>The Status-Quo Ask</title></head>\n<body>\n<h1>The Status-Quo Ask</h1>\n"
        "<p>How an ally bargains with a transactional superpower: Japan, Trump and the summit of "
        "7 February 2025. Static copies of the notebooks, with their stored outputs.</p>\n"
        f"<ol>\n{items}\n</ol>\n</body></html>\n",
        encoding="utf-8",
    )
    print(f"wrote {len(pages)} pages and index.html to {TARGET.relative_to(ROOT)}/")
    return [p for p, _ in pages]


if __name__ == "__main__":
    main()
