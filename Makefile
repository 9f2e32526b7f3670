# Everyday commands. `make run` and `make test` work on a fresh machine: they create the
# virtualenv and install what they need first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run serve test test-fast lint bench eval demo screenshots docker clean

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/.runtime
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

## Run the chat at http://127.0.0.1:5000/chat (embedded defaults: no key, no server).
run: $(VENV)/.runtime
	$(VENV)/bin/flask --app wsgi run --host $(HOST) --port $(PORT)

## Production-style: gunicorn with gevent workers (needed for many concurrent streams).
serve: $(VENV)/.runtime
	$(VENV)/bin/gunicorn --config gunicorn.conf.py --bind $(HOST):$(PORT) wsgi:app

## Install what the tests need (Python packages, Debian's chromium) and run them all, one
## worker per core (pytest-xdist; 'worksteal' evens out the few long eval tests).
PYTEST_WORKERS ?= -n auto --dist worksteal
test: $(VENV)/.dev
	@bash scripts/ensure-test-tools
	$(PY) -m pytest $(PYTEST_WORKERS)

## The tests without the browser ones.
test-fast: $(VENV)/.dev
	$(PY) -m pytest $(PYTEST_WORKERS) -m "not browser"

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check chatbot tests wsgi.py bench examples gunicorn.conf.py
	$(VENV)/bin/mypy

## Benchmarks (not tests): reply engine speed, streaming latency under load, page weight,
## and the app beside a FastAPI reference of the original design (bench/versus.py).
bench: $(VENV)/.dev
	$(PY) bench/offline_engine.py
	$(PY) bench/page_weight.py
	$(PY) bench/streaming.py
	$(PY) bench/versus.py

## The offline engine's figures on the question sets in tests/eval/ (per profile, overall).
eval: $(VENV)/.dev
	$(PY) tests/eval/run_offline.py
	@if [ -f tests/eval/run_visitor_type.py ]; then $(PY) tests/eval/run_visitor_type.py; fi

## Retake the README's screenshots (the browser tests write them to docs/screenshots/).
screenshots: $(VENV)/.dev
	@bash scripts/ensure-test-tools
	$(PY) -m pytest tests/browser/test_browser_screenshots.py

## The demo portfolio at http://127.0.0.1:8000/ embedding the chat from http://localhost:5000.
demo: $(VENV)/.runtime
	$(PY) examples/serve_demo.py

## The production image (Dockerfile); compose.yaml and docs/deploy.md run it.
docker:
	docker build -t portfolio-chatbot .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
