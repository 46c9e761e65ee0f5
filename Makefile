# duban: make run (build and open the dashboard), make test (every test, unit and end-to-end).
SHELL   := /bin/bash
SWIFT   ?= swift
PREFIX  ?= /usr/local
BIN     := .build/debug/duban
SOURCES := Package.swift Sources Tests

# Release binaries carry the Swift runtime inside: no /opt/swift libraries needed where
# duban is installed, and only the runtime code duban uses is ever loaded (a third less
# memory per process).
STATIC = --static-swift-stdlib

.PHONY: all deps build run test fuzz bench install uninstall format lint generate clean

all: build

deps:
	@Scripts/ensure-deps.sh

build: deps
	$(SWIFT) build

# Opens the dashboard on the default store; the first run imports the embedded 2019 plan.
run: build
	$(BIN) $(ARGS)

# Unit tests, rendered-screen tests, and end-to-end tests that drive the real binary (tmux),
# then the end-to-end tests again on the release binary `make install` installs (a difference
# between the two builds fails). Ends with a plain "N passed, N failed" line summed over both
# runs from XCTest's summaries; exits non-zero if either run failed.
RELEASE_BIN := $(CURDIR)/.build/release/duban
test:
	@Scripts/ensure-deps.sh --test
	$(SWIFT) build --build-tests
	$(SWIFT) build -c release --product duban $(STATIC)
	$(SWIFT) build -c release --product duban-office $(STATIC)
	@set -o pipefail; \
	  env -u DUBAN_BIN $(SWIFT) test --disable-swift-testing 2>&1 | tee .build/test.log; status=$$?; \
	  echo "== end-to-end tests on the release binary ($(RELEASE_BIN))"; \
	  DUBAN_BIN=$(RELEASE_BIN) $(SWIFT) test --skip-build --disable-swift-testing --filter EndToEndTests 2>&1 \
	    | tee .build/test-release.log || status=1; \
	  passed=0; failed=0; \
	  for log in .build/test.log .build/test-release.log; do \
	    summary=$$(grep -E "^[[:space:]]*Executed [0-9]+ tests?, with [0-9]+ failures?" $$log | tail -1); \
	    if [ -z "$$summary" ]; then echo "$$log: no XCTest summary"; status=1; continue; fi; \
	    total=$$(echo "$$summary" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/'); \
	    fails=$$(echo "$$summary" | sed -E 's/.*with ([0-9]+) failures?.*/\1/'); \
	    passed=$$((passed + total - fails)); failed=$$((failed + fails)); \
	  done; \
	  echo "tests: $$passed passed, $$failed failed"; exit $$status

# A long fuzz run over generated and mutated documents and stores (make test runs a few hundred).
FUZZ_COUNT ?= 5000
fuzz: deps
	DUBAN_FUZZ_COUNT=$(FUZZ_COUNT) DUBAN_FUZZ_SEED=$${DUBAN_FUZZ_SEED:-$$RANDOM} $(SWIFT) test --disable-swift-testing --filter FuzzTests

# Speed and memory at 1,000, 10,000 and 100,000 items, beside taskwarrior (installed if
# missing). Medians over runs; BENCH_ARGS="--sizes 1000,10000 --runs 3" for a shorter run.
bench: deps
	@for p in task:taskwarrior /usr/bin/time:time; do command -v $${p%%:*} >/dev/null 2>&1 || { [ "$$(id -u)" -eq 0 ] && apt-get install -y -qq $${p##*:} >/dev/null; } || echo "missing: sudo apt-get install $${p##*:}"; done
	$(SWIFT) build -c release --product duban-bench
	$(SWIFT) build -c release --product duban $(STATIC)
	.build/release/duban-bench --duban .build/release/duban $(BENCH_ARGS)

install: deps
	$(SWIFT) build -c release --product duban $(STATIC)
	$(SWIFT) build -c release --product duban-office $(STATIC)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/duban
	install -m 755 .build/release/duban $(DESTDIR)$(PREFIX)/bin/duban
	# Office files (.docx .xlsx .html .pdf .doc) are read by this helper, beside duban.
	install -m 755 .build/release/duban-office $(DESTDIR)$(PREFIX)/bin/duban-office
	install -m 644 Resources/*.txt $(DESTDIR)$(PREFIX)/share/duban/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/duban $(DESTDIR)$(PREFIX)/bin/duban-office
	rm -rf $(DESTDIR)$(PREFIX)/share/duban

format:
	$(SWIFT) format --in-place --recursive $(SOURCES)

lint:
	$(SWIFT) format lint --recursive $(SOURCES)

# The display-width table, from the Unicode data pinned in Scripts/unicode/ (see its README),
# and the store's types, readers and writers, from Scripts/store-schema.json.
# WidthTableTests fails when the checked-in table and that data disagree; StoreJSONTests when
# the store's generated file is not what the schema generates.
WIDTH_TABLE := Sources/DubanCore/Text/WidthTable.swift
STORE_JSON  := Sources/DubanCore/Store/StoreJSON+Generated.swift
generate:
	python3 Scripts/gen-width-table.py > $(WIDTH_TABLE).tmp && mv $(WIDTH_TABLE).tmp $(WIDTH_TABLE)
	python3 Scripts/gen-store-json.py > $(STORE_JSON).tmp && mv $(STORE_JSON).tmp $(STORE_JSON)

clean:
	rm -rf .build
