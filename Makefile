# Two commands on a fresh machine: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Production settings for local use: the real settings module, DEBUG off, behind an imagined TLS
# proxy. The key is a THROWAWAY for this machine only; production supplies its own secret.
PROD_ENV := DJANGO_SETTINGS_MODULE=ketamine_site.settings DJANGO_DEBUG=0 \
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-throwaway-local-only-key-NOT-A-SECRET-7f3a9c2e5b8d1f4a6c0e9b2d} \
	DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost} DJANGO_TRUST_X_FORWARDED_PROTO=1 \
	TRUSTED_PROXY_COUNT=$${TRUSTED_PROXY_COUNT:-1}

# A value as one single-quoted shell word, whatever quotes or '$' it contains.
shell_quote = '$(subst ','\'',$(1))'
# Install Debian's package $(1) (which provides the command $(1)) with apt when run as root and missing.
apt_install = command -v $(1) >/dev/null || [ -x /usr/sbin/$(1) ] || [ "$$(id -u)" != 0 ] || \
	{ apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(1) >/dev/null; } || true
GUNICORN_BIND ?= 127.0.0.1:8000
PROXY_BIND ?= 127.0.0.1:8080

.PHONY: setup run test test-postgres chaos test-deploy lint check deploy-check bench bench-cache bench-inquiries audit \
	observatory load-test serve serve-cached clean node_modules new-article mutate

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

# The Spanish interface: each committed .po compiled to the .mo Django reads (GNU gettext's msgfmt,
# installed from Debian when run as root and missing).
MESSAGES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))
%.mo: %.po
	@command -v msgfmt >/dev/null || [ "$$(id -u)" != 0 ] || { apt-get update -q >/dev/null && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q gettext >/dev/null; }
	msgfmt --check-format -o $@ $<

## setup: .venv with the pinned requirements, the compiled messages and a migrated SQLite database:
## what every README command needs.
setup: $(VENV)/.runtime-installed $(MESSAGES)
	$(MANAGE) migrate --noinput -v0

## run: setup, then serve http://127.0.0.1:8000 with DEBUG on, with the task worker beside the
## server (it stops when the server stops).
run: setup
	DJANGO_DEBUG=1 $(MANAGE) db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	DJANGO_DEBUG=1 $(MANAGE) runserver 127.0.0.1:8000

## lint: ruff lint and format check; pymarkdown (plus our structure rule) on the README and docs/.
lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pymarkdown --add-plugin tools/markdown_structure.py scan README.md docs

## check: Django's system checks, migrations in sync, and the editor's content and (offline) reference checks.
check: $(VENV)/.dev-installed
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) check_content
	$(MANAGE) check_references

## node_modules: axe-core and the Nu HTML Checker for the quality gates (skipped when npm is missing).
node_modules: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --omit=optional --ignore-scripts --no-fund --no-audit --loglevel=error && touch $@; \
	else echo "npm not found: accessibility and HTML-validity tests will be skipped"; fi

## deploy-check: Django's deployment checklist against the production settings; warnings fail.
deploy-check: $(VENV)/.dev-installed
	$(PROD_ENV) $(MANAGE) check --deploy --fail-level WARNING

## test: everything CI runs on SQLite (set DATABASE_URL to run the suite on PostgreSQL).
test: setup lint check deploy-check node_modules
	$(BIN)/pytest

## mutate: mutmut over search, navigation, page_cache, frontmatter, the sanitizer and the consent
## middleware (slow; not run in CI). `.venv/bin/mutmut results` lists the survivors afterwards.
mutate: $(VENV)/.dev-installed
	$(BIN)/mutmut run --max-children 2
	$(BIN)/mutmut results

## test-postgres: the suite against PostgreSQL and Redis on 127.0.0.1 (the servers CI machines run).
test-postgres: $(VENV)/.dev-installed
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/ketamine} \
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/3} $(BIN)/pytest --create-db -q

## chaos: fault tests: gunicorn and the task worker against throwaway PostgreSQL, Redis and mail servers.
chaos: $(VENV)/.dev-installed
	$(BIN)/pytest -m chaos tests/chaos

