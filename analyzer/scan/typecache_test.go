package scan

import (
	"context"
	"fmt"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/seslint/seslint/analyzer/engine"
)

// TestTypeCache scans a module whose policy is built with fmt.Sprintf (the
// pass knows fmt by its types) with the type cache: a first scan fills
// it, a second reads the imported packages' types from it, and both give
// the same findings; entries that are garbage, or a cache that cannot be
// written, are checked from source with the same findings and no
// notification.
func TestTypeCache(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.22\n",
		"mail/mail.go": "package mail\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n\nconst region = \"eu-west-1\"\n\n" +
			"var Policy = fmt.Sprintf(`{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ses:SendEmails\", " +
			"\"Resource\": \"arn:aws:ses:%s:123456789012:identity/example.com\"}]}`, region)\n\nvar Client = http.DefaultClient\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	eng, err := engine.New(context.Background(), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cacheDir := filepath.Join(t.TempDir(), "cache")
	scanWith := func(what, cacheDir string) (findings string, hits int) {
		t.Helper()
		opts := Options{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), typeCache: openTypeCache(cacheDir)}
		var st Stats
		fs, notes := scanGo(context.Background(), eng, dir, []string{"./..."}, nil, opts, &st)
		for _, n := range notes {
			t.Errorf("%s: notification %s: %s", what, n.Path, n.Message)
		}
		var got []string
		for _, f := range fs {
			got = append(got, fmt.Sprintf("%s:%d:%d %s", filepath.Base(f.File.Path), f.Region.Start.Line, f.Region.Start.Column, f.Rule.ID))
		}
		return strings.Join(got, ", "), opts.typeCache.Hits()
	}
	entries := func() []string {
		t.Helper()
		var files []string
		_ = filepath.WalkDir(cacheDir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && d.Name() != typeCacheTrimFile {
				files = append(files, p)
			}
			return nil
		})
		return files
	}

	want, hits := scanWith("no cache", "")
	if want != "mail.go:10:97 SES107" {
		t.Fatalf("findings without the cache: %q, want mail.go:10:97 SES107", want)
	}
	if hits != 0 {
		t.Errorf("no cache: %d hits", hits)
	}
	if got, hits := scanWith("cold cache", cacheDir); got != want || hits != 0 {
		t.Errorf("cold cache: findings %q, %d hits; want %q, 0 hits", got, hits, want)
	}
	stored := entries()
	if len(stored) < 10 { // fmt and net/http import dozens of packages
		t.Fatalf("cache holds %d entries after a scan: %v", len(stored), stored)
	}
	for _, name := range stored {
		if strings.Contains(filepath.Base(name), "tmp-") {
			t.Errorf("temporary file left in the cache: %s", name)
		}
	}
	if got, hits := scanWith("warm cache", cacheDir); got != want || hits != len(stored) {
		t.Errorf("warm cache: findings %q, %d hits; want %q, %d hits", got, hits, want, len(stored))
	}

	for _, name := range stored {
		if err := os.WriteFile(name, []byte("i not export data"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got, hits := scanWith("garbage entries", cacheDir); got != want || hits != 0 {
		t.Errorf("garbage entries: findings %q, %d hits; want %q, 0 hits", got, hits, want)
	}
	if got, hits := scanWith("rewritten entries", cacheDir); got != want || hits != len(stored) {
		t.Errorf("entries written again: findings %q, %d hits; want %q, %d hits", got, hits, want, len(stored))
	}

	notADir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notADir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, hits := scanWith("unwritable cache", notADir); got != want || hits != 0 {
		t.Errorf("unwritable cache: findings %q, %d hits; want %q, 0 hits", got, hits, want)
	}
}

// TestTypeCacheKeys: only packages that do not change in place get an
// entry — the standard library and versioned modules, not the roots, the
// main module's other packages or a module replaced by a directory — and
// an entry's key changes with a file's size or modification time, with
// the GOROOT's VERSION for the standard library, and with the key of a
// package it imports.
func TestTypeCacheKeys(t *testing.T) {
	dir := t.TempDir()
	file := func(name, content string) string {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	file("goroot/VERSION", "go1.26.8\ntime 2026-08-28T16:20:06Z\n")
	versioned := &packages.Module{Path: "example.com/dep", Version: "v1.2.3"}
	std := &packages.Package{PkgPath: "strings", Name: "strings", GoFiles: []string{file("goroot/src/strings/strings.go", "package strings\n")}, Imports: map[string]*packages.Package{}}
	dep := &packages.Package{PkgPath: "example.com/dep", Name: "dep", Module: versioned, GoFiles: []string{file("dep.go", "package dep\n")},
		Imports: map[string]*packages.Package{"strings": std}}
	replaced := &packages.Package{PkgPath: "example.com/fork", Name: "fork", GoFiles: []string{file("fork.go", "package fork\n")},
		Module: &packages.Module{Path: "example.com/fork", Version: "v1.0.0", Replace: &packages.Module{Path: "../fork"}}, Imports: map[string]*packages.Package{}}
	main := &packages.Module{Path: "example.com/m", Main: true}
	internal := &packages.Package{PkgPath: "example.com/m/internal", Name: "internal", Module: main, GoFiles: []string{file("internal.go", "package internal\n")},
		Imports: map[string]*packages.Package{"example.com/dep": dep}}
	root := &packages.Package{PkgPath: "example.com/m", Name: "m", Module: main, GoFiles: []string{file("m.go", "package m\n")},
		Imports: map[string]*packages.Package{"example.com/m/internal": internal, "example.com/fork": replaced, "example.com/dep": dep}}
	order := []*packages.Package{std, dep, replaced, internal, root}
	c := openTypeCache(t.TempDir())
	sizes := types.SizesFor("gc", "amd64")
	keys := c.keys(order, map[*packages.Package]bool{root: true}, sizes)
	for _, p := range []*packages.Package{std, dep} {
		if keys[p] == "" {
			t.Errorf("%s has no key", p.PkgPath)
		}
	}
	for _, p := range []*packages.Package{replaced, internal, root} {
		if keys[p] != "" {
			t.Errorf("%s has a key", p.PkgPath)
		}
	}
	if again := c.keys(order, map[*packages.Package]bool{root: true}, sizes); again[std] != keys[std] || again[dep] != keys[dep] {
		t.Errorf("keys differ between two calls")
	}
	if other := c.keys(order, map[*packages.Package]bool{root: true}, types.SizesFor("gc", "386")); other[std] == keys[std] {
		t.Errorf("the key does not depend on the sizes of the target")
	}

	file("goroot/VERSION", "go1.26.9\ntime 2026-08-28T16:20:06Z\n")
	if upgraded := c.keys(order, map[*packages.Package]bool{root: true}, sizes); upgraded[std] == keys[std] || upgraded[dep] == keys[dep] {
		t.Errorf("another VERSION of GOROOT: key of strings changed %v, of its importer %v", upgraded[std] != keys[std], upgraded[dep] != keys[dep])
	}
	file("goroot/VERSION", "go1.26.8\ntime 2026-08-28T16:20:06Z\n")
	if same := c.keys(order, map[*packages.Package]bool{root: true}, sizes); same[std] != keys[std] {
		t.Errorf("the same VERSION again: key of strings changed")
	}

	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(std.GoFiles[0], later, later); err != nil {
		t.Fatal(err)
	}
	touched := c.keys(order, map[*packages.Package]bool{root: true}, sizes)
	if touched[std] == keys[std] || touched[dep] == keys[dep] {
		t.Errorf("a newer file of strings: key of strings changed %v, of its importer %v", touched[std] != keys[std], touched[dep] != keys[dep])
	}
	file("dep.go", "package dep // longer\n")
	if grown := c.keys(order, map[*packages.Package]bool{root: true}, sizes); grown[dep] == touched[dep] || grown[std] != touched[std] {
		t.Errorf("a longer file of dep: key of dep changed %v, of strings changed %v", grown[dep] != touched[dep], grown[std] != touched[std])
	}
	if err := os.Remove(std.GoFiles[0]); err != nil {
		t.Fatal(err)
	}
	if gone := c.keys(order, map[*packages.Package]bool{root: true}, sizes); gone[std] != "" || gone[dep] != "" {
		t.Errorf("a file that cannot be stat'ed: keys %q, %q, want none", gone[std], gone[dep])
	}
	if nilCache := (*typeCache)(nil).keys(order, nil, sizes); nilCache != nil {
		t.Errorf("a cache that is off gives keys")
	}
}

// TestTypeCheckReadsTheCache: the types of a versioned module's package
// come from the cache while its files keep their size and modification
// time — a constant changed in place without either is still read as the
// cache has it — and from the source when the cache is off.
func TestTypeCheckReadsTheCache(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"dep/dep.go": "package dep\n\nconst Region = \"eu-west-1\"\n",
		"m/m.go":     "package m\n\nimport \"example.com/dep\"\n\nconst R = dep.Region\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	graph := func() *packages.Package {
		dep := &packages.Package{ID: "example.com/dep", PkgPath: "example.com/dep", Name: "dep", GoFiles: []string{filepath.Join(dir, "dep", "dep.go")},
			Module: &packages.Module{Path: "example.com/dep", Version: "v1.0.0"}, Imports: map[string]*packages.Package{}}
		return &packages.Package{ID: "example.com/m", PkgPath: "example.com/m", Name: "m", GoFiles: []string{filepath.Join(dir, "m", "m.go")},
			Module: &packages.Module{Path: "example.com/m", Main: true}, Imports: map[string]*packages.Package{"example.com/dep": dep}}
	}
	region := func(what string, c *typeCache) string {
		t.Helper()
		root := graph()
		if err := typeCheck(context.Background(), []*packages.Package{root}, dir, false, c); err != nil {
			t.Fatal(err)
		}
		if len(root.Errors) > 0 || root.TypesInfo == nil || len(root.Syntax) != 1 {
			t.Fatalf("%s: errors %v, type information %v, %d files", what, root.Errors, root.TypesInfo != nil, len(root.Syntax))
		}
		return root.Types.Scope().Lookup("R").(*types.Const).Val().String()
	}
	c := openTypeCache(t.TempDir())
	if got := region("cold cache", c); got != `"eu-west-1"` || c.Hits() != 0 {
		t.Errorf("cold cache: R = %s, %d hits", got, c.Hits())
	}
	name := filepath.Join(dir, "dep", "dep.go")
	st, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte("package dep\n\nconst Region = \"xx-west-1\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(name, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	if got := region("warm cache", c); got != `"eu-west-1"` || c.Hits() != 1 {
		t.Errorf("warm cache: R = %s, %d hits; want the cached \"eu-west-1\", 1 hit", got, c.Hits())
	}
	if got := region("no cache", nil); got != `"xx-west-1"` {
		t.Errorf("no cache: R = %s, want the source's \"xx-west-1\"", got)
	}
}

// TestTypeCacheTrim: a read refreshes an entry's time once it is an hour
// old; a trim, at most once a day, removes the entries and temporary
// files unused for five days, and nothing else.
func TestTypeCacheTrim(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	c := openTypeCache(dir)
	c.now = func() time.Time { return now }
	file := func(name string, age time.Duration) string {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, now.Add(-age), now.Add(-age)); err != nil {
			t.Fatal(err)
		}
		return p
	}
	exists := func(p string) bool {
		_, err := os.Stat(p)
		return err == nil
	}
	day := 24 * time.Hour
	unused := file("ab/unused", 6*day)
	used := file("ab/used", 4*day)
	tmp := file("cd/tmp-123", 10*day)
	other := file("notes/old", 30*day) // not an entry directory

	c.trim()
	for p, want := range map[string]bool{unused: false, used: true, tmp: false, other: true} {
		if exists(p) != want {
			t.Errorf("after the first trim: %s exists %v, want %v", p, !want, want)
		}
	}
	if b, err := os.ReadFile(filepath.Join(dir, typeCacheTrimFile)); err != nil || strings.TrimSpace(string(b)) != fmt.Sprint(now.Unix()) {
		t.Errorf("trim time %q, %v; want %d", b, err, now.Unix())
	}

	unused = file("ab/unused", 6*day)
	now = now.Add(23 * time.Hour)
	c.trim()
	if !exists(unused) {
		t.Errorf("trimmed again within a day: %s removed", unused)
	}
	now = now.Add(2 * time.Hour)
	c.trim()
	if exists(unused) || exists(used) {
		t.Errorf("a day later: unused entry exists %v, used entry (5 days 1 hour old now) exists %v; want false, false", exists(unused), exists(used))
	}

	// A read refreshes the time of an entry over an hour old, not of a
	// newer one.
	fset := token.NewFileSet()
	key := strings.Repeat("ef", 32)
	c.write(key, fset, types.NewPackage("example.com/x", "x"))
	entry := c.file(key)
	for _, tc := range []struct {
		age     time.Duration
		touched bool
	}{{30 * time.Minute, false}, {2 * time.Hour, true}} {
		if err := os.Chtimes(entry, now.Add(-tc.age), now.Add(-tc.age)); err != nil {
			t.Fatal(err)
		}
		if c.read(key, fset, map[string]*types.Package{}, "example.com/x") == nil {
			t.Fatalf("entry %s not read", entry)
		}
		st, err := os.Stat(entry)
		if err != nil {
			t.Fatal(err)
		}
		if got := st.ModTime().Equal(now); got != tc.touched {
			t.Errorf("entry %v old: time %v after the read, touched %v, want %v", tc.age, st.ModTime(), got, tc.touched)
		}
	}
}
