# `make html` builds the site, `make test` runs the tests; each first creates
# or refreshes .venv from the pinned requirements when they are newer than it.

PYTHON      ?= python3
VENV        ?= .venv
SPHINXOPTS  ?= -W --keep-going
SOURCEDIR    = .
BUILDDIR     = _build
BIN          = $(VENV)/bin
SPHINXBUILD  = $(BIN)/sphinx-build

SITE_STAMP = $(VENV)/.site-requirements
TEST_STAMP = $(VENV)/.test-requirements
# the Nu Html Checker and axe-core, from the npm registry, for the tests
NODE_DIR   = tests/node
NODE_STAMP = $(NODE_DIR)/node_modules/.installed

SPHINX_TARGETS = html dirhtml singlehtml epub latex text linkcheck
# one build at a time of $(SOURCEDIR): every Sphinx build takes its lock (the
# extension does, however Sphinx is started) and a second one waits, saying so;
# `make clean` takes it too, so that it never removes a folder under a build
# (standard library only: any Python runs it, before .venv exists too)
LOCKED = $(if $(wildcard $(BIN)/python),$(BIN)/python,$(PYTHON)) tools/locked.py \
  "$(SOURCEDIR)"
# what `make latexpdf` needs from Debian (see docs/books.md)
TEX_PACKAGES = texlive-xetex latexmk fonts-freefont-otf texlive-fonts-recommended

BENCH_VENV  = .venv-bench
BENCH_STAMP = $(BENCH_VENV)/.requirements

.PHONY: help venv node lint test check post livehtml catalogs bench clean latexpdf series-book \
  $(SPHINX_TARGETS)

help: $(SITE_STAMP)
	@echo "Please use \`make target' where target is one of"
	@echo "  html        to build the site into $(BUILDDIR)/html (warnings fail the build)"
	@echo "  dirhtml     to build the site with a folder per page"
	@echo "  singlehtml  to build the site as one page"
	@echo "  latexpdf    to build the blog as a PDF book with XeLaTeX (see docs/books.md)"
	@echo "  latex       to write the book's LaTeX sources only"
	@echo "  epub        to build the blog as an ePub book"
	@echo "  series-book SERIES=<slug>  one series as its own ePub and PDF"
	@echo "  text        to write every page as plain text"
	@echo "  linkcheck   to check every link, external ones included"
	@echo "  clean       to remove the build folder and the generated tags/, authors/ and series/"
	@echo "  test        to run the linters, then the test suite"
	@echo "  lint        to check the Python code with ruff and mypy (pyproject.toml)"
	@echo "  check       to build with nit-picky warnings and check internal links"
	@echo "  livehtml    to rebuild and reload the site in a browser as you write"
	@echo "  post        to start a post: make post TITLE=\"...\" TAGS=\"a, b\""
	@echo "  catalogs    to refresh the blog's message catalogs after changing its messages"
	@echo "  bench       to compare build times with plain Sphinx and ABlog (BENCH_ARGS=...)"

$(SITE_STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(TEST_STAMP): requirements-test.txt $(SITE_STAMP)
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

$(NODE_STAMP): $(NODE_DIR)/package.json
	@command -v npm >/dev/null || { \
	  echo "make test needs Node.js and npm for its HTML and accessibility checkers."; \
	  echo "On Debian or Ubuntu: sudo apt-get install nodejs npm"; exit 1; }
	cd $(NODE_DIR) && npm install --no-package-lock --no-audit --no-fund --ignore-scripts --silent
	touch $@

venv: $(TEST_STAMP)

node: $(NODE_STAMP)

# ruff and mypy read their settings from pyproject.toml
lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

# a lint failure fails the tests
test: lint $(TEST_STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest tests $(PYTEST_ARGS)

# the writer's workflow
check: $(SITE_STAMP)
	$(SPHINXBUILD) -b html -n $(SPHINXOPTS) -d "$(BUILDDIR)/doctrees" \
	  "$(SOURCEDIR)" "$(BUILDDIR)/check"
	$(SPHINXBUILD) -b linkcheck $(SPHINXOPTS) -D "linkcheck_ignore=^https?://" \
	  -d "$(BUILDDIR)/doctrees" "$(SOURCEDIR)" "$(BUILDDIR)/linkcheck"

post: $(SITE_STAMP)
	PYTHONPATH=_ext $(BIN)/python tools/newpost.py --title "$(TITLE)" --tags "$(TAGS)"

livehtml: $(TEST_STAMP)
	$(BIN)/sphinx-autobuild "$(SOURCEDIR)" "$(BUILDDIR)/html" $(SPHINXOPTS) \
	  --ignore "*/.venv*" --ignore "*/_build/*" --ignore "*/.git/*" --ignore "*/tests/*" \
	  --ignore "*/docs/*" \
	  --ignore "*/bench/*" $(O)

# the extension's messages: the template, and the catalogs translators edit
# (the build compiles them; no .mo file is kept in the repository)
CATALOGS = _ext/sphinxblog/locales
catalogs: $(SITE_STAMP)
	$(BIN)/pybabel extract --project=sphinxblog --no-wrap --sort-output --add-location=file \
	  --omit-header -o $(CATALOGS)/sphinxblog.pot _ext/sphinxblog
	$(BIN)/pybabel update --no-wrap --ignore-obsolete -D sphinxblog \
	  -i $(CATALOGS)/sphinxblog.pot -d $(CATALOGS)

# the benchmark has its own environment: ABlog, to compare against, is not the site's
$(BENCH_STAMP): requirements.txt bench/requirements.txt
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BENCH_VENV)/bin/python -m pip install --quiet -r requirements.txt -r bench/requirements.txt
	touch $@

bench: $(BENCH_STAMP)
	$(BENCH_VENV)/bin/python bench/run.py $(BENCH_ARGS)

$(SPHINX_TARGETS): $(SITE_STAMP)
	$(SPHINXBUILD) -M $@ "$(SOURCEDIR)" "$(BUILDDIR)" $(SPHINXOPTS) $(O)

latexpdf: $(SITE_STAMP)
	@command -v xelatex >/dev/null && command -v latexmk >/dev/null || { \
	  echo "make latexpdf needs XeLaTeX and latexmk. On Debian or Ubuntu:"; \
	  echo "  sudo apt-get install $(TEX_PACKAGES)"; exit 1; }
	$(SPHINXBUILD) -M $@ "$(SOURCEDIR)" "$(BUILDDIR)" $(SPHINXOPTS) $(O)

# one series as its own small book: make series-book SERIES=<slug> (see docs/books.md)
series-book: $(SITE_STAMP)
	@test -n "$(SERIES)" || { echo "usage: make series-book SERIES=<slug of series/<slug>.html>"; exit 2; }
	$(SPHINXBUILD) -M epub "$(SOURCEDIR)" "$(BUILDDIR)/series-books/$(SERIES)" $(SPHINXOPTS) \
	  -D blog_book_series="$(SERIES)" $(O)
	@if command -v xelatex >/dev/null && command -v latexmk >/dev/null; then \
	  $(SPHINXBUILD) -M latexpdf "$(SOURCEDIR)" "$(BUILDDIR)/series-books/$(SERIES)" $(SPHINXOPTS) \
	    -D blog_book_series="$(SERIES)" $(O); \
	else echo "no PDF: make series-book needs XeLaTeX and latexmk for it (see docs/books.md)"; fi

clean:
	$(LOCKED) rm -rf "$(BUILDDIR)" "$(SOURCEDIR)/tags" "$(SOURCEDIR)/authors" \
	  "$(SOURCEDIR)/series"
