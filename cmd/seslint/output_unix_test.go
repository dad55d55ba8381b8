//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// untrustedRepo is a checkout holding a policy with one finding.
func untrustedRepo(t *testing.T) string {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "policy.json"), []byte(unknownAction), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	return dir
}

// TestOutputNeverFollowsALink: -o does not write through a symbolic link
// planted at the report's path or on a directory on the way to it inside
// the working directory, nor into a named pipe; the target is untouched.
func TestOutputNeverFollowsALink(t *testing.T) {
	victim := filepath.Join(t.TempDir(), "victim")
	if err := os.WriteFile(victim, []byte("precious\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, output, err string
		plant             func(dir string) error
	}{
		{"link at the path", "seslint.sarif", "-o seslint.sarif: is a symbolic link; seslint does not write through links",
			func(dir string) error { return os.Symlink(victim, filepath.Join(dir, "seslint.sarif")) }},
		{"dangling link", "new.sarif", "-o new.sarif: is a symbolic link",
			func(dir string) error { return os.Symlink(victim+".new", filepath.Join(dir, "new.sarif")) }},
		{"linked directory", "out/seslint.sarif", "-o out/seslint.sarif: out is a symbolic link",
			func(dir string) error { return os.Symlink(filepath.Dir(victim), filepath.Join(dir, "out")) }},
		{"named pipe", "pipe.sarif", "-o pipe.sarif: exists and is not a regular file",
			func(dir string) error { return syscall.Mkfifo(filepath.Join(dir, "pipe.sarif"), 0o644) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := untrustedRepo(t)
			if err := c.plant(dir); err != nil {
				t.Fatal(err)
			}
			var out, errb bytes.Buffer
			code := run([]string{fixedNow, "-f", "sarif", "-o", c.output, "."}, &out, &errb)
			if code != exitError || !strings.Contains(errb.String(), c.err) {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, errb.String(), c.err)
			}
			if b, _ := os.ReadFile(victim); string(b) != "precious\n" {
				t.Errorf("the link's target was written: %q", b)
			}
			if _, err := os.Lstat(victim + ".new"); err == nil {
				t.Error("the dangling link's target was created")
			}
		})
	}
	t.Run("regular file", func(t *testing.T) {
		dir := untrustedRepo(t)
		if err := os.WriteFile(filepath.Join(dir, "old.sarif"), []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		if code := run([]string{fixedNow, "-f", "sarif", "-o", "old.sarif", "."}, &out, &errb); code != exitFindings {
			t.Errorf("exit %d: %s", code, errb.String())
		}
		if b, _ := os.ReadFile("old.sarif"); !bytes.Contains(b, []byte(`"ruleId": "SES107"`)) {
			t.Errorf("old.sarif not rewritten: %.200s", b)
		}
	})
}

// TestOutputOutsideTheCheckout: a path outside the working directory is
// the machine's and is opened as given: /dev/null (a device), and a link
// in a directory above the checkout.
func TestOutputOutsideTheCheckout(t *testing.T) {
	above := t.TempDir()
	target := filepath.Join(t.TempDir(), "report.sarif")
	if err := os.Symlink(target, filepath.Join(above, "link.sarif")); err != nil {
		t.Fatal(err)
	}
	untrustedRepo(t)
	for _, output := range []string{os.DevNull, filepath.Join(above, "link.sarif")} {
		var out, errb bytes.Buffer
		if code := run([]string{fixedNow, "-f", "sarif", "-o", output, "."}, &out, &errb); code != exitFindings {
			t.Errorf("-o %s: exit %d, stderr %q; want exit 1", output, code, errb.String())
		}
	}
	if b, _ := os.ReadFile(target); !bytes.Contains(b, []byte(`"ruleId": "SES107"`)) {
		t.Errorf("the report was not written through the link outside the checkout: %.200s", b)
	}
}

// TestFoundConfigurationLinkIsRefused: a .seslint.yaml planted as a link
// (to a file the job may read, whose text an error message would quote)
// is refused; named with --config, it is read.
func TestFoundConfigurationLinkIsRefused(t *testing.T) {
	dir := untrustedRepo(t)
	target := filepath.Join(t.TempDir(), "elsewhere.yaml")
	if err := os.WriteFile(target, []byte("exclude: [\"nothing/**\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, filepath.Join(dir, ".seslint.yaml")); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := run([]string{fixedNow, "."}, &out, &errb)
	want := "configuration .seslint.yaml is a symbolic link; seslint does not follow a link it finds (pass --config to use it)"
	if code != exitError || !strings.Contains(errb.String(), want) {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
	out.Reset()
	errb.Reset()
	if code := run([]string{fixedNow, "--config", ".seslint.yaml", "."}, &out, &errb); code != exitFindings {
		t.Errorf("with --config: exit %d, stderr %q", code, errb.String())
	}
}
