package cfn

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seslint/seslint/analyzer/policy"
)

// maxFuzzInput bounds fuzz inputs (templates are parsed in linear time;
// larger inputs only run slower).
const maxFuzzInput = 64 << 10

// FuzzTemplate: a YAML or JSON template, whatever it holds, is parsed or
// reported without a panic, and every span of its deployment unit —
// documents, their decoded trees and errors, principals, identities,
// suppressions — lies inside the file.
func FuzzTemplate(f *testing.F) {
	err := filepath.WalkDir("../../../fixtures", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		isJSON := strings.HasSuffix(p, ".json")
		if !isJSON && !strings.HasSuffix(p, ".yaml") && !strings.HasSuffix(p, ".yml") && !strings.HasSuffix(p, ".template") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err == nil && Sniff(b) {
			f.Add(b, isJSON)
		}
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, isJSON bool) {
		if len(data) > maxFuzzInput {
			return
		}
		file := policy.NewFile("template", data)
		var tmpl *Template
		if isJSON {
			tmpl = FromJSON(file, policy.DecodeJSON(data, nil))
		} else {
			var derr *policy.DecodeError
			tmpl, derr = ParseYAML(file)
			if derr != nil {
				doc := &policy.Document{File: file, Decoded: &policy.Decoded{Errors: []*policy.DecodeError{derr}}}
				if err := (&policy.Unit{Documents: []*policy.Document{doc}}).CheckSpans(); err != nil {
					t.Fatal(err)
				}
				return
			}
		}
		if tmpl == nil {
			return
		}
		if err := tmpl.Unit().CheckSpans(); err != nil {
			t.Fatal(err)
		}
	})
}
