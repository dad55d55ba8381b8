# seslint — make test runs everything CI runs: Go vet and tests (the Rego
# unit tests, opa fmt and opa check --strict run inside go test), gofmt,
# the catalog and rule-doc freshness checks, the GitHub Action's steps run
# locally, actionlint and shellcheck on the workflows, action.yml and CI
# scripts, the pre-commit hook end to end, and SARIF validation of every
# fixture's output against SARIF 2.1.0 and GitHub's ingestion rules.
# The checks that need actionlint, shellcheck or pre-commit skip when the
# tool is missing, except with CI=true; .ci/run installs them.

GO      ?= go
SHARED  ?= ../shared
SARIF_DIR := $(or $(TMPDIR),/tmp)/seslint-sarif

.PHONY: all build test gotest lint sarif-check generate docs bench bench-micro fuzz clean

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

# Writes the SARIF of every fixture tree (one report per source format, and
# the example repository), and of a scan where one file hit an internal
# error (toolExecutionNotifications), and validates them with the SARIF
# Multitool (installed from npm on first use by the shared script). One
# report per tree rather than per rule: the validator starts a process per
# file.
sarif-check:
	@if [ ! -x $(SHARED)/tools/sarif-validate ]; then \
	  echo "sarif-check: $(SHARED)/tools/sarif-validate not found; skipping SARIF validation"; exit 0; fi; \
	rm -rf $(SARIF_DIR) && mkdir -p $(SARIF_DIR) && \
	$(GO) build -o $(SARIF_DIR)/seslint ./cmd/seslint && \
	for d in fixtures/examples fixtures/policy fixtures/cloudformation fixtures/terraform fixtures/go; do \
	  name=$$(echo $$d | tr '/' '_'); \
	  $(SARIF_DIR)/seslint -q --now 2026-06-01T00:00:00Z --fail-on none -f sarif -o $(SARIF_DIR)/$$name.sarif $$d || exit 1; \
	done && \
	$(GO) test ./cmd/seslint -run '^TestInternalErrorInEveryFormat$$' -args -internal-error-sarif=$(SARIF_DIR)/internal-error.sarif >/dev/null && \
	$(SHARED)/tools/sarif-validate $(SARIF_DIR)/*.sarif

# Regenerates rego/seslint/catalog/data.json from the shared catalog.
generate:
	$(GO) generate ./rego

# Rewrites docs/rules (a page per rule and the index) from the rules'
# metadata; go test fails while they differ.
docs:
	$(GO) test ./cmd/seslint -run 'TestRuleDocsUpToDate' -update

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

# Runs every fuzz target (func FuzzXxx in a _test.go file) one after the
# other, each for FUZZTIME (.ci/fuzz.sh); a failing input is written to the
# package's testdata/fuzz/FuzzXxx/ and stops the run. FUZZPARALLEL sets the
# number of fuzzing workers (default: GOMAXPROCS). New interesting inputs
# are minimized for at most FUZZMINIMIZE, so the time goes to fuzzing.
FUZZTIME     ?= 30s
FUZZMINIMIZE ?= 3s
FUZZPARALLEL ?=
fuzz:
	GO=$(GO) bash .ci/fuzz.sh $(FUZZTIME) $(FUZZMINIMIZE) $(FUZZPARALLEL)

clean:
	rm -rf $(SARIF_DIR)
