# `make run` sets up .venv/ (torch's CPU wheel first) and opens the chat; `make test` runs the suite.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup run test lint bench index clean

$(BIN)/strikebot: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[test,bench]'
	touch $@

setup: $(BIN)/strikebot

run: setup
	$(BIN)/strikebot chat

index: setup
	$(BIN)/strikebot index build

test: setup
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check bot tests benchmarks
	$(BIN)/mypy

bench: setup
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) index/*/ tests/articles/*/index/
