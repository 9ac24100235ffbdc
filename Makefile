# Two commands do everything on a fresh Debian/Ubuntu machine: `make run` and `make test`.
# Each installs what is missing (system packages, then .venv from constraints.txt) and skips
# what is already there, so a second run starts at once.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench screenshots clips lint setup system-deps clean desktop-entry

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
		echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset): running the app's demo on a virtual display."; \
		$(BIN)/ankledesk demo; \
	fi

# Only when asked: a menu entry and icons for this checkout's AnkleDesk, in your own folders.
APPS  ?= $(HOME)/.local/share/applications
ICONS ?= $(HOME)/.local/share/icons/hicolor
desktop-entry: setup
	@mkdir -p $(APPS) $(ICONS)/scalable/apps
	@sed "s|^Exec=.*|Exec=$(abspath $(BIN))/ankledesk-gui|" resources/ankledesk.desktop > $(APPS)/ankledesk.desktop
	@cp resources/icons/ankledesk.svg $(ICONS)/scalable/apps/ankledesk.svg
	@for s in 16 24 32 48 64 128 256 512; do \
		mkdir -p $(ICONS)/$${s}x$${s}/apps; \
		cp resources/icons/ankledesk-$$s.png $(ICONS)/$${s}x$${s}/apps/ankledesk.png; \
	done
	@echo "Installed $(APPS)/ankledesk.desktop and the AnkleDesk icon."

test: system-deps setup
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy --strict
	$(BIN)/python -m pytest -p no:cacheprovider

bench: system-deps setup
	$(BIN)/python bench/run.py

# Every screen, rendered under a virtual display into docs/screenshots/ (look at them after UI work).
screenshots: system-deps setup
	@for script in scripts/screenshots.py scripts/screenshots_build.py scripts/history_screenshots.py; do \
		if [ -n "$$DISPLAY" ]; then $(BIN)/python $$script || exit 1; \
		else xvfb-run -a -s "-screen 0 1920x1080x24" $(BIN)/python $$script || exit 1; fi; \
	done

clips: system-deps setup
	$(BIN)/ankledesk clips render

lint: setup
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy --strict
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .hypothesis build dist
