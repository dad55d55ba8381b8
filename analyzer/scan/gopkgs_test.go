package scan_test

import (
	"context"
	"os"
	"path/filepath"
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
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/broken\n\ngo 1.22\n\nrequire example.com/not/in/cache v1.2.3\n")
	write("main.go", "package main\n\nimport _ \"example.com/not/in/cache\"\n\nconst p = `{\"Statement\": []}`\n\nfunc main() {}\n")
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

// TestGoSyntaxErrorNamesTheFileRelative: a Go file that does not parse is
// reported at its file:line:col, relative to the working directory like
// every other path seslint prints (a pre-commit hook names staged files so).
func TestGoSyntaxErrorNamesTheFileRelative(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"go.mod":        "module example.com/m\n\ngo 1.22\n",
		"sub/broken.go": "package broken\n\nfunc {\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	res, err := scan.Run(context.Background(), newEngine(t), []string{"sub/broken.go"}, scan.Options{Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Notifications) != 1 || res.Notifications[0].Path != "sub/broken.go:3:6" || !res.Notifications[0].Error {
		t.Errorf("notifications: %+v", res.Notifications)
	}
}
