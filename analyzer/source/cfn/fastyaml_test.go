package cfn

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// diffYAML describes the first difference between two yaml.v3 node trees
// in what decodeYAML reads (kind, style, tag, value, position, children),
// or returns "".
func diffYAML(a, b *yaml.Node, path string) string {
	if a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value ||
		a.Line != b.Line || a.Column != b.Column || a.Anchor != b.Anchor || (a.Alias == nil) != (b.Alias == nil) ||
		len(a.Content) != len(b.Content) {
		return fmt.Sprintf("%s: fast {kind %d style %d tag %q value %q at %d:%d, %d children}, yaml.v3 {kind %d style %d tag %q value %q at %d:%d, %d children}",
			path, a.Kind, a.Style, a.Tag, a.Value, a.Line, a.Column, len(a.Content),
			b.Kind, b.Style, b.Tag, b.Value, b.Line, b.Column, len(b.Content))
	}
	for i := range a.Content {
		if d := diffYAML(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", path, i)); d != "" {
			return d
		}
	}
	return ""
}

// checkFastYAML fails t when the fast path answers for src with a tree
// other than yaml.v3's, and reports whether it answered.
func checkFastYAML(t *testing.T, name string, src []byte) bool {
	t.Helper()
	fast := parseFastYAML(src)
	if fast == nil {
		return false
	}
	var slow yaml.Node
	if err := yaml.Unmarshal(src, &slow); err != nil {
		t.Errorf("%s: the fast path read text yaml.v3 rejects (%v)", name, err)
		return true
	}
	if len(slow.Content) != 1 {
		t.Errorf("%s: the fast path read a document yaml.v3 finds empty", name)
		return true
	}
	if d := diffYAML(fast.Content[0], slow.Content[0], ""); d != "" {
		t.Errorf("%s: %s", name, d)
	}
	return true
}

