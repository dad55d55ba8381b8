package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// fixedNow makes the time-window rules deterministic.
const fixedNow = "--now=2026-06-01T00:00:00Z"

// repoRoot and goldenDir are absolute so tests can run from the root.
var repoRoot, goldenDir = func() (string, string) {
	root, err := filepath.Abs("../..")
	if err != nil {
		panic(err)
	}
	return root, filepath.Join(root, "cmd", "seslint", "testdata", "golden")
}()

// runAt runs the CLI from the repository root, as a user does.
func runAt(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Chdir(repoRoot)
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join(goldenDir, name)
	if *update {
		if got == "" {
			t.Fatalf("not rewriting %s with empty output", name)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/seslint -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the output (go test ./cmd/seslint -update rewrites it):\n%s", path, diff(string(want), got))
	}
}

// diff shows the first lines where want and got differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 20; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  - %s\n  + %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

func TestGoldenExamples(t *testing.T) {
	for _, c := range []struct{ format, file string }{
		{"text", "examples.txt"},
		{"json", "examples.json"},
		{"sarif", "examples.sarif"},
	} {
		t.Run(c.format, func(t *testing.T) {
			code, out, _ := runAt(t, fixedNow, "--no-color", "-f", c.format, "fixtures/examples")
			if code != exitFindings {
				t.Errorf("exit %d, want %d", code, exitFindings)
			}
			golden(t, c.file, out)
		})
	}
}

func TestGoldenPolicyFixtures(t *testing.T) {
	code, out, _ := runAt(t, fixedNow, "--fail-on=none", "-f", "sarif", "fixtures/policy")
	if code != exitOK {
		t.Errorf("exit %d with --fail-on=none", code)
	}
	golden(t, "policy.sarif", out)
}

// TestOutputDoesNotNameTheScanTime: two scans of every fixture a second
// apart, in a time window's closed part and in its open part, give the same
// SARIF. A message or property that named the scan's clock would change
// code scanning's alerts on every run.
func TestOutputDoesNotNameTheScanTime(t *testing.T) {
	for _, at := range [][2]string{
		{"2026-06-01T00:00:00Z", "2026-06-01T00:00:01Z"},
		{"2019-01-01T00:00:00Z", "2019-01-01T00:00:01Z"},
	} {
		now := at[0]
		_, first, _ := runAt(t, "--now="+now, "--fail-on=none", "-f", "sarif", "fixtures")
		_, second, _ := runAt(t, "--now="+at[1], "--fail-on=none", "-f", "sarif", "fixtures")
		if !strings.Contains(first, "SES205") {
			t.Fatalf("--now %s: no SES205 result in the fixtures' SARIF", now)
		}
		if first != second {
			t.Errorf("SARIF at %s and a second later differ:\n%s", now, diff(first, second))
		}
	}
}

func TestTextFormat(t *testing.T) {
	code, out, errOut := runAt(t, fixedNow, "fixtures/policy/SES107/bad.json")
	if code != exitFindings {
		t.Errorf("exit %d", code)
	}
	want := "fixtures/policy/SES107/bad.json:8:9: error SES107: ses:SendEmails matches no SES action; did you mean ses:SendEmail?\n    fix: "
	if !strings.HasPrefix(out, want) {
		t.Errorf("output:\n%s\nwant prefix:\n%s", out, want)
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour codes when stdout is not a terminal")
	}
	if !regexp.MustCompile(`^\d+ findings? \(\d+ errors?, \d+ warnings?, \d+ notes?\) in 1 policy document, 1 file\n$`).MatchString(errOut) {
		t.Errorf("summary on stderr: %q", errOut)
	}
}

func TestExitCodes(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want int
		err  string
	}{
		{"findings", []string{fixedNow, "fixtures/policy/SES107"}, exitFindings, ""},
		{"fail-on none", []string{fixedNow, "--fail-on", "none", "fixtures/policy/SES107"}, exitOK, ""},
		{"clean file", []string{fixedNow, "fixtures/examples/iam/reporting-policy.json"}, exitOK, ""},
		{"disabled rule", []string{fixedNow, "--disable", "SES107", "fixtures/policy/SES107/bad.json"}, -1, ""},
		{"unknown flag", []string{"--frobnicate"}, exitError, "unknown flag: --frobnicate"},
		{"bad format", []string{"-f", "xml", "."}, exitError, "must be one of text, json, sarif"},
		{"bad fail-on", []string{"--fail-on", "fatal", "."}, exitError, "must be one of error, warning, note, none"},
		{"bad now", []string{"--now", "yesterday", "."}, exitError, "RFC 3339"},
		{"unknown rule", []string{"--enable", "SES999", "."}, exitError, "--enable SES999: no such rule"},
		{"missing path", []string{"no/such/dir"}, exitError, "cannot scan no/such/dir"},
		{"bad eval timeout", []string{"--eval-timeout", "0s", "."}, exitError, "--eval-timeout must be positive"},
		{"help", []string{"--help"}, exitOK, ""},
		{"version", []string{"--version"}, exitOK, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, errOut := runAt(t, c.args...)
			if c.want >= 0 && code != c.want {
				t.Errorf("exit %d, want %d (stderr %q)", code, c.want, errOut)
			}
			if c.err != "" && !strings.Contains(errOut, c.err) {
				t.Errorf("stderr %q, want %q", errOut, c.err)
			}
		})
	}
}

