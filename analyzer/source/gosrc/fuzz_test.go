package gosrc

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/seslint/seslint/analyzer/policy"
)

// maxFuzzInput bounds fuzz inputs (parsing and type checking are linear;
// larger inputs only run slower).
const maxFuzzInput = 64 << 10

// stubs is an importer of the AWS SDK stubs the analyzer's tests use
// (analyzer/testdata/src) and of a two-function fmt, type-checked once.
type stubs struct {
	mu   sync.Mutex
	fset *token.FileSet
	pkgs map[string]*types.Package
}

var sdkStubs = &stubs{fset: token.NewFileSet(), pkgs: map[string]*types.Package{}}

// stdStubs are the standard packages the stubs and seeds import, as far
// as they use them.
var stdStubs = map[string]string{
	"fmt": "package fmt\n\ntype Writer interface{ Write(p []byte) (int, error) }\n\n" +
		"func Sprintf(format string, a ...any) string\n\nfunc Fprintf(w Writer, format string, a ...any) (int, error)\n",
	"context": "package context\n\ntype Context interface{}\n\nfunc Background() Context\n\nfunc TODO() Context\n",
}

func (s *stubs) Import(path string) (*types.Package, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.load(path)
}

func (s *stubs) load(path string) (*types.Package, error) {
	if p, ok := s.pkgs[path]; ok {
		return p, nil
	}
	var files []*ast.File
	if stub, ok := stdStubs[path]; ok {
		f, err := parser.ParseFile(s.fset, path+".go", stub, 0)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	} else {
		dir := filepath.Join("..", "..", "testdata", "src", filepath.FromSlash(path))
		if rest, ok := strings.CutPrefix(path, "example.com/mailer/"); ok {
			// The fixtures' Go module.
			dir = filepath.Join("..", "..", "..", "fixtures", "go", filepath.FromSlash(rest))
		}
		names, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, n := range names {
			f, err := parser.ParseFile(s.fset, n, nil, 0)
			if err != nil {
				return nil, err
			}
			files = append(files, f)
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("no stub for %s", path)
		}
	}
	conf := types.Config{Importer: importerFunc(s.load)}
	p, err := conf.Check(path, s.fset, files, nil)
	if err != nil {
		return nil, err
	}
	s.pkgs[path] = p
	return p, nil
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// extract type-checks one Go file against the stubs and returns its
// policies as a unit, or nil when it does not type-check (the analyzer
// never sees such a package).
func extract(src []byte) (*policy.Unit, []*Found) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "fuzz.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, nil
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	conf := types.Config{Importer: sdkStubs}
	if _, err := conf.Check("example.com/fuzz", fset, []*ast.File{file}, info); err != nil {
		return nil, nil
	}
	found, dirs := Extract(&Package{Fset: fset, Files: []*ast.File{file}, Info: info,
		ReadFile: func(string) ([]byte, error) { return src, nil }})
	u := &policy.Unit{Directives: dirs}
	for _, f := range found {
		u.Documents = append(u.Documents, f.Doc)
	}
	return u, found
}

// checkUnit checks the spans of a package's policies, suppressions and
// string literals.
func checkUnit(t *testing.T, src []byte, u *policy.Unit, found []*Found) {
	t.Helper()
	if err := u.CheckSpans(); err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		for _, p := range f.Parts {
			if p.Start < 0 || p.End < p.Start || p.End > len(src) {
				t.Fatalf("literal [%d, %d) outside the file (%d bytes)", p.Start, p.End, len(src))
			}
		}
	}
}

// FuzzGoSource: any Go file that type-checks is read for policies without
// a panic, and every span — documents, decoded trees, suppressions,
// literals — lies inside the file.
func FuzzGoSource(f *testing.F) {
	for _, root := range []string{"../../../fixtures/go", "../../testdata/src"} {
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.Contains(p, "github.com") {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if u, _ := extract(b); u == nil {
				// A seed the fuzzer cannot type-check only tests the parser.
				f.Fatalf("%s does not type-check against the stubs", p)
			}
			f.Add(b)
			return nil
		})
		if err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > maxFuzzInput {
			return
		}
		if u, found := extract(src); u != nil {
			checkUnit(t, src, u, found)
		}

	})
}

// FuzzGoStringLiteral: a policy written as a Go string literal —
// interpreted (every escape Go has) or raw — maps each byte of its value
// to the source byte that wrote it, or to the backslash of the escape
// that did, in order and inside the literal; the policy decoded through
// that mapping has every span inside the file.
func FuzzGoStringLiteral(f *testing.F) {
	f.Add("ses:SendEmail", false, false)
	f.Add("ses:Send\u00e9\t\"x\"\\", false, true)
	f.Add("ses:Send\x00\xff😀", true, false)
	f.Add("line\r\nbreak", true, true)
	f.Fuzz(func(t *testing.T, action string, raw, concat bool) {
		if len(action) > maxFuzzInput {
			return
		}
		text := `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "` + action + `", "Resource": "*"}]}`
		quote := strconv.Quote
		if raw {
			// Go source holds no NUL, no invalid UTF-8, no byte order mark.
			if strings.ContainsAny(text, "`\x00\uFEFF") || !utf8.ValidString(text) {
				return
			}
			quote = func(s string) string { return "`" + s + "`" }
		}
		lit := quote(text)
		if concat {
			// Two literals joined: the mapping runs through both.
			half := len(text) / 2
			lit = quote(text[:half]) + " +\n\t" + quote(text[half:])
		}
		src := []byte("package p\n\n// P is a policy.\nconst P = " + lit + "\n")
		u, found := extract(src)
		if u == nil {
			t.Fatalf("does not type-check:\n%s", src)
		}
		checkUnit(t, src, u, found)
		if len(found) != 1 {
			t.Fatalf("%d policies found in\n%s", len(found), src)
		}
		for _, p := range found[0].Parts {
			value, err := strconv.Unquote(string(src[p.Start:p.End]))
			if err != nil {
				t.Fatal(err)
			}
			if raw {
				value = constant.StringVal(constant.MakeFromLiteral(string(src[p.Start:p.End]), token.STRING, 0))
			}
			offs := policy.AlignOffsets(src, p.Start+1, p.End-1, value, !raw)
			for i, o := range offs {
				if o < p.Start+1 || o > p.End-1 || (i > 0 && o < offs[i-1]) {
					t.Fatalf("offset %d is %d, outside the literal [%d, %d) or before the previous", i, o, p.Start, p.End)
				}
				if i < len(value) && src[o] != value[i] && (raw || src[o] != '\\') {
					t.Fatalf("value byte %d %q maps to %q", i, value[i], src[o])
				}
			}
		}
	})
}
