"""Build the bundle's website with Jupyter Book, from the outputs stored in the notebooks (nothing runs).

Two editions: build/html/ (every notebook, the glossary, the codebook, the teacher guide) and
build/html/student/ (the same notebooks without their worked solutions, for students and for printing;
no teacher pages). The pages work from file:// and from any static host without asking another host for
anything: MathJax 3, require.js and the widgets' HTML manager are copied from the npm packages in
tests/web (`npm ci --prefix tests/web`) into the site's _vendor/ folder, and the theme's fonts and
scripts come with the theme.

The source of each edition is assembled in build/book/source-EDITION/ with the repository's layout
(README.md as the home page, notebooks/, teacher/, data/README.md, glossary.md), so the links the
notebooks and guides already carry (../glossary.md#pass-through, ../README.md#the-notebooks) resolve
in the site as they do in the repository.
Run:  python tools/build_book.py [full|student] [--strict]  (or `make book`; both editions without an
      argument; with --strict any warning, such as a link to a missing page or heading, fails the build)
"""

from __future__ import annotations

import base64
import copy
import html
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "notebooks"))
sys.path.insert(0, str(ROOT / "tools"))
from make_student_copies import student_copy  # noqa: E402
from statusquo.contents import entries  # noqa: E402

BOOK = ROOT / "book"
WORK = ROOT / "build" / "book"
SITE = ROOT / "build" / "html"
TARGETS = {"full": SITE, "student": SITE / "student"}
NODE_MODULES = ROOT / "tests" / "web" / "node_modules"
# What the pages load, copied from the npm packages into _vendor/ (the packages hold far more: MathJax's
# other input and output formats, source maps, the non-AMD widget bundle).
VENDOR = {
    "mathjax/tex-chtml.js": "mathjax/es5/tex-chtml.js",
    "mathjax/input/tex": "mathjax/es5/input/tex",
    "mathjax/output/chtml": "mathjax/es5/output/chtml",
    "mathjax/ui": "mathjax/es5/ui",
    "mathjax/a11y": "mathjax/es5/a11y",
    "mathjax/adaptors": "mathjax/es5/adaptors",
    "require.js": "requirejs/require.js",
    "html-manager": "@jupyter-widgets/html-manager/dist",
}
# Of the widget icons' font files only the formats every current browser reads first.
HTML_MANAGER_SKIP = shutil.ignore_patterns("*.map", "embed.js", "embed.js.LICENSE.txt", "libembed-amd.js",
                                           "*.eot", "*.ttf", "*.svg")
MARKDOWN_LINK = re.compile(r"\]\(([\w./-]+\.md)\)")
ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")
# A figure stored before figures became HTML: an image/png output, then the caption publish() shows.
CAPTION = re.compile(r"^\*Figure `(?P<name>[^`]+)`\.\*\s+(?P<alt>.+)$", re.DOTALL)
SOLUTIONS_LEFT_OUT = ("**Student edition.** The worked solutions are left out; every exercise is still "
                      "there to try. The notebooks' self-checks run when you open them in JupyterLab.")


def _copy(source: Path, target: Path, ignore=None) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, target, ignore=ignore, dirs_exist_ok=True)
    else:
        shutil.copy2(source, target)


def figures_as_html(notebook) -> int:
    """Give every figure stored as a bare PNG the HTML form statusquo.plots.publish writes now, an <img>
    with its alt text, taken from the caption shown right after it. Returns how many were converted.

    Without this the site would show such a figure with its file path as alt text."""
    from statusquo.plots import figure_html  # one definition of the figure's HTML

    converted = 0
    for cell in notebook.cells:
        outputs = cell.get("outputs", [])
        for output, following in zip(outputs, outputs[1:]):
            data = output.get("data", {})
            if "image/png" not in data or "text/html" in data:
                continue
            caption = CAPTION.match("".join(following.get("data", {}).get("text/markdown", "")).strip())
            if not caption:
                continue
            png = base64.b64decode("".join(data["image/png"]))
            alt = " ".join(caption["alt"].split())
            output["data"] = {"text/html": figure_html(png, alt, caption["name"]),
                              "text/plain": f"[Figure {caption['name']}: {alt}]"}
            output["metadata"] = {}
            converted += 1
    return converted


WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
TAG = re.compile(r"<[^>]+>")


def _setting(model: dict) -> str | None:
    """'Description: value' of a control in a panel's saved state; None for what is not a control."""
    state = model["state"]
    if not state.get("description") or "value" not in state and "index" not in state:
        return None
    value = state.get("value")
    if "_options_labels" in state and state.get("index") is not None:
        value = state["_options_labels"][state["index"]]
    return f"{state['description'].rstrip(':')}: {value}"


