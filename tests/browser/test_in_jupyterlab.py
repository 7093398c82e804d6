"""Every notebook runs in JupyterLab in a real browser (Debian's Chromium driven by Playwright).

nbval runs notebooks without a front end; these tests open each one as a student would, run all cells,
and check that nothing fails, that every code cell ran, and that interactive panels render and respond
to the keyboard. A full-page screenshot of each notebook goes to build/screenshots/ (not committed).

Chromium is the system package (/usr/bin/chromium); nothing is downloaded. Without it the tests are
skipped with one line saying why, except under CI=true, where a missing browser is a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

import jupyterlab_server
import page_checks
from statusquo.contents import notebook_paths

REPO_ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = notebook_paths()
SCREENSHOTS = REPO_ROOT / "build" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Flags that keep Chromium off the network and happy as root in a container.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
RUN_TIMEOUT_MS = 120_000


def _missing_requirement() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"Chromium not found at {CHROMIUM} (install Debian's `chromium` package)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed (pip install -r requirements-dev.txt)"
    if not page_checks.AXE_SCRIPT.is_file():
        return "axe-core is not installed (npm ci --prefix tests/web; make test does it)"
    return None


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory):
    missing = _missing_requirement()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests cannot run under CI: {missing}")
        pytest.skip(f"browser tests skipped: {missing}")
    from playwright.sync_api import sync_playwright

    server = jupyterlab_server.start(REPO_ROOT, tmp_path_factory.mktemp("jupyterlab"))
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.set_default_timeout(RUN_TIMEOUT_MS)
                yield server, page
            finally:
                browser.close()
    finally:
        server.stop()


# JavaScript run in the page. `window.jupyterapp` is exposed by --LabApp.expose_app_in_browser.
NOTEBOOK_READY = """(path) => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const kernel = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
  return !!(w && w.context && w.context.path === path && kernel && kernel.status === 'idle' && w.content
    && w.content.widgets.length > 0);
}"""
# JupyterLab restores the tabs of its last layout, so the tab in front after a reload can be an earlier
# notebook: open (and so bring to the front) the one under test once the layout is restored.
BRING_TO_FRONT = """async (path) => {
  await window.jupyterapp.restored;
  await window.jupyterapp.commands.execute('docmanager:open', {path});
}"""
ALL_CELLS_RAN = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  const kernel = w.sessionContext.session.kernel;
  const code = w.content.widgets.filter(c => c.model.type === 'code');
  return kernel.status === 'idle' && code.every(c => c.model.executionCount !== null
    && c.node.querySelector('.jp-InputPrompt').textContent.indexOf('*') === -1);
}"""
OUTPUT_PROBLEMS = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  const problems = [];
  w.content.widgets.forEach((cell, index) => {
    if (cell.model.type !== 'code') return;
    for (const output of cell.model.outputs.toJSON()) {
      if (output.output_type === 'error') problems.push(`cell ${index}: ${output.ename}: ${output.evalue}`);
      if (output.output_type === 'stream' && output.name === 'stderr') problems.push(`cell ${index} stderr: ${output.text}`);
    }
  });
  return problems;
}"""
CODE_CELLS_WITHOUT_COUNT = """() => window.jupyterapp.shell.currentWidget.content.widgets
  .filter(c => c.model.type === 'code' && c.model.executionCount === null).length"""
PANEL_OUTPUTS = """() => Array.from(window.jupyterapp.shell.currentWidget.node.querySelectorAll(
    '.jp-OutputArea .widget-output, .jp-OutputArea .jupyter-widgets-output-area, .jp-OutputArea .widget-html-content'))
  .map(node => node.innerHTML).join('\\n')"""


def has_panel(notebook: Path) -> bool:
    """A notebook has an interactive panel when a stored output is a widget view."""
    return "application/vnd.jupyter.widget-view+json" in notebook.read_text(encoding="utf-8")


def open_notebook(server, page, notebook: Path) -> None:
    """Load JupyterLab on `notebook` and wait until it is the tab in front, with an idle kernel."""
    path = f"notebooks/{notebook.name}"
    # reset: start from an empty layout rather than the tabs the previous test left behind.
    page.goto(server.url(f"lab/tree/{path}") + "&reset")
    page.wait_for_function("() => !!(window.jupyterapp && window.jupyterapp.shell)", polling=250)
    page.evaluate(BRING_TO_FRONT, path)
    page.wait_for_function(NOTEBOOK_READY, arg=path, polling=250)


def run_notebook(server, page, notebook: Path) -> None:
    open_notebook(server, page, notebook)
    # The command's promise settles when every cell has been executed; then wait for the kernel to be
    # idle and every prompt to show its count (state, never a fixed delay).
    page.evaluate("async () => { await window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    page.wait_for_function(ALL_CELLS_RAN, polling=250)


def screenshot(page, notebook: Path) -> Path:
    """Full-page screenshot: grow the window to the notebook's height so every cell is on it."""
    height = page.evaluate("""() => {
      window.jupyterapp.shell.collapseLeft();
      const scroller = window.jupyterapp.shell.currentWidget.content.node.querySelector('.jp-WindowedPanel-outer');
      return scroller.scrollHeight + 200; }""")
    page.set_viewport_size({"width": 1280, "height": min(max(900, height), 30000)})
    page.evaluate("""() => { window.jupyterapp.shell.currentWidget.content.node
      .querySelector('.jp-WindowedPanel-outer').scrollTop = 0; }""")
    # Wait until every image in the notebook has loaded at its new size, not for a fixed time.
    page.wait_for_function("""() => Array.from(window.jupyterapp.shell.currentWidget.content.node
      .querySelectorAll('img')).every(img => img.complete)""", polling=100)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{notebook.stem}.png"
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    return path


