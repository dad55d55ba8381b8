package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seslint/seslint/analyzer/engine"
	"github.com/seslint/seslint/analyzer/scan"
	expectfile "github.com/seslint/seslint/internal/expect"
)

var now = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// TestCorpusFindings generates a small repository and checks that seslint
// reports exactly the seeded mistakes the generator wrote down: rule,
// file, line and column, and a fragment of the message; and nothing else,
// so every clean policy of every format is clean.
func TestCorpusFindings(t *testing.T) {
	for _, seed := range []uint64{1, 7} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			dir := t.TempDir()
			if err := generate(dir, 200, seed); err != nil {
				t.Fatal(err)
			}
			want, err := expectfile.Read(filepath.Join(dir, "expected.txt"))
			if err != nil {
				t.Fatal(err)
			}
			if len(want) < 5 {
				t.Fatalf("only %d expected findings in 200 files", len(want))
			}
			eng, err := engine.New(context.Background(), engine.Options{})
			if err != nil {
				t.Fatal(err)
			}
			res, err := scan.Run(context.Background(), eng, []string{dir}, scan.Options{Now: now})
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range res.Notifications {
				t.Errorf("notification: %s: %s", n.Path, n.Message)
			}
			got := map[string][]string{}
			for _, f := range res.Findings {
				rel := strings.TrimPrefix(f.File.Path, filepath.ToSlash(dir)+"/")
				key := fmt.Sprintf("%s:%d:%d %s", rel, f.Region.Start.Line, f.Region.Start.Column, f.Rule.ID)
				got[key] = append(got[key], f.Message)
			}
			missing, unexpected := expectfile.Compare(want, got)
			for _, m := range missing {
				t.Errorf("missing: expected.txt %s", m)
			}
			for _, e := range unexpected {
				t.Errorf("unexpected %s", e)
			}
		})
	}
}

// TestDeterministic checks that a seed always writes the same repository,
// and another seed another one.
func TestDeterministic(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for _, d := range []struct {
		dir  string
		seed uint64
	}{{a, 3}, {b, 3}, {c, 4}} {
		if err := generate(d.dir, 120, d.seed); err != nil {
			t.Fatal(err)
		}
	}
	ma, _ := os.ReadFile(filepath.Join(a, "manifest.tsv"))
	mb, _ := os.ReadFile(filepath.Join(b, "manifest.tsv"))
	mc, _ := os.ReadFile(filepath.Join(c, "manifest.tsv"))
	if !bytes.Equal(ma, mb) {
		t.Fatal("the same seed wrote different manifests")
	}
	if bytes.Equal(ma, mc) {
		t.Fatal("different seeds wrote the same manifest")
	}
	lines := strings.Split(strings.TrimSpace(string(ma)), "\n")[1:]
	if len(lines) != 120 {
		t.Fatalf("%d files in the manifest, want 120", len(lines))
	}
	kinds := map[string]int{}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		kinds[f[1]]++
		ca, err := os.ReadFile(filepath.Join(a, filepath.FromSlash(f[0])))
		if err != nil {
			t.Fatal(err)
		}
		cb, _ := os.ReadFile(filepath.Join(b, filepath.FromSlash(f[0])))
		if !bytes.Equal(ca, cb) {
			t.Errorf("%s differs between two runs of the same seed", f[0])
		}
		if fmt.Sprint(len(ca)) != f[2] {
			t.Errorf("%s: %d bytes, manifest says %s", f[0], len(ca), f[2])
		}
		if len(ca) > 30<<10 {
			t.Errorf("%s: %d bytes, over 30 KB", f[0], len(ca))
		}
		if len(ca) < minSize && f[0] != "go.mod" {
			t.Errorf("%s: %d bytes, under %d", f[0], len(ca), minSize)
		}
	}
	for _, k := range []string{"cfn-yaml", "cfn-json", "tf", "tf-json", "plan-json", "policy-json", "noise-yaml", "noise-json", "go"} {
		if kinds[k] == 0 {
			t.Errorf("no %s file in 120 files (%v)", k, kinds)
		}
	}
}

// BenchmarkScan scans a generated 1,000-file repository (Go packages
// left out: see the CLI's --stats for their time), for profiling:
// go test -run '^$' -bench Scan -cpuprofile cpu.out ./analyzer/internal/gencorpus
func BenchmarkScan(b *testing.B) {
	dir := b.TempDir()
	if err := generate(dir, 1000, 1); err != nil {
		b.Fatal(err)
	}
	eng, err := engine.New(context.Background(), engine.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scan.Run(context.Background(), eng, []string{dir}, scan.Options{Now: now, NoGo: true}); err != nil {
			b.Fatal(err)
		}
	}
}
