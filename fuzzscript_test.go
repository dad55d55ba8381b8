package seslint_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// fakeGo is a go command for .ci/fuzz.sh: one package with one fuzz
// target, whose runs print, in turn, the outputs listed in $FAKE_RUNS
// (separated by "|"; a run whose output holds FAIL exits 1). It counts its
// fuzzing runs in $FAKE_COUNT and appends each run's -fuzztime to
// $FAKE_COUNT.budgets.
const fakeGo = `#!/usr/bin/env bash
case "$1 $2" in
"list ./...") echo example.com/p ;;
"test -list") echo FuzzX; echo ok ;;
"test example.com/p")
  n=$(cat "$FAKE_COUNT" 2>/dev/null || echo 0)
  echo $((n + 1)) > "$FAKE_COUNT"
  for ((i = 1; i <= $#; i++)); do
    if [ "${!i}" = -fuzztime ]; then j=$((i + 1)); echo "${!j}" >> "$FAKE_COUNT.budgets"; fi
  done
  IFS='|' read -r -a runs <<< "$FAKE_RUNS"
  out=${runs[$n]}
  printf '%b\n' "$out"
  case "$out" in *FAIL*) exit 1 ;; esac ;;
esac
`

// TestFuzzScriptRetriesOnlyTheDeadlineFlake: make fuzz runs a target
// again when Go's fuzz coordinator failed it on its own -fuzztime deadline
// (no input at fault), once; a failing input, or a second deadline
// failure, fails the run.
func TestFuzzScriptRetriesOnlyTheDeadlineFlake(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed")
	}
	deadline := `fuzz: elapsed: 5s, execs: 52777 (11042/sec), new interesting: 1 (total: 496)\n--- FAIL: FuzzX (5.10s)\n    context deadline exceeded\nFAIL`
	crasher := `--- FAIL: FuzzX (2.30s)\n    fuzz_test.go:200: span past the end\n    Failing input written to testdata/fuzz/FuzzX/98f6b44ded91d849\nFAIL`
	for _, c := range []struct {
		name, runs string
		ok         bool
		budgets    string
		says       string
	}{
		{"clean", "PASS", true, "5s", ""},
		{"deadline once", deadline + "|PASS", true, "5s 52777x", "ended on the fuzz coordinator's deadline, not on an input"},
		{"deadline twice", deadline + "|" + deadline, false, "5s 52777x", "running it again for 52777 executions"},
		{"failing input", crasher + "|PASS", false, "5s", "Failing input written"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			goCmd := filepath.Join(dir, "go")
			if err := os.WriteFile(goCmd, []byte(fakeGo), 0o755); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(bash, ".ci/fuzz.sh", "5s", "1s")
			cmd.Env = append(os.Environ(), "GO="+goCmd, "FAKE_RUNS="+c.runs, "FAKE_COUNT="+filepath.Join(dir, "count"))
			out, err := cmd.CombinedOutput()
			if (err == nil) != c.ok {
				t.Errorf("exit error %v, want success %v:\n%s", err, c.ok, out)
			}
			b, _ := os.ReadFile(filepath.Join(dir, "count.budgets"))
			if got := strings.Join(strings.Fields(string(b)), " "); got != c.budgets {
				t.Errorf("fuzzing runs with -fuzztime %q, want %q:\n%s", got, c.budgets, out)
			}
			if !strings.Contains(string(out), c.says) {
				t.Errorf("output does not say %q:\n%s", c.says, out)
			}
		})
	}
}
