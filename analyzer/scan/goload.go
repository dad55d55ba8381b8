package scan

import (
	"context"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"runtime"
	"sync"

	"golang.org/x/tools/go/packages"

	"github.com/seslint/seslint/internal/fault"
)

// goListMode asks `go list` for the package graph only: seslint parses and
// type-checks the packages itself (typeCheck), so that the types of
// dependencies can come from the type cache.
const goListMode = packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps | packages.NeedModule

// typeCheck parses and type-checks the packages of a graph loaded with
// goListMode, as packages.Load with NeedTypes, NeedSyntax, NeedTypesInfo
// and NeedDeps would: roots from their whole source, with full type
// information; the other packages for their types only, with the
// dependencies' function bodies dropped (depParser), unless whole is set.
// A dependency the cache holds is read from it; one checked without errors
// is written to it. Packages are checked concurrently, each once its
// imports are done. Errors go to each package's Errors, as go/packages
// reports them.
func typeCheck(ctx context.Context, roots []*packages.Package, dir string, whole bool, cache *typeCache) error {
	fset := token.NewFileSet()
	arch := os.Getenv("GOARCH") // the target go list selected files for
	if arch == "" {
		arch = runtime.GOARCH
	}
	sizes := types.SizesFor("gc", arch)
	if sizes == nil {
		sizes = types.SizesFor("gc", "amd64")
	}
	parse := depParser(dir)
	if whole {
		parse = nil
	}
	isRoot := map[*packages.Package]bool{}
	for _, p := range roots {
		isRoot[p] = true
	}
	var order []*packages.Package
	packages.Visit(roots, nil, func(p *packages.Package) { order = append(order, p) })
	keys := cache.keys(order, isRoot, sizes)

	done := map[*packages.Package]chan struct{}{}
	for _, p := range order {
		done[p] = make(chan struct{})
	}
	var readMu sync.Mutex // gcexportdata.Read adds to imported and to its packages
	imported := map[string]*types.Package{}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, p := range order {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(done[p])
			defer func() {
				// A panic of the type checker is this package's error,
				// not the end of the scan.
				if e := recover(); e != nil {
					if p.Types == nil {
						p.Types = types.NewPackage(p.PkgPath, p.Name)
					}
					p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: fault.Describe(fault.TypeCheck, e), Kind: packages.UnknownError})
					p.IllTyped = true
				}
			}()
			for _, ip := range p.Imports {
				<-done[ip]
			}
			p.Fset, p.TypesSizes = fset, sizes
			if p.PkgPath == "unsafe" {
				p.Types = types.Unsafe
				return
			}
			if ctx.Err() != nil {
				return
			}
			sem <- struct{}{}
			defer func() { <-sem }()
			if key := keys[p]; key != "" {
				readMu.Lock()
				t := cache.read(key, fset, imported, p.PkgPath)
				readMu.Unlock()
				if t != nil {
					p.Types = t
					return
				}
			}
			checkPackage(p, fset, sizes, parse, isRoot[p])
			readMu.Lock()
			imported[p.PkgPath] = p.Types
			readMu.Unlock()
			if key := keys[p]; key != "" && !p.IllTyped {
				cache.write(key, fset, p.Types)
			}
		}()
	}
	wg.Wait()
	cache.trim()
	return ctx.Err()
}

// checkPackage parses and type-checks one package whose imports are done.
func checkPackage(p *packages.Package, fset *token.FileSet, sizes types.Sizes, parse func(*token.FileSet, string, []byte) (*ast.File, error), root bool) {
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	for _, name := range p.GoFiles {
		fault.Point(fault.TypeCheck, name)
		src, err := os.ReadFile(name)
		if err != nil {
			p.Errors = append(p.Errors, packages.Error{Pos: name + ":1", Msg: err.Error(), Kind: packages.ParseError})
			continue
		}
		var f *ast.File
		if parse != nil {
			f, err = parse(fset, name, src)
		} else {
			f, err = parser.ParseFile(fset, name, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
		}
		var list scanner.ErrorList
		switch {
		case err == nil:
		case asErrorList(err, &list):
			for _, e := range list {
				p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		default:
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.ParseError})
		}
		if f != nil {
			p.Syntax = append(p.Syntax, f)
		}
	}
	if root {
		p.TypesInfo = &types.Info{
			Types:        map[ast.Expr]types.TypeAndValue{},
			Defs:         map[*ast.Ident]types.Object{},
			Uses:         map[*ast.Ident]types.Object{},
			Implicits:    map[ast.Node]types.Object{},
			Instances:    map[*ast.Ident]types.Instance{},
			Scopes:       map[ast.Node]*types.Scope{},
			Selections:   map[*ast.SelectorExpr]*types.Selection{},
			FileVersions: map[*ast.File]string{},
		}
	}
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			if ip := p.Imports[path]; ip != nil && ip.Types != nil {
				return ip.Types, nil
			}
			return nil, &os.PathError{Op: "import", Path: path, Err: os.ErrNotExist}
		}),
		Error: func(err error) {
			if e, ok := err.(types.Error); ok {
				p.TypeErrors = append(p.TypeErrors, e)
				p.Errors = append(p.Errors, packages.Error{Pos: e.Fset.Position(e.Pos).String(), Msg: e.Msg, Kind: packages.TypeError})
				return
			}
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		},
		Sizes: sizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	err := types.NewChecker(tc, fset, p.Types, p.TypesInfo).Files(p.Syntax)
	if err != nil && len(p.Errors) == 0 {
		p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.TypeError})
	}
	p.IllTyped = len(p.Errors) > 0
	for _, ip := range p.Imports {
		p.IllTyped = p.IllTyped || ip.IllTyped
	}
	if !root {
		p.Syntax = nil
	}
}

func asErrorList(err error, list *scanner.ErrorList) bool {
	l, ok := err.(scanner.ErrorList)
	*list = l
	return ok
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
