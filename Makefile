# Two commands do everything on a machine that has only Python 3.11+:
#   make html   build the site into _build/html (warnings are errors)
#   make test   run the test suite
# Both create .venv and install the pinned requirements on first use.

PYTHON      ?= python3
VENV        ?= .venv
BIN          = $(VENV)/bin
SPHINXOPTS  ?= -W --keep-going -n
SOURCEDIR    = .
BUILDDIR     = _build
STAMP        = $(VENV)/.installed

N           ?= 1000
ALSO        ?= 150 250

# Other builders, by Sphinx's own Makefile names: make latexpdf, make epub, ...
BUILDERS     = dirhtml singlehtml latex latexpdf epub text gettext

LOCALE       = _ext/pmterm/locale

.PHONY: help html test range lint clean livehtml lock bench new screenshots catalogs $(BUILDERS)

help:
	@echo "make html      build the site into $(BUILDDIR)/html (-W --keep-going, nitpicky)"
	@echo "make latexpdf  the PDF (pdflatex via latexmk) into $(BUILDDIR)/latex"
	@echo "make epub      the EPUB into $(BUILDDIR)/epub"
	@echo "make singlehtml|dirhtml|text|gettext  the other Sphinx builders, same options"
	@echo "make test      run the test suite, then again at both ends of the supported range"
	@echo "make range     only the suite at both ends of the range (nox: lowest, highest)"
	@echo "make lint      ruff (lint + format check) and mypy"
	@echo "make livehtml  rebuild and reload the site in a browser on every save"
	@echo "make clean     remove the build output (keeps .venv)"
	@echo "make lock      re-pin requirements/*.txt from pyproject.toml"
	@echo "make new NAME=\"Product Vision\" CATEGORY=strategy-vision [ALIASES=\"PV\"]  start an entry"
	@echo "make screenshots  home, category and term pages at 1280 and 390 px, light and dark, into $(BUILDDIR)/screenshots"
	@echo "make catalogs  re-extract the extension's labels into its .pot, update and compile its .po"
	@echo "make bench     time N=$(N) synthetic terms against Sphinx's basic theme (ALSO=\"$(ALSO)\" for growth)"

# (Re)install whenever the pinned requirements change.
$(STAMP): requirements/dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements/dev.txt
	@touch $@

html: $(STAMP)
	$(BIN)/sphinx-build -b html $(SPHINXOPTS) $(O) $(SOURCEDIR) $(BUILDDIR)/html

$(BUILDERS): $(STAMP)
	$(BIN)/sphinx-build -M $@ $(SOURCEDIR) $(BUILDDIR) $(SPHINXOPTS) $(O)

# The suite with the pinned versions, then at both ends of the claimed range
# (noxfile.py: lowest and highest Sphinx, docutils and MyST-Parser, each in its own venv).
test: $(STAMP)
	$(BIN)/python -m pytest $(O)
	$(MAKE) range

range: $(STAMP)
	$(BIN)/nox --sessions lowest highest -- $(O)

lint: $(STAMP)
	$(BIN)/ruff check _ext tests conf.py noxfile.py
	$(BIN)/ruff format --check _ext tests conf.py noxfile.py
	$(BIN)/mypy

livehtml: $(STAMP)
	$(BIN)/sphinx-autobuild -b html $(SPHINXOPTS) $(O) $(SOURCEDIR) $(BUILDDIR)/html \
		--ignore "$(BUILDDIR)" --ignore "*/categories/*" --watch _ext

screenshots: html
	$(BIN)/python tests/screenshots.py $(BUILDDIR)/html $(BUILDDIR)/screenshots

bench: $(STAMP)
	$(BIN)/python tests/bench/run.py $(N) --also $(ALSO)

# A new entry's skeleton: make new NAME="Product Vision" CATEGORY=strategy-vision
new: $(STAMP)
	@PYTHONPATH=_ext $(BIN)/python -m pmterm new "$(NAME)" --category "$(CATEGORY)" \
		--aliases "$(ALIASES)"

clean:
	rm -rf $(BUILDDIR)

# The extension's own labels (pmterm.labels): template, catalogs, compiled catalogs.
catalogs: $(STAMP)
	$(BIN)/pybabel extract --no-location --sort-output --project=pmterm \
		--copyright-holder="The PM Glossary authors" -o $(LOCALE)/pmterm.pot _ext/pmterm
	$(BIN)/pybabel update --no-fuzzy-matching -D pmterm -i $(LOCALE)/pmterm.pot -d $(LOCALE)
	$(BIN)/pybabel compile --statistics -D pmterm -d $(LOCALE)

lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --strip-extras --no-header --no-emit-index-url \
		--no-emit-find-links --extra site -o requirements/docs.txt pyproject.toml
	$(BIN)/pip-compile --quiet --strip-extras --no-header --no-emit-index-url \
		--no-emit-find-links --extra site --extra test --extra lint --extra live --extra matrix \
		-o requirements/dev.txt pyproject.toml
