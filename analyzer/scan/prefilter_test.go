package scan

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seslint/seslint/analyzer/policy"
)

var prefilterCases = []struct {
	name, text string
	want       bool
}{
	{"policy", `{"Version": "2012-10-17", "Statement": []}`, true},
	{"lower-case key", `{"statement": {"Effect": "Allow"}}`, true},
	{"misspelled key", `{"STATEMENTS": []}`, true},
	{"typographic quotes", `{“Statement”: []}`, true},
	{"escaped key", `{"\u0053tatement": []}`, true},
	{"template", `{"AWSTemplateFormatVersion": "2010-09-09"}`, true},
	{"CDK template", `{"Resources": {"R": {"Type": "AWS::IAM::Role"}}}`, true},
	{"custom resource", `{"Resources": {"R": {"Type": "Custom::Policy"}}}`, true},
	{"plan", `{"format_version": "1.2", "planned_values": {}}`, true},
	{"broken policy", `{"Statement": [`, true},
	{"package.json", `{"name": "web", "dependencies": {"react": "^18.0.0"}}`, false},
	{"resources without types", `{"Resources": {"logo": "logo.png"}}`, false},
	{"AWS words without Resources", `{"region": "AWS::Region"}`, false},
	{"empty", ``, false},
	{"word cut short", `{"statemen": 1}`, false},
}

func TestMayHoldJSON(t *testing.T) {
	for _, c := range prefilterCases {
		if got := mayHoldJSON([]byte(c.text)); got != c.want {
			t.Errorf("%s: mayHoldJSON(%s) = %v, want %v", c.name, c.text, got, c.want)
		}
	}
}

// TestMayHoldJSONIsExact decodes every text above, every .json file of the
// fixtures and of the shared real-world corpus that the prefilter would
// leave out, and checks that extraction finds nothing in it: the prefilter
// only saves time.
func TestMayHoldJSONIsExact(t *testing.T) {
	skipped, total := 0, 0
	for _, c := range prefilterCases {
		total++
		if !mayHoldJSON([]byte(c.text)) {
			skipped++
			if u := extractJSON(policy.NewFile(c.name+".json", []byte(c.text)), Options{}, func() {}); u != nil {
				t.Errorf("%s: left out by the prefilter, but extraction finds %d documents", c.name, len(u.Documents))
			}
		}
	}
	for _, root := range []string{"../../fixtures", realworldDir} {
		if _, err := os.Stat(root); err != nil {
			continue
		}
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
				return err
			}
			content, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			total++
			if mayHoldJSON(content) {
				return nil
			}
			skipped++
			if u := extractJSON(policy.NewFile(p, content), Options{}, func() {}); u != nil {
				t.Errorf("%s: left out by the prefilter, but extraction finds %d documents", p, len(u.Documents))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if skipped == 0 {
		t.Fatalf("the prefilter left out none of %d files: the test checks nothing", total)
	}
	t.Logf("%d of %d JSON files left out", skipped, total)
}

const realworldDir = "../../../shared/corpus/realworld"