def panel_charts_with_alt(notebook) -> int:
    """Give each chart saved inside a panel (an Output widget holding a bare PNG) alt text built from the
    panel's saved state: its settings and the message it showed. Returns how many charts it changed.

    The panels draw their charts with Matplotlib's own display, which carries no alt text."""
    models = notebook.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    parents = {child[len("IPY_MODEL_"):]: key for key, model in models.items()
               for child in model["state"].get("children", []) or []}

    def descendants(key: str) -> list[dict]:
        model = models.get(key)
        if model is None:
            return []
        children = [c[len("IPY_MODEL_"):] for c in model["state"].get("children", []) or []]
        return [model, *(d for c in children for d in descendants(c))]

    changed = 0
    for key, model in models.items():
        if model.get("model_name") != "OutputModel" or key not in parents:
            continue
        panel = descendants(parents[key])
        settings = [s for s in map(_setting, panel) if s]
        messages = [" ".join(TAG.sub(" ", m["state"]["value"]).split()) for m in panel
                    if m.get("model_name") == "HTMLModel" and m["state"].get("value")]
        for output in model["state"].get("outputs", []):
            data = output.get("data", {})
            if "image/png" not in data or "text/html" in data:
                continue
            alt = ("Chart drawn by the panel for its saved settings"
                   + (f" ({'; '.join(settings)})" if settings else "") + "."
                   + (f" The panel reads: {' '.join(messages)}" if messages else ""))
            img = base64.b64decode("".join(data["image/png"]))
            output["data"] = {"text/html": _img(img, alt), "text/plain": alt}
            changed += 1
    return changed


def _img(png: bytes, alt: str) -> str:
    encoded = base64.b64encode(png).decode("ascii")
    return (f'<img src="data:image/png;base64,{encoded}" alt="{html.escape(alt, quote=True)}" '
            'style="max-width: 100%; height: auto;">')


def prepared(notebook, edition: str):
    """The notebook as the edition shows it (the student edition without worked solutions), each figure
    and panel chart with its alt text."""
    notebook = student_copy(notebook) if edition == "student" else copy.deepcopy(notebook)
    figures_as_html(notebook)
    panel_charts_with_alt(notebook)
    return notebook


def notebooks_table() -> str:
    rows = [f"| [{e.number} {e.title}](notebooks/{e.file}) | {e.question} |" for e in entries()]
    return "\n".join(["| Notebook | Question |", "|---|---|", *rows])


def teacher_pages() -> list[Path]:
    """teacher/README.md first, then the guides in the order it links them, then any others by name."""
    folder = ROOT / "teacher"
    readme = (folder / "README.md").read_text(encoding="utf-8")
    linked = [folder / name for name in dict.fromkeys(MARKDOWN_LINK.findall(readme)) if (folder / name).is_file()]
    others = sorted(set(folder.glob("*.md")) - {folder / "README.md", *linked})
    return [folder / "README.md", *linked, *others]


def teacher_folders() -> dict[Path, list[Path]]:
    """Folders of teacher/ that hold pages (model answers): each gets an index page in the site."""
    folders = sorted(p for p in (ROOT / "teacher").iterdir() if p.is_dir() and any(p.glob("*.md")))
    return {folder: sorted(folder.glob("*.md")) for folder in folders}


def folder_index(folder: Path, pages: list[Path]) -> str:
    """The page a link to the folder itself (`model_answers/`) leads to: its pages, by title."""
    def title(page: Path) -> str:
        first = next((line for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("# ")), "")
        return first[2:].strip() or page.stem

    items = "\n".join(f"- [{title(page)}]({page.name})" for page in pages)
    return f"# {folder.name.replace('_', ' ').capitalize()}\n\n{items}\n"


def _teacher_page(page: Path) -> str:
    """A teacher page with its links to folders (`model_answers/`) pointed at their index pages."""
    text = page.read_text(encoding="utf-8")
    for folder in teacher_folders():
        if folder.parent == page.parent:
            text = text.replace(f"]({folder.name}/)", f"]({folder.name}/index.md)")
    return text


def table_of_contents(edition: str) -> dict:
    toc = yaml.safe_load((BOOK / "_toc.yml").read_text(encoding="utf-8"))
    parts = {part["caption"]: part for part in toc["parts"]}
    parts["Notebooks"]["chapters"] = [{"file": f"notebooks/{e.stem}"} for e in entries()]
    if not (ROOT / "glossary.md").is_file():
        parts["Reference"]["chapters"] = [c for c in parts["Reference"]["chapters"] if c["file"] != "glossary"]
    if edition == "student":
        toc["parts"].remove(parts["For teachers"])
    else:
        def name(page: Path) -> str:
            return page.relative_to(ROOT).with_suffix("").as_posix()

        guides = [{"file": name(p)} for p in teacher_pages()]
        folders = [{"file": name(folder / "index.md"), "sections": [{"file": name(p)} for p in pages]}
                   for folder, pages in teacher_folders().items()]
        parts["For teachers"]["chapters"] = [{**guides[0], "sections": guides[1:] + folders}]
    return toc


def home_page(edition: str) -> str:
    text = (BOOK / "intro.md").read_text(encoding="utf-8")
    if edition == "student":
        edition_note = SOLUTIONS_LEFT_OUT
        teacher = ""
    else:
        # A plain link: the student edition is a site of its own, beside this one.
        edition_note = ('A <a href="student/README.html">student edition</a> leaves out the worked '
                        "solutions; print from it for a class without computers.")
        teacher = "- Teachers: the [teacher guide](teacher/README.md) has the lesson plans, rubric and answer guide.\n"
    if not (ROOT / "glossary.md").is_file():
        text = text.replace("The [glossary](glossary.md) explains the terms; the", "The")
    return (text.replace("{{edition}}", edition_note).replace("{{notebooks}}", notebooks_table())
            .replace("{{teacher}}", teacher))


