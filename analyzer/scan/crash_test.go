package scan_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seslint/seslint/analyzer/engine"
	"github.com/seslint/seslint/analyzer/scan"
	"github.com/seslint/seslint/internal/fault"
)

// badPolicy has one SES107 finding: the unknown action on line 3.
const badPolicy = `{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "ses:SendEmails", "Resource": "*"}]
}
`

// badPolicyAt is where badPolicy's SES107 finding is.
var badPolicyAt = fmt.Sprintf("3:%d", strings.Index(strings.Split(badPolicy, "\n")[2], `"ses:SendEmails"`)+1)

// writeTree writes files (slash-separated relative paths) under dir.
func writeTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// crashTree is a repository with the same mistake in a plain policy, a
// CloudFormation template and a Terraform module.
func crashTree(t *testing.T) string {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a.json":              badPolicy,
		"b.json":              badPolicy,
		"stack/template.yaml": yamlTwin,
		"tf/main.tf": `resource "aws_iam_policy" "sender" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "ses:SendEmails", Resource = "*" }]
  })
}
`,
	})
	return dir
}

// where lists "path:line:col RULE" of findings and "path: message" of
// notifications.
func where(res *scan.Result) (findings []string, notes map[string]scan.Notification) {
	for _, f := range res.Findings {
		findings = append(findings, fmt.Sprintf("%s:%d:%d %s", f.File.Path, f.Region.Start.Line, f.Region.Start.Column, f.Rule.ID))
	}
	notes = map[string]scan.Notification{}
	for _, n := range res.Notifications {
		notes[n.Path] = n
	}
	return findings, notes
}

// TestPanicInOneFileIsContained: a panic at any stage of one file's
// processing becomes an internal-error notification naming that file (an
// error: the scan is incomplete), and every other file is still checked.
func TestPanicInOneFileIsContained(t *testing.T) {
	eng := newEngine(t)
	all := []string{
		"a.json:" + badPolicyAt + " SES107",
		"b.json:" + badPolicyAt + " SES107",
		"stack/template.yaml:10:21 SES107",
		"tf/main.tf:4:47 SES107",
	}
	for _, c := range []struct {
		stage  fault.Stage
		target string
		// lost are the files whose results the panic takes away.
		lost []string
	}{
		{fault.Read, "b.json", []string{"b.json"}},
		{fault.Extract, "stack/template.yaml", []string{"stack/template.yaml"}},
		{fault.Evaluate, "a.json", []string{"a.json"}},
		{fault.Extract, "tf/main.tf", []string{"tf/main.tf"}},
		{fault.Evaluate, "tf/main.tf", []string{"tf/main.tf"}},
	} {
		t.Run(string(c.stage)+" "+c.target, func(t *testing.T) {
			t.Chdir(crashTree(t))
			defer fault.Set(func(stage fault.Stage, path string) {
				if stage == c.stage && path == c.target {
					panic("injected")
				}
			})()
			res, err := scan.Run(context.Background(), eng, []string{"."}, scan.Options{Now: fixtureNow})
			if err != nil {
				t.Fatal(err)
			}
			findings, notes := where(res)
			var want []string
			for _, w := range all {
				if !strings.HasPrefix(w, c.lost[0]+":") {
					want = append(want, w)
				}
			}
			if strings.Join(findings, "\n") != strings.Join(want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(findings, "\n"), strings.Join(want, "\n"))
			}
			if len(notes) != 1 {
				t.Errorf("notifications %v, want one for %s", notes, c.target)
			}
			n, ok := notes[c.target]
			wantMsg := "internal error while " + string(c.stage) + ": injected at "
			if !ok || !n.Error || !strings.HasPrefix(n.Message, wantMsg) || !strings.HasSuffix(n.Message, "; not checked, please report this") {
				t.Errorf("notification %+v, want an error starting %q", n, wantMsg)
			}
			// The place named is where the panic was raised: the hook.
			if !strings.Contains(n.Message, " at scan_test.TestPanicInOneFileIsContained.func") {
				t.Errorf("message %q does not say where the panic was raised", n.Message)
			}
		})
	}
}

