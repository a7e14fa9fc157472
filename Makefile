# Two commands on a fresh machine: `make run` (set up, launch on the demo database)
# and `make test` (set up, run every test). Both create .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEMO_DB ?= demo.sqlite

.PHONY: setup run test bench bundle clean translations

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Learning Hub Planner needs Python 3.11 or newer; run: make PYTHON=python3.12 ...")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@

run: setup
	@test -f $(DEMO_DB) || $(BIN)/learninghub --db $(DEMO_DB) demo
	$(BIN)/learninghub --db $(DEMO_DB) gui

test: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: setup
	$(BIN)/python -m bench.seed_and_search
	$(BIN)/python -m bench.import_people
	$(BIN)/python -m bench.certificates_batch
	$(BIN)/python -m bench.certificates
	$(BIN)/python -m bench.export_backup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.gui_speed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.remote_latency
	$(BIN)/python -m bench.outcome_report
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.timetable_drag
	$(BIN)/python -m bench.evaluations
	$(BIN)/python -m bench.mail_send

# The one-folder app for people without Python (packaging/learninghub.spec): dist/learninghub/learninghub
# opens the window, `dist/learninghub/learninghub COMMAND` runs the command line. Then: python -m bench.bundle_start
bundle: $(VENV)/.bundle-installed
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/learninghub.spec
	@du -sh dist/learninghub

$(VENV)/.bundle-installed: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test,bundle,postgres]"
	@touch $@

# after adding or changing interface text: refresh resources/i18n/*.ts, then translate the new entries
translations: setup
	$(BIN)/python -m learninghub.gui.translations_update

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache build dist