def copy_vendor(target: Path) -> None:
    missing = [part for part in VENDOR.values() if not (NODE_MODULES / part).exists()]
    if missing:
        raise SystemExit(f"npm packages missing ({', '.join(missing)}): run `npm ci --prefix tests/web` first")
    for name, part in VENDOR.items():
        _copy(NODE_MODULES / part, target / name, ignore=HTML_MANAGER_SKIP if name == "html-manager" else None)
    _copy(BOOK / "_vendor" / "widgets-setup.js", target / "widgets-setup.js")


def assemble(edition: str) -> Path:
    """Write the edition's source tree under build/book/ and return its folder."""
    source = WORK / f"source-{edition}"
    if source.exists():
        shutil.rmtree(source)
    source.mkdir(parents=True)
    for name in ("_config.yml", "launch.md", "_static"):
        _copy(BOOK / name, source / name)
    (source / "_toc.yml").write_text(yaml.safe_dump(table_of_contents(edition), sort_keys=False), encoding="utf-8")
    (source / "README.md").write_text(home_page(edition), encoding="utf-8")
    (source / "notebooks").mkdir()
    for entry in entries():
        notebook = nbformat.read(ROOT / "notebooks" / entry.file, as_version=4)
        nbformat.write(prepared(notebook, edition), source / "notebooks" / entry.file)
    if (ROOT / "glossary.md").is_file():
        _copy(ROOT / "glossary.md", source / "glossary.md")
    # The codebook, and the tables it and the glossary link to (offered as downloads).
    _copy(ROOT / "data" / "README.md", source / "data" / "README.md")
    for table in (ROOT / "data").rglob("*.csv"):
        _copy(table, source / table.relative_to(ROOT))
    if edition == "full":
        # The guides, their folders' pages, and the tables they link to (offered as downloads).
        _copy(ROOT / "teacher", source / "teacher", ignore=shutil.ignore_patterns("__pycache__", ".*"))
        for page in teacher_pages():
            (source / page.relative_to(ROOT)).write_text(_teacher_page(page), encoding="utf-8")
        for folder, pages in teacher_folders().items():
            (source / folder.relative_to(ROOT) / "index.md").write_text(folder_index(folder, pages), encoding="utf-8")
    copy_vendor(source / "_extra" / "_vendor")
    return source


def build(edition: str, strict: bool = False) -> Path:
    """Assemble and build one edition; return the folder of its pages. Sphinx's warnings (a link to a
    page or heading that does not exist, above all) go to build/book/warnings-EDITION.txt; with
    `strict` any warning fails the build."""
    started = time.perf_counter()
    source = assemble(edition)
    output = WORK / f"output-{edition}"
    if output.exists():  # Sphinx never removes a page or file that is gone from the source
        shutil.rmtree(output)
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    command = [str(jupyter_book), "build", str(source), "--path-output", str(output), "--all", "-q"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=_plain_output())
    warnings = [ANSI_COLOUR.sub("", line).replace(f"{source}/", "") for line in result.stderr.splitlines()
                if "WARNING" in line or "ERROR" in line]
    (WORK / f"warnings-{edition}.txt").write_text("".join(f"{w}\n" for w in warnings), encoding="utf-8")
    if result.returncode or (strict and warnings):
        raise SystemExit(f"the {edition} edition did not build:\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}")
    for warning in warnings:
        print(warning, file=sys.stderr)
    target = TARGETS[edition]
    # The full edition's folder holds the student edition's: each build replaces only its own pages.
    if target.exists():
        _clear_except(target, "student" if edition == "full" else None)
    _copy(output / "_build" / "html", target)
    # Source maps serve only a browser's developer tools; they are a third of the theme's size.
    for source_map in target.rglob("*.map"):
        source_map.unlink()
    print(f"{edition} edition: {target.relative_to(ROOT)}/ in {time.perf_counter() - started:.1f} s, "
          f"{len(warnings)} warnings")
    return target


def warnings_of(edition: str) -> list[str]:
    """The warnings of the edition's last build."""
    return (WORK / f"warnings-{edition}.txt").read_text(encoding="utf-8").splitlines()


def _plain_output() -> dict:
    import os

    return {**os.environ, "NO_COLOR": "1", "TERM": "dumb"}


def _clear_except(folder: Path, kept: str | None) -> None:
    for child in folder.iterdir():
        if child.name != kept:
            shutil.rmtree(child) if child.is_dir() else child.unlink()


def main(editions: list[str] | None = None, strict: bool = False) -> dict[str, Path]:
    return {edition: build(edition, strict) for edition in editions or list(TARGETS)}


if __name__ == "__main__":
    arguments = sys.argv[1:]
    main([a for a in arguments if a in TARGETS] or None, strict="--strict" in arguments)