// TestPanicInAJoinedUnitIsContained: files joined by units: are evaluated
// together; a panic there names each of them.
func TestPanicInAJoinedUnitIsContained(t *testing.T) {
	t.Chdir(crashTree(t))
	defer fault.Set(func(stage fault.Stage, path string) {
		if stage == fault.Evaluate && path == "a.json" {
			panic("injected")
		}
	})()
	res, err := scan.Run(context.Background(), newEngine(t), []string{"."}, scan.Options{Now: fixtureNow, Units: [][]string{{"a.json", "b.json"}}})
	if err != nil {
		t.Fatal(err)
	}
	findings, notes := where(res)
	if got, want := strings.Join(findings, "\n"), "stack/template.yaml:10:21 SES107\ntf/main.tf:4:47 SES107"; got != want {
		t.Errorf("findings:\n%s\nwant:\n%s", got, want)
	}
	for _, p := range []string{"a.json", "b.json"} {
		if n, ok := notes[p]; !ok || !n.Error || !strings.HasPrefix(n.Message, "internal error while evaluating rules: injected") {
			t.Errorf("%s: notification %+v", p, n)
		}
	}
}

// TestPanicInOneGoPackageIsContained: a panic while one Go package is
// type-checked, or in the go/analysis pass over it, is recovered; that
// package is reported as not checked (an error), the others are checked.
func TestPanicInOneGoPackageIsContained(t *testing.T) {
	for _, c := range []struct {
		stage fault.Stage
		path  string // of its notification,
		note  string // whose message starts so
	}{
		{fault.TypeCheck, ".", "package example.com/m/b not checked: internal error while type-checking Go package: injected"},
		{fault.GoPackage, "b/b.go", "package example.com/m/b: internal error while checking Go package: injected"},
	} {
		t.Run(string(c.stage), func(t *testing.T) {
			dir := t.TempDir()
			policyConst := "package %s\n\nconst Policy = `" + badPolicy + "`\n"
			writeTree(t, dir, map[string]string{
				"go.mod":    "module example.com/m\n\ngo 1.22\n",
				"a/a.go":    fmt.Sprintf(policyConst, "a"),
				"b/b.go":    fmt.Sprintf(policyConst, "b"),
				"README.md": "two packages with the same policy\n",
			})
			t.Chdir(dir)
			defer fault.Set(func(stage fault.Stage, path string) {
				if stage == c.stage && strings.HasSuffix(path, filepath.FromSlash("/b/b.go")) {
					panic("injected")
				}
			})()
			res, err := scan.Run(context.Background(), newEngine(t), []string{"."}, scan.Options{Now: fixtureNow})
			if err != nil {
				t.Fatal(err)
			}
			findings, notes := where(res)
			if got, want := strings.Join(findings, "\n"), "a/a.go:5:"+strings.SplitN(badPolicyAt, ":", 2)[1]+" SES107"; got != want {
				t.Errorf("findings:\n%s\nwant:\n%s", got, want)
			}
			n, ok := notes[c.path]
			if len(notes) != 1 || !ok || !n.Error || !strings.HasPrefix(n.Message, c.note) {
				t.Errorf("notifications %+v, want one error for %s starting %q", notes, c.path, c.note)
			}
		})
	}
}

// TestEvaluationTimeout: a file whose evaluation passes the deadline is
// reported as not completely checked, by name; the others are checked.
func TestEvaluationTimeout(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a.json": badPolicy,
		"go.mod": "module example.com/m\n\ngo 1.22\n",
		"p/p.go": "package p\n\nconst Policy = `" + badPolicy + "`\n",
	})
	t.Chdir(dir)
	// A rule that would run for hours: 10^10 comparisons.
	rules := t.TempDir()
	writeTree(t, rules, map[string]string{"slow/slow.rego": `# METADATA
# title: Slow
# description: Compares every pair of ten billion numbers.
# custom:
#   id: SLOW001
#   severity: note
#   seed: custom
#   remediation: None.
package seslint.rules.slow.slow

import data.seslint.lib.result

report contains result.fail(rego.metadata.chain(), {"message": "found", "path": []}) if {
	input.document.Statement
	some i in numbers.range(1, 100000)
	some j in numbers.range(1, 100000)
	i == j + 200000
}
`})
	eng, err := engine.New(context.Background(), engine.Options{RuleDirs: []string{rules}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := scan.Run(context.Background(), eng, []string{"."}, scan.Options{Now: fixtureNow, EvalTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	_, notes := where(res)
	n, ok := notes["a.json"]
	if !ok || !n.Error || n.Message != "the rules did not finish within 200ms (--eval-timeout); findings of a.json may be missing" {
		t.Errorf("notifications %+v", res.Notifications)
	}
	n, ok = notes["p/p.go"]
	if !ok || !n.Error || n.Message != "the rules did not finish within 200ms; findings of package example.com/m/p may be missing" {
		t.Errorf("notifications %+v", res.Notifications)
	}
}
