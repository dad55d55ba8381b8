package scan_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/seslint/seslint/analyzer/engine"
	"github.com/seslint/seslint/analyzer/scan"
	"github.com/seslint/seslint/internal/expect"
)

// fixtureNow is the evaluation time of every fixture, so the time-window
// rules give the same answer every day.
var fixtureNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func newEngine(t testing.TB) *engine.Engine {
	t.Helper()
	eng, err := engine.New(context.Background(), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return eng
}

// TestFixtures scans every fixture directory — fixtures/policy/<RULE>
// (plain policy JSON) and fixtures/cloudformation/<RULE> (YAML and JSON
// templates), each with bad and good files — and checks that the findings
// are exactly those listed in its expected.txt: rule, file, line and
// column, and a fragment of the message.
func TestFixtures(t *testing.T) {
	eng := newEngine(t)
	var dirs []string
	for _, format := range []string{"policy", "cloudformation", "terraform"} {
		found, err := filepath.Glob("../../fixtures/" + format + "/*")
		if err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, found...)
	}
	if len(dirs) == 0 {
		t.Fatal("no fixture directories")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(filepath.Dir(dir))+"/"+filepath.Base(dir), func(t *testing.T) {
			want, err := expect.Read(filepath.Join(dir, "expected.txt"))
			if err != nil {
				t.Fatal(err)
			}
			res, err := scan.Run(context.Background(), eng, []string{dir}, scan.Options{Now: fixtureNow})
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range res.Notifications {
				t.Errorf("notification: %s: %s", n.Path, n.Message)
			}
			got := map[string][]string{}
			for _, f := range res.Findings {
				if f.Suppressed {
					continue // asserted by TestSuppression
				}
				rel, _ := filepath.Rel(filepath.ToSlash(dir), f.File.Path)
				key := fmt.Sprintf("%s:%d:%d %s", rel, f.Region.Start.Line, f.Region.Start.Column, f.Rule.ID)
				got[key] = append(got[key], f.Message)
			}
			missing, unexpected := expect.Compare(want, got)
			for _, m := range missing {
				t.Errorf("expected.txt %s", m)
			}
			for _, x := range unexpected {
				t.Errorf("unexpected finding: %s", x)
			}
		})
	}
}
