package scan_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/seslint/seslint/analyzer/scan"
)

// TestGoModuleWithMissingDependency: offline, a module whose dependency is
// not in the module cache ends quickly with a message naming the package,
// not a hang or a download.
func TestGoModuleWithMissingDependency(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.mod":  "module example.com/broken\n\ngo 1.22\n\nrequire example.com/not/in/cache v1.2.3\n",
		"main.go": "package main\n\nimport _ \"example.com/not/in/cache\"\n\nconst p = `{\"Statement\": []}`\n\nfunc main() {}\n",
	})
	start := time.Now()
	res, err := scan.Run(context.Background(), newEngine(t), []string{dir}, scan.Options{Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > time.Minute {
		t.Errorf("took %s", d)
	}
	var msgs []string
	for _, n := range res.Notifications {
		msgs = append(msgs, n.Path+": "+n.Message)
	}
	joined := strings.Join(msgs, "\n")
	if len(res.Notifications) == 0 || !res.Notifications[0].Error || !strings.Contains(joined, "example.com/not/in/cache") {
		t.Errorf("notifications:\n%s", joined)
	}
}

// TestGoSyntaxErrorNamesTheFileRelative: a Go file holding a policy that
// does not parse is reported at its file:line:col, relative to the working
// directory like every other path seslint prints (a pre-commit hook names
// staged files so).
func TestGoSyntaxErrorNamesTheFileRelative(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.mod":        "module example.com/m\n\ngo 1.22\n",
		"sub/broken.go": "package broken\n\nconst P = `{\"Statement\": []}`\n\nfunc {\n",
	})
	t.Chdir(dir)
	res, err := scan.Run(context.Background(), newEngine(t), []string{"sub/broken.go"}, scan.Options{Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Notifications) != 1 || res.Notifications[0].Path != "sub/broken.go:5:6" || !res.Notifications[0].Error {
		t.Errorf("notifications: %+v", res.Notifications)
	}
}

// TestGoPackagesThatMentionAPolicy: in a scanned directory, only the
// packages whose non-test Go files mention a policy (or the AWS SDK) are
// checked, with what they import; a package that mentions none is not
// type-checked (its type error goes unreported), and one whose files
// build constraints leave out is skipped as ./... would.
func TestGoPackagesThatMentionAPolicy(t *testing.T) {
	res := scanTree(t, map[string]string{
		"go.mod":             "module example.com/m\n\ngo 1.22\n",
		"mail/mail.go":       "package mail\n\nimport \"example.com/m/names\"\n\nconst Policy = " + goPolicy + "\n\nvar From = names.Sender\n",
		"names/names.go":     "package names\n\nconst Sender = \"noreply@example.com\"\n",
		"unrelated/bad.go":   "package unrelated\n\nvar x int = \"not an int\"\n",
		"ignored/ignored.go": "//go:build ignore\n\npackage ignored\n\nconst Policy = " + goPolicy + "\n",
	})
	for _, n := range res.Notifications {
		t.Errorf("notification %s: %s", n.Path, n.Message)
	}
	got, _ := where(res)
	if want := "mail/mail.go:5:87 SES107"; strings.Join(got, ", ") != want {
		t.Errorf("findings %q, want %q", got, want)
	}
	if res.Stats.GoPackages != 1 {
		t.Errorf("%d packages checked, want 1 (mail)", res.Stats.GoPackages)
	}
}

