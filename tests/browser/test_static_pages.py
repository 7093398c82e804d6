"""The site (`make book`, tools/build_book.py): built from the stored notebook outputs, then every page of
both editions opened from disk in Chromium with every request to another host refused.

Checked: the build reports no broken link; every local link and anchor resolves; no page asks another
host for anything (or misses a local file); figures carry their own alt text; a panel's saved state
renders; formulas typeset with the local MathJax; search finds "Ishiba"; the student edition has no
worked solution; printed pages keep tables and code inside an A4 page; axe-core finds no critical or
serious violation in the pages' own content. The tests look for kinds of content (a formula, a panel, a
figure), never for a particular notebook's text.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest
from test_in_jupyterlab import CHROMIUM, CHROMIUM_ARGS, _missing_requirement

import page_checks
from statusquo.contents import entries

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT / "tools"))
import build_book  # noqa: E402

SCREENSHOTS = REPO_ROOT / "build" / "screenshots"
# The page's own content: the article column, without the theme's menus, header and footer.
CONTENT = "article.bd-article"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# Printable width of an A4 page (210 mm) with 12 mm side margins (book/_static/print.css), in CSS pixels;
# Letter (216 mm) is wider, so a page that fits A4 fits Letter.
A4_PRINTABLE_PX = round((210 - 2 * 12) / 25.4 * 96)

PAGE_READY = """async () => {
  await new Promise(resolve => document.readyState === 'complete' ? resolve()
                                 : window.addEventListener('load', resolve));
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
  const views = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]').length;
  for (let i = 0; views && i < 200 && !document.querySelector('.jupyter-widgets'); i++)
    await new Promise(resolve => setTimeout(resolve, 50));
  return true;
}"""
PAGE_FACTS = """(content) => {
  const article = document.querySelector(content) || document.body;
  const images = Array.from(article.querySelectorAll('img'));
  return {
    figures: images.length,
    without_alt: images.filter(img => !img.alt || img.alt.length < 40 || img.alt.startsWith('No description')
                                      || /\\.(png|jpe?g|svg)$/i.test(img.alt)).map(img => img.alt || '(none)'),
    formulas: article.querySelectorAll('mjx-container').length,
    raw_tex: Array.from(article.querySelectorAll('p, li, td, th, h1, h2, h3, h4'))
      .filter(e => !e.closest('pre, code, mjx-container') && /\\[a-zA-Z]{2,}/.test(e.innerText))
      .map(e => e.innerText.slice(0, 80)),
    formula_errors: article.querySelectorAll('mjx-merror').length,
    widgets: article.querySelectorAll('.jupyter-widgets').length,
    readouts: Array.from(article.querySelectorAll('.widget-readout')).map(r => r.textContent.trim()),
  };
}"""
# Elements that run past the printable width, or that scroll (and so would be cut off on paper).
PRINT_OVERFLOW = """(content) => {
  const article = document.querySelector(content) || document.body;
  const limit = document.documentElement.clientWidth + 1;
  return Array.from(article.querySelectorAll('table, pre, img, .cell_output, .output, p, li, mjx-container'))
    .filter(e => e.getBoundingClientRect().right > limit
                 // A formula's italic overhang counts as scrolling; its right edge is what matters.
                 || (e.tagName !== 'MJX-CONTAINER' && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1))
    .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');
}"""
SEARCH_RESULTS = """async () => {
  for (let i = 0; i < 200; i++) {
    const found = document.querySelectorAll('#search-results ul.search li');
    if (found.length) return Array.from(found).map(li => li.querySelector('a').getAttribute('href'));
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  return [];
}"""


def _unavailable() -> str | None:
    missing = _missing_requirement()
    if missing:
        return missing
    if importlib.util.find_spec("jupyter_book") is None:
        return "Jupyter Book is not installed (pip install -r requirements-book.txt)"
    if not (build_book.NODE_MODULES / "mathjax" / "es5").is_dir():
        return "the site's npm packages are not installed (npm ci --prefix tests/web; make test does it)"
    return None


@pytest.fixture(scope="module")
def site() -> dict[str, Path]:
    missing = _unavailable()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"site tests cannot run under CI: {missing}")
        pytest.skip(f"site tests skipped: {missing}")
    return build_book.main()


def pages_of(root: Path) -> list[Path]:
    """Every page of one edition (the full edition's folder also holds the student edition's)."""
    student = build_book.TARGETS["student"]
    return sorted(p for p in root.rglob("*.html") if (root == student or student not in p.parents)
                  and "_static" not in p.relative_to(root).parts)


def notebook_of(page: Path, root: Path) -> Path | None:
    relative = page.relative_to(root)
    if relative.parts[0] != "notebooks":
        return None
    return REPO_ROOT / "notebooks" / relative.with_suffix(".ipynb").name


@pytest.fixture(scope="module")
def visits(site):
    """Open every page of both editions once; return {page: what the page showed and asked for}."""
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            requests = {"remote": [], "failed": []}

            def only_local(route):
                if route.request.url.startswith("file://"):
                    route.continue_()
                else:
                    requests["remote"].append(route.request.url)
                    route.abort()
            page.route("**/*", only_local)
            # A file that is not there. Not counted: a request cut short by going on to the next page, and
            # axe-core's own reading of the stylesheets by XHR (file:// refuses it; the pages make none).
            page.on("requestfailed", lambda request: request.url.startswith("file://")
                    and request.failure != "net::ERR_ABORTED" and request.resource_type not in ("xhr", "fetch")
                    and requests["failed"].append(f"{request.url} ({request.failure})"))
            for edition, root in site.items():
                for path in pages_of(root):
                    if _is_redirect(path):
                        continue
                    requests["remote"], requests["failed"] = [], []
                    page.goto(path.as_uri())
                    page.evaluate(PAGE_READY)
                    facts = page.evaluate(PAGE_FACTS, CONTENT)
                    facts.update(remote=list(requests["remote"]), failed=list(requests["failed"]))
                    # The audit covers the full edition; the student edition's pages are the same pages
                    # with fewer cells.
                    if edition == "full":
                        facts["violations"], facts["listed"] = page_checks.audit(page, CONTENT)
                        facts["remote"] += requests["remote"][len(facts["remote"]):]
                    if path.parent.name == "notebooks":
                        name = f"site-{edition}-{path.stem}.png"
                        page.screenshot(path=str(SCREENSHOTS / name), full_page=True)
                    facts.update(edition=edition, notebook=notebook_of(path, root))
                    found[path] = facts
        finally:
            browser.close()
    return found


def _is_redirect(page: Path) -> bool:
    """Jupyter Book's index.html only forwards to the home page."""
    return 'http-equiv="Refresh"' in page.read_text(encoding="utf-8")


class _Links(HTMLParser):
    """The local addresses a page links to or loads, and the ids it defines."""

    def __init__(self):
        super().__init__()
        self.addresses, self.ids, self.previous_next = [], set(), {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        for direction in ("left-prev", "right-next"):
            if tag == "a" and direction in (attributes.get("class") or "").split():
                self.previous_next[direction] = attributes.get("href")
        for name in ("href", "src"):
            if attributes.get(name):
                self.addresses.append((tag, name, attributes[name]))


def _parsed(path: Path) -> _Links:
    links = _Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def test_the_site_has_every_notebook_guide_glossary_and_codebook(site):
    full, student = site["full"], site["student"]
    for root in (full, student):
        for entry in entries():
            assert (root / "notebooks" / f"{entry.stem}.html").is_file(), entry.file
            download = root / "_sources" / "notebooks" / entry.file
            assert nbformat.read(download, as_version=4).cells, f"{entry.file} is offered as a download"
            page = (root / "notebooks" / f"{entry.stem}.html").read_text(encoding="utf-8")
            assert f"_sources/notebooks/{entry.file}" in page, "the page links its notebook for download"
        assert (root / "data" / "README.html").is_file(), "the codebook"
        assert (root / "search.html").is_file() and (root / "searchindex.js").is_file()
        assert ((root / "glossary.html").is_file() == (REPO_ROOT / "glossary.md").is_file())
        launch = (root / "launch.html").read_text(encoding="utf-8")
        readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
        for template in ("https://mybinder.org/v2/gh/OWNER/REPO/HEAD", "/hub/user-redirect/git-pull?repo="):
            assert template in readme and template in launch, f"launch instructions give {template}"
    guides = sorted(p.relative_to(REPO_ROOT).with_suffix(".html") for p in (REPO_ROOT / "teacher").rglob("*.md"))
    assert guides and all((full / g).is_file() for g in guides), "every teacher guide is in the full edition"
    assert not (student / "teacher").exists(), "the student edition has no teacher pages"


def test_each_notebook_page_links_the_previous_and_next_one(site):
    stems = [e.stem for e in entries()]
    for root in site.values():
        for before, after in zip(stems, stems[1:]):
            page = _parsed(root / "notebooks" / f"{before}.html")
            assert page.previous_next.get("right-next") == f"{after}.html", f"{before} links on to {after}"
            following = _parsed(root / "notebooks" / f"{after}.html")
            assert following.previous_next.get("left-prev") == f"{before}.html", f"{after} links back to {before}"


@pytest.mark.parametrize("edition", list(build_book.TARGETS))
def test_the_build_reports_no_broken_link_or_missing_page(site, edition):
    assert build_book.warnings_of(edition) == [], "Sphinx warned (a link to a page or heading that is missing?)"


def test_every_local_link_and_anchor_resolves_and_nothing_loads_from_another_host(site):
    broken, remote_loads = [], []
    ids: dict[Path, set[str]] = {}
    for root in site.values():
        for page in pages_of(root):
            for tag, attribute, address in _parsed(page).addresses:
                parts = urlsplit(address)
                if parts.scheme in ("http", "https") and (attribute == "src" or tag == "link"):
                    remote_loads.append(f"{page.name}: {address}")
                if parts.scheme or not (parts.path or parts.fragment):
                    continue
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
                if target.is_dir():
                    target = target / "index.html"
                if not target.is_file():
                    broken.append(f"{page.relative_to(root)}: {address}")
                elif parts.fragment and target.suffix == ".html":
                    known = ids.setdefault(target, _parsed(target).ids)
                    if unquote(parts.fragment) not in known:
                        broken.append(f"{page.relative_to(root)}: {address} (no such anchor)")
    assert not broken, "links that lead nowhere:\n" + "\n".join(broken[:30])
    assert not remote_loads, f"pages load from other hosts: {remote_loads[:10]}"


def test_the_notebooks_contents_link_reaches_the_list_of_notebooks(site):
    for root in site.values():
        home = _parsed(root / "README.html")
        assert "the-notebooks" in home.ids
        for entry in entries():
            assert ("a", "href", f"notebooks/{entry.stem}.html") in home.addresses, f"the home page lists {entry.file}"


def test_no_page_asks_another_host_or_misses_a_local_file(visits):
    assert visits, "pages were opened"
    asked = {str(p): v["remote"] for p, v in visits.items() if v["remote"]}
    missed = {str(p): v["failed"] for p, v in visits.items() if v["failed"]}
    assert not asked, f"pages asked other hosts: {asked}"
    assert not missed, f"pages miss local files: {missed}"


def test_figures_carry_their_own_alt_text(visits):
    assert sum(v["figures"] for v in visits.values()) > 0, "some page shows a figure"
    lacking = {str(p): v["without_alt"] for p, v in visits.items() if v["without_alt"]}
    assert not lacking, f"figures without their alt text: {lacking}"


def test_panels_show_their_saved_state(visits):
    with_panels = [(p, v) for p, v in visits.items() if v["notebook"] and _shows_a_panel(v["notebook"])]
    assert with_panels, "some notebook shows a panel in its stored outputs"
    for path, facts in with_panels:
        assert facts["widgets"] > 0, f"{path}: the panel's saved state is not rendered"
        assert all(facts["readouts"]), f"{path}: a slider shows no value"


def _shows_a_panel(notebook: Path) -> bool:
    cells = nbformat.read(notebook, as_version=4).cells
    return any(WIDGET_VIEW in o.get("data", {}) for c in cells for o in c.get("outputs", []))


def test_formulas_are_typeset_by_the_local_mathjax(visits):
    full_notebooks = [(p, v) for p, v in visits.items() if v["notebook"] and v["edition"] == "full"]
    assert any(v["formulas"] for _, v in full_notebooks), "some notebook page shows a formula"
    for path, facts in full_notebooks:
        assert facts["formula_errors"] == 0, f"{path}: MathJax could not typeset a formula"
        assert not facts["raw_tex"], f"{path}: TeX shown untypeset: {facts['raw_tex']}"
        # Nothing but the markdown's own $...$ is typeset (a table or output with dollar signs is not).
        assert facts["formulas"] <= page_checks.intended_formulas(facts["notebook"]), path


@pytest.mark.parametrize("edition", list(build_book.TARGETS))
def test_search_finds_ishiba(site, edition):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                       else route.abort())
            page.goto((site[edition] / "search.html").as_uri() + "?q=Ishiba")
            found = page.evaluate(SEARCH_RESULTS)
        finally:
            browser.close()
    assert any("notebooks/" in href for href in found), f"search for Ishiba found {found}"


def test_the_student_edition_leaves_out_every_worked_solution(site):
    solutions = 0
    for entry in entries():
        original = nbformat.read(REPO_ROOT / "notebooks" / entry.file, as_version=4)
        student = nbformat.read(site["student"] / "_sources" / "notebooks" / entry.file, as_version=4)
        full = nbformat.read(site["full"] / "_sources" / "notebooks" / entry.file, as_version=4)
        solutions += sum(_is_solution(c) for c in original.cells)
        assert not any(_is_solution(c) for c in student.cells), entry.file
        assert not any(c.cell_type == "markdown" and c.source.lstrip().lower().startswith("worked solution")
                       for c in student.cells), f"{entry.file}: no 'Worked solution' heading is left"
        assert ([c.source for c in full.cells] == [c.source for c in original.cells]), (
            f"{entry.file}: the full edition shows every cell")
    assert solutions > 0, "some notebook has a worked solution to leave out"


def _is_solution(cell) -> bool:
    return "solution" in cell.get("metadata", {}).get("tags", [])


def test_printed_pages_keep_tables_and_code_inside_an_a4_page(site):
    from playwright.sync_api import sync_playwright

    root = site["student"]
    overflowing = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": A4_PRINTABLE_PX, "height": 1000})
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                       else route.abort())
            page.emulate_media(media="print")
            for path in sorted((root / "notebooks").glob("*.html")):
                page.goto(path.as_uri())
                page.evaluate(PAGE_READY)
                found = page.evaluate(PRINT_OVERFLOW, CONTENT)
                if found:
                    overflowing[path.name] = found[:5]
                hidden = page.evaluate("() => getComputedStyle(document.querySelector('.bd-sidebar-primary')).display")
                assert hidden == "none", "the site's menus are not printed"
        finally:
            browser.close()
    assert not overflowing, f"printed pages run past an A4 page: {overflowing}"


def test_accessibility_audit_finds_no_serious_violation_in_the_pages_content(visits):
    audited = {p: v for p, v in visits.items() if "violations" in v}
    assert audited, "pages were audited"
    for path, facts in audited.items():
        if facts["listed"]:
            print(f"\n{path.name}: {len(facts['listed'])} findings not counted (theme, or minor):\n"
                  + page_checks.summarise(facts["listed"]))
    counted = {str(p): page_checks.describe(v["violations"]) for p, v in audited.items() if v["violations"]}
    assert not counted, "accessibility violations in the pages' content:\n" + "\n".join(
        f"{p}:\n{d}" for p, d in counted.items())
