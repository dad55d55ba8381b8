package scan_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seslint/seslint/analyzer/report"
	"github.com/seslint/seslint/analyzer/scan"
)

// fuzzNames are the file names the pipeline target gives its input: the
// name decides how it is read (every .json file alike: its content tells
// a policy, a template and a plan apart).
var fuzzNames = []string{"main.tf.json", "main.tf", "policy.json", "template.yaml", "stack.template"}

// maxFuzzInput bounds fuzz inputs: evaluation is the slow part, and a
// large input reaches no more code than a small one.
const maxFuzzInput = 16 << 10

// FuzzPipeline runs one file through what a scan does with it — text
// decoding, extraction by name and content, evaluation of every rule and
// the unit's relations and suppressions — and writes the report in every
// format: nothing panics, every span of the unit is inside the file, every
// finding is at a valid line and column of it, and no finding is too
// broken to write.
func FuzzPipeline(f *testing.F) {
	err := filepath.WalkDir("../../fixtures", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name := strings.ToLower(strings.ReplaceAll(filepath.Base(p), ".yml", ".yaml"))
		for i, n := range fuzzNames {
			if strings.HasSuffix(name, n[strings.Index(n, "."):]) {
				b, err := os.ReadFile(p)
				if err == nil && len(b) <= maxFuzzInput {
					f.Add(b, uint8(i))
				}
				return err
			}
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	eng := hostileEngine(f)
	opts := scan.Options{Now: fixtureNow, EvalTimeout: 30 * time.Second}
	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		if len(data) > maxFuzzInput {
			return
		}
		name := fuzzNames[int(kind)%len(fuzzNames)]
		unit, findings, notes, _ := scan.ProcessForTest(context.Background(), eng, name, data, opts)
		if unit == nil {
			return
		}
		if err := unit.CheckSpans(); err != nil {
			t.Fatal(err)
		}
		for _, n := range notes {
			t.Fatalf("notification %s: %s", n.Path, n.Message)
		}
		for _, fd := range findings {
			file := fd.File
			lines := file.Position(len(file.Content)).Line
			if file.Path != name {
				t.Fatalf("%s finding in %s, not in the file scanned", fd.Rule.ID, file.Path)
			}
			s, r := fd.Span, fd.Region
			if s.Start < 0 || s.End < s.Start || s.End > len(file.Content) {
				t.Fatalf("%s finding at span %v outside the file (%d bytes)", fd.Rule.ID, s, len(file.Content))
			}
			if r != file.Region(s) || r.Start.Line < 1 || r.Start.Line > lines || r.Start.Column < 1 ||
				r.End.Line < r.Start.Line || (r.End.Line == r.Start.Line && r.End.Column < r.Start.Column) {
				t.Fatalf("%s finding at %v (span %v) is no position of the file (%d lines)", fd.Rule.ID, r, s, lines)
			}
		}
		rep := &report.Report{Tool: report.Tool{Name: "seslint", Version: "0.0.0"}, Rules: eng.Rules(), Findings: findings}
		rep.LeaveOutBroken()
		for _, n := range rep.Notes {
			t.Fatalf("a finding cannot be written: %s: %s", n.Path, n.Message)
		}
		for _, write := range []func(io.Writer, *report.Report) error{report.WriteSARIF, report.WriteJSON, func(w io.Writer, r *report.Report) error {
			return report.WriteText(w, r, report.TextOptions{})
		}} {
			if err := write(io.Discard, rep); err != nil {
				t.Fatal(err)
			}
		}
	})
}
