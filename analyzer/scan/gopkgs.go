package scan

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/seslint/seslint/analyzer"
	"github.com/seslint/seslint/analyzer/engine"
	"github.com/seslint/seslint/internal/fault"
)

// goBatch is how many packages are analysed at once.
const goBatch = 32

// goTimeout bounds package loading, so a module that wants the network (a
// missing dependency) fails with a message instead of hanging.
const goTimeout = 2 * time.Minute

// GoEnv is the environment package loading runs in: the local toolchain
// only (no download), no module proxy and no version control (no network:
// GOPROXY=off alone still lets the go command run git for modules that
// GOPRIVATE or GONOPROXY match, when the scanned go.sum names them), no
// go.mod changes, and flags of the environment replaced.
// Options.GoNetwork lets the loader download missing modules.
func GoEnv(network bool) []string {
	env := append(os.Environ(), "GOTOOLCHAIN=local", "GOWORK=off", "CGO_ENABLED=0")
	if network {
		return append(env, "GOFLAGS=-mod=mod")
	}
	return append(env, "GOPROXY=off", "GOVCS=*:off", "GOPRIVATE=", "GONOPROXY=", "GOINSECURE=", "GOSUMDB=off", "GOFLAGS=-mod=readonly")
}

// goModule is a Go module to scan and the packages of it to load, as go
// list patterns relative to Dir.
type goModule struct {
	Dir      string
	Packages []string
}

// goModules finds the Go modules to scan under a walked root: directories
// holding a go.mod, with the packages whose non-test Go files mention a
// policy or the AWS SDK (a cheap byte test, so unrelated modules and
// packages are not type-checked; a package they import is still loaded
// for its types and constants). A module
// holding a Go file that is not a regular file (a named pipe, a device, a
// link to outside the module) or is larger than maxSize is not loaded —
// the go command would open it, the type checker parse it whole — and is
// reported.
func goModules(root string, excl []glob, maxSize int64) ([]goModule, []Notification) {
	var mods []goModule
	var notes []Notification
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != root && (skipDirs[d.Name()] || d.Name() == "testdata" || excluded(excl, filepath.ToSlash(p), d.Name())) {
				return fs.SkipDir
			}
			return nil
		}
		if d.Name() != "go.mod" || !d.Type().IsRegular() {
			return nil
		}
		pkgs, odd, why := inspectModule(filepath.Dir(p), maxSize)
		switch {
		case odd != "":
			notes = append(notes, Notification{Path: displayPath(odd), Message: "Go module not loaded: this Go file " + why, Error: true})
		case len(pkgs) > 0:
			mods = append(mods, goModule{Dir: filepath.Dir(p), Packages: pkgs})
		}
		return nil
	})
	return mods, notes
}

// inspectModule returns the packages of a module (go list patterns
// relative to dir, in walk order) whose non-test Go files mention a
// policy, and the first Go file that the module may not be loaded with
// ("" when there is none) and why.
func inspectModule(dir string, maxSize int64) (pkgs []string, oddFile, why string) {
	mentioned := map[string]bool{}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && (skipDirs[d.Name()] || d.Name() == "testdata") {
				return fs.SkipDir
			}
			if p != dir {
				if _, err := os.Lstat(filepath.Join(p, "go.mod")); err == nil {
					return fs.SkipDir // a nested module is scanned on its own
				}
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") {
			return nil
		}
		if !d.Type().IsRegular() && !linkInside(p, dir) {
			oddFile, why = p, "is not a regular file, and the go command would open it"
			return fs.SkipAll
		}
		if info, err := os.Stat(p); err == nil && info.Size() > maxSize {
			oddFile, why = p, fmt.Sprintf("is %d bytes, over the %d-byte limit (--max-file-size)", info.Size(), maxSize)
			return fs.SkipAll
		}
		pkg := filepath.Dir(p)
		if mentioned[pkg] || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		if mentions, _ := mentionsPolicy(p, maxSize); !mentions {
			return nil
		}
		mentioned[pkg] = true
		pattern := "."
		if rel, err := filepath.Rel(dir, pkg); err == nil && rel != "." {
			pattern = "./" + filepath.ToSlash(rel)
		}
		pkgs = append(pkgs, pattern)
		return nil
	})
	return pkgs, oddFile, why
}

