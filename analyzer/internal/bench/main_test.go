package main

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

func TestDecode(t *testing.T) {
	for _, c := range []struct {
		name, text string
		ok, parsed bool
	}{
		{"a.json", `{"a": [1, 2]}`, true, true},
		{"a.json", `{"a": [1, 2,]}`, false, true},
		{"k.yaml", "a: 1\n---\nb: !Sub x\n", true, true},
		{"k.yml", "a: [1\n", false, true},
		{"main.tf", "resource \"x\" \"y\" {\n  a = 1\n}\n", true, true},
		{"main.tf", "resource \"x\" {\n", false, true},
		{"m.go", "package m\n\nfunc F() {}\n", true, true},
		{"README.md", "# hi", true, false},
	} {
		ok, parsed := decode(c.name, []byte(c.text))
		if ok != c.ok || parsed != c.parsed {
			t.Errorf("decode(%s, %q) = %v, %v; want %v, %v", c.name, c.text, ok, parsed, c.ok, c.parsed)
		}
	}
}

func TestSARIFFindings(t *testing.T) {
	p := filepath.Join(t.TempDir(), "r.sarif")
	sarif := `{"runs": [{"results": [{"ruleId": "SES201", "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a/b.json"}, "region": {"startLine": 3, "startColumn": 7}}}]}]}]}`
	if err := os.WriteFile(p, []byte(sarif), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := sarifFindings(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !got["a/b.json:3:7 SES201"] {
		t.Errorf("findings %v", got)
	}
}

func TestUnparseable(t *testing.T) {
	c := &corpus{expected: []string{"x/a.json:3:4 SES101", "x/a.json:5:4 SES101", "y/b.tf:1:1 SES201", "z/c.json:2:2 SES101", "t/s.yaml:9:9 SES101"}}
	re := regexp.MustCompile(unparseable(c))
	for path, want := range map[string]bool{"x/a.json": true, "z/c.json": true, "y/b.tf": false, "x/aXjson": false, "t/s.yaml": false} {
		if re.MatchString(path) != want {
			t.Errorf("%s: matched %v", path, !want)
		}
	}
}
