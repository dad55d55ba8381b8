//go:build unix

package scan_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/seslint/seslint/analyzer/scan"
)

// TestHostileSymlinks: links are not followed while walking — a loop, a
// link to a file or a directory outside the scanned tree, a link to an
// ancestor — and each that could have been scanned is named.
func TestHostileSymlinks(t *testing.T) {
	outside := t.TempDir()
	writeTree(t, outside, map[string]string{"secret/policy.json": badPolicy})
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"control.json": badPolicy, "sub/README.md": "a directory\n"})
	for link, target := range map[string]string{
		"loop.json":       "loop.json",
		"a.yaml":          "b.yaml",
		"b.yaml":          "a.yaml",
		"outside.json":    filepath.Join(outside, "secret", "policy.json"),
		"outside-dir":     filepath.Join(outside, "secret"),
		"sub/up":          "..",
		"dangling.tf":     "nowhere.tf",
		"sub/readme-link": "README.md", // neither a name seslint reads nor a directory: not mentioned
	} {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	findings, notes := scanDir(t, dir, scan.Options{})
	wantFindings(t, findings)
	const notFollowed = "not scanned: a symbolic link; links found while walking are not followed (name the target to scan it)"
	wantNote(t, notes, "outside.json", notFollowed, false)
	wantNote(t, notes, "outside-dir", notFollowed, false)
	wantNote(t, notes, "sub/up", notFollowed, false)
	wantNote(t, notes, "loop.json", "not scanned: a symbolic link that does not resolve (too many levels of symbolic links)", false)
	wantNote(t, notes, "a.yaml", "not scanned: a symbolic link that does not resolve (too many levels of symbolic links)", false)
	wantNote(t, notes, "b.yaml", "not scanned: a symbolic link that does not resolve (too many levels of symbolic links)", false)
	wantNote(t, notes, "dangling.tf", "not scanned: a symbolic link that does not resolve (no such file or directory)", false)
	if len(notes) != 7 {
		t.Errorf("%d notifications, want 7: %v", len(notes), notes)
	}
	// Named on the command line, a link is followed: the user chose it.
	res, err := scan.Run(context.Background(), hostileEngine(t), []string{"outside-dir", "outside.json"}, scan.Options{Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	findings, notes = where(res)
	if got, want := strings.Join(findings, "\n"), "outside-dir/policy.json:"+badPolicyAt+" SES107\noutside.json:"+badPolicyAt+" SES107"; got != want {
		t.Errorf("links named on the command line:\n%s\nwant:\n%s", got, want)
	}
	wantNoNotes(t, notes)
}

// TestHostileSpecialFiles: named pipes and devices with names seslint
// reads are named and never opened (opening a pipe without a writer
// would block the scan forever).
func TestHostileSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"control.json": badPolicy})
	for _, name := range []string{"pipe.json", "template.yaml", "main.tf"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Skipf("cannot make a named pipe here: %v", err)
		}
	}
	device := true
	// The null device's numbers (1, 3); only root may make one.
	if err := syscall.Mknod(filepath.Join(dir, "null.json"), syscall.S_IFCHR|0o644, 1<<8|3); err != nil {
		t.Logf("no device file (%v): only the pipes are checked", err)
		device = false
	}
	findings, notes := scanDir(t, dir, scan.Options{})
	wantFindings(t, findings)
	for _, name := range []string{"pipe.json", "template.yaml", "main.tf"} {
		wantNote(t, notes, name, "not scanned: a named pipe (FIFO), not a regular file", false)
	}
	if device {
		wantNote(t, notes, "null.json", "not scanned: a device, not a regular file", false)
	}
}

