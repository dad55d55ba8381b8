package seslint_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// tool finds an external checker: the path in the environment variable
// env (when env is not empty), else name on PATH. Missing, the test is skipped, except in CI
// (CI=true), where .ci/run installs it and its absence is a failure.
func tool(t *testing.T, env, name, install string) string {
	t.Helper()
	if env != "" && os.Getenv(env) != "" {
		return os.Getenv(env)
	}
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	msg := fmt.Sprintf("%s is not installed (%s)", name, install)
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + "; .ci/run installs it")
	}
	t.Skip(msg)
	return ""
}

// TestWorkflowsPassActionlint runs actionlint, with shellcheck on every run:
// script, on the workflows under .github/workflows and on action.yml.
// actionlint reads workflows, not action metadata, so action.yml's steps
// are checked inlined into a workflow (see inlineAction), with its inputs
// as the workflow's inputs and its outputs as the job's.
func TestWorkflowsPassActionlint(t *testing.T) {
	actionlint := tool(t, "ACTIONLINT", "actionlint", "go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12")
	shellcheck := tool(t, "SHELLCHECK", "shellcheck", "apt-get install shellcheck")
	files, err := filepath.Glob(".github/workflows/*.y*ml")
	if err != nil || len(files) < 2 {
		t.Fatalf("workflows: %v %v (want the project's CI and the example for users)", files, err)
	}
	inlined := filepath.Join(t.TempDir(), "action.yml")
	if err := os.WriteFile(inlined, inlineAction(t), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(actionlint, append([]string{"-shellcheck", shellcheck, "-no-color"}, append(files, inlined)...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		text := string(out)
		if wd, err := os.Getwd(); err == nil {
			rel, _ := filepath.Rel(wd, inlined)
			text = strings.ReplaceAll(text, rel, "action.yml")
		}
		t.Errorf("actionlint (in action.yml, the lines from its steps on are its own):\n%s", strings.ReplaceAll(text, inlined, "action.yml"))
	}
}

// TestScriptsPassShellcheck checks the CI scripts.
func TestScriptsPassShellcheck(t *testing.T) {
	shellcheck := tool(t, "SHELLCHECK", "shellcheck", "apt-get install shellcheck")
	scripts, _ := filepath.Glob(".ci/*.sh")
	scripts = append(scripts, ".ci/run")
	out, err := exec.Command(shellcheck, append([]string{"--shell=bash"}, scripts...)...).CombinedOutput()
	if err != nil {
		t.Errorf("shellcheck %v:\n%s", scripts, out)
	}
}

// inlineAction returns a workflow that runs action.yml's steps as a job,
// its inputs declared as workflow_call inputs and its outputs as the job's.
// The steps are copied verbatim and start on the line they start on in
// action.yml, so actionlint's line:column positions are action.yml's.
func inlineAction(t *testing.T) []byte {
	t.Helper()
	a := readAction(t)
	src, err := os.ReadFile("action.yml")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	stepsAt := -1
	inRuns := false
	for i, l := range lines {
		switch {
		case l == "runs:":
			inRuns = true
		case inRuns && l == "  steps:":
			stepsAt = i
		case stepsAt >= 0 && regexp.MustCompile(`^[^\s#]`).MatchString(l):
			t.Fatalf("action.yml:%d: runs.steps must come last for the inlined workflow", i+1)
		}
	}
	if stepsAt < 0 {
		t.Fatal(`action.yml: no "  steps:" under "runs:"`)
	}
	var h []string
	h = append(h, "# action.yml's steps inlined into a workflow, for actionlint.", "name: action.yml", "on:", "  workflow_call:", "    inputs:")
	for _, name := range slices.Sorted(maps.Keys(a.Inputs)) {
		def, _ := json.Marshal(a.Inputs[name].Default)
		h = append(h, fmt.Sprintf("      %s: {type: string, required: %v, default: %s}", name, a.Inputs[name].Required, def))
	}
	h = append(h, "    outputs:")
	for _, name := range slices.Sorted(maps.Keys(a.Outputs)) {
		h = append(h, fmt.Sprintf("      %s: {value: \"${{ jobs.action.outputs.%s }}\"}", name, name))
	}
	h = append(h, "jobs:", "  action:", "    runs-on: ubuntu-latest", "    outputs:")
	for _, name := range slices.Sorted(maps.Keys(a.Outputs)) {
		v, _ := json.Marshal(a.Outputs[name].Value)
		h = append(h, fmt.Sprintf("      %s: %s", name, v))
	}
	if len(h) > stepsAt {
		t.Fatalf("the inlined workflow's header needs %d lines, action.yml's steps start on line %d", len(h), stepsAt+1)
	}
	for len(h) < stepsAt {
		h = append(h, "#")
	}
	h = append(h, "    steps:")
	return []byte(strings.Join(append(h, lines[stepsAt+1:]...), "\n"))
}
