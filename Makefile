# `make run` serves the desk with a demo tenant on SQLite; `make test` runs the whole suite.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
PYTHON ?= python3

.PHONY: install run test lint bench clean

install: $(STAMP)

$(STAMP): pyproject.toml scripts/system-deps.sh
	@bash scripts/system-deps.sh
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: install
	$(VENV)/bin/erp demo
	$(VENV)/bin/erp serve --host 127.0.0.1 --port 8000

test: install
	$(VENV)/bin/ruff check .
	$(PY) -m pytest -n 2 --dist loadfile

lint: install
	$(VENV)/bin/ruff check .

bench: install
	$(PY) bench.py --db sqlite --workload all --scale small

clean:
	rm -rf $(VENV) data
