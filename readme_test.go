package seslint_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seslint/seslint/analyzer/config"
	"github.com/seslint/seslint/analyzer/engine"
	"github.com/seslint/seslint/analyzer/scan"
)

// readmeBlock returns the first fenced block of language lang in the
// README section headed heading. (The pre-commit section's block is run
// by .ci/precommit-test.sh.)
func readmeBlock(t *testing.T, heading, lang string) string {
	t.Helper()
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(b), "\n## "+heading+"\n")
	if !ok {
		t.Fatalf("README.md has no section %q", heading)
	}
	if i := strings.Index(section, "\n## "); i >= 0 {
		section = section[:i]
	}
	_, block, ok := strings.Cut(section, "\n```"+lang+"\n")
	if !ok {
		t.Fatalf("README.md: no %s block under %q", lang, heading)
	}
	block, _, _ = strings.Cut(block, "\n```")
	return block + "\n"
}

// TestReadmeWorkflowPassesActionlint: the job the README shows, in a
// workflow, passes actionlint.
func TestReadmeWorkflowPassesActionlint(t *testing.T) {
	actionlint := tool(t, "ACTIONLINT", "actionlint", "go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12")
	job := readmeBlock(t, "GitHub Actions and code scanning", "yaml")
	if !strings.Contains(job, "uses: seslint/seslint@") {
		t.Fatalf("the README's job does not use the action:\n%s", job)
	}
	wf := filepath.Join(t.TempDir(), "readme.yml")
	if err := os.WriteFile(wf, []byte("name: seslint\non: [push, pull_request]\n"+job), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(actionlint, "-no-color", wf).CombinedOutput(); err != nil {
		t.Errorf("actionlint on the README's job:\n%s", out)
	}
}

// TestReadmeConfigurationIsValid: the .seslint.yaml the README shows is
// valid, and means what its comments say.
func TestReadmeConfigurationIsValid(t *testing.T) {
	eng, err := engine.New(context.Background(), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range eng.Rules() {
		ids = append(ids, r.ID)
	}
	c, err := config.Parse(".seslint.yaml", []byte(readmeBlock(t, "Configuration", "yaml")), ids, scan.ValidGlob)
	if err != nil {
		t.Fatal(err)
	}
	if d := c.Disabled(); len(d) != 1 || d[0] != "SES602" || c.Severities()["SES201"] != "warning" ||
		len(c.Exclude) != 2 || len(c.Units) != 1 || len(c.Identities) != 1 || c.Identities[0].Account != "123456789012" {
		t.Errorf("the README's configuration reads as %+v", c)
	}
}