def close_notebook(page) -> None:
    """Shut the kernel down and close the tab without saving, so the stored notebook stays as it was."""
    page.evaluate("""async () => {
      const w = window.jupyterapp.shell.currentWidget;
      if (!w) return;
      if (w.sessionContext) await w.sessionContext.shutdown();
      if (w.context) w.context.model.dirty = false;
      w.dispose();
    }""")


WIDGET_OUTPUT_TEXT = """() => Array.from(window.jupyterapp.shell.currentWidget.content.node
  .querySelectorAll('.jp-OutputArea-output')).map(o => o.innerText).filter(t => /widget/i.test(t)).join(' | ')"""
RERUN_PANEL_CELLS = """async () => {
  const w = window.jupyterapp.shell.currentWidget;
  const mime = 'application/vnd.jupyter.widget-view+json';
  for (const [index, cell] of w.content.widgets.entries()) {
    if (cell.model.type !== 'code') continue;
    if (!cell.model.outputs.toJSON().some(o => o.data && o.data[mime])) continue;
    w.content.activeCellIndex = index;
    await window.jupyterapp.commands.execute('notebook:run-cell');
  }
}"""


def wait_for_panel_controls(page, scope: str) -> None:
    """Wait for a panel's sliders. On a loaded machine a widget view can lose the race with its model
    (the view asks before the kernel's model has reached the page) and then never draws; run the panel's
    cells once more in that case, and fail, with what the outputs say, if the controls still do not come."""
    try:
        page.wait_for_selector(f"{scope} .widget-slider", state="attached", timeout=30_000)
        return
    except PlaywrightTimeout:
        said = page.evaluate(WIDGET_OUTPUT_TEXT)
    page.evaluate(RERUN_PANEL_CELLS)
    page.wait_for_function(ALL_CELLS_RAN, polling=250)
    try:
        page.wait_for_selector(f"{scope} .widget-slider", state="attached", timeout=60_000)
    except PlaywrightTimeout:
        pytest.fail(f"the panel's controls never rendered; widget outputs said: {said!r}")
    print(f"\npanel controls rendered only after the panel's cells ran again (outputs said: {said!r})")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_in_jupyterlab_without_errors(browser_page, notebook):
    server, page = browser_page
    console_errors = []
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    run_notebook(server, page, notebook)
    # Only this notebook's panel: JupyterLab may restore an earlier notebook as a hidden tab, whose
    # saved widgets would match an unscoped selector.
    scope = "#" + page.evaluate("() => window.jupyterapp.shell.currentWidget.id")
    try:
        assert page.evaluate(OUTPUT_PROBLEMS) == []
        assert page.evaluate(CODE_CELLS_WITHOUT_COUNT) == 0, "every code cell has executed"
        # Outputs and widget views render after the kernel replies: wait for them (state), never count early.
        page.wait_for_selector(f"{scope} .jp-OutputArea-output img", state="attached", timeout=60_000)
        figures = page.locator(f"{scope} .jp-OutputArea-output img")
        assert figures.count() >= 1, "figures are rendered"

        if has_panel(notebook):
            wait_for_panel_controls(page, scope)
            sliders = page.locator(f"{scope} .widget-slider")
            assert sliders.count() >= 1, "the notebook's panel renders its controls"
            handle = page.locator(f"{scope} .widget-slider .noUi-handle").first
            handle.scroll_into_view_if_needed()
            page.evaluate(f"() => {{ window.__panelBefore = ({PANEL_OUTPUTS})(); }}")
            handle.focus()
            page.keyboard.press("ArrowRight")
            page.keyboard.press("ArrowRight")
            page.wait_for_function(f"() => ({PANEL_OUTPUTS})() !== window.__panelBefore",
                                   polling=250, timeout=60_000)
        check_formulas(page, notebook)
        check_images_carry_alt_text(page)
        screenshot(page, notebook)
        counted, listed = page_checks.audit(page, page_checks.BUNDLE_CONTENT)
        if listed:
            print(f"\n{notebook.name}: {len(listed)} findings not counted (JupyterLab's interface, or minor):\n"
                  + page_checks.summarise(listed))
        assert not counted, f"accessibility violations in the notebook's content:\n{page_checks.describe(counted)}"
        assert console_errors == [], f"JavaScript errors: {console_errors}"
    finally:
        close_notebook(page)


