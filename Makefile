# DL Practice Lab — every target sets up what it needs.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# The engine multiplies small matrices: BLAS threads only contend with the server's other
# sessions (and with pytest's workers) on a 2-core machine.
export OPENBLAS_NUM_THREADS ?= 1

.PHONY: run dev test lint bench bench-browser loadtest clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime $@

run: $(VENV)/.runtime  ## start the app on http://localhost:8501
	$(BIN)/streamlit run app.py --server.port $(PORT)

dev: $(VENV)/.runtime  ## the app, rerunning when a source file changes (the config turns watching off)
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.fileWatcherType auto --server.runOnSave true

# The browser tests (tests/e2e) need Debian's chromium and nginx; with REQUIRE_BROWSER=1 (CI) a
# missing one fails them instead of skipping. --dist loadgroup keeps each e2e module on one worker.
# The load test runs alone afterwards: it measures one server under ten sessions, not a server
# that shares the two cores with a second test worker.
test: $(VENV)/.dev  ## lint, then the whole test suite (browser, proxy, image and load tests included)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -n 2 --dist loadgroup --timeout 900 -p tests.e2e.report -m "not loadtest" $(PYTEST_ARGS)
	$(BIN)/python -m pytest --timeout 900 -p tests.e2e.report -m loadtest $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/hadolint Dockerfile

bench: $(VENV)/.dev  ## benchmarks (ratios against references run in the same process)
	$(BIN)/python -m bench

bench-browser: $(VENV)/.dev  ## slider -> chart latency per page in headless Chromium (p50, p95)
	$(BIN)/python -m bench.bench_browser $(BENCH_ARGS)

loadtest: $(VENV)/.dev  ## 10 browser sessions moving sliders for 60 s: errors, state leaks, p95
	$(BIN)/python -m bench.loadtest $(LOADTEST_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