// linkInside reports whether p is a symbolic link to a regular file
// inside dir.
func linkInside(p, dir string) bool {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		return false
	}
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return false
	}
	info, err := os.Stat(target)
	rel, relErr := filepath.Rel(root, target)
	return err == nil && info.Mode().IsRegular() && relErr == nil && !strings.HasPrefix(rel, "..")
}

// holdsNoPolicy reports whether the Go file p was read whole and mentions
// no policy and not the AWS SDK; a file that cannot be read, or is larger
// than maxSize, is left to the loader, which reports it.
func holdsNoPolicy(p string, maxSize int64) bool {
	info, err := os.Stat(p)
	if err != nil || !info.Mode().IsRegular() || info.Size() > maxSize {
		return false
	}
	mentions, read := mentionsPolicy(p, maxSize)
	return read && !mentions
}

// mentionsPolicy reads at most maxSize bytes of the Go file p and reports
// whether they mention a policy ("Statement", also escaped) or the AWS
// SDK; read is false when the file could not be read.
func mentionsPolicy(p string, maxSize int64) (mentions, read bool) {
	f, err := os.Open(p)
	if err != nil {
		return false, false
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxSize))
	if err != nil {
		return false, false
	}
	return bytes.Contains(b, []byte(`\"Statement\"`)) || bytes.Contains(b, []byte(`"Statement"`)) || bytes.Contains(b, []byte("aws-sdk-go")), true
}

// scanGo runs the go/analysis pass on the packages matching patterns in dir
// through the checker, and returns the pass's findings with paths made
// relative for output. l, when not nil, is what go list already gave for
// them.
func scanGo(ctx context.Context, eng *engine.Engine, dir string, patterns []string, l *listed, opts Options, st *Stats) ([]*engine.Finding, []Notification) {
	ok, notes := loadGo(ctx, dir, patterns, l, opts)
	st.GoPackages += len(ok)
	findings, more := analyseGo(eng, dir, ok, opts)
	return findings, append(notes, more...)
}

// listed is the package graph go list gave for the packages of a module,
// or its error.
type listed struct {
	pkgs []*packages.Package
	err  error
}

// listGo runs go list for the packages matching patterns in dir: the
// package graph, which typeCheck type-checks from source. (NeedTypes would
// have go list run cgo or the compiler, and scanning must not build the
// scanned code.)
func listGo(ctx context.Context, dir string, patterns []string, opts Options) (l listed) {
	defer func() {
		if p := recover(); p != nil {
			l = listed{err: fmt.Errorf("%s", fault.Describe(fault.GoPackage, p))}
		}
	}()
	ctx, cancel := context.WithTimeout(ctx, goTimeout)
	defer cancel()
	cfg := &packages.Config{Context: ctx, Mode: goListMode, Dir: dir, Env: GoEnv(opts.GoNetwork)}
	l.pkgs, l.err = packages.Load(cfg, patterns...)
	return l
}

// loadGo loads and type-checks the packages matching patterns in dir (l,
// when not nil, is what go list gave for them), and returns those that
// can be analysed, with a notification for each that cannot. A panic here
// is an internal error of the module.
func loadGo(ctx context.Context, dir string, patterns []string, l *listed, opts Options) (ok []*packages.Package, notes []Notification) {
	defer func() {
		if p := recover(); p != nil {
			ok, notes = nil, internalErrors([]string{dir}, fault.GoPackage, p)
		}
	}()
	if l == nil {
		ll := listGo(ctx, dir, patterns, opts)
		l = &ll
	}
	ctx, cancel := context.WithTimeout(ctx, goTimeout)
	defer cancel()
	pkgs, err := l.pkgs, l.err
	abs, aerr := filepath.Abs(dir)
	if err == nil {
		err = aerr
	}
	if err == nil {
		err = typeCheck(ctx, pkgs, abs, false, opts.typeCache)
	}
	if err == nil && illTyped(pkgs) {
		// Check again with dependencies whole and not from the cache, so
		// that a problem is reported as the type checker sees the real
		// source, on a graph of its own.
		fresh := listGo(ctx, dir, patterns, opts)
		if pkgs, err = fresh.pkgs, fresh.err; err == nil {
			err = typeCheck(ctx, pkgs, abs, true, nil)
		}
	}
	if err != nil {
		return nil, []Notification{{Path: displayPath(dir), Message: fmt.Sprintf("loading Go packages: %v (the module's dependencies must be in the module cache; --go-network lets seslint download them)", err), Error: true}}
	}
	for _, p := range pkgs {
		if len(p.GoFiles) == 0 && len(p.IgnoredFiles) > 0 {
			// Build constraints leave the package out, as ./... would.
			continue
		}
		if len(p.Errors) > 0 {
			e := p.Errors[0]
			pos := e.Pos
			if pos == "" || pos == "-" {
				pos = displayPath(dir)
			} else if i := strings.Index(pos, ".go:"); i >= 0 {
				pos = displayPath(pos[:i+len(".go")]) + pos[i+len(".go"):] // file:line:col, the file relative
			}
			notes = append(notes, Notification{Path: pos, Message: fmt.Sprintf("package %s not checked: %s (seslint loads Go packages offline: run `go mod download` in the module, or pass --go-network)", p.PkgPath, e.Msg), Error: true})
			continue
		}
		ok = append(ok, p)
	}
	dropDependencySyntax(pkgs)
	return ok, notes
}

