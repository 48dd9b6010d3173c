# Two commands for a new user: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
# The laptop set-up runs with DEBUG on unless the caller says otherwise.
export DJANGO_DEBUG ?= 1

.PHONY: install run serve seed test test-postgres test-all bench clean

# Only prepares .venv; re-run whenever requirements change.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

install: $(VENV)/.installed

# Migrate, import seeds/ (idempotent), build the index, then serve.
seed: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py import_articles seeds/
	$(PY) manage.py rebuild_index --if-stale
	$(PY) manage.py dev_admin

run: seed
	@echo ""
	@echo "The archive: http://$(HOST):$(PORT)/    the admin: http://$(HOST):$(PORT)/admin/"
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

# Test processes (pytest-xdist): one per core by default; PYTEST_WORKERS=0 runs in one.
PYTEST_WORKERS ?= auto

# The whole suite on SQLite (the slow, marked tests included).
test: install
	$(PY) -m pytest -n $(PYTEST_WORKERS)

# On a throwaway PostgreSQL cluster (needs initdb/pg_ctl on the machine): every test that
# uses the database. The plain-Python ones (extractor, analysis, query parser) cannot
# touch it and ran in `make test`.
test-postgres: install
	$(PY) scripts/with_postgres.py $(PY) -m pytest -n $(PYTEST_WORKERS) --database-only

test-all: test test-postgres

# Benchmarks print tables (never run as tests); they need ../shared/corpus. See docs/benchmarks.md.
bench: install
	$(PY) bench/make_corpus.py
	$(PY) bench/run_all.py

clean:
	rm -rf var/ .pytest_cache test-artifacts
