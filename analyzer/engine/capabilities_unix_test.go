//go:build unix

package engine

import (
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestUserRuleDirectoryWithAPipe: a named pipe called *.rego in a rule
// directory is an error, not a read that waits forever.
func TestUserRuleDirectoryWithAPipe(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.rego"), 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	_, err := New(context.Background(), Options{RuleDirs: []string{dir}})
	if err == nil || !strings.Contains(err.Error(), "pipe.rego is not a regular file") {
		t.Errorf("error %v", err)
	}
}
