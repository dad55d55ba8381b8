package scan

// Files named one by one, as a pre-commit hook names the staged files, are
// scanned as they would be in a scan of the whole repository: the
// configuration's exclusions apply to them, and they are evaluated with
// the rest of their deployment unit.

import (
	"fmt"
	"os"
	"path/filepath"
)

// excludedNamed returns the notification for a file named on the command
// line that an exclude glob leaves out, or nil.
func excludedNamed(p string, excl []glob) *Notification {
	if len(excl) == 0 {
		return nil
	}
	if info, err := os.Stat(p); err != nil || info.IsDir() {
		return nil
	}
	rel := displayPath(p)
	for _, g := range excl {
		if excluded([]glob{g}, rel, filepath.Base(rel)) {
			return &Notification{Path: rel, Message: fmt.Sprintf("not scanned: excluded by %q", g.pattern)}
		}
	}
	return nil
}

// unitMembers returns the files of the configured units (.seslint.yaml
// units:) that the requested files belong to but that were not requested.
// A file named on its own (a pre-commit hook passes only the staged files)
// is evaluated with the rest of its joined unit, as a Terraform file is
// with the rest of its module; only the requested files' findings are
// reported. Unit globs are relative to the configuration's directory
// (root), so the other members are looked for under it.
func unitMembers(groups [][]glob, requested map[string]bool, excl []glob, root string) []string {
	var touched [][]glob
	for _, g := range groups {
		for p := range requested {
			if excluded(g, p, filepath.Base(p)) {
				touched = append(touched, g)
				break
			}
		}
	}
	if len(touched) == 0 {
		return nil
	}
	// Files that cannot be listed here are not the ones asked for: a
	// problem with them is reported when they are scanned themselves.
	if root == "" {
		root = "."
	}
	all, _, err := walk(root, excl)
	if err != nil {
		return nil
	}
	var out []string
	for _, f := range all {
		p := displayPath(f)
		if requested[p] {
			continue
		}
		for _, g := range touched {
			if excluded(g, p, filepath.Base(p)) {
				out = append(out, f)
				break
			}
		}
	}
	return out
}
