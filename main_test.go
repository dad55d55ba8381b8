package seslint_test

import (
	"fmt"
	"os"
	"testing"
)

// TestMain points seslint's type cache, for the commands the tests run,
// at a directory of its own, so the tests neither read nor fill the
// user's.
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
