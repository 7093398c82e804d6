"""Write static HTML of every notebook, plus an index page, to build/html/.

Figures are stored in the notebooks as PNG outputs, which nbconvert embeds in the page, so the pages
work offline and print cleanly. Links between notebooks are pointed at the HTML pages.
Run:  python tools/build_html.py  (or `make html`)
"""

import html
import re
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "build" / "html"
NOTEBOOK_LINK = re.compile(r'href="(\d\d_[a-z0-9_]+)\.ipynb"')
# The pages need no scripts (no math, and widgets are replaced by their static figures), so the CDN
# scripts nbconvert links are dropped: nothing is fetched when a page is opened offline.
REMOTE_SCRIPT = re.compile(r'<script[^>]*\bsrc="https?://[^"]*"[^>]*>\s*</script>')
PRINT_CSS = "<style>@media print { .jp-InputPrompt, .jp-OutputPrompt { display: none; } }</style>"


def title_of(notebook) -> str:
    first = notebook.cells[0].source.splitlines()[0] if notebook.cells else ""
    return first.lstrip("# ").strip() or "Notebook"


def main() -> list[Path]:
    TARGET.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(template_name="lab")
    pages = []
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": title_of(notebook)}})
        body = REMOTE_SCRIPT.sub("", NOTEBOOK_LINK.sub(r'href="\1.html"', body))
        body = body.replace("</head>", PRINT_CSS + "</head>", 1)
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
