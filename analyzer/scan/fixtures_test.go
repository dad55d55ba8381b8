package scan_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/seslint/seslint/analyzer/engine"
	"github.com/seslint/seslint/analyzer/scan"
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

// expectation is one line of a fixture directory's expected.txt:
// `file:line:column RULE message fragment`.
type expectation struct {
	key      string // file:line:column RULE
	fragment string
	line     int // in expected.txt
}

func readExpected(t *testing.T, path string) []expectation {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []expectation
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.SplitN(line, " ", 3)
		if len(fields) < 2 {
			t.Fatalf("%s:%d: want `file:line:column RULE message fragment`", path, n)
		}
		e := expectation{key: fields[0] + " " + fields[1], line: n}
		if len(fields) == 3 {
			e.fragment = fields[2]
		}
		out = append(out, e)
	}
	return out
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
			want := readExpected(t, filepath.Join(dir, "expected.txt"))
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
			for _, e := range want {
				msgs := got[e.key]
				i := -1
				for j, m := range msgs {
					if strings.Contains(m, e.fragment) {
						i = j
						break
					}
				}
				if i < 0 {
					t.Errorf("expected.txt:%d: missing %s %q (at that place: %q)", e.line, e.key, e.fragment, msgs)
					continue
				}
				got[e.key] = append(msgs[:i], msgs[i+1:]...)
			}
			var extra []string
			for k, msgs := range got {
				for _, m := range msgs {
					extra = append(extra, fmt.Sprintf("%s %s", k, m))
				}
			}
			sort.Strings(extra)
			for _, x := range extra {
				t.Errorf("unexpected finding: %s", x)
			}
		})
	}
}
