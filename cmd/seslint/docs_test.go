package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/seslint/seslint/analyzer/engine"
	"github.com/seslint/seslint/analyzer/report"
)

var docsDir = filepath.Join(repoRoot, "docs", "rules")

// builtinRules are the embedded rules, by id.
func builtinRules(t *testing.T) []*engine.Rule {
	t.Helper()
	eng, err := engine.New(context.Background(), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rules := slices.Clone(eng.Rules())
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	return rules
}

// TestRuleDocsUpToDate checks docs/rules against the rules' metadata, the
// one source of the pages: a page per rule and the index, nothing else
// (go test ./cmd/seslint -update rewrites them).
func TestRuleDocsUpToDate(t *testing.T) {
	rules := builtinRules(t)
	want := map[string][]byte{}
	for _, r := range rules {
		if _, err := os.Stat(filepath.Join(repoRoot, report.RuleSourcePath(r))); err != nil {
			t.Errorf("%s: the page links to its Rego file: %v", r.ID, err)
		}
		var b bytes.Buffer
		if err := report.RuleDoc(&b, r); err != nil {
			t.Fatal(err)
		}
		want[r.ID+".md"] = b.Bytes()
	}
	var index bytes.Buffer
	if err := report.RuleIndex(&index, rules); err != nil {
		t.Fatal(err)
	}
	want["README.md"] = index.Bytes()
	existing, _ := filepath.Glob(filepath.Join(docsDir, "*"))
	if *update {
		if err := os.MkdirAll(docsDir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, p := range existing {
			if _, ok := want[filepath.Base(p)]; !ok {
				if err := os.Remove(p); err != nil {
					t.Fatal(err)
				}
			}
		}
		for name, content := range want {
			if err := os.WriteFile(filepath.Join(docsDir, name), content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	for _, p := range existing {
		if _, ok := want[filepath.Base(p)]; !ok {
			t.Errorf("docs/rules/%s is no rule's page (go test ./cmd/seslint -update removes it)", filepath.Base(p))
		}
	}
	for _, name := range sortedNames(want) {
		got, err := os.ReadFile(filepath.Join(docsDir, name))
		if err != nil {
			t.Errorf("%v (go test ./cmd/seslint -update writes it)", err)
			continue
		}
		if !bytes.Equal(got, want[name]) {
			t.Errorf("docs/rules/%s is stale: go test ./cmd/seslint -update rewrites it from the metadata:\n%s", name, diff(string(got), string(want[name])))
		}
	}
}

func sortedNames(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestExplain(t *testing.T) {
	code, out, errOut := runAt(t, "explain", "ses107")
	page, err := os.ReadFile(filepath.Join(docsDir, "SES107.md"))
	if err != nil {
		t.Fatal(err)
	}
	if code != exitOK || out != string(page) {
		t.Errorf("seslint explain ses107: exit %d, stderr %q; the output is not docs/rules/SES107.md:\n%s", code, errOut, diff(string(page), out))
	}
	for _, want := range []string{"# SES107: Unknown SES action", "## Why", "Knowledge Center", "Reported:", "Fixed:", "# seslint:ignore SES107 ", `"//": {"seslint": {"ignore": {"SES107": `} {
		if !strings.Contains(out, want) {
			t.Errorf("seslint explain SES107 lacks %q", want)
		}
	}
	for _, c := range []struct {
		args []string
		err  string
	}{
		{[]string{"explain", "SES1O7"}, `seslint: no rule "SES1O7" (did you mean SES107?); 'seslint rules' lists them`},
		{[]string{"explain", "nonsense"}, `seslint: no rule "nonsense"; 'seslint rules' lists them`},
		{[]string{"explain"}, "seslint explain takes one rule id"},
		{[]string{"explain", "SES107", "SES201"}, "seslint explain takes one rule id"},
	} {
		code, out, errOut := runAt(t, c.args...)
		if code != exitError || out != "" || !strings.Contains(errOut, c.err) {
			t.Errorf("seslint %v: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.args, code, out, errOut, c.err)
		}
	}
	// A custom rule is explained from its own metadata.
	code, out, _ = runAt(t, "explain", "--rules", filepath.Join("cmd", "seslint", "testdata", "customrules"), "acme001")
	if code != exitOK || !strings.HasPrefix(out, "# ACME001: ") {
		t.Errorf("custom rule: exit %d:\n%s", code, out)
	}
}

// TestSARIFHelpURIs: every built-in rule in SARIF points at its page,
// which exists; a rule loaded with --rules has no page to point at.
func TestSARIFHelpURIs(t *testing.T) {
	_, out, _ := runAt(t, fixedNow, "-f", "sarif", "--rules", filepath.Join("cmd", "seslint", "testdata", "customrules"), "fixtures/policy/SES107")
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID      string `json:"id"`
						HelpURI string `json:"helpUri"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("SARIF: %v", err)
	}
	builtin := map[string]bool{}
	for _, r := range builtinRules(t) {
		builtin[r.ID] = true
	}
	seen := 0
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		if !builtin[r.ID] {
			if r.HelpURI != "" {
				t.Errorf("%s: helpUri %q for a rule without a page", r.ID, r.HelpURI)
			}
			continue
		}
		seen++
		if want := "https://github.com/seslint/seslint/blob/main/docs/rules/" + r.ID + ".md"; r.HelpURI != want {
			t.Errorf("%s: helpUri %q, want %q", r.ID, r.HelpURI, want)
		}
		if _, err := os.Stat(filepath.Join(docsDir, r.ID+".md")); err != nil {
			t.Errorf("%s: %v", r.ID, err)
		}
	}
	if seen != len(builtin) {
		t.Errorf("%d built-in rules in SARIF, want %d", seen, len(builtin))
	}
}
