# Steady: `make run` serves the app; `make test` runs every check CI runs.
SHELL := /bin/bash
.DEFAULT_GOAL := run

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PY_RUN := $(VENV)/.installed-run
PY_DEV := $(VENV)/.installed-dev
NODE_DEPS := node_modules/.installed
DIST := frontend/dist/index.html
API_TYPES := frontend/src/lib/api-schema.d.ts
API_LIMITS := frontend/src/lib/api-limits.ts
CHROMIUM_PATH ?= /usr/lib/chromium/chromium
export CHROMIUM_PATH
FRONTEND_SOURCES := $(shell find frontend/src frontend/public service_worker -type f 2>/dev/null) \
	frontend/index.html frontend/vite.config.ts frontend/manifest.ts

.PHONY: run test lint format typecheck api-types check-api-types build unit unit-ts e2e chromium fuzz bench-lighthouse bench-api bench-push bench-abuse clean

run: $(PY_RUN) build
	$(PY) -m steady serve

# Python packages go in with uv (pinned, put in the virtualenv by pip): seconds where pip
# takes most of a minute.
UV := $(VENV)/bin/uv
UV_VERSION := 0.9.5

$(UV):
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(PY_RUN): pyproject.toml | $(UV)
	$(UV) pip install --quiet --python $(PY) -e .
	touch $@

$(PY_DEV): pyproject.toml | $(UV)
	$(UV) pip install --quiet --python $(PY) -e '.[dev]'
	touch $@ $(PY_RUN)

$(NODE_DEPS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

build: $(DIST)

$(DIST): $(NODE_DEPS) $(FRONTEND_SOURCES)
	npm run --silent build

# The PWA's API types come from the OpenAPI document Litestar publishes.
api-types: $(PY_RUN) $(NODE_DEPS)
	scratch=$$(mktemp -d) && STEADY_DATA_DIR=$$scratch $(PY) -m steady openapi --out $$scratch/openapi.json \
	  && npx openapi-typescript $$scratch/openapi.json -o $(API_TYPES) --silent \
	  && node frontend/scripts/api-limits.mjs $$scratch/openapi.json $(API_LIMITS); rm -rf $$scratch

check-api-types: $(PY_RUN) $(NODE_DEPS)
	@scratch=$$(mktemp -d) && STEADY_DATA_DIR=$$scratch $(PY) -m steady openapi --out $$scratch/openapi.json \
	  && npx openapi-typescript $$scratch/openapi.json -o $$scratch/schema.d.ts --silent \
	  && node frontend/scripts/api-limits.mjs $$scratch/openapi.json $$scratch/limits.ts \
	  && if ! diff -q $$scratch/schema.d.ts $(API_TYPES) >/dev/null || ! diff -q $$scratch/limits.ts $(API_LIMITS) >/dev/null; then \
	       echo "$(API_TYPES) or $(API_LIMITS) is stale: the API changed. Run 'make api-types' and commit them."; rm -rf $$scratch; exit 1; \
	     fi; rm -rf $$scratch; echo "API types and limits match the OpenAPI document."

lint: $(PY_DEV) $(NODE_DEPS)
	$(VENV)/bin/ruff format --check backend tests e2e bench bench/lighthouse bench/api_load bench/push_dispatch bench/push_senders bench/abuse frontend/icons
	$(VENV)/bin/ruff check backend tests e2e bench bench/lighthouse bench/api_load bench/push_dispatch bench/push_senders bench/abuse frontend/icons
	npx biome ci --error-on-warnings  # the phone's code: the paths are biome.jsonc's files.includes

# Formats the phone's code in place and applies Biome's safe lint fixes.
format: $(NODE_DEPS)
	npx biome check --write

typecheck: $(PY_DEV) $(NODE_DEPS)
	$(VENV)/bin/mypy
	npx tsc --noEmit -p frontend
	npx tsc --noEmit -p frontend/tsconfig.node.json
	npx tsc --noEmit -p service_worker
	npx tsc --noEmit -p frontend/tsconfig.test.json

# Debian's Chromium drives the browser tests (Playwright cannot download one offline).
chromium:
	@if [ ! -x "$(CHROMIUM_PATH)" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian's chromium for the browser tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Chromium is missing at $(CHROMIUM_PATH): install Debian's 'chromium' package (or set CHROMIUM_PATH)."; exit 1; \
	  fi; \
	fi

# Each suite spreads over two worker processes (pytest-xdist).
unit: $(PY_DEV)
	$(PY) -m pytest tests -n 2 --dist worksteal

# The phone's pure modules, in Node (vitest.config.ts).
unit-ts: $(NODE_DEPS)
	npx vitest run

e2e: $(PY_DEV) build chromium
	$(PY) -m pytest e2e -n 2 --dist worksteal

# Everything CI checks. Dependencies first (Python and npm side by side), then two jobs at a
# time, longest first: the browser tests take longest, and the API tests and the static
# checks run beside them. Each job's output is printed whole when it ends.
test:
	$(MAKE) --no-print-directory -j2 $(PY_DEV) $(NODE_DEPS) chromium
	$(MAKE) --no-print-directory -j2 --output-sync=target e2e unit lint typecheck check-api-types unit-ts

# Schemathesis over the whole API with many more examples than `make test` runs.
fuzz: $(PY_DEV)
	$(PY) -m tests.platform.contract --examples 300

bench-lighthouse: $(PY_DEV) build chromium
	$(PY) bench/lighthouse

bench-api: $(PY_DEV) build
	$(PY) bench/api_load

# niquests replaces urllib3 with urllib3-future where it is installed: it gets a
# virtualenv of its own, used only by the sender comparison.
NIQUESTS_PY := bench/.venv-niquests/bin/python

$(NIQUESTS_PY):
	$(PYTHON) -m venv bench/.venv-niquests
	$(NIQUESTS_PY) -m pip install --quiet niquests==3.21.2 uvloop==0.23.0

bench-push: $(PY_DEV) $(NIQUESTS_PY)
	$(PY) bench/push_dispatch
	$(PY) bench/push_senders

bench-abuse: $(PY_DEV)
	$(PY) bench/abuse

clean:
	rm -rf frontend/dist .pytest_cache .mypy_cache .ruff_cache
