package seslint_test

import (
	"os/exec"
	"testing"
)

// TestPreCommitHook runs .ci/precommit-test.sh: the real pre-commit builds
// the hook of .pre-commit-hooks.yaml from a snapshot of this working tree
// and runs it on staged files of a throwaway repository (see the script
// for every check).
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the hook with pre-commit")
	}
	tool(t, "", "pre-commit", "apt-get install pre-commit")
	for _, need := range []string{"bash", "git", "go", "tar"} {
		if _, err := exec.LookPath(need); err != nil {
			t.Skipf("%s is not on PATH", need)
		}
	}
	out, err := exec.Command("bash", ".ci/precommit-test.sh").CombinedOutput()
	if err != nil {
		t.Fatalf("bash .ci/precommit-test.sh: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}