// TestHostileUnreadable: a file and a directory the scan may not read are
// errors naming them (the scan is incomplete); the rest is reported. Root
// reads mode-000 files, so as root the scan runs in a copy of the test
// binary as the unprivileged user nobody.
func TestHostileUnreadable(t *testing.T) {
	if dir := os.Getenv("SESLINT_UNREADABLE_TREE"); dir != "" {
		checkUnreadable(t, dir)
		return
	}
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"control.json": badPolicy, "locked.json": badPolicy, "closed/inner.json": badPolicy})
	for _, p := range []string{"locked.json", "closed"} {
		if err := os.Chmod(filepath.Join(dir, p), 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(filepath.Join(dir, p), 0o755) })
	}
	if os.Geteuid() != 0 {
		checkUnreadable(t, dir)
		return
	}
	const nobody = 65534
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "scan.test")
	if err := copyFile(self, bin); err != nil {
		t.Fatal(err)
	}
	// nobody must reach the tree and run the copy.
	for p := dir; p != filepath.Dir(p); p = filepath.Dir(p) {
		info, err := os.Stat(p)
		if err != nil || info.Mode().Perm()&0o001 == 0 {
			if err := os.Chmod(p, info.Mode().Perm()|0o711); err != nil {
				t.Skipf("running as root and cannot open %s to nobody: %v", p, err)
			}
			t.Cleanup(func() { os.Chmod(p, info.Mode().Perm()) })
		}
	}
	cmd := exec.Command(bin, "-test.run=^TestHostileUnreadable$", "-test.v")
	cmd.Env = append(os.Environ(), "SESLINT_UNREADABLE_TREE="+dir, "HOME=/nonexistent", "GOCACHE=off")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		if len(out) == 0 {
			t.Skipf("running as root and cannot run the scan as nobody: %v", err)
		}
		t.Errorf("as nobody: %v\n%s", err, out)
	}
	t.Logf("as nobody:\n%s", out)
	if !strings.Contains(string(out), "--- PASS: TestHostileUnreadable") {
		t.Errorf("as nobody, the check did not pass:\n%s", out)
	}
}

func checkUnreadable(t *testing.T, dir string) {
	if f, err := os.Open(filepath.Join(dir, "locked.json")); err == nil {
		f.Close()
		t.Fatal("locked.json is readable")
	}
	findings, notes := scanDir(t, dir, scan.Options{})
	wantFindings(t, findings)
	wantNote(t, notes, "locked.json", "cannot read: permission denied", true)
	wantNote(t, notes, "closed", "cannot read directory: permission denied", true)
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o755)
}

// TestHostileGoModules: a Go module holding a Go file that is a named
// pipe, a link out of the module or larger than the size limit is not
// loaded (the go command would open the pipe and wait, read the link's
// target, parse the file whole) and is named; other modules are checked.
func TestHostileGoModules(t *testing.T) {
	outside := t.TempDir()
	dir := t.TempDir()
	goMod := func(name string) string { return "module example.com/" + name + "\n\ngo 1.22\n" }
	withPolicy := "package a\n\nconst Policy = `" + badPolicy + "`\n"
	big := "package a\n\n// " + strings.Repeat("x", 3000) + "\n"
	writeTree(t, outside, map[string]string{"secret.go": "package a\n"})
	writeTree(t, dir, map[string]string{
		"control.json": badPolicy,
		"ok/go.mod":    goMod("ok"), "ok/a.go": withPolicy,
		"fifo/go.mod": goMod("fifo"), "fifo/a.go": withPolicy,
		"link/go.mod": goMod("link"), "link/a.go": withPolicy,
		"big/go.mod": goMod("big"), "big/a.go": withPolicy,
		"big/big.go": big,
	})
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo", "pipe.go"), 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	if err := os.Symlink(filepath.Join(outside, "secret.go"), filepath.Join(dir, "link", "secret.go")); err != nil {
		t.Fatal(err)
	}
	findings, notes := scanDir(t, dir, scan.Options{MaxFileSize: 2000})
	wantFindings(t, findings, "ok/a.go:5:"+strings.SplitN(badPolicyAt, ":", 2)[1]+" SES107")
	wantNote(t, notes, "fifo/pipe.go", "Go module not loaded: this Go file is not a regular file, and the go command would open it", true)
	wantNote(t, notes, "link/secret.go", "Go module not loaded: this Go file is not a regular file, and the go command would open it", true)
	wantNote(t, notes, "big/big.go", fmt.Sprintf("Go module not loaded: this Go file is %d bytes, over the 2000-byte limit (--max-file-size)", len(big)), true)
	if len(notes) != 3 {
		t.Errorf("notifications %v", notes)
	}
}