// TestNamedGoFileWithoutAPolicy: a Go file named alone (a pre-commit hook)
// that mentions no policy and not the AWS SDK is read and counted, but its
// package is not loaded; one that holds a policy is checked.
func TestNamedGoFileWithoutAPolicy(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.mod":         "module example.com/m\n\ngo 1.22\n",
		"mail/mail.go":   "package mail\n\nconst Policy = " + goPolicy + "\n",
		"mail/send.go":   "package mail\n\nfunc Send() string { return Policy }\n",
		"other/other.go": "package other\n\nvar x int = \"not an int\"\n",
	})
	t.Chdir(dir)
	for _, c := range []struct {
		files    []string
		findings string
		packages int
	}{
		{[]string{"other/other.go"}, "", 0},
		{[]string{"mail/send.go"}, "", 0},
		{[]string{"mail/mail.go", "mail/send.go"}, "mail/mail.go:3:87 SES107", 1},
	} {
		res, err := scan.Run(context.Background(), newEngine(t), c.files, scan.Options{Now: fixtureNow})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range res.Notifications {
			t.Errorf("%v: notification %s: %s", c.files, n.Path, n.Message)
		}
		var got []string
		for _, f := range res.Findings {
			got = append(got, fmt.Sprintf("%s:%d:%d %s", f.File.Path, f.Region.Start.Line, f.Region.Start.Column, f.Rule.ID))
		}
		if strings.Join(got, ", ") != c.findings {
			t.Errorf("%v: findings %q, want %q", c.files, got, c.findings)
		}
		if res.Stats.GoPackages != c.packages || res.Files != len(c.files) {
			t.Errorf("%v: %d packages checked, %d files; want %d, %d", c.files, res.Stats.GoPackages, res.Files, c.packages, len(c.files))
		}
	}
}

// TestSeveralGoModules: each Go module under a scanned directory is
// listed while the files are scanned and checked after them, each with
// its own package graph: every module's finding is reported in its file.
func TestSeveralGoModules(t *testing.T) {
	tree := map[string]string{}
	for i, name := range []string{"alpha", "beta", "gamma"} {
		tree[name+"/go.mod"] = "module example.com/" + name + "\n\ngo 1.22\n"
		tree[name+"/mail/mail.go"] = "package mail\n" + strings.Repeat("\n", i) + "\nconst Policy = " + goPolicy + "\n"
	}
	res := scanTree(t, tree)
	for _, n := range res.Notifications {
		t.Errorf("notification %s: %s", n.Path, n.Message)
	}
	got, _ := where(res)
	if want := "alpha/mail/mail.go:3:87 SES107, beta/mail/mail.go:4:87 SES107, gamma/mail/mail.go:5:87 SES107"; strings.Join(got, ", ") != want {
		t.Errorf("findings %q, want %q", got, want)
	}
	if res.Stats.GoPackages != 3 {
		t.Errorf("%d packages checked, want 3", res.Stats.GoPackages)
	}
}

// TestIllTypedGoPackage: a package that mentions a policy but does not
// type-check (which has the module checked again on a fresh package graph)
// is reported at the type error, file:line:column, and not analysed; a
// package beside it is.
func TestIllTypedGoPackage(t *testing.T) {
	res := scanTree(t, map[string]string{
		"go.mod":       "module example.com/m\n\ngo 1.22\n",
		"mail/mail.go": "package mail\n\nimport \"strings\"\n\nconst Policy = " + goPolicy + "\n\nvar n int = strings.ToUpper(Policy)\n",
		"good/good.go": "package good\n\nconst Policy = " + goPolicy + "\n",
	})
	findings, notes := where(res)
	if want := "good/good.go:3:87 SES107"; strings.Join(findings, ", ") != want {
		t.Errorf("findings %q, want %q", findings, want)
	}
	n, ok := notes["mail/mail.go:7:13"]
	if len(notes) != 1 || !ok || !n.Error || !strings.HasPrefix(n.Message, "package example.com/m/mail not checked: cannot use strings.ToUpper(Policy)") {
		t.Errorf("notifications %+v, want one error at mail/mail.go:7:13", notes)
	}
}

// goPolicy is a Go raw string literal holding a policy with one SES107
// mistake, at column 87 of a "const Policy = " line.
const goPolicy = "`{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ses:SendEmails\", \"Resource\": \"*\"}]}`"

// scanTree writes files into a temporary directory and scans it from
// there, as `seslint .` does.
func scanTree(t *testing.T, files map[string]string) *scan.Result {
	t.Helper()
	dir := t.TempDir()
	writeTree(t, dir, files)
	t.Chdir(dir)
	res, err := scan.Run(context.Background(), newEngine(t), []string{"."}, scan.Options{Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	return res
}
