package scan_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seslint/seslint/analyzer/scan"
)

const realworld = "../../../shared/corpus/realworld"

// TestRealworldJSON scans every .json file of the shared corpus of real
// public files: no file may fail, and only files that are not valid JSON
// may get SES101.
func TestRealworldJSON(t *testing.T) {
	if _, err := os.Stat(realworld); err != nil {
		t.Skipf("%s is not beside this checkout; skipping the real-world corpus", realworld)
	}
	var files []string
	err := filepath.WalkDir(realworld, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 20 {
		t.Fatalf("only %d JSON files in the corpus", len(files))
	}
	res, err := scan.Run(context.Background(), newEngine(t), files, scan.Options{Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range res.Notifications {
		t.Errorf("%s: %s", n.Path, n.Message)
	}
	if res.Files != len(files) {
		t.Errorf("read %d of %d files", res.Files, len(files))
	}
	for _, f := range res.Findings {
		if f.Rule.ID != "SES101" {
			continue
		}
		content, err := os.ReadFile(f.File.Path)
		if err != nil {
			t.Fatal(err)
		}
		if json.Valid(content) {
			t.Errorf("%s:%d:%d: SES101 on valid JSON: %s", f.File.Path, f.Region.Start.Line, f.Region.Start.Column, f.Message)
		}
	}
	t.Logf("%d files, %d policy documents, %d findings", res.Files, res.Documents, len(res.Findings))
}
