package golangci_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/seslint/seslint/internal/expect"
)

// golangciVersion is the golangci-lint the plugin is built into, as
// `golangci-lint custom` builds it: its source with a file importing the
// plugin's package. A dependency of seslint that golangci-lint's own
// linters cannot compile with breaks every custom build; this test
// catches that. (OPA requires github.com/gobwas/glob v1, which the
// depguard and protogetter of golangci-lint v2.15.0 do not build against:
// go.mod names newer ones as tools, so the build selects those.)
const golangciVersion = "v2.15.0"

// readmeConfig returns the .golangci.yml the README shows: the second
// YAML block of its section on go vet and golangci-lint (the first is the
// .custom-gcl.yml).
func readmeConfig(t *testing.T, readme string) string {
	t.Helper()
	b, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(b), "\n## Go: `go vet` and golangci-lint\n")
	if !ok {
		t.Fatal("README.md has no section on go vet and golangci-lint")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(section, -1)
	if len(blocks) != 2 || !strings.Contains(blocks[0][1], "analyzer/golangci") || !strings.Contains(blocks[1][1], "type: module") {
		t.Fatalf("want the .custom-gcl.yml and .golangci.yml blocks in the README's section, got %d blocks", len(blocks))
	}
	if !strings.Contains(blocks[0][1], "version: "+golangciVersion) {
		t.Errorf("the README's .custom-gcl.yml does not name %s:\n%s", golangciVersion, blocks[0][1])
	}
	return blocks[1][1]
}

// TestCustomGolangciLint builds golangci-lint with the plugin from the Go
// module proxy and runs it on fixtures/go with the README's .golangci.yml:
// it must report what fixtures/go/expected.txt lists. It downloads
// golangci-lint and its dependencies, so it runs only in CI (CI=true) or
// when SESLINT_GOLANGCI=1.
func TestCustomGolangciLint(t *testing.T) {
	if os.Getenv("CI") != "true" && os.Getenv("SESLINT_GOLANGCI") != "1" {
		t.Skip("builds golangci-lint from the Go module proxy; set SESLINT_GOLANGCI=1 (CI=true does) to run it")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	mod := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/customgcl\n\ngo 1.26.0\n\nrequire (\n\tgithub.com/golangci/golangci-lint/v2 " + golangciVersion +
			"\n\tgithub.com/seslint/seslint v0.0.0\n)\n\nreplace github.com/seslint/seslint => " + root + "\n",
		"main.go": `package main

import (
	"fmt"
	"os"

	"github.com/golangci/golangci-lint/v2/pkg/commands"

	_ "github.com/seslint/seslint/analyzer/golangci"
)

func main() {
	if err := commands.Execute(commands.BuildInfo{Version: "custom"}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
}
`,
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(mod, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local")
	bin := filepath.Join(mod, "golangci-lint")
	for _, args := range [][]string{{"mod", "tidy"}, {"build", "-o", bin, "."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir, cmd.Env = mod, env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}

	work := t.TempDir()
	if err := os.CopyFS(work, os.DirFS(filepath.Join(root, "fixtures", "go"))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, ".golangci.yml"), []byte(readmeConfig(t, filepath.Join(root, "README.md"))), 0o644); err != nil {
		t.Fatal(err)
	}
	run := exec.Command(bin, "run", "--output.text.print-issued-lines=false", "./...")
	run.Dir = work
	run.Env = append(os.Environ(), "GOFLAGS=", "GOTOOLCHAIN=local", "GOPROXY=off")
	out, _ := run.CombinedOutput()
	diag := regexp.MustCompile(`^(\S+\.go:\d+:\d+): (SES\d{3}): (.*) \(seslint\)$`)
	got := map[string][]string{}
	for _, line := range strings.Split(string(out), "\n") {
		if m := diag.FindStringSubmatch(line); m != nil {
			got[m[1]+" "+m[2]] = append(got[m[1]+" "+m[2]], m[3])
		}
	}
	want, err := expect.Read(filepath.Join(root, "fixtures", "go", "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	missing, unexpected := expect.Compare(want, got)
	for _, m := range missing {
		t.Errorf("missing fixtures/go/expected.txt %s", m)
	}
	for _, x := range unexpected {
		t.Errorf("unexpected %s", x)
	}
	if t.Failed() {
		t.Logf("golangci-lint printed:\n%s", out)
	}
}
