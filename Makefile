# Two commands do everything on a fresh Debian/Ubuntu machine: `make run` and `make test`.
# Each installs what is missing (system packages, then .venv from constraints.txt) and skips
# what is already there, so a second run starts at once.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench screenshots clips lint setup system-deps clean

setup: $(STAMP)

system-deps:
	@scripts/ensure-system-deps.sh

# The venv is rebuilt only when the pins or the project metadata change. Build tools are
# installed from the same pins first, so nothing unpinned is fetched (no build isolation).
$(STAMP): pyproject.toml constraints.txt | system-deps
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -c constraints.txt pip hatchling editables
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-build-isolation \
		-c constraints.txt -e '.[test,clips]'
	@touch $(STAMP)

run: system-deps setup
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] || [ "$$(uname)" = Darwin ]; then \
		$(BIN)/ankledesk; \
	else \
		echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset): running the headless demo instead."; \
		$(BIN)/ankledesk demo; \
	fi

test: system-deps setup
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest -p no:cacheprovider

bench: system-deps setup
	$(BIN)/python bench/run.py

# Every screen, rendered under a virtual display into docs/screenshots/ (look at them after UI work).
screenshots: system-deps setup
	@if [ -n "$$DISPLAY" ]; then $(BIN)/python scripts/screenshots.py; \
	else xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python scripts/screenshots.py; fi

clips: system-deps setup
	$(BIN)/ankledesk clips render

lint: setup
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .hypothesis build dist