// dropDependencySyntax lets the collector reclaim the syntax and type
// information of the packages that roots import but are not roots
// themselves (the standard library, the module cache): the pass uses no
// facts, so only their types are needed, and kept, they are marked on
// every collection while the roots are analysed.
func dropDependencySyntax(roots []*packages.Package) {
	root := map[*packages.Package]bool{}
	for _, p := range roots {
		root[p] = true
	}
	packages.Visit(roots, nil, func(p *packages.Package) {
		if !root[p] {
			p.Syntax, p.TypesInfo = nil, nil
		}
	})
}

// analyseGo runs the pass on loaded packages of dir. A panic in the pass
// over one package is that package's error (the pass recovers it); any
// other panic here is an internal error of the module.
func analyseGo(eng *engine.Engine, dir string, ok []*packages.Package, opts Options) (findings []*engine.Finding, notes []Notification) {
	defer func() {
		if p := recover(); p != nil {
			findings, notes = nil, internalErrors([]string{dir}, fault.GoPackage, p)
		}
	}()
	if len(ok) == 0 {
		return nil, nil
	}
	analyzer.SetEngine(eng)
	now := opts.Now
	analyzer.Now = func() time.Time { return now }
	if opts.EvalTimeout > 0 {
		analyzer.EvalTimeout = opts.EvalTimeout
	}
	// The packages are analysed a batch at a time: the checker keeps every
	// package's results (the inspector's index of its syntax) until it
	// returns, and the pass has no facts to share between packages.
	for start := 0; start < len(ok); start += goBatch {
		batch := ok[start:min(start+goBatch, len(ok))]
		graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.Analyzer}, batch, nil)
		if err != nil {
			return findings, append(notes, Notification{Path: displayPath(dir), Message: err.Error(), Error: true})
		}
		for act := range graph.All() {
			if act.Analyzer != analyzer.Analyzer || !act.IsRoot {
				continue
			}
			if act.Err != nil {
				at := displayPath(dir)
				if len(act.Package.GoFiles) > 0 {
					at = displayPath(act.Package.GoFiles[0])
				}
				notes = append(notes, Notification{Path: at, Message: act.Err.Error(), Error: true})
				continue
			}
			fs, _ := act.Result.([]*engine.Finding)
			for _, f := range fs {
				if keep(f.Rule.ID, opts) {
					findings = append(findings, relocate(f))
				}
			}
		}
		// The batch's syntax and type information are not needed again:
		// dropped, the collector reclaims them while the next batches are
		// analysed instead of marking them on every cycle.
		for _, p := range batch {
			p.Syntax, p.TypesInfo = nil, nil
		}
	}
	return findings, notes
}

func illTyped(pkgs []*packages.Package) bool {
	for _, p := range pkgs {
		if p.IllTyped {
			return true
		}
	}
	return false
}

// relocate gives a finding of the Go pass (absolute file names) the
// display path of the other findings.
func relocate(f *engine.Finding) *engine.Finding {
	if !filepath.IsAbs(f.File.Path) {
		return f
	}
	rel := displayPath(f.File.Path)
	if rel == f.File.Path {
		return f
	}
	g := *f
	nf := *f.File
	nf.Path = rel
	g.File = &nf
	return &g
}
