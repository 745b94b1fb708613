# HIT Trainer: every set-up step lives here, so a fresh clone needs only
# `make serve` or `make test`. Each target first installs what is missing,
# at pinned versions.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p;q}' Cargo.lock)
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
# wasm-opt for release builds comes from the pinned npm package binaryen.
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
LOGS := target/test-logs

.PHONY: help tools serve dev build size bench test test-native test-browser test-e2e clean

help:
	@echo "make serve   build the release app and serve it on http://127.0.0.1:8080"
	@echo "make dev     serve a debug build that rebuilds on change"
	@echo "make test    every test suite: native, browser (wasm) and end-to-end"
	@echo "make build   release build into dist/"
	@echo "make size    wasm and js sizes, raw and gzip"
	@echo "make bench   code data size, load and search timings, native and in Chromium"

# ---------- tools ----------

tools: .tools/wasm-target .tools/trunk .tools/wasm-bindgen .tools/chromium node_modules/.installed

.tools/wasm-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@mkdir -p .tools && touch $@

.tools/trunk: Makefile
	@trunk --version 2>/dev/null | grep -qx "trunk $(TRUNK_VERSION)" || cargo install trunk --version $(TRUNK_VERSION) --locked
	@mkdir -p .tools && touch $@

.tools/wasm-bindgen: Cargo.lock Trunk.toml
	@test -n "$(WASM_BINDGEN_VERSION)" || { echo "wasm-bindgen not found in Cargo.lock" >&2; exit 1; }
	@grep -q '^wasm_bindgen = "$(WASM_BINDGEN_VERSION)"' Trunk.toml || { echo "Trunk.toml [tools] wasm_bindgen must be $(WASM_BINDGEN_VERSION), the Cargo.lock version" >&2; exit 1; }
	@wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)" || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@mkdir -p .tools && touch $@

.tools/chromium:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
		$(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium chromium-driver; \
	fi
	@mkdir -p .tools && touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# ---------- build and serve ----------

serve: tools
	trunk serve --release

dev: tools
	trunk serve

build: tools
	trunk build --release

size: build
	@printf '%-40s %12s %12s\n' file raw gzip
	@for f in dist/*.wasm dist/*.js dist/*.css; do \
		printf '%-40s %12s %12s\n' "$$(basename $$f)" "$$(stat -c %s $$f)" "$$(gzip -9 -c $$f | wc -c)"; \
	done

# Figures, not pass/fail: see README "Benchmarks".
bench: build node_modules/.installed
	cargo bench -q -p hit-cli --bench codes --bench charts --bench grouper --bench storage
	@echo
	CHROMEDRIVER=$$(command -v chromedriver) cargo test --release -p hit-trainer --target wasm32-unknown-unknown \
		--features bench --test bench_codes --test bench_charts --test bench_storage -- --nocapture 2>&1 | grep -E '^BENCH|test result' | sed 's/^BENCH //'
	@echo
	node tests/bench-app-load.mjs

# ---------- tests ----------

# Every suite writes a log; tests/summary.sh fails the run if any suite ran
# no test, and prints the closing "N passed, N failed" line.
test: tools
	@rm -rf $(LOGS) && mkdir -p $(LOGS)
	$(MAKE) --no-print-directory test-native test-browser test-e2e
	@bash tests/summary.sh $(LOGS)

test-native:
	@mkdir -p $(LOGS)
	bash tests/core-boundary.sh
	cargo test -p hit-core -p hit-cli 2>&1 | tee $(LOGS)/native.log
	cargo run -q -p hit-cli -- content check

test-browser: .tools/wasm-target .tools/wasm-bindgen .tools/chromium
	@mkdir -p $(LOGS)
	CHROMEDRIVER=$$(command -v chromedriver) cargo test -p hit-trainer --target wasm32-unknown-unknown 2>&1 | tee $(LOGS)/browser.log

test-e2e: build node_modules/.installed
	@mkdir -p $(LOGS)
	cargo build -q -p hit-cli
	node --test --test-reporter=spec --test-concurrency=1 tests/e2e/ 2>&1 | tee $(LOGS)/e2e.log

clean:
	cargo clean
	rm -rf dist node_modules .tools
