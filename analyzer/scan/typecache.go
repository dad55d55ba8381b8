package scan

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// typeCacheFormat names the layout of the cache's entries; changing what
// goes into a key or an entry changes it, so old entries are not read.
const typeCacheFormat = "seslint types 1"

// typeCache keeps the types of Go packages that do not change between
// scans — the standard library and versioned modules of the module cache —
// as export data files (golang.org/x/tools/go/gcexportdata), so a scan
// reads them instead of parsing and type-checking their source again. An
// entry's name is a hash of everything its types depend on: seslint's Go
// and x/tools versions, the target's sizes, the package's path, its
// module's version or its GOROOT's VERSION file, the name, size and
// modification time of each of its files, and its imports' entries. The
// cache is an optimisation only: an entry that cannot be
// read, or a directory that cannot be written, means the package is
// checked from source. A nil *typeCache is a cache that is off.
//
// An entry's modification time is when a scan last used it (refreshed at
// most hourly); at most once a day a scan removes the entries no scan used
// for typeCacheMaxAge, such as those of a Go version or module version no
// longer in use, so the cache does not grow without end.
type typeCache struct {
	dir  string
	hits atomic.Int64
	now  func() time.Time // time.Now, but for tests
}

const (
	// typeCacheMaxAge is how long an unused entry is kept.
	typeCacheMaxAge = 5 * 24 * time.Hour
	// typeCacheTrimEvery is how often a scan looks for unused entries.
	typeCacheTrimEvery = 24 * time.Hour
	// typeCacheTouchAfter is how old an entry's time may be before a read
	// refreshes it.
	typeCacheTouchAfter = time.Hour
	// typeCacheTrimFile holds the time of the last trim.
	typeCacheTrimFile = "trim.txt"
)

// openTypeCache returns the cache kept in dir, or nil (off) when dir is
// empty.
func openTypeCache(dir string) *typeCache {
	if dir == "" {
		return nil
	}
	return &typeCache{dir: dir, now: time.Now}
}

// Hits is how many packages' types were read from the cache.
func (c *typeCache) Hits() int {
	if c == nil {
		return 0
	}
	return int(c.hits.Load())
}

// toolVersions are the versions the export data format depends on: Go's
// (go/types) and x/tools' (gcexportdata).
var toolVersions = sync.OnceValue(func() string {
	v := runtime.Version()
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "golang.org/x/tools" {
				v += " " + d.Version
			}
		}
	}
	return v
})

// keys names the cache entry of every package of order (imports before
// their importers) whose types can be cached: not a root, without errors
// from go list, from the standard library or a versioned module, with
// files that can be stat'ed and imports that can be cached too. Other
// packages get no key.
func (c *typeCache) keys(order []*packages.Package, isRoot map[*packages.Package]bool, sizes types.Sizes) map[*packages.Package]string {
	if c == nil {
		return nil
	}
	keys := map[*packages.Package]string{}
	goroots := rootVersions{}
next:
	for _, p := range order {
		if isRoot[p] || p.PkgPath == "unsafe" || len(p.Errors) > 0 || !unchanging(p.Module) {
			continue
		}
		h := sha256.New()
		fmt.Fprintf(h, "%s\n%s\n%v\n%s %s\n", typeCacheFormat, toolVersions(), sizes, p.PkgPath, p.Name)
		if p.Module != nil {
			fmt.Fprintf(h, "module %s %s go %s\n", p.Module.Path, p.Module.Version, p.Module.GoVersion)
		} else if len(p.GoFiles) > 0 {
			fmt.Fprintf(h, "goroot %s\n", goroots.version(p.PkgPath, p.GoFiles[0]))
		}
		for _, name := range p.GoFiles {
			st, err := os.Stat(name)
			if err != nil {
				continue next
			}
			fmt.Fprintf(h, "file %q %d %d\n", name, st.Size(), st.ModTime().UnixNano())
		}
		for _, path := range sortedKeys(p.Imports) {
			ip := p.Imports[path]
			if keys[ip] == "" && ip.PkgPath != "unsafe" {
				continue next
			}
			fmt.Fprintf(h, "import %q %s\n", path, keys[ip])
		}
		keys[p] = hex.EncodeToString(h.Sum(nil))
	}
	return keys
}

