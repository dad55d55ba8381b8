package scan

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/seslint/seslint/analyzer/engine"
	"github.com/seslint/seslint/analyzer/policy"
	"github.com/seslint/seslint/analyzer/source/terraform"
)

// fuzzNames are the file names the pipeline target gives its input: the
// name decides how it is read (every .json file alike: its content tells
// a policy, a template and a plan apart).
var fuzzNames = []string{"main.tf.json", "main.tf", "policy.json", "template.yaml", "stack.template"}

// maxFuzzInput bounds fuzz inputs: evaluation is the slow part, and a
// large input reaches no more code than a small one.
const maxFuzzInput = 16 << 10

var fuzzEngine = sync.OnceValues(func() (*engine.Engine, error) {
	return engine.New(context.Background(), engine.Options{})
})

// FuzzPipeline runs one file through what a scan does with it — text
// decoding, extraction by name and content, evaluation of every rule and
// the unit's relations and suppressions — and checks that nothing panics
// and every finding is at a valid line and column of the file.
func FuzzPipeline(f *testing.F) {
	err := filepath.WalkDir("../../fixtures", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !candidate(p) {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil || len(b) > maxFuzzInput {
			return err
		}
		name := strings.ToLower(strings.ReplaceAll(filepath.Base(p), ".yml", ".yaml"))
		for i, n := range fuzzNames {
			if strings.HasSuffix(name, n[strings.Index(n, "."):]) {
				f.Add(b, uint8(i))
				break
			}
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	eng, err := fuzzEngine()
	if err != nil {
		f.Fatal(err)
	}
	opts := Options{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), EvalTimeout: 30 * time.Second}
	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		if len(data) > maxFuzzInput {
			return
		}
		text, binaryAt := asText(data)
		if binaryAt >= 0 {
			return
		}
		file := policy.NewFile(fuzzNames[int(kind)%len(fuzzNames)], text)
		var unit *policy.Unit
		if isTerraform(file.Path) {
			unit = terraform.LoadModule(".", []*policy.File{file})
		} else {
			unit = extract(file, opts)
		}
		if unit == nil {
			return
		}
		if err := unit.CheckSpans(); err != nil {
			t.Fatal(err)
		}
		if len(unit.Documents) == 0 {
			return
		}
		findings, notes := evaluate(context.Background(), eng, unit, opts)
		for _, n := range notes {
			t.Fatalf("notification %s: %s", n.Path, n.Message)
		}
		lines := file.Position(len(file.Content)).Line
		for _, fd := range findings {
			if fd.File != file {
				t.Fatalf("%s finding in %s, not in the file scanned", fd.Rule.ID, fd.File.Path)
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
	})
}
