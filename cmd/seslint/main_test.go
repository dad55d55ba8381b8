package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestMain points the type cache at a directory of its own, so the tests
// neither read nor fill the user's.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "seslint-test-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Setenv("SESLINT_CACHE", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// TestTypeCacheDir: SESLINT_CACHE names the type cache's directory, "off"
// turns it off, and by default it is seslint in the user cache directory.
func TestTypeCacheDir(t *testing.T) {
	t.Setenv("SESLINT_CACHE", "/some/dir")
	if got := typeCacheDir(); got != "/some/dir" {
		t.Errorf("SESLINT_CACHE=/some/dir: %q", got)
	}
	t.Setenv("SESLINT_CACHE", "off")
	if got := typeCacheDir(); got != "" {
		t.Errorf("SESLINT_CACHE=off: %q, want none", got)
	}
	t.Setenv("SESLINT_CACHE", "")
	t.Setenv("XDG_CACHE_HOME", "/xdg")
	t.Setenv("HOME", "/home/someone")
	base, err := os.UserCacheDir()
	if err != nil {
		t.Skip(err)
	}
	if got := typeCacheDir(); got != filepath.Join(base, "seslint") {
		t.Errorf("SESLINT_CACHE unset: %q, want %q", got, filepath.Join(base, "seslint"))
	}
}
