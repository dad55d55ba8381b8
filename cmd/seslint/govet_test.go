package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/seslint/seslint/internal/expect"
)

// TestGoVetAndCLIAgree runs `go vet -vettool=sesvet ./...` on the example
// module fixtures/go and `seslint fixtures/go`, and checks that both report
// the same findings (position, rule, message).
func TestGoVetAndCLIAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("builds sesvet and runs go vet")
	}
	bin := filepath.Join(t.TempDir(), "sesvet")
	build := exec.Command("go", "build", "-o", bin, "./cmd/sesvet")
	build.Dir = repoRoot
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building sesvet: %v\n%s", err, out)
	}
	vet := exec.Command("go", "vet", "-vettool="+bin, "-seslint.now=2026-06-01T00:00:00Z", "./...")
	vet.Dir = filepath.Join(repoRoot, "fixtures", "go")
	vet.Env = append(os.Environ(), "GOFLAGS=", "GOTOOLCHAIN=local", "GOPROXY=off")
	out, _ := vet.CombinedOutput()
	diag := regexp.MustCompile(`^(\S+\.go):(\d+):(\d+): (SES\d{3}): (.*)$`)
	var fromVet []string
	for _, line := range strings.Split(string(out), "\n") {
		if m := diag.FindStringSubmatch(line); m != nil {
			fromVet = append(fromVet, "fixtures/go/"+strings.TrimPrefix(m[1], "./")+":"+m[2]+":"+m[3]+" "+m[4]+" "+m[5])
		}
	}
	want, err := expect.Read(filepath.Join(repoRoot, "fixtures", "go", "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	missing, unexpected := expect.Compare(want, byPlace(fromVet, "fixtures/go/"))
	for _, m := range missing {
		t.Errorf("go vet: missing fixtures/go/expected.txt %s", m)
	}
	for _, x := range unexpected {
		t.Errorf("go vet: unexpected %s", x)
	}
	code, stdout, stderr := runAt(t, fixedNow, "--no-hints", "fixtures/go")
	if code != exitFindings {
		t.Errorf("exit %d: %s", code, stderr)
	}
	text := regexp.MustCompile(`^(\S+):(\d+):(\d+): (?:error|warning|note) (SES\d{3}): (.*)$`)
	var fromCLI []string
	for _, line := range strings.Split(stdout, "\n") {
		if m := text.FindStringSubmatch(line); m != nil {
			fromCLI = append(fromCLI, m[1]+":"+m[2]+":"+m[3]+" "+m[4]+" "+m[5])
		}
	}
	sort.Strings(fromVet)
	sort.Strings(fromCLI)
	if strings.Join(fromVet, "\n") != strings.Join(fromCLI, "\n") {
		t.Errorf("go vet:\n%s\n\nseslint:\n%s", strings.Join(fromVet, "\n"), strings.Join(fromCLI, "\n"))
	}
}

// byPlace groups "file:line:column RULE message" lines by their
// "file:line:column RULE", with prefix taken off the file.
func byPlace(lines []string, prefix string) map[string][]string {
	out := map[string][]string{}
	for _, l := range lines {
		pos, rest, _ := strings.Cut(strings.TrimPrefix(l, prefix), " ")
		rule, msg, _ := strings.Cut(rest, " ")
		out[pos+" "+rule] = append(out[pos+" "+rule], msg)
	}
	return out
}
