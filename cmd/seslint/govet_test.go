package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
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
	want := readGoExpected(t, filepath.Join(repoRoot, "fixtures", "go", "expected.txt"))
	if len(fromVet) != len(want) {
		t.Fatalf("go vet reported %d findings, fixtures/go/expected.txt lists %d:\n%s", len(fromVet), len(want), out)
	}
	sort.Strings(fromVet)
	for i, w := range want {
		if !strings.HasPrefix(fromVet[i], "fixtures/go/"+w[0]+" ") || !strings.Contains(fromVet[i], w[1]) {
			t.Errorf("go vet finding %d: %s\nwant %s %s", i, fromVet[i], w[0], w[1])
		}
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

// readGoExpected reads fixtures/go/expected.txt: `file:line:column RULE
// fragment` lines, returned sorted as [position and rule, fragment].
func readGoExpected(t *testing.T, path string) [][2]string {
	t.Helper()
	content, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out [][2]string
	for _, line := range strings.Split(string(content), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.SplitN(line, " ", 3)
		if len(f) != 3 {
			t.Fatalf("%s: %q: want `file:line:column RULE fragment`", path, line)
		}
		out = append(out, [2]string{f[0] + " " + f[1], f[2]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}
