# seslint — make test runs everything CI runs (but actionlint): Go vet and
# tests (the Rego unit tests, opa fmt and opa check --strict run inside
# go test), gofmt, the catalog and rule-doc freshness checks, and SARIF
# validation of every fixture's output against SARIF 2.1.0 and GitHub's
# ingestion rules.

GO      ?= go
SHARED  ?= ../shared
SARIF_DIR := $(or $(TMPDIR),/tmp)/seslint-sarif

.PHONY: all build test gotest lint sarif-check generate bench fuzz clean

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

# Writes the SARIF of every fixture directory, and of a scan where one file
# hit an internal error (toolExecutionNotifications), and validates them
# with the SARIF Multitool (installed from npm on first use by the shared
# script).
sarif-check:
	@if [ ! -x $(SHARED)/tools/sarif-validate ]; then \
	  echo "sarif-check: $(SHARED)/tools/sarif-validate not found; skipping SARIF validation"; exit 0; fi; \
	rm -rf $(SARIF_DIR) && mkdir -p $(SARIF_DIR) && \
	$(GO) build -o $(SARIF_DIR)/seslint ./cmd/seslint && \
	for d in fixtures/examples fixtures/policy/*/ fixtures/cloudformation/*/; do \
	  name=$$(echo $$d | tr '/' '_' | sed 's/_$$//'); \
	  $(SARIF_DIR)/seslint -q --now 2026-06-01T00:00:00Z --fail-on none -f sarif -o $(SARIF_DIR)/$$name.sarif $$d || exit 1; \
	done && \
	$(GO) test ./cmd/seslint -run '^TestInternalErrorInEveryFormat$$' -args -internal-error-sarif=$(SARIF_DIR)/internal-error.sarif >/dev/null && \
	$(SHARED)/tools/sarif-validate $(SARIF_DIR)/*.sarif

# Regenerates rego/seslint/catalog/data.json from the shared catalog.
generate:
	$(GO) generate ./rego

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./analyzer/...

# Runs every fuzz target (func FuzzXxx in a _test.go file) one after the
# other, each for FUZZTIME; a failing input is written to the package's
# testdata/fuzz/FuzzXxx/ and stops the run. FUZZPARALLEL sets the number
# of fuzzing workers (default: GOMAXPROCS). New interesting inputs are
# minimized for at most FUZZMINIMIZE, so the time goes to fuzzing.
FUZZTIME     ?= 30s
FUZZMINIMIZE ?= 3s
FUZZPARALLEL ?=
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for name in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz: $$name in $$pkg for $(FUZZTIME)"; \
	    $(GO) test $$pkg -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) \
	      $(if $(FUZZPARALLEL),-parallel $(FUZZPARALLEL)) || exit 1; \
	  done; \
	done

clean:
	rm -rf $(SARIF_DIR)
