# The two commands of the README: `make run` and `make test`. Everything else is set-up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000
# The suite spreads over the machine's cores (pytest-xdist); PYTEST_ARGS=-n0 runs it in one process.
PYTEST_ARGS ?= -n auto

.PHONY: run test venv lint check clean messages

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	DEBUG=$${DEBUG:-1} $(PY) manage.py migrate --noinput
	DEBUG=$${DEBUG:-1} $(PY) manage.py load_demo
	DEBUG=$${DEBUG:-1} $(PY) manage.py runserver $(HOST)

test: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .

check: $(STAMP)
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .

# Regenerate and compile the translations (needs GNU gettext; the .mo files are committed).
messages: $(STAMP)
	$(PY) manage.py makemessages -l vi --no-obsolete -i tests -i benchmarks -i static -i staticfiles
	$(PY) manage.py compilemessages -l vi -i .venv

clean:
	rm -rf $(VENV) staticfiles
