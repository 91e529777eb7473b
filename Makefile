# ML Spine: `make run` serves the app, `make test` runs every test. Both create .venv if missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8501

AXE := node_modules/axe-core/axe.min.js

.PHONY: run test install lint format bench system-deps clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

run: install
	$(PY) serve.py --server.port $(PORT)

# Debian's Chromium (end-to-end tests), nginx (the reverse-proxy example's test) and PostgreSQL
# (the shared store's tests start a throwaway server), installed with apt-get when running as
# root; never a browser downloaded by a test tool.
system-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium fonts-dejavu-core"; \
	command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing="$$missing nginx-light"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing$$missing with apt-get"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else echo "Missing$$missing and not root: the tests that need them will skip."; fi

# axe-core for the accessibility checks, pinned in package.json / package-lock.json.
$(AXE): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent && touch $(AXE); \
	else echo "npm is missing: the accessibility tests will skip."; fi

# The unit, app and property tests are CPU-bound and independent: one worker per core, each on
# one BLAS/OpenMP thread (tests/conftest.py). Tests that share an expensive result (the leakage
# board, the lesson plans, a monitoring simulation) form an xdist_group, so one worker computes
# it once (`--dist loadgroup` in pyproject.toml); groups and tests marked slow start first.
# The end-to-end tests run after them, on two workers too: each test mostly waits on its server
# and browser (about 0.85 of a core in all), so two at once take 6.5 min instead of 10; four
# took longer (7.5 min), the servers then fighting for the two cores. One run of everything at
# once was slower too (2026-12-02, same background load): `pytest -n 4` (two browser chains
# beside two CPU workers) 930 s, `-n 3` 887 s, against 357 s + 428 s = 785 s for the two phases.
# On a quiet machine the end-to-end phase took 377 s on two workers and 393 s on three.
# 2026-12-03, a quiet machine: 386 s + 323 s (phase 1 took 465 s before AppTest stopped scanning
# the installed packages for components on every test; 598 s beside a helper agent).
test: install system-deps $(AXE)
	$(PY) -m pytest -n 2 --ignore=tests/e2e
	$(PY) -m pytest -n 2 tests/e2e

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: install system-deps $(AXE)
	$(PY) -m bench

clean:
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache tests/e2e/artifacts
