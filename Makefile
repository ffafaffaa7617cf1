# Two commands on a fresh machine: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Checks run with the test settings: a throwaway secret key, and the production code paths.
TEST_ENV := DJANGO_SETTINGS_MODULE=tests.settings

.PHONY: run test lint check bench bench-inquiries audit serve clean node_modules

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Stamp files: reinstall only when a requirements file changes.
$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

## run: install, migrate the SQLite database and serve http://127.0.0.1:8000 with DEBUG on.
run: $(VENV)/.runtime-installed
	DJANGO_DEBUG=1 $(MANAGE) migrate --noinput
	DJANGO_DEBUG=1 $(MANAGE) runserver 127.0.0.1:8000

## lint: ruff lint and format check.
lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## check: Django's system checks, migrations in sync, and the editor's content check.
check: $(VENV)/.dev-installed
	$(TEST_ENV) $(MANAGE) check --fail-level WARNING
	$(TEST_ENV) $(MANAGE) makemigrations --check --dry-run
	$(TEST_ENV) $(MANAGE) check_content

## node_modules: axe-core and the Nu HTML Checker for the quality gates (skipped when npm is missing).
node_modules: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --omit=optional --no-fund --no-audit --loglevel=error && touch $@; \
	else echo "npm not found: accessibility and HTML-validity tests will be skipped"; fi

## test: everything CI runs on SQLite (set DATABASE_URL to run the suite on PostgreSQL).
test: lint check node_modules
	$(BIN)/pytest

## bench: load-time and throughput figures (see bench/README.md).
bench: $(VENV)/.dev-installed
	$(BIN)/python bench/run.py

## audit: Lighthouse on the home page, an article and the form page (mobile; not in CI).
audit: $(VENV)/.dev-installed
	npm install --no-fund --no-audit --loglevel=error
	$(BIN)/python bench/audit.py

## bench-inquiries: 200 concurrent find-a-clinic posts against gunicorn, on SQLite and PostgreSQL.
bench-inquiries: $(VENV)/.dev-installed
	$(BIN)/python bench/concurrent_inquiries.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache node_modules audit-reports
