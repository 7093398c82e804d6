"""What the browser tests look for on a page: typeset formulas, and an axe-core accessibility audit.

axe-core comes from the npm package in tests/web (`npm ci --prefix tests/web`), injected
from disk, so the audit runs offline.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

AXE_SCRIPT = Path(__file__).resolve().parents[1] / "web" / "node_modules" / "axe-core" / "axe.min.js"
COUNTED_IMPACTS = ("critical", "serious")
# Where the bundle's own content sits in JupyterLab: rendered markdown and cell outputs. A violation
# elsewhere belongs to JupyterLab's interface (toolbar, prompts, editor) and is listed, not counted.
BUNDLE_CONTENT = ".jp-MarkdownOutput, .jp-OutputArea-output"
FORMULA = re.compile(r"\$\$.+?\$\$|\$[^$\n]+?\$", re.DOTALL)
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)

AXE_RUN = """async (bundleSelector) => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  const found = [];
  for (const violation of result.violations) {
    for (const node of violation.nodes) {
      let element = null;
      try { element = document.querySelector(node.target.join(' ')); } catch (e) {}
      // The controls of a panel (sliders, drop-downs) are ipywidgets' own markup, not the bundle's.
      const control = element && element.closest('.widget-slider, .widget-dropdown, .widget-toggle-buttons, '
        + '.widget-checkbox, .widget-text, .widget-button, .widget-select, .widget-radio');
      const ours = (bundleSelector ? !!(element && element.closest(bundleSelector)) : true) && !control;
      found.push({id: violation.id, impact: violation.impact, ours, target: node.target.join(' '),
                  html: node.html.slice(0, 160)});
    }
  }
  return found;
}"""


def intended_formulas(notebook_path: Path) -> int:
    """How many formulas the notebook's markdown means to typeset ($...$ and $$...$$ outside code)."""
    cells = nbformat.read(notebook_path, as_version=4).cells
    return sum(len(FORMULA.findall(CODE.sub("", c.source))) for c in cells if c.cell_type == "markdown")


def audit(page, bundle_selector: str | None = None) -> tuple[list[dict], list[dict]]:
    """Run axe-core on the page: (counted violations in the bundle's content, everything else listed)."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    found = page.evaluate(AXE_RUN, bundle_selector)
    counted = [v for v in found if v["ours"] and v["impact"] in COUNTED_IMPACTS]
    listed = [v for v in found if v not in counted]
    return counted, listed


def describe(violations: list[dict]) -> str:
    return "\n".join(f"  {v['impact']:<8} {v['id']}: {v['target']}  {v['html']}" for v in violations)


def summarise(violations: list[dict]) -> str:
    """One line per rule: how often, how severe, and whether it is in the bundle's content."""
    counts: dict[tuple, int] = {}
    for v in violations:
        key = (v["impact"], v["id"], "content" if v["ours"] else "interface")
        counts[key] = counts.get(key, 0) + 1
    return "\n".join(f"  {n:>3} × {impact:<8} {rule} ({where})" for (impact, rule, where), n in sorted(counts.items()))
