"""The static pages of `make html`, opened from disk in Chromium with every request to another host
refused: formulas typeset by the local MathJax (and only the intended ones), every figure with its alt
text, and no critical or serious accessibility violation in the bundle's content (axe-core)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from test_in_jupyterlab import CHROMIUM, CHROMIUM_ARGS, _missing_requirement

import page_checks
from statusquo.contents import notebook_paths

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT / "tools"))
import build_html  # noqa: E402

NOTEBOOKS = notebook_paths()
MATHJAX_DONE = """() => window.MathJax && MathJax.Hub && MathJax.isReady === true
  && MathJax.Hub.queue.pending === 0 && MathJax.Hub.queue.running === 0"""
TYPESET = """() => ({formulas: document.querySelectorAll('.MathJax_CHTML').length,
                     errors: document.querySelectorAll('.MathJax_Error, .mjx-merror').length})"""


@pytest.fixture(scope="module")
def pages_and_browser():
    missing = _missing_requirement()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests cannot run under CI: {missing}")
        pytest.skip(f"browser tests skipped: {missing}")
    from playwright.sync_api import sync_playwright

    pages = {p.stem: p for p in build_html.main()}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            remote = []

            def only_local(route):
                if route.request.url.startswith("file://"):
                    route.continue_()
                else:
                    remote.append(route.request.url)
                    route.abort()
            page.route("**/*", only_local)
            yield pages, page, remote
        finally:
            browser.close()


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_static_page_typesets_its_formulas_offline_and_passes_the_audit(pages_and_browser, notebook):
    pages, page, remote = pages_and_browser
    page.goto(pages[notebook.stem].as_uri())
    page.wait_for_function(MATHJAX_DONE, polling=100, timeout=60_000)
    assert page.evaluate(TYPESET) == {"formulas": page_checks.intended_formulas(notebook), "errors": 0}
    without_alt = page.evaluate("""() => Array.from(document.querySelectorAll('.jp-OutputArea-output img'))
      .filter(img => !img.alt || img.alt.startsWith('No description') || img.alt.length < 40).length""")
    assert without_alt == 0, "every figure carries its own alt text"
    counted, listed = page_checks.audit(page, page_checks.BUNDLE_CONTENT)
    if listed:
        print(f"\n{notebook.stem}.html: {len(listed)} findings not counted (page template, or minor):\n"
              + page_checks.summarise(listed))
    assert not counted, f"accessibility violations in the page's content:\n{page_checks.describe(counted)}"
    assert remote == [], f"the page asked another host for {remote}"
