# seslint — make test runs everything CI runs (but actionlint): Go vet and
# tests (the Rego unit tests, opa fmt and opa check --strict run inside
# go test), gofmt, the catalog and rule-doc freshness checks, and SARIF
# validation of every fixture's output against SARIF 2.1.0 and GitHub's
# ingestion rules.

GO      ?= go
SHARED  ?= ../shared
SARIF_DIR := $(or $(TMPDIR),/tmp)/seslint-sarif

.PHONY: all build test gotest lint sarif-check generate bench bench-micro clean

all: build test

build:
	$(GO) build ./...

test: lint gotest sarif-check

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

gotest:
	$(GO) test ./...

# Writes the SARIF of every fixture directory and validates it with the
# SARIF Multitool (installed from npm on first use by the shared script).
sarif-check:
	@if [ ! -x $(SHARED)/tools/sarif-validate ]; then \
	  echo "sarif-check: $(SHARED)/tools/sarif-validate not found; skipping SARIF validation"; exit 0; fi; \
	rm -rf $(SARIF_DIR) && mkdir -p $(SARIF_DIR) && \
	$(GO) build -o $(SARIF_DIR)/seslint ./cmd/seslint && \
	for d in fixtures/examples fixtures/policy/*/ fixtures/cloudformation/*/; do \
	  name=$$(echo $$d | tr '/' '_' | sed 's/_$$//'); \
	  $(SARIF_DIR)/seslint -q --now 2026-06-01T00:00:00Z --fail-on none -f sarif -o $(SARIF_DIR)/$$name.sarif $$d || exit 1; \
	done && \
	$(SHARED)/tools/sarif-validate $(SARIF_DIR)/*.sarif

# Regenerates rego/seslint/catalog/data.json from the shared catalog.
generate:
	$(GO) generate ./rego

# make bench: generates 1,000- and 10,000-file repositories in a temporary
# directory and times seslint against the parse-only floor and conftest
# (installed there by go install), then runs the Go micro-benchmarks.
# BENCH_FLAGS go to the macro benchmark (-sizes 1000 -runs 5 -keep ...).
# The micro-benchmarks' output is saved for benchstat:
#   make bench-micro BENCH_OUT=old.txt; ...; make bench-micro BENCH_OUT=new.txt
#   benchstat old.txt new.txt
BENCH_FLAGS ?=
BENCH_OUT   ?= $(or $(TMPDIR),/tmp)/seslint-bench.txt
BENCH_COUNT ?= 5

bench:
	$(GO) run ./analyzer/internal/bench $(BENCH_FLAGS)
	$(MAKE) bench-micro

bench-micro:
	$(GO) test -run '^$$' -bench . -benchmem -count $(BENCH_COUNT) ./analyzer/... | tee $(BENCH_OUT)

clean:
	rm -rf $(SARIF_DIR)