// rootVersions reads the VERSION file of each GOROOT once: a standard
// library package's entry names the toolchain whose source it is, beside
// the files' sizes and times.
type rootVersions map[string]string

// version returns the content of the VERSION file of the GOROOT that holds
// the standard library package path, one of whose files is file; "" when
// there is none (a development toolchain).
func (r rootVersions) version(path, file string) string {
	root, ok := strings.CutSuffix(filepath.Dir(file), filepath.FromSlash("/src/"+path))
	if !ok {
		return ""
	}
	v, ok := r[root]
	if !ok {
		b, _ := os.ReadFile(filepath.Join(root, "VERSION"))
		v = string(b)
		r[root] = v
	}
	return v
}

// unchanging reports whether a package of module m is one whose source
// does not change in place: the standard library (no module) or a module
// version in the module cache (not the main module, not replaced by a
// directory).
func unchanging(m *packages.Module) bool {
	return m == nil || !m.Main && m.Version != "" && (m.Replace == nil || m.Replace.Version != "")
}

func (c *typeCache) file(key string) string {
	return filepath.Join(c.dir, key[:2], key)
}

// read returns the types of the entry key for the package path, adding
// them to imported, or nil when the cache has no usable entry. The caller
// serialises calls: gcexportdata.Read adds to imported.
func (c *typeCache) read(key string, fset *token.FileSet, imported map[string]*types.Package, path string) (pkg *types.Package) {
	if c == nil {
		return nil
	}
	name := c.file(key)
	b, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	defer func() {
		if recover() != nil {
			pkg = nil
		}
		if pkg == nil {
			delete(imported, path) // what a failed read left there
		}
	}()
	pkg, err = gcexportdata.Read(bytes.NewReader(b), fset, imported, path)
	if err != nil || !pkg.Complete() {
		return nil
	}
	c.hits.Add(1)
	if st, err := os.Stat(name); err == nil && c.now().Sub(st.ModTime()) > typeCacheTouchAfter {
		_ = os.Chtimes(name, c.now(), c.now())
	}
	return pkg
}

// trim removes the entries no scan used for typeCacheMaxAge, unless a scan
// did so less than typeCacheTrimEvery ago. Failures are ignored, as the
// cache's are everywhere.
func (c *typeCache) trim() {
	if c == nil {
		return
	}
	now := c.now()
	marker := filepath.Join(c.dir, typeCacheTrimFile)
	if b, err := os.ReadFile(marker); err == nil {
		if last, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err == nil && now.Sub(time.Unix(last, 0)) < typeCacheTrimEvery {
			return
		}
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return
	}
	if err := os.WriteFile(marker, []byte(strconv.FormatInt(now.Unix(), 10)+"\n"), 0o644); err != nil {
		return
	}
	subdirs, _ := os.ReadDir(c.dir)
	for _, sd := range subdirs {
		if !sd.IsDir() || len(sd.Name()) != 2 {
			continue
		}
		sub := filepath.Join(c.dir, sd.Name())
		entries, _ := os.ReadDir(sub)
		for _, e := range entries {
			// Entries, and temporary files a killed scan left behind.
			if info, err := e.Info(); err == nil && info.Mode().IsRegular() && now.Sub(info.ModTime()) > typeCacheMaxAge {
				_ = os.Remove(filepath.Join(sub, e.Name()))
			}
		}
	}
}

// write stores pkg's types as the entry key, replacing the file at once so
// that a reader sees the whole entry or none. Failures are ignored: the
// package is checked from source next time.
func (c *typeCache) write(key string, fset *token.FileSet, pkg *types.Package) {
	if c == nil {
		return
	}
	var buf bytes.Buffer
	if !exportData(&buf, fset, pkg) {
		return
	}
	name := c.file(key)
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "tmp-*")
	if err != nil {
		return
	}
	_, err = tmp.Write(buf.Bytes())
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
	}
}

func exportData(buf *bytes.Buffer, fset *token.FileSet, pkg *types.Package) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return gcexportdata.Write(buf, fset, pkg) == nil
}