## test-deploy: through the real nginx (deploy/nginx/): the cache tier, and two app servers behind it.
test-deploy: $(VENV)/.dev-installed
	@$(call apt_install,nginx)
	$(BIN)/pytest -m deploy tests/deploy

## bench: load-time and throughput figures (see README, "Benchmarks").
bench: $(VENV)/.dev-installed
	@$(call apt_install,wrk)
	$(BIN)/python bench/run.py

## bench-cache: wrk against nginx serving a static copy of an article, the cache tier, and gunicorn.
bench-cache: $(VENV)/.dev-installed
	@$(call apt_install,wrk)
	@$(call apt_install,nginx)
	$(BIN)/python bench/cache_tier.py

## audit: Lighthouse on the home page, an article, the form page and a Spanish article (mobile; not in CI).
audit: $(VENV)/.dev-installed
	npm install --ignore-scripts --no-fund --no-audit --loglevel=error
	$(BIN)/python bench/audit.py

## bench-inquiries: 200 concurrent find-a-clinic posts against gunicorn, on SQLite and PostgreSQL.
bench-inquiries: $(VENV)/.dev-installed
	$(BIN)/python bench/concurrent_inquiries.py

## observatory: score the production response by the MDN HTTP Observatory's rules (target >= 125).
observatory: $(VENV)/.dev-installed
	$(BIN)/python bench/observatory.py

## load-test: bounded load test of the production server on 127.0.0.1 (articles, search, form posts).
load-test: $(VENV)/.dev-installed
	$(BIN)/python bench/load_test.py

## serve: the production setup on http://127.0.0.1:8000 (collectstatic, migrate, gunicorn).
serve: $(VENV)/.runtime-installed
	$(PROD_ENV) $(MANAGE) collectstatic --noinput -v0
	$(PROD_ENV) $(MANAGE) migrate --noinput
	$(PROD_ENV) $(BIN)/gunicorn -c gunicorn.conf.py

## serve-cached: the production stack: gunicorn on GUNICORN_BIND behind nginx (deploy/nginx/) on
## PROXY_BIND; Ctrl-C or SIGTERM stops both.
serve-cached: $(VENV)/.runtime-installed
	@$(call apt_install,nginx)
	$(PROD_ENV) $(MANAGE) collectstatic --noinput -v0
	$(PROD_ENV) $(MANAGE) migrate --noinput
	@nginx=$$(command -v nginx || echo /usr/sbin/nginx); [ -x "$$nginx" ] || \
		{ echo "nginx not installed: run 'apt-get install -y nginx' (or this command as root)"; exit 1; }; \
	run=$$(mktemp -d) && chmod 755 $$run && \
	$(BIN)/python deploy/nginx/render.py --run-dir $$run --listen $(call shell_quote,$(PROXY_BIND)) \
		--upstream $(call shell_quote,$(GUNICORN_BIND)) --static-root $(CURDIR)/staticfiles \
		--admin-path "$${DJANGO_ADMIN_PATH:-admin/}" >/dev/null || exit 1; \
	$(PROD_ENV) GUNICORN_BIND=$(call shell_quote,$(GUNICORN_BIND)) $(BIN)/gunicorn -c gunicorn.conf.py & app=$$!; \
	$$nginx -p $$run -c $$run/nginx.conf -e $$run/error.log -g 'daemon off;' & proxy=$$!; \
	trap 'kill $$proxy $$app 2>/dev/null; wait $$proxy $$app; rm -rf $$run' EXIT; \
	trap 'exit 130' INT; trap 'exit 143' TERM; \
	echo "serving http://$(PROXY_BIND) (nginx, cache tier) in front of gunicorn on $(GUNICORN_BIND); Ctrl-C stops both"; \
	while kill -0 $$proxy 2>/dev/null && kill -0 $$app 2>/dev/null; do sleep 1; done; \
	echo "one of the servers stopped; stopping the other"; exit 1
clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .cache node_modules audit-reports

## new-article: a draft that passes check_content, e.g. make new-article TOPIC=safety TITLE="Nausea after a session"
# $(value ...) keeps a '$' in the title from being read by make; single quotes keep the shell from reading it.
new-article: $(VENV)/.runtime-installed
	$(MANAGE) new_article --topic $(call shell_quote,$(value TOPIC)) -- $(call shell_quote,$(value TITLE))