// TestFastYAMLConstructs: each construct of the subset is read by the
// fast path, exactly as yaml.v3 reads it; each construct outside it makes
// the fast path give up.
func TestFastYAMLConstructs(t *testing.T) {
	read := map[string]string{
		"block mapping":  "A: 1\nB: two\n",
		"nested":         "A:\n  B:\n    C: x\n  D: y\nE: z\n",
		"sequence":       "A:\n  - a\n  - b\n",
		"indentless":     "A:\n- a\n- b\nB: c\n",
		"compact":        "S:\n  - Effect: Allow\n    Action:\n      - ses:SendEmail\n    Resource: '*'\n  - Effect: Deny\n",
		"compact seq":    "S:\n- Sid: x\n  Action:\n  - a\n  - b\n- Sid: y\n",
		"document start": "# head\n---\nA: b # c\n\n# foot\n",
		"quoted":         "A: \"x y\"\nB: 'it''s'\n\"C\": 'd'\n'E' : f\n",
		"tags":           "A: !Ref B\nC: !Sub \"${X}\"\nD: !GetAtt R.Arn\nE: !If\n  - Cond\n  - a\n  - !Ref AWS::NoValue\n",
		"tagged mapping": "A: !Transform\n  Name: x\n",
		"flow":           "A: [a, b, !Ref c, \"d\", 'e']\nB: {k: v, 'q': [1, 2], n: {x: y}}\nC: []\nD: {}\nE: !Not [!Equals [!Ref X, \"\"]]\n",
		"literal":        "A: |\n  line 1\n    more\n\n  line 3\nB: !Sub |-\n  {\"a\": \"${X}\"}\n",
		"folded":         "Description: >-\n  one\n  two\n\n  three\nB: >\n  x\n",
		"scalars":        "a: true\nb: False\nc: null\nd: ~\ne: 12\nf: -3\ng: 2012-10-17\nh: 1.5\ni: .5\nj: .inf\nk: 0x1F\nl: 0777\nm: 1_000\nn: 2010-09-09T00:00:00Z\no: yes\np: '12'\nq: +7\nr: 09\n",
		"plain":          "A: arn:aws:ses:*:123456789012:identity/*\nB: a#b\nC: http://x/y?z=1\nD: x, y [z] {w}\nE: -a\n",
		"keys":           "AWS::Region: x\n12: y\ntrue: z\n",
		"comments":       "A: # note\n  B: c # note\n  # inside\n  D: e\n",
		"top sequence":   "- a\n- b: c\n",
		"indented root":  "  A: b\n  C: d\n",
		"no final break": "A: b",
		"long keys":      "A" + strings.Repeat(" ", 500) + ": b\n'C'" + strings.Repeat(" ", 500) + ": d\nE: {F" + strings.Repeat(" ", 500) + ": g}\n",
	}
	for name, src := range read {
		if !checkFastYAML(t, name, []byte(src)) {
			t.Errorf("%s: the fast path gave up on\n%s", name, src)
		}
	}
	giveUp := map[string]string{
		"anchor":              "A: &x b\nC: *x\n",
		"merge":               "A: {b: c}\nD:\n  <<: {e: f}\n",
		"multi-line plain":    "A: one\n  two\n",
		"multi-line quoted":   "A: \"one\n  two\"\n",
		"escape":              "A: \"a\\tb\"\n",
		"tab":                 "A:\tb\n",
		"crlf":                "A: b\r\n",
		"non-ASCII":           "A: caf\xc3\xa9\n",
		"empty value":         "A:\nB: c\n",
		"two documents":       "A: b\n---\nC: d\n",
		"keep chomping":       "A: |+\n  x\n\n",
		"indent indicator":    "A: |2\n   x\n",
		"leading blank":       "A: |\n\n  x\n",
		"more indented fold":  "A: >\n  x\n   y\n",
		"multi-line flow":     "A: [a,\n  b]\n",
		"trailing comma":      "A: [a, b, ]\n",
		"pair in flow":        "A: [a: b]\n",
		"explicit key":        "? A\n: b\n",
		"standard tag":        "A: !!str 1\n",
		"scalar document":     "just text\n",
		"bad indentation":     "A:\n  B: c\n D: e\n",
		"mapping in value":    "A: b: c\n",
		"directive":           "%YAML 1.2\n---\nA: b\n",
		"empty item":          "A:\n  -\n  - b\n",
		"block scalar at end": "A: |\n  x",
		// yaml.v3 rejects a ":" over 1024 characters after its key's start.
		"far colon":             "A: 1\nB" + strings.Repeat(" ", 1100) + ": c\n",
		"far colon, quoted":     "A: 1\n'B'" + strings.Repeat(" ", 1100) + ": c\n",
		"far colon, compact":    "A:\n- B" + strings.Repeat(" ", 1100) + ": c\n",
		"far colon, flow":       "A: {B" + strings.Repeat(" ", 1100) + ": c}\n",
		"far colon, flow quote": "A: {'B'" + strings.Repeat(" ", 1100) + ": c}\n",
		"long key":              "A: 1\n" + strings.Repeat("B", 1100) + ": c\n",
	}
	for name, src := range giveUp {
		if parseFastYAML([]byte(src)) != nil {
			t.Errorf("%s: the fast path read\n%s", name, src)
		}
	}
}

// TestFastYAMLTemplates: on every YAML template of the fixtures, the
// project's test data and the shared real-world corpus, the fast path
// gives yaml.v3's tree or gives up; and it reads the templates the
// benchmark writes (largeTemplate).
func TestFastYAMLTemplates(t *testing.T) {
	dirs := []string{"../../../fixtures", "testdata", "../../../../shared/corpus/realworld"}
	if _, err := os.Stat(dirs[2]); err != nil {
		t.Logf("no shared corpus beside the project (%v): checking the project's own templates only", err)
		dirs = dirs[:2]
	}
	var files, fast int
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			name := strings.ToLower(p)
			if !strings.HasSuffix(name, ".yaml") && !strings.HasSuffix(name, ".yml") && !strings.HasSuffix(name, ".template") {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files++
			if checkFastYAML(t, p, b) {
				fast++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("the fast path read %d of %d YAML files", fast, files)
	for _, n := range []int{1, 7, 40} {
		if !checkFastYAML(t, fmt.Sprintf("largeTemplate(%d)", n), largeTemplate(n)) {
			t.Errorf("the fast path gave up on largeTemplate(%d)", n)
		}
	}
}

// FuzzFastYAML: whenever the fast path reads a text, yaml.v3 reads it too,
// into the same tree.
func FuzzFastYAML(f *testing.F) {
	err := filepath.WalkDir("../../../fixtures", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml") {
			b, err := os.ReadFile(p)
			if err == nil {
				f.Add(b)
			}
			return err
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(largeTemplate(3))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			return
		}
		checkFastYAML(t, "input", data)
	})
}
