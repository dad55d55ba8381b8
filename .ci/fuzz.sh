#!/usr/bin/env bash
# Runs every fuzz target (func FuzzXxx in a _test.go file) one after the
# other: bash .ci/fuzz.sh FUZZTIME FUZZMINIMIZE [PARALLEL] (make fuzz).
# A failing input is written to the package's testdata/fuzz/FuzzXxx/ and
# stops the run.
#
# Go before 1.27 can end a -fuzztime run with a bare "context deadline
# exceeded" failure: its fuzz coordinator races its own deadline
# (go.dev/issue/75804), with no input at fault and none written. Such a run
# is started once more with as many executions as it had reached (-fuzztime
# Nx), a budget with no deadline to race; a failure that names an input, or
# of the second run, stops the run.
set -uo pipefail
fuzztime=${1:?usage: fuzz.sh FUZZTIME FUZZMINIMIZE [PARALLEL]}
minimize=${2:?usage: fuzz.sh FUZZTIME FUZZMINIMIZE [PARALLEL]}
parallel=${3:-}
go=${GO:-go}

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# run PKG NAME BUDGET: fuzzes one target, its output on stdout and in $log.
run() {
  local args=(test "$1" -run '^$' -fuzz "^$2\$" -fuzztime "$3" -fuzzminimizetime "$minimize")
  if [ -n "$parallel" ]; then args+=(-parallel "$parallel"); fi
  "$go" "${args[@]}" 2>&1 | tee "$log"
}

# deadline_only: the failure in $log is the coordinator's deadline alone.
deadline_only() {
  grep -q 'context deadline exceeded' "$log" &&
    ! grep -q -e 'Failing input written' -e 'panic:' -e '_test\.go:[0-9]' "$log"
}

for pkg in $("$go" list ./...); do
  for name in $("$go" test -list '^Fuzz' "$pkg" | grep '^Fuzz'); do
    echo "fuzz: $name in $pkg for $fuzztime"
    run "$pkg" "$name" "$fuzztime" && continue
    if deadline_only; then
      execs=$(grep -o 'execs: [0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$')
      if [ -z "$execs" ] || [ "$execs" -lt 1000 ]; then execs=1000; fi
      echo "fuzz: $name ended on the fuzz coordinator's deadline, not on an input (go.dev/issue/75804); running it again for ${execs} executions"
      run "$pkg" "$name" "${execs}x" && continue
    fi
    exit 1
  done
done
