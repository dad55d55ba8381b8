package scan

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// depParser returns the parser typeCheck uses for the packages of the
// module in dir: files under dir (the packages seslint checks) are
// parsed whole; files of dependencies (the standard library, the module
// cache) are parsed without comments and with their function bodies
// dropped, since only their types are needed and type-checking the bodies
// of the standard library is most of the time spent loading a small module.
//
// Dropping bodies leaves imports that only bodies used, which the type
// checker reports as unused; those imports become blank imports. A file
// where that cannot be decided from the syntax alone (a dot import, a
// selector on a name that is neither an import nor declared in the file)
// keeps its bodies. If a checked package still ends up with errors, the
// caller checks again with every file whole.
func depParser(dir string) func(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	prefix := filepath.Clean(dir) + string(filepath.Separator)
	return func(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
		if strings.HasPrefix(filename, prefix) {
			return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
		}
		f, err := parser.ParseFile(fset, filename, src, parser.AllErrors|parser.SkipObjectResolution)
		if err != nil || f == nil {
			return f, err
		}
		dropBodies(f)
		return f, nil
	}
}

var versionElem = regexp.MustCompile(`^v[0-9]+$`)

// importName guesses the name a package imported without a name is used
// by: the last element of its path, without a major-version element or
// suffix (math/rand/v2, gopkg.in/yaml.v3). A wrong guess is caught by
// dropBodies, which then keeps the bodies.
func importName(p string) string {
	base := path.Base(p)
	if versionElem.MatchString(base) {
		base = path.Base(path.Dir(p))
	}
	if i := strings.Index(base, ".v"); i > 0 {
		base = base[:i]
	}
	return base
}

// dropBodies empties the bodies of a file's function declarations, and
// blanks the imports only they used, when the file's syntax shows which
// imports those are.
func dropBodies(f *ast.File) {
	names := map[string]*ast.ImportSpec{}
	for _, imp := range f.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			return
		}
		name := importName(p)
		if imp.Name != nil {
			name = imp.Name.Name
		}
		if name == "." {
			return
		}
		if name != "_" {
			names[name] = imp
		}
	}
	declared := map[string]bool{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			declared[d.Name.Name] = true
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					declared[s.Name.Name] = true
				case *ast.ValueSpec:
					for _, n := range s.Names {
						declared[n.Name] = true
					}
				}
			}
		}
	}
	// The selectors written outside function bodies: every one must start
	// from an import or a name of the file, or the file is left whole.
	used := map[string]bool{}
	unknown := false
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			d = &ast.FuncDecl{Recv: fd.Recv, Name: fd.Name, Type: fd.Type}
		}
		ast.Inspect(d, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok {
					switch {
					case names[id.Name] != nil:
						used[id.Name] = true
					case !declared[id.Name]:
						unknown = true
					}
				}
			}
			return true
		})
	}
	if unknown || declared["panic"] {
		return
	}
	// A body that only panics type-checks at once (no missing return) and
	// keeps the declaration a definition (generic functions and init must
	// have bodies).
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
			pos := fd.Body.Lbrace
			fd.Body = &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{
				Fun: &ast.Ident{NamePos: pos, Name: "panic"}, Lparen: pos, Rparen: pos,
				Args: []ast.Expr{&ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: "0"}},
			}}}}
		}
	}
	for name, imp := range names {
		if !used[name] {
			imp.Name = ast.NewIdent("_")
		}
	}
}
