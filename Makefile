# Two commands: `make run` and `make test`. Both build .venv from nothing on a machine with only python3 (3.11+).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: install run test flake lint bench soak fuzz torch-reference clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed; set PYTHON=python3.11")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -e '.[test,train]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(PY) main.py

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# The files where worker threads meet the UI, N runs in a row (each a fresh process under its own time
# limit); reports every run that hangs, aborts or fails, with counts. `make flake N=200` for more.
N ?= 50
FLAKE_TESTS ?= tests/test_gui_training.py tests/test_gui_training_evaluation.py tests/test_gui_training_shutdown.py \
	tests/test_descent.py tests/test_sanity_view.py tests/test_gui_filters.py tests/test_gui_own_images.py \
	tests/test_gui_generative_train.py tests/test_debias_gui_training.py tests/test_debias_page.py
flake: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) .ci/flake.py --runs $(N) $(FLAKE_TESTS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache

# Optional PyTorch reference for the comparison tests and benchmarks; never a runtime dependency.
# Installs only when a CPU wheel of torch 2.13.0 is already on this machine (no multi-GB CUDA download).
torch-reference: $(STAMP)
	@if $(PY) -m pip install --quiet --no-index --no-deps torch==2.13.0 2>/dev/null; then \
		$(PY) -m pip install --quiet torch==2.13.0 && echo "torch reference installed"; \
	else echo "no local torch 2.13.0 wheel: torch comparisons will be skipped"; fi

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run_all.py

# The full-count robustness runs (make test runs small counts of both): 2,000 random GUI actions, and
# 10,000 mutated files for each of the model, image and IDX readers.
soak: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/soak.py --actions 2000

fuzz: $(STAMP)
	$(PY) benchmarks/fuzz.py --count 10000

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
