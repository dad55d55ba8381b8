package main

import (
	"regexp"
	"strings"
	"testing"
)

// TestStats: --stats prints every stage with what it handled, on standard
// error, and leaves the report as it is.
func TestStats(t *testing.T) {
	code, plain, _ := runAt(t, fixedNow, "fixtures/examples")
	code2, out, stderr := runAt(t, fixedNow, "--stats", "fixtures/examples")
	if code != code2 || plain != out {
		t.Errorf("--stats changed the report or the exit code (%d, %d)", code, code2)
	}
	for _, want := range []string{
		`(?m)^seslint stats: +[0-9.]+s wall, [0-9]+ workers`,
		`(?m)^  rules +[0-9.]+s  rule set compiled$`,
		`(?m)^  walk +[0-9.]+s  5 files to read$`,
		`(?m)^  read +[0-9.]+s  0\.0 MB$`,
		`(?m)^  parse +[0-9.]+s  0 files not parsed`,
		`(?m)^  extract +[0-9.]+s  5 deployment units$`,
		// 6 documents and the one unit with something to relate (the SAM
		// template: a user and its policies).
		`(?m)^  evaluate +[0-9.]+s  7 queries, [0-9]+ answered from the cache`,
		`(?m)^  go +[0-9.]+s  0 packages`,
		`(?m)^  report +[0-9.]+s$`,
	} {
		if !regexp.MustCompile(want).MatchString(stderr) {
			t.Errorf("no line matching %s in\n%s", want, stderr)
		}
	}
	if strings.Contains(out, "seslint stats") {
		t.Error("--stats wrote to standard output")
	}
}