func TestDisableDropsFindings(t *testing.T) {
	_, out, _ := runAt(t, fixedNow, "--disable", "SES107", "fixtures/policy/SES107/bad.json")
	if strings.Contains(out, " SES107: ") {
		t.Errorf("SES107 reported although disabled:\n%s", out)
	}
	_, out, _ = runAt(t, fixedNow, "--enable", "ses107", "fixtures/policy/SES107/bad.json")
	for _, line := range strings.Split(out, "\n") {
		if line != "" && !strings.HasPrefix(line, "    fix:") && !strings.Contains(line, " SES107: ") {
			t.Errorf("--enable SES107 let another rule through: %s", line)
		}
	}
}

func TestHelpListsFlagsAndRules(t *testing.T) {
	_, out, _ := runAt(t, "--help")
	for _, want := range []string{"--format", "--fail-on", "--enable", "--disable", "--rules", "--now", "--exclude", "--output", "Exit status", "'seslint rules' lists them"} {
		if !strings.Contains(out, want) {
			t.Errorf("--help lacks %q", want)
		}
	}
}

func TestRulesCommand(t *testing.T) {
	code, out, _ := runAt(t, "rules")
	if code != exitOK || !strings.Contains(out, "SES107  error     Unknown SES action") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	_, md, _ := runAt(t, "rules", "--format", "markdown")
	if !strings.Contains(md, "| SES107 | error | Unknown SES action |") {
		t.Errorf("markdown:\n%s", md)
	}
	_, js, _ := runAt(t, "rules", "-f", "json")
	if !strings.Contains(js, `"id": "SES107"`) {
		t.Errorf("json:\n%s", js)
	}
}

func TestCustomRules(t *testing.T) {
	rules := filepath.Join("cmd", "seslint", "testdata", "customrules")
	code, out, errOut := runAt(t, fixedNow, "--rules", rules, "--enable", "ACME001", "fixtures/examples/iam/reporting-policy.json")
	if code != exitOK {
		t.Errorf("exit %d (a warning does not fail by default): %s", code, errOut)
	}
	want := "fixtures/examples/iam/reporting-policy.json:20:19: warning ACME001: arn:aws:ses:eu-west-1:123456789012:identity/example.com names the documentation account 123456789012\n"
	if !strings.HasPrefix(out, want) {
		t.Errorf("output:\n%s\nwant prefix:\n%s", out, want)
	}
	_, sarif, _ := runAt(t, fixedNow, "--rules", rules, "-f", "sarif", "fixtures/examples/iam/reporting-policy.json")
	if !strings.Contains(sarif, `"id": "ACME001"`) || !strings.Contains(sarif, `"ruleId": "ACME001"`) {
		t.Error("custom rule missing from SARIF rules[] or results")
	}
	_, list, _ := runAt(t, "rules", "--rules", rules)
	if !strings.Contains(list, "ACME001") {
		t.Errorf("seslint rules --rules does not list the custom rule:\n%s", list)
	}
}

func TestCustomRulesCannotReachTheNetwork(t *testing.T) {
	code, _, errOut := runAt(t, "--rules", filepath.Join("cmd", "seslint", "testdata", "badrules"), "fixtures/examples")
	if code != exitError || !strings.Contains(errOut, "http.send") {
		t.Errorf("exit %d, stderr %q: want exit 2 naming http.send", code, errOut)
	}
}

func TestOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.sarif")
	code, stdout, _ := runAt(t, fixedNow, "-q", "-f", "sarif", "-o", out, "fixtures/policy/SES107")
	if code != exitFindings || stdout != "" {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.Contains(b, []byte(`"version": "2.1.0"`)) {
		t.Errorf("SARIF file: %v %.100s", err, b)
	}
}

// TestGoldenTemplates pins the SARIF of representative templates:
// CloudFormation (a SAM policy template, a boundary, suppressions) and
// Terraform (HCL with relations, CDKTF, a plan).
func TestGoldenTemplates(t *testing.T) {
	for _, c := range []struct {
		file  string
		paths []string
	}{
		{"cloudformation.sarif", []string{"fixtures/cloudformation/SES302", "fixtures/cloudformation/SES502", "fixtures/cloudformation/SES001", "fixtures/cloudformation/SES107"}},
		{"terraform.sarif", []string{"fixtures/terraform/SES502", "fixtures/terraform/SES107", "fixtures/terraform/SES402"}},
	} {
		t.Run(c.file, func(t *testing.T) {
			_, out, _ := runAt(t, append([]string{fixedNow, "--fail-on=none", "-f", "sarif"}, c.paths...)...)
			golden(t, c.file, out)
		})
	}
}

// unknownAction is a policy with one finding: SES107 at 4:16.
const unknownAction = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Action": "ses:SendEmails", "Effect": "Allow", "Resource": "*"}
  ]
}
`
