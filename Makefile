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

SPHINX_TARGETS = html dirhtml singlehtml epub latex latexpdf text linkcheck

.PHONY: help venv test clean $(SPHINX_TARGETS)

help: $(SITE_STAMP)
	@$(SPHINXBUILD) -M help "$(SOURCEDIR)" "$(BUILDDIR)" $(SPHINXOPTS)
	@echo "  test        to run the test suite"

$(SITE_STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(TEST_STAMP): requirements-test.txt $(SITE_STAMP)
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

venv: $(TEST_STAMP)

test: $(TEST_STAMP)
	$(BIN)/python -m pytest tests $(PYTEST_ARGS)

$(SPHINX_TARGETS): $(SITE_STAMP)
	$(SPHINXBUILD) -M $@ "$(SOURCEDIR)" "$(BUILDDIR)" $(SPHINXOPTS) $(O)

clean:
	rm -rf "$(BUILDDIR)" tags