TYPESET = """() => {
  const node = window.jupyterapp.shell.currentWidget.content.node;
  return {formulas: node.querySelectorAll('mjx-container').length,
          errors: node.querySelectorAll('mjx-merror, .MathJax_Error').length};
}"""


def check_formulas(page, notebook: Path) -> None:
    """Exactly the intended formulas are typeset: a dollar amount typeset as maths would add one."""
    intended = page_checks.intended_formulas(notebook)
    page.wait_for_function(f"() => ({TYPESET})().formulas >= {intended}", polling=250, timeout=30_000)
    typeset = page.evaluate(TYPESET)
    assert typeset == {"formulas": intended, "errors": 0}, f"{notebook.name}: {typeset}, intended {intended}"


def check_images_carry_alt_text(page) -> None:
    missing = page.evaluate("""() => Array.from(window.jupyterapp.shell.currentWidget.content.node
      .querySelectorAll('.jp-OutputArea-output img')).filter(img => !img.alt || img.alt === 'Image'
        || img.alt.length < 40).length""")
    assert missing == 0, f"{missing} figures without their alt text"


RELATIVE_LINK = __import__("re").compile(r"\]\((?!https?:|mailto:|#)([^)\s]+)\)")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_every_relative_link_opens_in_the_served_bundle(browser_page, notebook):
    """Every link in the notebook's markdown points at a file or folder the JupyterLab server can open
    (the server serves the whole bundle, as `make lab` does)."""
    import json
    import urllib.parse
    import urllib.request

    import nbformat

    server, _ = browser_page
    markdown = "\n".join(c.source for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "markdown")
    targets = sorted(set(RELATIVE_LINK.findall(markdown)))
    assert targets, "each notebook links to others"
    for target in targets:
        path = (notebook.parent / urllib.parse.unquote(target.split("#")[0])).resolve()
        relative = path.relative_to(REPO_ROOT).as_posix()
        with urllib.request.urlopen(server.url(f"api/contents/{urllib.parse.quote(relative)}") + "&content=0",
                                    timeout=30) as response:
            assert response.status == 200, f"{notebook.name}: link {target} cannot be opened"
            assert json.load(response)["path"] == relative


def test_navigation_and_contents_links_open_when_clicked(browser_page):
    """A student clicks "Next" in notebook 00 and lands in notebook 01; "Contents" opens the README."""
    import nbformat

    server, page = browser_page
    open_notebook(server, page, NOTEBOOKS[0])
    title = "() => window.jupyterapp.shell.currentWidget && window.jupyterapp.shell.currentWidget.title.label"
    try:
        next_title = nbformat.read(NOTEBOOKS[1], as_version=4).cells[0].source.splitlines()[0].lstrip("# ")
        page.locator(".jp-MarkdownOutput a", has_text=next_title).first.click()
        page.wait_for_function(f"() => ({title})() === {NOTEBOOKS[1].name!r}", polling=250, timeout=30_000)
        close_notebook(page)
        page.wait_for_function(f"() => ({title})() === {NOTEBOOKS[0].name!r}", polling=250, timeout=30_000)
        page.locator(".jp-MarkdownOutput a", has_text="Contents").first.click()
        page.wait_for_function(f"() => ({title})() === 'README.md'", polling=250, timeout=30_000)
        page.evaluate("() => window.jupyterapp.shell.currentWidget.dispose()")
    finally:
        close_notebook(page)


def test_no_server_or_kernel_is_left_running_after_stop(tmp_path):
    if _missing_requirement():
        pytest.skip("needs the same setup as the browser tests")
    server = jupyterlab_server.start(REPO_ROOT, tmp_path)
    server.stop()
    assert server.process.poll() is not None
    with pytest.raises(ProcessLookupError):
        os.killpg(server.process.pid, 0)  # no process of its group (server or kernel) is left
